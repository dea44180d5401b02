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

# The web client: a message's menu, and the dialog of one moderation action.
mod-more-actions = আরও কাজ
mod-view-profile = প্রোফাইল দেখুন
mod-timeout-title = { $user }-কে টাইম-আউট দিন
mod-ban-title = { $user }-কে নিষিদ্ধ করুন
mod-ban-everywhere-title = { $user }-কে কমিউনিটি থেকে নিষিদ্ধ করুন
mod-kick-title = { $user }-কে চ্যানেল থেকে সরিয়ে দিন
mod-ban-until-lifted = তুলে না নেওয়া পর্যন্ত
mod-scope = কোথায়
mod-scope-channel = শুধু { $channel }-এ
mod-scope-everywhere = পুরো কমিউনিটিতে
mod-also-delete = এই বার্তাটিও মুছুন
mod-reason-hint = অডিট লগে রাখা হয়। সদস্যরা চ্যানেলের মডারেশন লগে এটি পড়তে পারেন।
mod-report-person-title = { $user }-কে রিপোর্ট করুন
mod-report-category = সমস্যাটি কী?
mod-report-send = রিপোর্ট পাঠান

# The web client: a channel's settings, and what the composer says.
mod-channel-settings = চ্যানেলের সেটিংস
mod-channel-settings-title = { $channel }-এর সেটিংস
mod-slow-mode-hint = প্রত্যেক সদস্য নির্দিষ্ট সময়ে একটি করে বার্তা পাঠাতে পারেন। মডারেটরদের জন্য এটি প্রযোজ্য নয়।
mod-lock-hint = লক করা চ্যানেলে শুধু মডারেটররা লিখতে পারেন।
mod-public-modlog = সদস্যরা মডারেশন লগ পড়তে পারবেন
mod-public-modlog-hint = এটি বন্ধ থাকলে শুধু চ্যানেলের মডারেটর ও কর্মীরা এটি পড়তে পারবেন।
mod-modlog-title = { $channel }-এর মডারেশন লগ
mod-modlog-empty = এই চ্যানেলে এখনও কোনো মডারেশন হয়নি।
mod-composer-slow-mode = স্লো মোড চালু আছে: প্রতি { $duration }-এ একটি বার্তা।
mod-composer-locked = এই চ্যানেলটি লক করা আছে: শুধু মডারেটররা লিখতে পারেন।
mod-composer-timed-out = { $until } পর্যন্ত আপনার টাইম-আউট চলছে।

# The web client: the reports queue.
mod-nav = মডারেশন
mod-reports-open =
    { $count ->
        [one] { $count }টি খোলা রিপোর্ট
       *[other] { $count }টি খোলা রিপোর্ট
    }
mod-reports-filter = দেখান
mod-reports-filter-active = খোলা ও পর্যালোচনাধীন
mod-reports-filter-closed = বন্ধ
mod-reports-filter-all = সব
mod-reports-empty = এখানে কোনো রিপোর্ট নেই।
mod-report-by = রিপোর্ট করেছেন:
mod-report-about = যাঁর সম্পর্কে:
mod-report-automod = স্বয়ংক্রিয় মডারেশন চিহ্নিত করেছে
mod-report-reporter-note = রিপোর্টকারী লিখেছেন:
mod-report-open-conversation = কথোপকথনে যান
mod-report-claimed-by = পর্যালোচনা করছেন:
mod-report-closed-by = বন্ধ করেছেন:
mod-report-notes = মডারেটরদের নোট
mod-resolve-title = এই রিপোর্টে ব্যবস্থা নিন
mod-resolve-action = ব্যবস্থা
mod-resolve-none = আর কোনো ব্যবস্থার দরকার নেই (আগেই সমাধান হয়েছে)
mod-resolve-note = নোট
mod-dismiss-title = এই রিপোর্টটি খারিজ করুন
mod-note-body = অন্য মডারেটরদের জন্য নোট

# The web client: the audit log and a channel's moderation log.
mod-audit-filter = কাজ
mod-audit-filter-all = সব কাজ
mod-audit-filter-moderation = মডারেশন
mod-audit-filter-report = রিপোর্টসমূহ
mod-audit-filter-automod = স্বয়ংক্রিয় মডারেশন
mod-audit-filter-role = ভূমিকা
mod-audit-filter-consultation = পরামর্শ দেখা
mod-audit-empty = কোনো এন্ট্রি নেই।
mod-audit-load-older = পুরনো এন্ট্রি লোড করুন
mod-audit-reason = কারণ: { $reason }
mod-audit-target-message = বার্তা #{ $id }
mod-audit-target-report = রিপোর্ট #{ $id }
mod-audit-target-consultation = পরামর্শ #{ $id }
mod-audit-target-automod-rule = স্বয়ংক্রিয় মডারেশনের নিয়ম #{ $id }
mod-audit-target-conversation = কথোপকথন #{ $id }
mod-audit-action-moderation-delete-message = বার্তা মোছা হয়েছে
mod-audit-action-moderation-pin = বার্তা পিন করা হয়েছে
mod-audit-action-moderation-unpin = বার্তা আনপিন করা হয়েছে
mod-audit-action-moderation-timeout = টাইম-আউট
mod-audit-action-moderation-lift-timeout = টাইম-আউট তুলে নেওয়া হয়েছে
mod-audit-action-moderation-kick = চ্যানেল থেকে সরানো হয়েছে
mod-audit-action-moderation-ban = নিষেধাজ্ঞা
mod-audit-action-moderation-unban = নিষেধাজ্ঞা তুলে নেওয়া হয়েছে
mod-audit-action-moderation-slow-mode = স্লো মোড বদলানো হয়েছে
mod-audit-action-moderation-lock = লক বদলানো হয়েছে
mod-audit-action-automod-timeout = স্বয়ংক্রিয় মডারেশনের টাইম-আউট
mod-audit-action-report-resolve = রিপোর্টে ব্যবস্থা নেওয়া হয়েছে
mod-audit-action-report-dismiss = রিপোর্ট খারিজ হয়েছে
mod-audit-action-automod-create = স্বয়ংক্রিয় মডারেশনের নিয়ম তৈরি
mod-audit-action-automod-update = স্বয়ংক্রিয় মডারেশনের নিয়ম বদল
mod-audit-action-automod-delete = স্বয়ংক্রিয় মডারেশনের নিয়ম মোছা
mod-audit-action-role-change = ভূমিকা বদল
mod-audit-action-consultation-read = পরামর্শ পড়া হয়েছে
mod-audit-action-consultation-list = পরামর্শের তালিকা দেখা হয়েছে
mod-audit-action-consultation-history = পরামর্শের ইতিহাস পড়া হয়েছে
mod-audit-action-consultation-queues = সারি দেখা হয়েছে
