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
