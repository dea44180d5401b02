# The web client's own texts.

app-title = Engawa
app-tagline = Спілкуйтеся із сусідами й просіть про допомогу — своєю мовою.
language-label = Мова
role-member = Учасник
role-volunteer = Волонтер
role-advisor = Консультант
role-moderator = Модератор
role-admin = Адміністратор
visibility-public = Публічний
visibility-invite-only = За запрошенням
visibility-private = Приватний
auth-login = Увійти
auth-register = Створити обліковий запис
auth-logout = Вийти
auth-username = Ім’я користувача
auth-display-name = Відображуване ім’я
auth-password = Пароль
auth-languages-spoken = Мови, якими ви розмовляєте
auth-languages-learning = Мови, які ви вивчаєте
auth-languages-hint = Коди мов через кому, наприклад: en, ja, vi
chat-channels = Канали
chat-direct = Особисті повідомлення
chat-join = Приєднатися
chat-leave = Вийти
chat-create-channel = Новий канал
chat-channel-name = Назва каналу
chat-channel-topic = Тема
chat-composer-placeholder = Напишіть повідомлення…
chat-send = Надіслати
chat-edit = Редагувати
chat-delete = Видалити
chat-reply = Відповісти
chat-react = Реакція
chat-load-older = Завантажити старіші повідомлення
chat-empty = Повідомлень поки немає. Привітайтеся!
chat-members =
    { $count ->
        [one] { $count } учасник
        [few] { $count } учасники
       *[many] { $count } учасників
        [other] { $count } учасника
    }
chat-conversations = Розмови
chat-browse-channels = Огляд каналів
chat-channel-visibility = Доступ
chat-channel-languages = Мови каналу
chat-create = Створити
chat-open = Відкрити
chat-back = Назад до розмов
chat-no-conversation = Виберіть розмову або знайдіть канал, щоб приєднатися.
chat-no-channels = Каналів поки немає.
chat-invited = Вас запросили до цього каналу.
chat-invitation = запрошення
chat-message-label = Повідомлення
chat-composer-hint = Enter — надіслати, Shift+Enter — новий рядок.
chat-mention-list = Кого згадати
chat-find-people = Пошук людей
chat-search = Шукати
chat-no-people = Нікого не знайдено.
chat-direct-message = Написати
chat-sending = Надсилання…
chat-not-sent = Не надіслано: { $error }
chat-retry = Повторити
chat-discard = Не надсилати
chat-save = Зберегти
chat-cancel = Скасувати
chat-delete-confirm = Видалити це повідомлення?
chat-replying-to = Відповідь користувачеві { $user }
chat-reply-to = У відповідь користувачеві { $user }: { $text }
chat-reply-unknown = У відповідь на попереднє повідомлення
chat-unknown-person = (невідомо)
chat-close = Закрити
chat-reacted = Реакція { $emoji }: { $names }
status-connecting = Підключення…
status-offline = Ви не в мережі. Написані повідомлення буде надіслано, щойно з’єднання відновиться.
status-online = Підключено
notice-mentions =
    { $count ->
        [one] { $count } згадка
        [few] { $count } згадки
       *[many] { $count } згадок
        [other] { $count } згадки
    }

# Presence and profiles.
presence-online = У мережі
presence-away = Немає на місці
presence-offline = Не в мережі
presence-last-seen = Був(ла) у мережі { $time }
people-title = Учасники
people-partial = Показано лише тих, хто вже з’являвся в цій розмові.
people-you = ви
profile-title = Профіль
profile-edit = Змінити профіль
profile-role = Роль
profile-speaks = Мови спілкування
profile-learning = Вивчає мови
profile-none = Не вказано
profile-app-language = Мова застосунку
profile-hide-presence-hint = Усі інші бачитимуть вас не в мережі та без часу останнього відвідування.
profile-saved = Профіль збережено.
