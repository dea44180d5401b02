# Error messages. One per protocol::ErrorCode: error-<code with dashes>.
# Shown to one person, rendered by the server in that person's language.

error-invalid-json = त्यो सन्देश पढ्न सकिएन: यो मान्य JSON होइन।
error-invalid-message = त्यो सन्देश बुझ्न सकिएन: { $detail }
error-binary-not-supported = बाइनरी फ्रेमहरू समर्थित छैनन्; कृपया JSON टेक्स्ट फ्रेमहरू पठाउनुहोस्।
error-hello-expected = जडान hello सन्देशबाट सुरु गर्नुहोस्, र त्यो सन्देश एक पटक मात्र पठाउनुहोस्।
error-unsupported-protocol = यो सर्भरले प्रोटोकल संस्करण { $version } प्रयोग गर्छ; कृपया आफ्नो एप अपडेट गर्नुहोस्।
error-unauthenticated = तपाईंको सत्र समाप्त भयो। कृपया फेरि लग इन गर्नुहोस्।
error-invalid-credentials = प्रयोगकर्ता नाम वा पासवर्ड गलत छ।
error-account-disabled = यो खाता निष्क्रिय गरिएको छ।
error-forbidden = तपाईंलाई यो काम गर्ने अनुमति छैन।
error-not-found = यो अवस्थित छैन, वा तपाईंलाई यो हेर्ने अनुमति छैन।
error-not-member = तपाईं यो कुराकानीको सदस्य हुनुहुन्न।
error-invite-required = यो च्यानलमा निमन्त्रणाबाट मात्र सामेल हुन सकिन्छ।
error-not-author = यो सन्देश लेख्ने व्यक्तिले मात्र यसलाई परिवर्तन गर्न सक्नुहुन्छ।
error-message-deleted = त्यो सन्देश मेटाइएको छ।
error-empty-body = सन्देश खाली हुन सक्दैन।
error-body-too-long = एउटा सन्देशमा बढीमा { $max } वटा वर्ण हुन सक्छन्।
error-invalid-field = “{ $field }” फिल्ड छुटेको छ वा मान्य छैन।
error-username-taken = त्यो प्रयोगकर्ता नाम पहिले नै कसैले लिइसकेको छ।
error-channel-name-taken = त्यस नामको च्यानल पहिले नै छ।
error-invalid-username = प्रयोगकर्ता नाममा 3 देखि 32 वटा अक्षर, अङ्क, थोप्ला (.), ड्यास (-) वा अन्डरस्कोर (_) हुन सक्छन्।
error-weak-password = पासवर्डमा कम्तीमा { $min } वटा वर्ण हुनुपर्छ।
error-password-too-long = पासवर्ड बढीमा { $max } अक्षरको हुन सक्छ।
error-rate-limited =
    { $seconds ->
        [one] तपाईं धेरै छिटो पठाउँदै हुनुहुन्छ। कृपया { $seconds } सेकेन्डपछि फेरि प्रयास गर्नुहोस्।
       *[other] तपाईं धेरै छिटो पठाउँदै हुनुहुन्छ। कृपया { $seconds } सेकेन्डपछि फेरि प्रयास गर्नुहोस्।
    }
error-invalid-client-id = हरेक सन्देशमा 1 देखि 64 वर्णसम्मको क्लाइन्ट आईडी हुनुपर्छ।
error-too-many-members = समूह कुराकानीमा बढीमा { $max } जना मात्र हुन सक्छन्।
error-invalid-range = कुनै बिन्दुभन्दा अघिका वा पछिका सन्देशहरू माग्नुहोस्, दुवै एकैसाथ होइन।
error-unavailable = सर्भर व्यस्त छ वा पुनः सुरु हुँदैछ। कृपया केही बेरपछि फेरि प्रयास गर्नुहोस्।
error-internal = सर्भरमा केही समस्या भयो। कृपया पछि फेरि प्रयास गर्नुहोस्।
