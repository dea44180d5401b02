//! Consultation tables: topics, helper profiles, consultations and their helpers, canned replies, the audit log.
//!
//! The writer's functions take the transaction's connection; reads take a pooled one. Both call the same free
//! functions, so each query is written once.

use std::collections::{BTreeMap, HashMap};

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AssertSqlSafe, Row};

use super::{ReadConn, Result, Store, StoreError, Tx};
use crate::protocol::{
    Availability, CannedReply, Consultation, ConsultationState, ConversationId, HelperProfile,
    HoursRange, Millis, QueueItem, Role, Routing, Topic, TopicId, UserId,
};

/// A topic as stored.
#[derive(Debug, Clone)]
pub struct TopicRow {
    pub id: TopicId,
    pub key: String,
    pub names: BTreeMap<String, String>,
    pub descriptions: BTreeMap<String, String>,
    pub routing: Routing,
    pub hours: Vec<HoursRange>,
    pub active: bool,
}

impl TopicRow {
    fn from_row(r: &AnyRow) -> Result<TopicRow> {
        let routing: String = r.try_get(4)?;
        Ok(TopicRow {
            id: TopicId(r.try_get(0)?),
            key: r.try_get(1)?,
            names: serde_json::from_str(&r.try_get::<String, _>(2)?)?,
            descriptions: serde_json::from_str(&r.try_get::<String, _>(3)?)?,
            routing: Routing::parse(&routing)
                .ok_or_else(|| StoreError::Malformed(format!("routing {routing}")))?,
            hours: serde_json::from_str(&r.try_get::<String, _>(5)?)?,
            active: r.try_get::<i64, _>(6)? != 0,
        })
    }

    /// The name in the first of `langs` it has, else English, else its key.
    pub fn name_in(&self, langs: &[&str]) -> String {
        pick(&self.names, langs).unwrap_or_else(|| self.key.clone())
    }

    /// The topic as a reader with these language preferences sees it.
    pub fn view(&self, langs: &[&str]) -> Topic {
        Topic {
            id: self.id,
            key: self.key.clone(),
            name: self.name_in(langs),
            description: pick(&self.descriptions, langs).unwrap_or_default(),
            names: self.names.clone(),
            descriptions: self.descriptions.clone(),
            routing: self.routing,
            hours: self.hours.clone(),
            active: self.active,
        }
    }
}

/// The first of `langs` the map has (by primary subtag), then `en`.
pub fn pick(map: &BTreeMap<String, String>, langs: &[&str]) -> Option<String> {
    langs.iter().chain(std::iter::once(&"en")).find_map(|l| {
        map.iter()
            .find(|(k, _)| crate::consult::same_language(k, l))
            .map(|(_, v)| v.clone())
    })
}

const TOPIC_COLUMNS: &str = "id, key, names, descriptions, routing, hours, active";

/// A helper's profile as stored, with their current load.
#[derive(Debug, Clone)]
pub struct HelperRow {
    pub user: UserId,
    pub topics: Vec<TopicId>,
    pub languages: Vec<String>,
    pub capacity: u32,
    pub availability: Availability,
    pub hours: Vec<HoursRange>,
    pub load: u32,
}

impl HelperRow {
    fn from_row(r: &AnyRow) -> Result<HelperRow> {
        let availability: String = r.try_get(4)?;
        Ok(HelperRow {
            user: UserId(r.try_get(0)?),
            topics: serde_json::from_str(&r.try_get::<String, _>(1)?)?,
            languages: serde_json::from_str(&r.try_get::<String, _>(2)?)?,
            capacity: r.try_get::<i64, _>(3)? as u32,
            availability: Availability::parse(&availability)
                .ok_or_else(|| StoreError::Malformed(format!("availability {availability}")))?,
            hours: serde_json::from_str(&r.try_get::<String, _>(5)?)?,
            load: r.try_get::<i64, _>(6)? as u32,
        })
    }

    pub fn profile(&self) -> HelperProfile {
        HelperProfile {
            user: self.user,
            topics: self.topics.clone(),
            languages: self.languages.clone(),
            capacity: self.capacity,
            availability: self.availability,
            hours: self.hours.clone(),
            load: self.load,
        }
    }

    /// As routing sees them at `now`.
    pub fn routing(&self, now: Millis) -> crate::consult::Helper {
        crate::consult::Helper {
            user: self.user,
            topics: self.topics.iter().map(|t| t.0).collect(),
            languages: self.languages.clone(),
            capacity: self.capacity,
            load: self.load,
            routable: self.availability == Availability::Available
                && crate::consult::within_hours(&self.hours, now),
        }
    }
}

/// Active consultations per helper: what capacity is measured against.
const LOAD_SQL: &str = "(SELECT COUNT(*) FROM consultation_helpers ch JOIN consultations c ON c.id = ch.consultation_id \
                        WHERE ch.user_id = h.user_id AND c.state = 'active')";

/// Helpers as stored, with their load. Only people whose role may help: a profile outlives a demotion, and then
/// routes nothing, is claimed with nothing and is shown to nobody.
fn helper_sql(filter: &str) -> String {
    let roles = Role::ALL
        .iter()
        .filter(|role| role.may_help())
        .map(|role| format!("'{}'", role.as_str()))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "SELECT h.user_id, h.topics, h.languages, h.capacity, h.availability, h.hours, {LOAD_SQL} \
         FROM helpers h JOIN users u ON u.id = h.user_id WHERE u.active = 1 AND u.role IN ({roles}) {filter} \
         ORDER BY h.user_id"
    )
}

/// A consultation as stored.
#[derive(Debug, Clone)]
pub struct ConsultRow {
    pub id: ConversationId,
    pub notes: ConversationId,
    pub topic: TopicId,
    pub requester: UserId,
    pub languages: Vec<String>,
    pub lang: Option<String>,
    pub state: ConsultationState,
    pub accepted: bool,
    pub woken: bool,
    pub skipped: Vec<UserId>,
    pub preview: String,
    pub opened_at: Millis,
    pub queued_at: Millis,
    pub assigned_at: Option<Millis>,
    pub updated_at: Millis,
    pub requester_at: Millis,
    pub helper_at: Option<Millis>,
    pub closed_at: Option<Millis>,
    pub summary: Option<String>,
    pub rating: Option<u8>,
    pub rating_comment: Option<String>,
}

const CONSULT_COLUMNS: &str = "c.id, c.notes_id, c.topic_id, c.requester, c.languages, c.lang, c.state, c.accepted, \
     c.woken, c.skipped, c.preview, c.opened_at, c.queued_at, c.assigned_at, c.updated_at, c.requester_at, \
     c.helper_at, c.closed_at, c.summary, c.rating, c.rating_comment";

impl ConsultRow {
    fn from_row(r: &AnyRow) -> Result<ConsultRow> {
        let state: String = r.try_get(6)?;
        Ok(ConsultRow {
            id: ConversationId(r.try_get(0)?),
            notes: ConversationId(r.try_get(1)?),
            topic: TopicId(r.try_get(2)?),
            requester: UserId(r.try_get(3)?),
            languages: serde_json::from_str(&r.try_get::<String, _>(4)?)?,
            lang: r.try_get(5)?,
            state: ConsultationState::parse(&state)
                .ok_or_else(|| StoreError::Malformed(format!("consultation state {state}")))?,
            accepted: r.try_get::<i64, _>(7)? != 0,
            woken: r.try_get::<i64, _>(8)? != 0,
            skipped: serde_json::from_str(&r.try_get::<String, _>(9)?)?,
            preview: r.try_get(10)?,
            opened_at: r.try_get(11)?,
            queued_at: r.try_get(12)?,
            assigned_at: r.try_get(13)?,
            updated_at: r.try_get(14)?,
            requester_at: r.try_get(15)?,
            helper_at: r.try_get(16)?,
            closed_at: r.try_get(17)?,
            summary: r.try_get(18)?,
            rating: r.try_get::<Option<i64>, _>(19)?.map(|v| v as u8),
            rating_comment: r.try_get(20)?,
        })
    }

    /// The consultation as one of its parties sees it. Only helpers and moderators (`staff_view`) learn the notes
    /// conversation.
    pub fn view(
        &self,
        helpers: Vec<UserId>,
        staff_view: bool,
        position: Option<u32>,
        reopen_days: u32,
    ) -> Consultation {
        let reopen_until = match self.state {
            ConsultationState::Resolved | ConsultationState::Cancelled => self
                .closed_at
                .map(|at| at + i64::from(reopen_days) * 86_400_000),
            _ => None,
        };
        Consultation {
            id: self.id,
            notes: staff_view.then_some(self.notes),
            topic: self.topic,
            requester: self.requester,
            languages: self.languages.clone(),
            lang: self.lang.clone(),
            state: self.state,
            helpers,
            accepted: self.accepted,
            preview: self.preview.clone(),
            opened_at: self.opened_at,
            queued_at: self.queued_at,
            updated_at: self.updated_at,
            position,
            summary: self.summary.clone(),
            rating: self.rating,
            rating_comment: self.rating_comment.clone(),
            reopen_until,
        }
    }

    pub fn queue_item(&self) -> QueueItem {
        QueueItem {
            consultation: self.id,
            topic: self.topic,
            languages: self.languages.clone(),
            state: self.state,
            queued_at: self.queued_at,
            preview: self.preview.clone(),
        }
    }
}

/// A new consultation's fields.
pub struct NewConsultation<'a> {
    pub id: ConversationId,
    pub notes: ConversationId,
    pub topic: TopicId,
    pub requester: UserId,
    pub languages: &'a [String],
    pub preview: &'a str,
    pub now: Millis,
}

/// What a state change writes besides the state. `None` leaves a field alone.
#[derive(Debug, Default)]
pub struct Change {
    pub lang: Option<Option<String>>,
    pub accepted: Option<bool>,
    pub woken: Option<bool>,
    pub skipped: Option<Vec<UserId>>,
    pub topic: Option<TopicId>,
    pub assigned_at: Option<Option<Millis>>,
    pub closed_at: Option<Option<Millis>>,
    /// A new place in the queue (reopening).
    pub queued_at: Option<Millis>,
    pub summary: Option<String>,
}

// --- shared queries -------------------------------------------------------------------------------------------

async fn topics_q(conn: &mut AnyConnection, all: bool) -> Result<Vec<TopicRow>> {
    let filter = if all { "" } else { "WHERE active = 1" };
    let rows = sqlx::query(AssertSqlSafe(format!(
        "SELECT {TOPIC_COLUMNS} FROM topics {filter} ORDER BY position, id"
    )))
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(TopicRow::from_row).collect()
}

async fn topic_q(conn: &mut AnyConnection, id: TopicId) -> Result<Option<TopicRow>> {
    let row = sqlx::query(AssertSqlSafe(format!(
        "SELECT {TOPIC_COLUMNS} FROM topics WHERE id = $1"
    )))
    .bind(id.0)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|r| TopicRow::from_row(&r)).transpose()
}

async fn helpers_q(conn: &mut AnyConnection) -> Result<Vec<HelperRow>> {
    let rows = sqlx::query(AssertSqlSafe(helper_sql("")))
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(HelperRow::from_row).collect()
}

async fn helper_q(conn: &mut AnyConnection, user: UserId) -> Result<Option<HelperRow>> {
    let row = sqlx::query(AssertSqlSafe(helper_sql("AND h.user_id = $1")))
        .bind(user.0)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|r| HelperRow::from_row(&r)).transpose()
}

async fn consultation_q(
    conn: &mut AnyConnection,
    id: ConversationId,
) -> Result<Option<ConsultRow>> {
    let row = sqlx::query(AssertSqlSafe(format!(
        "SELECT {CONSULT_COLUMNS} FROM consultations c WHERE c.id = $1"
    )))
    .bind(id.0)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|r| ConsultRow::from_row(&r)).transpose()
}

async fn consultations_where(
    conn: &mut AnyConnection,
    filter: &str,
    binds: &[i64],
) -> Result<Vec<ConsultRow>> {
    let sql = format!("SELECT {CONSULT_COLUMNS} FROM consultations c WHERE {filter}");
    let mut query = sqlx::query(AssertSqlSafe(sql));
    for b in binds {
        query = query.bind(*b);
    }
    let rows = query.fetch_all(&mut *conn).await?;
    rows.iter().map(ConsultRow::from_row).collect()
}

/// The helpers of each of these consultations, in the order they were added, in one query.
async fn consultation_helpers_q(
    conn: &mut AnyConnection,
    ids: &[ConversationId],
) -> Result<HashMap<ConversationId, Vec<UserId>>> {
    let mut helpers: HashMap<ConversationId, Vec<UserId>> = HashMap::new();
    if ids.is_empty() {
        return Ok(helpers);
    }
    let rows = sqlx::query(AssertSqlSafe(format!(
        "SELECT h.consultation_id, h.user_id FROM ({}) l \
         JOIN consultation_helpers h ON h.consultation_id = l.value ORDER BY h.consultation_id, h.added_at, h.user_id",
        super::Backend::of_connection(conn).elements("$1", false)
    )))
    .bind(super::id_array(ids.iter().map(|id| id.0)))
    .fetch_all(&mut *conn)
    .await?;
    for r in &rows {
        helpers
            .entry(ConversationId(r.try_get(0)?))
            .or_default()
            .push(UserId(r.try_get(1)?));
    }
    Ok(helpers)
}

async fn helpers_of_one_q(conn: &mut AnyConnection, id: ConversationId) -> Result<Vec<UserId>> {
    let mut helpers = consultation_helpers_q(conn, &[id]).await?;
    Ok(helpers.remove(&id).unwrap_or_default())
}

/// Where consultation `c` stands in its topic's queue (1 = next) while it waits, else NULL: counted on the queue's
/// index, without reading the consultations ahead.
const QUEUE_POSITION_SQL: &str = "CASE WHEN c.state = 'waiting' THEN (SELECT COUNT(*) FROM consultations w \
     WHERE w.state = 'waiting' AND w.topic_id = c.topic_id \
     AND (w.queued_at < c.queued_at OR (w.queued_at = c.queued_at AND w.id <= c.id))) END";

/// A consultation's columns and its place in the queue, for [`listed_from_row`].
fn listed_columns() -> String {
    format!("{CONSULT_COLUMNS}, {QUEUE_POSITION_SQL} AS queue_position")
}

/// A row of [`listed_columns`]: the consultation and its place in the queue (its helpers still to be read).
fn listed_from_row(r: &AnyRow) -> Result<(ConsultRow, Option<u32>)> {
    let position: Option<i64> = r.try_get("queue_position")?;
    Ok((
        ConsultRow::from_row(r)?,
        position.map(|n| u32::try_from(n).unwrap_or(u32::MAX)),
    ))
}

/// One consultation with its helpers and its place in the queue, in two statements.
async fn listed_q(conn: &mut AnyConnection, id: ConversationId) -> Result<Option<Listed>> {
    let row = sqlx::query(AssertSqlSafe(format!(
        "SELECT {} FROM consultations c WHERE c.id = $1",
        listed_columns()
    )))
    .bind(id.0)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(r) = row else {
        return Ok(None);
    };
    let (row, position) = listed_from_row(&r)?;
    Ok(Some(Listed {
        row,
        helpers: helpers_of_one_q(conn, id).await?,
        position,
    }))
}

/// Waiting consultations of a topic, longest-waiting first.
const WAITING_FILTER: &str = "c.state = 'waiting' AND c.topic_id = $1 ORDER BY c.queued_at, c.id";

// --- the writer's side ----------------------------------------------------------------------------------------

impl Tx<'_> {
    pub async fn topic(&mut self, id: TopicId) -> Result<Option<TopicRow>> {
        topic_q(self.conn().await?, id).await
    }

    /// Every helper with their load (active consultations).
    pub async fn helpers(&mut self) -> Result<Vec<HelperRow>> {
        helpers_q(self.conn().await?).await
    }

    pub async fn helper(&mut self, user: UserId) -> Result<Option<HelperRow>> {
        helper_q(self.conn().await?, user).await
    }

    pub async fn upsert_helper(&mut self, h: &HelperRow, now: Millis) -> Result<()> {
        sqlx::query(
            "INSERT INTO helpers (user_id, topics, languages, capacity, availability, hours, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (user_id) DO UPDATE SET topics = $2, \
             languages = $3, capacity = $4, availability = $5, hours = $6, updated_at = $7",
        )
        .bind(h.user.0)
        .bind(serde_json::to_string(&h.topics)?)
        .bind(serde_json::to_string(&h.languages)?)
        .bind(i64::from(h.capacity))
        .bind(h.availability.as_str())
        .bind(serde_json::to_string(&h.hours)?)
        .bind(now)
        .execute(self.conn().await?)
        .await?;
        Ok(())
    }

    /// Sets `away` if the helper is still `from`; returns whether it changed.
    pub async fn lapse_availability(&mut self, user: UserId, now: Millis) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE helpers SET availability = 'away', updated_at = $2 WHERE user_id = $1 AND availability <> 'away'",
        )
        .bind(user.0)
        .bind(now)
        .execute(self.conn().await?)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn consultation(&mut self, id: ConversationId) -> Result<Option<ConsultRow>> {
        consultation_q(self.conn().await?, id).await
    }

    pub async fn consultation_helpers(&mut self, id: ConversationId) -> Result<Vec<UserId>> {
        helpers_of_one_q(self.conn().await?, id).await
    }

    /// One consultation with its helpers and its place in the queue.
    pub async fn listed(&mut self, id: ConversationId) -> Result<Option<Listed>> {
        listed_q(self.conn().await?, id).await
    }

    pub async fn waiting(&mut self, topic: TopicId) -> Result<Vec<ConsultRow>> {
        consultations_where(self.conn().await?, WAITING_FILTER, &[topic.0]).await
    }

    /// Held consultations whose requester wrote, oldest first.
    pub async fn woken(&mut self) -> Result<Vec<ConsultRow>> {
        consultations_where(
            self.conn().await?,
            "c.state = 'on_hold' AND c.woken = 1 ORDER BY c.updated_at, c.id",
            &[],
        )
        .await
    }

    /// Consultations in `state` whose `column` is before `before` (timers).
    pub async fn due(
        &mut self,
        state: ConsultationState,
        condition: &str,
        before: Millis,
    ) -> Result<Vec<ConsultRow>> {
        let filter = format!(
            "c.state = '{}' AND {condition} ORDER BY c.id LIMIT 200",
            state.as_str()
        );
        consultations_where(self.conn().await?, &filter, &[before]).await
    }

    /// The consultation written by the requester's first message with this client id, if any (idempotent opens).
    pub async fn consultation_by_first_message(
        &mut self,
        requester: UserId,
        client_id: &str,
    ) -> Result<Option<ConversationId>> {
        let row = sqlx::query(
            "SELECT c.id FROM consultations c JOIN messages m ON m.conversation_id = c.id \
             WHERE m.author = $1 AND m.client_id = $2",
        )
        .bind(requester.0)
        .bind(client_id)
        .fetch_optional(self.conn().await?)
        .await?;
        row.map(|r| Ok(ConversationId(r.try_get(0)?))).transpose()
    }

    pub async fn insert_consultation(&mut self, new: &NewConsultation<'_>) -> Result<()> {
        sqlx::query(
            "INSERT INTO consultations (id, notes_id, topic_id, requester, languages, state, preview, opened_at, \
             queued_at, updated_at, requester_at) VALUES ($1, $2, $3, $4, $5, 'waiting', $6, $7, $7, $7, $7)",
        )
        .bind(new.id.0)
        .bind(new.notes.0)
        .bind(new.topic.0)
        .bind(new.requester.0)
        .bind(serde_json::to_string(new.languages)?)
        .bind(new.preview)
        .bind(new.now)
        .execute(self.conn().await?)
        .await?;
        Ok(())
    }

    /// Moves a consultation from `from` to `to` with the given changes — a compare-and-set: it happens only if the
    /// state is still `from`, so that two helpers (on any node) cannot both take one request. Returns whether it
    /// happened.
    pub async fn change_state(
        &mut self,
        id: ConversationId,
        from: ConsultationState,
        to: ConsultationState,
        change: Change,
        now: Millis,
    ) -> Result<bool> {
        let mut sets = vec!["state = $3".to_owned(), "updated_at = $4".to_owned()];
        let mut texts: Vec<Option<String>> = Vec::new();
        let mut numbers: Vec<Option<i64>> = Vec::new();
        // Parameters after $4: texts first, then numbers, in the order pushed.
        let mut text = |column: &str, value: Option<String>, sets: &mut Vec<String>| {
            texts.push(value);
            sets.push(format!("{column} = #T{}", texts.len()));
        };
        if let Some(lang) = change.lang {
            text("lang", lang, &mut sets);
        }
        if let Some(skipped) = change.skipped {
            text("skipped", Some(serde_json::to_string(&skipped)?), &mut sets);
        }
        if let Some(summary) = change.summary {
            text("summary", Some(summary), &mut sets);
        }
        let mut number = |column: &str, value: Option<i64>, sets: &mut Vec<String>| {
            numbers.push(value);
            sets.push(format!("{column} = #N{}", numbers.len()));
        };
        if let Some(accepted) = change.accepted {
            number("accepted", Some(i64::from(accepted)), &mut sets);
        }
        if let Some(woken) = change.woken {
            number("woken", Some(i64::from(woken)), &mut sets);
        }
        if let Some(topic) = change.topic {
            number("topic_id", Some(topic.0), &mut sets);
        }
        if let Some(at) = change.assigned_at {
            number("assigned_at", at, &mut sets);
        }
        if let Some(at) = change.closed_at {
            number("closed_at", at, &mut sets);
        }
        if let Some(at) = change.queued_at {
            number("queued_at", Some(at), &mut sets);
        }
        let mut sql = format!(
            "UPDATE consultations SET {} WHERE id = $1 AND state = $2",
            sets.join(", ")
        );
        for i in (1..=texts.len()).rev() {
            sql = sql.replace(&format!("#T{i}"), &format!("${}", 4 + i));
        }
        for i in (1..=numbers.len()).rev() {
            sql = sql.replace(&format!("#N{i}"), &format!("${}", 4 + texts.len() + i));
        }
        let mut query = sqlx::query(AssertSqlSafe(sql))
            .bind(id.0)
            .bind(from.as_str())
            .bind(to.as_str())
            .bind(now);
        for t in texts {
            query = query.bind(t);
        }
        for n in numbers {
            query = query.bind(n);
        }
        let done = query.execute(self.conn().await?).await?;
        Ok(done.rows_affected() == 1)
    }

    /// Notes who wrote last; a helper's message also counts as accepting.
    pub async fn touch_consultation(
        &mut self,
        id: ConversationId,
        by_requester: bool,
        now: Millis,
    ) -> Result<()> {
        let sql = if by_requester {
            "UPDATE consultations SET requester_at = $2, woken = CASE WHEN state = 'on_hold' THEN 1 ELSE woken END \
             WHERE id = $1"
        } else {
            "UPDATE consultations SET helper_at = $2 WHERE id = $1"
        };
        sqlx::query(sql)
            .bind(id.0)
            .bind(now)
            .execute(self.conn().await?)
            .await?;
        Ok(())
    }

    pub async fn rate_consultation(
        &mut self,
        id: ConversationId,
        rating: u8,
        comment: &str,
    ) -> Result<()> {
        sqlx::query("UPDATE consultations SET rating = $2, rating_comment = $3 WHERE id = $1")
            .bind(id.0)
            .bind(i64::from(rating))
            .bind(comment)
            .execute(self.conn().await?)
            .await?;
        Ok(())
    }

    pub async fn add_consultation_helper(
        &mut self,
        id: ConversationId,
        user: UserId,
        now: Millis,
    ) -> Result<bool> {
        let done = sqlx::query(
            "INSERT INTO consultation_helpers (consultation_id, user_id, added_at) VALUES ($1, $2, $3) \
             ON CONFLICT DO NOTHING",
        )
        .bind(id.0)
        .bind(user.0)
        .bind(now)
        .execute(self.conn().await?)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn remove_consultation_helper(
        &mut self,
        id: ConversationId,
        user: UserId,
    ) -> Result<()> {
        sqlx::query("DELETE FROM consultation_helpers WHERE consultation_id = $1 AND user_id = $2")
            .bind(id.0)
            .bind(user.0)
            .execute(self.conn().await?)
            .await?;
        Ok(())
    }

    /// Mean handling times (assignment to resolution) of the topic's 20 most recently resolved consultations.
    pub async fn recent_handling(&mut self, topic: TopicId) -> Result<Vec<Millis>> {
        let rows = sqlx::query(
            "SELECT closed_at - assigned_at FROM consultations WHERE topic_id = $1 AND state = 'resolved' \
             AND assigned_at IS NOT NULL AND closed_at IS NOT NULL ORDER BY closed_at DESC LIMIT 20",
        )
        .bind(topic.0)
        .fetch_all(self.conn().await?)
        .await?;
        rows.iter().map(|r| Ok(r.try_get::<i64, _>(0)?)).collect()
    }

    pub async fn canned(&mut self, id: i64) -> Result<Option<CannedReply>> {
        let row =
            sqlx::query("SELECT id, topic_id, title, variants FROM canned_replies WHERE id = $1")
                .bind(id)
                .fetch_optional(self.conn().await?)
                .await?;
        row.map(|r| canned_from_row(&r)).transpose()
    }

    /// Topics with someone waiting.
    pub async fn topics_with_waiting(&mut self) -> Result<Vec<TopicId>> {
        let rows =
            sqlx::query("SELECT DISTINCT topic_id FROM consultations WHERE state = 'waiting'")
                .fetch_all(self.conn().await?)
                .await?;
        rows.iter().map(|r| Ok(TopicId(r.try_get(0)?))).collect()
    }

    /// The languages an active person says they speak.
    pub async fn active_profile_languages(&mut self, user: UserId) -> Result<Option<Vec<String>>> {
        let row = sqlx::query("SELECT languages_spoken FROM users WHERE id = $1 AND active = 1")
            .bind(user.0)
            .fetch_optional(self.conn().await?)
            .await?;
        row.map(|r| Ok(serde_json::from_str(&r.try_get::<String, _>(0)?)?))
            .transpose()
    }

    /// The ids of active staff accounts (moderators see every queue).
    pub async fn staff(&mut self) -> Result<Vec<UserId>> {
        let rows = sqlx::query(
            "SELECT id FROM users WHERE active = 1 AND role IN ('moderator', 'admin') ORDER BY id",
        )
        .fetch_all(self.conn().await?)
        .await?;
        rows.iter().map(|r| Ok(UserId(r.try_get(0)?))).collect()
    }
}

fn canned_from_row(r: &AnyRow) -> Result<CannedReply> {
    Ok(CannedReply {
        id: r.try_get(0)?,
        topic: r.try_get::<Option<i64>, _>(1)?.map(TopicId),
        title: r.try_get(2)?,
        variants: serde_json::from_str(&r.try_get::<String, _>(3)?)?,
    })
}

// --- reads ----------------------------------------------------------------------------------------------------

/// A consultation as listed: its row, its helpers, and its place in the queue while it waits.
pub struct Listed {
    pub row: ConsultRow,
    pub helpers: Vec<UserId>,
    pub position: Option<u32>,
}

/// Which consultations a list shows.
#[derive(Debug, Clone, Default)]
pub struct ConsultFilter {
    /// Only those this person asked or helps with; `None` for moderators (every consultation).
    pub party: Option<UserId>,
    pub state: Option<ConsultationState>,
    pub topic: Option<TopicId>,
    /// Matches the first message or the summary, case-insensitively.
    pub text: Option<String>,
    /// Only waiting, active and on-hold ones.
    pub open_only: bool,
    pub limit: u32,
}

impl Store {
    pub async fn topics(&self, all: bool) -> Result<Vec<TopicRow>> {
        let mut conn = self.pool.acquire().await?;
        topics_q(&mut conn, all).await
    }

    pub async fn topic(&self, id: TopicId) -> Result<Option<TopicRow>> {
        let mut conn = self.pool.acquire().await?;
        topic_q(&mut conn, id).await
    }

    /// Seeds the default topics, once: names and descriptions in every shipped language.
    pub async fn seed_topics(&self, topics: &[TopicRow], now: Millis) -> Result<()> {
        for (position, t) in topics.iter().enumerate() {
            sqlx::query(
                "INSERT INTO topics (key, names, descriptions, routing, hours, position, active, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, 1, $7) ON CONFLICT (key) DO NOTHING",
            )
            .bind(t.key.as_str())
            .bind(serde_json::to_string(&t.names)?)
            .bind(serde_json::to_string(&t.descriptions)?)
            .bind(t.routing.as_str())
            .bind(serde_json::to_string(&t.hours)?)
            .bind(position as i64)
            .bind(now)
            .execute(&self.pool)
            .await?;
        }
        Ok(())
    }

    /// Creates (no id) or replaces a topic; `None` when the key is taken by another topic.
    pub async fn save_topic(&self, t: &TopicRow, now: Millis) -> Result<Option<TopicId>> {
        let taken = sqlx::query("SELECT id FROM topics WHERE key = $1 AND id <> $2")
            .bind(t.key.as_str())
            .bind(t.id.0)
            .fetch_optional(&self.pool)
            .await?;
        if taken.is_some() {
            return Ok(None);
        }
        let row = if t.id.0 == 0 {
            sqlx::query(
                "INSERT INTO topics (key, names, descriptions, routing, hours, position, active, created_at) \
                 VALUES ($1, $2, $3, $4, $5, (SELECT COALESCE(MAX(position), 0) + 1 FROM topics), $6, $7) \
                 RETURNING id",
            )
        } else {
            sqlx::query(
                "UPDATE topics SET key = $1, names = $2, descriptions = $3, routing = $4, hours = $5, active = $6 \
                 WHERE id = $8 AND $7 = $7 RETURNING id",
            )
        }
        .bind(t.key.as_str())
        .bind(serde_json::to_string(&t.names)?)
        .bind(serde_json::to_string(&t.descriptions)?)
        .bind(t.routing.as_str())
        .bind(serde_json::to_string(&t.hours)?)
        .bind(i64::from(t.active))
        .bind(now)
        .bind(t.id.0)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| Ok(TopicId(r.try_get(0)?))).transpose()
    }

    pub async fn helpers(&self) -> Result<Vec<HelperRow>> {
        let mut conn = self.pool.acquire().await?;
        helpers_q(&mut conn).await
    }

    pub async fn helper(&self, user: UserId) -> Result<Option<HelperRow>> {
        let mut conn = self.pool.acquire().await?;
        helper_q(&mut conn, user).await
    }

    /// The consultation whose notes conversation this is.
    pub async fn consultation_of_notes(
        &self,
        notes: ConversationId,
    ) -> Result<Option<ConversationId>> {
        let row = sqlx::query("SELECT id FROM consultations WHERE notes_id = $1")
            .bind(notes.0)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| Ok(ConversationId(r.try_get(0)?))).transpose()
    }

    /// How many wait in a topic's queue, counted on the queue's index.
    pub async fn waiting_count(&self, topic: TopicId) -> Result<u32> {
        let count: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM consultations WHERE state = 'waiting' AND topic_id = $1",
        )
        .bind(topic.0)
        .fetch_one(&self.pool)
        .await?;
        Ok(u32::try_from(count).unwrap_or(u32::MAX))
    }

    pub async fn waiting(&self, topic: TopicId) -> Result<Vec<ConsultRow>> {
        let mut conn = self.pool.acquire().await?;
        consultations_where(&mut conn, WAITING_FILTER, &[topic.0]).await
    }

    /// Ratings of a topic's consultations: (average, count).
    pub async fn satisfaction(&self, topic: TopicId) -> Result<(Option<f64>, u32)> {
        let row = sqlx::query(
            "SELECT COUNT(rating), CAST(COALESCE(SUM(rating), 0) AS BIGINT) FROM consultations WHERE topic_id = $1 AND rating IS NOT NULL",
        )
        .bind(topic.0)
        .fetch_one(&self.pool)
        .await?;
        let (count, sum): (i64, i64) = (row.try_get(0)?, row.try_get(1)?);
        Ok(((count > 0).then(|| sum as f64 / count as f64), count as u32))
    }

    pub async fn canned_replies(&self) -> Result<Vec<CannedReply>> {
        let rows = sqlx::query(
            "SELECT id, topic_id, title, variants FROM canned_replies ORDER BY title, id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(canned_from_row).collect()
    }

    pub async fn insert_canned(&self, c: &CannedReply, by: UserId, now: Millis) -> Result<i64> {
        let row = sqlx::query(
            "INSERT INTO canned_replies (topic_id, title, variants, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(c.topic.map(|t| t.0))
        .bind(c.title.as_str())
        .bind(serde_json::to_string(&c.variants)?)
        .bind(by.0)
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        Ok(row.try_get(0)?)
    }

    pub async fn delete_canned(&self, id: i64) -> Result<bool> {
        let done = sqlx::query("DELETE FROM canned_replies WHERE id = $1")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() == 1)
    }
}

impl ReadConn {
    /// One consultation with its helpers and its place in the queue.
    pub async fn consultation(&mut self, id: ConversationId) -> Result<Option<Listed>> {
        listed_q(&mut self.0, id).await
    }

    /// Consultations matching a filter, newest first, with their helpers and places in the queue, in two
    /// statements whatever their number.
    pub async fn consultations(&mut self, filter: &ConsultFilter) -> Result<Vec<Listed>> {
        let mut clauses = vec!["1 = 1".to_owned()];
        // A party's consultations are found from their side (the ones they asked, the ones they help with), so
        // that reading them costs what they have, not what everyone has open: `ready` reads them for every
        // connection (docs/benchmarks.md, the connect storm with open consultations).
        let from = if filter.party.is_some() {
            "(SELECT r.id AS party_of FROM consultations r WHERE r.requester = $1 \
             UNION SELECT x.consultation_id FROM consultation_helpers x WHERE x.user_id = $1) p \
             JOIN consultations c ON c.id = p.party_of"
        } else {
            clauses.push("$1 = $1".to_owned());
            "consultations c"
        };
        if filter.open_only {
            clauses.push("c.state IN ('waiting', 'active', 'on_hold')".to_owned());
        }
        if let Some(state) = filter.state {
            clauses.push(format!("c.state = '{}'", state.as_str()));
        }
        if filter.topic.is_some() {
            clauses.push("c.topic_id = $2".to_owned());
        } else {
            clauses.push("$2 = $2".to_owned());
        }
        if filter.text.is_some() {
            clauses.push(
                "(LOWER(c.preview) LIKE $3 OR LOWER(COALESCE(c.summary, '')) LIKE $3 OR EXISTS (SELECT 1 FROM \
                 messages m WHERE m.conversation_id = c.id AND m.deleted_at IS NULL AND LOWER(m.body) LIKE $3))"
                    .to_owned(),
            );
        } else {
            clauses.push("$3 = $3".to_owned());
        }
        let sql = format!(
            "SELECT {} FROM {from} WHERE {} ORDER BY c.updated_at DESC, c.id DESC LIMIT $4",
            listed_columns(),
            clauses.join(" AND ")
        );
        let pattern = filter
            .text
            .as_deref()
            .map(|t| format!("%{}%", t.to_lowercase().replace(['%', '_'], "")))
            .unwrap_or_default();
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(filter.party.map_or(0, |u| u.0))
            .bind(filter.topic.map_or(0, |t| t.0))
            .bind(pattern)
            .bind(i64::from(filter.limit))
            .fetch_all(&mut *self.0)
            .await?;
        let found = rows
            .iter()
            .map(listed_from_row)
            .collect::<Result<Vec<_>>>()?;
        let ids: Vec<_> = found.iter().map(|(c, _)| c.id).collect();
        let mut helpers = consultation_helpers_q(&mut self.0, &ids).await?;
        Ok(found
            .into_iter()
            .map(|(row, position)| Listed {
                helpers: helpers.remove(&row.id).unwrap_or_default(),
                position,
                row,
            })
            .collect())
    }

    pub async fn helper(&mut self, user: UserId) -> Result<Option<HelperRow>> {
        helper_q(&mut self.0, user).await
    }
}
