//! Conversations: membership, seq, fan-out.
//!
//! The [`Hub`] is what HTTP handlers and WebSocket sessions call. Writes become [`ops::Op`]s queued to the node's
//! one writer task ([`writer`]), which commits them in groups, fans the events out through the [`Registry`] and
//! answers. Reads (history, replay) go to the store directly, after an authorization check.

mod arrivals;
pub mod consult;
pub mod fanout;
pub mod moderation;
pub mod ops;
mod presence;
pub mod registry;
pub mod rules;
mod views;
mod writer;

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, RwLock};

use tokio::sync::{mpsc, oneshot};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::bus::{Bus, Inbound};

use crate::protocol::{
    AckResult, ConversationEvent, ConversationId, ConversationSummary, ErrorCode, HistoryPage,
    Refusal, Seq, ServerEvent, UserId,
};
use crate::store::{Batcher, Direction, Paging, Store, StoreError};

pub use arrivals::Started;
pub use ops::{Op, Reply};
pub use registry::{
    Conn, ConnId, Frame, Item, Outbound, Outbox, PING_EVERY, Personal, Registry, Sessions, Stamped,
};

/// Limits the hub enforces (see `docs/protocol.md`, "Limits").
#[derive(Debug, Clone)]
pub struct HubLimits {
    pub max_body_chars: u32,
    pub send_per_second: u32,
    pub send_burst: u32,
    pub resume_cap: u32,
    pub history_page_max: u32,
    /// Frames queued per connection; a connection whose queue is full is closed with 1013.
    pub outbox: usize,
    /// Operations waiting for the writer; beyond it requests get `unavailable` at once.
    pub writer_queue: usize,
    /// Consultation timers.
    pub timers: crate::consult::Timers,
}

/// The hub's public face. Cheap to clone.
#[derive(Clone)]
pub struct Hub {
    shared: Arc<Shared>,
    /// The writer's mailbox; the writer stops when every clone of the hub is gone.
    writer: mpsc::Sender<writer::Job>,
    /// What new connections read before `ready`, batched (`arrivals`); its task also stops with the last clone.
    arrivals: Batcher<Arc<registry::Conn>, arrivals::Started>,
}

pub(crate) struct Shared {
    pub store: Store,
    pub registry: Registry,
    pub limits: HubLimits,
    /// Per-person send buckets, shared by every connection and HTTP request of that person on this node.
    send_buckets: Mutex<HashMap<UserId, crate::moderation::throttle::TokenBucket>>,
    /// The compiled automod rules; replaced whole when a rule changes (the writer takes a snapshot per group).
    automod: RwLock<Arc<crate::moderation::Automod>>,
    /// The other nodes (nobody, with the local bus).
    bus: Bus,
    presence: presence::Presence,
    /// A catch-up from the database is running / was asked for again meanwhile.
    catching_up: AtomicBool,
    catch_up_again: AtomicBool,
}

impl Shared {
    /// Rebuilds the automod rule set from the database.
    async fn reload_automod(&self) -> Result<(), StoreError> {
        let rules = self.store.automod_rules().await?;
        let automod = Arc::new(crate::moderation::Automod::new(rules));
        *self.automod.write().unwrap_or_else(|e| e.into_inner()) = automod;
        Ok(())
    }

    pub(crate) fn automod(&self) -> Arc<crate::moderation::Automod> {
        self.automod
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }
}

/// An answer that will come after the writer commits.
pub type Pending = Pin<Box<dyn Future<Output = Result<AckResult, Refusal>> + Send>>;

/// What resuming a conversation yields.
#[derive(Debug)]
pub enum Replay {
    /// Every event after the client's seq, in order (possibly none).
    Events(Vec<ConversationEvent>),
    /// More than the cap were missed: the client reloads; this is the newest seq.
    Resync(Seq),
}

/// How a hub reaches the other nodes: the bus, what arrives on it, and where presence lives.
pub struct Cluster {
    pub bus: Bus,
    /// Other nodes' payloads (none with the local bus).
    pub inbound: Option<mpsc::UnboundedReceiver<Inbound>>,
    pub presence: Box<dyn crate::presence::Backend>,
}

impl Cluster {
    /// A single node: in-process fan-out and presence.
    pub fn local() -> Cluster {
        Cluster {
            bus: Bus::local(),
            inbound: None,
            presence: Box::new(crate::presence::Local::default()),
        }
    }
}

impl Hub {
    /// Opens the writer's connection and starts the writer, the presence task and the bus receiver on `tracker`.
    pub async fn start(
        store: Store,
        limits: HubLimits,
        cluster: Cluster,
        tracker: &TaskTracker,
        shutdown: CancellationToken,
    ) -> Result<Hub, StoreError> {
        let (tx, rx) = mpsc::channel(limits.writer_queue);
        let automod = crate::moderation::Automod::new(store.automod_rules().await?);
        let (presence, marked) = presence::Presence::new(cluster.presence);
        let shared = Arc::new(Shared {
            store,
            registry: Registry::default(),
            limits,
            send_buckets: Mutex::new(HashMap::new()),
            automod: RwLock::new(Arc::new(automod)),
            bus: cluster.bus,
            presence,
            catching_up: AtomicBool::new(false),
            catch_up_again: AtomicBool::new(false),
        });
        let stopped = writer::spawn(rx, shared.clone(), tokio::runtime::Handle::current()).await?;
        // Shutdown waits for the writer to drain its queue.
        tracker.spawn(async move {
            // An error only says the thread is gone, which is what is waited for.
            let _ = stopped.await;
        });
        tracker.spawn(presence::run(shared.clone(), marked, shutdown.clone()));
        let pinged = shared.clone();
        tracker.spawn(async move { registry::ping_connections(&pinged.registry, shutdown).await });
        let arrivals = Batcher::start({
            let shared = shared.clone();
            move |batch| {
                let shared = shared.clone();
                async move { arrivals::start(&shared, batch).await }
            }
        });
        let hub = Hub {
            shared,
            writer: tx,
            arrivals,
        };
        if let Some(inbound) = cluster.inbound {
            tokio::spawn(fanout::receive(hub.clone(), inbound));
        }
        Ok(hub)
    }

    /// Whether the bus to the other nodes works (`/readyz`).
    pub async fn bus_ready(&self) -> bool {
        self.shared.bus.ready().await
    }

    /// Closes some of a person's connections, on every node.
    pub fn kick(&self, user: UserId, sessions: Sessions, code: u16) {
        self.shared.deliver(vec![fanout::Delivery::Kick {
            user,
            sessions,
            code,
        }]);
    }

    pub fn registry(&self) -> &Registry {
        &self.shared.registry
    }

    pub fn store(&self) -> &Store {
        &self.shared.store
    }

    pub fn limits(&self) -> &HubLimits {
        &self.shared.limits
    }

    /// Rebuilds the automod rule set from the database after a rule changed, here and on the other nodes.
    pub async fn reload_automod(&self) -> Result<(), StoreError> {
        self.shared.reload_automod().await?;
        self.shared.publish(&[fanout::Delivery::ReloadAutomod]);
        Ok(())
    }

    /// Checks an operation's shape and the sender's rate, and queues it to the writer. Queuing happens before this
    /// returns, so operations submitted one after another are applied in that order.
    pub fn submit(&self, actor: UserId, mut op: Op) -> Result<Pending, Refusal> {
        self.check(actor, &mut op)?;
        let (reply, answer) = oneshot::channel();
        self.writer
            .try_send(writer::Job {
                actor,
                op,
                reply,
                queued: std::time::Instant::now(),
            })
            .map_err(|_| Refusal::from(ErrorCode::Unavailable))?;
        let hub = self.clone();
        Ok(Box::pin(async move {
            let reply = answer
                .await
                .map_err(|_| Refusal::from(ErrorCode::Internal))??;
            hub.resolve(actor, reply).await
        }))
    }

    /// Submits and waits for the answer.
    pub async fn execute(&self, actor: UserId, op: Op) -> Result<AckResult, Refusal> {
        self.submit(actor, op)?.await
    }

    fn check(&self, actor: UserId, op: &mut Op) -> Result<(), Refusal> {
        let limits = &self.shared.limits;
        let body = |body: &str| {
            rules::check_body(body, limits.max_body_chars)
                .map_err(|c| Refusal::from(c).arg("max", i64::from(limits.max_body_chars)))
        };
        let lang = |lang: &str| rules::check_lang(lang).map_err(|_| Refusal::field("lang"));
        let languages = |langs: &[String]| {
            if langs.len() > 16 || langs.iter().any(|l| rules::check_lang(l).is_err()) {
                Err(Refusal::field("languages"))
            } else {
                Ok(())
            }
        };
        match op {
            Op::Send {
                client_id,
                body: text,
                lang: tag,
                over_rate,
                ..
            } => {
                rules::check_client_id(client_id)?;
                body(text)?;
                lang(tag)?;
                // Decided by the writer after the duplicate check: a retry is never refused for the rate.
                *over_rate = self.take_send_token(actor).err();
            }
            Op::Edit {
                body: text,
                lang: tag,
                ..
            } => {
                body(text)?;
                if let Some(tag) = tag {
                    lang(tag)?;
                }
            }
            Op::React { emoji, .. } => {
                rules::check_emoji(emoji).map_err(|_| Refusal::field("emoji"))?
            }
            Op::CreateChannel {
                name,
                topic,
                languages: langs,
                ..
            } => {
                *name = unicode_normalization::UnicodeNormalization::nfc(name.as_str()).collect();
                rules::channel_name_key(name).map_err(|_| Refusal::field("name"))?;
                rules::check_topic(topic).map_err(|_| Refusal::field("topic"))?;
                languages(langs)?;
            }
            Op::UpdateChannel {
                topic,
                languages: langs,
                ..
            } => {
                if let Some(topic) = topic {
                    rules::check_topic(topic).map_err(|_| Refusal::field("topic"))?;
                }
                if let Some(langs) = langs {
                    languages(langs)?;
                }
            }
            Op::OpenDirect { users } => {
                if users.is_empty() {
                    return Err(Refusal::field("users"));
                }
                if users.len() >= rules::GROUP_MAX {
                    return Err(Refusal::from(ErrorCode::TooManyMembers)
                        .arg("max", rules::GROUP_MAX as i64));
                }
            }
            Op::Consult(consult) => check_consult(consult, limits)?,
            Op::Moderate(op) => check_moderation(op)?,
            Op::Delete { .. }
            | Op::Join { .. }
            | Op::Leave { .. }
            | Op::Invite { .. }
            | Op::SetModerator { .. } => {}
        }
        Ok(())
    }

    /// Takes a send token, or says in how many seconds one will be there.
    fn take_send_token(&self, actor: UserId) -> Result<(), u32> {
        let limits = &self.shared.limits;
        let now = crate::now_ms();
        let mut buckets = self
            .shared
            .send_buckets
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let bucket = buckets.entry(actor).or_insert_with(|| {
            crate::moderation::throttle::TokenBucket::full(limits.send_burst, now)
        });
        bucket.take(limits.send_per_second, limits.send_burst, now)
    }

    /// Turns the writer's reply into what the requester receives.
    async fn resolve(&self, actor: UserId, reply: Reply) -> Result<AckResult, Refusal> {
        Ok(match reply {
            Reply::Sent {
                message,
                conversation,
                seq,
                client_id,
                duplicate,
            } => AckResult::Sent {
                message,
                conversation,
                seq,
                client_id,
                duplicate,
            },
            Reply::Conversation(id) => AckResult::Conversation {
                conversation: self.summary(actor, id).await?,
            },
            Reply::Done(seq) => AckResult::Done { seq },
            Reply::Refused(refusal) => return Err(refusal),
            Reply::Report(id) => AckResult::Report {
                report: Box::new(
                    self.shared
                        .store
                        .report(id)
                        .await
                        .map_err(internal)?
                        .ok_or_else(|| Refusal::from(ErrorCode::NotFound))?,
                ),
            },
            // Someone who just gave the consultation away (a transfer) may no longer read it: they get a bare ack.
            Reply::Consultation(id) => match self.consultation(actor, id, true).await {
                Ok(consultation) => AckResult::Consultation {
                    consultation: Box::new(consultation),
                },
                Err(refusal) if refusal.code == ErrorCode::NotFound => {
                    AckResult::Done { seq: None }
                }
                Err(refusal) => return Err(refusal),
            },
        })
    }

    /// A conversation as `actor` sees it.
    pub async fn summary(
        &self,
        actor: UserId,
        id: ConversationId,
    ) -> Result<ConversationSummary, Refusal> {
        self.shared
            .store
            .conversation_for(id, actor)
            .await
            .map_err(internal)?
            .ok_or_else(|| Refusal::from(ErrorCode::NotFound))
    }

    /// A page of history, for members (and for anyone, of a public channel).
    pub async fn history(
        &self,
        actor: UserId,
        conversation: ConversationId,
        before: Option<Seq>,
        after: Option<Seq>,
        limit: Option<u32>,
    ) -> Result<HistoryPage, Refusal> {
        let direction = match (before, after) {
            (Some(_), Some(_)) => return Err(ErrorCode::InvalidRange.into()),
            (before, None) => Direction::Before(before),
            (None, Some(after)) => Direction::After(after),
        };
        let (summary, staff_read) = self.readable(actor, conversation).await?;
        if !summary.joined && !staff_read && !rules::may_preview(summary.kind, summary.visibility) {
            return Err(rules::not_member_error(summary.kind, summary.visibility).into());
        }
        let max = self.shared.limits.history_page_max;
        let limit = limit.unwrap_or(50).clamp(1, max);
        self.shared
            .store
            .history(conversation, Paging { direction, limit })
            .await
            .map_err(internal)
    }

    /// The events of a conversation after `after`, for a member, or a resync when more than the cap were missed.
    pub async fn replay(
        &self,
        actor: UserId,
        conversation: ConversationId,
        after: Seq,
    ) -> Result<Replay, Refusal> {
        let store = &self.shared.store;
        if !store
            .is_member(conversation, actor)
            .await
            .map_err(internal)?
        {
            return Err(Refusal::from(ErrorCode::NotMember).arg("conversation", conversation.0));
        }
        let cap = self.shared.limits.resume_cap;
        let events = store
            .events_after(conversation, after, cap + 1)
            .await
            .map_err(internal)?;
        if events.len() > cap as usize {
            let last = store
                .last_seq(conversation)
                .await
                .map_err(internal)?
                .unwrap_or(after);
            return Ok(Replay::Resync(last));
        }
        Ok(Replay::Events(events))
    }

    /// Fills a gap a connection noticed in its live events (`after < seq < before`).
    pub async fn events_between(
        &self,
        conversation: ConversationId,
        after: Seq,
        before: Seq,
    ) -> Result<Vec<ConversationEvent>, Refusal> {
        let missing = before.saturating_sub(after + 1);
        let events = self
            .shared
            .store
            .events_after(conversation, after, missing.min(u64::from(u32::MAX)) as u32)
            .await
            .map_err(internal)?;
        Ok(events.into_iter().filter(|e| e.seq < before).collect())
    }

    /// Tells the other members that `conn`'s person is typing. Silently nothing when they are not a member.
    pub fn typing(&self, conn: &Conn, conversation: ConversationId) {
        if self.shared.registry.is_subscribed(conn, conversation) {
            let frame = encode(&ServerEvent::Typing {
                conversation,
                user: conn.user,
            });
            self.shared.deliver(vec![fanout::Delivery::Except {
                conversation,
                except: conn.user,
                frame,
            }]);
        }
    }

    /// Moves a read marker and tells the person's other connections.
    pub async fn mark_read(
        &self,
        user: UserId,
        conversation: ConversationId,
        seq: Seq,
    ) -> Result<(Seq, u32, u32), Refusal> {
        let marker = self
            .shared
            .store
            .mark_read(conversation, user, seq)
            .await
            .map_err(internal)?
            .ok_or_else(|| Refusal::from(ErrorCode::NotMember))?;
        let (seq, unread, mentions) = marker;
        let frame = encode(&ServerEvent::ReadMarker {
            reference: None,
            conversation,
            seq,
            unread,
            mentions,
        });
        self.shared.deliver(vec![fanout::Delivery::ToUsers {
            users: vec![user],
            item: Outbound::frame(frame),
        }]);
        Ok(marker)
    }
}

/// Checks a moderation operation's text lengths.
fn check_moderation(op: &moderation::ModOp) -> Result<(), Refusal> {
    use moderation::ModOp;
    let (text, field) = match op {
        ModOp::Act { reason, .. } => (reason, "reason"),
        ModOp::Report(report) => (&report.note, "note"),
        ModOp::CloseReport { note, .. } => (note, "note"),
        ModOp::NoteReport { body, .. } => {
            if body.trim().is_empty() {
                return Err(Refusal::field("body"));
            }
            (body, "body")
        }
        ModOp::ClaimReport { .. } => return Ok(()),
    };
    if text.chars().count() > crate::protocol::REASON_MAX
        || text.chars().any(|c| c.is_control() && c != '\n')
    {
        return Err(Refusal::field(field));
    }
    Ok(())
}

/// Checks a consultation operation's shape.
fn check_consult(op: &mut consult::ConsultOp, limits: &HubLimits) -> Result<(), Refusal> {
    use consult::{Act, ConsultOp};
    let text = |s: &str, field: &str, max: usize| {
        if s.chars().count() > max {
            Err(Refusal::field(field))
        } else {
            Ok(())
        }
    };
    match op {
        ConsultOp::Open {
            languages,
            client_id,
            body,
            ..
        } => {
            rules::check_client_id(client_id)?;
            rules::check_body(body, limits.max_body_chars)
                .map_err(|c| Refusal::from(c).arg("max", i64::from(limits.max_body_chars)))?;
            if languages.is_empty()
                || languages.len() > 8
                || languages.iter().any(|l| rules::check_lang(l).is_err())
            {
                return Err(Refusal::field("languages"));
            }
        }
        ConsultOp::Act { act, .. } => match act {
            Act::Transfer { note, .. } => text(note, "note", 2000)?,
            Act::Resolve { summary } => text(summary, "summary", 2000)?,
            Act::Rate { rating, comment } => {
                if !(1..=5).contains(rating) {
                    return Err(Refusal::field("rating"));
                }
                text(comment, "comment", 1000)?;
            }
            Act::Accept
            | Act::Claim
            | Act::Hold
            | Act::Invite { .. }
            | Act::Cancel
            | Act::Reopen => {}
        },
        ConsultOp::Canned { client_id, .. } => rules::check_client_id(client_id)?,
        ConsultOp::SetHelper(_) | ConsultOp::Tick | ConsultOp::Lapse { .. } => {}
    }
    Ok(())
}

/// Serializes a server frame once, to be shared by every recipient.
pub fn encode(event: &ServerEvent) -> Frame {
    Frame::from(
        serde_json::to_string(event)
            .expect("server events serialize: they hold only strings, numbers and lists"),
    )
}

/// Logs a store failure and turns it into the code users see.
pub fn internal(error: StoreError) -> Refusal {
    tracing::error!(%error, "store failure");
    ErrorCode::Internal.into()
}
