//! The node's live connections: who is connected, and which conversations each connection receives.
//!
//! Held under one `RwLock` for a few lines at a time, never across an `.await`. Fan-out takes the read lock and
//! offers the same shared bytes to every subscriber's outbox; a full outbox marks that connection for closing (1013)
//! instead of waiting for it.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::sync::atomic::{AtomicU16, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock};
use std::task::{Context, Poll};
use std::time::Duration;

use futures_util::task::AtomicWaker;
use serde::{Deserialize, Serialize};
use tokio_util::sync::CancellationToken;

use crate::protocol::{ConversationId, MembershipChange, MessageId, Seq, UserId};

/// Identifies one connection on this node.
pub type ConnId = u64;

/// A serialized server frame (JSON text), shared by every recipient. Held as the WebSocket layer's own text type,
/// made once from the serializer's `String`: sending it to each recipient then checks no UTF-8 (as bytes, each
/// send checked the frame again, 1.6% of the node's core in a hot channel of 1,000).
pub type Frame = tungstenite::Utf8Bytes;

/// What the hub hands a connection's session task. Serializable, because other nodes send it too (`hub::fanout`).
///
/// Kept to one pointer: an outbox's queue holds them by value, and a burst grows it (a 56-byte enum in a channel's
/// first block of 32 slots cost 1.8 KB per idle connection).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Outbound(Arc<Item>);

const _: () = assert!(std::mem::size_of::<Outbound>() == 8);

/// What an [`Outbound`] holds.
#[derive(Debug, Serialize, Deserialize)]
pub enum Item {
    /// A conversation event, made once per broadcast and shared by every recipient.
    Event(Stamped),
    /// Any other frame (typing, read markers, presence, reports).
    Frame(#[serde(with = "frame_text")] Frame),
    /// Time to ping the client (and to give up on it when it has been silent too long). Made by this node's sweep
    /// ([`ping_connections`]), never sent to another.
    #[serde(skip)]
    Ping,
    /// Something for this person alone, which the session renders in its language or completes. Untagged, so that
    /// between nodes it reads as it did when these were variants of their own (nodes of two versions meet during a
    /// rolling upgrade).
    #[serde(untagged)]
    Personal(Personal),
}

impl Outbound {
    pub fn event(event: Stamped) -> Outbound {
        Outbound(Arc::new(Item::Event(event)))
    }

    pub fn frame(frame: Frame) -> Outbound {
        Outbound(Arc::new(Item::Frame(frame)))
    }

    pub fn item(&self) -> &Item {
        &self.0
    }
}

impl From<Personal> for Outbound {
    fn from(personal: Personal) -> Outbound {
        Outbound(Arc::new(Item::Personal(personal)))
    }
}

/// How often each connection is pinged. One task pings a slice of the connections every second, so that the pings
/// spread out and a connection needs no timer of its own.
pub const PING_EVERY: Duration = Duration::from_secs(25);
const PING_SLICES: u64 = 25;

/// Every [`PING_EVERY`], queues an [`Item::Ping`] for each connection, one slice (`ConnId % 25`) per second; at
/// shutdown, closes every connection ([`Registry::close_all`]).
pub async fn ping_connections(registry: &Registry, shutdown: CancellationToken) {
    let mut tick = tokio::time::interval(PING_EVERY / PING_SLICES as u32);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    for slice in (0..PING_SLICES).cycle() {
        tokio::select! {
            () = shutdown.cancelled() => return registry.close_all(),
            _ = tick.tick() => registry.ping_slice(slice),
        }
    }
}

/// A conversation event's frame with its place in the conversation; the session drops it when it already delivered
/// `seq` (after a replay).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Stamped {
    pub conversation: ConversationId,
    pub seq: Seq,
    #[serde(with = "frame_text")]
    pub frame: Frame,
}

/// What [`Item::Personal`] carries.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Personal {
    /// Someone mentioned this person; the session renders the notice in its language.
    Mentioned {
        conversation: ConversationId,
        message: MessageId,
        seq: Seq,
        by: UserId,
    },
    /// A notice for this person; the session renders it in its language.
    Notice {
        id: Cow<'static, str>,
        args: crate::protocol::Args,
    },
    /// This person's membership changed; the session tells its client, with the conversation's summary.
    Membership {
        conversation: ConversationId,
        change: MembershipChange,
    },
    /// This person's waiting consultation moved in its queue; the session renders the notice in its language.
    QueuePosition {
        consultation: ConversationId,
        position: u32,
        eta_seconds: Option<u32>,
        helpers_available: u32,
        /// The topic's names by language.
        topic_names: Arc<BTreeMap<String, String>>,
    },
}

/// A frame is UTF-8 JSON text; between nodes it travels as a string.
pub(crate) mod frame_text {
    use serde::{Deserialize, Deserializer, Serializer};

    use super::Frame;

    pub fn serialize<S: Serializer>(frame: &Frame, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(frame.as_str())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Frame, D::Error> {
        String::deserialize(d).map(Frame::from)
    }
}

/// WebSocket close codes the hub asks sessions to close with.
pub mod close {
    /// The node is shutting down; the client reconnects (to another node, or to this one when it is back).
    pub const SERVICE_RESTART: u16 = 1012;
    /// The client did not read fast enough; it should reconnect and resume.
    pub const TRY_AGAIN_LATER: u16 = 1013;
    /// The session was ended (logout everywhere, password change, account disabled).
    pub const SESSION_REVOKED: u16 = 4003;
    /// The person was banned from the community.
    pub const BANNED: u16 = 4004;
}

/// The handle the hub keeps for one connection, and its outbox.
#[derive(Debug)]
pub struct Conn {
    pub id: ConnId,
    pub user: UserId,
    /// SHA-256 of the session token, so that logging one session out closes exactly its sockets.
    pub token_hash: String,
    /// What the hub queued for the session, oldest first. Bounded: fan-out never waits for a slow reader.
    outbox: Mutex<Queue>,
    /// The outbox's length, written under its lock, so that the session sees an empty outbox without taking the
    /// lock: it looks after every turn, and nearly always finds it empty.
    queued: AtomicUsize,
    /// The most items the outbox holds.
    capacity: usize,
    /// Why the hub wants this connection closed (0 while it does not): a slow reader, a ban, a revoked session, the
    /// node's shutdown.
    close_code: AtomicU16,
    /// The session task, woken when something is queued or `close_code` is set. A flag and a waker rather than a
    /// `CancellationToken`: the session checks it on every turn of its loop, and each check of a token takes two
    /// locks on an allocation of its own (docs/benchmarks.md, 2026-12-06, tenth).
    task: AtomicWaker,
}

/// A connection's outbox: a queue in the connection's own allocation rather than a channel, which allocated 800
/// bytes for every connection when it was made (its shared state and its first block of 32 slots) and counted
/// permits under a lock for every item (docs/benchmarks.md, 2026-12-07, eighth).
#[derive(Debug)]
struct Queue {
    items: VecDeque<Outbound>,
    /// False once the session stopped reading ([`Outbox`] dropped): offers are refused from then on.
    open: bool,
}

/// The queue's room kept after a burst is read: a busy channel's turns take a few items each and keep it, a burst
/// of `ready`'s or a presence round's size is given back.
const KEPT_ROOM: usize = 32;

impl Conn {
    /// A connection whose outbox holds at most `capacity` items, given as its outbox's reading end: there is one
    /// per connection, for its session task, and dropping it closes the outbox.
    pub fn open(id: ConnId, user: UserId, token_hash: String, capacity: usize) -> Outbox {
        Outbox(Arc::new(Conn {
            id,
            user,
            token_hash,
            outbox: Mutex::new(Queue {
                items: VecDeque::new(),
                open: true,
            }),
            queued: AtomicUsize::new(0),
            capacity,
            close_code: AtomicU16::new(0),
            task: AtomicWaker::new(),
        }))
    }

    fn queue(&self) -> MutexGuard<'_, Queue> {
        // Nothing panics while holding it; a poisoned queue is still a queue.
        self.outbox.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Resolves when the hub wants this connection closed or the node shuts down. Only the connection's own session
    /// task may wait for it (one waker).
    pub fn kicked(&self) -> impl Future<Output = ()> + '_ {
        std::future::poll_fn(|cx| self.poll_kicked(cx))
    }

    fn poll_kicked(&self, cx: &mut Context<'_>) -> Poll<()> {
        if self.is_kicked() {
            return Poll::Ready(());
        }
        self.task.register(cx.waker());
        // A kick between the check and the registration woke no one; this sees it.
        if self.is_kicked() {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    }

    pub fn is_kicked(&self) -> bool {
        self.close_code() != 0
    }

    /// The close code the hub asked for (0 when it did not).
    pub fn close_code(&self) -> u16 {
        self.close_code.load(Ordering::Acquire)
    }

    pub fn kick(&self, code: u16) {
        // The first reason wins; later ones describe the same closing.
        let _ = self
            .close_code
            .compare_exchange(0, code, Ordering::AcqRel, Ordering::Acquire);
        self.task.wake();
    }

    /// Queues without waiting; a full outbox closes the connection (it resumes by seq after reconnecting). False
    /// when the item was not queued.
    pub fn offer(&self, item: Outbound) -> bool {
        let mut queue = self.queue();
        if !queue.open {
            // The session already ended and will detach itself; nothing to deliver to.
            return false;
        }
        if queue.items.len() >= self.capacity {
            drop(queue);
            metrics::counter!("engawa_slow_consumers_closed_total").increment(1);
            self.kick(close::TRY_AGAIN_LATER);
            return false;
        }
        queue.items.push_back(item);
        self.queued.store(queue.items.len(), Ordering::SeqCst);
        drop(queue);
        self.task.wake();
        true
    }
}

/// The reading end of a connection's outbox ([`Conn::open`]), held by its session task.
pub struct Outbox(Arc<Conn>);

impl Outbox {
    /// The connection whose outbox this is.
    pub fn conn(&self) -> &Arc<Conn> {
        &self.0
    }

    /// The oldest item queued, if any.
    pub fn try_recv(&self) -> Option<Outbound> {
        if self.0.queued.load(Ordering::SeqCst) == 0 {
            return None;
        }
        let mut queue = self.0.queue();
        let item = queue.items.pop_front();
        self.0.queued.store(queue.items.len(), Ordering::SeqCst);
        if queue.items.is_empty() && queue.items.capacity() > KEPT_ROOM {
            queue.items = VecDeque::new();
        }
        item
    }

    /// Waits for the next item.
    pub fn recv(&self) -> impl Future<Output = Outbound> + '_ {
        std::future::poll_fn(|cx| {
            if let Some(item) = self.try_recv() {
                return Poll::Ready(item);
            }
            // Registered before looking again: an offer that this look does not see wakes the task after it.
            self.0.task.register(cx.waker());
            self.try_recv().map_or(Poll::Pending, Poll::Ready)
        })
    }
}

impl Drop for Outbox {
    fn drop(&mut self) {
        let mut queue = self.0.queue();
        queue.open = false;
        queue.items = VecDeque::new();
        self.0.queued.store(0, Ordering::SeqCst);
    }
}

/// Which of a person's sessions [`Registry::kick_user`] closes, by session token hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sessions {
    All,
    Only(String),
    AllBut(String),
}

struct UserConn {
    conn: Arc<Conn>,
    rooms: HashSet<ConversationId>,
    /// Until the connection's first subscription, membership changes are recorded here (true = joined), so that
    /// a change racing with the session's membership read is not lost.
    pending: Option<HashMap<ConversationId, bool>>,
}

/// One person's connections on this node, as [`Registry::connected`] sees them.
pub struct Connected {
    pub user: UserId,
    pub sessions: HashSet<String>,
    pub rooms: HashSet<ConversationId>,
}

/// One conversation's subscribers on this node.
#[derive(Default)]
struct Room {
    conns: Vec<Arc<Conn>>,
    /// The newest seq this node delivered or knows its subscribers hold: where catching up starts.
    seq: AtomicU64,
}

#[derive(Default)]
struct Inner {
    rooms: HashMap<ConversationId, Room>,
    users: HashMap<UserId, Vec<UserConn>>,
    /// Set by [`Registry::close_all`]: connections attached later are closed at once.
    closing: bool,
}

/// The registry of live connections.
#[derive(Default)]
pub struct Registry {
    inner: RwLock<Inner>,
    next_id: AtomicU64,
}

impl Registry {
    pub fn next_conn_id(&self) -> ConnId {
        self.next_id.fetch_add(1, Ordering::Relaxed) + 1
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Inner> {
        // A panic while holding the lock cannot leave the maps half-updated in a way that matters more than
        // stopping delivery would, so a poisoned lock is used as is.
        self.inner.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Inner> {
        self.inner.write().unwrap_or_else(|e| e.into_inner())
    }

    /// Queues a ping for the connections of one slice of [`ping_connections`].
    fn ping_slice(&self, slice: u64) {
        let ping = Outbound(Arc::new(Item::Ping));
        let inner = self.read();
        for entry in inner.users.values().flatten() {
            if entry.conn.id % PING_SLICES == slice {
                entry.conn.offer(ping.clone());
            }
        }
    }

    /// Registers a connection before its memberships are read; see [`Registry::subscribe_initial`].
    pub fn attach(&self, conn: Arc<Conn>) {
        let mut inner = self.write();
        if inner.closing {
            conn.kick(close::SERVICE_RESTART);
        }
        // Most people have one connection: a `Vec`'s first growth would make room for four.
        let conns = inner
            .users
            .entry(conn.user)
            .or_insert_with(|| Vec::with_capacity(1));
        conns.push(UserConn {
            conn,
            rooms: HashSet::new(),
            pending: Some(HashMap::new()),
        });
        metrics::gauge!("engawa_connections").increment(1.0);
    }

    /// Closes every connection, and every one attached from now on: the node is shutting down.
    pub fn close_all(&self) {
        let mut inner = self.write();
        inner.closing = true;
        for entry in inner.users.values().flatten() {
            entry.conn.kick(close::SERVICE_RESTART);
        }
    }

    /// Subscribes a connection to the conversations read from the database after [`Registry::attach`], corrected
    /// by membership changes that happened in between.
    pub fn subscribe_initial(&self, conn: &Conn, conversations: &[ConversationId]) {
        let mut inner = self.write();
        let Some(entry) = inner
            .users
            .get_mut(&conn.user)
            .and_then(|v| v.iter_mut().find(|c| c.conn.id == conn.id))
        else {
            return;
        };
        let overrides = entry.pending.take().unwrap_or_default();
        let mut wanted: Vec<ConversationId> = conversations
            .iter()
            .copied()
            .filter(|c| overrides.get(c).copied().unwrap_or(true))
            .collect();
        wanted.extend(
            overrides
                .iter()
                .filter(|(_, joined)| **joined)
                .map(|(c, _)| *c),
        );
        let handle = entry.conn.clone();
        let new: Vec<ConversationId> = wanted
            .into_iter()
            .filter(|c| entry.rooms.insert(*c))
            .collect();
        for conversation in new {
            inner
                .rooms
                .entry(conversation)
                .or_default()
                .conns
                .push(handle.clone());
        }
    }

    /// Removes a connection everywhere.
    pub fn detach(&self, conn: &Conn) {
        let mut inner = self.write();
        let Some(list) = inner.users.get_mut(&conn.user) else {
            return;
        };
        let Some(pos) = list.iter().position(|c| c.conn.id == conn.id) else {
            return;
        };
        let entry = list.swap_remove(pos);
        if list.is_empty() {
            inner.users.remove(&conn.user);
        }
        for conversation in entry.rooms {
            remove_from_room(&mut inner.rooms, conversation, conn.id);
        }
        metrics::gauge!("engawa_connections").decrement(1.0);
    }

    /// A person joined: every connection of theirs starts receiving the conversation (before its join event).
    pub fn member_joined(&self, conversation: ConversationId, user: UserId) {
        let mut inner = self.write();
        let Inner { rooms, users, .. } = &mut *inner;
        let Some(list) = users.get_mut(&user) else {
            return;
        };
        for entry in list {
            if let Some(pending) = &mut entry.pending {
                pending.insert(conversation, true);
            }
            if entry.rooms.insert(conversation) {
                rooms
                    .entry(conversation)
                    .or_default()
                    .conns
                    .push(entry.conn.clone());
            }
        }
    }

    /// A person left or was removed: no connection of theirs receives the conversation any more.
    pub fn member_left(&self, conversation: ConversationId, user: UserId) {
        let mut inner = self.write();
        let Inner { rooms, users, .. } = &mut *inner;
        let Some(list) = users.get_mut(&user) else {
            return;
        };
        for entry in list {
            if let Some(pending) = &mut entry.pending {
                pending.insert(conversation, false);
            }
            if entry.rooms.remove(&conversation) {
                remove_from_room(rooms, conversation, entry.conn.id);
            }
        }
    }

    /// Delivers a conversation event to every subscriber. Returns how many received it.
    pub fn broadcast(&self, conversation: ConversationId, seq: Seq, frame: &Frame) -> usize {
        let inner = self.read();
        let Some(room) = inner.rooms.get(&conversation) else {
            return 0;
        };
        room.seq.fetch_max(seq, Ordering::Relaxed);
        let event = Outbound::event(Stamped {
            conversation,
            seq,
            frame: frame.clone(),
        });
        room.conns
            .iter()
            .filter(|conn| conn.offer(event.clone()))
            .count()
    }

    /// Delivers an ephemeral frame to a conversation's subscribers except one person's connections.
    pub fn broadcast_except(&self, conversation: ConversationId, except: UserId, frame: &Frame) {
        let inner = self.read();
        let Some(room) = inner.rooms.get(&conversation) else {
            return;
        };
        let frame = Outbound::frame(frame.clone());
        for conn in room.conns.iter().filter(|c| c.user != except) {
            conn.offer(frame.clone());
        }
    }

    /// Delivers to every connection of one person.
    pub fn to_user(&self, user: UserId, item: &Outbound) {
        let inner = self.read();
        for entry in inner.users.get(&user).into_iter().flatten() {
            entry.conn.offer(item.clone());
        }
    }

    /// Whether a connection receives a conversation (it is a member).
    pub fn is_subscribed(&self, conn: &Conn, conversation: ConversationId) -> bool {
        let inner = self.read();
        inner
            .users
            .get(&conn.user)
            .and_then(|v| v.iter().find(|c| c.conn.id == conn.id))
            .is_some_and(|c| c.rooms.contains(&conversation))
    }

    /// Closes a person's connections: those of one session (`Some(hash)`), or all but one (`keep`), or all.
    pub fn kick_user(&self, user: UserId, sessions: &Sessions, code: u16) {
        let inner = self.read();
        for entry in inner.users.get(&user).into_iter().flatten() {
            let hash = entry.conn.token_hash.as_str();
            let hit = match sessions {
                Sessions::All => true,
                Sessions::Only(only) => hash == only,
                Sessions::AllBut(keep) => hash != keep,
            };
            if hit {
                entry.conn.kick(code);
            }
        }
    }

    /// Raises what the node knows its subscribers of a conversation hold (a session read the conversation's
    /// newest seq when it started).
    pub fn note_seq(&self, conversation: ConversationId, seq: Seq) {
        if let Some(room) = self.read().rooms.get(&conversation) {
            room.seq.fetch_max(seq, Ordering::Relaxed);
        }
    }

    /// Every conversation with subscribers here, with the newest seq known to have reached them.
    pub fn rooms(&self) -> Vec<(ConversationId, Seq)> {
        self.read()
            .rooms
            .iter()
            .map(|(c, room)| (*c, room.seq.load(Ordering::Relaxed)))
            .collect()
    }

    /// The connections that receive any of `conversations`, each with the indexes (into `conversations`) of the
    /// ones it receives.
    pub fn audience(&self, conversations: &[ConversationId]) -> Vec<(Arc<Conn>, Vec<usize>)> {
        let inner = self.read();
        let mut by_conn: HashMap<ConnId, (Arc<Conn>, Vec<usize>)> = HashMap::new();
        for (index, conversation) in conversations.iter().enumerate() {
            for conn in inner
                .rooms
                .get(conversation)
                .into_iter()
                .flat_map(|r| &r.conns)
            {
                by_conn
                    .entry(conn.id)
                    .or_insert_with(|| (conn.clone(), Vec::new()))
                    .1
                    .push(index);
            }
        }
        by_conn.into_values().collect()
    }

    /// Every person connected here: the sessions their connections belong to (token hashes), and the
    /// conversations their connections receive (those still starting are left out: they read their memberships
    /// themselves).
    pub fn connected(&self) -> Vec<Connected> {
        self.read()
            .users
            .iter()
            .map(|(user, list)| Connected {
                user: *user,
                sessions: list.iter().map(|c| c.conn.token_hash.clone()).collect(),
                rooms: list
                    .iter()
                    .filter(|c| c.pending.is_none())
                    .flat_map(|c| c.rooms.iter().copied())
                    .collect(),
            })
            .collect()
    }

    /// How many connections this node holds.
    pub fn connection_count(&self) -> usize {
        self.read().users.values().map(Vec::len).sum()
    }
}

fn remove_from_room(
    rooms: &mut HashMap<ConversationId, Room>,
    conversation: ConversationId,
    id: ConnId,
) {
    if let Some(room) = rooms.get_mut(&conversation) {
        room.conns.retain(|c| c.id != id);
        if room.conns.is_empty() {
            rooms.remove(&conversation);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outbound_items_keep_their_form_between_nodes() {
        let items = vec![
            Outbound::event(Stamped {
                conversation: ConversationId(3),
                seq: 4,
                frame: Frame::from_static(r#"{"type":"event"}"#),
            }),
            Outbound::frame(Frame::from_static(r#"{"type":"typing"}"#)),
            Personal::Mentioned {
                conversation: ConversationId(3),
                message: MessageId(9),
                seq: 4,
                by: UserId(2),
            }
            .into(),
            Personal::Membership {
                conversation: ConversationId(3),
                change: MembershipChange::Left,
            }
            .into(),
        ];
        // The form of these items before they became a tag and a pointer, and then one pointer.
        let before = r#"[{"Event":{"conversation":3,"seq":4,"frame":"{\"type\":\"event\"}"}},"#
            .to_owned()
            + r#"{"Frame":"{\"type\":\"typing\"}"},"#
            + r#"{"Mentioned":{"conversation":3,"message":9,"seq":4,"by":2}},"#
            + r#"{"Membership":{"conversation":3,"change":"left"}}]"#;
        let now = serde_json::to_string(&items).expect("serializes");
        assert_eq!(now, before);
        let read: Vec<Outbound> = serde_json::from_str(&before).expect("reads the old form");
        assert_eq!(serde_json::to_string(&read).expect("serializes"), before);
    }

    fn conn(registry: &Registry, user: i64, capacity: usize) -> (Arc<Conn>, Outbox) {
        let outbox = Conn::open(
            registry.next_conn_id(),
            UserId(user),
            String::new(),
            capacity,
        );
        let conn = outbox.conn().clone();
        registry.attach(conn.clone());
        (conn, outbox)
    }

    #[test]
    fn membership_changes_during_the_initial_read_are_not_lost() {
        let registry = Registry::default();
        let (a, rx) = conn(&registry, 1, 8);
        // The session read memberships {10, 11}; meanwhile the person left 11 and joined 12.
        registry.member_left(ConversationId(11), UserId(1));
        registry.member_joined(ConversationId(12), UserId(1));
        registry.subscribe_initial(&a, &[ConversationId(10), ConversationId(11)]);
        assert!(registry.is_subscribed(&a, ConversationId(10)));
        assert!(!registry.is_subscribed(&a, ConversationId(11)));
        assert!(registry.is_subscribed(&a, ConversationId(12)));
        assert_eq!(
            registry.broadcast(ConversationId(11), 1, &Frame::from_static("{}")),
            0
        );
        assert_eq!(
            registry.broadcast(ConversationId(12), 1, &Frame::from_static("{}")),
            1
        );
        assert!(
            matches!(rx.try_recv().as_ref().map(Outbound::item), Some(Item::Event(e)) if e.seq == 1)
        );
    }

    #[test]
    fn the_ping_slices_reach_every_connection_once() {
        let registry = Registry::default();
        let mut receivers: Vec<_> = (1..=60).map(|user| conn(&registry, user, 8).1).collect();
        let (_second, second_rx) = conn(&registry, 1, 8);
        receivers.push(second_rx);
        for slice in 0..PING_SLICES {
            registry.ping_slice(slice);
        }
        for rx in &receivers {
            assert!(matches!(
                rx.try_recv().as_ref().map(Outbound::item),
                Some(Item::Ping)
            ));
            assert!(rx.try_recv().is_none(), "pinged once per round");
        }
    }

    #[test]
    fn a_full_outbox_kicks_only_that_connection() {
        let registry = Registry::default();
        let (slow, _slow_rx) = conn(&registry, 1, 1);
        let (fast, fast_rx) = conn(&registry, 2, 8);
        registry.subscribe_initial(&slow, &[ConversationId(1)]);
        registry.subscribe_initial(&fast, &[ConversationId(1)]);
        let frame = Frame::from_static("{}");
        assert_eq!(registry.broadcast(ConversationId(1), 1, &frame), 2);
        assert_eq!(registry.broadcast(ConversationId(1), 2, &frame), 1);
        assert!(slow.is_kicked());
        assert_eq!(slow.close_code(), close::TRY_AGAIN_LATER);
        assert!(!fast.is_kicked());
        assert!(fast_rx.try_recv().is_some() && fast_rx.try_recv().is_some());
    }

    #[test]
    fn closing_all_closes_the_attached_connections_and_those_attached_later() {
        let registry = Registry::default();
        let (before, _rx) = conn(&registry, 1, 8);
        assert!(!before.is_kicked());
        registry.close_all();
        let (after, _rx) = conn(&registry, 2, 8);
        for conn in [&before, &after] {
            assert_eq!(conn.close_code(), close::SERVICE_RESTART);
        }
    }

    /// A waker that records that it was woken.
    struct Flag(std::sync::atomic::AtomicBool);

    impl std::task::Wake for Flag {
        fn wake(self: Arc<Self>) {
            self.0.store(true, Ordering::SeqCst);
        }
    }

    fn flag() -> (Arc<Flag>, std::task::Waker) {
        let woken = Arc::new(Flag(false.into()));
        let waker = std::task::Waker::from(woken.clone());
        (woken, waker)
    }

    #[test]
    fn an_offer_wakes_the_session_waiting_on_its_outbox_and_items_come_in_order() {
        let registry = Registry::default();
        let (conn, outbox) = conn(&registry, 1, 8);
        let (woken, waker) = flag();
        let mut cx = Context::from_waker(&waker);
        {
            let mut next = std::pin::pin!(outbox.recv());
            assert!(next.as_mut().poll(&mut cx).is_pending());
            assert!(conn.offer(Outbound::frame(Frame::from_static("1"))));
            assert!(woken.0.load(Ordering::SeqCst), "the offer wakes the task");
            assert!(matches!(next.as_mut().poll(&mut cx), Poll::Ready(item)
                if matches!(item.item(), Item::Frame(f) if f.as_str() == "1")));
        }
        assert!(conn.offer(Outbound::frame(Frame::from_static("2"))));
        assert!(conn.offer(Outbound::frame(Frame::from_static("3"))));
        let texts: Vec<_> = std::iter::from_fn(|| outbox.try_recv())
            .map(|item| match item.item() {
                Item::Frame(f) => f.as_str().to_owned(),
                _ => unreachable!("only frames were offered"),
            })
            .collect();
        assert_eq!(texts, ["2", "3"]);
    }

    #[test]
    fn an_outbox_whose_session_ended_refuses_offers_without_closing_the_connection() {
        let registry = Registry::default();
        let (conn, outbox) = conn(&registry, 1, 1);
        assert!(conn.offer(Outbound::frame(Frame::from_static("{}"))));
        drop(outbox);
        for _ in 0..3 {
            assert!(!conn.offer(Outbound::frame(Frame::from_static("{}"))));
        }
        assert!(
            !conn.is_kicked(),
            "not a slow reader: nobody reads any more"
        );
        assert!(conn.queue().items.is_empty(), "what was queued is let go");
    }

    #[test]
    fn a_read_burst_gives_back_its_room_and_a_few_items_keep_theirs() {
        let registry = Registry::default();
        let (conn, outbox) = conn(&registry, 1, 1024);
        let frame = Outbound::frame(Frame::from_static("{}"));
        for _ in 0..4 {
            assert!(conn.offer(frame.clone()));
        }
        while outbox.try_recv().is_some() {}
        assert!(
            conn.queue().items.capacity() >= 4,
            "a busy channel's room is kept"
        );
        for _ in 0..500 {
            assert!(conn.offer(frame.clone()));
        }
        while outbox.try_recv().is_some() {}
        assert_eq!(
            conn.queue().items.capacity(),
            0,
            "a burst's room is given back"
        );
    }

    #[test]
    fn a_kick_wakes_the_session_that_waits_for_it() {
        let registry = Registry::default();
        let (conn, _rx) = conn(&registry, 1, 8);
        let (woken, waker) = flag();
        let mut cx = Context::from_waker(&waker);
        let mut kicked = std::pin::pin!(conn.kicked());
        assert!(kicked.as_mut().poll(&mut cx).is_pending());
        conn.kick(close::BANNED);
        assert!(
            woken.0.load(Ordering::SeqCst),
            "the kick wakes the waiting task"
        );
        assert!(kicked.as_mut().poll(&mut cx).is_ready());
        // The first reason stays.
        conn.kick(close::TRY_AGAIN_LATER);
        assert_eq!(conn.close_code(), close::BANNED);
    }

    #[test]
    fn detach_removes_the_connection_from_its_rooms() {
        let registry = Registry::default();
        let (a, _rx) = conn(&registry, 1, 8);
        registry.subscribe_initial(&a, &[ConversationId(1)]);
        registry.detach(&a);
        assert_eq!(
            registry.broadcast(ConversationId(1), 1, &Frame::from_static("{}")),
            0
        );
        assert_eq!(registry.connection_count(), 0);
    }
}
