//! Connections over their life: slow readers, limits, logout, shutdown, origins, metrics.

use serde_json::json;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

use crate::support::{Ended, Server, client_id, is_event};

#[tokio::test]
async fn a_client_that_stops_reading_is_closed_while_everyone_else_keeps_receiving() {
    // Events arrive in commit groups; the outbox holds a few groups, not the whole run.
    let server = Server::start_with(|c| c.outbox = 256).await;
    let anna = server.register("anna").await;
    let fast_user = server.register("fast").await;
    let slow_user = server.register("slow").await;
    server.promote("root", &anna, "volunteer").await;
    let channel = server.channel(&anna, "busy", "public").await;
    server.join(&fast_user, channel).await;
    server.join(&slow_user, channel).await;
    let mut slow = server.connect(&slow_user).await;
    let mut fast = server.connect(&fast_user).await;
    let mut a = server.connect(&anna).await;

    // The slow client never reads; the fast one reads everything.
    let body = "x".repeat(3900);
    // Enough bytes to fill the kernel's socket buffers and then the outbox.
    const N: usize = 3000;
    let reader = tokio::spawn(async move {
        let mut got = 0;
        while got < N {
            fast.expect(|v| is_event(v, channel, "message")).await;
            got += 1;
        }
        got
    });
    for i in 0..N {
        let reference = format!("s{i}");
        a.send(
            json!({"type": "send_message", "ref": reference, "conversation": channel,
                      "client_id": client_id(), "body": body, "lang": "en"}),
        )
        .await;
        if i % 50 == 49 {
            a.expect(|v| v["ref"] == reference.as_str()).await;
        }
    }
    assert_eq!(reader.await.expect("fast reader"), N);
    let ended = slow.ended().await;
    assert!(
        matches!(ended, Ended::Closed(1013) | Ended::Dropped),
        "the slow client is closed (1013, or cut off when even the close frame cannot be written): {ended:?}"
    );
}

#[tokio::test]
async fn sending_too_fast_is_refused_with_the_wait_and_the_connection_stays() {
    let server = Server::start_with(|c| {
        c.limits.send_per_second = 1;
        c.limits.send_burst = 3;
    })
    .await;
    let anna = server.register("anna").await;
    let binod = server.register("binod").await;
    let mut a = server.connect(&anna).await;
    let dm = a.open_direct(&binod).await;
    let mut first = None;
    for _ in 0..3 {
        first.get_or_insert(a.say(dm, "quick").await);
    }
    let first = first.expect("three sends");
    let refused = a
        .request(json!({"type": "send_message", "conversation": dm, "client_id": client_id(), "body": "too quick", "lang": "en"}))
        .await;
    assert_eq!(refused["code"], "rate_limited");
    assert_eq!(refused["args"]["seconds"], 1);
    assert_eq!(
        refused["text"],
        "You are sending too fast. Try again in 1 second."
    );
    // A retry of a stored message is answered with the original even while over the rate.
    let retry = a
        .request(
            json!({"type": "send_message", "conversation": dm, "client_id": first["client_id"],
                        "body": "quick", "lang": "en"}),
        )
        .await;
    assert_eq!(retry["type"], "ack", "{retry}");
    assert_eq!(retry["message"], first["message"]);
    assert_eq!(retry["seq"], first["seq"]);
    assert_eq!(retry["duplicate"], true);
    assert_eq!(a.request(json!({"type": "ping"})).await["type"], "pong");
}

#[tokio::test]
async fn logout_closes_that_sessions_sockets_and_logout_everywhere_closes_all() {
    let server = Server::start().await;
    let anna = server.register("anna").await;
    let second = server.login("anna").await;
    let mut one = server.connect(&anna).await;
    let mut two = server.connect(&second).await;
    let (status, _) = server.api(&anna, "POST", "/auth/logout", None).await;
    assert_eq!(status, 204);
    assert_eq!(one.ended().await, Ended::Closed(4003));
    assert_eq!(two.request(json!({"type": "ping"})).await["type"], "pong");
    let (status, body) = server.api(&anna, "GET", "/me", None).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (401, Some("unauthenticated"))
    );

    let (status, _) = server.api(&second, "POST", "/auth/logout-all", None).await;
    assert_eq!(status, 204);
    assert_eq!(two.ended().await, Ended::Closed(4003));
}

#[tokio::test]
async fn changing_the_password_ends_the_other_sessions() {
    let server = Server::start().await;
    let anna = server.register("anna").await;
    let other = server.login("anna").await;
    let mut elsewhere = server.connect(&other).await;
    let (status, body) = server
        .api(&anna, "POST", "/auth/password",
            Some(json!({"current_password": "correct horse battery", "new_password": "a much better passphrase"})))
        .await;
    assert_eq!(status, 204, "{body}");
    assert_eq!(elsewhere.ended().await, Ended::Closed(4003));
    let (status, _) = server.api(&other, "GET", "/me", None).await;
    assert_eq!(status, 401);
    let (status, _) = server.api(&anna, "GET", "/me", None).await;
    assert_eq!(status, 200);
    let (status, body) = server
        .api(
            &anna,
            "POST",
            "/auth/password",
            Some(json!({"current_password": "a much better passphrase", "new_password": "short"})),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("weak_password"))
    );
    assert_eq!(body["args"]["min"], 10);
}

#[tokio::test]
async fn shutdown_closes_sockets_with_service_restart() {
    let server = Server::start().await;
    let anna = server.register("anna").await;
    let mut a = server.connect(&anna).await;
    server.shutdown.cancel();
    assert_eq!(a.ended().await, Ended::Closed(1012));
    let (config, guard) = server.stop().await;
    // The data survives: a new node on the same database knows Anna.
    let again = Server::start_config(config, guard).await;
    again.login("anna").await;
}

#[tokio::test]
async fn websocket_upgrades_check_the_origin_exactly() {
    let server =
        Server::start_with(|c| c.allowed_origins = vec!["https://engawa.example".into()]).await;
    let own = format!("http://{}", server.addr);
    for (origin, allowed) in [
        (Some(own.as_str()), true),
        (Some("https://engawa.example"), true),
        (None, true),
        (Some("https://evil.example"), false),
        (Some("null"), false),
        (Some("https://engawa.example.evil.example"), false),
        (Some("http://engawa.example"), false),
    ] {
        let mut request = format!("ws://{}/ws", server.addr)
            .into_client_request()
            .expect("request");
        if let Some(origin) = origin {
            request
                .headers_mut()
                .insert("origin", origin.parse().expect("header"));
        }
        let result = tokio_tungstenite::connect_async(request).await;
        assert_eq!(result.is_ok(), allowed, "origin {origin:?}");
        if let Err(tokio_tungstenite::tungstenite::Error::Http(response)) = result {
            assert_eq!(response.status().as_u16(), 403);
        }
    }
}

#[tokio::test]
async fn health_readiness_and_metrics_answer() {
    let server = Server::start().await;
    let anna = server.register("anna").await;
    let binod = server.register("binod").await;
    let mut a = server.connect(&anna).await;
    let dm = a.open_direct(&binod).await;
    a.say(dm, "count me").await;
    for path in ["/healthz", "/readyz"] {
        let response = server
            .http
            .get(server.url(path))
            .send()
            .await
            .expect("request");
        assert_eq!(response.status().as_u16(), 200, "{path}");
    }
    let metrics = server
        .http
        .get(server.url("/metrics"))
        .send()
        .await
        .expect("metrics")
        .text()
        .await
        .expect("text");
    for name in [
        "engawa_messages_sent_total",
        "engawa_connections",
        "engawa_fanout_seconds_bucket",
        "engawa_commit_seconds",
        "engawa_write_wait_seconds_bucket",
    ] {
        assert!(metrics.contains(name), "{name} in /metrics");
    }
}

#[tokio::test]
async fn the_fluent_files_are_served_to_clients() {
    let server = Server::start().await;
    let index: serde_json::Value = server
        .http
        .get(server.url("/l10n"))
        .send()
        .await
        .expect("l10n")
        .json()
        .await
        .expect("json");
    let locales: Vec<&str> = index["locales"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|l| l["locale"].as_str())
        .collect();
    for tag in ["en", "ja", "ne", "vi", "bn", "ru", "uk"] {
        assert!(locales.contains(&tag), "{tag} shipped");
    }
    let ftl = server
        .http
        .get(server.url("/l10n/ne/errors.ftl"))
        .send()
        .await
        .expect("ftl")
        .text()
        .await
        .expect("text");
    assert!(ftl.contains("error-rate-limited"));
    let missing = server
        .http
        .get(server.url("/l10n/xx/errors.ftl"))
        .send()
        .await
        .expect("request");
    assert_eq!(missing.status().as_u16(), 404);
}

#[tokio::test]
async fn the_built_web_client_is_served_with_a_strict_policy_and_cacheable_assets() {
    let server = Server::start().await;
    let get = |path: &str| server.http.get(server.url(path)).send();
    let page = get("/").await.expect("the page");
    assert_eq!(page.status().as_u16(), 200);
    let header = |r: &reqwest::Response, name: &str| {
        r.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert!(header(&page, "content-type").starts_with("text/html"));
    let policy = header(&page, "content-security-policy");
    assert!(
        policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"),
        "{policy}"
    );
    assert_eq!(header(&page, "cache-control"), "no-cache");
    let html = page.text().await.expect("html");
    // The page loads its script from a content-named asset, never inline.
    let script = html
        .split("src=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .find(|src| src.starts_with("/assets/") && src.ends_with(".js"))
        .unwrap_or_else(|| panic!("a script under /assets/ in {html}"));
    assert!(
        !html.contains("<script>") && !html.contains("style=\""),
        "no inline script or style: {html}"
    );
    let asset = get(script).await.expect("the script");
    assert_eq!(asset.status().as_u16(), 200);
    assert!(header(&asset, "content-type").starts_with("text/javascript"));
    assert!(header(&asset, "cache-control").contains("immutable"));
    // A client-side route reloads into the page.
    let route = get("/c/42").await.expect("a client route");
    assert_eq!(route.text().await.expect("html"), html);
}

/// SQLite: the writer never checkpoints inside its commits (a checkpoint there made every queued message wait for
/// it); the node copies the WAL into the database beside it, so what was written reaches the database file within
/// seconds, and the WAL does not grow without end. PostgreSQL has no WAL of Engawa's to look at.
#[tokio::test]
async fn sqlite_copies_its_wal_into_the_database_beside_the_writer() {
    let server = Server::start().await;
    let url = server.config.database_url();
    if !url.starts_with("sqlite") {
        return;
    }
    let file = server.config.data_dir.join("engawa.db");
    let size = || std::fs::metadata(&file).expect("the database file").len();
    let anna = server.register("anna").await;
    server.promote("root", &anna, "volunteer").await;
    let channel = server.channel(&anna, "archive", "public").await;
    let mut a = server.connect(&anna).await;
    let before = size();
    let body = "Toyama's winter is long; the library on the hill keeps the lights on. ".repeat(20);
    for _ in 0..200 {
        a.say(channel, &body).await;
    }
    // 200 messages of 1,400 characters: about 280 KB of rows, in the WAL until a checkpoint copies them.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while size() < before + 200_000 {
        assert!(
            std::time::Instant::now() < deadline,
            "the database file is still {} bytes ({} before 200 messages)",
            size(),
            before
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// A node reads for everyone who connects at about the same time at once (after a restart a whole community
/// reconnects within seconds): each person still gets exactly their own `ready`, is subscribed to exactly their
/// conversations, and one person on two devices gets it twice.
#[tokio::test]
async fn people_who_connect_at_the_same_moment_each_get_their_own_ready() {
    let server = Server::start().await;
    let owner = server.register("olga").await;
    server.promote("root", &owner, "volunteer").await;
    let mut channels = Vec::new();
    for name in ["visa", "housing", "work", "japanese"] {
        channels.push(server.channel(&owner, name, "public").await);
    }
    // Person i is in the channels of the bits of i: every combination, from none to all four.
    let mut people = Vec::new();
    for i in 0..16usize {
        let person = server.register(&format!("person{i}")).await;
        for (bit, channel) in channels.iter().enumerate() {
            if i >> bit & 1 == 1 {
                server.join(&person, *channel).await;
            }
        }
        people.push(person);
    }
    for i in 1..4 {
        let path = format!("/me/blocks/{}", people[i + 1].id);
        let (status, body) = server.api(&people[i], "PUT", &path, None).await;
        assert_eq!(status, 204, "block: {body}");
    }

    let arriving: Vec<usize> = (0..16).chain([5]).collect();
    let mut clients =
        futures_util::future::join_all(arriving.iter().map(|&i| server.connect(&people[i]))).await;
    for (client, &i) in clients.iter().zip(&arriving) {
        let ready = &client.ready;
        assert_eq!(ready["user"]["id"], people[i].id, "person{i}'s ready");
        let mut got: Vec<i64> = ready["conversations"]
            .as_array()
            .expect("ready lists conversations")
            .iter()
            .map(|c| c["id"].as_i64().expect("an id"))
            .collect();
        got.sort_unstable();
        let want: Vec<i64> = (0..4)
            .filter(|bit| i >> bit & 1 == 1)
            .map(|bit| channels[bit])
            .collect();
        assert_eq!(got, want, "person{i}'s conversations");
        let blocked = if (1..4).contains(&i) {
            json!([people[i + 1].id])
        } else {
            serde_json::Value::Null
        };
        assert_eq!(
            ready.get("blocked").cloned().unwrap_or_default(),
            blocked,
            "person{i}'s blocks"
        );
    }

    // Subscribed as read: what is said in a channel reaches everyone who has it in `ready`.
    let mut olga = server.connect(&owner).await;
    for (bit, channel) in channels.iter().enumerate() {
        olga.say(*channel, &format!("welcome to channel {bit}"))
            .await;
    }
    for (client, &i) in clients.iter_mut().zip(&arriving) {
        for bit in (0..4).filter(|bit| i >> bit & 1 == 1) {
            let event = client
                .expect(|v| is_event(v, channels[bit], "message"))
                .await;
            assert_eq!(
                event["message"]["body"],
                format!("welcome to channel {bit}")
            );
        }
    }
}
