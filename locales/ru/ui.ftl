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
auth-languages-hint = Коды языков через запятую, например: en, ja, vi
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
chat-conversations = Беседы
chat-browse-channels = Обзор каналов
chat-channel-visibility = Доступ
chat-channel-languages = Языки канала
chat-create = Создать
chat-open = Открыть
chat-back = Назад к беседам
chat-no-conversation = Выберите беседу или найдите канал, чтобы присоединиться.
chat-no-channels = Каналов пока нет.
chat-invited = Вас пригласили в этот канал.
chat-invitation = приглашение
chat-message-label = Сообщение
chat-composer-hint = Enter — отправить, Shift+Enter — новая строка.
chat-mention-list = Кого упомянуть
chat-find-people = Поиск людей
chat-search = Найти
chat-no-people = Никого не найдено.
chat-direct-message = Написать
chat-sending = Отправка…
chat-not-sent = Не отправлено: { $error }
chat-retry = Повторить
chat-discard = Не отправлять
chat-save = Сохранить
chat-cancel = Отмена
chat-delete-confirm = Удалить это сообщение?
chat-replying-to = Ответ пользователю { $user }
chat-reply-to = В ответ пользователю { $user }: { $text }
chat-reply-unknown = В ответ на более раннее сообщение
chat-unknown-person = (неизвестно)
chat-close = Закрыть
chat-reacted = Реакция { $emoji }: { $names }
status-connecting = Подключение…
status-offline = Вы не в сети. Написанные сообщения будут отправлены, когда соединение восстановится.
status-online = Подключено
notice-mentions =
    { $count ->
        [one] { $count } упоминание
        [few] { $count } упоминания
       *[many] { $count } упоминаний
        [other] { $count } упоминания
    }

# Presence and profiles.
presence-online = В сети
presence-away = Нет на месте
presence-offline = Не в сети
presence-last-seen = Был(а) в сети { $time }
people-title = Участники
people-partial = Показаны только те, кто уже появлялся в этой беседе.
people-you = вы
profile-title = Профиль
profile-edit = Изменить профиль
profile-role = Роль
profile-speaks = Языки общения
profile-learning = Изучает языки
profile-none = Не указано
profile-app-language = Язык приложения
profile-hide-presence-hint = Все остальные будут видеть вас не в сети и без времени последнего посещения.
profile-saved = Профиль сохранён.
