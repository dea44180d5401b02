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
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Engawa itself (`engawa::run`), on a seeded SQLite database.
    Engawa,
    /// The bare broadcast server of this crate: the practical limit.
    Bare,
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
            Kind::Uws => "uws",
            Kind::Ws => "ws",
            Kind::Socketio => "socketio",
        }
    }

    pub fn dialect(self) -> Dialect {
        match self {
            Kind::Engawa => Dialect::Engawa,
            Kind::Socketio => Dialect::SocketIo,
            Kind::Bare | Kind::Uws | Kind::Ws => Dialect::Plain,
        }
    }
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
    if pinning() {
        let status = Command::new("taskset")
            .args(["-a", "-cp", LOADGEN_CORE, &std::process::id().to_string()])
            .stdout(Stdio::null())
            .status()?;
        if !status.success() {
            bail!("taskset could not pin the load generator");
        }
    }
    Ok(())
}

/// A running server process.
pub struct Server {
    pub kind: Kind,
    pub addr: SocketAddr,
    child: Child,
}

impl Server {
    /// Starts a server and waits for its `listening <port>` line. `data` is Engawa's seeded data directory.
    pub fn start(kind: Kind, data: Option<&Path>, logs: &Path) -> anyhow::Result<Server> {
        let root = repo_root();
        let exe = std::env::current_exe()?;
        let (program, args): (PathBuf, Vec<String>) = match kind {
            Kind::Engawa => {
                let data = data.context("Engawa needs its seeded data directory")?;
                (
                    exe,
                    vec![
                        "serve-engawa".into(),
                        "--data".into(),
                        data.display().to_string(),
                    ],
                )
            }
            Kind::Bare => (exe, vec!["serve-bare".into()]),
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
        std::fs::create_dir_all(logs)?;
        let log = std::fs::File::create(logs.join(format!("{}.log", kind.name())))?;
        let mut command = if pinning() {
            let mut c = Command::new("taskset");
            c.args(["-c", SERVER_CORE]).arg(&program);
            c
        } else {
            Command::new(&program)
        };
        let mut child = command
            .args(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log)
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
                    logs.join(format!("{}.log", kind.name())).display()
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
        if pinning() {
            core_busy_seconds(SERVER_CORE)
        } else {
            proc_cpu_seconds(&format!("/proc/{}/stat", self.pid()))
        }
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

/// The Python environment the peers' setup script makes.
pub fn venv() -> PathBuf {
    std::env::var_os("ENGAWA_BENCH_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target/bench/venv"))
}

/// CPU time of the load generator, in seconds, counted as for [`Server::cpu_seconds`].
pub fn own_cpu_seconds() -> f64 {
    if pinning() {
        core_busy_seconds(LOADGEN_CORE)
    } else {
        proc_cpu_seconds("/proc/self/stat")
    }
}

/// Busy time of one core (user, nice, system, irq, softirq, steal), in seconds.
fn core_busy_seconds(core: &str) -> f64 {
    let stat = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    let name = format!("cpu{core} ");
    let Some(line) = stat.lines().find(|l| l.starts_with(&name)) else {
        return 0.0;
    };
    let ticks: Vec<f64> = line
        .split_whitespace()
        .skip(1)
        .filter_map(|v| v.parse().ok())
        .collect();
    let at = |i: usize| ticks.get(i).copied().unwrap_or(0.0);
    // user nice system idle iowait irq softirq steal
    (at(0) + at(1) + at(2) + at(5) + at(6) + at(7)) / 100.0
}

fn proc_cpu_seconds(path: &str) -> f64 {
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
    (ticks(11) + ticks(12)) / 100.0
}

/// Whether a peer's runtime is installed (by `bench/peers/setup`).
pub fn available(kind: Kind) -> bool {
    let root = repo_root();
    match kind {
        Kind::Engawa | Kind::Bare => true,
        Kind::Ws | Kind::Socketio => root.join("bench/peers/node/node_modules").is_dir(),
        Kind::Uws => venv().join("bin/python").is_file(),
    }
}
