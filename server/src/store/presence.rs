//! What presence needs from the database: who shares a conversation with whom, and "last seen".

use sqlx::{AssertSqlSafe, Row};

use super::{Result, Store};
use crate::protocol::{ConversationId, Millis, UserId};

/// User ids inlined into SQL: numbers the server holds, never user text.
fn id_list(users: &[UserId]) -> String {
    users
        .iter()
        .map(|u| u.0.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// One person's stored presence facts.
#[derive(Debug, Clone, Copy)]
pub struct PresenceRow {
    pub user: UserId,
    pub hidden: bool,
    pub last_seen: Option<Millis>,
}

impl Store {
    /// Records when these people's last connection ended.
    pub async fn set_last_seen(&self, users: &[UserId], now: Millis) -> Result<()> {
        if users.is_empty() {
            return Ok(());
        }
        sqlx::query(AssertSqlSafe(format!(
            "UPDATE users SET last_seen_at = $1 WHERE id IN ({})",
            id_list(users)
        )))
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Whether each person hides their presence, and when they were last seen.
    pub async fn presence_rows(&self, users: &[UserId]) -> Result<Vec<PresenceRow>> {
        if users.is_empty() {
            return Ok(Vec::new());
        }
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT id, hide_presence, last_seen_at FROM users WHERE id IN ({})",
            id_list(users)
        )))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(PresenceRow {
                    user: UserId(r.try_get(0)?),
                    hidden: r.try_get::<i64, _>(1)? != 0,
                    last_seen: r.try_get(2)?,
                })
            })
            .collect()
    }

    /// Which of `users` share at least one conversation with `viewer`.
    pub async fn sharing(&self, viewer: UserId, users: &[UserId]) -> Result<Vec<UserId>> {
        if users.is_empty() {
            return Ok(Vec::new());
        }
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT DISTINCT other.user_id FROM members mine \
             JOIN members other ON other.conversation_id = mine.conversation_id \
             WHERE mine.user_id = $1 AND other.user_id IN ({})",
            id_list(users)
        )))
        .bind(viewer.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| Ok(UserId(r.try_get(0)?))).collect()
    }

    /// The conversations of `users` whose members hear about their presence: those with at most `max_members`
    /// members (in bigger channels, clients ask with `get_presence` for the people they show).
    pub async fn presence_audience(
        &self,
        users: &[UserId],
        max_members: u32,
    ) -> Result<Vec<(UserId, ConversationId)>> {
        if users.is_empty() {
            return Ok(Vec::new());
        }
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT m.user_id, m.conversation_id FROM members m WHERE m.user_id IN ({}) \
             AND (SELECT COUNT(*) FROM members x WHERE x.conversation_id = m.conversation_id) <= $1",
            id_list(users)
        )))
        .bind(i64::from(max_members))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((UserId(r.try_get(0)?), ConversationId(r.try_get(1)?))))
            .collect()
    }
}
