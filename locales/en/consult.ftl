# Consultations: topics, states, notices to one person, system events and the web client's texts.
# $topic is a topic name, $actor and $helper are display names, $language is a language code (e.g. ne).
# Notices and events are read by the person asking for help and by the helpers alike.

# The seeded topics. Topics added later carry their own names.
topic-visa = Visa and residence
topic-visa-description = Residence status, renewals, changes of status, re-entry and visas for family.
topic-housing = Housing
topic-housing-description = Finding an apartment, contracts, guarantors, moving in and out, neighbours and garbage rules.
topic-work = Work and contracts
topic-work-description = Employment contracts, salary, overtime, social insurance, taxes and changing jobs.
topic-japanese = Japanese language
topic-japanese-description = Learning Japanese, classes, the JLPT, and help with a letter or a form.
topic-daily-life = Daily life and health
topic-daily-life-description = City office procedures, banks, phones, hospitals, health insurance and emergencies.
topic-other = Other
topic-other-description = Anything else you would like to ask.

# Where a consultation is in its life.
consultation-state-waiting = Waiting
consultation-state-active = In progress
consultation-state-on-hold = On hold
consultation-state-resolved = Resolved
consultation-state-cancelled = Cancelled
consultation-state-expired = Expired

# Whether a helper can take consultations now.
helper-availability-available = Available
helper-availability-busy = Busy
helper-availability-away = Away

# Notices to one person.
notice-available-now =
    Someone who can help with { $topic } in { $language ->
        [en] English
        [ja] Japanese
        [ne] Nepali
        [vi] Vietnamese
        [bn] Bengali
        [ru] Russian
        [uk] Ukrainian
        [zh] Chinese
        [ko] Korean
        [pt] Portuguese
       *[other] your language ({ $language })
    } is available now.
notice-nobody-available =
    Nobody who speaks your languages is available for { $topic } right now. You can still send your request: it will wait in the queue, and you will get an answer as soon as someone who speaks your language comes online. { $waiting ->
        [0] Nobody else is waiting, so you would be first.
        [one] { $waiting } request is already waiting.
       *[other] { $waiting } requests are already waiting.
    }
notice-queue-position =
    You are number { $position } in the queue for { $topic }. { $minutes ->
        [0] The wait should be less than a minute.
        [one] The wait should be about { $minutes } minute.
       *[other] The wait should be about { $minutes } minutes.
    }
notice-queue-nobody = You are number { $position } in the queue for { $topic }. Nobody who speaks your languages is available right now; you will get an answer as soon as someone comes online.
notice-availability-lapsed = You were disconnected, so your availability was set to Away.

# System events in a consultation.
event-consultation-opened = { $actor } asked for help with { $topic }.
event-consultation-assigned = { $helper } was assigned to this consultation.
event-consultation-claimed = { $helper } took this consultation.
event-consultation-accepted = { $helper } accepted the consultation and is helping now.
event-consultation-unanswered = Nobody answered in time, so the request is back in the queue for the next helper.
event-consultation-held = { $actor } put the consultation on hold. It continues when you write again.
event-consultation-held-automatic = The consultation was put on hold after a quiet while. It continues when you write again.
event-consultation-resumed = The consultation continues.
event-consultation-transferred = { $actor } handed the consultation to { $helper }.
event-consultation-transferred-topic = { $actor } moved the consultation to { $topic }.
event-consultation-requeued = { $actor } returned the consultation to the queue.
event-consultation-helper-invited = { $actor } invited { $helper } to help.
event-consultation-helper-removed = { $helper } no longer takes part in this consultation.
event-consultation-resolved = { $actor } marked the consultation as resolved.
event-consultation-cancelled = { $actor } cancelled the consultation.
event-consultation-reopened = { $actor } reopened the consultation.
event-consultation-expired = The consultation expired after a long time on hold.
event-consultation-rated = { $actor } rated the help { $rating } out of 5.

# The web client: asking for help, and the helper console.
consult-ask = Ask for help
consult-topic = Topic
consult-languages = Languages you can be helped in, preferred first
consult-first-message = Describe your question
consult-send = Send request
consult-wait-anyway = Send and wait
consult-cancel = Cancel request
consult-reopen = Reopen
consult-rate = Rate this help
consult-rating-comment = Comment (optional)
consult-helper-console = Helper console
consult-queue = Queue
consult-claim = Take
consult-accept = Accept
consult-hold = Put on hold
consult-transfer = Transfer
consult-transfer-note = Note for the next helper
consult-invite-helper = Invite a helper
consult-resolve = Resolve
consult-summary = Summary
consult-notes = Internal notes
consult-notes-hint = Only helpers and moderators can see these notes.
consult-canned = Canned replies
consult-capacity = Capacity
consult-hours = Hours (Japan time)
consult-position = Position in queue: { $position }

# The web client: the sidebar, the consultation bar, the helper console and the helpers' side panel.
consult-consultations = Consultations
consult-consultation = Consultation
consult-loading = Loading…
consult-ask-intro = Choose what you need help with and write your question. A volunteer or advisor who speaks your language answers you here, privately.
consult-checking = Checking who can help now…
consult-choose-topic = Choose a topic.
consult-languages-none = Choose at least one language.
consult-first-message-hint = Write in your own language. Ctrl+Enter sends.
consult-helpers = Helping you: { $names }
consult-requester = Asked by { $name }
consult-in-languages = In { $languages }
consult-assigned-hint = This request was given to you. Accept it or answer soon, or it goes back to the queue.
consult-assigned-toast = New consultation for you: { $name } ({ $topic }). Accept it or answer soon.
consult-taken-toast = { $name } is now helping you with { $topic }.
consult-on-hold-requester = On hold: write a message when you want to continue.
consult-on-hold-helper = On hold: it comes back to you when the person writes again.
consult-closed = This consultation is closed.
consult-closed-reopen = This consultation is closed. You can reopen it until { $date }.
consult-cancel-confirm = Cancel this request?
consult-rate-send = Send rating
consult-rate-change = Change rating
consult-rated = You rated this help { $rating } out of 5. Thank you!
consult-rated-by = Rated { $rating } out of 5.
consult-rating-required = Choose from 1 to 5 stars.
consult-stars =
    { $rating ->
        [one] { $rating } star
       *[other] { $rating } stars
    }
consult-summary-hint = The person you helped sees this summary.
consult-transfer-to = Transfer to
consult-transfer-queue = Back to this topic's queue
consult-transfer-topic = The queue for { $topic }
consult-transfer-helper = Another helper…
consult-transfer-username = The helper's username
consult-side-title = Notes and replies
consult-open-window = Open in its own window
consult-note-label = Internal note
consult-note-placeholder = Write a note for the helpers…
consult-note-add = Add note
consult-notes-empty = No notes yet.
consult-canned-filter = Search canned replies
consult-canned-insert = Insert
consult-canned-send = Send now
consult-canned-empty = No canned replies yet. Moderators can add them.
consult-canned-none = No canned reply matches.
consult-availability = Your availability
consult-load = { $load } of { $capacity } consultations in progress
consult-no-profile = Set yourself Available to start helping.
consult-my = My consultations
consult-my-empty = You have no consultations in progress.
consult-new = new
consult-switch-hint = Alt+↑ and Alt+↓ move between your consultations.
consult-queue-count = { $count } waiting
consult-queue-empty = Nobody is waiting.
consult-no-topics = Choose the topics you help with to see their queues.
consult-not-your-language = not your language
consult-waiting-for =
    { $minutes ->
        [0] Waiting less than a minute
        [one] Waiting { $minutes } minute
       *[other] Waiting { $minutes } minutes
    }
consult-settings = What you help with
consult-settings-topics = Topics
consult-settings-languages = Languages you help in
consult-capacity-hint = How many consultations you take at once (1–20).
consult-saved = Saved.
