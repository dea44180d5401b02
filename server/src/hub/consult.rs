//! Consultation operations, run by the writer like every other write: each gathers facts in the transaction,
//! asks the pure core ([`crate::consult`]) what may happen, stores the outcome with a conversation event (so the
//! parties resume it by seq), and re-runs routing for the topics it touched before the transaction commits.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

use tokio_util::sync::CancellationToken;

use crate::consult::{self, Action, Assignment, Timers};
use crate::protocol::{
    Availability, ConsultChange, Consultation, ConsultationState, ConversationId, ConversationKind,
    ErrorCode, EventBody, HelperUpdate, MembershipChange, QueueItem, Refusal, TopicId,
    TransferTarget, UserId, Visibility,
};
use crate::store::{Change, ConsultRow, HelperRow, Listed, NewConsultation, NewConversation, Tx};

use super::ops::{Ctx, Effects, Notice, OpError, OpResult, Reply};
use super::rules;

/// The actor of events the server causes by itself (routing, timers).
pub const SERVER: UserId = UserId(0);

/// Longest first-message preview shown in queues, in characters.
const PREVIEW_CHARS: usize = 140;

/// A consultation operation.
#[derive(Debug, Clone)]
pub enum ConsultOp {
    Open {
        topic: TopicId,
        languages: Vec<String>,
        client_id: String,
        body: String,
        wait: bool,
    },
    Act {
        consultation: ConversationId,
        act: Act,
    },
    /// A canned reply, sent as a message in the consultation's language.
    Canned {
        consultation: ConversationId,
        canned: i64,
        client_id: String,
    },
    SetHelper(HelperUpdate),
    /// The timers (server only).
    Tick,
    /// A helper's availability lapses (server only; the node saw no connection of theirs for the grace period).
    Lapse {
        user: UserId,
    },
}

/// What a party does to a consultation.
#[derive(Debug, Clone)]
pub enum Act {
    Accept,
    Claim,
    Hold,
    Transfer { to: TransferTarget, note: String },
    Invite { helper: UserId },
    Resolve { summary: String },
    Cancel,
    Reopen,
    Rate { rating: u8, comment: String },
}

/// A frame for consultation parties, queue watchers or a helper, built after commit.
#[derive(Debug, Clone)]
pub enum ConsultNotice {
    /// The consultation as it is now, to its requester and helpers.
    View {
        requester: UserId,
        helpers: Vec<UserId>,
        requester_view: Box<Consultation>,
        helper_view: Box<Consultation>,
    },
    /// A waiting requester's place and estimate.
    Position {
        user: UserId,
        consultation: ConversationId,
        position: u32,
        eta_seconds: Option<u32>,
        helpers_available: u32,
        topic_names: Arc<BTreeMap<String, String>>,
    },
    /// A queue entry, to the helpers serving its topic and to staff.
    Queue { item: QueueItem, to: Vec<UserId> },
    /// A helper's own availability and load.
    HelperStatus {
        user: UserId,
        availability: Availability,
        load: u32,
        capacity: u32,
    },
}

/// What one operation changed, for the steps after it.
#[derive(Default)]
struct Touched {
    topics: BTreeSet<TopicId>,
    consultations: BTreeSet<ConversationId>,
    /// Entered or left a queue.
    queue: BTreeSet<ConversationId>,
}

pub(super) async fn apply(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    op: ConsultOp,
    timers: &Timers,
) -> OpResult {
    let mut effects = Effects::default();
    let mut touched = Touched::default();
    let reply = match op {
        ConsultOp::Open {
            topic,
            languages,
            client_id,
            body,
            wait,
        } => {
            let open = Open {
                topic,
                languages,
                client_id,
                body,
                wait,
            };
            open_consultation(tx, ctx, open, &mut effects, &mut touched).await?
        }
        ConsultOp::Act { consultation, act } => {
            act_on(
                tx,
                ctx,
                consultation,
                act,
                timers,
                &mut effects,
                &mut touched,
            )
            .await?
        }
        ConsultOp::Canned {
            consultation,
            canned,
            client_id,
        } => {
            let c = tx
                .consultation(consultation)
                .await?
                .ok_or(ErrorCode::NotFound)?;
            let helpers = tx.consultation_helpers(c.id).await?;
            if !helpers.contains(&ctx.actor) {
                return Err(ErrorCode::NotHelper.into());
            }
            let reply = tx.canned(canned).await?.ok_or(ErrorCode::NotFound)?;
            if reply.topic.is_some_and(|t| t != c.topic) {
                return Err(ErrorCode::NotFound.into());
            }
            let mut langs: Vec<&str> = c.lang.iter().map(String::as_str).collect();
            langs.extend(c.languages.iter().map(String::as_str));
            let (lang, body) = langs
                .iter()
                .chain(std::iter::once(&"en"))
                .find_map(|l| {
                    reply
                        .variants
                        .iter()
                        .find(|(k, _)| consult::same_language(k, l))
                })
                .map(|(k, v)| (k.clone(), v.clone()))
                .ok_or(ErrorCode::NotFound)?;
            let message = super::ops::NewMessage {
                conversation: consultation,
                client_id,
                body,
                lang,
                reply_to: None,
                over_rate: None,
            };
            return super::ops::send(tx, ctx, message, None, timers).await;
        }
        ConsultOp::SetHelper(update) => {
            set_helper(tx, ctx, update, &mut effects, &mut touched).await?
        }
        ConsultOp::Tick => {
            tick(tx, ctx, timers, &mut effects, &mut touched).await?;
            Reply::Done(None)
        }
        ConsultOp::Lapse { user } => {
            if tx.lapse_availability(user, ctx.now).await?
                && let Some(h) = tx.helper(user).await?
            {
                effects.consult.push(status(&h));
            }
            Reply::Done(None)
        }
    };
    finish(tx, ctx, timers, &mut effects, touched).await?;
    Ok((reply, effects))
}

/// Called by `send` for a message in a consultation: who wrote last, acceptance by answering, and a held
/// consultation waking when its requester writes. Refuses messages in closed consultations.
pub(super) async fn after_message(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    conversation: ConversationId,
    timers: &Timers,
    effects: &mut Effects,
) -> Result<(), OpError> {
    let Some(c) = tx.consultation(conversation).await? else {
        return Ok(());
    };
    if c.state.is_closed() {
        return Err(invalid_state(c.state));
    }
    let mut touched = Touched::default();
    let by_requester = c.requester == ctx.actor;
    tx.touch_consultation(c.id, by_requester, ctx.now).await?;
    if by_requester {
        if c.state == ConsultationState::OnHold {
            // Routing wakes it for its helper as soon as they have room.
            touched.topics.insert(c.topic);
            touched.consultations.insert(c.id);
        }
    } else if c.state == ConsultationState::Active && !c.accepted {
        accept(tx, ctx, &c, effects, &mut touched).await?;
    }
    finish(tx, ctx, timers, effects, touched).await
}

struct Open {
    topic: TopicId,
    languages: Vec<String>,
    client_id: String,
    body: String,
    wait: bool,
}

async fn open_consultation(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    open: Open,
    effects: &mut Effects,
    touched: &mut Touched,
) -> Result<Reply, OpError> {
    if let Some(id) = tx
        .consultation_by_first_message(ctx.actor, &open.client_id)
        .await?
    {
        return Ok(Reply::Consultation(id));
    }
    let topic = tx
        .topic(open.topic)
        .await?
        .filter(|t| t.active)
        .ok_or(ErrorCode::NotFound)?;
    if !open.wait {
        let helpers: Vec<_> = tx
            .helpers()
            .await?
            .iter()
            .map(|h| h.routing(ctx.now))
            .collect();
        let (lang, _) = consult::availability(topic.id.0, &open.languages, &helpers);
        if lang.is_none() {
            let locale = tx.user_locale(ctx.actor).await?;
            return Err(Refusal::from(ErrorCode::NobodyAvailable)
                .arg("topic", topic.name_in(&[locale.as_str()]))
                .into());
        }
    }
    let conversation = |kind| NewConversation {
        kind,
        name: "",
        name_key: None,
        topic: "",
        visibility: Visibility::Private,
        languages: &open.languages,
        direct_key: None,
        created_by: ctx.actor,
        at: ctx.now,
    };
    let id = tx
        .insert_conversation(&conversation(ConversationKind::Consultation))
        .await?;
    let notes = tx
        .insert_conversation(&conversation(ConversationKind::ConsultationNotes))
        .await?;
    tx.add_member(id, ctx.actor, ctx.now).await?;
    let preview: String = open.body.chars().take(PREVIEW_CHARS).collect();
    tx.insert_consultation(&NewConsultation {
        id,
        notes,
        topic: topic.id,
        requester: ctx.actor,
        languages: &open.languages,
        preview: &preview,
        now: ctx.now,
    })
    .await?;
    effects.subscribe.push((id, ctx.actor));
    effects.notices.push(Notice::Membership {
        user: ctx.actor,
        conversation: id,
        change: MembershipChange::Joined,
    });
    let opened = event(ConsultChange::Opened, ConsultationState::Waiting).topic(topic.id);
    push_event(tx, ctx, id, opened, ctx.actor, effects).await?;
    let lang = open
        .languages
        .first()
        .cloned()
        .unwrap_or_else(|| "en".into());
    let first = super::ops::NewMessage {
        conversation: id,
        client_id: open.client_id,
        body: open.body,
        lang,
        reply_to: None,
        over_rate: None,
    };
    let (_, sent, _) = super::ops::store_message(tx, ctx, first, None).await?;
    effects.merge(sent);
    touched.topics.insert(topic.id);
    touched.consultations.insert(id);
    touched.queue.insert(id);
    Ok(Reply::Consultation(id))
}

#[allow(clippy::too_many_arguments)]
async fn act_on(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    id: ConversationId,
    act: Act,
    timers: &Timers,
    effects: &mut Effects,
    touched: &mut Touched,
) -> Result<Reply, OpError> {
    let c = tx.consultation(id).await?.ok_or(ErrorCode::NotFound)?;
    let helpers = tx.consultation_helpers(id).await?;
    let is_helper = helpers.contains(&ctx.actor);
    let is_requester = c.requester == ctx.actor;
    let staff = ctx.role.is_staff();
    // Whoever may not read it learns nothing about it, not even that it exists.
    let may_read = is_helper || is_requester || staff;
    let may_claim = matches!(act, Act::Claim) && ctx.role.may_help();
    if !may_read && !may_claim {
        return Err(ErrorCode::NotFound.into());
    }
    let helper_or_staff = || {
        if is_helper || staff {
            Ok(())
        } else {
            Err(OpError::from(ErrorCode::NotHelper))
        }
    };
    let requester_or_staff = || {
        if is_requester || staff {
            Ok(())
        } else {
            Err(OpError::from(ErrorCode::Forbidden))
        }
    };
    touched.consultations.insert(id);
    touched.topics.insert(c.topic);
    match act {
        Act::Accept => {
            if !is_helper {
                return Err(ErrorCode::NotHelper.into());
            }
            consult::transition(c.state, Action::Accept).map_err(|_| invalid_state(c.state))?;
            if !c.accepted {
                accept(tx, ctx, &c, effects, touched).await?;
            }
        }
        Act::Claim => claim(tx, ctx, &c, effects, touched).await?,
        Act::Hold => {
            helper_or_staff()?;
            let change = Change {
                woken: Some(false),
                ..Change::default()
            };
            let held = Move(Action::Hold, change, ConsultChange::Held);
            step(tx, ctx, &c, held, ctx.actor, effects).await?;
        }
        Act::Transfer { to, note } => {
            helper_or_staff()?;
            transfer(tx, ctx, &c, &helpers, to, note, effects, touched).await?;
        }
        Act::Invite { helper } => {
            helper_or_staff()?;
            next(c.state, Action::Invite)?;
            if helpers.contains(&helper) {
                return Ok(Reply::Consultation(id));
            }
            let profile = tx.helper(helper).await?.ok_or(ErrorCode::NotHelper)?;
            let lang = c.lang.clone().unwrap_or_default();
            if !profile.routing(ctx.now).fits(c.topic.0, &lang) {
                return Err(ErrorCode::NotHelper.into());
            }
            add_helper(tx, ctx, &c, helper, effects).await?;
            let e = event(ConsultChange::HelperInvited, c.state).helper(helper);
            push_event(tx, ctx, id, e, ctx.actor, effects).await?;
        }
        Act::Resolve { summary } => {
            helper_or_staff()?;
            let change = Change {
                closed_at: Some(Some(ctx.now)),
                summary: Some(summary),
                woken: Some(false),
                ..Change::default()
            };
            let resolved = Move(Action::Resolve, change, ConsultChange::Resolved);
            step(tx, ctx, &c, resolved, ctx.actor, effects).await?;
        }
        Act::Cancel => {
            requester_or_staff()?;
            let change = Change {
                closed_at: Some(Some(ctx.now)),
                woken: Some(false),
                ..Change::default()
            };
            let cancelled = Move(Action::Cancel, change, ConsultChange::Cancelled);
            step(tx, ctx, &c, cancelled, ctx.actor, effects).await?;
            if c.state == ConsultationState::Waiting {
                touched.queue.insert(id);
            }
        }
        Act::Reopen => {
            if !is_requester {
                return Err(ErrorCode::Forbidden.into());
            }
            next(c.state, Action::Reopen)?;
            let days = timers.reopen_days;
            let window = i64::from(days) * 86_400_000;
            if c.closed_at.is_none_or(|at| ctx.now > at + window) {
                return Err(Refusal::from(ErrorCode::ReopenClosed)
                    .arg("days", i64::from(days))
                    .into());
            }
            remove_helpers(tx, ctx, &c, &helpers, effects).await?;
            let change = Change {
                closed_at: Some(None),
                queued_at: Some(ctx.now),
                accepted: Some(false),
                lang: Some(None),
                assigned_at: Some(None),
                skipped: Some(Vec::new()),
                ..Change::default()
            };
            let reopened = Move(Action::Reopen, change, ConsultChange::Reopened);
            step(tx, ctx, &c, reopened, ctx.actor, effects).await?;
            touched.queue.insert(id);
        }
        Act::Rate { rating, comment } => {
            if !is_requester {
                return Err(ErrorCode::Forbidden.into());
            }
            next(c.state, Action::Rate)?;
            tx.rate_consultation(id, rating, &comment).await?;
            let mut e = event(ConsultChange::Rated, c.state);
            e.rating = Some(rating);
            push_event(tx, ctx, id, e, ctx.actor, effects).await?;
        }
    }
    Ok(Reply::Consultation(id))
}

/// The state after `action`, or `invalid_state` naming the current one.
fn next(state: ConsultationState, action: Action) -> Result<ConsultationState, OpError> {
    consult::transition(state, action).map_err(|_| invalid_state(state))
}

fn invalid_state(state: ConsultationState) -> OpError {
    Refusal::from(ErrorCode::InvalidState)
        .arg("state", state.as_str())
        .into()
}

/// A lifecycle move: the action, what it writes besides the state, and the event that records it.
struct Move(Action, Change, ConsultChange);

/// Makes a move: the transition's next state, the compare-and-set, and the event by `actor` (automatic when the
/// actor is the server).
async fn step(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    c: &ConsultRow,
    Move(action, change, kind): Move,
    actor: UserId,
    effects: &mut Effects,
) -> Result<(), OpError> {
    let to = next(c.state, action)?;
    cas(tx, ctx, c, to, change).await?;
    let mut e = event(kind, to);
    e.automatic = actor == SERVER;
    push_event(tx, ctx, c.id, e, actor, effects).await
}

/// The compare-and-set: moves `c` from the state it was read in, or fails as a conflict.
async fn cas(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    c: &ConsultRow,
    to: ConsultationState,
    change: Change,
) -> Result<(), OpError> {
    if tx.change_state(c.id, c.state, to, change, ctx.now).await? {
        Ok(())
    } else {
        Err(ErrorCode::AlreadyClaimed.into())
    }
}

async fn accept(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    c: &ConsultRow,
    effects: &mut Effects,
    touched: &mut Touched,
) -> Result<(), OpError> {
    let change = Change {
        accepted: Some(true),
        ..Change::default()
    };
    cas(tx, ctx, c, c.state, change).await?;
    touched.consultations.insert(c.id);
    let e = event(ConsultChange::Accepted, c.state).helper(ctx.actor);
    push_event(tx, ctx, c.id, e, ctx.actor, effects).await
}

async fn claim(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    c: &ConsultRow,
    effects: &mut Effects,
    touched: &mut Touched,
) -> Result<(), OpError> {
    let topic = tx.topic(c.topic).await?.ok_or(ErrorCode::NotFound)?;
    let helper = tx.helper(ctx.actor).await?.ok_or(ErrorCode::NotHelper)?;
    let routing = helper.routing(ctx.now);
    let lang = c
        .languages
        .iter()
        .find(|l| routing.fits(c.topic.0, l))
        .cloned()
        .ok_or(ErrorCode::NotHelper)?;
    if !topic.routing.claims() {
        return Err(ErrorCode::ClaimsDisabled.into());
    }
    if c.state != ConsultationState::Waiting {
        return Err(ErrorCode::AlreadyClaimed.into());
    }
    if !routing.has_room() {
        return Err(Refusal::from(ErrorCode::OverCapacity)
            .arg("capacity", i64::from(helper.capacity))
            .into());
    }
    let to = next(c.state, Action::Claim)?;
    let change = Change {
        lang: Some(Some(lang)),
        accepted: Some(true),
        assigned_at: Some(Some(ctx.now)),
        ..Change::default()
    };
    cas(tx, ctx, c, to, change).await?;
    record_wait(&topic.key, c, ctx.now);
    add_helper(tx, ctx, c, ctx.actor, effects).await?;
    touched.queue.insert(c.id);
    let e = event(ConsultChange::Claimed, to).helper(ctx.actor);
    push_event(tx, ctx, c.id, e, ctx.actor, effects).await
}

#[allow(clippy::too_many_arguments)]
async fn transfer(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    c: &ConsultRow,
    helpers: &[UserId],
    to: TransferTarget,
    note: String,
    effects: &mut Effects,
    touched: &mut Touched,
) -> Result<(), OpError> {
    if note.chars().count() > 2000 {
        return Err(Refusal::field("note").into());
    }
    match to {
        TransferTarget::Helper(helper) => {
            let state = next(c.state, Action::Invite)?;
            let profile = tx.helper(helper).await?.ok_or(ErrorCode::NotHelper)?;
            let routing = profile.routing(ctx.now);
            let lang = c
                .lang
                .iter()
                .chain(c.languages.iter())
                .find(|l| routing.fits(c.topic.0, l))
                .cloned()
                .ok_or(ErrorCode::NotHelper)?;
            if !routing.has_room() && !helpers.contains(&helper) {
                return Err(Refusal::from(ErrorCode::OverCapacity)
                    .arg("capacity", i64::from(profile.capacity))
                    .into());
            }
            let leaving: Vec<UserId> = helpers.iter().copied().filter(|h| *h != helper).collect();
            add_helper(tx, ctx, c, helper, effects).await?;
            write_note(tx, ctx, c, note, effects).await?;
            remove_helpers(tx, ctx, c, &leaving, effects).await?;
            // The new helper accepts (or answers) like any assigned helper; an on-hold consultation stays held.
            let change = Change {
                lang: Some(Some(lang)),
                accepted: Some(false),
                assigned_at: Some(Some(ctx.now)),
                ..Change::default()
            };
            cas(tx, ctx, c, state, change).await?;
            let e = event(ConsultChange::Transferred, state).helper(helper);
            push_event(tx, ctx, c.id, e, ctx.actor, effects).await
        }
        TransferTarget::Topic(topic) => {
            let target = tx
                .topic(topic)
                .await?
                .filter(|t| t.active)
                .ok_or(ErrorCode::NotFound)?;
            let state = next(c.state, Action::Requeue)?;
            write_note(tx, ctx, c, note, effects).await?;
            remove_helpers(tx, ctx, c, helpers, effects).await?;
            let change = requeue_change(Some(target.id), Vec::new());
            cas(tx, ctx, c, state, change).await?;
            touched.topics.insert(target.id);
            touched.queue.insert(c.id);
            let e = event(ConsultChange::Transferred, state).topic(target.id);
            push_event(tx, ctx, c.id, e, ctx.actor, effects).await
        }
        TransferTarget::Queue => {
            let state = next(c.state, Action::Requeue)?;
            write_note(tx, ctx, c, note, effects).await?;
            remove_helpers(tx, ctx, c, helpers, effects).await?;
            // Not straight back to whoever returned it.
            let mut skipped = c.skipped.clone();
            skipped.extend(helpers.iter().copied());
            cas(tx, ctx, c, state, requeue_change(None, skipped)).await?;
            touched.queue.insert(c.id);
            let e = event(ConsultChange::Requeued, state);
            push_event(tx, ctx, c.id, e, ctx.actor, effects).await
        }
    }
}

fn requeue_change(topic: Option<TopicId>, skipped: Vec<UserId>) -> Change {
    Change {
        lang: Some(None),
        accepted: Some(false),
        woken: Some(false),
        topic,
        assigned_at: Some(None),
        skipped: Some(skipped),
        ..Change::default()
    }
}

/// A transfer's note goes into the notes conversation, where the next helper reads it.
async fn write_note(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    c: &ConsultRow,
    note: String,
    effects: &mut Effects,
) -> Result<(), OpError> {
    if note.trim().is_empty() {
        return Ok(());
    }
    // Staff who are not members of the notes write into it all the same.
    if tx.member_role(c.notes, ctx.actor).await?.is_none() {
        tx.add_member(c.notes, ctx.actor, ctx.now).await?;
    }
    let lang = c.lang.clone().unwrap_or_else(|| "en".into());
    let message = super::ops::NewMessage {
        conversation: c.notes,
        client_id: format!("transfer-{}-{}", c.id, ctx.now),
        body: note,
        lang,
        reply_to: None,
        over_rate: None,
    };
    let (_, sent, _) = super::ops::store_message(tx, ctx, message, None).await?;
    effects.merge(sent);
    Ok(())
}

/// Makes `helper` a helper of `c`: member of the consultation and of its notes.
async fn add_helper(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    c: &ConsultRow,
    helper: UserId,
    effects: &mut Effects,
) -> Result<(), OpError> {
    tx.add_consultation_helper(c.id, helper, ctx.now).await?;
    for conversation in [c.id, c.notes] {
        if tx.add_member(conversation, helper, ctx.now).await? {
            effects.subscribe.push((conversation, helper));
            effects.notices.push(Notice::Membership {
                user: helper,
                conversation,
                change: MembershipChange::Joined,
            });
        }
    }
    Ok(())
}

/// Takes helpers off `c`: they lose access to it and its notes at once.
async fn remove_helpers(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    c: &ConsultRow,
    helpers: &[UserId],
    effects: &mut Effects,
) -> Result<(), OpError> {
    for &helper in helpers {
        tx.remove_consultation_helper(c.id, helper).await?;
        for conversation in [c.id, c.notes] {
            if tx.remove_member(conversation, helper).await? {
                effects.unsubscribe.push((conversation, helper));
                effects.notices.push(Notice::Membership {
                    user: helper,
                    conversation,
                    change: MembershipChange::Left,
                });
            }
        }
        let e = event(ConsultChange::HelperRemoved, c.state).helper(helper);
        push_event(tx, ctx, c.id, e, SERVER, effects).await?;
    }
    Ok(())
}

async fn set_helper(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    update: HelperUpdate,
    effects: &mut Effects,
    touched: &mut Touched,
) -> Result<Reply, OpError> {
    if !ctx.role.may_help() {
        return Err(ErrorCode::NotHelper.into());
    }
    let mut h = match tx.helper(ctx.actor).await? {
        Some(h) => h,
        None => HelperRow {
            user: ctx.actor,
            topics: Vec::new(),
            languages: tx
                .active_profile_languages(ctx.actor)
                .await?
                .unwrap_or_default(),
            capacity: 3,
            availability: Availability::Away,
            hours: Vec::new(),
            load: 0,
        },
    };
    if let Some(topics) = update.topics {
        for topic in &topics {
            tx.topic(*topic)
                .await?
                .ok_or_else(|| Refusal::field("topics"))?;
        }
        h.topics = topics;
    }
    if let Some(languages) = update.languages {
        if languages.len() > 16 || languages.iter().any(|l| rules::check_lang(l).is_err()) {
            return Err(Refusal::field("languages").into());
        }
        h.languages = languages;
    }
    if let Some(capacity) = update.capacity {
        if !(1..=20).contains(&capacity) {
            return Err(Refusal::field("capacity").into());
        }
        h.capacity = capacity;
    }
    if let Some(hours) = update.hours {
        if !consult::hours_valid(&hours) {
            return Err(Refusal::field("hours").into());
        }
        h.hours = hours;
    }
    if let Some(availability) = update.availability {
        h.availability = availability;
    }
    tx.upsert_helper(&h, ctx.now).await?;
    touched.topics.extend(h.topics.iter().copied());
    effects.consult.push(status(&h));
    Ok(Reply::Done(None))
}

fn status(h: &HelperRow) -> ConsultNotice {
    ConsultNotice::HelperStatus {
        user: h.user,
        availability: h.availability,
        load: h.load,
        capacity: h.capacity,
    }
}

/// The timers: unanswered assignments go back to the queue, silent requesters' consultations go on hold, long
/// holds expire.
async fn tick(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    timers: &Timers,
    effects: &mut Effects,
    touched: &mut Touched,
) -> Result<(), OpError> {
    use ConsultationState::{Active, OnHold};
    let unanswered = tx
        .due(
            Active,
            "c.accepted = 0 AND c.assigned_at < $1",
            ctx.now - timers.answer_timeout_ms,
        )
        .await?;
    for c in unanswered {
        let helpers = tx.consultation_helpers(c.id).await?;
        remove_helpers(tx, ctx, &c, &helpers, effects).await?;
        let mut skipped = c.skipped.clone();
        skipped.extend(helpers);
        cas(
            tx,
            ctx,
            &c,
            ConsultationState::Waiting,
            requeue_change(None, skipped),
        )
        .await?;
        let e = event(ConsultChange::Unanswered, ConsultationState::Waiting).automatic();
        push_event(tx, ctx, c.id, e, SERVER, effects).await?;
        touched.topics.insert(c.topic);
        touched.consultations.insert(c.id);
        touched.queue.insert(c.id);
    }
    let silent = tx
        .due(
            Active,
            "c.accepted = 1 AND c.helper_at IS NOT NULL AND c.helper_at > c.requester_at AND c.helper_at < $1",
            ctx.now - timers.requester_silence_ms,
        )
        .await?;
    for c in silent {
        let change = Change {
            woken: Some(false),
            ..Change::default()
        };
        cas(tx, ctx, &c, OnHold, change).await?;
        let e = event(ConsultChange::Held, OnHold).automatic();
        push_event(tx, ctx, c.id, e, SERVER, effects).await?;
        touched.topics.insert(c.topic);
        touched.consultations.insert(c.id);
    }
    let expired = tx
        .due(
            OnHold,
            "c.woken = 0 AND c.updated_at < $1",
            ctx.now - timers.hold_expiry_ms,
        )
        .await?;
    for c in expired {
        let change = Change {
            closed_at: Some(Some(ctx.now)),
            ..Change::default()
        };
        let expired = Move(Action::Expire, change, ConsultChange::Expired);
        step(tx, ctx, &c, expired, SERVER, effects).await?;
        touched.consultations.insert(c.id);
    }
    // Helpers' hours open and close with time: every topic with someone waiting is routed again.
    for topic in tx.topics_with_waiting().await? {
        touched.topics.insert(topic);
    }
    Ok(())
}

/// Routing for the touched topics (and held consultations whose requester wrote), then the frames for everyone
/// concerned: parties, waiting requesters, queue watchers.
async fn finish(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    timers: &Timers,
    effects: &mut Effects,
    mut touched: Touched,
) -> Result<(), OpError> {
    if touched.topics.is_empty() && touched.consultations.is_empty() {
        return Ok(());
    }
    let helper_rows = tx.helpers().await?;
    let helpers: Vec<consult::Helper> = helper_rows.iter().map(|h| h.routing(ctx.now)).collect();
    let woken: Vec<ConsultRow> = tx.woken().await?;
    let mut woken_plan = Vec::with_capacity(woken.len());
    for c in &woken {
        if let Some(helper) = tx.consultation_helpers(c.id).await?.first() {
            woken_plan.push(consult::Woken {
                id: c.id,
                helper: *helper,
            });
        }
    }
    let mut waiting: Vec<ConsultRow> = Vec::new();
    let mut topics: HashMap<TopicId, crate::store::TopicRow> = HashMap::new();
    for topic in touched.topics.clone() {
        let Some(row) = tx.topic(topic).await? else {
            continue;
        };
        if row.routing.assigns() {
            waiting.extend(tx.waiting(topic).await?);
        }
        topics.insert(topic, row);
    }
    let requests: Vec<consult::Request> = waiting
        .iter()
        .map(|c| consult::Request {
            id: c.id,
            topic: c.topic.0,
            languages: c.languages.clone(),
            queued_at: c.queued_at,
            skipped: c.skipped.clone(),
        })
        .collect();
    for decision in consult::plan(&requests, &woken_plan, &helpers) {
        match decision {
            Assignment::Wake {
                consultation,
                helper: _,
            } => {
                let c = woken
                    .iter()
                    .find(|c| c.id == consultation)
                    .expect("planned from these");
                let change = Change {
                    woken: Some(false),
                    ..Change::default()
                };
                cas(tx, ctx, c, ConsultationState::Active, change).await?;
                let e = event(ConsultChange::Resumed, ConsultationState::Active).automatic();
                push_event(tx, ctx, c.id, e, SERVER, effects).await?;
                touched.consultations.insert(c.id);
            }
            Assignment::Assign {
                consultation,
                helper,
                lang,
            } => {
                let c = waiting
                    .iter()
                    .find(|c| c.id == consultation)
                    .expect("planned from these");
                let change = Change {
                    lang: Some(Some(lang)),
                    accepted: Some(false),
                    assigned_at: Some(Some(ctx.now)),
                    ..Change::default()
                };
                cas(tx, ctx, c, ConsultationState::Active, change).await?;
                if let Some(topic) = topics.get(&c.topic) {
                    record_wait(&topic.key, c, ctx.now);
                }
                add_helper(tx, ctx, c, helper, effects).await?;
                let e = event(ConsultChange::Assigned, ConsultationState::Active)
                    .helper(helper)
                    .automatic();
                push_event(tx, ctx, c.id, e, SERVER, effects).await?;
                touched.consultations.insert(c.id);
                touched.queue.insert(c.id);
            }
        }
    }
    let staff = tx.staff().await?;
    let helper_rows = tx.helpers().await?;
    for id in &touched.consultations {
        let Some(Listed {
            row: c,
            helpers: parties,
            position,
        }) = tx.listed(*id).await?
        else {
            continue;
        };
        effects.consult.push(ConsultNotice::View {
            requester: c.requester,
            helpers: parties.clone(),
            requester_view: Box::new(c.view(parties.clone(), false, position, timers.reopen_days)),
            helper_view: Box::new(c.view(parties, true, position, timers.reopen_days)),
        });
        if touched.queue.contains(id) {
            let mut to: Vec<UserId> = helper_rows
                .iter()
                .filter(|h| h.topics.contains(&c.topic))
                .map(|h| h.user)
                .collect();
            for s in &staff {
                if !to.contains(s) {
                    to.push(*s);
                }
            }
            effects.consult.push(ConsultNotice::Queue {
                item: c.queue_item(),
                to,
            });
            touched.topics.insert(c.topic);
        }
    }
    // Places and estimates of everyone still waiting in the touched topics.
    let helpers: Vec<consult::Helper> = helper_rows.iter().map(|h| h.routing(ctx.now)).collect();
    for topic in &touched.topics {
        let Some(row) = tx.topic(*topic).await? else {
            continue;
        };
        let waiting = tx.waiting(*topic).await?;
        record_queue_length(&row.key, &waiting);
        if waiting.is_empty() {
            continue;
        }
        let handling = consult::handling_seconds(&tx.recent_handling(*topic).await?);
        let names = Arc::new(row.names.clone());
        for (i, c) in waiting.iter().enumerate() {
            let eligible: Vec<&consult::Helper> = helpers
                .iter()
                .filter(|h| h.routable && c.languages.iter().any(|l| h.fits(topic.0, l)))
                .collect();
            let slots: u32 = eligible.iter().map(|h| h.capacity).sum();
            let available = eligible.iter().filter(|h| h.has_room()).count() as u32;
            let position = i as u32 + 1;
            effects.consult.push(ConsultNotice::Position {
                user: c.requester,
                consultation: c.id,
                position,
                eta_seconds: consult::eta_seconds(position, slots, handling),
                helpers_available: available,
                topic_names: names.clone(),
            });
        }
    }
    Ok(())
}

/// A consultation event under construction.
struct NewEvent {
    change: ConsultChange,
    state: ConsultationState,
    helper: Option<UserId>,
    topic: Option<TopicId>,
    rating: Option<u8>,
    automatic: bool,
}

fn event(change: ConsultChange, state: ConsultationState) -> NewEvent {
    NewEvent {
        change,
        state,
        helper: None,
        topic: None,
        rating: None,
        automatic: false,
    }
}

impl NewEvent {
    fn helper(mut self, helper: UserId) -> Self {
        self.helper = Some(helper);
        self
    }

    fn topic(mut self, topic: TopicId) -> Self {
        self.topic = Some(topic);
        self
    }

    fn automatic(mut self) -> Self {
        self.automatic = true;
        self
    }
}

async fn push_event(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    conversation: ConversationId,
    e: NewEvent,
    actor: UserId,
    effects: &mut Effects,
) -> Result<(), OpError> {
    let body = EventBody::Consultation {
        change: e.change,
        state: e.state,
        helper: e.helper,
        topic: e.topic,
        rating: e.rating,
        automatic: e.automatic,
    };
    let stored = tx.append(conversation, ctx.now, actor, body).await?;
    effects.events.push(stored);
    Ok(())
}

/// `engawa_consultation_wait_seconds{topic, lang}`: from queueing to assignment.
fn record_wait(topic: &str, c: &ConsultRow, now: i64) {
    let lang = c.languages.first().cloned().unwrap_or_default();
    metrics::histogram!("engawa_consultation_wait_seconds", "topic" => topic.to_owned(), "lang" => lang)
        .record((now - c.queued_at).max(0) as f64 / 1000.0);
}

/// `engawa_consultation_queue_length{topic, lang}` by first-preference language; languages seen before and now
/// absent are set to 0.
fn record_queue_length(topic: &str, waiting: &[ConsultRow]) {
    static SEEN: OnceLock<Mutex<HashMap<String, BTreeSet<String>>>> = OnceLock::new();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for c in waiting {
        *counts
            .entry(c.languages.first().cloned().unwrap_or_default())
            .or_default() += 1;
    }
    let mut seen = SEEN
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    let langs = seen.entry(topic.to_owned()).or_default();
    langs.extend(counts.keys().cloned());
    for lang in langs.iter() {
        let n = counts.get(lang).copied().unwrap_or(0);
        metrics::gauge!("engawa_consultation_queue_length", "topic" => topic.to_owned(), "lang" => lang.clone())
            .set(n as f64);
    }
}

/// The node's consultation clock: every `every`, the timers run in the writer (unanswered, silent, expired), and
/// helpers who have had no connection on any node for the grace period lapse to `away` (presence says so).
/// Ends on shutdown.
pub async fn timers(hub: super::Hub, every: std::time::Duration, shutdown: CancellationToken) {
    let mut interval = tokio::time::interval(every);
    interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    loop {
        tokio::select! {
            () = shutdown.cancelled() => break,
            _ = interval.tick() => {}
        }
        if let Ok(pending) = hub.submit(SERVER, super::Op::Consult(ConsultOp::Tick))
            && let Err(refusal) = pending.await
        {
            tracing::warn!(?refusal, "consultation timers failed");
        }
        let helpers = match hub.store().helpers().await {
            Ok(helpers) => helpers,
            Err(error) => {
                tracing::warn!(%error, "cannot read helpers for availability lapses");
                continue;
            }
        };
        let now = crate::now_ms();
        let grace = hub.limits().timers.availability_grace_ms;
        let watched: Vec<UserId> = helpers
            .iter()
            .filter(|h| h.availability != Availability::Away)
            .map(|h| h.user)
            .collect();
        let since = match hub.offline_since(&watched).await {
            Ok(since) => since,
            Err(refusal) => {
                tracing::warn!(
                    ?refusal,
                    "cannot read helpers' presence for availability lapses"
                );
                continue;
            }
        };
        for (user, since) in watched.into_iter().zip(since) {
            let lapse = super::Op::Consult(ConsultOp::Lapse { user });
            if since.is_some_and(|since| now - since >= grace)
                && let Ok(pending) = hub.submit(SERVER, lapse)
            {
                let _ = pending.await;
            }
        }
    }
}

/// The seeded topics (`topic-<key>` and `topic-<key>-description` in `locales/*/consult.ftl`).
pub const SEEDED_TOPICS: [&str; 6] = ["visa", "housing", "work", "japanese", "daily-life", "other"];

impl super::Hub {
    /// Creates the seeded topics that do not exist yet, named in every shipped language that translates them.
    pub async fn seed_topics(
        &self,
        i18n: &crate::i18n::I18n,
    ) -> Result<(), crate::store::StoreError> {
        let rows: Vec<crate::store::TopicRow> = SEEDED_TOPICS
            .iter()
            .map(|key| {
                let texts = |id: String| -> BTreeMap<String, String> {
                    i18n.tags()
                        .iter()
                        .filter(|tag| i18n.has_message(tag, &id))
                        .map(|tag| {
                            let locale = i18n.negotiate([tag.as_str()]);
                            (tag.clone(), i18n.render(&locale, &id, &Default::default()))
                        })
                        .collect()
                };
                crate::store::TopicRow {
                    id: TopicId(0),
                    key: (*key).to_owned(),
                    names: texts(format!("topic-{key}")),
                    descriptions: texts(format!("topic-{key}-description")),
                    routing: crate::protocol::Routing::Both,
                    hours: Vec::new(),
                    active: true,
                }
            })
            .collect();
        self.store().seed_topics(&rows, crate::now_ms()).await
    }
}
