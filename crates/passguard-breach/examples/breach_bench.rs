//! The breach store's benchmark (BENCHMARKS.md, "Breached-password store"): a synthetic
//! Have I Been Pwned corpus generated on the fly, `HEX(SHA1(i as u64 little-endian)):COUNT`
//! for i < N, imported and then looked up. Not a test: run it in release.
//!
//! ```text
//! breach_bench gen N                 # the corpus on stdout, for `| passguard breach import -`
//! breach_bench generate N            # time the generator alone
//! breach_bench import N STORE        # generate and import in-process, then look up
//! breach_bench lookups N STORE [Q] [cold]  # Q lookups (default 1 000 000), half present;
//!                                     # warm unless `cold` (then no warm-up pass)
//! breach_bench contains STORE FILE   # every plaintext line of FILE is found, and 10 000
//!                                     # random 20-character strings are not
//! ```

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::cast_precision_loss
)]

use std::io::{self, BufRead, Read, Write};
use std::ops::ControlFlow;
use std::path::Path;
use std::time::{Duration, Instant};

use passguard_breach::{BreachStore, Fingerprint, ImportOptions, Source, import};
use sha1::{Digest, Sha1};

/// Lines generated per refill of the buffer.
const BATCH: u64 = 16 * 1024;

/// The corpus as a reader: lines made as they are read.
struct Corpus {
    next: u64,
    end: u64,
    buffer: Vec<u8>,
    at: usize,
}

impl Corpus {
    fn new(n: u64) -> Self {
        Self {
            next: 0,
            end: n,
            buffer: Vec::with_capacity(BATCH as usize * 64),
            at: 0,
        }
    }

    fn refill(&mut self) {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        self.buffer.clear();
        self.at = 0;
        let stop = self.end.min(self.next + BATCH);
        for i in self.next..stop {
            for byte in Sha1::digest(i.to_le_bytes()) {
                self.buffer.push(HEX[usize::from(byte >> 4)]);
                self.buffer.push(HEX[usize::from(byte & 15)]);
            }
            // Counts shaped like HIBP's: mostly small.
            let count = 1 + (i.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54);
            write!(self.buffer, ":{count}\r\n").unwrap();
        }
        self.next = stop;
    }
}

impl Read for Corpus {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Corpus {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.at == self.buffer.len() && self.next < self.end {
            self.refill();
        }
        Ok(&self.buffer[self.at..])
    }

    fn consume(&mut self, amount: usize) {
        self.at = (self.at + amount).min(self.buffer.len());
    }
}

fn generated(i: u64) -> Fingerprint {
    Fingerprint::of_bytes(&i.to_le_bytes())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n = |at: usize| -> u64 {
        args.get(at)
            .and_then(|a| a.replace('_', "").parse().ok())
            .expect("N")
    };
    match args.first().map(String::as_str) {
        Some("gen") => {
            // One write per batch of lines (about 750 KB), not io::copy's 8 KiB pieces.
            let mut corpus = Corpus::new(n(1));
            let mut out = io::stdout().lock();
            loop {
                let batch = corpus.fill_buf().unwrap();
                if batch.is_empty() {
                    break;
                }
                let len = batch.len();
                out.write_all(batch).unwrap();
                corpus.consume(len);
            }
            out.flush().unwrap();
        }
        Some("generate") => {
            let started = Instant::now();
            let mut corpus = Corpus::new(n(1));
            let bytes = io::copy(&mut corpus, &mut io::sink()).unwrap();
            let took = started.elapsed();
            println!(
                "generated {} lines, {bytes} bytes in {:.2} s ({:.2} M lines/s)",
                n(1),
                took.as_secs_f64(),
                n(1) as f64 / took.as_secs_f64() / 1e6
            );
        }
        Some("import") => {
            let store = Path::new(&args[2]);
            import_in_process(n(1), store);
            lookups(n(1), store, 1_000_000, true);
        }
        Some("lookups") => {
            let queries = args.get(3).map_or(1_000_000, |q| q.parse().unwrap());
            let warm = args.get(4).is_none_or(|mode| mode != "cold");
            lookups(n(1), Path::new(&args[2]), queries, warm);
        }
        Some("contains") => contains(Path::new(&args[1]), Path::new(&args[2])),
        _ => eprintln!("usage: breach_bench gen|generate|import|lookups N [STORE] [Q]"),
    }
}

fn import_in_process(n: u64, store: &Path) {
    let mut corpus = Corpus::new(n);
    let started = Instant::now();
    let mut merging_started = None;
    let summary = import(
        store,
        Source::Reader(&mut corpus),
        &ImportOptions::default(),
        &mut |progress| {
            if merging_started.is_none()
                && matches!(progress.phase, passguard_breach::Phase::Merging { .. })
            {
                merging_started = Some(started.elapsed());
            }
            ControlFlow::Continue(())
        },
    )
    .unwrap();
    let took = started.elapsed();
    let reading = merging_started.unwrap_or_default();
    println!(
        "imported {} lines in {:.2} s ({:.2} M entries/s): reading + spilling {:.2} s, \
         merging {:.2} s",
        summary.counts.lines,
        took.as_secs_f64(),
        summary.entries as f64 / took.as_secs_f64() / 1e6,
        reading.as_secs_f64(),
        (took - reading).as_secs_f64(),
    );
    println!(
        "{} entries, {} bytes, {:.3} bytes/entry",
        summary.entries,
        summary.file_bytes,
        summary.bytes_per_entry()
    );
}

/// A small deterministic generator (SplitMix64), so every run asks the same questions.
fn split_mix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn lookups(n: u64, path: &Path, count: usize, warm: bool) {
    let opened = Instant::now();
    let store = BreachStore::open(path).unwrap();
    let open_took = opened.elapsed();
    let mut state = 16;
    // Even queries are present (i < n), odd ones absent (n <= i < 2n).
    let queries: Vec<Fingerprint> = (0..count)
        .map(|k| generated(split_mix(&mut state) % n + if k % 2 == 0 { 0 } else { n }))
        .collect();
    if warm {
        for query in &queries {
            store.contains(query).unwrap();
        }
    }
    let mut times = Vec::with_capacity(count);
    let mut found = [0usize; 2];
    let all = Instant::now();
    for (k, query) in queries.iter().enumerate() {
        let started = Instant::now();
        let present = store.contains(query).unwrap();
        times.push(started.elapsed());
        found[k % 2] += usize::from(present);
    }
    let total = all.elapsed();
    times.sort_unstable();
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    println!(
        "opened in {:.1} ms; {count} {} lookups in {:.2} s: p50 {:.2} µs, p99 {:.2} µs, \
         p99.9 {:.2} µs, max {:.1} µs, mean {:.2} µs",
        open_took.as_secs_f64() * 1e3,
        if warm { "warm" } else { "cold" },
        total.as_secs_f64(),
        us(at(0.5)),
        us(at(0.99)),
        us(at(0.999)),
        us(at(1.0)),
        us(total) / count as f64,
    );
    println!(
        "present found {} of {}, absent found {} of {} (false positives)",
        found[0],
        count.div_ceil(2),
        found[1],
        count / 2
    );
    assert_eq!(found[0], count.div_ceil(2), "every present entry is found");
}

/// Checks a plaintext corpus against a store built from it.
fn contains(store: &Path, corpus: &Path) {
    let store = BreachStore::open(store).unwrap();
    store.verify().unwrap();
    let text = std::fs::read(corpus).unwrap();
    let (mut lines, mut missing) = (0, 0);
    for line in text.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            continue;
        }
        lines += 1;
        let found = match std::str::from_utf8(line) {
            Ok(password) => store.contains_password(password).unwrap(),
            Err(_) => store.contains(&Fingerprint::of_bytes(line)).unwrap(),
        };
        missing += usize::from(!found);
    }
    let mut state = 7;
    let alphabet: Vec<char> = (' '..='~').collect();
    let random_found = (0..10_000)
        .filter(|_| {
            let password: String = (0..20)
                .map(|_| alphabet[(split_mix(&mut state) % alphabet.len() as u64) as usize])
                .collect();
            store.contains_password(&password).unwrap()
        })
        .count();
    println!(
        "{lines} passwords: {missing} missing; 10000 random 20-character strings: \
         {random_found} found"
    );
    assert_eq!((missing, random_found), (0, 0));
}
