//! Several nodes as real processes (the `engawa` binary) on one PostgreSQL database and one Redis that each test
//! starts itself on a free port: fan-out and presence across nodes, a node killed with SIGKILL, Redis killed and
//! restarted empty under a stream of messages, a ban closing sockets on another node.
//!
//! Needs PostgreSQL (`ENGAWA_TEST_PG`, default `postgres://postgres@127.0.0.1:5432/postgres`) and `redis-server` on
//! the PATH; `scripts/test` makes sure of both.

#[path = "../../tests/tests/support/mod.rs"]
mod support;

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use support::{Client, Ended, Server, User, is_event};

/// A `redis-server` of the test's own, keeping nothing on disk (a restart comes back empty).
struct Redis {
    port: u16,
    child: Child,
}

impl Redis {
    fn start() -> Redis {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        Redis::start_on(port)
    }

    fn start_on(port: u16) -> Redis {
        let child = Command::new("redis-server")
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .stdout(Stdio::null())
            .spawn()
            .expect("redis-server is installed (scripts/test installs it)");
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "redis-server did not start");
            std::thread::sleep(Duration::from_millis(20));
        }
        Redis { port, child }
    }

    fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }

    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Redis {
    fn drop(&mut self) {
        self.kill();
    }
}

/// One deployment: a database, a Redis, and the nodes started on them.
struct Cluster {
    db: support::pg::PgDb,
    redis: Redis,
    dir: support::TempDir,
}

/// A node process and the test's handle on it.
struct Node {
    child: Child,
    server: Server,
}

impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Node {
    /// SIGKILL: no goodbye to Redis, no closing handshakes.
    fn kill9(&mut self) {
        self.child.kill().expect("kill the node");
        self.child.wait().expect("reap the node");
    }

    fn alive(&mut self) -> bool {
        self.child.try_wait().expect("node status").is_none()
    }
}

impl Cluster {
    fn new() -> Cluster {
        let dir = support::TempDir::new();
        // Tests register and send faster than people do; the limits have their own tests.
        std::fs::write(
            dir.path.join("engawa.toml"),
            "[limits]\nregister_per_hour = 100000\nsend_per_second = 100000\nsend_burst = 100000\n",
        )
        .expect("write the configuration");
        Cluster {
            db: support::pg::fresh_database(),
            redis: Redis::start(),
            dir,
        }
    }

    async fn node(&self) -> Node {
        let mut child = Command::new(env!("CARGO_BIN_EXE_engawa"))
            .arg("--config")
            .arg(self.dir.path.join("engawa.toml"))
            .args(["--bind", "127.0.0.1:0", "--log", "warn"])
            .args(["--database-url", &self.db.url])
            .args(["--redis-url", &self.redis.url()])
            // Each test's deployment is its own namespace, as on a shared Redis.
            .args(["--redis-prefix", &format!("test{}", self.redis.port)])
            .arg("serve")
            .stdout(Stdio::piped())
            .spawn()
            .expect("start a node");
        let stdout = child.stdout.take().expect("piped stdout");
        let line = tokio::task::spawn_blocking(move || {
            let mut line = String::new();
            BufReader::new(stdout).read_line(&mut line).map(|_| line)
        })
        .await
        .expect("reader thread")
        .expect("the node prints its address");
        let addr: SocketAddr = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|a| a.parse().ok())
            .unwrap_or_else(|| panic!("an address in {line:?}"));
        let config = engawa::Config {
            database_url: Some(self.db.url.clone()),
            ..Default::default()
        };
        Node {
            child,
            server: Server::remote(addr, config).await,
        }
    }
}

/// A public channel an admin makes on `on`, joined by each person through their own node.
async fn channel_with(on: &Server, name: &str, members: &[(&Server, &User)]) -> i64 {
    let root = on.admin("root").await;
    let channel = on.channel(&root, name, "public").await;
    for (server, user) in members {
        server.join(user, channel).await;
    }
    channel
}

/// An admin bans someone from the whole community through `on`.
async fn ban(on: &Server, admin: &User, user: &User) {
    let (status, body) = on
        .api(
            admin,
            "POST",
            "/moderation",
            Some(json!({"action": {"kind": "ban", "user": user.id}, "reason": "spam"})),
        )
        .await;
    assert_eq!(status, 200, "{body}");
}

/// The message events of `conversation` a client receives until it holds `count` of them.
async fn messages(client: &mut Client, conversation: i64, count: usize) -> Vec<(u64, String)> {
    let mut out = Vec::new();
    while out.len() < count {
        let frame = client
            .expect(|v| is_event(v, conversation, "message"))
            .await;
        out.push((
            frame["seq"].as_u64().expect("seq"),
            frame["message"]["body"].as_str().expect("body").to_owned(),
        ));
    }
    out
}

/// A person's presence as `client` is told on asking.
async fn presence_of(client: &mut Client, user: &User) -> Value {
    let answer = client
        .request(json!({"type": "get_presence", "users": [user.id]}))
        .await;
    assert_eq!(answer["type"], "presence", "{answer}");
    answer["users"]
        .as_array()
        .and_then(|list| list.iter().find(|p| p["user"] == user.id))
        .cloned()
        .unwrap_or(Value::Null)
}

/// Asks every 250 ms until `user` has `status`; returns how long it took.
async fn until_status(client: &mut Client, user: &User, status: &str, limit: Duration) -> Duration {
    let started = Instant::now();
    loop {
        let seen = presence_of(client, user).await;
        if seen["status"] == status {
            return started.elapsed();
        }
        assert!(
            started.elapsed() < limit,
            "{} not {status} within {limit:?}: {seen}",
            user.username
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

fn pushed(v: &Value, user: &User, status: &str) -> bool {
    v["type"] == "presence"
        && v.get("ref").is_none()
        && v["users"].as_array().is_some_and(|l| {
            l.iter()
                .any(|p| p["user"] == user.id && p["status"] == status)
        })
}

#[tokio::test]
async fn a_message_sent_on_one_node_reaches_the_others_in_order_and_presence_is_shared() {
    let cluster = Cluster::new();
    let a = cluster.node().await;
    let (b, c) = (cluster.node().await, cluster.node().await);
    let alice = a.server.register("alice").await;
    let bob = b.server.register("bob").await;
    let carol = c.server.register("carol").await;
    let members = [(&a.server, &alice), (&b.server, &bob), (&c.server, &carol)];
    let channel = channel_with(&a.server, "crossing", &members).await;
    let mut bob_ws = b.server.connect(&bob).await;
    let mut carol_ws = c.server.connect(&carol).await;

    let mut alice_ws = a.server.connect(&alice).await;
    bob_ws.expect(|v| pushed(v, &alice, "online")).await;
    let seen = presence_of(&mut carol_ws, &alice).await;
    assert_eq!(seen["status"], "online", "{seen}");

    let sent: Vec<String> = (0..30).map(|i| format!("message {i}")).collect();
    let mut seqs = Vec::new();
    for body in &sent {
        seqs.push(
            alice_ws.say(channel, body).await["seq"]
                .as_u64()
                .expect("seq"),
        );
    }
    for client in [&mut bob_ws, &mut carol_ws] {
        let got = messages(client, channel, sent.len()).await;
        let bodies: Vec<&str> = got.iter().map(|(_, b)| b.as_str()).collect();
        assert_eq!(bodies, sent, "every message, in the order sent");
        let got_seqs: Vec<u64> = got.iter().map(|(s, _)| *s).collect();
        assert_eq!(got_seqs, seqs, "the seqs the sender was acknowledged");
    }

    // Away on one connection, then gone: both reach the other nodes.
    let ack = alice_ws
        .request(json!({"type": "set_presence", "status": "away"}))
        .await;
    assert_eq!(ack["type"], "ack", "{ack}");
    carol_ws.expect(|v| pushed(v, &alice, "away")).await;
    drop(alice_ws);
    let gone = bob_ws.expect(|v| pushed(v, &alice, "offline")).await;
    let entry = &gone["users"][0];
    assert!(
        entry["last_seen"].as_i64().is_some(),
        "offline with last seen: {gone}"
    );
}

#[tokio::test]
async fn a_killed_node_takes_its_people_offline_and_its_clients_resume_on_another_with_nothing_lost()
 {
    let cluster = Cluster::new();
    let mut a = cluster.node().await;
    let b = cluster.node().await;
    let alice = a.server.register("alice").await;
    let dave = a.server.register("dave").await;
    let bob = b.server.register("bob").await;
    let members = [(&b.server, &bob), (&a.server, &alice), (&a.server, &dave)];
    let channel = channel_with(&b.server, "kitchen", &members).await;
    let mut bob_ws = b.server.connect(&bob).await;
    let mut alice_ws = a.server.connect(&alice).await;
    let _dave_ws = a.server.connect(&dave).await;
    bob_ws.expect(|v| pushed(v, &dave, "online")).await;

    for i in 0..5 {
        bob_ws.say(channel, &format!("before {i}")).await;
    }
    let mut log = messages(&mut alice_ws, channel, 5).await;
    let held = log.last().expect("five messages").0;

    a.kill9();
    let killed = Instant::now();
    for i in 0..5 {
        bob_ws.say(channel, &format!("while away {i}")).await;
    }
    // Alice's client reconnects to the surviving node and resumes from what it holds.
    let mut alice_ws = b.server.connect_resume(&alice, vec![(channel, held)]).await;
    log.extend(messages(&mut alice_ws, channel, 5).await);
    for i in 0..5 {
        bob_ws.say(channel, &format!("after {i}")).await;
    }
    log.extend(messages(&mut alice_ws, channel, 5).await);
    let seqs: Vec<u64> = log.iter().map(|(s, _)| *s).collect();
    let first = seqs[0];
    assert_eq!(
        seqs,
        (first..first + 15).collect::<Vec<_>>(),
        "0 gaps and 0 duplicates across the kill: {log:?}"
    );

    // Dave did not come back: the dead node's people go offline for everyone.
    let took = until_status(&mut bob_ws, &dave, "offline", Duration::from_secs(40)).await;
    let since_kill = killed.elapsed();
    eprintln!("measured: a killed node's person went offline {since_kill:?} after the kill");
    assert!(
        since_kill < Duration::from_secs(40),
        "offline after {since_kill:?} (asked for {took:?})"
    );
    // Alice, reconnected elsewhere, stays online.
    assert_eq!(presence_of(&mut bob_ws, &alice).await["status"], "online");
}

#[tokio::test]
async fn redis_killed_and_restarted_empty_during_a_stream_loses_nothing() {
    let mut cluster = Cluster::new();
    let mut a = cluster.node().await;
    let mut b = cluster.node().await;
    let alice = a.server.register("alice").await;
    let bob = b.server.register("bob").await;
    let members = [(&a.server, &alice), (&b.server, &bob)];
    let channel = channel_with(&a.server, "steady", &members).await;
    let mut bob_ws = b.server.connect(&bob).await;
    // Asking discards the frames before the answer: a second connection asks, the first keeps the log.
    let mut bob_probe = b.server.connect(&bob).await;
    let mut alice_ws = a.server.connect(&alice).await;
    bob_ws.expect(|v| pushed(v, &alice, "online")).await;

    // 300 messages over about 15 s from node A; Redis dies at about 3 s for 5 s.
    const COUNT: usize = 300;
    let sender = tokio::spawn(async move {
        let mut acked = Vec::new();
        for i in 0..COUNT {
            let ack = alice_ws.say(channel, &format!("steady {i}")).await;
            acked.push(ack["seq"].as_u64().expect("seq"));
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        (alice_ws, acked)
    });
    tokio::time::sleep(Duration::from_secs(3)).await;
    let port = cluster.redis.port;
    cluster.redis.kill();
    tokio::time::sleep(Duration::from_secs(5)).await;
    cluster.redis = Redis::start_on(port);
    let restarted = Instant::now();
    // Redis came back empty; each node re-asserts its people.
    let took = until_status(&mut bob_probe, &alice, "online", Duration::from_secs(15)).await;
    assert!(
        restarted.elapsed() < Duration::from_secs(15),
        "presence right after {took:?}"
    );
    eprintln!("measured: presence right again {took:?} after Redis restarted empty");

    let log = messages(&mut bob_ws, channel, COUNT).await;
    let (_alice_ws, acked) = sender.await.expect("the sender finished");
    assert_eq!(acked.len(), COUNT, "every send acknowledged");
    let seqs: Vec<u64> = log.iter().map(|(s, _)| *s).collect();
    assert_eq!(seqs, acked, "bob holds every message in order, none twice");
    let stored: i64 = {
        use sqlx::{Connection, Row};
        let mut conn = sqlx::PgConnection::connect(&cluster.db.url)
            .await
            .expect("connect");
        sqlx::query("SELECT COUNT(*) FROM messages WHERE conversation_id = $1")
            .bind(channel)
            .fetch_one(&mut conn)
            .await
            .expect("count")
            .get(0)
    };
    assert_eq!(
        stored, COUNT as i64,
        "the database holds exactly what was sent"
    );
    assert!(a.alive() && b.alive(), "no node crashed");
}

#[tokio::test]
async fn what_another_node_changed_while_redis_was_down_reaches_connected_people_when_it_returns() {
    let mut cluster = Cluster::new();
    let a = cluster.node().await;
    let b = cluster.node().await;
    let carol = a.server.register("carol").await;
    let dave = a.server.register("dave").await;
    let erin = b.server.register("erin").await;
    let admin = b.server.admin("root").await;
    let mut carol_ws = a.server.connect(&carol).await;
    let mut dave_ws = a.server.connect(&dave).await;
    let mut erin_ws = b.server.connect(&erin).await;

    let port = cluster.redis.port;
    cluster.redis.kill();
    // While Redis is down, node B opens a conversation with Carol and bans Dave: both payloads are lost.
    let direct = erin_ws.open_direct(&carol).await;
    ban(&b.server, &admin, &dave).await;
    // Redis stays down for a while, so that those payloads are lost rather than late.
    tokio::time::sleep(Duration::from_secs(2)).await;
    cluster.redis = Redis::start_on(port);

    // Node A catches up: Carol is told of the new conversation and receives it from then on; Dave is closed.
    let told = carol_ws
        .expect(|v| v["type"] == "membership" && v["conversation"] == direct)
        .await;
    assert_eq!(told["change"], "joined", "{told}");
    assert_eq!(told["summary"]["id"], direct, "{told}");
    assert_eq!(dave_ws.ended().await, Ended::Closed(4004));
    let ack = erin_ws.say(direct, "are you there?").await;
    let got = carol_ws.expect(|v| is_event(v, direct, "message")).await;
    assert_eq!(got["seq"], ack["seq"]);
    assert_eq!(got["message"]["body"], "are you there?");
}

#[tokio::test]
async fn a_ban_issued_on_one_node_closes_the_persons_sockets_on_another_within_two_seconds() {
    let cluster = Cluster::new();
    let a = cluster.node().await;
    let b = cluster.node().await;
    let target = a.server.register("spammer").await;
    let mut first = a.server.connect(&target).await;
    let mut second = a.server.connect(&target).await;
    let admin = b.server.admin("root").await;

    let started = Instant::now();
    ban(&b.server, &admin, &target).await;
    assert_eq!(first.ended().await, Ended::Closed(4004));
    assert_eq!(second.ended().await, Ended::Closed(4004));
    let took = started.elapsed();
    assert!(took < Duration::from_secs(2), "closed after {took:?}");
    eprintln!("measured: a ban on node B closed both sockets on node A in {took:?}");
}

/// Open consultations by state, and each helper's open consultations, as the database holds them.
/// PostgreSQL ending every connection of a node (a failover, a restart, an operator's `pg_terminate_backend`): reads
/// go on without an error, as the node tests a pooled connection before it lends it and replaces a dead one; the
/// writer's first transaction on its dead connection fails with `internal`, and the message sent again with the
/// same client id is stored once.
#[tokio::test]
async fn connections_that_postgresql_ended_are_replaced_and_no_message_is_lost_or_doubled() {
    use sqlx::{Connection, Row};
    let cluster = Cluster::new();
    let node = cluster.node().await;
    let alice = node.server.register("alice").await;
    let channel = channel_with(&node.server, "after-failover", &[(&node.server, &alice)]).await;
    let mut first = node.server.connect(&alice).await;
    first.say(channel, "before").await;

    let mut admin = sqlx::PgConnection::connect(&cluster.db.url)
        .await
        .expect("connect");
    let ended: i64 = sqlx::query(
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity \
         WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )
    .fetch_one(&mut admin)
    .await
    .expect("terminate the node's connections")
    .get(0);
    assert!(
        ended >= 2,
        "the node's pool and its writer were connected: {ended}"
    );

    let mut second = node.server.connect(&alice).await;
    let listed: Vec<i64> = second.ready["conversations"]
        .as_array()
        .expect("conversations")
        .iter()
        .map(|c| c["id"].as_i64().expect("id"))
        .collect();
    assert!(listed.contains(&channel), "{}", second.ready);
    assert_eq!(
        node.server.history_bodies(&alice, channel).await,
        ["before"]
    );

    let send = json!({
        "type": "send_message", "conversation": channel, "client_id": support::client_id(),
        "body": "after", "lang": "en"
    });
    let mut refused = 0;
    loop {
        let answer = second.request(send.clone()).await;
        if answer["type"] == "ack" {
            break;
        }
        assert_eq!(answer["code"], "internal", "{answer}");
        refused += 1;
        assert!(refused < 5, "the writer reconnects: {answer}");
    }
    assert!(
        refused <= 1,
        "one transaction on the dead connection at most"
    );
    assert_eq!(
        node.server.history_bodies(&alice, channel).await,
        ["before", "after"]
    );
}

async fn routing_state(db: &str) -> (Vec<(i64, String)>, Vec<(i64, i64)>) {
    use sqlx::{Connection, Row};
    let mut conn = sqlx::PgConnection::connect(db).await.expect("connect");
    let states = sqlx::query("SELECT id, state FROM consultations ORDER BY id")
        .fetch_all(&mut conn)
        .await
        .expect("consultations")
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let helpers = sqlx::query(
        "SELECT h.user_id, h.consultation_id FROM consultation_helpers h \
         JOIN consultations c ON c.id = h.consultation_id WHERE c.state = 'active' ORDER BY h.consultation_id",
    )
    .fetch_all(&mut conn)
    .await
    .expect("helpers")
    .iter()
    .map(|r| (r.get(0), r.get(1)))
    .collect();
    (states, helpers)
}

/// Waits until `active` consultations are active, each with exactly one helper and no helper holding two.
async fn until_routed(db: &str, active: usize, total: usize) -> Vec<(i64, i64)> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (states, helpers) = routing_state(db).await;
        assert_eq!(states.len(), total, "no request lost: {states:?}");
        let mut holders: Vec<i64> = helpers.iter().map(|(h, _)| *h).collect();
        let mut taken: Vec<i64> = helpers.iter().map(|(_, c)| *c).collect();
        holders.sort_unstable();
        holders.dedup();
        taken.sort_unstable();
        taken.dedup();
        assert_eq!(
            taken.len(),
            helpers.len(),
            "a request assigned twice: {helpers:?}"
        );
        assert_eq!(
            holders.len(),
            helpers.len(),
            "a helper over capacity: {helpers:?}"
        );
        let n = states.iter().filter(|(_, s)| s == "active").count();
        if n == active && helpers.len() == active {
            return helpers;
        }
        assert!(
            Instant::now() < deadline,
            "not routed: {states:?} {helpers:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn consultation_routing_on_three_nodes_never_assigns_twice_and_loses_no_request() {
    let cluster = Cluster::new();
    let nodes = [
        cluster.node().await,
        cluster.node().await,
        cluster.node().await,
    ];
    let root = nodes[0].server.admin("root").await;
    let visa = nodes[0].server.topic(&root, "visa").await;

    // One helper with room for one on each node, connected there.
    let mut helpers = Vec::new();
    for (i, node) in nodes.iter().enumerate() {
        let name = format!("helper{i}");
        helpers.push(node.server.helper(&root, &name, &[visa], &["en"], 1).await);
    }

    // Six people ask at once, two on each node.
    let mut askers = Vec::new();
    for i in 0..6 {
        let server = &nodes[i % 3].server;
        let user = server.register(&format!("asker{i}")).await;
        askers.push(server.connect(&user).await);
    }
    let opened = futures_util::future::join_all(askers.iter_mut().enumerate().map(
        |(i, client)| async move {
            client
                .request(json!({
                    "type": "open_consultation", "topic": visa, "languages": ["en"],
                    "client_id": support::client_id(), "body": format!("question {i}")
                }))
                .await
        },
    ))
    .await;
    for ack in &opened {
        assert_eq!(ack["type"], "ack", "{ack}");
    }
    let first = until_routed(&cluster.db.url, 3, 6).await;

    // Each helper finishes; the three still waiting go to them, once each.
    for (user, client) in &mut helpers {
        let (_, consultation) = first
            .iter()
            .find(|(h, _)| *h == user.id)
            .expect("every helper got one");
        let ack = client
            .request(json!({"type": "resolve_consultation", "consultation": consultation, "summary": "done"}))
            .await;
        assert_eq!(ack["type"], "ack", "{ack}");
    }
    let second = until_routed(&cluster.db.url, 3, 6).await;
    assert!(
        second
            .iter()
            .all(|(_, c)| first.iter().all(|(_, f)| f != c)),
        "the second round took the waiting requests: {first:?} then {second:?}"
    );
}
