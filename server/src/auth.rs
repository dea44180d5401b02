//! Passwords, session tokens, and the one `authenticate` function that HTTP and WebSocket both use.

use std::sync::Arc;

use argon2::{Algorithm, Argon2, Params, PasswordHash, PasswordHasher, PasswordVerifier, Version};
use sha2::{Digest, Sha256};
use tokio::sync::Semaphore;
use unicode_normalization::UnicodeNormalization;

use crate::protocol::{ErrorCode, Millis, Profile, Refusal, Role};
use crate::store::{Store, StoreError};

/// Shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// Longest password accepted: bounds the hashing work one request can cause.
pub const MAX_PASSWORD_CHARS: usize = 256;
/// How long a session lasts without logging in again.
pub const SESSION_TTL_MS: Millis = 30 * 24 * 3600 * 1000;
/// The cookie browsers carry the session token in.
pub const SESSION_COOKIE: &str = "engawa_session";

/// An authenticated person, as every request handler receives them.
#[derive(Debug, Clone)]
pub struct Authed {
    pub user: Profile,
    /// SHA-256 of the session token, to end this very session on logout.
    pub token_hash: String,
}

impl Authed {
    pub fn role(&self) -> Role {
        self.user.role
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("no valid session")]
    Unauthenticated,
    #[error("account disabled")]
    Disabled,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl AuthError {
    pub fn code(&self) -> ErrorCode {
        match self {
            AuthError::Unauthenticated => ErrorCode::Unauthenticated,
            AuthError::Disabled => ErrorCode::AccountDisabled,
            AuthError::Store(_) => ErrorCode::Internal,
        }
    }
}

/// The one authentication function: a session token (from the cookie, the `Authorization` header or the first
/// WebSocket frame) to a person whose account is active. Checked as of now; lookups made at about the same time
/// share one statement ([`Store::session_user`]).
pub async fn authenticate(store: &Store, token: &str) -> Result<Authed, AuthError> {
    if token.is_empty() || token.len() > 128 {
        return Err(AuthError::Unauthenticated);
    }
    let token_hash = hash_token(token);
    let row = store
        .session_user(token_hash.clone())
        .await?
        .ok_or(AuthError::Unauthenticated)?;
    if !row.active {
        return Err(AuthError::Disabled);
    }
    Ok(Authed {
        user: row.profile,
        token_hash,
    })
}

/// A new random session token and the hash that is stored in its place.
pub fn new_token() -> (String, String) {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system's random source is available");
    let token = hex(&bytes);
    let hash = hash_token(&token);
    (token, hash)
}

pub fn hash_token(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push(char::from(DIGITS[usize::from(byte >> 4)]));
        text.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    text
}

/// Argon2id hashing with a bound on how many hashes run at once, so that a login storm cannot take every core
/// (each hash takes 19 MiB and tens of milliseconds).
#[derive(Clone)]
pub struct Hasher {
    /// Permits for concurrent hashes; waiting requests queue here instead of piling onto the blocking pool.
    permits: Arc<Semaphore>,
}

impl Hasher {
    pub fn new(concurrent: usize) -> Hasher {
        Hasher {
            permits: Arc::new(Semaphore::new(concurrent.max(1))),
        }
    }

    fn argon2() -> Argon2<'static> {
        // DESIGN §6: m = 19 MiB, t = 2, p = 1 (OWASP's recommendation for Argon2id).
        let params =
            Params::new(19 * 1024, 2, 1, None).expect("constant Argon2 parameters are valid");
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
    }

    pub async fn hash(&self, password: String) -> Result<String, ErrorCode> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| ErrorCode::Unavailable)?;
        tokio::task::spawn_blocking(move || {
            PasswordHasher::<PasswordHash>::hash_password(&Self::argon2(), password.as_bytes())
                .map(|h| h.to_string())
                .map_err(|e| {
                    tracing::error!(error = %e, "password hashing failed");
                    ErrorCode::Internal
                })
        })
        .await
        .map_err(|_| ErrorCode::Internal)?
    }

    pub async fn verify(&self, password: String, hash: String) -> Result<bool, ErrorCode> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| ErrorCode::Unavailable)?;
        tokio::task::spawn_blocking(move || {
            let Ok(parsed) = PasswordHash::new(&hash) else {
                tracing::error!("a stored password hash does not parse");
                return Err(ErrorCode::Internal);
            };
            Ok(PasswordVerifier::<PasswordHash>::verify_password(
                &Self::argon2(),
                password.as_bytes(),
                &parsed,
            )
            .is_ok())
        })
        .await
        .map_err(|_| ErrorCode::Internal)?
    }
}

/// A username in canonical form (NFC) and its uniqueness key (lower case), or why it is refused:
/// 3 to 32 letters or digits of any script, `.`, `_` or `-`.
pub fn normalize_username(raw: &str) -> Result<(String, String), ErrorCode> {
    let name: String = raw.trim().nfc().collect();
    let count = name.chars().count();
    let allowed = |c: char| c.is_alphanumeric() || matches!(c, '.' | '_' | '-');
    if !(3..=32).contains(&count) || !name.chars().all(allowed) {
        return Err(ErrorCode::InvalidUsername);
    }
    let key = name.to_lowercase();
    Ok((name, key))
}

/// Checks a password's length in characters: at least [`MIN_PASSWORD_CHARS`], at most [`MAX_PASSWORD_CHARS`].
pub fn check_password(password: &str) -> Result<(), Refusal> {
    let count = password.chars().count();
    if count < MIN_PASSWORD_CHARS {
        Err(Refusal::from(ErrorCode::WeakPassword).arg("min", MIN_PASSWORD_CHARS as i64))
    } else if count > MAX_PASSWORD_CHARS {
        Err(Refusal::from(ErrorCode::PasswordTooLong).arg("max", MAX_PASSWORD_CHARS as i64))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_stored_as_the_lowercase_hex_of_its_sha256() {
        // What every stored session's `token_hash` is: a different spelling would log everyone out.
        assert_eq!(
            hash_token("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn usernames_are_nfc_and_case_folded() {
        let (name, key) =
            normalize_username("Cafe\u{301}_Anna").expect("letters and underscore are allowed");
        assert_eq!(name, "Caf\u{e9}_Anna");
        assert_eq!(key, "caf\u{e9}_anna");
        assert_eq!(
            normalize_username("राम.थापा").map(|n| n.1),
            Ok("राम.थापा".to_owned())
        );
    }

    #[test]
    fn usernames_refuse_controls_spaces_and_odd_lengths() {
        for bad in [
            "ab",
            "has space",
            "zero\u{200b}width",
            "bidi\u{202e}name",
            "at@sign",
            &"x".repeat(33),
        ] {
            assert_eq!(
                normalize_username(bad),
                Err(ErrorCode::InvalidUsername),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn tokens_are_random_and_only_their_hash_is_kept() {
        let (a, hash_a) = new_token();
        let (b, _) = new_token();
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_eq!(hash_token(&a), hash_a);
        assert_ne!(a, hash_a);
    }

    #[tokio::test]
    async fn passwords_verify_only_with_the_right_password() {
        let hasher = Hasher::new(1);
        let hash = hasher
            .hash("correct horse battery".into())
            .await
            .expect("hashing works");
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(
            hasher
                .verify("correct horse battery".into(), hash.clone())
                .await
                .expect("verifies")
        );
        assert!(
            !hasher
                .verify("wrong horse battery".into(), hash)
                .await
                .expect("verifies")
        );
    }
}
