//! Decoding rows into protocol values.

use sqlx::Row;
use sqlx::any::AnyRow;

use super::{Result, StoreError};
use crate::protocol::{
    ConversationId, ConversationKind, ConversationSummary, Message, MessageId, Millis, Profile,
    Reaction, Role, Seq, UserId, Visibility,
};

/// A person's columns for [`UserRow::from_row`]: never the password hash, which only the two checks of a password
/// read (`Store::login_row`, `Store::password_hash`).
pub(super) const USER_COLUMNS: &str =
    "id, username, display_name, role, locale, languages_spoken, languages_learning, active";
pub(super) const USER_COLUMNS_U: &str = "u.id, u.username, u.display_name, u.role, u.locale, u.languages_spoken, \
                                         u.languages_learning, u.active";

/// A person as stored: the public profile plus whether the account is active.
#[derive(Debug, Clone)]
pub struct UserRow {
    pub profile: Profile,
    pub active: bool,
}

impl UserRow {
    pub(super) fn from_row(row: &AnyRow) -> Result<UserRow> {
        let role: String = row.try_get(3)?;
        Ok(UserRow {
            profile: Profile {
                id: UserId(row.try_get(0)?),
                username: row.try_get(1)?,
                display_name: row.try_get(2)?,
                role: Role::parse(&role)
                    .ok_or_else(|| StoreError::Malformed(format!("role {role}")))?,
                locale: row.try_get(4)?,
                languages_spoken: serde_json::from_str(&row.try_get::<String, _>(5)?)?,
                languages_learning: serde_json::from_str(&row.try_get::<String, _>(6)?)?,
            },
            active: row.try_get::<i64, _>(7)? != 0,
        })
    }
}

pub(super) const MESSAGE_COLUMNS: &str = "m.id, m.conversation_id, m.seq, m.author, m.body, m.lang, m.reply_to, \
                                          m.mentions, m.created_at, m.edited_at, m.deleted_at, m.client_id";

/// A message as stored.
#[derive(Debug, Clone)]
pub struct MessageRow {
    pub id: MessageId,
    pub conversation: ConversationId,
    pub seq: Seq,
    pub author: UserId,
    pub body: String,
    pub lang: String,
    pub reply_to: Option<MessageId>,
    pub mentions: Vec<UserId>,
    pub created_at: Millis,
    pub edited_at: Option<Millis>,
    pub deleted_at: Option<Millis>,
    pub client_id: String,
}

impl MessageRow {
    /// Decodes the [`MESSAGE_COLUMNS`] starting at column `at`.
    pub(super) fn from_row_at(row: &AnyRow, at: usize) -> Result<MessageRow> {
        Ok(MessageRow {
            id: MessageId(row.try_get(at)?),
            conversation: ConversationId(row.try_get(at + 1)?),
            seq: row.try_get::<i64, _>(at + 2)? as Seq,
            author: UserId(row.try_get(at + 3)?),
            body: row.try_get(at + 4)?,
            lang: row.try_get(at + 5)?,
            reply_to: row.try_get::<Option<i64>, _>(at + 6)?.map(MessageId),
            mentions: serde_json::from_str(&row.try_get::<String, _>(at + 7)?)?,
            created_at: row.try_get(at + 8)?,
            edited_at: row.try_get(at + 9)?,
            deleted_at: row.try_get(at + 10)?,
            client_id: row.try_get(at + 11)?,
        })
    }

    pub(super) fn from_row(row: &AnyRow) -> Result<MessageRow> {
        Self::from_row_at(row, 0)
    }

    /// The message as readers see it: a deleted one keeps its place but loses its content.
    pub fn into_message(self) -> Message {
        let deleted = self.deleted_at.is_some();
        Message {
            id: self.id,
            conversation: self.conversation,
            seq: self.seq,
            author: self.author,
            body: if deleted { String::new() } else { self.body },
            lang: self.lang,
            reply_to: self.reply_to,
            mentions: if deleted { Vec::new() } else { self.mentions },
            reactions: Vec::new(),
            created_at: self.created_at,
            edited_at: if deleted { None } else { self.edited_at },
            deleted,
        }
    }
}

/// A conversation's own fields, as the writer reads them to check rules.
#[derive(Debug, Clone)]
pub struct ConversationRow {
    pub id: ConversationId,
    pub kind: ConversationKind,
    pub name: String,
    pub topic: String,
    pub visibility: Visibility,
    pub languages: Vec<String>,
    pub slow_mode_seconds: u32,
    pub locked: bool,
    pub public_modlog: bool,
}

pub(super) fn parse_kind(s: &str) -> Result<ConversationKind> {
    match s {
        "channel" => Ok(ConversationKind::Channel),
        "direct" => Ok(ConversationKind::Direct),
        "group" => Ok(ConversationKind::Group),
        "consultation" => Ok(ConversationKind::Consultation),
        "consultation_notes" => Ok(ConversationKind::ConsultationNotes),
        other => Err(StoreError::Malformed(format!("conversation kind {other}"))),
    }
}

pub(super) fn kind_str(kind: ConversationKind) -> &'static str {
    match kind {
        ConversationKind::Channel => "channel",
        ConversationKind::Direct => "direct",
        ConversationKind::Group => "group",
        ConversationKind::Consultation => "consultation",
        ConversationKind::ConsultationNotes => "consultation_notes",
    }
}

pub(super) fn parse_visibility(s: &str) -> Result<Visibility> {
    match s {
        "public" => Ok(Visibility::Public),
        "invite_only" => Ok(Visibility::InviteOnly),
        "private" => Ok(Visibility::Private),
        other => Err(StoreError::Malformed(format!("visibility {other}"))),
    }
}

pub(super) fn visibility_str(visibility: Visibility) -> &'static str {
    match visibility {
        Visibility::Public => "public",
        Visibility::InviteOnly => "invite_only",
        Visibility::Private => "private",
    }
}

/// Decodes `c.id, c.kind, c.name, c.topic, c.visibility, c.languages, c.last_seq, read_seq, unread, mentions,
/// member_count, m.user_id`, then the moderation settings (`MOD_COLUMNS`).
pub(super) fn summary_from_row(row: &AnyRow) -> Result<ConversationSummary> {
    Ok(ConversationSummary {
        id: ConversationId(row.try_get(0)?),
        kind: parse_kind(&row.try_get::<String, _>(1)?)?,
        name: row.try_get(2)?,
        topic: row.try_get(3)?,
        visibility: parse_visibility(&row.try_get::<String, _>(4)?)?,
        languages: serde_json::from_str(&row.try_get::<String, _>(5)?)?,
        last_seq: row.try_get::<i64, _>(6)? as Seq,
        read_seq: row.try_get::<i64, _>(7)? as Seq,
        unread: row.try_get::<i64, _>(8)? as u32,
        mentions: row.try_get::<i64, _>(9)? as u32,
        members: Vec::new(),
        joined: row.try_get::<Option<i64>, _>(11)?.is_some(),
        member_count: row.try_get::<i64, _>(10)? as u32,
        slow_mode_seconds: row.try_get::<i64, _>(12)? as u32,
        locked: row.try_get::<i64, _>(13)? != 0,
        public_modlog: row.try_get::<i64, _>(14)? != 0,
    })
}

/// Groups `(message, user, emoji)` rows, in the order reactions were first added, into per-emoji lists.
pub(super) fn group_reactions<'a>(
    rows: impl Iterator<Item = &'a (MessageId, UserId, String)>,
) -> Vec<Reaction> {
    let mut out: Vec<Reaction> = Vec::new();
    for (_, user, emoji) in rows {
        match out.iter_mut().find(|r| &r.emoji == emoji) {
            Some(reaction) => reaction.users.push(*user),
            None => out.push(Reaction {
                emoji: emoji.clone(),
                users: vec![*user],
            }),
        }
    }
    out
}
