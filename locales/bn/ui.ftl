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
status-connecting = সংযোগ করা হচ্ছে…
status-offline = আপনি অফলাইনে আছেন। সংযোগ ফিরে এলে আপনার লেখা বার্তাগুলো পাঠানো হবে।
status-online = সংযুক্ত
