//! `GET /ws`: checks the Origin, authenticates a session cookie if there is one, upgrades, and hands the socket to
//! a session task behind the transport-neutral [`WsIn`]/[`WsOut`] interface.

use axum::extract::State;
use axum::extract::ws::{CloseFrame, Message, Utf8Bytes, WebSocket, WebSocketUpgrade};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll, Wake, Waker, ready};

use futures_util::task::AtomicWaker;
use futures_util::{Sink, SinkExt, Stream, StreamExt};

use super::{ApiError, Node, cookie_token, header_str};
use crate::auth;
use crate::protocol::ErrorCode;
use crate::session::{self, Upgrade, WsIn, WsOut, WsReadError};

pub(super) async fn upgrade(
    State(node): State<Node>,
    headers: HeaderMap,
    ws: WebSocketUpgrade,
) -> Response {
    if !origin_allowed(&headers, &node.allowed_origins) {
        tracing::info!(origin = ?header_str(&headers, header::ORIGIN), "WebSocket refused: origin not allowed");
        return ApiError(ErrorCode::Forbidden.into()).into_response();
    }
    // A bad or expired cookie is not an error yet: the client may still authenticate with a token in `hello`.
    let cookie_auth = match cookie_token(&headers) {
        Some(token) => auth::authenticate(node.session.hub.store(), &token, crate::now_ms())
            .await
            .ok()
            .map(Box::new),
        None => None,
    };
    let upgrade = Upgrade {
        cookie_auth,
        accept_language: header_str(&headers, header::ACCEPT_LANGUAGE).map(str::to_owned),
    };
    let max = node.session.limits.max_frame_bytes as usize;
    // Boxed: the upgrade's task keeps its callback's captures for as long as the connection lives.
    let pending = Box::new((node.session.clone(), upgrade, node.tracker.clone()));
    ws.max_message_size(max)
        .max_frame_size(max)
        // A small read buffer keeps idle connections cheap: a client's frames are small JSON (a message is 150 to
        // 300 bytes), and the buffer grows for a bigger one. The write buffer only grows as frames are queued, so
        // an idle connection keeps what its largest burst needed; the session flushes after each burst, and the
        // buffer gathers the burst's frames into few system calls (written early when it passes this size). In a
        // busy channel a burst is 64 events of about 330 bytes: at 8 KiB that took three writes, and the node's
        // capacity there was about 1.27 × lower than at 16 KiB or more (docs/benchmarks.md, 2026-12-06).
        .read_buffer_size(512)
        .write_buffer_size(16 * 1024)
        .on_upgrade(move |socket| {
            let (ctx, upgrade, tracker) = *pending;
            tracker.track_future(session::run(adapt(socket), ctx, upgrade))
        })
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

/// axum's WebSocket as the session's transport: frames mapped to [`WsIn`] and from [`WsOut`], and reads that skip
/// the socket until it has signalled.
///
/// The session polls its socket at the end of every turn of its loop, nearly always to hear that nothing came:
/// in a busy channel that is one turn per frame delivered, and each such poll went down through tungstenite and
/// hyper's upgraded stream to the runtime's readiness (3% of the node's core when a channel of 10,000 received a
/// message, docs/benchmarks.md, 2026-12-06, tenth). So the socket is polled with a waker of its own, which records
/// that the socket signalled before it wakes the task: until it has, `poll_next` answers `Pending` at once, the
/// task's waker kept to be woken then. After a frame the socket is polled again, as tungstenite may hold more.
struct Socket {
    ws: WebSocket,
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

fn adapt(ws: WebSocket) -> Socket {
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
            Err(error) => Err(classify(error)),
        }))
    }
}

impl Sink<WsOut> for Socket {
    type Error = axum::Error;

    fn poll_ready(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.ws.poll_ready_unpin(cx)
    }

    fn start_send(mut self: Pin<&mut Self>, out: WsOut) -> Result<(), Self::Error> {
        self.ws.start_send_unpin(match out {
            WsOut::Text(frame) => Message::Text(frame),
            WsOut::Ping => Message::Ping(bytes::Bytes::new()),
            WsOut::Close(code, reason) => Message::Close(Some(CloseFrame {
                code,
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

fn classify(error: axum::Error) -> WsReadError {
    let inner = error.into_inner();
    match inner.downcast_ref::<tungstenite::Error>() {
        Some(tungstenite::Error::Capacity(_)) => WsReadError::TooBig,
        Some(tungstenite::Error::Utf8(_)) => WsReadError::InvalidUtf8,
        _ => WsReadError::Other(inner.to_string()),
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
}
