//! Engawa: a community chat server with multilingual channels and consultation queues, for the foreign engineers
//! of regional Japanese cities and the neighbours, volunteers and staff around them.
//!
//! [`run`] starts a node on a bound listener ([`listen`] binds one); `main`, the integration tests and the benchmark
//! all call it.
//!
//! Module map (dependencies point down; see `ARCHITECTURE.md`):
//!
//! - [`http`]: the only module that names axum — router, WebSocket upgrade, `/api/v1`, `/l10n`, static files.
//! - [`session`]: one task per WebSocket — handshake, the `select!` loop, outbox, heartbeats, resume.
//! - [`hub`]: conversations — rules, the group-commit writer, the live-connection registry and fan-out.
//! - [`auth`]: passwords, session tokens, the one `authenticate` function.
//! - [`i18n`]: Fluent bundles, locale negotiation, rendering.
//! - [`store`]: the database (SQLite or PostgreSQL), the source of truth.
//! - [`protocol`]: wire types only.
//! - [`config`]: what a node is told at start.

pub mod auth;
pub mod bus;
pub mod config;
pub mod consult;
pub mod http;
pub mod hub;
pub mod i18n;
pub mod moderation;
pub mod presence;
pub mod protocol;
pub mod session;
pub mod store;

use std::sync::{Arc, OnceLock};

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

pub use config::Config;

/// Why a node could not start or stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("cannot open the database: {0}")]
    Store(#[from] store::StoreError),
    #[error("the embedded translations are broken: {0}")]
    I18n(#[from] i18n::I18nError),
    #[error(transparent)]
    Bus(#[from] bus::BusError),
    #[error("serving failed: {0}")]
    Serve(#[from] std::io::Error),
}

/// Connections the kernel completes and holds for the node before it accepts them. A restart or a network blip
/// makes every client of the node reconnect at once; with tokio's default of 128 the queue overflows under such a
/// storm and each refused client waits for TCP's SYN retry, a second later (the connect storm of
/// `docs/benchmarks.md` counted hundreds of them in 10,000 connections). The kernel caps it at
/// `net.core.somaxconn` (4,096 on current Linux).
const LISTEN_BACKLOG: u32 = 4096;

/// How often SQLite's WAL is copied into the database, beside the writer (`Store::checkpoints`). At a busy
/// channel's 1,000 messages per second the WAL grows by about 10 MB between two checkpoints.
const WAL_CHECKPOINT_EVERY: std::time::Duration = std::time::Duration::from_secs(1);

/// Sends the node's logs to standard error, filtered by `filter` (tracing's `EnvFilter` syntax; `engawa` runs with
/// `info` unless told otherwise). Called once, by the binary and by the benchmark's node, so that the node measured
/// logs as the node deployed does: every session's future runs inside its span.
pub fn init_logging(filter: &str) -> Result<(), tracing_subscriber::filter::ParseError> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_new(filter)?)
        .with_target(false)
        // Colours only for a person at a terminal: not in a file, a journal or a pipe.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        // Standard output carries what the commands print (the address, results).
        .with_writer(std::io::stderr)
        .init();
    Ok(())
}

/// Binds the node's listening socket, with room for a reconnect storm ([`LISTEN_BACKLOG`]).
pub fn listen(addr: std::net::SocketAddr) -> std::io::Result<TcpListener> {
    let socket = match addr {
        std::net::SocketAddr::V4(_) => tokio::net::TcpSocket::new_v4()?,
        std::net::SocketAddr::V6(_) => tokio::net::TcpSocket::new_v6()?,
    };
    // As tokio's own bind: a restarted node can bind again while the old one's connections are in TIME_WAIT.
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(LISTEN_BACKLOG)
}

/// Runs a node on `listener` until `shutdown` is cancelled, then shuts down gracefully: stop accepting, close every
/// WebSocket with 1012 (clients reconnect elsewhere), finish the writes in flight, close the database.
pub async fn run(
    config: Config,
    listener: TcpListener,
    shutdown: CancellationToken,
) -> Result<(), RunError> {
    let i18n = Arc::new(i18n::I18n::embedded()?);
    let store = store::Store::open(&config.database_url()).await?;
    let tracker = TaskTracker::new();
    let cluster = match &config.redis_url {
        None => hub::Cluster::local(),
        Some(url) => {
            let (bus, inbound) =
                bus::Bus::redis(url, &config.redis_prefix, &tracker, shutdown.clone()).await?;
            let (commands, prefix) = bus
                .commands()
                .expect("a Redis bus has a command connection");
            hub::Cluster {
                bus,
                inbound: Some(inbound),
                presence: Box::new(presence::Redis::new(commands, prefix)),
            }
        }
    };
    let hub = hub::Hub::start(
        store.clone(),
        hub::HubLimits {
            max_body_chars: config.limits.max_body_chars,
            send_per_second: config.limits.send_per_second,
            send_burst: config.limits.send_burst,
            resume_cap: config.limits.resume_cap,
            history_page_max: config.limits.history_page_max,
            outbox: config.outbox,
            writer_queue: config.writer_queue,
            timers: config.consultations.clone(),
        },
        cluster,
        &tracker,
        shutdown.clone(),
    )
    .await?;
    tracker.spawn(
        store
            .clone()
            .checkpoints(WAL_CHECKPOINT_EVERY, shutdown.clone()),
    );
    hub.seed_topics(&i18n).await?;
    tracker.spawn(hub::consult::timers(
        hub.clone(),
        config.consult_tick,
        shutdown.clone(),
    ));
    let node = http::Node {
        session: session::SessionCtx {
            hub,
            i18n,
            shutdown: shutdown.clone(),
            limits: config.limits.clone(),
        },
        hasher: auth::Hasher::new(config.hash_concurrency),
        tracker: tracker.clone(),
        allowed_origins: Arc::new(config.allowed_origins.clone()),
        auth_limits: Arc::new(std::sync::Mutex::new(
            moderation::throttle::AuthLimits::new(config.register_per_hour),
        )),
        metrics: metrics_handle(),
    };
    tracing::info!(addr = %listener.local_addr()?, "serving");
    http::serve(listener, node).await?;
    // The listener and the router (and with them every handle to the hub) are gone; sessions end on the cancelled token and drop
    // theirs; then the writer drains its queue and stops.
    tracker.close();
    tracker.wait().await;
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// The process-wide Prometheus recorder. The `metrics` facade is global by design; several nodes in one process
/// (tests) share it.
fn metrics_handle() -> PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new()
                .set_buckets(&[
                    0.000_05, 0.000_1, 0.000_25, 0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05,
                    0.1, 0.25, 0.5, 1.0,
                ])
                .expect("the bucket list is not empty")
                // Waiting for a helper takes seconds to hours, not microseconds.
                .set_buckets_for_metric(
                    Matcher::Full("engawa_consultation_wait_seconds".into()),
                    &[
                        5.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0, 3600.0, 14_400.0,
                        86_400.0,
                    ],
                )
                .expect("the bucket list is not empty")
                .build_recorder();
            let handle = recorder.handle();
            if metrics::set_global_recorder(recorder).is_err() {
                tracing::warn!(
                    "another metrics recorder is installed; /metrics shows only this one's metrics"
                );
            }
            handle
        })
        .clone()
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> protocol::Millis {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    /// Clients that reconnect all at once (a node restarted) are held by the kernel until the node accepts them.
    /// With tokio's default backlog of 128, the connections past it would wait for TCP's SYN retries (a second,
    /// then three…), and here, where nothing is accepted, forever.
    #[tokio::test]
    async fn a_reconnect_storm_waits_in_the_accept_queue_instead_of_being_refused() {
        let listener = super::listen(([127, 0, 0, 1], 0).into()).expect("bind on a free port");
        let addr = listener.local_addr().expect("a bound address");
        let storm = (0..600).map(|_| tokio::net::TcpStream::connect(addr));
        let connected = tokio::time::timeout(
            Duration::from_secs(30),
            futures_util::future::join_all(storm),
        )
        .await
        .expect("every connection completes its handshake without waiting for a retry (is net.core.somaxconn under 600?)");
        assert!(connected.iter().all(Result::is_ok));
    }
}
