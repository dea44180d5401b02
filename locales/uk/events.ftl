# System events in conversations. Stored as ids and arguments; every reader sees them in their own language.
# $actor and $user are display names.

event-member-joined = { $user } приєднався(-лася) до розмови.
event-member-left = { $user } вийшов(-ла) з розмови.
event-member-invited = { $actor } запросив(-ла) користувача { $user }.
event-channel-created = { $actor } створив(-ла) канал «{ $name }».
event-channel-updated = { $actor } змінив(-ла) тему каналу на «{ $topic }».
event-moderator-added = { $actor } призначив(-ла) користувача { $user } модератором цього каналу.
event-moderator-removed = { $user } більше не є модератором цього каналу.
event-message-deleted = Це повідомлення було видалено.
event-message-edited = (змінено)

# Notices to one person.
notice-mentioned = { $user } згадав(-ла) вас у «{ $conversation }».
notice-unread =
    { $count ->
        [0] Немає непрочитаних повідомлень
        [one] { $count } непрочитане повідомлення
        [few] { $count } непрочитані повідомлення
       *[many] { $count } непрочитаних повідомлень
        [other] { $count } непрочитаного повідомлення
    }
notice-typing =
    { $count ->
        [1] { $names } друкує…
        [one] { $names } друкують…
        [few] { $names } друкують…
        [many] { $names } друкують…
       *[other] { $names } друкують…
    }
notice-resync = Поки вас не було, деякі повідомлення не надійшли; завантажуємо найновіші.

# WebSocket close reasons.
close-slow-consumer = З’єднання не встигало передавати дані й буде встановлене знову.
close-service-restart = Сервер перезапускається; підключаємося знову.
close-session-revoked = Ви вийшли з облікового запису.
close-too-big = Повідомлення завелике.
close-auth-timeout = З’єднання не пройшло автентифікацію вчасно.
