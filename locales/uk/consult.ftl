# Consultations: topics, states, notices to one person, system events and the web client's texts.
# $topic is a topic name, $actor and $helper are display names, $language is a language code (e.g. ne).
# Notices and events are read by the person asking for help and by the helpers alike.

# The seeded topics. Topics added later carry their own names.
topic-visa = Віза та статус перебування
topic-visa-description = Статус перебування, продовження, зміна статусу, повторний в’їзд і візи для членів родини.
topic-housing = Житло
topic-housing-description = Пошук квартири, договір оренди, поручителі, заселення й виїзд, сусіди та правила вивезення сміття.
topic-work = Робота й договори
topic-work-description = Трудовий договір, зарплата, понаднормова робота, соціальне страхування, податки та зміна роботи.
topic-japanese = Японська мова
topic-japanese-description = Вивчення японської, курси, JLPT, допомога з листом або бланком.
topic-daily-life = Побут і здоров’я
topic-daily-life-description = Справи в муніципалітеті, банки, телефони, лікарні, медичне страхування та екстрені випадки.
topic-other = Інше
topic-other-description = Усе інше, про що хочеться запитати.

# Where a consultation is in its life.
consultation-state-waiting = Очікує
consultation-state-active = У роботі
consultation-state-on-hold = Призупинена
consultation-state-resolved = Вирішена
consultation-state-cancelled = Скасована
consultation-state-expired = Термін минув

# Whether a helper can take consultations now.
helper-availability-available = На зв’язку
helper-availability-busy = Зайнятий(-а)
helper-availability-away = Немає на місці

# Notices to one person.
notice-available-now =
    Зараз на зв’язку людина, яка може допомогти з питанням на тему «{ $topic }» { $language ->
        [en] англійською мовою
        [ja] японською мовою
        [ne] непальською мовою
        [vi] в’єтнамською мовою
        [bn] бенгальською мовою
        [ru] російською мовою
        [uk] українською мовою
        [zh] китайською мовою
        [ko] корейською мовою
        [pt] португальською мовою
       *[other] вашою мовою ({ $language })
    }.
notice-nobody-available =
    Зараз немає нікого, хто міг би допомогти з питанням на тему «{ $topic }» вашими мовами. Ви все одно можете надіслати запит: він чекатиме в черзі, і вам відповідять, щойно з’явиться людина, яка розмовляє вашою мовою. { $waiting ->
        [0] Зараз у черзі нікого немає — ваш запит буде першим.
        [one] Зараз у черзі вже { $waiting } запит.
        [few] Зараз у черзі вже { $waiting } запити.
       *[many] Зараз у черзі вже { $waiting } запитів.
        [other] Зараз у черзі вже { $waiting } запиту.
    }
notice-queue-position =
    Ваш номер у черзі за темою «{ $topic }»: { $position }. { $minutes ->
        [0] Чекати доведеться менше хвилини.
        [one] Чекати доведеться приблизно { $minutes } хвилину.
        [few] Чекати доведеться приблизно { $minutes } хвилини.
       *[many] Чекати доведеться приблизно { $minutes } хвилин.
        [other] Чекати доведеться приблизно { $minutes } хвилини.
    }
notice-queue-nobody = Ваш номер у черзі за темою «{ $topic }»: { $position }. Зараз на зв’язку немає нікого, хто розмовляє вашими мовами; вам відповідять, щойно хтось з’явиться.
notice-availability-lapsed = Зв’язок перервався, тому ваш статус змінено на «Немає на місці».

# System events in a consultation.
event-consultation-opened = { $actor } звернувся(-лася) по допомогу на тему «{ $topic }».
event-consultation-assigned = Консультацію доручено користувачеві { $helper }.
event-consultation-claimed = { $helper } взяв(-ла) цю консультацію.
event-consultation-accepted = { $helper } прийняв(-ла) консультацію й тепер допомагає.
event-consultation-unanswered = Ніхто не відповів вчасно, тому запит повернувся в чергу до наступного помічника.
event-consultation-held = { $actor } призупинив(-ла) консультацію. Вона продовжиться, коли ви напишете.
event-consultation-held-automatic = Консультацію призупинено, бо в ній давно не було повідомлень. Вона продовжиться, коли ви напишете.
event-consultation-resumed = Консультація продовжується.
event-consultation-transferred = { $actor } передав(-ла) консультацію користувачеві { $helper }.
event-consultation-transferred-topic = { $actor } переніс(-ла) консультацію в тему «{ $topic }».
event-consultation-requeued = { $actor } повернув(-ла) консультацію в чергу.
event-consultation-helper-invited = { $actor } запросив(-ла) користувача { $helper } допомогти.
event-consultation-helper-removed = { $helper } більше не бере участі в консультації.
event-consultation-resolved = { $actor } позначив(-ла) консультацію як вирішену.
event-consultation-cancelled = { $actor } скасував(-ла) консультацію.
event-consultation-reopened = { $actor } знову відкрив(-ла) консультацію.
event-consultation-expired = Термін консультації минув: вона надто довго була призупинена.
event-consultation-rated = { $actor } оцінив(-ла) допомогу на { $rating } з 5.

# The web client: asking for help, and the helper console.
consult-ask = Попросити допомоги
consult-topic = Тема
consult-languages = Мови, якими вам можуть допомогти (спершу бажана)
consult-first-message = Опишіть ваше питання
consult-send = Надіслати запит
consult-wait-anyway = Надіслати й чекати
consult-cancel = Скасувати запит
consult-reopen = Відкрити знову
consult-rate = Оцінити допомогу
consult-rating-comment = Коментар (необов’язково)
consult-helper-console = Панель помічника
consult-queue = Черга
consult-claim = Взяти
consult-accept = Прийняти
consult-hold = Призупинити
consult-transfer = Передати
consult-transfer-note = Нотатка для наступного помічника
consult-invite-helper = Запросити помічника
consult-resolve = Позначити як вирішену
consult-summary = Короткий підсумок
consult-notes = Внутрішні нотатки
consult-notes-hint = Ці нотатки бачать лише помічники та модератори.
consult-canned = Шаблони відповідей
consult-capacity = Ліміт консультацій
consult-hours = Години роботи (за японським часом)
consult-position = Місце в черзі: { $position }

# The web client: the sidebar, the consultation bar, the helper console and the helpers' side panel.
consult-consultations = Консультації
consult-consultation = Консультація
consult-loading = Завантаження…
consult-ask-intro = Оберіть, із чим вам потрібна допомога, і напишіть своє питання. Волонтер або консультант, який розмовляє вашою мовою, відповість вам тут, особисто.
consult-checking = Перевіряємо, хто може допомогти зараз…
consult-choose-topic = Оберіть тему.
consult-languages-none = Оберіть хоча б одну мову.
consult-first-message-hint = Пишіть своєю мовою. Ctrl+Enter надсилає.
consult-helpers = Вам допомагає: { $names }
consult-requester = Запитує: { $name }
consult-in-languages = Мова: { $languages }
consult-assigned-hint = Цей запит передано вам. Прийміть його або дайте відповідь найближчим часом, інакше він повернеться в чергу.
consult-assigned-toast = Нова консультація для вас: { $name } ({ $topic }). Прийміть її або дайте відповідь найближчим часом.
consult-taken-toast = { $name } тепер допомагає вам із темою «{ $topic }».
consult-on-hold-requester = Призупинена: напишіть повідомлення, коли захочете продовжити.
consult-on-hold-helper = Призупинена: повернеться до вас, коли людина знову напише.
consult-closed = Ця консультація закрита.
consult-closed-reopen = Ця консультація закрита. Її можна відкрити знову до { $date }.
consult-cancel-confirm = Скасувати цей запит?
consult-rate-send = Надіслати оцінку
consult-rate-change = Змінити оцінку
consult-rated = Ви оцінили цю допомогу на { $rating } з 5. Дякуємо!
consult-rated-by = Оцінка: { $rating } з 5.
consult-rating-required = Оберіть від 1 до 5 зірок.
consult-stars =
    { $rating ->
        [one] { $rating } зірка
        [few] { $rating } зірки
       *[other] { $rating } зірок
    }
consult-summary-hint = Цей підсумок побачить людина, якій ви допомогли.
consult-transfer-to = Кому передати
consult-transfer-queue = Повернути в чергу цієї теми
consult-transfer-topic = У чергу теми «{ $topic }»
consult-transfer-helper = Іншому помічникові…
consult-transfer-username = Ім’я користувача помічника
consult-side-title = Нотатки й шаблони
consult-open-window = Відкрити в окремому вікні
consult-note-label = Внутрішня нотатка
consult-note-placeholder = Напишіть нотатку для помічників…
consult-note-add = Додати нотатку
consult-notes-empty = Нотаток поки немає.
consult-canned-filter = Пошук шаблонів відповідей
consult-canned-insert = Вставити
consult-canned-send = Надіслати одразу
consult-canned-empty = Шаблонів відповідей поки немає. Їх можуть додати модератори.
consult-canned-none = Відповідних шаблонів немає.
consult-availability = Ваша доступність
consult-load =
    { $load } з { $capacity } { $capacity ->
        [one] консультації
       *[other] консультацій
    } у роботі
consult-no-profile = Щоб почати допомагати, позначте себе «На зв’язку».
consult-my = Мої консультації
consult-my-empty = У вас немає консультацій у роботі.
consult-new = нова
consult-switch-hint = Alt+↑ і Alt+↓ перемикають між вашими консультаціями.
consult-queue-count =
    { $count ->
        [one] { $count } очікує
       *[other] { $count } очікують
    }
consult-queue-empty = Ніхто не чекає.
consult-no-topics = Оберіть теми, у яких ви допомагаєте, щоб бачити їхні черги.
consult-not-your-language = не ваша мова
consult-waiting-for =
    { $minutes ->
        [0] Чекає менше хвилини
        [one] Чекає { $minutes } хвилину
        [few] Чекає { $minutes } хвилини
       *[other] Чекає { $minutes } хвилин
    }
consult-settings = Із чим ви допомагаєте
consult-settings-topics = Теми
consult-settings-languages = Мови, якими ви допомагаєте
consult-capacity-hint = Скільки консультацій ви ведете одночасно (1–20).
consult-saved = Збережено.
