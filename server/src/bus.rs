//! The bus between nodes: bytes in, bytes out, over one Redis pub/sub channel (`<prefix>:bus`).
//!
//! A node delivers to its own connections first and then hands the bus one payload per committed operation; the
//! bus publishes it from one task, in order, pipelined, each batch with a 200 ms timeout, so a slow or absent Redis
//! never holds up a sender. Redis pub/sub keeps nothing while a node is not subscribed, so the bus tells its node
//! when to look in the database instead ([`Inbound::CatchUp`]): after its subscription came back, and when another
//! node says that some of its publishes were lost. What the payloads mean is the hub's business.
//!
//! With no Redis configured the bus is local: publishing does nothing and nothing ever arrives.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use bytes::{Buf, BufMut, Bytes, BytesMut};
use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::{IntoConnectionInfo, ProtocolVersion, PushKind, Value};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

/// Longest a publish may take before it counts as lost.
pub const PUBLISH_TIMEOUT: Duration = Duration::from_millis(200);
/// Payloads waiting to be published; beyond it they are dropped (and the other nodes told to catch up).
const OUTGOING: usize = 65_536;
/// Payloads published in one round trip.
const BATCH: usize = 512;
/// How often a node whose payloads were lost tries to tell the others, when it has nothing else to publish.
const RETRY: Duration = Duration::from_millis(500);
/// The payload that asks every other node to compare its conversations with the database.
const CATCH_UP: &[u8] = b"";

/// What the bus hands its node.
#[derive(Debug)]
pub enum Inbound {
    /// Another node's payload.
    Message(Bytes),
    /// Something may have been missed: compare what was delivered with the database.
    CatchUp,
}

#[derive(Debug, thiserror::Error)]
#[error("cannot use Redis at the configured URL: {0}")]
pub struct BusError(#[from] redis::RedisError);

/// The node's handle on the bus. Cheap to clone.
#[derive(Clone, Default)]
pub struct Bus {
    redis: Option<Arc<RedisBus>>,
}

struct RedisBus {
    outgoing: mpsc::Sender<Bytes>,
    /// A connection for commands (publishes, presence), separate from the subscriber's.
    commands: ConnectionManager,
    prefix: String,
    /// Set when a payload could not be published; cleared once the others were told to catch up.
    lost: Arc<AtomicBool>,
}

impl Bus {
    /// The in-process bus of a single node.
    pub fn local() -> Bus {
        Bus::default()
    }

    /// Connects to Redis (RESP3), subscribes to `<prefix>:bus` and starts the publisher and the subscriber on
    /// `tracker`. Fails when Redis cannot be reached now; later outages are survived.
    pub async fn redis(
        url: &str,
        prefix: &str,
        tracker: &TaskTracker,
        shutdown: CancellationToken,
    ) -> Result<(Bus, mpsc::UnboundedReceiver<Inbound>), BusError> {
        let info = url.into_connection_info()?;
        let settings = info
            .redis_settings()
            .clone()
            .set_protocol(ProtocolVersion::RESP3);
        let client = redis::Client::open(info.set_redis_settings(settings))?;
        let timeouts = || {
            ConnectionManagerConfig::new()
                .set_connection_timeout(Some(Duration::from_secs(1)))
                .set_response_timeout(Some(Duration::from_secs(1)))
                .set_max_delay(Duration::from_secs(1))
        };
        let commands = client
            .get_connection_manager_with_config(timeouts())
            .await?;
        let (push_tx, push_rx) = mpsc::unbounded_channel();
        let mut subscriber = client
            .get_connection_manager_with_config(
                timeouts()
                    .set_push_sender(push_tx)
                    .set_automatic_resubscription(),
            )
            .await?;
        let channel = format!("{prefix}:bus");
        subscriber.subscribe(&channel).await?;

        // Only tells this node's payloads from the others'; a clock-based fallback is unique enough for that.
        let node = getrandom::u64()
            .unwrap_or_else(|_| crate::now_ms() as u64 ^ u64::from(std::process::id()));
        let (outgoing, queue) = mpsc::channel(OUTGOING);
        let lost = Arc::new(AtomicBool::new(false));
        // The publisher holds no sender: it drains the queue and ends once the node dropped its last handle.
        tracker.spawn(publish(
            commands.clone(),
            lost.clone(),
            queue,
            channel,
            node,
        ));
        let bus = Arc::new(RedisBus {
            outgoing,
            commands,
            prefix: prefix.to_owned(),
            lost,
        });
        let (inbound_tx, inbound) = mpsc::unbounded_channel();
        tracker.spawn(subscribe(subscriber, push_rx, inbound_tx, node, shutdown));
        Ok((Bus { redis: Some(bus) }, inbound))
    }

    /// Whether there are other nodes to publish to.
    pub fn is_shared(&self) -> bool {
        self.redis.is_some()
    }

    /// Queues a payload for the other nodes. Never waits.
    pub fn publish(&self, payload: Bytes) {
        let Some(redis) = &self.redis else { return };
        if redis.outgoing.try_send(payload).is_err() {
            metrics::counter!("engawa_bus_dropped_total").increment(1);
            redis.lost.store(true, Ordering::Relaxed);
        }
    }

    /// A connection for other Redis commands (presence), when there is Redis.
    pub fn commands(&self) -> Option<(ConnectionManager, String)> {
        self.redis
            .as_ref()
            .map(|r| (r.commands.clone(), r.prefix.clone()))
    }

    /// Whether the bus works: always for the local bus; Redis answers `PING` otherwise (`/readyz`).
    pub async fn ready(&self) -> bool {
        let Some(redis) = &self.redis else {
            return true;
        };
        let mut conn = redis.commands.clone();
        let cmd = redis::cmd("PING");
        let ping = cmd.query_async::<String>(&mut conn);
        matches!(tokio::time::timeout(PUBLISH_TIMEOUT, ping).await, Ok(Ok(_)))
    }
}

/// Publishes queued payloads in order, a batch per round trip. Ends when the node drops its last handle.
async fn publish(
    mut conn: ConnectionManager,
    lost: Arc<AtomicBool>,
    mut queue: mpsc::Receiver<Bytes>,
    channel: String,
    node: u64,
) {
    let mut batch = Vec::with_capacity(BATCH);
    let frame = |payload: &[u8]| {
        let mut out = BytesMut::with_capacity(8 + payload.len());
        out.put_u64(node);
        out.put_slice(payload);
        out.freeze()
    };
    loop {
        // After a loss, the others must hear "catch up" even when nothing else is sent: retry on a timer.
        let received = if lost.load(Ordering::Relaxed) {
            match tokio::time::timeout(RETRY, queue.recv_many(&mut batch, BATCH)).await {
                Ok(n) => n,
                Err(_) => usize::MAX,
            }
        } else {
            queue.recv_many(&mut batch, BATCH).await
        };
        if received == 0 {
            break;
        }
        let mut pipe = redis::pipe();
        // Before the batch: the payloads that were lost before it are in the database; tell the others to look.
        let told = lost.swap(false, Ordering::Relaxed);
        if told {
            pipe.publish(&channel, frame(CATCH_UP).as_ref()).ignore();
        }
        for payload in batch.drain(..) {
            pipe.publish(&channel, frame(&payload).as_ref()).ignore();
        }
        let sent = tokio::time::timeout(PUBLISH_TIMEOUT, pipe.exec_async(&mut conn)).await;
        match sent {
            Ok(Ok(())) => metrics::counter!("engawa_bus_published_total").increment(1),
            Ok(Err(error)) => {
                tracing::warn!(%error, "publish to Redis failed; the other nodes will catch up");
                lost.store(true, Ordering::Relaxed);
            }
            Err(_) => {
                tracing::warn!("publish to Redis timed out; the other nodes will catch up");
                lost.store(true, Ordering::Relaxed);
            }
        }
    }
}

/// Hands other nodes' payloads to the node, and asks it to catch up once the subscription is back after a
/// disconnection (the connection manager resubscribes before it answers again).
async fn subscribe(
    mut subscriber: ConnectionManager,
    mut pushes: mpsc::UnboundedReceiver<redis::PushInfo>,
    inbound: mpsc::UnboundedSender<Inbound>,
    node: u64,
    shutdown: CancellationToken,
) {
    loop {
        let push = tokio::select! {
            () = shutdown.cancelled() => return,
            push = pushes.recv() => match push {
                Some(push) => push,
                None => return,
            },
        };
        match push.kind {
            PushKind::Message => {
                let Some(Value::BulkString(data)) = push.data.into_iter().nth(1) else {
                    continue;
                };
                let mut data = Bytes::from(data);
                if data.len() < 8 || data.get_u64() == node {
                    continue;
                }
                let item = if data.is_empty() {
                    Inbound::CatchUp
                } else {
                    Inbound::Message(data)
                };
                if inbound.send(item).is_err() {
                    return;
                }
            }
            PushKind::Disconnection => {
                metrics::counter!("engawa_bus_disconnections_total").increment(1);
                tracing::warn!("lost the Redis subscription; reconnecting");
                // Asking makes the manager reconnect (and resubscribe) until Redis answers.
                loop {
                    let cmd = redis::cmd("PING");
                    let ping = cmd.query_async::<Value>(&mut subscriber);
                    tokio::select! {
                        () = shutdown.cancelled() => return,
                        answer = ping => if answer.is_ok() { break },
                    }
                    tokio::time::sleep(Duration::from_millis(250)).await;
                }
                tracing::info!("Redis subscription restored; catching up from the database");
                if inbound.send(Inbound::CatchUp).is_err() {
                    return;
                }
            }
            _ => {}
        }
    }
}
