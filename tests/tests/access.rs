//! Who can read and post where: a non-member reaches a private channel or someone else's direct conversation by
//! no path (HTTP, WebSocket, history, resume, live events), including right after leaving.

use serde_json::{Value, json};

use crate::support::{Client, Server, User, client_id, is_event};

/// Every way of reading or writing a conversation, tried by `outsider`; each must be refused with `code` and
/// nothing of the conversation may reach them.
async fn assert_locked_out(
    server: &Server,
    outsider: &User,
    client: &mut Client,
    conversation: i64,
    code: &str,
) {
    let send = client
        .request(
            json!({"type": "send_message", "conversation": conversation, "client_id": client_id(),
                        "body": "let me in", "lang": "en"}),
        )
        .await;
    assert_eq!(send["code"], code, "send over WebSocket: {send}");
    let history = client
        .request(json!({"type": "history", "conversation": conversation}))
        .await;
    assert_eq!(history["code"], code, "history over WebSocket: {history}");
    let typing_then_ping = {
        client
            .send(json!({"type": "typing", "conversation": conversation}))
            .await;
        client.request(json!({"type": "ping"})).await
    };
    assert_eq!(typing_then_ping["type"], "pong");
    let resume = client
        .request(
            json!({"type": "resume", "conversations": [{"conversation": conversation, "seq": 0}]}),
        )
        .await;
    // Resume answers per conversation with an error frame (no ref), then acks the request.
    assert_eq!(resume["type"], "ack", "{resume}");

    let status_of = |code: &str| match code {
        "not_found" => 404,
        _ => 403,
    };
    let (status, body) = server
        .api(
            outsider,
            "GET",
            &format!("/conversations/{conversation}/messages"),
            None,
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (status_of(code), Some(code)),
        "history over HTTP"
    );
    let (status, body) = server
        .api(
            outsider,
            "POST",
            &format!("/conversations/{conversation}/messages"),
            Some(json!({"client_id": client_id(), "body": "let me in", "lang": "en"})),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (status_of(code), Some(code)),
        "send over HTTP"
    );
    let (status, _) = server
        .api(
            outsider,
            "GET",
            &format!("/conversations/{conversation}"),
            None,
        )
        .await;
    assert!(
        status == 404 || code != "not_found",
        "the conversation is hidden: {status}"
    );
}

/// Everything the client received so far, up to a ping barrier.
async fn drain(client: &mut Client) -> Vec<Value> {
    let reference = client.reference();
    client.send(json!({"type": "ping", "ref": reference})).await;
    client.expect_collect(|v| v["type"] == "pong").await.1
}

#[tokio::test]
async fn outsiders_cannot_reach_a_private_channel_or_someone_elses_direct_conversation() {
    let server = Server::start().await;
    let anna = server.register("anna").await;
    let binod = server.register("binod").await;
    let eve = server.register("eve").await;
    let private = server.channel(&anna, "staff-room", "private").await;
    let mut a = server.connect(&anna).await;
    let dm = a.open_direct(&binod).await;
    let mut e = server.connect(&eve).await;

    for conversation in [private, dm] {
        let join = e
            .request(json!({"type": "join_channel", "conversation": conversation}))
            .await;
        assert_eq!(join["code"], "not_found", "{join}");
        assert_locked_out(&server, &eve, &mut e, conversation, "not_found").await;
        a.say(conversation, "secret plans").await;
    }
    let (_, discover) = server.api(&eve, "GET", "/channels", None).await;
    assert!(
        discover
            .as_array()
            .expect("list")
            .iter()
            .all(|c| c["id"] != private),
        "{discover}"
    );
    let seen = drain(&mut e).await;
    assert!(
        seen.iter()
            .all(|v| v["type"] != "event" && v["type"] != "typing"),
        "{seen:?}"
    );
    assert!(!seen.iter().any(|v| v.to_string().contains("secret plans")));
    // Resuming someone else's conversation is refused.
    let mut again = server
        .connect_resume(&eve, vec![(dm, 0), (private, 0)])
        .await;
    let refused = again.expect(|v| v["type"] == "error").await;
    assert_eq!(refused["code"], "not_member");
    let seen = drain(&mut again).await;
    assert!(
        !seen.iter().any(|v| v.to_string().contains("secret plans")),
        "{seen:?}"
    );
}

#[tokio::test]
async fn a_member_who_leaves_loses_access_at_once() {
    let server = Server::start().await;
    let anna = server.register("anna").await;
    let binod = server.register("binod").await;
    let private = server.channel(&anna, "planning", "private").await;
    server
        .api(
            &anna,
            "POST",
            &format!("/channels/{private}/invite"),
            Some(json!({"user": binod.id})),
        )
        .await;
    server.join(&binod, private).await;
    let summary = format!("/conversations/{private}");
    let (_, seen) = server.api(&anna, "GET", &summary, None).await;
    assert_eq!(seen["member_count"], 2, "{seen}");
    let mut a = server.connect(&anna).await;
    let mut b = server.connect(&binod).await;
    let before = a.say(private, "before you go").await;
    b.expect(|v| is_event(v, private, "message")).await;

    // The ack may come before or after the membership frame (docs/protocol.md, ordering).
    let (left, gone) = b
        .request_and(json!({"type": "leave", "conversation": private}), |v| {
            v["type"] == "membership"
        })
        .await;
    assert_eq!(left["type"], "ack", "{left}");
    assert_eq!(gone["change"], "left");
    a.say(private, "after you left").await;
    let seen = drain(&mut b).await;
    assert!(
        !seen
            .iter()
            .any(|v| v.to_string().contains("after you left")),
        "{seen:?}"
    );
    assert_locked_out(&server, &binod, &mut b, private, "not_found").await;
    let (_, seen) = server.api(&anna, "GET", &summary, None).await;
    assert_eq!(seen["member_count"], 1, "one member fewer: {seen}");

    // A reconnect with an old resume point replays nothing.
    let mut again = server
        .connect_resume(
            &binod,
            vec![(private, before["seq"].as_u64().expect("seq"))],
        )
        .await;
    assert_eq!(
        again.expect(|v| v["type"] == "error").await["code"],
        "not_member"
    );
    let seen = drain(&mut again).await;
    assert!(
        !seen
            .iter()
            .any(|v| v.to_string().contains("after you left")),
        "{seen:?}"
    );
    assert!(
        again.ready["conversations"]
            .as_array()
            .expect("list")
            .iter()
            .all(|c| c["id"] != private)
    );
}

#[tokio::test]
async fn public_channels_can_be_previewed_but_not_written_without_joining() {
    let server = Server::start().await;
    let anna = server.register("anna").await;
    let binod = server.register("binod").await;
    server.promote("root", &anna, "volunteer").await;
    let public = server.channel(&anna, "town-square", "public").await;
    let mut a = server.connect(&anna).await;
    a.say(public, "hello everyone").await;
    let mut b = server.connect(&binod).await;
    let page = b
        .request(json!({"type": "history", "conversation": public}))
        .await;
    assert_eq!(page["type"], "history");
    assert_eq!(page["messages"][0]["body"], "hello everyone");
    let send = b
        .request(
            json!({"type": "send_message", "conversation": public, "client_id": client_id(),
                        "body": "hi", "lang": "en"}),
        )
        .await;
    assert_eq!(send["code"], "not_member");
    // Members only may create public channels when they are volunteers or more.
    let refused = b
        .request(json!({"type": "create_channel", "name": "mine", "visibility": "public"}))
        .await;
    assert_eq!(refused["code"], "forbidden");
}
