//! Black-box tests of the real server: `engawa::run` on a free port, real WebSockets and HTTP, a real database
//! (SQLite by default; `ENGAWA_TEST_DATABASE=postgres` for PostgreSQL).

mod support;

mod access;
mod bad_input;
mod channels;
mod chat;
mod consultations;
mod hardening;
mod idempotency;
mod lifecycle;
mod moderation;
mod resume;
