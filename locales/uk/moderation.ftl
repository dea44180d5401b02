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

# The web client: a message's menu, and the dialog of one moderation action.
mod-more-actions = Інші дії
mod-view-profile = Відкрити профіль
mod-timeout-title = Тайм-аут для користувача { $user }
mod-ban-title = Заблокувати користувача { $user }
mod-ban-everywhere-title = Заблокувати користувача { $user } у спільноті
mod-kick-title = Видалити користувача { $user } з каналу
mod-ban-until-lifted = Доки не знімуть
mod-scope = Де
mod-scope-channel = Лише в { $channel }
mod-scope-everywhere = У всій спільноті
mod-also-delete = Видалити й це повідомлення
mod-reason-hint = Зберігається в журналі аудиту. Учасники можуть прочитати причину в журналі модерації каналу.
mod-report-person-title = Поскаржитися на користувача { $user }
mod-report-category = Що не так?
mod-report-send = Надіслати скаргу

# The web client: a channel's settings, and what the composer says.
mod-channel-settings = Налаштування каналу
mod-channel-settings-title = Налаштування каналу { $channel }
mod-slow-mode-hint = Кожен учасник може надсилати одне повідомлення за інтервал. На модераторів це не поширюється.
mod-lock-hint = У закритому каналі можуть писати лише модератори.
mod-public-modlog = Учасники можуть читати журнал модерації
mod-public-modlog-hint = Якщо вимкнено, журнал можуть читати лише модератори каналу та адміністрація.
mod-modlog-title = Журнал модерації каналу { $channel }
mod-modlog-empty = У цьому каналі поки нічого не модерувалося.
mod-composer-slow-mode = Увімкнено повільний режим: одне повідомлення раз на { $duration }.
mod-composer-locked = Канал закрито: писати можуть лише модератори.
mod-composer-timed-out = Вам заборонено писати до { $until }.

# The web client: the reports queue.
mod-nav = Модерація
mod-reports-open =
    { $count ->
        [one] { $count } відкрита скарга
        [few] { $count } відкриті скарги
       *[many] { $count } відкритих скарг
        [other] { $count } відкритої скарги
    }
mod-reports-filter = Показати
mod-reports-filter-active = Відкриті й на розгляді
mod-reports-filter-closed = Закриті
mod-reports-filter-all = Усі
mod-reports-empty = Скарг немає.
mod-report-by = Поскаржився:
mod-report-about = На кого:
mod-report-automod = Позначено автомодерацією
mod-report-reporter-note = Автор скарги пише:
mod-report-open-conversation = Перейти до розмови
mod-report-claimed-by = Розглядає:
mod-report-closed-by = Закрив(ла):
mod-report-notes = Нотатки модераторів
mod-resolve-title = Вжити заходів щодо скарги
mod-resolve-action = Захід
mod-resolve-none = Більше нічого не робити (вже вирішено)
mod-resolve-note = Нотатка
mod-dismiss-title = Відхилити скаргу
mod-note-body = Нотатка для інших модераторів

# The web client: the audit log and a channel's moderation log.
mod-audit-filter = Дії
mod-audit-filter-all = Усі дії
mod-audit-filter-moderation = Модерація
mod-audit-filter-report = Скарги
mod-audit-filter-automod = Автомодерація
mod-audit-filter-role = Ролі
mod-audit-filter-consultation = Перегляд консультацій
mod-audit-empty = Записів немає.
mod-audit-load-older = Завантажити давніші записи
mod-audit-reason = Причина: { $reason }
mod-audit-target-message = повідомлення №{ $id }
mod-audit-target-report = скарга №{ $id }
mod-audit-target-consultation = консультація №{ $id }
mod-audit-target-automod-rule = правило автомодерації №{ $id }
mod-audit-target-conversation = розмова №{ $id }
mod-audit-action-moderation-delete-message = Повідомлення видалено
mod-audit-action-moderation-pin = Повідомлення закріплено
mod-audit-action-moderation-unpin = Повідомлення відкріплено
mod-audit-action-moderation-timeout = Тайм-аут
mod-audit-action-moderation-lift-timeout = Тайм-аут знято
mod-audit-action-moderation-kick = Видалення з каналу
mod-audit-action-moderation-ban = Блокування
mod-audit-action-moderation-unban = Блокування знято
mod-audit-action-moderation-slow-mode = Повільний режим змінено
mod-audit-action-moderation-lock = Закриття каналу змінено
mod-audit-action-automod-timeout = Тайм-аут від автомодерації
mod-audit-action-report-resolve = Заходів щодо скарги вжито
mod-audit-action-report-dismiss = Скаргу відхилено
mod-audit-action-automod-create = Правило автомодерації створено
mod-audit-action-automod-update = Правило автомодерації змінено
mod-audit-action-automod-delete = Правило автомодерації видалено
mod-audit-action-role-change = Роль змінено
mod-audit-action-consultation-read = Консультацію прочитано
mod-audit-action-consultation-list = Переглянуто список консультацій
mod-audit-action-consultation-history = Прочитано історію консультацій
mod-audit-action-consultation-queues = Переглянуто черги
