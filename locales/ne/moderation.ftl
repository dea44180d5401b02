# Moderation: notices to one person, reports, automod and the web client's texts for members and moderators.
# $conversation is a channel name; $scope is channel (one channel) or global (the whole community).

# Notices to one person, rendered by the server.
notice-timed-out =
    { $scope ->
        [channel] मोडरेटरले तपाईंलाई { $conversation } मा { $minutes } मिनेटका लागि सन्देश पठाउनबाट रोक्नुभयो।
       *[other] मोडरेटरले तपाईंलाई सबै ठाउँमा { $minutes } मिनेटका लागि सन्देश पठाउनबाट रोक्नुभयो।
    }
notice-banned = मोडरेटरले तपाईंलाई { $conversation } मा प्रतिबन्ध लगाउनुभयो।
notice-kicked = मोडरेटरले तपाईंलाई { $conversation } बाट हटाउनुभयो। तपाईं फेरि सामेल हुन सक्नुहुन्छ।
notice-report-resolved = तपाईंको रिपोर्टका लागि धन्यवाद। मोडरेटरहरूले यसको समीक्षा गरी कारबाही गर्नुभयो।
notice-report-dismissed = तपाईंको रिपोर्टका लागि धन्यवाद। मोडरेटरहरूले यसको समीक्षा गरी कुनै कारबाही आवश्यक नभएको निर्णय गर्नुभयो।

# What a report is about.
report-category-spam = स्प्याम
report-category-harassment = उत्पीडन वा हेपाइ
report-category-hate = घृणा फैलाउने भाषा वा भेदभाव
report-category-sexual = यौन सामग्री
report-category-violence = हिंसा वा धम्की
report-category-scam = ठगी वा जालसाजी
report-category-privacy = अरूको निजी जानकारी सार्वजनिक गर्ने
report-category-other = अरू केही

# Where a report is in its life.
report-state-open = खुला
report-state-claimed = समीक्षा हुँदैछ
report-state-resolved = कारबाही गरियो
report-state-dismissed = कारबाही गरिएन

# What an automod rule does with a message that matches.
automod-action-block = सन्देश रोक्नुहोस्
automod-action-flag = समीक्षाका लागि चिन्ह लगाउनुहोस्
automod-action-timeout = सन्देश रोकेर अस्थायी रोक लगाउनुहोस्

# The web client: reporting and blocking, and the moderators' tools.
mod-report = रिपोर्ट गर्नुहोस्
mod-report-message = सन्देश रिपोर्ट गर्नुहोस्
mod-report-person = यो व्यक्तिलाई रिपोर्ट गर्नुहोस्
mod-report-note = के भयो? (ऐच्छिक)
mod-report-sent = धन्यवाद। मोडरेटरहरूले तपाईंको रिपोर्टको समीक्षा गर्नुहुनेछ।
mod-reason = कारण
mod-delete = सन्देश मेटाउनुहोस्
mod-timeout = अस्थायी रोक लगाउनुहोस्
mod-timeout-duration = अवधि
mod-lift-timeout = अस्थायी रोक हटाउनुहोस्
mod-kick = च्यानलबाट हटाउनुहोस्
mod-ban = प्रतिबन्ध लगाउनुहोस्
mod-ban-everywhere = समुदायमा प्रतिबन्ध लगाउनुहोस्
mod-unban = प्रतिबन्ध हटाउनुहोस्
mod-slow-mode = स्लो मोड
mod-slow-mode-off = बन्द
mod-lock = च्यानल लक गर्नुहोस्
mod-unlock = च्यानल अनलक गर्नुहोस्
mod-pin = पिन गर्नुहोस्
mod-unpin = अनपिन गर्नुहोस्
mod-pinned = पिन गरिएका सन्देशहरू
mod-reports = रिपोर्टहरू
mod-claim = समीक्षा गर्नुहोस्
mod-resolve = कारबाही गर्नुहोस्
mod-dismiss = खारेज गर्नुहोस्
mod-add-note = टिप्पणी थप्नुहोस्
mod-audit-log = अडिट लग
mod-modlog = मोडरेसन लग
mod-automod = स्वचालित मोडरेसनका नियमहरू
mod-block = ब्लक गर्नुहोस्
mod-unblock = अनब्लक गर्नुहोस्
mod-blocked-message = तपाईंले ब्लक गर्नुभएको व्यक्तिको सन्देश
mod-show-anyway = देखाउनुहोस्
mod-hide-presence = मेरो अनलाइन स्थिति लुकाउनुहोस्

# The web client: a message's menu, and the dialog of one moderation action.
mod-more-actions = थप कार्यहरू
mod-view-profile = प्रोफाइल हेर्नुहोस्
mod-timeout-title = { $user } लाई अस्थायी रोक लगाउनुहोस्
mod-ban-title = { $user } लाई प्रतिबन्ध लगाउनुहोस्
mod-ban-everywhere-title = { $user } लाई समुदायमा प्रतिबन्ध लगाउनुहोस्
mod-kick-title = { $user } लाई च्यानलबाट हटाउनुहोस्
mod-ban-until-lifted = नहटाएसम्म
mod-scope = कहाँ
mod-scope-channel = { $channel } मा मात्र
mod-scope-everywhere = सम्पूर्ण समुदायमा
mod-also-delete = यो सन्देश पनि मेटाउनुहोस्
mod-reason-hint = अडिट लगमा राखिन्छ। सदस्यहरूले च्यानलको मोडरेसन लगमा यो पढ्न सक्छन्।
mod-report-person-title = { $user } लाई रिपोर्ट गर्नुहोस्
mod-report-category = के समस्या छ?
mod-report-send = रिपोर्ट पठाउनुहोस्

# The web client: a channel's settings, and what the composer says.
mod-channel-settings = च्यानल सेटिङहरू
mod-channel-settings-title = { $channel } का सेटिङहरू
mod-slow-mode-hint = प्रत्येक सदस्यले तोकिएको समयमा एउटा मात्र सन्देश पठाउन सक्छन्। मोडरेटरहरूलाई यो लागू हुँदैन।
mod-lock-hint = लक गरिएको च्यानलमा मोडरेटरहरूले मात्र लेख्न सक्छन्।
mod-public-modlog = सदस्यहरूले मोडरेसन लग पढ्न सक्छन्
mod-public-modlog-hint = यो बन्द हुँदा च्यानलका मोडरेटर र कर्मचारीहरूले मात्र यो पढ्न सक्छन्।
mod-modlog-title = { $channel } को मोडरेसन लग
mod-modlog-empty = यो च्यानलमा अहिलेसम्म कुनै मोडरेसन भएको छैन।
mod-composer-slow-mode = स्लो मोड सक्रिय छ: हरेक { $duration } मा एउटा सन्देश।
mod-composer-locked = यो च्यानल लक गरिएको छ: मोडरेटरहरूले मात्र लेख्न सक्छन्।
mod-composer-timed-out = तपाईंलाई { $until } सम्म अस्थायी रोक लगाइएको छ।

# The web client: the reports queue.
mod-nav = मोडरेसन
mod-reports-open =
    { $count ->
        [one] { $count } खुला रिपोर्ट
       *[other] { $count } खुला रिपोर्टहरू
    }
mod-reports-filter = देखाउनुहोस्
mod-reports-filter-active = खुला र समीक्षामा रहेका
mod-reports-filter-closed = बन्द गरिएका
mod-reports-filter-all = सबै
mod-reports-empty = यहाँ कुनै रिपोर्ट छैन।
mod-report-by = रिपोर्ट गर्ने:
mod-report-about = कसको बारेमा:
mod-report-automod = स्वचालित मोडरेसनले चिन्ह लगाएको
mod-report-reporter-note = रिपोर्ट गर्नेले लेखेको:
mod-report-open-conversation = कुराकानीमा जानुहोस्
mod-report-claimed-by = समीक्षा गर्दै:
mod-report-closed-by = बन्द गर्ने:
mod-report-notes = मोडरेटरहरूका टिप्पणीहरू
mod-resolve-title = यो रिपोर्टमा कारबाही गर्नुहोस्
mod-resolve-action = कारबाही
mod-resolve-none = थप कारबाही आवश्यक छैन (पहिले नै समाधान भइसक्यो)
mod-resolve-note = टिप्पणी
mod-dismiss-title = यो रिपोर्ट खारेज गर्नुहोस्
mod-note-body = अन्य मोडरेटरहरूका लागि टिप्पणी

# The web client: the audit log and a channel's moderation log.
mod-audit-filter = कार्यहरू
mod-audit-filter-all = सबै कार्यहरू
mod-audit-filter-moderation = मोडरेसन
mod-audit-filter-report = रिपोर्टहरू
mod-audit-filter-automod = स्वचालित मोडरेसन
mod-audit-filter-role = भूमिकाहरू
mod-audit-filter-consultation = परामर्श हेरिएको
mod-audit-empty = कुनै प्रविष्टि छैन।
mod-audit-load-older = पुराना प्रविष्टिहरू लोड गर्नुहोस्
mod-audit-reason = कारण: { $reason }
mod-audit-target-message = सन्देश #{ $id }
mod-audit-target-report = रिपोर्ट #{ $id }
mod-audit-target-consultation = परामर्श #{ $id }
mod-audit-target-automod-rule = स्वचालित मोडरेसन नियम #{ $id }
mod-audit-target-conversation = कुराकानी #{ $id }
mod-audit-action-moderation-delete-message = सन्देश मेटाइयो
mod-audit-action-moderation-pin = सन्देश पिन गरियो
mod-audit-action-moderation-unpin = सन्देश अनपिन गरियो
mod-audit-action-moderation-timeout = अस्थायी रोक
mod-audit-action-moderation-lift-timeout = अस्थायी रोक हटाइयो
mod-audit-action-moderation-kick = च्यानलबाट हटाइयो
mod-audit-action-moderation-ban = प्रतिबन्ध
mod-audit-action-moderation-unban = प्रतिबन्ध हटाइयो
mod-audit-action-moderation-slow-mode = स्लो मोड परिवर्तन
mod-audit-action-moderation-lock = लक परिवर्तन
mod-audit-action-automod-timeout = स्वचालित मोडरेसनको अस्थायी रोक
mod-audit-action-report-resolve = रिपोर्टमा कारबाही गरियो
mod-audit-action-report-dismiss = रिपोर्ट खारेज गरियो
mod-audit-action-automod-create = स्वचालित मोडरेसन नियम बनाइयो
mod-audit-action-automod-update = स्वचालित मोडरेसन नियम परिवर्तन गरियो
mod-audit-action-automod-delete = स्वचालित मोडरेसन नियम मेटाइयो
mod-audit-action-role-change = भूमिका परिवर्तन
mod-audit-action-consultation-read = परामर्श पढियो
mod-audit-action-consultation-list = परामर्शहरूको सूची हेरियो
mod-audit-action-consultation-history = परामर्शको इतिहास पढियो
mod-audit-action-consultation-queues = लामहरू हेरियो
