//! PostgreSQL for the suite when `ENGAWA_TEST_DATABASE=postgres`: each server gets a database of its own, created
//! on `ENGAWA_TEST_PG` (default `postgres://postgres@127.0.0.1:5432/postgres`).

use std::sync::atomic::{AtomicU64, Ordering};

use sqlx::{Connection, Executor};

fn admin_url() -> String {
    std::env::var("ENGAWA_TEST_PG")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

/// A test database, dropped (with any connections still open to it) when this guard is dropped.
pub struct PgDb {
    pub url: String,
    name: String,
}

impl Drop for PgDb {
    fn drop(&mut self) {
        let drop = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        run_admin(drop);
    }
}

fn run_admin(statement: String) {
    let admin = admin_url();
    // The caller may be inside a runtime; a thread with its own keeps this synchronous.
    let outcome = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(async {
            let mut conn = sqlx::PgConnection::connect(&admin).await?;
            conn.execute(sqlx::AssertSqlSafe(statement))
                .await
                .map(|_| ())
        })
    })
    .join()
    .expect("admin statement thread");
    outcome.expect("PostgreSQL admin statement");
}

/// Creates an empty database.
pub fn fresh_database() -> PgDb {
    static N: AtomicU64 = AtomicU64::new(0);
    let name = format!(
        "engawa_test_{}_{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    );
    run_admin(format!("CREATE DATABASE {name}"));
    let base = admin_url();
    let (prefix, _) = base.rsplit_once('/').expect("a database URL has a path");
    PgDb {
        url: format!("{prefix}/{name}"),
        name,
    }
}
