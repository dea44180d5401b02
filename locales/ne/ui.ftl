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
status-connecting = जडान हुँदैछ…
status-offline = तपाईं अफलाइन हुनुहुन्छ। तपाईंले लेखेका सन्देशहरू जडान फर्केपछि पठाइनेछन्।
status-online = जडान भयो
