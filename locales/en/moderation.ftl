# Moderation: notices to one person, reports, automod and the web client's texts for members and moderators.
# $conversation is a channel name; $scope is channel (one channel) or global (the whole community).

# Notices to one person, rendered by the server.
notice-timed-out =
    { $scope ->
        [channel] { $minutes ->
            [one] A moderator timed you out in { $conversation } for { $minutes } minute.
           *[other] A moderator timed you out in { $conversation } for { $minutes } minutes.
        }
       *[other] { $minutes ->
            [one] A moderator timed you out everywhere for { $minutes } minute.
           *[other] A moderator timed you out everywhere for { $minutes } minutes.
        }
    }
notice-banned = A moderator banned you from { $conversation }.
notice-kicked = A moderator removed you from { $conversation }. You can join again.
notice-report-resolved = Thank you for your report. Moderators reviewed it and took action.
notice-report-dismissed = Thank you for your report. Moderators reviewed it and decided that no action was needed.

# What a report is about.
report-category-spam = Spam
report-category-harassment = Harassment or bullying
report-category-hate = Hate speech or discrimination
report-category-sexual = Sexual content
report-category-violence = Violence or threats
report-category-scam = Scam or fraud
report-category-privacy = Sharing someone’s private information
report-category-other = Something else

# Where a report is in its life.
report-state-open = Open
report-state-claimed = Being reviewed
report-state-resolved = Action taken
report-state-dismissed = No action

# What an automod rule does with a message that matches.
automod-action-block = Block the message
automod-action-flag = Flag for review
automod-action-timeout = Block and time out

# The web client: reporting and blocking, and the moderators' tools.
mod-report = Report
mod-report-message = Report message
mod-report-person = Report this person
mod-report-note = What happened? (optional)
mod-report-sent = Thank you. Moderators will review your report.
mod-reason = Reason
mod-delete = Delete message
mod-timeout = Time out
mod-timeout-duration = Duration
mod-lift-timeout = End timeout
mod-kick = Remove from channel
mod-ban = Ban
mod-ban-everywhere = Ban from the community
mod-unban = Lift ban
mod-slow-mode = Slow mode
mod-slow-mode-off = Off
mod-lock = Lock channel
mod-unlock = Unlock channel
mod-pin = Pin
mod-unpin = Unpin
mod-pinned = Pinned messages
mod-reports = Reports
mod-claim = Review
mod-resolve = Take action
mod-dismiss = Dismiss
mod-add-note = Add a note
mod-audit-log = Audit log
mod-modlog = Moderation log
mod-automod = Automod rules
mod-block = Block
mod-unblock = Unblock
mod-blocked-message = Message from someone you blocked
mod-show-anyway = Show
mod-hide-presence = Hide my online status
