//! The servers under test, each started as its own process on its own core, and what can be read about them from
//! `/proc`: CPU time and resident memory.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use anyhow::{Context, bail};

use crate::client::Dialect;

/// The core servers run on; the load generator takes the other one (see `pin_self`).
const SERVER_CORE: &str = "1";
const LOADGEN_CORE: &str = "0";

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Engawa itself (`engawa::run`), on a seeded database (SQLite; PostgreSQL and Redis in scenario (d)).
    Engawa,
    /// The bare broadcast server of this crate: the practical limit.
    Bare,
    /// The bare server sent bodies padded so that each frame it delivers is as long as Engawa's `message` event
    /// for the same body: the practical limit at Engawa's bytes per delivery.
    BareSized,
    /// uWebSockets through the Python package socketify.
    Uws,
    /// Node.js with the `ws` package.
    Ws,
    /// Node.js with Socket.IO.
    Socketio,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Engawa => "engawa",
            Kind::Bare => "bare",
            Kind::BareSized => "bare-sized",
            Kind::Uws => "uws",
            Kind::Ws => "ws",
            Kind::Socketio => "socketio",
        }
    }

    pub fn dialect(self) -> Dialect {
        match self {
            Kind::Engawa => Dialect::Engawa,
            Kind::Socketio => Dialect::SocketIo,
            Kind::Bare | Kind::BareSized | Kind::Uws | Kind::Ws => Dialect::Plain,
        }
    }

    /// The length of the bodies the load generator sends this server when a scenario asks for `len`.
    pub fn body_len(self, len: usize) -> usize {
        match self {
            Kind::BareSized => len + engawa_event_overhead(),
            _ => len,
        }
    }
}

/// What an Engawa `message` event carries beyond the plain protocol's frame around the same body (room `r0`), in
/// bytes: its envelope and the message's id and language, with ids and seqs as long as a hot channel's run makes
/// them (6-digit seqs and message ids, 4-digit people; within a few bytes of every frame of the run).
fn engawa_event_overhead() -> usize {
    use engawa::protocol::{
        ConversationEvent, ConversationId, EventBody, EventMessage, MessageId, ServerEvent, UserId,
    };
    let event = ServerEvent::Event(Box::new(ConversationEvent {
        conversation: ConversationId(1),
        seq: 100_000,
        at: 1_765_000_000_000,
        actor: UserId(1_000),
        body: EventBody::Message {
            message: EventMessage {
                id: MessageId(100_000),
                body: String::new(),
                lang: "en".into(),
                reply_to: None,
                mentions: Vec::new(),
                edited_at: None,
                deleted: false,
            },
        },
    }));
    let engawa = serde_json::to_string(&event).map_or(0, |s| s.len());
    let plain = crate::bare::message_frame("r0", "").map_or(0, |s| s.len());
    engawa.saturating_sub(plain)
}

/// The repository's root (the bench crate's parent).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the bench crate sits inside the repository")
        .to_path_buf()
}

/// Whether there are cores enough to keep server and load generator apart. Decided once, before the load
/// generator pins itself (after which it sees one core).
pub fn pinning() -> bool {
    static PINNING: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *PINNING.get_or_init(|| {
        cores() >= 2
            && Command::new("taskset")
                .arg("-V")
                .output()
                .is_ok_and(|o| o.status.success())
    })
}

/// The machine's cores (as this process saw them before pinning itself).
pub fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// Moves this process (the load generator) to its core.
pub fn pin_self() -> anyhow::Result<()> {
    pin_to(LOADGEN_CORE)
}

/// Moves this process to the servers' core, for work measured as a server's (the floor).
pub fn pin_self_as_server() -> anyhow::Result<()> {
    pin_to(SERVER_CORE)
}

fn pin_to(core: &str) -> anyhow::Result<()> {
    if pinning() {
        let status = Command::new("taskset")
            .args(["-a", "-cp", core, &std::process::id().to_string()])
            .stdout(Stdio::null())
            .status()?;
        if !status.success() {
            bail!("taskset could not pin this process to core {core}");
        }
    }
    Ok(())
}

/// Where an Engawa node under test keeps its data, and the Redis it shares with other nodes.
#[derive(Debug, Clone, clap::Args)]
pub struct Node {
    /// The data directory (SQLite when no database URL is given).
    #[arg(long)]
    pub data: PathBuf,
    #[arg(long)]
    pub database_url: Option<String>,
    #[arg(long)]
    pub redis_url: Option<String>,
}

impl Node {
    fn args(&self) -> Vec<String> {
        let mut args = vec![
            "serve-engawa".into(),
            "--data".into(),
            self.data.display().to_string(),
        ];
        if let Some(url) = &self.database_url {
            args.extend(["--database-url".into(), url.clone()]);
        }
        if let Some(url) = &self.redis_url {
            args.extend(["--redis-url".into(), url.clone()]);
        }
        args
    }
}

/// A running server process.
pub struct Server {
    pub kind: Kind,
    pub addr: SocketAddr,
    child: Child,
}

impl Server {
    /// Starts a server, writing its log to `log`, and waits for its `listening <port>` line. `node` says where
    /// Engawa's seeded database is.
    pub fn start(kind: Kind, node: Option<&Node>, log: &Path) -> anyhow::Result<Server> {
        let root = repo_root();
        let exe = std::env::current_exe()?;
        let (program, args): (PathBuf, Vec<String>) = match kind {
            Kind::Engawa => (
                exe,
                node.context("Engawa needs its seeded database")?.args(),
            ),
            Kind::Bare | Kind::BareSized => (exe, vec!["serve-bare".into()]),
            Kind::Ws => (
                "node".into(),
                vec![
                    root.join("bench/peers/node/ws-server.mjs")
                        .display()
                        .to_string(),
                    "0".into(),
                ],
            ),
            Kind::Socketio => (
                "node".into(),
                vec![
                    root.join("bench/peers/node/socketio-server.mjs")
                        .display()
                        .to_string(),
                    "0".into(),
                ],
            ),
            Kind::Uws => (
                venv().join("bin/python"),
                vec![
                    root.join("bench/peers/uws/server.py").display().to_string(),
                    "0".into(),
                ],
            ),
        };
        if let Some(dir) = log.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let log_file = std::fs::File::create(log)?;
        let mut child = on_server_core(&program)
            .args(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log_file)
            .spawn()
            .with_context(|| format!("starting {}", program.display()))?;
        let stdout = child.stdout.take().expect("stdout is piped");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines();
            let port = lines.by_ref().map_while(Result::ok).find_map(|line| {
                line.strip_prefix("listening ")
                    .and_then(|p| p.trim().parse::<u16>().ok())
            });
            // The receiver is gone only when start() gave up waiting.
            let _ = tx.send(port);
            // Keep draining so the server never blocks on a full pipe.
            for _ in lines {}
        });
        match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(Some(port)) => Ok(Server {
                kind,
                addr: SocketAddr::from(([127, 0, 0, 1], port)),
                child,
            }),
            _ => {
                let _ = child.kill();
                bail!(
                    "{} did not say `listening <port>`; see {}",
                    kind.name(),
                    log.display()
                )
            }
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// CPU time the server has cost, in seconds. Pinned, this is the busy time of its core, so that the kernel's
    /// TCP work done for it in interrupts (most of loopback's receive path) counts too; else its process time.
    pub fn cpu_seconds(&self) -> f64 {
        self.cpu_time().busy
    }

    /// [`Server::cpu_seconds`] with the kernel's part of it.
    pub fn cpu_time(&self) -> CpuTime {
        if pinning() {
            core_time(SERVER_CORE)
        } else {
            proc_cpu_time(&format!("/proc/{}/stat", self.pid()))
        }
    }

    /// Engawa's own counters of its write path (`/metrics`): sums and counts of the histograms
    /// [`WritePath`] reads. `None` for the other servers, or when the node does not answer.
    pub async fn write_path(&self) -> Option<WritePath> {
        if self.kind != Kind::Engawa {
            return None;
        }
        let text = http_get(self.addr, "/metrics").await.ok()?;
        let value = |name: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(name)?.strip_prefix(' ')?.parse::<f64>().ok())
                .unwrap_or(0.0)
        };
        Some(WritePath {
            wait_s: value("engawa_write_wait_seconds_sum"),
            writes: value("engawa_write_wait_seconds_count"),
            commit_s: value("engawa_commit_seconds_sum"),
            commits: value("engawa_commit_seconds_count"),
        })
    }

    /// Resident memory in KiB.
    pub fn rss_kib(&self) -> u64 {
        let status =
            std::fs::read_to_string(format!("/proc/{}/status", self.pid())).unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    }

    pub fn stop(mut self) {
        // SIGKILL: nothing of a benchmark server's state is kept.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Engawa's write path as its node counts it: the time writes waited for the writer, and its commits.
#[derive(Debug, Clone, Copy, Default)]
pub struct WritePath {
    wait_s: f64,
    writes: f64,
    commit_s: f64,
    commits: f64,
}

/// What the write path did between two readings, for a step's JSON and progress line.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct WriteStats {
    /// Mean time a write waited in the node's queue before its transaction, ms.
    pub wait_ms: f64,
    /// Mean duration of a commit (its group's transaction), ms.
    pub commit_ms: f64,
    /// Writes per commit.
    pub group: f64,
}

impl WritePath {
    pub fn since(self, before: WritePath) -> Option<WriteStats> {
        let writes = self.writes - before.writes;
        let commits = self.commits - before.commits;
        (writes > 0.0 && commits > 0.0).then(|| WriteStats {
            wait_ms: (self.wait_s - before.wait_s) / writes * 1e3,
            commit_ms: (self.commit_s - before.commit_s) / commits * 1e3,
            group: writes / commits,
        })
    }
}

/// A plain HTTP/1.1 GET on loopback, the body as text.
async fn http_get(addr: SocketAddr, path: &str) -> anyhow::Result<String> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(addr).await?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await?;
    let mut response = String::new();
    stream.read_to_string(&mut response).await?;
    let (_, body) = response
        .split_once("\r\n\r\n")
        .context("no body in the HTTP response")?;
    Ok(body.to_owned())
}

/// A command that runs `program` on the servers' core (when pinning).
fn on_server_core(program: &Path) -> Command {
    if pinning() {
        let mut c = Command::new("taskset");
        c.args(["-c", SERVER_CORE]).arg(program);
        c
    } else {
        Command::new(program)
    }
}

/// The Python environment the peers' setup script makes.
pub fn venv() -> PathBuf {
    std::env::var_os("ENGAWA_BENCH_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target/bench/venv"))
}

/// CPU time of the load generator, in seconds, counted as for [`Server::cpu_seconds`].
pub fn own_cpu_seconds() -> f64 {
    own_cpu_time().busy
}

/// [`own_cpu_seconds`] with the kernel's part of it.
pub fn own_cpu_time() -> CpuTime {
    if pinning() {
        core_time(LOADGEN_CORE)
    } else {
        proc_cpu_time("/proc/self/stat")
    }
}

/// CPU time in seconds: all of it, and the kernel's part (system calls and interrupts, loopback's TCP work
/// included), which a server's own code pays for only by what it asks of the kernel.
#[derive(Debug, Clone, Copy, Default)]
pub struct CpuTime {
    pub busy: f64,
    pub kernel: f64,
}

impl std::ops::Sub for CpuTime {
    type Output = CpuTime;

    fn sub(self, earlier: CpuTime) -> CpuTime {
        CpuTime {
            busy: self.busy - earlier.busy,
            kernel: self.kernel - earlier.kernel,
        }
    }
}

/// The largest share of the time since `since` (a [`steal_ticks`] reading, `seconds` ago) that the hypervisor gave
/// either of the machine's cores to another guest ("steal"). Work the servers and the load generator could not do
/// then is neither's cost, and a step with much of it measured the host.
pub fn steal_share(since: &[f64], seconds: f64) -> f64 {
    steal_ticks()
        .iter()
        .zip(since)
        .map(|(now, then)| (now - then) / 100.0 / seconds.max(1e-3))
        .fold(0.0, f64::max)
}

/// Steal time of each core so far, in ticks.
pub fn steal_ticks() -> Vec<f64> {
    let stat = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    stat.lines()
        .filter(|l| l.starts_with("cpu") && !l.starts_with("cpu "))
        .map(|l| core_ticks(l)[7])
        .collect()
}

/// Busy time of one core (user, nice, system, irq, softirq; not steal, the time the hypervisor gave another
/// guest), and its kernel part (system, irq, softirq).
fn core_time(core: &str) -> CpuTime {
    let stat = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    let name = format!("cpu{core} ");
    let Some(line) = stat.lines().find(|l| l.starts_with(&name)) else {
        return CpuTime::default();
    };
    let t = core_ticks(line);
    let kernel = t[2] + t[5] + t[6];
    CpuTime {
        busy: (t[0] + t[1] + kernel) / 100.0,
        kernel: kernel / 100.0,
    }
}

/// The first eight counters of a core's line in /proc/stat: user nice system idle iowait irq softirq steal.
fn core_ticks(line: &str) -> [f64; 8] {
    let mut ticks = [0.0; 8];
    for (slot, value) in ticks.iter_mut().zip(line.split_whitespace().skip(1)) {
        *slot = value.parse().unwrap_or(0.0);
    }
    ticks
}

fn proc_cpu_time(path: &str) -> CpuTime {
    let stat = std::fs::read_to_string(path).unwrap_or_default();
    // Fields after the command name (which may contain spaces) start at state; utime and stime are 14 and 15.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // USER_HZ is 100 on Linux for every architecture this runs on.
    CpuTime {
        busy: (ticks(11) + ticks(12)) / 100.0,
        kernel: ticks(12) / 100.0,
    }
}

/// Whether a peer's runtime is installed (by `bench/peers/setup`).
pub fn available(kind: Kind) -> bool {
    let root = repo_root();
    match kind {
        Kind::Engawa | Kind::Bare | Kind::BareSized => true,
        Kind::Ws | Kind::Socketio => root.join("bench/peers/node/node_modules").is_dir(),
        Kind::Uws => venv().join("bin/python").is_file(),
    }
}

/// A `redis-server` of the run's own on a free port, on the servers' core, keeping nothing on disk.
pub struct Redis {
    pub url: String,
    child: Child,
    client: redis::Client,
}

impl Redis {
    pub fn start(log: &Path) -> anyhow::Result<Redis> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let log_file = std::fs::File::create(log)?;
        let child = on_server_core(Path::new("redis-server"))
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .stdin(Stdio::null())
            .stdout(log_file)
            .spawn()
            .context("starting redis-server (Debian's redis-server package)")?;
        let url = format!("redis://127.0.0.1:{port}");
        let client = redis::Client::open(url.as_str())?;
        let mut redis = Redis { url, child, client };
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if std::time::Instant::now() > deadline {
                redis.stop();
                bail!("redis-server did not start; see {}", log.display());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Ok(redis)
    }

    /// What Redis has done so far: PUBLISH calls and its own CPU time in seconds (`INFO commandstats`, `INFO cpu`).
    pub async fn counters(&self) -> anyhow::Result<RedisCounters> {
        let mut conn = self.client.get_multiplexed_async_connection().await?;
        let info: String = redis::cmd("INFO")
            .arg("commandstats")
            .arg("cpu")
            .query_async(&mut conn)
            .await?;
        let field = |line: &str, name: &str| -> Option<f64> {
            line.split([':', ','])
                .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('=')?.parse().ok())
        };
        let mut counters = RedisCounters::default();
        for line in info.lines() {
            if let Some(rest) = line.strip_prefix("cmdstat_publish:") {
                counters.publishes = field(rest, "calls").unwrap_or(0.0) as u64;
            } else if let Some((name, value)) = line.split_once(':')
                && matches!(name, "used_cpu_sys" | "used_cpu_user")
            {
                counters.cpu_s += value.trim().parse::<f64>().unwrap_or(0.0);
            }
        }
        Ok(counters)
    }

    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Redis {
    fn drop(&mut self) {
        self.stop();
    }
}

#[derive(Debug, Default, Clone, Copy)]
pub struct RedisCounters {
    pub publishes: u64,
    pub cpu_s: f64,
}

impl std::ops::Sub for RedisCounters {
    type Output = RedisCounters;

    fn sub(self, earlier: RedisCounters) -> RedisCounters {
        RedisCounters {
            publishes: self.publishes - earlier.publishes,
            cpu_s: self.cpu_s - earlier.cpu_s,
        }
    }
}

/// A PostgreSQL database of the run's own, dropped (with any connections still open to it) when this is dropped.
pub struct PgDatabase {
    pub url: String,
    admin: String,
    name: String,
}

impl PgDatabase {
    /// Creates an empty database on the server `admin` (a URL to an existing database) points to.
    pub async fn create(admin: &str) -> anyhow::Result<PgDatabase> {
        use sqlx::{Connection, Executor};
        static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let name = format!(
            "engawa_bench_{}_{}",
            std::process::id(),
            N.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        );
        let mut conn = sqlx::PgConnection::connect(admin)
            .await
            .with_context(|| format!("connecting to PostgreSQL at {admin} (--pg)"))?;
        conn.execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .await?;
        conn.close().await?;
        let (base, _) = admin
            .rsplit_once('/')
            .context("a database URL has a path")?;
        Ok(PgDatabase {
            url: format!("{base}/{name}"),
            admin: admin.to_owned(),
            name,
        })
    }

    pub async fn drop_now(self) -> anyhow::Result<()> {
        use sqlx::{Connection, Executor};
        let mut conn = sqlx::PgConnection::connect(&self.admin).await?;
        conn.execute(sqlx::AssertSqlSafe(format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.name
        )))
        .await?;
        conn.close().await?;
        Ok(())
    }
}
