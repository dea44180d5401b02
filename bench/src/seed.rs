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

/// Seeds `people` people into a new SQLite database under `dir`; `rooms[k]` lists the people in room `k`.
pub async fn seed(dir: &Path, people: usize, rooms: &[Vec<usize>]) -> anyhow::Result<Seeded> {
    seed_url(&engawa::store::default_url(dir), people, rooms).await
}

/// Seeds an empty database at `url` (SQLite or PostgreSQL).
pub async fn seed_url(url: &str, people: usize, rooms: &[Vec<usize>]) -> anyhow::Result<Seeded> {
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
    tx.commit().await?;
    conn.close().await?;
    Ok(Seeded {
        tokens,
        rooms: seeded_rooms,
    })
}
