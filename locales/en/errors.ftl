# Error messages. One per protocol::ErrorCode: error-<code with dashes>.
# Shown to one person, rendered by the server in that person's language.

error-invalid-json = That message could not be read: it is not valid JSON.
error-invalid-message = That message could not be understood: { $detail }
error-binary-not-supported = Binary frames are not supported; send JSON text frames.
error-hello-expected = Start the connection with a hello message, and send it only once.
error-unsupported-protocol = This server speaks protocol version { $version }; please update your app.
error-unauthenticated = Your session has ended. Please log in again.
error-invalid-credentials = The username or password is wrong.
error-account-disabled = This account is disabled.
error-forbidden = You are not allowed to do that.
error-not-found = That does not exist, or you cannot see it.
error-not-member = You are not a member of this conversation.
error-invite-required = This channel is by invitation only.
error-not-author = Only the author can change this message.
error-message-deleted = That message was deleted.
error-empty-body = A message cannot be empty.
error-body-too-long = A message can be at most { $max } characters long.
error-invalid-field = The field “{ $field }” is missing or not valid.
error-username-taken = That username is already taken.
error-channel-name-taken = A channel with that name already exists.
error-invalid-username = A username has 3 to 32 letters, digits, dots, dashes or underscores.
error-weak-password = A password needs at least { $min } characters.
error-password-too-long = A password can be at most { $max } characters long.
error-rate-limited =
    { $seconds ->
        [one] You are sending too fast. Try again in { $seconds } second.
       *[other] You are sending too fast. Try again in { $seconds } seconds.
    }
error-invalid-client-id = Every message needs a client id of 1 to 64 characters.
error-too-many-members = A group conversation can have at most { $max } people.
error-invalid-range = Ask for messages before a point or after it, not both.
error-unavailable = The server is busy or restarting. Please try again in a moment.
error-internal = Something went wrong on the server. Please try again later.

# Consultations.
error-nobody-available = Nobody who speaks your languages is available for { $topic } right now, so nothing was sent. You can send it anyway and wait in the queue.
error-invalid-state =
    { $state ->
        [waiting] That is not possible while the consultation is waiting in the queue.
        [active] That is not possible while the consultation is in progress.
        [on_hold] That is not possible while the consultation is on hold.
        [resolved] That is not possible now that the consultation is resolved.
        [cancelled] That is not possible now that the consultation is cancelled.
        [expired] That is not possible now that the consultation has expired.
       *[other] That is not possible in the consultation’s current state ({ $state }).
    }
error-not-helper = Only volunteers and advisors who cover this topic and speak the person’s language can do that.
error-already-claimed = Another helper already took this consultation.
error-over-capacity =
    { $capacity ->
        [0] Your capacity is set to { $capacity }, so you cannot take consultations now.
        [one] You already have { $capacity } active consultation, as many as your capacity allows.
       *[other] You already have { $capacity } active consultations, as many as your capacity allows.
    }
error-reopen-closed =
    { $days ->
        [one] A consultation can only be reopened within { $days } day after it was closed.
       *[other] A consultation can only be reopened within { $days } days after it was closed.
    }
error-claims-disabled = Requests in this topic are assigned automatically, so they cannot be taken from the queue.

# Moderation.
error-timed-out =
    { $minutes ->
        [one] A moderator timed you out: you can send messages again in about a minute ({ $seconds } s).
       *[other] A moderator timed you out: you can send messages again in { $minutes } minutes.
    }
error-banned =
    { $scope ->
        [channel] You are banned from this channel.
       *[other] This account is banned from this community.
    }
error-slow-mode =
    { $seconds ->
        [one] Slow mode is on in this channel: you can send your next message in { $seconds } second.
       *[other] Slow mode is on in this channel: you can send your next message in { $seconds } seconds.
    }
error-channel-locked = This channel is locked: only its moderators can write in it now.
error-automod-blocked =
    { $check ->
        [mention_spam] Your message was not sent: it mentions too many people (at most { $max }).
        [young_links] { $hours ->
            [one] Your message was not sent: new accounts cannot post links during their first hour.
           *[other] Your message was not sent: new accounts cannot post links during their first { $hours } hours.
        }
        [flood] Your message was not sent: you are sending too many messages. Please wait a little.
       *[other] Your message was not sent: it contains words or text that this community does not allow.
    }
error-blocked = You cannot send messages to this person.
