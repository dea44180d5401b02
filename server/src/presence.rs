//! Presence backends: where a node records what its connections add up to per person, and learns what everyone's
//! add up to. In-process for a single node (the default); Redis for several.
//!
//! A node tells its backend, per person, "online", "away" or "nothing here" ([`NodeStatus`]); the backend combines
//! the nodes (online wins over away, away over offline) and answers whose overall status changed. The node's hub
//! decides who hears about it (`hub::presence`).
//!
//! In Redis (all keys under the configured prefix):
//! - `presence:<user>`: a hash, one field per node holding the person: `o:<expiry>` or `a:<expiry>` (ms).
//!   Fields are rewritten by the node's heartbeat every [`HEARTBEAT`]; a field past its expiry counts for nothing.
//! - `nodes`: a sorted set of node ids scored by their lease's end ([`LEASE`]), renewed by the heartbeat.
//! - `node:<id>`: the people a node holds, so that whoever finds the node's lease ended can take them offline.
//!
//! Every change is one Lua script, so two nodes never interleave inside one person's entry, and a dead node's
//! people are taken over by exactly one survivor.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Mutex;
use std::time::Duration;

use redis::aio::ConnectionManager;

use crate::protocol::{Millis, PresenceStatus, UserId};

/// How often a node re-asserts its entries and lease, and looks for dead nodes.
pub const HEARTBEAT: Duration = Duration::from_secs(5);
/// A node whose lease is this old is dead; its people go offline at the next sweep of any node.
pub const LEASE: Duration = Duration::from_secs(20);
/// A person's entry outlives the lease, so that the sweep still sees what a dead node held.
pub const ENTRY: Duration = Duration::from_secs(30);

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// What one node's connections of a person add up to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeStatus {
    Online,
    Away,
}

impl NodeStatus {
    fn code(self) -> &'static str {
        match self {
            NodeStatus::Online => "o",
            NodeStatus::Away => "a",
        }
    }

    pub fn overall(status: Option<NodeStatus>) -> PresenceStatus {
        match status {
            Some(NodeStatus::Online) => PresenceStatus::Online,
            Some(NodeStatus::Away) => PresenceStatus::Away,
            None => PresenceStatus::Offline,
        }
    }
}

fn decode(code: &str) -> PresenceStatus {
    match code {
        "o" => PresenceStatus::Online,
        "a" => PresenceStatus::Away,
        _ => PresenceStatus::Offline,
    }
}

#[derive(Debug, thiserror::Error)]
#[error("presence backend: {0}")]
pub struct PresenceError(#[from] redis::RedisError);

/// People whose overall status changed, with the new status.
pub type Changes = Vec<(UserId, PresenceStatus)>;

/// Where presence lives.
pub trait Backend: Send + Sync {
    /// Records this node's status of each person (`None`: no connection here any more) and returns whose overall
    /// status changed.
    fn set<'a>(
        &'a self,
        entries: &'a [(UserId, Option<NodeStatus>)],
        now: Millis,
    ) -> BoxFuture<'a, Result<Changes, PresenceError>>;

    /// Each person's overall status.
    fn get<'a>(
        &'a self,
        users: &'a [UserId],
        now: Millis,
    ) -> BoxFuture<'a, Result<Vec<PresenceStatus>, PresenceError>>;

    /// Re-asserts everything this node holds (after Redis came back empty, it is all there again), renews the
    /// node's lease, and takes over nodes whose lease ended: returns their people whose status changed.
    fn heartbeat<'a>(
        &'a self,
        entries: &'a [(UserId, NodeStatus)],
        now: Millis,
    ) -> BoxFuture<'a, Result<Changes, PresenceError>>;

    /// The node stops: its entries and lease go now rather than at the lease's end.
    fn leave<'a>(&'a self, now: Millis) -> BoxFuture<'a, Result<Changes, PresenceError>>;
}

/// One node: the node's view is everyone's.
#[derive(Default)]
pub struct Local {
    statuses: Mutex<HashMap<UserId, NodeStatus>>,
}

impl Backend for Local {
    fn set<'a>(
        &'a self,
        entries: &'a [(UserId, Option<NodeStatus>)],
        _now: Millis,
    ) -> BoxFuture<'a, Result<Changes, PresenceError>> {
        let mut statuses = self.statuses.lock().unwrap_or_else(|e| e.into_inner());
        let mut changes = Vec::new();
        for (user, status) in entries {
            let before = match status {
                Some(status) => statuses.insert(*user, *status),
                None => statuses.remove(user),
            };
            if before != *status {
                changes.push((*user, NodeStatus::overall(*status)));
            }
        }
        Box::pin(std::future::ready(Ok(changes)))
    }

    fn get<'a>(
        &'a self,
        users: &'a [UserId],
        _now: Millis,
    ) -> BoxFuture<'a, Result<Vec<PresenceStatus>, PresenceError>> {
        let statuses = self.statuses.lock().unwrap_or_else(|e| e.into_inner());
        let out = users
            .iter()
            .map(|u| NodeStatus::overall(statuses.get(u).copied()))
            .collect();
        Box::pin(std::future::ready(Ok(out)))
    }

    fn heartbeat<'a>(
        &'a self,
        _entries: &'a [(UserId, NodeStatus)],
        _now: Millis,
    ) -> BoxFuture<'a, Result<Changes, PresenceError>> {
        Box::pin(std::future::ready(Ok(Vec::new())))
    }

    fn leave<'a>(&'a self, _now: Millis) -> BoxFuture<'a, Result<Changes, PresenceError>> {
        Box::pin(std::future::ready(Ok(Vec::new())))
    }
}

/// Several nodes, one Redis.
pub struct Redis {
    conn: ConnectionManager,
    prefix: String,
    node: String,
    set: redis::Script,
    get: redis::Script,
    sweep: redis::Script,
}

/// A person's overall status from their hash; `counted` is a node whose field counts even when expired (the dead
/// node being swept, whose people were online until now).
const OVERALL: &str = r"
local function overall(key, now, counted)
  local h = redis.call('HGETALL', key)
  local best = 'f'
  for i = 1, #h, 2 do
    local v = h[i + 1]
    if h[i] == counted or tonumber(string.sub(v, 3)) > now then
      if string.sub(v, 1, 1) == 'o' then return 'o' end
      best = 'a'
    end
  end
  return best
end
";

/// KEYS: the node's set, then one hash per person. ARGV: node, now, expiry, then (user, status or '') pairs.
/// Returns before..after per person ('o', 'a', 'f').
const SET: &str = r"
local node, now, expiry = ARGV[1], tonumber(ARGV[2]), ARGV[3]
local out = {}
for i = 2, #KEYS do
  local key, user, status = KEYS[i], ARGV[2 * i], ARGV[2 * i + 1]
  local before = overall(key, now, '')
  if status == '' then
    redis.call('HDEL', key, node)
    redis.call('SREM', KEYS[1], user)
  else
    redis.call('HSET', key, node, status .. ':' .. expiry)
    redis.call('PEXPIREAT', key, tonumber(expiry) + 60000)
    redis.call('SADD', KEYS[1], user)
  end
  out[#out + 1] = before .. overall(key, now, '')
end
return out
";

/// KEYS: one hash per person. ARGV: now.
const GET: &str = r"
local out = {}
for i = 1, #KEYS do out[i] = overall(KEYS[i], tonumber(ARGV[1]), '') end
return out
";

/// KEYS: the node leases. ARGV: prefix, now, and a node to take out now whatever its lease ('' for none).
/// Takes over every node whose lease ended; returns (user, after) pairs for people whose status changed.
const SWEEP: &str = r"
local prefix, now = ARGV[1], tonumber(ARGV[2])
local dead = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now)
if ARGV[3] ~= '' then dead[#dead + 1] = ARGV[3] end
local out = {}
for _, node in ipairs(dead) do
  redis.call('ZREM', KEYS[1], node)
  local set = prefix .. ':node:' .. node
  for _, user in ipairs(redis.call('SMEMBERS', set)) do
    local key = prefix .. ':presence:' .. user
    local before = overall(key, now, node)
    redis.call('HDEL', key, node)
    local after = overall(key, now, '')
    if before ~= after then
      out[#out + 1] = user
      out[#out + 1] = after
    end
  end
  redis.call('DEL', set)
end
return out
";

/// People per script call, so one call never holds Redis for long.
const CHUNK: usize = 500;

impl Redis {
    pub fn new(conn: ConnectionManager, prefix: String) -> Redis {
        let node = format!(
            "{:016x}",
            getrandom::u64().unwrap_or_else(|_| crate::now_ms() as u64)
        );
        let script = |body: &str| redis::Script::new(&format!("{OVERALL}{body}"));
        Redis {
            conn,
            prefix,
            node,
            set: script(SET),
            get: script(GET),
            sweep: script(SWEEP),
        }
    }

    fn key(&self, user: UserId) -> String {
        format!("{}:presence:{}", self.prefix, user.0)
    }

    async fn set_codes(
        &self,
        entries: &[(UserId, &'static str)],
        now: Millis,
    ) -> Result<Changes, PresenceError> {
        let mut conn = self.conn.clone();
        let expiry = now + ENTRY.as_millis() as i64;
        let mut changes = Vec::new();
        for chunk in entries.chunks(CHUNK) {
            let mut call = self.set.prepare_invoke();
            call.key(format!("{}:node:{}", self.prefix, self.node))
                .arg(&self.node)
                .arg(now)
                .arg(expiry);
            for (user, code) in chunk {
                call.key(self.key(*user)).arg(user.0).arg(*code);
            }
            let answers: Vec<String> = call.invoke_async(&mut conn).await?;
            for ((user, _), answer) in chunk.iter().zip(answers) {
                let (before, after) = answer.split_at(1.min(answer.len()));
                if before != after {
                    changes.push((*user, decode(after)));
                }
            }
        }
        Ok(changes)
    }

    async fn sweep_nodes(&self, now: Millis, also: &str) -> Result<Changes, PresenceError> {
        let mut conn = self.conn.clone();
        let flat: Vec<String> = self
            .sweep
            .key(format!("{}:nodes", self.prefix))
            .arg(&self.prefix)
            .arg(now)
            .arg(also)
            .invoke_async(&mut conn)
            .await?;
        Ok(flat
            .chunks(2)
            .filter_map(|pair| match pair {
                [user, after] => Some((UserId(user.parse().ok()?), decode(after))),
                _ => None,
            })
            .collect())
    }
}

impl Backend for Redis {
    fn set<'a>(
        &'a self,
        entries: &'a [(UserId, Option<NodeStatus>)],
        now: Millis,
    ) -> BoxFuture<'a, Result<Changes, PresenceError>> {
        Box::pin(async move {
            let codes: Vec<(UserId, &'static str)> = entries
                .iter()
                .map(|(user, status)| (*user, status.map_or("", NodeStatus::code)))
                .collect();
            self.set_codes(&codes, now).await
        })
    }

    fn get<'a>(
        &'a self,
        users: &'a [UserId],
        now: Millis,
    ) -> BoxFuture<'a, Result<Vec<PresenceStatus>, PresenceError>> {
        Box::pin(async move {
            let mut conn = self.conn.clone();
            let mut out = Vec::with_capacity(users.len());
            for chunk in users.chunks(CHUNK) {
                let mut call = self.get.prepare_invoke();
                call.arg(now);
                for user in chunk {
                    call.key(self.key(*user));
                }
                let codes: Vec<String> = call.invoke_async(&mut conn).await?;
                out.extend(codes.iter().map(|c| decode(c)));
            }
            Ok(out)
        })
    }

    fn heartbeat<'a>(
        &'a self,
        entries: &'a [(UserId, NodeStatus)],
        now: Millis,
    ) -> BoxFuture<'a, Result<Changes, PresenceError>> {
        Box::pin(async move {
            let codes: Vec<(UserId, &'static str)> =
                entries.iter().map(|(u, s)| (*u, s.code())).collect();
            // What the heartbeat restores (after Redis lost everything) was never announced as lost: no change.
            self.set_codes(&codes, now).await?;
            let mut conn = self.conn.clone();
            let lease = now + LEASE.as_millis() as i64;
            redis::cmd("ZADD")
                .arg(format!("{}:nodes", self.prefix))
                .arg(lease)
                .arg(&self.node)
                .query_async::<()>(&mut conn)
                .await?;
            self.sweep_nodes(now, "").await
        })
    }

    fn leave<'a>(&'a self, now: Millis) -> BoxFuture<'a, Result<Changes, PresenceError>> {
        Box::pin(async move { self.sweep_nodes(now, &self.node).await })
    }
}
