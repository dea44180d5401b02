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
