-- Moderation and safety (DESIGN §6): sanctions, pins, reports, automod rules, blocks. SQLite dialect.

ALTER TABLE users ADD COLUMN hide_presence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN slow_mode_seconds INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN locked INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN public_modlog INTEGER NOT NULL DEFAULT 1;

-- Moderation entries name the channel they happened in, for its public moderation log.
ALTER TABLE audit_log ADD COLUMN conversation_id INTEGER;
CREATE INDEX audit_log_conversation ON audit_log (conversation_id, id) WHERE conversation_id IS NOT NULL;
CREATE INDEX audit_log_action ON audit_log (action, id);

-- Slow mode and flood checks read a person's latest messages in one conversation.
CREATE INDEX messages_author_recent ON messages (author, conversation_id, created_at);

-- Timeouts and bans, per channel or (conversation_id NULL) everywhere. Lifted ones stay, for the record.
CREATE TABLE sanctions (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users (id),
    conversation_id INTEGER REFERENCES conversations (id),
    kind            TEXT    NOT NULL,                    -- timeout | ban
    reason          TEXT    NOT NULL DEFAULT '',
    created_by      INTEGER NOT NULL,                    -- 0: automod
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER,                             -- NULL: until lifted
    lifted_at       INTEGER,
    lifted_by       INTEGER
);
CREATE INDEX sanctions_live ON sanctions (user_id, kind) WHERE lifted_at IS NULL;

CREATE TABLE pins (
    message_id      INTEGER PRIMARY KEY REFERENCES messages (id),
    conversation_id INTEGER NOT NULL REFERENCES conversations (id),
    pinned_by       INTEGER NOT NULL REFERENCES users (id),
    pinned_at       INTEGER NOT NULL
);
CREATE INDEX pins_conversation ON pins (conversation_id);

CREATE TABLE reports (
    id              INTEGER PRIMARY KEY,
    reporter        INTEGER NOT NULL,                    -- 0: automod
    category        TEXT    NOT NULL,
    note            TEXT    NOT NULL DEFAULT '',
    state           TEXT    NOT NULL DEFAULT 'open',     -- open | claimed | resolved | dismissed
    target_user     INTEGER NOT NULL REFERENCES users (id),
    message_id      INTEGER REFERENCES messages (id),
    conversation_id INTEGER REFERENCES conversations (id),
    snapshot        TEXT,                                -- the message as reported (JSON), kept through edits
    rule_id         INTEGER,
    created_at      INTEGER NOT NULL,
    claimed_by      INTEGER,
    resolved_by     INTEGER,
    resolved_at     INTEGER,
    resolution      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX reports_state ON reports (state, id);
-- One report per person per message: reporting again returns the first.
CREATE UNIQUE INDEX reports_once ON reports (reporter, message_id) WHERE message_id IS NOT NULL AND reporter <> 0;

CREATE TABLE report_notes (
    report_id  INTEGER NOT NULL REFERENCES reports (id),
    author     INTEGER NOT NULL REFERENCES users (id),
    body       TEXT    NOT NULL,
    at         INTEGER NOT NULL
);
CREATE INDEX report_notes_report ON report_notes (report_id);

CREATE TABLE automod_rules (
    id              INTEGER PRIMARY KEY,
    conversation_id INTEGER REFERENCES conversations (id), -- NULL: everywhere
    spec            TEXT    NOT NULL,                    -- the rule (JSON)
    created_by      INTEGER NOT NULL REFERENCES users (id),
    created_at      INTEGER NOT NULL
);

CREATE TABLE blocks (
    user_id    INTEGER NOT NULL REFERENCES users (id),
    blocked_id INTEGER NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, blocked_id)
);
CREATE INDEX blocks_blocked ON blocks (blocked_id);
