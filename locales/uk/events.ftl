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
notice-unread-many = Понад 99 непрочитаних повідомлень
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
close-banned = Цей обліковий запис заблоковано в спільноті.

# Moderation events, seen by every member of the channel.
# $until is a date and time, which the client formats in the reader's language.
event-member-timed-out = { $actor } тимчасово заборонив(-ла) користувачеві { $user } писати до { $until }.
event-member-timed-out-everywhere = { $actor } тимчасово заборонив(-ла) користувачеві { $user } писати в усіх розмовах до { $until }.
event-timeout-lifted = { $actor } знову дозволив(-ла) користувачеві { $user } писати.
event-member-kicked = { $actor } видалив(-ла) користувача { $user } з каналу.
event-member-banned = { $actor } заблокував(-ла) користувача { $user } у каналі.
event-member-banned-until = { $actor } заблокував(-ла) користувача { $user } у каналі до { $until }.
event-member-banned-everywhere = { $actor } заблокував(-ла) користувача { $user } у спільноті.
event-member-unbanned = { $actor } зняв(-ла) блокування з користувача { $user }.
event-slow-mode-changed =
    { $seconds ->
        [0] { $actor } вимкнув(-ла) повільний режим.
        [one] { $actor } увімкнув(-ла) повільний режим: одне повідомлення раз на { $seconds } секунду.
        [few] { $actor } увімкнув(-ла) повільний режим: одне повідомлення раз на { $seconds } секунди.
        [many] { $actor } увімкнув(-ла) повільний режим: одне повідомлення раз на { $seconds } секунд.
       *[other] { $actor } увімкнув(-ла) повільний режим: одне повідомлення раз на { $seconds } секунди.
    }
event-channel-locked = { $actor } закрив(-ла) канал: тепер писати в ньому можуть лише модератори.
event-channel-unlocked = { $actor } відкрив(-ла) канал: писати в ньому знову можуть усі.
event-message-pinned = { $actor } закріпив(-ла) повідомлення.
event-message-unpinned = { $actor } відкріпив(-ла) повідомлення.
