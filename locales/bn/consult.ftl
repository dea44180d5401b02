# Consultations: topics, states, notices to one person, system events and the web client's texts.
# $topic is a topic name, $actor and $helper are display names, $language is a language code (e.g. ne).
# Notices and events are read by the person asking for help and by the helpers alike.

# The seeded topics. Topics added later carry their own names.
topic-visa = ভিসা ও বসবাস
topic-visa-description = রেসিডেন্স স্ট্যাটাস, মেয়াদ নবায়ন, স্ট্যাটাস পরিবর্তন, পুনঃপ্রবেশ এবং পরিবারের জন্য ভিসা।
topic-housing = বাসস্থান
topic-housing-description = বাসা খোঁজা, চুক্তি, গ্যারান্টর, বাসায় ওঠা ও বাসা ছাড়া, প্রতিবেশী এবং ময়লা ফেলার নিয়ম।
topic-work = কাজ ও চুক্তি
topic-work-description = চাকরির চুক্তি, বেতন, ওভারটাইম, সামাজিক বিমা, কর এবং চাকরি বদল।
topic-japanese = জাপানি ভাষা
topic-japanese-description = জাপানি শেখা, ক্লাস, JLPT, এবং চিঠি বা ফর্ম বুঝতে ও পূরণ করতে সাহায্য।
topic-daily-life = দৈনন্দিন জীবন ও স্বাস্থ্য
topic-daily-life-description = সিটি অফিসের কাজকর্ম, ব্যাংক, ফোন, হাসপাতাল, স্বাস্থ্য বিমা এবং জরুরি অবস্থা।
topic-other = অন্যান্য
topic-other-description = আর যেকোনো বিষয়ে জানতে চাইলে।

# Where a consultation is in its life.
consultation-state-waiting = অপেক্ষমাণ
consultation-state-active = চলছে
consultation-state-on-hold = স্থগিত
consultation-state-resolved = সমাধান হয়েছে
consultation-state-cancelled = বাতিল
consultation-state-expired = মেয়াদ শেষ

# Whether a helper can take consultations now.
helper-availability-available = উপলব্ধ
helper-availability-busy = ব্যস্ত
helper-availability-away = অনুপস্থিত

# Notices to one person.
notice-available-now =
    { $topic } বিষয়ে { $language ->
        [en] ইংরেজিতে
        [ja] জাপানিতে
        [ne] নেপালিতে
        [vi] ভিয়েতনামিতে
        [bn] বাংলায়
        [ru] রুশ ভাষায়
        [uk] ইউক্রেনীয় ভাষায়
        [zh] চীনা ভাষায়
        [ko] কোরীয় ভাষায়
        [pt] পর্তুগিজ ভাষায়
       *[other] আপনার ভাষায় ({ $language })
    } সাহায্য করতে পারেন, এমন একজনকে এখন পাওয়া যাচ্ছে।
notice-nobody-available =
    এই মুহূর্তে { $topic } বিষয়ে সাহায্য করতে পারেন এবং আপনার ভাষা বলেন, এমন কেউ নেই। তবুও আপনি অনুরোধ পাঠাতে পারেন: এটি অপেক্ষার তালিকায় থাকবে, আর আপনার ভাষা বলেন এমন কেউ অনলাইনে এলেই আপনি উত্তর পাবেন। { $waiting ->
        [0] এখন আর কেউ অপেক্ষায় নেই, তাই আপনিই প্রথম থাকবেন।
        [one] এখন { $waiting }টি অনুরোধ অপেক্ষায় আছে।
       *[other] এখন { $waiting }টি অনুরোধ অপেক্ষায় আছে।
    }
notice-queue-position =
    { $topic } বিষয়ের অপেক্ষার তালিকায় আপনি { $position } নম্বরে আছেন। { $minutes ->
        [0] এক মিনিটেরও কম সময় অপেক্ষা করতে হতে পারে।
        [one] আনুমানিক { $minutes } মিনিট অপেক্ষা করতে হতে পারে।
       *[other] আনুমানিক { $minutes } মিনিট অপেক্ষা করতে হতে পারে।
    }
notice-queue-nobody = { $topic } বিষয়ের অপেক্ষার তালিকায় আপনি { $position } নম্বরে আছেন। এই মুহূর্তে আপনার ভাষা বলেন এমন কেউ নেই; কেউ অনলাইনে এলেই আপনি উত্তর পাবেন।
notice-availability-lapsed = আপনার সংযোগ বিচ্ছিন্ন হয়ে যাওয়ায় আপনার অবস্থা “অনুপস্থিত” করে দেওয়া হয়েছে।

# System events in a consultation.
event-consultation-opened = { $actor } { $topic } বিষয়ে সাহায্য চেয়েছেন।
event-consultation-assigned = { $helper }-কে এই পরামর্শের দায়িত্ব দেওয়া হয়েছে।
event-consultation-claimed = { $helper } এই পরামর্শটির দায়িত্ব নিয়েছেন।
event-consultation-accepted = { $helper } পরামর্শটি গ্রহণ করেছেন এবং এখন সাহায্য করছেন।
event-consultation-unanswered = সময়মতো কেউ উত্তর দেননি, তাই অনুরোধটি পরের সহায়তাকারীর জন্য আবার অপেক্ষার তালিকায় ফিরে গেছে।
event-consultation-held = { $actor } পরামর্শটি স্থগিত রেখেছেন। আপনি আবার লিখলেই এটি আবার চলবে।
event-consultation-held-automatic = কিছুক্ষণ কোনো কথাবার্তা না হওয়ায় পরামর্শটি স্থগিত রাখা হয়েছে। আপনি আবার লিখলেই এটি আবার চলবে।
event-consultation-resumed = পরামর্শটি আবার চলছে।
event-consultation-transferred = { $actor } পরামর্শটি { $helper }-এর হাতে তুলে দিয়েছেন।
event-consultation-transferred-topic = { $actor } পরামর্শটি { $topic } বিষয়ে সরিয়ে নিয়েছেন।
event-consultation-requeued = { $actor } পরামর্শটি অপেক্ষার তালিকায় ফিরিয়ে দিয়েছেন।
event-consultation-helper-invited = { $actor } { $helper }-কে সাহায্য করতে আমন্ত্রণ জানিয়েছেন।
event-consultation-helper-removed = { $helper } আর এই পরামর্শে অংশ নিচ্ছেন না।
event-consultation-resolved = { $actor } পরামর্শটিকে সমাধান হয়েছে বলে চিহ্নিত করেছেন।
event-consultation-cancelled = { $actor } পরামর্শটি বাতিল করেছেন।
event-consultation-reopened = { $actor } পরামর্শটি আবার খুলেছেন।
event-consultation-expired = দীর্ঘ সময় স্থগিত থাকায় পরামর্শটির মেয়াদ শেষ হয়ে গেছে।
event-consultation-rated = { $actor } এই সাহায্যকে { 5 }-এর মধ্যে { $rating } দিয়েছেন।

# The web client: asking for help, and the helper console.
consult-ask = সাহায্য চান
consult-topic = বিষয়
consult-languages = যে ভাষাগুলোতে সাহায্য নিতে পারেন, পছন্দের ভাষা আগে
consult-first-message = আপনার প্রশ্নটি লিখুন
consult-send = অনুরোধ পাঠান
consult-wait-anyway = পাঠিয়ে অপেক্ষা করুন
consult-cancel = অনুরোধ বাতিল করুন
consult-reopen = আবার খুলুন
consult-rate = এই সাহায্যের মূল্যায়ন করুন
consult-rating-comment = মন্তব্য (ঐচ্ছিক)
consult-helper-console = সহায়তাকারীর প্যানেল
consult-queue = অপেক্ষার তালিকা
consult-claim = নিন
consult-accept = গ্রহণ করুন
consult-hold = স্থগিত রাখুন
consult-transfer = হস্তান্তর করুন
consult-transfer-note = পরের সহায়তাকারীর জন্য নোট
consult-invite-helper = সহায়তাকারীকে আমন্ত্রণ জানান
consult-resolve = সমাধান হয়েছে
consult-summary = সারসংক্ষেপ
consult-notes = অভ্যন্তরীণ নোট
consult-notes-hint = এই নোটগুলো শুধু সহায়তাকারী ও মডারেটররা দেখতে পারেন।
consult-canned = তৈরি উত্তর
consult-capacity = একসাথে সর্বোচ্চ পরামর্শের সংখ্যা
consult-hours = সময়সূচি (জাপানের সময়)
consult-position = অপেক্ষার তালিকায় অবস্থান: { $position }

# The web client: the sidebar, the consultation bar, the helper console and the helpers' side panel.
consult-consultations = পরামর্শ
consult-consultation = পরামর্শ সেশন
consult-loading = লোড হচ্ছে…
consult-ask-intro = কোন বিষয়ে সাহায্য দরকার তা বেছে নিন এবং আপনার প্রশ্নটি লিখুন। আপনার ভাষায় কথা বলেন এমন একজন স্বেচ্ছাসেবক বা পরামর্শদাতা এখানেই আপনাকে ব্যক্তিগতভাবে উত্তর দেবেন।
consult-checking = এখন কে সাহায্য করতে পারেন তা দেখা হচ্ছে…
consult-choose-topic = একটি বিষয় বেছে নিন।
consult-languages-none = অন্তত একটি ভাষা বেছে নিন।
consult-first-message-hint = নিজের ভাষায় লিখতে পারেন। Ctrl+Enter চাপলে পাঠানো হবে।
consult-helpers = আপনাকে সাহায্য করছেন: { $names }
consult-requester = জিজ্ঞাসা করেছেন: { $name }
consult-in-languages = ভাষা: { $languages }
consult-assigned-hint = এই অনুরোধটি আপনাকে দেওয়া হয়েছে। দ্রুত গ্রহণ করুন বা উত্তর দিন, নইলে এটি অপেক্ষার তালিকায় ফিরে যাবে।
consult-assigned-toast = আপনার জন্য নতুন পরামর্শ: { $name } ({ $topic })। দ্রুত গ্রহণ করুন বা উত্তর দিন।
consult-taken-toast = { $name } এখন { $topic } বিষয়ে আপনাকে সাহায্য করছেন।
consult-on-hold-requester = স্থগিত আছে: চালিয়ে যেতে চাইলে একটি বার্তা লিখুন।
consult-on-hold-helper = স্থগিত আছে: জিজ্ঞাসাকারী আবার লিখলে এটি আপনার কাছে ফিরে আসবে।
consult-closed = এই পরামর্শ বন্ধ হয়ে গেছে।
consult-closed-reopen = এই পরামর্শ বন্ধ হয়ে গেছে। { $date } পর্যন্ত আপনি এটি আবার খুলতে পারবেন।
consult-cancel-confirm = এই অনুরোধটি বাতিল করবেন?
consult-rate-send = মূল্যায়ন পাঠান
consult-rate-change = মূল্যায়ন বদলান
consult-rated = আপনি এই সাহায্যকে ৫-এর মধ্যে { $rating } দিয়েছেন। ধন্যবাদ!
consult-rated-by = ৫-এর মধ্যে { $rating } মূল্যায়ন।
consult-rating-required = ১ থেকে ৫ তারার মধ্যে বেছে নিন।
consult-stars =
    { $rating ->
        [one] { $rating }টি তারা
       *[other] { $rating }টি তারা
    }
consult-summary-hint = আপনি যাঁকে সাহায্য করেছেন তিনি এই সারসংক্ষেপ দেখতে পাবেন।
consult-transfer-to = কোথায় হস্তান্তর করবেন
consult-transfer-queue = এই বিষয়ের অপেক্ষার তালিকায় ফেরত পাঠান
consult-transfer-topic = { $topic } বিষয়ের অপেক্ষার তালিকা
consult-transfer-helper = অন্য সহায়তাকারী…
consult-transfer-username = সহায়তাকারীর ইউজারনেম
consult-side-title = নোট ও তৈরি উত্তর
consult-open-window = আলাদা উইন্ডোতে খুলুন
consult-note-label = অভ্যন্তরীণ নোট
consult-note-placeholder = সহায়তাকারীদের জন্য একটি নোট লিখুন…
consult-note-add = নোট যোগ করুন
consult-notes-empty = এখনো কোনো নোট নেই।
consult-canned-filter = তৈরি উত্তর খুঁজুন
consult-canned-insert = বসান
consult-canned-send = এখনই পাঠান
consult-canned-empty = এখনো কোনো তৈরি উত্তর নেই। মডারেটররা যোগ করতে পারেন।
consult-canned-none = কোনো তৈরি উত্তর মেলেনি।
consult-availability = আপনার উপলব্ধতা
consult-load = { $capacity }টির মধ্যে { $load }টি পরামর্শ চলছে
consult-no-profile = সাহায্য শুরু করতে নিজেকে "উপলব্ধ" করুন।
consult-my = আমার পরামর্শগুলো
consult-my-empty = আপনার কোনো পরামর্শ এখন চলছে না।
consult-new = নতুন
consult-switch-hint = Alt+↑ ও Alt+↓ দিয়ে আপনার পরামর্শগুলোর মধ্যে যাওয়া যায়।
consult-queue-count = { $count } জন অপেক্ষায়
consult-queue-empty = কেউ অপেক্ষা করছেন না।
consult-no-topics = অপেক্ষার তালিকা দেখতে আপনি যে বিষয়গুলোতে সাহায্য করেন সেগুলো বেছে নিন।
consult-not-your-language = আপনার ভাষা নয়
consult-waiting-for =
    { $minutes ->
        [0] এক মিনিটের কম অপেক্ষা
       *[other] { $minutes } মিনিট ধরে অপেক্ষা
    }
consult-settings = আপনি কোন বিষয়ে সাহায্য করেন
consult-settings-topics = বিষয়
consult-settings-languages = যে ভাষাগুলোতে সাহায্য করেন
consult-capacity-hint = একসাথে কয়টি পরামর্শ নেবেন (১–২০)।
consult-saved = সংরক্ষিত হয়েছে।
