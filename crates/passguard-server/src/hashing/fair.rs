//! The waiting room of the Argon2 pool: one queue per client, served in turn, so a client
//! flooding logins waits behind itself, not in front of everyone. Pure and synchronous; the
//! pool puts it behind a mutex.
//!
//! A client may have at most `per_client` jobs waiting. When the room is full, a newcomer
//! takes the place of the newest job of the client with the longest queue, if that queue is
//! longer than the newcomer's would be (each client's share stays as equal as the room
//! allows); otherwise it is turned away.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;

/// What became of a job offered to the room.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Admit<T> {
    /// It waits, with this id (to take it back).
    Queued(u64),
    /// It waits, and `evicted` (another client's newest) lost its place.
    QueuedEvicting { id: u64, evicted: T },
    /// The client has its share waiting already.
    ClientFull,
    /// The room is full and no client holds more than its share.
    Full,
}

/// Per-client FIFO queues, served round-robin.
#[derive(Debug)]
pub(crate) struct FairQueue<K, T> {
    /// The clients with jobs waiting, in the order they are served.
    rotation: VecDeque<K>,
    waiting: HashMap<K, VecDeque<(u64, T)>>,
    len: usize,
    per_client: usize,
    capacity: usize,
    next_id: u64,
}

impl<K: Hash + Eq + Clone, T> FairQueue<K, T> {
    pub(crate) fn new(per_client: usize, capacity: usize) -> Self {
        Self {
            rotation: VecDeque::new(),
            waiting: HashMap::new(),
            len: 0,
            per_client: per_client.max(1),
            capacity,
            next_id: 0,
        }
    }

    /// Jobs waiting.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Offers `client`'s `job`.
    pub(crate) fn push(&mut self, client: K, job: T) -> Admit<T> {
        let mine = self.waiting.get(&client).map_or(0, VecDeque::len);
        if mine >= self.per_client {
            return Admit::ClientFull;
        }
        let mut evicted = None;
        if self.len >= self.capacity {
            let longest = self
                .waiting
                .iter()
                .filter(|(other, _)| **other != client)
                .max_by_key(|(_, jobs)| jobs.len())
                .map(|(other, jobs)| (other.clone(), jobs.len()));
            match longest {
                Some((other, len)) if len > mine + 1 => {
                    evicted = self.take_newest(&other);
                }
                _ => return Admit::Full,
            }
        }
        let id = self.next_id;
        self.next_id = self.next_id.wrapping_add(1);
        let queue = self.waiting.entry(client.clone()).or_default();
        if queue.is_empty() {
            self.rotation.push_back(client);
        }
        queue.push_back((id, job));
        self.len += 1;
        match evicted {
            Some(evicted) => Admit::QueuedEvicting { id, evicted },
            None => Admit::Queued(id),
        }
    }

    /// The next job to serve: the oldest of the client whose turn it is.
    pub(crate) fn pop(&mut self) -> Option<(K, T)> {
        let client = self.rotation.pop_front()?;
        let queue = self.waiting.get_mut(&client)?;
        let (_, job) = queue.pop_front()?;
        self.len -= 1;
        if queue.is_empty() {
            self.waiting.remove(&client);
        } else {
            self.rotation.push_back(client.clone());
        }
        Some((client, job))
    }

    /// Takes back job `id` of `client` (its request was dropped), if it still waits.
    pub(crate) fn remove(&mut self, client: &K, id: u64) -> Option<T> {
        let queue = self.waiting.get_mut(client)?;
        let at = queue.iter().position(|(job, _)| *job == id)?;
        let (_, job) = queue.remove(at)?;
        self.len -= 1;
        if queue.is_empty() {
            self.forget(client);
        }
        Some(job)
    }

    fn take_newest(&mut self, client: &K) -> Option<T> {
        let queue = self.waiting.get_mut(client)?;
        let (_, job) = queue.pop_back()?;
        self.len -= 1;
        if queue.is_empty() {
            self.forget(client);
        }
        Some(job)
    }

    fn forget(&mut self, client: &K) {
        self.waiting.remove(client);
        self.rotation.retain(|other| other != client);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use proptest::prelude::*;

    fn drain(queue: &mut FairQueue<char, u32>) -> Vec<(char, u32)> {
        std::iter::from_fn(|| queue.pop()).collect()
    }

    #[test]
    fn clients_take_turns() {
        let mut queue = FairQueue::new(10, 100);
        for n in 1..=5 {
            queue.push('a', n);
        }
        queue.push('b', 1);
        queue.push('c', 1);
        assert_eq!(
            drain(&mut queue),
            [
                ('a', 1),
                ('b', 1),
                ('c', 1),
                ('a', 2),
                ('a', 3),
                ('a', 4),
                ('a', 5)
            ]
        );
        assert!(queue.is_empty());
    }

    #[test]
    fn a_client_has_its_share_and_a_full_room_evicts_the_greediest() {
        let mut queue = FairQueue::new(3, 4);
        for n in 1..=3 {
            assert!(matches!(queue.push('a', n), Admit::Queued(_)));
        }
        assert_eq!(queue.push('a', 4), Admit::ClientFull);
        assert!(matches!(queue.push('b', 1), Admit::Queued(_)));
        // Full: b's second job takes the place of a's newest.
        assert!(matches!(
            queue.push('b', 2),
            Admit::QueuedEvicting { evicted: 3, .. }
        ));
        // a 2, b 2: a newcomer with none still takes the place of a second job, once more
        // for the next newcomer, and then everybody has one: turned away.
        assert!(matches!(
            queue.push('c', 1),
            Admit::QueuedEvicting { evicted: 2, .. }
        ));
        assert!(matches!(
            queue.push('d', 1),
            Admit::QueuedEvicting { evicted: 2, .. }
        ));
        assert_eq!(queue.push('e', 1), Admit::Full);
        assert_eq!(queue.push('a', 5), Admit::Full);
        let mut served: Vec<char> = drain(&mut queue).into_iter().map(|(c, _)| c).collect();
        served.sort_unstable();
        assert_eq!(served, ['a', 'b', 'c', 'd']);
    }

    #[test]
    fn a_job_taken_back_leaves_the_rotation_right() {
        let mut queue = FairQueue::new(5, 10);
        let Admit::Queued(first) = queue.push('a', 1) else {
            unreachable!("an empty room takes a job")
        };
        queue.push('b', 1);
        assert_eq!(queue.remove(&'a', first), Some(1));
        assert_eq!(queue.remove(&'a', first), None);
        queue.push('a', 2);
        assert_eq!(drain(&mut queue), [('b', 1), ('a', 2)]);
    }

    proptest! {
        /// Whatever happens, the bookkeeping holds, no client exceeds its share, and while
        /// a client waits, no other client is served twice before it.
        #[test]
        fn invariants(ops in proptest::collection::vec((0u8..3, 0u8..4), 0..200)) {
            let mut queue = FairQueue::new(4, 9);
            let mut ids: Vec<(char, u64)> = Vec::new();
            let mut since: HashMap<char, usize> = HashMap::new();
            for (op, who) in ops {
                let client = char::from(b'a' + who);
                match op {
                    0 | 1 => {
                        if let Admit::Queued(id) | Admit::QueuedEvicting { id, .. } = queue.push(client, 0) {
                            ids.push((client, id));
                        }
                    }
                    _ => {
                        if let Some((served, _)) = queue.pop() {
                            // Clients that join wait behind those already waiting, so a
                            // waiting client sees each of the three others served at most
                            // once before its own turn.
                            for other in queue.waiting.keys().filter(|other| **other != served) {
                                let count = since.entry(*other).or_insert(0);
                                *count += 1;
                                prop_assert!(*count <= 3, "{other} passed over {count} times");
                            }
                            since.insert(served, 0);
                        } else if let Some((client, id)) = ids.pop() {
                            queue.remove(&client, id);
                        }
                    }
                }
                since.retain(|client, _| queue.waiting.contains_key(client));
                let total: usize = queue.waiting.values().map(VecDeque::len).sum();
                prop_assert_eq!(total, queue.len());
                prop_assert!(queue.len() <= 9);
                prop_assert!(queue.waiting.values().all(|jobs| !jobs.is_empty() && jobs.len() <= 4));
                let mut rotation: Vec<char> = queue.rotation.iter().copied().collect();
                rotation.sort_unstable();
                let mut keys: Vec<char> = queue.waiting.keys().copied().collect();
                keys.sort_unstable();
                prop_assert_eq!(rotation, keys);
            }
        }
    }
}
