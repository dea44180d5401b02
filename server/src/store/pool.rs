//! The node's pool of connections for reads (and the few writes that create no conversation event).
//!
//! sqlx's own pool tests each connection as it comes back (`ping`, in a task it spawns for that): for SQLite a
//! round trip to the connection's worker thread, which cost a connect storm about as much as one of `ready`'s
//! reads (`docs/benchmarks.md`, the connect storm). This pool takes a connection back as it is. What the test
//! guarded against, sqlx's connections recover from on their own: a query dropped half-way (SQLite's worker
//! finishes a command whose receiver is gone, a PostgreSQL connection reads the rest of an answer before its next
//! command) and a transaction dropped without its commit (its rollback is queued for the connection's next
//! command). A PostgreSQL connection can die with its server, so it is tested before each use, as before, and
//! replaced when the test fails; an SQLite connection cannot.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

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

/// Cheap to clone; `&Pool` runs a query on a connection of its own, as `&sqlx::Pool` does.
#[derive(Clone)]
pub(crate) struct Pool(Arc<Inner>);

struct Inner {
    options: AnyConnectOptions,
    backend: Backend,
    size: u32,
    idle: Mutex<Vec<AnyConnection>>,
    /// One per connection that may exist; closed when the pool is.
    permits: Arc<Semaphore>,
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
    ) -> Result<Pool, Error> {
        let pool = Pool(Arc::new(Inner {
            options,
            backend,
            size,
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
                break connect(&self.0.options, self.0.backend).await?;
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
            self.pool
                .idle
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(conn);
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
