//! Moderation policy as pure functions and plain structs: who may do what to whom ([`policy`]), automod rules and
//! their matcher ([`automod`]), and the login and registration limits ([`throttle`]). Time is passed in; nothing
//! here does I/O. The hub's `moderation` operations and the HTTP handlers are the shells around them.

pub mod automod;
pub mod policy;
pub mod throttle;

pub use automod::Automod;
pub use policy::{Power, Standing};
