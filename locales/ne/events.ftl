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
notice-unread-many = 99 भन्दा बढी नपढिएका सन्देशहरू
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
close-banned = यो खातालाई समुदायमा प्रतिबन्ध लगाइयो।

# Moderation events, seen by every member of the channel.
# $until is a date and time, which the client formats in the reader's language.
event-member-timed-out = { $actor } ले { $user } लाई { $until } सम्म सन्देश पठाउन अस्थायी रोक लगाउनुभयो।
event-member-timed-out-everywhere = { $actor } ले { $user } लाई { $until } सम्म सबै ठाउँमा सन्देश पठाउन अस्थायी रोक लगाउनुभयो।
event-timeout-lifted = { $actor } ले { $user } माथिको अस्थायी रोक हटाउनुभयो।
event-member-kicked = { $actor } ले { $user } लाई च्यानलबाट हटाउनुभयो।
event-member-banned = { $actor } ले { $user } लाई च्यानलमा प्रतिबन्ध लगाउनुभयो।
event-member-banned-until = { $actor } ले { $user } लाई { $until } सम्म च्यानलमा प्रतिबन्ध लगाउनुभयो।
event-member-banned-everywhere = { $actor } ले { $user } लाई समुदायमा प्रतिबन्ध लगाउनुभयो।
event-member-unbanned = { $actor } ले { $user } माथिको प्रतिबन्ध हटाउनुभयो।
event-slow-mode-changed =
    { $seconds ->
        [0] { $actor } ले स्लो मोड बन्द गर्नुभयो।
        [one] { $actor } ले स्लो मोड चालू गर्नुभयो: हरेक { $seconds } सेकेन्डमा एउटा सन्देश मात्र।
       *[other] { $actor } ले स्लो मोड चालू गर्नुभयो: हरेक { $seconds } सेकेन्डमा एउटा सन्देश मात्र।
    }
event-channel-locked = { $actor } ले च्यानल लक गर्नुभयो: अब मोडरेटरहरूले मात्र लेख्न सक्नुहुन्छ।
event-channel-unlocked = { $actor } ले च्यानल अनलक गर्नुभयो।
event-message-pinned = { $actor } ले एउटा सन्देश पिन गर्नुभयो।
event-message-unpinned = { $actor } ले एउटा सन्देश अनपिन गर्नुभयो।
