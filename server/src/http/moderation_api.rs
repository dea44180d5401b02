//! `/api/v1` for moderation and safety: actions, reports and their queue, automod rules, the audit log, a
//! channel's public moderation log, pinned messages, and each person's block list. Writes go through the hub's
//! writer like the WebSocket's `moderate` frame; the permission matrix is `moderation::policy`.

use axum::Json;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post, put};
use serde::Deserialize;

use super::api::{ApiResult, Body, id_of};
use super::{ApiError, Me, Node};
use crate::auth::Authed;
use crate::hub::Op;
use crate::hub::moderation::ModOp;
use crate::moderation::policy::{self, Power, Standing};
use crate::protocol::{
    AckResult, AuditEntry, AutomodRule, AutomodRuleSpec, ConversationId, ErrorCode, Message,
    ModLogEntry, ModRequest, NewReport, NoteText, Refusal, Report, ReportResolution, ReportState,
    UserId,
};
use crate::store::{AuditFilter, NewAudit, ReportFilter};

pub(super) fn routes() -> Router<Node> {
    Router::new()
        .route("/moderation", post(moderate))
        .route("/reports", get(reports).post(report))
        .route("/reports/{id}", get(one_report))
        .route("/reports/{id}/claim", post(claim))
        .route("/reports/{id}/resolve", post(resolve))
        .route("/reports/{id}/dismiss", post(dismiss))
        .route("/reports/{id}/notes", post(note))
        .route("/automod", get(automod_rules).post(create_rule))
        .route("/automod/{id}", put(update_rule).delete(delete_rule))
        .route("/audit", get(audit))
        .route("/channels/{id}/modlog", get(modlog))
        .route("/conversations/{id}/pins", get(pins))
        .route("/me/blocks", get(blocks))
        .route("/me/blocks/{user}", put(block).delete(unblock))
}

fn query<T>(q: Result<Query<T>, axum::extract::rejection::QueryRejection>) -> Result<T, Refusal> {
    q.map(|Query(q)| q).map_err(|_| Refusal::field("query"))
}

fn internal(error: crate::store::StoreError) -> ApiError {
    crate::hub::internal(error).into()
}

async fn execute(node: &Node, me: &Authed, op: Op) -> ApiResult<AckResult> {
    Ok(node.session.hub.execute(me.user.id, op).await?)
}

fn report_of(ack: AckResult) -> ApiResult<Json<Report>> {
    match ack {
        AckResult::Report { report } => Ok(Json(*report)),
        _ => Err(ErrorCode::Internal.into()),
    }
}

/// The actor's standing in a channel (`Global` for staff reading everything).
async fn channel_standing(node: &Node, me: &Authed, id: ConversationId) -> ApiResult<Standing> {
    let member = node
        .session
        .hub
        .store()
        .member_role(id, me.user.id)
        .await
        .map_err(internal)?;
    Ok(Standing::Channel(member))
}

// --- actions and reports -----------------------------------------------------------------------------------------

async fn moderate(
    State(node): State<Node>,
    Me(me): Me,
    Body(req): Body<ModRequest>,
) -> ApiResult<Json<AckResult>> {
    let op = Op::Moderate(ModOp::Act {
        action: req.action,
        reason: req.reason,
        report: None,
    });
    Ok(Json(execute(&node, &me, op).await?))
}

async fn report(
    State(node): State<Node>,
    Me(me): Me,
    Body(req): Body<NewReport>,
) -> ApiResult<(StatusCode, Json<Report>)> {
    let ack = execute(&node, &me, Op::Moderate(ModOp::Report(req))).await?;
    let Json(report) = report_of(ack)?;
    Ok((StatusCode::CREATED, Json(report.for_reporter())))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReportsQuery {
    state: Option<ReportState>,
    limit: Option<u32>,
}

/// The moderation queue: staff see every report; a channel's moderators those about their channels.
async fn reports(
    State(node): State<Node>,
    Me(me): Me,
    q: Result<Query<ReportsQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<Vec<Report>>> {
    let q = query(q)?;
    let store = node.session.hub.store();
    let conversations = if policy::may(me.role(), Standing::Global, Power::Reports) {
        None
    } else {
        let mine = store
            .moderated_channels(me.user.id)
            .await
            .map_err(internal)?;
        if mine.is_empty() {
            return Err(ErrorCode::Forbidden.into());
        }
        Some(mine)
    };
    let list = store
        .reports(&ReportFilter {
            state: q.state,
            conversations,
            limit: q.limit.unwrap_or(100).clamp(1, 500),
        })
        .await
        .map_err(internal)?;
    Ok(Json(list))
}

async fn one_report(
    State(node): State<Node>,
    Me(me): Me,
    Path(id): Path<String>,
) -> ApiResult<Json<Report>> {
    let report = node
        .session
        .hub
        .store()
        .report(id_of(&id)?)
        .await
        .map_err(internal)?
        .ok_or(ErrorCode::NotFound)?;
    let standing = match report.conversation {
        Some(c) if !me.role().is_staff() => channel_standing(&node, &me, c).await?,
        _ => Standing::Global,
    };
    if !policy::may(me.role(), standing, Power::Reports) {
        return Err(ErrorCode::NotFound.into());
    }
    Ok(Json(report))
}

async fn claim(
    State(node): State<Node>,
    Me(me): Me,
    Path(id): Path<String>,
) -> ApiResult<Json<Report>> {
    let op = Op::Moderate(ModOp::ClaimReport { id: id_of(&id)? });
    report_of(execute(&node, &me, op).await?)
}

async fn resolve(
    State(node): State<Node>,
    Me(me): Me,
    Path(id): Path<String>,
    Body(req): Body<ReportResolution>,
) -> ApiResult<Json<Report>> {
    let id = id_of(&id)?;
    let op = match req.action {
        Some(action) => ModOp::Act {
            action,
            reason: req.note,
            report: Some(id),
        },
        None => ModOp::CloseReport {
            id,
            resolved: true,
            note: req.note,
        },
    };
    report_of(execute(&node, &me, Op::Moderate(op)).await?)
}

async fn dismiss(
    State(node): State<Node>,
    Me(me): Me,
    Path(id): Path<String>,
    Body(req): Body<ReportResolution>,
) -> ApiResult<Json<Report>> {
    if req.action.is_some() {
        return Err(Refusal::field("action").into());
    }
    let op = ModOp::CloseReport {
        id: id_of(&id)?,
        resolved: false,
        note: req.note,
    };
    report_of(execute(&node, &me, Op::Moderate(op)).await?)
}

async fn note(
    State(node): State<Node>,
    Me(me): Me,
    Path(id): Path<String>,
    Body(req): Body<NoteText>,
) -> ApiResult<Json<Report>> {
    let op = ModOp::NoteReport {
        id: id_of(&id)?,
        body: req.body,
    };
    report_of(execute(&node, &me, Op::Moderate(op)).await?)
}

// --- automod -----------------------------------------------------------------------------------------------------

/// Admins manage every rule; a channel's moderators the rules of their channel.
async fn may_manage_rule(node: &Node, me: &Authed, spec: &AutomodRuleSpec) -> ApiResult<()> {
    let standing = match spec.conversation {
        Some(id) => channel_standing(node, me, id).await?,
        None => Standing::Global,
    };
    policy::check(me.role(), standing, Power::Automod)?;
    Ok(())
}

async fn automod_rules(State(node): State<Node>, Me(me): Me) -> ApiResult<Json<Vec<AutomodRule>>> {
    let store = node.session.hub.store();
    let rules = store.automod_rules().await.map_err(internal)?;
    if me.role().is_staff() {
        return Ok(Json(rules));
    }
    let mine = store
        .moderated_channels(me.user.id)
        .await
        .map_err(internal)?;
    if mine.is_empty() {
        return Err(ErrorCode::Forbidden.into());
    }
    Ok(Json(
        rules
            .into_iter()
            .filter(|r| r.spec.conversation.is_some_and(|c| mine.contains(&c)))
            .collect(),
    ))
}

async fn save_rule(
    node: &Node,
    me: &Authed,
    id: Option<i64>,
    spec: AutomodRuleSpec,
) -> ApiResult<AutomodRule> {
    crate::moderation::automod::validate(&spec)?;
    may_manage_rule(node, me, &spec).await?;
    let store = node.session.hub.store();
    if let Some(id) = id {
        let old = store
            .automod_rule(id)
            .await
            .map_err(internal)?
            .ok_or(ErrorCode::NotFound)?;
        may_manage_rule(node, me, &old.spec).await?;
    }
    let now = crate::now_ms();
    let saved = store
        .save_automod_rule(id, &spec, me.user.id, now)
        .await
        .map_err(internal)?
        .ok_or(ErrorCode::NotFound)?;
    audit_rule(
        node,
        me,
        if id.is_some() {
            "automod.update"
        } else {
            "automod.create"
        },
        saved,
        &spec,
    )
    .await?;
    node.session.hub.reload_automod().await.map_err(internal)?;
    store
        .automod_rule(saved)
        .await
        .map_err(internal)?
        .ok_or_else(|| ErrorCode::Internal.into())
}

async fn audit_rule(
    node: &Node,
    me: &Authed,
    action: &str,
    id: i64,
    spec: &AutomodRuleSpec,
) -> ApiResult<()> {
    node.session
        .hub
        .store()
        .append_audit(&NewAudit {
            actor: me.user.id,
            action,
            target_kind: "automod_rule",
            target_id: id,
            reason: "",
            details: serde_json::to_value(spec).unwrap_or_default(),
            conversation: spec.conversation,
            at: crate::now_ms(),
        })
        .await
        .map_err(internal)
}

async fn create_rule(
    State(node): State<Node>,
    Me(me): Me,
    Body(spec): Body<AutomodRuleSpec>,
) -> ApiResult<(StatusCode, Json<AutomodRule>)> {
    let rule = save_rule(&node, &me, None, spec).await?;
    Ok((StatusCode::CREATED, Json(rule)))
}

async fn update_rule(
    State(node): State<Node>,
    Me(me): Me,
    Path(id): Path<String>,
    Body(spec): Body<AutomodRuleSpec>,
) -> ApiResult<Json<AutomodRule>> {
    Ok(Json(save_rule(&node, &me, Some(id_of(&id)?), spec).await?))
}

async fn delete_rule(
    State(node): State<Node>,
    Me(me): Me,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    let id = id_of(&id)?;
    let store = node.session.hub.store();
    let rule = store
        .automod_rule(id)
        .await
        .map_err(internal)?
        .ok_or(ErrorCode::NotFound)?;
    may_manage_rule(&node, &me, &rule.spec).await?;
    store.delete_automod_rule(id).await.map_err(internal)?;
    audit_rule(&node, &me, "automod.delete", id, &rule.spec).await?;
    node.session.hub.reload_automod().await.map_err(internal)?;
    Ok(StatusCode::NO_CONTENT)
}

// --- logs --------------------------------------------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AuditQuery {
    /// An action (`moderation.ban`) or a family (`moderation`).
    action: Option<String>,
    actor: Option<i64>,
    target_kind: Option<String>,
    target_id: Option<i64>,
    conversation: Option<i64>,
    since: Option<i64>,
    until: Option<i64>,
    before: Option<i64>,
    limit: Option<u32>,
}

/// The audit log, for staff: every moderation action, role change, automod change and staff read of a
/// consultation, newest first, filtered.
async fn audit(
    State(node): State<Node>,
    Me(me): Me,
    q: Result<Query<AuditQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<Vec<AuditEntry>>> {
    let q = query(q)?;
    policy::check(me.role(), Standing::Global, Power::AuditLog)?;
    let entries = node
        .session
        .hub
        .store()
        .audit_entries(&AuditFilter {
            action: q.action,
            actor: q.actor.map(UserId),
            target_kind: q.target_kind,
            target_id: q.target_id,
            conversation: q.conversation.map(ConversationId),
            since: q.since,
            until: q.until,
            before: q.before,
            limit: q.limit.unwrap_or(100).clamp(1, 1000),
        })
        .await
        .map_err(internal)?;
    Ok(Json(entries))
}

/// A channel's moderation log: its members may read it when the channel keeps it public; its moderators and
/// staff always.
async fn modlog(
    State(node): State<Node>,
    Me(me): Me,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<ModLogEntry>>> {
    let id = ConversationId(id_of(&id)?);
    let hub = &node.session.hub;
    let summary = hub.summary(me.user.id, id).await?;
    if summary.kind != crate::protocol::ConversationKind::Channel {
        return Err(ErrorCode::NotFound.into());
    }
    let standing = channel_standing(&node, &me, id).await?;
    let allowed = policy::may(me.role(), standing, Power::AuditLog)
        || (summary.public_modlog && summary.joined);
    if !allowed {
        return Err(ErrorCode::Forbidden.into());
    }
    let entries = hub.store().modlog(id, 200).await.map_err(internal)?;
    Ok(Json(entries))
}

/// Pinned messages, most recently pinned first, for those who may read the conversation.
async fn pins(
    State(node): State<Node>,
    Me(me): Me,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<Message>>> {
    let id = ConversationId(id_of(&id)?);
    let hub = &node.session.hub;
    // Reading one history message checks the same access as reading the history.
    hub.history(me.user.id, id, None, None, Some(1)).await?;
    let store = hub.store();
    let mut out = Vec::new();
    for message in store.pins(id).await.map_err(internal)? {
        if let Some(m) = store.message(message).await.map_err(internal)? {
            out.push(m);
        }
    }
    Ok(Json(out))
}

// --- blocks ------------------------------------------------------------------------------------------------------

async fn blocks(State(node): State<Node>, Me(me): Me) -> ApiResult<Json<Vec<UserId>>> {
    let list = node
        .session
        .hub
        .store()
        .blocks(me.user.id)
        .await
        .map_err(internal)?;
    Ok(Json(list))
}

async fn set_block(node: &Node, me: &Authed, user: &str, on: bool) -> ApiResult<StatusCode> {
    let other = UserId(id_of(user)?);
    if other == me.user.id {
        return Err(Refusal::field("user").into());
    }
    let store = node.session.hub.store();
    if on && store.user(other).await.map_err(internal)?.is_none() {
        return Err(ErrorCode::NotFound.into());
    }
    store
        .set_block(me.user.id, other, on, crate::now_ms())
        .await
        .map_err(internal)?;
    Ok(StatusCode::NO_CONTENT)
}

async fn block(
    State(node): State<Node>,
    Me(me): Me,
    Path(user): Path<String>,
) -> ApiResult<StatusCode> {
    set_block(&node, &me, &user, true).await
}

async fn unblock(
    State(node): State<Node>,
    Me(me): Me,
    Path(user): Path<String>,
) -> ApiResult<StatusCode> {
    set_block(&node, &me, &user, false).await
}
