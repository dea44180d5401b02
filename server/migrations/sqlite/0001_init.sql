-- Engawa schema, SQLite dialect. Timestamps are milliseconds since the Unix epoch; lists are JSON arrays.

CREATE TABLE users (
    id                 INTEGER PRIMARY KEY,
    username           TEXT    NOT NULL,
    username_key       TEXT    NOT NULL UNIQUE,          -- NFC, lower case: what uniqueness is checked on
    display_name       TEXT    NOT NULL,
    password_hash      TEXT    NOT NULL,
    role               TEXT    NOT NULL,
    locale             TEXT    NOT NULL,
    languages_spoken   TEXT    NOT NULL DEFAULT '[]',
    languages_learning TEXT    NOT NULL DEFAULT '[]',
    active             INTEGER NOT NULL DEFAULT 1,
    created_at         INTEGER NOT NULL
);

CREATE TABLE sessions (
    token_hash  TEXT    PRIMARY KEY,                     -- SHA-256 of the token; the token itself is never stored
    user_id     INTEGER NOT NULL REFERENCES users (id),
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE conversations (
    id          INTEGER PRIMARY KEY,
    kind        TEXT    NOT NULL,                        -- channel | direct | group
    name        TEXT    NOT NULL DEFAULT '',
    name_key    TEXT,                                    -- channels: lower-case name, unique
    topic       TEXT    NOT NULL DEFAULT '',
    visibility  TEXT    NOT NULL,
    languages   TEXT    NOT NULL DEFAULT '[]',
    direct_key  TEXT    UNIQUE,                          -- direct/group: sorted member ids, so each set has one
    created_by  INTEGER NOT NULL REFERENCES users (id),
    created_at  INTEGER NOT NULL,
    last_seq    INTEGER NOT NULL DEFAULT 0               -- the newest event's seq, bumped in the event's transaction
);
CREATE UNIQUE INDEX conversations_name ON conversations (name_key) WHERE name_key IS NOT NULL;

CREATE TABLE members (
    conversation_id INTEGER NOT NULL REFERENCES conversations (id),
    user_id         INTEGER NOT NULL REFERENCES users (id),
    role            TEXT    NOT NULL DEFAULT 'member',   -- member | moderator
    joined_at       INTEGER NOT NULL,
    read_seq        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (conversation_id, user_id)
);
CREATE INDEX members_user ON members (user_id);

CREATE TABLE invites (
    conversation_id INTEGER NOT NULL REFERENCES conversations (id),
    user_id         INTEGER NOT NULL REFERENCES users (id),
    invited_by      INTEGER NOT NULL REFERENCES users (id),
    created_at      INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, user_id)
);

CREATE TABLE messages (
    id              INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id),
    seq             INTEGER NOT NULL,                    -- the seq of the event that created it
    author          INTEGER NOT NULL REFERENCES users (id),
    client_id       TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    lang            TEXT    NOT NULL,
    reply_to        INTEGER,
    mentions        TEXT    NOT NULL DEFAULT '[]',
    created_at      INTEGER NOT NULL,
    edited_at       INTEGER,
    deleted_at      INTEGER,
    UNIQUE (author, client_id)                           -- idempotent sends
);
CREATE UNIQUE INDEX messages_seq ON messages (conversation_id, seq);

CREATE TABLE message_edits (
    message_id  INTEGER NOT NULL REFERENCES messages (id),
    seq         INTEGER NOT NULL,                        -- the seq of the edit event
    body        TEXT    NOT NULL,                        -- the body before this edit
    lang        TEXT    NOT NULL,
    edited_at   INTEGER NOT NULL,
    PRIMARY KEY (message_id, seq)
);

CREATE TABLE reactions (
    message_id  INTEGER NOT NULL REFERENCES messages (id),
    user_id     INTEGER NOT NULL REFERENCES users (id),
    emoji       TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (message_id, user_id, emoji)
);

CREATE TABLE mentions (
    message_id      INTEGER NOT NULL REFERENCES messages (id),
    user_id         INTEGER NOT NULL REFERENCES users (id),
    conversation_id INTEGER NOT NULL,
    seq             INTEGER NOT NULL,
    PRIMARY KEY (message_id, user_id)
);
CREATE INDEX mentions_user ON mentions (user_id, conversation_id, seq);

-- The conversation log: every event, in seq order, gap-free. Message events point at their message (read at its
-- current state); other kinds keep their ids and arguments as JSON.
CREATE TABLE events (
    conversation_id INTEGER NOT NULL REFERENCES conversations (id),
    seq             INTEGER NOT NULL,
    at              INTEGER NOT NULL,
    actor           INTEGER NOT NULL,
    kind            TEXT    NOT NULL,
    message_id      INTEGER,
    payload         TEXT    NOT NULL,
    PRIMARY KEY (conversation_id, seq)
) WITHOUT ROWID;
