# Consultations: topics, states, notices to one person, system events and the web client's texts.
# $topic is a topic name, $actor and $helper are display names, $language is a language code (e.g. ne).
# Notices and events are read by the person asking for help and by the helpers alike.

# The seeded topics. Topics added later carry their own names.
topic-visa = भिसा र बसोबास
topic-visa-description = बसोबासको हैसियत (रेसिडेन्स स्टाटस), म्याद थप, हैसियत परिवर्तन, पुनः प्रवेश र परिवारका लागि भिसा।
topic-housing = आवास
topic-housing-description = कोठा वा अपार्टमेन्ट खोज्ने, सम्झौता, ग्यारेन्टर, सर्ने र छोड्ने, छिमेकी र फोहोर फाल्ने नियम।
topic-work = काम र सम्झौता
topic-work-description = रोजगार सम्झौता, तलब, ओभरटाइम, सामाजिक बीमा, कर र जागिर परिवर्तन।
topic-japanese = जापानी भाषा
topic-japanese-description = जापानी भाषा सिक्ने, कक्षा, JLPT, र चिठी वा फारम बुझ्न र भर्न सहयोग।
topic-daily-life = दैनिक जीवन र स्वास्थ्य
topic-daily-life-description = सिटी अफिसका काम, बैंक, फोन, अस्पताल, स्वास्थ्य बीमा र आपत्कालीन अवस्था।
topic-other = अन्य
topic-other-description = सोध्न चाहेको अरू जुनसुकै कुरा।

# Where a consultation is in its life.
consultation-state-waiting = पर्खिरहेको
consultation-state-active = चलिरहेको
consultation-state-on-hold = होल्डमा
consultation-state-resolved = समाधान भयो
consultation-state-cancelled = रद्द गरियो
consultation-state-expired = म्याद सकियो

# Whether a helper can take consultations now.
helper-availability-available = उपलब्ध
helper-availability-busy = व्यस्त
helper-availability-away = अनुपस्थित

# Notices to one person.
notice-available-now =
    { $topic } सम्बन्धी { $language ->
        [en] अंग्रेजीमा
        [ja] जापानीमा
        [ne] नेपालीमा
        [vi] भियतनामीमा
        [bn] बङ्गालीमा
        [ru] रुसीमा
        [uk] युक्रेनीमा
        [zh] चिनियाँमा
        [ko] कोरियालीमा
        [pt] पोर्चुगिजमा
       *[other] तपाईंको भाषा ({ $language }) मा
    } सहयोग गर्न सक्ने कोही अहिले उपलब्ध हुनुहुन्छ।
notice-nobody-available =
    अहिले { $topic } सम्बन्धी सहयोग गर्न सक्ने, तपाईंको भाषा बोल्ने कोही पनि उपलब्ध हुनुहुन्न। तैपनि तपाईं आफ्नो अनुरोध पठाउन सक्नुहुन्छ: यो पर्खाइ सूचीमा रहनेछ, र तपाईंको भाषा बोल्ने कोही अनलाइन आउनेबित्तिकै तपाईंलाई जवाफ दिइनेछ। { $waiting ->
        [0] अहिले अरू कोही पर्खिरहेको छैन, त्यसैले तपाईं पहिलो हुनुहुनेछ।
        [one] अहिले { $waiting } वटा अनुरोध पर्खिरहेको छ।
       *[other] अहिले { $waiting } वटा अनुरोध पर्खिरहेका छन्।
    }
notice-queue-position =
    { $topic } को पर्खाइ सूचीमा तपाईं { $position } नम्बरमा हुनुहुन्छ। { $minutes ->
        [0] एक मिनेटभन्दा कम पर्खनुपर्ने अनुमान छ।
        [one] करिब { $minutes } मिनेट पर्खनुपर्ने अनुमान छ।
       *[other] करिब { $minutes } मिनेट पर्खनुपर्ने अनुमान छ।
    }
notice-queue-nobody = { $topic } को पर्खाइ सूचीमा तपाईं { $position } नम्बरमा हुनुहुन्छ। अहिले तपाईंको भाषा बोल्ने कोही पनि उपलब्ध हुनुहुन्न; कोही अनलाइन आउनेबित्तिकै तपाईंलाई जवाफ दिइनेछ।
notice-availability-lapsed = तपाईंको जडान टुटेकाले तपाईंको उपलब्धता “अनुपस्थित” मा बदलिएको छ।

# System events in a consultation.
event-consultation-opened = { $actor } ले { $topic } सम्बन्धी सहयोग माग्नुभयो।
event-consultation-assigned = { $helper } लाई यो परामर्शको जिम्मा दिइयो।
event-consultation-claimed = { $helper } ले यो परामर्श लिनुभयो।
event-consultation-accepted = { $helper } ले परामर्श स्वीकार गर्नुभयो र अब सहयोग गर्दै हुनुहुन्छ।
event-consultation-unanswered = समयमै कसैले जवाफ दिएन, त्यसैले अनुरोध अर्को सहयोगीका लागि फेरि पर्खाइ सूचीमा फर्कियो।
event-consultation-held = { $actor } ले परामर्शलाई होल्डमा राख्नुभयो। तपाईंले फेरि लेख्नुभएपछि यो अगाडि बढ्छ।
event-consultation-held-automatic = केही समयदेखि कुराकानी नभएकाले परामर्श होल्डमा राखियो। तपाईंले फेरि लेख्नुभएपछि यो अगाडि बढ्छ।
event-consultation-resumed = परामर्श फेरि अगाडि बढ्यो।
event-consultation-transferred = { $actor } ले परामर्श { $helper } लाई हस्तान्तरण गर्नुभयो।
event-consultation-transferred-topic = { $actor } ले परामर्शलाई { $topic } विषयमा सार्नुभयो।
event-consultation-requeued = { $actor } ले परामर्शलाई पर्खाइ सूचीमा फर्काउनुभयो।
event-consultation-helper-invited = { $actor } ले { $helper } लाई सहयोग गर्न निमन्त्रणा गर्नुभयो।
event-consultation-helper-removed = { $helper } अब यो परामर्शमा सहभागी हुनुहुन्न।
event-consultation-resolved = { $actor } ले परामर्शलाई समाधान भएको भनी चिन्ह लगाउनुभयो।
event-consultation-cancelled = { $actor } ले परामर्श रद्द गर्नुभयो।
event-consultation-reopened = { $actor } ले परामर्श फेरि खोल्नुभयो।
event-consultation-expired = लामो समयसम्म होल्डमा रहेकाले परामर्शको म्याद सकियो।
event-consultation-rated = { $actor } ले सहयोगलाई { 5 } मा { $rating } अङ्क दिनुभयो।

# The web client: asking for help, and the helper console.
consult-ask = सहयोग माग्नुहोस्
consult-topic = विषय
consult-languages = तपाईंले सहयोग लिन सक्ने भाषाहरू, रोजेको भाषा पहिले
consult-first-message = आफ्नो प्रश्न लेख्नुहोस्
consult-send = अनुरोध पठाउनुहोस्
consult-wait-anyway = पठाएर पर्खनुहोस्
consult-cancel = अनुरोध रद्द गर्नुहोस्
consult-reopen = फेरि खोल्नुहोस्
consult-rate = यो सहयोगको मूल्याङ्कन गर्नुहोस्
consult-rating-comment = टिप्पणी (ऐच्छिक)
consult-helper-console = सहयोगीको प्यानल
consult-queue = पर्खाइ सूची
consult-claim = लिनुहोस्
consult-accept = स्वीकार गर्नुहोस्
consult-hold = होल्डमा राख्नुहोस्
consult-transfer = हस्तान्तरण गर्नुहोस्
consult-transfer-note = अर्को सहयोगीका लागि टिप्पणी
consult-invite-helper = सहयोगीलाई निमन्त्रणा गर्नुहोस्
consult-resolve = समाधान भयो
consult-summary = सारांश
consult-notes = आन्तरिक टिप्पणीहरू
consult-notes-hint = यी टिप्पणीहरू सहयोगी र मोडरेटरले मात्र देख्न सक्नुहुन्छ।
consult-canned = तयारी जवाफहरू
consult-capacity = एकै पटक लिन सकिने परामर्श
consult-hours = सहयोग गर्ने समय (जापानको समय)
consult-position = पर्खाइ सूचीमा स्थान: { $position }

# The web client: the sidebar, the consultation bar, the helper console and the helpers' side panel.
consult-consultations = परामर्शहरू
consult-consultation = परामर्श
consult-loading = लोड हुँदैछ…
consult-ask-intro = तपाईंलाई कुन विषयमा सहयोग चाहिएको हो छान्नुहोस् र आफ्नो प्रश्न लेख्नुहोस्। तपाईंको भाषा बोल्ने स्वयंसेवक वा सल्लाहकारले यहीँ निजी रूपमा जवाफ दिनुहुन्छ।
consult-checking = अहिले को सहयोग गर्न सक्नुहुन्छ भनी हेर्दैछ…
consult-choose-topic = एउटा विषय छान्नुहोस्।
consult-languages-none = कम्तीमा एउटा भाषा छान्नुहोस्।
consult-first-message-hint = आफ्नै भाषामा लेख्न सक्नुहुन्छ। Ctrl+Enter थिच्दा पठाइन्छ।
consult-helpers = सहयोग गर्दै: { $names }
consult-requester = सोध्ने व्यक्ति: { $name }
consult-in-languages = भाषा: { $languages }
consult-assigned-hint = यो अनुरोध तपाईंलाई दिइएको छ। छिट्टै स्वीकार गर्नुहोस् वा जवाफ दिनुहोस्, नत्र यो पर्खाइ सूचीमा फर्किन्छ।
consult-assigned-toast = तपाईंका लागि नयाँ परामर्श: { $name } ({ $topic })। छिट्टै स्वीकार गर्नुहोस् वा जवाफ दिनुहोस्।
consult-taken-toast = { $name } ले अब { $topic } मा तपाईंलाई सहयोग गर्दै हुनुहुन्छ।
consult-on-hold-requester = होल्डमा छ: जारी राख्न चाहनुहुन्छ भने सन्देश लेख्नुहोस्।
consult-on-hold-helper = होल्डमा छ: सोध्ने व्यक्तिले फेरि लेखेपछि यो तपाईंकहाँ फर्किन्छ।
consult-closed = यो परामर्श बन्द भइसकेको छ।
consult-closed-reopen = यो परामर्श बन्द भइसकेको छ। { $date } सम्म तपाईं यसलाई फेरि खोल्न सक्नुहुन्छ।
consult-cancel-confirm = यो अनुरोध रद्द गर्ने हो?
consult-rate-send = मूल्याङ्कन पठाउनुहोस्
consult-rate-change = मूल्याङ्कन बदल्नुहोस्
consult-rated = तपाईंले यो सहयोगलाई ५ मा { $rating } अङ्क दिनुभयो। धन्यवाद!
consult-rated-by = ५ मा { $rating } अङ्क दिइयो।
consult-rating-required = १ देखि ५ तारासम्म छान्नुहोस्।
consult-stars =
    { $rating ->
        [one] { $rating } तारा
       *[other] { $rating } तारा
    }
consult-summary-hint = तपाईंले सहयोग गर्नुभएको व्यक्तिले यो सारांश देख्नुहुन्छ।
consult-transfer-to = कहाँ हस्तान्तरण गर्ने
consult-transfer-queue = यही विषयको पर्खाइ सूचीमा फर्काउनुहोस्
consult-transfer-topic = { $topic } को पर्खाइ सूची
consult-transfer-helper = अर्को सहयोगी…
consult-transfer-username = सहयोगीको प्रयोगकर्ता नाम
consult-side-title = टिप्पणी र तयारी जवाफ
consult-open-window = छुट्टै विन्डोमा खोल्नुहोस्
consult-note-label = आन्तरिक टिप्पणी
consult-note-placeholder = सहयोगीहरूका लागि टिप्पणी लेख्नुहोस्…
consult-note-add = टिप्पणी थप्नुहोस्
consult-notes-empty = अहिलेसम्म कुनै टिप्पणी छैन।
consult-canned-filter = तयारी जवाफ खोज्नुहोस्
consult-canned-insert = राख्नुहोस्
consult-canned-send = अहिले नै पठाउनुहोस्
consult-canned-empty = अहिलेसम्म तयारी जवाफ छैनन्। मोडरेटरहरूले थप्न सक्नुहुन्छ।
consult-canned-none = कुनै तयारी जवाफ मेल खाएन।
consult-availability = तपाईंको उपलब्धता
consult-load = { $capacity } मध्ये { $load } परामर्श चलिरहेका छन्
consult-no-profile = सहयोग सुरु गर्न आफूलाई "उपलब्ध" बनाउनुहोस्।
consult-my = मेरा परामर्शहरू
consult-my-empty = तपाईंको कुनै परामर्श चलिरहेको छैन।
consult-new = नयाँ
consult-switch-hint = Alt+↑ र Alt+↓ ले आफ्ना परामर्शहरूबीच सार्छ।
consult-queue-count = { $count } पर्खिरहेका
consult-queue-empty = कोही पनि पर्खिरहेको छैन।
consult-no-topics = पर्खाइ सूची हेर्न तपाईंले सहयोग गर्ने विषयहरू छान्नुहोस्।
consult-not-your-language = तपाईंको भाषा होइन
consult-waiting-for =
    { $minutes ->
        [0] एक मिनेटभन्दा कम पर्खाइ
        [one] { $minutes } मिनेटदेखि पर्खिरहेको
       *[other] { $minutes } मिनेटदेखि पर्खिरहेको
    }
consult-settings = तपाईं केमा सहयोग गर्नुहुन्छ
consult-settings-topics = विषयहरू
consult-settings-languages = तपाईंले सहयोग गर्ने भाषाहरू
consult-capacity-hint = एकै पटक कति परामर्श लिने (१–२०)।
consult-saved = सुरक्षित गरियो।
