-- Presence: when a person's last connection ended, on any node (shown as "last seen").
ALTER TABLE users ADD COLUMN last_seen_at BIGINT;
