//! Argon2id, off the async threads.
//!
//! Every hash and verification runs on a blocking thread behind a semaphore with one permit
//! per worker, and at most `queue` jobs may wait: past that the server answers 503 `busy` at
//! once. A flood of logins therefore slows logins, while requests that hash nothing
//! (`GET /api/policy`, the pages) keep their async threads.
//!
//! Passwords are hashed in their NFKC form ([`passguard_policy::normalize`]); security
//! answers in a looser form (case and spacing ignored, [`normalize_answer`]). Hashes are
//! PHC strings, so each one carries the parameters it was made with: verification uses
//! those, and [`Work::needs_rehash`] tells when they differ from the configured ones.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use passguard_policy::HistoryVerifier;
use tokio::sync::Semaphore;

use crate::config::{ConfigError, HashSettings};

/// Why hashing work was not done.
#[derive(Debug)]
pub enum Error {
    /// The queue is full: the caller may retry shortly.
    Busy,
    /// The hashing thread died (it panicked or the runtime is shutting down).
    Thread(tokio::task::JoinError),
    /// Argon2 refused to hash.
    Argon2(argon2::password_hash::Error),
    /// The CSPRNG could not make a salt.
    Csprng(getrandom::Error),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Busy => f.write_str("the hashing queue is full"),
            Error::Thread(e) => write!(f, "hashing thread: {e}"),
            Error::Argon2(e) => write!(f, "argon2: {e}"),
            Error::Csprng(e) => write!(f, "CSPRNG: {e}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Busy | Error::Argon2(_) => None,
            Error::Thread(e) => Some(e),
            Error::Csprng(e) => Some(e),
        }
    }
}

/// The Argon2id pool. Cheap to clone.
#[derive(Clone)]
pub struct Hasher {
    inner: Arc<Inner>,
}

struct Inner {
    argon2: Argon2<'static>,
    params: Params,
    permits: Arc<Semaphore>,
    capacity: usize,
    in_flight: AtomicUsize,
    verifications: AtomicU64,
    hashes: AtomicU64,
    /// A hash of a random secret: what an unknown user's password is verified against, so
    /// that a login costs one verification whether or not the account exists.
    dummy: String,
}

/// How much hashing work the server has done, for tests of enumeration resistance (equal
/// counts for known and unknown users) without timing anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HashCounters {
    /// Argon2 verifications (logins, current passwords, history, security answers).
    pub verifications: u64,
    /// Argon2 hashes made (new passwords, answers, rehashes).
    pub hashes: u64,
}

/// Access to Argon2 from inside the pool.
pub struct Work<'a> {
    inner: &'a Inner,
}

impl std::fmt::Debug for Hasher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hasher")
            .field("params", &self.inner.params)
            .field("capacity", &self.inner.capacity)
            .finish_non_exhaustive()
    }
}

impl Hasher {
    /// A pool with `settings`; makes one hash (the dummy) at once.
    ///
    /// # Errors
    /// When the parameters are out of Argon2's range or the CSPRNG fails.
    pub fn new(settings: &HashSettings) -> Result<Self, ConfigError> {
        let params = Params::new(
            settings.memory_kib,
            settings.iterations,
            settings.parallelism,
            None,
        )
        .map_err(|e| ConfigError(format!("argon2: {e}")))?;
        let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
        let mut secret = [0u8; 32];
        getrandom::fill(&mut secret).map_err(|e| ConfigError(format!("CSPRNG: {e}")))?;
        let dummy = make_hash(&argon2, &secret).map_err(|e| ConfigError(e.to_string()))?;
        let workers = settings.workers.max(1);
        Ok(Self {
            inner: Arc::new(Inner {
                argon2,
                params,
                permits: Arc::new(Semaphore::new(workers)),
                capacity: workers.saturating_add(settings.queue),
                in_flight: AtomicUsize::new(0),
                verifications: AtomicU64::new(0),
                hashes: AtomicU64::new(0),
                dummy,
            }),
        })
    }

    /// Runs `job` on a hashing thread when one is free.
    ///
    /// # Errors
    /// [`Error::Busy`] when the queue is full; [`Error::Thread`] when the thread died.
    pub async fn run<T, F>(&self, job: F) -> Result<T, Error>
    where
        T: Send + 'static,
        F: FnOnce(&Work<'_>) -> T + Send + 'static,
    {
        let inner = &self.inner;
        if inner.in_flight.fetch_add(1, Ordering::SeqCst) >= inner.capacity {
            inner.in_flight.fetch_sub(1, Ordering::SeqCst);
            return Err(Error::Busy);
        }
        let slot = InFlight(Arc::clone(inner));
        // The semaphore is never closed, so acquiring can only wait.
        let Ok(permit) = Arc::clone(&inner.permits).acquire_owned().await else {
            return Err(Error::Busy);
        };
        let owner = Arc::clone(inner);
        // The job owns its permit and slot: if the request is dropped meanwhile, the thread
        // still counts as busy until the hash is done.
        tokio::task::spawn_blocking(move || {
            let _held = (permit, slot);
            job(&Work { inner: &owner })
        })
        .await
        .map_err(Error::Thread)
    }

    /// The work done so far.
    #[must_use]
    pub fn counters(&self) -> HashCounters {
        HashCounters {
            verifications: self.inner.verifications.load(Ordering::SeqCst),
            hashes: self.inner.hashes.load(Ordering::SeqCst),
        }
    }
}

/// Decrements the in-flight count when a job ends or is abandoned.
struct InFlight(Arc<Inner>);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Work<'_> {
    /// Whether `password` (NFKC-normalised here) matches the PHC string `stored`.
    /// Always exactly one verification: against the dummy hash when there is no stored hash
    /// (the answer is then `false`).
    #[must_use]
    pub fn verify_password(&self, password: &str, stored: Option<&str>) -> bool {
        let normalized = passguard_policy::normalize(password);
        match stored {
            Some(stored) => self.verify_bytes(normalized.as_bytes(), stored),
            None => {
                self.verify_bytes(normalized.as_bytes(), &self.inner.dummy);
                false
            }
        }
    }

    /// Whether a security answer matches its stored hash.
    #[must_use]
    pub fn verify_answer(&self, answer: &str, stored: &str) -> bool {
        self.verify_bytes(normalize_answer(answer).as_bytes(), stored)
    }

    /// A new PHC string for `password`, NFKC-normalised.
    ///
    /// # Errors
    /// When Argon2 or the CSPRNG fails.
    pub fn hash_password(&self, password: &str) -> Result<String, Error> {
        let normalized = passguard_policy::normalize(password);
        self.hash_bytes(normalized.as_bytes())
    }

    /// A new PHC string for a security answer, normalised with [`normalize_answer`].
    ///
    /// # Errors
    /// When Argon2 or the CSPRNG fails.
    pub fn hash_answer(&self, answer: &str) -> Result<String, Error> {
        self.hash_bytes(normalize_answer(answer).as_bytes())
    }

    /// Whether `stored` was made with other parameters than the configured ones.
    #[must_use]
    pub fn needs_rehash(&self, stored: &str) -> bool {
        let Ok(hash) = PasswordHash::new(stored) else {
            return true;
        };
        let same_algorithm = hash.algorithm == Algorithm::Argon2id.ident()
            && hash.version == Some(Version::V0x13.into());
        let params = &self.inner.params;
        let same_params = Params::try_from(&hash).is_ok_and(|p| {
            p.m_cost() == params.m_cost()
                && p.t_cost() == params.t_cost()
                && p.p_cost() == params.p_cost()
        });
        !(same_algorithm && same_params)
    }

    /// The engine's view of a password history: `hashes` are the stored PHC strings of the
    /// remembered passwords.
    #[must_use]
    pub fn history<'h>(&'h self, hashes: &'h [String]) -> StoredHistory<'h> {
        StoredHistory { work: self, hashes }
    }

    fn verify_bytes(&self, secret: &[u8], stored: &str) -> bool {
        self.inner.verifications.fetch_add(1, Ordering::SeqCst);
        match PasswordHash::new(stored) {
            Ok(hash) => self.inner.argon2.verify_password(secret, &hash).is_ok(),
            Err(_) => {
                // A malformed stored hash still costs one verification, so it cannot be
                // told apart by timing; it never matches.
                let _ = PasswordHash::new(&self.inner.dummy)
                    .map(|dummy| self.inner.argon2.verify_password(secret, &dummy));
                false
            }
        }
    }

    fn hash_bytes(&self, secret: &[u8]) -> Result<String, Error> {
        self.inner.hashes.fetch_add(1, Ordering::SeqCst);
        make_hash(&self.inner.argon2, secret)
    }
}

fn make_hash(argon2: &Argon2<'_>, secret: &[u8]) -> Result<String, Error> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(Error::Csprng)?;
    let salt = SaltString::encode_b64(&salt).map_err(Error::Argon2)?;
    argon2
        .hash_password(secret, &salt)
        .map(|hash| hash.to_string())
        .map_err(Error::Argon2)
}

/// A remembered-password check over stored Argon2 hashes, for
/// [`passguard_policy::Policy::check_with`]. The engine calls it only when every other rule
/// passed, so a password that fails anyway costs no verification.
pub struct StoredHistory<'h> {
    work: &'h Work<'h>,
    hashes: &'h [String],
}

impl HistoryVerifier for StoredHistory<'_> {
    fn was_used(&self, normalized: &str) -> Option<bool> {
        Some(
            self.hashes
                .iter()
                .any(|stored| self.work.verify_bytes(normalized.as_bytes(), stored)),
        )
    }
}

/// A security answer as compared: NFKC, lower case, runs of white space as one space, trimmed.
#[must_use]
pub fn normalize_answer(answer: &str) -> String {
    passguard_policy::normalize(answer)
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn small() -> HashSettings {
        HashSettings {
            memory_kib: 1024,
            iterations: 1,
            parallelism: 1,
            workers: 2,
            queue: 4,
        }
    }

    #[tokio::test]
    async fn hashes_verify_in_nfkc_form_and_are_counted() {
        let hasher = Hasher::new(&small()).unwrap();
        let (stored, ok, nfkc, wrong, unknown) = hasher
            .run(|work| {
                let stored = work.hash_password("Ｐass１").unwrap();
                (
                    stored.clone(),
                    work.verify_password("Ｐass１", Some(&stored)),
                    work.verify_password("Pass1", Some(&stored)),
                    work.verify_password("Pass2", Some(&stored)),
                    work.verify_password("Pass1", None),
                )
            })
            .await
            .unwrap();
        assert!(stored.starts_with("$argon2id$v=19$m=1024,t=1,p=1$"));
        assert!(ok && nfkc && !wrong && !unknown);
        assert_eq!(
            hasher.counters(),
            HashCounters {
                verifications: 4,
                hashes: 1
            }
        );
    }

    #[tokio::test]
    async fn other_parameters_need_a_rehash() {
        let old = Hasher::new(&small()).unwrap();
        let new = Hasher::new(&HashSettings {
            memory_kib: 2048,
            ..small()
        })
        .unwrap();
        let stored = old.run(|w| w.hash_password("x").unwrap()).await.unwrap();
        let (new_says, still_verifies) = new
            .run({
                let stored = stored.clone();
                move |w| {
                    (
                        w.needs_rehash(&stored),
                        w.verify_password("x", Some(&stored)),
                    )
                }
            })
            .await
            .unwrap();
        assert!(new_says && still_verifies);
        assert!(!old.run(move |w| w.needs_rehash(&stored)).await.unwrap());
    }

    #[tokio::test]
    async fn answers_ignore_case_and_spacing() {
        assert_eq!(normalize_answer("  Rex\t the  DOG "), "rex the dog");
        let hasher = Hasher::new(&small()).unwrap();
        let ok = hasher
            .run(|w| {
                let stored = w.hash_answer("Rex the dog").unwrap();
                w.verify_answer(" REX  the dog", &stored) && !w.verify_answer("rex", &stored)
            })
            .await
            .unwrap();
        assert!(ok);
    }

    #[tokio::test]
    async fn a_full_queue_answers_busy_and_frees_its_slot() {
        let hasher = Hasher::new(&HashSettings {
            workers: 1,
            queue: 0,
            ..small()
        })
        .unwrap();
        let (started_tx, started_rx) = std::sync::mpsc::channel();
        let (release_tx, release_rx) = std::sync::mpsc::channel::<()>();
        let busy = hasher.clone();
        let first = tokio::spawn(async move {
            busy.run(move |_| {
                started_tx.send(()).unwrap();
                release_rx.recv().unwrap();
            })
            .await
        });
        tokio::task::spawn_blocking(move || started_rx.recv().unwrap())
            .await
            .unwrap();
        let refused = hasher.run(|_| ()).await.unwrap_err();
        assert!(matches!(refused, Error::Busy), "{refused}");
        release_tx.send(()).unwrap();
        first.await.unwrap().unwrap();
        hasher.run(|_| ()).await.unwrap();
    }
}
