//! Moderation: every action takes effect on connected clients at once and is an event members see; reports reach
//! the right moderators and their outcome reaches the reporter in their language; automod; the audit log and a
//! channel's public moderation log; blocks.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::support::{Client, Ended, Server, User, client_id, is_event};

/// What the server renders for `id` with `args` in `lang`: the text a localized error or notice must carry.
fn rendered(lang: &str, id: &str, args: &Value) -> String {
    let i18n = engawa::i18n::I18n::embedded().expect("embedded translations load");
    let locale = i18n.negotiate([lang]);
    let args: engawa::protocol::Args =
        serde_json::from_value(args.clone()).expect("Fluent arguments");
    i18n.render(&locale, id, &args)
}

/// An admin, a community moderator, a volunteer who owns a public channel (so moderates it), and two members
/// in it, one of whom reads Japanese.
struct Community {
    server: Server,
    admin: User,
    moderator: User,
    owner: User,
    anna: User,
    boris: User,
    channel: i64,
}

async fn community(server: Server) -> Community {
    let admin = server.admin("root").await;
    let moderator = server.register("mika").await;
    let owner = server.register("olga").await;
    server.set_role(&admin, &moderator, "moderator").await;
    server.set_role(&admin, &owner, "volunteer").await;
    let anna = server.register("anna").await;
    let boris = server
        .register_with("boris", json!({"locale": "ja", "languages_spoken": ["ja"]}))
        .await;
    let channel = server.channel(&owner, "newcomers", "public").await;
    server.join(&anna, channel).await;
    server.join(&boris, channel).await;
    Community {
        server,
        admin,
        moderator,
        owner,
        anna,
        boris,
        channel,
    }
}

async fn moderate(client: &mut Client, action: Value, reason: &str) -> Value {
    client
        .request(json!({"type": "moderate", "action": action, "reason": reason}))
        .await
}

fn assert_error(frame: &Value, code: &str) {
    assert_eq!(frame["type"], "error", "expected {code}: {frame}");
    assert_eq!(frame["code"], code, "{frame}");
}

#[tokio::test]
async fn timed_out_member_gets_a_localized_error_and_the_timeout_ends_by_itself() {
    let c = community(Server::start().await).await;
    let mut owner = c.server.connect(&c.owner).await;
    let mut boris = c.server.connect(&c.boris).await;
    let mut anna = c.server.connect(&c.anna).await;
    let welcome = owner.say(c.channel, "Welcome!").await;
    let welcome = welcome["message"].as_i64().expect("id");

    // A member may not moderate.
    let refused = moderate(
        &mut anna,
        json!({"kind": "timeout", "user": c.boris.id, "conversation": c.channel, "seconds": 60}),
        "",
    )
    .await;
    assert_error(&refused, "forbidden");

    let ack = moderate(
        &mut owner,
        json!({"kind": "timeout", "user": c.boris.id, "conversation": c.channel, "seconds": 2}),
        "insults",
    )
    .await;
    assert_eq!(ack["type"], "ack", "{ack}");
    let seen = anna
        .expect(|v| is_event(v, c.channel, "member_timed_out"))
        .await;
    assert_eq!(seen["user"], c.boris.id);
    assert_eq!(seen["actor"], c.owner.id);
    let notice = boris.expect(|v| v["type"] == "notice").await;
    assert_eq!(notice["notice"]["id"], "notice-timed-out");
    assert_eq!(
        notice["notice"]["text"],
        rendered("ja", "notice-timed-out", &notice["notice"]["args"])
    );

    let error = boris.say_result(c.channel, "今度こそ").await;
    assert_error(&error, "timed_out");
    assert_eq!(error["args"]["minutes"], 1);
    assert_eq!(
        error["text"],
        rendered("ja", "error-timed-out", &error["args"])
    );
    let reaction = boris
        .request(json!({"type": "add_reaction", "message": welcome, "emoji": "👍"}))
        .await;
    assert_error(&reaction, "timed_out");

    // The timeout ends on its own: the server is asked again until it accepts, within a bound.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let answer = boris.say_result(c.channel, "もう大丈夫").await;
        if answer["type"] == "ack" {
            break;
        }
        assert_error(&answer, "timed_out");
        assert!(Instant::now() < deadline, "the timeout did not end");
        // Wait the number of seconds the server itself says are left.
        let left = answer["args"]["seconds"].as_u64().unwrap_or(1);
        tokio::time::sleep(Duration::from_millis(250 * left.min(4))).await;
    }
    anna.expect(|v| is_event(v, c.channel, "message") && v["actor"] == c.boris.id)
        .await;
}

#[tokio::test]
async fn a_ban_everywhere_closes_every_socket_at_once_and_keeps_the_person_out() {
    let c = community(Server::start().await).await;
    let mut moderator = c.server.connect(&c.moderator).await;
    let mut anna = c.server.connect(&c.anna).await;
    let mut boris_tab = c.server.connect(&c.boris).await;
    let mut boris_phone = c.server.connect(&c.boris).await;

    // A channel moderator cannot ban from the whole community; a community moderator cannot ban an admin.
    let mut owner = c.server.connect(&c.owner).await;
    let refused = moderate(&mut owner, json!({"kind": "ban", "user": c.boris.id}), "").await;
    assert_error(&refused, "forbidden");
    let refused = moderate(
        &mut moderator,
        json!({"kind": "ban", "user": c.admin.id}),
        "",
    )
    .await;
    assert_error(&refused, "forbidden");

    let started = Instant::now();
    let ack = moderate(
        &mut moderator,
        json!({"kind": "ban", "user": c.boris.id}),
        "spam accounts",
    )
    .await;
    assert_eq!(ack["type"], "ack", "{ack}");
    for socket in [&mut boris_tab, &mut boris_phone] {
        let ended = tokio::time::timeout(Duration::from_secs(1), socket.ended())
            .await
            .expect("closed within 1 s of the ban");
        assert_eq!(ended, Ended::Closed(4004));
    }
    assert!(started.elapsed() < Duration::from_secs(1));
    let seen = anna
        .expect(|v| is_event(v, c.channel, "member_banned"))
        .await;
    assert_eq!(seen["global"], true);

    // No login, no connection, no resume with the old token, no HTTP.
    let login = c
        .server
        .http
        .post(c.server.url("/api/v1/auth/login"))
        .header("accept-language", "ja")
        .json(&json!({"username": "boris", "password": "correct horse battery"}))
        .send()
        .await
        .expect("login request");
    assert_eq!(login.status().as_u16(), 403);
    let body: Value = login.json().await.expect("JSON error");
    assert_eq!(body["code"], "banned");
    assert_eq!(body["text"], rendered("ja", "error-banned", &body["args"]));
    let mut again = Client::open(c.server.addr).await;
    again
        .send(
            json!({"type": "hello", "protocol": 2, "token": c.boris.token,
                     "resume": [{"conversation": c.channel, "seq": 1}]}),
        )
        .await;
    let refused = again.expect(|v| v["type"] == "error").await;
    assert_eq!(refused["code"], "unauthenticated");
    let (status, _) = c.server.api(&c.boris, "GET", "/me", None).await;
    assert_eq!(status, 401);

    // Lifted, the person logs in again.
    let ack = moderate(
        &mut moderator,
        json!({"kind": "unban", "user": c.boris.id}),
        "appeal",
    )
    .await;
    assert_eq!(ack["type"], "ack", "{ack}");
    c.server.login("boris").await;
}

#[tokio::test]
async fn slow_mode_refuses_the_second_message_and_tells_how_long_to_wait() {
    let c = community(Server::start().await).await;
    let mut owner = c.server.connect(&c.owner).await;
    let mut anna = c.server.connect(&c.anna).await;
    let ack = moderate(
        &mut owner,
        json!({"kind": "slow_mode", "conversation": c.channel, "seconds": 60}),
        "heated thread",
    )
    .await;
    assert_eq!(ack["type"], "ack", "{ack}");
    let changed = anna
        .expect(|v| is_event(v, c.channel, "slow_mode_changed"))
        .await;
    assert_eq!(changed["seconds"], 60);

    anna.say(c.channel, "first").await;
    let error = anna.say_result(c.channel, "second").await;
    assert_error(&error, "slow_mode");
    let wait = error["args"]["seconds"].as_i64().expect("seconds to wait");
    assert!((55..=60).contains(&wait), "{error}");
    assert_eq!(
        error["text"],
        rendered("en", "error-slow-mode", &error["args"])
    );

    // Moderators are exempt; the summary shows the setting.
    owner.say(c.channel, "one").await;
    owner.say(c.channel, "two").await;
    let (_, summary) = c
        .server
        .api(
            &c.anna,
            "GET",
            &format!("/conversations/{}", c.channel),
            None,
        )
        .await;
    assert_eq!(summary["slow_mode_seconds"], 60);
}

#[tokio::test]
async fn a_locked_channel_is_read_only_except_for_its_moderators() {
    let c = community(Server::start().await).await;
    let mut owner = c.server.connect(&c.owner).await;
    let mut anna = c.server.connect(&c.anna).await;
    moderate(
        &mut owner,
        json!({"kind": "lock", "conversation": c.channel, "locked": true}),
        "",
    )
    .await;
    anna.expect(|v| is_event(v, c.channel, "channel_locked") && v["locked"] == true)
        .await;
    assert_error(
        &anna.say_result(c.channel, "hello?").await,
        "channel_locked",
    );
    owner
        .say(c.channel, "Announcement: the office is closed today.")
        .await;
    let ack = moderate(
        &mut owner,
        json!({"kind": "lock", "conversation": c.channel, "locked": false}),
        "",
    )
    .await;
    assert_eq!(ack["type"], "ack");
    anna.say(c.channel, "thanks").await;
}

#[tokio::test]
async fn kick_removes_a_member_and_a_channel_ban_keeps_them_out_until_lifted() {
    let c = community(Server::start().await).await;
    let mut owner = c.server.connect(&c.owner).await;
    let mut anna = c.server.connect(&c.anna).await;
    let mut boris = c.server.connect(&c.boris).await;

    moderate(
        &mut owner,
        json!({"kind": "kick", "user": c.boris.id, "conversation": c.channel}),
        "off topic",
    )
    .await;
    anna.expect(|v| is_event(v, c.channel, "member_kicked") && v["user"] == c.boris.id)
        .await;
    let left = boris
        .expect(|v| v["type"] == "membership" && v["conversation"] == c.channel)
        .await;
    assert_eq!(left["change"], "left");
    assert_error(&boris.say_result(c.channel, "hi").await, "not_member");
    // A kick is not a ban: they may come back.
    c.server.join(&c.boris, c.channel).await;

    moderate(
        &mut owner,
        json!({"kind": "ban", "user": c.boris.id, "conversation": c.channel, "seconds": 3600}),
        "again",
    )
    .await;
    let banned = anna
        .expect(|v| is_event(v, c.channel, "member_banned"))
        .await;
    assert!(banned["until"].as_i64().is_some(), "{banned}");
    let (status, body) = c
        .server
        .api(
            &c.boris,
            "POST",
            &format!("/channels/{}/join", c.channel),
            None,
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (403, Some("banned")),
        "{body}"
    );
    // A channel moderator cannot sanction another channel moderator or staff.
    let refused = moderate(
        &mut owner,
        json!({"kind": "kick", "user": c.moderator.id, "conversation": c.channel}),
        "",
    )
    .await;
    assert_error(&refused, "forbidden");

    moderate(
        &mut owner,
        json!({"kind": "unban", "user": c.boris.id, "conversation": c.channel}),
        "",
    )
    .await;
    anna.expect(|v| is_event(v, c.channel, "member_unbanned"))
        .await;
    c.server.join(&c.boris, c.channel).await;
}

#[tokio::test]
async fn moderators_delete_and_pin_any_message_and_members_cannot() {
    let c = community(Server::start().await).await;
    let mut owner = c.server.connect(&c.owner).await;
    let mut anna = c.server.connect(&c.anna).await;
    let mut boris = c.server.connect(&c.boris).await;
    let rules = owner.say(c.channel, "House rules: be kind.").await;
    let rules = rules["message"].as_i64().expect("id");
    let spam = boris.say(c.channel, "BUY CHEAP VISAS").await;
    let spam = spam["message"].as_i64().expect("id");

    assert_error(
        &moderate(
            &mut anna,
            json!({"kind": "delete_message", "message": spam}),
            "",
        )
        .await,
        "forbidden",
    );
    assert_error(
        &moderate(&mut anna, json!({"kind": "pin", "message": rules}), "").await,
        "forbidden",
    );
    moderate(
        &mut owner,
        json!({"kind": "delete_message", "message": spam}),
        "spam",
    )
    .await;
    anna.expect(|v| is_event(v, c.channel, "message_deleted") && v["message"] == spam)
        .await;
    moderate(&mut owner, json!({"kind": "pin", "message": rules}), "").await;
    anna.expect(|v| is_event(v, c.channel, "message_pinned") && v["message"] == rules)
        .await;
    let (status, pins) = c
        .server
        .api(
            &c.anna,
            "GET",
            &format!("/conversations/{}/pins", c.channel),
            None,
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(pins[0]["id"], rules);
    assert_eq!(pins[0]["body"], "House rules: be kind.");
    moderate(&mut owner, json!({"kind": "unpin", "message": rules}), "").await;
    anna.expect(|v| is_event(v, c.channel, "message_unpinned"))
        .await;
    let (_, pins) = c
        .server
        .api(
            &c.anna,
            "GET",
            &format!("/conversations/{}/pins", c.channel),
            None,
        )
        .await;
    assert_eq!(pins, json!([]));
}

#[tokio::test]
async fn reports_keep_a_snapshot_reach_the_right_moderators_and_tell_the_reporter_the_outcome() {
    let c = community(Server::start().await).await;
    // A second channel with its own moderator, who must not see reports about the first.
    let other_owner = c.server.register("petra").await;
    c.server.set_role(&c.admin, &other_owner, "volunteer").await;
    c.server.channel(&other_owner, "other", "public").await;
    let vinh = c
        .server
        .register_with("vinh", json!({"locale": "vi", "languages_spoken": ["vi"]}))
        .await;
    c.server.join(&vinh, c.channel).await;

    let mut owner = c.server.connect(&c.owner).await;
    let mut moderator = c.server.connect(&c.moderator).await;
    let mut petra = c.server.connect(&other_owner).await;
    let mut vinh_ws = c.server.connect(&vinh).await;
    let mut boris = c.server.connect(&c.boris).await;
    let insult = boris.say(c.channel, "Nobody wants you here.").await;
    let insult = insult["message"].as_i64().expect("id");

    let (status, report) = c
        .server
        .api(
            &vinh,
            "POST",
            "/reports",
            Some(json!({"message": insult, "category": "harassment", "note": "again"})),
        )
        .await;
    assert_eq!(status, 201, "{report}");
    let id = report["id"].as_i64().expect("report id");
    assert_eq!(report["state"], "open");
    assert_eq!(report["target_user"], c.boris.id);
    for client in [&mut owner, &mut moderator] {
        let frame = client
            .expect(|v| v["type"] == "report" && v["id"] == id)
            .await;
        assert_eq!(frame["snapshot"]["body"], "Nobody wants you here.");
    }
    // The author edits the message: the report keeps what was reported.
    boris
        .request(json!({"type": "edit_message", "message": insult, "body": "sorry"}))
        .await;
    let (_, seen) = c
        .server
        .api(&c.owner, "GET", &format!("/reports/{id}"), None)
        .await;
    assert_eq!(seen["snapshot"]["body"], "Nobody wants you here.");
    // The other channel's moderator neither receives nor reads it; a member cannot list the queue.
    let (status, _) = c
        .server
        .api(&other_owner, "GET", &format!("/reports/{id}"), None)
        .await;
    assert_eq!(status, 404);
    let (_, theirs) = c.server.api(&other_owner, "GET", "/reports", None).await;
    assert_eq!(theirs, json!([]));
    let (status, _) = c.server.api(&c.anna, "GET", "/reports", None).await;
    assert_eq!(status, 403);

    // Claim (once), add a note, resolve with an action.
    let (status, claimed) = c
        .server
        .api(&c.owner, "POST", &format!("/reports/{id}/claim"), None)
        .await;
    assert_eq!((status, claimed["state"].as_str()), (200, Some("claimed")));
    let (status, again) = c
        .server
        .api(&c.moderator, "POST", &format!("/reports/{id}/claim"), None)
        .await;
    assert_eq!(
        (status, again["code"].as_str()),
        (409, Some("already_claimed"))
    );
    c.server
        .api(
            &c.owner,
            "POST",
            &format!("/reports/{id}/notes"),
            Some(json!({"body": "second time this week"})),
        )
        .await;
    let (status, resolved) = c
        .server
        .api(
            &c.owner,
            "POST",
            &format!("/reports/{id}/resolve"),
            Some(json!({
                "action": {"kind": "timeout", "user": c.boris.id, "conversation": c.channel, "seconds": 600},
                "note": "harassment"
            })),
        )
        .await;
    assert_eq!(status, 200, "{resolved}");
    assert_eq!(resolved["state"], "resolved");
    assert_eq!(resolved["notes"][0]["body"], "second time this week");
    let outcome = vinh_ws.expect(|v| v["type"] == "notice").await;
    assert_eq!(outcome["notice"]["id"], "notice-report-resolved");
    assert_eq!(
        outcome["notice"]["text"],
        rendered("vi", "notice-report-resolved", &json!({}))
    );
    assert_error(&boris.say_result(c.channel, "hm").await, "timed_out");

    // A report about a person, dismissed by staff.
    let (_, report) = c
        .server
        .api(
            &vinh,
            "POST",
            "/reports",
            Some(json!({"user": c.anna.id, "category": "other"})),
        )
        .await;
    let id = report["id"].as_i64().expect("report id");
    let (status, _) = c
        .server
        .api(&c.owner, "GET", &format!("/reports/{id}"), None)
        .await;
    assert_eq!(status, 404, "a report about a person is for staff");
    let (status, dismissed) = c
        .server
        .api(
            &c.moderator,
            "POST",
            &format!("/reports/{id}/dismiss"),
            Some(json!({"note": "no rule broken"})),
        )
        .await;
    assert_eq!(
        (status, dismissed["state"].as_str()),
        (200, Some("dismissed"))
    );
    let outcome = vinh_ws.expect(|v| v["type"] == "notice").await;
    assert_eq!(outcome["notice"]["id"], "notice-report-dismissed");

    // Everything the other channel's moderator received before a ping's answer: no report among it.
    let reference = petra.reference();
    petra.send(json!({"type": "ping", "ref": reference})).await;
    let (_, before) = petra.expect_collect(|v| v["type"] == "pong").await;
    assert!(before.iter().all(|v| v["type"] != "report"), "{before:?}");
}

async fn add_rule(server: &Server, admin: &User, body: Value) -> i64 {
    let (status, rule) = server.api(admin, "POST", "/automod", Some(body)).await;
    assert_eq!(status, 201, "{rule}");
    rule["id"].as_i64().expect("rule id")
}

#[tokio::test]
async fn automod_blocks_flags_and_times_out_and_tells_the_sender_why_in_their_language() {
    let c = community(Server::start().await).await;
    let ivan = c
        .server
        .register_with("ivan", json!({"locale": "ru", "languages_spoken": ["ru"]}))
        .await;
    c.server.join(&ivan, c.channel).await;
    let rule = |body: Value| add_rule(&c.server, &c.admin, body);
    // Only admins make global rules; bad patterns are refused by field.
    let (status, _) = c
        .server
        .api(
            &c.anna,
            "POST",
            "/automod",
            Some(json!({"name": "x", "check": {"kind": "keywords", "words": ["x"]}, "action": "block"})),
        )
        .await;
    assert_eq!(status, 403);
    let (status, bad) = c
        .server
        .api(
            &c.admin,
            "POST",
            "/automod",
            Some(json!({"name": "x", "check": {"kind": "patterns", "patterns": ["(unclosed"]}, "action": "block"})),
        )
        .await;
    assert_eq!(
        (status, bad["args"]["field"].as_str()),
        (400, Some("patterns"))
    );

    rule(json!({"name": "slurs", "check": {"kind": "keywords", "words": ["дурак", "idiot"]}, "action": "block"}))
        .await;
    let flag = rule(json!({"name": "mass mentions", "conversation": c.channel,
                           "check": {"kind": "mention_spam", "max": 1}, "action": "flag"}))
    .await;
    rule(json!({"name": "scam links", "check": {"kind": "patterns", "patterns": [r"(?i)cheap\s+visa"]},
                "action": "timeout", "timeout_seconds": 300}))
    .await;

    c.server.join(&c.moderator, c.channel).await;
    let mut ivan_ws = c.server.connect(&ivan).await;
    let mut anna = c.server.connect(&c.anna).await;
    let mut moderator = c.server.connect(&c.moderator).await;
    let blocked = ivan_ws
        .request(
            json!({"type": "send_message", "conversation": c.channel, "client_id": client_id(),
                        "body": "Ты дурак", "lang": "ru"}),
        )
        .await;
    assert_error(&blocked, "automod_blocked");
    assert_eq!(blocked["args"]["check"], "keywords");
    assert_eq!(
        blocked["text"],
        rendered("ru", "error-automod-blocked", &blocked["args"])
    );
    // Editing is no way around it.
    let innocent = ivan_ws.say(c.channel, "привет").await["message"]
        .as_i64()
        .expect("stored");
    let edited = ivan_ws
        .request(json!({"type": "edit_message", "message": innocent, "body": "ты дурак"}))
        .await;
    assert_error(&edited, "automod_blocked");
    // Staff are exempt by default.
    moderator
        .say(c.channel, "Please do not call anyone an idiot.")
        .await;

    let flagged = anna.say(c.channel, "@olga @boris please look").await;
    let flagged = flagged["message"].as_i64().expect("stored");
    let report = moderator
        .expect(|v| v["type"] == "report" && v["message"] == flagged)
        .await;
    assert_eq!(report["rule"], flag);
    assert_eq!(report["reporter"], 0);

    let timed = anna.say_result(c.channel, "CHEAP  VISA here").await;
    assert_error(&timed, "automod_blocked");
    assert_eq!(timed["args"]["check"], "patterns");
    let seen = moderator
        .expect(|v| is_event(v, c.channel, "member_timed_out"))
        .await;
    assert_eq!(seen["user"], c.anna.id);
    assert_error(&anna.say_result(c.channel, "ok sorry").await, "timed_out");
}

#[tokio::test]
async fn the_audit_log_records_actions_and_members_read_the_public_moderation_log() {
    let c = community(Server::start().await).await;
    let mut owner = c.server.connect(&c.owner).await;
    moderate(
        &mut owner,
        json!({"kind": "timeout", "user": c.boris.id, "conversation": c.channel, "seconds": 60}),
        "spamming links",
    )
    .await;
    moderate(
        &mut owner,
        json!({"kind": "slow_mode", "conversation": c.channel, "seconds": 10}),
        "calm down",
    )
    .await;

    let (status, entries) = c
        .server
        .api(&c.moderator, "GET", "/audit?action=moderation", None)
        .await;
    assert_eq!(status, 200, "{entries}");
    let actions: Vec<&str> = entries
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert_eq!(actions, ["moderation.slow_mode", "moderation.timeout"]);
    assert_eq!(entries[1]["reason"], "spamming links");
    assert_eq!(entries[1]["target_id"], c.boris.id);
    let (_, by_actor) = c
        .server
        .api(
            &c.moderator,
            "GET",
            &format!("/audit?actor={}&action=moderation.timeout", c.owner.id),
            None,
        )
        .await;
    assert_eq!(by_actor.as_array().map(Vec::len), Some(1));
    // Role changes are audited too; members cannot read the audit log.
    let (_, roles) = c
        .server
        .api(&c.admin, "GET", "/audit?action=role.change", None)
        .await;
    assert_eq!(roles.as_array().map(Vec::len), Some(2), "{roles}");
    let (status, _) = c.server.api(&c.anna, "GET", "/audit", None).await;
    assert_eq!(status, 403);

    let modlog = format!("/channels/{}/modlog", c.channel);
    let (status, log) = c.server.api(&c.anna, "GET", &modlog, None).await;
    assert_eq!(status, 200, "{log}");
    assert_eq!(log[1]["action"], "moderation.timeout");
    assert_eq!(log[1]["user"], c.boris.id);
    assert_eq!(log[1]["reason"], "spamming links");
    let (status, _) = c
        .server
        .api(
            &c.owner,
            "PATCH",
            &format!("/channels/{}", c.channel),
            Some(json!({"public_modlog": false})),
        )
        .await;
    assert_eq!(status, 200);
    let (status, _) = c.server.api(&c.anna, "GET", &modlog, None).await;
    assert_eq!(status, 403);
    let (status, _) = c.server.api(&c.owner, "GET", &modlog, None).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn blocking_someone_stops_their_direct_messages_and_mention_notices() {
    let c = community(Server::start().await).await;
    let mut anna = c.server.connect(&c.anna).await;
    let mut boris = c.server.connect(&c.boris).await;
    let direct = anna.open_direct(&c.boris).await;
    boris.say(direct, "hello").await;

    let (status, _) = c
        .server
        .api(&c.anna, "PUT", &format!("/me/blocks/{}", c.boris.id), None)
        .await;
    assert_eq!(status, 204);
    let (_, list) = c.server.api(&c.anna, "GET", "/me/blocks", None).await;
    assert_eq!(list, json!([c.boris.id]));
    assert_error(&boris.say_result(direct, "why?").await, "blocked");
    let again = boris
        .request(json!({"type": "open_direct", "users": [c.anna.id]}))
        .await;
    assert_error(&again, "blocked");

    // In a shared channel the message goes through, but the mention does not notify Anna.
    boris.say(c.channel, "@anna look").await;
    let mut probe = c.server.connect(&c.owner).await;
    probe.say(c.channel, "@anna welcome").await;
    let mention = anna.expect(|v| v["type"] == "mentioned").await;
    assert_eq!(
        mention["by"], c.owner.id,
        "only the unblocked mention arrives"
    );

    // `ready` lists blocks in the order they were made (the admin's id is the lower), beside every conversation.
    let (status, _) = c
        .server
        .api(&c.anna, "PUT", &format!("/me/blocks/{}", c.admin.id), None)
        .await;
    assert_eq!(status, 204);
    let fresh = c.server.connect(&c.anna).await;
    assert_eq!(fresh.ready["blocked"], json!([c.boris.id, c.admin.id]));
    let mut listed: Vec<i64> = fresh.ready["conversations"]
        .as_array()
        .expect("ready lists conversations")
        .iter()
        .filter_map(|summary| summary["id"].as_i64())
        .collect();
    listed.sort_unstable();
    let mut expected = vec![c.channel, direct];
    expected.sort_unstable();
    assert_eq!(listed, expected);
    c.server
        .api(
            &c.anna,
            "DELETE",
            &format!("/me/blocks/{}", c.boris.id),
            None,
        )
        .await;
    boris.say(direct, "friends again?").await;
}

#[tokio::test]
async fn the_database_refuses_to_change_or_remove_audit_entries() {
    use sqlx::{Connection, Executor};
    let c = community(Server::start().await).await;
    let mut owner = c.server.connect(&c.owner).await;
    moderate(
        &mut owner,
        json!({"kind": "timeout", "user": c.boris.id, "conversation": c.channel, "seconds": 60}),
        "the record",
    )
    .await;
    sqlx::any::install_default_drivers();
    let url = c.server.config.database_url();
    let mut db = sqlx::AnyConnection::connect(&url)
        .await
        .expect("connect to the server's database");
    let mut tampering = vec![
        "UPDATE audit_log SET reason = 'nothing happened'",
        "DELETE FROM audit_log",
    ];
    if url.starts_with("postgres") {
        tampering.push("TRUNCATE audit_log");
    }
    for statement in tampering {
        let refused = db.execute(statement).await;
        assert!(refused.is_err(), "{statement} must be refused");
    }
    drop(db);
    let (_, entries) = c
        .server
        .api(
            &c.moderator,
            "GET",
            "/audit?action=moderation.timeout",
            None,
        )
        .await;
    assert_eq!(entries[0]["reason"], "the record");
}
