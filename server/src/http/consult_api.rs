//! `/api/v1` for consultations: topics, availability, helper profiles, consultations, queues, canned replies and
//! the audit log. Writes go through the hub's writer like the WebSocket frames; reads through the hub's views,
//! which decide privacy and audit staff reads.

use axum::Json;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::{delete, get, patch};
use serde::Deserialize;

use super::api::{ApiResult, Body, id_of};
use super::{Me, Node, header_str};
use crate::auth::Authed;
use crate::hub::Op;
use crate::hub::consult::ConsultOp;
use crate::protocol::{
    AckResult, AvailabilityAnswer, CannedReply, Consultation, ConsultationState, ConversationId,
    ErrorCode, HelperProfile, HelperUpdate, NewCannedReply, OpenConsultationRequest, QueueView,
    Refusal, Role, Topic, TopicId, TopicUpdate,
};
use crate::store::{ConsultFilter, TopicRow};

pub(super) fn routes() -> Router<Node> {
    Router::new()
        .route("/topics", get(topics).post(create_topic))
        .route("/topics/{id}", patch(update_topic))
        .route("/topics/{id}/availability", get(availability))
        .route("/helpers/me", get(helper).put(update_helper))
        .route("/consultations", get(consultations).post(open))
        .route("/consultations/{id}", get(consultation))
        .route("/queues", get(queues))
        .route("/canned", get(canned).post(create_canned))
        .route("/canned/{id}", delete(delete_canned))
}

/// The reader's languages for topic names: their setting, then `Accept-Language`.
fn reader_locale(node: &Node, me: &Authed, headers: &HeaderMap) -> crate::i18n::Locale {
    node.session.i18n.negotiate_header(
        header_str(headers, header::ACCEPT_LANGUAGE),
        Some(me.user.locale.as_str()),
    )
}

fn query<T>(q: Result<Query<T>, axum::extract::rejection::QueryRejection>) -> Result<T, Refusal> {
    q.map(|Query(q)| q).map_err(|_| Refusal::field("query"))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicsQuery {
    /// Admins: inactive topics too.
    #[serde(default)]
    all: bool,
}

async fn topics(
    State(node): State<Node>,
    Me(me): Me,
    headers: HeaderMap,
    q: Result<Query<TopicsQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<Vec<Topic>>> {
    let q = query(q)?;
    let locale = reader_locale(&node, &me, &headers);
    let all = q.all && me.role() == Role::Admin;
    Ok(Json(node.session.hub.topics(&[locale.tag()], all).await?))
}

/// Applies an update to a topic, checking every field.
fn apply_topic(t: &mut TopicRow, u: TopicUpdate) -> Result<(), Refusal> {
    let texts_ok = |m: &std::collections::BTreeMap<String, String>, max: usize| {
        m.len() <= 32
            && m.iter().all(|(k, v)| {
                crate::hub::rules::check_lang(k).is_ok()
                    && !v.trim().is_empty()
                    && v.chars().count() <= max
            })
    };
    if let Some(key) = u.key {
        let ok = (2..=32).contains(&key.len())
            && key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !ok {
            return Err(Refusal::field("key"));
        }
        t.key = key;
    }
    if let Some(names) = u.names {
        if !texts_ok(&names, 80) || !names.contains_key("en") {
            return Err(Refusal::field("names"));
        }
        t.names = names;
    }
    if let Some(descriptions) = u.descriptions {
        if !texts_ok(&descriptions, 500) {
            return Err(Refusal::field("descriptions"));
        }
        t.descriptions = descriptions;
    }
    if let Some(routing) = u.routing {
        t.routing = routing;
    }
    if let Some(hours) = u.hours {
        if !crate::consult::hours_valid(&hours) {
            return Err(Refusal::field("hours"));
        }
        t.hours = hours;
    }
    if let Some(active) = u.active {
        t.active = active;
    }
    Ok(())
}

async fn save_topic(
    node: &Node,
    me: &Authed,
    mut row: TopicRow,
    u: TopicUpdate,
) -> ApiResult<Topic> {
    if me.role() != Role::Admin {
        return Err(ErrorCode::Forbidden.into());
    }
    apply_topic(&mut row, u)?;
    if row.key.is_empty() {
        return Err(Refusal::field("key").into());
    }
    if !row.names.contains_key("en") {
        return Err(Refusal::field("names").into());
    }
    let store = node.session.hub.store();
    let id = store
        .save_topic(&row, crate::now_ms())
        .await
        .map_err(crate::hub::internal)?
        .ok_or_else(|| Refusal::field("key"))?;
    let saved = store
        .topic(id)
        .await
        .map_err(crate::hub::internal)?
        .ok_or(ErrorCode::NotFound)?;
    Ok(saved.view(&[me.user.locale.as_str()]))
}

async fn create_topic(
    State(node): State<Node>,
    Me(me): Me,
    Body(req): Body<TopicUpdate>,
) -> ApiResult<(StatusCode, Json<Topic>)> {
    let row = TopicRow {
        id: TopicId(0),
        key: String::new(),
        names: Default::default(),
        descriptions: Default::default(),
        routing: crate::protocol::Routing::Both,
        hours: Vec::new(),
        active: true,
    };
    let topic = save_topic(&node, &me, row, req).await?;
    Ok((StatusCode::CREATED, Json(topic)))
}

async fn update_topic(
    State(node): State<Node>,
    Me(me): Me,
    Path(id): Path<String>,
    Body(req): Body<TopicUpdate>,
) -> ApiResult<Json<Topic>> {
    let row = node
        .session
        .hub
        .store()
        .topic(TopicId(id_of(&id)?))
        .await
        .map_err(crate::hub::internal)?
        .ok_or(ErrorCode::NotFound)?;
    Ok(Json(save_topic(&node, &me, row, req).await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AvailabilityQuery {
    /// Comma-separated, preferred first.
    languages: String,
}

async fn availability(
    State(node): State<Node>,
    Me(me): Me,
    headers: HeaderMap,
    Path(id): Path<String>,
    q: Result<Query<AvailabilityQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<AvailabilityAnswer>> {
    let q = query(q)?;
    let languages: Vec<String> = q
        .languages
        .split(',')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    let locale = reader_locale(&node, &me, &headers);
    let mut answer = node
        .session
        .hub
        .availability(TopicId(id_of(&id)?), &languages, &[locale.tag()])
        .await?;
    let n = &mut answer.notice;
    n.text = node.session.i18n.render(&locale, &n.id, &n.args);
    Ok(Json(answer))
}

async fn helper(State(node): State<Node>, Me(me): Me) -> ApiResult<Json<HelperProfile>> {
    let profile = node.session.hub.helper_profile(me.user.id).await?;
    Ok(Json(profile.ok_or(ErrorCode::NotFound)?))
}

async fn update_helper(
    State(node): State<Node>,
    Me(me): Me,
    Body(req): Body<HelperUpdate>,
) -> ApiResult<Json<HelperProfile>> {
    let hub = &node.session.hub;
    hub.execute(me.user.id, Op::Consult(ConsultOp::SetHelper(req)))
        .await?;
    let profile = hub.helper_profile(me.user.id).await?;
    Ok(Json(profile.ok_or(ErrorCode::Internal)?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConsultationsQuery {
    state: Option<ConsultationState>,
    topic: Option<i64>,
    /// Text in the first message, any message or the summary.
    q: Option<String>,
    /// Staff: every consultation (audited), not only their own.
    #[serde(default)]
    all: bool,
    limit: Option<u32>,
}

async fn consultations(
    State(node): State<Node>,
    Me(me): Me,
    q: Result<Query<ConsultationsQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<Vec<Consultation>>> {
    let q = query(q)?;
    if q.all && !me.role().is_staff() {
        return Err(ErrorCode::Forbidden.into());
    }
    let filter = ConsultFilter {
        party: None,
        state: q.state,
        topic: q.topic.map(TopicId),
        text: q.q.filter(|t| !t.trim().is_empty()),
        open_only: false,
        limit: q.limit.unwrap_or(50).clamp(1, 200),
    };
    Ok(Json(
        node.session
            .hub
            .consultations(me.user.id, filter, q.all)
            .await?,
    ))
}

async fn open(
    State(node): State<Node>,
    Me(me): Me,
    Body(req): Body<OpenConsultationRequest>,
) -> ApiResult<(StatusCode, Json<AckResult>)> {
    let op = Op::Consult(ConsultOp::Open {
        topic: req.topic,
        languages: req.languages,
        client_id: req.client_id,
        body: req.body,
        wait: req.wait,
    });
    let ack = node.session.hub.execute(me.user.id, op).await?;
    Ok((StatusCode::CREATED, Json(ack)))
}

async fn consultation(
    State(node): State<Node>,
    Me(me): Me,
    Path(id): Path<String>,
) -> ApiResult<Json<Consultation>> {
    let id = ConversationId(id_of(&id)?);
    Ok(Json(
        node.session.hub.consultation(me.user.id, id, false).await?,
    ))
}

async fn queues(State(node): State<Node>, Me(me): Me) -> ApiResult<Json<Vec<QueueView>>> {
    Ok(Json(node.session.hub.queues(me.user.id).await?))
}

async fn canned(State(node): State<Node>, Me(me): Me) -> ApiResult<Json<Vec<CannedReply>>> {
    if !me.role().may_help() {
        return Err(ErrorCode::NotHelper.into());
    }
    let list = node
        .session
        .hub
        .store()
        .canned_replies()
        .await
        .map_err(crate::hub::internal)?;
    Ok(Json(list))
}

async fn create_canned(
    State(node): State<Node>,
    Me(me): Me,
    Body(req): Body<NewCannedReply>,
) -> ApiResult<(StatusCode, Json<CannedReply>)> {
    if !me.role().is_staff() {
        return Err(ErrorCode::Forbidden.into());
    }
    let title = req.title.trim();
    if title.is_empty() || title.chars().count() > 80 {
        return Err(Refusal::field("title").into());
    }
    let max = node.session.limits.max_body_chars as usize;
    let variants_ok = req.variants.contains_key("en")
        && req.variants.len() <= 32
        && req.variants.iter().all(|(k, v)| {
            crate::hub::rules::check_lang(k).is_ok()
                && !v.trim().is_empty()
                && v.chars().count() <= max
        });
    if !variants_ok {
        return Err(Refusal::field("variants").into());
    }
    let store = node.session.hub.store();
    if let Some(topic) = req.topic {
        store
            .topic(topic)
            .await
            .map_err(crate::hub::internal)?
            .ok_or_else(|| Refusal::field("topic"))?;
    }
    let mut reply = CannedReply {
        id: 0,
        topic: req.topic,
        title: title.to_owned(),
        variants: req.variants,
    };
    reply.id = store
        .insert_canned(&reply, me.user.id, crate::now_ms())
        .await
        .map_err(crate::hub::internal)?;
    Ok((StatusCode::CREATED, Json(reply)))
}

async fn delete_canned(
    State(node): State<Node>,
    Me(me): Me,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    if !me.role().is_staff() {
        return Err(ErrorCode::Forbidden.into());
    }
    let deleted = node
        .session
        .hub
        .store()
        .delete_canned(id_of(&id)?)
        .await
        .map_err(crate::hub::internal)?;
    if deleted {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ErrorCode::NotFound.into())
    }
}
