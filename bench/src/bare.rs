//! The bare broadcast server: the practical limit Engawa is measured against.
//!
//! It has Engawa's framing (JSON text frames over WebSocket, a bounded outbound queue per connection, one
//! serialization per broadcast shared by every recipient) and a channel model, and nothing else: no persistence, no
//! authentication, no sequence numbers, no resume. It speaks the "plain" protocol of `bench/peers/README.md`:
//! `{"type":"join","room":…}` → `{"type":"joined","room":…}`; `{"type":"send","room":…,"body":…}` →
//! `{"type":"message","room":…,"body":…}` to every member, the sender included.
//!
//! Tuned as far as a careful server would go: a 1 KiB read buffer, frames written in batches (everything queued is
//! written, then flushed once), a frame shared by reference count, no allocation per recipient.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError};

use futures_util::{SinkExt, StreamExt};
use serde::{Deserialize, Serialize};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::{Message, Utf8Bytes};

/// Frames queued for one connection before it is dropped, as Engawa's outbox.
const OUTBOX: usize = 1024;
/// Frames written before one flush; bounds the latency a batch adds.
const BATCH: usize = 64;

type Outbox = mpsc::Sender<Utf8Bytes>;

/// Room name → (connection id, outbox) of each member.
#[derive(Default)]
struct Rooms {
    rooms: Mutex<HashMap<String, Vec<(u64, Outbox)>>>,
}

#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum In<'a> {
    Join {
        #[serde(borrow)]
        room: &'a str,
    },
    Send {
        #[serde(borrow)]
        room: &'a str,
        #[serde(borrow)]
        body: std::borrow::Cow<'a, str>,
    },
}

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Out<'a> {
    Joined { room: &'a str },
    Message { room: &'a str, body: &'a str },
}

/// The frame every member of `room` receives for a message with `body`.
pub fn message_frame(room: &str, body: &str) -> serde_json::Result<String> {
    serde_json::to_string(&Out::Message { room, body })
}

pub async fn serve(listener: TcpListener) -> anyhow::Result<()> {
    let rooms = Arc::new(Rooms::default());
    let mut next_id = 0u64;
    loop {
        let (stream, peer) = listener.accept().await?;
        next_id += 1;
        let (id, rooms) = (next_id, rooms.clone());
        tokio::spawn(async move {
            let mut joined = Vec::new();
            if let Err(e) = connection(stream, id, &rooms, &mut joined).await {
                log_failure(peer, &e);
            }
            rooms.leave(&joined, id);
        });
    }
}

fn log_failure(peer: SocketAddr, e: &anyhow::Error) {
    // Resets at the end of a run are normal; anything else is worth a line.
    let text = e.to_string();
    if !text.contains("reset") && !text.contains("closed") && !text.contains("Broken pipe") {
        eprintln!("bare: {peer}: {text}");
    }
}

async fn connection(
    stream: TcpStream,
    id: u64,
    rooms: &Rooms,
    joined: &mut Vec<String>,
) -> anyhow::Result<()> {
    stream.set_nodelay(true)?;
    let config = WebSocketConfig::default()
        .read_buffer_size(1024)
        .write_buffer_size(16 * 1024)
        .max_message_size(Some(64 * 1024))
        .max_frame_size(Some(64 * 1024));
    let mut ws = tokio_tungstenite::accept_async_with_config(stream, Some(config)).await?;
    let (tx, mut rx) = mpsc::channel::<Utf8Bytes>(OUTBOX);
    loop {
        tokio::select! {
            frame = rx.recv() => {
                let Some(frame) = frame else { return Ok(()) };
                ws.feed(Message::Text(frame)).await?;
                for _ in 1..BATCH {
                    match rx.try_recv() {
                        Ok(frame) => ws.feed(Message::Text(frame)).await?,
                        Err(_) => break,
                    }
                }
                ws.flush().await?;
            }
            msg = ws.next() => {
                let Some(msg) = msg else { return Ok(()) };
                match msg? {
                    Message::Text(text) => match serde_json::from_str::<In<'_>>(&text) {
                        Ok(In::Join { room }) => {
                            if !joined.iter().any(|r| r == room) {
                                rooms.join(room, id, tx.clone());
                                joined.push(room.to_owned());
                            }
                            let reply = serde_json::to_string(&Out::Joined { room })?;
                            ws.send(Message::text(reply)).await?;
                        }
                        Ok(In::Send { room, body }) => {
                            let frame = message_frame(room, &body)?;
                            rooms.broadcast(room, &Utf8Bytes::from(frame));
                        }
                        Err(_) => {} // the plain protocol ignores bad frames
                    },
                    Message::Close(_) => return Ok(()),
                    _ => {}
                }
            }
        }
    }
}

impl Rooms {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Vec<(u64, Outbox)>>> {
        self.rooms.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn join(&self, room: &str, id: u64, tx: Outbox) {
        let mut rooms = self.lock();
        rooms.entry(room.to_owned()).or_default().push((id, tx));
    }

    fn leave(&self, joined: &[String], id: u64) {
        let mut rooms = self.lock();
        for room in joined {
            if let Some(members) = rooms.get_mut(room) {
                members.retain(|(m, _)| *m != id);
                if members.is_empty() {
                    rooms.remove(room);
                }
            }
        }
    }

    /// One shared frame to every member; a member whose queue is full is dropped from the room, as Engawa closes a
    /// slow reader.
    fn broadcast(&self, room: &str, frame: &Utf8Bytes) {
        let mut rooms = self.lock();
        if let Some(members) = rooms.get_mut(room) {
            members.retain(|(_, tx)| tx.try_send(frame.clone()).is_ok());
        }
    }
}
