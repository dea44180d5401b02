//! People talking: channels, direct messages, mentions, edits, deletes, reactions, typing, read markers.

use serde_json::{Value, json};

use crate::support::{Client, Server, client_id, is_event};

#[tokio::test]
async fn two_people_chat_live_in_a_channel() {
    let server = Server::start().await;
    let anna = server.register("anna").await;
    let binod = server.register("binod").await;
    server.promote("root", &anna, "volunteer").await;
    let channel = server.channel(&anna, "newcomers", "public").await;
    server.join(&binod, channel).await;

    let mut a = server.connect(&anna).await;
    let mut b = server.connect(&binod).await;
    let listed = b.ready["conversations"]
        .as_array()
        .expect("conversations")
        .clone();
    assert!(
        listed
            .iter()
            .any(|c| c["id"] == channel && c["name"] == "newcomers"),
        "{listed:?}"
    );

    let ack = a.say(channel, "Welcome to Toyama! Ask anything.").await;
    let seq = ack["seq"].as_u64().expect("seq in ack");
    assert!(ack["message"].as_i64().is_some());
    let event = b.expect(|v| is_event(v, channel, "message")).await;
    assert_eq!(event["seq"], seq);
    assert_eq!(event["message"]["body"], "Welcome to Toyama! Ask anything.");
    assert_eq!(event["actor"], anna.id);
    assert_eq!(event["message"]["id"], ack["message"]);
    assert_eq!(event["message"]["lang"], "en");
    // The event says once who sent it, where, when and at which seq: its message does not repeat them.
    for repeated in ["conversation", "seq", "author", "created_at"] {
        assert!(event["message"].get(repeated).is_none(), "{event}");
    }

    let reply = b
        .request(json!({
            "type": "send_message", "conversation": channel, "client_id": client_id(),
            "body": "ありがとう！", "lang": "ja", "reply_to": ack["message"]
        }))
        .await;
    assert_eq!(reply["seq"], seq + 1, "gap-free seq: {reply}");
    let seen = a
        .expect(|v| is_event(v, channel, "message") && v["seq"] == seq + 1)
        .await;
    assert_eq!(seen["message"]["reply_to"], ack["message"]);
    assert_eq!(seen["message"]["lang"], "ja");
}

#[tokio::test]
async fn direct_messages_reach_only_the_two_people() {
    let server = Server::start().await;
    let (anna, binod, chen) = (
        server.register("anna").await,
        server.register("binod").await,
        server.register("chen").await,
    );
    let mut a = server.connect(&anna).await;
    let mut b = server.connect(&binod).await;
    let mut c = server.connect(&chen).await;
    let opened = a
        .request(json!({"type": "open_direct", "users": [binod.id]}))
        .await;
    assert_eq!(opened["type"], "ack", "{opened}");
    let dm = opened["conversation"]["id"].as_i64().expect("dm id");
    assert_eq!(opened["conversation"]["kind"], "direct");
    let joined = b
        .expect(|v| v["type"] == "membership" && v["conversation"] == dm)
        .await;
    assert_eq!(joined["change"], "joined");

    // Opening it again, from either side, finds the same conversation.
    let again = b
        .request(json!({"type": "open_direct", "users": [anna.id]}))
        .await;
    assert_eq!(again["conversation"]["id"], dm);

    a.say(dm, "Do you know a good clinic near Toyama station?")
        .await;
    let got = b.expect(|v| is_event(v, dm, "message")).await;
    assert_eq!(
        got["message"]["body"],
        "Do you know a good clinic near Toyama station?"
    );

    // Chen hears nothing and cannot read it.
    c.request(json!({"type": "ping"})).await;
    let history = c
        .request(json!({"type": "history", "conversation": dm}))
        .await;
    assert_eq!(history["type"], "error");
    assert_eq!(history["code"], "not_found");
    let (status, _) = server
        .api(&chen, "GET", &format!("/conversations/{dm}/messages"), None)
        .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn group_conversations_hold_up_to_eight_people() {
    let server = Server::start().await;
    let mut people = Vec::new();
    for i in 0..9 {
        people.push(server.register(&format!("person{i}")).await);
    }
    let ids: Vec<i64> = people[1..8].iter().map(|p| p.id).collect();
    let mut a = server.connect(&people[0]).await;
    let group = a
        .request(json!({"type": "open_direct", "users": ids}))
        .await;
    assert_eq!(group["conversation"]["kind"], "group", "{group}");
    assert_eq!(group["conversation"]["member_count"], 8);
    let too_many: Vec<i64> = people[1..9].iter().map(|p| p.id).collect();
    let refused = a
        .request(json!({"type": "open_direct", "users": too_many}))
        .await;
    assert_eq!(refused["code"], "too_many_members");
    assert_eq!(refused["args"]["max"], 8);
    assert_eq!(
        refused["text"],
        "A group conversation can have at most 8 people."
    );
}

#[tokio::test]
async fn mentions_notify_the_person_and_count_as_unread_mentions() {
    let server = Server::start().await;
    let anna = server.register("anna").await;
    let binod = server.register("binod").await;
    let channel = server.channel_of_two(&anna, &binod, "help-desk").await;
    let mut a = server.connect(&anna).await;
    let mut b = server.connect(&binod).await;
    let ack = a.say(channel, "@Binod could you check the tax form?").await;
    let (mention, before) = b.expect_collect(|v| v["type"] == "mentioned").await;
    assert_eq!(mention["conversation"], channel);
    assert_eq!(mention["message"], ack["message"]);
    assert_eq!(mention["by"], anna.id);
    assert_eq!(mention["notice"]["id"], "notice-mentioned");
    assert_eq!(
        mention["notice"]["text"],
        "anna display mentioned you in #help-desk."
    );
    let event = before
        .iter()
        .find(|v| is_event(v, channel, "message"))
        .expect("the message arrives before the mention notice");
    assert_eq!(event["message"]["mentions"], json!([binod.id]));

    let summary = server.summary(&binod, channel).await;
    assert_eq!(summary["unread"], 1, "{summary}");
    assert_eq!(summary["mentions"], 1, "{summary}");

    let read = b
        .request(json!({"type": "mark_read", "conversation": channel, "seq": ack["seq"]}))
        .await;
    assert_eq!(read["type"], "read_marker");
    assert_eq!(read["unread"], 0);
    assert_eq!(read["mentions"], 0);
}

#[tokio::test]
async fn unread_counts_stop_at_100_and_are_exact_below() {
    let server = Server::start().await;
    let anna = server.register("anna").await;
    let binod = server.register("binod").await;
    let channel = server.channel_of_two(&anna, &binod, "busy").await;
    let mut a = server.connect(&anna).await;
    let mut seqs = Vec::new();
    for i in 0..130 {
        let ack = a.say(channel, &format!("message {i}")).await;
        seqs.push(ack["seq"].clone());
    }
    let mut b = server.connect(&binod).await;
    let summary = b.ready["conversations"]
        .as_array()
        .and_then(|l| l.iter().find(|c| c["id"] == channel))
        .expect("binod is in the channel")
        .clone();
    assert_eq!(summary["unread"], 100, "130 unread count as 100: {summary}");
    let read = b
        .request(json!({"type": "mark_read", "conversation": channel, "seq": seqs[59]}))
        .await;
    assert_eq!(read["unread"], 70, "{read}");
}

#[tokio::test]
async fn edits_deletes_and_reactions_are_seen_live_and_in_history() {
    let server = Server::start().await;
    let anna = server.register("anna").await;
    let binod = server.register("binod").await;
    let channel = server.channel(&anna, "lunch", "private").await;
    server
        .api(
            &anna,
            "POST",
            &format!("/channels/{channel}/invite"),
            Some(json!({"user": binod.id})),
        )
        .await;
    server.join(&binod, channel).await;
    let mut a = server.connect(&anna).await;
    let mut b = server.connect(&binod).await;

    let first = a.say(channel, "Ramen at 12?").await;
    let second = a.say(channel, "Or soba").await;
    let (m1, m2) = (first["message"].clone(), second["message"].clone());

    let edit = a
        .request(json!({"type": "edit_message", "message": m1, "body": "Ramen at 12:30?"}))
        .await;
    assert_eq!(edit["type"], "ack", "{edit}");
    let edited = b.expect(|v| is_event(v, channel, "message_edited")).await;
    assert_eq!(edited["body"], "Ramen at 12:30?");

    // Only the author edits.
    let refused = b
        .request(json!({"type": "edit_message", "message": m1, "body": "hijack"}))
        .await;
    assert_eq!(refused["code"], "not_author");

    let react = b
        .request(json!({"type": "add_reaction", "message": m1, "emoji": "👍"}))
        .await;
    assert_eq!(react["type"], "ack");
    let reaction = a.expect(|v| is_event(v, channel, "reaction_added")).await;
    assert_eq!(reaction["emoji"], "👍");
    assert_eq!(reaction["user"], binod.id);

    let delete = a
        .request(json!({"type": "delete_message", "message": m2}))
        .await;
    assert_eq!(delete["type"], "ack");
    let deleted = b.expect(|v| is_event(v, channel, "message_deleted")).await;
    assert_eq!(deleted["message"], m2);

    let page = b
        .request(json!({"type": "history", "conversation": channel}))
        .await;
    let messages = page["messages"].as_array().expect("messages");
    let one = messages
        .iter()
        .find(|m| m["id"] == m1)
        .expect("first message");
    assert_eq!(one["body"], "Ramen at 12:30?");
    assert!(one["edited_at"].as_i64().is_some());
    assert_eq!(
        one["reactions"],
        json!([{"emoji": "👍", "users": [binod.id]}])
    );
    let two = messages.iter().find(|m| m["id"] == m2).expect("tombstone");
    assert_eq!(two["deleted"], true);
    assert_eq!(two["body"], "");

    let (status, versions) = server
        .api(&binod, "GET", &format!("/messages/{m1}/edits"), None)
        .await;
    assert_eq!(status, 200);
    assert_eq!(versions["versions"][0]["body"], "Ramen at 12?");
}

#[tokio::test]
async fn typing_reaches_the_others_but_not_the_typist() {
    let server = Server::start().await;
    let anna = server.register("anna").await;
    let binod = server.register("binod").await;
    let mut a = server.connect(&anna).await;
    let mut b = server.connect(&binod).await;
    let dm = a.open_direct(&binod).await;
    b.expect(|v| v["type"] == "membership").await;
    a.send(json!({"type": "typing", "conversation": dm})).await;
    let typing = b.expect(|v| v["type"] == "typing").await;
    assert_eq!(typing["user"], anna.id);
    assert_eq!(typing["conversation"], dm);
    // The typist gets nothing back: the next frame it sees is the answer to its ping.
    let (pong, skipped) = {
        let reference = a.reference();
        a.send(json!({"type": "ping", "ref": reference})).await;
        a.expect_collect(|v| v["type"] == "pong").await
    };
    assert_eq!(pong["type"], "pong");
    assert!(skipped.iter().all(|v| v["type"] != "typing"), "{skipped:?}");
}

#[tokio::test]
async fn errors_are_rendered_in_the_persons_language() {
    let server = Server::start().await;
    let anna = server.register_with("anna", json!({"locale": "ja"})).await;
    let mut a = server.connect(&anna).await;
    assert_eq!(a.ready["locale"], "ja");
    let refused = a
        .request(json!({"type": "send_message", "conversation": 999, "client_id": "x", "body": " ", "lang": "ja"}))
        .await;
    assert_eq!(refused["code"], "empty_body");
    assert_eq!(refused["id"], "error-empty-body");
    assert!(
        !refused["text"].as_str().expect("text").is_ascii(),
        "{refused}"
    );
}

/// Sends that arrive together are committed together; one refused among them must cost the others nothing: each
/// good one is stored once, in order, and reaches the other members, and each refused one is answered as such.
#[tokio::test]
async fn refused_sends_among_many_at_once_leave_the_others_stored_in_order() {
    let server = pipelining_server().await;
    let anna = server.register("anna").await;
    let binod = server.register("binod").await;
    server.promote("root", &anna, "volunteer").await;
    let ours = server.channel(&anna, "newcomers", "public").await;
    // A channel anna is not in: sending there is refused with `not_member`, after the writer has read it.
    let theirs = server.channel(&anna, "elsewhere", "public").await;
    let (status, body) = server
        .api(
            &anna,
            "POST",
            &format!("/conversations/{theirs}/leave"),
            None,
        )
        .await;
    assert_eq!(status, 200, "leave: {body}");
    server.join(&binod, ours).await;
    let mut a = server.connect(&anna).await;
    let mut b = server.connect(&binod).await;

    // 120 sends pipelined without waiting for answers; every third one goes where anna may not write.
    const N: usize = 120;
    for i in 0..N {
        let conversation = if i % 3 == 2 { theirs } else { ours };
        a.send(
            json!({"type": "send_message", "ref": format!("s{i}"), "conversation": conversation,
                      "client_id": client_id(), "body": format!("message {i}"), "lang": "en"}),
        )
        .await;
    }
    let answers = answers_in_order(&mut a, (0..N).map(|i| format!("s{i}"))).await;
    let mut stored = Vec::new();
    for (i, answer) in answers.iter().enumerate() {
        if i % 3 == 2 {
            assert_eq!(answer["code"], "not_member", "{answer}");
        } else {
            assert_eq!(answer["type"], "ack", "{answer}");
            assert_eq!(answer["conversation"], ours, "{answer}");
            assert_eq!(answer["duplicate"], false, "stored once: {answer}");
            stored.push(answer["seq"].as_u64().expect("seq"));
        }
    }
    let good = N - N / 3;
    // One after another in the channel's log, with nothing between them.
    let first = stored[0];
    assert_eq!(stored, (first..first + good as u64).collect::<Vec<_>>());

    // binod gets the good ones, in order, each once.
    let mut bodies = Vec::new();
    while bodies.len() < good {
        let event = b.expect(|v| is_event(v, ours, "message")).await;
        bodies.push(event["message"]["body"].as_str().expect("body").to_owned());
    }
    let expected: Vec<String> = (0..N)
        .filter(|i| i % 3 != 2)
        .map(|i| format!("message {i}"))
        .collect();
    assert_eq!(bodies, expected);
    assert_eq!(server.history_bodies(&anna, ours).await, expected);
}

/// Requests pipelined on one socket reach the writer together and are often committed in one transaction; what each
/// sees must still be the state the ones before it left: a send after leaving is refused, and a retry finds the
/// message it repeats (even after leaving, as a retry answers with the original whatever changed since).
#[tokio::test]
async fn pipelined_sends_see_what_the_requests_before_them_did() {
    let server = pipelining_server().await;
    let anna = server.register("anna").await;
    let binod = server.register("binod").await;
    server.promote("root", &binod, "volunteer").await;
    const ROUNDS: usize = 20;
    let mut channels = Vec::new();
    for i in 0..ROUNDS {
        let channel = server.channel(&binod, &format!("room-{i}"), "public").await;
        server.join(&anna, channel).await;
        channels.push(channel);
    }
    let mut a = server.connect(&anna).await;

    // Per channel, pipelined: a message, leaving, two more messages, the first message again (a retry: same client
    // id). Channel after channel, each once the one before is answered, so that each channel's requests meet in the
    // writer only with one another.
    for (i, channel) in channels.iter().enumerate() {
        let repeated = client_id();
        let frames = [
            json!({"type": "send_message", "conversation": channel, "client_id": repeated, "body": "hello", "lang": "en"}),
            json!({"type": "leave", "conversation": channel}),
            json!({"type": "send_message", "conversation": channel, "client_id": client_id(), "body": "after", "lang": "en"}),
            json!({"type": "send_message", "conversation": channel, "client_id": client_id(), "body": "after", "lang": "en"}),
            json!({"type": "send_message", "conversation": channel, "client_id": repeated, "body": "hello", "lang": "en"}),
        ];
        let count = frames.len();
        for (n, mut frame) in frames.into_iter().enumerate() {
            frame["ref"] = json!(format!("r{i}-{n}"));
            a.send(frame).await;
        }
        let answers = answers_in_order(&mut a, (0..count).map(|n| format!("r{i}-{n}"))).await;
        let [sent, left, after @ .., retried] = &answers[..] else {
            unreachable!("five answers")
        };
        assert_eq!(sent["type"], "ack", "{sent}");
        assert_eq!(sent["duplicate"], false, "{sent}");
        assert!(sent["message"].is_i64(), "{sent}");
        assert_eq!(left["type"], "ack", "{left}");
        for after in after {
            assert_eq!(after["code"], "not_member", "sent after leaving: {after}");
        }
        assert_eq!(retried["type"], "ack", "{retried}");
        assert_eq!(
            retried["duplicate"], true,
            "the retry is the first message: {retried}"
        );
        assert_eq!(retried["message"], sent["message"], "{retried}");
        assert_eq!(retried["seq"], sent["seq"], "{retried}");

        // The channel holds the one message.
        assert_eq!(server.history_bodies(&binod, *channel).await, ["hello"]);
    }
}

/// A group of sends is stored in one statement with the ids and seqs the writer works out itself: sends pipelined
/// into three channels at once, with an edit among them and some mentioning the other member, must still take each
/// channel's next seqs with nothing missing or repeated, reach the other member in that order with their mentions,
/// and leave each channel's next seq right after.
#[tokio::test]
async fn pipelined_sends_into_several_channels_take_each_channels_next_seqs() {
    let server = pipelining_server().await;
    let anna = server.register("anna").await;
    let binod = server.register("binod").await;
    server.promote("root", &anna, "volunteer").await;
    let mut channels = Vec::new();
    for name in ["kitchen", "garden", "station"] {
        let channel = server.channel(&anna, name, "public").await;
        server.join(&binod, channel).await;
        channels.push(channel);
    }
    let mut a = server.connect(&anna).await;
    let mut b = server.connect(&binod).await;
    // Where each channel's log stands: its last seq is this message's.
    let mut before = Vec::new();
    for channel in &channels {
        before.push(a.say(*channel, "to be edited").await);
    }
    let first = &before[0];

    // 90 sends, channel after channel in turn, every fifth mentioning binod, and halfway an edit in the first channel.
    const N: usize = 90;
    let body = |i: usize| {
        if i.is_multiple_of(5) {
            format!("message {i} for @binod")
        } else {
            format!("message {i}")
        }
    };
    let mut refs = Vec::new();
    for i in 0..N {
        if i == N / 2 {
            a.send(
                json!({"type": "edit_message", "ref": "edit", "message": first["message"],
                          "body": "edited", "lang": "en"}),
            )
            .await;
            refs.push("edit".to_owned());
        }
        a.send(
            json!({"type": "send_message", "ref": format!("s{i}"), "conversation": channels[i % 3],
                      "client_id": client_id(), "body": body(i), "lang": "en"}),
        )
        .await;
        refs.push(format!("s{i}"));
    }
    let answers = answers_in_order(&mut a, refs.into_iter()).await;
    let mut seqs: Vec<Vec<u64>> = vec![Vec::new(); 3];
    let mut ids = Vec::new();
    let mut mentioning = Vec::new();
    for answer in &answers {
        assert_eq!(answer["type"], "ack", "{answer}");
        let seq = answer["seq"].as_u64().expect("seq");
        if answer["ref"] == "edit" {
            seqs[0].push(seq);
        } else {
            let channel = answer["conversation"].as_i64().expect("conversation");
            let k = channels
                .iter()
                .position(|c| *c == channel)
                .expect("one of the three");
            seqs[k].push(seq);
            ids.push(answer["message"].as_i64().expect("id"));
            if answer["ref"]
                .as_str()
                .and_then(|r| r[1..].parse::<usize>().ok())
                .is_some_and(|i| i % 5 == 0)
            {
                mentioning.push(answer["message"].clone());
            }
        }
    }
    // Each channel's log continues where it stood, in request order.
    for (k, list) in seqs.iter().enumerate() {
        let start = before[k]["seq"].as_u64().expect("seq") + 1;
        assert_eq!(
            *list,
            (start..start + list.len() as u64).collect::<Vec<_>>(),
            "channel {k}"
        );
    }
    let mut distinct = ids.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), N, "every message has an id of its own");

    // binod hears every event of every channel once, in seq order, and of each mention.
    let mut heard: Vec<Vec<u64>> = vec![Vec::new(); 3];
    let mut mentions = Vec::new();
    while heard.iter().map(Vec::len).sum::<usize>() < N + 1 || mentions.len() < mentioning.len() {
        let event = b
            .expect(|v| {
                (v["type"] == "event" || v["type"] == "mentioned")
                    && channels.contains(&v["conversation"].as_i64().unwrap_or(0))
            })
            .await;
        if event["type"] == "mentioned" {
            mentions.push(event["message"].clone());
            continue;
        }
        let k = channels
            .iter()
            .position(|c| event["conversation"] == *c)
            .expect("a channel");
        let seq = event["seq"].as_u64().expect("seq");
        if seq > before[k]["seq"].as_u64().expect("seq") {
            heard[k].push(seq);
        }
    }
    assert_eq!(heard, seqs);
    assert_eq!(mentions, mentioning);
    // Stored with the messages: each channel counts binod's unread mentions.
    for (k, channel) in channels.iter().enumerate() {
        let summary = server.summary(&binod, *channel).await;
        let expected = (0..N).filter(|i| i % 3 == k && i % 5 == 0).count();
        assert_eq!(summary["mentions"], expected, "channel {k}: {summary}");
    }
    for (k, channel) in channels.iter().enumerate() {
        let mut expected: Vec<String> = (0..N).filter(|i| i % 3 == k).map(body).collect();
        expected.insert(0, if k == 0 { "edited" } else { "to be edited" }.to_owned());
        assert_eq!(
            server.history_bodies(&anna, *channel).await,
            expected,
            "channel {k}"
        );
        // The channel's last seq moved with the messages: the next one follows them.
        let next = a.say(*channel, "and one more").await;
        assert_eq!(
            next["seq"],
            seqs[k].last().expect("seqs") + 1,
            "channel {k}"
        );
    }
}

/// A server whose send rate limit lets a test pipeline a few hundred messages at once.
async fn pipelining_server() -> Server {
    Server::start_with(|c| {
        c.limits.send_burst = 200;
        c.limits.send_per_second = 200;
    })
    .await
}

/// The answers (`ack` or `error`) to requests sent without waiting, which come in request order: one per ref.
async fn answers_in_order(client: &mut Client, refs: impl Iterator<Item = String>) -> Vec<Value> {
    let mut answers = Vec::new();
    for reference in refs {
        let answer = client
            .expect(|v| v["type"] == "ack" || v["type"] == "error")
            .await;
        assert_eq!(answer["ref"], reference.as_str(), "{answer}");
        answers.push(answer);
    }
    answers
}
