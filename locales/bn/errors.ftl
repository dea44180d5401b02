# Error messages. One per protocol::ErrorCode: error-<code with dashes>.
# Shown to one person, rendered by the server in that person's language.

error-invalid-json = বার্তাটি পড়া যায়নি: এটি বৈধ JSON নয়।
error-invalid-message = বার্তাটি বোঝা যায়নি: { $detail }
error-binary-not-supported = বাইনারি ফ্রেম সমর্থিত নয়; অনুগ্রহ করে JSON টেক্সট ফ্রেম পাঠান।
error-hello-expected = একটি hello বার্তা দিয়ে সংযোগ শুরু করুন, এবং সেটি শুধু একবারই পাঠান।
error-unsupported-protocol = এই সার্ভার প্রোটোকল সংস্করণ { $version } ব্যবহার করে; অনুগ্রহ করে আপনার অ্যাপ আপডেট করুন।
error-unauthenticated = আপনার সেশন শেষ হয়ে গেছে। অনুগ্রহ করে আবার লগ ইন করুন।
error-invalid-credentials = ব্যবহারকারীর নাম বা পাসওয়ার্ড ভুল।
error-account-disabled = এই অ্যাকাউন্টটি নিষ্ক্রিয় করা হয়েছে।
error-forbidden = আপনার এটি করার অনুমতি নেই।
error-not-found = এটির কোনো অস্তিত্ব নেই, অথবা এটি দেখার অনুমতি আপনার নেই।
error-not-member = আপনি এই কথোপকথনের সদস্য নন।
error-invite-required = এই চ্যানেলে শুধু আমন্ত্রণের মাধ্যমেই যোগ দেওয়া যায়।
error-not-author = শুধু লেখকই এই বার্তাটি পরিবর্তন করতে পারেন।
error-message-deleted = বার্তাটি মুছে ফেলা হয়েছে।
error-empty-body = বার্তা খালি রাখা যাবে না।
error-body-too-long = একটি বার্তায় সর্বোচ্চ { $max }টি অক্ষর থাকতে পারে।
error-invalid-field = “{ $field }” ফিল্ডটি নেই অথবা সঠিক নয়।
error-username-taken = এই ব্যবহারকারীর নামটি ইতিমধ্যে অন্য কেউ নিয়েছেন।
error-channel-name-taken = এই নামে একটি চ্যানেল আগে থেকেই আছে।
error-invalid-username = ব্যবহারকারীর নামে 3 থেকে 32টি অক্ষর থাকতে পারে: বর্ণ, সংখ্যা, বিন্দু (.), ড্যাশ (-) বা আন্ডারস্কোর (_)।
error-weak-password = পাসওয়ার্ডে কমপক্ষে { $min }টি অক্ষর থাকতে হবে।
error-password-too-long = পাসওয়ার্ড সর্বোচ্চ { $max } অক্ষরের হতে পারে।
error-rate-limited =
    { $seconds ->
        [one] আপনি খুব দ্রুত পাঠাচ্ছেন। অনুগ্রহ করে { $seconds } সেকেন্ড পরে আবার চেষ্টা করুন।
       *[other] আপনি খুব দ্রুত পাঠাচ্ছেন। অনুগ্রহ করে { $seconds } সেকেন্ড পরে আবার চেষ্টা করুন।
    }
error-invalid-client-id = প্রতিটি বার্তার জন্য 1 থেকে 64 অক্ষরের একটি ক্লায়েন্ট আইডি প্রয়োজন।
error-too-many-members = একটি গ্রুপ কথোপকথনে সর্বোচ্চ { $max } জন থাকতে পারেন।
error-invalid-range = কোনো একটি নির্দিষ্ট জায়গার আগের অথবা পরের বার্তা চান, দুটো একসাথে নয়।
error-unavailable = সার্ভার ব্যস্ত আছে বা পুনরায় চালু হচ্ছে। অনুগ্রহ করে একটু পরে আবার চেষ্টা করুন।
error-internal = সার্ভারে কোনো সমস্যা হয়েছে। অনুগ্রহ করে পরে আবার চেষ্টা করুন।
