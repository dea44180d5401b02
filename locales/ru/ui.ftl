# The web client's own texts.

app-title = Engawa
app-tagline = Общайтесь с соседями и просите о помощи — на своём языке.
language-label = Язык
role-member = Участник
role-volunteer = Волонтёр
role-advisor = Консультант
role-moderator = Модератор
role-admin = Администратор
visibility-public = Публичный
visibility-invite-only = По приглашению
visibility-private = Приватный
auth-login = Войти
auth-register = Создать аккаунт
auth-logout = Выйти
auth-username = Имя пользователя
auth-display-name = Отображаемое имя
auth-password = Пароль
auth-languages-spoken = Языки, на которых вы говорите
auth-languages-learning = Языки, которые вы изучаете
chat-channels = Каналы
chat-direct = Личные сообщения
chat-join = Вступить
chat-leave = Покинуть
chat-create-channel = Новый канал
chat-channel-name = Название канала
chat-channel-topic = Тема
chat-composer-placeholder = Напишите сообщение…
chat-send = Отправить
chat-edit = Изменить
chat-delete = Удалить
chat-reply = Ответить
chat-react = Реакция
chat-load-older = Загрузить более ранние сообщения
chat-empty = Сообщений пока нет. Поздоровайтесь!
chat-members =
    { $count ->
        [one] { $count } участник
        [few] { $count } участника
       *[many] { $count } участников
        [other] { $count } участника
    }
status-connecting = Подключение…
status-offline = Вы не в сети. Написанные сообщения будут отправлены, когда соединение восстановится.
status-online = Подключено
