//! The writer: the one task per node that writes conversation events, committing them in groups.
//!
//! Under load, operations queue while a commit is in flight and the next transaction takes them all ("group
//! commit"): one fsync serves many messages, and each is still acknowledged only after its commit. Each operation
//! runs in a savepoint, so a refused one leaves the rest of its group alone. After the commit the writer applies the
//! effects in order — subscriptions, then events (serialized once, shared by every recipient), then
//! unsubscriptions and notices — and only then answers the requesters.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::{mpsc, oneshot};

use super::Shared;
use super::consult::ConsultNotice;
use super::ops::{self, Effects, Notice, Op, OpError, Reply};
use super::registry::Outbound;
use crate::protocol::{ErrorCode, Refusal, ServerEvent, UserId};
use crate::store::{StoreError, WriteConn};

/// Most operations in one transaction: bounds the latency the last of a group waits.
const MAX_GROUP: usize = 256;

pub(super) struct Job {
    pub actor: UserId,
    pub op: Op,
    pub reply: ReplyTo,
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
        let size = group.len();
        commit_group(&mut conn, std::mem::take(&mut group), &shared).await;
        metrics::histogram!("engawa_commit_group_size").record(size as f64);
        metrics::histogram!("engawa_commit_seconds").record(started.elapsed().as_secs_f64());
    }
    tracing::debug!("writer stopped");
}

async fn commit_group(conn: &mut WriteConn, group: Vec<Job>, shared: &Shared) {
    let now = crate::now_ms();
    let mut answers: Vec<(ReplyTo, Outcome)> = Vec::with_capacity(group.len());
    // A group of one needs no savepoint: its transaction is one. This saves two round trips per operation
    // whenever the writer keeps up.
    let alone = group.len() == 1;
    let automod = shared.automod();
    let env = ops::Env {
        timers: &shared.limits.timers,
        automod: &automod,
    };
    let outcome: Result<(), StoreError> = async {
        let mut tx = conn.begin().await?;
        let mut undo = false;
        for job in group {
            if !alone {
                tx.savepoint().await?;
            }
            let name = job.op.name();
            let result = match ops::apply(&mut tx, job.actor, job.op, now, &env).await {
                Ok(done) => Ok(done),
                Err(OpError::Refused(refusal)) => Err(refusal),
                Err(OpError::Store(error)) => {
                    tracing::error!(op = name, %error, "operation failed");
                    Err(ErrorCode::Internal.into())
                }
            };
            match (&result, alone) {
                (Ok(_), false) => tx.release_savepoint().await?,
                (Err(_), false) => tx.rollback_to_savepoint().await?,
                (Err(_), true) => undo = true,
                (Ok(_), true) => {}
            }
            answers.push((job.reply, result));
        }
        if undo {
            tx.rollback().await
        } else {
            tx.commit().await
        }
    }
    .await;
    if let Err(error) = outcome {
        tracing::error!(%error, "write transaction failed; answering its group with `internal`");
        for (reply, _) in answers {
            // The requester may have gone (socket closed); then no one waits for the answer.
            let _ = reply.send(Err(ErrorCode::Internal.into()));
        }
        reconnect(conn, shared).await;
        return;
    }
    for (reply, result) in answers {
        let answer = result.map(|(reply, effects)| {
            deliver(shared, effects);
            reply
        });
        // As above: a requester that went away needs no answer; the effects are already delivered.
        let _ = reply.send(answer);
    }
}

/// Applies a committed operation's effects to this node's connections.
fn deliver(shared: &Shared, mut effects: Effects) {
    let consult = std::mem::take(&mut effects.consult);
    let banned = std::mem::take(&mut effects.ban);
    deliver_conversation(shared, effects);
    for notice in consult {
        deliver_consult(&shared.registry, notice);
    }
    for user in banned {
        shared
            .registry
            .kick_user(user, super::Sessions::All, super::registry::close::BANNED);
    }
}

/// Consultation frames: each is serialized once per audience.
fn deliver_consult(registry: &super::Registry, notice: ConsultNotice) {
    match notice {
        ConsultNotice::View {
            requester,
            helpers,
            requester_view,
            helper_view,
        } => {
            let to_requester = super::encode(&ServerEvent::Consultation(requester_view));
            registry.to_user(requester, &Outbound::Frame(to_requester));
            let to_helpers =
                Outbound::Frame(super::encode(&ServerEvent::Consultation(helper_view)));
            for helper in helpers.into_iter().filter(|h| *h != requester) {
                registry.to_user(helper, &to_helpers);
            }
        }
        ConsultNotice::Position {
            user,
            consultation,
            position,
            eta_seconds,
            helpers_available,
            topic_names,
        } => registry.to_user(
            user,
            &Outbound::QueuePosition {
                consultation,
                position,
                eta_seconds,
                helpers_available,
                topic_names,
            },
        ),
        ConsultNotice::Queue { item, to } => {
            let frame = Outbound::Frame(super::encode(&ServerEvent::QueueItem(Box::new(item))));
            for user in to {
                registry.to_user(user, &frame);
            }
        }
        ConsultNotice::HelperStatus {
            user,
            availability,
            load,
            capacity,
        } => {
            let frame = super::encode(&ServerEvent::HelperStatus {
                availability,
                load,
                capacity,
            });
            registry.to_user(user, &Outbound::Frame(frame));
        }
    }
}

fn deliver_conversation(shared: &Shared, effects: Effects) {
    let registry = &shared.registry;
    for (conversation, user) in effects.subscribe {
        registry.member_joined(conversation, user);
    }
    for event in effects.events {
        let started = Instant::now();
        let (conversation, seq) = (event.conversation, event.seq);
        if matches!(event.body, crate::protocol::EventBody::Message { .. }) {
            metrics::counter!("engawa_messages_sent_total").increment(1);
        }
        let frame = super::encode(&ServerEvent::Event(Box::new(event)));
        let delivered = registry.broadcast(conversation, seq, &frame);
        metrics::counter!("engawa_events_delivered_total").increment(delivered as u64);
        metrics::histogram!("engawa_fanout_seconds").record(started.elapsed().as_secs_f64());
    }
    for (conversation, user) in effects.unsubscribe {
        registry.member_left(conversation, user);
    }
    for notice in effects.notices {
        match notice {
            Notice::Membership {
                user,
                conversation,
                change,
            } => registry.to_user(
                user,
                &Outbound::Membership {
                    conversation,
                    change,
                },
            ),
            Notice::Mentioned {
                user,
                conversation,
                message,
                seq,
                by,
            } => registry.to_user(
                user,
                &Outbound::Mentioned {
                    conversation,
                    message,
                    seq,
                    by,
                },
            ),
            Notice::Personal { user, id, args } => {
                registry.to_user(user, &Outbound::Notice { id, args })
            }
            Notice::Report { to, report } => {
                let frame = Outbound::Frame(super::encode(&ServerEvent::Report(report)));
                for user in to {
                    registry.to_user(user, &frame);
                }
            }
        }
    }
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
