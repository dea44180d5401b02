//! Fan-out on this node and across nodes.
//!
//! Everything that reaches connections is first turned into [`Delivery`]s: serialized once, handed to the bus as
//! one payload for the other nodes (a queue push that never waits), then applied to this node's registry; the
//! other nodes apply the same list to theirs. One committed operation is one payload, whatever the number of recipients. A node that may have missed
//! payloads ([`crate::bus::Inbound::CatchUp`]) compares each conversation it serves with the database and delivers
//! what is newer; sessions drop what they already hold and fill their own gaps by seq.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::Ordering;

use bytes::Bytes;
use serde::{Deserialize, Serialize};
use tokio::sync::mpsc;

use super::ops::{Effects, Notice};
use super::registry::{Frame, Outbound, Personal, Sessions, close, frame_text};
use super::{Hub, Shared, consult::ConsultNotice, encode};
use crate::bus::Inbound;
use crate::protocol::{ConversationId, MembershipChange, PresenceInfo, Seq, ServerEvent, UserId};

/// One thing to do to the connections of whichever node holds them.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "d", rename_all = "snake_case")]
pub enum Delivery {
    /// A person joined: their connections receive the conversation from now on (before its join event).
    Joined {
        conversation: ConversationId,
        user: UserId,
    },
    /// A conversation event, to its subscribers.
    Event {
        conversation: ConversationId,
        seq: Seq,
        #[serde(with = "frame_text")]
        frame: Frame,
    },
    /// A person left or was removed.
    Left {
        conversation: ConversationId,
        user: UserId,
    },
    /// A frame or notice for every connection of these people.
    ToUsers { users: Vec<UserId>, item: Outbound },
    /// An ephemeral frame (typing) to a conversation's subscribers except one person.
    Except {
        conversation: ConversationId,
        except: UserId,
        #[serde(with = "frame_text")]
        frame: Frame,
    },
    /// Close some of a person's connections.
    Kick {
        user: UserId,
        sessions: Sessions,
        code: u16,
    },
    /// Presence changes, to the people who share a conversation with those who changed.
    Presence { users: Vec<PresenceInfo> },
    /// Automod rules changed in the database.
    ReloadAutomod,
}

/// Turns a committed operation's effects into deliveries, in the order they apply: subscriptions, events,
/// unsubscriptions, notices, consultation frames, bans.
pub(super) fn plan(effects: Effects) -> Vec<Delivery> {
    let mut out = Vec::with_capacity(effects.events.len() + effects.notices.len() + 2);
    out.extend(
        effects
            .subscribe
            .into_iter()
            .map(|(conversation, user)| Delivery::Joined { conversation, user }),
    );
    for event in effects.events {
        if matches!(event.body, crate::protocol::EventBody::Message { .. }) {
            metrics::counter!("engawa_messages_sent_total").increment(1);
        }
        let (conversation, seq) = (event.conversation, event.seq);
        let frame = encode(&ServerEvent::Event(Box::new(event)));
        out.push(Delivery::Event {
            conversation,
            seq,
            frame,
        });
    }
    out.extend(
        effects
            .unsubscribe
            .into_iter()
            .map(|(conversation, user)| Delivery::Left { conversation, user }),
    );
    let to = |user: UserId, item: Outbound| Delivery::ToUsers {
        users: vec![user],
        item,
    };
    for notice in effects.notices {
        out.push(match notice {
            Notice::Membership {
                user,
                conversation,
                change,
            } => to(
                user,
                Personal::Membership {
                    conversation,
                    change,
                }
                .into(),
            ),
            Notice::Mentioned {
                user,
                conversation,
                message,
                seq,
                by,
            } => to(
                user,
                Personal::Mentioned {
                    conversation,
                    message,
                    seq,
                    by,
                }
                .into(),
            ),
            Notice::Personal { user, id, args } => to(
                user,
                Personal::Notice {
                    id: id.into(),
                    args,
                }
                .into(),
            ),
            Notice::Report { to, report } => Delivery::ToUsers {
                users: to,
                item: Outbound::frame(encode(&ServerEvent::Report(report))),
            },
        });
    }
    for notice in effects.consult {
        plan_consult(&mut out, notice);
    }
    out.extend(effects.ban.into_iter().map(|user| Delivery::Kick {
        user,
        sessions: Sessions::All,
        code: close::BANNED,
    }));
    out
}

/// Consultation frames: each serialized once per audience.
fn plan_consult(out: &mut Vec<Delivery>, notice: ConsultNotice) {
    let frame = |event: ServerEvent| Outbound::frame(encode(&event));
    match notice {
        ConsultNotice::View {
            requester,
            helpers,
            requester_view,
            helper_view,
        } => {
            out.push(Delivery::ToUsers {
                users: vec![requester],
                item: frame(ServerEvent::Consultation(requester_view)),
            });
            out.push(Delivery::ToUsers {
                users: helpers.into_iter().filter(|h| *h != requester).collect(),
                item: frame(ServerEvent::Consultation(helper_view)),
            });
        }
        ConsultNotice::Position {
            user,
            consultation,
            position,
            eta_seconds,
            helpers_available,
            topic_names,
        } => out.push(Delivery::ToUsers {
            users: vec![user],
            item: Personal::QueuePosition {
                consultation,
                position,
                eta_seconds,
                helpers_available,
                topic_names,
            }
            .into(),
        }),
        ConsultNotice::Queue { item, to } => out.push(Delivery::ToUsers {
            users: to,
            item: frame(ServerEvent::QueueItem(Box::new(item))),
        }),
        ConsultNotice::HelperStatus {
            user,
            availability,
            load,
            capacity,
        } => out.push(Delivery::ToUsers {
            users: vec![user],
            item: frame(ServerEvent::HelperStatus {
                availability,
                load,
                capacity,
            }),
        }),
    }
}

impl Shared {
    /// Hands the deliveries to the bus for the other nodes, then delivers them to this node's connections.
    ///
    /// Handing over is a push onto the publisher's bounded queue that never waits, so local delivery does not depend
    /// on Redis. Doing it first wakes the publisher before the session tasks the local delivery wakes: published
    /// the other way round, a payload waited behind this node's socket writes (in `docs/benchmarks.md`, scenario
    /// (d), the hop added 7 ms at the median that way, and nothing measurable this way).
    pub(super) fn deliver(self: &Arc<Self>, deliveries: Vec<Delivery>) {
        self.publish(&deliveries);
        for delivery in &deliveries {
            self.apply(delivery);
        }
    }

    /// Hands deliveries to the bus for the other nodes only.
    pub(super) fn publish(&self, deliveries: &[Delivery]) {
        if self.bus.is_shared() && !deliveries.is_empty() {
            match serde_json::to_vec(deliveries) {
                Ok(payload) => self.bus.publish(Bytes::from(payload)),
                Err(error) => tracing::error!(%error, "cannot encode deliveries for the bus"),
            }
        }
    }

    /// Applies one delivery to this node's connections.
    fn apply(self: &Arc<Self>, delivery: &Delivery) {
        let registry = &self.registry;
        match delivery {
            Delivery::Joined { conversation, user } => registry.member_joined(*conversation, *user),
            Delivery::Event {
                conversation,
                seq,
                frame,
            } => {
                let started = std::time::Instant::now();
                let delivered = registry.broadcast(*conversation, *seq, frame);
                metrics::counter!("engawa_events_delivered_total").increment(delivered as u64);
                metrics::histogram!("engawa_fanout_seconds")
                    .record(started.elapsed().as_secs_f64());
            }
            Delivery::Left { conversation, user } => registry.member_left(*conversation, *user),
            Delivery::ToUsers { users, item } => {
                for user in users {
                    registry.to_user(*user, item);
                }
            }
            Delivery::Except {
                conversation,
                except,
                frame,
            } => registry.broadcast_except(*conversation, *except, frame),
            Delivery::Kick {
                user,
                sessions,
                code,
            } => registry.kick_user(*user, sessions, *code),
            Delivery::Presence { users } => {
                // Finding the audience reads the database: not on the caller's path.
                let shared = self.clone();
                let users = users.clone();
                tokio::spawn(async move { shared.deliver_presence(&users).await });
            }
            Delivery::ReloadAutomod => {
                let shared = self.clone();
                tokio::spawn(async move {
                    if let Err(error) = shared.reload_automod().await {
                        tracing::error!(%error, "cannot reload automod rules");
                    }
                });
            }
        }
    }

    /// Delivers what this node's subscribers may have missed while payloads were lost: every event newer than
    /// what each conversation here last saw.
    async fn catch_up(&self) {
        if let Err(error) = self.reconcile().await {
            tracing::error!(%error, "cannot bring memberships and sessions up to date");
        }
        let mut caught = 0usize;
        for (conversation, mut seq) in self.registry.rooms() {
            if seq == 0 {
                // Nothing was delivered here yet, and the sessions read the conversation when they started.
                continue;
            }
            loop {
                let events = match self.store.events_after(conversation, seq, 500).await {
                    Ok(events) => events,
                    Err(error) => {
                        tracing::error!(%error, "cannot catch up a conversation");
                        break;
                    }
                };
                let more = events.len() == 500;
                for event in events {
                    seq = event.seq;
                    let frame = encode(&ServerEvent::Event(Box::new(event)));
                    self.registry.broadcast(conversation, seq, &frame);
                    caught += 1;
                }
                if !more {
                    break;
                }
            }
        }
        metrics::counter!("engawa_bus_caught_up_events_total").increment(caught as u64);
        tracing::info!(events = caught, "caught up from the database");
    }
}

impl Shared {
    /// Brings this node's connections in line with the database, for payloads lost on the way here may have
    /// carried joins, removals, logouts and bans: connections of sessions that ended are closed (4004 for someone
    /// banned everywhere, 4003 otherwise), and each person receives exactly the conversations they are in, told
    /// with a `membership` frame of what changed. Reading the database after taking the snapshot means a change
    /// racing with this is at worst applied twice, which is harmless.
    async fn reconcile(&self) -> Result<(), crate::store::StoreError> {
        let people = self.registry.connected();
        let now = crate::now_ms();
        let (mut joined, mut left, mut closed) = (0usize, 0usize, 0usize);
        for chunk in people.chunks(500) {
            let users: Vec<UserId> = chunk.iter().map(|p| p.user).collect();
            let live: HashSet<String> = self
                .store
                .live_sessions(&users, now)
                .await?
                .into_iter()
                .collect();
            let mut memberships: HashMap<UserId, HashSet<ConversationId>> = HashMap::new();
            for (user, conversation) in self.store.memberships(&users, None).await? {
                memberships.entry(user).or_default().insert(conversation);
            }
            for person in chunk {
                let user = person.user;
                let ended: Vec<&String> = person
                    .sessions
                    .iter()
                    .filter(|s| !live.contains(*s))
                    .collect();
                if !ended.is_empty() {
                    let code = if self.store.global_ban(user, now).await?.is_some() {
                        close::BANNED
                    } else {
                        close::SESSION_REVOKED
                    };
                    for hash in ended {
                        self.registry
                            .kick_user(user, &Sessions::Only(hash.clone()), code);
                        closed += 1;
                    }
                }
                let now_in = memberships.remove(&user).unwrap_or_default();
                let membership = |conversation, change| -> Outbound {
                    Personal::Membership {
                        conversation,
                        change,
                    }
                    .into()
                };
                for &conversation in now_in.difference(&person.rooms) {
                    self.registry.member_joined(conversation, user);
                    self.registry
                        .to_user(user, &membership(conversation, MembershipChange::Joined));
                    joined += 1;
                }
                for &conversation in person.rooms.difference(&now_in) {
                    self.registry.member_left(conversation, user);
                    self.registry
                        .to_user(user, &membership(conversation, MembershipChange::Left));
                    left += 1;
                }
            }
        }
        if joined + left + closed > 0 {
            tracing::info!(
                joined,
                left,
                closed,
                "memberships and sessions brought up to date"
            );
        }
        Ok(())
    }
}

/// Applies other nodes' payloads to this node until the bus ends.
pub async fn receive(hub: Hub, mut inbound: mpsc::UnboundedReceiver<Inbound>) {
    let shared = hub.shared.clone();
    while let Some(item) = inbound.recv().await {
        match item {
            Inbound::Message(payload) => match serde_json::from_slice::<Vec<Delivery>>(&payload) {
                Ok(deliveries) => {
                    for delivery in &deliveries {
                        shared.apply(delivery);
                    }
                }
                Err(error) => tracing::error!(%error, "undecodable payload from another node"),
            },
            Inbound::CatchUp => {
                // One at a time; a request that comes during one makes it run once more.
                shared.catch_up_again.store(true, Ordering::Release);
                if !shared.catching_up.swap(true, Ordering::AcqRel) {
                    let shared = shared.clone();
                    tokio::spawn(async move {
                        while shared.catch_up_again.swap(false, Ordering::AcqRel) {
                            shared.catch_up().await;
                        }
                        shared.catching_up.store(false, Ordering::Release);
                    });
                }
            }
        }
    }
}
