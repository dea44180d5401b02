//! Channels: discovery, invitations, channel moderators, topics, paging both ways; browsers on the cookie.

use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

use crate::support::{Client, Server, is_event};

#[tokio::test]
async fn invite_only_channels_are_listed_but_need_an_invitation() {
    let server = Server::start().await;
    let anna = server.register("anna").await;
    let binod = server.register("binod").await;
    let channel = server.channel(&anna, "visa-help", "invite_only").await;
    let (_, listed) = server.api(&binod, "GET", "/channels", None).await;
    let entry = listed
        .as_array()
        .and_then(|l| l.iter().find(|c| c["id"] == channel))
        .expect("invite-only channels are discoverable")
        .clone();
    assert_eq!(entry["joined"], false);
    let (status, body) = server
        .api(&binod, "POST", &format!("/channels/{channel}/join"), None)
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (403, Some("invite_required"))
    );

    let mut b = server.connect(&binod).await;
    let (status, _) = server
        .api(
            &anna,
            "POST",
            &format!("/channels/{channel}/invite"),
            Some(json!({"user": binod.id})),
        )
        .await;
    assert_eq!(status, 200);
    let invited = b.expect(|v| v["type"] == "membership").await;
    assert_eq!(invited["change"], "invited");
    assert_eq!(invited["summary"]["name"], "visa-help");
    // The join's event and its ack both arrive; the event is usually first (fan-out precedes the answer).
    b.send(json!({"type": "join_channel", "ref": "join", "conversation": channel}))
        .await;
    let (mut ack, mut event) = (None, None);
    while ack.is_none() || event.is_none() {
        let v = b
            .expect(|v| v["ref"] == "join" || is_event(v, channel, "member_joined"))
            .await;
        if v["ref"] == "join" {
            ack = Some(v);
        } else {
            event = Some(v);
        }
    }
    assert_eq!(ack.expect("ack")["conversation"]["joined"], true);
    assert_eq!(event.expect("event")["user"], binod.id);
}

#[tokio::test]
async fn channel_moderators_manage_topic_and_moderators_members_do_not() {
    let server = Server::start().await;
    let anna = server.register("anna").await;
    let binod = server.register("binod").await;
    let chen = server.register("chen").await;
    let channel = server.channel(&anna, "housing", "private").await;
    for user in [&binod, &chen] {
        server
            .api(
                &anna,
                "POST",
                &format!("/channels/{channel}/invite"),
                Some(json!({"user": user.id})),
            )
            .await;
        server.join(user, channel).await;
    }
    let mut c = server.connect(&chen).await;
    let (status, body) = server
        .api(
            &binod,
            "PATCH",
            &format!("/channels/{channel}"),
            Some(json!({"topic": "mine now"})),
        )
        .await;
    assert_eq!((status, body["code"].as_str()), (403, Some("forbidden")));

    let (status, _) = server
        .api(
            &anna,
            "PUT",
            &format!("/channels/{channel}/moderators/{}", binod.id),
            None,
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        c.expect(|v| is_event(v, channel, "moderator_added")).await["user"],
        binod.id
    );
    let (status, _) = server
        .api(
            &binod,
            "PATCH",
            &format!("/channels/{channel}"),
            Some(
                json!({"topic": "Finding an apartment in Toyama", "languages": ["ja", "en", "vi"]}),
            ),
        )
        .await;
    assert_eq!(status, 200);
    let updated = c.expect(|v| is_event(v, channel, "channel_updated")).await;
    assert_eq!(updated["topic"], "Finding an apartment in Toyama");
    assert_eq!(updated["languages"], json!(["ja", "en", "vi"]));
    let (_, summary) = server
        .api(&chen, "GET", &format!("/conversations/{channel}"), None)
        .await;
    assert_eq!(summary["topic"], "Finding an apartment in Toyama");

    // A channel moderator may delete others' messages; a member may not.
    let mut a = server.connect(&anna).await;
    let ack = a.say(channel, "spam?").await;
    let refused = c
        .request(json!({"type": "delete_message", "message": ack["message"]}))
        .await;
    assert_eq!(refused["code"], "not_author");
    let (status, _) = server
        .api(
            &binod,
            "DELETE",
            &format!("/messages/{}", ack["message"]),
            None,
        )
        .await;
    assert_eq!(status, 200);
    c.expect(|v| is_event(v, channel, "message_deleted")).await;
}

#[tokio::test]
async fn history_pages_backwards_and_forwards_by_seq() {
    let server = Server::start().await;
    let anna = server.register("anna").await;
    let binod = server.register("binod").await;
    let mut a = server.connect(&anna).await;
    let dm = a.open_direct(&binod).await;
    let mut seqs = Vec::new();
    for i in 0..25 {
        seqs.push(
            a.say(dm, &format!("n{i}")).await["seq"]
                .as_u64()
                .expect("seq"),
        );
    }
    let newest = a
        .request(json!({"type": "history", "conversation": dm, "limit": 10}))
        .await;
    let bodies: Vec<&str> = newest["messages"]
        .as_array()
        .expect("page")
        .iter()
        .filter_map(|m| m["body"].as_str())
        .collect();
    assert_eq!(
        bodies,
        (15..25).map(|i| format!("n{i}")).collect::<Vec<_>>()
    );
    assert_eq!(newest["has_more"], true);
    assert_eq!(newest["as_of"], seqs[24]);
    let older = a
        .request(json!({"type": "history", "conversation": dm, "limit": 10, "before": seqs[15]}))
        .await;
    assert_eq!(older["messages"][0]["body"], "n5");
    let forward = a
        .request(json!({"type": "history", "conversation": dm, "limit": 100, "after": seqs[19]}))
        .await;
    let bodies: Vec<&str> = forward["messages"]
        .as_array()
        .expect("page")
        .iter()
        .filter_map(|m| m["body"].as_str())
        .collect();
    assert_eq!(bodies, ["n20", "n21", "n22", "n23", "n24"]);
    assert_eq!(forward["has_more"], false);
    let (status, page) = server
        .api(
            &binod,
            "GET",
            &format!("/conversations/{dm}/messages?after={}&limit=2", seqs[0]),
            None,
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(page["messages"][1]["body"], "n2");
    let both = a
        .request(json!({"type": "history", "conversation": dm, "before": 5, "after": 1}))
        .await;
    assert_eq!(both["code"], "invalid_range");
}

#[tokio::test]
async fn browsers_authenticate_with_the_session_cookie() {
    let server = Server::start().await;
    let anna = server.register("anna").await;
    let mut request = format!("ws://{}/ws", server.addr)
        .into_client_request()
        .expect("request");
    request.headers_mut().insert(
        "cookie",
        format!("theme=dark; engawa_session={}", anna.token)
            .parse()
            .expect("header"),
    );
    request.headers_mut().insert(
        "origin",
        format!("http://{}", server.addr).parse().expect("header"),
    );
    let (ws, _) = tokio_tungstenite::connect_async(request)
        .await
        .expect("upgrade");
    let mut client = Client {
        ws,
        ready: serde_json::Value::Null,
        next_ref: 1,
    };
    client.send(json!({"type": "hello", "protocol": 2})).await;
    let ready = client.expect(|v| v["type"] == "ready").await;
    assert_eq!(ready["user"]["username"], "anna");
    assert!(
        !ready.to_string().contains(&anna.token),
        "the token is never echoed"
    );
}

#[tokio::test]
async fn finding_people_matches_what_was_typed_literally() {
    let server = Server::start().await;
    let anna = server.register("anna_x").await;
    server.register("annabx").await;
    let found = |q: &'static str| {
        let (server, anna) = (&server, &anna);
        async move {
            let (status, body) = server
                .api(anna, "GET", &format!("/users?q={q}"), None)
                .await;
            assert_eq!(status, 200, "{body}");
            let mut names: Vec<String> = body
                .as_array()
                .expect("a list")
                .iter()
                .filter_map(|p| p["username"].as_str().map(str::to_owned))
                .collect();
            names.sort();
            names
        }
    };
    assert_eq!(
        found("anna_").await,
        ["anna_x"],
        "`_` is a character, not a wildcard"
    );
    assert_eq!(found("ANNA").await, ["anna_x", "annabx"]);
    assert_eq!(
        found("anna%25").await,
        Vec::<String>::new(),
        "`%` is a character too"
    );
}

/// Waits until `client` has been told, in pushed presence frames, that each of `people` is online; checks that no
/// frame names a person twice (two shared conversations) or anyone outside `allowed`.
async fn hears_online(client: &mut Client, people: &[i64], allowed: &[i64]) {
    let mut online = std::collections::HashSet::new();
    while !people.iter().all(|p| online.contains(p)) {
        let frame = client
            .expect(|v| v["type"] == "presence" && v.get("ref").is_none())
            .await;
        let users = frame["users"]
            .as_array()
            .expect("a presence frame lists users");
        let ids: Vec<i64> = users.iter().filter_map(|u| u["user"].as_i64()).collect();
        let unique: std::collections::HashSet<_> = ids.iter().collect();
        assert_eq!(
            unique.len(),
            ids.len(),
            "each person once per frame: {frame}"
        );
        assert!(
            ids.iter().all(|id| allowed.contains(id)),
            "only people who share a conversation: {frame}"
        );
        for user in users {
            if user["status"] == "online" {
                online.insert(user["user"].as_i64().expect("an id"));
            }
        }
    }
}

#[tokio::test]
async fn members_who_come_online_together_each_hear_of_all_the_others_once() {
    let server = Server::start().await;
    let admin = server.admin("root").await;
    let owner = server.register("olga").await;
    server.set_role(&admin, &owner, "volunteer").await;
    let lobby = server.channel(&owner, "lobby", "public").await;
    let second = server.channel(&owner, "second", "public").await;
    let (anna, boris, chen) = (
        server.register("anna").await,
        server.register("boris").await,
        server.register("chen").await,
    );
    for user in [&anna, &boris, &chen] {
        server.join(user, lobby).await;
    }
    // Anna and Boris share two conversations; Dora shares none with them.
    server.join(&anna, second).await;
    server.join(&boris, second).await;
    let dora = server.register("dora").await;
    let elsewhere = server.channel(&admin, "elsewhere", "public").await;
    server.join(&dora, elsewhere).await;

    let mut clients = Vec::new();
    for user in [&anna, &boris, &chen, &dora] {
        clients.push(server.connect(user).await);
    }
    let in_lobby = [owner.id, anna.id, boris.id, chen.id];
    for (client, me) in clients.iter_mut().zip([&anna, &boris, &chen]) {
        let others: Vec<i64> = [anna.id, boris.id, chen.id]
            .into_iter()
            .filter(|id| *id != me.id)
            .collect();
        hears_online(client, &others, &in_lobby).await;
    }
    // Dora hears of nobody in the lobby: the first person she hears of is the one who shares her channel.
    let _root = server.connect(&admin).await;
    hears_online(&mut clients[3], &[admin.id], &[admin.id, dora.id]).await;
}

/// The next pushed presence frame that names `person`, and what it says of them.
async fn pushed_presence_of(client: &mut Client, person: i64) -> Value {
    let frame = client
        .expect(|v| {
            v["type"] == "presence"
                && v.get("ref").is_none()
                && v["users"]
                    .as_array()
                    .is_some_and(|users| users.iter().any(|u| u["user"] == person))
        })
        .await;
    frame["users"]
        .as_array()
        .and_then(|users| users.iter().find(|u| u["user"] == person))
        .cloned()
        .expect("the frame names the person")
}

#[tokio::test]
async fn someone_who_hides_their_presence_comes_online_as_offline_until_they_stop_hiding() {
    let server = Server::start().await;
    let admin = server.admin("root").await;
    let lobby = server.channel(&admin, "lobby", "public").await;
    let (anna, boris) = (
        server.register("anna").await,
        server.register("boris").await,
    );
    server.join(&anna, lobby).await;
    server.join(&boris, lobby).await;
    let (status, _) = server
        .api(&anna, "PATCH", "/me", Some(json!({"hide_presence": true})))
        .await;
    assert_eq!(status, 200);

    let mut boris_ws = server.connect(&boris).await;
    let _anna_ws = server.connect(&anna).await;
    let seen = pushed_presence_of(&mut boris_ws, anna.id).await;
    assert_eq!(seen["status"], "offline", "hidden from others: {seen}");
    assert!(seen.get("last_seen").is_none(), "without last seen: {seen}");

    let (status, _) = server
        .api(&anna, "PATCH", "/me", Some(json!({"hide_presence": false})))
        .await;
    assert_eq!(status, 200);
    let seen = pushed_presence_of(&mut boris_ws, anna.id).await;
    assert_eq!(seen["status"], "online", "shown again: {seen}");
}
