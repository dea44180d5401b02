//! Consultation queues on the wire: topics, helper profiles, consultations and the queue as helpers see it.
//!
//! A consultation is a conversation of kind `consultation` (its id is the conversation's id), so its messages use
//! `send_message`, `history` and resume like any other conversation. Its helpers' internal notes live in a second
//! conversation of kind `consultation_notes`, of which the requester is never a member.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ConversationId, Millis, UserId};

/// A consultation topic (one queue each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(transparent)]
pub struct TopicId(pub i64);

impl std::fmt::Display for TopicId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Where a consultation is in its life. `waiting → active ⇄ on_hold → resolved | cancelled | expired`; a resolved
/// or cancelled consultation may be reopened (it waits again) within the reopen window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ConsultationState {
    /// In its topic's queue.
    Waiting,
    /// Assigned to one or more helpers (see `accepted`).
    Active,
    /// Paused by a helper or by the requester's silence; frees the helper's capacity and returns to the same
    /// helper when the requester writes.
    OnHold,
    Resolved,
    Cancelled,
    Expired,
}

impl ConsultationState {
    pub const ALL: [ConsultationState; 6] = [
        ConsultationState::Waiting,
        ConsultationState::Active,
        ConsultationState::OnHold,
        ConsultationState::Resolved,
        ConsultationState::Cancelled,
        ConsultationState::Expired,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ConsultationState::Waiting => "waiting",
            ConsultationState::Active => "active",
            ConsultationState::OnHold => "on_hold",
            ConsultationState::Resolved => "resolved",
            ConsultationState::Cancelled => "cancelled",
            ConsultationState::Expired => "expired",
        }
    }

    pub fn parse(s: &str) -> Option<ConsultationState> {
        ConsultationState::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// Resolved, cancelled or expired.
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            ConsultationState::Resolved | ConsultationState::Cancelled | ConsultationState::Expired
        )
    }
}

/// Whether a helper takes consultations now. Separate from presence: it lapses to `away` by itself a grace period
/// after the helper's last connection closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Availability {
    /// Routed to, within capacity.
    Available,
    /// Keeps working their consultations; nothing new is routed to them (they may still claim).
    Busy,
    /// Not working.
    Away,
}

impl Availability {
    pub fn as_str(self) -> &'static str {
        match self {
            Availability::Available => "available",
            Availability::Busy => "busy",
            Availability::Away => "away",
        }
    }

    pub fn parse(s: &str) -> Option<Availability> {
        [
            Availability::Available,
            Availability::Busy,
            Availability::Away,
        ]
        .into_iter()
        .find(|v| v.as_str() == s)
    }
}

/// How a topic's queue is served.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Routing {
    /// The server assigns; helpers cannot claim.
    Auto,
    /// Helpers claim; the server never assigns.
    Manual,
    /// The server assigns, and helpers may claim first.
    Both,
}

impl Routing {
    pub fn as_str(self) -> &'static str {
        match self {
            Routing::Auto => "auto",
            Routing::Manual => "manual",
            Routing::Both => "both",
        }
    }

    pub fn parse(s: &str) -> Option<Routing> {
        [Routing::Auto, Routing::Manual, Routing::Both]
            .into_iter()
            .find(|v| v.as_str() == s)
    }

    pub fn assigns(self) -> bool {
        self != Routing::Manual
    }

    pub fn claims(self) -> bool {
        self != Routing::Auto
    }
}

/// A weekly time range in Asia/Tokyo (UTC+9, no daylight saving time). `from` < `to`, both `HH:MM`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct HoursRange {
    /// ISO weekday: 1 = Monday … 7 = Sunday.
    pub day: u8,
    pub from: String,
    pub to: String,
}

/// A topic as a reader sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: TopicId,
    /// Stable identifier (`visa`, `housing`, …).
    pub key: String,
    /// Name and description in the reader's language (falling back to English).
    pub name: String,
    pub description: String,
    /// Every translation, by language tag.
    pub names: BTreeMap<String, String>,
    pub descriptions: BTreeMap<String, String>,
    pub routing: Routing,
    /// When the topic is staffed (Asia/Tokyo); empty means no fixed hours.
    pub hours: Vec<HoursRange>,
    pub active: bool,
}

/// `POST /api/v1/topics` and `PATCH /api/v1/topics/{id}` (admins): only the given fields change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct TopicUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Must hold `en` when creating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub names: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub descriptions: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub routing: Option<Routing>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Vec<HoursRange>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
}

/// A helper's profile (`GET|PUT /api/v1/helpers/me`; volunteers, advisors and staff).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct HelperProfile {
    pub user: UserId,
    pub topics: Vec<TopicId>,
    /// The languages they help in (BCP 47), in no particular order.
    pub languages: Vec<String>,
    /// Active consultations at once (1–20).
    pub capacity: u32,
    pub availability: Availability,
    /// When they take consultations (Asia/Tokyo); empty means whenever they are available.
    pub hours: Vec<HoursRange>,
    /// Active consultations now.
    pub load: u32,
}

/// `PUT /api/v1/helpers/me`: only the given fields change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct HelperUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topics: Option<Vec<TopicId>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub languages: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<Availability>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Vec<HoursRange>>,
}

/// A consultation as one of its parties (or a moderator) sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Consultation {
    /// The consultation's conversation.
    pub id: ConversationId,
    /// The helpers' internal notes conversation; only helpers and moderators see it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<ConversationId>,
    pub topic: TopicId,
    pub requester: UserId,
    /// The requester's languages, preferred first.
    pub languages: Vec<String>,
    /// The language the consultation runs in, chosen when a helper is assigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    pub state: ConsultationState,
    /// The assigned helpers, first assigned first.
    pub helpers: Vec<UserId>,
    /// Whether an assigned helper accepted (or answered). Unaccepted consultations return to the queue.
    pub accepted: bool,
    /// The requester's first message, shortened.
    pub preview: String,
    pub opened_at: Millis,
    /// Its place in the queue: when it first waited.
    pub queued_at: Millis,
    /// When the state last changed.
    pub updated_at: Millis,
    /// While waiting: 1 for the next to be served among those of its topic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating_comment: Option<String>,
    /// A resolved or cancelled consultation can be reopened until then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reopen_until: Option<Millis>,
}

/// Where a transfer sends a consultation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum TransferTarget {
    /// To another helper, who becomes its helper at once.
    Helper(UserId),
    /// To another topic's queue.
    Topic(TopicId),
    /// Back to its topic's queue (keeping its place).
    Queue,
}

/// What changed in a consultation (the `change` of a `consultation` event). Clients render
/// `event-consultation-<change>` with the event's fields as arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ConsultChange {
    Opened,
    Assigned,
    Claimed,
    Accepted,
    /// Assigned but not answered in time: back to the queue.
    Unanswered,
    Held,
    Resumed,
    Transferred,
    Requeued,
    HelperInvited,
    HelperRemoved,
    Resolved,
    Cancelled,
    Reopened,
    Expired,
    Rated,
}

/// A queue entry as helpers and moderators see it (`queue_item` frames and `GET /api/v1/queues`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct QueueItem {
    pub consultation: ConversationId,
    pub topic: TopicId,
    pub languages: Vec<String>,
    /// `waiting` while it is in the queue; anything else means it left the queue.
    pub state: ConsultationState,
    pub queued_at: Millis,
    pub preview: String,
}

/// One topic's queue (`GET /api/v1/queues`). Helpers see the topics they serve; moderators see all, with load
/// and satisfaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct QueueView {
    pub topic: TopicId,
    pub waiting: Vec<QueueItem>,
    /// Oldest waiting time, in seconds (0 when empty).
    pub longest_wait_seconds: u64,
    /// Helpers covering the topic who are available now.
    pub helpers_available: u32,
    /// Moderators only: load per helper covering the topic.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub helpers: Vec<HelperLoad>,
    /// Moderators only: average rating (1–5) of the topic's rated consultations, and how many.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satisfaction: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratings: Option<u32>,
}

/// A helper's load, for moderators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct HelperLoad {
    pub user: UserId,
    pub availability: Availability,
    pub load: u32,
    pub capacity: u32,
    pub online: bool,
}

/// A canned reply: one text per language (`GET|POST /api/v1/canned`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct CannedReply {
    pub id: i64,
    /// Limits it to one topic's consultations; none means every topic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<TopicId>,
    pub title: String,
    /// Text by language tag; `en` is required and is the fallback.
    pub variants: BTreeMap<String, String>,
}

/// `POST /api/v1/canned` (admins and moderators).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct NewCannedReply {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<TopicId>,
    pub title: String,
    pub variants: BTreeMap<String, String>,
}

/// The answer to `check_availability` and `GET /api/v1/topics/{id}/availability`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct AvailabilityAnswer {
    pub topic: TopicId,
    /// Someone who covers the topic and speaks one of the languages can take it now.
    pub available: bool,
    /// The best of the asked languages someone available speaks (the earliest preference).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Helpers available now for this topic and these languages.
    pub helpers: u32,
    /// The topic's hours (Asia/Tokyo).
    pub hours: Vec<HoursRange>,
    /// Consultations waiting in the topic now.
    pub waiting: u32,
    /// What to tell the person, in their language.
    pub notice: super::LocalizedText,
}

/// One entry of the audit log (`GET /api/v1/audit`, staff). Entries are never changed or removed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct AuditEntry {
    pub id: i64,
    pub at: Millis,
    pub actor: UserId,
    /// What was done: `consultation.read`, `consultation.list`, …
    pub action: String,
    /// What it was done to: `consultation`, `user`, …
    pub target_kind: String,
    pub target_id: i64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

/// `POST /api/v1/consultations`: the same as the `open_consultation` frame.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct OpenConsultationRequest {
    pub topic: TopicId,
    pub languages: Vec<String>,
    pub client_id: String,
    pub body: String,
    #[serde(default = "super::default_true")]
    pub wait: bool,
}
