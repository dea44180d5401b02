# Moderation: notices to one person, reports, automod and the web client's texts for members and moderators.
# $conversation is a channel name; $scope is channel (one channel) or global (the whole community).

# Notices to one person, rendered by the server.
notice-timed-out =
    { $scope ->
        [channel] { $minutes ->
            [one] Модератор заборонив вам писати в «{ $conversation }» на { $minutes } хвилину.
            [few] Модератор заборонив вам писати в «{ $conversation }» на { $minutes } хвилини.
            [many] Модератор заборонив вам писати в «{ $conversation }» на { $minutes } хвилин.
           *[other] Модератор заборонив вам писати в «{ $conversation }» на { $minutes } хвилини.
        }
       *[other] { $minutes ->
            [one] Модератор заборонив вам писати в усіх розмовах на { $minutes } хвилину.
            [few] Модератор заборонив вам писати в усіх розмовах на { $minutes } хвилини.
            [many] Модератор заборонив вам писати в усіх розмовах на { $minutes } хвилин.
           *[other] Модератор заборонив вам писати в усіх розмовах на { $minutes } хвилини.
        }
    }
notice-banned = Модератор заблокував вас у «{ $conversation }».
notice-kicked = Модератор видалив вас із «{ $conversation }». Ви можете приєднатися знову.
notice-report-resolved = Дякуємо за скаргу. Модератори розглянули її та вжили заходів.
notice-report-dismissed = Дякуємо за скаргу. Модератори розглянули її та вирішили, що вживати заходів не потрібно.

# What a report is about.
report-category-spam = Спам
report-category-harassment = Образи або цькування
report-category-hate = Мова ворожнечі або дискримінація
report-category-sexual = Сексуальний вміст
report-category-violence = Насильство або погрози
report-category-scam = Обман або шахрайство
report-category-privacy = Поширення чужих особистих даних
report-category-other = Інше

# Where a report is in its life.
report-state-open = Відкрита
report-state-claimed = Розглядається
report-state-resolved = Ужито заходів
report-state-dismissed = Без заходів

# What an automod rule does with a message that matches.
automod-action-block = Не пропускати повідомлення
automod-action-flag = Надіслати на перевірку
automod-action-timeout = Не пропускати й дати тайм-аут

# The web client: reporting and blocking, and the moderators' tools.
mod-report = Поскаржитися
mod-report-message = Поскаржитися на повідомлення
mod-report-person = Поскаржитися на користувача
mod-report-note = Що сталося? (необов’язково)
mod-report-sent = Дякуємо. Модератори розглянуть вашу скаргу.
mod-reason = Причина
mod-delete = Видалити повідомлення
mod-timeout = Тайм-аут
mod-timeout-duration = Тривалість
mod-lift-timeout = Зняти тайм-аут
mod-kick = Видалити з каналу
mod-ban = Заблокувати в каналі
mod-ban-everywhere = Заблокувати в спільноті
mod-unban = Зняти блокування
mod-slow-mode = Повільний режим
mod-slow-mode-off = Вимк.
mod-lock = Закрити канал
mod-unlock = Відкрити канал
mod-pin = Закріпити
mod-unpin = Відкріпити
mod-pinned = Закріплені повідомлення
mod-reports = Скарги
mod-claim = Взяти на розгляд
mod-resolve = Вжити заходів
mod-dismiss = Відхилити
mod-add-note = Додати нотатку
mod-audit-log = Журнал аудиту
mod-modlog = Журнал модерації
mod-automod = Правила автомодерації
mod-block = Заблокувати
mod-unblock = Розблокувати
mod-blocked-message = Повідомлення від користувача, якого ви заблокували
mod-show-anyway = Показати
mod-hide-presence = Приховувати мій статус «у мережі»
