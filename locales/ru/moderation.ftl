# Moderation: notices to one person, reports, automod and the web client's texts for members and moderators.
# $conversation is a channel name; $scope is channel (one channel) or global (the whole community).

# Notices to one person, rendered by the server.
notice-timed-out =
    { $scope ->
        [channel] { $minutes ->
            [one] Модератор запретил вам писать в «{ $conversation }» на { $minutes } минуту.
            [few] Модератор запретил вам писать в «{ $conversation }» на { $minutes } минуты.
            [many] Модератор запретил вам писать в «{ $conversation }» на { $minutes } минут.
           *[other] Модератор запретил вам писать в «{ $conversation }» на { $minutes } минуты.
        }
       *[other] { $minutes ->
            [one] Модератор запретил вам писать во всех беседах на { $minutes } минуту.
            [few] Модератор запретил вам писать во всех беседах на { $minutes } минуты.
            [many] Модератор запретил вам писать во всех беседах на { $minutes } минут.
           *[other] Модератор запретил вам писать во всех беседах на { $minutes } минуты.
        }
    }
notice-banned = Модератор заблокировал вас в «{ $conversation }».
notice-kicked = Модератор удалил вас из «{ $conversation }». Вы можете вступить снова.
notice-report-resolved = Спасибо за жалобу. Модераторы рассмотрели её и приняли меры.
notice-report-dismissed = Спасибо за жалобу. Модераторы рассмотрели её и решили, что принимать меры не нужно.

# What a report is about.
report-category-spam = Спам
report-category-harassment = Оскорбления или травля
report-category-hate = Язык вражды или дискриминация
report-category-sexual = Сексуальный контент
report-category-violence = Насилие или угрозы
report-category-scam = Обман или мошенничество
report-category-privacy = Разглашение чужих личных данных
report-category-other = Другое

# Where a report is in its life.
report-state-open = Открыта
report-state-claimed = На рассмотрении
report-state-resolved = Приняты меры
report-state-dismissed = Без мер

# What an automod rule does with a message that matches.
automod-action-block = Не пропускать сообщение
automod-action-flag = Отправить на проверку
automod-action-timeout = Не пропускать и дать тайм-аут

# The web client: reporting and blocking, and the moderators' tools.
mod-report = Пожаловаться
mod-report-message = Пожаловаться на сообщение
mod-report-person = Пожаловаться на пользователя
mod-report-note = Что случилось? (необязательно)
mod-report-sent = Спасибо. Модераторы рассмотрят вашу жалобу.
mod-reason = Причина
mod-delete = Удалить сообщение
mod-timeout = Тайм-аут
mod-timeout-duration = Длительность
mod-lift-timeout = Снять тайм-аут
mod-kick = Удалить из канала
mod-ban = Заблокировать в канале
mod-ban-everywhere = Заблокировать в сообществе
mod-unban = Снять блокировку
mod-slow-mode = Медленный режим
mod-slow-mode-off = Выкл.
mod-lock = Закрыть канал
mod-unlock = Открыть канал
mod-pin = Закрепить
mod-unpin = Открепить
mod-pinned = Закреплённые сообщения
mod-reports = Жалобы
mod-claim = Взять на рассмотрение
mod-resolve = Принять меры
mod-dismiss = Отклонить
mod-add-note = Добавить заметку
mod-audit-log = Журнал аудита
mod-modlog = Журнал модерации
mod-automod = Правила автомодерации
mod-block = Заблокировать
mod-unblock = Разблокировать
mod-blocked-message = Сообщение от пользователя, которого вы заблокировали
mod-show-anyway = Показать
mod-hide-presence = Скрывать мой статус «в сети»

# The web client: a message's menu, and the dialog of one moderation action.
mod-more-actions = Другие действия
mod-view-profile = Открыть профиль
mod-timeout-title = Тайм-аут для пользователя { $user }
mod-ban-title = Заблокировать пользователя { $user }
mod-ban-everywhere-title = Заблокировать пользователя { $user } в сообществе
mod-kick-title = Удалить пользователя { $user } из канала
mod-ban-until-lifted = Пока не снимут
mod-scope = Где
mod-scope-channel = Только в { $channel }
mod-scope-everywhere = Во всём сообществе
mod-also-delete = Удалить и это сообщение
mod-reason-hint = Сохраняется в журнале аудита. Участники могут прочитать причину в журнале модерации канала.
mod-report-person-title = Пожаловаться на пользователя { $user }
mod-report-category = Что не так?
mod-report-send = Отправить жалобу

# The web client: a channel's settings, and what the composer says.
mod-channel-settings = Настройки канала
mod-channel-settings-title = Настройки канала { $channel }
mod-slow-mode-hint = Каждый участник может отправлять одно сообщение за интервал. На модераторов это не распространяется.
mod-lock-hint = В закрытом канале могут писать только модераторы.
mod-public-modlog = Участники могут читать журнал модерации
mod-public-modlog-hint = Если выключено, журнал могут читать только модераторы канала и администрация.
mod-modlog-title = Журнал модерации канала { $channel }
mod-modlog-empty = В этом канале пока ничего не модерировалось.
mod-composer-slow-mode = Включён медленный режим: одно сообщение раз в { $duration }.
mod-composer-locked = Канал закрыт: писать могут только модераторы.
mod-composer-timed-out = Вам запрещено писать до { $until }.

# The web client: the reports queue.
mod-nav = Модерация
mod-reports-open =
    { $count ->
        [one] { $count } открытая жалоба
        [few] { $count } открытые жалобы
       *[many] { $count } открытых жалоб
        [other] { $count } открытой жалобы
    }
mod-reports-filter = Показать
mod-reports-filter-active = Открытые и на рассмотрении
mod-reports-filter-closed = Закрытые
mod-reports-filter-all = Все
mod-reports-empty = Жалоб нет.
mod-report-by = Пожаловался:
mod-report-about = На кого:
mod-report-automod = Отмечено автомодерацией
mod-report-reporter-note = Автор жалобы пишет:
mod-report-open-conversation = Перейти к беседе
mod-report-claimed-by = Рассматривает:
mod-report-closed-by = Закрыл(а):
mod-report-notes = Заметки модераторов
mod-resolve-title = Принять меры по жалобе
mod-resolve-action = Мера
mod-resolve-none = Больше ничего не делать (уже решено)
mod-resolve-note = Заметка
mod-dismiss-title = Отклонить жалобу
mod-note-body = Заметка для других модераторов

# The web client: the audit log and a channel's moderation log.
mod-audit-filter = Действия
mod-audit-filter-all = Все действия
mod-audit-filter-moderation = Модерация
mod-audit-filter-report = Жалобы
mod-audit-filter-automod = Автомодерация
mod-audit-filter-role = Роли
mod-audit-filter-consultation = Просмотр консультаций
mod-audit-empty = Записей нет.
mod-audit-load-older = Загрузить более ранние записи
mod-audit-reason = Причина: { $reason }
mod-audit-target-message = сообщение №{ $id }
mod-audit-target-report = жалоба №{ $id }
mod-audit-target-consultation = консультация №{ $id }
mod-audit-target-automod-rule = правило автомодерации №{ $id }
mod-audit-target-conversation = беседа №{ $id }
mod-audit-action-moderation-delete-message = Сообщение удалено
mod-audit-action-moderation-pin = Сообщение закреплено
mod-audit-action-moderation-unpin = Сообщение откреплено
mod-audit-action-moderation-timeout = Тайм-аут
mod-audit-action-moderation-lift-timeout = Тайм-аут снят
mod-audit-action-moderation-kick = Удаление из канала
mod-audit-action-moderation-ban = Блокировка
mod-audit-action-moderation-unban = Блокировка снята
mod-audit-action-moderation-slow-mode = Медленный режим изменён
mod-audit-action-moderation-lock = Закрытие канала изменено
mod-audit-action-automod-timeout = Тайм-аут от автомодерации
mod-audit-action-report-resolve = Меры по жалобе приняты
mod-audit-action-report-dismiss = Жалоба отклонена
mod-audit-action-automod-create = Правило автомодерации создано
mod-audit-action-automod-update = Правило автомодерации изменено
mod-audit-action-automod-delete = Правило автомодерации удалено
mod-audit-action-role-change = Роль изменена
mod-audit-action-consultation-read = Консультация прочитана
mod-audit-action-consultation-list = Просмотрен список консультаций
mod-audit-action-consultation-history = Прочитана история консультаций
mod-audit-action-consultation-queues = Просмотрены очереди
