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
