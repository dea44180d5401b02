# The web client's own texts.

app-title = Engawa
app-tagline = Talk with neighbours, ask for help, in your language.
language-label = Language
role-member = Member
role-volunteer = Volunteer
role-advisor = Advisor
role-moderator = Moderator
role-admin = Administrator
visibility-public = Public
visibility-invite-only = Invite only
visibility-private = Private
auth-login = Log in
auth-register = Create account
auth-logout = Log out
auth-username = Username
auth-display-name = Display name
auth-password = Password
auth-languages-spoken = Languages you speak
auth-languages-learning = Languages you are learning
auth-languages-hint = Language codes separated by commas, e.g. en, ja, vi
chat-channels = Channels
chat-direct = Direct messages
chat-join = Join
chat-leave = Leave
chat-create-channel = New channel
chat-channel-name = Channel name
chat-channel-topic = Topic
chat-composer-placeholder = Write a message…
chat-send = Send
chat-edit = Edit
chat-delete = Delete
chat-reply = Reply
chat-react = React
chat-load-older = Load older messages
chat-empty = No messages yet. Say hello!
chat-members =
    { $count ->
        [one] { $count } member
       *[other] { $count } members
    }
chat-conversations = Conversations
chat-browse-channels = Browse channels
chat-channel-visibility = Visibility
chat-channel-languages = Languages of the channel
chat-create = Create
chat-open = Open
chat-back = Back to conversations
chat-no-conversation = Choose a conversation, or browse channels to join one.
chat-no-channels = No channels to show yet.
chat-invited = You are invited to this channel.
chat-invitation = invitation
chat-message-label = Message
chat-composer-hint = Enter sends, Shift+Enter starts a new line.
chat-mention-list = People to mention
chat-find-people = Find people
chat-search = Search
chat-no-people = Nobody found.
chat-direct-message = Message
chat-sending = Sending…
chat-not-sent = Not sent: { $error }
chat-retry = Retry
chat-discard = Discard
chat-save = Save
chat-cancel = Cancel
chat-delete-confirm = Delete this message?
chat-replying-to = Replying to { $user }
chat-reply-to = In reply to { $user }: { $text }
chat-reply-unknown = In reply to an earlier message
chat-unknown-person = (unknown)
chat-close = Close
chat-reacted = { $names } reacted with { $emoji }
status-connecting = Connecting…
status-offline = You are offline. Messages you write will be sent when the connection returns.
status-online = Connected
notice-mentions =
    { $count ->
        [one] { $count } mention
       *[other] { $count } mentions
    }

# Presence and profiles.
presence-online = Online
presence-away = Away
presence-offline = Offline
presence-last-seen = Last seen { $time }
people-title = People
people-partial = Only the people seen in this conversation so far are listed.
people-you = you
profile-title = Profile
profile-edit = Edit profile
profile-role = Role
profile-speaks = Speaks
profile-learning = Learning
profile-none = Not given
profile-app-language = App language
profile-hide-presence-hint = Everyone else will see you as offline, without “last seen”.
profile-saved = Your profile was saved.
