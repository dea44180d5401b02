//! The floor under scenario (b): what storing a message durably costs in SQLite on this machine, without Engawa.
//!
//! A server that acknowledges a message only after its commit (Engawa's promise "ack means durable") pays at least
//! this much CPU per message, whatever else it does. Each commit group is what Engawa's writer runs for a group of
//! sends: `BEGIN IMMEDIATE`, one insert per message, `COMMIT`, on a connection set up as the writer's (WAL,
//! `synchronous = FULL`, no automatic checkpoint). Two stores are measured, each on a fresh database:
//!
//! - Engawa's: its schema, made by `Store::open` (the migrations, with their indexes and triggers), and the
//!   statement that stores a message (`Backend::insert_message`), which also takes the seq and logs the event;
//! - one plain row: a table of an integer key and the body, no index, no trigger: the commit and little else.
//!
//! Statements run on this thread through rusqlite, on the SQLite that Engawa links (the same `libsqlite3-sys`
//! build), so no thread hand-off is counted; the CPU is this thread's time on a core, the kernel's work for each
//! WAL write and `fsync` included.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, ensure};
use engawa::store::{Backend, SQLITE_PRAGMAS, SQLITE_WRITER_PRAGMAS};
use rusqlite::Connection;
use serde::Serialize;

use crate::report::{median, write_json};

#[derive(clap::Args, Debug, Clone)]
pub struct FloorArgs {
    /// Messages stored per measurement.
    #[arg(long, default_value_t = 4000)]
    pub messages: usize,
    /// Commit group sizes (messages per transaction).
    #[arg(long, value_delimiter = ',', default_value = "1,2,3,4,8,16,32")]
    pub groups: Vec<usize>,
    /// Measurements per point; the median is reported.
    #[arg(long, default_value_t = 3)]
    pub runs: usize,
    /// Bytes of each message body.
    #[arg(long, default_value_t = 64)]
    pub body: usize,
    /// Where the JSON results go.
    #[arg(long, default_value = "target/bench/results")]
    pub out: PathBuf,
}

/// Per message, in microseconds: this thread's CPU and the wall-clock time.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Cost {
    pub cpu_us: f64,
    pub wall_us: f64,
}

#[derive(Debug, Serialize)]
pub struct Point {
    pub group: usize,
    pub engawa: Cost,
    pub plain: Cost,
}

#[derive(Debug, Serialize)]
pub struct Floor {
    pub sqlite: String,
    pub statement: &'static str,
    pub messages: usize,
    pub runs: usize,
    pub points: Vec<Point>,
}

#[derive(Clone, Copy)]
enum Store {
    Engawa,
    Plain,
}

/// Measures every group size, prints the table and writes `floor.json`.
pub fn run(args: &FloorArgs) -> anyhow::Result<Floor> {
    ensure!(
        args.messages > 0 && args.runs > 0,
        "floor: --messages and --runs must be positive"
    );
    let work = crate::servers::repo_root()
        .join("target/bench/floor")
        .join(std::process::id().to_string());
    println!(
        "the floor: storing {} messages durably in SQLite {} (WAL, synchronous = FULL), in commit groups; \
         µs per message, median of {} run(s)",
        args.messages,
        rusqlite::version(),
        args.runs
    );
    println!(
        "{:>6}  {:>16}  {:>10}  {:>16}  {:>10}",
        "group", "Engawa's CPU", "wall", "plain row CPU", "wall"
    );
    let mut points = Vec::new();
    for &group in &args.groups {
        ensure!(group > 0, "floor: a group holds at least one message");
        let cost = |store| -> anyhow::Result<Cost> {
            let runs = (0..args.runs)
                .map(|_| measure(&work, store, group, args))
                .collect::<anyhow::Result<Vec<_>>>()?;
            Ok(Cost {
                cpu_us: median(runs.iter().map(|c| c.cpu_us).collect()).unwrap_or_default(),
                wall_us: median(runs.iter().map(|c| c.wall_us).collect()).unwrap_or_default(),
            })
        };
        let point = Point {
            group,
            engawa: cost(Store::Engawa)?,
            plain: cost(Store::Plain)?,
        };
        println!(
            "{:>6}  {:>16.1}  {:>10.1}  {:>16.1}  {:>10.1}",
            group,
            point.engawa.cpu_us,
            point.engawa.wall_us,
            point.plain.cpu_us,
            point.plain.wall_us
        );
        points.push(point);
    }
    let _ = std::fs::remove_dir_all(&work);
    let floor = Floor {
        sqlite: rusqlite::version().to_owned(),
        statement: Backend::Sqlite.insert_message(),
        messages: args.messages,
        runs: args.runs,
        points,
    };
    write_json(&args.out, "floor", &floor)?;
    Ok(floor)
}

/// Stores `args.messages` messages in groups of `group` on a fresh database; checks that every one is there.
fn measure(work: &Path, store: Store, group: usize, args: &FloorArgs) -> anyhow::Result<Cost> {
    let _ = std::fs::remove_dir_all(work);
    std::fs::create_dir_all(work)?;
    let db = match store {
        Store::Engawa => engawa_schema(work)?,
        Store::Plain => {
            let db = writer(work)?;
            db.execute_batch("CREATE TABLE m (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")?;
            db
        }
    };
    let body = "x".repeat(args.body);
    let sql = match store {
        Store::Engawa => Backend::Sqlite.insert_message(),
        Store::Plain => "INSERT INTO m (body) VALUES ($1)",
    };
    let mut insert = db.prepare(sql)?;
    // `$1` … `$8` are SQLite's named parameters, numbered in order of appearance: bind them by name.
    let index = |name: &str| -> anyhow::Result<usize> {
        insert
            .parameter_index(name)?
            .with_context(|| format!("no parameter {name} in {sql}"))
    };
    let params: Vec<usize> = match store {
        Store::Engawa => (1..=8)
            .map(|n| index(&format!("${n}")))
            .collect::<Result<_, _>>()?,
        Store::Plain => vec![index("$1")?],
    };
    let (cpu, wall) = (thread_cpu_ns()?, Instant::now());
    let mut stored = 0;
    while stored < args.messages {
        db.execute_batch(Backend::Sqlite.begin_write())?;
        for _ in 0..group.min(args.messages - stored) {
            match store {
                Store::Engawa => {
                    insert.raw_bind_parameter(params[0], 1)?; // the conversation
                    insert.raw_bind_parameter(params[1], 1)?; // the author
                    insert.raw_bind_parameter(params[2], format!("floor-{stored}"))?;
                    insert.raw_bind_parameter(params[3], body.as_str())?;
                    insert.raw_bind_parameter(params[4], "en")?;
                    insert.raw_bind_parameter(params[5], None::<i64>)?;
                    insert.raw_bind_parameter(params[6], "[]")?;
                    insert.raw_bind_parameter(params[7], stored as i64)?;
                }
                Store::Plain => insert.raw_bind_parameter(params[0], body.as_str())?,
            }
            let mut rows = insert.raw_query();
            while rows.next()?.is_some() {}
            stored += 1;
        }
        db.execute_batch("COMMIT")?;
    }
    let cpu_ns = thread_cpu_ns()?.saturating_sub(cpu);
    let wall = wall.elapsed();
    drop(insert);
    check(&db, store, args.messages)?;
    Ok(Cost {
        cpu_us: cpu_ns as f64 / 1e3 / args.messages as f64,
        wall_us: wall.as_secs_f64() * 1e6 / args.messages as f64,
    })
}

/// A database with Engawa's schema, one person and one channel, open as the writer's connection.
fn engawa_schema(work: &Path) -> anyhow::Result<Connection> {
    let url = engawa::store::default_url(work);
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?
        .block_on(async {
            engawa::store::Store::open(&url).await?.close().await;
            anyhow::Ok(())
        })?;
    let db = writer(work)?;
    db.execute_batch(
        "INSERT INTO users (id, username, username_key, display_name, password_hash, role, locale, created_at) \
         VALUES (1, 'anna', 'anna', 'Anna', '-', 'member', 'en', 0); \
         INSERT INTO conversations (id, kind, name, name_key, visibility, created_by, created_at) \
         VALUES (1, 'channel', 'general', 'general', 'public', 1, 0);",
    )?;
    Ok(db)
}

/// A connection to the database under `work` (where `Store::open` puts it), set up as Engawa's writer sets up its own.
fn writer(work: &Path) -> anyhow::Result<Connection> {
    let db = Connection::open(engawa::store::default_path(work))?;
    db.execute_batch(SQLITE_PRAGMAS)?;
    db.execute_batch(SQLITE_WRITER_PRAGMAS)?;
    Ok(db)
}

/// What a user of the numbers would check: every message is stored, and Engawa's have seqs 1..=n and one event each.
fn check(db: &Connection, store: Store, messages: usize) -> anyhow::Result<()> {
    let count = |sql: &str| -> anyhow::Result<i64> { Ok(db.query_row(sql, [], |r| r.get(0))?) };
    let n = messages as i64;
    match store {
        Store::Plain => ensure!(
            count("SELECT count(*) FROM m")? == n,
            "floor: rows went missing"
        ),
        Store::Engawa => {
            ensure!(
                count("SELECT count(*) FROM messages")? == n
                    && count("SELECT max(seq) FROM messages")? == n
                    && count("SELECT last_seq FROM conversations WHERE id = 1")? == n
                    && count("SELECT count(*) FROM events WHERE kind = 'message'")? == n,
                "floor: Engawa's statement did not store {n} messages with seqs 1..={n} and their events"
            );
        }
    }
    Ok(())
}

/// This thread's time on a core, in nanoseconds, kernel time included (the scheduler's own count).
fn thread_cpu_ns() -> anyhow::Result<u64> {
    let path = "/proc/thread-self/schedstat";
    let stat =
        std::fs::read_to_string(path).with_context(|| format!("floor: cannot read {path}"))?;
    stat.split_whitespace()
        .next()
        .and_then(|ns| ns.parse().ok())
        .with_context(|| format!("floor: unexpected {path}: {stat:?}"))
}
