//! A swarm of client connections driven from one thread: each connection is a task that writes what the pacer
//! hands it and reads everything the server sends, recording the latency of every stamped message of the current
//! step.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use hdrhistogram::Histogram;
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::Message;

use crate::client::{self, Dialect, Room, Ws};

/// What every connection task reports into.
pub struct Shared {
    /// The step being measured; stamps of other steps are not counted.
    step: AtomicU32,
    /// End-to-end latency in µs of the current step's deliveries.
    hist: Mutex<Histogram<u64>>,
    received: AtomicU64,
    /// Bytes of the current step's deliveries (text frames' payloads).
    bytes: AtomicU64,
    /// Stamped frames of any step, to tell when a backlog has drained.
    frames: AtomicU64,
    /// `error` frames (Engawa), e.g. a send refused over the rate: a sign the scenario is set up wrong.
    errors: AtomicU64,
    first_error: Mutex<Option<String>>,
    /// Connections that ended without being told to.
    ended: AtomicU64,
}

impl Shared {
    fn new() -> Shared {
        Shared {
            step: AtomicU32::new(0),
            hist: Mutex::new(new_histogram()),
            received: AtomicU64::new(0),
            bytes: AtomicU64::new(0),
            frames: AtomicU64::new(0),
            errors: AtomicU64::new(0),
            first_error: Mutex::new(None),
            ended: AtomicU64::new(0),
        }
    }

    pub fn micros(&self) -> u64 {
        // One epoch for the whole process, so that swarms on different nodes compare stamps.
        static EPOCH: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
        EPOCH.get_or_init(Instant::now).elapsed().as_micros() as u64
    }

    fn on_text(&self, text: &str) {
        if let Some((step, sent)) = client::stamp(text) {
            self.frames.fetch_add(1, Ordering::Relaxed);
            if step == self.step.load(Ordering::Relaxed) {
                let latency = self.micros().saturating_sub(sent).max(1);
                lock(&self.hist).saturating_record(latency);
                self.received.fetch_add(1, Ordering::Relaxed);
                self.bytes.fetch_add(text.len() as u64, Ordering::Relaxed);
            }
        } else if text.starts_with(r#"{"type":"error""#) {
            self.errors.fetch_add(1, Ordering::Relaxed);
            lock(&self.first_error).get_or_insert_with(|| text.to_owned());
        }
    }
}

pub fn new_histogram() -> Histogram<u64> {
    Histogram::new_with_bounds(1, 120_000_000, 3).expect("the bounds are valid")
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// One connection of the swarm: which room it is in and how it authenticates.
#[derive(Clone)]
pub struct Member {
    pub room: usize,
    pub token: Option<String>,
}

/// What one step measured.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Step {
    pub offered_msgs_per_s: f64,
    pub offered_deliveries_per_s: f64,
    pub sent: u64,
    pub expected: u64,
    pub received: u64,
    pub delivered_per_s: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub p999_ms: f64,
    pub max_ms: f64,
    /// Mean payload of a delivered frame, in bytes (the WebSocket header not counted).
    pub bytes_per_delivery: f64,
    pub errors: u64,
    pub seconds: f64,
    /// CPU time the server and the load generator used during the step (filled in by the scenario).
    pub server_cpu_s: f64,
    pub loadgen_cpu_s: f64,
    /// The largest share of the step's time the hypervisor took from either core (filled in by the scenario).
    pub steal_share: f64,
    /// Engawa's write path during the step, as the node counts it (filled in by the scenario).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub writes: Option<crate::servers::WriteStats>,
}

impl Step {
    pub fn delivered_fraction(&self) -> f64 {
        if self.expected == 0 {
            1.0
        } else {
            self.received as f64 / self.expected as f64
        }
    }

    /// Kept up: (nearly) everything arrived, with p99 under `p99_limit_ms`.
    pub fn passed(&self, p99_limit_ms: f64) -> bool {
        self.delivered_fraction() >= 0.999 && self.p99_ms < p99_limit_ms && self.errors == 0
    }
}

pub struct Swarm {
    pub dialect: Dialect,
    server: SocketAddr,
    rooms: Vec<Room>,
    members: Vec<Member>,
    /// The member that stops reading after its handshake (scenario f), if any.
    silent: Option<usize>,
    slots: Vec<Option<mpsc::Sender<String>>>,
    pub shared: Arc<Shared>,
    /// Makes every send's `client_id` unique for the life of the swarm.
    sends: AtomicU64,
}

impl Swarm {
    /// Opens every member's connection, `concurrency` at a time, showing progress.
    pub async fn connect(
        dialect: Dialect,
        server: SocketAddr,
        rooms: Vec<Room>,
        members: Vec<Member>,
        silent: Option<usize>,
        concurrency: usize,
    ) -> anyhow::Result<Swarm> {
        let mut swarm = Swarm {
            dialect,
            server,
            slots: vec![None; members.len()],
            rooms,
            members,
            silent,
            shared: Arc::new(Shared::new()),
            // Engawa keeps every `client_id` a person used; a swarm of a later run on the same data must not
            // reuse one, or its sends are answered as duplicates.
            sends: AtomicU64::new(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_micros() as u64),
            ),
        };
        swarm.heal(concurrency).await?;
        Ok(swarm)
    }

    /// (Re)opens every connection that is not open; returns how many it opened.
    pub async fn heal(&mut self, concurrency: usize) -> anyhow::Result<usize> {
        let todo: Vec<usize> = (0..self.members.len())
            .filter(|&i| self.slots[i].as_ref().is_none_or(|tx| tx.is_closed()))
            .collect();
        let done = AtomicUsize::new(0);
        let total = todo.len();
        let this = &*self;
        let opened: Vec<(usize, anyhow::Result<mpsc::Sender<String>>)> =
            futures_util::stream::iter(todo)
                .map(|i| {
                    let done = &done;
                    async move {
                        let r = this.open(i).await;
                        let d = done.fetch_add(1, Ordering::Relaxed) + 1;
                        if total >= 2000 && d.is_multiple_of(total / 4) {
                            eprintln!("    connected {d}/{total}");
                        }
                        (i, r)
                    }
                })
                .buffer_unordered(concurrency)
                .collect()
                .await;
        let mut count = 0;
        for (i, r) in opened {
            self.slots[i] = Some(r.map_err(|e| e.context(format!("connection {i}")))?);
            count += 1;
        }
        Ok(count)
    }

    async fn open(&self, i: usize) -> anyhow::Result<mpsc::Sender<String>> {
        let member = &self.members[i];
        let silent = self.silent == Some(i);
        let ws = client::open(
            self.dialect,
            self.server,
            i,
            member.token.as_deref(),
            &self.rooms[member.room],
            client::Opening {
                small_receive_buffer: silent,
                ..client::Opening::default()
            },
        )
        .await?;
        let (tx, rx) = mpsc::channel(64);
        tokio::spawn(drive(ws, self.shared.clone(), rx, !silent));
        Ok(tx)
    }

    /// How many members the swarm has.
    pub fn members(&self) -> usize {
        self.members.len()
    }

    /// Connections the server (or the network) ended.
    pub fn lost(&self) -> u64 {
        self.shared.ended.load(Ordering::Relaxed)
    }

    pub fn first_error(&self) -> Option<String> {
        lock(&self.shared.first_error).clone()
    }

    /// Sends `rate` messages per second for `duration`, round-robin over `senders`, then waits up to `drain` for
    /// the deliveries; each message is expected by `fanout` readers.
    pub async fn step(&self, step: u32, load: &Load<'_>) -> Step {
        let mark = self.begin(step);
        let start = Instant::now();
        let sent = self.pace(step, load).await;
        self.settle(mark, load, sent, start.elapsed(), start).await
    }

    /// Starts counting the deliveries of `step` (and only those).
    pub fn begin(&self, step: u32) -> Mark {
        let shared = &self.shared;
        shared.step.store(step, Ordering::Relaxed);
        *lock(&shared.hist) = new_histogram();
        shared.received.store(0, Ordering::Relaxed);
        shared.bytes.store(0, Ordering::Relaxed);
        Mark {
            errors: shared.errors.load(Ordering::Relaxed),
        }
    }

    /// Sends the load's messages at its rate; returns how many were sent.
    async fn pace(&self, step: u32, load: &Load<'_>) -> u64 {
        let shared = &self.shared;
        let total = (load.rate * load.duration.as_secs_f64()).round() as u64;
        let start = Instant::now();
        let mut tick = tokio::time::interval(Duration::from_millis(1));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        let mut sent = 0u64;
        while sent < total {
            tick.tick().await;
            let due = total.min((start.elapsed().as_secs_f64() * load.rate) as u64 + 1);
            while sent < due {
                let i = load.senders[sent as usize % load.senders.len()];
                let body = client::body(step, shared.micros(), load.body_len);
                let n = self.sends.fetch_add(1, Ordering::Relaxed);
                let frame =
                    client::send_frame(self.dialect, &self.rooms[self.members[i].room], n, &body);
                if let Some(tx) = &self.slots[i] {
                    // A full or closed queue loses this send; it then shows as missing deliveries.
                    let _ = tx.try_send(frame);
                }
                sent += 1;
            }
        }
        sent
    }

    /// Waits up to the load's drain for the deliveries of `sent` messages (sent over `paced` from `start`, by this
    /// swarm or another) to this swarm's readers, and summarises them.
    pub async fn settle(
        &self,
        mark: Mark,
        load: &Load<'_>,
        sent: u64,
        paced: Duration,
        start: Instant,
    ) -> Step {
        let shared = &self.shared;
        let expected = sent * load.fanout;
        let deadline = Instant::now() + load.drain;
        while shared.received.load(Ordering::Relaxed) < expected && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        let received = shared.received.load(Ordering::Relaxed);
        // Deliveries per second over the whole step, the drain included: a server that falls behind shows a lower
        // rate than the one offered.
        let delivering = start.elapsed().as_secs_f64();
        let hist = lock(&shared.hist).clone();
        let ms = |q: f64| hist.value_at_quantile(q) as f64 / 1000.0;
        let seconds = paced.as_secs_f64();
        Step {
            offered_msgs_per_s: load.rate,
            offered_deliveries_per_s: load.rate * load.fanout as f64,
            sent,
            expected,
            received,
            delivered_per_s: received as f64 / delivering.max(seconds),
            p50_ms: ms(0.5),
            p99_ms: ms(0.99),
            p999_ms: ms(0.999),
            max_ms: hist.max() as f64 / 1000.0,
            bytes_per_delivery: shared.bytes.load(Ordering::Relaxed) as f64
                / received.max(1) as f64,
            errors: shared.errors.load(Ordering::Relaxed) - mark.errors,
            seconds,
            server_cpu_s: 0.0,
            loadgen_cpu_s: 0.0,
            steal_share: 0.0,
            writes: None,
        }
    }

    /// Waits until no stamped frame has arrived for 300 ms (at most 15 s): a backlog from an overloaded step is
    /// not measured in the next one.
    pub async fn quiet(&self) {
        let deadline = Instant::now() + Duration::from_secs(15);
        let mut last = self.shared.frames.load(Ordering::Relaxed);
        while Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(300)).await;
            let now = self.shared.frames.load(Ordering::Relaxed);
            if now == last {
                return;
            }
            last = now;
        }
    }

    /// Closes every connection.
    pub fn close(self) {
        // Dropping each sender ends its task, which closes its socket.
        drop(self.slots);
    }
}

/// Where a step began, for [`Swarm::settle`].
pub struct Mark {
    errors: u64,
}

/// The load of one step.
pub struct Load<'a> {
    pub rate: f64,
    pub duration: Duration,
    pub senders: &'a [usize],
    pub fanout: u64,
    pub body_len: usize,
    pub drain: Duration,
}

async fn drive(mut ws: Ws, shared: Arc<Shared>, mut rx: mpsc::Receiver<String>, reading: bool) {
    loop {
        tokio::select! {
            out = rx.recv() => match out {
                Some(text) => {
                    if ws.send(Message::text(text)).await.is_err() {
                        break;
                    }
                }
                None => {
                    // Told to stop; the server's answer to the close does not matter.
                    let _ = ws.close(None).await;
                    return;
                }
            },
            msg = ws.next(), if reading => match msg {
                Some(Ok(Message::Text(text))) => {
                    if text.as_str() == "2" {
                        // An Engine.IO ping.
                        if ws.send(Message::text("3")).await.is_err() {
                            break;
                        }
                    } else {
                        shared.on_text(&text);
                    }
                }
                Some(Ok(Message::Close(_)) | Err(_)) | None => break,
                Some(Ok(_)) => {}
            },
        }
    }
    shared.ended.fetch_add(1, Ordering::Relaxed);
}
