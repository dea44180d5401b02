//! Shared support for the black-box tests: a real node on a free port, a small HTTP helper, and a WebSocket test
//! client with `send` and `expect(predicate)`.

#![allow(dead_code)] // Each test file uses its own part of the support code.

pub mod pg;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use engawa::Config;
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};
use tokio_util::sync::CancellationToken;

/// How long `expect` waits for a frame before failing the test.
pub const WAIT: Duration = Duration::from_secs(10);

/// A running node.
pub struct Server {
    pub addr: SocketAddr,
    pub shutdown: CancellationToken,
    pub task: Option<tokio::task::JoinHandle<Result<(), engawa::RunError>>>,
    pub http: reqwest::Client,
    pub config: Config,
    /// Keeps the data directory (SQLite) or database (PostgreSQL) alive for the server's life.
    guard: Option<Guard>,
}

/// What a test database needs kept alive, and removed afterwards.
pub enum Guard {
    Dir(TempDir),
    Pg(pg::PgDb),
}

/// Which database a test server uses: `ENGAWA_TEST_DATABASE=postgres` runs the suite against PostgreSQL.
pub fn test_config() -> (Config, Guard) {
    let mut config = Config::default();
    // Tests send fast on purpose; the rate limit has its own test with its own settings.
    config.limits.send_per_second = 100_000;
    config.limits.send_burst = 100_000;
    config.hash_concurrency = 2;
    // Tests register many people from 127.0.0.1; the registration limit has its own test.
    config.register_per_hour = 1_000_000;
    // `ENGAWA_TEST_REDIS=redis://…` runs the suite with Redis presence and fan-out; each server gets its own
    // namespace on that Redis.
    if let Ok(url) = std::env::var("ENGAWA_TEST_REDIS") {
        static N: AtomicU64 = AtomicU64::new(0);
        config.redis_url = Some(url);
        config.redis_prefix = format!(
            "engawa-test-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        );
    }
    if std::env::var("ENGAWA_TEST_DATABASE").as_deref() == Ok("postgres") {
        let db = pg::fresh_database();
        config.database_url = Some(db.url.clone());
        (config, Guard::Pg(db))
    } else {
        let dir = TempDir::new();
        config.data_dir = dir.path.clone();
        (config, Guard::Dir(dir))
    }
}

impl Server {
    pub async fn start() -> Server {
        Self::start_with(|_| {}).await
    }

    pub async fn start_with(adjust: impl FnOnce(&mut Config)) -> Server {
        let (mut config, guard) = test_config();
        adjust(&mut config);
        Self::start_config(config, guard).await
    }

    /// Starts a node on a free port with this configuration.
    pub async fn start_config(config: Config, guard: Guard) -> Server {
        // The node's own listener, as `engawa serve` binds it.
        let listener = engawa::listen(([127, 0, 0, 1], 0).into()).expect("a free port");
        let addr = listener.local_addr().expect("bound");
        let shutdown = CancellationToken::new();
        let task = tokio::spawn(engawa::run(config.clone(), listener, shutdown.clone()));
        let server = Server {
            addr,
            shutdown,
            task: Some(task),
            http: reqwest::Client::new(),
            config,
            guard: Some(guard),
        };
        server.wait_ready().await;
        server
    }

    /// A node that runs elsewhere (another process) with this configuration, once it answers `/readyz`.
    pub async fn remote(addr: SocketAddr, config: Config) -> Server {
        let server = Server {
            addr,
            shutdown: CancellationToken::new(),
            task: None,
            http: reqwest::Client::new(),
            config,
            guard: None,
        };
        server.wait_ready().await;
        server
    }

    async fn wait_ready(&self) {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            if let Ok(r) = self.http.get(self.url("/readyz")).send().await
                && r.status().is_success()
            {
                return;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "server did not become ready"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Stops the node gracefully, waits for it, and hands back its database to start another node on.
    pub async fn stop(mut self) -> (Config, Guard) {
        self.shutdown.cancel();
        if let Some(task) = self.task.take() {
            tokio::time::timeout(std::time::Duration::from_secs(20), task)
                .await
                .expect("the server stops within 20 s of shutdown")
                .expect("server task did not panic")
                .expect("server stopped cleanly");
        }
        (
            self.config.clone(),
            self.guard.take().expect("the guard is held until stop"),
        )
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// Registers a person and returns them with their session token.
    pub async fn register(&self, username: &str) -> User {
        self.register_with(username, json!({})).await
    }

    pub async fn register_with(&self, username: &str, extra: Value) -> User {
        let mut body = json!({
            "username": username,
            "display_name": format!("{username} display"),
            "password": "correct horse battery",
            "locale": "en",
            "languages_spoken": ["en"],
        });
        if let (Some(body), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
            for (k, v) in extra {
                body.insert(k.clone(), v.clone());
            }
        }
        let response = self
            .http
            .post(self.url("/api/v1/auth/register"))
            .json(&body)
            .send()
            .await
            .expect("register request");
        assert_eq!(response.status().as_u16(), 201, "register {username}");
        let token = session_cookie(&response).expect("register sets the session cookie");
        let text = response.text().await.expect("register body");
        assert_no_secrets(&text);
        let value: Value = serde_json::from_str(&text).expect("register body is JSON");
        User {
            id: value["user"]["id"].as_i64().expect("user id"),
            username: username.to_owned(),
            token,
        }
    }

    /// An authenticated API request; returns status and JSON body (Null when empty).
    pub async fn api(
        &self,
        user: &User,
        method: &str,
        path: &str,
        body: Option<Value>,
    ) -> (u16, Value) {
        let method = reqwest::Method::from_bytes(method.as_bytes()).expect("a valid method");
        let mut request = self
            .http
            .request(method, self.url(&format!("/api/v1{path}")))
            .bearer_auth(&user.token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("api request");
        let status = response.status().as_u16();
        let text = response.text().await.expect("api body");
        assert_no_secrets(&text);
        let value = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or_else(|_| panic!("JSON body, got {text}"))
        };
        (status, value)
    }

    /// The bodies of a conversation's messages, oldest first, as a member reads its history.
    pub async fn history_bodies(&self, user: &User, conversation: i64) -> Vec<String> {
        let (status, history) = self
            .api(
                user,
                "GET",
                &format!("/conversations/{conversation}/messages?limit=200"),
                None,
            )
            .await;
        assert_eq!(status, 200, "{history}");
        history["messages"]
            .as_array()
            .expect("messages")
            .iter()
            .map(|m| m["body"].as_str().expect("body").to_owned())
            .collect()
    }

    /// The summary of one of a member's conversations, as their conversation list shows it.
    pub async fn summary(&self, user: &User, conversation: i64) -> Value {
        let (status, list) = self.api(user, "GET", "/conversations", None).await;
        assert_eq!(status, 200, "{list}");
        list.as_array()
            .and_then(|l| l.iter().find(|c| c["id"] == conversation))
            .unwrap_or_else(|| panic!("a member of {conversation}: {list}"))
            .clone()
    }

    /// Creates a channel over HTTP and returns its id.
    pub async fn channel(&self, owner: &User, name: &str, visibility: &str) -> i64 {
        let (status, body) = self
            .api(
                owner,
                "POST",
                "/channels",
                Some(json!({"name": name, "visibility": visibility})),
            )
            .await;
        assert_eq!(status, 201, "create channel {name}: {body}");
        body["conversation"]["id"]
            .as_i64()
            .expect("conversation id")
    }

    /// `owner` creates an invite-only channel and invites `guest`, who joins; returns its id.
    pub async fn channel_of_two(&self, owner: &User, guest: &User, name: &str) -> i64 {
        let channel = self.channel(owner, name, "invite_only").await;
        let (status, body) = self
            .api(
                owner,
                "POST",
                &format!("/channels/{channel}/invite"),
                Some(json!({"user": guest.id})),
            )
            .await;
        assert_eq!(status, 200, "invite: {body}");
        self.join(guest, channel).await;
        channel
    }

    pub async fn join(&self, user: &User, channel: i64) {
        let (status, body) = self
            .api(user, "POST", &format!("/channels/{channel}/join"), None)
            .await;
        assert_eq!(status, 200, "join: {body}");
    }

    /// Connects, sends `hello` and waits for `ready`.
    pub async fn connect(&self, user: &User) -> Client {
        self.connect_resume(user, Vec::new()).await
    }

    pub async fn connect_resume(&self, user: &User, resume: Vec<(i64, u64)>) -> Client {
        let mut client = Client::open(self.addr).await;
        let resume: Vec<Value> = resume
            .into_iter()
            .map(|(c, s)| json!({"conversation": c, "seq": s}))
            .collect();
        client
            .send(json!({"type": "hello", "protocol": 2, "token": user.token, "resume": resume}))
            .await;
        let ready = client.expect(|v| v["type"] == "ready").await;
        client.ready = ready;
        client
    }

    /// A topic's id by key (`visa`, `housing`, …), as any member lists them.
    pub async fn topic(&self, user: &User, key: &str) -> i64 {
        let (status, topics) = self.api(user, "GET", "/topics", None).await;
        assert_eq!(status, 200, "{topics}");
        topics
            .as_array()
            .expect("a list")
            .iter()
            .find(|t| t["key"] == key)
            .unwrap_or_else(|| panic!("seeded topic {key}: {topics}"))["id"]
            .as_i64()
            .expect("id")
    }

    /// A volunteer covering `topics` in `languages` with room for `capacity`, available, connected here.
    pub async fn helper(
        &self,
        admin: &User,
        name: &str,
        topics: &[i64],
        languages: &[&str],
        capacity: u32,
    ) -> (User, Client) {
        let user = self
            .register_with(name, json!({"locale": languages[0]}))
            .await;
        self.set_role(admin, &user, "volunteer").await;
        // Connected first, so that what routing gives them at once reaches them live.
        let client = self.connect(&user).await;
        let (status, body) = self
            .api(
                &user,
                "PUT",
                "/helpers/me",
                Some(json!({"topics": topics, "languages": languages, "capacity": capacity, "availability": "available"})),
            )
            .await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["availability"], "available");
        (user, client)
    }

    /// A person with the moderator role, made through the real admin path (an admin changes the role).
    pub async fn promote(&self, admin_username: &str, user: &User, role: &str) {
        let admin = self.admin(admin_username).await;
        self.set_role(&admin, user, role).await;
    }

    /// An admin gives a person a global role.
    pub async fn set_role(&self, admin: &User, user: &User, role: &str) {
        let (status, body) = self
            .api(
                admin,
                "PUT",
                &format!("/users/{}/role", user.id),
                Some(json!({"role": role})),
            )
            .await;
        assert_eq!(status, 200, "set role: {body}");
    }

    /// An admin account, created the way `engawa admin create-user` creates one.
    pub async fn admin(&self, username: &str) -> User {
        let store = engawa::store::Store::open(&self.config.database_url())
            .await
            .expect("open store");
        let (name, key) = engawa::auth::normalize_username(username).expect("valid username");
        let hash = engawa::auth::Hasher::new(1)
            .hash("correct horse battery".into())
            .await
            .expect("hash");
        store
            .insert_user(&engawa::store::NewUser {
                username: &name,
                username_key: &key,
                display_name: &name,
                password_hash: &hash,
                role: engawa::protocol::Role::Admin,
                locale: "en",
                languages_spoken: &[],
                languages_learning: &[],
                now: engawa::now_ms(),
            })
            .await
            .expect("insert admin");
        store.close().await;
        self.login(username).await
    }

    pub async fn login(&self, username: &str) -> User {
        let response = self
            .http
            .post(self.url("/api/v1/auth/login"))
            .json(&json!({"username": username, "password": "correct horse battery"}))
            .send()
            .await
            .expect("login request");
        assert_eq!(response.status().as_u16(), 200, "login {username}");
        let token = session_cookie(&response).expect("login sets the session cookie");
        let text = response.text().await.expect("login body");
        assert_no_secrets(&text);
        let value: Value = serde_json::from_str(&text).expect("login body is JSON");
        User {
            id: value["user"]["id"].as_i64().expect("user id"),
            username: username.to_owned(),
            token,
        }
    }
}

/// The session token from a `Set-Cookie: engawa_session=…` header. Every token seen is remembered, so that
/// [`assert_no_secrets`] can look for it in everything the server sends afterwards.
pub fn session_cookie(response: &reqwest::Response) -> Option<String> {
    let token = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| v.strip_prefix("engawa_session="))
        .and_then(|v| v.split(';').next())
        .filter(|v| !v.is_empty())
        .map(str::to_owned)?;
    SECRETS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(token.clone());
    Some(token)
}

/// Every session token issued to this test process.
static SECRETS: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// Fails the test when a server frame or response body carries a password hash or any session token issued in
/// this process. Every WebSocket frame and every JSON body the suite reads passes through here.
pub fn assert_no_secrets(text: &str) {
    assert!(
        !text.contains("$argon2"),
        "a password hash reached a client: {text}"
    );
    for field in ["password_hash", "token_hash"] {
        assert!(
            !text.contains(field),
            "a `{field}` field reached a client: {text}"
        );
    }
    let secrets = SECRETS.lock().unwrap_or_else(|e| e.into_inner());
    for token in secrets.iter() {
        assert!(
            !text.contains(token.as_str()),
            "a session token reached a client: {text}"
        );
    }
}

#[derive(Debug, Clone)]
pub struct User {
    pub id: i64,
    pub username: String,
    pub token: String,
}

/// A WebSocket test client.
pub struct Client {
    pub ws: WebSocketStream<MaybeTlsStream<TcpStream>>,
    pub ready: Value,
    pub next_ref: u64,
}

static CLIENT_IDS: AtomicU64 = AtomicU64::new(1);

/// A client id unique in this test process.
pub fn client_id() -> String {
    format!("c{}", CLIENT_IDS.fetch_add(1, Ordering::Relaxed))
}

/// What the server did with the connection when it ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Ended {
    Closed(u16),
    /// The TCP connection ended without a close frame.
    Dropped,
}

impl Client {
    pub async fn open(addr: SocketAddr) -> Client {
        Client::over(TcpStream::connect(addr).await.expect("connect"), addr).await
    }

    /// Opens the WebSocket on a connection already made (which may have carried other requests).
    pub async fn over(tcp: TcpStream, addr: SocketAddr) -> Client {
        let request = format!("ws://{addr}/ws")
            .into_client_request()
            .expect("ws request");
        let (ws, _) = tokio_tungstenite::client_async(request, MaybeTlsStream::Plain(tcp))
            .await
            .expect("websocket connect");
        Client::on(ws)
    }

    /// A client on a WebSocket opened some other way, before its `hello`.
    pub fn on(ws: WebSocketStream<MaybeTlsStream<TcpStream>>) -> Client {
        Client {
            ws,
            ready: Value::Null,
            next_ref: 1,
        }
    }

    pub async fn send(&mut self, value: Value) {
        self.ws
            .send(Message::text(value.to_string()))
            .await
            .expect("send frame");
    }

    pub async fn send_raw(&mut self, message: Message) {
        self.ws.send(message).await.expect("send frame");
    }

    /// A fresh request reference.
    pub fn reference(&mut self) -> String {
        self.next_ref += 1;
        format!("r{}", self.next_ref)
    }

    /// The next JSON frame, skipping pings; `None` when the connection ended.
    pub async fn next(&mut self) -> Option<Value> {
        loop {
            match tokio::time::timeout(WAIT, self.ws.next())
                .await
                .expect("a frame within the wait")
            {
                Some(Ok(Message::Text(text))) => {
                    if std::env::var_os("DEBUG_FRAMES").is_some() {
                        eprintln!("FRAME {text}");
                    }
                    assert_no_secrets(&text);
                    return Some(serde_json::from_str(&text).expect("server frames are JSON"));
                }
                Some(Ok(Message::Ping(_) | Message::Pong(_))) => continue,
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return None,
                Some(Ok(other)) => panic!("unexpected frame {other:?}"),
            }
        }
    }

    /// Waits for a frame matching `pred`, failing after [`WAIT`]; frames before it are discarded.
    pub async fn expect(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        loop {
            match self.next().await {
                Some(value) if pred(&value) => return value,
                Some(_) => {}
                None => panic!("connection ended while waiting for a frame"),
            }
        }
    }

    /// Like [`Client::expect`], but collects the frames skipped on the way.
    pub async fn expect_collect(&mut self, pred: impl Fn(&Value) -> bool) -> (Value, Vec<Value>) {
        let mut skipped = Vec::new();
        loop {
            match self.next().await {
                Some(value) if pred(&value) => return (value, skipped),
                Some(value) => skipped.push(value),
                None => panic!("connection ended while waiting for a frame"),
            }
        }
    }

    /// Sends a request with a fresh `ref` and waits for its answer (`ack`, `history`, `read_marker` or `error`).
    pub async fn request(&mut self, mut value: Value) -> Value {
        let reference = self.reference();
        value["ref"] = Value::String(reference.clone());
        self.send(value).await;
        self.expect(|v| v["ref"] == reference.as_str()).await
    }

    /// Sends a request and waits both for its answer and for a frame matching `pred` (its own events, which may
    /// come before or after the answer); returns the two.
    pub async fn request_and(
        &mut self,
        mut value: Value,
        pred: impl Fn(&Value) -> bool,
    ) -> (Value, Value) {
        let reference = self.reference();
        value["ref"] = Value::String(reference.clone());
        self.send(value).await;
        let (mut answer, mut matched) = (None, None);
        while answer.is_none() || matched.is_none() {
            let frame = self
                .next()
                .await
                .expect("connection ended while waiting for a frame");
            if frame["ref"] == reference.as_str() {
                answer = Some(frame);
            } else if matched.is_none() && pred(&frame) {
                matched = Some(frame);
            }
        }
        (
            answer.expect("seen an answer"),
            matched.expect("seen a matching frame"),
        )
    }

    /// Opens (or finds) the direct conversation with `other` and returns its id.
    pub async fn open_direct(&mut self, other: &User) -> i64 {
        let ack = self
            .request(json!({"type": "open_direct", "users": [other.id]}))
            .await;
        ack["conversation"]["id"]
            .as_i64()
            .unwrap_or_else(|| panic!("a direct conversation: {ack}"))
    }

    /// Sends a message and returns the answer, whatever it is.
    pub async fn say_result(&mut self, conversation: i64, body: &str) -> Value {
        self.request(json!({
            "type": "send_message", "conversation": conversation, "client_id": client_id(),
            "body": body, "lang": "en"
        }))
        .await
    }

    /// Sends a message and returns its ack.
    pub async fn say(&mut self, conversation: i64, body: &str) -> Value {
        let ack = self
            .request(json!({
                "type": "send_message", "conversation": conversation, "client_id": client_id(),
                "body": body, "lang": "en"
            }))
            .await;
        assert_eq!(ack["type"], "ack", "send acked: {ack}");
        ack
    }

    /// Waits for the end of the connection and says how it ended.
    pub async fn ended(&mut self) -> Ended {
        loop {
            match tokio::time::timeout(WAIT, self.ws.next())
                .await
                .expect("the connection ends within the wait")
            {
                Some(Ok(Message::Close(frame))) => {
                    return Ended::Closed(frame.map_or(1005, |f| u16::from(f.code)));
                }
                Some(Ok(_)) => {}
                None | Some(Err(_)) => return Ended::Dropped,
            }
        }
    }
}

/// Whether a frame is the conversation event of `kind` in `conversation`.
pub fn is_event(v: &Value, conversation: i64, kind: &str) -> bool {
    v["type"] == "event" && v["conversation"] == conversation && v["kind"] == kind
}

/// A temporary directory removed on drop.
pub struct TempDir {
    pub path: std::path::PathBuf,
}

impl TempDir {
    pub fn new() -> TempDir {
        static N: AtomicU64 = AtomicU64::new(0);
        let path = std::env::temp_dir().join(format!(
            "engawa-test-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&path).expect("create temp dir");
        TempDir { path }
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        // Best effort: a leftover directory in /tmp harms nothing.
        let _ = std::fs::remove_dir_all(&self.path);
    }
}
