//! The scenarios. Each runs every server in turn, run after run (A B A B …), on a fresh server process per run, and
//! returns one row of metrics per server and run.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Context;
use futures_util::StreamExt;

use crate::client::{self, Room};
use crate::load::{Load, Member, Step, Swarm, new_histogram};
use crate::report::{Metric, Results, Row};
use crate::seed;
use crate::servers::{self, Kind, Server};

/// How long a swarm is left alone after it connected, before anything is measured: what the connections set off is
/// over by then (Engawa tells the members of a conversation of at most 1,000 who came online, coalesced once a
/// second: a burst of 1,000 frames in the hot channel). Every server gets the same wait.
const SETTLE: Duration = Duration::from_secs(2);

/// What every scenario is told.
#[derive(Debug, Clone, clap::Args)]
pub struct Common {
    /// Servers to measure, in the order they alternate.
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "engawa,bare,uws,ws,socketio"
    )]
    pub servers: Vec<Kind>,
    /// Runs per server (the method asks for 5).
    #[arg(long, default_value_t = 5)]
    pub runs: usize,
    /// Where the JSON results go.
    #[arg(long, default_value = "target/bench/results")]
    pub out: PathBuf,
    /// Connections opened at once while setting up.
    #[arg(long, default_value_t = 200)]
    pub concurrency: usize,
}

impl Common {
    fn work(&self) -> PathBuf {
        servers::repo_root().join("target/bench")
    }

    /// The servers that can run here; a peer that is not installed is skipped with a word.
    fn servers(&self) -> Vec<Kind> {
        self.servers
            .iter()
            .copied()
            .filter(|&k| {
                let ok = servers::available(k);
                if !ok {
                    eprintln!(
                        "skipping {}: not installed (run bench/peers/setup)",
                        k.name()
                    );
                }
                ok
            })
            .collect()
    }
}

fn log_path(common: &Common, name: &str) -> PathBuf {
    common.work().join("logs").join(format!("{name}.log"))
}

/// Who is in which room.
struct Layout {
    room_of: Vec<usize>,
    rooms: Vec<Vec<usize>>,
    /// What Engawa's database holds besides (the plain servers have nothing of it).
    extra: seed::Extra,
}

impl Layout {
    fn one_room(people: usize) -> Layout {
        Layout {
            room_of: vec![0; people],
            rooms: vec![(0..people).collect()],
            extra: seed::Extra::default(),
        }
    }

    fn rooms_of(size: usize, people: usize) -> Layout {
        let count = people.div_ceil(size);
        Layout {
            room_of: (0..people).map(|i| i / size).collect(),
            rooms: (0..count)
                .map(|k| (k * size..((k + 1) * size).min(people)).collect())
                .collect(),
            extra: seed::Extra::default(),
        }
    }
}

/// A server started for one run, and who may connect to it.
struct Setup {
    server: Server,
    rooms: Vec<Room>,
    members: Vec<Member>,
    data: Option<PathBuf>,
}

impl Setup {
    async fn start(kind: Kind, layout: &Layout, common: &Common) -> anyhow::Result<Setup> {
        let work = common.work();
        let (rooms, tokens, data) = if kind == Kind::Engawa {
            let dir = work.join("data");
            if dir.exists() {
                std::fs::remove_dir_all(&dir)?;
            }
            let seeded = seed::seed(&dir, layout.room_of.len(), &layout.rooms, layout.extra)
                .await
                .context("seeding Engawa's database")?;
            (
                seeded.rooms,
                seeded.tokens.into_iter().map(Some).collect(),
                Some(dir),
            )
        } else {
            let rooms = (0..layout.rooms.len())
                .map(|k| Room {
                    name: format!("r{k}"),
                    id: 0,
                })
                .collect();
            (rooms, vec![None; layout.room_of.len()], None)
        };
        let node = data.as_ref().map(|dir| servers::Node {
            data: dir.clone(),
            database_url: None,
            redis_url: None,
        });
        let server = Server::start(kind, node.as_ref(), &log_path(common, kind.name()))?;
        let members = layout
            .room_of
            .iter()
            .zip(tokens)
            .map(|(&room, token)| Member { room, token })
            .collect();
        Ok(Setup {
            server,
            rooms,
            members,
            data,
        })
    }

    async fn swarm(&self, common: &Common, silent: Option<usize>) -> anyhow::Result<Swarm> {
        self.swarm_of(common, 0..self.members.len(), silent).await
    }

    /// A swarm of some of the members (`silent` counts within them).
    async fn swarm_of(
        &self,
        common: &Common,
        members: std::ops::Range<usize>,
        silent: Option<usize>,
    ) -> anyhow::Result<Swarm> {
        let swarm = Swarm::connect(
            self.server.kind.dialect(),
            self.server.addr,
            self.rooms.clone(),
            self.members[members].to_vec(),
            silent,
            common.concurrency,
        )
        .await?;
        // The swarm reads on meanwhile; the scenarios measure a steady state, not the connections' arrival.
        tokio::time::sleep(SETTLE).await;
        Ok(swarm)
    }

    fn stop(self) {
        self.server.stop();
        if let Some(dir) = self.data {
            // Only disk space is at stake.
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// A step during which the hypervisor took more than this share of a core's time (steal) measured the host as much
/// as the server: on a shared machine a neighbour's burst took 10–43% of both cores for seconds, and failed the
/// bare server at 25,000 deliveries/s. Such a step is run again, at most [`STEAL_RETRIES`] times.
const STEAL_LIMIT: f64 = 0.03;
const STEAL_RETRIES: u32 = 3;

/// Runs `attempt` until the hypervisor took at most [`STEAL_LIMIT`] of a core's time during it, or
/// [`STEAL_RETRIES`] more times; `attempt` answers its result and the steal share it saw, and `discard` disposes of a
/// result that is run again. `what` names the attempt in the progress.
async fn unless_stolen<T>(
    what: &str,
    mut attempt: impl AsyncFnMut() -> anyhow::Result<(T, f64)>,
    discard: impl Fn(T),
) -> anyhow::Result<T> {
    let mut retries = 0;
    loop {
        let (result, steal) = attempt().await?;
        if steal <= STEAL_LIMIT || retries == STEAL_RETRIES {
            return Ok(result);
        }
        retries += 1;
        eprintln!(
            "      the host took {:.0}% of a core's time from this machine during that {what} (steal): running it again",
            steal * 100.0
        );
        discard(result);
    }
}

/// Runs one step with the server's and the load generator's CPU time around it, and prints a progress line; runs
/// it again while the hypervisor took too much of the cores.
async fn measure(
    swarm: &mut Swarm,
    server: &Server,
    common: &Common,
    n: u32,
    load: &Load<'_>,
) -> anyhow::Result<Step> {
    unless_stolen(
        "step",
        async || {
            let step = measure_once(swarm, server, common, n, load).await?;
            let steal = step.steal_share;
            Ok((step, steal))
        },
        drop,
    )
    .await
}

async fn measure_once(
    swarm: &mut Swarm,
    server: &Server,
    common: &Common,
    n: u32,
    load: &Load<'_>,
) -> anyhow::Result<Step> {
    if swarm.lost() > 0 {
        swarm.heal(common.concurrency).await?;
    }
    swarm.quiet().await;
    // Read before the CPU counters and after them below: rendering `/metrics` is not the step's work.
    let writes0 = server.write_path().await;
    let (s0, l0, st0) = (
        server.cpu_seconds(),
        servers::own_cpu_seconds(),
        servers::steal_ticks(),
    );
    let started = Instant::now();
    let mut step = swarm.step(n, load).await;
    step.server_cpu_s = server.cpu_seconds() - s0;
    step.loadgen_cpu_s = servers::own_cpu_seconds() - l0;
    step.steal_share = servers::steal_share(&st0, started.elapsed().as_secs_f64());
    step.writes = writes0
        .zip(server.write_path().await)
        .and_then(|(a, b)| b.since(a));
    eprintln!(
        "    {:<8} {:>11} deliveries/s offered → {:>11}/s  p50 {:>8.2} ms  p99 {:>8.2} ms  got {:.2}%{}{}",
        server.kind.name(),
        crate::report::group_digits(step.offered_deliveries_per_s, 0),
        crate::report::group_digits(step.delivered_per_s, 0),
        step.p50_ms,
        step.p99_ms,
        step.delivered_fraction() * 100.0,
        step.writes.map_or(String::new(), |w| format!(
            "  (writes wait {:.2} ms, commit {:.2} ms × {:.1})",
            w.wait_ms, w.commit_ms, w.group
        )),
        if step.errors > 0 {
            format!(
                "  {} error frames: {}",
                step.errors,
                swarm.first_error().unwrap_or_default()
            )
        } else {
            String::new()
        }
    );
    Ok(step)
}

fn banner(common: &Common, run: usize, kind: Kind) {
    eprintln!("  run {run}/{} · {}", common.runs, kind.name());
}

// --- (b) one hot channel ------------------------------------------------------------------------------------------

#[derive(Debug, Clone, clap::Args, serde::Serialize)]
pub struct HotArgs {
    /// Members of the channel, every one of them connected and reading.
    #[arg(long, default_value_t = 1000)]
    pub subscribers: usize,
    /// The first offered rate, in deliveries per second; each next step is √2 times the last, so that the ladder
    /// passes through 50k, 100k, 200k, 400k … for every server.
    #[arg(long, default_value_t = 25_000.0)]
    pub start: f64,
    /// Seconds each step sends for.
    #[arg(long, default_value_t = 2.0)]
    pub step_secs: f64,
    /// Bisections between the last rate that held and the first that did not.
    #[arg(long, default_value_t = 3)]
    pub refine: u32,
    #[arg(long, default_value_t = 24)]
    pub max_steps: u32,
    /// Bytes of each message body.
    #[arg(long, default_value_t = 64)]
    pub body: usize,
    /// The p99 end-to-end latency a rate must stay under to count as held.
    #[arg(long, default_value_t = 100.0)]
    pub p99_ms: f64,
}

/// The rates the ladder passes through for every server, where latencies are compared.
fn fixed_rates(args: &HotArgs) -> Vec<u64> {
    (0..args.max_steps)
        .map(|k| ladder_rate(args, k).round() as u64)
        .filter(|r| {
            let x = *r as f64 / args.start;
            (x.log2() - x.log2().round()).abs() < 1e-6 && x >= 2.0
        })
        .take(5)
        .collect()
}

/// One server's ladder: the steps measured so far, in order.
struct Ladder<'a> {
    swarm: &'a mut Swarm,
    server: &'a Server,
    common: &'a Common,
    p99_ms: f64,
    steps: Vec<Step>,
}

impl Ladder<'_> {
    /// Measures a rate and returns the step if it held. A step that did not hold is measured once more and the
    /// rate fails only if that fails too: one stall of the host (a virtual disk's `fsync` taking tens of
    /// milliseconds, a neighbour's burst) puts a 2-second step's p99 over the limit by itself, and ended a
    /// server's ladder far below what it sustains (docs/benchmarks.md, Method).
    async fn hold(&mut self, load: &Load<'_>) -> anyhow::Result<Option<Step>> {
        for _ in 0..2 {
            let n = self.steps.len() as u32 + 1;
            let step = measure(self.swarm, self.server, self.common, n, load).await?;
            self.steps.push(step.clone());
            if step.passed(self.p99_ms) {
                return Ok(Some(step));
            }
        }
        Ok(None)
    }
}

fn ladder_rate(args: &HotArgs, k: u32) -> f64 {
    args.start * std::f64::consts::SQRT_2.powi(k as i32)
}

pub async fn hot(common: &Common, args: &HotArgs) -> anyhow::Result<Results> {
    let mut results = Results::new(format!("hot-{}", args.subscribers), args)?;
    let layout = Layout::one_room(args.subscribers);
    let n = args.subscribers;
    let senders: Vec<usize> = (0..n).collect();
    let fixed = fixed_rates(args);
    for run in 1..=common.runs {
        for kind in common.servers() {
            banner(common, run, kind);
            let setup = Setup::start(kind, &layout, common).await?;
            // As in (a): the server's memory once it has started, then once everyone has connected and heard of
            // the others (in a channel of up to 1,000 Engawa sends presence updates that list them).
            tokio::time::sleep(Duration::from_secs(1)).await;
            let before = setup.server.rss_kib();
            let mut swarm = setup.swarm(common, None).await?;
            let connected = setup.server.rss_kib();
            let load = |rate_d: f64| Load {
                rate: rate_d / n as f64,
                duration: Duration::from_secs_f64(args.step_secs),
                senders: &senders,
                fanout: n as u64,
                body_len: kind.body_len(args.body),
                drain: Duration::from_secs(2),
            };
            let mut held: Option<(f64, Step)> = None;
            let mut failed: Option<f64> = None;
            let mut ladder = Ladder {
                swarm: &mut swarm,
                server: &setup.server,
                common,
                p99_ms: args.p99_ms,
                steps: Vec::new(),
            };
            for k in 0..args.max_steps {
                let rate = ladder_rate(args, k);
                match ladder.hold(&load(rate)).await? {
                    Some(step) => held = Some((rate, step)),
                    None => {
                        failed = Some(rate);
                        break;
                    }
                }
            }
            if let (Some(mut hi), Some(_)) = (failed, &held) {
                for _ in 0..args.refine {
                    let lo = held.as_ref().map_or(0.0, |(r, _)| *r);
                    let mid = (lo * hi).sqrt();
                    match ladder.hold(&load(mid)).await? {
                        Some(step) => held = Some((mid, step)),
                        None => hi = mid,
                    }
                }
            }
            let steps = ladder.steps;
            let mut row = Row::new(kind, run);
            let (capacity, at_capacity) = held.map_or((0.0, None), |(r, s)| (r, Some(s)));
            row.metrics.insert("capacity".into(), capacity);
            row.metrics.insert(
                "bytes_per_subscriber".into(),
                (connected.saturating_sub(before) * 1024) as f64 / n as f64,
            );
            if let Some(s) = at_capacity {
                row.metrics.insert("p99_at_capacity_ms".into(), s.p99_ms);
                row.metrics
                    .insert("bytes_per_delivery".into(), s.bytes_per_delivery);
                row.metrics.insert(
                    "server_us_per_delivery".into(),
                    s.server_cpu_s * 1e6 / s.received.max(1) as f64,
                );
            }
            for &rate in &fixed {
                if let Some(s) = steps.iter().find(|s| {
                    (s.offered_deliveries_per_s - rate as f64).abs() < 1.0 && s.passed(f64::MAX)
                }) {
                    row.metrics.insert(format!("p50_ms@{rate}"), s.p50_ms);
                    row.metrics.insert(format!("p99_ms@{rate}"), s.p99_ms);
                    row.metrics.insert(format!("p999_ms@{rate}"), s.p999_ms);
                }
            }
            row.steps = steps;
            results.rows.push(row);
            swarm.close();
            setup.stop();
        }
    }
    let mut metrics = vec![
        Metric::new("capacity", "deliveries/s", 0),
        Metric::new("p99_at_capacity_ms", "p99@cap ms", 1),
        Metric::new("server_us_per_delivery", "server µs/deliv", 2),
        Metric::new("bytes_per_delivery", "bytes/deliv", 0),
        Metric::new("bytes_per_subscriber", "bytes/subscriber", 0),
    ];
    for rate in &fixed {
        metrics.push(Metric::new(
            format!("p99_ms@{rate}"),
            format!("p99@{}k ms", rate / 1000),
            2,
        ));
    }
    results.finish(
        &format!(
            "(b) one channel, {} subscribers: the highest delivery rate with p99 < {} ms",
            args.subscribers, args.p99_ms
        ),
        &metrics,
        &common.out,
    )?;
    print_fixed(&results, &fixed);
    Ok(results)
}

/// p50 / p99 / p999 at the fixed rates, per server.
fn print_fixed(results: &Results, fixed: &[u64]) {
    println!(
        "latency at fixed offered rates (median of runs; p50 / p99 / p999 ms; '-' = did not hold)"
    );
    let servers: Vec<Kind> = results.summary.keys().filter_map(|k| kind_of(k)).collect();
    for rate in fixed {
        let mut line = format!("  {:>9}/s", crate::report::group_digits(*rate as f64, 0));
        for &s in &servers {
            let q = |p: &str| results.median(s, &format!("{p}@{rate}"));
            match (q("p50_ms"), q("p99_ms"), q("p999_ms")) {
                (Some(a), Some(b), Some(c)) => {
                    line.push_str(&format!("  {}: {a:.2}/{b:.2}/{c:.2}", s.name()))
                }
                _ => line.push_str(&format!("  {}: -", s.name())),
            }
        }
        println!("{line}");
    }
}

fn kind_of(name: &str) -> Option<Kind> {
    <Kind as clap::ValueEnum>::value_variants()
        .iter()
        .copied()
        .find(|k| k.name() == name)
}

// --- (c) many small rooms -----------------------------------------------------------------------------------------

#[derive(Debug, Clone, clap::Args, serde::Serialize)]
pub struct RoomsArgs {
    #[arg(long, default_value_t = 2500)]
    pub rooms: usize,
    #[arg(long, default_value_t = 4)]
    pub size: usize,
    /// Messages per second each member sends.
    #[arg(long, default_value_t = 1.0)]
    pub per_member: f64,
    #[arg(long, default_value_t = 10.0)]
    pub secs: f64,
    #[arg(long, default_value_t = 64)]
    pub body: usize,
}

pub async fn rooms(common: &Common, args: &RoomsArgs) -> anyhow::Result<Results> {
    let people = args.rooms * args.size;
    let mut results = Results::new(format!("rooms-{}x{}", args.rooms, args.size), args)?;
    let layout = Layout::rooms_of(args.size, people);
    let senders: Vec<usize> = (0..people).collect();
    for run in 1..=common.runs {
        for kind in common.servers() {
            banner(common, run, kind);
            let setup = Setup::start(kind, &layout, common).await?;
            let mut swarm = setup.swarm(common, None).await?;
            let load = Load {
                rate: people as f64 * args.per_member,
                duration: Duration::from_secs_f64(args.secs),
                senders: &senders,
                fanout: args.size as u64,
                body_len: kind.body_len(args.body),
                drain: Duration::from_secs(3),
            };
            let step = measure(&mut swarm, &setup.server, common, 1, &load).await?;
            let mut row = Row::new(kind, run);
            row.metrics
                .insert("throughput".into(), step.delivered_per_s);
            row.metrics
                .insert("delivered_pct".into(), step.delivered_fraction() * 100.0);
            row.metrics.insert("p50_ms".into(), step.p50_ms);
            row.metrics.insert("p99_ms".into(), step.p99_ms);
            row.metrics.insert(
                "server_cpu_pct".into(),
                step.server_cpu_s / step.seconds * 100.0,
            );
            row.steps = vec![step];
            results.rows.push(row);
            swarm.close();
            setup.stop();
        }
    }
    results.finish(
        &format!(
            "(c) {} rooms of {}, {} message/s per member",
            args.rooms, args.size, args.per_member
        ),
        &[
            Metric::new("throughput", "deliveries/s", 0),
            Metric::new("delivered_pct", "delivered %", 2),
            Metric::new("p50_ms", "p50 ms", 2),
            Metric::new("p99_ms", "p99 ms", 2),
            Metric::new("server_cpu_pct", "server CPU %", 0),
        ],
        &common.out,
    )?;
    Ok(results)
}

// --- (a) idle connections -----------------------------------------------------------------------------------------

#[derive(Debug, Clone, clap::Args, serde::Serialize)]
pub struct IdleArgs {
    #[arg(long, default_value_t = 10_000)]
    pub connections: usize,
    /// Seconds the connections sit idle while the server's CPU time is measured.
    #[arg(long, default_value_t = 10.0)]
    pub idle_secs: f64,
}

pub async fn idle(common: &Common, args: &IdleArgs) -> anyhow::Result<Results> {
    let n = args.connections;
    let mut results = Results::new(format!("idle-{n}"), args)?;
    let layout = Layout::rooms_of(4, n);
    for run in 1..=common.runs {
        for kind in common.servers() {
            banner(common, run, kind);
            let setup = Setup::start(kind, &layout, common).await?;
            // Let the server finish starting (and a runtime its lazy allocations) before the baseline.
            tokio::time::sleep(Duration::from_secs(1)).await;
            let before = setup.server.rss_kib();
            // In two halves: the second half's growth is what one more connection costs, without what the first
            // connections made the server grow once (the database's page caches filling, the runtime's pools).
            let half = n / 2;
            let first = setup.swarm_of(common, 0..half, None).await?;
            tokio::time::sleep(Duration::from_secs(2)).await;
            let middle = setup.server.rss_kib();
            let second = setup.swarm_of(common, half..n, None).await?;
            tokio::time::sleep(Duration::from_secs(2)).await;
            let cpu0 = setup.server.cpu_seconds();
            tokio::time::sleep(Duration::from_secs_f64(args.idle_secs)).await;
            let cpu = setup.server.cpu_seconds() - cpu0;
            let after = setup.server.rss_kib();
            let per_conn = (after.saturating_sub(before) * 1024) as f64 / n as f64;
            let marginal = (after.saturating_sub(middle) * 1024) as f64 / (n - half) as f64;
            eprintln!(
                "    {:<8} RSS {} → {} → {} KiB: {:.0} bytes per connection, {:.0} for the second half; idle CPU {:.2}%",
                kind.name(),
                before,
                middle,
                after,
                per_conn,
                marginal,
                cpu / args.idle_secs * 100.0
            );
            let mut row = Row::new(kind, run);
            row.metrics.insert("bytes_per_conn".into(), per_conn);
            row.metrics
                .insert("marginal_bytes_per_conn".into(), marginal);
            row.metrics.insert("rss_mib".into(), after as f64 / 1024.0);
            row.metrics
                .insert("idle_cpu_pct".into(), cpu / args.idle_secs * 100.0);
            row.metrics
                .insert("lost".into(), (first.lost() + second.lost()) as f64);
            results.rows.push(row);
            first.close();
            second.close();
            setup.stop();
        }
    }
    results.finish(
        &format!("(a) {n} idle connections"),
        &[
            Metric::new("bytes_per_conn", "bytes/conn", 0),
            Metric::new("marginal_bytes_per_conn", "2nd half bytes/conn", 0),
            Metric::new("rss_mib", "RSS MiB", 1),
            Metric::new("idle_cpu_pct", "idle CPU %", 2),
            Metric::new("lost", "lost", 0),
        ],
        &common.out,
    )?;
    Ok(results)
}

// --- (e) connect storm --------------------------------------------------------------------------------------------

#[derive(Debug, Clone, clap::Args, serde::Serialize)]
pub struct StormArgs {
    #[arg(long, default_value_t = 10_000)]
    pub connections: usize,
    /// Connections being opened at any moment.
    #[arg(long, default_value_t = 200)]
    pub in_flight: usize,
    /// Every person is also a member of one channel of everyone, as in a region's community with its `#general`
    /// (Engawa only: the plain servers' clients join their room of 4 alone).
    #[arg(long)]
    pub channel_of_all: bool,
    /// Open consultations in Engawa's database, a third waiting and the rest taken by 50 helpers: the first this
    /// many people asked one each (Engawa only).
    #[arg(long, default_value_t = 0)]
    pub open_consultations: usize,
    /// Messages in the channel of everyone before the storm, unread by all (Engawa only; with
    /// `--channel-of-all`).
    #[arg(long, default_value_t = 0, requires = "channel_of_all")]
    pub history: usize,
    /// Every client resumes its room in `hello`, having missed nothing, as clients reconnecting after a restart do
    /// (Engawa only).
    #[arg(long)]
    pub resume: bool,
}

pub async fn storm(common: &Common, args: &StormArgs) -> anyhow::Result<Results> {
    let n = args.connections;
    let mut name = format!("storm-{n}");
    if args.channel_of_all {
        name.push_str("-general");
    }
    if args.open_consultations > 0 {
        name.push_str(&format!("-consult{}", args.open_consultations));
    }
    if args.history > 0 {
        name.push_str(&format!("-unread{}", args.history));
    }
    if args.resume {
        name.push_str("-resume");
    }
    let mut results = Results::new(name, args)?;
    let mut layout = Layout::rooms_of(4, n);
    if args.channel_of_all {
        layout.rooms.push((0..n).collect());
    }
    layout.extra = seed::Extra {
        consultations: args.open_consultations,
        history: args.history,
    };
    for run in 1..=common.runs {
        for kind in common.servers() {
            banner(common, run, kind);
            let storm = unless_stolen(
                "storm",
                async || storm_once(kind, &layout, common, args).await,
                Storm::stop,
            )
            .await?;
            let mut hist = new_histogram();
            let mut failed = 0;
            let mut first_failure = None;
            for (took, ws) in &storm.opened {
                match ws {
                    Ok(_) => hist.saturating_record(took.as_micros().max(1) as u64),
                    Err(e) => {
                        failed += 1;
                        first_failure.get_or_insert_with(|| format!("{e:#}"));
                    }
                }
            }
            let rate = (n - failed) as f64 / storm.secs;
            let busy = |cpu_s: f64| cpu_s / storm.secs * 100.0;
            let ms = |q: f64| hist.value_at_quantile(q) as f64 / 1000.0;
            eprintln!(
                "    {:<8} {} ready in {:.2} s: {:.0}/s, p50 {:.2} ms, p99 {:.2} ms, cores busy: server {:.0}%, load \
                 generator {:.0}%; {} failed{}",
                kind.name(),
                n - failed,
                storm.secs,
                rate,
                ms(0.5),
                ms(0.99),
                busy(storm.server_cpu.busy),
                busy(storm.loadgen_cpu.busy),
                failed,
                first_failure
                    .map(|f| format!(" (first: {f})"))
                    .unwrap_or_default()
            );
            let mut row = Row::new(kind, run);
            row.metrics.insert("per_s".into(), rate);
            row.metrics.insert("p50_ms".into(), ms(0.5));
            row.metrics.insert("p99_ms".into(), ms(0.99));
            let per_conn = |cpu_s: f64| cpu_s * 1e6 / n as f64;
            row.metrics
                .insert("server_us_per_conn".into(), per_conn(storm.server_cpu.busy));
            row.metrics.insert(
                "server_kernel_us_per_conn".into(),
                per_conn(storm.server_cpu.kernel),
            );
            row.metrics
                .insert("server_busy_pct".into(), busy(storm.server_cpu.busy));
            row.metrics.insert(
                "loadgen_us_per_conn".into(),
                per_conn(storm.loadgen_cpu.busy),
            );
            row.metrics.insert(
                "loadgen_kernel_us_per_conn".into(),
                per_conn(storm.loadgen_cpu.kernel),
            );
            row.metrics
                .insert("loadgen_busy_pct".into(), busy(storm.loadgen_cpu.busy));
            row.metrics.insert("failed".into(), failed as f64);
            results.rows.push(row);
            storm.stop();
        }
    }
    results.finish(
        &format!(
            "(e) connect storm: {n} connections, {} at a time, to ready",
            args.in_flight
        ),
        &[
            Metric::new("per_s", "ready/s", 0),
            Metric::new("p50_ms", "p50 ms", 2),
            Metric::new("p99_ms", "p99 ms", 2),
            Metric::new("server_us_per_conn", "server µs/conn", 0),
            Metric::new("server_kernel_us_per_conn", "… of it kernel", 0),
            Metric::new("server_busy_pct", "server core %", 0),
            Metric::new("loadgen_us_per_conn", "load gen. µs/conn", 0),
            Metric::new("loadgen_kernel_us_per_conn", "… of it kernel", 0),
            Metric::new("loadgen_busy_pct", "load gen. core %", 0),
            Metric::new("failed", "failed", 0),
        ],
        &common.out,
    )?;
    Ok(results)
}

/// One storm on a fresh server, and the share of a core's time the hypervisor took meanwhile.
async fn storm_once(
    kind: Kind,
    layout: &Layout,
    common: &Common,
    args: &StormArgs,
) -> anyhow::Result<(Storm, f64)> {
    let setup = Setup::start(kind, layout, common).await?;
    let start = Instant::now();
    let (server0, loadgen0, steal0) = (
        setup.server.cpu_time(),
        servers::own_cpu_time(),
        servers::steal_ticks(),
    );
    let opened: Vec<(Duration, anyhow::Result<client::Ws>)> =
        futures_util::stream::iter(0..args.connections)
            .map(|i| {
                let setup = &setup;
                async move {
                    let t = Instant::now();
                    let m = &setup.members[i];
                    let ws = client::open(
                        kind.dialect(),
                        setup.server.addr,
                        i,
                        m.token.as_deref(),
                        &setup.rooms[m.room],
                        client::Opening {
                            resume: args.resume,
                            ..client::Opening::default()
                        },
                    )
                    .await;
                    (t.elapsed(), ws)
                }
            })
            .buffer_unordered(args.in_flight)
            .collect()
            .await;
    let secs = start.elapsed().as_secs_f64();
    let storm = Storm {
        server_cpu: setup.server.cpu_time() - server0,
        loadgen_cpu: servers::own_cpu_time() - loadgen0,
        setup,
        opened,
        secs,
    };
    Ok((storm, servers::steal_share(&steal0, secs)))
}

/// A storm's server, each connection's time to `ready` (or its failure), and the busy time of both cores.
struct Storm {
    setup: Setup,
    opened: Vec<(Duration, anyhow::Result<client::Ws>)>,
    secs: f64,
    /// The server's core, busy: the server's cost (pinned, this includes the kernel's work for its sockets).
    server_cpu: servers::CpuTime,
    /// The load generator's core, busy: when it is near 100%, the storm measured the load generator.
    loadgen_cpu: servers::CpuTime,
}

impl Storm {
    /// Closes the clients' connections, then stops the server.
    fn stop(self) {
        drop(self.opened);
        self.setup.stop();
    }
}

// --- (f) a reader that stops reading ------------------------------------------------------------------------------

#[derive(Debug, Clone, clap::Args, serde::Serialize)]
pub struct SlowArgs {
    #[arg(long, default_value_t = 1000)]
    pub subscribers: usize,
    /// Offered deliveries per second.
    #[arg(long, default_value_t = 100_000.0)]
    pub rate: f64,
    /// Seconds of each phase.
    #[arg(long, default_value_t = 5.0)]
    pub secs: f64,
    #[arg(long, default_value_t = 64)]
    pub body: usize,
    /// Pairs of phases (everyone reads; one reader stalled) per run, the pairs in alternating order. A run's ratio
    /// is the median of its pairs' ratios: one slow `fsync` or host hiccup in one phase moves a 5-second p99 by
    /// tens of percent, far more than the 10% the scenario asks about.
    #[arg(long, default_value_t = 3)]
    pub pairs: usize,
}

pub async fn slow(common: &Common, args: &SlowArgs) -> anyhow::Result<Results> {
    let n = args.subscribers;
    let mut results = Results::new(format!("slow-{n}"), args)?;
    let layout = Layout::one_room(n);
    // The last member is the one that stops reading; it never sends.
    let silent = n - 1;
    let senders: Vec<usize> = (0..silent).collect();
    for run in 1..=common.runs {
        for kind in common.servers() {
            banner(common, run, kind);
            let setup = Setup::start(kind, &layout, common).await?;
            // Per pair: the p99 with everyone reading, the p99 with one stalled, and what the others got then.
            let (mut without, mut with, mut got) = (Vec::new(), Vec::new(), 100.0_f64);
            for pair in 0..args.pairs.max(1) {
                // Alternating which phase comes first, so that a drift over the run falls on both.
                let order = if pair % 2 == 0 {
                    [false, true]
                } else {
                    [true, false]
                };
                for stalls in order {
                    let stalled = stalls.then_some(silent);
                    let mut swarm = setup.swarm(common, stalled).await?;
                    let load = Load {
                        rate: args.rate / silent as f64,
                        duration: Duration::from_secs_f64(args.secs),
                        senders: &senders,
                        // The silent member's deliveries are not expected once it stops reading.
                        fanout: if stalls { silent as u64 } else { n as u64 },
                        body_len: kind.body_len(args.body),
                        drain: Duration::from_secs(2),
                    };
                    let phase = (2 * pair + usize::from(stalls) + 1) as u32;
                    let step = measure(&mut swarm, &setup.server, common, phase, &load).await?;
                    if stalls {
                        with.push(step.p99_ms);
                        got = got.min(step.delivered_fraction().min(1.0) * 100.0);
                    } else {
                        without.push(step.p99_ms);
                    }
                    swarm.close();
                    tokio::time::sleep(Duration::from_millis(300)).await;
                }
            }
            let ratios = with.iter().zip(&without).map(|(w, o)| w / o).collect();
            let median = |values: Vec<f64>| crate::report::median(values).unwrap_or(f64::NAN);
            let mut row = Row::new(kind, run);
            row.metrics.insert("p99_without_ms".into(), median(without));
            row.metrics.insert("p99_with_ms".into(), median(with));
            row.metrics.insert("p99_change".into(), median(ratios));
            row.metrics.insert("delivered_pct".into(), got);
            results.rows.push(row);
            setup.stop();
        }
    }
    results.finish(
        &format!(
            "(f) {n} subscribers at {} deliveries/s, one of them stops reading ({} pairs of {}-second phases per run)",
            crate::report::group_digits(args.rate, 0),
            args.pairs.max(1),
            args.secs
        ),
        &[
            Metric::new("p99_without_ms", "p99 all read ms", 2),
            Metric::new("p99_with_ms", "p99 1 stalled ms", 2),
            Metric::new("p99_change", "with ÷ without", 3),
            Metric::new("delivered_pct", "delivered %", 2),
        ],
        &common.out,
    )?;
    Ok(results)
}

// --- (d) two nodes through Redis ---------------------------------------------------------------------------------

#[derive(Debug, Clone, clap::Args, serde::Serialize)]
pub struct ClusterArgs {
    /// Members of the channel; with two nodes, half are connected to each.
    #[arg(long, default_value_t = 1000)]
    pub subscribers: usize,
    /// Messages per second, sent by members on the first node.
    #[arg(long, default_value_t = 50.0)]
    pub rate: f64,
    #[arg(long, default_value_t = 5.0)]
    pub secs: f64,
    #[arg(long, default_value_t = 64)]
    pub body: usize,
    /// An existing PostgreSQL database to create the run's own databases from.
    #[arg(
        long,
        env = "ENGAWA_BENCH_PG",
        default_value = DEFAULT_PG
    )]
    #[serde(skip)]
    pub pg: String,
}

pub const DEFAULT_PG: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// One node, or two sharing a Redis, on a fresh PostgreSQL database holding one channel of `subscribers`.
struct Nodes {
    servers: Vec<Server>,
    redis: Option<servers::Redis>,
    db: servers::PgDatabase,
    data: PathBuf,
    tokens: Vec<String>,
    room: Room,
}

impl Nodes {
    async fn start(count: usize, common: &Common, args: &ClusterArgs) -> anyhow::Result<Nodes> {
        let db = servers::PgDatabase::create(&args.pg).await?;
        let layout = Layout::one_room(args.subscribers);
        let seeded = match seed::seed_url(
            &db.url,
            args.subscribers,
            &layout.rooms,
            seed::Extra::default(),
        )
        .await
        {
            Ok(seeded) => seeded,
            Err(e) => {
                db.drop_now().await?;
                return Err(e.context("seeding Engawa's PostgreSQL database"));
            }
        };
        let mut nodes = Nodes {
            servers: Vec::new(),
            redis: None,
            db,
            data: common.work().join("data"),
            tokens: seeded.tokens,
            room: seeded
                .rooms
                .into_iter()
                .next()
                .context("one room was seeded")?,
        };
        if let Err(e) = nodes.boot(count, common).await {
            nodes.stop().await?;
            return Err(e);
        }
        Ok(nodes)
    }

    async fn boot(&mut self, count: usize, common: &Common) -> anyhow::Result<()> {
        if count > 1 {
            self.redis = Some(servers::Redis::start(&log_path(common, "redis"))?);
        }
        for i in 0..count {
            let node = servers::Node {
                data: self.data.join(i.to_string()),
                database_url: Some(self.db.url.clone()),
                redis_url: self.redis.as_ref().map(|r| r.url.clone()),
            };
            let name = format!("engawa-node{i}");
            self.servers.push(Server::start(
                Kind::Engawa,
                Some(&node),
                &log_path(common, &name),
            )?);
        }
        Ok(())
    }

    /// A swarm of the members `range` on node `node`.
    async fn swarm(
        &self,
        node: usize,
        range: std::ops::Range<usize>,
        common: &Common,
    ) -> anyhow::Result<Swarm> {
        let members = self.tokens[range]
            .iter()
            .map(|t| Member {
                room: 0,
                token: Some(t.clone()),
            })
            .collect();
        Swarm::connect(
            Kind::Engawa.dialect(),
            self.servers[node].addr,
            vec![self.room.clone()],
            members,
            None,
            common.concurrency,
        )
        .await
    }

    async fn stop(self) -> anyhow::Result<()> {
        for server in self.servers {
            server.stop();
        }
        drop(self.redis);
        let _ = std::fs::remove_dir_all(&self.data);
        self.db.drop_now().await
    }
}

/// What one configuration measured: per node's readers, and Redis's work during the step.
struct ClusterStep {
    readers: Vec<Step>,
    sent: u64,
    redis: Option<RedisWork>,
}

/// Redis's work over the step (`secs` long), and over as long a time with nothing sent just before.
struct RedisWork {
    idle: servers::RedisCounters,
    busy: servers::RedisCounters,
    secs: f64,
}

/// Sends from the first node's members; every node's readers count their own deliveries.
async fn cluster_step(
    nodes: &Nodes,
    swarms: &[Swarm],
    args: &ClusterArgs,
) -> anyhow::Result<ClusterStep> {
    for swarm in swarms {
        swarm.quiet().await;
    }
    let senders: Vec<usize> = (0..swarms[0].members()).collect();
    let load = |fanout: usize| Load {
        rate: args.rate,
        duration: Duration::from_secs_f64(args.secs),
        senders: &senders,
        fanout: fanout as u64,
        body_len: args.body,
        drain: Duration::from_secs(3),
    };
    // Redis's own work while nothing is sent (presence heartbeats), over as long as the step, then during it.
    let before = match &nodes.redis {
        Some(r) => {
            let idle0 = r.counters().await?;
            tokio::time::sleep(Duration::from_secs_f64(args.secs)).await;
            let idle1 = r.counters().await?;
            Some((idle1 - idle0, idle1))
        }
        None => None,
    };
    let marks: Vec<_> = swarms.iter().map(|s| s.begin(1)).collect();
    let start = Instant::now();
    let first = swarms[0].step(1, &load(swarms[0].members())).await;
    let paced = Duration::from_secs_f64(first.seconds);
    let mut readers = vec![first];
    for (swarm, mark) in swarms.iter().zip(marks).skip(1) {
        readers.push(
            swarm
                .settle(mark, &load(swarm.members()), readers[0].sent, paced, start)
                .await,
        );
    }
    let redis = match (&nodes.redis, before) {
        (Some(r), Some((idle, b))) => Some(RedisWork {
            idle,
            busy: r.counters().await? - b,
            secs: start.elapsed().as_secs_f64(),
        }),
        _ => None,
    };
    let sent = readers[0].sent;
    Ok(ClusterStep {
        readers,
        sent,
        redis,
    })
}

pub async fn cluster(common: &Common, args: &ClusterArgs) -> anyhow::Result<Results> {
    let n = args.subscribers;
    let mut results = Results::new(format!("cluster-{n}"), args)?;
    let half = n / 2;
    for run in 1..=common.runs {
        // A: one node, every member on it. B: two nodes through Redis, half the members on each.
        let mut row = Row::new(Kind::Engawa, run);
        for count in [1, 2] {
            eprintln!("  run {run}/{} · {count} node(s)", common.runs);
            let nodes = Nodes::start(count, common, args).await?;
            let measured = async {
                let mut swarms = Vec::new();
                if count == 1 {
                    swarms.push(nodes.swarm(0, 0..n, common).await?);
                } else {
                    swarms.push(nodes.swarm(0, 0..half, common).await?);
                    swarms.push(nodes.swarm(1, half..n, common).await?);
                }
                // Presence of the new connections is pushed within a second; it is not part of the step.
                tokio::time::sleep(Duration::from_millis(1500)).await;
                let step = cluster_step(&nodes, &swarms, args).await;
                for swarm in swarms {
                    swarm.close();
                }
                step
            }
            .await;
            nodes.stop().await?;
            let step = measured?;
            for (node, r) in step.readers.iter().enumerate() {
                eprintln!(
                    "    node {node}'s readers: {} of {} delivered, p50 {:.2} ms, p99 {:.2} ms",
                    r.received, r.expected, r.p50_ms, r.p99_ms
                );
            }
            let got = step.readers.iter().map(|r| r.received).sum::<u64>() as f64
                / step.readers.iter().map(|r| r.expected).sum::<u64>().max(1) as f64;
            if count == 1 {
                let r = &step.readers[0];
                row.metrics.insert("one_p50_ms".into(), r.p50_ms);
                row.metrics.insert("one_p99_ms".into(), r.p99_ms);
                row.metrics.insert("one_delivered_pct".into(), got * 100.0);
            } else {
                let (local, remote) = (&step.readers[0], &step.readers[1]);
                row.metrics.insert("local_p99_ms".into(), local.p99_ms);
                row.metrics.insert("remote_p99_ms".into(), remote.p99_ms);
                row.metrics
                    .insert("hop_p50_ms".into(), remote.p50_ms - local.p50_ms);
                row.metrics
                    .insert("hop_p99_ms".into(), remote.p99_ms - local.p99_ms);
                row.metrics.insert("two_delivered_pct".into(), got * 100.0);
                if let Some(redis) = step.redis {
                    let sent = step.sent.max(1) as f64;
                    let per_message = redis.busy.publishes as f64 / sent;
                    eprintln!(
                        "    Redis: {} publishes for {} messages ({per_message:.3} each; {} while idle), \
                         CPU {:.3} s sending, {:.3} s idle",
                        redis.busy.publishes,
                        step.sent,
                        redis.idle.publishes,
                        redis.busy.cpu_s,
                        redis.idle.cpu_s
                    );
                    row.metrics
                        .insert("publishes_per_message".into(), per_message);
                    row.metrics
                        .insert("idle_publishes".into(), redis.idle.publishes as f64);
                    row.metrics.insert(
                        "redis_cpu_pct".into(),
                        redis.busy.cpu_s / redis.secs * 100.0,
                    );
                    row.metrics.insert(
                        "redis_idle_cpu_pct".into(),
                        redis.idle.cpu_s / args.secs * 100.0,
                    );
                    // What messages cost Redis beyond its idle work (heartbeats) over the same time.
                    row.metrics.insert(
                        "redis_us_per_message".into(),
                        (redis.busy.cpu_s - redis.idle.cpu_s).max(0.0) * 1e6 / sent,
                    );
                }
            }
        }
        results.rows.push(row);
    }
    results.finish(
        &format!(
            "(d) one channel of {n}, {} messages/s from node 0: one node against two through Redis",
            args.rate
        ),
        &[
            Metric::new("one_p50_ms", "1 node p50 ms", 2),
            Metric::new("one_p99_ms", "1 node p99 ms", 2),
            Metric::new("local_p99_ms", "2 nodes local p99", 2),
            Metric::new("remote_p99_ms", "remote p99 ms", 2),
            Metric::new("hop_p50_ms", "hop adds p50 ms", 2),
            Metric::new("hop_p99_ms", "hop adds p99 ms", 2),
            Metric::new("publishes_per_message", "publishes/msg", 3),
            Metric::new("redis_cpu_pct", "Redis CPU %", 2),
            Metric::new("redis_idle_cpu_pct", "Redis idle CPU %", 2),
            Metric::new("redis_us_per_message", "Redis µs/msg", 1),
            Metric::new("two_delivered_pct", "delivered %", 2),
        ],
        &common.out,
    )?;
    Ok(results)
}

/// Checks a smoke run's results: every server delivered and nothing failed.
pub fn check_smoke(results: &[Results]) -> anyhow::Result<()> {
    for r in results {
        // The bare server at Engawa's frame size must deliver frames as long as Engawa's, give or take the digits
        // of ids and seqs.
        if let (Some(engawa), Some(sized)) = (
            r.median(Kind::Engawa, "bytes_per_delivery"),
            r.median(Kind::BareSized, "bytes_per_delivery"),
        ) {
            anyhow::ensure!(
                (sized / engawa - 1.0).abs() < 0.1,
                "smoke: the bare server at Engawa's size delivered {sized:.0}-byte frames, Engawa {engawa:.0}"
            );
        }
        for row in &r.rows {
            let m = |k: &str| row.metrics.get(k).copied();
            let ok = match r.scenario.split('-').next().unwrap_or_default() {
                "hot" => m("capacity").is_some_and(|c| c > 0.0),
                "rooms" | "slow" => m("delivered_pct").is_some_and(|d| d >= 99.9),
                "idle" => m("bytes_per_conn").is_some_and(|b| b > 0.0) && m("lost") == Some(0.0),
                "storm" => m("failed") == Some(0.0) && m("per_s").is_some_and(|p| p > 0.0),
                "cluster" => {
                    m("publishes_per_message") == Some(1.0)
                        && m("idle_publishes") == Some(0.0)
                        && m("one_delivered_pct").is_some_and(|d| d >= 99.9)
                        && m("two_delivered_pct").is_some_and(|d| d >= 99.9)
                }
                _ => false,
            };
            anyhow::ensure!(
                ok,
                "smoke: {} on {} looks wrong: {:?}",
                r.scenario,
                row.server.name(),
                row.metrics
            );
        }
    }
    Ok(())
}
