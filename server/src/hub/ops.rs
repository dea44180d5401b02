//! The operations that write conversation events, each run by the writer inside its own savepoint.
//! Rules come from [`super::rules`]; this file gathers the facts they need and writes the outcome.

use crate::protocol::{
    ConversationEvent, ConversationId, ConversationKind, ErrorCode, EventBody, MembershipChange,
    MessageId, Millis, Refusal, Role, Seq, UserId, Visibility,
};
use crate::store::{
    ConversationRow, MemberRole, MessageRow, NewConversation, SendKey, SendView, StoreError, Tx,
};

use super::consult::{self, ConsultNotice, ConsultOp};
use super::moderation::{self, ModOp};
use super::rules;
use crate::consult::Timers;
use crate::moderation::Automod;
use crate::protocol::{Args, AutomodAction, Report};

/// A write, as submitted to the writer. Inputs are already validated for shape (lengths, tags); the operation
/// checks everything that needs the database.
#[derive(Debug, Clone)]
pub enum Op {
    Send {
        conversation: ConversationId,
        client_id: String,
        body: String,
        lang: String,
        reply_to: Option<MessageId>,
        /// Set by the hub when the sender is over their rate: a new message is refused with this wait (seconds),
        /// a retry of a stored one still gets its original ack.
        over_rate: Option<u32>,
    },
    Edit {
        message: MessageId,
        body: String,
        lang: Option<String>,
    },
    Delete {
        message: MessageId,
    },
    React {
        message: MessageId,
        emoji: String,
        add: bool,
    },
    CreateChannel {
        name: String,
        topic: String,
        visibility: Visibility,
        languages: Vec<String>,
    },
    Join {
        conversation: ConversationId,
    },
    Leave {
        conversation: ConversationId,
    },
    Invite {
        conversation: ConversationId,
        user: UserId,
    },
    OpenDirect {
        users: Vec<UserId>,
    },
    UpdateChannel {
        conversation: ConversationId,
        topic: Option<String>,
        languages: Option<Vec<String>>,
        public_modlog: Option<bool>,
    },
    SetModerator {
        conversation: ConversationId,
        user: UserId,
        moderator: bool,
    },
    Consult(ConsultOp),
    Moderate(ModOp),
}

impl Op {
    /// Which view of the database a send reads first (`None`: not a send).
    pub(super) fn send_key(&self, actor: UserId) -> Option<SendKey> {
        match self {
            Op::Send {
                conversation,
                client_id,
                ..
            } => Some(SendKey {
                author: actor,
                conversation: *conversation,
                client_id: client_id.clone(),
            }),
            _ => None,
        }
    }

    /// A short name for logs and metrics.
    pub fn name(&self) -> &'static str {
        match self {
            Op::Send { .. } => "send",
            Op::Edit { .. } => "edit",
            Op::Delete { .. } => "delete",
            Op::React { .. } => "react",
            Op::CreateChannel { .. } => "create_channel",
            Op::Join { .. } => "join",
            Op::Leave { .. } => "leave",
            Op::Invite { .. } => "invite",
            Op::OpenDirect { .. } => "open_direct",
            Op::UpdateChannel { .. } => "update_channel",
            Op::SetModerator { .. } => "set_moderator",
            Op::Consult(op) => match op {
                ConsultOp::Open { .. } => "open_consultation",
                ConsultOp::Act { .. } => "consultation_action",
                ConsultOp::Canned { .. } => "send_canned",
                ConsultOp::SetHelper(_) => "set_helper",
                ConsultOp::Tick => "consultation_timers",
                ConsultOp::Lapse { .. } => "availability_lapse",
            },
            Op::Moderate(op) => match op {
                ModOp::Act { .. } => "moderate",
                ModOp::Report(_) => "report",
                ModOp::ClaimReport { .. } => "claim_report",
                ModOp::CloseReport { .. } => "close_report",
                ModOp::NoteReport { .. } => "note_report",
            },
        }
    }
}

/// What the requester gets back.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Sent {
        message: MessageId,
        conversation: ConversationId,
        seq: Seq,
        client_id: String,
        duplicate: bool,
    },
    /// The conversation, to be read as the requester sees it after commit.
    Conversation(ConversationId),
    /// The consultation, to be read as the requester sees it after commit.
    Consultation(ConversationId),
    /// A report, to be read after commit.
    Report(i64),
    Done(Option<Seq>),
    /// The operation committed its effects but the request is refused (automod refusing a message, and timing
    /// its sender out).
    Refused(Refusal),
}

/// Everything a committed operation causes, applied by the writer in this order: subscriptions, events (in seq
/// order), unsubscriptions, notices.
#[derive(Debug, Default)]
pub struct Effects {
    pub subscribe: Vec<(ConversationId, UserId)>,
    pub events: Vec<ConversationEvent>,
    pub unsubscribe: Vec<(ConversationId, UserId)>,
    pub notices: Vec<Notice>,
    /// Consultation frames, applied last.
    pub consult: Vec<ConsultNotice>,
    /// People banned everywhere: every socket of theirs closes.
    pub ban: Vec<UserId>,
}

impl Effects {
    /// Appends another step's effects after these.
    pub fn merge(&mut self, other: Effects) {
        self.subscribe.extend(other.subscribe);
        self.events.extend(other.events);
        self.unsubscribe.extend(other.unsubscribe);
        self.notices.extend(other.notices);
        self.consult.extend(other.consult);
        self.ban.extend(other.ban);
    }
}

/// A frame for one person.
#[derive(Debug, Clone)]
pub enum Notice {
    Membership {
        user: UserId,
        conversation: ConversationId,
        change: MembershipChange,
    },
    Mentioned {
        user: UserId,
        conversation: ConversationId,
        message: MessageId,
        seq: Seq,
        by: UserId,
    },
    /// A notice rendered in the person's language (`notice` frame).
    Personal {
        user: UserId,
        id: &'static str,
        args: Args,
    },
    /// A report entered or changed in the moderation queue.
    Report {
        to: Vec<UserId>,
        report: Box<Report>,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum OpError {
    #[error("refused: {0:?}")]
    Refused(Refusal),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<ErrorCode> for OpError {
    fn from(code: ErrorCode) -> Self {
        OpError::Refused(code.into())
    }
}

impl From<Refusal> for OpError {
    fn from(refusal: Refusal) -> Self {
        OpError::Refused(refusal)
    }
}

fn too_many_members() -> OpError {
    Refusal::from(ErrorCode::TooManyMembers)
        .arg("max", rules::GROUP_MAX as i64)
        .into()
}

pub(super) type OpResult = Result<(Reply, Effects), OpError>;

/// What every operation may consult besides the database.
pub struct Env<'a> {
    pub timers: &'a Timers,
    pub automod: &'a Automod,
}

/// Runs one operation for `actor` at time `now`.
pub async fn apply(tx: &mut Tx<'_>, actor: UserId, op: Op, now: Millis, env: &Env<'_>) -> OpResult {
    let timers = env.timers;
    // A send reads its author with the rest of what it needs, in one round trip, often read ahead for its whole
    // group; any other operation may change what such a view shows.
    let key = op.send_key(actor);
    if key.is_none() {
        tx.forget_sends();
    }
    // The server's own operations (timers) have no account behind them.
    if let Op::Consult(op @ (ConsultOp::Tick | ConsultOp::Lapse { .. })) = op {
        let ctx = Ctx {
            actor,
            role: Role::Admin,
            now,
            created_at: 0,
            automod: env.automod,
        };
        return consult::apply(tx, &ctx, op, timers).await;
    }
    let mut view = None;
    let person = match key {
        Some(key) => view.insert(tx.send_view(key, now).await?).actor,
        None => tx.actor(actor, now).await?,
    };
    let person = person.ok_or(ErrorCode::AccountDisabled)?;
    if person.banned_until.is_some() {
        return Err(Refusal::from(ErrorCode::Banned)
            .arg("scope", "global")
            .into());
    }
    let ctx = Ctx {
        actor,
        role: person.role,
        now,
        created_at: person.created_at,
        automod: env.automod,
    };
    match op {
        Op::Send {
            conversation,
            client_id,
            body,
            lang,
            reply_to,
            over_rate,
        } => {
            let message = NewMessage {
                conversation,
                client_id,
                body,
                lang,
                reply_to,
                over_rate,
            };
            send(tx, &ctx, message, view, timers).await
        }
        Op::Edit {
            message,
            body,
            lang,
        } => edit(tx, &ctx, message, body, lang).await,
        Op::Delete { message } => delete(tx, &ctx, message).await,
        Op::React {
            message,
            emoji,
            add,
        } => react(tx, &ctx, message, emoji, add).await,
        Op::CreateChannel {
            name,
            topic,
            visibility,
            languages,
        } => create_channel(tx, &ctx, name, topic, visibility, languages).await,
        Op::Join { conversation } => join(tx, &ctx, conversation).await,
        Op::Leave { conversation } => leave(tx, &ctx, conversation).await,
        Op::Invite { conversation, user } => invite(tx, &ctx, conversation, user).await,
        Op::OpenDirect { users } => open_direct(tx, &ctx, users).await,
        Op::UpdateChannel {
            conversation,
            topic,
            languages,
            public_modlog,
        } => {
            let change = ChannelChange {
                topic,
                languages,
                public_modlog,
            };
            update_channel(tx, &ctx, conversation, change).await
        }
        Op::SetModerator {
            conversation,
            user,
            moderator,
        } => set_moderator(tx, &ctx, conversation, user, moderator).await,
        Op::Consult(op) => consult::apply(tx, &ctx, op, timers).await,
        Op::Moderate(op) => moderation::apply(tx, &ctx, op).await,
    }
}

#[derive(Clone, Copy)]
pub(super) struct Ctx<'a> {
    pub actor: UserId,
    pub role: Role,
    pub now: Millis,
    /// When the actor's account was made (automod's young-account check).
    pub created_at: Millis,
    pub automod: &'a Automod,
}

/// The conversation and the actor's standing in it, refusing non-members as the rules say.
async fn member_of(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    id: ConversationId,
) -> Result<(ConversationRow, MemberRole), OpError> {
    let (conversation, role) = tx
        .conversation_and_role(id, ctx.actor)
        .await?
        .ok_or(ErrorCode::NotFound)?;
    match role {
        Some(role) => Ok((conversation, role)),
        None => Err(rules::not_member_error(conversation.kind, conversation.visibility).into()),
    }
}

/// A message the actor can see (they are a member of its conversation).
async fn visible_message(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    id: MessageId,
) -> Result<(MessageRow, MemberRole), OpError> {
    let message = tx.message(id).await?.ok_or(ErrorCode::NotFound)?;
    let member = tx
        .member_role(message.conversation, ctx.actor)
        .await?
        .ok_or(ErrorCode::NotFound)?;
    Ok((message, member))
}

/// The fields of [`Op::Send`].
pub(super) struct NewMessage {
    pub conversation: ConversationId,
    pub client_id: String,
    pub body: String,
    pub lang: String,
    pub reply_to: Option<MessageId>,
    pub over_rate: Option<u32>,
}

/// Sends a message; in a consultation, also what a message means there (acceptance, waking a hold).
pub(super) async fn send(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    new: NewMessage,
    view: Option<SendView>,
    timers: &Timers,
) -> OpResult {
    let conversation = new.conversation;
    let (reply, mut effects, stored_in) = store_message(tx, ctx, new, view).await?;
    match stored_in {
        // Only a new message was written: the views read ahead for the group still hold.
        Some(kind) if kind != ConversationKind::Consultation => {}
        Some(_) => {
            tx.forget_sends();
            consult::after_message(tx, ctx, conversation, timers, &mut effects).await?;
        }
        // A retry, or a refusal by automod (which may have imposed a timeout).
        None => tx.forget_sends(),
    }
    Ok((reply, effects))
}

/// Stores a message with its event (idempotent by client id), after the membership and rate checks, given what it
/// reads first when the caller has it. Also says what kind of conversation it was stored in (`None` when this send
/// stored nothing new).
pub(super) async fn store_message(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    new: NewMessage,
    view: Option<SendView>,
) -> Result<(Reply, Effects, Option<ConversationKind>), OpError> {
    let NewMessage {
        conversation,
        client_id,
        body,
        lang,
        reply_to,
        over_rate,
    } = new;
    let SendView {
        sender: found,
        stored,
        ..
    } = match view {
        Some(view) => view,
        None => {
            let key = SendKey {
                author: ctx.actor,
                conversation,
                client_id: client_id.clone(),
            };
            tx.send_view(key, ctx.now).await?
        }
    };
    // A retry of a stored send answers with the original, whatever changed since (rate included).
    if let Some(stored) = stored {
        return Ok((
            Reply::Sent {
                message: stored.message,
                conversation: stored.conversation,
                seq: stored.seq,
                client_id,
                duplicate: true,
            },
            Effects::default(),
            None,
        ));
    }
    if let Some(seconds) = over_rate {
        return Err(Refusal::from(ErrorCode::RateLimited)
            .arg("seconds", i64::from(seconds))
            .into());
    }
    let (row, member, timed_out) = found.ok_or(ErrorCode::NotFound)?;
    let kind = row.kind;
    let member =
        member.ok_or_else(|| OpError::from(rules::not_member_error(row.kind, row.visibility)))?;
    if let Some(reply_to) = reply_to {
        let parent = tx.message(reply_to).await?;
        if parent.is_none_or(|p| p.conversation != conversation) {
            return Err(ErrorCode::NotFound.into());
        }
    }
    let keys = rules::mentioned_usernames(&body);
    let mut mentions = if keys.is_empty() {
        Vec::new()
    } else {
        tx.members_by_username_key(conversation, &keys).await?
    };
    mentions.retain(|u| *u != ctx.actor);
    let outgoing = moderation::Outgoing {
        member,
        timed_out_until: timed_out,
        body: &body,
        lang: &lang,
        mentions: mentions.len(),
        edit: false,
    };
    let verdict = moderation::check_send(tx, ctx, &row, outgoing).await?;
    let flagged = match verdict {
        Some(hit) if hit.action == AutomodAction::Flag => Some(hit.rule),
        Some(hit) => {
            let (reply, effects) = moderation::automod_refuse(tx, ctx, conversation, hit).await?;
            return Ok((reply, effects, None));
        }
        None => None,
    };
    // Someone who blocked the author is not notified of their mentions.
    let blockers = tx.who_blocked(ctx.actor, &mentions).await?;
    mentions.retain(|u| !blockers.contains(u));
    let message_row = MessageRow {
        id: MessageId(0),
        conversation,
        seq: 0,
        author: ctx.actor,
        body,
        lang,
        reply_to,
        mentions,
        created_at: ctx.now,
        edited_at: None,
        deleted_at: None,
        client_id,
    };
    let (id, seq) = tx.insert_message(&message_row).await?;
    let row = MessageRow {
        id,
        seq,
        ..message_row
    };
    let notices = row
        .mentions
        .iter()
        .map(|&user| Notice::Mentioned {
            user,
            conversation,
            message: row.id,
            seq,
            by: ctx.actor,
        })
        .collect();
    let reply = Reply::Sent {
        message: row.id,
        conversation,
        seq,
        client_id: row.client_id.clone(),
        duplicate: false,
    };
    let message = row.into_message();
    let mut effects = Effects {
        notices,
        ..Effects::default()
    };
    if let Some(rule) = flagged {
        moderation::automod_flag(tx, ctx, &message, rule, &mut effects).await?;
    }
    // Stored with the message.
    effects.events.push(ConversationEvent {
        conversation,
        seq,
        at: ctx.now,
        actor: ctx.actor,
        body: EventBody::Message {
            message: message.into(),
        },
    });
    Ok((reply, effects, Some(kind)))
}

async fn edit(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    id: MessageId,
    body: String,
    lang: Option<String>,
) -> OpResult {
    let message = tx.message(id).await?.ok_or(ErrorCode::NotFound)?;
    let (row, member, timed_out) = tx
        .conversation_for_sender(message.conversation, ctx.actor, ctx.now)
        .await?
        .ok_or(ErrorCode::NotFound)?;
    let member = member.ok_or(ErrorCode::NotFound)?;
    if message.author != ctx.actor {
        return Err(ErrorCode::NotAuthor.into());
    }
    if message.deleted_at.is_some() {
        return Err(ErrorCode::MessageDeleted.into());
    }
    let lang = lang.unwrap_or_else(|| message.lang.clone());
    if body == message.body && lang == message.lang {
        return Ok((Reply::Done(None), Effects::default()));
    }
    // An edit passes the same checks as a new message (but slow mode): otherwise editing would get around them.
    let outgoing = moderation::Outgoing {
        member,
        timed_out_until: timed_out,
        body: &body,
        lang: &lang,
        mentions: rules::mentioned_usernames(&body).len(),
        edit: true,
    };
    let mut effects = Effects::default();
    match moderation::check_send(tx, ctx, &row, outgoing).await? {
        Some(hit) if hit.action == AutomodAction::Flag => {
            let mut flagged = message.clone().into_message();
            flagged.body = body.clone();
            flagged.lang = lang.clone();
            moderation::automod_flag(tx, ctx, &flagged, hit.rule, &mut effects).await?;
        }
        Some(hit) => return moderation::automod_refuse(tx, ctx, message.conversation, hit).await,
        None => {}
    }
    let seq = tx.next_seq(message.conversation).await?;
    tx.edit_message(&message, &body, &lang, seq, ctx.now)
        .await?;
    let event = tx
        .append_at(
            message.conversation,
            seq,
            ctx.now,
            ctx.actor,
            EventBody::MessageEdited {
                message: id,
                body,
                lang,
                edited_at: ctx.now,
            },
        )
        .await?;
    effects.events.push(event);
    Ok((Reply::Done(Some(seq)), effects))
}

async fn delete(tx: &mut Tx<'_>, ctx: &Ctx<'_>, id: MessageId) -> OpResult {
    let (message, member) = visible_message(tx, ctx, id).await?;
    if !rules::may_delete(message.author == ctx.actor, Some(member), ctx.role) {
        return Err(ErrorCode::NotAuthor.into());
    }
    if message.deleted_at.is_some() {
        return Ok((Reply::Done(None), Effects::default()));
    }
    tx.delete_message(id, ctx.now).await?;
    append_one(
        tx,
        ctx,
        message.conversation,
        EventBody::MessageDeleted { message: id },
    )
    .await
}

async fn react(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    id: MessageId,
    emoji: String,
    add: bool,
) -> OpResult {
    let (message, _) = visible_message(tx, ctx, id).await?;
    if message.deleted_at.is_some() {
        return Err(ErrorCode::MessageDeleted.into());
    }
    moderation::check_timeout(tx, ctx, message.conversation).await?;
    let changed = if add {
        tx.add_reaction(id, ctx.actor, &emoji, ctx.now).await?
    } else {
        tx.remove_reaction(id, ctx.actor, &emoji).await?
    };
    if !changed {
        return Ok((Reply::Done(None), Effects::default()));
    }
    let body = if add {
        EventBody::ReactionAdded {
            message: id,
            user: ctx.actor,
            emoji,
        }
    } else {
        EventBody::ReactionRemoved {
            message: id,
            user: ctx.actor,
            emoji,
        }
    };
    append_one(tx, ctx, message.conversation, body).await
}

async fn create_channel(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    name: String,
    topic: String,
    visibility: Visibility,
    languages: Vec<String>,
) -> OpResult {
    rules::may_create_channel(ctx.role, visibility)?;
    let key = rules::channel_name_key(&name)?;
    if tx.channel_name_taken(&key).await? {
        return Err(ErrorCode::ChannelNameTaken.into());
    }
    let id = tx
        .insert_conversation(&NewConversation {
            kind: ConversationKind::Channel,
            name: &name,
            name_key: Some(&key),
            topic: &topic,
            visibility,
            languages: &languages,
            direct_key: None,
            created_by: ctx.actor,
            at: ctx.now,
        })
        .await?;
    tx.add_member(id, ctx.actor, ctx.now).await?;
    tx.set_member_role(id, ctx.actor, MemberRole::Moderator)
        .await?;
    let created = tx
        .append(id, ctx.now, ctx.actor, EventBody::ChannelCreated { name })
        .await?;
    let joined = tx
        .append(
            id,
            ctx.now,
            ctx.actor,
            EventBody::MemberJoined { user: ctx.actor },
        )
        .await?;
    Ok((
        Reply::Conversation(id),
        Effects {
            subscribe: vec![(id, ctx.actor)],
            events: vec![created, joined],
            notices: vec![Notice::Membership {
                user: ctx.actor,
                conversation: id,
                change: MembershipChange::Joined,
            }],
            ..Effects::default()
        },
    ))
}

async fn join(tx: &mut Tx<'_>, ctx: &Ctx<'_>, id: ConversationId) -> OpResult {
    let conversation = tx.conversation(id).await?.ok_or(ErrorCode::NotFound)?;
    if tx.member_role(id, ctx.actor).await?.is_some() {
        return Ok((Reply::Conversation(id), Effects::default()));
    }
    let invited = tx.is_invited(id, ctx.actor).await?;
    rules::may_join(
        conversation.kind,
        conversation.visibility,
        invited,
        ctx.role,
    )?;
    if tx
        .live_sanction(
            ctx.actor,
            crate::store::SanctionKind::Ban,
            Some(id),
            ctx.now,
        )
        .await?
        .is_some()
    {
        return Err(Refusal::from(ErrorCode::Banned)
            .arg("scope", "channel")
            .into());
    }
    Ok((
        Reply::Conversation(id),
        add_member(tx, ctx, id, ctx.actor).await?,
    ))
}

/// Adds a member with their join event; the caller checked the rules.
async fn add_member(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    id: ConversationId,
    user: UserId,
) -> Result<Effects, OpError> {
    tx.add_member(id, user, ctx.now).await?;
    let event = tx
        .append(id, ctx.now, ctx.actor, EventBody::MemberJoined { user })
        .await?;
    Ok(Effects {
        subscribe: vec![(id, user)],
        events: vec![event],
        notices: vec![Notice::Membership {
            user,
            conversation: id,
            change: MembershipChange::Joined,
        }],
        ..Effects::default()
    })
}

async fn leave(tx: &mut Tx<'_>, ctx: &Ctx<'_>, id: ConversationId) -> OpResult {
    let (conversation, _) = member_of(tx, ctx, id).await?;
    rules::may_leave(conversation.kind)?;
    tx.remove_member(id, ctx.actor).await?;
    let event = tx
        .append(
            id,
            ctx.now,
            ctx.actor,
            EventBody::MemberLeft { user: ctx.actor },
        )
        .await?;
    Ok((
        Reply::Done(Some(event.seq)),
        Effects {
            events: vec![event],
            unsubscribe: vec![(id, ctx.actor)],
            notices: vec![Notice::Membership {
                user: ctx.actor,
                conversation: id,
                change: MembershipChange::Left,
            }],
            ..Effects::default()
        },
    ))
}

async fn invite(tx: &mut Tx<'_>, ctx: &Ctx<'_>, id: ConversationId, user: UserId) -> OpResult {
    let conversation = tx.conversation(id).await?.ok_or(ErrorCode::NotFound)?;
    let member = tx.member_role(id, ctx.actor).await?;
    rules::may_invite(conversation.kind, conversation.visibility, member, ctx.role)?;
    if tx.active_role(user).await?.is_none() {
        return Err(ErrorCode::NotFound.into());
    }
    if tx.member_role(id, user).await?.is_some() {
        return Ok((Reply::Done(None), Effects::default()));
    }
    if conversation.kind == ConversationKind::Group {
        if tx.member_count(id).await? as usize >= rules::GROUP_MAX {
            return Err(too_many_members());
        }
        let effects = add_member(tx, ctx, id, user).await?;
        return Ok((Reply::Done(effects.events.first().map(|e| e.seq)), effects));
    }
    if !tx.add_invite(id, user, ctx.actor, ctx.now).await? {
        return Ok((Reply::Done(None), Effects::default()));
    }
    let event = tx
        .append(id, ctx.now, ctx.actor, EventBody::MemberInvited { user })
        .await?;
    Ok((
        Reply::Done(Some(event.seq)),
        Effects {
            events: vec![event],
            notices: vec![Notice::Membership {
                user,
                conversation: id,
                change: MembershipChange::Invited,
            }],
            ..Effects::default()
        },
    ))
}

async fn open_direct(tx: &mut Tx<'_>, ctx: &Ctx<'_>, users: Vec<UserId>) -> OpResult {
    let mut people: Vec<UserId> = users.into_iter().filter(|u| *u != ctx.actor).collect();
    people.sort();
    people.dedup();
    if people.is_empty() {
        return Err(Refusal::field("users").into());
    }
    if people.len() + 1 > rules::GROUP_MAX {
        return Err(too_many_members());
    }
    for user in &people {
        if tx.active_role(*user).await?.is_none() {
            return Err(ErrorCode::NotFound.into());
        }
        if tx.blocked_between(ctx.actor, *user).await? {
            return Err(ErrorCode::Blocked.into());
        }
    }
    let mut everyone = people.clone();
    everyone.push(ctx.actor);
    everyone.sort();
    // Two people have one direct conversation; a group is a new conversation each time it is opened (its members
    // change as people leave and are added, so no set of people identifies it).
    let (kind, key) = if everyone.len() == 2 {
        let key = format!("{},{}", everyone[0].0, everyone[1].0);
        if let Some(id) = tx.direct_by_key(&key).await? {
            return Ok((Reply::Conversation(id), Effects::default()));
        }
        (ConversationKind::Direct, Some(key))
    } else {
        (ConversationKind::Group, None)
    };
    let id = tx
        .insert_conversation(&NewConversation {
            kind,
            name: "",
            name_key: None,
            topic: "",
            visibility: Visibility::Private,
            languages: &[],
            direct_key: key.as_deref(),
            created_by: ctx.actor,
            at: ctx.now,
        })
        .await?;
    let mut effects = Effects::default();
    for user in everyone {
        tx.add_member(id, user, ctx.now).await?;
        effects.subscribe.push((id, user));
        effects.notices.push(Notice::Membership {
            user,
            conversation: id,
            change: MembershipChange::Joined,
        });
    }
    Ok((Reply::Conversation(id), effects))
}

/// The fields of [`Op::UpdateChannel`].
struct ChannelChange {
    topic: Option<String>,
    languages: Option<Vec<String>>,
    public_modlog: Option<bool>,
}

async fn update_channel(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    id: ConversationId,
    change: ChannelChange,
) -> OpResult {
    let ChannelChange {
        topic,
        languages,
        public_modlog,
    } = change;
    let conversation = tx.conversation(id).await?.ok_or(ErrorCode::NotFound)?;
    let member = tx.member_role(id, ctx.actor).await?;
    if member.is_none() && !ctx.role.is_staff() {
        return Err(rules::not_member_error(conversation.kind, conversation.visibility).into());
    }
    rules::may_manage_channel(conversation.kind, member, ctx.role)?;
    if let Some(public) = public_modlog
        && public != conversation.public_modlog
    {
        // A setting for readers of the log, not an event of the conversation.
        tx.set_public_modlog(id, public).await?;
    }
    let topic = topic.unwrap_or_else(|| conversation.topic.clone());
    let languages = languages.unwrap_or_else(|| conversation.languages.clone());
    if topic == conversation.topic && languages == conversation.languages {
        return Ok((Reply::Done(None), Effects::default()));
    }
    tx.update_channel(id, &topic, &languages).await?;
    append_one(tx, ctx, id, EventBody::ChannelUpdated { topic, languages }).await
}

async fn set_moderator(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    id: ConversationId,
    user: UserId,
    moderator: bool,
) -> OpResult {
    let conversation = tx.conversation(id).await?.ok_or(ErrorCode::NotFound)?;
    let member = tx.member_role(id, ctx.actor).await?;
    rules::may_manage_channel(conversation.kind, member, ctx.role)?;
    if tx.member_role(id, user).await?.is_none() {
        return Err(ErrorCode::NotMember.into());
    }
    let role = if moderator {
        MemberRole::Moderator
    } else {
        MemberRole::Member
    };
    if !tx.set_member_role(id, user, role).await? {
        return Ok((Reply::Done(None), Effects::default()));
    }
    let body = if moderator {
        EventBody::ModeratorAdded { user }
    } else {
        EventBody::ModeratorRemoved { user }
    };
    append_one(tx, ctx, id, body).await
}

/// Appends one event and answers with its seq.
async fn append_one(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    conversation: ConversationId,
    body: EventBody,
) -> OpResult {
    let event = tx.append(conversation, ctx.now, ctx.actor, body).await?;
    Ok((Reply::Done(Some(event.seq)), one_event(event)))
}

fn one_event(event: ConversationEvent) -> Effects {
    Effects {
        events: vec![event],
        ..Effects::default()
    }
}
