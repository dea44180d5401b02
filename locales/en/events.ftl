# System events in conversations. Stored as ids and arguments; every reader sees them in their own language.
# $actor and $user are display names.

event-member-joined = { $user } joined.
event-member-left = { $user } left.
event-member-invited = { $actor } invited { $user }.
event-channel-created = { $actor } created the channel { $name }.
event-channel-updated = { $actor } changed the channel topic to “{ $topic }”.
event-moderator-added = { $actor } made { $user } a moderator of this channel.
event-moderator-removed = { $user } is no longer a moderator of this channel.
event-message-deleted = This message was deleted.
event-message-edited = (edited)

# Notices to one person.
notice-mentioned = { $user } mentioned you in { $conversation }.
notice-unread =
    { $count ->
        [0] No unread messages
        [one] { $count } unread message
       *[other] { $count } unread messages
    }
notice-unread-many = More than 99 unread messages
notice-typing =
    { $count ->
        [one] { $names } is typing…
       *[other] { $names } are typing…
    }
notice-resync = Some messages were missed while you were away; loading the latest ones.

# WebSocket close reasons.
close-slow-consumer = The connection could not keep up and will reconnect.
close-service-restart = The server is restarting; reconnecting.
close-session-revoked = You were logged out.
close-too-big = That message was too large.
close-auth-timeout = The connection was not authenticated in time.
close-banned = This account was banned from the community.

# Moderation events, seen by every member of the channel.
# $until is a date and time, which the client formats in the reader's language.
event-member-timed-out = { $actor } timed out { $user } until { $until }.
event-member-timed-out-everywhere = { $actor } timed out { $user } everywhere until { $until }.
event-timeout-lifted = { $actor } ended { $user }’s timeout.
event-member-kicked = { $actor } removed { $user } from the channel.
event-member-banned = { $actor } banned { $user } from the channel.
event-member-banned-until = { $actor } banned { $user } from the channel until { $until }.
event-member-banned-everywhere = { $actor } banned { $user } from the community.
event-member-unbanned = { $actor } lifted { $user }’s ban.
event-slow-mode-changed =
    { $seconds ->
        [0] { $actor } turned slow mode off.
        [one] { $actor } turned slow mode on: one message every { $seconds } second.
       *[other] { $actor } turned slow mode on: one message every { $seconds } seconds.
    }
event-channel-locked = { $actor } locked the channel: only moderators can write now.
event-channel-unlocked = { $actor } unlocked the channel.
event-message-pinned = { $actor } pinned a message.
event-message-unpinned = { $actor } unpinned a message.
