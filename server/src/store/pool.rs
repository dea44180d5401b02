//! The node's pool of connections for reads (and the few writes that create no conversation event).
//!
//! sqlx's own pool tests each connection as it comes back (`ping`, in a task it spawns for that): for SQLite a
//! round trip to the connection's worker thread, which cost a connect storm about as much as one of `ready`'s
//! reads (`docs/benchmarks.md`, the connect storm). This pool takes a connection back as it is. What the test
//! guarded against, sqlx's connections recover from on their own: a query dropped half-way (SQLite's worker
//! finishes a command whose receiver is gone, a PostgreSQL connection reads the rest of an answer before its next
//! command) and a transaction dropped without its commit (its rollback is queued for the connection's next
//! command). A PostgreSQL connection can die with its server, so it is tested before each use, as before, and
//! replaced when the test fails; an SQLite connection cannot. A connection unused for [`IDLE_TIMEOUT`] is closed
//! (as sqlx's pool did by default), so that a quiet node gives back SQLite's page caches and PostgreSQL's backends.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use futures_util::future::BoxFuture;
use futures_util::stream::{self, BoxStream};
use futures_util::{StreamExt as _, TryStreamExt as _};
use sqlx::any::{AnyConnectOptions, AnyQueryResult, AnyRow};
use sqlx::{
    Any, AnyConnection, Connection as _, Database, Either, Error, Execute, Executor, SqlStr,
};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::{Backend, connect};

/// How long a read waits for a free connection before it fails.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a connection may stay unused in the pool before it is closed.
pub(crate) const IDLE_TIMEOUT: Duration = Duration::from_secs(10 * 60);

/// Cheap to clone; `&Pool` runs a query on a connection of its own, as `&sqlx::Pool` does.
#[derive(Clone)]
pub(crate) struct Pool(Arc<Inner>);

struct Inner {
    options: AnyConnectOptions,
    backend: Backend,
    size: u32,
    idle_timeout: Duration,
    /// The connections not lent, the most recently given back last: lent first, so that the others age and close.
    idle: Mutex<Vec<Idle>>,
    /// One per connection that may exist; closed when the pool is.
    permits: Arc<Semaphore>,
}

struct Idle {
    conn: AnyConnection,
    since: Instant,
}

/// A connection taken from the [`Pool`], back in it when dropped.
pub(crate) struct Pooled {
    conn: Option<AnyConnection>,
    pool: Arc<Inner>,
    _permit: OwnedSemaphorePermit,
}

impl Pool {
    /// A pool of at most `size` connections, one of them opened now, so that a database that cannot be reached
    /// fails here.
    pub(crate) async fn open(
        options: AnyConnectOptions,
        backend: Backend,
        size: u32,
        idle_timeout: Duration,
    ) -> Result<Pool, Error> {
        let pool = Pool(Arc::new(Inner {
            options,
            backend,
            size,
            idle_timeout,
            idle: Mutex::new(Vec::new()),
            permits: Arc::new(Semaphore::new(size as usize)),
        }));
        drop(pool.acquire().await?);
        Ok(pool)
    }

    pub(crate) async fn acquire(&self) -> Result<Pooled, Error> {
        let permit = tokio::time::timeout(ACQUIRE_TIMEOUT, self.0.permits.clone().acquire_owned())
            .await
            .map_err(|_| Error::PoolTimedOut)?
            .map_err(|_| Error::PoolClosed)?;
        let conn = loop {
            let Some(mut conn) = self.0.take_idle() else {
                break self.connect().await?;
            };
            if self.0.backend == Backend::Sqlite || conn.ping().await.is_ok() {
                break conn;
            }
        };
        Ok(Pooled {
            conn: Some(conn),
            pool: self.0.clone(),
            _permit: permit,
        })
    }

    /// A new connection to the pool's database, set up as the pool's are, that the pool does not hold (the writer's).
    pub(crate) async fn connect(&self) -> Result<AnyConnection, Error> {
        connect(&self.0.options, self.0.backend).await
    }

    /// Waits for every connection to come back, then closes them all; later acquires fail.
    pub(crate) async fn close(&self) {
        let Ok(all) = self.0.permits.acquire_many(self.0.size).await else {
            return;
        };
        self.0.permits.close();
        drop(all);
        while let Some(conn) = self.0.take_idle() {
            if let Err(error) = conn.close().await {
                tracing::warn!(%error, "closing a database connection");
            }
        }
    }
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pool")
            .field("backend", &self.0.backend)
            .field("size", &self.0.size)
            .finish_non_exhaustive()
    }
}

impl Inner {
    fn take_idle(&self) -> Option<AnyConnection> {
        self.idle
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop()
            .map(|idle| idle.conn)
    }

    /// Puts a connection back, and takes out those unused for longer than the idle timeout (the oldest are first).
    fn give_back(&self, conn: AnyConnection) {
        let now = Instant::now();
        let stale: Vec<AnyConnection> = {
            let mut idle = self.idle.lock().unwrap_or_else(PoisonError::into_inner);
            idle.push(Idle { conn, since: now });
            let fresh = idle
                .iter()
                .position(|i| now.duration_since(i.since) < self.idle_timeout)
                .unwrap_or(idle.len());
            idle.drain(..fresh).map(|i| i.conn).collect()
        };
        for conn in stale {
            // A PostgreSQL connection says goodbye to its server; outside a runtime it is dropped, which closes it.
            match tokio::runtime::Handle::try_current() {
                Ok(runtime) => drop(runtime.spawn(async move {
                    if let Err(error) = conn.close().await {
                        tracing::debug!(%error, "closing an idle database connection");
                    }
                })),
                Err(_) => drop(conn),
            }
        }
    }

    #[cfg(test)]
    fn idle_count(&self) -> usize {
        self.idle
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }
}

impl std::ops::Deref for Pooled {
    type Target = AnyConnection;

    fn deref(&self) -> &AnyConnection {
        self.conn
            .as_ref()
            .expect("a pooled connection is present until dropped")
    }
}

impl std::ops::DerefMut for Pooled {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        self.conn
            .as_mut()
            .expect("a pooled connection is present until dropped")
    }
}

impl Drop for Pooled {
    fn drop(&mut self) {
        // Its permit is still held here, so a pool being closed counts this connection back only after it is idle.
        if let Some(conn) = self.conn.take() {
            self.pool.give_back(conn);
        }
    }
}

impl<'p> Executor<'p> for &'_ Pool {
    type Database = Any;

    /// The results are gathered before the first is yielded, so that the connection is back in the pool however
    /// the stream is consumed: every caller reads all of them anyway (`fetch_all`, `execute`).
    fn fetch_many<'e, 'q: 'e, E>(
        self,
        query: E,
    ) -> BoxStream<'e, Result<Either<AnyQueryResult, AnyRow>, Error>>
    where
        E: 'q + Execute<'q, Any>,
    {
        let pool = self.clone();
        stream::once(async move {
            let mut conn = pool.acquire().await?;
            conn.fetch_many(query).try_collect::<Vec<_>>().await
        })
        .map_ok(|results| stream::iter(results.into_iter().map(Ok)))
        .try_flatten()
        .boxed()
    }

    fn fetch_optional<'e, 'q: 'e, E>(self, query: E) -> BoxFuture<'e, Result<Option<AnyRow>, Error>>
    where
        E: 'q + Execute<'q, Any>,
    {
        let pool = self.clone();
        Box::pin(async move { pool.acquire().await?.fetch_optional(query).await })
    }

    fn prepare_with<'e>(
        self,
        sql: SqlStr,
        parameters: &'e [<Any as Database>::TypeInfo],
    ) -> BoxFuture<'e, Result<<Any as Database>::Statement, Error>>
    where
        'p: 'e,
    {
        let pool = self.clone();
        Box::pin(async move { pool.acquire().await?.prepare_with(sql, parameters).await })
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr as _;

    use super::*;

    #[tokio::test]
    async fn a_connection_unused_for_the_idle_timeout_is_closed_when_another_comes_back() {
        sqlx::any::install_default_drivers();
        let options = AnyConnectOptions::from_str("sqlite::memory:").expect("a URL");
        let timeout = Duration::from_millis(200);
        let pool = Pool::open(options, Backend::Sqlite, 4, timeout)
            .await
            .expect("open");
        let (a, b) = (
            pool.acquire().await.expect("a"),
            pool.acquire().await.expect("b"),
        );
        drop((a, b));
        assert_eq!(pool.0.idle_count(), 2, "both kept while fresh");

        // The most recently given back is lent first: `b` is used again after the timeout, `a` is not.
        tokio::time::sleep(timeout * 2).await;
        let mut one = pool.acquire().await.expect("one");
        sqlx::query("SELECT 1")
            .execute(&mut *one)
            .await
            .expect("a read");
        drop(one);
        assert_eq!(pool.0.idle_count(), 1, "the unused one is closed");
        sqlx::query("SELECT 1")
            .execute(&pool)
            .await
            .expect("the pool still serves");
        pool.close().await;
        assert!(pool.acquire().await.is_err(), "closed");
    }
}
