-- Consultation queues (DESIGN §5) and the audit log. SQLite dialect.

CREATE TABLE topics (
    id           INTEGER PRIMARY KEY,
    key          TEXT    NOT NULL UNIQUE,
    names        TEXT    NOT NULL DEFAULT '{}',          -- {lang: name}; `en` always present
    descriptions TEXT    NOT NULL DEFAULT '{}',
    routing      TEXT    NOT NULL DEFAULT 'both',        -- auto | manual | both
    hours        TEXT    NOT NULL DEFAULT '[]',          -- [{day, from, to}] in Asia/Tokyo
    position     INTEGER NOT NULL DEFAULT 0,
    active       INTEGER NOT NULL DEFAULT 1,
    created_at   INTEGER NOT NULL
);

CREATE TABLE helpers (
    user_id      INTEGER PRIMARY KEY REFERENCES users (id),
    topics       TEXT    NOT NULL DEFAULT '[]',          -- topic ids
    languages    TEXT    NOT NULL DEFAULT '[]',
    capacity     INTEGER NOT NULL DEFAULT 3,
    availability TEXT    NOT NULL DEFAULT 'away',        -- available | busy | away
    hours        TEXT    NOT NULL DEFAULT '[]',
    updated_at   INTEGER NOT NULL
);

-- A consultation is a conversation (same id) plus this row; its notes are a second conversation.
CREATE TABLE consultations (
    id             INTEGER PRIMARY KEY REFERENCES conversations (id),
    notes_id       INTEGER NOT NULL REFERENCES conversations (id),
    topic_id       INTEGER NOT NULL REFERENCES topics (id),
    requester      INTEGER NOT NULL REFERENCES users (id),
    languages      TEXT    NOT NULL,                     -- preferred first
    lang           TEXT,                                 -- chosen at assignment
    state          TEXT    NOT NULL,                     -- waiting | active | on_hold | resolved | cancelled | expired
    accepted       INTEGER NOT NULL DEFAULT 0,
    woken          INTEGER NOT NULL DEFAULT 0,           -- on hold, and the requester wrote since
    skipped        TEXT    NOT NULL DEFAULT '[]',        -- helpers who let it go unanswered
    preview        TEXT    NOT NULL,
    opened_at      INTEGER NOT NULL,
    queued_at      INTEGER NOT NULL,                     -- its place in the queue
    assigned_at    INTEGER,
    updated_at     INTEGER NOT NULL,                     -- when the state last changed
    requester_at   INTEGER NOT NULL,                     -- the requester's last message
    helper_at      INTEGER,                              -- a helper's last message
    closed_at      INTEGER,
    summary        TEXT,
    rating         INTEGER,
    rating_comment TEXT
);
CREATE INDEX consultations_queue ON consultations (state, topic_id, queued_at);
CREATE INDEX consultations_requester ON consultations (requester, state);

CREATE TABLE consultation_helpers (
    consultation_id INTEGER NOT NULL REFERENCES consultations (id),
    user_id         INTEGER NOT NULL REFERENCES users (id),
    added_at        INTEGER NOT NULL,
    PRIMARY KEY (consultation_id, user_id)
);
CREATE INDEX consultation_helpers_user ON consultation_helpers (user_id);

CREATE TABLE canned_replies (
    id         INTEGER PRIMARY KEY,
    topic_id   INTEGER REFERENCES topics (id),
    title      TEXT    NOT NULL,
    variants   TEXT    NOT NULL,                         -- {lang: text}; `en` always present
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL
);

-- Append-only: the database refuses to change or remove an entry.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    actor       INTEGER NOT NULL REFERENCES users (id),
    action      TEXT    NOT NULL,
    target_kind TEXT    NOT NULL,
    target_id   INTEGER NOT NULL,
    reason      TEXT    NOT NULL DEFAULT '',
    details     TEXT    NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_target ON audit_log (target_kind, target_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
