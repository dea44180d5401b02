//! The write transaction the hub's writer runs its operations in, and the event log readers.

use std::collections::HashMap;

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AssertSqlSafe, Executor, Row};

use super::rows::{self, ConversationRow, MessageRow};
use super::{Backend, Result, StoreError, to_i64};
use crate::protocol::{
    ConversationEvent, ConversationId, ConversationKind, EventBody, MessageId, Millis, Role, Seq,
    UserId, Visibility,
};

/// A write transaction holding a group of operations (see the writer for how a refused one is undone alone).
pub struct Tx<'c> {
    /// Reached through [`Tx::conn`] and [`Tx::read`], which write the deferred messages first, and
    /// [`Tx::read_people`] for reads that they do not touch.
    connection: &'c mut AnyConnection,
    backend: Backend,
    /// Views read ahead for the group's sends ([`Tx::prefetch_sends`]).
    sends: HashMap<SendKey, SendView>,
    deferred: Deferred,
}

/// New messages whose id and seq the transaction worked out itself, written together in one statement
/// ([`Tx::flush`]) instead of one round trip each (docs/benchmarks.md, 2026-12-07, ninth).
///
/// SQLite only, in a group whose sends were read ahead: that read, the first statement of the transaction, also
/// reads each conversation's last seq and the largest message id, and as SQLite's write transaction holds the
/// whole database, the next message anywhere takes the next id and the next message in a conversation its next
/// seq. Any statement that may write forgets them ([`Tx::conn`]): what it writes may take an id or a seq. Were
/// one wrong anyway, the write would break a unique key (`messages`' id, `messages_seq`, `events`' key), fail,
/// and the writer would run the group again without deferring (with savepoints), never storing a wrong one.
#[derive(Default)]
struct Deferred {
    /// The id the next message gets; `None`: not known, messages are inserted as they come.
    next_id: Option<i64>,
    /// Each conversation's last seq, as the messages deferred so far leave it.
    last_seqs: HashMap<ConversationId, Seq>,
    /// The rows not yet written, as a JSON array of `[id, conversation, seq, …]` without its closing bracket.
    rows: String,
    count: u64,
}

/// What the next new messages take, as a send view's read found it: the next id, and each conversation's last seq.
struct NextMessage {
    id: i64,
    seqs: Vec<(ConversationId, Seq)>,
}

/// How [`Tx::flush`] writes the deferred messages (SQLite): one row per element of `$1`, in order, each with the id
/// and seq worked out for it; the trigger `message_logged` logs each as it logs one.
const DEFERRED_MESSAGES: &str = "INSERT INTO messages (id, conversation_id, seq, author, client_id, body, lang, \
     reply_to, mentions, created_at) \
     SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, \
     value ->> 8, value ->> 9 FROM json_each($1) ORDER BY key";

/// A conversation as someone who writes in it sees it: the conversation, their role there (`None`: not a member)
/// and until when they are timed out there; `None` when the conversation does not exist.
pub type SenderView = Option<(ConversationRow, Option<MemberRole>, Option<Millis>)>;

/// Which send a [`SendView`] is for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SendKey {
    pub author: UserId,
    pub conversation: ConversationId,
    pub client_id: String,
}

/// What a send reads before it writes: its author (`None`: no active account), the conversation as they see it,
/// and the message they already stored under this client id, if any (then the send is a retry).
#[derive(Debug)]
pub struct SendView {
    pub actor: Option<super::moderation::ActorRow>,
    pub sender: SenderView,
    pub stored: Option<Stored>,
}

/// A message already stored under a client id: where it went.
#[derive(Debug, Clone, Copy)]
pub struct Stored {
    pub message: MessageId,
    pub conversation: ConversationId,
    pub seq: Seq,
}

/// A person's standing in a conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberRole {
    Member,
    Moderator,
}

impl MemberRole {
    fn as_str(self) -> &'static str {
        match self {
            MemberRole::Member => "member",
            MemberRole::Moderator => "moderator",
        }
    }
}

impl<'c> Tx<'c> {
    pub(super) fn new(conn: &'c mut AnyConnection, backend: Backend) -> Self {
        Tx {
            connection: conn,
            backend,
            sends: HashMap::new(),
            deferred: Deferred::default(),
        }
    }

    /// The connection, for a statement that may write: the deferred messages are written first, and the ids and
    /// seqs worked out for later ones are forgotten (the statement may take them).
    pub(super) async fn conn(&mut self) -> Result<&mut AnyConnection> {
        self.flush().await?;
        self.deferred.next_id = None;
        self.deferred.last_seqs.clear();
        Ok(&mut *self.connection)
    }

    /// The connection, for a statement that only reads: the deferred messages are written first, so that it sees
    /// them, and later ones may still be deferred.
    /// A read of what they do not touch need not wait for them: [`Tx::read_people`].
    pub(super) async fn read(&mut self) -> Result<&mut AnyConnection> {
        self.flush().await?;
        Ok(&mut *self.connection)
    }

    /// The connection, for a read of people, memberships and blocks (`users`, `members`, `blocks`), which the
    /// deferred messages do not touch: they stay deferred.
    pub(super) fn read_people(&mut self) -> &mut AnyConnection {
        &mut *self.connection
    }

    /// Writes the deferred messages, in the order they were stored, in one statement (their triggers log each, as
    /// for one). Fails when any of them breaks a unique key: then the group must run again without deferring.
    pub async fn flush(&mut self) -> Result<()> {
        if self.deferred.count == 0 {
            return Ok(());
        }
        let mut rows = std::mem::take(&mut self.deferred.rows);
        rows.push(']');
        let expected = std::mem::take(&mut self.deferred.count);
        let done = sqlx::query(DEFERRED_MESSAGES)
            .bind(rows)
            .execute(&mut *self.connection)
            .await?;
        if done.rows_affected() != expected {
            return Err(StoreError::Malformed(format!(
                "{} of {expected} deferred messages stored",
                done.rows_affected()
            )));
        }
        Ok(())
    }

    pub async fn savepoint(&mut self) -> Result<()> {
        self.conn().await?.execute("SAVEPOINT op").await?;
        Ok(())
    }

    pub async fn release_savepoint(&mut self) -> Result<()> {
        self.conn().await?.execute("RELEASE SAVEPOINT op").await?;
        Ok(())
    }

    pub async fn rollback_to_savepoint(&mut self) -> Result<()> {
        self.connection.execute("ROLLBACK TO SAVEPOINT op").await?;
        self.connection.execute("RELEASE SAVEPOINT op").await?;
        Ok(())
    }

    /// Commits, after writing the deferred messages (the writer flushes them itself first, to tell their failure from
    /// the commit's).
    pub async fn commit(mut self) -> Result<()> {
        self.conn().await?.execute("COMMIT").await?;
        Ok(())
    }

    /// Rolls back, the deferred messages with the rest.
    pub async fn rollback(self) -> Result<()> {
        self.connection.execute("ROLLBACK").await?;
        Ok(())
    }

    // --- reads inside the transaction ---------------------------------------------------------------------------

    /// A person's global role, if the account exists and is active.
    pub async fn active_role(&mut self, user: UserId) -> Result<Option<Role>> {
        self.role(user, true).await
    }

    pub(super) async fn role(&mut self, user: UserId, active_only: bool) -> Result<Option<Role>> {
        let row = sqlx::query("SELECT role FROM users WHERE id = $1 AND (active = 1 OR $2 = 0)")
            .bind(user.0)
            .bind(i64::from(active_only))
            .fetch_optional(self.conn().await?)
            .await?;
        row.map(|r| {
            let role: String = r.try_get(0)?;
            Role::parse(&role).ok_or_else(|| StoreError::Malformed(format!("role {role}")))
        })
        .transpose()
    }

    pub async fn conversation(&mut self, id: ConversationId) -> Result<Option<ConversationRow>> {
        let row = sqlx::query(
            "SELECT id, kind, name, topic, visibility, languages, slow_mode_seconds, locked, public_modlog \
             FROM conversations WHERE id = $1",
        )
        .bind(id.0)
        .fetch_optional(self.conn().await?)
        .await?;
        row.map(|r| conversation_row(&r)).transpose()
    }

    /// A conversation and the person's role in it (`None`: not a member), in one round trip.
    pub async fn conversation_and_role(
        &mut self,
        id: ConversationId,
        user: UserId,
    ) -> Result<Option<(ConversationRow, Option<MemberRole>)>> {
        let found = self.conversation_role_timeout(id, user, None).await?;
        Ok(found.map(|(c, role, _)| (c, role)))
    }

    /// As [`Tx::conversation_and_role`], plus until when the person is timed out there (or everywhere): what an
    /// edit needs, in the same round trip.
    pub async fn conversation_for_sender(
        &mut self,
        id: ConversationId,
        user: UserId,
        now: Millis,
    ) -> Result<Option<(ConversationRow, Option<MemberRole>, Option<Millis>)>> {
        self.conversation_role_timeout(id, user, Some(now)).await
    }

    /// Reads what these sends need, all in one round trip (the writer does it for a group's sends before the first
    /// runs), for [`Tx::send_view`] to answer from. What is read stays true while the group stores new messages
    /// only; an operation that writes anything else calls [`Tx::forget_sends`] first.
    ///
    /// On SQLite it also learns the ids and seqs the group's new messages will take, so that they are written
    /// together ([`Deferred`]).
    pub async fn prefetch_sends(&mut self, keys: Vec<SendKey>, now: Millis) -> Result<()> {
        let predict = self.backend == Backend::Sqlite;
        let (views, next) = self.read_send_views(&keys, now, predict).await?;
        if let Some(next) = next {
            self.deferred.next_id = Some(next.id);
            self.deferred.last_seqs.extend(next.seqs);
        }
        self.sends.extend(keys.into_iter().zip(views));
        Ok(())
    }

    /// What a send needs: as prefetched (each view answers once), else read now.
    pub async fn send_view(&mut self, key: SendKey, now: Millis) -> Result<SendView> {
        if let Some(view) = self.sends.remove(&key) {
            return Ok(view);
        }
        let (mut views, _) = self
            .read_send_views(std::slice::from_ref(&key), now, false)
            .await?;
        Ok(views.pop().expect("one view per key"))
    }

    /// Drops the prefetched views: what comes next may change what they show.
    pub fn forget_sends(&mut self) {
        self.sends.clear();
    }

    /// The views, and with `predict` what the next messages would take.
    async fn read_send_views(
        &mut self,
        keys: &[SendKey],
        now: Millis,
        predict: bool,
    ) -> Result<(Vec<SendView>, Option<NextMessage>)> {
        use super::moderation::{SanctionKind, actor_row, sanction_until_sql};
        let timeout = sanction_until_sql(SanctionKind::Timeout, "k.person", "$1", "c.id");
        let ban = sanction_until_sql(SanctionKind::Ban, "k.person", "$1", "0");
        let next_sql = if predict {
            "c.last_seq, (SELECT max(id) FROM messages)"
        } else {
            "NULL, NULL"
        };
        let list: Vec<_> = keys
            .iter()
            .map(|key| (key.author.0, key.conversation.0, key.client_id.as_str()))
            .collect();
        // One row per key: every join meets at most one row.
        let query = sqlx::query(AssertSqlSafe(format!(
            "WITH k AS ({}) \
             SELECT c.id, c.kind, c.name, c.topic, c.visibility, c.languages, c.slow_mode_seconds, c.locked, \
             c.public_modlog, m.role, {timeout}, d.id, d.conversation_id, d.seq, k.n, u.role, u.created_at, {ban}, \
             {next_sql} \
             FROM k LEFT JOIN users u ON u.id = k.person AND u.active = 1 \
             LEFT JOIN conversations c ON c.id = k.conversation \
             LEFT JOIN members m ON m.conversation_id = c.id AND m.user_id = k.person \
             LEFT JOIN messages d ON d.author = k.person AND d.client_id = k.client_id",
            self.backend.send_keys()
        )))
        .bind(now)
        .bind(serde_json::to_string(&list)?);
        let rows = query.fetch_all(self.read().await?).await?;
        let mut views: Vec<Option<SendView>> = keys.iter().map(|_| None).collect();
        let mut next = match rows.first() {
            Some(r) if predict => Some(NextMessage {
                id: r.try_get::<Option<i64>, _>(19)?.map_or(1, |max| max + 1),
                seqs: Vec::new(),
            }),
            _ => None,
        };
        for r in &rows {
            if let (Some(next), Some(conversation)) = (&mut next, r.try_get::<Option<i64>, _>(0)?) {
                next.seqs.push((
                    ConversationId(conversation),
                    r.try_get::<i64, _>(18)? as Seq,
                ));
            }
            let stored = match r.try_get::<Option<i64>, _>(11)? {
                Some(message) => Some(Stored {
                    message: MessageId(message),
                    conversation: ConversationId(r.try_get(12)?),
                    seq: r.try_get::<i64, _>(13)? as Seq,
                }),
                None => None,
            };
            let n = r.try_get::<i64, _>(14)?;
            let slot = usize::try_from(n)
                .ok()
                .and_then(|n| views.get_mut(n))
                .ok_or_else(|| StoreError::Malformed(format!("send view {n}")))?;
            *slot = Some(SendView {
                actor: actor_row(r, 15)?,
                sender: sender_view(r, true)?,
                stored,
            });
        }
        let views = views
            .into_iter()
            .map(|view| view.ok_or_else(|| StoreError::Malformed("a send view is missing".into())))
            .collect::<Result<_>>()?;
        Ok((views, next))
    }

    async fn conversation_role_timeout(
        &mut self,
        id: ConversationId,
        user: UserId,
        now: Option<Millis>,
    ) -> Result<SenderView> {
        let timeout = match now {
            Some(_) => super::moderation::sanction_until_sql(
                super::moderation::SanctionKind::Timeout,
                "$2",
                "$3",
                "c.id",
            ),
            None => "NULL".to_owned(),
        };
        let r = sqlx::query(AssertSqlSafe(format!(
            "SELECT c.id, c.kind, c.name, c.topic, c.visibility, c.languages, c.slow_mode_seconds, c.locked, \
             c.public_modlog, m.role, {timeout} FROM conversations c \
             LEFT JOIN members m ON m.conversation_id = c.id AND m.user_id = $2 WHERE c.id = $1 AND $3 = $3"
        )))
        .bind(id.0)
        .bind(user.0)
        .bind(now.unwrap_or(0))
        .fetch_optional(self.conn().await?)
        .await?;
        match r {
            Some(r) => sender_view(&r, now.is_some()),
            None => Ok(None),
        }
    }

    pub async fn member_role(
        &mut self,
        conversation: ConversationId,
        user: UserId,
    ) -> Result<Option<MemberRole>> {
        let row =
            sqlx::query("SELECT role FROM members WHERE conversation_id = $1 AND user_id = $2")
                .bind(conversation.0)
                .bind(user.0)
                .fetch_optional(self.conn().await?)
                .await?;
        row.map(|r| Ok(member_role(&r.try_get::<String, _>(0)?)))
            .transpose()
    }

    /// A person's UI locale setting.
    pub async fn user_locale(&mut self, user: UserId) -> Result<String> {
        let row = sqlx::query("SELECT locale FROM users WHERE id = $1")
            .bind(user.0)
            .fetch_one(self.conn().await?)
            .await?;
        Ok(row.try_get(0)?)
    }

    pub async fn member_count(&mut self, conversation: ConversationId) -> Result<u32> {
        let row = sqlx::query("SELECT member_count FROM conversations WHERE id = $1")
            .bind(conversation.0)
            .fetch_optional(self.conn().await?)
            .await?;
        Ok(row
            .map(|r| r.try_get::<i64, _>(0))
            .transpose()?
            .unwrap_or(0) as u32)
    }

    pub async fn is_invited(&mut self, conversation: ConversationId, user: UserId) -> Result<bool> {
        let row = sqlx::query("SELECT 1 FROM invites WHERE conversation_id = $1 AND user_id = $2")
            .bind(conversation.0)
            .bind(user.0)
            .fetch_optional(self.conn().await?)
            .await?;
        Ok(row.is_some())
    }

    pub async fn message(&mut self, id: MessageId) -> Result<Option<MessageRow>> {
        let row = sqlx::query(MESSAGE_BY_ID)
            .bind(id.0)
            .fetch_optional(self.read().await?)
            .await?;
        row.map(|r| MessageRow::from_row(&r)).transpose()
    }

    pub async fn message_by_client_id(
        &mut self,
        author: UserId,
        client_id: &str,
    ) -> Result<Option<MessageRow>> {
        let row = sqlx::query(MESSAGE_BY_CLIENT_ID)
            .bind(author.0)
            .bind(client_id)
            .fetch_optional(self.read().await?)
            .await?;
        row.map(|r| MessageRow::from_row(&r)).transpose()
    }

    /// The members of a conversation among the given username keys (for mentions).
    pub async fn members_by_username_key(
        &mut self,
        conversation: ConversationId,
        keys: &[String],
    ) -> Result<Vec<UserId>> {
        let mut out = Vec::with_capacity(keys.len());
        for key in keys {
            let row = sqlx::query(
                "SELECT u.id FROM users u JOIN members m ON m.user_id = u.id \
                 WHERE m.conversation_id = $1 AND u.username_key = $2",
            )
            .bind(conversation.0)
            .bind(key.as_str())
            .fetch_optional(self.read_people())
            .await?;
            if let Some(row) = row {
                let id = UserId(row.try_get(0)?);
                if !out.contains(&id) {
                    out.push(id);
                }
            }
        }
        Ok(out)
    }

    pub async fn channel_name_taken(&mut self, name_key: &str) -> Result<bool> {
        let row = sqlx::query("SELECT 1 FROM conversations WHERE name_key = $1")
            .bind(name_key)
            .fetch_optional(self.conn().await?)
            .await?;
        Ok(row.is_some())
    }

    pub async fn direct_by_key(&mut self, key: &str) -> Result<Option<ConversationId>> {
        let row = sqlx::query("SELECT id FROM conversations WHERE direct_key = $1")
            .bind(key)
            .fetch_optional(self.conn().await?)
            .await?;
        row.map(|r| Ok(ConversationId(r.try_get(0)?))).transpose()
    }

    // --- writes -------------------------------------------------------------------------------------------------

    /// Takes the conversation's next seq. In PostgreSQL this also locks the conversation's row until commit, which
    /// serialises writers of one conversation across nodes.
    pub async fn next_seq(&mut self, conversation: ConversationId) -> Result<Seq> {
        let row = sqlx::query(
            "UPDATE conversations SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq",
        )
        .bind(conversation.0)
        .fetch_one(self.conn().await?)
        .await?;
        Ok(row.try_get::<i64, _>(0)? as Seq)
    }

    /// Appends an event to the conversation's log under the next seq, and returns it.
    pub async fn append(
        &mut self,
        conversation: ConversationId,
        at: Millis,
        actor: UserId,
        body: EventBody,
    ) -> Result<ConversationEvent> {
        let seq = self.next_seq(conversation).await?;
        self.append_at(conversation, seq, at, actor, body).await
    }

    /// Appends an event under a seq already taken with [`Tx::next_seq`].
    pub async fn append_at(
        &mut self,
        conversation: ConversationId,
        seq: Seq,
        at: Millis,
        actor: UserId,
        body: EventBody,
    ) -> Result<ConversationEvent> {
        // Message events point at their message and are read at its current state; other kinds are stored whole.
        let (message_id, payload) = match &body {
            EventBody::Message { message } => (Some(message.id.0), String::from("{}")),
            EventBody::MessageEdited { message, .. } => (Some(message.0), String::from("{}")),
            other => (None, serde_json::to_string(other)?),
        };
        sqlx::query(
            "INSERT INTO events (conversation_id, seq, at, actor, kind, message_id, payload) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(conversation.0)
        .bind(to_i64(seq))
        .bind(at)
        .bind(actor.0)
        .bind(body.kind())
        .bind(message_id)
        .bind(payload)
        .execute(self.conn().await?)
        .await?;
        Ok(ConversationEvent {
            conversation,
            seq,
            at,
            actor,
            body,
        })
    }

    /// Stores a new message under the conversation's next seq, with its mentions and its event in the log, in one
    /// statement; returns its id and seq. The row's `id` and `seq` are not read.
    ///
    /// When the group's next id and the conversation's next seq are known ([`Deferred`]), it takes them and the
    /// message is written with the others at the next statement or at commit.
    pub async fn insert_message(&mut self, m: &MessageRow) -> Result<(MessageId, Seq)> {
        let deferred = &mut self.deferred;
        if let (Some(id), Some(last)) = (
            deferred.next_id,
            deferred.last_seqs.get_mut(&m.conversation),
        ) {
            let seq = *last + 1;
            let row = (
                id,
                m.conversation.0,
                to_i64(seq),
                m.author.0,
                m.client_id.as_str(),
                m.body.as_str(),
                m.lang.as_str(),
                m.reply_to.map(|r| r.0),
                serde_json::to_string(&m.mentions)?,
                m.created_at,
            );
            deferred
                .rows
                .push(if deferred.count == 0 { '[' } else { ',' });
            deferred.rows.push_str(&serde_json::to_string(&row)?);
            deferred.count += 1;
            *last = seq;
            deferred.next_id = Some(id + 1);
            return Ok((MessageId(id), seq));
        }
        let row = sqlx::query(self.backend.insert_message())
            .bind(m.conversation.0)
            .bind(m.author.0)
            .bind(m.client_id.as_str())
            .bind(m.body.as_str())
            .bind(m.lang.as_str())
            .bind(m.reply_to.map(|r| r.0))
            .bind(serde_json::to_string(&m.mentions)?)
            .bind(m.created_at)
            .fetch_one(self.conn().await?)
            .await?;
        Ok((MessageId(row.try_get(0)?), row.try_get::<i64, _>(1)? as Seq))
    }

    /// Replaces a message's body, keeping the previous one in the edit history.
    pub async fn edit_message(
        &mut self,
        old: &MessageRow,
        body: &str,
        lang: &str,
        seq: Seq,
        at: Millis,
    ) -> Result<()> {
        sqlx::query("INSERT INTO message_edits (message_id, seq, body, lang, edited_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(old.id.0)
            .bind(to_i64(seq))
            .bind(old.body.as_str())
            .bind(old.lang.as_str())
            .bind(at)
            .execute(self.conn().await?)
            .await?;
        sqlx::query("UPDATE messages SET body = $1, lang = $2, edited_at = $3 WHERE id = $4")
            .bind(body)
            .bind(lang)
            .bind(at)
            .bind(old.id.0)
            .execute(self.conn().await?)
            .await?;
        Ok(())
    }

    pub async fn delete_message(&mut self, id: MessageId, at: Millis) -> Result<()> {
        sqlx::query("UPDATE messages SET deleted_at = $1 WHERE id = $2")
            .bind(at)
            .bind(id.0)
            .execute(self.conn().await?)
            .await?;
        sqlx::query("DELETE FROM reactions WHERE message_id = $1")
            .bind(id.0)
            .execute(self.conn().await?)
            .await?;
        Ok(())
    }

    /// Returns whether the reaction is new.
    pub async fn add_reaction(
        &mut self,
        message: MessageId,
        user: UserId,
        emoji: &str,
        at: Millis,
    ) -> Result<bool> {
        let done = sqlx::query(
            "INSERT INTO reactions (message_id, user_id, emoji, created_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT DO NOTHING",
        )
        .bind(message.0)
        .bind(user.0)
        .bind(emoji)
        .bind(at)
        .execute(self.conn().await?)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Returns whether there was such a reaction.
    pub async fn remove_reaction(
        &mut self,
        message: MessageId,
        user: UserId,
        emoji: &str,
    ) -> Result<bool> {
        let done = sqlx::query(
            "DELETE FROM reactions WHERE message_id = $1 AND user_id = $2 AND emoji = $3",
        )
        .bind(message.0)
        .bind(user.0)
        .bind(emoji)
        .execute(self.conn().await?)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn insert_conversation(
        &mut self,
        new: &NewConversation<'_>,
    ) -> Result<ConversationId> {
        let row = sqlx::query(
            "INSERT INTO conversations (kind, name, name_key, topic, visibility, languages, direct_key, created_by, \
             created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(rows::kind_str(new.kind))
        .bind(new.name)
        .bind(new.name_key)
        .bind(new.topic)
        .bind(rows::visibility_str(new.visibility))
        .bind(serde_json::to_string(new.languages)?)
        .bind(new.direct_key)
        .bind(new.created_by.0)
        .bind(new.at)
        .fetch_one(self.conn().await?)
        .await?;
        Ok(ConversationId(row.try_get(0)?))
    }

    pub async fn update_channel(
        &mut self,
        id: ConversationId,
        topic: &str,
        languages: &[String],
    ) -> Result<()> {
        sqlx::query("UPDATE conversations SET topic = $1, languages = $2 WHERE id = $3")
            .bind(topic)
            .bind(serde_json::to_string(languages)?)
            .bind(id.0)
            .execute(self.conn().await?)
            .await?;
        Ok(())
    }

    /// Adds a member (and consumes any invitation); returns whether they were new. A new member starts with
    /// everything before their joining read.
    pub async fn add_member(
        &mut self,
        conversation: ConversationId,
        user: UserId,
        at: Millis,
    ) -> Result<bool> {
        let done = sqlx::query(
            "INSERT INTO members (conversation_id, user_id, role, joined_at, read_seq) \
             SELECT $1, $2, 'member', $3, c.last_seq FROM conversations c WHERE c.id = $1 ON CONFLICT DO NOTHING",
        )
        .bind(conversation.0)
        .bind(user.0)
        .bind(at)
        .execute(self.conn().await?)
        .await?;
        sqlx::query("DELETE FROM invites WHERE conversation_id = $1 AND user_id = $2")
            .bind(conversation.0)
            .bind(user.0)
            .execute(self.conn().await?)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn remove_member(
        &mut self,
        conversation: ConversationId,
        user: UserId,
    ) -> Result<bool> {
        let done = sqlx::query("DELETE FROM members WHERE conversation_id = $1 AND user_id = $2")
            .bind(conversation.0)
            .bind(user.0)
            .execute(self.conn().await?)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn set_member_role(
        &mut self,
        conversation: ConversationId,
        user: UserId,
        role: MemberRole,
    ) -> Result<bool> {
        let done = sqlx::query("UPDATE members SET role = $1 WHERE conversation_id = $2 AND user_id = $3 AND role <> $1")
            .bind(role.as_str())
            .bind(conversation.0)
            .bind(user.0)
            .execute(self.conn().await?)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Returns whether the invitation is new.
    pub async fn add_invite(
        &mut self,
        conversation: ConversationId,
        user: UserId,
        by: UserId,
        at: Millis,
    ) -> Result<bool> {
        let done = sqlx::query(
            "INSERT INTO invites (conversation_id, user_id, invited_by, created_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT DO NOTHING",
        )
        .bind(conversation.0)
        .bind(user.0)
        .bind(by.0)
        .bind(at)
        .execute(self.conn().await?)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}

/// Decodes `id, kind, name, topic, visibility, languages`.
fn conversation_row(r: &sqlx::any::AnyRow) -> Result<ConversationRow> {
    Ok(ConversationRow {
        id: ConversationId(r.try_get(0)?),
        kind: rows::parse_kind(&r.try_get::<String, _>(1)?)?,
        name: r.try_get(2)?,
        topic: r.try_get(3)?,
        visibility: rows::parse_visibility(&r.try_get::<String, _>(4)?)?,
        languages: serde_json::from_str(&r.try_get::<String, _>(5)?)?,
        slow_mode_seconds: r.try_get::<i64, _>(6)? as u32,
        locked: r.try_get::<i64, _>(7)? != 0,
        public_modlog: r.try_get::<i64, _>(8)? != 0,
    })
}

/// A [`SenderView`] from columns 0..=10: the conversation (its id `NULL`: none), the role, the timeout (read only
/// `with_timeout`).
fn sender_view(r: &AnyRow, with_timeout: bool) -> Result<SenderView> {
    if r.try_get::<Option<i64>, _>(0)?.is_none() {
        return Ok(None);
    }
    let role = r.try_get::<Option<String>, _>(9)?;
    let until = if with_timeout {
        r.try_get::<Option<i64>, _>(10)?
    } else {
        None
    };
    Ok(Some((
        conversation_row(r)?,
        role.as_deref().map(member_role),
        until,
    )))
}

fn member_role(stored: &str) -> MemberRole {
    match stored {
        "moderator" => MemberRole::Moderator,
        _ => MemberRole::Member,
    }
}

/// A conversation to create.
pub struct NewConversation<'a> {
    pub kind: ConversationKind,
    pub name: &'a str,
    pub name_key: Option<&'a str>,
    pub topic: &'a str,
    pub visibility: Visibility,
    pub languages: &'a [String],
    pub direct_key: Option<&'a str>,
    pub created_by: UserId,
    pub at: Millis,
}

const MESSAGE_BY_ID: &str = "SELECT m.id, m.conversation_id, m.seq, m.author, m.body, m.lang, m.reply_to, m.mentions, \
                             m.created_at, m.edited_at, m.deleted_at, m.client_id FROM messages m WHERE m.id = $1";
const MESSAGE_BY_CLIENT_ID: &str = "SELECT m.id, m.conversation_id, m.seq, m.author, m.body, m.lang, m.reply_to, \
                                    m.mentions, m.created_at, m.edited_at, m.deleted_at, m.client_id FROM messages m \
                                    WHERE m.author = $1 AND m.client_id = $2";
const EVENTS_BETWEEN: &str = "SELECT e.seq, e.at, e.actor, e.kind, e.payload, m.id, m.conversation_id, m.seq, \
                              m.author, m.body, m.lang, m.reply_to, m.mentions, m.created_at, m.edited_at, \
                              m.deleted_at, m.client_id FROM events e LEFT JOIN messages m ON m.id = e.message_id \
                              WHERE e.conversation_id = $1 AND e.seq > $2 AND e.seq <= $3 ORDER BY e.seq LIMIT $4";

/// Events with `after < seq <= upto`, at most `limit`, hydrated as a reader sees them now: message events carry
/// the message's current body (a deleted message's is gone), and no reactions (reaction events rebuild them).
pub(super) async fn events_between(
    conn: &mut AnyConnection,
    conversation: ConversationId,
    after: Seq,
    upto: Seq,
    limit: u32,
) -> Result<Vec<ConversationEvent>> {
    let rows = sqlx::query(EVENTS_BETWEEN)
        .bind(conversation.0)
        .bind(to_i64(after))
        .bind(to_i64(upto))
        .bind(i64::from(limit))
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(|row| hydrate(conversation, row)).collect()
}

fn hydrate(conversation: ConversationId, row: &AnyRow) -> Result<ConversationEvent> {
    let kind: String = row.try_get(3)?;
    let body = match kind.as_str() {
        "message" => EventBody::Message {
            message: MessageRow::from_row_at(row, 5)?.into_message().into(),
        },
        "message_edited" => {
            let message = MessageRow::from_row_at(row, 5)?.into_message();
            EventBody::MessageEdited {
                message: message.id,
                edited_at: message.edited_at.unwrap_or(message.created_at),
                body: message.body,
                lang: message.lang,
            }
        }
        _ => serde_json::from_str(&row.try_get::<String, _>(4)?)?,
    };
    Ok(ConversationEvent {
        conversation,
        seq: row.try_get::<i64, _>(0)? as Seq,
        at: row.try_get(1)?,
        actor: UserId(row.try_get(2)?),
        body,
    })
}

/// `(message, user, emoji)` of the reactions on messages with seq in `lo..=hi`, oldest first.
pub(super) async fn reactions_in(
    conn: &mut AnyConnection,
    conversation: ConversationId,
    lo: Seq,
    hi: Seq,
) -> Result<Vec<(MessageId, UserId, String)>> {
    if lo > hi {
        return Ok(Vec::new());
    }
    let rows = sqlx::query(
        "SELECT r.message_id, r.user_id, r.emoji FROM reactions r JOIN messages m ON m.id = r.message_id \
         WHERE m.conversation_id = $1 AND m.seq >= $2 AND m.seq <= $3 ORDER BY r.created_at, r.user_id",
    )
    .bind(conversation.0)
    .bind(to_i64(lo))
    .bind(to_i64(hi))
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                MessageId(r.try_get(0)?),
                UserId(r.try_get(1)?),
                r.try_get(2)?,
            ))
        })
        .collect()
}
