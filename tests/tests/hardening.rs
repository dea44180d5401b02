//! Hardened edges: the WebSocket origin check, limits on logging in and registering, name rules, no secret in
//! any response, and every event reaching exactly the people allowed to see it.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

use crate::support::{Client, Server, User, assert_no_secrets, client_id};

/// Opens `/ws` with this `Origin` header (none when `None`) and returns the HTTP status of the answer.
async fn upgrade_status(server: &Server, origin: Option<&str>) -> u16 {
    let mut request = format!("ws://{}/ws", server.addr)
        .into_client_request()
        .expect("ws request");
    if let Some(origin) = origin {
        request
            .headers_mut()
            .insert("origin", origin.parse().expect("a header value"));
    }
    match tokio_tungstenite::connect_async(request).await {
        Ok((_, response)) => response.status().as_u16(),
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => response.status().as_u16(),
        Err(other) => panic!("upgrade failed without an HTTP answer: {other}"),
    }
}

#[tokio::test]
async fn the_websocket_origin_must_match_exactly() {
    let server =
        Server::start_with(|c| c.allowed_origins = vec!["https://chat.example.org".into()]).await;
    let own = format!("http://{}", server.addr);
    // Non-browser clients send no Origin; the page's own origin and the allowlist are accepted.
    for origin in [None, Some(own.as_str()), Some("https://chat.example.org")] {
        assert_eq!(upgrade_status(&server, origin).await, 101, "{origin:?}");
    }
    let lookalikes = [
        "https://evil.example".to_owned(),
        "null".to_owned(),
        format!("{own}.evil.example"),
        format!("{own}0"),
        format!("http://evil.example/{}", server.addr),
        format!("https://{}", server.addr).replace("https", "wss"),
        "https://chat.example.org.evil.example".to_owned(),
        "https://evil-chat.example.org".to_owned(),
        "http://chat.example.org".to_owned(),
        "https://chat.example.org/".to_owned(),
        "HTTPS://CHAT.EXAMPLE.ORG".to_owned(),
    ];
    for origin in &lookalikes {
        assert_eq!(upgrade_status(&server, Some(origin)).await, 403, "{origin}");
    }
}

async fn login_status(server: &Server, username: &str, password: &str) -> (u16, Value) {
    let response = server
        .http
        .post(server.url("/api/v1/auth/login"))
        .json(&json!({"username": username, "password": password}))
        .send()
        .await
        .expect("login request");
    let status = response.status().as_u16();
    let text = response.text().await.expect("body");
    assert_no_secrets(&text);
    (status, serde_json::from_str(&text).expect("JSON"))
}

#[tokio::test]
async fn repeated_failed_logins_are_slowed_down_per_account() {
    let server = Server::start().await;
    server.register("anna").await;
    server.register("boris").await;
    for attempt in 1..=6 {
        let (status, body) = login_status(&server, "anna", "wrong password!").await;
        assert_eq!(status, 401, "attempt {attempt}: {body}");
    }
    // The account now waits, even with the right password; another account from the same address does not.
    let (status, body) = login_status(&server, "Anna", "correct horse battery").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (429, Some("rate_limited")),
        "{body}"
    );
    assert!(
        body["args"]["seconds"].as_i64().is_some_and(|s| s >= 1),
        "{body}"
    );
    let (status, _) = login_status(&server, "boris", "correct horse battery").await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn registrations_per_address_are_limited() {
    let server = Server::start_with(|c| c.register_per_hour = 2).await;
    server.register("anna").await;
    server.register("boris").await;
    let (status, body) = {
        let response = server
            .http
            .post(server.url("/api/v1/auth/register"))
            .header("accept-language", "uk")
            .json(&json!({"username": "carol", "display_name": "Carol", "password": "correct horse battery"}))
            .send()
            .await
            .expect("register request");
        (
            response.status().as_u16(),
            response.json::<Value>().await.expect("JSON"),
        )
    };
    assert_eq!(
        (status, body["code"].as_str()),
        (429, Some("rate_limited")),
        "{body}"
    );
    let seconds = body["args"]["seconds"].as_i64().expect("seconds");
    assert!(
        (1700..=1800).contains(&seconds),
        "half an hour for one of two per hour: {body}"
    );
}

#[tokio::test]
async fn names_are_normalized_and_hidden_characters_are_refused() {
    let server = Server::start().await;
    let register = |username: &str, display: &str| {
        let body = json!({"username": username, "display_name": display, "password": "correct horse battery"});
        let request = server
            .http
            .post(server.url("/api/v1/auth/register"))
            .json(&body);
        async move {
            let response = request.send().await.expect("register request");
            (
                response.status().as_u16(),
                response.json::<Value>().await.expect("JSON"),
            )
        }
    };
    for bad in [
        "anna\u{202E}",
        "an\u{200B}na",
        "\u{2066}anna",
        "anna\u{FEFF}",
    ] {
        let (status, body) = register(bad, "Anna").await;
        assert_eq!(
            (status, body["code"].as_str()),
            (400, Some("invalid_username")),
            "{bad:?}"
        );
    }
    for bad in [
        "Anna\u{202E}evil",
        "A\u{200D}nna",
        "\u{061C}Anna",
        "Anna\u{E0041}",
    ] {
        let (status, body) = register("anna", bad).await;
        assert_eq!(status, 400, "{bad:?}: {body}");
        assert_eq!(body["args"]["field"], "display_name");
    }
    let (status, body) = register("Cafe\u{301}", "Cafe\u{301} Owner").await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["user"]["username"], "Caf\u{e9}");
    assert_eq!(body["user"]["display_name"], "Caf\u{e9} Owner");
    // The same name in another normal form is the same name.
    let (status, body) = register("caf\u{e9}", "Other").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("username_taken"))
    );

    let owner = server.register("olga").await;
    let admin = server.admin("root").await;
    server.set_role(&admin, &owner, "volunteer").await;
    let (status, body) = server
        .api(
            &owner,
            "POST",
            "/channels",
            Some(json!({"name": "news\u{202E}", "visibility": "public"})),
        )
        .await;
    assert_eq!(
        (status, body["args"]["field"].as_str()),
        (400, Some("name"))
    );
    let (status, body) = server
        .api(
            &owner,
            "POST",
            "/channels",
            Some(json!({"name": "cafe\u{301}", "visibility": "public"})),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["conversation"]["name"], "caf\u{e9}");
}

#[test]
fn the_secret_scanner_catches_a_leaked_token_or_hash() {
    let leaked = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$abc";
    assert!(std::panic::catch_unwind(|| assert_no_secrets(leaked)).is_err());
    assert!(std::panic::catch_unwind(|| assert_no_secrets(r#"{"token_hash":"x"}"#)).is_err());
    assert!(std::panic::catch_unwind(|| assert_no_secrets(r#"{"type":"pong"}"#)).is_ok());
}

/// Everything `client` received until the answer to a ping: a barrier, since frames arrive in order.
async fn drain(client: &mut Client) -> Vec<Value> {
    let reference = client.reference();
    client.send(json!({"type": "ping", "ref": reference})).await;
    let (_, frames) = client
        .expect_collect(|v| v["type"] == "pong" && v["ref"] == reference.as_str())
        .await;
    frames
}

#[tokio::test]
async fn every_event_reaches_exactly_the_people_allowed_to_see_it() {
    let server = Server::start().await;
    let admin = server.admin("root").await;
    let names = ["olga", "bob", "carol", "tom", "dave", "mika"];
    let mut users: BTreeMap<&str, User> = BTreeMap::new();
    for name in names {
        users.insert(name, server.register(name).await);
    }
    server.set_role(&admin, &users["olga"], "volunteer").await;
    server.set_role(&admin, &users["mika"], "moderator").await;
    let id_of = |name: &str| users[name].id;
    // olga owns (moderates) the channel; bob, carol and tom are members; dave and mika (staff) are not.
    let channel = server.channel(&users["olga"], "lounge", "public").await;
    for name in ["bob", "carol", "tom"] {
        server.join(&users[name], channel).await;
    }
    // Each person has a connection that only listens (what they receive is counted there) and, for those who
    // act, a second one that sends (answers to requests are read there, so nothing counted is skipped).
    let mut clients: BTreeMap<&str, Client> = BTreeMap::new();
    for name in names {
        clients.insert(name, server.connect(&users[name]).await);
    }
    let mut olga = server.connect(&users["olga"]).await;
    let mut mika = server.connect(&users["mika"]).await;
    let mut bob = server.connect(&users["bob"]).await;

    // The scenario: every kind of channel event, a direct conversation, typing, a report and a notice.
    let msg = olga.say(channel, "hello @bob").await["message"]
        .as_i64()
        .expect("id");
    olga.request(json!({"type": "edit_message", "message": msg, "body": "hello all"}))
        .await;
    olga.request(json!({"type": "add_reaction", "message": msg, "emoji": "👋"}))
        .await;
    olga.request(json!({"type": "remove_reaction", "message": msg, "emoji": "👋"}))
        .await;
    for action in [
        json!({"kind": "pin", "message": msg}),
        json!({"kind": "unpin", "message": msg}),
        json!({"kind": "slow_mode", "conversation": channel, "seconds": 5}),
        json!({"kind": "lock", "conversation": channel, "locked": true}),
        json!({"kind": "timeout", "user": id_of("tom"), "conversation": channel, "seconds": 60}),
        json!({"kind": "lift_timeout", "user": id_of("tom"), "conversation": channel}),
    ] {
        let ack = olga
            .request(json!({"type": "moderate", "action": action, "reason": ""}))
            .await;
        assert_eq!(ack["type"], "ack", "{ack}");
    }
    server
        .api(
            &users["olga"],
            "PATCH",
            &format!("/channels/{channel}"),
            Some(json!({"topic": "chat"})),
        )
        .await;
    let carol_id = id_of("carol");
    server
        .api(
            &users["olga"],
            "PUT",
            &format!("/channels/{channel}/moderators/{carol_id}"),
            None,
        )
        .await;
    server
        .api(
            &users["olga"],
            "DELETE",
            &format!("/channels/{channel}/moderators/{carol_id}"),
            None,
        )
        .await;
    olga.request(json!({"type": "moderate", "action": {"kind": "delete_message", "message": msg}, "reason": ""}))
        .await;
    olga.send(json!({"type": "typing", "conversation": channel}))
        .await;
    mika.request(json!({"type": "moderate",
                        "action": {"kind": "kick", "user": id_of("tom"), "conversation": channel}, "reason": ""}))
        .await;
    server.join(&users["tom"], channel).await;
    mika.request(json!({"type": "moderate",
                        "action": {"kind": "ban", "user": id_of("tom"), "conversation": channel}, "reason": ""}))
        .await;
    mika.request(json!({"type": "moderate",
                        "action": {"kind": "unban", "user": id_of("tom"), "conversation": channel}, "reason": ""}))
        .await;
    let direct = bob.open_direct(&users["dave"]).await;
    bob.request(
        json!({"type": "send_message", "conversation": direct, "client_id": client_id(),
                       "body": "psst", "lang": "en"}),
    )
    .await;
    server
        .api(
            &users["carol"],
            "POST",
            "/reports",
            Some(json!({"user": id_of("dave"), "category": "spam"})),
        )
        .await;

    // Who received what.
    let mut got: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for name in names {
        let client = clients.get_mut(name).expect("a client");
        for frame in drain(client).await {
            let key = match frame["type"].as_str() {
                Some("event") if frame["conversation"] == direct => {
                    format!("direct {}", frame["kind"].as_str().unwrap_or("?"))
                }
                Some("event") => format!("channel {}", frame["kind"].as_str().unwrap_or("?")),
                Some("typing") => "typing".into(),
                Some("report") => "report".into(),
                Some("notice") => {
                    format!("notice {}", frame["notice"]["id"].as_str().unwrap_or("?"))
                }
                Some("mentioned") => "mentioned".into(),
                _ => continue,
            };
            got.entry(key).or_default().insert(name);
        }
    }
    let set = |people: &[&'static str]| people.iter().copied().collect::<BTreeSet<&str>>();
    let members = set(&["olga", "bob", "carol", "tom"]);
    let mut expected: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for kind in [
        "message",
        "message_edited",
        "reaction_added",
        "reaction_removed",
        "message_pinned",
        "message_unpinned",
        "slow_mode_changed",
        "channel_locked",
        "member_timed_out",
        "timeout_lifted",
        "channel_updated",
        "moderator_added",
        "moderator_removed",
        "message_deleted",
        "member_kicked",
    ] {
        expected.insert(format!("channel {kind}"), members.clone());
    }
    // Tom was kicked, came back and was banned: he sees his own return and ban, not the lifting of it.
    expected.insert("channel member_joined".into(), members.clone());
    expected.insert("channel member_banned".into(), members.clone());
    expected.insert(
        "channel member_unbanned".into(),
        set(&["olga", "bob", "carol"]),
    );
    expected.insert("typing".into(), set(&["bob", "carol", "tom"]));
    expected.insert("mentioned".into(), set(&["bob"]));
    expected.insert("direct message".into(), set(&["bob", "dave"]));
    expected.insert("report".into(), set(&["mika"]));
    expected.insert("notice notice-kicked".into(), set(&["tom"]));
    expected.insert("notice notice-banned".into(), set(&["tom"]));
    expected.insert("notice notice-timed-out".into(), set(&["tom"]));
    for (key, want) in &expected {
        assert_eq!(got.get(key), Some(want), "recipients of {key}");
    }
    let unexpected: Vec<&String> = got.keys().filter(|k| !expected.contains_key(*k)).collect();
    assert!(
        unexpected.is_empty(),
        "frames nobody expected: {unexpected:?} in {got:?}"
    );
}

/// `/ws` refuses what is not a WebSocket handshake with a clear error in the caller's language, and still takes an
/// upgrade that comes as the second request of a kept-alive connection (the node's listener answers only first
/// requests itself and leaves the rest to the HTTP server).
#[tokio::test]
async fn the_websocket_address_refuses_plain_requests_and_upgrades_a_kept_alive_connection() {
    use tokio::io::AsyncWriteExt;

    let server = Server::start().await;
    let response = server
        .http
        .get(server.url("/ws"))
        .header("accept-language", "ja")
        .send()
        .await
        .expect("GET /ws");
    assert_eq!(response.status().as_u16(), 400);
    let body: Value = response.json().await.expect("a JSON error");
    assert_eq!(body["code"], "invalid_field", "{body}");
    assert_eq!(body["args"]["field"], "connection", "{body}");
    assert!(
        body["text"].as_str().is_some_and(|t| t.contains("項目")),
        "{body}"
    );

    // A handshake of another WebSocket version: the same refusal, naming the header.
    let mut tcp = tokio::net::TcpStream::connect(server.addr)
        .await
        .expect("connect");
    tcp.write_all(
        b"GET /ws HTTP/1.1\r\nHost: engawa\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\
          Sec-WebSocket-Version: 8\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
    )
    .await
    .expect("write");
    let answer = read_answer(&mut tcp).await;
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    assert!(answer.contains("sec-websocket-version"), "{answer}");

    // A request, its answer, then an upgrade on the same connection.
    let anna = server.register("anna").await;
    let mut tcp = tokio::net::TcpStream::connect(server.addr)
        .await
        .expect("connect");
    tcp.write_all(b"GET /healthz HTTP/1.1\r\nHost: engawa\r\n\r\n")
        .await
        .expect("write");
    let answer = read_answer(&mut tcp).await;
    assert!(
        answer.starts_with("HTTP/1.1 200") && answer.ends_with("ok"),
        "{answer}"
    );
    let mut client = Client::over(tcp, server.addr).await;
    client
        .send(json!({"type": "hello", "protocol": 2, "token": anna.token}))
        .await;
    let ready = client.expect(|v| v["type"] == "ready").await;
    assert_eq!(ready["user"]["username"], "anna", "{ready}");
}

/// Reads one HTTP answer whose body is short and sized (`content-length`), head and body as text.
async fn read_answer(tcp: &mut tokio::net::TcpStream) -> String {
    use tokio::io::AsyncReadExt;
    let mut answer = Vec::new();
    loop {
        let mut chunk = [0u8; 1024];
        let n = tcp.read(&mut chunk).await.expect("read");
        assert!(n > 0, "closed after {:?}", String::from_utf8_lossy(&answer));
        answer.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&answer).into_owned();
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let length = head
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase()
                        .strip_prefix("content-length: ")
                        .map(str::to_owned)
                })
                .and_then(|l| l.trim().parse::<usize>().ok())
                .unwrap_or(0);
            if body.len() >= length {
                return text;
            }
        }
    }
}

/// The node's listener reads an upgrade's head however the client's writes split it, and an upgrade whose head is
/// longer than the listener reads (a large cookie) still opens, through the HTTP server. Both authenticate the
/// session cookie.
#[tokio::test]
async fn an_upgrade_split_across_writes_or_with_a_long_head_opens_its_session() {
    use tokio::io::AsyncWriteExt;
    use tokio_tungstenite::tungstenite::protocol::Role;

    let server = Server::start().await;
    let anna = server.register("anna").await;
    let head = format!(
        "GET /ws HTTP/1.1\r\nHost: {}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\
         Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\
         Cookie: engawa_session={}\r\n\r\n",
        server.addr, anna.token
    );
    let mut tcp = tokio::net::TcpStream::connect(server.addr)
        .await
        .expect("connect");
    for piece in [&head[..10], &head[10..70], &head[70..]] {
        tcp.write_all(piece.as_bytes()).await.expect("write");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let answer = read_answer(&mut tcp).await.to_ascii_lowercase();
    assert!(answer.starts_with("http/1.1 101"), "{answer}");
    // RFC 6455's own example of a key and its accept value.
    assert!(
        answer.contains("sec-websocket-accept: s3pplmbitxaq9kygzzhzrbk+xoo="),
        "{answer}"
    );
    let ws = tokio_tungstenite::WebSocketStream::from_raw_socket(
        tokio_tungstenite::MaybeTlsStream::Plain(tcp),
        Role::Client,
        None,
    )
    .await;
    assert_cookie_names(Client::on(ws), "anna").await;

    let mut request = format!("ws://{}/ws", server.addr)
        .into_client_request()
        .expect("ws request");
    let cookie = format!(
        "engawa_session={}; filler={}",
        anna.token,
        "x".repeat(12_000)
    );
    request
        .headers_mut()
        .insert("cookie", cookie.parse().expect("a header value"));
    let tcp = tokio::net::TcpStream::connect(server.addr)
        .await
        .expect("connect");
    let (ws, response) =
        tokio_tungstenite::client_async(request, tokio_tungstenite::MaybeTlsStream::Plain(tcp))
            .await
            .expect("upgrade with a long head");
    assert_eq!(response.status().as_u16(), 101);
    assert_cookie_names(Client::on(ws), "anna").await;

    /// Sends `hello` without a token, and checks that `ready` names the person the upgrade's cookie named.
    async fn assert_cookie_names(mut client: Client, username: &str) {
        client.send(json!({"type": "hello", "protocol": 2})).await;
        let ready = client.expect(|v| v["type"] == "ready").await;
        assert_eq!(ready["user"]["username"], username, "{ready}");
    }
}
