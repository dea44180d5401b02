# System events in conversations. Stored as ids and arguments; every reader sees them in their own language.
# $actor and $user are display names.

event-member-joined = { $user } सामेल हुनुभयो।
event-member-left = { $user } बाहिरिनुभयो।
event-member-invited = { $actor } ले { $user } लाई निमन्त्रणा गर्नुभयो।
event-channel-created = { $actor } ले { $name } च्यानल बनाउनुभयो।
event-channel-updated = { $actor } ले च्यानलको विषय बदलेर “{ $topic }” बनाउनुभयो।
event-moderator-added = { $actor } ले { $user } लाई यो च्यानलको मोडरेटर बनाउनुभयो।
event-moderator-removed = { $user } अब यो च्यानलको मोडरेटर हुनुहुन्न।
event-message-deleted = यो सन्देश मेटाइएको छ।
event-message-edited = (सम्पादित)

# Notices to one person.
notice-mentioned = { $user } ले { $conversation } मा तपाईंलाई उल्लेख गर्नुभयो।
notice-unread =
    { $count ->
        [0] कुनै नपढिएको सन्देश छैन
        [one] { $count } नपढिएको सन्देश
       *[other] { $count } नपढिएका सन्देशहरू
    }
notice-typing =
    { $count ->
        [one] { $names } टाइप गर्दै हुनुहुन्छ…
       *[other] { $names } टाइप गर्दै हुनुहुन्छ…
    }
notice-resync = तपाईं नभएको बेला केही सन्देशहरू छुटे; सबैभन्दा नयाँ सन्देशहरू लोड हुँदैछन्।

# WebSocket close reasons.
close-slow-consumer = जडानले गति मिलाउन सकेन, त्यसैले फेरि जडान हुनेछ।
close-service-restart = सर्भर पुनः सुरु हुँदैछ; फेरि जडान गर्दै।
close-session-revoked = तपाईं लग आउट हुनुभयो।
close-too-big = त्यो सन्देश धेरै ठूलो थियो।
close-auth-timeout = जडान समयमै प्रमाणीकरण हुन सकेन।
