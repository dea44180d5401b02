//! `/ws`: the WebSocket upgrade — the request's checks, the answer, and the socket handed to a session task behind
//! the transport-neutral [`WsIn`]/[`WsOut`] interface.
//!
//! An upgrade arrives one of two ways. Nearly always it is the first request of its connection, and the node's
//! listener (`front.rs`) answers it here without HTTP machinery: [`open`] on the TCP stream itself. A second request
//! on a kept-alive connection comes through axum instead ([`upgrade`], hyper's upgraded stream). Both take the same
//! checks ([`check`]), learn the same things from the request ([`upgrade_of`]) and run the same session.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use hyper_util::rt::TokioIo;

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll, Wake, Waker, ready};
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;
use tokio_tungstenite::WebSocketStream;
use tokio_util::either::Either;
use tokio_util::task::TaskTracker;
use tungstenite::protocol::frame::CloseFrame;
use tungstenite::protocol::{Role, WebSocketConfig};
use tungstenite::{Message, Utf8Bytes};

use futures_util::task::AtomicWaker;
use futures_util::{Sink, SinkExt, Stream, StreamExt};

use super::wire::Io;
use super::{ApiError, Node, cookie_token, header_str};
use crate::auth;
use crate::protocol::{ErrorCode, Refusal};
use crate::session::{self, SessionCtx, Upgrade, WsIn, WsOut, WsReadError};

/// Checks an upgrade request: a WebSocket opening handshake (RFC 6455, 4.2.1) from an allowed origin. Answers the
/// `Sec-WebSocket-Accept` value, or what to refuse with: `invalid_field` naming the first header that is wrong
/// (400), or `forbidden` (403) for an origin that is not allowed.
pub(super) fn check(headers: &HeaderMap, allowed_origins: &[String]) -> Result<String, Refusal> {
    if !has_token(headers, header::CONNECTION, "upgrade") {
        return Err(Refusal::field("connection"));
    }
    if !has_token(headers, header::UPGRADE, "websocket") {
        return Err(Refusal::field("upgrade"));
    }
    if headers
        .get(header::SEC_WEBSOCKET_VERSION)
        .map(HeaderValue::as_bytes)
        != Some(b"13")
    {
        return Err(Refusal::field("sec-websocket-version"));
    }
    let Some(key) = headers.get(header::SEC_WEBSOCKET_KEY) else {
        return Err(Refusal::field("sec-websocket-key"));
    };
    if !origin_allowed(headers, allowed_origins) {
        return Err(ErrorCode::Forbidden.into());
    }
    Ok(tungstenite::handshake::derive_accept_key(key.as_bytes()))
}

/// Whether a comma-separated header (`Connection: keep-alive, Upgrade`) holds this token, in any case.
fn has_token(headers: &HeaderMap, name: header::HeaderName, token: &str) -> bool {
    headers
        .get_all(name)
        .iter()
        .flat_map(|value| value.as_bytes().split(|&b| b == b','))
        .any(|item| item.trim_ascii().eq_ignore_ascii_case(token.as_bytes()))
}

/// Same origin (the `Origin` matches the `Host` the request came to) or an exact entry of the allowlist.
/// No `Origin` at all: not a browser, allowed (browsers always send it on WebSocket upgrades).
fn origin_allowed(headers: &HeaderMap, allowed: &[String]) -> bool {
    let Some(origin) = header_str(headers, header::ORIGIN) else {
        return headers.get(header::ORIGIN).is_none();
    };
    if allowed.iter().any(|a| a == origin) {
        return true;
    }
    let Some(host) = header_str(headers, header::HOST) else {
        return false;
    };
    origin == format!("http://{host}") || origin == format!("https://{host}")
}

/// What the request tells the session: who the session cookie authenticates, if anyone, and the languages.
/// A bad or expired cookie is not an error yet: the client may still authenticate with a token in `hello`.
async fn upgrade_of(headers: &HeaderMap, ctx: &SessionCtx) -> Upgrade {
    let cookie_auth = match cookie_token(headers) {
        Some(token) => auth::authenticate(ctx.hub.store(), &token)
            .await
            .ok()
            .map(Box::new),
        None => None,
    };
    Upgrade {
        cookie_auth,
        accept_language: header_str(headers, header::ACCEPT_LANGUAGE).map(str::to_owned),
    }
}

/// A session built on its socket, ready to run for the connection's life.
pub(super) type Session = Pin<Box<dyn Future<Output = ()> + Send>>;

/// Runs a connection on the node's task tracker: first `prelude` (the request, the upgrade), then the session it
/// answers, if any. The prelude is boxed and freed before the session runs, so that a connection keeps nothing of
/// it: its largest state (reading a head, authenticating a cookie) would otherwise stay in the connection's task
/// as long as the connection lives, 1.5 KB more per idle connection (docs/benchmarks.md, 2026-12-07).
pub(super) fn spawn(
    tracker: &TaskTracker,
    prelude: impl Future<Output = Option<Session>> + Send + 'static,
) {
    let prelude = Box::pin(prelude);
    tracker.spawn(async move {
        if let Some(session) = prelude.await {
            session.await;
        }
    });
}

/// Answers an upgrade that [`check`] accepted on the connection the node's listener read it from, and builds the
/// session on it.
pub(super) async fn open(
    mut tcp: TcpStream,
    headers: HeaderMap,
    accept: String,
    ctx: SessionCtx,
) -> Option<Session> {
    let upgrade = upgrade_of(&headers, &ctx).await;
    drop(headers);
    let answer = format!(
        "HTTP/1.1 101 Switching Protocols\r\nconnection: upgrade\r\nupgrade: websocket\r\n\
         sec-websocket-accept: {accept}\r\n\r\n"
    );
    if let Err(error) = tcp.write_all(answer.as_bytes()).await {
        tracing::debug!(%error, "the client left during the upgrade");
        return None;
    }
    Some(session(Io::new(Either::Left(tcp)), ctx, upgrade).await)
}

/// `GET /ws` through axum: an upgrade that is not the first request of its connection, or one the listener left to
/// axum because it is refused (the refusal is rendered here, in the caller's language).
pub(super) async fn upgrade(State(node): State<Node>, mut request: Request) -> Response {
    let accept = match check(request.headers(), &node.allowed_origins) {
        Ok(accept) => accept,
        Err(refusal) => {
            tracing::info!(
                origin = ?header_str(request.headers(), header::ORIGIN),
                code = refusal.code.as_str(),
                "WebSocket upgrade refused"
            );
            return ApiError(refusal).into_response();
        }
    };
    let ctx = node.session.clone();
    let upgrade = upgrade_of(request.headers(), &ctx).await;
    let on_upgrade = hyper::upgrade::on(&mut request);
    spawn(&node.tracker, async move {
        match on_upgrade.await {
            Ok(upgraded) => Some(
                session(
                    Io::new(Either::Right(Box::new(TokioIo::new(upgraded)))),
                    ctx,
                    upgrade,
                )
                .await,
            ),
            Err(error) => {
                tracing::debug!(%error, "the upgrade did not complete");
                None
            }
        }
    });
    let mut response = StatusCode::SWITCHING_PROTOCOLS.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONNECTION, HeaderValue::from_static("upgrade"));
    headers.insert(header::UPGRADE, HeaderValue::from_static("websocket"));
    headers.insert(
        header::SEC_WEBSOCKET_ACCEPT,
        HeaderValue::try_from(accept).expect("base64 is a valid header value"),
    );
    response
}

/// The session of an upgraded connection.
async fn session(io: Io, ctx: SessionCtx, upgrade: Upgrade) -> Session {
    let max = ctx.limits.max_frame_bytes as usize;
    let config = WebSocketConfig::default()
        .max_message_size(Some(max))
        .max_frame_size(Some(max))
        // A small read buffer keeps idle connections cheap: a client's frames are small JSON (a message is 150 to
        // 300 bytes), and the buffer grows for a bigger one.
        .read_buffer_size(512)
        // What tungstenite frames itself (pings, pongs, the close frame) goes to the stream's queue at once, in
        // order with the text frames queued there (`wire.rs`); the queue gathers a turn's frames into one
        // vectored write when the session flushes.
        .write_buffer_size(0);
    let ws = WebSocketStream::from_raw_socket(io, Role::Server, Some(config)).await;
    session::run(adapt(ws), ctx, upgrade)
}

/// The WebSocket as the session's transport: frames mapped to [`WsIn`] and from [`WsOut`], and reads that skip
/// the socket until it has signalled.
///
/// The session polls its socket at the end of every turn of its loop, nearly always to hear that nothing came:
/// in a busy channel that is one turn per frame delivered, and each such poll went down through tungstenite and
/// the stream beneath to the runtime's readiness (3% of the node's core when a channel of 10,000 received a
/// message, docs/benchmarks.md, 2026-12-06, tenth). So the socket is polled with a waker of its own, which records
/// that the socket signalled before it wakes the task: until it has, `poll_next` answers `Pending` at once, the
/// task's waker kept to be woken then. After a frame the socket is polled again, as tungstenite may hold more.
struct Socket {
    ws: WebSocketStream<Io>,
    signal: Arc<Signal>,
}

/// Whether the socket has signalled since it last answered `Pending`, and the task to wake when it does.
struct Signal {
    signalled: AtomicBool,
    task: AtomicWaker,
}

impl Wake for Signal {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.signalled.store(true, Ordering::Release);
        self.task.wake();
    }
}

fn adapt(ws: WebSocketStream<Io>) -> Socket {
    Socket {
        ws,
        signal: Arc::new(Signal {
            // Nothing has been read yet: the first poll goes to the socket.
            signalled: AtomicBool::new(true),
            task: AtomicWaker::new(),
        }),
    }
}

impl Stream for Socket {
    type Item = Result<WsIn, WsReadError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.signal.task.register(cx.waker());
        // Cleared before polling: a signal that comes during the poll is kept for the next one.
        if !self.signal.signalled.swap(false, Ordering::AcqRel) {
            return Poll::Pending;
        }
        let waker = Waker::from(self.signal.clone());
        let frame = ready!(self.ws.poll_next_unpin(&mut Context::from_waker(&waker)));
        self.signal.signalled.store(true, Ordering::Release);
        Poll::Ready(frame.map(|frame| match frame {
            Ok(Message::Text(text)) => Ok(WsIn::Text(bytes::Bytes::from(text))),
            Ok(Message::Binary(_)) => Ok(WsIn::Binary),
            Ok(Message::Ping(_)) => Ok(WsIn::Ping),
            Ok(Message::Pong(_)) => Ok(WsIn::Pong),
            Ok(Message::Close(_)) => Ok(WsIn::Close),
            // Raw frames are what a writer may send; reading never yields one.
            Ok(Message::Frame(_)) => Ok(WsIn::Binary),
            Err(error) => Err(classify(error)),
        }))
    }
}

impl Sink<WsOut> for Socket {
    type Error = tungstenite::Error;

    fn poll_ready(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.ws.poll_ready_unpin(cx)
    }

    fn start_send(mut self: Pin<&mut Self>, out: WsOut) -> Result<(), Self::Error> {
        self.ws.start_send_unpin(match out {
            WsOut::Text(frame) => {
                self.ws.get_mut().queue_text(frame.into());
                return Ok(());
            }
            WsOut::Ping => Message::Ping(bytes::Bytes::new()),
            WsOut::Close(code, reason) => Message::Close(Some(CloseFrame {
                code: code.into(),
                reason: Utf8Bytes::from_static(reason),
            })),
        })
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.ws.poll_flush_unpin(cx)
    }

    fn poll_close(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.ws.poll_close_unpin(cx)
    }
}

fn classify(error: tungstenite::Error) -> WsReadError {
    match error {
        tungstenite::Error::Capacity(_) => WsReadError::TooBig,
        tungstenite::Error::Utf8(_) => WsReadError::InvalidUtf8,
        other => WsReadError::Other(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(origin: Option<&str>, host: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, host.parse().expect("valid header"));
        if let Some(origin) = origin {
            h.insert(header::ORIGIN, origin.parse().expect("valid header"));
        }
        h
    }

    #[test]
    fn origins_are_matched_exactly() {
        let allowed = vec!["https://engawa.example".to_owned()];
        assert!(origin_allowed(&headers(None, "127.0.0.1:8080"), &allowed));
        assert!(origin_allowed(
            &headers(Some("http://127.0.0.1:8080"), "127.0.0.1:8080"),
            &allowed
        ));
        assert!(origin_allowed(
            &headers(Some("https://engawa.example"), "127.0.0.1:8080"),
            &allowed
        ));
        for bad in [
            "https://evil.example",
            "null",
            "https://engawa.example.evil.example",
            "https://engawa.example:443",
            "http://127.0.0.1:8081",
            "http://127.0.0.1:8080.evil",
        ] {
            assert!(
                !origin_allowed(&headers(Some(bad), "127.0.0.1:8080"), &allowed),
                "{bad}"
            );
        }
    }

    /// A browser's handshake, as Firefox sends it (`keep-alive, Upgrade`), with RFC 6455's example key.
    fn handshake() -> HeaderMap {
        let mut h = headers(None, "127.0.0.1:8080");
        for (name, value) in [
            ("connection", "keep-alive, Upgrade"),
            ("upgrade", "websocket"),
            ("sec-websocket-version", "13"),
            ("sec-websocket-key", "dGhlIHNhbXBsZSBub25jZQ=="),
        ] {
            h.insert(name, value.parse().expect("valid header"));
        }
        h
    }

    #[test]
    fn a_handshake_is_checked_header_by_header() {
        assert_eq!(
            check(&handshake(), &[]).as_deref(),
            Ok("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        );
        let mut shouting = handshake();
        shouting.insert(header::CONNECTION, "UPGRADE".parse().expect("valid header"));
        shouting.insert(header::UPGRADE, "WebSocket".parse().expect("valid header"));
        assert!(check(&shouting, &[]).is_ok());
        for (name, value, field) in [
            ("connection", Some("keep-alive"), "connection"),
            ("connection", Some("upgraded"), "connection"),
            ("connection", None, "connection"),
            ("upgrade", Some("h2c"), "upgrade"),
            ("sec-websocket-version", Some("8"), "sec-websocket-version"),
            ("sec-websocket-version", None, "sec-websocket-version"),
            ("sec-websocket-key", None, "sec-websocket-key"),
        ] {
            let mut h = handshake();
            match value {
                Some(value) => h.insert(name, value.parse().expect("valid header")),
                None => h.remove(name),
            };
            assert_eq!(
                check(&h, &[]),
                Err(Refusal::field(field)),
                "{name}: {value:?}"
            );
        }
        let mut foreign = handshake();
        foreign.insert(
            header::ORIGIN,
            "https://evil.example".parse().expect("valid header"),
        );
        assert_eq!(check(&foreign, &[]), Err(ErrorCode::Forbidden.into()));
    }
}
