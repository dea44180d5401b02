//! Presence on this node: what each person's connections here add up to, kept in the backend
//! ([`crate::presence`]), and who hears about changes.
//!
//! Sessions only count (connected, away, gone) and mark the person; one task per node tells the backend the
//! current counts, in batches, so a burst of reconnects is one round trip and the last state always wins. Changes
//! wait up to [`COALESCE`] and go out together: one bus payload per node and interval, one frame per connection.
//! They reach the members of the person's conversations with at most [`PUSH_MAX_MEMBERS`] members; clients ask
//! with `get_presence` about the people they show from bigger channels.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use super::fanout::Delivery;
use super::registry::{Frame, Outbound};
use super::{Hub, Shared, encode, internal};
use crate::presence::{Backend, Changes, HEARTBEAT, NodeStatus};
use crate::protocol::{
    ErrorCode, Millis, PRESENCE_QUERY_MAX, PresenceInfo, PresenceStatus, Refusal, ServerEvent,
    SetPresenceStatus, UserId,
};

/// How long changes are gathered before they go out.
pub const COALESCE: Duration = Duration::from_secs(1);
/// Members of a conversation larger than this are not told of each other's presence changes.
pub const PUSH_MAX_MEMBERS: u32 = 1000;

/// A person's connections on this node.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    online: u32,
    away: u32,
}

impl Counts {
    fn status(self) -> Option<NodeStatus> {
        if self.online > 0 {
            Some(NodeStatus::Online)
        } else if self.away > 0 {
            Some(NodeStatus::Away)
        } else {
            None
        }
    }

    fn slot(&mut self, status: SetPresenceStatus) -> &mut u32 {
        match status {
            SetPresenceStatus::Online => &mut self.online,
            SetPresenceStatus::Away => &mut self.away,
        }
    }
}

pub(crate) struct Presence {
    backend: Box<dyn Backend>,
    local: Mutex<HashMap<UserId, Counts>>,
    dirty: mpsc::UnboundedSender<UserId>,
    /// Changes waiting for the next flush; the last one per person wins.
    pending: Mutex<HashMap<UserId, PresenceStatus>>,
    /// Until this node has seen someone go, it counts them gone since it started (a restart's grace period).
    started: Millis,
}

impl Presence {
    pub(super) fn new(backend: Box<dyn Backend>) -> (Presence, mpsc::UnboundedReceiver<UserId>) {
        let (dirty, marked) = mpsc::unbounded_channel();
        let presence = Presence {
            backend,
            local: Mutex::default(),
            dirty,
            pending: Mutex::default(),
            started: crate::now_ms(),
        };
        (presence, marked)
    }

    /// Changes a person's counts on this node and marks them for the backend.
    fn count(&self, user: UserId, change: impl FnOnce(&mut Counts)) {
        let mut local = self.local.lock().unwrap_or_else(|e| e.into_inner());
        let counts = local.entry(user).or_default();
        change(counts);
        if counts.status().is_none() {
            local.remove(&user);
        }
        // The task is gone only when the node stops; then nobody needs to hear.
        let _ = self.dirty.send(user);
    }

    fn status_here(&self, user: UserId) -> Option<NodeStatus> {
        let local = self.local.lock().unwrap_or_else(|e| e.into_inner());
        local.get(&user).and_then(|c| c.status())
    }

    fn everyone_here(&self) -> Vec<(UserId, NodeStatus)> {
        let local = self.local.lock().unwrap_or_else(|e| e.into_inner());
        local
            .iter()
            .filter_map(|(user, counts)| Some((*user, counts.status()?)))
            .collect()
    }
}

impl Hub {
    /// A connection of `user` started (online).
    pub fn presence_connected(&self, user: UserId) {
        self.shared.presence.count(user, |c| c.online += 1);
    }

    /// A connection of `user` changed its own status.
    pub fn presence_changed(&self, user: UserId, from: SetPresenceStatus, to: SetPresenceStatus) {
        if from != to {
            self.shared.presence.count(user, |c| {
                *c.slot(from) = c.slot(from).saturating_sub(1);
                *c.slot(to) += 1;
            });
        }
    }

    /// A connection of `user` ended, in status `last`.
    pub fn presence_disconnected(&self, user: UserId, last: SetPresenceStatus) {
        self.shared
            .presence
            .count(user, |c| *c.slot(last) = c.slot(last).saturating_sub(1));
    }

    /// Announces a person's presence again (after they changed whether they hide it).
    pub async fn presence_refresh(&self, user: UserId) -> Result<(), Refusal> {
        let status = self.overall(&[user]).await?;
        self.shared.announce(
            status.into_iter().map(|s| (user, s)).collect(),
            crate::now_ms(),
        );
        Ok(())
    }

    /// What `viewer` may know of these people's presence: those who share a conversation with them (and they
    /// themselves). People who hide their presence are offline, without "last seen", to everyone else.
    pub async fn presence_of(
        &self,
        viewer: UserId,
        users: &[UserId],
    ) -> Result<Vec<PresenceInfo>, Refusal> {
        if users.len() > PRESENCE_QUERY_MAX {
            return Err(Refusal::field("users").arg("max", PRESENCE_QUERY_MAX as i64));
        }
        let store = &self.shared.store;
        let mut allowed = store.sharing(viewer, users).await.map_err(internal)?;
        if users.contains(&viewer) && !allowed.contains(&viewer) {
            allowed.push(viewer);
        }
        let statuses = self.overall(&allowed).await?;
        let rows: HashMap<UserId, crate::store::PresenceRow> = store
            .presence_rows(&allowed)
            .await
            .map_err(internal)?
            .into_iter()
            .map(|r| (r.user, r))
            .collect();
        Ok(allowed
            .iter()
            .zip(statuses)
            .map(|(&user, status)| {
                let row = rows.get(&user);
                let hidden = user != viewer && row.is_some_and(|r| r.hidden);
                seen_as(user, status, hidden, row.and_then(|r| r.last_seen))
            })
            .collect())
    }

    /// Each person's overall status, on every node.
    pub async fn overall(&self, users: &[UserId]) -> Result<Vec<PresenceStatus>, Refusal> {
        self.shared
            .presence
            .backend
            .get(users, crate::now_ms())
            .await
            .map_err(|error| {
                tracing::error!(%error, "presence backend failure");
                Refusal::from(ErrorCode::Unavailable)
            })
    }

    /// Since when each person has had no connection on any node (`None`: connected somewhere). Someone never
    /// seen since this node started counts from its start.
    pub async fn offline_since(&self, users: &[UserId]) -> Result<Vec<Option<Millis>>, Refusal> {
        let statuses = self.overall(users).await?;
        let started = self.shared.presence.started;
        let rows: HashMap<UserId, Option<Millis>> = self
            .shared
            .store
            .presence_rows(users)
            .await
            .map_err(internal)?
            .into_iter()
            .map(|r| (r.user, r.last_seen))
            .collect();
        Ok(users
            .iter()
            .zip(statuses)
            .map(|(user, status)| {
                (status == PresenceStatus::Offline).then(|| {
                    rows.get(user)
                        .copied()
                        .flatten()
                        .map_or(started, |seen| seen.max(started))
                })
            })
            .collect())
    }
}

/// How a person appears to others: someone who hides their presence is offline without "last seen"; "last seen"
/// is given only for someone offline.
fn seen_as(
    user: UserId,
    status: PresenceStatus,
    hidden: bool,
    last_seen: Option<Millis>,
) -> PresenceInfo {
    let status = if hidden {
        PresenceStatus::Offline
    } else {
        status
    };
    PresenceInfo {
        user,
        status,
        last_seen: last_seen.filter(|_| status == PresenceStatus::Offline && !hidden),
    }
}

impl Shared {
    /// Queues changes for the next flush; records "last seen" for people who went offline.
    fn announce(self: &Arc<Self>, changes: Changes, now: Millis) {
        if changes.is_empty() {
            return;
        }
        let gone: Vec<UserId> = changes
            .iter()
            .filter(|(_, s)| *s == PresenceStatus::Offline)
            .map(|(u, _)| *u)
            .collect();
        if !gone.is_empty() {
            let shared = self.clone();
            tokio::spawn(async move {
                if let Err(error) = shared.store.set_last_seen(&gone, now).await {
                    tracing::warn!(%error, "cannot record last seen");
                }
            });
        }
        let mut pending = self.pending_presence();
        pending.extend(changes);
    }

    fn pending_presence(&self) -> std::sync::MutexGuard<'_, HashMap<UserId, PresenceStatus>> {
        self.presence
            .pending
            .lock()
            .unwrap_or_else(|e| e.into_inner())
    }

    /// Sends the gathered changes out: here, and once on the bus.
    async fn flush_presence(self: &Arc<Self>) {
        let changes: Vec<(UserId, PresenceStatus)> = self.pending_presence().drain().collect();
        if changes.is_empty() {
            return;
        }
        let users: Vec<UserId> = changes.iter().map(|(u, _)| *u).collect();
        let hidden: HashSet<UserId> = match self.store.hiding_presence(&users).await {
            Ok(hiding) => hiding.into_iter().collect(),
            Err(error) => {
                tracing::warn!(%error, "cannot read presence settings; changes not sent");
                return;
            }
        };
        let now = crate::now_ms();
        let users = changes
            .into_iter()
            .map(|(user, status)| seen_as(user, status, hidden.contains(&user), Some(now)))
            .collect();
        self.deliver(vec![Delivery::Presence { users }]);
    }

    /// Tells this node's connections of the changes of people they share a small enough conversation with: one
    /// frame per connection, holding the changes it may know.
    pub(super) async fn deliver_presence(&self, changes: &[PresenceInfo]) {
        let users: Vec<UserId> = changes.iter().map(|c| c.user).collect();
        let pairs = match self.store.memberships(&users, Some(PUSH_MAX_MEMBERS)).await {
            Ok(pairs) => pairs,
            Err(error) => {
                tracing::warn!(%error, "cannot read who hears of presence changes");
                return;
            }
        };
        let by_user: HashMap<UserId, &PresenceInfo> = changes.iter().map(|c| (c.user, c)).collect();
        let conversations: Vec<_> = pairs.iter().map(|(_, c)| *c).collect();
        // Connections in the same conversations (the same indexes) may know the same people: their frame is
        // serialized once and shared. When the members of a big channel come online together (a node restarted,
        // and everyone reconnected), that is one frame for all of them instead of one each: with a frame per
        // member, 1,000 of them coming online raised the channel's p99 to 158–305 ms for the next second
        // (`docs/benchmarks.md`, 2026-12-05).
        let mut frames: HashMap<Vec<usize>, Frame> = HashMap::new();
        for (conn, indexes) in self.registry.audience(&conversations) {
            let frame = frames.entry(indexes).or_insert_with_key(|indexes| {
                let mut seen = HashSet::new();
                let users: Vec<PresenceInfo> = indexes
                    .iter()
                    .map(|&i| pairs[i].0)
                    .filter(|u| seen.insert(*u))
                    .filter_map(|u| by_user.get(&u).map(|info| (*info).clone()))
                    .collect();
                encode(&ServerEvent::Presence {
                    reference: None,
                    users,
                })
            });
            conn.offer(Outbound::frame(frame.clone()));
        }
    }
}

/// The node's presence task: tells the backend what changed here, renews everything every [`HEARTBEAT`], sends
/// changes out every [`COALESCE`], and on shutdown takes this node's people out at once.
pub(super) async fn run(
    shared: Arc<Shared>,
    mut marked: mpsc::UnboundedReceiver<UserId>,
    shutdown: CancellationToken,
) {
    let mut heartbeat = tokio::time::interval(HEARTBEAT);
    let mut flush = tokio::time::interval(COALESCE);
    for timer in [&mut heartbeat, &mut flush] {
        timer.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    }
    let mut batch = Vec::new();
    // People whose last change did not reach the backend; tried again with the next batch or heartbeat.
    let mut retry: HashSet<UserId> = HashSet::new();
    let presence = &shared.presence;
    loop {
        tokio::select! {
            () = shutdown.cancelled() => break,
            n = marked.recv_many(&mut batch, 4096) => {
                if n == 0 {
                    break;
                }
                retry.extend(batch.drain(..));
                sync(&shared, &mut retry).await;
            }
            _ = heartbeat.tick() => {
                sync(&shared, &mut retry).await;
                let now = crate::now_ms();
                match presence.backend.heartbeat(&presence.everyone_here(), now).await {
                    Ok(changes) => shared.announce(changes, now),
                    Err(error) => tracing::warn!(%error, "presence heartbeat failed"),
                }
            }
            _ = flush.tick() => shared.flush_presence().await,
        }
    }
    let now = crate::now_ms();
    match presence.backend.leave(now).await {
        Ok(changes) => shared.announce(changes, now),
        Err(error) => tracing::warn!(%error, "cannot take this node's people offline"),
    }
    shared.flush_presence().await;
}

/// Tells the backend the current state of the marked people.
async fn sync(shared: &Arc<Shared>, marked: &mut HashSet<UserId>) {
    if marked.is_empty() {
        return;
    }
    let presence = &shared.presence;
    let entries: Vec<(UserId, Option<NodeStatus>)> = marked
        .iter()
        .map(|user| (*user, presence.status_here(*user)))
        .collect();
    let now = crate::now_ms();
    match presence.backend.set(&entries, now).await {
        Ok(changes) => {
            marked.clear();
            shared.announce(changes, now);
        }
        Err(error) => {
            tracing::warn!(%error, people = marked.len(), "presence update failed; will retry")
        }
    }
}
