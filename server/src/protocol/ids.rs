//! Identifier newtypes. On the wire they are plain JSON numbers.

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// A person.
    UserId
);
id_type!(
    /// A channel, direct or group conversation.
    ConversationId
);
id_type!(
    /// A message.
    MessageId
);

/// The position of an event in its conversation: 1, 2, 3, … without gaps.
pub type Seq = u64;
