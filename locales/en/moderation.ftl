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

# The web client: a message's menu, and the dialog of one moderation action.
mod-more-actions = More actions
mod-view-profile = View profile
mod-timeout-title = Time out { $user }
mod-ban-title = Ban { $user }
mod-ban-everywhere-title = Ban { $user } from the community
mod-kick-title = Remove { $user } from the channel
mod-ban-until-lifted = Until lifted
mod-scope = Where
mod-scope-channel = Only in { $channel }
mod-scope-everywhere = Everywhere in the community
mod-also-delete = Also delete this message
mod-reason-hint = Kept in the audit log. Members can read it in the channel’s moderation log.
mod-report-person-title = Report { $user }
mod-report-category = What is wrong?
mod-report-send = Send report

# The web client: a channel's settings, and what the composer says.
mod-channel-settings = Channel settings
mod-channel-settings-title = Settings of { $channel }
mod-slow-mode-hint = Each member can send one message per interval. Moderators are exempt.
mod-lock-hint = Only moderators can write in a locked channel.
mod-public-modlog = Members can read the moderation log
mod-public-modlog-hint = When this is off, only the channel’s moderators and staff can read it.
mod-modlog-title = Moderation log of { $channel }
mod-modlog-empty = Nothing has been moderated in this channel yet.
mod-composer-slow-mode = Slow mode is on: one message every { $duration }.
mod-composer-locked = This channel is locked: only moderators can write.
mod-composer-timed-out = You are timed out until { $until }.

# The web client: the reports queue.
mod-nav = Moderation
mod-reports-open =
    { $count ->
        [one] { $count } open report
       *[other] { $count } open reports
    }
mod-reports-filter = Show
mod-reports-filter-active = Open and in review
mod-reports-filter-closed = Closed
mod-reports-filter-all = All
mod-reports-empty = No reports here.
mod-report-by = Reported by:
mod-report-about = About:
mod-report-automod = Flagged by automod
mod-report-reporter-note = The reporter wrote:
mod-report-open-conversation = Go to the conversation
mod-report-claimed-by = Being reviewed by:
mod-report-closed-by = Closed by:
mod-report-notes = Moderators’ notes
mod-resolve-title = Take action on this report
mod-resolve-action = Action
mod-resolve-none = No further action (it was handled already)
mod-resolve-note = Note
mod-dismiss-title = Dismiss this report
mod-note-body = Note for the other moderators

# The web client: the audit log and a channel's moderation log.
mod-audit-filter = Actions
mod-audit-filter-all = All actions
mod-audit-filter-moderation = Moderation
mod-audit-filter-report = Reports
mod-audit-filter-automod = Automod
mod-audit-filter-role = Roles
mod-audit-filter-consultation = Consultation reads
mod-audit-empty = No entries.
mod-audit-load-older = Load older entries
mod-audit-reason = Reason: { $reason }
mod-audit-target-message = message #{ $id }
mod-audit-target-report = report #{ $id }
mod-audit-target-consultation = consultation #{ $id }
mod-audit-target-automod-rule = automod rule #{ $id }
mod-audit-target-conversation = conversation #{ $id }
mod-audit-action-moderation-delete-message = Message deleted
mod-audit-action-moderation-pin = Message pinned
mod-audit-action-moderation-unpin = Message unpinned
mod-audit-action-moderation-timeout = Timeout
mod-audit-action-moderation-lift-timeout = Timeout ended
mod-audit-action-moderation-kick = Removed from the channel
mod-audit-action-moderation-ban = Ban
mod-audit-action-moderation-unban = Ban lifted
mod-audit-action-moderation-slow-mode = Slow mode changed
mod-audit-action-moderation-lock = Lock changed
mod-audit-action-automod-timeout = Timeout by automod
mod-audit-action-report-resolve = Report resolved
mod-audit-action-report-dismiss = Report dismissed
mod-audit-action-automod-create = Automod rule created
mod-audit-action-automod-update = Automod rule changed
mod-audit-action-automod-delete = Automod rule deleted
mod-audit-action-role-change = Role changed
mod-audit-action-consultation-read = Consultation read
mod-audit-action-consultation-list = Consultations listed
mod-audit-action-consultation-history = Consultation history read
mod-audit-action-consultation-queues = Queues viewed
