//! Argon2id, off the async threads.
//!
//! Every hash and verification runs on a blocking thread, one per worker; jobs waiting for a
//! worker wait in a room shared fairly between clients (`fair.rs`): served in turn, at most
//! `per_client_queue` each, at most `queue` in all. A client past its share is answered 429
//! `rate-limited` at once, a full room 503 `busy`. A flood from one client therefore delays
//! that client, and requests that hash nothing (`GET /api/policy`, the pages) keep their
//! async threads.
//!
//! Passwords are hashed in their NFKC form ([`passguard_policy::normalize`]); security
//! answers in a looser form (case and spacing ignored, [`normalize_answer`]). Hashes are
//! PHC strings, so each one carries the parameters it was made with: verification uses
//! those, and [`Work::needs_rehash`] tells when they differ from the configured ones.

mod fair;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use argon2::password_hash::{Output, PasswordHash, PasswordHasher, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use passguard_policy::HistoryVerifier;
use tokio::sync::oneshot;

use crate::client::ClientKey;
use crate::config::{ConfigError, HashSettings};
use fair::{Admit, FairQueue};

/// Why hashing work was not done.
#[derive(Debug)]
pub enum Error {
    /// The queue is full: the caller may retry shortly.
    Busy,
    /// This client has its share of the queue waiting already.
    ClientBusy,
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
            Error::ClientBusy => f.write_str("the client has its share of the hashing queue"),
            Error::Thread(e) => write!(f, "hashing thread: {e}"),
            Error::Argon2(e) => write!(f, "argon2: {e}"),
            Error::Csprng(e) => write!(f, "CSPRNG: {e}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Busy | Error::ClientBusy | Error::Argon2(_) => None,
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
    sched: Mutex<Sched>,
    verifications: AtomicU64,
    hashes: AtomicU64,
    /// A hash of a random secret: what an unknown user's password is verified against, so
    /// that a login costs one verification whether or not the account exists.
    dummy: String,
    /// Argon2's working memory, kept between verifications (at most one per worker is in
    /// use at a time): allocating 19 MiB afresh for each let the allocator hand it back to
    /// the system and fault it in again, about 8 ms of a 22 ms login (BENCHMARKS.md).
    memory: Mutex<Vec<Vec<Block>>>,
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
                sched: Mutex::new(Sched {
                    room: FairQueue::new(settings.per_client_queue, settings.queue),
                    idle: workers,
                }),
                verifications: AtomicU64::new(0),
                hashes: AtomicU64::new(0),
                dummy,
                memory: Mutex::new(Vec::new()),
            }),
        })
    }

    /// Runs `job` on a hashing thread when one is free, waiting in `client`'s turn.
    ///
    /// # Errors
    /// [`Error::ClientBusy`] when `client` has its share waiting, [`Error::Busy`] when the
    /// room is full; [`Error::Thread`] when the thread died.
    pub async fn run<T, F>(&self, client: &ClientKey, job: F) -> Result<T, Error>
    where
        T: Send + 'static,
        F: FnOnce(&Work<'_>) -> T + Send + 'static,
    {
        let worker = self.worker(client).await?;
        let owner = Arc::clone(&self.inner);
        // The job owns its worker: if the request is dropped meanwhile, the thread still
        // counts as busy until the hash is done.
        tokio::task::spawn_blocking(move || {
            let _held = worker;
            job(&Work { inner: &owner })
        })
        .await
        .map_err(Error::Thread)
    }

    /// A worker, at once when one is idle and nobody waits, else in `client`'s turn.
    async fn worker(&self, client: &ClientKey) -> Result<Worker, Error> {
        let mut waiting = {
            let mut sched = self.inner.sched();
            if sched.idle > 0 && sched.room.is_empty() {
                sched.idle -= 1;
                return Ok(Worker(Arc::clone(&self.inner)));
            }
            let (tx, rx) = oneshot::channel();
            let id = match sched.room.push(client.clone(), tx) {
                Admit::Queued(id) => id,
                Admit::QueuedEvicting { id, evicted } => {
                    let _ = evicted.send(Err(Error::ClientBusy));
                    id
                }
                Admit::ClientFull => return Err(Error::ClientBusy),
                Admit::Full => return Err(Error::Busy),
            };
            Waiting {
                inner: Arc::clone(&self.inner),
                client: client.clone(),
                id,
                rx,
                answered: false,
            }
        };
        let answer = (&mut waiting.rx).await.unwrap_or(Err(Error::Busy));
        // Answered: there is no place to give up nor worker to pass on any more.
        waiting.answered = true;
        answer.map(|Granted| Worker(Arc::clone(&self.inner)))
    }

    /// Jobs waiting for a worker, and workers idle (for tests).
    #[cfg(test)]
    pub(crate) fn load(&self) -> (usize, usize) {
        let sched = self.inner.sched();
        (sched.room.len(), sched.idle)
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

/// Who waits for a worker, and how many workers are idle.
struct Sched {
    room: FairQueue<ClientKey, oneshot::Sender<Result<Granted, Error>>>,
    idle: usize,
}

/// A worker handed to a waiter.
struct Granted;

impl Inner {
    fn sched(&self) -> MutexGuard<'_, Sched> {
        // The lock is held only for queue bookkeeping, which cannot panic halfway.
        self.sched.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A worker has finished: the next waiter in turn gets it, or it goes idle.
    fn release(&self) {
        let mut sched = self.sched();
        while let Some((_, next)) = sched.room.pop() {
            if next.send(Ok(Granted)).is_ok() {
                return;
            }
        }
        sched.idle += 1;
    }
}

/// A worker held: released when the job ends or is abandoned.
struct Worker(Arc<Inner>);

impl Drop for Worker {
    fn drop(&mut self) {
        self.0.release();
    }
}

/// A waiter's place in the room: given up if its request is dropped, and a worker it was
/// handed meanwhile passed on.
struct Waiting {
    inner: Arc<Inner>,
    client: ClientKey,
    id: u64,
    rx: oneshot::Receiver<Result<Granted, Error>>,
    /// Whether `rx` gave its answer (dropped before: the place or the worker is given up).
    answered: bool,
}

impl Drop for Waiting {
    fn drop(&mut self) {
        if self.answered {
            return;
        }
        let removed = self
            .inner
            .sched()
            .room
            .remove(&self.client, self.id)
            .is_some();
        if removed {
            return;
        }
        // Already served: no send can come after `close`, and one that came before is ours.
        self.rx.close();
        if let Ok(Ok(Granted)) = self.rx.try_recv() {
            self.inner.release();
        }
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
            Ok(hash) => self.verify_hash(secret, &hash),
            Err(_) => {
                // A malformed stored hash still costs one verification, so it cannot be
                // told apart by timing; it never matches.
                let _ = PasswordHash::new(&self.inner.dummy)
                    .map(|dummy| self.verify_hash(secret, &dummy));
                false
            }
        }
    }

    /// What `PasswordVerifier::verify_password` decides (the hash's own algorithm, version,
    /// parameters and salt; the outputs compared in constant time by `Output`), computed in
    /// working memory the pool keeps rather than allocates each time.
    fn verify_hash(&self, secret: &[u8], hash: &PasswordHash<'_>) -> bool {
        let (Some(salt), Some(expected)) = (&hash.salt, &hash.hash) else {
            return false;
        };
        let (Ok(algorithm), Ok(version), Ok(params)) = (
            Algorithm::try_from(hash.algorithm),
            hash.version.map(Version::try_from).transpose(),
            Params::try_from(hash),
        ) else {
            return false;
        };
        let mut salt_bytes = [0u8; 64];
        let Ok(salt) = salt.decode_b64(&mut salt_bytes) else {
            return false;
        };
        let argon2 = Argon2::new(algorithm, version.unwrap_or_default(), params.clone());
        let mut memory = self.inner.take_memory(params.block_count());
        let computed = Output::init_with(expected.len(), |out| {
            argon2
                .hash_password_into_with_memory(secret, salt, out, &mut memory)
                .map_err(Into::into)
        });
        self.inner.give_back(memory);
        computed.is_ok_and(|computed| computed == *expected)
    }

    fn hash_bytes(&self, secret: &[u8]) -> Result<String, Error> {
        self.inner.hashes.fetch_add(1, Ordering::SeqCst);
        make_hash(&self.inner.argon2, secret)
    }
}

impl Inner {
    /// Working memory of at least `blocks` Argon2 blocks: a kept one, else a new one.
    fn take_memory(&self, blocks: usize) -> Vec<Block> {
        let kept = self
            .memory
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop();
        let mut memory = kept.unwrap_or_default();
        if memory.len() < blocks {
            memory.resize(blocks, Block::default());
        }
        memory
    }

    /// Keeps `memory` for the next verification, cleared first: Argon2's first blocks follow
    /// from the password and salt by a cheap hash, so left in memory they would let whoever
    /// read it test guesses without the memory-hard work (the reference implementation
    /// clears its memory too). Clearing costs about a millisecond; allocating afresh cost 8.
    fn give_back(&self, mut memory: Vec<Block>) {
        memory.fill(Block::default());
        self.memory
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(memory);
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
            per_client_queue: 4,
        }
    }

    #[tokio::test]
    async fn hashes_verify_in_nfkc_form_and_are_counted() {
        let hasher = Hasher::new(&small()).unwrap();
        let (stored, ok, nfkc, wrong, unknown) = hasher
            .run(&ClientKey::Local, |work| {
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

    /// The kept working memory changes no verdict: for hashes of every Argon2 variant,
    /// version, cost and output length the library's own verifier is the oracle, right and
    /// wrong passwords alike, with the memory passed from larger hashes to smaller ones and
    /// back; and it is cleared between uses.
    #[tokio::test]
    async fn verifying_in_kept_memory_agrees_with_the_library() {
        use argon2::password_hash::PasswordVerifier;
        let hasher = Hasher::new(&small()).unwrap();
        let cases = [
            (Algorithm::Argon2id, Version::V0x13, 1024, 1, 1, 32),
            (Algorithm::Argon2id, Version::V0x13, 64, 3, 2, 16),
            (Algorithm::Argon2i, Version::V0x13, 256, 2, 1, 32),
            (Algorithm::Argon2d, Version::V0x10, 128, 1, 4, 64),
            (Algorithm::Argon2id, Version::V0x13, 2048, 1, 1, 32),
            (Algorithm::Argon2id, Version::V0x10, 8, 1, 1, 10),
        ];
        let work = Work {
            inner: &hasher.inner,
        };
        for (algorithm, version, m, t, p, len) in cases {
            let params = Params::new(m, t, p, Some(len)).unwrap();
            let argon2 = Argon2::new(algorithm, version, params);
            let salt = SaltString::encode_b64(b"sixteen byte slt").unwrap();
            let stored = argon2
                .hash_password(b"Correct1!horse", &salt)
                .unwrap()
                .to_string();
            let hash = PasswordHash::new(&stored).unwrap();
            for password in [
                &b"Correct1!horse"[..],
                b"Correct1!hors",
                b"",
                b"correct1!horse",
            ] {
                let library = argon2.verify_password(password, &hash).is_ok();
                assert_eq!(
                    work.verify_hash(password, &hash),
                    library,
                    "{stored} {password:?}"
                );
            }
        }
        // A hash without its salt or output never matches.
        let bare = PasswordHash::new("$argon2id$v=19$m=64,t=1,p=1").unwrap();
        assert!(!work.verify_hash(b"", &bare));
        let kept = hasher.inner.memory.lock().unwrap();
        assert_eq!(kept.len(), 1, "one verification at a time keeps one buffer");
        assert!(
            kept.iter()
                .flatten()
                .all(|block| block.as_ref().iter().all(|&word| word == 0))
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
        let stored = old
            .run(&ClientKey::Local, |w| w.hash_password("x").unwrap())
            .await
            .unwrap();
        let (new_says, still_verifies) = new
            .run(&ClientKey::Local, {
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
        assert!(
            !old.run(&ClientKey::Local, move |w| w.needs_rehash(&stored))
                .await
                .unwrap()
        );
    }

    #[tokio::test]
    async fn answers_ignore_case_and_spacing() {
        assert_eq!(normalize_answer("  Rex\t the  DOG "), "rex the dog");
        let hasher = Hasher::new(&small()).unwrap();
        let ok = hasher
            .run(&ClientKey::Local, |w| {
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
            busy.run(&ClientKey::Local, move |_| {
                started_tx.send(()).unwrap();
                release_rx.recv().unwrap();
            })
            .await
        });
        tokio::task::spawn_blocking(move || started_rx.recv().unwrap())
            .await
            .unwrap();
        let refused = hasher.run(&ClientKey::Local, |_| ()).await.unwrap_err();
        assert!(matches!(refused, Error::Busy), "{refused}");
        release_tx.send(()).unwrap();
        first.await.unwrap().unwrap();
        hasher.run(&ClientKey::Local, |_| ()).await.unwrap();
    }

    /// Blocks the only worker until the returned sender is used or dropped.
    async fn occupy(hasher: &Hasher) -> std::sync::mpsc::Sender<()> {
        let (started_tx, started_rx) = std::sync::mpsc::channel();
        let (release_tx, release_rx) = std::sync::mpsc::channel::<()>();
        let busy = hasher.clone();
        tokio::spawn(async move {
            busy.run(&ClientKey::Local, move |_| {
                started_tx.send(()).unwrap();
                let _ = release_rx.recv();
            })
            .await
        });
        tokio::task::spawn_blocking(move || started_rx.recv().unwrap())
            .await
            .unwrap();
        release_tx
    }

    /// Queues a job of `client` that records `name`, and waits until it is in the room.
    async fn queue_job(
        hasher: &Hasher,
        client: &ClientKey,
        name: &'static str,
        order: &Arc<Mutex<Vec<&'static str>>>,
    ) -> tokio::task::JoinHandle<Result<(), Error>> {
        let before = hasher.load().0;
        let (hasher_, client, order) = (hasher.clone(), client.clone(), Arc::clone(order));
        let job = tokio::spawn(async move {
            hasher_
                .run(&client, move |_| order.lock().unwrap().push(name))
                .await
        });
        while hasher.load().0 == before {
            tokio::task::yield_now().await;
        }
        job
    }

    #[tokio::test]
    async fn clients_are_served_in_turn_not_in_arrival_order() {
        let hasher = Hasher::new(&HashSettings {
            workers: 1,
            queue: 8,
            ..small()
        })
        .unwrap();
        let a = ClientKey::of("192.0.2.1".parse().unwrap());
        let b = ClientKey::of("192.0.2.2".parse().unwrap());
        let order = Arc::new(Mutex::new(Vec::new()));
        let release = occupy(&hasher).await;
        let mut jobs = Vec::new();
        for name in ["A1", "A2", "A3", "A4"] {
            jobs.push(queue_job(&hasher, &a, name, &order).await);
        }
        jobs.push(queue_job(&hasher, &b, "B1", &order).await);
        release.send(()).unwrap();
        for job in jobs {
            job.await.unwrap().unwrap();
        }
        assert_eq!(*order.lock().unwrap(), ["A1", "B1", "A2", "A3", "A4"]);
        assert_eq!(hasher.load(), (0, 1));
    }

    #[tokio::test]
    async fn a_client_past_its_share_is_refused_and_others_still_queue() {
        let hasher = Hasher::new(&HashSettings {
            workers: 1,
            queue: 8,
            per_client_queue: 2,
            ..small()
        })
        .unwrap();
        let a = ClientKey::of("192.0.2.1".parse().unwrap());
        let b = ClientKey::of("2001:db8::1".parse().unwrap());
        let order = Arc::new(Mutex::new(Vec::new()));
        let release = occupy(&hasher).await;
        let first = queue_job(&hasher, &a, "A1", &order).await;
        let second = queue_job(&hasher, &a, "A2", &order).await;
        let refused = hasher.run(&a, |_| ()).await.unwrap_err();
        assert!(matches!(refused, Error::ClientBusy), "{refused}");
        let other = queue_job(&hasher, &b, "B1", &order).await;
        release.send(()).unwrap();
        for job in [first, second, other] {
            job.await.unwrap().unwrap();
        }
        assert_eq!(*order.lock().unwrap(), ["A1", "B1", "A2"]);
    }

    #[tokio::test]
    async fn an_abandoned_waiter_gives_up_its_place_and_leaks_no_worker() {
        let hasher = Hasher::new(&HashSettings {
            workers: 1,
            queue: 8,
            ..small()
        })
        .unwrap();
        let a = ClientKey::of("192.0.2.1".parse().unwrap());
        let order = Arc::new(Mutex::new(Vec::new()));
        let release = occupy(&hasher).await;
        let abandoned = queue_job(&hasher, &a, "gone", &order).await;
        let kept = queue_job(&hasher, &a, "kept", &order).await;
        abandoned.abort();
        let _ = abandoned.await;
        assert_eq!(hasher.load(), (1, 0));
        drop(release);
        kept.await.unwrap().unwrap();
        assert_eq!(*order.lock().unwrap(), ["kept"]);
        assert_eq!(hasher.load(), (0, 1));
    }
}
