//! The writer: the one task per node that writes conversation events, committing them in groups.
//!
//! Under load, operations queue while a commit is in flight and the next transaction takes them all ("group
//! commit"): one fsync serves many messages, and each is still acknowledged only after its commit. A group runs
//! first as one plain transaction; if an operation in it fails, that is rolled back and the group runs again with
//! each operation in a savepoint, so a refused one leaves the rest of its group alone (savepoints cost two
//! statements per operation, and nearly every operation succeeds). In that first run on SQLite, the new messages of
//! a group whose sends were read ahead are written together in one statement, with the ids and seqs the transaction
//! works out itself (`store::Tx`'s deferred messages), instead of one round trip each. After the commit the writer applies the
//! effects in order — subscriptions, then events (serialized once, shared by every recipient), then
//! unsubscriptions and notices — and only then answers the requesters. It keeps its deliveries at most half an
//! outbox ahead of the sessions that take them ([`Pacing`]).

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::{mpsc, oneshot};

use super::Shared;
use super::fanout;
use super::ops::{self, Effects, Op, OpError, Reply};
use crate::protocol::{ErrorCode, Refusal, UserId};
use crate::store::{StoreError, WriteConn};

/// Most operations in one transaction: bounds the latency the last of a group waits.
const MAX_GROUP: usize = 256;

pub(super) struct Job {
    pub actor: UserId,
    pub op: Op,
    pub reply: ReplyTo,
    /// When it was queued: the wait before its transaction is `engawa_write_wait_seconds`.
    pub queued: Instant,
}

/// Where a job's answer goes.
pub(super) type ReplyTo = oneshot::Sender<Result<Reply, Refusal>>;

/// A job's result inside the transaction, before commit.
type Outcome = Result<(Reply, Effects), Refusal>;

/// Starts the writer on a thread of its own, with its own single-threaded runtime and its own connection, and
/// returns once that connection is open; the receiver completes when the writer has stopped.
///
/// Why a thread: an operation takes several database round trips, and after each one the writer must run again.
/// On the node's runtime it would wait in line behind every session task its last fan-out woke (thousands, in a
/// busy channel), so each round trip would cost milliseconds under load. On its own thread it waits only for the
/// database. `node` is the node's runtime, whose sessions the writer's deliveries wake.
pub(super) async fn spawn(
    jobs: mpsc::Receiver<Job>,
    shared: Arc<Shared>,
    node: tokio::runtime::Handle,
) -> Result<oneshot::Receiver<()>, StoreError> {
    let (opened_tx, opened) = oneshot::channel();
    let (stopped_tx, stopped) = oneshot::channel();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(StoreError::WriterThread)?;
    std::thread::Builder::new()
        .name("engawa-writer".into())
        .spawn(move || {
            runtime.block_on(async move {
                // The connection is made here so that its I/O belongs to this thread's runtime.
                match shared.store.write_conn().await {
                    Ok(conn) => {
                        // start() is waiting for this; it is gone only if the node is already stopping.
                        let _ = opened_tx.send(Ok(()));
                        run(conn, jobs, shared, node).await;
                    }
                    Err(error) => {
                        let _ = opened_tx.send(Err(error));
                    }
                }
            });
            // Nobody waits any more when the node was dropped without a shutdown.
            let _ = stopped_tx.send(());
        })
        .map_err(StoreError::WriterThread)?;
    opened
        .await
        .expect("the writer thread answers before it ends")?;
    Ok(stopped)
}

async fn run(
    mut conn: WriteConn,
    mut jobs: mpsc::Receiver<Job>,
    shared: Arc<Shared>,
    node: tokio::runtime::Handle,
) {
    let mut group = Vec::with_capacity(MAX_GROUP);
    let mut pacing = Pacing::new(node, shared.limits.outbox);
    // Ends when every sender is gone: the node is shutting down and every session has ended.
    while jobs.recv_many(&mut group, MAX_GROUP).await > 0 {
        let started = Instant::now();
        let waited = metrics::histogram!("engawa_write_wait_seconds");
        for job in &group {
            waited.record(started.duration_since(job.queued).as_secs_f64());
        }
        let outcome = commit_group(&mut conn, &group, &shared).await;
        metrics::histogram!("engawa_commit_group_size").record(group.len() as f64);
        metrics::histogram!("engawa_commit_seconds").record(started.elapsed().as_secs_f64());
        let results = match outcome {
            Ok(results) => results,
            Err(error) => {
                tracing::error!(%error, "write transaction failed; answering its group with `internal`");
                for job in group.drain(..) {
                    // The requester may have gone (socket closed); then no one waits for the answer.
                    let _ = job.reply.send(Err(ErrorCode::Internal.into()));
                }
                reconnect(&mut conn, &shared).await;
                continue;
            }
        };
        let planned: Vec<_> = group
            .drain(..)
            .zip(results)
            .map(|(job, result)| {
                (
                    job.reply,
                    result.map(|(reply, effects)| (reply, fanout::plan(effects))),
                )
            })
            .collect();
        let frames = planned
            .iter()
            .map(|(_, p)| p.as_ref().map_or(0, |(_, d)| d.len()))
            .sum();
        pacing.make_room(frames).await;
        for (reply, result) in planned {
            let answer = result.map(|(answer, deliveries)| {
                shared.deliver(deliveries);
                answer
            });
            // As above: a requester that went away needs no answer; the effects are already delivered.
            let _ = reply.send(answer);
        }
        pacing.delivered(frames);
    }
    tracing::debug!("writer stopped");
}

/// Runs a group's operations and commits them: each operation's outcome, in order.
async fn commit_group(
    conn: &mut WriteConn,
    group: &[Job],
    shared: &Shared,
) -> Result<Vec<Outcome>, StoreError> {
    let now = crate::now_ms();
    let automod = shared.automod();
    let env = ops::Env {
        timers: &shared.limits.timers,
        automod: &automod,
    };
    // First without savepoints: nearly every operation succeeds, and a savepoint costs two more statements per
    // operation. When one fails, the transaction is rolled back and the group runs again with a savepoint around
    // each operation, so that the failure undoes only its own writes.
    if let Some(results) = attempt(conn, group, false, now, &env).await? {
        return Ok(results);
    }
    metrics::counter!("engawa_commit_group_retries_total").increment(1);
    Ok(attempt(conn, group, true, now, &env)
        .await?
        .expect("a group with savepoints runs to its end"))
}

/// Keeps the writer's deliveries at most half an outbox ahead of the sessions that take them.
///
/// On its own thread the writer would deliver at the pace of its commits, which an overloaded node's sessions
/// cannot follow: their outboxes would fill and they would be closed (1013) although their readers keep up
/// (docs/benchmarks.md, 2026-12-06, fourth). So after each delivery the writer spawns an echo task on the node's
/// runtime, which runs once the runtime has taken up every session task the delivery woke (woken from outside the
/// runtime, those and the echo queue in order in its injection queue), and before delivering more it waits for the
/// echoes of older deliveries until at most half an outbox of frames is still on its way. A node that keeps up
/// never waits: its sessions have run long before that many frames were delivered. An overloaded one holds its
/// writer back instead; its groups grow, its queue fills, and new writes get `unavailable`.
struct Pacing {
    node: tokio::runtime::Handle,
    /// Deliveries not yet known to be taken up, oldest first, each with an upper bound of the frames it put in any
    /// one outbox (its number of deliveries).
    ahead: VecDeque<(oneshot::Receiver<()>, usize)>,
    /// The sum of `ahead`'s frames, and the most it may reach.
    frames: usize,
    budget: usize,
}

impl Pacing {
    fn new(node: tokio::runtime::Handle, outbox: usize) -> Pacing {
        Pacing {
            node,
            ahead: VecDeque::new(),
            frames: 0,
            budget: (outbox / 2).max(1),
        }
    }

    /// Waits until a delivery of `frames` more keeps what is on its way within the budget (or nothing is).
    async fn make_room(&mut self, frames: usize) {
        while self.frames + frames > self.budget {
            let Some((echo, taken)) = self.ahead.pop_front() else {
                break;
            };
            // An error says the node's runtime is gone: nobody is left to catch up.
            let _ = echo.await;
            self.frames -= taken;
        }
    }

    /// Records a delivery of `frames` just made.
    fn delivered(&mut self, frames: usize) {
        if frames == 0 {
            return;
        }
        let (tx, rx) = oneshot::channel();
        self.node.spawn(async move {
            let _ = tx.send(());
        });
        self.ahead.push_back((rx, frames));
        self.frames += frames;
    }
}

/// Runs a group's operations in one transaction and commits it. With `savepoints`, each operation runs in its
/// own, and a failed one is undone alone. Without, the first failure rolls everything back: the answer is
/// `None`, to run the group again with savepoints, unless the group is that one operation (its failure is then
/// the answer).
async fn attempt(
    conn: &mut WriteConn,
    group: &[Job],
    savepoints: bool,
    now: crate::protocol::Millis,
    env: &ops::Env<'_>,
) -> Result<Option<Vec<Outcome>>, StoreError> {
    // Consultation operations route: across nodes they take turns.
    let routing = group.iter().any(|job| matches!(job.op, Op::Consult(_)));
    let last_try = savepoints || group.len() == 1;
    let mut tx = conn.begin(routing).await?;
    if !savepoints {
        // What the sends read first, for all of them in one round trip instead of one each.
        let keys: Vec<_> = group
            .iter()
            .filter_map(|job| job.op.send_key(job.actor))
            .collect();
        if keys.len() > 1 {
            tx.prefetch_sends(keys, now).await?;
        }
    }
    let mut results = Vec::with_capacity(group.len());
    for job in group {
        if savepoints {
            tx.savepoint().await?;
        }
        let name = job.op.name();
        let result = match ops::apply(&mut tx, job.actor, job.op.clone(), now, env).await {
            Ok(done) => Ok(done),
            Err(OpError::Refused(refusal)) => Err(refusal),
            Err(OpError::Store(error)) => {
                if last_try {
                    tracing::error!(op = name, %error, "operation failed");
                }
                Err(ErrorCode::Internal.into())
            }
        };
        match (result.is_ok(), savepoints) {
            (true, true) => tx.release_savepoint().await?,
            (false, true) => tx.rollback_to_savepoint().await?,
            (false, false) => {
                tx.rollback().await?;
                if !last_try {
                    return Ok(None);
                }
                results.push(result);
                return Ok(Some(results));
            }
            (true, false) => {}
        }
        results.push(result);
    }
    // The messages the group deferred (a group whose sends were read ahead) break a unique key here if something
    // took their id or seq after all: as when an operation fails, the group runs again with savepoints.
    if let Err(error) = tx.flush().await {
        tx.rollback().await?;
        if last_try {
            return Err(error);
        }
        tracing::debug!(%error, "deferred messages refused; the group runs again");
        return Ok(None);
    }
    tx.commit().await?;
    Ok(Some(results))
}

/// After a failed transaction: keep the connection if it still answers, else open a new one, retrying with backoff
/// until the database is back (requests meanwhile queue, bounded, and get `unavailable` when the queue is full).
async fn reconnect(conn: &mut WriteConn, shared: &Shared) {
    if conn.ping().await.is_ok() {
        return;
    }
    let mut delay = Duration::from_millis(100);
    loop {
        match shared.store.write_conn().await {
            Ok(fresh) => {
                *conn = fresh;
                tracing::info!("writer reconnected to the database");
                return;
            }
            Err(error) => {
                tracing::error!(%error, ?delay, "writer cannot reach the database");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(5));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    /// A delivery past the budget waits until the runtime has taken up every session task the deliveries before it
    /// woke from outside the runtime.
    #[test]
    fn pacing_waits_for_the_runtime_to_take_up_what_was_delivered() {
        const TASKS: usize = 500;
        let node = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .build()
            .expect("a runtime starts");
        let (parked, ran) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let wakers: Vec<_> = (0..TASKS)
            .map(|_| {
                let (wake, woken) = oneshot::channel::<()>();
                let (parked, ran) = (parked.clone(), ran.clone());
                node.spawn(async move {
                    parked.fetch_add(1, Ordering::SeqCst);
                    let _ = woken.await;
                    ran.fetch_add(1, Ordering::SeqCst);
                });
                wake
            })
            .collect();
        let deadline = Instant::now() + Duration::from_secs(10);
        while parked.load(Ordering::SeqCst) < TASKS {
            assert!(Instant::now() < deadline, "the tasks never started");
            std::thread::sleep(Duration::from_millis(1));
        }
        // An outbox of two: half of it is one frame, so the second delivery waits for the first.
        let mut pacing = Pacing::new(node.handle().clone(), 2);
        node.block_on(pacing.make_room(1));
        for wake in wakers {
            wake.send(()).expect("the task waits");
        }
        pacing.delivered(1);
        node.block_on(pacing.make_room(1));
        assert_eq!(ran.load(Ordering::SeqCst), TASKS);
    }
}
