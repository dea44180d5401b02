//! Real accounts for Engawa runs, written straight into a fresh database: people with an Argon2id password hash,
//! live sessions (only their SHA-256 is stored, as in production), public channels and their members.
//!
//! Registering 20,000 people through the API would spend minutes in Argon2 before the first measurement; the rows
//! written here are the ones registration and joining write, so connecting afterwards exercises the real
//! authentication and the real `ready`.

use std::path::Path;

use anyhow::Context;
use sqlx::{AnyConnection, Connection};

use crate::client::Room;

/// What the load generator needs: one session token per person, and each room's conversation id.
pub struct Seeded {
    pub tokens: Vec<String>,
    pub rooms: Vec<Room>,
}

/// What a run may hold besides its people and their rooms.
#[derive(Debug, Clone, Copy, Default)]
pub struct Extra {
    /// Open consultations (see [`seed_consultations`]).
    pub consultations: usize,
    /// Messages in the last room, which nobody has read yet (see [`seed_history`]).
    pub history: usize,
}

/// Seeds `people` people into a new SQLite database under `dir`; `rooms[k]` lists the people in room `k`.
pub async fn seed(
    dir: &Path,
    people: usize,
    rooms: &[Vec<usize>],
    extra: Extra,
) -> anyhow::Result<Seeded> {
    seed_url(&engawa::store::default_url(dir), people, rooms, extra).await
}

/// Seeds an empty database at `url` (SQLite or PostgreSQL).
pub async fn seed_url(
    url: &str,
    people: usize,
    rooms: &[Vec<usize>],
    extra: Extra,
) -> anyhow::Result<Seeded> {
    // Opening the store creates the database file (SQLite) and applies the migrations.
    engawa::store::Store::open(url).await?.close().await;
    sqlx::any::install_default_drivers();
    let now = engawa::now_ms();
    let hash = engawa::auth::Hasher::new(1)
        .hash("a password nobody types".into())
        .await
        .map_err(|code| anyhow::anyhow!("hashing failed: {code:?}"))?;
    let mut conn = AnyConnection::connect(url).await?;
    let mut tx = conn.begin().await?;
    let mut tokens = Vec::with_capacity(people);
    let mut ids = Vec::with_capacity(people);
    for i in 0..people {
        let name = format!("bench{i}");
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO users (username, username_key, display_name, password_hash, role, locale, \
             languages_spoken, languages_learning, active, created_at) \
             VALUES ($1, $1, $2, $3, 'member', 'en', '[\"en\"]', '[]', 1, $4) RETURNING id",
        )
        .bind(&name)
        .bind(format!("Bench {i}"))
        .bind(&hash)
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .context("seeding people")?;
        let (token, token_hash) = engawa::auth::new_token();
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(token_hash)
        .bind(id)
        .bind(now)
        .bind(now + 30 * 24 * 3600 * 1000)
        .execute(&mut *tx)
        .await?;
        tokens.push(token);
        ids.push(id);
    }
    let mut seeded_rooms = Vec::with_capacity(rooms.len());
    for (k, members) in rooms.iter().enumerate() {
        let name = format!("bench-{k}");
        let creator = members.first().map_or(ids[0], |&m| ids[m]);
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO conversations (kind, name, name_key, topic, visibility, languages, created_by, created_at) \
             VALUES ('channel', $1, $1, '', 'public', '[\"en\"]', $2, $3) RETURNING id",
        )
        .bind(&name)
        .bind(creator)
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .context("seeding rooms")?;
        for &m in members {
            sqlx::query(
                "INSERT INTO members (conversation_id, user_id, role, joined_at, read_seq) \
                 VALUES ($1, $2, 'member', $3, 0)",
            )
            .bind(id)
            .bind(ids[m])
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        seeded_rooms.push(Room { name, id });
    }
    seed_consultations(&mut tx, &ids, extra.consultations, now)
        .await
        .context("seeding consultations")?;
    if let (Some(room), Some(members)) = (seeded_rooms.last(), rooms.last()) {
        let authors: Vec<i64> = members.iter().map(|&m| ids[m]).collect();
        seed_history(&mut tx, room.id, &authors, extra.history, now)
            .await
            .context("seeding history")?;
    }
    tx.commit().await?;
    conn.close().await?;
    Ok(Seeded {
        tokens,
        rooms: seeded_rooms,
    })
}

/// People who help with the seeded consultations: the last ones seeded.
const HELPERS: usize = 50;

/// `count` open consultations in one topic, as the consultation operations leave them: the first `count` people
/// asked one each; a third wait in the queue, the others are taken (active or on hold) by one of the last 50
/// people, each of whom then helps with about `count / 75`. What `ready` reads for requesters and helpers, with a
/// queue as busy as a city's on a bad day.
async fn seed_consultations(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    ids: &[i64],
    count: usize,
    now: i64,
) -> anyhow::Result<()> {
    if count == 0 {
        return Ok(());
    }
    anyhow::ensure!(
        count + HELPERS <= ids.len(),
        "{count} consultations need {} people",
        count + HELPERS
    );
    let topic: i64 = sqlx::query_scalar(
        "INSERT INTO topics (key, names, descriptions, routing, hours, position, active, created_at) \
         VALUES ('bench', '{\"en\":\"Bench\"}', '{}', 'manual', '[]', 0, 1, $1) RETURNING id",
    )
    .bind(now)
    .fetch_one(&mut **tx)
    .await?;
    for (k, &requester) in ids[..count].iter().enumerate() {
        let helper = (k % 3 != 0).then(|| ids[ids.len() - 1 - k % HELPERS]);
        let state = ["waiting", "active", "on_hold"][k % 3];
        let mut conversation = [0i64; 2];
        for (slot, kind) in conversation
            .iter_mut()
            .zip(["consultation", "consultation_notes"])
        {
            *slot = sqlx::query_scalar(
                "INSERT INTO conversations (kind, visibility, languages, created_by, created_at) \
                 VALUES ($1, 'private', '[\"en\"]', $2, $3) RETURNING id",
            )
            .bind(kind)
            .bind(requester)
            .bind(now)
            .fetch_one(&mut **tx)
            .await?;
        }
        let [id, notes] = conversation;
        let mut members = vec![(id, requester)];
        if let Some(helper) = helper {
            members.extend([(id, helper), (notes, helper)]);
        }
        for (conversation, person) in members {
            sqlx::query(
                "INSERT INTO members (conversation_id, user_id, role, joined_at, read_seq) \
                 VALUES ($1, $2, 'member', $3, 0)",
            )
            .bind(conversation)
            .bind(person)
            .bind(now)
            .execute(&mut **tx)
            .await?;
        }
        sqlx::query(
            "INSERT INTO consultations (id, notes_id, topic_id, requester, languages, lang, state, accepted, \
             preview, opened_at, queued_at, assigned_at, updated_at, requester_at, helper_at) \
             VALUES ($1, $2, $3, $4, '[\"en\"]', $5, $6, $7, 'I need help with my residence card', $8, $8, $9, $8, $8, $9)",
        )
        .bind(id)
        .bind(notes)
        .bind(topic)
        .bind(requester)
        .bind(helper.map(|_| "en"))
        .bind(state)
        .bind(i64::from(helper.is_some()))
        .bind(now + k as i64)
        .bind(helper.map(|_| now))
        .execute(&mut **tx)
        .await?;
        if let Some(helper) = helper {
            sqlx::query(
                "INSERT INTO consultation_helpers (consultation_id, user_id, added_at) VALUES ($1, $2, $3)",
            )
            .bind(id)
            .bind(helper)
            .bind(now)
            .execute(&mut **tx)
            .await?;
        }
    }
    Ok(())
}

/// `count` messages in conversation `room`, written by its members in turn, as sending them stores them (the
/// trigger logs each one and moves the conversation's last seq); every member's read marker stays at 0, so each
/// has about `count` unread there, as someone who has not opened a busy channel for months.
async fn seed_history(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    room: i64,
    authors: &[i64],
    count: usize,
    now: i64,
) -> anyhow::Result<()> {
    for (seq, author) in (1..=count as i64).zip(authors.iter().cycle()) {
        sqlx::query(
            "INSERT INTO messages (conversation_id, seq, author, client_id, body, lang, created_at) \
             VALUES ($1, $2, $3, $4, 'Does anyone know a good clinic near the station?', 'en', $5)",
        )
        .bind(room)
        .bind(seq)
        .bind(author)
        .bind(format!("history-{seq}"))
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
