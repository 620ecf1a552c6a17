//! Reading a store: open checks the header and the bucket table, a lookup reads one bucket
//! with one positioned read, and a range answer pads a bucket to the file's constant size.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::ops::Range;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};

use crate::error::Error;
use crate::fingerprint::{
    Fingerprint, Lookups, PREFIX_HEX_DIGITS, SUFFIX_BITS, SUFFIX_HEX_DIGITS, hex_value, upper_hex,
};
use crate::format::{
    self, BUCKETS, ENTRIES_OFFSET, ENTRY_BYTES, HEADER_BYTES, Header, TABLE_BYTES,
};

/// What padding lines are derived from, besides the key: a label, the bucket and a counter.
const PADDING_LABEL: &[u8] = b"passguard-breach-padding";

/// Buckets up to this many bytes are read into a buffer on the stack.
const STACK_BUCKET_BYTES: usize = 8 * 1024;

/// An open store file: its header and bucket table in memory, its entries read on demand.
///
/// It is `Send + Sync`: lookups take `&self` (positioned reads share no cursor), so one
/// store behind an `Arc` serves every thread. Replacing the file (an import renames a new
/// one over it) does not disturb an open store, which keeps reading the file it opened.
///
/// # Examples
/// ```no_run
/// use passguard_breach::BreachStore;
///
/// let store = BreachStore::open("/var/lib/passguard/breached.pgbs")?;
/// if store.contains_password("hunter2")? {
///     println!("breached");
/// }
/// # Ok::<(), passguard_breach::Error>(())
/// ```
#[derive(Debug)]
pub struct BreachStore {
    path: PathBuf,
    file: File,
    header: Header,
    table: Vec<u32>,
}

/// Whether `prefix` is what [`BreachStore::range`] takes: 5 hex digits, either case.
#[must_use]
pub fn is_range_prefix(prefix: &str) -> bool {
    prefix_value(prefix).is_some()
}

fn prefix_value(prefix: &str) -> Option<u64> {
    let digits = prefix.as_bytes();
    (digits.len() == PREFIX_HEX_DIGITS)
        .then(|| hex_value(digits))
        .flatten()
}

impl BreachStore {
    /// Opens a store, reading and checking its header and bucket table (4 MiB).
    ///
    /// # Errors
    /// [`Error::Io`] if the file cannot be read, [`Error::Corrupt`] if it is not a store of
    /// this version, is truncated or has trailing bytes, or its table does not add up.
    /// The entries themselves are checked by [`BreachStore::verify`].
    pub fn open(path: impl AsRef<Path>) -> Result<Self, Error> {
        let path = path.as_ref().to_path_buf();
        let file = File::open(&path).map_err(Error::io("opening", &path))?;
        let len = file
            .metadata()
            .map_err(Error::io("reading the size of", &path))?
            .len();
        if len < ENTRIES_OFFSET {
            return Err(Error::corrupt(
                &path,
                format!("truncated: {len} bytes, shorter than the header and bucket table"),
            ));
        }
        let mut header = [0u8; HEADER_BYTES];
        file.read_exact_at(&mut header, 0)
            .map_err(Error::io("reading", &path))?;
        let header = Header::decode(&header).map_err(|reason| Error::corrupt(&path, reason))?;
        let expected = format::file_len(header.entries);
        if len != expected {
            let what = if len < expected {
                "truncated"
            } else {
                "trailing bytes"
            };
            return Err(Error::corrupt(
                &path,
                format!(
                    "{what}: {len} bytes, but {} entries take {expected}",
                    header.entries
                ),
            ));
        }
        let mut table = vec![0u8; TABLE_BYTES];
        file.read_exact_at(&mut table, HEADER_BYTES as u64)
            .map_err(Error::io("reading", &path))?;
        let table = format::decode_table(&table, &header)
            .map_err(|reason| Error::corrupt(&path, reason))?;
        Ok(Self {
            path,
            file,
            header,
            table,
        })
    }

    /// The file this store was opened from.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How many fingerprints the store holds.
    #[must_use]
    pub fn len(&self) -> u64 {
        self.header.entries
    }

    /// Whether the store holds no fingerprint.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.header.entries == 0
    }

    /// The size of the file in bytes.
    #[must_use]
    pub fn file_len(&self) -> u64 {
        format::file_len(self.header.entries)
    }

    /// The most fingerprints any one bucket holds.
    #[must_use]
    pub fn max_bucket(&self) -> u32 {
        self.header.max_bucket
    }

    /// How many lines every range answer of this file has.
    #[must_use]
    pub fn padded_lines(&self) -> u32 {
        self.header.padded_lines
    }

    /// The SHA-256 of the content (see the README): equal for two files holding the same
    /// fingerprints, whatever their padding key.
    #[must_use]
    pub fn digest(&self) -> [u8; 32] {
        self.header.digest
    }

    /// [`BreachStore::digest`] as 64 lower-case hex digits.
    #[must_use]
    pub fn digest_hex(&self) -> String {
        self.header
            .digest
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect()
    }

    pub(crate) fn padding_key(&self) -> [u8; 32] {
        self.header.padding_key
    }

    /// Whether the store holds this fingerprint: one positioned read of its bucket, then a
    /// binary search.
    ///
    /// # Errors
    /// [`Error::Io`] if the read fails, for instance when the file was truncated since it
    /// was opened. A failed read is never taken for "not breached".
    pub fn contains(&self, fingerprint: &Fingerprint) -> Result<bool, Error> {
        let entries = self.bucket_entries(fingerprint.prefix());
        let len = (entries.end - entries.start) * ENTRY_BYTES;
        let wanted = format::write_entry(fingerprint.suffix());
        let mut stack = [0u8; STACK_BUCKET_BYTES];
        let mut heap = Vec::new();
        let bucket = match stack.get_mut(..len) {
            Some(bucket) => bucket,
            None => {
                heap.resize(len, 0);
                heap.as_mut_slice()
            }
        };
        self.read_entries(entries, bucket)?;
        // Entries are sorted big-endian, so byte order is numeric order.
        let (mut low, mut high) = (0, len / ENTRY_BYTES);
        while low < high {
            let middle = low + (high - low) / 2;
            let at = middle * ENTRY_BYTES;
            let entry = bucket.get(at..at + ENTRY_BYTES).unwrap_or_default();
            match entry.cmp(wanted.as_slice()) {
                std::cmp::Ordering::Less => low = middle + 1,
                std::cmp::Ordering::Greater => high = middle,
                std::cmp::Ordering::Equal => return Ok(true),
            }
        }
        Ok(false)
    }

    /// Whether the store holds the password as typed or its NFKC form ([`Lookups`]): what
    /// the server asks.
    ///
    /// # Errors
    /// As [`BreachStore::contains`].
    pub fn contains_password(&self, password: &str) -> Result<bool, Error> {
        for fingerprint in Lookups::of(password).iter() {
            if self.contains(&fingerprint)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// The range answer for a 5-hex-digit prefix (either case): exactly
    /// [`BreachStore::padded_lines`] lines of 10 upper-case hex digits and `\n`, sorted,
    /// holding the first 10 suffix digits of every stored fingerprint with that prefix and
    /// padding lines derived from the file's secret padding key and the prefix. The answer
    /// for a prefix is the same on every call, so asking again teaches nothing new, and has
    /// the same length for every prefix.
    ///
    /// # Errors
    /// [`Error::InvalidPrefix`] unless `prefix` is 5 hex digits; [`Error::Io`] if the read
    /// fails.
    ///
    /// # Examples
    /// ```no_run
    /// # let store = passguard_breach::BreachStore::open("breached.pgbs")?;
    /// let answer = store.range("5BAA6")?;
    /// assert_eq!(answer.lines().count(), store.padded_lines() as usize);
    /// # Ok::<(), passguard_breach::Error>(())
    /// ```
    pub fn range(&self, prefix: &str) -> Result<String, Error> {
        let bucket = prefix_value(prefix).ok_or(Error::InvalidPrefix)?;
        let bucket = u32::try_from(bucket).map_err(|_| Error::InvalidPrefix)?;
        let lines = self.range_lines(bucket)?;
        let mut answer = String::with_capacity(lines.len() * (SUFFIX_HEX_DIGITS + 1));
        for suffix in lines {
            answer.push_str(&upper_hex(suffix, SUFFIX_HEX_DIGITS));
            answer.push('\n');
        }
        Ok(answer)
    }

    /// The sorted suffixes of a range answer: the bucket's, then padding up to the constant
    /// count. Padding lines equal to a real one (or to an earlier padding line) are skipped.
    fn range_lines(&self, bucket: u32) -> Result<BTreeSet<u64>, Error> {
        let mut lines: BTreeSet<u64> = self.bucket_suffixes(bucket)?.into_iter().collect();
        let wanted = self.header.padded_lines as usize;
        for counter in 0u32.. {
            if lines.len() >= wanted {
                break;
            }
            let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.header.padding_key)
                .map_err(|_| Error::corrupt(&self.path, "unusable padding key"))?;
            mac.update(PADDING_LABEL);
            mac.update(&bucket.to_be_bytes());
            mac.update(&counter.to_be_bytes());
            let block = mac.finalize().into_bytes();
            for candidate in block.chunks_exact(ENTRY_BYTES) {
                if lines.len() < wanted {
                    lines.insert(format::read_entry(candidate));
                }
            }
        }
        Ok(lines)
    }

    /// Reads every entry and checks that each bucket is strictly increasing and that the
    /// content digest matches: what a server does on a blocking thread before it swaps a
    /// new file in. Linear in the file's size.
    ///
    /// # Errors
    /// [`Error::Corrupt`] naming the first bucket out of order or the digest mismatch;
    /// [`Error::Io`] if reading fails.
    pub fn verify(&self) -> Result<(), Error> {
        let mut file = self
            .file
            .try_clone()
            .map_err(Error::io("reading", &self.path))?;
        file.seek(SeekFrom::Start(ENTRIES_OFFSET))
            .map_err(Error::io("reading", &self.path))?;
        let mut reader = BufReader::with_capacity(1 << 20, file);
        let mut entries_hash = Sha256::new();
        let mut bucket_bytes = Vec::new();
        for (bucket, pair) in self.table.windows(2).enumerate() {
            let [start, end] = [pair.first(), pair.get(1)].map(|n| n.copied().unwrap_or(0));
            bucket_bytes.resize((end - start) as usize * ENTRY_BYTES, 0);
            reader
                .read_exact(&mut bucket_bytes)
                .map_err(Error::io("reading", &self.path))?;
            entries_hash.update(&bucket_bytes);
            let increasing = bucket_bytes
                .chunks_exact(ENTRY_BYTES)
                .zip(bucket_bytes.chunks_exact(ENTRY_BYTES).skip(1))
                .all(|(a, b)| a < b);
            if !increasing {
                return Err(Error::corrupt(
                    &self.path,
                    format!("bucket {bucket:05X} is not sorted"),
                ));
            }
        }
        let digest = content_digest(&format::encode_table(&self.table), entries_hash);
        if digest != self.header.digest {
            return Err(Error::corrupt(
                &self.path,
                "the content does not match the header's digest",
            ));
        }
        Ok(())
    }

    /// The 40-bit suffixes stored in a bucket, in order.
    fn bucket_suffixes(&self, bucket: u32) -> Result<Vec<u64>, Error> {
        let entries = self.bucket_entries(bucket);
        let mut bytes = vec![0u8; (entries.end - entries.start) * ENTRY_BYTES];
        self.read_entries(entries, &mut bytes)?;
        Ok(bytes
            .chunks_exact(ENTRY_BYTES)
            .map(format::read_entry)
            .collect())
    }

    /// The 60-bit keys of the buckets in `buckets`, in order: what an import merges with.
    pub(crate) fn keys_in(&self, buckets: Range<usize>) -> Result<Vec<u64>, Error> {
        let first = self.table.get(buckets.start).copied().unwrap_or(0) as usize;
        let last = self.table.get(buckets.end).copied().unwrap_or(0) as usize;
        let mut bytes = vec![0u8; last.saturating_sub(first) * ENTRY_BYTES];
        self.read_entries(first..last, &mut bytes)?;
        let mut entries = bytes.chunks_exact(ENTRY_BYTES);
        let mut keys = Vec::with_capacity(last.saturating_sub(first));
        for bucket in buckets {
            let count = self.bucket_entries(bucket as u32).len();
            for entry in entries.by_ref().take(count) {
                keys.push(((bucket as u64) << SUFFIX_BITS) | format::read_entry(entry));
            }
        }
        Ok(keys)
    }

    /// The indexes of a bucket's entries (empty for a bucket out of range).
    fn bucket_entries(&self, bucket: u32) -> Range<usize> {
        let bucket = bucket as usize;
        if bucket >= BUCKETS {
            return 0..0;
        }
        let start = self.table.get(bucket).copied().unwrap_or(0) as usize;
        let end = self.table.get(bucket + 1).copied().unwrap_or(0) as usize;
        start..end.max(start)
    }

    fn read_entries(&self, entries: Range<usize>, into: &mut [u8]) -> Result<(), Error> {
        if into.is_empty() {
            return Ok(());
        }
        let offset = ENTRIES_OFFSET + (entries.start * ENTRY_BYTES) as u64;
        self.file
            .read_exact_at(into, offset)
            .map_err(Error::io("reading", &self.path))
    }
}

/// The content digest: SHA-256 over the SHA-256 of the bucket table and the SHA-256 of the
/// entries, so an import can hash the entries as it writes them, before the table is known.
pub(crate) fn content_digest(table: &[u8], entries: Sha256) -> [u8; 32] {
    let mut outer = Sha256::new();
    outer.update(Sha256::digest(table));
    outer.update(entries.finalize());
    outer.finalize().into()
}
