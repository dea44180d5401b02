//! The database: the source of truth.
//!
//! One SQL text serves both backends: queries use `$1`-style parameters, which SQLite and PostgreSQL both accept,
//! and only portable SQL (`RETURNING`, `ON CONFLICT`, sub-selects). What differs per backend lives here and nowhere
//! else: the migrations (`migrations/<backend>/`), connection setup, how a write transaction begins, how a new
//! message takes its seq, and how a list of keys becomes a table.
//!
//! Reads go through a pool of the store's own ([`pool`]). Writes that create conversation events go through one
//! dedicated connection per node ([`WriteConn`]), owned by the hub's writer task, which commits them in groups.

mod batch;
mod consult;
mod moderation;
mod pool;
mod presence;
mod rows;
mod tx;

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::any::AnyConnectOptions;
use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::{AnyConnection, AssertSqlSafe, ConnectOptions, Connection, Executor, Row, SqlSafeStr};

use crate::protocol::{
    ConversationId, ConversationSummary, HistoryPage, Message, MessageId, Millis, Profile, Role,
    Seq, UserId,
};

pub(crate) use batch::{Batcher, Question, answer_all, in_order};
use pool::{Pool, Pooled};

pub use consult::{
    Change, ConsultFilter, ConsultRow, HelperRow, Listed, NewConsultation, TopicRow, pick,
};
pub use moderation::{
    ActorRow, AuditFilter, NewAudit, NewReportRow, NewSanction, ReportFilter, SanctionKind,
};
pub use presence::PresenceRow;
pub use rows::{ConversationRow, MessageRow, UserRow};
pub use tx::{MemberRole, NewConversation, SendKey, SendView, SenderView, Stored, Tx};

/// Plumbing failures of the database. Users never see these; they get `internal`.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("stored JSON is malformed: {0}")]
    Json(#[from] serde_json::Error),
    #[error("stored value is malformed: {0}")]
    Malformed(String),
    #[error("cannot start the writer's thread: {0}")]
    WriterThread(std::io::Error),
    /// The task that reads for many requests at once is gone: the node is stopping.
    #[error("the node is stopping")]
    Stopping,
    /// A read made for several requests at once failed; each of them gets this ([`batch`]).
    #[error(transparent)]
    Batch(Arc<StoreError>),
    #[error("cannot create the data directory {path}: {source}")]
    DataDir {
        path: String,
        source: std::io::Error,
    },
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Which engine a URL points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    fn of(url: &str) -> Option<Backend> {
        if url.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Backend::Postgres)
        } else {
            None
        }
    }

    /// How a reader begins a transaction that sees one moment throughout (SQLite's read transactions always do).
    fn begin_snapshot(self) -> &'static str {
        match self {
            Backend::Sqlite => "BEGIN",
            Backend::Postgres => "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
        }
    }

    /// How the writer begins a transaction: SQLite takes the write lock up front so that a read-then-write
    /// transaction never fails with `SQLITE_BUSY` half way.
    pub fn begin_write(self) -> &'static str {
        match self {
            Backend::Sqlite => "BEGIN IMMEDIATE",
            Backend::Postgres => "BEGIN",
        }
    }

    /// The backend a connection talks to.
    fn of_connection(conn: &AnyConnection) -> Backend {
        if conn.backend_name() == <sqlx::Postgres as sqlx::Database>::NAME {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }

    /// The elements of `param`, a JSON array of distinct ids ([`id_array`]; with `text`, of strings,
    /// [`text_array`]), as a table of one column `value`: one parameter and one statement text however many there
    /// are. A list written into the statement would be a new statement for every list: prepared again each time,
    /// and pushing the statements in use out of the connection's cache of prepared statements
    /// (`docs/benchmarks.md`, 2026-12-07, later). See [`Backend::send_keys`] on binding many parameters instead.
    ///
    /// Reads join it (`FROM (…) l JOIN t ON t.x = l.value`) rather than ask `t.x IN (…)`: SQLite fills a temporary
    /// B-tree and a 10,000-byte Bloom filter for every `IN (SELECT …)`, about 25,000 instructions a statement, where
    /// the join walks the list and seeks each element (`docs/benchmarks.md`, 2026-12-07, fourth). The elements are
    /// distinct, so the join repeats no row.
    fn elements(self, param: &str, text: bool) -> String {
        match (self, text) {
            (Backend::Sqlite, _) => format!("SELECT value FROM json_each({param})"),
            (Backend::Postgres, false) => {
                format!("SELECT jsonb_array_elements_text({param}::jsonb)::bigint AS value")
            }
            (Backend::Postgres, true) => {
                format!("SELECT jsonb_array_elements_text({param}::jsonb) AS value")
            }
        }
    }

    /// The keys [`Tx::prefetch_sends`] reads for, as a table `(n, person, conversation, client_id)` made from `$2`,
    /// a JSON array of `[person, conversation, client id]` (`n` counts from 0). One parameter however many keys:
    /// SQLite finds a parameter by name with a linear search, so binding hundreds takes it quadratic time.
    fn send_keys(self) -> &'static str {
        match self {
            Backend::Sqlite => {
                "SELECT key AS n, value ->> 0 AS person, value ->> 1 AS conversation, value ->> 2 AS client_id \
                 FROM json_each($2)"
            }
            Backend::Postgres => {
                "SELECT n - 1 AS n, (e ->> 0)::bigint AS person, (e ->> 1)::bigint AS conversation, \
                 e ->> 2 AS client_id FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t (e, n)"
            }
        }
    }

    /// How a new message is stored, in one statement: as the writer's time goes into round trips, the rest of
    /// what a message brings (the conversation's last seq, its event, its mentions) is the trigger `message_logged`
    /// (migration 0005). Its seq is the conversation's next; PostgreSQL locks the conversation's row to read it,
    /// which orders nodes sending to one conversation (SQLite's write transaction already holds the database).
    /// Parameters: `$1` conversation, `$2` author, `$3` client id, `$4` body, `$5` language, `$6` the message it
    /// replies to, `$7` the people it mentions (a JSON array of user ids), `$8` when; it returns the message's id
    /// and seq. Public for the benchmark's floor (`engawa-bench floor`), which runs it without Engawa.
    pub fn insert_message(self) -> &'static str {
        match self {
            // VALUES, not INSERT … SELECT: SQLite runs an INSERT … SELECT into a table with triggers through a
            // temporary table (one more B-tree opened, its page zeroed and filled, per message: 13,000 instructions;
            // docs/benchmarks.md, 2026-12-07, fourth).
            Backend::Sqlite => {
                "INSERT INTO messages (conversation_id, seq, author, client_id, body, lang, reply_to, mentions, \
                 created_at) VALUES ($1, (SELECT last_seq + 1 FROM conversations WHERE id = $1), $2, $3, $4, $5, \
                 $6, $7, $8) RETURNING id, seq"
            }
            Backend::Postgres => {
                "INSERT INTO messages (conversation_id, seq, author, client_id, body, lang, reply_to, mentions, \
                 created_at) SELECT id, last_seq + 1, $2, $3, $4, $5, $6, $7, $8 FROM conversations WHERE id = $1 \
                 FOR UPDATE RETURNING id, seq"
            }
        }
    }
}

/// The handle to the database. Cheap to clone.
#[derive(Clone)]
pub struct Store {
    /// For reads and for single-statement writes that create no conversation event (sessions, read markers).
    pool: Pool,
    backend: Backend,
    /// Looks sessions up by token hash, for every request that arrives at about the same time at once.
    sessions: Batcher<String, Option<UserRow>>,
}

/// A pooled connection held for several reads in a row, as `ready` makes them: one checkout for all of them.
pub struct ReadConn(Pooled);

/// The connection that writes conversation events. Exactly one per node, owned by the hub's writer task.
pub struct WriteConn {
    conn: AnyConnection,
    backend: Backend,
}

/// SQL that holds when the person in column `user` is not banned everywhere at `now` (a parameter).
fn not_banned_everywhere(user: &str, now: &str) -> String {
    format!(
        "NOT EXISTS (SELECT 1 FROM sanctions b WHERE b.user_id = {user} AND b.kind = 'ban' \
         AND b.conversation_id IS NULL AND b.lifted_at IS NULL AND (b.expires_at IS NULL OR b.expires_at > {now}))"
    )
}

/// Opens a connection set up as every connection of its backend is.
async fn connect(
    options: &AnyConnectOptions,
    backend: Backend,
) -> std::result::Result<AnyConnection, sqlx::Error> {
    let mut conn = options.connect().await?;
    if backend == Backend::Sqlite {
        conn.execute(SQLITE_PRAGMAS).await?;
    }
    Ok(conn)
}

/// The default database's file when none is configured: SQLite under the data directory.
pub fn default_path(data_dir: &Path) -> PathBuf {
    data_dir.join("engawa.db")
}

/// The default database when none is configured: [`default_path`], created if missing.
pub fn default_url(data_dir: &Path) -> String {
    format!("sqlite://{}?mode=rwc", default_path(data_dir).display())
}

/// What every SQLite connection is set to (the writer adds [`SQLITE_WRITER_PRAGMAS`]).
pub const SQLITE_PRAGMAS: &str = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; \
                                  PRAGMA busy_timeout = 10000;";

/// What the writer's SQLite connection adds to [`SQLITE_PRAGMAS`]: it never checkpoints. SQLite's automatic
/// checkpoint runs inside the commit that fills the WAL, copying its pages into the database and syncing both while
/// every queued message waits on that commit; `Store::checkpoints` does it beside the writer instead.
pub const SQLITE_WRITER_PRAGMAS: &str = "PRAGMA wal_autocheckpoint = 0;";

impl Store {
    /// Connects, creating the SQLite file and its directory if needed, and applies pending migrations.
    pub async fn open(url: &str) -> Result<Store> {
        sqlx::any::install_default_drivers();
        let backend = Backend::of(url).ok_or_else(|| {
            StoreError::Malformed(format!(
                "unsupported database URL (sqlite: or postgres://): {url}"
            ))
        })?;
        if let Some(dir) = sqlite_dir(url).filter(|_| backend == Backend::Sqlite) {
            std::fs::create_dir_all(&dir).map_err(|source| StoreError::DataDir {
                path: dir.display().to_string(),
                source,
            })?;
        }
        let options = AnyConnectOptions::from_str(url)?.disable_statement_logging();
        let size = if backend == Backend::Sqlite { 8 } else { 16 };
        let pool = Pool::open(options, backend, size, pool::IDLE_TIMEOUT).await?;
        let sessions = Batcher::start({
            let pool = pool.clone();
            move |batch| look_up_sessions(pool.clone(), batch)
        });
        let store = Store {
            pool,
            backend,
            sessions,
        };
        store.migrate().await?;
        Ok(store)
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    async fn migrate(&self) -> Result<()> {
        // The same names and order for both backends; only the SQL dialect differs.
        macro_rules! migrations {
            ($backend:literal) => {
                [
                    (
                        "init",
                        include_str!(concat!("../../migrations/", $backend, "/0001_init.sql")),
                    ),
                    (
                        "consultations",
                        include_str!(concat!(
                            "../../migrations/",
                            $backend,
                            "/0002_consultations.sql"
                        )),
                    ),
                    (
                        "moderation",
                        include_str!(concat!(
                            "../../migrations/",
                            $backend,
                            "/0003_moderation.sql"
                        )),
                    ),
                    (
                        "presence",
                        include_str!(concat!("../../migrations/", $backend, "/0004_presence.sql")),
                    ),
                    (
                        "message log",
                        include_str!(concat!(
                            "../../migrations/",
                            $backend,
                            "/0005_message_log.sql"
                        )),
                    ),
                    (
                        "member count",
                        include_str!(concat!(
                            "../../migrations/",
                            $backend,
                            "/0006_member_count.sql"
                        )),
                    ),
                ]
            };
        }
        let files: [(&'static str, &'static str); 6] = match self.backend {
            Backend::Sqlite => migrations!("sqlite"),
            Backend::Postgres => migrations!("postgres"),
        };
        let migrator = Migrator::with_migrations(
            files
                .into_iter()
                .zip(1..)
                .map(|((name, sql), version)| {
                    Migration::new(
                        version,
                        Cow::Borrowed(name),
                        MigrationType::Simple,
                        sql.into_sql_str(),
                        false,
                    )
                })
                .collect(),
        );
        let mut conn = self.pool.acquire().await?;
        // `run_direct` is what `run` does with a connection it acquired; `run(&mut conn)` itself makes the node's
        // future non-`Send` (sqlx's `Acquire` on `&mut` connections is not general over lifetimes, and its source
        // names `run_direct` as the way around that).
        migrator.run_direct(None, &mut *conn, false).await?;
        Ok(())
    }

    /// Opens the node's one event-writing connection.
    pub async fn write_conn(&self) -> Result<WriteConn> {
        let mut conn = self.pool.connect().await?;
        if self.backend == Backend::Sqlite {
            conn.execute(SQLITE_WRITER_PRAGMAS).await?;
        }
        Ok(WriteConn {
            conn,
            backend: self.backend,
        })
    }

    /// Copies what the WAL holds into the database (SQLite), without waiting for readers or the writer (`PASSIVE`);
    /// once all of it is in, the writer starts the WAL over at its next commit.
    async fn checkpoint(&self) -> Result<()> {
        sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
            .fetch_one(&self.pool)
            .await?;
        Ok(())
    }

    /// Checkpoints the WAL every `every` until `shutdown` (SQLite), so that the writer, which does not checkpoint,
    /// keeps a short WAL.
    pub async fn checkpoints(self, every: Duration, shutdown: tokio_util::sync::CancellationToken) {
        if self.backend != Backend::Sqlite {
            return;
        }
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = tick.tick() => {}
                () = shutdown.cancelled() => return,
            }
            if let Err(error) = self.checkpoint().await {
                tracing::warn!(%error, "WAL checkpoint failed; the next one retries");
            }
        }
    }

    /// Whether the database answers (for `/readyz`).
    pub async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }

    // --- people -------------------------------------------------------------------------------------------------

    pub async fn insert_user(&self, new: &NewUser<'_>) -> Result<Option<UserRow>> {
        let row = sqlx::query(
            "INSERT INTO users (username, username_key, display_name, password_hash, role, locale, \
             languages_spoken, languages_learning, active, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9) \
             ON CONFLICT (username_key) DO NOTHING RETURNING id",
        )
        .bind(new.username)
        .bind(new.username_key)
        .bind(new.display_name)
        .bind(new.password_hash)
        .bind(new.role.as_str())
        .bind(new.locale)
        .bind(serde_json::to_string(new.languages_spoken)?)
        .bind(serde_json::to_string(new.languages_learning)?)
        .bind(new.now)
        .fetch_optional(&self.pool)
        .await?;
        match row {
            Some(row) => self.user(UserId(row.try_get(0)?)).await,
            None => Ok(None),
        }
    }

    pub async fn user(&self, id: UserId) -> Result<Option<UserRow>> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {} FROM users WHERE id = $1",
            rows::USER_COLUMNS
        )))
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| UserRow::from_row(&r)).transpose()
    }

    /// The person a username names, with their password hash: for logging in.
    pub async fn login_row(&self, username_key: &str) -> Result<Option<(UserRow, String)>> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {}, password_hash FROM users WHERE username_key = $1",
            rows::USER_COLUMNS
        )))
        .bind(username_key)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| Ok((UserRow::from_row(&r)?, r.try_get("password_hash")?)))
            .transpose()
    }

    /// A person's password hash: for checking their password before they change it.
    pub async fn password_hash(&self, user: UserId) -> Result<Option<String>> {
        Ok(
            sqlx::query_scalar("SELECT password_hash FROM users WHERE id = $1")
                .bind(user.0)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// People whose username or display name starts with `prefix` (case-insensitive), by username.
    pub async fn search_users(&self, prefix: &str, limit: u32) -> Result<Vec<Profile>> {
        // LIKE's wildcards in what was typed are matched literally (`anna_x` finds `anna_x`, not `annabx`).
        let mut pattern = String::with_capacity(prefix.len() + 1);
        for c in prefix.to_lowercase().chars() {
            if matches!(c, '%' | '_' | '\\') {
                pattern.push('\\');
            }
            pattern.push(c);
        }
        pattern.push('%');
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT {} FROM users WHERE active = 1 \
             AND (username_key LIKE $1 ESCAPE '\\' OR LOWER(display_name) LIKE $1 ESCAPE '\\') \
             ORDER BY username_key LIMIT $2",
            rows::USER_COLUMNS
        )))
        .bind(pattern)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| UserRow::from_row(r).map(|u| u.profile))
            .collect()
    }

    pub async fn update_profile(&self, user: &Profile) -> Result<()> {
        sqlx::query(
            "UPDATE users SET display_name = $1, locale = $2, languages_spoken = $3, languages_learning = $4 \
             WHERE id = $5",
        )
        .bind(&user.display_name)
        .bind(&user.locale)
        .bind(serde_json::to_string(&user.languages_spoken)?)
        .bind(serde_json::to_string(&user.languages_learning)?)
        .bind(user.id.0)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn set_role(&self, user: UserId, role: Role) -> Result<bool> {
        let done = sqlx::query("UPDATE users SET role = $1 WHERE id = $2")
            .bind(role.as_str())
            .bind(user.0)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn set_password_hash(&self, user: UserId, hash: &str) -> Result<()> {
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(hash)
            .bind(user.0)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    // --- sessions -----------------------------------------------------------------------------------------------

    pub async fn insert_session(
        &self,
        token_hash: &str,
        user: UserId,
        now: Millis,
        expires_at: Millis,
    ) -> Result<()> {
        sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
            .bind(token_hash)
            .bind(user.0)
            .bind(now)
            .bind(expires_at)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The person a live session belongs to, by the hash of its token; `None` when the session is not live (or its
    /// person is banned everywhere). Batched: every lookup made at about the same time is one statement.
    pub async fn session_user(&self, token_hash: String) -> Result<Option<UserRow>> {
        self.sessions.ask(token_hash).await
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Ends every session of a person except `keep` (the one making the request, when it stays).
    pub async fn delete_user_sessions(&self, user: UserId, keep: Option<&str>) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
            .bind(user.0)
            .bind(keep.unwrap_or(""))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    // --- conversations ------------------------------------------------------------------------------------------

    /// Every conversation a person is in, with unread counts, newest activity first.
    pub async fn conversations_of(&self, user: UserId) -> Result<Vec<ConversationSummary>> {
        self.reader().await?.conversations_of(user).await
    }

    /// A connection of the pool for several reads in a row.
    pub async fn reader(&self) -> Result<ReadConn> {
        Ok(ReadConn(self.pool.acquire().await?))
    }

    /// One conversation as `user` sees it; `None` when it does not exist or `user` may not see it.
    pub async fn conversation_for(
        &self,
        conversation: ConversationId,
        user: UserId,
    ) -> Result<Option<ConversationSummary>> {
        self.conversation_seen_by(conversation, user, false).await
    }

    /// As [`Store::conversation_for`]; with `staff`, consultations (and their notes) are visible too, for the
    /// audited staff read.
    pub async fn conversation_seen_by(
        &self,
        conversation: ConversationId,
        user: UserId,
        staff: bool,
    ) -> Result<Option<ConversationSummary>> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT c.id, c.kind, c.name, c.topic, c.visibility, c.languages, c.last_seq, \
             COALESCE(m.read_seq, 0), {UNREAD_SQL}, {MENTIONS_SQL}, c.member_count, m.user_id, {MOD_COLUMNS} \
             FROM conversations c LEFT JOIN members m ON m.conversation_id = c.id AND m.user_id = $2 \
             WHERE c.id = $1"
        )))
        .bind(conversation.0)
        .bind(user.0)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let mut summary = rows::summary_from_row(&row)?;
        let member: Option<i64> = row.try_get(11)?;
        summary.joined = member.is_some();
        if !summary.joined {
            summary.unread = 0;
            summary.mentions = 0;
            let invited = self.is_invited(conversation, user).await?;
            use crate::protocol::ConversationKind as K;
            let visible = match summary.kind {
                K::Channel => summary.visibility != crate::protocol::Visibility::Private || invited,
                K::Consultation | K::ConsultationNotes => staff,
                K::Direct | K::Group => false,
            };
            if !visible {
                return Ok(None);
            }
        }
        let mut one = vec![summary];
        fill_direct_members(&mut *self.pool.acquire().await?, &mut one).await?;
        Ok(one.pop())
    }

    /// Channels a person can find: public and invite-only ones, and private ones they are in or invited to.
    pub async fn discover_channels(&self, user: UserId) -> Result<Vec<ConversationSummary>> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT c.id, c.kind, c.name, c.topic, c.visibility, c.languages, c.last_seq, \
             COALESCE(m.read_seq, 0), 0, 0, c.member_count, m.user_id, {MOD_COLUMNS} \
             FROM conversations c LEFT JOIN members m ON m.conversation_id = c.id AND m.user_id = $1 \
             WHERE c.kind = 'channel' AND (c.visibility <> 'private' OR m.user_id IS NOT NULL \
               OR EXISTS (SELECT 1 FROM invites i WHERE i.conversation_id = c.id AND i.user_id = $1)) \
             ORDER BY c.name_key"
        )))
        .bind(user.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let mut summary = rows::summary_from_row(row)?;
                let member: Option<i64> = row.try_get(11)?;
                summary.joined = member.is_some();
                Ok(summary)
            })
            .collect()
    }

    pub async fn member_ids(&self, conversation: ConversationId) -> Result<Vec<UserId>> {
        let rows =
            sqlx::query("SELECT user_id FROM members WHERE conversation_id = $1 ORDER BY user_id")
                .bind(conversation.0)
                .fetch_all(&self.pool)
                .await?;
        rows.iter().map(|r| Ok(UserId(r.try_get(0)?))).collect()
    }

    pub async fn is_member(&self, conversation: ConversationId, user: UserId) -> Result<bool> {
        let row = sqlx::query("SELECT 1 FROM members WHERE conversation_id = $1 AND user_id = $2")
            .bind(conversation.0)
            .bind(user.0)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.is_some())
    }

    async fn is_invited(&self, conversation: ConversationId, user: UserId) -> Result<bool> {
        let row = sqlx::query("SELECT 1 FROM invites WHERE conversation_id = $1 AND user_id = $2")
            .bind(conversation.0)
            .bind(user.0)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.is_some())
    }

    /// The conversation a message belongs to, if the message exists.
    pub async fn message_conversation(&self, message: MessageId) -> Result<Option<ConversationId>> {
        let row = sqlx::query("SELECT conversation_id FROM messages WHERE id = $1")
            .bind(message.0)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| Ok(ConversationId(r.try_get(0)?))).transpose()
    }

    // --- reading messages and events ----------------------------------------------------------------------------

    /// A page of messages as they are now, consistent with `as_of`.
    pub async fn history(&self, conversation: ConversationId, page: Paging) -> Result<HistoryPage> {
        // One snapshot, so that the page and `as_of` describe the same moment.
        let mut conn = self.pool.acquire().await?;
        let mut tx = conn.begin_with(self.backend.begin_snapshot()).await?;
        let as_of: i64 = sqlx::query("SELECT last_seq FROM conversations WHERE id = $1")
            .bind(conversation.0)
            .fetch_one(&mut *tx)
            .await?
            .try_get(0)?;
        let limit = i64::from(page.limit) + 1;
        let sql = match page.direction {
            Direction::Before(_) => format!(
                "SELECT {} FROM messages m WHERE m.conversation_id = $1 AND m.seq < $2 ORDER BY m.seq DESC LIMIT $3",
                rows::MESSAGE_COLUMNS
            ),
            Direction::After(_) => format!(
                "SELECT {} FROM messages m WHERE m.conversation_id = $1 AND m.seq > $2 ORDER BY m.seq ASC LIMIT $3",
                rows::MESSAGE_COLUMNS
            ),
        };
        let from = match page.direction {
            Direction::Before(seq) => seq.map_or(i64::MAX, to_i64),
            Direction::After(seq) => to_i64(seq),
        };
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(conversation.0)
            .bind(from)
            .bind(limit)
            .fetch_all(&mut *tx)
            .await?;
        let mut messages = rows
            .iter()
            .map(MessageRow::from_row)
            .collect::<Result<Vec<_>>>()?;
        let has_more = messages.len() as i64 == limit;
        messages.truncate(page.limit as usize);
        if matches!(page.direction, Direction::Before(_)) {
            messages.reverse();
        }
        let (lo, hi) = match (messages.first(), messages.last()) {
            (Some(first), Some(last)) => (first.seq, last.seq),
            _ => (1, 0),
        };
        let reactions = tx::reactions_in(&mut tx, conversation, lo, hi).await?;
        tx.commit().await?;
        let messages = messages
            .into_iter()
            .map(|m| {
                let mut message = m.into_message();
                if !message.deleted {
                    message.reactions =
                        rows::group_reactions(reactions.iter().filter(|r| r.0 == message.id));
                }
                message
            })
            .collect();
        Ok(HistoryPage {
            conversation,
            messages,
            as_of: as_of as Seq,
            has_more,
        })
    }

    /// The events after `after`, at most `limit`, hydrated as a reader sees them now.
    pub async fn events_after(
        &self,
        conversation: ConversationId,
        after: Seq,
        limit: u32,
    ) -> Result<Vec<crate::protocol::ConversationEvent>> {
        let mut conn = self.pool.acquire().await?;
        tx::events_between(&mut conn, conversation, after, Seq::MAX, limit).await
    }

    /// The newest seq of a conversation.
    pub async fn last_seq(&self, conversation: ConversationId) -> Result<Option<Seq>> {
        let row = sqlx::query("SELECT last_seq FROM conversations WHERE id = $1")
            .bind(conversation.0)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| Ok(r.try_get::<i64, _>(0)? as Seq)).transpose()
    }

    /// A message's earlier versions, oldest first.
    pub async fn edits(&self, message: MessageId) -> Result<Vec<(String, String, Millis)>> {
        let rows = sqlx::query(
            "SELECT body, lang, edited_at FROM message_edits WHERE message_id = $1 ORDER BY seq",
        )
        .bind(message.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)))
            .collect()
    }

    pub async fn message(&self, message: MessageId) -> Result<Option<Message>> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {} FROM messages m WHERE m.id = $1",
            rows::MESSAGE_COLUMNS
        )))
        .bind(message.0)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| MessageRow::from_row(&r).map(MessageRow::into_message))
            .transpose()
    }

    // --- read markers -------------------------------------------------------------------------------------------

    /// Moves a read marker forward (never back, never past the newest seq); returns the marker, unread and
    /// mention counts. `None` when the person is not a member.
    pub async fn mark_read(
        &self,
        conversation: ConversationId,
        user: UserId,
        seq: Seq,
    ) -> Result<Option<(Seq, u32, u32)>> {
        sqlx::query(
            "UPDATE members SET read_seq = (SELECT CASE WHEN $1 < c.last_seq THEN $1 ELSE c.last_seq END \
             FROM conversations c WHERE c.id = $2) WHERE conversation_id = $2 AND user_id = $3 AND read_seq < $1",
        )
        .bind(to_i64(seq))
        .bind(conversation.0)
        .bind(user.0)
        .execute(&self.pool)
        .await?;
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT m.read_seq, {UNREAD_SQL}, {MENTIONS_SQL} FROM members m JOIN conversations c \
             ON c.id = m.conversation_id WHERE m.conversation_id = $1 AND m.user_id = $2"
        )))
        .bind(conversation.0)
        .bind(user.0)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            Ok((
                r.try_get::<i64, _>(0)? as Seq,
                r.try_get::<i64, _>(1)? as u32,
                r.try_get::<i64, _>(2)? as u32,
            ))
        })
        .transpose()
    }
}

impl ReadConn {
    /// The people live sessions belong to, with the hash of each one's token; hashes of sessions that are not live
    /// are left out. One statement for every hello that arrived at about the same time (`hub::arrivals`).
    pub async fn session_users(
        &mut self,
        token_hashes: &[String],
        now: Millis,
    ) -> Result<Vec<(String, UserRow)>> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            // A person banned everywhere has no sessions (the ban deletes them); the check closes the race with a
            // login that passed its own ban check just before the ban committed.
            "SELECT {}, s.token_hash AS token_hash FROM ({}) l JOIN sessions s ON s.token_hash = l.value \
             JOIN users u ON u.id = s.user_id WHERE s.expires_at > $2 AND {}",
            rows::USER_COLUMNS_U,
            Backend::of_connection(&self.0).elements("$1", true),
            not_banned_everywhere("u.id", "$2")
        )))
        .bind(text_array(token_hashes)?)
        .bind(now)
        .fetch_all(&mut *self.0)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("token_hash")?, UserRow::from_row(r)?)))
            .collect()
    }

    /// The conversations each person is in (ids only) and the people they blocked, in the order they did: what a
    /// session needs before it subscribes. In the order of `users`; one statement for all of them (each statement
    /// is a round trip to SQLite's worker thread; `docs/benchmarks.md`, the connect storm).
    pub async fn memberships_and_blocks(&mut self, users: &[UserId]) -> Result<Vec<Memberships>> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT b.user_id, CAST(0 AS BIGINT) AS k, b.blocked_id AS id, b.created_at AS at \
             FROM ({list}) l JOIN blocks b ON b.user_id = l.value \
             UNION ALL SELECT m.user_id, CAST(1 AS BIGINT), m.conversation_id, CAST(0 AS BIGINT) \
             FROM ({list}) l JOIN members m ON m.user_id = l.value ORDER BY 1, 2, 4, 3",
            list = Backend::of_connection(&self.0).elements("$1", false)
        )))
        .bind(user_ids(users))
        .fetch_all(&mut *self.0)
        .await?;
        let mut found: HashMap<UserId, Memberships> = HashMap::with_capacity(users.len());
        for row in &rows {
            let of = found.entry(UserId(row.try_get(0)?)).or_default();
            let id: i64 = row.try_get(2)?;
            match row.try_get::<i64, _>(1)? {
                0 => of.blocked.push(UserId(id)),
                _ => of.conversations.push(ConversationId(id)),
            }
        }
        Ok(in_order(users, found))
    }

    /// A person's conversations, most recently active first.
    pub async fn conversations_of(&mut self, user: UserId) -> Result<Vec<ConversationSummary>> {
        Ok(self.conversations_of_all(&[user]).await?.remove(0))
    }

    /// [`ReadConn::conversations_of`] for several people at once, in the order of `users`, in one statement (and one
    /// more for the members of their direct and group conversations).
    pub async fn conversations_of_all(
        &mut self,
        users: &[UserId],
    ) -> Result<Vec<Vec<ConversationSummary>>> {
        let rows = sqlx::query(AssertSqlSafe(summary_sql(
            &Backend::of_connection(&self.0).elements("$1", false),
            "ORDER BY m.user_id, c.last_seq DESC, c.id",
        )))
        .bind(user_ids(users))
        .fetch_all(&mut *self.0)
        .await?;
        let mut summaries = Vec::with_capacity(rows.len());
        let mut owners = Vec::with_capacity(rows.len());
        for row in &rows {
            summaries.push(rows::summary_from_row(row)?);
            owners.push(UserId(row.try_get(11)?));
        }
        fill_direct_members(&mut self.0, &mut summaries).await?;
        let mut found: HashMap<UserId, Vec<ConversationSummary>> =
            HashMap::with_capacity(users.len());
        for (owner, summary) in owners.into_iter().zip(summaries) {
            found.entry(owner).or_default().push(summary);
        }
        Ok(in_order(users, found))
    }
}

/// What [`ReadConn::memberships_and_blocks`] reads for one person.
#[derive(Debug, Clone, Default)]
pub struct Memberships {
    pub conversations: Vec<ConversationId>,
    pub blocked: Vec<UserId>,
}

/// Answers a batch of [`Store::session_user`] as of now.
async fn look_up_sessions(pool: Pool, batch: Vec<Question<String, Option<UserRow>>>) {
    let hashes: Vec<String> = batch.iter().map(|asked| asked.question.clone()).collect();
    let read = async {
        let found = ReadConn(pool.acquire().await?)
            .session_users(&hashes, crate::now_ms())
            .await?;
        let found = found.into_iter().map(|(hash, user)| (hash, Some(user)));
        Ok(in_order(&hashes, found.collect()))
    }
    .await;
    answer_all(batch, read);
}

/// People's ids as a JSON array, for [`Backend::elements`].
fn user_ids(users: &[UserId]) -> String {
    id_array(users.iter().map(|u| u.0))
}

/// Ids as a JSON array, each once, for [`Backend::elements`].
fn id_array(ids: impl IntoIterator<Item = i64>) -> String {
    use std::fmt::Write as _;
    let mut array = String::from("[");
    for id in distinct(ids) {
        let sep = if array.len() == 1 { "" } else { "," };
        write!(array, "{sep}{id}").expect("writing to a String cannot fail");
    }
    array.push(']');
    array
}

/// Strings as a JSON array, each once, for [`Backend::elements`].
fn text_array(texts: &[String]) -> Result<String> {
    Ok(serde_json::to_string(&distinct(
        texts.iter().map(String::as_str),
    ))?)
}

/// The items sorted, each once: the lists [`Backend::elements`] joins must not repeat an element.
fn distinct<T: Ord>(items: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut items: Vec<T> = items.into_iter().collect();
    items.sort_unstable();
    items.dedup();
    items
}

/// Fills in the members of the direct and group conversations among `summaries`, in one query.
async fn fill_direct_members(
    conn: &mut AnyConnection,
    summaries: &mut [ConversationSummary],
) -> Result<()> {
    let ids: Vec<i64> = summaries
        .iter()
        .filter(|s| s.kind != crate::protocol::ConversationKind::Channel)
        .map(|s| s.id.0)
        .collect();
    if ids.is_empty() {
        return Ok(());
    }
    let rows = sqlx::query(AssertSqlSafe(format!(
        "SELECT m.conversation_id, m.user_id FROM ({}) l JOIN members m ON m.conversation_id = l.value \
         ORDER BY m.conversation_id, m.user_id",
        Backend::of_connection(conn).elements("$1", false)
    )))
    .bind(id_array(ids))
    .fetch_all(&mut *conn)
    .await?;
    let mut members: HashMap<ConversationId, Vec<UserId>> = HashMap::new();
    for r in &rows {
        members
            .entry(ConversationId(r.try_get(0)?))
            .or_default()
            .push(UserId(r.try_get(1)?));
    }
    // A conversation may be here more than once, for each of several people connecting at once.
    for s in summaries.iter_mut() {
        if let Some(list) = members.get(&s.id) {
            s.members.clone_from(list);
        }
    }
    Ok(())
}

impl WriteConn {
    /// Begins a write transaction (a group of operations committed together). With `routing`, the transaction
    /// first takes the deployment-wide routing lock (a PostgreSQL advisory lock, held until commit), so that
    /// consultation routing on several nodes never reads helpers' loads that another node is changing. It is taken
    /// before any row lock, so it cannot close a deadlock cycle. SQLite has one writer anyway.
    pub async fn begin(&mut self, routing: bool) -> Result<Tx<'_>> {
        self.conn.execute(self.backend.begin_write()).await?;
        if routing && self.backend == Backend::Postgres {
            self.conn
                .execute("SELECT pg_advisory_xact_lock(7420118)")
                .await?;
        }
        Ok(Tx::new(&mut self.conn, self.backend))
    }

    /// Whether the connection still answers; the writer reconnects when it does not.
    pub async fn ping(&mut self) -> Result<()> {
        self.conn.ping().await?;
        Ok(())
    }
}

/// A new account's fields.
pub struct NewUser<'a> {
    pub username: &'a str,
    pub username_key: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub role: Role,
    pub locale: &'a str,
    pub languages_spoken: &'a [String],
    pub languages_learning: &'a [String],
    pub now: Millis,
}

/// Which page of history.
#[derive(Debug, Clone, Copy)]
pub struct Paging {
    pub direction: Direction,
    pub limit: u32,
}

#[derive(Debug, Clone, Copy)]
pub enum Direction {
    /// Messages with a smaller seq (the newest when `None`), newest page first.
    Before(Option<Seq>),
    /// Messages with a larger seq.
    After(Seq),
}

/// Unread messages: by others, after the read marker, not deleted, counted up to 100 (`docs/protocol.md`: 100 means
/// at least that many). Counting is a step per message, and `ready` counts every conversation of every person who
/// connects: uncapped, someone 20,000 messages behind in a busy channel cost 2 ms of SQLite per connection.
/// Expects `m` (members) and `c` (conversations).
const UNREAD_SQL: &str = "(SELECT COUNT(*) FROM (SELECT 1 FROM messages x WHERE x.conversation_id = c.id \
                          AND x.seq > m.read_seq AND x.author <> m.user_id AND x.deleted_at IS NULL LIMIT 100) u)";
const MENTIONS_SQL: &str = "(SELECT COUNT(*) FROM mentions y JOIN messages z ON z.id = y.message_id \
                            WHERE y.user_id = m.user_id AND y.conversation_id = c.id AND y.seq > m.read_seq \
                            AND z.deleted_at IS NULL)";
/// A channel's moderation settings, after the summary's other columns.
const MOD_COLUMNS: &str = "c.slow_mode_seconds, c.locked, c.public_modlog";

/// The summaries of the conversations of the people `people` lists (a table of one column `value`), in `order`.
fn summary_sql(people: &str, order: &str) -> String {
    format!(
        "SELECT c.id, c.kind, c.name, c.topic, c.visibility, c.languages, c.last_seq, m.read_seq, \
         {UNREAD_SQL}, {MENTIONS_SQL}, c.member_count, m.user_id, {MOD_COLUMNS} \
         FROM ({people}) l JOIN members m ON m.user_id = l.value JOIN conversations c ON c.id = m.conversation_id \
         {order}"
    )
}

fn sqlite_dir(url: &str) -> Option<PathBuf> {
    let path = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = path.split('?').next().unwrap_or(path);
    if path.is_empty() || path == ":memory:" {
        return None;
    }
    Path::new(path).parent().map(Path::to_path_buf)
}

/// Seqs are `u64` in Rust and `BIGINT` in the database; real ones never exceed `i64::MAX`.
pub(crate) fn to_i64(seq: Seq) -> i64 {
    i64::try_from(seq).unwrap_or(i64::MAX)
}
