//! Moderation operations, run by the writer like every other write: the actions of `moderate` (each a conversation
//! event where members can see it, plus an audit entry), reports and their queue, and the checks a new message
//! passes (lock, timeout, slow mode, automod).

use crate::moderation::automod::{Automod, Candidate};
use crate::moderation::policy::{self, Power, Standing};
use crate::protocol::{
    AutomodAction, ConversationId, ConversationKind, ErrorCode, EventBody, MembershipChange,
    MessageId, Millis, ModAction, NewReport, Refusal, Report, ReportCategory, ReportSnapshot,
    ReportState, SANCTION_MAX_SECONDS, SLOW_MODE_MAX_SECONDS, UserId,
};
use crate::store::{
    ConversationRow, MemberRole, MessageRow, NewAudit, NewReportRow, NewSanction, SanctionKind, Tx,
};

use super::ops::{Ctx, Effects, Notice, OpError, OpResult, Reply};

/// A moderation write.
#[derive(Debug, Clone)]
pub enum ModOp {
    /// A moderation action; with `report`, it also resolves that report.
    Act {
        action: ModAction,
        reason: String,
        report: Option<i64>,
    },
    Report(NewReport),
    ClaimReport {
        id: i64,
    },
    /// Close a report without acting (a dismissal) or after acting otherwise (`resolved`).
    CloseReport {
        id: i64,
        resolved: bool,
        note: String,
    },
    NoteReport {
        id: i64,
        body: String,
    },
}

pub(super) async fn apply(tx: &mut Tx<'_>, ctx: &Ctx<'_>, op: ModOp) -> OpResult {
    match op {
        ModOp::Act {
            action,
            reason,
            report,
        } => {
            let (reply, mut effects) = act(tx, ctx, &action, &reason).await?;
            let Some(id) = report else {
                return Ok((reply, effects));
            };
            let (reply, closed) = close_report(tx, ctx, id, true, &reason).await?;
            effects.merge(closed);
            Ok((reply, effects))
        }
        ModOp::Report(new) => report(tx, ctx, new).await,
        ModOp::ClaimReport { id } => claim_report(tx, ctx, id).await,
        ModOp::CloseReport { id, resolved, note } => {
            close_report(tx, ctx, id, resolved, &note).await
        }
        ModOp::NoteReport { id, body } => {
            let report = reviewable(tx, ctx, id).await?;
            tx.add_report_note(id, ctx.actor, &body, ctx.now).await?;
            report_answer(tx, report.id, report.conversation).await
        }
    }
}

/// The actor's standing for a power in a conversation (`None`: everywhere).
async fn standing(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    conversation: Option<ConversationId>,
) -> Result<(Standing, Option<ConversationRow>), OpError> {
    let Some(id) = conversation else {
        return Ok((Standing::Global, None));
    };
    let (row, member) = tx
        .conversation_and_role(id, ctx.actor)
        .await?
        .ok_or(ErrorCode::NotFound)?;
    // What someone cannot see does not exist for them: a refusal must not tell that it does.
    if member.is_none()
        && !ctx.role.is_staff()
        && super::rules::not_member_error(row.kind, row.visibility) == ErrorCode::NotFound
    {
        return Err(ErrorCode::NotFound.into());
    }
    // Direct, group and consultation conversations have no moderators of their own: only staff act in them.
    let standing = if row.kind == ConversationKind::Channel {
        Standing::Channel(member)
    } else {
        Standing::Global
    };
    Ok((standing, Some(row)))
}

/// A channel the actor may use `power` in.
async fn channel_power(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    id: ConversationId,
    power: Power,
) -> Result<ConversationRow, OpError> {
    let (standing, row) = standing(tx, ctx, Some(id)).await?;
    let row = row.ok_or(ErrorCode::NotFound)?;
    if row.kind != ConversationKind::Channel {
        return Err(ErrorCode::Forbidden.into());
    }
    policy::check(ctx.role, standing, power)?;
    Ok(row)
}

/// Checks that the actor may sanction `user` where the action applies, and returns the target's standing there.
async fn target(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    user: UserId,
    conversation: Option<ConversationId>,
) -> Result<Option<MemberRole>, OpError> {
    let role = tx.role_of(user).await?.ok_or(ErrorCode::NotFound)?;
    let (actor_member, target_member) = match conversation {
        Some(id) => (
            tx.member_role(id, ctx.actor).await?,
            tx.member_role(id, user).await?,
        ),
        None => (None, None),
    };
    if !policy::may_target(
        (ctx.role, actor_member),
        (role, target_member),
        user == ctx.actor,
    ) {
        return Err(ErrorCode::Forbidden.into());
    }
    Ok(target_member)
}

fn seconds_in(seconds: u32, max: u32, field: &str) -> Result<(), OpError> {
    if (1..=max).contains(&seconds) {
        Ok(())
    } else {
        Err(Refusal::field(field).into())
    }
}

/// Runs one moderation action and writes it to the audit log.
pub(super) async fn act(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    action: &ModAction,
    reason: &str,
) -> OpResult {
    let mut effects = Effects::default();
    let (target_kind, target_id, conversation) = match *action {
        ModAction::DeleteMessage { message } => {
            let row = tx.message(message).await?.ok_or(ErrorCode::NotFound)?;
            let (standing, _) = standing(tx, ctx, Some(row.conversation)).await?;
            policy::check(ctx.role, standing, Power::DeleteMessage)?;
            if row.deleted_at.is_none() {
                tx.delete_message(message, ctx.now).await?;
                push(
                    tx,
                    ctx,
                    row.conversation,
                    EventBody::MessageDeleted { message },
                    &mut effects,
                )
                .await?;
            }
            ("message", message.0, Some(row.conversation))
        }
        ModAction::Timeout {
            user,
            conversation,
            seconds,
        } => {
            seconds_in(seconds, SANCTION_MAX_SECONDS, "seconds")?;
            let row = scope(tx, ctx, conversation, Power::Timeout).await?;
            target(tx, ctx, user, conversation).await?;
            let until = ctx.now + i64::from(seconds) * 1000;
            sanction(
                tx,
                ctx,
                user,
                conversation,
                SanctionKind::Timeout,
                reason,
                Some(until),
            )
            .await?;
            let body = EventBody::MemberTimedOut {
                user,
                until,
                global: conversation.is_none(),
            };
            announce(tx, ctx, user, conversation, body, &mut effects).await?;
            let minutes = (i64::from(seconds) + 59) / 60;
            effects.notices.push(personal(
                user,
                "notice-timed-out",
                &[
                    ("scope", scope_name(conversation).into()),
                    ("conversation", channel_label(row.as_ref()).into()),
                    ("minutes", minutes.into()),
                ],
            ));
            ("user", user.0, conversation)
        }
        ModAction::LiftTimeout { user, conversation } => {
            let lifted = EventBody::TimeoutLifted { user };
            lift(
                tx,
                ctx,
                (user, conversation),
                SanctionKind::Timeout,
                lifted,
                &mut effects,
            )
            .await?;
            ("user", user.0, conversation)
        }
        ModAction::Kick { user, conversation } => {
            let row = channel_power(tx, ctx, conversation, Power::Kick).await?;
            if target(tx, ctx, user, Some(conversation)).await?.is_none() {
                return Err(ErrorCode::NotMember.into());
            }
            remove(
                tx,
                ctx,
                conversation,
                user,
                EventBody::MemberKicked { user },
                &mut effects,
            )
            .await?;
            effects.notices.push(personal(
                user,
                "notice-kicked",
                &[("conversation", channel_label(Some(&row)).into())],
            ));
            ("user", user.0, Some(conversation))
        }
        ModAction::Ban {
            user,
            conversation,
            seconds,
        } => {
            if let Some(seconds) = seconds {
                seconds_in(seconds, SANCTION_MAX_SECONDS, "seconds")?;
            }
            let row = scope(tx, ctx, conversation, Power::Ban).await?;
            let member = target(tx, ctx, user, conversation).await?;
            let until = seconds.map(|s| ctx.now + i64::from(s) * 1000);
            sanction(
                tx,
                ctx,
                user,
                conversation,
                SanctionKind::Ban,
                reason,
                until,
            )
            .await?;
            let body = EventBody::MemberBanned {
                user,
                until,
                global: conversation.is_none(),
            };
            match conversation {
                Some(id) if member.is_some() => {
                    remove(tx, ctx, id, user, body, &mut effects).await?;
                }
                Some(id) => push(tx, ctx, id, body, &mut effects).await?,
                None => {
                    announce(tx, ctx, user, None, body, &mut effects).await?;
                    // Sessions end in this transaction; their sockets close right after the commit.
                    tx.delete_sessions(user).await?;
                    effects.ban.push(user);
                }
            }
            if conversation.is_some() {
                effects.notices.push(personal(
                    user,
                    "notice-banned",
                    &[("conversation", channel_label(row.as_ref()).into())],
                ));
            }
            ("user", user.0, conversation)
        }
        ModAction::Unban { user, conversation } => {
            let lifted = EventBody::MemberUnbanned { user };
            lift(
                tx,
                ctx,
                (user, conversation),
                SanctionKind::Ban,
                lifted,
                &mut effects,
            )
            .await?;
            ("user", user.0, conversation)
        }
        ModAction::SlowMode {
            conversation,
            seconds,
        } => {
            if seconds > SLOW_MODE_MAX_SECONDS {
                return Err(Refusal::field("seconds").into());
            }
            let row = channel_power(tx, ctx, conversation, Power::SlowMode).await?;
            if row.slow_mode_seconds != seconds {
                tx.set_slow_mode(conversation, seconds).await?;
                push(
                    tx,
                    ctx,
                    conversation,
                    EventBody::SlowModeChanged { seconds },
                    &mut effects,
                )
                .await?;
            }
            ("conversation", conversation.0, Some(conversation))
        }
        ModAction::Lock {
            conversation,
            locked,
        } => {
            let row = channel_power(tx, ctx, conversation, Power::Lock).await?;
            if row.locked != locked {
                tx.set_locked(conversation, locked).await?;
                push(
                    tx,
                    ctx,
                    conversation,
                    EventBody::ChannelLocked { locked },
                    &mut effects,
                )
                .await?;
            }
            ("conversation", conversation.0, Some(conversation))
        }
        ModAction::Pin { message } | ModAction::Unpin { message } => {
            let pinned = matches!(action, ModAction::Pin { .. });
            let row = pinnable(tx, ctx, message).await?;
            // A deleted message may be unpinned, not pinned.
            if pinned && row.deleted_at.is_some() {
                return Err(ErrorCode::MessageDeleted.into());
            }
            if tx
                .set_pinned(message, row.conversation, pinned, ctx.actor, ctx.now)
                .await?
            {
                let body = if pinned {
                    EventBody::MessagePinned { message }
                } else {
                    EventBody::MessageUnpinned { message }
                };
                push(tx, ctx, row.conversation, body, &mut effects).await?;
            }
            ("message", message.0, Some(row.conversation))
        }
    };
    tx.audit(&NewAudit {
        actor: ctx.actor,
        action: action.audit_name(),
        target_kind,
        target_id,
        reason,
        details: serde_json::to_value(action).unwrap_or_default(),
        conversation,
        at: ctx.now,
    })
    .await?;
    Ok((Reply::Done(effects.events.last().map(|e| e.seq)), effects))
}

/// Ends a person's live sanction of a kind in exactly this scope (under the same power and targeting rule as
/// imposing it: nobody lifts their own), announcing it where it applied when there was one.
async fn lift(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    (user, conversation): (UserId, Option<ConversationId>),
    kind: SanctionKind,
    lifted: EventBody,
    effects: &mut Effects,
) -> Result<(), OpError> {
    let power = match kind {
        SanctionKind::Timeout => Power::Timeout,
        SanctionKind::Ban => Power::Ban,
    };
    scope(tx, ctx, conversation, power).await?;
    target(tx, ctx, user, conversation).await?;
    if tx
        .lift_sanctions(user, kind, conversation, ctx.actor, ctx.now)
        .await?
    {
        announce(tx, ctx, user, conversation, lifted, effects).await?;
    }
    Ok(())
}

/// Checks the power in a channel, or everywhere when `conversation` is `None`.
async fn scope(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    conversation: Option<ConversationId>,
    power: Power,
) -> Result<Option<ConversationRow>, OpError> {
    match conversation {
        Some(id) => Ok(Some(channel_power(tx, ctx, id, power).await?)),
        None => {
            policy::check(ctx.role, Standing::Global, power)?;
            Ok(None)
        }
    }
}

/// A message the actor may pin: in a channel, its moderators and staff; in a direct or group conversation, any
/// of its members.
async fn pinnable(tx: &mut Tx<'_>, ctx: &Ctx<'_>, id: MessageId) -> Result<MessageRow, OpError> {
    let row = tx.message(id).await?.ok_or(ErrorCode::NotFound)?;
    let (conversation, member) = tx
        .conversation_and_role(row.conversation, ctx.actor)
        .await?
        .ok_or(ErrorCode::NotFound)?;
    match conversation.kind {
        ConversationKind::Channel => {
            policy::check(ctx.role, Standing::Channel(member), Power::Pin)?;
        }
        ConversationKind::Direct | ConversationKind::Group if member.is_some() => {}
        _ => return Err(ErrorCode::NotFound.into()),
    }
    Ok(row)
}

async fn sanction(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    user: UserId,
    conversation: Option<ConversationId>,
    kind: SanctionKind,
    reason: &str,
    expires_at: Option<Millis>,
) -> Result<(), OpError> {
    // A new sanction replaces the live one of the same kind and scope, so that a shorter one can shorten it.
    tx.lift_sanctions(user, kind, conversation, ctx.actor, ctx.now)
        .await?;
    tx.insert_sanction(&NewSanction {
        user,
        conversation,
        kind,
        reason,
        by: ctx.actor,
        at: ctx.now,
        expires_at,
    })
    .await?;
    Ok(())
}

/// An event in the conversation the action is about, or, for an action everywhere, in each of the person's
/// channels (so that everyone who shares one with them sees it).
async fn announce(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    user: UserId,
    conversation: Option<ConversationId>,
    body: EventBody,
    effects: &mut Effects,
) -> Result<(), OpError> {
    let places = match conversation {
        Some(id) => vec![id],
        None => tx.channels_of(user).await?,
    };
    for id in places {
        push(tx, ctx, id, body.clone(), effects).await?;
    }
    Ok(())
}

async fn push(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    conversation: ConversationId,
    body: EventBody,
    effects: &mut Effects,
) -> Result<(), OpError> {
    let event = tx.append(conversation, ctx.now, ctx.actor, body).await?;
    effects.events.push(event);
    Ok(())
}

/// Removes a member with the event that says why; they stop receiving the channel after that event.
async fn remove(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    conversation: ConversationId,
    user: UserId,
    body: EventBody,
    effects: &mut Effects,
) -> Result<(), OpError> {
    push(tx, ctx, conversation, body, effects).await?;
    tx.remove_member(conversation, user).await?;
    effects.unsubscribe.push((conversation, user));
    effects.notices.push(Notice::Membership {
        user,
        conversation,
        change: MembershipChange::Left,
    });
    Ok(())
}

fn scope_name(conversation: Option<ConversationId>) -> &'static str {
    if conversation.is_some() {
        "channel"
    } else {
        "global"
    }
}

fn channel_label(row: Option<&ConversationRow>) -> String {
    row.map(|c| format!("#{}", c.name)).unwrap_or_default()
}

fn personal(user: UserId, id: &'static str, args: &[(&str, crate::protocol::ArgValue)]) -> Notice {
    Notice::Personal {
        user,
        id,
        args: args
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect(),
    }
}

// --- the checks on a new message ---------------------------------------------------------------------------------

/// A message about to be stored, as [`check_send`] needs it.
pub(super) struct Outgoing<'a> {
    /// The sender's standing in the conversation.
    pub member: MemberRole,
    /// Until when the sender is timed out there or everywhere (read with the conversation).
    pub timed_out_until: Option<Millis>,
    pub body: &'a str,
    pub lang: &'a str,
    /// Distinct people mentioned.
    pub mentions: usize,
    /// An edit of a stored message: slow mode does not apply.
    pub edit: bool,
}

/// What a send must pass before the message is stored: the channel's lock, the sender's timeout, slow mode, the
/// block list of a direct conversation, and automod. `Ok(Some(hit))` is an automod verdict the caller carries out.
pub(super) async fn check_send(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    conversation: &ConversationRow,
    outgoing: Outgoing<'_>,
) -> Result<Option<crate::moderation::automod::Hit>, OpError> {
    let Outgoing {
        member,
        timed_out_until,
        body,
        lang,
        mentions,
        edit,
    } = outgoing;
    let kind = conversation.kind;
    if !matches!(
        kind,
        ConversationKind::Channel | ConversationKind::Direct | ConversationKind::Group
    ) {
        // Consultations are help: a timed-out person can still ask for it, and automod never reads it.
        return Ok(None);
    }
    let exempt = ctx.role.is_staff() || member == MemberRole::Moderator;
    if conversation.locked && !exempt {
        return Err(ErrorCode::ChannelLocked.into());
    }
    if let Some(until) = timed_out_until {
        return Err(timed_out(until, ctx.now));
    }
    if conversation.slow_mode_seconds > 0 && !exempt && !edit {
        let window = i64::from(conversation.slow_mode_seconds) * 1000;
        let last = tx
            .recent_message_times(conversation.id, ctx.actor, ctx.now - window, 1)
            .await?;
        if let Some(last) = last.first() {
            let wait = (last + window - ctx.now).max(1);
            return Err(Refusal::from(ErrorCode::SlowMode)
                .arg("seconds", (wait + 999) / 1000)
                .into());
        }
    }
    if kind == ConversationKind::Direct {
        let others = tx.member_ids(conversation.id).await?;
        for other in others.into_iter().filter(|u| *u != ctx.actor) {
            if tx.blocked_between(ctx.actor, other).await? {
                return Err(ErrorCode::Blocked.into());
            }
        }
    }
    let candidate = Candidate {
        conversation: conversation.id,
        body,
        lang,
        mentions,
        role: ctx.role,
        conversation_moderator: member == MemberRole::Moderator,
        account_created_at: ctx.created_at,
        now: ctx.now,
    };
    let automod: &Automod = ctx.automod;
    let recent = match automod.flood_window(&candidate) {
        Some((messages, seconds)) => {
            tx.recent_message_times(
                conversation.id,
                ctx.actor,
                ctx.now - i64::from(seconds) * 1000,
                messages,
            )
            .await?
        }
        None => Vec::new(),
    };
    Ok(automod.check(&candidate, &recent))
}

/// Refuses people timed out here or everywhere.
pub(super) async fn check_timeout(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    conversation: ConversationId,
) -> Result<(), OpError> {
    match tx
        .live_sanction(
            ctx.actor,
            SanctionKind::Timeout,
            Some(conversation),
            ctx.now,
        )
        .await?
    {
        Some(until) => Err(timed_out(until, ctx.now)),
        None => Ok(()),
    }
}

/// `timed_out`, with the time left in seconds and in whole minutes (rounded up).
fn timed_out(until: Millis, now: Millis) -> OpError {
    let seconds = ((until - now).max(1) + 999) / 1000;
    Refusal::from(ErrorCode::TimedOut)
        .arg("seconds", seconds)
        .arg("minutes", (seconds + 59) / 60)
        .into()
}

/// Carries out an automod verdict that refuses the message (block, timeout): the refusal is the answer, and a
/// timeout is stored (the operation succeeds so that it commits).
pub(super) async fn automod_refuse(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    conversation: ConversationId,
    hit: crate::moderation::automod::Hit,
) -> OpResult {
    let mut effects = Effects::default();
    if hit.action == AutomodAction::Timeout {
        let until = ctx.now + i64::from(hit.timeout_seconds) * 1000;
        tx.insert_sanction(&NewSanction {
            user: ctx.actor,
            conversation: Some(conversation),
            kind: SanctionKind::Timeout,
            reason: "automod",
            by: UserId(0),
            at: ctx.now,
            expires_at: Some(until),
        })
        .await?;
        push(
            tx,
            &Ctx {
                actor: UserId(0),
                ..*ctx
            },
            conversation,
            EventBody::MemberTimedOut {
                user: ctx.actor,
                until,
                global: false,
            },
            &mut effects,
        )
        .await?;
        // The audit log names the person the rule acted on as the actor (there is no moderator behind it); the
        // details name the rule.
        tx.audit(&NewAudit {
            actor: ctx.actor,
            action: "automod.timeout",
            target_kind: "user",
            target_id: ctx.actor.0,
            reason: "automod",
            details: serde_json::json!({ "rule": hit.rule, "seconds": hit.timeout_seconds }),
            conversation: Some(conversation),
            at: ctx.now,
        })
        .await?;
    }
    Ok((Reply::Refused(hit.refusal), effects))
}

/// Files the report automod makes when a rule flags a message.
pub(super) async fn automod_flag(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    message: &crate::protocol::Message,
    rule: i64,
    effects: &mut Effects,
) -> Result<(), OpError> {
    let (id, _) = tx
        .insert_report(&NewReportRow {
            reporter: UserId(0),
            category: ReportCategory::Spam,
            note: "",
            target_user: ctx.actor,
            message: Some(message.id),
            conversation: Some(message.conversation),
            snapshot: Some(snapshot(
                message.author,
                &message.body,
                &message.lang,
                message.created_at,
            )),
            rule: Some(rule),
            at: ctx.now,
        })
        .await?;
    notify_report(tx, id, Some(message.conversation), effects).await
}

// --- reports -----------------------------------------------------------------------------------------------------

fn snapshot(author: UserId, body: &str, lang: &str, created_at: Millis) -> ReportSnapshot {
    ReportSnapshot {
        author,
        body: body.to_owned(),
        lang: lang.to_owned(),
        created_at,
    }
}

async fn report(tx: &mut Tx<'_>, ctx: &Ctx<'_>, new: NewReport) -> OpResult {
    if new.note.chars().count() > crate::protocol::REASON_MAX {
        return Err(Refusal::field("note").into());
    }
    let (target_user, message, conversation, snap) = match (new.message, new.user) {
        (Some(id), None) => {
            // Only what the reporter can see can be reported; a message they cannot see does not exist for them.
            let row = tx.message(id).await?.ok_or(ErrorCode::NotFound)?;
            if tx.member_role(row.conversation, ctx.actor).await?.is_none() {
                return Err(ErrorCode::NotFound.into());
            }
            if row.deleted_at.is_some() {
                return Err(ErrorCode::MessageDeleted.into());
            }
            let snap = snapshot(row.author, &row.body, &row.lang, row.created_at);
            (row.author, Some(id), Some(row.conversation), Some(snap))
        }
        (None, Some(user)) => {
            tx.role_of(user).await?.ok_or(ErrorCode::NotFound)?;
            (user, None, None, None)
        }
        _ => return Err(Refusal::field("message").into()),
    };
    if target_user == ctx.actor {
        return Err(Refusal::field(if message.is_some() { "message" } else { "user" }).into());
    }
    let (id, created) = tx
        .insert_report(&NewReportRow {
            reporter: ctx.actor,
            category: new.category,
            note: &new.note,
            target_user,
            message,
            conversation,
            snapshot: snap,
            rule: None,
            at: ctx.now,
        })
        .await?;
    let mut effects = Effects::default();
    if created {
        notify_report(tx, id, conversation, &mut effects).await?;
    }
    Ok((Reply::Report(id), effects))
}

/// Who sees a report: staff, and the moderators of the channel it is about.
async fn report_audience(
    tx: &mut Tx<'_>,
    conversation: Option<ConversationId>,
) -> Result<Vec<UserId>, OpError> {
    let mut to = tx.staff().await?;
    if let Some(id) = conversation
        && tx
            .conversation(id)
            .await?
            .is_some_and(|c| c.kind == ConversationKind::Channel)
    {
        for user in tx.channel_moderators(id).await? {
            if !to.contains(&user) {
                to.push(user);
            }
        }
    }
    Ok(to)
}

async fn notify_report(
    tx: &mut Tx<'_>,
    id: i64,
    conversation: Option<ConversationId>,
    effects: &mut Effects,
) -> Result<(), OpError> {
    let report = tx.report(id).await?.ok_or(ErrorCode::Internal)?;
    let to = report_audience(tx, conversation).await?;
    effects.notices.push(Notice::Report {
        to,
        report: Box::new(report),
    });
    Ok(())
}

/// A report the actor may handle: staff any; a channel's moderators those about their channel.
async fn reviewable(tx: &mut Tx<'_>, ctx: &Ctx<'_>, id: i64) -> Result<Report, OpError> {
    let report = tx.report(id).await?.ok_or(ErrorCode::NotFound)?;
    let (standing, row) = standing(tx, ctx, report.conversation).await?;
    let standing = match row {
        Some(row) if row.kind == ConversationKind::Channel => standing,
        _ => Standing::Global,
    };
    if !policy::may(ctx.role, standing, Power::Reports) {
        return Err(ErrorCode::NotFound.into());
    }
    Ok(report)
}

async fn report_answer(tx: &mut Tx<'_>, id: i64, conversation: Option<ConversationId>) -> OpResult {
    let mut effects = Effects::default();
    notify_report(tx, id, conversation, &mut effects).await?;
    Ok((Reply::Report(id), effects))
}

async fn claim_report(tx: &mut Tx<'_>, ctx: &Ctx<'_>, id: i64) -> OpResult {
    let report = reviewable(tx, ctx, id).await?;
    if report.state.is_closed() {
        return Err(Refusal::from(ErrorCode::InvalidState)
            .arg("state", report.state.as_str())
            .into());
    }
    if !tx
        .change_report(
            id,
            &[ReportState::Open],
            ReportState::Claimed,
            ctx.actor,
            ctx.now,
            "",
        )
        .await?
    {
        return Err(ErrorCode::AlreadyClaimed.into());
    }
    report_answer(tx, id, report.conversation).await
}

async fn close_report(
    tx: &mut Tx<'_>,
    ctx: &Ctx<'_>,
    id: i64,
    resolved: bool,
    note: &str,
) -> OpResult {
    let report = reviewable(tx, ctx, id).await?;
    let to = if resolved {
        ReportState::Resolved
    } else {
        ReportState::Dismissed
    };
    if !tx
        .change_report(
            id,
            &[ReportState::Open, ReportState::Claimed],
            to,
            ctx.actor,
            ctx.now,
            note,
        )
        .await?
    {
        return Err(Refusal::from(ErrorCode::InvalidState)
            .arg("state", report.state.as_str())
            .into());
    }
    tx.audit(&NewAudit {
        actor: ctx.actor,
        action: if resolved {
            "report.resolve"
        } else {
            "report.dismiss"
        },
        target_kind: "report",
        target_id: id,
        reason: note,
        details: serde_json::json!({ "target_user": report.target_user }),
        conversation: None,
        at: ctx.now,
    })
    .await?;
    let (reply, mut effects) = report_answer(tx, id, report.conversation).await?;
    // The reporter hears the outcome in their language; automod has no one to tell.
    if report.reporter != UserId(0) {
        let id = if resolved {
            "notice-report-resolved"
        } else {
            "notice-report-dismissed"
        };
        effects.notices.push(personal(report.reporter, id, &[]));
    }
    Ok((reply, effects))
}
