//! Consultation queues over real WebSockets and HTTP: routing by language, claims, the lifecycle, timers,
//! privacy on every read path, durability across a restart.

use std::time::Duration;

use serde_json::{Value, json};

use crate::support::{Client, Server, User, client_id, is_event};

/// A topic's id by key (`visa`, `housing`, …), as any member lists them.
async fn topic(server: &Server, user: &User, key: &str) -> i64 {
    server.topic(user, key).await
}

/// A volunteer covering `topics` in `languages` with room for two, available, connected.
async fn helper(
    server: &Server,
    admin: &User,
    name: &str,
    topics: &[i64],
    languages: &[&str],
) -> (User, Client) {
    helper_with(server, admin, name, topics, languages, 2).await
}

/// A volunteer covering `topics` in `languages` with room for `capacity`, available, connected.
async fn helper_with(
    server: &Server,
    admin: &User,
    name: &str,
    topics: &[i64],
    languages: &[&str],
    capacity: u32,
) -> (User, Client) {
    server
        .helper(admin, name, topics, languages, capacity)
        .await
}

/// Opens a consultation; returns it and the first frame matching `pred` its requester receives (before or
/// after the ack).
async fn open_and(
    client: &mut Client,
    topic: i64,
    languages: &[&str],
    body: &str,
    pred: impl Fn(&Value) -> bool,
) -> (Value, Value) {
    let (ack, matched) = client
        .request_and(
            json!({
                "type": "open_consultation", "topic": topic, "languages": languages,
                "client_id": client_id(), "body": body
            }),
            pred,
        )
        .await;
    assert_eq!(ack["type"], "ack", "{ack}");
    (ack["consultation"].clone(), matched)
}

async fn open(client: &mut Client, topic: i64, languages: &[&str], body: &str) -> Value {
    let ack = client
        .request(json!({
            "type": "open_consultation", "topic": topic, "languages": languages,
            "client_id": client_id(), "body": body
        }))
        .await;
    assert_eq!(ack["type"], "ack", "{ack}");
    ack["consultation"].clone()
}

fn consultation_frame(v: &Value, id: i64, state: &str) -> bool {
    v["type"] == "consultation" && v["id"] == id && v["state"] == state
}

fn change(v: &Value, id: i64, change: &str) -> bool {
    is_event(v, id, "consultation") && v["change"] == change
}

#[tokio::test]
async fn a_nepali_request_reaches_the_nepali_speaking_volunteer_and_ends_rated() {
    let server = Server::start().await;
    let admin = server.admin("root").await;
    let visa = topic(&server, &admin, "visa").await;
    let (_vi, mut vi_client) = helper(&server, &admin, "lan", &[visa], &["vi", "en"]).await;
    let (ne, mut ne_client) = helper(&server, &admin, "sita", &[visa], &["ne"]).await;
    let binod = server
        .register_with(
            "binod",
            json!({"locale": "ne", "languages_spoken": ["ne", "en"]}),
        )
        .await;
    let mut b = server.connect(&binod).await;

    let check = b
        .request(json!({"type": "check_availability", "topic": visa, "languages": ["ne", "en"]}))
        .await;
    assert_eq!(check["type"], "availability", "{check}");
    assert_eq!(check["available"], true);
    assert_eq!(
        check["language"], "ne",
        "the first preference someone speaks"
    );
    assert_eq!(check["notice"]["id"], "notice-available-now");
    let english = server
        .api(
            &admin,
            "GET",
            &format!("/topics/{visa}/availability?languages=ne,en"),
            None,
        )
        .await
        .1;
    assert_ne!(
        check["notice"]["text"], english["notice"]["text"],
        "rendered in Nepali"
    );

    let (opened, assigned_event) = open_and(
        &mut b,
        visa,
        &["ne", "en"],
        "मेरो रेसिडेन्स कार्ड अर्को महिना सकिन्छ।",
        |v| {
            is_event(v, v["conversation"].as_i64().unwrap_or(0), "consultation")
                && v["change"] == "assigned"
        },
    )
    .await;
    let id = opened["id"].as_i64().expect("consultation id");
    assert!(
        opened.get("notes").is_none(),
        "the requester never learns the notes: {opened}"
    );

    // The Nepali speaker is assigned, not the Vietnamese one (who also covers the topic and speaks English).
    let assigned = ne_client
        .expect(|v| consultation_frame(v, id, "active"))
        .await;
    assert_eq!(assigned["helpers"], json!([ne.id]));
    assert_eq!(assigned["lang"], "ne");
    let notes = assigned["notes"].as_i64().expect("helpers see the notes");
    let first = ne_client
        .request(json!({"type": "history", "conversation": id}))
        .await;
    assert_eq!(
        first["messages"][0]["body"],
        "मेरो रेसिडेन्स कार्ड अर्को महिना सकिन्छ।"
    );
    assert_eq!(assigned_event["conversation"], id);
    assert_eq!(assigned_event["helper"], ne.id);
    assert_eq!(assigned_event["automatic"], true);

    // Answering accepts.
    ne_client.say(id, "नमस्ते! म मद्दत गर्छु।").await;
    b.expect(|v| is_event(v, id, "message") && v["actor"] == ne.id)
        .await;
    b.expect(|v| change(v, id, "accepted") && v["helper"] == ne.id)
        .await;

    // An internal note: never visible to the requester — live, by history, by resume, by search.
    let note = ne_client
        .request(
            json!({"type": "send_message", "conversation": notes, "client_id": client_id(),
                        "body": "secret-note: check the company registration", "lang": "en"}),
        )
        .await;
    assert_eq!(note["type"], "ack", "{note}");
    let denied = b
        .request(json!({"type": "history", "conversation": notes}))
        .await;
    assert_eq!(denied["code"], "not_found", "{denied}");
    let mut resumed = server.connect_resume(&binod, vec![(notes, 0)]).await;
    let refused = resumed.expect(|v| v["type"] == "error").await;
    assert!(
        matches!(refused["code"].as_str(), Some("not_member" | "not_found")),
        "{refused}"
    );
    let (_, found) = server
        .api(&binod, "GET", "/consultations?q=secret-note", None)
        .await;
    assert_eq!(found, json!([]), "a requester's search does not see notes");
    let (status, _) = server
        .api(
            &binod,
            "GET",
            &format!("/conversations/{notes}/messages"),
            None,
        )
        .await;
    assert_eq!(status, 404);

    let resolved = ne_client
        .request(json!({"type": "resolve_consultation", "consultation": id,
                        "summary": "Renew at the Toyama immigration office with the new contract."}))
        .await;
    assert_eq!(resolved["consultation"]["state"], "resolved", "{resolved}");
    let (done, seen) = b
        .expect_collect(|v| consultation_frame(v, id, "resolved"))
        .await;
    assert_eq!(
        done["summary"],
        "Renew at the Toyama immigration office with the new contract."
    );
    assert!(
        seen.iter().all(|v| !v.to_string().contains("secret-note")),
        "no frame to the requester carries the note"
    );
    let rated = b
        .request(json!({"type": "rate_consultation", "consultation": id, "rating": 5, "comment": "धन्यवाद"}))
        .await;
    assert_eq!(rated["consultation"]["rating"], 5, "{rated}");
    ne_client
        .expect(|v| change(v, id, "rated") && v["rating"] == 5)
        .await;
    let bad = b
        .request(json!({"type": "rate_consultation", "consultation": id, "rating": 9}))
        .await;
    assert_eq!(bad["code"], "invalid_field", "{bad}");
    // The Vietnamese helper heard of it only as a queue item, never its messages.
    vi_client.send(json!({"type": "ping", "ref": "end"})).await;
    let (_, seen) = vi_client.expect_collect(|v| v["type"] == "pong").await;
    assert!(seen.iter().all(|v| v["type"] != "event"), "{seen:?}");
}

#[tokio::test]
async fn twenty_concurrent_claims_exactly_one_wins() {
    let server = Server::start().await;
    let admin = server.admin("root").await;
    let housing = topic(&server, &admin, "housing").await;
    let (status, body) = server
        .api(
            &admin,
            "PATCH",
            &format!("/topics/{housing}"),
            Some(json!({"routing": "manual"})),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let asker = server.register("minh").await;
    let mut a = server.connect(&asker).await;
    let id = open(&mut a, housing, &["vi"], "Tìm nhà gần ga Toyama").await["id"]
        .as_i64()
        .expect("id");
    let mut helpers = Vec::new();
    for i in 0..20 {
        helpers.push(helper(&server, &admin, &format!("helper{i}"), &[housing], &["vi"]).await);
    }
    // Every claim is on the wire before any answer is read.
    for (_, client) in &mut helpers {
        client
            .send(json!({"type": "claim_consultation", "ref": "claim", "consultation": id}))
            .await;
    }
    let mut winners = Vec::new();
    for (user, client) in &mut helpers {
        let answer = client.expect(|v| v["ref"] == "claim").await;
        match answer["type"].as_str() {
            Some("ack") => winners.push(user.id),
            _ => assert_eq!(answer["code"], "already_claimed", "{answer}"),
        }
    }
    assert_eq!(winners.len(), 1, "exactly one claim wins: {winners:?}");
    let (_, c) = server
        .api(&asker, "GET", &format!("/consultations/{id}"), None)
        .await;
    assert_eq!(c["helpers"], json!(winners));
    assert_eq!(c["state"], "active");
    assert_eq!(c["accepted"], true);
}

#[tokio::test]
async fn a_volunteer_made_a_member_again_is_no_longer_a_helper() {
    let server = Server::start().await;
    let admin = server.admin("root").await;
    let visa = topic(&server, &admin, "visa").await;
    let (former, _connected) = helper(&server, &admin, "former", &[visa], &["ne"]).await;
    let asker = server.register_with("asker", json!({"locale": "ne"})).await;
    let mut a = server.connect(&asker).await;
    let check = json!({"type": "check_availability", "topic": visa, "languages": ["ne"]});
    assert_eq!(a.request(check.clone()).await["available"], true);

    // Staff take the role away; the helper profile stays in the database, and must count for nothing.
    server.set_role(&admin, &former, "member").await;
    let answer = a.request(check).await;
    assert_eq!(answer["available"], false, "{answer}");
    let refused = a
        .request(
            json!({"type": "open_consultation", "topic": visa, "languages": ["ne"],
                        "client_id": client_id(), "body": "भिसा", "wait": false}),
        )
        .await;
    assert_eq!(refused["code"], "nobody_available", "{refused}");
    let waiting = open(&mut a, visa, &["ne"], "भिसा नवीकरण").await;
    assert_eq!(
        waiting["state"], "waiting",
        "nobody may be routed it: {waiting}"
    );
    let mut again = server.connect(&former).await;
    assert!(again.ready.get("helper").is_none(), "{}", again.ready);
    let claimed = again
        .request(json!({"type": "claim_consultation", "consultation": waiting["id"]}))
        .await;
    assert_eq!(claimed["type"], "error", "{claimed}");
}

#[tokio::test]
async fn waiting_requesters_see_their_place_and_are_served_first_come_first_served() {
    let server = Server::start().await;
    let admin = server.admin("root").await;
    let work = topic(&server, &admin, "work").await;
    let olga = server.register_with("olga", json!({"locale": "uk"})).await;
    let ivan = server.register_with("ivan", json!({"locale": "ru"})).await;
    let mut o = server.connect(&olga).await;
    let mut i = server.connect(&ivan).await;

    let check = o
        .request(json!({"type": "check_availability", "topic": work, "languages": ["uk", "ru"]}))
        .await;
    assert_eq!(check["available"], false);
    assert_eq!(check["notice"]["id"], "notice-nobody-available");
    let refused = o
        .request(
            json!({"type": "open_consultation", "topic": work, "languages": ["uk", "ru"],
                        "client_id": client_id(), "body": "Договір", "wait": false}),
        )
        .await;
    assert_eq!(refused["code"], "nobody_available", "{refused}");
    assert!(!refused["text"].as_str().expect("text").is_empty());
    let (_, mine) = server.api(&olga, "GET", "/consultations", None).await;
    assert_eq!(mine, json!([]), "a refused request stores nothing");

    let (first, place) = open_and(
        &mut o,
        work,
        &["uk", "ru"],
        "Питання про трудовий договір",
        |v| v["type"] == "queue_position",
    )
    .await;
    let first = first["id"].as_i64().expect("id");
    assert_eq!(place["consultation"], first);
    assert_eq!(place["position"], 1);
    assert!(
        place.get("eta_seconds").is_none(),
        "nobody can take it: {place}"
    );
    assert_eq!(place["notice"]["id"], "notice-queue-nobody");
    let check = i
        .request(json!({"type": "check_availability", "topic": work, "languages": ["ru"]}))
        .await;
    assert_eq!(check["waiting"], 1, "olga's waits: {check}");
    assert_eq!(check["notice"]["args"]["waiting"], 1, "{check}");
    let (second, place) = open_and(
        &mut i,
        work,
        &["ru"],
        "Вопрос о зарплате",
        |v| v["type"] == "queue_position",
    )
    .await;
    let second = second["id"].as_i64().expect("id");
    assert_eq!(place["consultation"], second);
    assert_eq!(place["position"], 2);

    // A Russian speaker with room for one comes online: the longer-waiting request is served first.
    let (_, mut h) = helper_with(&server, &admin, "dmitri", &[work], &["ru"], 1).await;
    let (status, body) = server.api(&admin, "GET", "/queues", None).await;
    assert_eq!(status, 200, "{body}");
    h.send(json!({"type": "ping", "ref": "p"})).await;
    let served = h
        .expect(|v| v["type"] == "consultation" && v["state"] == "active")
        .await;
    assert_eq!(served["id"], first);
    let place = i
        .expect(|v| {
            v["type"] == "queue_position" && v["consultation"] == second && v["position"] == 1
        })
        .await;
    assert!(
        place["eta_seconds"].as_u64().is_some(),
        "a helper exists now: {place}"
    );
    assert_eq!(place["notice"]["id"], "notice-queue-position");
    // The helper's queue shows the one still waiting, with its preview.
    let (_, queues) = server.api(&admin, "GET", "/queues", None).await;
    let q = queues
        .as_array()
        .expect("list")
        .iter()
        .find(|q| q["topic"] == work)
        .expect("the work queue")
        .clone();
    assert_eq!(q["waiting"][0]["consultation"], second);
    assert_eq!(q["waiting"][0]["preview"], "Вопрос о зарплате");
    assert_eq!(q["helpers"][0]["load"], 1, "moderators see load: {q}");
}

/// alpha, bravo and charlie, each with a consultation opened in `topic`, in that order.
async fn three_waiting(server: &Server, topic: i64) -> (Vec<User>, Vec<i64>) {
    let mut people = Vec::new();
    let mut ids = Vec::new();
    for name in ["alpha", "bravo", "charlie"] {
        let user = server.register(name).await;
        let mut c = server.connect(&user).await;
        ids.push(
            open(&mut c, topic, &["en"], name).await["id"]
                .as_i64()
                .expect("id"),
        );
        people.push(user);
    }
    (people, ids)
}

/// Hana, a helper in `topic` with room for two, who takes the two who waited longest.
async fn hana_takes_two(server: &Server, admin: &User, topic: i64) -> User {
    let (hana, mut h) = helper(server, admin, "hana", &[topic], &["en"]).await;
    for _ in 0..2 {
        h.expect(|v| v["type"] == "consultation" && v["state"] == "active")
            .await;
    }
    hana
}

/// The ids in a `ready` frame's `consultations` (left out when there are none), with each one's place in the
/// queue (0 once taken) and helpers.
fn ready_consultations(client: &Client) -> Vec<(i64, u64, Vec<i64>)> {
    let none = Vec::new();
    let mut listed: Vec<_> = client.ready["consultations"]
        .as_array()
        .unwrap_or(&none)
        .iter()
        .map(|c| {
            let helpers = c["helpers"].as_array().expect("helpers");
            (
                c["id"].as_i64().expect("id"),
                c["position"].as_u64().unwrap_or(0),
                helpers.iter().map(|h| h.as_i64().expect("id")).collect(),
            )
        })
        .collect();
    listed.sort_unstable();
    listed
}

#[tokio::test]
async fn ready_lists_a_persons_own_open_consultations_with_their_place_and_helpers() {
    let server = Server::start().await;
    let admin = server.admin("root").await;
    let other = topic(&server, &admin, "other").await;
    let (people, ids) = three_waiting(&server, other).await;
    let bravo = server.connect(&people[1]).await;
    assert_eq!(ready_consultations(&bravo), [(ids[1], 2, vec![])]);
    let stranger = server.register("eve").await;
    let eve = server.connect(&stranger).await;
    assert_eq!(ready_consultations(&eve), []);

    // A helper with room for two takes the two who waited longest; the third moves up.
    let helper_user = hana_takes_two(&server, &admin, other).await;
    let hana = server.connect(&helper_user).await;
    assert_eq!(
        ready_consultations(&hana),
        [
            (ids[0], 0, vec![helper_user.id]),
            (ids[1], 0, vec![helper_user.id])
        ]
    );
    let charlie = server.connect(&people[2]).await;
    assert_eq!(ready_consultations(&charlie), [(ids[2], 1, vec![])]);
    let bravo = server.connect(&people[1]).await;
    assert_eq!(
        ready_consultations(&bravo),
        [(ids[1], 0, vec![helper_user.id])]
    );
}

/// `ready` is read for everyone who connects at about the same time at once: each requester still gets their own
/// consultations, the helper theirs and their profile with its load, and nobody anyone else's.
#[tokio::test]
async fn people_who_connect_together_each_get_their_own_consultations_and_profile() {
    let server = Server::start().await;
    let admin = server.admin("root").await;
    let other = topic(&server, &admin, "other").await;
    let (people, ids) = three_waiting(&server, other).await;
    let helper_user = hana_takes_two(&server, &admin, other).await;
    let stranger = server.register("eve").await;

    let arriving = [
        &helper_user,
        &people[0],
        &stranger,
        &people[2],
        &helper_user,
        &people[1],
    ];
    let clients =
        futures_util::future::join_all(arriving.iter().map(|user| server.connect(user))).await;
    let hana = [
        (ids[0], 0, vec![helper_user.id]),
        (ids[1], 0, vec![helper_user.id]),
    ];
    let expected: [&[(i64, u64, Vec<i64>)]; 6] = [
        &hana,
        &[(ids[0], 0, vec![helper_user.id])],
        &[],
        &[(ids[2], 1, vec![])],
        &hana,
        &[(ids[1], 0, vec![helper_user.id])],
    ];
    for ((client, user), want) in clients.iter().zip(arriving).zip(expected) {
        assert_eq!(
            ready_consultations(client),
            want,
            "{}'s ready",
            user.username
        );
        if user.id == helper_user.id {
            assert_eq!(client.ready["helper"]["user"], helper_user.id);
            assert_eq!(client.ready["helper"]["load"], 2, "{}", client.ready);
        } else {
            assert!(client.ready.get("helper").is_none(), "{}", client.ready);
        }
    }
}

#[tokio::test]
async fn only_the_parties_and_audited_moderators_can_read_a_consultation() {
    let server = Server::start().await;
    let admin = server.admin("root").await;
    let life = topic(&server, &admin, "daily-life").await;
    let (a_user, mut a) = helper(&server, &admin, "aiko", &[life], &["ja", "en"]).await;
    let asker = server.register("rahim").await;
    let mut r = server.connect(&asker).await;
    let id = open(
        &mut r,
        life,
        &["bn", "en"],
        "Where is a hospital open on Sunday?",
    )
    .await["id"]
        .as_i64()
        .expect("id");
    a.expect(|v| consultation_frame(v, id, "active")).await;
    a.say(id, "I can help.").await;

    let stranger = server.register("eve").await;
    let mut s = server.connect(&stranger).await;
    for path in [
        format!("/consultations/{id}"),
        format!("/conversations/{id}/messages"),
        format!("/conversations/{id}"),
    ] {
        let (status, body) = server.api(&stranger, "GET", &path, None).await;
        assert_eq!(status, 404, "{path}: {body}");
    }
    let (_, list) = server
        .api(&stranger, "GET", "/consultations?q=hospital", None)
        .await;
    assert_eq!(list, json!([]));
    let resumed = s
        .request(json!({"type": "resume", "conversations": [{"conversation": id, "seq": 0}]}))
        .await;
    assert_eq!(resumed["type"], "ack");
    let denied = s
        .request(json!({"type": "history", "conversation": id}))
        .await;
    assert_eq!(denied["code"], "not_found");
    let (status, _) = server.api(&stranger, "GET", "/audit", None).await;
    assert_eq!(status, 403);

    // A moderator reads it, and the read is in the audit log.
    let moderator = server.register("mod").await;
    let (status, _) = server
        .api(
            &admin,
            "PUT",
            &format!("/users/{}/role", moderator.id),
            Some(json!({"role": "moderator"})),
        )
        .await;
    assert_eq!(status, 200);
    let (status, c) = server
        .api(&moderator, "GET", &format!("/consultations/{id}"), None)
        .await;
    assert_eq!(status, 200, "{c}");
    let (status, page) = server
        .api(
            &moderator,
            "GET",
            &format!("/conversations/{id}/messages"),
            None,
        )
        .await;
    assert_eq!(status, 200, "{page}");
    let (_, log) = server
        .api(
            &admin,
            "GET",
            &format!("/audit?target_kind=consultation&target_id={id}"),
            None,
        )
        .await;
    let actions: Vec<&str> = log
        .as_array()
        .expect("entries")
        .iter()
        .filter(|e| e["actor"] == moderator.id)
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert_eq!(
        actions,
        ["consultation.history", "consultation.read"],
        "{log}"
    );

    // Transferred away: the first helper loses access at once, the second gains it with the note.
    let (b_user, mut b) = helper(&server, &admin, "bashir", &[life], &["bn"]).await;
    let (moved, _) = a
        .request_and(
            json!({"type": "transfer_consultation", "consultation": id,
                   "to": {"helper": b_user.id}, "note": "Prefers Bengali; Sunday clinic list sent."}),
            |v| v["type"] == "membership" && v["conversation"] == id && v["change"] == "left",
        )
        .await;
    assert_eq!(moved["type"], "ack", "{moved}");
    assert!(
        moved.get("consultation").is_none(),
        "who gave it away no longer reads it: {moved}"
    );
    let gone = a
        .request(json!({"type": "history", "conversation": id}))
        .await;
    assert_eq!(gone["code"], "not_found", "{gone}");
    let (status, _) = server
        .api(&a_user, "GET", &format!("/consultations/{id}"), None)
        .await;
    assert_eq!(status, 404);
    let view = b
        .expect(|v| v["type"] == "consultation" && v["id"] == id)
        .await;
    let notes = view["notes"].as_i64().expect("notes id");
    let page = b
        .request(json!({"type": "history", "conversation": notes}))
        .await;
    assert_eq!(
        page["messages"][0]["body"],
        "Prefers Bengali; Sunday clinic list sent."
    );
    r.say(id, "Thank you").await;
    b.expect(|v| is_event(v, id, "message") && v["message"]["body"] == "Thank you")
        .await;
}

#[tokio::test]
async fn a_held_consultation_returns_to_its_helper_when_the_requester_writes() {
    let server = Server::start().await;
    let admin = server.admin("root").await;
    let japanese = topic(&server, &admin, "japanese").await;
    let (h_user, mut h) = helper(&server, &admin, "kenji", &[japanese], &["ja", "en"]).await;
    let asker = server.register("ali").await;
    let mut r = server.connect(&asker).await;
    let id = open(&mut r, japanese, &["en"], "JLPT N3 study group?").await["id"]
        .as_i64()
        .expect("id");
    h.expect(|v| consultation_frame(v, id, "active")).await;
    let held = h
        .request(json!({"type": "hold_consultation", "consultation": id}))
        .await;
    assert_eq!(held["consultation"]["state"], "on_hold", "{held}");
    let (_, profile) = server.api(&h_user, "GET", "/helpers/me", None).await;
    assert_eq!(profile["load"], 0, "a hold frees capacity");
    let (_, resumed) = r
        .request_and(
            json!({"type": "send_message", "conversation": id, "client_id": client_id(),
                   "body": "I found the schedule, one more question", "lang": "en"}),
            |v| change(v, id, "resumed"),
        )
        .await;
    assert_eq!(resumed["actor"], 0, "the server resumed it: {resumed}");
    let back = h.expect(|v| consultation_frame(v, id, "active")).await;
    assert_eq!(back["helpers"], json!([h_user.id]));
    let cancelled = r
        .request(json!({"type": "cancel_consultation", "consultation": id}))
        .await;
    assert_eq!(cancelled["consultation"]["state"], "cancelled");
    let late = r.say_result(id, "hello?").await;
    assert_eq!(late["code"], "invalid_state", "{late}");
    // With its helper away, a reopened consultation waits in the queue again.
    let away = h
        .request(json!({"type": "set_availability", "availability": "away"}))
        .await;
    assert_eq!(away["type"], "ack", "{away}");
    let reopened = r
        .request(json!({"type": "reopen_consultation", "consultation": id}))
        .await;
    assert_eq!(reopened["consultation"]["state"], "waiting", "{reopened}");
}

#[tokio::test]
async fn an_unanswered_assignment_moves_on_to_the_next_helper() {
    let server = Server::start_with(|c| {
        c.consultations.answer_timeout_ms = 300;
        c.consult_tick = Duration::from_millis(100);
    })
    .await;
    let admin = server.admin("root").await;
    let visa = topic(&server, &admin, "visa").await;
    let (first, mut f) = helper(&server, &admin, "first", &[visa], &["ru"]).await;
    let asker = server.register("pavel").await;
    let mut r = server.connect(&asker).await;
    let id = open(&mut r, visa, &["ru"], "Продление визы").await["id"]
        .as_i64()
        .expect("id");
    f.expect(|v| consultation_frame(v, id, "active")).await;
    let (second, mut s) = helper(&server, &admin, "second", &[visa], &["ru"]).await;
    // Nobody answers: back to the queue, and to the other helper, never to the first again.
    r.expect(|v| change(v, id, "unanswered") && v["automatic"] == true)
        .await;
    let view = s.expect(|v| consultation_frame(v, id, "active")).await;
    assert_eq!(view["helpers"], json!([second.id]));
    f.expect(|v| v["type"] == "membership" && v["conversation"] == id && v["change"] == "left")
        .await;
    assert_ne!(first.id, second.id);
}

#[tokio::test]
async fn waiting_requests_and_assignments_survive_a_restart_in_order() {
    let server = Server::start().await;
    let admin = server.admin("root").await;
    let other = topic(&server, &admin, "other").await;
    let (_, ids) = three_waiting(&server, other).await;
    let (config, guard) = server.stop().await;
    let server = Server::start_config(config, guard).await;
    let admin = server.login("root").await;
    let (_, queues) = server.api(&admin, "GET", "/queues", None).await;
    let waiting: Vec<i64> = queues
        .as_array()
        .expect("list")
        .iter()
        .find(|q| q["topic"] == other)
        .expect("queue")["waiting"]
        .as_array()
        .expect("waiting")
        .iter()
        .map(|w| w["consultation"].as_i64().expect("id"))
        .collect();
    assert_eq!(waiting, ids, "same order after the restart");
    let (_, mut h) = helper(&server, &admin, "helper", &[other], &["en"]).await;
    let a = h
        .expect(|v| v["type"] == "consultation" && v["state"] == "active")
        .await;
    let b = h
        .expect(|v| v["type"] == "consultation" && v["state"] == "active")
        .await;
    assert_eq!(
        [a["id"].clone(), b["id"].clone()],
        [json!(ids[0]), json!(ids[1])]
    );
}

#[tokio::test]
async fn canned_replies_answer_in_the_consultations_language() {
    let server = Server::start().await;
    let admin = server.admin("root").await;
    let housing = topic(&server, &admin, "housing").await;
    let (status, canned) = server
        .api(&admin, "POST", "/canned", Some(json!({"title": "Garbage rules",
            "variants": {"en": "Garbage is collected on Tuesdays.", "vi": "Rác được thu gom vào thứ Ba."}})))
        .await;
    assert_eq!(status, 201, "{canned}");
    let (_, mut h) = helper(&server, &admin, "hana", &[housing], &["vi", "en"]).await;
    let asker = server.register("tuan").await;
    let mut r = server.connect(&asker).await;
    let id = open(&mut r, housing, &["vi"], "Khi nào đổ rác?").await["id"]
        .as_i64()
        .expect("id");
    h.expect(|v| consultation_frame(v, id, "active")).await;
    let sent = h
        .request(json!({"type": "send_canned", "consultation": id, "canned": canned["id"], "client_id": client_id()}))
        .await;
    assert_eq!(sent["type"], "ack", "{sent}");
    let message = r
        .expect(|v| is_event(v, id, "message") && v["actor"] != asker.id)
        .await;
    assert_eq!(message["message"]["body"], "Rác được thu gom vào thứ Ba.");
    assert_eq!(message["message"]["lang"], "vi");
}

#[tokio::test]
async fn availability_lapses_after_the_helper_disconnects() {
    let server = Server::start_with(|c| {
        c.consultations.availability_grace_ms = 200;
        c.consult_tick = Duration::from_millis(100);
    })
    .await;
    let admin = server.admin("root").await;
    let visa = topic(&server, &admin, "visa").await;
    let (user, client) = helper(&server, &admin, "yuki", &[visa], &["ja"]).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let (_, profile) = server.api(&user, "GET", "/helpers/me", None).await;
    assert_eq!(
        profile["availability"], "available",
        "connected helpers stay available"
    );
    drop(client);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let (_, profile) = server.api(&user, "GET", "/helpers/me", None).await;
        if profile["availability"] == "away" {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "lapsed within the grace: {profile}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_silent_requester_is_put_on_hold_and_a_long_hold_expires() {
    let server = Server::start_with(|c| {
        c.consultations.requester_silence_ms = 300;
        c.consultations.hold_expiry_ms = 600;
        c.consult_tick = Duration::from_millis(100);
    })
    .await;
    let admin = server.admin("root").await;
    let visa = topic(&server, &admin, "visa").await;
    let (_, mut h) = helper(&server, &admin, "mai", &[visa], &["vi"]).await;
    let asker = server.register("quang").await;
    let mut r = server.connect(&asker).await;
    let id = open(&mut r, visa, &["vi"], "Gia hạn visa").await["id"]
        .as_i64()
        .expect("id");
    h.expect(|v| consultation_frame(v, id, "active")).await;
    h.say(id, "Bạn cần hợp đồng lao động mới.").await;
    let held = r
        .expect(|v| change(v, id, "held") && v["automatic"] == true)
        .await;
    assert_eq!(held["actor"], 0, "the server held it: {held}");
    h.expect(|v| consultation_frame(v, id, "on_hold")).await;
    let expired = r
        .expect(|v| change(v, id, "expired") && v["automatic"] == true)
        .await;
    assert_eq!(expired["state"], "expired");
    let late = r.say_result(id, "Còn ai không?").await;
    assert_eq!(late["code"], "invalid_state", "{late}");
}

#[tokio::test]
async fn a_second_helper_invited_reads_the_consultation_and_its_notes() {
    let server = Server::start().await;
    let admin = server.admin("root").await;
    let work = topic(&server, &admin, "work").await;
    let (_, mut first) = helper(&server, &admin, "arjun", &[work], &["bn", "en"]).await;
    let asker = server.register("nadia").await;
    let mut r = server.connect(&asker).await;
    let id = open(&mut r, work, &["bn"], "বেতন দেরিতে আসে").await["id"]
        .as_i64()
        .expect("id");
    first.expect(|v| consultation_frame(v, id, "active")).await;
    let (second_user, mut second) = helper(&server, &admin, "lawyer", &[work], &["bn"]).await;
    let stranger = server.register("viewer").await;
    let refused = first
        .request(json!({"type": "invite_helper", "consultation": id, "helper": stranger.id}))
        .await;
    assert_eq!(refused["code"], "not_helper", "{refused}");
    let invited = first
        .request(json!({"type": "invite_helper", "consultation": id, "helper": second_user.id}))
        .await;
    assert_eq!(invited["type"], "ack", "{invited}");
    let view = second
        .expect(|v| v["type"] == "consultation" && v["id"] == id)
        .await;
    assert_eq!(view["helpers"].as_array().map(Vec::len), Some(2), "{view}");
    let page = second
        .request(json!({"type": "history", "conversation": id}))
        .await;
    assert_eq!(page["messages"][0]["body"], "বেতন দেরিতে আসে");
    r.expect(|v| change(v, id, "helper_invited") && v["helper"] == second_user.id)
        .await;
}
