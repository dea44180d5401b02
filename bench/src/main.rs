//! `engawa-bench`: Engawa's benchmark suite (`docs/benchmarks.md`).
//!
//! One binary plays every part: the load generator, which speaks Engawa's real protocol (and the plain and
//! Socket.IO protocols of the servers it is compared with) and runs the scenarios; the bare broadcast baseline
//! (`serve-bare`); and an Engawa node started through `engawa::run` on a seeded database (`serve-engawa`). Each
//! server under test is its own process on its own core; the load generator keeps the other.
//!
//! - [`scenarios`]: (a) idle, (b) hot channel, (c) rooms, (d) two nodes through Redis, (e) connect storm, (f) a
//!   reader that stops.
//! - [`load`]: the swarm of connections, the pacer, latency histograms.
//! - [`client`]: the three protocols' handshakes, sends and stamps.
//! - [`servers`]: starting, pinning and observing the server processes.
//! - [`seed`]: real Engawa accounts, sessions and channels for a run.
//! - [`bare`]: the bare broadcast server.
//! - [`floor`]: what a durable message costs SQLite alone, the floor under (b) (`floor`).
//! - [`report`]: medians, paired ratios, tables, JSON.

mod bare;
mod client;
mod floor;
mod load;
mod report;
mod scenarios;
mod seed;
mod servers;

use std::io::Write as _;
use std::path::PathBuf;

use clap::{Parser, Subcommand};
use tokio::net::TcpListener;

use scenarios::{ClusterArgs, Common, HotArgs, IdleArgs, RoomsArgs, SlowArgs, StormArgs};

#[derive(Parser)]
#[command(
    version,
    about = "Engawa's benchmark suite: scenarios against a bare baseline and real peers"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// (a) Idle connections: memory per connection and idle CPU.
    Idle {
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        args: IdleArgs,
    },
    /// (b) One hot channel: the highest delivery rate with p99 under 100 ms, latency at fixed rates, CPU per delivery.
    Hot {
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        args: HotArgs,
    },
    /// (c) Many small rooms at one message per second per member: throughput and p99.
    Rooms {
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        args: RoomsArgs,
    },
    /// (d) Two Engawa nodes through Redis against one: the latency the Redis hop adds, publishes per message,
    /// Redis CPU. Needs PostgreSQL (`--pg`) and `redis-server`; `--servers` does not apply.
    Cluster {
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        args: ClusterArgs,
    },
    /// (e) Connect storm: authenticated connections per second to `ready`, and time to ready.
    Storm {
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        args: StormArgs,
    },
    /// (f) One reader stops reading in a hot channel: the others' p99 with and without it.
    Slow {
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        args: SlowArgs,
    },
    /// The floor under (b): the CPU that storing a message durably costs SQLite on this machine, by commit group
    /// size, for Engawa's statement and for one plain row, without Engawa (on the servers' core).
    Floor {
        #[command(flatten)]
        args: floor::FloorArgs,
    },
    /// Every scenario for a few seconds with small numbers, Engawa and the bare server only; fails when a result
    /// looks wrong. The test command runs it so the tool cannot rot.
    Smoke {
        #[arg(long, default_value = "target/bench/smoke")]
        out: PathBuf,
    },
    /// Runs the bare broadcast server on 127.0.0.1 (used by the scenarios; prints `listening <port>`).
    ServeBare,
    /// Runs an Engawa node on a seeded database (used by the scenarios; prints `listening <port>`).
    ServeEngawa(servers::Node),
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::ServeBare => multi_thread()?.block_on(async {
            let listener = listen()?;
            bare::serve(listener).await
        }),
        Command::ServeEngawa(node) => multi_thread()?.block_on(async {
            // As `engawa serve` logs by default; the lines go to the server's log file.
            engawa::init_logging("info")?;
            let listener = listen()?;
            let config = engawa::Config {
                data_dir: node.data,
                database_url: node.database_url,
                redis_url: node.redis_url,
                ..engawa::Config::default()
            };
            engawa::run(config, listener, tokio_util::sync::CancellationToken::new()).await?;
            Ok(())
        }),
        Command::Floor { args } => {
            servers::pin_self_as_server()?;
            floor::run(&args).map(drop)
        }
        command => {
            servers::pin_self()?;
            // The load generator is one thread on one core: its own cost per frame is measured and reported.
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            rt.block_on(scenario(command))
        }
    }
}

async fn scenario(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Idle { common, args } => scenarios::idle(&common, &args).await.map(drop),
        Command::Hot { common, args } => scenarios::hot(&common, &args).await.map(drop),
        Command::Rooms { common, args } => scenarios::rooms(&common, &args).await.map(drop),
        Command::Cluster { common, args } => scenarios::cluster(&common, &args).await.map(drop),
        Command::Storm { common, args } => scenarios::storm(&common, &args).await.map(drop),
        Command::Slow { common, args } => scenarios::slow(&common, &args).await.map(drop),
        Command::Smoke { out } => smoke(out).await,
        Command::ServeBare | Command::ServeEngawa(_) | Command::Floor { .. } => {
            unreachable!("handled in main")
        }
    }
}

async fn smoke(out: PathBuf) -> anyhow::Result<()> {
    use servers::Kind;
    let with = |servers: Vec<Kind>| Common {
        servers,
        runs: 1,
        out: out.clone(),
        concurrency: 50,
    };
    let common = with(vec![Kind::Engawa, Kind::Bare]);
    let results = vec![
        scenarios::idle(
            &common,
            &IdleArgs {
                connections: 200,
                idle_secs: 0.5,
            },
        )
        .await?,
        scenarios::hot(
            &with(vec![Kind::Engawa, Kind::Bare, Kind::BareSized]),
            &HotArgs {
                subscribers: 50,
                start: 500.0,
                step_secs: 0.5,
                refine: 0,
                max_steps: 2,
                body: 64,
                p99_ms: 100.0,
            },
        )
        .await?,
        scenarios::rooms(
            &common,
            &RoomsArgs {
                rooms: 25,
                size: 4,
                per_member: 1.0,
                secs: 1.0,
                body: 64,
            },
        )
        .await?,
        scenarios::cluster(
            &common,
            &ClusterArgs {
                subscribers: 50,
                rate: 20.0,
                secs: 1.0,
                body: 64,
                pg: std::env::var("ENGAWA_BENCH_PG")
                    .unwrap_or_else(|_| scenarios::DEFAULT_PG.into()),
            },
        )
        .await?,
        scenarios::storm(
            &common,
            &StormArgs {
                connections: 200,
                in_flight: 50,
                channel_of_all: true,
                open_consultations: 30,
                history: 150,
                resume: true,
            },
        )
        .await?,
        scenarios::slow(
            &common,
            &SlowArgs {
                subscribers: 50,
                rate: 500.0,
                secs: 1.0,
                body: 64,
                // Two, so that both orders of the phases run.
                pairs: 2,
            },
        )
        .await?,
    ];
    scenarios::check_smoke(&results)?;
    // On a thread of its own: it opens Engawa's store on a runtime of its own, and measures its own thread's CPU.
    let args = floor::FloorArgs {
        messages: 40,
        groups: vec![1, 8],
        runs: 1,
        body: 64,
        out,
    };
    let floor = std::thread::spawn(move || floor::run(&args))
        .join()
        .map_err(|_| anyhow::anyhow!("the floor panicked"))??;
    anyhow::ensure!(
        floor
            .points
            .iter()
            .all(|p| p.engawa.cpu_us > 0.0 && p.plain.cpu_us > 0.0),
        "smoke: the floor measured no CPU: {floor:?}"
    );
    println!("\nsmoke: every scenario ran and every result is plausible");
    Ok(())
}

fn multi_thread() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
}

fn listen() -> anyhow::Result<TcpListener> {
    // Engawa's own listener for both servers, so that a connect storm meets the same accept queue.
    let listener = engawa::listen(([127, 0, 0, 1], 0).into())?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "listening {}", listener.local_addr()?.port())?;
    out.flush()?;
    Ok(listener)
}
