# Moderation: notices to one person, reports, automod and the web client's texts for members and moderators.
# $conversation is a channel name; $scope is channel (one channel) or global (the whole community).

# Notices to one person, rendered by the server.
notice-timed-out =
    { $scope ->
        [channel] একজন মডারেটর { $conversation }-এ { $minutes } মিনিটের জন্য আপনার বার্তা পাঠানো বন্ধ করে দিয়েছেন।
       *[other] একজন মডারেটর সব জায়গায় { $minutes } মিনিটের জন্য আপনার বার্তা পাঠানো বন্ধ করে দিয়েছেন।
    }
notice-banned = একজন মডারেটর আপনাকে { $conversation } থেকে নিষিদ্ধ করেছেন।
notice-kicked = একজন মডারেটর আপনাকে { $conversation } থেকে সরিয়ে দিয়েছেন। আপনি আবার যোগ দিতে পারেন।
notice-report-resolved = আপনার রিপোর্টের জন্য ধন্যবাদ। মডারেটররা এটি পর্যালোচনা করে ব্যবস্থা নিয়েছেন।
notice-report-dismissed = আপনার রিপোর্টের জন্য ধন্যবাদ। মডারেটররা এটি পর্যালোচনা করে দেখেছেন যে কোনো ব্যবস্থা নেওয়ার প্রয়োজন নেই।

# What a report is about.
report-category-spam = স্প্যাম
report-category-harassment = হয়রানি বা উৎপীড়ন
report-category-hate = ঘৃণাসূচক বক্তব্য বা বৈষম্য
report-category-sexual = যৌন বিষয়বস্তু
report-category-violence = সহিংসতা বা হুমকি
report-category-scam = প্রতারণা বা জালিয়াতি
report-category-privacy = অন্য কারও ব্যক্তিগত তথ্য প্রকাশ করা
report-category-other = অন্য কিছু

# Where a report is in its life.
report-state-open = খোলা
report-state-claimed = পর্যালোচনা চলছে
report-state-resolved = ব্যবস্থা নেওয়া হয়েছে
report-state-dismissed = কোনো ব্যবস্থা নেওয়া হয়নি

# What an automod rule does with a message that matches.
automod-action-block = বার্তাটি আটকে দিন
automod-action-flag = পর্যালোচনার জন্য চিহ্নিত করুন
automod-action-timeout = আটকে দিন ও টাইম-আউট দিন

# The web client: reporting and blocking, and the moderators' tools.
mod-report = রিপোর্ট করুন
mod-report-message = বার্তাটি রিপোর্ট করুন
mod-report-person = এই ব্যক্তিকে রিপোর্ট করুন
mod-report-note = কী হয়েছিল? (ঐচ্ছিক)
mod-report-sent = ধন্যবাদ। মডারেটররা আপনার রিপোর্ট পর্যালোচনা করবেন।
mod-reason = কারণ
mod-delete = বার্তা মুছুন
mod-timeout = টাইম-আউট দিন
mod-timeout-duration = সময়কাল
mod-lift-timeout = টাইম-আউট তুলে নিন
mod-kick = চ্যানেল থেকে সরিয়ে দিন
mod-ban = নিষিদ্ধ করুন
mod-ban-everywhere = কমিউনিটি থেকে নিষিদ্ধ করুন
mod-unban = নিষেধাজ্ঞা তুলে নিন
mod-slow-mode = স্লো মোড
mod-slow-mode-off = বন্ধ
mod-lock = চ্যানেল লক করুন
mod-unlock = চ্যানেল আনলক করুন
mod-pin = পিন করুন
mod-unpin = আনপিন করুন
mod-pinned = পিন করা বার্তা
mod-reports = রিপোর্টসমূহ
mod-claim = পর্যালোচনা করুন
mod-resolve = ব্যবস্থা নিন
mod-dismiss = খারিজ করুন
mod-add-note = নোট যোগ করুন
mod-audit-log = অডিট লগ
mod-modlog = মডারেশন লগ
mod-automod = স্বয়ংক্রিয় মডারেশনের নিয়ম
mod-block = ব্লক করুন
mod-unblock = আনব্লক করুন
mod-blocked-message = আপনার ব্লক করা কারও বার্তা
mod-show-anyway = দেখান
mod-hide-presence = আমার অনলাইন অবস্থা লুকান
