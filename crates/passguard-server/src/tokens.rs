//! Secrets handed to a browser or an inbox: session cookies, registration and reset links.
//!
//! A token is a public *selector* (the database key) and a secret *verifier*, 128 + 256 bits
//! from the OS CSPRNG, written as one URL-safe string. The database keeps the selector and
//! the SHA-256 of the verifier only; a lookup finds the row by selector and then compares the
//! verifier's hash in constant time, so neither a database leak nor response timing reveals a
//! usable token.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

const SELECTOR_BYTES: usize = 16;
const VERIFIER_BYTES: usize = 32;
/// The length of a token's text: base64url of 48 bytes.
pub(crate) const TOKEN_CHARS: usize = 64;

/// A freshly generated token: the text for the user and what the database keeps.
pub(crate) struct NewToken {
    /// Given to the user (in a cookie or a link); never stored, never logged.
    pub(crate) text: String,
    /// The database key.
    pub(crate) selector: String,
    /// SHA-256 of the verifier, base64url.
    pub(crate) verifier_hash: String,
}

/// A token read back from a request.
pub(crate) struct PresentedToken {
    pub(crate) selector: String,
    verifier: [u8; VERIFIER_BYTES],
}

/// Generates a token from the operating system's CSPRNG.
///
/// # Errors
/// When the CSPRNG fails.
pub(crate) fn generate() -> Result<NewToken, getrandom::Error> {
    let mut bytes = [0u8; SELECTOR_BYTES + VERIFIER_BYTES];
    getrandom::fill(&mut bytes)?;
    let (selector, verifier) = bytes.split_at(SELECTOR_BYTES);
    Ok(NewToken {
        text: URL_SAFE_NO_PAD.encode(bytes),
        selector: URL_SAFE_NO_PAD.encode(selector),
        verifier_hash: hash_verifier(verifier),
    })
}

/// Reads a token's text; `None` when it cannot be one of ours.
pub(crate) fn parse(text: &str) -> Option<PresentedToken> {
    if text.len() != TOKEN_CHARS {
        return None;
    }
    let bytes = URL_SAFE_NO_PAD.decode(text).ok()?;
    let (selector, verifier) = bytes.split_at_checked(SELECTOR_BYTES)?;
    Some(PresentedToken {
        selector: URL_SAFE_NO_PAD.encode(selector),
        verifier: verifier.try_into().ok()?,
    })
}

impl PresentedToken {
    /// Whether this token's verifier is the one whose hash was stored, in constant time.
    pub(crate) fn matches(&self, stored_hash: &str) -> bool {
        hash_verifier(&self.verifier)
            .as_bytes()
            .ct_eq(stored_hash.as_bytes())
            .into()
    }
}

fn hash_verifier(verifier: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier))
}

/// A new account id from the CSPRNG: positive, never zero.
///
/// # Errors
/// When the CSPRNG fails.
pub(crate) fn new_id() -> Result<i64, getrandom::Error> {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes)?;
    Ok((i64::from_le_bytes(bytes) & i64::MAX).max(1))
}

/// A stable, non-reversible key for a name that is not an account (the failed-login
/// counters of unknown usernames), so mistyped passwords in the username field are not
/// stored in clear.
pub(crate) fn name_digest(key: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(key.as_bytes()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_token_round_trips_and_only_its_own_hash_matches() {
        let token = generate().unwrap();
        assert_eq!(token.text.len(), TOKEN_CHARS);
        let presented = parse(&token.text).unwrap();
        assert_eq!(presented.selector, token.selector);
        assert!(presented.matches(&token.verifier_hash));
        let other = generate().unwrap();
        assert!(!presented.matches(&other.verifier_hash));
        assert_ne!(token.text, other.text);
    }

    #[test]
    fn malformed_tokens_are_refused() {
        assert!(parse("").is_none());
        assert!(parse(&"A".repeat(63)).is_none());
        assert!(parse(&"!".repeat(64)).is_none());
        assert!(parse(&"é".repeat(32)).is_none());
    }
}
