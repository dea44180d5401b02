//! The load generator's side of each protocol: open a connection until it is ready to receive a room's messages,
//! write a send, and find the timestamp in what arrives.
//!
//! Every message body starts with a stamp, `@t<µs since the run's epoch>@s<step>@`, written when the pacer decides
//! the message is due (not when the socket is free), so queueing anywhere — load generator included — counts as
//! latency and a server that falls behind cannot hide it.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use anyhow::{Context, bail};
use futures_util::{SinkExt, StreamExt};
use tokio::net::{TcpSocket, TcpStream};
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;

pub type Ws = WebSocketStream<TcpStream>;

/// How a server is spoken to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// Engawa's protocol (`docs/protocol.md`): `hello` with a session token, `ready`, `send_message`, `event`.
    Engawa,
    /// The plain broadcast protocol of the bare server and the peers (`bench/peers/README.md`).
    Plain,
    /// Socket.IO 4 (Engine.IO 4) over its WebSocket transport.
    SocketIo,
}

/// A room as each dialect names it: plain servers by name, Engawa by conversation id.
#[derive(Debug, Clone)]
pub struct Room {
    pub name: String,
    pub id: i64,
}

/// Spreads connections over 127.0.0.2–127.0.0.201 so that 20,000 of them do not exhaust one address's ports.
fn source_addr(n: usize) -> SocketAddr {
    let host = 2 + (n % 200) as u8;
    SocketAddr::new(IpAddr::V4(Ipv4Addr::new(127, 0, 0, host)), 0)
}

/// How a connection is opened, besides its server and its person.
#[derive(Debug, Clone, Copy, Default)]
pub struct Opening {
    /// Shrinks the kernel's receive buffer, so that a reader that stops reading pushes back on the server within
    /// a second instead of after megabytes.
    pub small_receive_buffer: bool,
    /// Engawa: `hello` resumes the room as read up to its seq 0, as a client reconnecting after a restart
    /// resumes what it holds (the seeded rooms of 4 have no events, so there is nothing to replay).
    pub resume: bool,
}

/// Opens connection number `n` to `server`, authenticates (Engawa) and joins `room` (plain, Socket.IO), and returns
/// once the server has said it is ready.
pub async fn open(
    dialect: Dialect,
    server: SocketAddr,
    n: usize,
    token: Option<&str>,
    room: &Room,
    how: Opening,
) -> anyhow::Result<Ws> {
    let socket = TcpSocket::new_v4()?;
    socket.bind(source_addr(n))?;
    if how.small_receive_buffer {
        socket.set_recv_buffer_size(4096)?;
    }
    let stream = socket.connect(server).await.context("connect")?;
    stream.set_nodelay(true)?;
    let path = match dialect {
        Dialect::SocketIo => "/socket.io/?EIO=4&transport=websocket",
        _ => "/ws",
    };
    let url = format!("ws://{server}{path}");
    let config = WebSocketConfig::default()
        .read_buffer_size(4096)
        .write_buffer_size(0)
        .max_message_size(Some(1 << 20));
    let (mut ws, _) = tokio_tungstenite::client_async_with_config(url, stream, Some(config))
        .await
        .context("WebSocket handshake")?;
    match dialect {
        Dialect::Engawa => {
            let token = token.context("an Engawa connection needs a session token")?;
            let mut hello = serde_json::json!({"type": "hello", "protocol": 2, "token": token});
            if how.resume {
                hello["resume"] = serde_json::json!([{"conversation": room.id, "seq": 0}]);
            }
            ws.send(Message::text(hello.to_string())).await?;
            until(&mut ws, |t| t.starts_with(r#"{"type":"ready""#)).await?;
        }
        Dialect::Plain => {
            let join = serde_json::json!({"type": "join", "room": room.name});
            ws.send(Message::text(join.to_string())).await?;
            until(&mut ws, |t| t.starts_with(r#"{"type":"joined""#)).await?;
        }
        Dialect::SocketIo => {
            until(&mut ws, |t| t.starts_with('0')).await?;
            ws.send(Message::text("40")).await?;
            until(&mut ws, |t| t.starts_with("40")).await?;
            let join = serde_json::json!(["join", room.name]);
            ws.send(Message::text(format!("42{join}"))).await?;
            until(&mut ws, |t| t.starts_with(r#"42["joined""#)).await?;
        }
    }
    Ok(ws)
}

/// Reads until a text frame satisfies `done`, answering Engine.IO pings on the way.
async fn until(ws: &mut Ws, done: impl Fn(&str) -> bool) -> anyhow::Result<()> {
    while let Some(msg) = ws.next().await {
        if let Message::Text(text) = msg? {
            if done(&text) {
                return Ok(());
            }
            if text.starts_with(r#"{"type":"error""#) {
                bail!("the server refused: {text}");
            }
            if text.as_str() == "2" {
                ws.send(Message::text("3")).await?;
            }
        }
    }
    bail!("the server closed the connection during the handshake")
}

/// The frame that sends `body` to `room`; `n` makes Engawa's `client_id` unique for the sender.
pub fn send_frame(dialect: Dialect, room: &Room, n: u64, body: &str) -> String {
    match dialect {
        Dialect::Engawa => serde_json::json!({
            "type": "send_message", "ref": format!("r{n}"), "conversation": room.id,
            "client_id": format!("c{n}"), "body": body, "lang": "en",
        })
        .to_string(),
        Dialect::Plain => {
            serde_json::json!({"type": "send", "room": room.name, "body": body}).to_string()
        }
        Dialect::SocketIo => {
            let event = serde_json::json!(["send", {"room": room.name, "body": body}]);
            format!("42{event}")
        }
    }
}

/// A message body of `len` bytes carrying the stamp. The stamp is no `@name` at the start of a word: Engawa looks
/// each such name up among the conversation's members (a mention), which until 2026-12-07 cost every benchmark message
/// a read that few real ones need (docs/benchmarks.md, 2026-12-07, ninth).
pub fn body(step: u32, micros: u64, len: usize) -> String {
    let mut body = format!("~t{micros}~s{step}~ ");
    while body.len() < len {
        body.push_str("Namaste from Toyama, xin chao, privit! "); // ASCII, so any length is a char boundary
    }
    body.truncate(len.max(body.find("~ ").map_or(0, |i| i + 2)));
    body
}

/// The stamp in a received frame: (step, µs since the epoch).
pub fn stamp(frame: &str) -> Option<(u32, u64)> {
    let at = frame.find("~t")?;
    let rest = &frame[at + 2..];
    let (micros, rest) = rest.split_once("~s")?;
    let (step, _) = rest.split_once('~')?;
    Some((step.parse().ok()?, micros.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_survives_every_dialect_and_the_body_has_its_length() {
        let room = Room {
            name: "r1".into(),
            id: 7,
        };
        let b = body(3, 123_456, 64);
        assert_eq!(b.len(), 64);
        assert!(!b.contains('@'), "mentions nobody: {b}");
        for dialect in [Dialect::Engawa, Dialect::Plain, Dialect::SocketIo] {
            assert_eq!(
                stamp(&send_frame(dialect, &room, 1, &b)),
                Some((3, 123_456))
            );
        }
        assert_eq!(stamp(r#"{"type":"ack"}"#), None);
    }
}
