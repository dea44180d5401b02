# The web client's own texts.

app-title = Engawa
app-tagline = छिमेकीहरूसँग कुरा गर्नुहोस्, सहयोग माग्नुहोस् — आफ्नै भाषामा।
language-label = भाषा
role-member = सदस्य
role-volunteer = स्वयंसेवक
role-advisor = सल्लाहकार
role-moderator = मोडरेटर
role-admin = प्रशासक
visibility-public = सार्वजनिक
visibility-invite-only = निमन्त्रणाबाट मात्र
visibility-private = निजी
auth-login = लग इन
auth-register = खाता बनाउनुहोस्
auth-logout = लग आउट
auth-username = प्रयोगकर्ता नाम
auth-display-name = देखिने नाम
auth-password = पासवर्ड
auth-languages-spoken = तपाईंले बोल्ने भाषाहरू
auth-languages-learning = तपाईंले सिकिरहेका भाषाहरू
auth-languages-hint = अल्पविरामले छुट्याइएका भाषा कोडहरू, जस्तै: en, ja, vi
chat-channels = च्यानलहरू
chat-direct = प्रत्यक्ष सन्देशहरू
chat-join = सामेल हुनुहोस्
chat-leave = छोड्नुहोस्
chat-create-channel = नयाँ च्यानल
chat-channel-name = च्यानलको नाम
chat-channel-topic = विषय
chat-composer-placeholder = सन्देश लेख्नुहोस्…
chat-send = पठाउनुहोस्
chat-edit = सम्पादन गर्नुहोस्
chat-delete = मेटाउनुहोस्
chat-reply = जवाफ दिनुहोस्
chat-react = प्रतिक्रिया दिनुहोस्
chat-load-older = पुराना सन्देशहरू लोड गर्नुहोस्
chat-empty = अहिलेसम्म कुनै सन्देश छैन। नमस्ते भन्नुहोस्!
chat-members =
    { $count ->
        [one] { $count } जना सदस्य
       *[other] { $count } जना सदस्य
    }
chat-conversations = कुराकानीहरू
chat-browse-channels = च्यानलहरू हेर्नुहोस्
chat-channel-visibility = दृश्यता
chat-channel-languages = च्यानलका भाषाहरू
chat-create = बनाउनुहोस्
chat-open = खोल्नुहोस्
chat-back = कुराकानीहरूमा फर्कनुहोस्
chat-no-conversation = कुनै कुराकानी छान्नुहोस्, वा सामेल हुन च्यानलहरू हेर्नुहोस्।
chat-no-channels = अहिलेसम्म देखाउन कुनै च्यानल छैन।
chat-invited = तपाईंलाई यो च्यानलमा निमन्त्रणा गरिएको छ।
chat-invitation = निमन्त्रणा
chat-message-label = सन्देश
chat-composer-hint = Enter थिच्दा पठाइन्छ, Shift+Enter थिच्दा नयाँ लाइन सुरु हुन्छ।
chat-mention-list = उल्लेख गर्न सकिने मानिसहरू
chat-find-people = मानिसहरू खोज्नुहोस्
chat-search = खोज्नुहोस्
chat-no-people = कोही भेटिएन।
chat-direct-message = सन्देश पठाउनुहोस्
chat-sending = पठाउँदै…
chat-not-sent = पठाइएन: { $error }
chat-retry = फेरि प्रयास गर्नुहोस्
chat-discard = हटाउनुहोस्
chat-save = सुरक्षित गर्नुहोस्
chat-cancel = रद्द गर्नुहोस्
chat-delete-confirm = यो सन्देश मेटाउने हो?
chat-replying-to = { $user } लाई जवाफ दिँदै
chat-reply-to = { $user } को सन्देशको जवाफमा: { $text }
chat-reply-unknown = पहिलेको सन्देशको जवाफमा
chat-unknown-person = (अज्ञात)
chat-close = बन्द गर्नुहोस्
chat-reacted = { $names } ले { $emoji } प्रतिक्रिया दिनुभयो
status-connecting = जडान हुँदैछ…
status-offline = तपाईं अफलाइन हुनुहुन्छ। तपाईंले लेखेका सन्देशहरू जडान फर्केपछि पठाइनेछन्।
status-online = जडान भयो
notice-mentions =
    { $count ->
        [one] { $count } उल्लेख
       *[other] { $count } उल्लेखहरू
    }

# Presence and profiles.
presence-online = अनलाइन
presence-away = टाढा
presence-offline = अफलाइन
presence-last-seen = अन्तिम पटक देखिएको { $time }
people-title = मानिसहरू
people-partial = यो कुराकानीमा अहिलेसम्म देखिएका मानिसहरू मात्र सूचीमा छन्।
people-you = तपाईं
profile-title = प्रोफाइल
profile-edit = प्रोफाइल सम्पादन गर्नुहोस्
profile-role = भूमिका
profile-speaks = बोल्ने भाषा
profile-learning = सिक्दै गरेको भाषा
profile-none = उल्लेख गरिएको छैन
profile-app-language = एपको भाषा
profile-hide-presence-hint = अरू सबैले तपाईंलाई अफलाइन देख्नेछन्, "अन्तिम पटक देखिएको" समय बिना।
profile-saved = तपाईंको प्रोफाइल सुरक्षित गरियो।
