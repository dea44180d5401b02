//! The writer: the one task per node that writes conversation events, committing them in groups.
//!
//! Under load, operations queue while a commit is in flight and the next transaction takes them all ("group
//! commit"): one fsync serves many messages, and each is still acknowledged only after its commit. A group runs
//! first as one plain transaction; if an operation in it fails, that is rolled back and the group runs again with
//! each operation in a savepoint, so a refused one leaves the rest of its group alone (savepoints cost two
//! statements per operation, and nearly every operation succeeds). After the commit the writer applies the
//! effects in order — subscriptions, then events (serialized once, shared by every recipient), then
//! unsubscriptions and notices — and only then answers the requesters.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::{mpsc, oneshot};

use super::Shared;
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
/// database.
pub(super) async fn spawn(
    jobs: mpsc::Receiver<Job>,
    shared: Arc<Shared>,
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
                        run(conn, jobs, shared).await;
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

async fn run(mut conn: WriteConn, mut jobs: mpsc::Receiver<Job>, shared: Arc<Shared>) {
    let mut group = Vec::with_capacity(MAX_GROUP);
    // Ends when every sender is gone: the node is shutting down and every session has ended.
    while jobs.recv_many(&mut group, MAX_GROUP).await > 0 {
        let started = Instant::now();
        let waited = metrics::histogram!("engawa_write_wait_seconds");
        for job in &group {
            waited.record(started.duration_since(job.queued).as_secs_f64());
        }
        let size = group.len();
        commit_group(&mut conn, std::mem::take(&mut group), &shared).await;
        metrics::histogram!("engawa_commit_group_size").record(size as f64);
        metrics::histogram!("engawa_commit_seconds").record(started.elapsed().as_secs_f64());
    }
    tracing::debug!("writer stopped");
}

async fn commit_group(conn: &mut WriteConn, group: Vec<Job>, shared: &Arc<Shared>) {
    let now = crate::now_ms();
    let automod = shared.automod();
    let env = ops::Env {
        timers: &shared.limits.timers,
        automod: &automod,
    };
    // First without savepoints: nearly every operation succeeds, and a savepoint costs two more statements per
    // operation. When one fails, the transaction is rolled back and the group runs again with a savepoint around
    // each operation, so that the failure undoes only its own writes.
    let mut outcome = attempt(conn, &group, false, now, &env).await;
    if matches!(outcome, Ok(None)) {
        metrics::counter!("engawa_commit_group_retries_total").increment(1);
        outcome = attempt(conn, &group, true, now, &env).await;
    }
    let results = match outcome {
        Ok(Some(results)) => results,
        Ok(None) => unreachable!("a group with savepoints runs to its end"),
        Err(error) => {
            tracing::error!(%error, "write transaction failed; answering its group with `internal`");
            for job in group {
                // The requester may have gone (socket closed); then no one waits for the answer.
                let _ = job.reply.send(Err(ErrorCode::Internal.into()));
            }
            reconnect(conn, shared).await;
            return;
        }
    };
    for (job, result) in group.into_iter().zip(results) {
        let answer = result.map(|(reply, effects)| {
            shared.deliver(super::fanout::plan(effects));
            reply
        });
        // As above: a requester that went away needs no answer; the effects are already delivered.
        let _ = job.reply.send(answer);
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
