# System events in conversations. Stored as ids and arguments; every reader sees them in their own language.
# $actor and $user are display names.

event-member-joined = { $user } যোগ দিয়েছেন।
event-member-left = { $user } চলে গেছেন।
event-member-invited = { $actor } { $user }-কে আমন্ত্রণ জানিয়েছেন।
event-channel-created = { $actor } { $name } চ্যানেলটি তৈরি করেছেন।
event-channel-updated = { $actor } চ্যানেলের বিষয় বদলে “{ $topic }” করেছেন।
event-moderator-added = { $actor } { $user }-কে এই চ্যানেলের মডারেটর করেছেন।
event-moderator-removed = { $user } আর এই চ্যানেলের মডারেটর নন।
event-message-deleted = এই বার্তাটি মুছে ফেলা হয়েছে।
event-message-edited = (সম্পাদিত)

# Notices to one person.
notice-mentioned = { $user } { $conversation }-এ আপনাকে উল্লেখ করেছেন।
notice-unread =
    { $count ->
        [0] কোনো অপঠিত বার্তা নেই
        [one] { $count }টি অপঠিত বার্তা
       *[other] { $count }টি অপঠিত বার্তা
    }
notice-unread-many = 99টির বেশি অপঠিত বার্তা
notice-typing =
    { $count ->
        [one] { $names } টাইপ করছেন…
       *[other] { $names } টাইপ করছেন…
    }
notice-resync = আপনার অনুপস্থিতিতে কিছু বার্তা বাদ পড়েছে; সর্বশেষ বার্তাগুলো লোড করা হচ্ছে।

# WebSocket close reasons.
close-slow-consumer = সংযোগটি তাল মেলাতে পারেনি, তাই আবার সংযোগ করা হবে।
close-service-restart = সার্ভার পুনরায় চালু হচ্ছে; আবার সংযোগ করা হচ্ছে।
close-session-revoked = আপনাকে লগ আউট করা হয়েছে।
close-too-big = বার্তাটি খুব বড় ছিল।
close-auth-timeout = সংযোগটি সময়মতো প্রমাণীকৃত হয়নি।
close-banned = এই অ্যাকাউন্টটিকে কমিউনিটি থেকে নিষিদ্ধ করা হয়েছে।

# Moderation events, seen by every member of the channel.
# $until is a date and time, which the client formats in the reader's language.
event-member-timed-out = { $actor } { $user }-কে { $until } পর্যন্ত টাইম-আউট দিয়েছেন।
event-member-timed-out-everywhere = { $actor } { $user }-কে { $until } পর্যন্ত সব জায়গায় টাইম-আউট দিয়েছেন।
event-timeout-lifted = { $actor } { $user }-এর টাইম-আউট তুলে নিয়েছেন।
event-member-kicked = { $actor } { $user }-কে চ্যানেল থেকে সরিয়ে দিয়েছেন।
event-member-banned = { $actor } { $user }-কে চ্যানেল থেকে নিষিদ্ধ করেছেন।
event-member-banned-until = { $actor } { $user }-কে { $until } পর্যন্ত চ্যানেল থেকে নিষিদ্ধ করেছেন।
event-member-banned-everywhere = { $actor } { $user }-কে কমিউনিটি থেকে নিষিদ্ধ করেছেন।
event-member-unbanned = { $actor } { $user }-এর ওপর থেকে নিষেধাজ্ঞা তুলে নিয়েছেন।
event-slow-mode-changed =
    { $seconds ->
        [0] { $actor } স্লো মোড বন্ধ করেছেন।
        [one] { $actor } স্লো মোড চালু করেছেন: প্রতি { $seconds } সেকেন্ডে একটি করে বার্তা।
       *[other] { $actor } স্লো মোড চালু করেছেন: প্রতি { $seconds } সেকেন্ডে একটি করে বার্তা।
    }
event-channel-locked = { $actor } চ্যানেলটি লক করেছেন: এখন শুধু মডারেটররাই লিখতে পারেন।
event-channel-unlocked = { $actor } চ্যানেলটি আনলক করেছেন।
event-message-pinned = { $actor } একটি বার্তা পিন করেছেন।
event-message-unpinned = { $actor } একটি বার্তা আনপিন করেছেন।
