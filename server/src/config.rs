//! Node configuration. The library takes a finished [`Config`]; `main.rs` builds it from flags, `ENGAWA_*`
//! environment variables and `engawa.toml`, in that order of precedence, over these defaults.

use std::net::SocketAddr;
use std::path::PathBuf;

use serde::Deserialize;

use crate::protocol::Limits;

/// Everything a node needs to start.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where to listen (used by `main`; `run` takes a bound listener).
    pub bind: SocketAddr,
    /// Where the embedded SQLite database lives when no database URL is given.
    pub data_dir: PathBuf,
    /// `sqlite://…` or `postgres://…`; `None`: SQLite under `data_dir`.
    pub database_url: Option<String>,
    /// `redis://…` for presence and fan-out across nodes; `None`: in-process (a single node).
    pub redis_url: Option<String>,
    /// The namespace of every Redis key and channel, shared by the nodes of one deployment.
    pub redis_prefix: String,
    /// Origins allowed to open WebSockets besides the page's own (exact match, e.g. `https://chat.example.org`).
    pub allowed_origins: Vec<String>,
    pub limits: Limits,
    /// Frames queued per connection before it is closed with 1013.
    pub outbox: usize,
    /// Operations waiting for the writer before requests are refused with `unavailable`.
    pub writer_queue: usize,
    /// Password hashes computed at once (each takes 19 MiB and a core for tens of milliseconds).
    pub hash_concurrency: usize,
    /// Accounts one IP address may register per hour.
    pub register_per_hour: u32,
    /// Consultation timers (`[consultations]` in `engawa.toml`).
    pub consultations: crate::consult::Timers,
    /// How often the consultation timers are checked.
    pub consult_tick: std::time::Duration,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            data_dir: PathBuf::from("data"),
            database_url: None,
            redis_url: None,
            redis_prefix: "engawa".to_owned(),
            allowed_origins: Vec::new(),
            limits: Limits {
                max_frame_bytes: 64 * 1024,
                max_body_chars: 4000,
                send_per_second: 5,
                send_burst: 10,
                resume_cap: 1000,
                history_page_max: 200,
            },
            outbox: 1024,
            writer_queue: 8192,
            hash_concurrency: std::thread::available_parallelism().map_or(2, |n| n.get()),
            register_per_hour: 20,
            consultations: crate::consult::Timers::default(),
            consult_tick: std::time::Duration::from_secs(5),
        }
    }
}

impl Config {
    /// The database URL in effect.
    pub fn database_url(&self) -> String {
        self.database_url
            .clone()
            .unwrap_or_else(|| crate::store::default_url(&self.data_dir))
    }
}

/// The shape of `engawa.toml`. Every key is optional; unknown keys are an error, so a typo is not ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub bind: Option<SocketAddr>,
    pub data_dir: Option<PathBuf>,
    pub database_url: Option<String>,
    pub redis_url: Option<String>,
    pub redis_prefix: Option<String>,
    pub allowed_origins: Option<Vec<String>>,
    #[serde(default)]
    pub limits: FileLimits,
    #[serde(default)]
    pub consultations: FileConsultations,
}

/// `[consultations]`: the lifecycle's timers.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConsultations {
    pub requester_silence_minutes: Option<u32>,
    pub hold_expiry_days: Option<u32>,
    pub answer_timeout_seconds: Option<u32>,
    pub availability_grace_seconds: Option<u32>,
    pub reopen_days: Option<u32>,
}

impl FileConsultations {
    /// Applies the keys that are set.
    pub fn apply(&self, t: &mut crate::consult::Timers) {
        let ms = |v: Option<u32>, unit: i64, old: i64| v.map_or(old, |v| i64::from(v) * unit);
        t.requester_silence_ms = ms(
            self.requester_silence_minutes,
            60_000,
            t.requester_silence_ms,
        );
        t.hold_expiry_ms = ms(self.hold_expiry_days, 86_400_000, t.hold_expiry_ms);
        t.answer_timeout_ms = ms(self.answer_timeout_seconds, 1000, t.answer_timeout_ms);
        t.availability_grace_ms = ms(
            self.availability_grace_seconds,
            1000,
            t.availability_grace_ms,
        );
        t.reopen_days = self.reopen_days.unwrap_or(t.reopen_days);
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileLimits {
    pub max_body_chars: Option<u32>,
    pub send_per_second: Option<u32>,
    pub send_burst: Option<u32>,
    pub resume_cap: Option<u32>,
    pub history_page_max: Option<u32>,
    pub register_per_hour: Option<u32>,
    pub outbox: Option<usize>,
}
