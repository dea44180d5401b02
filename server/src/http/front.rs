//! The node's listener: accepts TCP connections, reads each one's first request head, and answers a WebSocket
//! upgrade to `/ws` itself (`ws::open`); every other connection goes on to axum, the bytes already read put back in
//! front of the stream, so that axum serves it exactly as if it had accepted it.
//!
//! In a connect storm the upgrade through hyper and axum (a connection task, the request and response types, a
//! second task for the upgraded stream, which is boxed behind a compatibility layer for the connection's whole life)
//! was about a quarter of the node's core (docs/benchmarks.md, 2026-12-06, eleventh). Here an upgrade is one parse of
//! its head, and the session's socket is the TCP stream itself.

use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::http::{HeaderMap, HeaderName, HeaderValue};
use bytes::{Buf, Bytes, BytesMut};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;

use super::{Node, router, ws};

/// The longest first request head the listener reads before leaving the connection to axum. A browser's upgrade,
/// cookie included, is well under 1 KiB.
const MAX_HEAD: usize = 8 * 1024;

/// How many headers the listener parses before leaving the connection to axum.
const MAX_HEADERS: usize = 32;

/// How long the listener waits for a connection's first request head before leaving the connection to axum (a
/// browser may open a connection ahead of the request it will carry). Nothing is closed for being slow here.
const HEAD_WAIT: Duration = Duration::from_secs(10);

/// Connections on their way to axum; axum's accept loop takes them at once.
const HANDOFF_QUEUE: usize = 1024;

/// Serves HTTP and WebSockets on `listener` until the node's shutdown token is cancelled, then stops accepting and
/// waits for axum's connections to end (sessions end on the token themselves; the node's task tracker holds them).
pub(crate) async fn serve(listener: TcpListener, node: Node) -> std::io::Result<()> {
    let (handoff, queue) = mpsc::channel(HANDOFF_QUEUE);
    let shutdown = node.session.shutdown.clone();
    let http = axum::serve(
        Handoff {
            queue,
            addr: listener.local_addr()?,
        },
        router(node.clone()).into_make_service_with_connect_info::<Peer>(),
    )
    .with_graceful_shutdown(shutdown.clone().cancelled_owned());
    let node = Arc::new(node);
    let accept = async move {
        loop {
            let accepted = tokio::select! {
                biased;
                () = shutdown.cancelled() => break,
                accepted = listener.accept() => accepted,
            };
            match accepted {
                Ok((tcp, peer)) => {
                    // Frames are small and latency matters: without TCP_NODELAY, Nagle's algorithm holds a frame
                    // back until the previous one is acknowledged, which a client's delayed ACK can stretch to 40 ms.
                    if let Err(error) = tcp.set_nodelay(true) {
                        tracing::debug!(%error, "cannot set TCP_NODELAY");
                    }
                    ws::spawn(
                        &node.tracker,
                        first_request(tcp, peer, node.clone(), handoff.clone()),
                    );
                }
                Err(error) => accept_failed(error).await,
            }
        }
    };
    let ((), served) = tokio::join!(accept, std::future::IntoFuture::into_future(http));
    served
}

/// As axum's own listener: a connection that failed before it was accepted is nobody's concern; anything else (the
/// process is out of file descriptors) is logged and waited out for a second.
async fn accept_failed(error: std::io::Error) {
    use std::io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    if matches!(
        error.kind(),
        ConnectionAborted | ConnectionRefused | ConnectionReset
    ) {
        return;
    }
    tracing::error!(%error, "accept failed");
    tokio::time::sleep(Duration::from_secs(1)).await;
}

/// Reads a connection's first request head, and answers the session of its WebSocket when it is an upgrade this
/// listener takes; any other connection goes on to axum.
async fn first_request(
    mut tcp: TcpStream,
    peer: SocketAddr,
    node: Arc<Node>,
    handoff: mpsc::Sender<(Replay, SocketAddr)>,
) -> Option<ws::Session> {
    let mut head = BytesMut::new();
    let upgrade = tokio::select! {
        () = node.session.shutdown.cancelled() => return None,
        read = tokio::time::timeout(HEAD_WAIT, read_head(&mut tcp, &mut head)) => match read {
            Ok(Ok(Some(headers))) => Some(headers),
            Ok(Ok(None)) | Err(_) => None,
            // Closed or failed before its first request was whole: nothing to answer.
            Ok(Err(_)) => return None,
        },
    };
    if let Some(headers) = upgrade {
        // A refused upgrade goes on to axum, which renders the refusal in the caller's language.
        if let Ok(accept) = ws::check(&headers, &node.allowed_origins) {
            return ws::open(tcp, headers, accept, node.session.clone()).await;
        }
    }
    // axum's listener is gone only when the node is stopping.
    let _ = handoff
        .send((
            Replay {
                head: head.freeze(),
                tcp,
            },
            peer,
        ))
        .await;
    None
}

/// Reads until the first request's head is whole (or too long, or not HTTP), and answers its headers if it is a
/// WebSocket upgrade to `/ws` over HTTP/1.1 with nothing after it; anything else is axum's.
async fn read_head(tcp: &mut TcpStream, head: &mut BytesMut) -> std::io::Result<Option<HeaderMap>> {
    head.reserve(1024);
    loop {
        if tcp.read_buf(head).await? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
        let mut request = httparse::Request::new(&mut headers);
        match request.parse(head) {
            Ok(httparse::Status::Complete(len)) => {
                let upgrade = request.method == Some("GET")
                    && request.version == Some(1)
                    && request.path.and_then(|p| p.split('?').next()) == Some("/ws")
                    && len == head.len();
                return Ok(upgrade.then(|| header_map(request.headers)).flatten());
            }
            Ok(httparse::Status::Partial) if head.len() < MAX_HEAD => {
                head.reserve(1024.min(MAX_HEAD - head.len()));
            }
            Ok(httparse::Status::Partial) | Err(_) => return Ok(None),
        }
    }
}

/// httparse's headers as a header map; `None` if one is not a valid header (axum then answers the request).
fn header_map(headers: &[httparse::Header<'_>]) -> Option<HeaderMap> {
    let mut map = HeaderMap::with_capacity(headers.len());
    for header in headers {
        map.append(
            HeaderName::from_bytes(header.name.as_bytes()).ok()?,
            HeaderValue::from_bytes(header.value).ok()?,
        );
    }
    Some(map)
}

/// A connection handed to axum: the bytes the listener read first, then the stream.
struct Replay {
    head: Bytes,
    tcp: TcpStream,
}

impl AsyncRead for Replay {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        if this.head.is_empty() {
            return Pin::new(&mut this.tcp).poll_read(cx, buf);
        }
        let n = this.head.len().min(buf.remaining());
        buf.put_slice(&this.head[..n]);
        this.head.advance(n);
        Poll::Ready(Ok(()))
    }
}

impl AsyncWrite for Replay {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.get_mut().tcp).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.get_mut().tcp).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.tcp.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().tcp).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().tcp).poll_shutdown(cx)
    }
}

/// The connections the listener leaves to axum, as axum's listener.
struct Handoff {
    queue: mpsc::Receiver<(Replay, SocketAddr)>,
    addr: SocketAddr,
}

impl axum::serve::Listener for Handoff {
    type Io = Replay;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Replay, SocketAddr) {
        match self.queue.recv().await {
            Some(connection) => connection,
            // The node's listener has stopped: so has axum's, at the same token.
            None => std::future::pending().await,
        }
    }

    fn local_addr(&self) -> std::io::Result<SocketAddr> {
        Ok(self.addr)
    }
}

/// The address a connection came from, as handlers read it (`ConnectInfo<Peer>`).
#[derive(Clone, Copy, Debug)]
pub(super) struct Peer(pub SocketAddr);

impl axum::extract::connect_info::Connected<axum::serve::IncomingStream<'_, Handoff>> for Peer {
    fn connect_info(stream: axum::serve::IncomingStream<'_, Handoff>) -> Peer {
        Peer(*stream.remote_addr())
    }
}
