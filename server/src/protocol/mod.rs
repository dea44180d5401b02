//! The wire contract: every frame a client sends (`ClientMsg`) and every frame the server sends (`ServerEvent`),
//! plus the HTTP API's request and response bodies.
//!
//! This module depends on nothing else in the crate and on no runtime (no tokio, axum or sqlx), so that it can move
//! into its own crate the day a second consumer needs it. `docs/protocol.md` documents every type here; the golden
//! samples in `tests/protocol_samples.rs` keep the two together.

mod consult;
mod error;
mod ids;
mod moderation;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use consult::{
    AuditEntry, Availability, AvailabilityAnswer, CannedReply, ConsultChange, Consultation,
    ConsultationState, HelperLoad, HelperProfile, HelperUpdate, HoursRange, NewCannedReply,
    OpenConsultationRequest, QueueItem, QueueView, Routing, Topic, TopicId, TopicUpdate,
    TransferTarget,
};
pub use error::{ErrorCode, Refusal};
pub use ids::{ConversationId, MessageId, Seq, UserId};
pub use moderation::{
    AutomodAction, AutomodCheck, AutomodRule, AutomodRuleSpec, ModAction, ModLogEntry, ModRequest,
    NewReport, NoteText, REASON_MAX, Report, ReportCategory, ReportNote, ReportResolution,
    ReportSnapshot, ReportState, SANCTION_MAX_SECONDS, SLOW_MODE_MAX_SECONDS,
};

/// The protocol version this server speaks. A client announces the version it speaks in `hello`.
/// Version 2 (2026-12-06): a `message` event's message no longer repeats the event's conversation, seq, author
/// and time ([`EventMessage`]).
pub const PROTOCOL_VERSION: u32 = 2;

/// A client-chosen request reference, echoed in the answer (`ack`, `history`, `error`, …).
pub type Ref = String;

/// Milliseconds since the Unix epoch (UTC).
pub type Millis = i64;

/// Fluent arguments: a Fluent id's variables with their values (strings or numbers).
pub type Args = BTreeMap<String, ArgValue>;

/// One Fluent argument value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(untagged)]
pub enum ArgValue {
    Number(i64),
    Text(String),
}

impl From<i64> for ArgValue {
    fn from(n: i64) -> Self {
        ArgValue::Number(n)
    }
}

impl From<&str> for ArgValue {
    fn from(s: &str) -> Self {
        ArgValue::Text(s.to_owned())
    }
}

impl From<String> for ArgValue {
    fn from(s: String) -> Self {
        ArgValue::Text(s)
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Client → server
// ---------------------------------------------------------------------------------------------------------------

/// Every frame a client may send over `/ws`. One JSON text frame is one message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum ClientMsg {
    /// The first frame of every connection.
    Hello {
        /// The protocol version the client speaks; must equal [`PROTOCOL_VERSION`].
        protocol: u32,
        /// A session token, for clients without the session cookie.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        token: Option<String>,
        /// The last seq the client holds, per conversation; the server replays every later event.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        resume: Vec<ResumePoint>,
    },
    /// Send a message. Idempotent by `client_id`: a retry yields the original message's ack.
    SendMessage {
        #[serde(rename = "ref")]
        reference: Ref,
        conversation: ConversationId,
        client_id: String,
        body: String,
        lang: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reply_to: Option<MessageId>,
    },
    /// Edit one's own message.
    EditMessage {
        #[serde(rename = "ref")]
        reference: Ref,
        message: MessageId,
        body: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        lang: Option<String>,
    },
    /// Delete one's own message (it becomes a tombstone).
    DeleteMessage {
        #[serde(rename = "ref")]
        reference: Ref,
        message: MessageId,
    },
    /// Add a reaction to a message.
    AddReaction {
        #[serde(rename = "ref")]
        reference: Ref,
        message: MessageId,
        emoji: String,
    },
    /// Remove one's own reaction from a message.
    RemoveReaction {
        #[serde(rename = "ref")]
        reference: Ref,
        message: MessageId,
        emoji: String,
    },
    /// "I am typing in this conversation." Ephemeral; the server throttles it. No answer.
    Typing { conversation: ConversationId },
    /// Move one's read marker forward. Answered with `read_marker`.
    MarkRead {
        #[serde(rename = "ref")]
        reference: Ref,
        conversation: ConversationId,
        seq: Seq,
    },
    /// Page a conversation's messages backwards (`before`) or forwards (`after`) by seq.
    History {
        #[serde(rename = "ref")]
        reference: Ref,
        conversation: ConversationId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        before: Option<Seq>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        after: Option<Seq>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        limit: Option<u32>,
    },
    /// Replay events after the given seqs (the same as `hello.resume`, at any later time).
    Resume {
        #[serde(rename = "ref")]
        reference: Ref,
        conversations: Vec<ResumePoint>,
    },
    /// Create a channel.
    CreateChannel {
        #[serde(rename = "ref")]
        reference: Ref,
        name: String,
        #[serde(default)]
        topic: String,
        visibility: Visibility,
        /// BCP 47 tags of the channel's languages.
        #[serde(default)]
        languages: Vec<String>,
    },
    /// Join a public channel, or one you were invited to.
    JoinChannel {
        #[serde(rename = "ref")]
        reference: Ref,
        conversation: ConversationId,
    },
    /// Leave a channel or a group conversation.
    Leave {
        #[serde(rename = "ref")]
        reference: Ref,
        conversation: ConversationId,
    },
    /// Invite a person to a channel (channel moderators and staff; any member of a public channel).
    Invite {
        #[serde(rename = "ref")]
        reference: Ref,
        conversation: ConversationId,
        user: UserId,
    },
    /// Open (or find) the direct conversation with these people (1 to 7 others).
    OpenDirect {
        #[serde(rename = "ref")]
        reference: Ref,
        users: Vec<UserId>,
    },
    /// Keep-alive and round-trip probe; answered with `pong`.
    Ping {
        #[serde(rename = "ref")]
        reference: Ref,
    },
    /// Whether someone can take a consultation on this topic, in one of these languages, now. Answered with
    /// `availability`.
    CheckAvailability {
        #[serde(rename = "ref")]
        reference: Ref,
        topic: TopicId,
        /// Preferred first.
        languages: Vec<String>,
    },
    /// Ask for help: a consultation in the topic's queue, with its first message. Idempotent by `client_id`.
    OpenConsultation {
        #[serde(rename = "ref")]
        reference: Ref,
        topic: TopicId,
        /// The languages the person can be helped in, preferred first (1 to 8).
        languages: Vec<String>,
        client_id: String,
        body: String,
        /// Whether to wait when nobody is available now; when false, the request is refused with
        /// `nobody_available` and nothing is stored.
        #[serde(default = "default_true")]
        wait: bool,
    },
    /// An assigned helper takes the consultation (answering in it does the same).
    AcceptConsultation {
        #[serde(rename = "ref")]
        reference: Ref,
        consultation: ConversationId,
    },
    /// A helper takes a waiting consultation from a queue they serve.
    ClaimConsultation {
        #[serde(rename = "ref")]
        reference: Ref,
        consultation: ConversationId,
    },
    /// A helper pauses the consultation; it frees their capacity and comes back to them when the requester writes.
    HoldConsultation {
        #[serde(rename = "ref")]
        reference: Ref,
        consultation: ConversationId,
    },
    /// A helper hands the consultation to another helper, another topic, or back to the queue, with a note for the
    /// helpers (stored in the notes conversation).
    TransferConsultation {
        #[serde(rename = "ref")]
        reference: Ref,
        consultation: ConversationId,
        to: TransferTarget,
        #[serde(default)]
        note: String,
    },
    /// A helper of the consultation adds a second helper.
    InviteHelper {
        #[serde(rename = "ref")]
        reference: Ref,
        consultation: ConversationId,
        helper: UserId,
    },
    /// A helper closes the consultation with a summary the requester sees.
    ResolveConsultation {
        #[serde(rename = "ref")]
        reference: Ref,
        consultation: ConversationId,
        #[serde(default)]
        summary: String,
    },
    /// The requester withdraws the consultation.
    CancelConsultation {
        #[serde(rename = "ref")]
        reference: Ref,
        consultation: ConversationId,
    },
    /// The requester reopens a resolved or cancelled consultation within the reopen window; it waits again.
    ReopenConsultation {
        #[serde(rename = "ref")]
        reference: Ref,
        consultation: ConversationId,
    },
    /// The requester rates a resolved consultation (1–5), once; a later rating replaces it.
    RateConsultation {
        #[serde(rename = "ref")]
        reference: Ref,
        consultation: ConversationId,
        rating: u8,
        #[serde(default)]
        comment: String,
    },
    /// A helper sends a canned reply; the server picks its variant in the consultation's language.
    SendCanned {
        #[serde(rename = "ref")]
        reference: Ref,
        consultation: ConversationId,
        canned: i64,
        client_id: String,
    },
    /// A helper sets their availability.
    SetAvailability {
        #[serde(rename = "ref")]
        reference: Ref,
        availability: Availability,
    },
    /// A moderation action (channel moderators in their channels, staff everywhere). The reason goes to the audit
    /// log and, where the channel's moderation log is public, to its members.
    Moderate {
        #[serde(rename = "ref")]
        reference: Ref,
        action: ModAction,
        #[serde(default)]
        reason: String,
    },
    /// This connection's presence: `away` when the person is idle here (the tab is hidden, no input for a few
    /// minutes), `online` again when they return. A person is online while any of their connections is online.
    SetPresence {
        #[serde(rename = "ref")]
        reference: Ref,
        status: SetPresenceStatus,
    },
    /// The presence of people you share a conversation with (at most [`PRESENCE_QUERY_MAX`]). Answered with
    /// `presence`; people you share no conversation with are left out.
    GetPresence {
        #[serde(rename = "ref")]
        reference: Ref,
        users: Vec<UserId>,
    },
}

/// Most people one `get_presence` asks about.
pub const PRESENCE_QUERY_MAX: usize = 500;

/// What a connection says of itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SetPresenceStatus {
    Online,
    Away,
}

/// A person's presence across all their connections, on every node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PresenceStatus {
    /// At least one connection is active.
    Online,
    /// Connected, but every connection is idle.
    Away,
    /// No connection (or the person hides their presence).
    Offline,
}

/// One person's presence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PresenceInfo {
    pub user: UserId,
    pub status: PresenceStatus,
    /// When an offline person's last connection ended (milliseconds since the epoch); absent when unknown or
    /// hidden.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_seen: Option<Millis>,
}

fn default_true() -> bool {
    true
}

impl ClientMsg {
    /// The request reference, for frames that carry one.
    pub fn reference(&self) -> Option<&str> {
        match self {
            ClientMsg::Hello { .. } | ClientMsg::Typing { .. } => None,
            ClientMsg::SendMessage { reference, .. }
            | ClientMsg::EditMessage { reference, .. }
            | ClientMsg::DeleteMessage { reference, .. }
            | ClientMsg::AddReaction { reference, .. }
            | ClientMsg::RemoveReaction { reference, .. }
            | ClientMsg::MarkRead { reference, .. }
            | ClientMsg::History { reference, .. }
            | ClientMsg::Resume { reference, .. }
            | ClientMsg::CreateChannel { reference, .. }
            | ClientMsg::JoinChannel { reference, .. }
            | ClientMsg::Leave { reference, .. }
            | ClientMsg::Invite { reference, .. }
            | ClientMsg::OpenDirect { reference, .. }
            | ClientMsg::CheckAvailability { reference, .. }
            | ClientMsg::OpenConsultation { reference, .. }
            | ClientMsg::AcceptConsultation { reference, .. }
            | ClientMsg::ClaimConsultation { reference, .. }
            | ClientMsg::HoldConsultation { reference, .. }
            | ClientMsg::TransferConsultation { reference, .. }
            | ClientMsg::InviteHelper { reference, .. }
            | ClientMsg::ResolveConsultation { reference, .. }
            | ClientMsg::CancelConsultation { reference, .. }
            | ClientMsg::ReopenConsultation { reference, .. }
            | ClientMsg::RateConsultation { reference, .. }
            | ClientMsg::SendCanned { reference, .. }
            | ClientMsg::SetAvailability { reference, .. }
            | ClientMsg::Moderate { reference, .. }
            | ClientMsg::SetPresence { reference, .. }
            | ClientMsg::GetPresence { reference, .. }
            | ClientMsg::Ping { reference } => Some(reference),
        }
    }
}

/// "I hold every event of this conversation up to `seq`."
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ResumePoint {
    pub conversation: ConversationId,
    pub seq: Seq,
}

/// A channel to create (WebSocket `create_channel` and `POST /api/v1/channels`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct NewChannel {
    pub name: String,
    #[serde(default)]
    pub topic: String,
    pub visibility: Visibility,
    /// BCP 47 tags of the channel's languages.
    #[serde(default)]
    pub languages: Vec<String>,
}

// ---------------------------------------------------------------------------------------------------------------
// Server → client
// ---------------------------------------------------------------------------------------------------------------

/// Every frame the server sends over `/ws`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ServerEvent {
    /// The answer to `hello`: who you are and the conversations you are in.
    Ready(Box<Ready>),
    /// One event of a conversation, in seq order, gap-free.
    Event(Box<ConversationEvent>),
    /// A request succeeded. `result` depends on the request.
    Ack {
        #[serde(rename = "ref")]
        reference: Ref,
        #[serde(flatten)]
        result: AckResult,
    },
    /// A page of history.
    History {
        #[serde(rename = "ref")]
        reference: Ref,
        #[serde(flatten)]
        page: HistoryPage,
    },
    /// More events were missed than the server replays: drop what you hold of this conversation and load its latest
    /// history page.
    Resync {
        conversation: ConversationId,
        /// The conversation's newest seq when the server decided.
        seq: Seq,
        /// What to tell the person (`notice-resync`), in their language.
        notice: LocalizedText,
    },
    /// Someone is typing; show it for about 6 seconds unless repeated.
    Typing {
        conversation: ConversationId,
        user: UserId,
    },
    /// Your read marker moved (from this or another of your sessions).
    ReadMarker {
        #[serde(default, rename = "ref", skip_serializing_if = "Option::is_none")]
        reference: Option<Ref>,
        conversation: ConversationId,
        seq: Seq,
        unread: u32,
        mentions: u32,
    },
    /// You were added to, invited to, or removed from a conversation.
    Membership {
        conversation: ConversationId,
        change: MembershipChange,
        /// The conversation's summary when you are (still) in it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        summary: Option<ConversationSummary>,
    },
    /// Someone mentioned you.
    Mentioned {
        conversation: ConversationId,
        message: MessageId,
        seq: Seq,
        by: UserId,
        /// What to tell the person (`notice-mentioned`), in their language.
        notice: LocalizedText,
    },
    /// A request failed, or the server rejects a frame. The connection stays open.
    Error(ErrorBody),
    /// The answer to `ping`.
    Pong {
        #[serde(rename = "ref")]
        reference: Ref,
    },
    /// The answer to `check_availability`.
    Availability {
        #[serde(rename = "ref")]
        reference: Ref,
        #[serde(flatten)]
        answer: AvailabilityAnswer,
    },
    /// A consultation's current state, sent to its requester and helpers whenever it changes.
    Consultation(Box<Consultation>),
    /// To the requester of a waiting consultation, whenever its place in the queue or the estimate changes.
    QueuePosition {
        consultation: ConversationId,
        /// 1 = next.
        position: u32,
        /// Estimated seconds until a helper takes it; absent when nobody who can take it is available.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        eta_seconds: Option<u32>,
        /// Helpers available now who cover the topic and speak one of the requester's languages.
        helpers_available: u32,
        /// What to tell the person (`notice-queue-position` or `notice-queue-nobody`), in their language.
        notice: LocalizedText,
    },
    /// To helpers serving the topic (and moderators): a consultation entered, changed in, or left a queue.
    QueueItem(Box<QueueItem>),
    /// To a helper: their availability or load changed (by them, on another device, or when it lapsed).
    HelperStatus {
        availability: Availability,
        load: u32,
        capacity: u32,
    },
    /// Something happened to you: a moderator timed you out or removed you, a report you made was reviewed.
    Notice { notice: LocalizedText },
    /// To staff and the channel's moderators: a report entered the moderation queue or changed in it.
    Report(Box<Report>),
    /// Presence: the answer to `get_presence` (with `ref`), or changes of people you share a conversation with
    /// (without `ref`; coalesced, at most about one frame a second).
    Presence {
        #[serde(default, rename = "ref", skip_serializing_if = "Option::is_none")]
        reference: Option<Ref>,
        users: Vec<PresenceInfo>,
    },
}

/// The snapshot a client starts from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Ready {
    pub protocol: u32,
    pub user: Profile,
    /// The locale the server negotiated for this connection.
    pub locale: String,
    pub conversations: Vec<ConversationSummary>,
    /// Consultations the person asked that are not closed, and those they are helping with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consultations: Vec<Consultation>,
    /// The person's helper profile, when they have one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helper: Option<HelperProfile>,
    /// People this person blocked: their messages are shown collapsed, they cannot open direct conversations
    /// with this person, and their mentions do not notify.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocked: Vec<UserId>,
    pub limits: Limits,
}

/// The limits a client must respect (the server enforces them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// Largest frame the server accepts, in bytes; larger ones close the connection with 1009.
    pub max_frame_bytes: u32,
    /// Longest message body, in Unicode scalar values (characters).
    pub max_body_chars: u32,
    /// Messages a person may send per second, sustained.
    pub send_per_second: u32,
    /// Messages a person may send in a burst.
    pub send_burst: u32,
    /// Events replayed per conversation on resume; beyond it the server answers `resync`.
    pub resume_cap: u32,
    /// Largest history page.
    pub history_page_max: u32,
}

/// What a successful request returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(untagged)]
pub enum AckResult {
    /// `send_message`: the stored message. `duplicate` is true when this `client_id` was already stored.
    Sent {
        message: MessageId,
        conversation: ConversationId,
        seq: Seq,
        client_id: String,
        duplicate: bool,
    },
    /// `create_channel`, `join_channel`, `open_direct`: the conversation.
    Conversation { conversation: ConversationSummary },
    /// Consultation requests: the consultation as it is after the request.
    Consultation { consultation: Box<Consultation> },
    /// Report requests (HTTP): the report as it is after the request.
    Report { report: Box<Report> },
    /// `edit_message`, `delete_message`, reactions, `leave`, `invite`: the seq of the stored event, if one was stored.
    Done {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        seq: Option<Seq>,
    },
}

/// A conversation event as delivered live and on resume.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ConversationEvent {
    pub conversation: ConversationId,
    pub seq: Seq,
    /// When the event was stored.
    pub at: Millis,
    /// Who caused it.
    pub actor: UserId,
    #[serde(flatten)]
    pub body: EventBody,
}

/// What happened in a conversation. Stored with ids and arguments only; clients render system events in their own
/// language (`event-<kind>` Fluent ids).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum EventBody {
    /// A new message (as it is now: a message deleted since carries `deleted: true` and no body).
    Message {
        message: EventMessage,
    },
    /// A message's body changed.
    MessageEdited {
        message: MessageId,
        body: String,
        lang: String,
        edited_at: Millis,
    },
    /// A message became a tombstone.
    MessageDeleted {
        message: MessageId,
    },
    ReactionAdded {
        message: MessageId,
        user: UserId,
        emoji: String,
    },
    ReactionRemoved {
        message: MessageId,
        user: UserId,
        emoji: String,
    },
    /// A person joined (or was added to) the conversation.
    MemberJoined {
        user: UserId,
    },
    /// A person left the conversation.
    MemberLeft {
        user: UserId,
    },
    /// A person was invited to the conversation.
    MemberInvited {
        user: UserId,
    },
    /// A channel was created.
    ChannelCreated {
        name: String,
    },
    /// A channel's topic or languages changed.
    ChannelUpdated {
        topic: String,
        languages: Vec<String>,
    },
    /// A person became a moderator of this channel.
    ModeratorAdded {
        user: UserId,
    },
    /// A person stopped being a moderator of this channel.
    ModeratorRemoved {
        user: UserId,
    },
    /// A moderator timed a person out (`global`: everywhere, announced in each of their channels).
    MemberTimedOut {
        user: UserId,
        until: Millis,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        global: bool,
    },
    /// A moderator ended a person's timeout early.
    TimeoutLifted {
        user: UserId,
    },
    /// A moderator removed a person from the channel.
    MemberKicked {
        user: UserId,
    },
    /// A moderator banned a person from the channel, or (`global`) from the community.
    MemberBanned {
        user: UserId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        until: Option<Millis>,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        global: bool,
    },
    /// A moderator lifted a person's ban from the channel.
    MemberUnbanned {
        user: UserId,
    },
    /// Slow mode changed: at most one message per `seconds` per member (0: off).
    SlowModeChanged {
        seconds: u32,
    },
    /// The channel was locked (read-only but for its moderators) or unlocked.
    ChannelLocked {
        locked: bool,
    },
    MessagePinned {
        message: MessageId,
    },
    MessageUnpinned {
        message: MessageId,
    },
    /// A consultation changed state or helpers. `automatic` is true when the server did it (routing, timers).
    Consultation {
        change: ConsultChange,
        state: ConsultationState,
        /// The helper the change is about (assigned, claimed, accepted, transferred to, invited, removed).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        helper: Option<UserId>,
        /// The topic (opened, transferred to another topic).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        topic: Option<TopicId>,
        /// The rating given (rated).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rating: Option<u8>,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        automatic: bool,
    },
}

impl EventBody {
    /// The `kind` tag on the wire.
    pub fn kind(&self) -> &'static str {
        match self {
            EventBody::Message { .. } => "message",
            EventBody::MessageEdited { .. } => "message_edited",
            EventBody::MessageDeleted { .. } => "message_deleted",
            EventBody::ReactionAdded { .. } => "reaction_added",
            EventBody::ReactionRemoved { .. } => "reaction_removed",
            EventBody::MemberJoined { .. } => "member_joined",
            EventBody::MemberLeft { .. } => "member_left",
            EventBody::MemberInvited { .. } => "member_invited",
            EventBody::ChannelCreated { .. } => "channel_created",
            EventBody::ChannelUpdated { .. } => "channel_updated",
            EventBody::ModeratorAdded { .. } => "moderator_added",
            EventBody::ModeratorRemoved { .. } => "moderator_removed",
            EventBody::MemberTimedOut { .. } => "member_timed_out",
            EventBody::TimeoutLifted { .. } => "timeout_lifted",
            EventBody::MemberKicked { .. } => "member_kicked",
            EventBody::MemberBanned { .. } => "member_banned",
            EventBody::MemberUnbanned { .. } => "member_unbanned",
            EventBody::SlowModeChanged { .. } => "slow_mode_changed",
            EventBody::ChannelLocked { .. } => "channel_locked",
            EventBody::MessagePinned { .. } => "message_pinned",
            EventBody::MessageUnpinned { .. } => "message_unpinned",
            EventBody::Consultation { .. } => "consultation",
        }
    }
}

/// A message as a reader sees it now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Message {
    pub id: MessageId,
    pub conversation: ConversationId,
    /// The seq of the event that created it; messages are ordered by it.
    pub seq: Seq,
    pub author: UserId,
    /// Empty when deleted.
    pub body: String,
    pub lang: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<MessageId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<UserId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reactions: Vec<Reaction>,
    pub created_at: Millis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited_at: Option<Millis>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
}

/// A message as its `message` event carries it: what the event does not already say. Its conversation, seq, author
/// and creation time are the event's `conversation`, `seq`, `actor` and `at`; repeating them made every delivery
/// of a message 71 bytes (a quarter) longer (protocol version 1, docs/benchmarks.md). It never carries reactions: the reaction events that follow rebuild them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct EventMessage {
    pub id: MessageId,
    /// Empty when deleted.
    pub body: String,
    pub lang: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<MessageId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<UserId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited_at: Option<Millis>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
}

impl From<Message> for EventMessage {
    fn from(message: Message) -> EventMessage {
        EventMessage {
            id: message.id,
            body: message.body,
            lang: message.lang,
            reply_to: message.reply_to,
            mentions: message.mentions,
            edited_at: message.edited_at,
            deleted: message.deleted,
        }
    }
}

/// One emoji on a message and who put it there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Reaction {
    pub emoji: String,
    pub users: Vec<UserId>,
}

/// A page of messages, as they are now, with the seq the page is consistent with: apply live events with a larger
/// seq on top of it, skip those with a smaller or equal one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct HistoryPage {
    pub conversation: ConversationId,
    /// Oldest first.
    pub messages: Vec<Message>,
    /// The conversation's newest seq when the page was read.
    pub as_of: Seq,
    /// Whether more messages lie beyond this page in the paging direction.
    pub has_more: bool,
}

/// What kind of conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ConversationKind {
    Channel,
    /// Two people.
    Direct,
    /// Three to eight people.
    Group,
    /// A consultation: its requester and its helpers.
    Consultation,
    /// A consultation's internal notes: its helpers only.
    ConsultationNotes,
}

/// Who can see and join a channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Listed; anyone may join.
    Public,
    /// Listed; joining needs an invitation.
    InviteOnly,
    /// Not listed; only invited people know of it and may join.
    Private,
}

/// A conversation as its member sees it in the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ConversationSummary {
    pub id: ConversationId,
    pub kind: ConversationKind,
    /// Channel name; empty for direct and group conversations.
    pub name: String,
    pub topic: String,
    pub visibility: Visibility,
    pub languages: Vec<String>,
    /// The newest seq.
    pub last_seq: Seq,
    /// Your read marker (0 when you are not a member).
    pub read_seq: Seq,
    /// Messages by others after your read marker.
    pub unread: u32,
    /// Of those, the ones that mention you.
    pub mentions: u32,
    /// For direct and group conversations: the people in it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<UserId>,
    /// Whether you are a member.
    pub joined: bool,
    pub member_count: u32,
    /// Slow mode: seconds between a member's messages (absent: off).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub slow_mode_seconds: u32,
    /// Read-only for everyone but its moderators and staff.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub locked: bool,
    /// Whether members may read the channel's moderation log.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub public_modlog: bool,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// How your membership changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MembershipChange {
    Joined,
    Invited,
    Left,
}

/// A notice for one person: the Fluent id, its arguments, and the text rendered in that person's language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct LocalizedText {
    pub id: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: Args,
    pub text: String,
}

/// The body of an `error` frame and of every HTTP error response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ErrorBody {
    #[serde(default, rename = "ref", skip_serializing_if = "Option::is_none")]
    pub reference: Option<Ref>,
    pub code: ErrorCode,
    /// The Fluent id of the message.
    pub id: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: Args,
    /// The message rendered in the connection's locale.
    pub text: String,
}

// ---------------------------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------------------------

/// What a person may do, globally.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Member,
    Volunteer,
    Advisor,
    Moderator,
    Admin,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Member,
        Role::Volunteer,
        Role::Advisor,
        Role::Moderator,
        Role::Admin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Volunteer => "volunteer",
            Role::Advisor => "advisor",
            Role::Moderator => "moderator",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Volunteers, advisors and staff may help in consultations; a helper profile counts only with such a role.
    pub fn may_help(self) -> bool {
        self >= Role::Volunteer
    }

    /// Staff: moderators and admins.
    pub fn is_staff(self) -> bool {
        self >= Role::Moderator
    }
}

/// A person as others see them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub id: UserId,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// The UI locale the person chose.
    pub locale: String,
    pub languages_spoken: Vec<String>,
    pub languages_learning: Vec<String>,
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP bodies (`/api/v1`)
// ---------------------------------------------------------------------------------------------------------------

/// `POST /api/v1/auth/register`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RegisterRequest {
    pub username: String,
    pub display_name: String,
    pub password: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    #[serde(default)]
    pub languages_spoken: Vec<String>,
    #[serde(default)]
    pub languages_learning: Vec<String>,
}

/// `POST /api/v1/auth/login`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub username: String,
    pub password: String,
}

/// Answer to register and login. The session token travels only in the `Set-Cookie: engawa_session=…` header
/// (HttpOnly for browsers; other clients read it from there and send it as `Authorization: Bearer …` or in
/// `hello`), never in a body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SessionCreated {
    pub user: Profile,
}

/// `POST /api/v1/auth/password`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ChangePasswordRequest {
    pub current_password: String,
    pub new_password: String,
}

/// `PATCH /api/v1/me`: only the given fields change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ProfileUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub languages_spoken: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub languages_learning: Option<Vec<String>>,
    /// Hide your online status and "last seen" from everyone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hide_presence: Option<bool>,
}

/// `PUT /api/v1/users/{id}/role` (admins)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RoleUpdate {
    pub role: Role,
}

/// `POST /api/v1/conversations/{id}/messages`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SendRequest {
    pub client_id: String,
    pub body: String,
    pub lang: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<MessageId>,
}

/// `POST /api/v1/channels/{id}/invite` and `PUT|DELETE /api/v1/channels/{id}/moderators`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct UserRef {
    pub user: UserId,
}

/// `POST /api/v1/direct`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct DirectRequest {
    pub users: Vec<UserId>,
}

/// `PATCH /api/v1/channels/{id}`: only the given fields change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ChannelUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub languages: Option<Vec<String>>,
    /// Whether members may read the channel's moderation log.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_modlog: Option<bool>,
}
