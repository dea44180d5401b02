//! Moderation tables: sanctions (timeouts and bans), pins, reports and their notes, automod rules, blocks, and the
//! moderation side of the audit log.

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AssertSqlSafe, Row};

use super::{ReadConn, Result, Store, StoreError, Tx};
use crate::protocol::{
    AutomodRule, AutomodRuleSpec, ConversationId, MessageId, Millis, ModLogEntry, Report,
    ReportCategory, ReportNote, ReportSnapshot, ReportState, Role, UserId,
};

/// A sanction's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SanctionKind {
    Timeout,
    Ban,
}

impl SanctionKind {
    fn as_str(self) -> &'static str {
        match self {
            SanctionKind::Timeout => "timeout",
            SanctionKind::Ban => "ban",
        }
    }
}

/// "Until lifted", as stored in comparisons: later than any real time.
const FOREVER: Millis = i64::MAX;

/// SQL for until when the person in column (or parameter) `user` is under a live sanction of `kind` at `now`, in
/// `conversation` or everywhere, whichever ends later (`FOREVER` when open-ended, `NULL` when there is none); a
/// `conversation` of `0` reads the global one alone.
pub(super) fn sanction_until_sql(
    kind: SanctionKind,
    user: &str,
    now: &str,
    conversation: &str,
) -> String {
    format!(
        "(SELECT MAX(COALESCE(s.expires_at, 9223372036854775807)) FROM sanctions s WHERE s.user_id = {user} \
         AND s.kind = '{}' AND s.lifted_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > {now}) \
         AND (s.conversation_id IS NULL OR s.conversation_id = {conversation}))",
        kind.as_str()
    )
}

/// The person acting, as the writer sees them.
#[derive(Debug, Clone, Copy)]
pub struct ActorRow {
    pub role: Role,
    pub created_at: Millis,
    /// Until when they are banned everywhere.
    pub banned_until: Option<Millis>,
}

/// An [`ActorRow`] from columns `at..at + 3` (role, created_at, banned_until); `None` when the role is `NULL` (a
/// left join found no active account).
pub(super) fn actor_row(r: &sqlx::any::AnyRow, at: usize) -> Result<Option<ActorRow>> {
    let Some(role) = r.try_get::<Option<String>, _>(at)? else {
        return Ok(None);
    };
    Ok(Some(ActorRow {
        role: Role::parse(&role).ok_or_else(|| StoreError::Malformed(format!("role {role}")))?,
        created_at: r.try_get(at + 1)?,
        banned_until: r.try_get(at + 2)?,
    }))
}

/// A sanction to store.
#[derive(Debug, Clone)]
pub struct NewSanction<'a> {
    pub user: UserId,
    pub conversation: Option<ConversationId>,
    pub kind: SanctionKind,
    pub reason: &'a str,
    pub by: UserId,
    pub at: Millis,
    pub expires_at: Option<Millis>,
}

/// An audit entry to append.
#[derive(Debug, Clone)]
pub struct NewAudit<'a> {
    pub actor: UserId,
    pub action: &'a str,
    pub target_kind: &'a str,
    pub target_id: i64,
    pub reason: &'a str,
    pub details: serde_json::Value,
    pub conversation: Option<ConversationId>,
    pub at: Millis,
}

/// A report to store.
#[derive(Debug, Clone)]
pub struct NewReportRow<'a> {
    pub reporter: UserId,
    pub category: ReportCategory,
    pub note: &'a str,
    pub target_user: UserId,
    pub message: Option<MessageId>,
    pub conversation: Option<ConversationId>,
    pub snapshot: Option<ReportSnapshot>,
    pub rule: Option<i64>,
    pub at: Millis,
}

/// Which reports a list shows.
#[derive(Debug, Clone, Default)]
pub struct ReportFilter {
    pub state: Option<ReportState>,
    /// Only reports about these conversations (a channel moderator's channels); `None`: every report (staff).
    pub conversations: Option<Vec<ConversationId>>,
    pub limit: u32,
}

/// Which audit entries a list shows.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub action: Option<String>,
    pub actor: Option<UserId>,
    pub target_kind: Option<String>,
    pub target_id: Option<i64>,
    pub conversation: Option<ConversationId>,
    pub since: Option<Millis>,
    pub until: Option<Millis>,
    /// Entries older than this id (paging backwards).
    pub before: Option<i64>,
    pub limit: u32,
}

const REPORT_COLUMNS: &str = "id, reporter, category, note, state, target_user, message_id, conversation_id, snapshot, \
     rule_id, created_at, claimed_by, resolved_by, resolved_at, resolution";

fn report_from_row(r: &AnyRow) -> Result<Report> {
    let category: String = r.try_get(2)?;
    let state: String = r.try_get(4)?;
    let snapshot: Option<String> = r.try_get(8)?;
    Ok(Report {
        id: r.try_get(0)?,
        reporter: UserId(r.try_get(1)?),
        category: ReportCategory::parse(&category)
            .ok_or_else(|| StoreError::Malformed(format!("report category {category}")))?,
        note: r.try_get(3)?,
        state: ReportState::parse(&state)
            .ok_or_else(|| StoreError::Malformed(format!("report state {state}")))?,
        target_user: UserId(r.try_get(5)?),
        message: r.try_get::<Option<i64>, _>(6)?.map(MessageId),
        conversation: r.try_get::<Option<i64>, _>(7)?.map(ConversationId),
        snapshot: snapshot.map(|s| serde_json::from_str(&s)).transpose()?,
        rule: r.try_get(9)?,
        created_at: r.try_get(10)?,
        claimed_by: r.try_get::<Option<i64>, _>(11)?.map(UserId),
        resolved_by: r.try_get::<Option<i64>, _>(12)?.map(UserId),
        resolved_at: r.try_get(13)?,
        resolution: r.try_get(14)?,
        notes: Vec::new(),
    })
}

async fn report_q(conn: &mut AnyConnection, id: i64) -> Result<Option<Report>> {
    let row = sqlx::query(AssertSqlSafe(format!(
        "SELECT {REPORT_COLUMNS} FROM reports WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let mut report = report_from_row(&row)?;
    report.notes = report_notes_q(conn, id).await?;
    Ok(Some(report))
}

async fn report_notes_q(conn: &mut AnyConnection, id: i64) -> Result<Vec<ReportNote>> {
    let rows = sqlx::query(
        "SELECT author, body, at FROM report_notes WHERE report_id = $1 ORDER BY at, author",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(ReportNote {
                author: UserId(r.try_get(0)?),
                body: r.try_get(1)?,
                at: r.try_get(2)?,
            })
        })
        .collect()
}

async fn audit_q(conn: &mut AnyConnection, e: &NewAudit<'_>) -> Result<()> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor, action, target_kind, target_id, reason, details, conversation_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(e.at)
    .bind(e.actor.0)
    .bind(e.action)
    .bind(e.target_kind)
    .bind(e.target_id)
    .bind(e.reason)
    .bind(e.details.to_string())
    .bind(e.conversation.map(|c| c.0))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

async fn automod_rules_q(conn: &mut AnyConnection) -> Result<Vec<AutomodRule>> {
    let rows = sqlx::query(
        "SELECT id, conversation_id, spec, created_by, created_at FROM automod_rules ORDER BY id",
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            let mut spec: AutomodRuleSpec = serde_json::from_str(&r.try_get::<String, _>(2)?)?;
            spec.conversation = r.try_get::<Option<i64>, _>(1)?.map(ConversationId);
            Ok(AutomodRule {
                id: r.try_get(0)?,
                spec,
                created_by: UserId(r.try_get(3)?),
                created_at: r.try_get(4)?,
            })
        })
        .collect()
}

// --- the writer's side ----------------------------------------------------------------------------------------

impl Tx<'_> {
    /// The person acting, if their account exists and is active, with their global ban, in one round trip.
    pub async fn actor(&mut self, user: UserId, now: Millis) -> Result<Option<ActorRow>> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT role, created_at, {} FROM users WHERE id = $1 AND active = 1",
            sanction_until_sql(SanctionKind::Ban, "$1", "$2", "0")
        )))
        .bind(user.0)
        .bind(now)
        .fetch_optional(self.conn().await?)
        .await?;
        Ok(row.map(|r| actor_row(&r, 0)).transpose()?.flatten())
    }

    /// Until when the person may not act, by a sanction of this kind in this conversation or everywhere.
    pub async fn live_sanction(
        &mut self,
        user: UserId,
        kind: SanctionKind,
        conversation: Option<ConversationId>,
        now: Millis,
    ) -> Result<Option<Millis>> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {}",
            sanction_until_sql(kind, "$1", "$2", "$3")
        )))
        .bind(user.0)
        .bind(now)
        .bind(conversation.map_or(0, |c| c.0))
        .fetch_one(self.conn().await?)
        .await?;
        Ok(row.try_get(0)?)
    }

    /// When the person's latest messages in the conversation were sent, newest first, from `since` on.
    pub async fn recent_message_times(
        &mut self,
        conversation: ConversationId,
        user: UserId,
        since: Millis,
        limit: u32,
    ) -> Result<Vec<Millis>> {
        let rows = sqlx::query(
            "SELECT created_at FROM messages WHERE author = $1 AND conversation_id = $2 AND created_at > $3 \
             ORDER BY created_at DESC LIMIT $4",
        )
        .bind(user.0)
        .bind(conversation.0)
        .bind(since)
        .bind(i64::from(limit))
        .fetch_all(self.read().await?)
        .await?;
        rows.iter().map(|r| Ok(r.try_get(0)?)).collect()
    }

    pub async fn insert_sanction(&mut self, s: &NewSanction<'_>) -> Result<()> {
        sqlx::query(
            "INSERT INTO sanctions (user_id, conversation_id, kind, reason, created_by, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(s.user.0)
        .bind(s.conversation.map(|c| c.0))
        .bind(s.kind.as_str())
        .bind(s.reason)
        .bind(s.by.0)
        .bind(s.at)
        .bind(s.expires_at)
        .execute(self.conn().await?)
        .await?;
        Ok(())
    }

    /// Lifts the live sanctions of a kind in exactly this scope; says whether there was one.
    pub async fn lift_sanctions(
        &mut self,
        user: UserId,
        kind: SanctionKind,
        conversation: Option<ConversationId>,
        by: UserId,
        now: Millis,
    ) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE sanctions SET lifted_at = $4, lifted_by = $5 WHERE user_id = $1 AND kind = $2 \
             AND lifted_at IS NULL AND (expires_at IS NULL OR expires_at > $4) \
             AND COALESCE(conversation_id, 0) = $3",
        )
        .bind(user.0)
        .bind(kind.as_str())
        .bind(conversation.map_or(0, |c| c.0))
        .bind(now)
        .bind(by.0)
        .execute(self.conn().await?)
        .await?;
        Ok(done.rows_affected() > 0)
    }

    pub async fn set_slow_mode(
        &mut self,
        conversation: ConversationId,
        seconds: u32,
    ) -> Result<()> {
        sqlx::query("UPDATE conversations SET slow_mode_seconds = $2 WHERE id = $1")
            .bind(conversation.0)
            .bind(i64::from(seconds))
            .execute(self.conn().await?)
            .await?;
        Ok(())
    }

    /// Makes a channel's moderation log public or not.
    pub async fn set_public_modlog(
        &mut self,
        conversation: ConversationId,
        public: bool,
    ) -> Result<()> {
        sqlx::query("UPDATE conversations SET public_modlog = $2 WHERE id = $1")
            .bind(conversation.0)
            .bind(i64::from(public))
            .execute(self.conn().await?)
            .await?;
        Ok(())
    }

    pub async fn set_locked(&mut self, conversation: ConversationId, locked: bool) -> Result<()> {
        sqlx::query("UPDATE conversations SET locked = $2 WHERE id = $1")
            .bind(conversation.0)
            .bind(i64::from(locked))
            .execute(self.conn().await?)
            .await?;
        Ok(())
    }

    /// Pins or unpins a message; says whether anything changed.
    pub async fn set_pinned(
        &mut self,
        message: MessageId,
        conversation: ConversationId,
        pinned: bool,
        by: UserId,
        now: Millis,
    ) -> Result<bool> {
        let done = if pinned {
            sqlx::query(
                "INSERT INTO pins (message_id, conversation_id, pinned_by, pinned_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (message_id) DO NOTHING",
            )
            .bind(message.0)
            .bind(conversation.0)
            .bind(by.0)
            .bind(now)
            .execute(self.conn().await?)
            .await?
        } else {
            sqlx::query("DELETE FROM pins WHERE message_id = $1")
                .bind(message.0)
                .execute(self.conn().await?)
                .await?
        };
        Ok(done.rows_affected() == 1)
    }

    pub async fn audit(&mut self, entry: &NewAudit<'_>) -> Result<()> {
        audit_q(self.conn().await?, entry).await
    }

    /// Ends every session of a person (a global ban).
    pub async fn delete_sessions(&mut self, user: UserId) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user.0)
            .execute(self.conn().await?)
            .await?;
        Ok(())
    }

    /// A person's global role, active account or not, for checks on the target of an action.
    pub async fn role_of(&mut self, user: UserId) -> Result<Option<Role>> {
        self.role(user, false).await
    }

    /// The display name of a person, for notices.
    pub async fn display_name(&mut self, user: UserId) -> Result<String> {
        let row = sqlx::query("SELECT display_name FROM users WHERE id = $1")
            .bind(user.0)
            .fetch_optional(self.conn().await?)
            .await?;
        Ok(row.map(|r| r.try_get(0)).transpose()?.unwrap_or_default())
    }

    /// The channels a person is a member of.
    pub async fn channels_of(&mut self, user: UserId) -> Result<Vec<ConversationId>> {
        let rows = sqlx::query(
            "SELECT c.id FROM members m JOIN conversations c ON c.id = m.conversation_id \
             WHERE m.user_id = $1 AND c.kind = 'channel' ORDER BY c.id",
        )
        .bind(user.0)
        .fetch_all(self.conn().await?)
        .await?;
        rows.iter()
            .map(|r| Ok(ConversationId(r.try_get(0)?)))
            .collect()
    }

    /// The moderators of a channel.
    pub async fn channel_moderators(
        &mut self,
        conversation: ConversationId,
    ) -> Result<Vec<UserId>> {
        let rows = sqlx::query(
            "SELECT user_id FROM members WHERE conversation_id = $1 AND role = 'moderator' ORDER BY user_id",
        )
        .bind(conversation.0)
        .fetch_all(self.conn().await?)
        .await?;
        rows.iter().map(|r| Ok(UserId(r.try_get(0)?))).collect()
    }

    pub async fn member_ids(&mut self, conversation: ConversationId) -> Result<Vec<UserId>> {
        let rows =
            sqlx::query("SELECT user_id FROM members WHERE conversation_id = $1 ORDER BY user_id")
                .bind(conversation.0)
                .fetch_all(self.read_people())
                .await?;
        rows.iter().map(|r| Ok(UserId(r.try_get(0)?))).collect()
    }

    /// Whether either person blocked the other.
    pub async fn blocked_between(&mut self, a: UserId, b: UserId) -> Result<bool> {
        let row = sqlx::query(
            "SELECT 1 FROM blocks WHERE (user_id = $1 AND blocked_id = $2) OR (user_id = $2 AND blocked_id = $1)",
        )
        .bind(a.0)
        .bind(b.0)
        .fetch_optional(self.read_people())
        .await?;
        Ok(row.is_some())
    }

    /// Of these people, those who blocked `author`.
    pub async fn who_blocked(&mut self, author: UserId, among: &[UserId]) -> Result<Vec<UserId>> {
        if among.is_empty() {
            return Ok(Vec::new());
        }
        let rows = sqlx::query("SELECT user_id FROM blocks WHERE blocked_id = $1")
            .bind(author.0)
            .fetch_all(self.read_people())
            .await?;
        let mut out = Vec::new();
        for r in &rows {
            let user = UserId(r.try_get(0)?);
            if among.contains(&user) {
                out.push(user);
            }
        }
        Ok(out)
    }

    /// Stores a report; a second report of the same message by the same person returns the first one's id.
    pub async fn insert_report(&mut self, r: &NewReportRow<'_>) -> Result<(i64, bool)> {
        if let (Some(message), false) = (r.message, r.reporter.0 == 0) {
            let existing =
                sqlx::query("SELECT id FROM reports WHERE reporter = $1 AND message_id = $2")
                    .bind(r.reporter.0)
                    .bind(message.0)
                    .fetch_optional(self.conn().await?)
                    .await?;
            if let Some(row) = existing {
                return Ok((row.try_get(0)?, false));
            }
        }
        let snapshot = r.snapshot.as_ref().map(serde_json::to_string).transpose()?;
        let row = sqlx::query(
            "INSERT INTO reports (reporter, category, note, state, target_user, message_id, conversation_id, \
             snapshot, rule_id, created_at) VALUES ($1, $2, $3, 'open', $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(r.reporter.0)
        .bind(r.category.as_str())
        .bind(r.note)
        .bind(r.target_user.0)
        .bind(r.message.map(|m| m.0))
        .bind(r.conversation.map(|c| c.0))
        .bind(snapshot)
        .bind(r.rule)
        .bind(r.at)
        .fetch_one(self.conn().await?)
        .await?;
        Ok((row.try_get(0)?, true))
    }

    pub async fn report(&mut self, id: i64) -> Result<Option<Report>> {
        report_q(self.conn().await?, id).await
    }

    /// Moves a report from one state to another (a compare-and-set); says whether it was in `from`.
    pub async fn change_report(
        &mut self,
        id: i64,
        from: &[ReportState],
        to: ReportState,
        by: UserId,
        now: Millis,
        resolution: &str,
    ) -> Result<bool> {
        let from: Vec<&str> = from.iter().map(|s| s.as_str()).collect();
        let closing = to.is_closed();
        let done = sqlx::query(
            "UPDATE reports SET state = $2, \
               claimed_by = CASE WHEN $3 = 0 THEN $4 ELSE claimed_by END, \
               resolved_by = CASE WHEN $3 = 1 THEN $4 ELSE resolved_by END, \
               resolved_at = CASE WHEN $3 = 1 THEN $5 ELSE resolved_at END, \
               resolution = CASE WHEN $3 = 1 THEN $6 ELSE resolution END \
             WHERE id = $1 AND (state = $7 OR state = $8)",
        )
        .bind(id)
        .bind(to.as_str())
        .bind(i64::from(closing))
        .bind(by.0)
        .bind(now)
        .bind(resolution)
        .bind(from.first().copied().unwrap_or(""))
        .bind(from.get(1).copied().unwrap_or(""))
        .execute(self.conn().await?)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn add_report_note(
        &mut self,
        id: i64,
        author: UserId,
        body: &str,
        now: Millis,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO report_notes (report_id, author, body, at) VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(author.0)
        .bind(body)
        .bind(now)
        .execute(self.conn().await?)
        .await?;
        Ok(())
    }
}

// --- reads and settings -----------------------------------------------------------------------------------------

impl Store {
    pub async fn report(&self, id: i64) -> Result<Option<Report>> {
        let mut conn = self.pool.acquire().await?;
        report_q(&mut conn, id).await
    }

    /// Reports, oldest open first (the queue), then the rest newest first.
    pub async fn reports(&self, filter: &ReportFilter) -> Result<Vec<Report>> {
        let mut conn = self.pool.acquire().await?;
        let scope = match &filter.conversations {
            None => String::from("1 = 1"),
            Some(ids) if ids.is_empty() => String::from("1 = 0"),
            // Ids are numbers from the database, not user text: safe to inline.
            Some(ids) => format!(
                "conversation_id IN ({})",
                ids.iter()
                    .map(|c| c.0.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT {REPORT_COLUMNS} FROM reports WHERE {scope} AND ($1 = '' OR state = $1) \
             ORDER BY CASE WHEN state IN ('open', 'claimed') THEN 0 ELSE 1 END, \
             CASE WHEN state IN ('open', 'claimed') THEN id ELSE -id END LIMIT $2"
        )))
        .bind(filter.state.map_or("", |s| s.as_str()))
        .bind(i64::from(filter.limit))
        .fetch_all(&mut *conn)
        .await?;
        let mut reports = rows
            .iter()
            .map(report_from_row)
            .collect::<Result<Vec<_>>>()?;
        for report in &mut reports {
            report.notes = report_notes_q(&mut conn, report.id).await?;
        }
        Ok(reports)
    }

    /// A person's standing in a conversation (`None`: not a member).
    pub async fn member_role(
        &self,
        conversation: ConversationId,
        user: UserId,
    ) -> Result<Option<super::MemberRole>> {
        let mut conn = self.pool.acquire().await?;
        Tx::new(&mut conn, self.backend)
            .member_role(conversation, user)
            .await
    }

    /// The channels a person moderates.
    pub async fn moderated_channels(&self, user: UserId) -> Result<Vec<ConversationId>> {
        let rows = sqlx::query(
            "SELECT conversation_id FROM members WHERE user_id = $1 AND role = 'moderator' ORDER BY conversation_id",
        )
        .bind(user.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok(ConversationId(r.try_get(0)?)))
            .collect()
    }

    pub async fn automod_rules(&self) -> Result<Vec<AutomodRule>> {
        let mut conn = self.pool.acquire().await?;
        automod_rules_q(&mut conn).await
    }

    /// Stores a new rule (`id` None) or replaces one; returns its id, or None when there is no such rule.
    pub async fn save_automod_rule(
        &self,
        id: Option<i64>,
        spec: &AutomodRuleSpec,
        by: UserId,
        now: Millis,
    ) -> Result<Option<i64>> {
        let mut stored = spec.clone();
        stored.conversation = None;
        let json = serde_json::to_string(&stored)?;
        let conversation = spec.conversation.map(|c| c.0);
        match id {
            None => {
                let row = sqlx::query(
                    "INSERT INTO automod_rules (conversation_id, spec, created_by, created_at) \
                     VALUES ($1, $2, $3, $4) RETURNING id",
                )
                .bind(conversation)
                .bind(json)
                .bind(by.0)
                .bind(now)
                .fetch_one(&self.pool)
                .await?;
                Ok(Some(row.try_get(0)?))
            }
            Some(id) => {
                let done = sqlx::query(
                    "UPDATE automod_rules SET conversation_id = $2, spec = $3 WHERE id = $1",
                )
                .bind(id)
                .bind(conversation)
                .bind(json)
                .execute(&self.pool)
                .await?;
                Ok((done.rows_affected() == 1).then_some(id))
            }
        }
    }

    pub async fn delete_automod_rule(&self, id: i64) -> Result<bool> {
        let done = sqlx::query("DELETE FROM automod_rules WHERE id = $1")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn automod_rule(&self, id: i64) -> Result<Option<AutomodRule>> {
        Ok(self.automod_rules().await?.into_iter().find(|r| r.id == id))
    }

    /// Pinned messages of a conversation, most recently pinned first.
    pub async fn pins(&self, conversation: ConversationId) -> Result<Vec<MessageId>> {
        let rows = sqlx::query(
            "SELECT message_id FROM pins WHERE conversation_id = $1 ORDER BY pinned_at DESC, message_id DESC",
        )
        .bind(conversation.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| Ok(MessageId(r.try_get(0)?))).collect()
    }

    pub async fn blocks(&self, user: UserId) -> Result<Vec<UserId>> {
        self.reader().await?.blocks(user).await
    }

    /// Blocks or unblocks; says whether anything changed.
    pub async fn set_block(
        &self,
        user: UserId,
        other: UserId,
        on: bool,
        now: Millis,
    ) -> Result<bool> {
        let done = if on {
            sqlx::query(
                "INSERT INTO blocks (user_id, blocked_id, created_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (user_id, blocked_id) DO NOTHING",
            )
            .bind(user.0)
            .bind(other.0)
            .bind(now)
            .execute(&self.pool)
            .await?
        } else {
            sqlx::query("DELETE FROM blocks WHERE user_id = $1 AND blocked_id = $2")
                .bind(user.0)
                .bind(other.0)
                .execute(&self.pool)
                .await?
        };
        Ok(done.rows_affected() == 1)
    }

    pub async fn set_hide_presence(&self, user: UserId, hide: bool) -> Result<()> {
        sqlx::query("UPDATE users SET hide_presence = $2 WHERE id = $1")
            .bind(user.0)
            .bind(i64::from(hide))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn hide_presence(&self, user: UserId) -> Result<bool> {
        let row = sqlx::query("SELECT hide_presence FROM users WHERE id = $1")
            .bind(user.0)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row
            .map(|r| r.try_get::<i64, _>(0))
            .transpose()?
            .is_some_and(|v| v != 0))
    }

    /// Until when a person is banned everywhere, if they are.
    pub async fn global_ban(&self, user: UserId, now: Millis) -> Result<Option<Millis>> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {}",
            sanction_until_sql(SanctionKind::Ban, "$1", "$2", "0")
        )))
        .bind(user.0)
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        Ok(row.try_get(0)?)
    }

    /// Appends to the audit log (staff reads, role changes).
    pub async fn append_audit(&self, entry: &NewAudit<'_>) -> Result<()> {
        let mut conn = self.pool.acquire().await?;
        audit_q(&mut conn, entry).await
    }

    /// Audit entries, newest first.
    pub async fn audit_entries(&self, f: &AuditFilter) -> Result<Vec<crate::protocol::AuditEntry>> {
        let rows = sqlx::query(
            "SELECT id, at, actor, action, target_kind, target_id, reason FROM audit_log \
             WHERE ($1 = '' OR action = $1 OR action LIKE $2) AND ($3 = 0 OR actor = $3) \
             AND ($4 = '' OR target_kind = $4) AND ($5 = 0 OR target_id = $5) \
             AND ($6 = 0 OR conversation_id = $6) AND at >= $7 AND at <= $8 AND id < $9 \
             ORDER BY id DESC LIMIT $10",
        )
        .bind(f.action.as_deref().unwrap_or(""))
        // `moderation` finds every `moderation.*` action.
        .bind(format!("{}.%", f.action.as_deref().unwrap_or("")))
        .bind(f.actor.map_or(0, |a| a.0))
        .bind(f.target_kind.as_deref().unwrap_or(""))
        .bind(f.target_id.unwrap_or(0))
        .bind(f.conversation.map_or(0, |c| c.0))
        .bind(f.since.unwrap_or(0))
        .bind(f.until.unwrap_or(FOREVER))
        .bind(f.before.unwrap_or(FOREVER))
        .bind(i64::from(f.limit))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(crate::protocol::AuditEntry {
                    id: r.try_get(0)?,
                    at: r.try_get(1)?,
                    actor: UserId(r.try_get(2)?),
                    action: r.try_get(3)?,
                    target_kind: r.try_get(4)?,
                    target_id: r.try_get(5)?,
                    reason: r.try_get(6)?,
                })
            })
            .collect()
    }

    /// A channel's moderation log, newest first.
    pub async fn modlog(
        &self,
        conversation: ConversationId,
        limit: u32,
    ) -> Result<Vec<ModLogEntry>> {
        let rows = sqlx::query(
            "SELECT at, actor, action, target_kind, target_id, reason FROM audit_log \
             WHERE conversation_id = $1 AND action LIKE 'moderation.%' ORDER BY id DESC LIMIT $2",
        )
        .bind(conversation.0)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let kind: String = r.try_get(3)?;
                let id: i64 = r.try_get(4)?;
                Ok(ModLogEntry {
                    at: r.try_get(0)?,
                    actor: UserId(r.try_get(1)?),
                    action: r.try_get(2)?,
                    user: (kind == "user").then_some(UserId(id)),
                    message: (kind == "message").then_some(MessageId(id)),
                    reason: r.try_get(5)?,
                })
            })
            .collect()
    }
}

impl ReadConn {
    /// The people a person blocked, in the order they did.
    pub async fn blocks(&mut self, user: UserId) -> Result<Vec<UserId>> {
        let rows = sqlx::query(
            "SELECT blocked_id FROM blocks WHERE user_id = $1 ORDER BY created_at, blocked_id",
        )
        .bind(user.0)
        .fetch_all(&mut *self.0)
        .await?;
        rows.iter().map(|r| Ok(UserId(r.try_get(0)?))).collect()
    }
}
