//! Limits on logging in and registering, per account and per IP address, with exponential backoff.
//!
//! Pure: the caller passes the time. One [`AuthLimits`] per node; with several nodes each keeps its own, so an
//! attacker spread over `n` nodes gets at most `n` times the allowance (still exponentially slowed).

use std::collections::HashMap;

/// Failures allowed before the backoff starts: a person mistyping a password a few times is not slowed.
const ACCOUNT_FREE_FAILURES: u32 = 5;
/// An address may fail more (several people behind one NAT, a city office's network).
const IP_FREE_FAILURES: u32 = 20;
/// The first wait after the free failures, doubled with each further failure, up to the cap.
const BACKOFF_BASE_MS: i64 = 1_000;
const BACKOFF_MAX_MS: i64 = 15 * 60 * 1000;
/// Beyond this many tracked keys, entries with no wait left are forgotten (bounds memory under a spray attack).
const TRACKED_MAX: usize = 100_000;

#[derive(Debug, Clone, Copy, Default)]
struct Failures {
    count: u32,
    /// No attempt is accepted before this time (milliseconds).
    until: i64,
    last: i64,
}

/// What a node remembers about failed logins and registrations.
#[derive(Debug)]
pub struct AuthLimits {
    accounts: HashMap<String, Failures>,
    addresses: HashMap<String, Failures>,
    registrations: HashMap<String, TokenBucket>,
    /// Registrations allowed per address per hour (also the burst).
    register_per_hour: u32,
}

impl AuthLimits {
    pub fn new(register_per_hour: u32) -> AuthLimits {
        AuthLimits {
            accounts: HashMap::new(),
            addresses: HashMap::new(),
            registrations: HashMap::new(),
            register_per_hour: register_per_hour.max(1),
        }
    }

    /// Whether a login for this account from this address may be tried now, or in how many seconds.
    pub fn login_allowed(&self, account: &str, address: &str, now: i64) -> Result<(), u32> {
        let wait = [
            self.accounts.get(account).map_or(0, |f| f.until - now),
            self.addresses.get(address).map_or(0, |f| f.until - now),
        ]
        .into_iter()
        .max()
        .unwrap_or(0);
        if wait > 0 { Err(seconds(wait)) } else { Ok(()) }
    }

    /// Records a failed login (wrong password or unknown account).
    pub fn login_failed(&mut self, account: &str, address: &str, now: i64) {
        prune(&mut self.accounts, now);
        prune(&mut self.addresses, now);
        fail(
            self.accounts.entry(account.to_owned()).or_default(),
            ACCOUNT_FREE_FAILURES,
            now,
        );
        fail(
            self.addresses.entry(address.to_owned()).or_default(),
            IP_FREE_FAILURES,
            now,
        );
    }

    /// A successful login clears the account's failures (not the address's: one good password does not excuse a
    /// spray of bad ones from the same place).
    pub fn login_succeeded(&mut self, account: &str) {
        self.accounts.remove(account);
    }

    /// Takes one registration from this address's hourly allowance, or says in how many seconds one is back.
    pub fn register(&mut self, address: &str, now: i64) -> Result<(), u32> {
        if self.registrations.len() > TRACKED_MAX {
            self.registrations.clear();
        }
        let per_hour = self.register_per_hour;
        let bucket = self
            .registrations
            .entry(address.to_owned())
            .or_insert_with(|| TokenBucket::full(per_hour, now));
        // The bucket counts per second; an hourly allowance refills 1/3600 of itself each second.
        bucket
            .take_fraction(f64::from(per_hour) / 3600.0, per_hour, now)
            .map_err(|wait| wait.max(1))
    }
}

fn fail(f: &mut Failures, free: u32, now: i64) {
    // Failures long apart are not an attack: after a quiet quarter of an hour the count starts over, so that an
    // office behind one address, or someone who knows a username, cannot keep an account slowed for good.
    if now - f.last > BACKOFF_MAX_MS {
        f.count = 0;
    }
    f.count = f.count.saturating_add(1);
    f.last = now;
    if f.count > free {
        let doublings = (f.count - free - 1).min(20);
        let wait = (BACKOFF_BASE_MS << doublings).min(BACKOFF_MAX_MS);
        f.until = now + wait;
    }
}

/// Forgets entries whose backoff ended long ago, once the map is large.
fn prune(map: &mut HashMap<String, Failures>, now: i64) {
    if map.len() > TRACKED_MAX {
        map.retain(|_, f| f.until > now || now - f.last < BACKOFF_MAX_MS);
    }
}

fn seconds(ms: i64) -> u32 {
    u32::try_from((ms + 999) / 1000).unwrap_or(u32::MAX).max(1)
}

/// A token bucket: `burst` sends at once, refilled at `per_second`. Time is passed in (milliseconds).
#[derive(Debug, Clone)]
pub struct TokenBucket {
    tokens: f64,
    last: i64,
}

impl TokenBucket {
    pub fn full(burst: u32, now_ms: i64) -> TokenBucket {
        TokenBucket {
            tokens: f64::from(burst),
            last: now_ms,
        }
    }

    /// Takes one token, or says in how many whole seconds (at least 1) one will be there.
    pub fn take(&mut self, per_second: u32, burst: u32, now_ms: i64) -> Result<(), u32> {
        self.take_fraction(f64::from(per_second.max(1)), burst, now_ms)
    }

    /// As [`TokenBucket::take`], for rates below one per second.
    pub fn take_fraction(&mut self, per_second: f64, burst: u32, now_ms: i64) -> Result<(), u32> {
        let elapsed = (now_ms - self.last).max(0) as f64 / 1000.0;
        self.last = now_ms.max(self.last);
        self.tokens = (self.tokens + elapsed * per_second).min(f64::from(burst));
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            Ok(())
        } else {
            let wait = (1.0 - self.tokens) / per_second;
            Err(wait.ceil().clamp(1.0, f64::from(u32::MAX)) as u32)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_bucket_allows_a_burst_then_tells_the_wait() {
        let mut bucket = TokenBucket::full(3, 0);
        for _ in 0..3 {
            assert_eq!(bucket.take(1, 3, 0), Ok(()));
        }
        assert_eq!(bucket.take(1, 3, 0), Err(1));
        assert_eq!(bucket.take(1, 3, 1000), Ok(()));
        let mut slow = TokenBucket::full(1, 0);
        assert_eq!(slow.take(1, 1, 0), Ok(()));
        assert_eq!(slow.take(1, 1, 100), Err(1));
    }

    #[test]
    fn an_account_is_slowed_after_five_failures_and_the_wait_doubles() {
        let mut limits = AuthLimits::new(10);
        let now = 1_000_000;
        for _ in 0..5 {
            assert_eq!(limits.login_allowed("anna", "10.0.0.1", now), Ok(()));
            limits.login_failed("anna", "10.0.0.1", now);
        }
        assert_eq!(limits.login_allowed("anna", "10.0.0.1", now), Ok(()));
        limits.login_failed("anna", "10.0.0.1", now);
        assert_eq!(limits.login_allowed("anna", "10.0.0.1", now), Err(1));
        assert_eq!(
            limits.login_allowed("anna", "10.0.0.2", now),
            Err(1),
            "the account, from anywhere"
        );
        assert_eq!(
            limits.login_allowed("boris", "10.0.0.1", now),
            Ok(()),
            "the address is not slowed yet"
        );
        limits.login_failed("anna", "10.0.0.1", now + 1000);
        assert_eq!(limits.login_allowed("anna", "10.0.0.1", now + 1000), Err(2));
        limits.login_succeeded("anna");
        assert_eq!(limits.login_allowed("anna", "10.0.0.1", now + 1000), Ok(()));
    }

    #[test]
    fn an_address_spraying_many_accounts_is_slowed() {
        let mut limits = AuthLimits::new(10);
        for i in 0..21 {
            limits.login_failed(&format!("user{i}"), "10.0.0.9", 0);
        }
        assert_eq!(limits.login_allowed("someone", "10.0.0.9", 0), Err(1));
        assert_eq!(limits.login_allowed("someone", "10.0.0.8", 0), Ok(()));
    }

    #[test]
    fn failures_long_apart_start_the_count_over() {
        let mut limits = AuthLimits::new(10);
        let quarter = 15 * 60 * 1000 + 1;
        for i in 0..10 {
            limits.login_failed("anna", "a", i * quarter);
        }
        assert_eq!(limits.login_allowed("anna", "a", 9 * quarter), Ok(()));
    }

    #[test]
    fn the_backoff_is_capped() {
        let mut limits = AuthLimits::new(10);
        for _ in 0..60 {
            limits.login_failed("anna", "a", 0);
        }
        assert_eq!(limits.login_allowed("anna", "a", 0), Err(15 * 60));
    }

    #[test]
    fn registrations_per_address_refill_over_the_hour() {
        let mut limits = AuthLimits::new(3);
        for _ in 0..3 {
            assert_eq!(limits.register("10.0.0.1", 0), Ok(()));
        }
        assert_eq!(limits.register("10.0.0.1", 0), Err(1200));
        assert_eq!(limits.register("10.0.0.2", 0), Ok(()));
        assert_eq!(limits.register("10.0.0.1", 1_200_000), Ok(()));
    }
}
