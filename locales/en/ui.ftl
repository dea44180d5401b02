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
status-connecting = Connecting…
status-offline = You are offline. Messages you write will be sent when the connection returns.
status-online = Connected
