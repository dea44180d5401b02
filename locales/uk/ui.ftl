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
status-connecting = Підключення…
status-offline = Ви не в мережі. Написані повідомлення буде надіслано, щойно з’єднання відновиться.
status-online = Підключено
