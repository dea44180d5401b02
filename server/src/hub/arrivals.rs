//! What a connection reads before `ready`: the conversations its person is in and the people they blocked, its
//! subscriptions, then its conversations' summaries. Read for every connection that arrives at about the same time
//! at once (`store::batch`): after a restart a node's whole community reconnects within seconds.

use std::sync::Arc;

use crate::protocol::{ConversationSummary, UserId};
use crate::store::{Question, StoreError, answer_all};

use super::registry::Conn;
use super::{Hub, Shared};

/// What a session starts from.
pub struct Started {
    /// Newest activity first.
    pub conversations: Vec<ConversationSummary>,
    /// In the order they were blocked.
    pub blocked: Vec<UserId>,
}

pub(super) type Arrival = Question<Arc<Conn>, Started>;

/// Subscribes each connection of the batch to its conversations, then reads their summaries: every event is then
/// either in what was read or queued in the connection's outbox.
pub(super) async fn start(shared: &Shared, batch: Vec<Arrival>) {
    let read = async {
        let users: Vec<UserId> = batch.iter().map(|asked| asked.question.user).collect();
        let mut reader = shared.store.reader().await?;
        let memberships = reader.memberships_and_blocks(&users).await?;
        for (asked, of) in batch.iter().zip(&memberships) {
            shared
                .registry
                .subscribe_initial(&asked.question, &of.conversations);
        }
        let conversations = reader.conversations_of_all(&users).await?;
        Ok(memberships
            .into_iter()
            .zip(conversations)
            .map(|(of, conversations)| Started {
                conversations,
                blocked: of.blocked,
            })
            .collect())
    }
    .await;
    answer_all(batch, read);
}

impl Hub {
    /// Subscribes a new connection to its person's conversations and reads what `ready` says of them.
    pub async fn arrive(&self, conn: Arc<Conn>) -> Result<Started, StoreError> {
        self.arrivals.ask(conn).await
    }
}
