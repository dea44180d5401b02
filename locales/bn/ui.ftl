# The web client's own texts.

app-title = Engawa
app-tagline = প্রতিবেশীদের সাথে কথা বলুন, সাহায্য চান — আপনার নিজের ভাষায়।
language-label = ভাষা
role-member = সদস্য
role-volunteer = স্বেচ্ছাসেবক
role-advisor = উপদেষ্টা
role-moderator = মডারেটর
role-admin = প্রশাসক
visibility-public = সর্বজনীন
visibility-invite-only = শুধু আমন্ত্রিতদের জন্য
visibility-private = ব্যক্তিগত
auth-login = লগ ইন
auth-register = অ্যাকাউন্ট তৈরি করুন
auth-logout = লগ আউট
auth-username = ব্যবহারকারীর নাম
auth-display-name = প্রদর্শিত নাম
auth-password = পাসওয়ার্ড
auth-languages-spoken = আপনি যে ভাষাগুলো বলেন
auth-languages-learning = আপনি যে ভাষাগুলো শিখছেন
auth-languages-hint = কমা দিয়ে আলাদা করা ভাষার কোড, যেমন: en, ja, vi
chat-channels = চ্যানেল
chat-direct = সরাসরি বার্তা
chat-join = যোগ দিন
chat-leave = ছেড়ে যান
chat-create-channel = নতুন চ্যানেল
chat-channel-name = চ্যানেলের নাম
chat-channel-topic = বিষয়
chat-composer-placeholder = একটি বার্তা লিখুন…
chat-send = পাঠান
chat-edit = সম্পাদনা
chat-delete = মুছুন
chat-reply = উত্তর দিন
chat-react = প্রতিক্রিয়া
chat-load-older = পুরোনো বার্তা লোড করুন
chat-empty = এখনও কোনো বার্তা নেই। হ্যালো বলুন!
chat-members =
    { $count ->
        [one] { $count } জন সদস্য
       *[other] { $count } জন সদস্য
    }
chat-conversations = কথোপকথন
chat-browse-channels = চ্যানেলগুলো দেখুন
chat-channel-visibility = দৃশ্যমানতা
chat-channel-languages = চ্যানেলের ভাষা
chat-create = তৈরি করুন
chat-open = খুলুন
chat-back = কথোপকথনে ফিরে যান
chat-no-conversation = একটি কথোপকথন বেছে নিন, অথবা যোগ দিতে চ্যানেলগুলো দেখুন।
chat-no-channels = এখনও দেখানোর মতো কোনো চ্যানেল নেই।
chat-invited = আপনাকে এই চ্যানেলে আমন্ত্রণ জানানো হয়েছে।
chat-invitation = আমন্ত্রণ
chat-message-label = বার্তা
chat-composer-hint = Enter চাপলে পাঠানো হবে, Shift+Enter চাপলে নতুন লাইন শুরু হবে।
chat-mention-list = যাঁদের উল্লেখ করা যায়
chat-find-people = লোকজন খুঁজুন
chat-search = খুঁজুন
chat-no-people = কাউকে পাওয়া যায়নি।
chat-direct-message = বার্তা পাঠান
chat-sending = পাঠানো হচ্ছে…
chat-not-sent = পাঠানো যায়নি: { $error }
chat-retry = আবার চেষ্টা করুন
chat-discard = বাদ দিন
chat-save = সংরক্ষণ করুন
chat-cancel = বাতিল
chat-delete-confirm = এই বার্তাটি মুছে ফেলবেন?
chat-replying-to = { $user }-কে উত্তর দিচ্ছেন
chat-reply-to = { $user }-এর বার্তার উত্তরে: { $text }
chat-reply-unknown = আগের একটি বার্তার উত্তরে
chat-unknown-person = (অজানা)
chat-close = বন্ধ করুন
chat-reacted = { $names } { $emoji } দিয়ে প্রতিক্রিয়া জানিয়েছেন
status-connecting = সংযোগ করা হচ্ছে…
status-offline = আপনি অফলাইনে আছেন। সংযোগ ফিরে এলে আপনার লেখা বার্তাগুলো পাঠানো হবে।
status-online = সংযুক্ত
notice-mentions =
    { $count ->
        [one] { $count }টি উল্লেখ
       *[other] { $count }টি উল্লেখ
    }

# Presence and profiles.
presence-online = অনলাইন
presence-away = দূরে
presence-offline = অফলাইন
presence-last-seen = শেষ দেখা গেছে { $time }
people-title = সদস্যরা
people-partial = এই কথোপকথনে এখন পর্যন্ত যাঁদের দেখা গেছে, শুধু তাঁদের তালিকা দেখানো হচ্ছে।
people-you = আপনি
profile-title = প্রোফাইল
profile-edit = প্রোফাইল সম্পাদনা করুন
profile-role = ভূমিকা
profile-speaks = যে ভাষায় কথা বলেন
profile-learning = যে ভাষা শিখছেন
profile-none = উল্লেখ নেই
profile-app-language = অ্যাপের ভাষা
profile-hide-presence-hint = অন্য সবাই আপনাকে অফলাইন দেখবেন, "শেষ দেখা গেছে" সময় ছাড়াই।
profile-saved = আপনার প্রোফাইল সংরক্ষণ করা হয়েছে।
