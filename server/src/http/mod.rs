//! The only module that names axum: the router, the WebSocket upgrade, static files, `/l10n`, `/api/v1`,
//! health and metrics.

mod api;
mod consult_api;
mod front;
mod moderation_api;
mod wire;
mod ws;

pub(crate) use front::serve;

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use metrics_exporter_prometheus::PrometheusHandle;
use tokio_util::task::TaskTracker;

use crate::auth::{self, Authed, Hasher};
use crate::i18n::{I18n, WEB_FILES};
use crate::protocol::{ErrorCode, Refusal};
use crate::session::SessionCtx;

/// What every handler can reach. Cheap to clone.
#[derive(Clone)]
pub struct Node {
    /// The hub, translations, shutdown token and limits, shared with every session.
    pub session: SessionCtx,
    pub hasher: Hasher,
    /// Session tasks, so that shutdown waits for their close handshakes.
    pub tracker: TaskTracker,
    /// Origins allowed to open WebSockets besides the page's own.
    pub allowed_origins: Arc<Vec<String>>,
    /// Failed logins and registrations per account and address, for their backoff; locked for a few lines.
    pub auth_limits: Arc<Mutex<crate::moderation::throttle::AuthLimits>>,
    pub metrics: PrometheusHandle,
}

/// Builds the router.
fn router(node: Node) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .route("/ws", get(ws::upgrade))
        .route("/l10n", get(l10n_index))
        .route("/l10n/{lang}/{file}", get(l10n_file))
        .nest(
            "/api/v1",
            api::routes()
                .merge(consult_api::routes())
                .merge(moderation_api::routes()),
        )
        .fallback(get(static_file))
        .layer(middleware::from_fn_with_state(node.clone(), render_errors))
        .layer(axum::extract::DefaultBodyLimit::max(64 * 1024))
        .with_state(node)
}

async fn healthz() -> &'static str {
    "ok"
}

async fn readyz(State(node): State<Node>) -> Response {
    let hub = &node.session.hub;
    if let Err(error) = hub.store().ping().await {
        tracing::warn!(%error, "readiness check failed");
        return (StatusCode::SERVICE_UNAVAILABLE, "database unreachable").into_response();
    }
    if !hub.bus_ready().await {
        tracing::warn!("readiness check failed: Redis does not answer");
        return (StatusCode::SERVICE_UNAVAILABLE, "redis unreachable").into_response();
    }
    "ready".into_response()
}

async fn metrics(State(node): State<Node>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        node.metrics.render(),
    )
        .into_response()
}

/// `GET /l10n`: the shipped locales and their files.
async fn l10n_index(State(node): State<Node>) -> Response {
    let locales: Vec<serde_json::Value> = node
        .session
        .i18n
        .tags()
        .iter()
        .map(|tag| serde_json::json!({ "locale": tag, "files": I18n::files(tag) }))
        .collect();
    axum::Json(serde_json::json!({ "default": crate::i18n::DEFAULT_LOCALE, "locales": locales }))
        .into_response()
}

async fn l10n_file(
    axum::extract::Path((lang, file)): axum::extract::Path<(String, String)>,
) -> Response {
    match I18n::file(&lang, &file) {
        Some(source) => (
            [
                (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            source,
        )
            .into_response(),
        None => ApiError(ErrorCode::NotFound.into()).into_response(),
    }
}

/// The embedded web client (built by `server/build.rs`). Unknown paths get `index.html`, so client-side routes work
/// on reload.
async fn static_file(uri: axum::http::Uri) -> Response {
    let path = uri.path().trim_start_matches('/');
    let path = if path.is_empty() { "index.html" } else { path };
    let found = WEB_FILES
        .iter()
        .find(|(p, _)| *p == path)
        .or_else(|| WEB_FILES.iter().find(|(p, _)| *p == "index.html"));
    let Some((name, body)) = found else {
        return (
            StatusCode::NOT_FOUND,
            "the web client is not built into this binary",
        )
            .into_response();
    };
    let mut response = (*body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(name)),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
        ),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // Vite names each built asset after its content: it never changes under its name. The page itself is checked
    // on every load so that a new release is picked up.
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if name.starts_with("assets/") {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        }),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("json") => "application/json",
        Some("ftl" | "txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// An API error on its way out: rendered into the JSON error body by [`render_errors`], in the caller's language.
#[derive(Debug)]
pub struct ApiError(pub Refusal);

impl From<Refusal> for ApiError {
    fn from(refusal: Refusal) -> Self {
        ApiError(refusal)
    }
}

impl From<ErrorCode> for ApiError {
    fn from(code: ErrorCode) -> Self {
        ApiError(code.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.0.code.http_status())
            .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = status.into_response();
        response.extensions_mut().insert(self.0);
        response
    }
}

/// The locale setting of the person a request authenticated as, filled in by the [`Me`] extractor so that
/// errors render in their language.
#[derive(Clone, Default)]
struct UserLocale(Arc<Mutex<Option<String>>>);

/// Renders [`ApiError`]s: negotiates the caller's locale (their setting, then `Accept-Language`).
async fn render_errors(State(node): State<Node>, mut request: Request, next: Next) -> Response {
    let accept_language = header_str(request.headers(), header::ACCEPT_LANGUAGE).map(str::to_owned);
    let user_locale = UserLocale::default();
    request.extensions_mut().insert(user_locale.clone());
    let mut response = next.run(request).await;
    let Some(refusal) = response.extensions_mut().remove::<Refusal>() else {
        return response;
    };
    let setting = user_locale
        .0
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let locale = node
        .session
        .i18n
        .negotiate_header(accept_language.as_deref(), setting.as_deref());
    let body = node.session.i18n.error_body(&locale, None, refusal);
    let status = response.status();
    (status, axum::Json(body)).into_response()
}

pub(crate) fn header_str(headers: &HeaderMap, name: header::HeaderName) -> Option<&str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// The session token a request carries: the `Authorization: Bearer` header, else the session cookie.
pub(crate) fn request_token(headers: &HeaderMap) -> Option<String> {
    if let Some(bearer) =
        header_str(headers, header::AUTHORIZATION).and_then(|v| v.strip_prefix("Bearer "))
    {
        return Some(bearer.trim().to_owned());
    }
    cookie_token(headers)
}

pub(crate) fn cookie_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == auth::SESSION_COOKIE)
        .map(|(_, value)| value.to_owned())
}

/// The authenticated caller of an API request.
pub struct Me(pub Authed);

impl FromRequestParts<Node> for Me {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, node: &Node) -> Result<Self, Self::Rejection> {
        let token = request_token(&parts.headers).ok_or(ErrorCode::Unauthenticated)?;
        let authed = auth::authenticate(node.session.hub.store(), &token)
            .await
            .map_err(|e| ApiError(e.code().into()))?;
        if let Some(cell) = parts.extensions.get::<UserLocale>() {
            *cell.0.lock().unwrap_or_else(|e| e.into_inner()) = Some(authed.user.locale.clone());
        }
        Ok(Me(authed))
    }
}
