//! The store file's layout (see the crate's README): a 128-byte header, the bucket table and
//! the sorted 5-byte entries. Writing and validating the header and the table lives here, so
//! the importer and the reader agree on every offset.

use crate::fingerprint::{PREFIX_BITS, SUFFIX_BITS};

/// The file's first 8 bytes.
pub const MAGIC: [u8; 8] = *b"PGBREACH";
/// The format version this crate writes and reads.
pub const VERSION: u16 = 1;
/// Bytes of one stored entry: the 40 bits after the prefix, big-endian.
pub const ENTRY_BYTES: usize = 5;
/// Bytes of the header, padding included.
pub const HEADER_BYTES: usize = 128;
/// Buckets: one per 20-bit prefix.
pub const BUCKETS: usize = 1 << PREFIX_BITS;
/// Bytes of the bucket table: `BUCKETS + 1` little-endian u32 (the last one is the count).
pub const TABLE_BYTES: usize = (BUCKETS + 1) * 4;
/// Where the entries start.
pub const ENTRIES_OFFSET: u64 = (HEADER_BYTES + TABLE_BYTES) as u64;
/// The most entries a file holds: table indexes are u32.
pub const MAX_ENTRIES: u64 = u32::MAX as u64;
/// Range answers never have fewer lines than this, and their line count is a multiple of it.
pub const PADDED_LINES_STEP: u32 = 32;

/// The header's parameters and summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Header {
    pub(crate) entries: u64,
    pub(crate) max_bucket: u32,
    pub(crate) padded_lines: u32,
    pub(crate) padding_key: [u8; 32],
    pub(crate) digest: [u8; 32],
}

/// The line count of every range answer for a store whose largest bucket holds
/// `max_bucket` entries: at least that, rounded up to a multiple of [`PADDED_LINES_STEP`].
pub(crate) fn padded_lines(max_bucket: u32) -> u32 {
    max_bucket
        .max(1)
        .div_ceil(PADDED_LINES_STEP)
        .saturating_mul(PADDED_LINES_STEP)
}

/// The file's length for `entries` entries.
pub(crate) fn file_len(entries: u64) -> u64 {
    ENTRIES_OFFSET + entries * ENTRY_BYTES as u64
}

impl Header {
    pub(crate) fn encode(&self) -> [u8; HEADER_BYTES] {
        let mut out = [0u8; HEADER_BYTES];
        let fields: [&[u8]; 10] = [
            &MAGIC,
            &VERSION.to_le_bytes(),
            &[PREFIX_BITS as u8, SUFFIX_BITS as u8, ENTRY_BYTES as u8],
            &[0; 3],
            &self.entries.to_le_bytes(),
            &self.max_bucket.to_le_bytes(),
            &self.padded_lines.to_le_bytes(),
            &self.padding_key,
            &self.digest,
            &[0; 32],
        ];
        let mut at = 0;
        for field in fields {
            if let Some(slot) = out.get_mut(at..at + field.len()) {
                slot.copy_from_slice(field);
            }
            at += field.len();
        }
        out
    }

    /// Reads and checks a header; the reason names what is wrong.
    pub(crate) fn decode(bytes: &[u8; HEADER_BYTES]) -> Result<Self, String> {
        let mut reader = Fields(bytes.as_slice());
        if reader.take::<8>() != MAGIC {
            return Err("not a passguard breach store (wrong magic bytes)".to_owned());
        }
        let version = u16::from_le_bytes(reader.take());
        if version != VERSION {
            return Err(format!(
                "format version {version}, but this passguard reads version {VERSION}"
            ));
        }
        let [prefix, suffix, entry] = reader.take::<3>();
        if [prefix, suffix, entry] != [PREFIX_BITS as u8, SUFFIX_BITS as u8, ENTRY_BYTES as u8] {
            return Err(format!(
                "unsupported parameters (prefix {prefix} bits, suffix {suffix} bits, \
                 {entry} bytes an entry)"
            ));
        }
        if reader.take::<3>() != [0; 3] {
            return Err("reserved header bytes are not zero".to_owned());
        }
        let header = Self {
            entries: u64::from_le_bytes(reader.take()),
            max_bucket: u32::from_le_bytes(reader.take()),
            padded_lines: u32::from_le_bytes(reader.take()),
            padding_key: reader.take(),
            digest: reader.take(),
        };
        if reader.take::<32>() != [0; 32] {
            return Err("reserved header bytes are not zero".to_owned());
        }
        if header.entries > MAX_ENTRIES {
            return Err(format!(
                "{} entries, more than the format's {MAX_ENTRIES}",
                header.entries
            ));
        }
        if header.padded_lines != padded_lines(header.max_bucket) {
            return Err(format!(
                "{} padded lines for a largest bucket of {}, expected {}",
                header.padded_lines,
                header.max_bucket,
                padded_lines(header.max_bucket)
            ));
        }
        Ok(header)
    }
}

/// Reads fixed-size fields in order from the header.
struct Fields<'a>(&'a [u8]);

impl Fields<'_> {
    fn take<const N: usize>(&mut self) -> [u8; N] {
        let (field, rest) = self.0.split_at_checked(N).unwrap_or((&[], &[]));
        self.0 = rest;
        field.try_into().unwrap_or([0; N])
    }
}

/// Reads the bucket table and checks it against the header: it starts at 0, never
/// decreases, ends at the entry count, and its largest bucket is the header's.
pub(crate) fn decode_table(bytes: &[u8], header: &Header) -> Result<Vec<u32>, String> {
    if bytes.len() != TABLE_BYTES {
        return Err("the bucket table is truncated".to_owned());
    }
    if bytes.get(..4) != Some(&[0; 4]) {
        return Err("the bucket table does not start at entry 0".to_owned());
    }
    let mut table = Vec::with_capacity(BUCKETS + 1);
    let mut max_bucket = 0;
    let mut previous = 0;
    for chunk in bytes.chunks_exact(4) {
        let start = u32::from_le_bytes(chunk.try_into().unwrap_or([0; 4]));
        if start < previous {
            let bucket = table.len().saturating_sub(1);
            return Err(format!("the bucket table decreases at bucket {bucket:05X}"));
        }
        max_bucket = max_bucket.max(start - previous);
        previous = start;
        table.push(start);
    }
    if u64::from(previous) != header.entries {
        return Err(format!(
            "the bucket table ends at {previous} entries, the header says {}",
            header.entries
        ));
    }
    if max_bucket != header.max_bucket {
        return Err(format!(
            "the largest bucket holds {max_bucket} entries, the header says {}",
            header.max_bucket
        ));
    }
    Ok(table)
}

/// The table as it is written to the file.
pub(crate) fn encode_table(table: &[u32]) -> Vec<u8> {
    table.iter().flat_map(|n| n.to_le_bytes()).collect()
}

/// The 40 bits stored in a 5-byte entry.
pub(crate) fn read_entry(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .take(ENTRY_BYTES)
        .fold(0, |value, &byte| (value << 8) | u64::from(byte))
}

/// A suffix's 5 bytes, big-endian.
pub(crate) fn write_entry(suffix: u64) -> [u8; ENTRY_BYTES] {
    let [_, _, _, a, b, c, d, e] = suffix.to_be_bytes();
    [a, b, c, d, e]
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;

    fn header() -> Header {
        Header {
            entries: 3,
            max_bucket: 2,
            padded_lines: 32,
            padding_key: [7; 32],
            digest: [9; 32],
        }
    }

    #[test]
    fn header_round_trip() {
        let bytes = header().encode();
        assert_eq!(&bytes[..8], b"PGBREACH");
        assert_eq!(Header::decode(&bytes), Ok(header()));
    }

    #[test]
    fn each_header_defect_is_named() {
        let check = |offset: usize, value: u8, expected: &str| {
            let mut bytes = header().encode();
            bytes[offset] = value;
            let error = Header::decode(&bytes).unwrap_err();
            assert!(error.contains(expected), "{offset}: {error}");
        };
        check(0, b'X', "magic");
        check(8, 2, "version 2");
        check(10, 16, "unsupported parameters");
        check(14, 1, "reserved");
        check(28, 64, "padded lines");
        check(127, 1, "reserved");
    }

    #[test]
    fn padded_lines_round_up_to_a_step() {
        assert_eq!(padded_lines(0), 32);
        assert_eq!(padded_lines(32), 32);
        assert_eq!(padded_lines(33), 64);
        assert_eq!(padded_lines(156), 160);
    }

    #[test]
    fn entries_are_five_bytes_big_endian() {
        assert_eq!(write_entry(0x1E4C9B93F3), [0x1E, 0x4C, 0x9B, 0x93, 0xF3]);
        assert_eq!(read_entry(&write_entry(0xFF_FFFF_FFFF)), 0xFF_FFFF_FFFF);
    }
}
