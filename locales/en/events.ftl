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
