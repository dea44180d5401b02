//! Moderation and safety on the wire: moderation actions, reports, automod rules, the audit log's public side and
//! the per-person block list.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ConversationId, MessageId, Millis, Role, UserId};

/// Longest moderation reason, report note or report-note entry, in characters.
pub const REASON_MAX: usize = 1000;
/// Longest timeout or timed ban: 28 days, as Discord allows (longer is a ban).
pub const SANCTION_MAX_SECONDS: u32 = 28 * 24 * 3600;
/// Longest slow-mode interval: 6 hours.
pub const SLOW_MODE_MAX_SECONDS: u32 = 6 * 3600;

/// One moderation action. Sent as `moderate` over WebSocket or `POST /api/v1/moderation` over HTTP, with a reason
/// that is written to the audit log. `conversation` absent on `timeout`, `ban`, `lift_timeout` and `unban` means
/// everywhere (staff only); present, it means that channel (its moderators and staff).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ModAction {
    /// Any message becomes a tombstone.
    DeleteMessage {
        message: MessageId,
    },
    /// The person cannot send, react or edit until `seconds` have passed (1 s to 28 days).
    Timeout {
        user: UserId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        conversation: Option<ConversationId>,
        seconds: u32,
    },
    /// Ends a timeout early.
    LiftTimeout {
        user: UserId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        conversation: Option<ConversationId>,
    },
    /// Removes the person from the channel; they may join again.
    Kick {
        user: UserId,
        conversation: ConversationId,
    },
    /// From a channel: removes the person and keeps them out. Everywhere: revokes their sessions, closes their
    /// sockets and refuses their logins. `seconds` absent: until lifted.
    Ban {
        user: UserId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        conversation: Option<ConversationId>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        seconds: Option<u32>,
    },
    Unban {
        user: UserId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        conversation: Option<ConversationId>,
    },
    /// At most one message per `seconds` per member (0 turns it off); the channel's moderators and staff are exempt.
    SlowMode {
        conversation: ConversationId,
        seconds: u32,
    },
    /// A locked channel is read-only for everyone but its moderators and staff.
    Lock {
        conversation: ConversationId,
        locked: bool,
    },
    Pin {
        message: MessageId,
    },
    Unpin {
        message: MessageId,
    },
}

impl ModAction {
    /// The audit log's name for the action: `moderation.<kind>`.
    pub fn audit_name(&self) -> &'static str {
        match self {
            ModAction::DeleteMessage { .. } => "moderation.delete_message",
            ModAction::Timeout { .. } => "moderation.timeout",
            ModAction::LiftTimeout { .. } => "moderation.lift_timeout",
            ModAction::Kick { .. } => "moderation.kick",
            ModAction::Ban { .. } => "moderation.ban",
            ModAction::Unban { .. } => "moderation.unban",
            ModAction::SlowMode { .. } => "moderation.slow_mode",
            ModAction::Lock { .. } => "moderation.lock",
            ModAction::Pin { .. } => "moderation.pin",
            ModAction::Unpin { .. } => "moderation.unpin",
        }
    }
}

/// `POST /api/v1/moderation`: an action and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ModRequest {
    pub action: ModAction,
    #[serde(default)]
    pub reason: String,
}

/// Why something was reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReportCategory {
    Spam,
    Harassment,
    Hate,
    Sexual,
    Violence,
    Scam,
    Privacy,
    Other,
}

impl ReportCategory {
    pub const ALL: [ReportCategory; 8] = [
        ReportCategory::Spam,
        ReportCategory::Harassment,
        ReportCategory::Hate,
        ReportCategory::Sexual,
        ReportCategory::Violence,
        ReportCategory::Scam,
        ReportCategory::Privacy,
        ReportCategory::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReportCategory::Spam => "spam",
            ReportCategory::Harassment => "harassment",
            ReportCategory::Hate => "hate",
            ReportCategory::Sexual => "sexual",
            ReportCategory::Violence => "violence",
            ReportCategory::Scam => "scam",
            ReportCategory::Privacy => "privacy",
            ReportCategory::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<ReportCategory> {
        ReportCategory::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// `POST /api/v1/reports`: a message (in a channel, a direct conversation or a consultation) or a person.
/// Exactly one of `message` and `user`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct NewReport {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<MessageId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<UserId>,
    pub category: ReportCategory,
    #[serde(default)]
    pub note: String,
}

/// Where a report is in the moderation queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReportState {
    Open,
    Claimed,
    /// Closed with an action taken.
    Resolved,
    /// Closed without action.
    Dismissed,
}

impl ReportState {
    pub fn as_str(self) -> &'static str {
        match self {
            ReportState::Open => "open",
            ReportState::Claimed => "claimed",
            ReportState::Resolved => "resolved",
            ReportState::Dismissed => "dismissed",
        }
    }

    pub fn parse(s: &str) -> Option<ReportState> {
        [
            ReportState::Open,
            ReportState::Claimed,
            ReportState::Resolved,
            ReportState::Dismissed,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
    }

    pub fn is_closed(self) -> bool {
        matches!(self, ReportState::Resolved | ReportState::Dismissed)
    }
}

/// The reported message as it was when the report was made; kept even if the message is edited or deleted later.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ReportSnapshot {
    pub author: UserId,
    pub body: String,
    pub lang: String,
    pub created_at: Millis,
}

/// A moderator's note on a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ReportNote {
    pub author: UserId,
    pub body: String,
    pub at: Millis,
}

/// A report as moderators see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub id: i64,
    /// Who reported; 0 when automod flagged the message.
    pub reporter: UserId,
    pub category: ReportCategory,
    pub note: String,
    pub state: ReportState,
    /// The person the report is about (the message's author, for a message).
    pub target_user: UserId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<MessageId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation: Option<ConversationId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot: Option<ReportSnapshot>,
    /// The automod rule that flagged the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<i64>,
    pub created_at: Millis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimed_by: Option<UserId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_by: Option<UserId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_at: Option<Millis>,
    /// What the moderator wrote when closing it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub resolution: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<ReportNote>,
}

impl Report {
    /// The report as its reporter sees it: what they reported and where it stands, without the moderators' notes,
    /// names or resolution text.
    pub fn for_reporter(mut self) -> Report {
        self.notes.clear();
        self.claimed_by = None;
        self.resolved_by = None;
        self.resolution.clear();
        self
    }
}

/// `POST /api/v1/reports/{id}/resolve`: close with an action (taken now, through the same path as `moderate`) or,
/// without one, after acting otherwise; `POST …/dismiss` takes only the note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ReportResolution {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<ModAction>,
    #[serde(default)]
    pub note: String,
}

/// `POST /api/v1/reports/{id}/notes`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct NoteText {
    pub body: String,
}

/// What an automod rule looks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum AutomodCheck {
    /// Any of these words or phrases, case-insensitively, as whole words (1 to 500 entries of 1 to 100
    /// characters).
    Keywords { words: Vec<String> },
    /// Any of these regular expressions (RE2 syntax, matched in linear time; 1 to 50 patterns of at most 200
    /// characters).
    Patterns { patterns: Vec<String> },
    /// More than `max` distinct mentions in one message.
    MentionSpam { max: u32 },
    /// A link from an account younger than `hours`.
    YoungLinks { hours: u32 },
    /// More than `messages` messages within `seconds` in one conversation.
    Flood { messages: u32, seconds: u32 },
}

impl AutomodCheck {
    /// The name the `automod_blocked` error's `check` argument carries.
    pub fn name(&self) -> &'static str {
        match self {
            AutomodCheck::Keywords { .. } => "keywords",
            AutomodCheck::Patterns { .. } => "patterns",
            AutomodCheck::MentionSpam { .. } => "mention_spam",
            AutomodCheck::YoungLinks { .. } => "young_links",
            AutomodCheck::Flood { .. } => "flood",
        }
    }
}

/// What automod does with a message that matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AutomodAction {
    /// The message is refused; the sender is told why, in their language.
    Block,
    /// The message goes through and a report enters the moderation queue.
    Flag,
    /// The message is refused and the sender is timed out in that conversation for the rule's `timeout_seconds`.
    Timeout,
}

/// `POST /api/v1/automod`, `PUT /api/v1/automod/{id}` (admins; channel moderators for their channel's rules).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct AutomodRuleSpec {
    /// A label moderators see.
    pub name: String,
    /// Absent: every channel, group and direct conversation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation: Option<ConversationId>,
    /// Only messages tagged with one of these languages (primary subtag); empty: every language.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    pub check: AutomodCheck,
    pub action: AutomodAction,
    /// For `action: timeout`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_seconds: Option<u32>,
    /// People with this global role or higher are exempt; the conversation's moderators always are.
    #[serde(default = "default_exempt")]
    pub exempt_role: Role,
    #[serde(default = "enabled")]
    pub enabled: bool,
}

fn default_exempt() -> Role {
    Role::Moderator
}

fn enabled() -> bool {
    true
}

/// A stored automod rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AutomodRule {
    pub id: i64,
    #[serde(flatten)]
    pub spec: AutomodRuleSpec,
    pub created_by: UserId,
    pub created_at: Millis,
}

/// One line of a channel's public moderation log (`GET /api/v1/channels/{id}/modlog`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ModLogEntry {
    pub at: Millis,
    pub actor: UserId,
    /// The audit action, e.g. `moderation.timeout`.
    pub action: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<UserId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<MessageId>,
    pub reason: String,
}
