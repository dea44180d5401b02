# System events in conversations. Stored as ids and arguments; every reader sees them in their own language.
# $actor and $user are display names.

event-member-joined = { $user } присоединился(-ась) к беседе.
event-member-left = { $user } покинул(а) беседу.
event-member-invited = { $actor } пригласил(а) пользователя { $user }.
event-channel-created = { $actor } создал(а) канал «{ $name }».
event-channel-updated = { $actor } изменил(а) тему канала на «{ $topic }».
event-moderator-added = { $actor } назначил(а) пользователя { $user } модератором этого канала.
event-moderator-removed = { $user } больше не является модератором этого канала.
event-message-deleted = Это сообщение было удалено.
event-message-edited = (изменено)

# Notices to one person.
notice-mentioned = { $user } упомянул(а) вас в «{ $conversation }».
notice-unread =
    { $count ->
        [0] Нет непрочитанных сообщений
        [one] { $count } непрочитанное сообщение
        [few] { $count } непрочитанных сообщения
       *[many] { $count } непрочитанных сообщений
        [other] { $count } непрочитанного сообщения
    }
notice-unread-many = Больше 99 непрочитанных сообщений
notice-typing =
    { $count ->
        [1] { $names } печатает…
        [one] { $names } печатают…
        [few] { $names } печатают…
        [many] { $names } печатают…
       *[other] { $names } печатают…
    }
notice-resync = Пока вас не было, некоторые сообщения не дошли; загружаем последние.

# WebSocket close reasons.
close-slow-consumer = Соединение не успевало передавать данные и будет установлено заново.
close-service-restart = Сервер перезапускается; переподключаемся.
close-session-revoked = Вы вышли из аккаунта.
close-too-big = Сообщение слишком большое.
close-auth-timeout = Соединение не прошло аутентификацию вовремя.
close-banned = Эта учётная запись заблокирована в сообществе.

# Moderation events, seen by every member of the channel.
# $until is a date and time, which the client formats in the reader's language.
event-member-timed-out = { $actor } временно запретил(а) пользователю { $user } писать до { $until }.
event-member-timed-out-everywhere = { $actor } временно запретил(а) пользователю { $user } писать во всех беседах до { $until }.
event-timeout-lifted = { $actor } снова разрешил(а) пользователю { $user } писать.
event-member-kicked = { $actor } удалил(а) пользователя { $user } из канала.
event-member-banned = { $actor } заблокировал(а) пользователя { $user } в канале.
event-member-banned-until = { $actor } заблокировал(а) пользователя { $user } в канале до { $until }.
event-member-banned-everywhere = { $actor } заблокировал(а) пользователя { $user } в сообществе.
event-member-unbanned = { $actor } снял(а) блокировку с пользователя { $user }.
event-slow-mode-changed =
    { $seconds ->
        [0] { $actor } выключил(а) медленный режим.
        [one] { $actor } включил(а) медленный режим: одно сообщение раз в { $seconds } секунду.
        [few] { $actor } включил(а) медленный режим: одно сообщение раз в { $seconds } секунды.
        [many] { $actor } включил(а) медленный режим: одно сообщение раз в { $seconds } секунд.
       *[other] { $actor } включил(а) медленный режим: одно сообщение раз в { $seconds } секунды.
    }
event-channel-locked = { $actor } закрыл(а) канал: теперь писать в нём могут только модераторы.
event-channel-unlocked = { $actor } открыл(а) канал: писать в нём снова могут все.
event-message-pinned = { $actor } закрепил(а) сообщение.
event-message-unpinned = { $actor } открепил(а) сообщение.
