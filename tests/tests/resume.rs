//! Resume: what a reconnecting client missed is replayed in order, without gaps or duplicates; past the cap the
//! server says resync, and "page history, then apply live events" ends where a fresh load does.

use std::collections::{BTreeMap, BTreeSet};

use rand::RngExt;
use serde_json::{Value, json};

use crate::support::{Client, Server, User};

#[tokio::test]
async fn edits_deletes_and_reactions_missed_while_away_are_replayed() {
    let server = Server::start().await;
    let anna = server.register("anna").await;
    let binod = server.register("binod").await;
    let mut a = server.connect(&anna).await;
    let dm = a.open_direct(&binod).await;
    let first = a.say(dm, "first").await;
    let b = server.connect(&binod).await;
    let held = last_seq(&b.ready, dm);
    drop(b);

    let second = a.say(dm, "second").await;
    a.request(
        json!({"type": "edit_message", "message": first["message"], "body": "first, edited"}),
    )
    .await;
    a.request(json!({"type": "add_reaction", "message": first["message"], "emoji": "🎉"}))
        .await;
    a.request(json!({"type": "delete_message", "message": second["message"]}))
        .await;

    let mut b = server.connect_resume(&binod, vec![(dm, held)]).await;
    let mut kinds = Vec::new();
    let mut seqs = Vec::new();
    while kinds.len() < 4 {
        let v = b.expect(|v| v["type"] == "event").await;
        seqs.push(v["seq"].as_u64().expect("seq"));
        kinds.push(v["kind"].as_str().expect("kind").to_owned());
        if v["kind"] == "message" {
            // The replayed message is as it is now: deleted since, so no body.
            assert_eq!(v["message"]["deleted"], true);
            assert_eq!(v["message"]["body"], "");
        }
    }
    assert_eq!(
        kinds,
        [
            "message",
            "message_edited",
            "reaction_added",
            "message_deleted"
        ]
    );
    assert_eq!(seqs, ((held + 1)..=(held + 4)).collect::<Vec<_>>());
}

#[tokio::test]
async fn resuming_with_nothing_missed_replays_nothing_and_the_next_message_arrives_once() {
    let server = Server::start().await;
    let anna = server.register("anna").await;
    let binod = server.register("binod").await;
    let mut a = server.connect(&anna).await;
    let dm = a.open_direct(&binod).await;
    a.say(dm, "first").await;
    let b = server.connect(&binod).await;
    let held = last_seq(&b.ready, dm);
    drop(b);

    let mut b = server.connect_resume(&binod, vec![(dm, held)]).await;
    let next = a.say(dm, "next").await;
    let (event, before) = b.expect_collect(|v| v["type"] == "event").await;
    assert_eq!(event["seq"], next["seq"], "no replay before it: {before:?}");
    assert_eq!(event["message"]["body"], "next");
    // A resume request mid-session with what it holds is answered, and replays nothing either.
    let answer = b
        .request(
            json!({"type": "resume", "conversations": [{"conversation": dm, "seq": next["seq"]}]}),
        )
        .await;
    assert_eq!(answer["type"], "ack", "{answer}");
    let last = a.say(dm, "last").await;
    let event = b.expect(|v| v["type"] == "event").await;
    assert_eq!(event["seq"], last["seq"], "exactly once, in order");
}

#[tokio::test]
async fn clients_disconnected_at_random_points_end_with_no_gap_and_no_duplicate() {
    let server = Server::start().await;
    let writer_user = server.register("writer").await;
    server.promote("root", &writer_user, "volunteer").await;
    let channel = server.channel(&writer_user, "stream", "public").await;
    let mut readers = Vec::new();
    for i in 0..4 {
        let user = server.register(&format!("reader{i}")).await;
        server.join(&user, channel).await;
        readers.push(user);
    }
    const MESSAGES: usize = 300;
    let mut handles = Vec::new();
    for user in readers {
        let addr_server = ReaderTarget {
            addr: server.addr,
            user,
        };
        handles.push(tokio::spawn(addr_server.read_until(channel, MESSAGES)));
    }
    let mut w = server.connect(&writer_user).await;
    let mut stored = Vec::new();
    for i in 0..MESSAGES {
        let ack = w.say(channel, &format!("message {i}")).await;
        stored.push(ack["message"].clone());
        if i % 25 == 0 {
            w.request(json!({"type": "edit_message", "message": stored[i], "body": format!("edited {i}")})).await;
        }
        if i % 40 == 0 {
            w.request(json!({"type": "add_reaction", "message": stored[i], "emoji": "👀"}))
                .await;
        }
    }
    let last = w
        .request(json!({"type": "history", "conversation": channel, "limit": 1}))
        .await["as_of"]
        .as_u64()
        .expect("as_of");
    for handle in handles {
        let seqs = handle.await.expect("reader task");
        let first = *seqs.first().expect("the reader saw events");
        let expected: Vec<u64> = (first..=last).collect();
        assert_eq!(seqs, expected, "every seq once, in order");
    }
}

struct ReaderTarget {
    addr: std::net::SocketAddr,
    user: User,
}

impl ReaderTarget {
    /// Reads the channel's events, dropping the connection at random points and resuming each time, until it has
    /// seen the last of `messages` messages. Returns the seq it started from and every seq it received, in order.
    async fn read_until(self, channel: i64, messages: usize) -> Vec<u64> {
        let last_body = format!("message {}", messages - 1);
        let mut seqs = Vec::new();
        let mut held: Option<u64> = None;
        let mut done = false;
        while !done {
            let mut client = Client::open(self.addr).await;
            let resume: Vec<Value> = held
                .map(|seq| json!({"conversation": channel, "seq": seq}))
                .into_iter()
                .collect();
            client
                .send(json!({"type": "hello", "protocol": 2, "token": self.user.token, "resume": resume}))
                .await;
            let ready = client.expect(|v| v["type"] == "ready").await;
            if held.is_none() {
                held = Some(last_seq(&ready, channel));
                seqs.push(held.unwrap_or(0));
            }
            let stay_for = rand::rng().random_range(1..60);
            for _ in 0..stay_for {
                let Some(v) = client.next().await else { break };
                if v["type"] == "event" && v["conversation"] == channel {
                    let seq = v["seq"].as_u64().expect("seq");
                    seqs.push(seq);
                    held = Some(seq);
                    if v["message"]["body"] == last_body.as_str() {
                        done = true;
                        break;
                    }
                }
            }
            // Drop the connection without a goodbye.
        }
        seqs
    }
}

fn last_seq(ready: &Value, conversation: i64) -> u64 {
    ready["conversations"]
        .as_array()
        .and_then(|l| l.iter().find(|c| c["id"] == conversation))
        .and_then(|c| c["last_seq"].as_u64())
        .expect("the conversation is in ready")
}

/// What a client shows of one message: body, whether deleted, reactions as (emoji, user).
type Shown = (String, bool, BTreeSet<(String, i64)>);

/// What a client shows of a conversation.
#[derive(Debug, Default, PartialEq)]
struct View {
    messages: BTreeMap<i64, Shown>,
    /// Events with a seq at or below this are already reflected.
    as_of: u64,
}

impl View {
    fn load_page(&mut self, page: &Value) {
        for m in page["messages"].as_array().expect("messages") {
            let mut reactions = BTreeSet::new();
            for r in m["reactions"].as_array().into_iter().flatten() {
                for u in r["users"].as_array().expect("users") {
                    reactions.insert((
                        r["emoji"].as_str().expect("emoji").to_owned(),
                        u.as_i64().expect("user"),
                    ));
                }
            }
            let body = m["body"].as_str().expect("body").to_owned();
            self.messages.insert(
                m["id"].as_i64().expect("id"),
                (body, m["deleted"] == true, reactions),
            );
        }
        self.as_of = self.as_of.max(page["as_of"].as_u64().expect("as_of"));
    }

    fn apply(&mut self, v: &Value) {
        let seq = v["seq"].as_u64().expect("seq");
        if seq <= self.as_of {
            return;
        }
        self.as_of = seq;
        match v["kind"].as_str().expect("kind") {
            "message" => {
                let m = &v["message"];
                let body = m["body"].as_str().expect("body").to_owned();
                self.messages.insert(
                    m["id"].as_i64().expect("id"),
                    (body, m["deleted"] == true, BTreeSet::new()),
                );
            }
            "message_edited" => {
                if let Some(entry) = self.messages.get_mut(&v["message"].as_i64().expect("id")) {
                    entry.0 = v["body"].as_str().expect("body").to_owned();
                }
            }
            "message_deleted" => {
                if let Some(entry) = self.messages.get_mut(&v["message"].as_i64().expect("id")) {
                    *entry = (String::new(), true, BTreeSet::new());
                }
            }
            "reaction_added" | "reaction_removed" => {
                if let Some(entry) = self.messages.get_mut(&v["message"].as_i64().expect("id")) {
                    let key = (
                        v["emoji"].as_str().expect("emoji").to_owned(),
                        v["user"].as_i64().expect("user"),
                    );
                    if v["kind"] == "reaction_added" {
                        entry.2.insert(key);
                    } else {
                        entry.2.remove(&key);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Loads every page, newest first, into a fresh view.
async fn full_load(client: &mut Client, conversation: i64) -> View {
    let mut view = View::default();
    let mut before: Option<u64> = None;
    loop {
        let mut request = json!({"type": "history", "conversation": conversation, "limit": 7});
        if let Some(before) = before {
            request["before"] = json!(before);
        }
        let page = client.request(request).await;
        assert_eq!(page["type"], "history", "{page}");
        view.load_page(&page);
        let oldest = page["messages"]
            .as_array()
            .and_then(|m| m.first())
            .and_then(|m| m["seq"].as_u64());
        match (page["has_more"].as_bool(), oldest) {
            (Some(true), Some(oldest)) => before = Some(oldest),
            _ => return view,
        }
    }
}

#[tokio::test]
async fn past_the_cap_paging_history_then_applying_live_events_equals_a_fresh_load() {
    let server = Server::start_with(|c| c.limits.resume_cap = 5).await;
    let anna = server.register("anna").await;
    let binod = server.register("binod").await;
    let mut a = server.connect(&anna).await;
    let dm = a.open_direct(&binod).await;
    let mut ids = Vec::new();
    let mut rng_seed = 7u64;
    let mut next = move || {
        rng_seed = rng_seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (rng_seed >> 33) as usize
    };
    let mut b = server.connect(&binod).await;
    let mut view = full_load(&mut b, dm).await;
    for round in 0..6 {
        // Some events while B is connected, applied live; then B drops and misses more than the cap.
        for i in 0..12 {
            let step = next() % 5;
            if ids.is_empty() || step == 0 {
                ids.push(a.say(dm, &format!("round {round} message {i}")).await["message"].clone());
            } else {
                let target = ids[next() % ids.len()].clone();
                let request = match step {
                    1 => {
                        json!({"type": "edit_message", "message": target, "body": format!("edit {round}.{i}")})
                    }
                    2 => json!({"type": "delete_message", "message": target}),
                    3 => json!({"type": "add_reaction", "message": target, "emoji": "🙏"}),
                    _ => json!({"type": "remove_reaction", "message": target, "emoji": "🙏"}),
                };
                // Refusals (editing a deleted message) are part of real traffic; they store nothing.
                a.request(request).await;
            }
            if round % 2 == 0 && i == 6 {
                drop(b);
                for j in 0..8 {
                    ids.push(
                        a.say(dm, &format!("while away {round}.{j}")).await["message"].clone(),
                    );
                    let target = ids[next() % ids.len()].clone();
                    a.request(json!({"type": "edit_message", "message": target, "body": format!("away edit {j}")}))
                        .await;
                }
                b = server.connect_resume(&binod, vec![(dm, view.as_of)]).await;
                let resync = b.expect(|v| v["type"] == "resync").await;
                assert_eq!(resync["conversation"], dm);
                assert_eq!(resync["notice"]["id"], "notice-resync");
                assert!(
                    resync["notice"]["text"]
                        .as_str()
                        .is_some_and(|t| t.contains("missed"))
                );
                view = full_load(&mut b, dm).await;
            }
        }
        // Drain what B received live so far.
        let barrier = b.reference();
        b.send(json!({"type": "ping", "ref": barrier})).await;
        let sent = a.say(dm, "barrier").await;
        loop {
            let v = b
                .expect(|v| v["type"] == "event" || v["type"] == "history")
                .await;
            if v["type"] == "event" {
                view.apply(&v);
                if v["seq"] == sent["seq"] {
                    break;
                }
            }
        }
    }
    let mut fresh_client = server.connect(&binod).await;
    let fresh = full_load(&mut fresh_client, dm).await;
    assert_eq!(view.messages, fresh.messages);
    assert!(
        view.messages.values().any(|m| m.1),
        "the run deleted something"
    );
    assert!(
        view.messages.values().any(|m| !m.2.is_empty()),
        "the run left reactions"
    );
}
