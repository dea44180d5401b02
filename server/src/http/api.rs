//! `/api/v1`: accounts, people, conversations and messages over HTTP. Writes go through the same hub operations
//! as the WebSocket, so both paths obey the same rules and produce the same events.

use axum::Json;
use axum::Router;
use axum::extract::rejection::JsonRejection;

use axum::extract::{ConnectInfo, FromRequest, Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, patch, post, put};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::front::Peer;
use super::{ApiError, Me, Node, header_str};
use crate::auth::{self, SESSION_COOKIE, SESSION_TTL_MS};
use crate::hub::{Op, Sessions};
use crate::protocol::{
    AckResult, ChangePasswordRequest, ChannelUpdate, ConversationId, ConversationSummary,
    DirectRequest, ErrorCode, HistoryPage, LoginRequest, MessageId, NewChannel, Profile,
    ProfileUpdate, Refusal, RegisterRequest, Role, RoleUpdate, SendRequest, Seq, SessionCreated,
    UserId, UserRef,
};
use crate::session::close;
use crate::store::NewUser;

pub(super) type ApiResult<T> = Result<T, ApiError>;

pub(super) fn routes() -> Router<Node> {
    Router::new()
        .route("/auth/register", post(register))
        .route("/auth/login", post(login))
        .route("/auth/logout", post(logout))
        .route("/auth/logout-all", post(logout_all))
        .route("/auth/password", post(change_password))
        .route("/me", get(me).patch(update_me))
        .route("/users", get(search_users))
        .route("/users/{id}", get(user))
        .route("/users/{id}/role", put(set_role))
        .route("/conversations", get(conversations))
        .route("/conversations/{id}", get(conversation))
        .route("/conversations/{id}/messages", get(history).post(send))
        .route("/conversations/{id}/read", post(mark_read))
        .route("/conversations/{id}/leave", post(leave))
        .route("/messages/{id}", patch(edit).delete(delete))
        .route("/messages/{id}/edits", get(edits))
        .route(
            "/messages/{id}/reactions/{emoji}",
            put(react).delete(unreact),
        )
        .route("/channels", get(channels).post(create_channel))
        .route("/channels/{id}", patch(update_channel))
        .route("/channels/{id}/join", post(join))
        .route("/channels/{id}/invite", post(invite))
        .route(
            "/channels/{id}/moderators/{user}",
            put(add_moderator).delete(remove_moderator),
        )
        .route("/direct", post(open_direct))
        .fallback(|| async { ApiError::from(ErrorCode::NotFound) })
}

/// A JSON body whose rejections become protocol errors (`invalid_json`, `invalid_message`).
pub(super) struct Body<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Body<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(value)) => Ok(Body(value)),
            Err(JsonRejection::JsonSyntaxError(_)) => Err(ErrorCode::InvalidJson.into()),
            Err(rejection) => Err(Refusal::from(ErrorCode::InvalidMessage)
                .arg("detail", rejection.body_text())
                .into()),
        }
    }
}

/// A path id that is a number, or `not_found`.
pub(super) fn id_of(raw: &str) -> ApiResult<i64> {
    raw.parse::<i64>().map_err(|_| ErrorCode::NotFound.into())
}

// --- accounts ----------------------------------------------------------------------------------------------------

/// The node's login and registration limits, locked for a few lines.
fn auth_limits(node: &Node) -> std::sync::MutexGuard<'_, crate::moderation::throttle::AuthLimits> {
    node.auth_limits.lock().unwrap_or_else(|e| e.into_inner())
}

fn rate_limited(seconds: u32) -> ApiError {
    Refusal::from(ErrorCode::RateLimited)
        .arg("seconds", i64::from(seconds))
        .into()
}

async fn register(
    State(node): State<Node>,
    ConnectInfo(Peer(peer)): ConnectInfo<Peer>,
    headers: HeaderMap,
    Body(req): Body<RegisterRequest>,
) -> ApiResult<Response> {
    let (username, key) = auth::normalize_username(&req.username)?;
    let display_name = check_display_name(&req.display_name)?;
    auth::check_password(&req.password)?;
    check_languages(&req.languages_spoken, "languages_spoken")?;
    check_languages(&req.languages_learning, "languages_learning")?;
    // Counted only once the request is valid, so that a form with a typo does not use up the allowance.
    auth_limits(&node)
        .register(&peer.ip().to_string(), crate::now_ms())
        .map_err(rate_limited)?;
    let locale = match req.locale.as_deref() {
        Some(tag) if node.session.i18n.is_shipped(tag) => tag.to_owned(),
        Some(_) => return Err(Refusal::field("locale").into()),
        None => node
            .session
            .i18n
            .negotiate_header(header_str(&headers, header::ACCEPT_LANGUAGE), None)
            .tag()
            .to_owned(),
    };
    let hash = node.hasher.hash(req.password).await?;
    let row = node
        .session
        .hub
        .store()
        .insert_user(&NewUser {
            username: &username,
            username_key: &key,
            display_name: &display_name,
            password_hash: &hash,
            role: Role::Member,
            locale: &locale,
            languages_spoken: &req.languages_spoken,
            languages_learning: &req.languages_learning,
            now: crate::now_ms(),
        })
        .await
        .map_err(crate::hub::internal)?
        .ok_or(ErrorCode::UsernameTaken)?;
    start_session(&node, row.profile, StatusCode::CREATED).await
}

async fn login(
    State(node): State<Node>,
    ConnectInfo(Peer(peer)): ConnectInfo<Peer>,
    Body(req): Body<LoginRequest>,
) -> ApiResult<Response> {
    let key = auth::normalize_username(&req.username)
        .map(|(_, key)| key)
        .unwrap_or_default();
    let address = peer.ip().to_string();
    auth_limits(&node)
        .login_allowed(&key, &address, crate::now_ms())
        .map_err(rate_limited)?;
    let row = node
        .session
        .hub
        .store()
        .login_row(&key)
        .await
        .map_err(crate::hub::internal)?;
    // Verify against a real hash even for unknown names, so that timing does not tell which names exist.
    let (hash, row) = match row {
        Some((row, hash)) => (hash, Some(row)),
        None => (DUMMY_HASH.to_owned(), None),
    };
    let matches = node.hasher.verify(req.password, hash).await?;
    let Some(row) = row.filter(|_| matches) else {
        auth_limits(&node).login_failed(&key, &address, crate::now_ms());
        return Err(ErrorCode::InvalidCredentials.into());
    };
    auth_limits(&node).login_succeeded(&key);
    if !row.active {
        return Err(ErrorCode::AccountDisabled.into());
    }
    let store = node.session.hub.store();
    if store
        .global_ban(row.profile.id, crate::now_ms())
        .await
        .map_err(crate::hub::internal)?
        .is_some()
    {
        return Err(Refusal::from(ErrorCode::Banned)
            .arg("scope", "global")
            .into());
    }
    start_session(&node, row.profile, StatusCode::OK).await
}

/// An Argon2id hash of a random password nobody knows, with the production parameters.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$4mPqbGd3Dc8Fh1X9kT4Gq0b5iVQnKk2yGmQ3cJxW7aU";

async fn start_session(node: &Node, user: Profile, status: StatusCode) -> ApiResult<Response> {
    let (token, hash) = auth::new_token();
    let now = crate::now_ms();
    node.session
        .hub
        .store()
        .insert_session(&hash, user.id, now, now + SESSION_TTL_MS)
        .await
        .map_err(crate::hub::internal)?;
    let cookie = format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}",
        SESSION_TTL_MS / 1000
    );
    let mut response = (status, Json(SessionCreated { user })).into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_str(&cookie).expect("a hex token makes a valid header value"),
    );
    Ok(response)
}

fn clear_cookie(mut response: Response) -> Response {
    response.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_static("engawa_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"),
    );
    response
}

async fn logout(State(node): State<Node>, Me(me): Me) -> ApiResult<Response> {
    node.session
        .hub
        .store()
        .delete_session(&me.token_hash)
        .await
        .map_err(crate::hub::internal)?;
    node.session.hub.kick(
        me.user.id,
        Sessions::Only(me.token_hash.clone()),
        close::SESSION_REVOKED,
    );
    Ok(clear_cookie(StatusCode::NO_CONTENT.into_response()))
}

async fn logout_all(State(node): State<Node>, Me(me): Me) -> ApiResult<Response> {
    node.session
        .hub
        .store()
        .delete_user_sessions(me.user.id, None)
        .await
        .map_err(crate::hub::internal)?;
    node.session
        .hub
        .kick(me.user.id, Sessions::All, close::SESSION_REVOKED);
    Ok(clear_cookie(StatusCode::NO_CONTENT.into_response()))
}

/// Changes the password and ends every other session of the person.
async fn change_password(
    State(node): State<Node>,
    ConnectInfo(Peer(peer)): ConnectInfo<Peer>,
    Me(me): Me,
    Body(req): Body<ChangePasswordRequest>,
) -> ApiResult<StatusCode> {
    auth::check_password(&req.new_password)?;
    // Guessing the current password from a stolen session is slowed like guessing it at login.
    let key = me.user.username.to_lowercase();
    let address = peer.ip().to_string();
    auth_limits(&node)
        .login_allowed(&key, &address, crate::now_ms())
        .map_err(rate_limited)?;
    let hash = node
        .session
        .hub
        .store()
        .password_hash(me.user.id)
        .await
        .map_err(crate::hub::internal)?
        .ok_or(ErrorCode::Unauthenticated)?;
    if !node.hasher.verify(req.current_password, hash).await? {
        auth_limits(&node).login_failed(&key, &address, crate::now_ms());
        return Err(ErrorCode::InvalidCredentials.into());
    }
    let hash = node.hasher.hash(req.new_password).await?;
    let store = node.session.hub.store();
    store
        .set_password_hash(me.user.id, &hash)
        .await
        .map_err(crate::hub::internal)?;
    store
        .delete_user_sessions(me.user.id, Some(&me.token_hash))
        .await
        .map_err(crate::hub::internal)?;
    node.session.hub.kick(
        me.user.id,
        Sessions::AllBut(me.token_hash.clone()),
        close::SESSION_REVOKED,
    );
    Ok(StatusCode::NO_CONTENT)
}

async fn me(Me(me): Me) -> Json<Profile> {
    Json(me.user)
}

async fn update_me(
    State(node): State<Node>,
    Me(me): Me,
    Body(req): Body<ProfileUpdate>,
) -> ApiResult<Json<Profile>> {
    let mut profile = me.user;
    if let Some(name) = req.display_name {
        profile.display_name = check_display_name(&name)?;
    }
    if let Some(locale) = req.locale {
        if !node.session.i18n.is_shipped(&locale) {
            return Err(Refusal::field("locale").into());
        }
        profile.locale = locale;
    }
    if let Some(langs) = req.languages_spoken {
        check_languages(&langs, "languages_spoken")?;
        profile.languages_spoken = langs;
    }
    if let Some(langs) = req.languages_learning {
        check_languages(&langs, "languages_learning")?;
        profile.languages_learning = langs;
    }
    let store = node.session.hub.store();
    store
        .update_profile(&profile)
        .await
        .map_err(crate::hub::internal)?;
    if let Some(hide) = req.hide_presence {
        store
            .set_hide_presence(profile.id, hide)
            .await
            .map_err(crate::hub::internal)?;
        // The people who share a conversation see the person go offline, or come back.
        node.session.hub.presence_refresh(profile.id).await?;
    }
    Ok(Json(profile))
}

/// A display name in NFC: 1 to 64 characters, no control, bidirectional or invisible formatting characters.
fn check_display_name(name: &str) -> ApiResult<String> {
    use unicode_normalization::UnicodeNormalization;
    let name: String = name.trim().nfc().collect();
    let count = name.chars().count();
    if count == 0 || count > 64 || crate::hub::rules::has_hidden_chars(&name) {
        return Err(Refusal::field("display_name").into());
    }
    Ok(name)
}

fn check_languages(langs: &[String], field: &str) -> ApiResult<()> {
    if langs.len() > 16
        || langs
            .iter()
            .any(|l| crate::hub::rules::check_lang(l).is_err())
    {
        return Err(Refusal::field(field).into());
    }
    Ok(())
}

// --- people ------------------------------------------------------------------------------------------------------

#[derive(Deserialize)]
struct SearchQuery {
    #[serde(default)]
    q: String,
}

async fn search_users(
    State(node): State<Node>,
    Me(_): Me,
    Query(query): Query<SearchQuery>,
) -> ApiResult<Json<Vec<Profile>>> {
    let people = node
        .session
        .hub
        .store()
        .search_users(query.q.trim(), 20)
        .await
        .map_err(crate::hub::internal)?;
    Ok(Json(people))
}

async fn user(
    State(node): State<Node>,
    Me(_): Me,
    Path(id): Path<String>,
) -> ApiResult<Json<Profile>> {
    let row = node
        .session
        .hub
        .store()
        .user(UserId(id_of(&id)?))
        .await
        .map_err(crate::hub::internal)?
        .filter(|row| row.active)
        .ok_or(ErrorCode::NotFound)?;
    Ok(Json(row.profile))
}

/// Admins change roles (not their own, so that the last admin cannot lock everyone out by accident).
async fn set_role(
    State(node): State<Node>,
    Me(me): Me,
    Path(id): Path<String>,
    Body(req): Body<RoleUpdate>,
) -> ApiResult<Json<Profile>> {
    let target = UserId(id_of(&id)?);
    if me.role() != Role::Admin || target == me.user.id {
        return Err(ErrorCode::Forbidden.into());
    }
    let store = node.session.hub.store();
    let before = store
        .user(target)
        .await
        .map_err(crate::hub::internal)?
        .ok_or(ErrorCode::NotFound)?
        .profile
        .role;
    if !store
        .set_role(target, req.role)
        .await
        .map_err(crate::hub::internal)?
    {
        return Err(ErrorCode::NotFound.into());
    }
    store
        .append_audit(&crate::store::NewAudit {
            actor: me.user.id,
            action: "role.change",
            target_kind: "user",
            target_id: target.0,
            reason: "",
            details: serde_json::json!({ "from": before, "to": req.role }),
            conversation: None,
            at: crate::now_ms(),
        })
        .await
        .map_err(crate::hub::internal)?;
    let row = store
        .user(target)
        .await
        .map_err(crate::hub::internal)?
        .ok_or(ErrorCode::NotFound)?;
    Ok(Json(row.profile))
}

// --- conversations -----------------------------------------------------------------------------------------------

async fn conversations(
    State(node): State<Node>,
    Me(me): Me,
) -> ApiResult<Json<Vec<ConversationSummary>>> {
    let list = node
        .session
        .hub
        .store()
        .conversations_of(me.user.id)
        .await
        .map_err(crate::hub::internal)?;
    Ok(Json(list))
}

async fn conversation(
    State(node): State<Node>,
    Me(me): Me,
    Path(id): Path<String>,
) -> ApiResult<Json<ConversationSummary>> {
    Ok(Json(
        node.session
            .hub
            .summary(me.user.id, ConversationId(id_of(&id)?))
            .await?,
    ))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HistoryQuery {
    before: Option<Seq>,
    after: Option<Seq>,
    limit: Option<u32>,
}

async fn history(
    State(node): State<Node>,
    Me(me): Me,
    Path(id): Path<String>,
    query: Result<Query<HistoryQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<HistoryPage>> {
    let Query(query) = query.map_err(|_| Refusal::field("query"))?;
    let page = node
        .session
        .hub
        .history(
            me.user.id,
            ConversationId(id_of(&id)?),
            query.before,
            query.after,
            query.limit,
        )
        .await?;
    Ok(Json(page))
}

async fn execute(node: &Node, me: &crate::auth::Authed, op: Op) -> ApiResult<Json<AckResult>> {
    Ok(Json(node.session.hub.execute(me.user.id, op).await?))
}

async fn send(
    State(node): State<Node>,
    Me(me): Me,
    Path(id): Path<String>,
    Body(req): Body<SendRequest>,
) -> ApiResult<Json<AckResult>> {
    let op = Op::Send {
        conversation: ConversationId(id_of(&id)?),
        client_id: req.client_id,
        body: req.body,
        lang: req.lang,
        reply_to: req.reply_to,
        over_rate: None,
    };
    execute(&node, &me, op).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReadRequest {
    seq: Seq,
}

async fn mark_read(
    State(node): State<Node>,
    Me(me): Me,
    Path(id): Path<String>,
    Body(req): Body<ReadRequest>,
) -> ApiResult<Json<serde_json::Value>> {
    let (seq, unread, mentions) = node
        .session
        .hub
        .mark_read(me.user.id, ConversationId(id_of(&id)?), req.seq)
        .await?;
    Ok(Json(
        serde_json::json!({ "seq": seq, "unread": unread, "mentions": mentions }),
    ))
}

async fn leave(
    State(node): State<Node>,
    Me(me): Me,
    Path(id): Path<String>,
) -> ApiResult<Json<AckResult>> {
    let conversation = ConversationId(id_of(&id)?);
    execute(&node, &me, Op::Leave { conversation }).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EditRequest {
    body: String,
    #[serde(default)]
    lang: Option<String>,
}

async fn edit(
    State(node): State<Node>,
    Me(me): Me,
    Path(id): Path<String>,
    Body(req): Body<EditRequest>,
) -> ApiResult<Json<AckResult>> {
    let op = Op::Edit {
        message: MessageId(id_of(&id)?),
        body: req.body,
        lang: req.lang,
    };
    execute(&node, &me, op).await
}

async fn delete(
    State(node): State<Node>,
    Me(me): Me,
    Path(id): Path<String>,
) -> ApiResult<Json<AckResult>> {
    let message = MessageId(id_of(&id)?);
    execute(&node, &me, Op::Delete { message }).await
}

/// The earlier versions of a message, for the members of its conversation; none once it is deleted.
async fn edits(
    State(node): State<Node>,
    Me(me): Me,
    Path(id): Path<String>,
) -> ApiResult<Json<serde_json::Value>> {
    let id = MessageId(id_of(&id)?);
    let store = node.session.hub.store();
    let message = store
        .message(id)
        .await
        .map_err(crate::hub::internal)?
        .ok_or(ErrorCode::NotFound)?;
    if !store
        .is_member(message.conversation, me.user.id)
        .await
        .map_err(crate::hub::internal)?
    {
        return Err(ErrorCode::NotFound.into());
    }
    if message.deleted {
        return Err(ErrorCode::MessageDeleted.into());
    }
    let versions: Vec<serde_json::Value> = store
        .edits(id)
        .await
        .map_err(crate::hub::internal)?
        .into_iter()
        .map(|(body, lang, replaced_at)| serde_json::json!({ "body": body, "lang": lang, "replaced_at": replaced_at }))
        .collect();
    Ok(Json(
        serde_json::json!({ "message": id, "versions": versions }),
    ))
}

async fn react(
    State(node): State<Node>,
    Me(me): Me,
    Path((id, emoji)): Path<(String, String)>,
) -> ApiResult<Json<AckResult>> {
    let op = Op::React {
        message: MessageId(id_of(&id)?),
        emoji,
        add: true,
    };
    execute(&node, &me, op).await
}

async fn unreact(
    State(node): State<Node>,
    Me(me): Me,
    Path((id, emoji)): Path<(String, String)>,
) -> ApiResult<Json<AckResult>> {
    let op = Op::React {
        message: MessageId(id_of(&id)?),
        emoji,
        add: false,
    };
    execute(&node, &me, op).await
}

// --- channels and direct conversations ---------------------------------------------------------------------------

async fn channels(
    State(node): State<Node>,
    Me(me): Me,
) -> ApiResult<Json<Vec<ConversationSummary>>> {
    let list = node
        .session
        .hub
        .store()
        .discover_channels(me.user.id)
        .await
        .map_err(crate::hub::internal)?;
    Ok(Json(list))
}

async fn create_channel(
    State(node): State<Node>,
    Me(me): Me,
    Body(req): Body<NewChannel>,
) -> ApiResult<(StatusCode, Json<AckResult>)> {
    let op = Op::CreateChannel {
        name: req.name,
        topic: req.topic,
        visibility: req.visibility,
        languages: req.languages,
    };
    Ok((StatusCode::CREATED, execute(&node, &me, op).await?))
}

async fn update_channel(
    State(node): State<Node>,
    Me(me): Me,
    Path(id): Path<String>,
    Body(req): Body<ChannelUpdate>,
) -> ApiResult<Json<AckResult>> {
    let op = Op::UpdateChannel {
        conversation: ConversationId(id_of(&id)?),
        topic: req.topic,
        languages: req.languages,
        public_modlog: req.public_modlog,
    };
    execute(&node, &me, op).await
}

async fn join(
    State(node): State<Node>,
    Me(me): Me,
    Path(id): Path<String>,
) -> ApiResult<Json<AckResult>> {
    let conversation = ConversationId(id_of(&id)?);
    execute(&node, &me, Op::Join { conversation }).await
}

async fn invite(
    State(node): State<Node>,
    Me(me): Me,
    Path(id): Path<String>,
    Body(req): Body<UserRef>,
) -> ApiResult<Json<AckResult>> {
    let op = Op::Invite {
        conversation: ConversationId(id_of(&id)?),
        user: req.user,
    };
    execute(&node, &me, op).await
}

async fn add_moderator(
    State(node): State<Node>,
    Me(me): Me,
    Path((id, user)): Path<(String, String)>,
) -> ApiResult<Json<AckResult>> {
    set_moderator(node, me, id, user, true).await
}

async fn remove_moderator(
    State(node): State<Node>,
    Me(me): Me,
    Path((id, user)): Path<(String, String)>,
) -> ApiResult<Json<AckResult>> {
    set_moderator(node, me, id, user, false).await
}

async fn set_moderator(
    node: Node,
    me: crate::auth::Authed,
    id: String,
    user: String,
    moderator: bool,
) -> ApiResult<Json<AckResult>> {
    let op = Op::SetModerator {
        conversation: ConversationId(id_of(&id)?),
        user: UserId(id_of(&user)?),
        moderator,
    };
    execute(&node, &me, op).await
}

async fn open_direct(
    State(node): State<Node>,
    Me(me): Me,
    Body(req): Body<DirectRequest>,
) -> ApiResult<Json<AckResult>> {
    execute(&node, &me, Op::OpenDirect { users: req.users }).await
}
