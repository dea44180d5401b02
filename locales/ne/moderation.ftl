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
