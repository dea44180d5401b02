//! Reads made for many requests at once.
//!
//! On SQLite every statement is a round trip to the worker thread of the connection it runs on: a wake-up and two
//! context switches of the node's core, which in a connect storm cost more than SQLite's own work on the statement
//! (`docs/benchmarks.md`, the connect storm). A [`Batcher`] is a task that takes every request waiting for it,
//! answers all of them with the same few statements, then takes the requests that came meanwhile. Before it reads,
//! it lets the tasks that are ready to run on the node's runtime run once, so that those about to ask are in the
//! batch too (in a connect storm that made batches of 4 into batches of about 17). A request that arrives alone is
//! read as soon as the runtime has nothing else to run, as it would be without the batcher; a thousand that arrive
//! together share a few dozen statements. The batches grow with the load by themselves, as the writer's groups do,
//! with no timer.

use std::future::Future;
use std::sync::Arc;

use tokio::sync::{mpsc, oneshot};

use super::StoreError;

/// The most requests one batch answers: bounds a statement's list and what one failure takes down.
const MAX_BATCH: usize = 64;
/// Requests queued for the task; more wait to be queued.
const QUEUE: usize = 1024;

/// A request and where its answer goes.
pub(crate) struct Asked<Q, A> {
    pub question: Q,
    reply: oneshot::Sender<A>,
}

impl<Q, A> Asked<Q, A> {
    /// The asker may have gone (its connection closed): nobody to tell, nothing lost.
    pub fn answer(self, answer: A) {
        let _ = self.reply.send(answer);
    }
}

/// Answers every request of a batch with the answer `read` gave for all of them, or with its error.
pub(crate) fn answer_all<Q, T>(
    batch: Vec<Asked<Q, Result<T, StoreError>>>,
    read: Result<Vec<T>, StoreError>,
) {
    match read {
        Ok(answers) => {
            debug_assert_eq!(answers.len(), batch.len());
            for (asked, answer) in batch.into_iter().zip(answers) {
                asked.answer(Ok(answer));
            }
        }
        Err(error) => {
            tracing::error!(%error, requests = batch.len(), "a batched read failed");
            let error = Arc::new(error);
            for asked in batch {
                asked.answer(Err(StoreError::Batch(error.clone())));
            }
        }
    }
}

/// A request to a [`Batcher`] whose reads answer with a `T`.
pub(crate) type Question<Q, T> = Asked<Q, Result<T, StoreError>>;

/// The handle to a batching task; the task ends when the last handle is dropped.
pub(crate) struct Batcher<Q, T>(mpsc::Sender<Question<Q, T>>);

impl<Q, T> Clone for Batcher<Q, T> {
    fn clone(&self) -> Self {
        Batcher(self.0.clone())
    }
}

impl<Q: Send + 'static, T: Send + 'static> Batcher<Q, T> {
    /// Starts the task on the current runtime; `read` answers every request of the batch it is given.
    pub(crate) fn start<F, Fut>(mut read: F) -> Batcher<Q, T>
    where
        F: FnMut(Vec<Question<Q, T>>) -> Fut + Send + 'static,
        Fut: Future<Output = ()> + Send,
    {
        let (tx, mut rx) = mpsc::channel(QUEUE);
        tokio::spawn(async move {
            let mut batch = Vec::with_capacity(MAX_BATCH);
            while rx.recv_many(&mut batch, MAX_BATCH).await > 0 {
                // Once more round the runtime's queue first: the tasks ready to run now may ask too.
                tokio::task::yield_now().await;
                while batch.len() < MAX_BATCH
                    && let Ok(asked) = rx.try_recv()
                {
                    batch.push(asked);
                }
                read(std::mem::replace(&mut batch, Vec::with_capacity(MAX_BATCH))).await;
            }
        });
        Batcher(tx)
    }

    /// Waits for the answer; [`StoreError::Stopping`] when the task is gone (the runtime is shutting down).
    pub(crate) async fn ask(&self, question: Q) -> Result<T, StoreError> {
        let (reply, answer) = oneshot::channel();
        if self.0.send(Asked { question, reply }).await.is_err() {
            return Err(StoreError::Stopping);
        }
        answer.await.unwrap_or(Err(StoreError::Stopping))
    }
}

/// Each of `keys`' entry in `found`, in the order of `keys`, the default for a key not found; a key asked for twice
/// (one person connecting from two devices at once) gets a copy.
pub(crate) fn in_order<K, T>(keys: &[K], mut found: std::collections::HashMap<K, T>) -> Vec<T>
where
    K: Eq + std::hash::Hash,
    T: Clone + Default,
{
    keys.iter()
        .enumerate()
        .map(|(i, key)| {
            let again = keys[i + 1..].contains(key);
            let entry = if again {
                found.get(key).cloned()
            } else {
                found.remove(key)
            };
            entry.unwrap_or_default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    #[test]
    fn in_order_follows_the_keys_and_copies_a_key_asked_twice() {
        let found = HashMap::from([(1, vec![10]), (2, vec![20])]);
        assert_eq!(
            in_order(&[2, 3, 1, 2], found),
            vec![vec![20], vec![], vec![10], vec![20]]
        );
    }

    #[tokio::test]
    async fn requests_that_wait_are_answered_in_one_batch() {
        let (sizes_tx, mut sizes) = mpsc::unbounded_channel();
        let batcher = Batcher::start(move |batch: Vec<Question<u32, u32>>| {
            let sizes_tx = sizes_tx.clone();
            async move {
                sizes_tx.send(batch.len()).expect("the test is listening");
                let doubled = batch.iter().map(|asked| asked.question * 2).collect();
                answer_all(batch, Ok(doubled));
            }
        });
        // Queued before the task runs (this test's runtime has one thread): all in the first batch.
        let answers = futures_util::future::join_all((0..10).map(|n| batcher.ask(n))).await;
        let answers: Vec<u32> = answers.into_iter().map(|a| a.expect("answered")).collect();
        assert_eq!(answers, (0..10).map(|n| n * 2).collect::<Vec<_>>());
        assert_eq!(sizes.recv().await, Some(10));
        // Alone, a request is a batch of one.
        assert_eq!(batcher.ask(21).await.expect("answered"), 42);
        assert_eq!(sizes.recv().await, Some(1));
    }
}
