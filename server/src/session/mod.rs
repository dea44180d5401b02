//! One task per WebSocket: the handshake, then one `select!` loop over the socket, the outbox, pending answers,
//! the heartbeat, the hub's close requests and shutdown.
//!
//! The socket is abstract ([`WsIn`], [`WsOut`]): `http` adapts axum's WebSocket to it, so this module names no
//! web framework.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::future::Either;
use futures_util::stream::FuturesOrdered;
use futures_util::{FutureExt, Sink, SinkExt, Stream, StreamExt};
use tokio_util::sync::CancellationToken;
use tracing::Instrument;

use crate::auth::{self, Authed};
use crate::hub::{self, Conn, Frame, Hub, Item, Op, Outbound, Outbox, Personal, Replay, Stamped};
use crate::i18n::{I18n, Locale};
use crate::protocol::{
    AckResult, Args, ClientMsg, ConversationId, ErrorCode, Limits, LocalizedText, PROTOCOL_VERSION,
    Ready, Refusal, ResumePoint, Seq, ServerEvent, SetPresenceStatus, UserId,
};

/// A connection silent this long (no frame, no pong) is dead and reaped, at the next of the pings the hub queues every
/// [`hub::PING_EVERY`] (under common proxy idle timeouts, 60 s).
const DEAD_AFTER: Duration = Duration::from_secs(60);
/// The first frame (`hello`) must arrive within this.
const HELLO_TIMEOUT: Duration = Duration::from_secs(10);
/// How long to wait for the peer's close frame after sending ours.
const CLOSE_TIMEOUT: Duration = Duration::from_secs(5);
/// Requests a connection may have waiting for answers; beyond it the session stops reading (back-pressure).
const MAX_IN_FLIGHT: usize = 64;
// Memory: a connection's task holds the largest state of its future. Everything that waits on the database or runs
// rarely (handshake, requests, resume, gap filling) is boxed, so that an idle connection keeps only the loop.
/// Outbox items written before one flush: enough to put a burst into a few large writes, few enough that reading
/// the socket and answering requests are not starved.
const OUTBOX_BATCH: usize = 64;
/// Most answers and outbox batches a turn gathers before it flushes.
const GATHER_MAX: usize = 8;
/// Typing notices forwarded per person and conversation at most this often.
const TYPING_INTERVAL: Duration = Duration::from_secs(3);

/// Close codes (documented in `docs/protocol.md`).
pub mod close {
    pub const NORMAL: u16 = 1000;
    pub const INVALID_UTF8: u16 = 1007;
    pub const TOO_BIG: u16 = 1009;
    pub const UNAUTHENTICATED: u16 = 4001;
    pub const UNSUPPORTED_PROTOCOL: u16 = 4002;
    pub use crate::hub::registry::close::{SERVICE_RESTART, SESSION_REVOKED, TRY_AGAIN_LATER};
    /// The hello did not arrive in time.
    pub const HELLO_TIMEOUT: u16 = 4008;
}

/// A frame from the client, as the transport delivers it.
#[derive(Debug)]
pub enum WsIn {
    Text(bytes::Bytes),
    Binary,
    Ping,
    Pong,
    Close,
}

/// A frame to the client.
#[derive(Debug)]
pub enum WsOut {
    Text(Frame),
    Ping,
    Close(u16, &'static str),
}

/// Why reading failed.
#[derive(Debug)]
pub enum WsReadError {
    /// A frame or message over the size limit.
    TooBig,
    /// A text frame that is not UTF-8.
    InvalidUtf8,
    /// The transport failed (reset, protocol violation).
    Other(String),
}

/// Everything a session needs from its node.
#[derive(Clone)]
pub struct SessionCtx {
    pub hub: Hub,
    pub i18n: Arc<I18n>,
    pub shutdown: CancellationToken,
    pub limits: Limits,
}

/// What the upgrade request told about the client.
pub struct Upgrade {
    /// Authenticated from the session cookie, when the browser sent one. Boxed, as the connection's future keeps
    /// its place until the connection ends.
    pub cookie_auth: Option<Box<Authed>>,
    pub accept_language: Option<String>,
}

/// Runs a connection to its end.
///
/// The future comes boxed, with the session built before it: an idle connection's memory is mostly the future
/// that serves it, and a future keeps every argument and every value it moved beside the state that uses them (the
/// socket alone would sit in it three times). The task that awaits it holds a pointer, and nothing else of what it
/// did before the session began.
pub fn run<S>(
    socket: S,
    ctx: SessionCtx,
    upgrade: Upgrade,
) -> std::pin::Pin<Box<dyn Future<Output = ()> + Send>>
where
    S: Stream<Item = Result<WsIn, WsReadError>> + Sink<WsOut> + Unpin + Send + 'static,
{
    let conn_id = ctx.hub.registry().next_conn_id();
    let span = tracing::info_span!("session", conn = conn_id, user = tracing::field::Empty);
    let Upgrade {
        cookie_auth,
        accept_language,
    } = upgrade;
    let mut session = Session {
        socket,
        locale: ctx.i18n.negotiate_header(accept_language.as_deref(), None),
        accept_language,
        ctx,
        last_heard: Instant::now(),
        conn: None,
        presence: SetPresenceStatus::Online,
        span,
    };
    Box::pin(async move {
        let end = session.run(conn_id, cookie_auth).await;
        // Boxed like the phases inside `run`: the closing handshake's timer would otherwise take its room in
        // this future for the connection's whole life.
        let span = session.span.clone();
        Box::pin(session.close(end).instrument(span)).await;
    })
}

/// Why and how a session ends.
#[derive(Debug, Clone, Copy)]
struct End {
    code: u16,
    reason: &'static str,
    /// Whether to send our close frame (not when the transport is already gone).
    send_close: bool,
}

impl End {
    fn close(code: u16, reason: &'static str) -> End {
        End {
            code,
            reason,
            send_close: true,
        }
    }

    fn gone() -> End {
        End {
            code: close::NORMAL,
            reason: "",
            send_close: false,
        }
    }
}

struct Session<S> {
    socket: S,
    ctx: SessionCtx,
    locale: Locale,
    accept_language: Option<String>,
    last_heard: Instant,
    /// The connection in the hub's registry, once attached. Until then the session watches the node's shutdown;
    /// from then on the hub's close requests ([`Conn::kicked`]), shutdown included. A send blocked on a client that
    /// stopped reading gives way to them; [`Session::closed_by_server`] tells why.
    conn: Option<Arc<Conn>>,
    /// What this connection says of its person (`set_presence`).
    presence: SetPresenceStatus,
    /// The connection's span (`conn`, and `user` once known). Entered for every phase and turn that may log, but
    /// not for the turns that only deliver from the outbox: entering a span and leaving it costs the subscriber
    /// more than the rest of such a turn's own work (docs/benchmarks.md, 2026-12-07, fifth).
    span: tracing::Span,
}

/// What woke the session's loop, besides an item of the outbox (which has a turn of its own).
enum Woken {
    Kicked,
    Answer(Answered),
    Socket(Option<Result<WsIn, WsReadError>>),
}

/// A request's answer: the frame to send, or the request's ref and why it was refused.
type Answered = Result<ServerEvent, (Option<String>, Refusal)>;

type Answer = std::pin::Pin<Box<dyn std::future::Future<Output = Answered> + Send>>;

/// The requests waiting for their answers, answered in order. The queue is made at the first request: an empty
/// `FuturesOrdered` already holds two allocations (its ready queue and that queue's stub task), about 150 bytes that
/// an idle connection would keep for nothing.
#[derive(Default)]
struct Answers(Option<FuturesOrdered<Answer>>);

impl Answers {
    /// Queues a request's answer, in the session's span (the loop that awaits it runs outside it).
    fn push(&mut self, answer: impl std::future::Future<Output = Answered> + Send + 'static) {
        self.0
            .get_or_insert_with(FuturesOrdered::new)
            .push_back(Box::pin(answer.in_current_span()));
    }

    fn len(&self) -> usize {
        self.0.as_ref().map_or(0, FuturesOrdered::len)
    }
}

impl Stream for Answers {
    type Item = <Answer as std::future::Future>::Output;

    fn poll_next(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        match &mut self.get_mut().0 {
            Some(queue) => queue.poll_next_unpin(cx),
            None => std::task::Poll::Ready(None),
        }
    }
}

/// What the handshake established: who it is and where they resume.
struct Greeted {
    authed: Authed,
    resume: Vec<ResumePoint>,
}

/// The highest seq delivered per conversation: later duplicates are dropped, gaps are filled from the store.
/// Looked up for every event delivered. The conversation delivered to last is kept apart from the others: in a busy
/// conversation nearly every delivery is to the same one, and its check then reads this struct alone, where the
/// map's table is an allocation of its own, a likely cache miss per delivery among thousands of connections
/// (`docs/benchmarks.md`, 2026-12-06, eleventh).
#[derive(Default)]
struct Delivered {
    /// Authoritative for its conversation; the map's entry for it, if any, is stale until it moves there again.
    last: Option<(ConversationId, Seq)>,
    /// Keys the server assigns: a fast hash, not a keyed one.
    others: rustc_hash::FxHashMap<ConversationId, Seq>,
}

impl Delivered {
    fn get(&self, conversation: ConversationId) -> Option<Seq> {
        match self.last {
            Some((id, seq)) if id == conversation => Some(seq),
            _ => self.others.get(&conversation).copied(),
        }
    }

    fn set(&mut self, conversation: ConversationId, seq: Seq) {
        match &mut self.last {
            Some((id, last)) if *id == conversation => *last = seq,
            _ => {
                if let Some((id, last)) = self.last.replace((conversation, seq)) {
                    self.others.insert(id, last);
                }
            }
        }
    }

    /// Sets `seq` unless a later one was delivered.
    fn raise(&mut self, conversation: ConversationId, seq: Seq) {
        let seq = self.get(conversation).map_or(seq, |known| known.max(seq));
        self.set(conversation, seq);
    }

    fn forget(&mut self, conversation: ConversationId) {
        if self.last.is_some_and(|(id, _)| id == conversation) {
            self.last = None;
        }
        self.others.remove(&conversation);
    }
}

/// Per-connection delivery state of the main loop.
struct Live {
    /// The connection's outbox, and through it the connection.
    outbox: Outbox,
    delivered: Delivered,
    answers: Answers,
    typing_sent: HashMap<ConversationId, Instant>,
}

impl<S> Session<S>
where
    S: Stream<Item = Result<WsIn, WsReadError>> + Sink<WsOut> + Unpin + Send,
{
    async fn run(&mut self, conn_id: hub::ConnId, cookie_auth: Option<Box<Authed>>) -> End {
        let span = self.span.clone();
        let greeted = match Box::pin(self.handshake(cookie_auth).instrument(span)).await {
            Ok(greeted) => greeted,
            Err(end) => return end,
        };
        let authed = &greeted.authed;
        self.span.record("user", authed.user.id.0);
        self.locale = self
            .ctx
            .i18n
            .negotiate_header(self.accept_language.as_deref(), Some(&authed.user.locale));

        let outbox = Conn::open(
            conn_id,
            authed.user.id,
            authed.token_hash.clone(),
            self.ctx.hub.limits().outbox,
        );
        let conn = outbox.conn().clone();
        self.conn = Some(conn.clone());
        let registry = self.ctx.hub.registry();
        registry.attach(conn.clone());
        self.ctx.hub.presence_connected(conn.user);
        // Boxed: awaited inline, the loop's state would sit in this future twice (rustc keeps a slot for the value
        // and one for the awaited copy), 3.9 KB more for every connection.
        let end = Box::pin(self.serve(greeted, outbox)).await;
        self.ctx.hub.registry().detach(&conn);
        self.ctx.hub.presence_disconnected(conn.user, self.presence);
        end
    }

    /// Waits for `hello`, authenticates, and returns the person and their resume points.
    /// Boxed, because `run` keeps the place of what it got here while the loop runs.
    async fn handshake(&mut self, cookie_auth: Option<Box<Authed>>) -> Result<Box<Greeted>, End> {
        let deadline = tokio::time::Instant::now() + HELLO_TIMEOUT;
        loop {
            // Errors answered to frames before the hello are written before waiting for the next one.
            self.flush().await?;
            let frame = tokio::select! {
                frame = self.socket.next() => frame,
                () = tokio::time::sleep_until(deadline) => return Err(End::close(close::HELLO_TIMEOUT, "hello timeout")),
                () = self.ctx.shutdown.cancelled() => return Err(End::close(close::SERVICE_RESTART, "restart")),
            };
            let text = match self.read_frame(frame).await? {
                Some(text) => text,
                None => continue,
            };
            match self.parse(&text).await {
                Some(ClientMsg::Hello {
                    protocol,
                    token,
                    resume,
                }) => {
                    if protocol != PROTOCOL_VERSION {
                        let refusal = Refusal::from(ErrorCode::UnsupportedProtocol)
                            .arg("version", i64::from(PROTOCOL_VERSION));
                        self.send_error(None, refusal).await?;
                        return Err(End::close(
                            close::UNSUPPORTED_PROTOCOL,
                            "unsupported protocol",
                        ));
                    }
                    let authed = match (token, cookie_auth) {
                        (Some(token), _) => auth::authenticate(self.ctx.hub.store(), &token)
                            .await
                            .map_err(|e| e.code()),
                        (None, Some(authed)) => Ok(*authed),
                        (None, None) => Err(ErrorCode::Unauthenticated),
                    };
                    return match authed {
                        Ok(authed) => Ok(Box::new(Greeted { authed, resume })),
                        Err(code) => {
                            self.send_error(None, code.into()).await?;
                            Err(End::close(close::UNAUTHENTICATED, "unauthenticated"))
                        }
                    };
                }
                Some(other) => {
                    self.send_error(
                        other.reference().map(str::to_owned),
                        ErrorCode::HelloExpected.into(),
                    )
                    .await?;
                }
                None => {}
            }
        }
    }

    /// Everything before the loop: subscriptions, `ready`, the resume.
    async fn begin(&mut self, greeted: Box<Greeted>, outbox: Outbox) -> Result<Live, End> {
        let Greeted { authed, resume } = *greeted;
        let user = authed.user.id;
        let hub = self.ctx.hub.clone();
        let conn = outbox.conn().clone();
        let mut live = Live {
            outbox,
            delivered: Delivered::default(),
            answers: Answers::default(),
            typing_sent: HashMap::new(),
        };

        // Subscribed first, then read: every event is then either in what was read or queued in the outbox.
        let hub::Started {
            conversations,
            blocked,
        } = match Box::pin(hub.arrive(conn)).await {
            Ok(started) => started,
            Err(error) => return Err(self.internal_end(error).await),
        };
        for summary in &conversations {
            live.delivered.set(summary.id, summary.last_seq);
            hub.registry().note_seq(summary.id, summary.last_seq);
        }
        let (consultations, helper) =
            match Box::pin(hub.ready_consultations(user, authed.user.role, &conversations)).await {
                Ok(found) => found,
                Err(refusal) => {
                    tracing::error!(?refusal, "cannot read consultations for ready");
                    return Err(End::close(close::SERVICE_RESTART, "internal error"));
                }
            };
        let ready = ServerEvent::Ready(Box::new(Ready {
            protocol: PROTOCOL_VERSION,
            user: authed.user,
            locale: self.locale.tag().to_owned(),
            conversations,
            consultations,
            helper,
            blocked,
            limits: self.ctx.limits.clone(),
        }));
        self.send_event(&ready).await?;
        Box::pin(self.resume(&mut live, &resume)).await?;
        self.flush().await?;
        Ok(live)
    }

    async fn serve(&mut self, greeted: Box<Greeted>, outbox: Outbox) -> End {
        let span = self.span.clone();
        let mut live = match Box::pin(self.begin(greeted, outbox).instrument(span)).await {
            Ok(live) => live,
            Err(end) => return end,
        };
        loop {
            // Boxed: inline, a turn's future would make every idle connection's task as big as the biggest thing a
            // turn does (docs/benchmarks.md, memory). One allocation per turn. Made in a block of its own, so that
            // what woke the loop (176 bytes) keeps no place in this future while the turn runs.
            let turn = {
                let woken = tokio::select! {
                    biased;
                    () = live.outbox.conn().kicked() => Either::Right(Woken::Kicked),
                    Some(answer) = live.answers.next() => Either::Right(Woken::Answer(answer)),
                    item = live.outbox.recv() => Either::Left(item),
                    frame = self.socket.next(), if live.answers.len() < MAX_IN_FLIGHT => {
                        Either::Right(Woken::Socket(frame))
                    }
                };
                match woken {
                    // The turn that delivers from the outbox, by far the most common (a busy channel's connections
                    // take one for nearly every event): outside the span, and in a future of its own, half the size
                    // of the general turn's, which is moved into its box every time.
                    Either::Left(item) => {
                        Either::Left(Box::pin(self.deliver_turn(&mut live, item)))
                    }
                    Either::Right(woken) => {
                        let span = self.span.clone();
                        Either::Right(Box::pin(self.turn(&mut live, woken).instrument(span)))
                    }
                }
            };
            if let Err(end) = turn.await {
                return end;
            }
        }
    }

    /// One turn of the loop: what woke it, then whatever else is ready by then (an ack and the event it
    /// acknowledges usually are), written in one go: one system call for all of it.
    async fn turn(&mut self, live: &mut Live, woken: Woken) -> Result<(), End> {
        let step = match woken {
            Woken::Kicked => Err(self.closed_by_server()),
            Woken::Answer(answer) => self.send_answer(answer).await,
            Woken::Socket(frame) => match self.read_frame(frame).await {
                Ok(Some(text)) => Box::pin(self.handle(live, &text)).await,
                Ok(None) => Ok(()),
                Err(end) => Err(end),
            },
        };
        self.end_turn(live, step).await
    }

    /// A turn woken by the outbox.
    async fn deliver_turn(&mut self, live: &mut Live, item: Outbound) -> Result<(), End> {
        let step = self.deliver_batch(live, item).await;
        self.end_turn(live, step).await
    }

    /// The end of every turn: whatever else is ready by then, then one write for all of it.
    async fn end_turn(&mut self, live: &mut Live, step: Result<(), End>) -> Result<(), End> {
        let step = match step {
            Ok(()) => self.gather_ready(live).await,
            failed => failed,
        };
        // Flushed even when the turn ends the session: what it queued goes out before the close frame.
        step.and(self.flush().await)
    }

    async fn internal_end(&mut self, error: crate::store::StoreError) -> End {
        tracing::error!(%error, "cannot start the session");
        let end = End::close(1011, "internal error");
        match self.send_error(None, ErrorCode::Internal.into()).await {
            Ok(()) => end,
            Err(gone) => gone,
        }
    }

    /// Turns a transport frame into text to parse, answering what needs no parsing. `Ok(None)`: nothing to parse.
    async fn read_frame(
        &mut self,
        frame: Option<Result<WsIn, WsReadError>>,
    ) -> Result<Option<bytes::Bytes>, End> {
        self.last_heard = Instant::now();
        match frame {
            None | Some(Ok(WsIn::Close)) => Err(End::gone()),
            Some(Ok(WsIn::Text(text))) => Ok(Some(text)),
            Some(Ok(WsIn::Ping | WsIn::Pong)) => Ok(None),
            Some(Ok(WsIn::Binary)) => {
                self.send_error(None, ErrorCode::BinaryNotSupported.into())
                    .await?;
                Ok(None)
            }
            Some(Err(WsReadError::TooBig)) => Err(End::close(close::TOO_BIG, "message too big")),
            Some(Err(WsReadError::InvalidUtf8)) => {
                Err(End::close(close::INVALID_UTF8, "invalid UTF-8"))
            }
            Some(Err(WsReadError::Other(error))) => {
                tracing::debug!(%error, "transport error");
                Err(End::gone())
            }
        }
    }

    /// Parses a client frame, answering parse errors itself.
    async fn parse(&mut self, text: &[u8]) -> Option<ClientMsg> {
        match serde_json::from_slice::<ClientMsg>(text) {
            Ok(msg) => Some(msg),
            Err(error) => {
                // Tell "not JSON" from "JSON of the wrong shape" by the whole text, not by where the typed parse
                // stopped (`[1, 2,` fails as a wrong shape before its end is reached).
                let (refusal, reference) = match serde_json::from_slice::<serde_json::Value>(text) {
                    Err(_) => (Refusal::from(ErrorCode::InvalidJson), None),
                    Ok(value) => (
                        Refusal::from(ErrorCode::InvalidMessage).arg("detail", error.to_string()),
                        // Echo the request's ref when there is one, so the client can match the answer.
                        value.get("ref").and_then(|r| r.as_str()).map(str::to_owned),
                    ),
                };
                // A closed socket shows up on the next read.
                if self.send_error(reference, refusal).await.is_err() {
                    tracing::debug!("peer gone while answering a bad frame");
                }
                None
            }
        }
    }

    async fn handle(&mut self, live: &mut Live, text: &[u8]) -> Result<(), End> {
        let Some(msg) = self.parse(text).await else {
            return Ok(());
        };
        let hub = self.ctx.hub.clone();
        let user = live.outbox.conn().user;
        let reference = msg.reference().map(str::to_owned);
        let op = match msg {
            ClientMsg::Hello { .. } => {
                return self.send_error(None, ErrorCode::HelloExpected.into()).await;
            }
            ClientMsg::Ping { reference } => {
                return self.send_event(&ServerEvent::Pong { reference }).await;
            }
            ClientMsg::Typing { conversation } => {
                let now = Instant::now();
                let due = live
                    .typing_sent
                    .get(&conversation)
                    .is_none_or(|at| now.duration_since(*at) >= TYPING_INTERVAL);
                if due {
                    live.typing_sent.insert(conversation, now);
                    hub.typing(live.outbox.conn(), conversation);
                }
                return Ok(());
            }
            ClientMsg::Resume {
                reference,
                conversations,
            } => {
                self.resume(live, &conversations).await?;
                return self
                    .send_event(&ServerEvent::Ack {
                        reference,
                        result: AckResult::Done { seq: None },
                    })
                    .await;
            }
            ClientMsg::History {
                reference,
                conversation,
                before,
                after,
                limit,
            } => {
                live.answers.push(async move {
                    match hub.history(user, conversation, before, after, limit).await {
                        Ok(page) => Ok(ServerEvent::History { reference, page }),
                        Err(refusal) => Err((Some(reference), refusal)),
                    }
                });
                return Ok(());
            }
            ClientMsg::SetPresence { reference, status } => {
                hub.presence_changed(user, self.presence, status);
                self.presence = status;
                return self
                    .send_event(&ServerEvent::Ack {
                        reference,
                        result: AckResult::Done { seq: None },
                    })
                    .await;
            }
            ClientMsg::GetPresence { reference, users } => {
                live.answers.push(async move {
                    match hub.presence_of(user, &users).await {
                        Ok(users) => Ok(ServerEvent::Presence {
                            reference: Some(reference),
                            users,
                        }),
                        Err(refusal) => Err((Some(reference), refusal)),
                    }
                });
                return Ok(());
            }
            ClientMsg::MarkRead {
                reference,
                conversation,
                seq,
            } => {
                live.answers.push(async move {
                    match hub.mark_read(user, conversation, seq).await {
                        Ok((seq, unread, mentions)) => Ok(ServerEvent::ReadMarker {
                            reference: Some(reference),
                            conversation,
                            seq,
                            unread,
                            mentions,
                        }),
                        Err(refusal) => Err((Some(reference), refusal)),
                    }
                });
                return Ok(());
            }
            ClientMsg::SendMessage {
                conversation,
                client_id,
                body,
                lang,
                reply_to,
                ..
            } => Op::Send {
                conversation,
                client_id,
                body,
                lang,
                reply_to,
                over_rate: None,
            },
            ClientMsg::EditMessage {
                message,
                body,
                lang,
                ..
            } => Op::Edit {
                message,
                body,
                lang,
            },
            ClientMsg::DeleteMessage { message, .. } => Op::Delete { message },
            ClientMsg::AddReaction { message, emoji, .. } => Op::React {
                message,
                emoji,
                add: true,
            },
            ClientMsg::RemoveReaction { message, emoji, .. } => Op::React {
                message,
                emoji,
                add: false,
            },
            ClientMsg::CreateChannel {
                name,
                topic,
                visibility,
                languages,
                ..
            } => Op::CreateChannel {
                name,
                topic,
                visibility,
                languages,
            },
            ClientMsg::JoinChannel { conversation, .. } => Op::Join { conversation },
            ClientMsg::Leave { conversation, .. } => Op::Leave { conversation },
            ClientMsg::Invite {
                conversation,
                user: invitee,
                ..
            } => Op::Invite {
                conversation,
                user: invitee,
            },
            ClientMsg::OpenDirect { users, .. } => Op::OpenDirect { users },
            ClientMsg::CheckAvailability {
                reference,
                topic,
                languages,
            } => {
                let locale = self.locale.clone();
                let i18n = self.ctx.i18n.clone();
                live.answers.push(async move {
                    let reader = [locale.tag()];
                    match hub.availability(topic, &languages, &reader).await {
                        Ok(mut answer) => {
                            let n = &mut answer.notice;
                            n.text = i18n.render(&locale, &n.id, &n.args);
                            Ok(ServerEvent::Availability { reference, answer })
                        }
                        Err(refusal) => Err((Some(reference), refusal)),
                    }
                });
                return Ok(());
            }
            ClientMsg::Moderate { action, reason, .. } => {
                Op::Moderate(crate::hub::moderation::ModOp::Act {
                    action,
                    reason,
                    report: None,
                })
            }
            other => match consult_op(other) {
                Some(op) => op,
                None => return Ok(()),
            },
        };
        let reference = reference.unwrap_or_default();
        match hub.submit(user, op) {
            Ok(pending) => {
                live.answers.push(async move {
                    match pending.await {
                        Ok(result) => Ok(ServerEvent::Ack { reference, result }),
                        Err(refusal) => Err((Some(reference), refusal)),
                    }
                });
                Ok(())
            }
            Err(refusal) => self.send_error(Some(reference), refusal).await,
        }
    }

    /// Replays what the client missed, per conversation, or tells it to resync.
    async fn resume(&mut self, live: &mut Live, points: &[ResumePoint]) -> Result<(), End> {
        for point in points {
            // Already covered (by `ready`'s summaries, or delivered since): whatever is newer comes through the
            // outbox, subscribed before the summaries were read. A reconnect storm of clients that missed nothing
            // reads nothing here (docs/benchmarks.md, the storm that resumes).
            if live
                .delivered
                .get(point.conversation)
                .is_some_and(|covered| point.seq >= covered)
            {
                continue;
            }
            match self
                .ctx
                .hub
                .replay(live.outbox.conn().user, point.conversation, point.seq)
                .await
            {
                Ok(Replay::Events(events)) => {
                    for event in events {
                        let seq = event.seq;
                        self.send_event(&ServerEvent::Event(Box::new(event)))
                            .await?;
                        live.delivered.raise(point.conversation, seq);
                    }
                }
                Ok(Replay::Resync(seq)) => {
                    let notice = self.notice("notice-resync", Args::new());
                    self.send_event(&ServerEvent::Resync {
                        conversation: point.conversation,
                        seq,
                        notice,
                    })
                    .await?;
                    live.delivered.raise(point.conversation, seq);
                }
                Err(refusal) => self.send_error(None, refusal).await?,
            }
        }
        Ok(())
    }

    /// Queues the answers and outbox items that are ready now, a bounded number, for the flush that ends the turn.
    /// Polling the answers here parks no waker that matters: the loop polls them again before it waits.
    async fn gather_ready(&mut self, live: &mut Live) -> Result<(), End> {
        for _ in 0..GATHER_MAX {
            if let Some(Some(answer)) = live.answers.next().now_or_never() {
                // Boxed: an answer's rendering is the largest thing here, and this runs in every delivery's turn.
                Box::pin(self.send_answer(answer)).await?;
            } else if let Some(item) = live.outbox.try_recv() {
                self.deliver_batch(live, item).await?;
            } else {
                break;
            }
        }
        Ok(())
    }

    /// Delivers an item from the outbox and whatever else is already queued behind it (up to a bound), so that a
    /// burst leaves in a few large writes instead of one system call per frame.
    async fn deliver_batch(&mut self, live: &mut Live, first: Outbound) -> Result<(), End> {
        self.deliver(live, first).await?;
        for _ in 1..OUTBOX_BATCH {
            match live.outbox.try_recv() {
                Some(item) => self.deliver(live, item).await?,
                None => break,
            }
        }
        Ok(())
    }

    /// Delivers one item from the outbox, in seq order, without duplicates or gaps.
    async fn deliver(&mut self, live: &mut Live, item: Outbound) -> Result<(), End> {
        match item.item() {
            Item::Event(event) => {
                let &Stamped {
                    conversation,
                    seq,
                    ref frame,
                } = event;
                let last = live.delivered.get(conversation);
                if last.is_some_and(|last| seq <= last) {
                    return Ok(());
                }
                if let Some(last) = last.filter(|last| seq > last + 1) {
                    Box::pin(self.fill_gap(conversation, last, seq)).await?;
                }
                live.delivered.set(conversation, seq);
                self.send(WsOut::Text(frame.clone())).await
            }
            Item::Frame(frame) => self.send(WsOut::Text(frame.clone())).await,
            Item::Ping if self.last_heard.elapsed() > DEAD_AFTER => Err(End::gone()),
            Item::Ping => self.send(WsOut::Ping).await,
            Item::Personal(personal) => {
                let span = self.span.clone();
                Box::pin(
                    self.deliver_personal(live, personal.clone())
                        .instrument(span),
                )
                .await
            }
        }
    }

    /// Sends the events of a conversation after `last` and before `seq`, which the outbox skipped (a node that
    /// missed a bus payload). Boxed by its caller: it is rare, and the delivery it interrupts is not.
    async fn fill_gap(
        &mut self,
        conversation: ConversationId,
        last: Seq,
        seq: Seq,
    ) -> Result<(), End> {
        match self.ctx.hub.events_between(conversation, last, seq).await {
            Ok(missing) => {
                for event in missing {
                    self.send_event(&ServerEvent::Event(Box::new(event)))
                        .await?;
                }
            }
            Err(refusal) => self
                .span
                .in_scope(|| tracing::error!(?refusal, %conversation, "cannot fill a gap")),
        }
        Ok(())
    }

    /// Renders and sends what was meant for this person alone.
    async fn deliver_personal(&mut self, live: &mut Live, personal: Personal) -> Result<(), End> {
        match personal {
            Personal::QueuePosition {
                consultation,
                position,
                eta_seconds,
                helpers_available,
                topic_names,
            } => {
                let notice = self.queue_notice(position, eta_seconds, &topic_names);
                self.send_event(&ServerEvent::QueuePosition {
                    consultation,
                    position,
                    eta_seconds,
                    helpers_available,
                    notice,
                })
                .await
            }
            Personal::Mentioned {
                conversation,
                message,
                seq,
                by,
            } => {
                let notice =
                    Box::pin(self.mention_notice(live.outbox.conn().user, conversation, by)).await;
                self.send_event(&ServerEvent::Mentioned {
                    conversation,
                    message,
                    seq,
                    by,
                    notice,
                })
                .await
            }
            Personal::Notice { id, args } => {
                let notice = self.notice(&id, args);
                self.send_event(&ServerEvent::Notice { notice }).await
            }
            Personal::Membership {
                conversation,
                change,
            } => {
                use crate::protocol::MembershipChange;
                let summary = match change {
                    MembershipChange::Left => {
                        live.delivered.forget(conversation);
                        None
                    }
                    MembershipChange::Joined | MembershipChange::Invited => self
                        .ctx
                        .hub
                        .summary(live.outbox.conn().user, conversation)
                        .await
                        .ok(),
                };
                self.send_event(&ServerEvent::Membership {
                    conversation,
                    change,
                    summary,
                })
                .await
            }
        }
    }

    /// The queue-position notice for this connection's person, in its language.
    fn queue_notice(
        &self,
        position: u32,
        eta_seconds: Option<u32>,
        topic_names: &std::collections::BTreeMap<String, String>,
    ) -> LocalizedText {
        let topic = crate::store::pick(topic_names, &[self.locale.tag()]).unwrap_or_default();
        let mut args = crate::i18n::args([
            ("position", i64::from(position).into()),
            ("topic", topic.into()),
        ]);
        match eta_seconds {
            Some(seconds) => {
                let minutes = i64::from(seconds.div_ceil(60).max(1));
                args.insert("minutes".into(), minutes.into());
                self.notice("notice-queue-position", args)
            }
            None => self.notice("notice-queue-nobody", args),
        }
    }

    /// A one-person notice, rendered in this connection's language.
    fn notice(&self, id: &str, args: Args) -> LocalizedText {
        let text = self.ctx.i18n.render(&self.locale, id, &args);
        LocalizedText {
            id: id.to_owned(),
            args,
            text,
        }
    }

    /// "Anna mentioned you in #housing": the mentioner's display name and the channel's name (for direct and
    /// group conversations, the mentioner's name stands for the conversation).
    async fn mention_notice(
        &mut self,
        user: UserId,
        conversation: ConversationId,
        by: UserId,
    ) -> LocalizedText {
        let store = self.ctx.hub.store();
        let by_name = match store.user(by).await {
            Ok(Some(row)) => row.profile.display_name,
            Ok(None) => String::new(),
            Err(error) => {
                tracing::error!(%error, "cannot read the mentioner's name");
                String::new()
            }
        };
        let place = match self.ctx.hub.summary(user, conversation).await {
            Ok(summary) if !summary.name.is_empty() => format!("#{}", summary.name),
            _ => by_name.clone(),
        };
        self.notice(
            "notice-mentioned",
            crate::i18n::args([("user", by_name.into()), ("conversation", place.into())]),
        )
    }

    async fn send_answer(&mut self, answer: Answered) -> Result<(), End> {
        match answer {
            Ok(event) => self.send_event(&event).await,
            Err((reference, refusal)) => self.send_error(reference, refusal).await,
        }
    }

    async fn send_error(&mut self, reference: Option<String>, refusal: Refusal) -> Result<(), End> {
        let body = self.ctx.i18n.error_body(&self.locale, reference, refusal);
        self.send_event(&ServerEvent::Error(body)).await
    }

    async fn send_event(&mut self, event: &ServerEvent) -> Result<(), End> {
        self.send(WsOut::Text(hub::encode(event))).await
    }

    /// Queues a frame for the next [`Session::flush`] (the transport writes early when its buffer fills).
    async fn send(&mut self, out: WsOut) -> Result<(), End> {
        self.write(Some(out)).await
    }

    /// Writes everything queued.
    async fn flush(&mut self) -> Result<(), End> {
        self.write(None).await
    }

    /// Queues a frame (`Some`) or flushes (`None`), unless the hub or shutdown closes the connection first (a
    /// client that stops reading makes writes wait forever otherwise). The write is polled first: when it is
    /// ready at once, as it nearly always is, the wait for a close request is not even made.
    async fn write(&mut self, out: Option<WsOut>) -> Result<(), End> {
        {
            let socket = &mut self.socket;
            let mut written = std::pin::pin!(async move {
                match out {
                    Some(out) => socket.feed(out).await,
                    None => socket.flush().await,
                }
            });
            if let std::task::Poll::Ready(sent) = futures_util::poll!(written.as_mut()) {
                return sent.map_err(|_| End::gone());
            }
            let kicked = async {
                match &self.conn {
                    Some(conn) => conn.kicked().await,
                    None => self.ctx.shutdown.cancelled().await,
                }
            };
            tokio::select! {
                biased;
                sent = written => return sent.map_err(|_| End::gone()),
                () = kicked => {}
            }
        }
        Err(self.closed_by_server())
    }

    /// How the connection ends once the hub or shutdown closed it. Before the connection is attached only shutdown
    /// closes it; after, its close code says why, shutdown included (`Registry::close_all`).
    fn closed_by_server(&self) -> End {
        match self
            .conn
            .as_ref()
            .map_or(close::SERVICE_RESTART, |c| c.close_code())
        {
            close::SERVICE_RESTART => End::close(close::SERVICE_RESTART, "service restart"),
            code => End::close(code, "closed by server"),
        }
    }

    /// Sends our close frame and waits (bounded) for the peer's, so that the closing handshake completes.
    async fn close(&mut self, end: End) {
        if !end.send_close {
            return;
        }
        let handshake = async {
            if self
                .socket
                .send(WsOut::Close(end.code, end.reason))
                .await
                .is_err()
            {
                return;
            }
            while let Some(Ok(frame)) = self.socket.next().await {
                if matches!(frame, WsIn::Close) {
                    break;
                }
            }
        };
        // A peer that neither reads our close nor answers it is cut off after the timeout: dropping the socket
        // closes the TCP connection, and the client resumes by seq when it reconnects.
        if tokio::time::timeout(CLOSE_TIMEOUT, handshake)
            .await
            .is_err()
        {
            tracing::debug!(
                code = end.code,
                "peer did not complete the closing handshake"
            );
        }
    }
}

/// The writer operation of a consultation frame (`None` for frames handled elsewhere).
fn consult_op(msg: ClientMsg) -> Option<Op> {
    use crate::hub::consult::{Act, ConsultOp};
    let act = |consultation, act| Some(Op::Consult(ConsultOp::Act { consultation, act }));
    match msg {
        ClientMsg::OpenConsultation {
            topic,
            languages,
            client_id,
            body,
            wait,
            ..
        } => Some(Op::Consult(ConsultOp::Open {
            topic,
            languages,
            client_id,
            body,
            wait,
        })),
        ClientMsg::AcceptConsultation { consultation, .. } => act(consultation, Act::Accept),
        ClientMsg::ClaimConsultation { consultation, .. } => act(consultation, Act::Claim),
        ClientMsg::HoldConsultation { consultation, .. } => act(consultation, Act::Hold),
        ClientMsg::TransferConsultation {
            consultation,
            to,
            note,
            ..
        } => act(consultation, Act::Transfer { to, note }),
        ClientMsg::InviteHelper {
            consultation,
            helper,
            ..
        } => act(consultation, Act::Invite { helper }),
        ClientMsg::ResolveConsultation {
            consultation,
            summary,
            ..
        } => act(consultation, Act::Resolve { summary }),
        ClientMsg::CancelConsultation { consultation, .. } => act(consultation, Act::Cancel),
        ClientMsg::ReopenConsultation { consultation, .. } => act(consultation, Act::Reopen),
        ClientMsg::RateConsultation {
            consultation,
            rating,
            comment,
            ..
        } => act(consultation, Act::Rate { rating, comment }),
        ClientMsg::SendCanned {
            consultation,
            canned,
            client_id,
            ..
        } => Some(Op::Consult(ConsultOp::Canned {
            consultation,
            canned,
            client_id,
        })),
        ClientMsg::SetAvailability { availability, .. } => Some(Op::Consult(ConsultOp::SetHelper(
            crate::protocol::HelperUpdate {
                availability: Some(availability),
                ..Default::default()
            },
        ))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use proptest::prelude::*;

    use super::{ConversationId, Delivered, Seq};

    #[derive(Debug, Clone)]
    enum Op {
        Set(i64, Seq),
        Raise(i64, Seq),
        Forget(i64),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (0..4i64, 0..50u64).prop_map(|(c, s)| Op::Set(c, s)),
            (0..4i64, 0..50u64).prop_map(|(c, s)| Op::Raise(c, s)),
            (0..4i64).prop_map(Op::Forget),
        ]
    }

    proptest! {
        /// Whatever conversations a connection's deliveries go to, in whatever order, the seqs it knows are those
        /// of a plain map.
        #[test]
        fn delivered_answers_as_a_map_does(ops in proptest::collection::vec(op(), 0..60)) {
            let (mut delivered, mut model) = (Delivered::default(), HashMap::new());
            for op in ops {
                match op {
                    Op::Set(c, seq) => {
                        delivered.set(ConversationId(c), seq);
                        model.insert(c, seq);
                    }
                    Op::Raise(c, seq) => {
                        delivered.raise(ConversationId(c), seq);
                        let known = model.entry(c).or_insert(seq);
                        *known = (*known).max(seq);
                    }
                    Op::Forget(c) => {
                        delivered.forget(ConversationId(c));
                        model.remove(&c);
                    }
                }
                for c in 0..4 {
                    prop_assert_eq!(delivered.get(ConversationId(c)), model.get(&c).copied());
                }
            }
        }
    }
}
