# Consultations: topics, states, notices to one person, system events and the web client's texts.
# $topic is a topic name, $actor and $helper are display names, $language is a language code (e.g. ne).
# Notices and events are read by the person asking for help and by the helpers alike.

# The seeded topics. Topics added later carry their own names.
topic-visa = Виза и статус пребывания
topic-visa-description = Статус пребывания, продление, смена статуса, повторный въезд и визы для членов семьи.
topic-housing = Жильё
topic-housing-description = Поиск квартиры, договор аренды, поручители, заселение и выезд, соседи и правила вывоза мусора.
topic-work = Работа и договоры
topic-work-description = Трудовой договор, зарплата, сверхурочная работа, социальное страхование, налоги и смена работы.
topic-japanese = Японский язык
topic-japanese-description = Изучение японского, курсы, JLPT, помощь с письмом или бланком.
topic-daily-life = Быт и здоровье
topic-daily-life-description = Дела в муниципалитете, банки, телефоны, больницы, медицинская страховка и экстренные случаи.
topic-other = Другое
topic-other-description = Всё остальное, о чём хочется спросить.

# Where a consultation is in its life.
consultation-state-waiting = Ожидает
consultation-state-active = В работе
consultation-state-on-hold = Приостановлена
consultation-state-resolved = Решена
consultation-state-cancelled = Отменена
consultation-state-expired = Срок истёк

# Whether a helper can take consultations now.
helper-availability-available = На связи
helper-availability-busy = Занят(а)
helper-availability-away = Нет на месте

# Notices to one person.
notice-available-now =
    Сейчас на связи человек, который может помочь по теме «{ $topic }» { $language ->
        [en] на английском языке
        [ja] на японском языке
        [ne] на непальском языке
        [vi] на вьетнамском языке
        [bn] на бенгальском языке
        [ru] на русском языке
        [uk] на украинском языке
        [zh] на китайском языке
        [ko] на корейском языке
        [pt] на португальском языке
       *[other] на вашем языке ({ $language })
    }.
notice-nobody-available =
    Сейчас нет никого, кто мог бы помочь по теме «{ $topic }» на ваших языках. Вы всё равно можете отправить запрос: он подождёт в очереди, и вам ответят, как только появится человек, который говорит на вашем языке. { $waiting ->
        [0] Сейчас в очереди никого нет — ваш запрос будет первым.
        [one] Сейчас в очереди уже { $waiting } запрос.
        [few] Сейчас в очереди уже { $waiting } запроса.
       *[many] Сейчас в очереди уже { $waiting } запросов.
        [other] Сейчас в очереди уже { $waiting } запроса.
    }
notice-queue-position =
    Ваш номер в очереди по теме «{ $topic }»: { $position }. { $minutes ->
        [0] Ждать придётся меньше минуты.
        [one] Ждать придётся примерно { $minutes } минуту.
        [few] Ждать придётся примерно { $minutes } минуты.
       *[many] Ждать придётся примерно { $minutes } минут.
        [other] Ждать придётся примерно { $minutes } минуты.
    }
notice-queue-nobody = Ваш номер в очереди по теме «{ $topic }»: { $position }. Сейчас на связи нет никого, кто говорит на ваших языках; вам ответят, как только кто-нибудь появится.
notice-availability-lapsed = Связь прервалась, поэтому ваш статус изменён на «Нет на месте».

# System events in a consultation.
event-consultation-opened = { $actor } обратился(-ась) за помощью по теме «{ $topic }».
event-consultation-assigned = Консультация поручена пользователю { $helper }.
event-consultation-claimed = { $helper } взял(а) эту консультацию.
event-consultation-accepted = { $helper } принял(а) консультацию и теперь помогает.
event-consultation-unanswered = Никто не ответил вовремя, поэтому запрос вернулся в очередь к следующему помощнику.
event-consultation-held = { $actor } приостановил(а) консультацию. Она продолжится, когда вы напишете.
event-consultation-held-automatic = Консультация приостановлена, потому что в ней давно не было сообщений. Она продолжится, когда вы напишете.
event-consultation-resumed = Консультация продолжается.
event-consultation-transferred = { $actor } передал(а) консультацию пользователю { $helper }.
event-consultation-transferred-topic = { $actor } переместил(а) консультацию в тему «{ $topic }».
event-consultation-requeued = { $actor } вернул(а) консультацию в очередь.
event-consultation-helper-invited = { $actor } пригласил(а) пользователя { $helper } помочь.
event-consultation-helper-removed = { $helper } больше не участвует в консультации.
event-consultation-resolved = { $actor } отметил(а) консультацию как решённую.
event-consultation-cancelled = { $actor } отменил(а) консультацию.
event-consultation-reopened = { $actor } снова открыл(а) консультацию.
event-consultation-expired = Срок консультации истёк: она слишком долго была приостановлена.
event-consultation-rated = { $actor } оценил(а) помощь на { $rating } из 5.

# The web client: asking for help, and the helper console.
consult-ask = Попросить помощи
consult-topic = Тема
consult-languages = Языки, на которых вам могут помочь (сначала предпочтительный)
consult-first-message = Опишите ваш вопрос
consult-send = Отправить запрос
consult-wait-anyway = Отправить и ждать
consult-cancel = Отменить запрос
consult-reopen = Открыть снова
consult-rate = Оценить помощь
consult-rating-comment = Комментарий (необязательно)
consult-helper-console = Панель помощника
consult-queue = Очередь
consult-claim = Взять
consult-accept = Принять
consult-hold = Приостановить
consult-transfer = Передать
consult-transfer-note = Заметка для следующего помощника
consult-invite-helper = Пригласить помощника
consult-resolve = Отметить как решённую
consult-summary = Краткий итог
consult-notes = Внутренние заметки
consult-notes-hint = Эти заметки видят только помощники и модераторы.
consult-canned = Шаблоны ответов
consult-capacity = Лимит консультаций
consult-hours = Часы работы (по японскому времени)
consult-position = Место в очереди: { $position }

# The web client: the sidebar, the consultation bar, the helper console and the helpers' side panel.
consult-consultations = Консультации
consult-consultation = Консультация
consult-loading = Загрузка…
consult-ask-intro = Выберите, с чем вам нужна помощь, и напишите свой вопрос. Волонтёр или консультант, говорящий на вашем языке, ответит вам здесь, лично.
consult-checking = Проверяем, кто может помочь сейчас…
consult-choose-topic = Выберите тему.
consult-languages-none = Выберите хотя бы один язык.
consult-first-message-hint = Пишите на своём языке. Ctrl+Enter отправляет.
consult-helpers = Вам помогает: { $names }
consult-requester = Спрашивает: { $name }
consult-in-languages = Язык: { $languages }
consult-assigned-hint = Этот запрос передан вам. Примите его или ответьте в ближайшее время, иначе он вернётся в очередь.
consult-assigned-toast = Новая консультация для вас: { $name } ({ $topic }). Примите её или ответьте в ближайшее время.
consult-taken-toast = { $name } теперь помогает вам по теме «{ $topic }».
consult-on-hold-requester = Приостановлена: напишите сообщение, когда захотите продолжить.
consult-on-hold-helper = Приостановлена: вернётся к вам, когда человек снова напишет.
consult-closed = Эта консультация закрыта.
consult-closed-reopen = Эта консультация закрыта. Её можно открыть снова до { $date }.
consult-cancel-confirm = Отменить этот запрос?
consult-rate-send = Отправить оценку
consult-rate-change = Изменить оценку
consult-rated = Вы оценили эту помощь на { $rating } из 5. Спасибо!
consult-rated-by = Оценка: { $rating } из 5.
consult-rating-required = Выберите от 1 до 5 звёзд.
consult-stars =
    { $rating ->
        [one] { $rating } звезда
        [few] { $rating } звезды
       *[other] { $rating } звёзд
    }
consult-summary-hint = Этот итог увидит человек, которому вы помогли.
consult-transfer-to = Кому передать
consult-transfer-queue = Вернуть в очередь этой темы
consult-transfer-topic = В очередь темы «{ $topic }»
consult-transfer-helper = Другому помощнику…
consult-transfer-username = Имя пользователя помощника
consult-side-title = Заметки и шаблоны
consult-open-window = Открыть в отдельном окне
consult-note-label = Внутренняя заметка
consult-note-placeholder = Напишите заметку для помощников…
consult-note-add = Добавить заметку
consult-notes-empty = Заметок пока нет.
consult-canned-filter = Поиск по шаблонам ответов
consult-canned-insert = Вставить
consult-canned-send = Отправить сразу
consult-canned-empty = Шаблонов ответов пока нет. Их могут добавить модераторы.
consult-canned-none = Подходящих шаблонов нет.
consult-availability = Ваша доступность
consult-load =
    { $load } из { $capacity } { $capacity ->
        [one] консультации
       *[other] консультаций
    } в работе
consult-no-profile = Чтобы начать помогать, отметьте себя «На связи».
consult-my = Мои консультации
consult-my-empty = У вас нет консультаций в работе.
consult-new = новая
consult-switch-hint = Alt+↑ и Alt+↓ переключают между вашими консультациями.
consult-queue-count =
    { $count ->
        [one] { $count } ожидает
       *[other] { $count } ожидают
    }
consult-queue-empty = Никто не ждёт.
consult-no-topics = Выберите темы, в которых вы помогаете, чтобы видеть их очереди.
consult-not-your-language = не ваш язык
consult-waiting-for =
    { $minutes ->
        [0] Ждёт меньше минуты
        [one] Ждёт { $minutes } минуту
        [few] Ждёт { $minutes } минуты
       *[other] Ждёт { $minutes } минут
    }
consult-settings = С чем вы помогаете
consult-settings-topics = Темы
consult-settings-languages = Языки, на которых вы помогаете
consult-capacity-hint = Сколько консультаций вы ведёте одновременно (1–20).
consult-saved = Сохранено.
