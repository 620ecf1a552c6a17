//! Importing a corpus: lines are parsed and their fingerprints spilled, by top byte, into the
//! staging directory, with a checkpoint every so many lines; then each spill is sorted,
//! merged with the same range of the current store and written out, and the new file is
//! renamed over the old one.

use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, BufWriter, Seek, SeekFrom, Write};
use std::ops::ControlFlow;
use std::os::unix::fs::FileExt;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::error::Error;
use crate::fingerprint::SUFFIX_BITS;
use crate::format::{self, BUCKETS, ENTRIES_OFFSET, HEADER_BYTES, Header, MAX_ENTRIES};
use crate::parse::{self, Format, MAX_LINE_BYTES};
use crate::staging::{Counts, Manifest, SPILLS, SourceId, Spills, Staging};
use crate::store::{self, BreachStore};

/// Lines between two checkpoints by default: at most this much is read again after a crash.
pub const DEFAULT_CHECKPOINT_LINES: u64 = 8 << 20;
/// Lines between two progress reports while reading.
const PROGRESS_LINES: u64 = 4096;
/// Buckets per spill: a spill holds the keys of 2^12 consecutive buckets.
const BUCKETS_PER_SPILL: usize = BUCKETS / SPILLS;

/// How an import reads its input and what it does with the current store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportOptions {
    /// The input's format; [`Format::Auto`] decides from the first non-empty line.
    pub format: Format,
    /// Skip (and count) invalid HIBP lines instead of stopping at the first one.
    pub skip_invalid: bool,
    /// Build the store from this input alone instead of adding to the current one.
    pub replace: bool,
    /// Skip HIBP lines whose count is below this (lines without a count are kept).
    pub min_count: u64,
    /// Lines between two checkpoints (at least 1).
    pub checkpoint_lines: u64,
}

impl Default for ImportOptions {
    fn default() -> Self {
        Self {
            format: Format::Auto,
            skip_invalid: false,
            replace: false,
            min_count: 0,
            checkpoint_lines: DEFAULT_CHECKPOINT_LINES,
        }
    }
}

/// Where the lines come from.
pub enum Source<'a> {
    /// A file: its size is known (for progress) and an interrupted import of the same,
    /// unchanged file resumes from its last checkpoint.
    File(&'a Path),
    /// Any reader, such as standard input: read from the start every time.
    Reader(&'a mut dyn BufRead),
}

/// What an import is doing, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Reading the input.
    Reading,
    /// Merging the staged fingerprints into the new store: `done` of 256 parts.
    Merging {
        /// Parts written so far.
        done: usize,
    },
}

/// A progress report, given to the callback every few thousand lines, at each checkpoint
/// and for each part merged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// What is being done.
    pub phase: Phase,
    /// Bytes of input consumed (from the start of the file, when resumed).
    pub bytes: u64,
    /// The input's size, when it is a file.
    pub total_bytes: Option<u64>,
    /// Lines read and what became of them.
    pub counts: Counts,
    /// Lines up to the last checkpoint: what a resumed import would not read again.
    pub checkpointed_lines: u64,
}

/// What an import did.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportSummary {
    /// The format the input was read as (`Auto` only for an input with no non-empty line).
    pub format: Format,
    /// Lines read and what became of them, over every run of a resumed import.
    pub counts: Counts,
    /// The line an earlier, interrupted run had checkpointed, when this one resumed.
    pub resumed_after_line: Option<u64>,
    /// Entries in the store before (0 with `replace`).
    pub entries_before: u64,
    /// Entries in the store now.
    pub entries: u64,
    /// The store's size in bytes.
    pub file_bytes: u64,
    /// The new store's content digest ([`BreachStore::digest`]).
    pub digest: [u8; 32],
}

impl ImportSummary {
    /// Entries that were not in the store before.
    #[must_use]
    pub fn added(&self) -> u64 {
        self.entries.saturating_sub(self.entries_before)
    }

    /// The store's size divided by its entries (the 4 MiB table weighs on small stores).
    #[must_use]
    pub fn bytes_per_entry(&self) -> f64 {
        // Precision is irrelevant for a figure shown with two decimals.
        #[allow(clippy::cast_precision_loss)]
        let ratio = self.file_bytes as f64 / self.entries.max(1) as f64;
        ratio
    }
}

/// Imports `source` into the store at `store` (created if missing), as a set union with
/// what it already holds unless `options.replace`. The new file replaces the old one
/// atomically; importing the same corpus again leaves the file byte for byte the same.
///
/// The staging directory `<store>.import/` holds the work in progress; if the import stops
/// (an error, a kill, `progress` answering `Break`), importing the same unchanged file again
/// resumes from the last checkpoint. It is removed once the store is written.
///
/// # Errors
/// [`Error::InvalidLine`] for the first invalid HIBP line (unless `skip_invalid`), and
/// for a first line of 32 hex digits (NTLM) in `auto`; [`Error::Corrupt`] when the current
/// store is not valid (use `replace` to build a new one); [`Error::Busy`] when another
/// import into the same store is running; [`Error::Interrupted`] when `progress` stopped it;
/// [`Error::TooManyEntries`]; [`Error::Io`].
pub fn import(
    store: &Path,
    source: Source<'_>,
    options: &ImportOptions,
    progress: &mut dyn FnMut(&Progress) -> ControlFlow<()>,
) -> Result<ImportSummary, Error> {
    // The source is recognised (and found) before anything is written.
    let identity = match &source {
        Source::File(path) => Some(SourceId::of(path)?),
        Source::Reader(_) => None,
    };
    let resumable = identity.is_some();
    let staging = Staging::open(store)?;
    match import_staged(store, &staging, identity, source, options, progress) {
        Ok(summary) => {
            staging.remove()?;
            Ok(summary)
        }
        Err(error) => {
            // Work from a reader cannot be resumed, nor can an invalid line be read past,
            // and before the first checkpoint there is nothing to resume from: leave
            // nothing behind. Otherwise the next import of the same file resumes.
            if !resumable
                || matches!(error, Error::InvalidLine { .. })
                || staging.manifest().is_none()
            {
                let _ = staging.remove();
            }
            Err(error)
        }
    }
}

fn import_staged(
    store: &Path,
    staging: &Staging,
    identity: Option<SourceId>,
    source: Source<'_>,
    options: &ImportOptions,
    progress: &mut dyn FnMut(&Progress) -> ControlFlow<()>,
) -> Result<ImportSummary, Error> {
    let total_bytes = identity.as_ref().map(SourceId::size);
    let earlier = staging.manifest().filter(|earlier| {
        identity.is_some()
            && earlier.source == identity
            && earlier.skip_invalid == options.skip_invalid
            && earlier.min_count == options.min_count
            && (options.format == Format::Auto
                || earlier
                    .format
                    .as_deref()
                    .is_none_or(|f| f == options.format.id()))
    });
    let resumed_after_line = earlier.as_ref().map(|m| m.counts.lines);
    let mut manifest = match earlier {
        Some(earlier) => earlier,
        None => {
            staging.clear()?;
            Manifest::new(identity, options.skip_invalid, options.min_count)
        }
    };
    let mut spills = staging.spills(&manifest)?;
    let format = match source {
        Source::File(path) => {
            let mut file = File::open(path).map_err(Error::io("opening", path))?;
            file.seek(SeekFrom::Start(manifest.consumed_bytes))
                .map_err(Error::io("seeking in", path))?;
            let mut input = BufReader::with_capacity(1 << 18, file);
            let mut lines = Lines::new(staging, &mut spills, &mut manifest, options, path);
            lines.read(&mut input, total_bytes, progress)?
        }
        Source::Reader(input) => {
            let mut lines =
                Lines::new(staging, &mut spills, &mut manifest, options, Path::new("-"));
            lines.read(input, total_bytes, progress)?
        }
    };
    drop(spills);
    let counts = manifest.counts;
    let merged = merge(
        store,
        staging,
        options.replace,
        total_bytes,
        &manifest,
        progress,
    )?;
    Ok(ImportSummary {
        format,
        counts,
        resumed_after_line,
        entries_before: merged.entries_before,
        entries: merged.header.entries,
        file_bytes: format::file_len(merged.header.entries),
        digest: merged.header.digest,
    })
}

/// The reading half of an import: where its lines go and what it has read.
struct Lines<'a> {
    staging: &'a Staging,
    spills: &'a mut Spills,
    manifest: &'a mut Manifest,
    options: &'a ImportOptions,
    name: &'a Path,
}

impl<'a> Lines<'a> {
    fn new(
        staging: &'a Staging,
        spills: &'a mut Spills,
        manifest: &'a mut Manifest,
        options: &'a ImportOptions,
        name: &'a Path,
    ) -> Self {
        Self {
            staging,
            spills,
            manifest,
            options,
            name,
        }
    }

    /// Reads every line after the manifest's position into the spills, checkpointing as it
    /// goes (files only: a reader cannot be resumed). Returns the format the lines were
    /// read as.
    fn read<R: BufRead + ?Sized>(
        &mut self,
        input: &mut R,
        total_bytes: Option<u64>,
        progress: &mut dyn FnMut(&Progress) -> ControlFlow<()>,
    ) -> Result<Format, Error> {
        let options = self.options;
        let resumable = self.manifest.source.is_some();
        let mut format = match self.manifest.format.as_deref().and_then(Format::from_id) {
            Some(format) => format,
            None => options.format,
        };
        if format != Format::Auto {
            // Recorded, so a resumed import reads the rest the same way.
            self.manifest.format = Some(format.id().to_owned());
        }
        let mut counts = self.manifest.counts;
        let mut consumed = self.manifest.consumed_bytes;
        let mut checkpointed_lines = counts.lines;
        let mut line = Vec::with_capacity(256);
        let mut write_error = None;
        loop {
            let read =
                parse::read_line(input, &mut line).map_err(Error::io("reading", self.name))?;
            if read == 0 {
                break;
            }
            consumed += read as u64;
            counts.lines += 1;
            if !parse::is_blank(&line) {
                if format == Format::Auto {
                    format = parse::detect(&line).map_err(|reason| Error::InvalidLine {
                        line: counts.lines,
                        reason,
                    })?;
                    self.manifest.format = Some(format.id().to_owned());
                }
                let spills = &mut *self.spills;
                let mut push = |key: u64| {
                    if let Err(e) = spills.push(key) {
                        write_error.get_or_insert(e);
                    }
                    counts.fingerprints += 1;
                };
                match format {
                    Format::Plaintext => {
                        let text = line.strip_suffix(b"\r").unwrap_or(&line);
                        if text.len() > MAX_LINE_BYTES {
                            counts.too_long += 1;
                        } else {
                            parse::plaintext_fingerprints(text, |f| push(f.key()));
                        }
                    }
                    Format::Hibp | Format::Auto => match parse::parse_hibp(&line) {
                        Ok((fingerprint, count)) => {
                            if count.is_some_and(|count| count < options.min_count) {
                                counts.below_min_count += 1;
                            } else {
                                push(fingerprint.key());
                            }
                        }
                        Err(_) if options.skip_invalid => counts.invalid += 1,
                        Err(reason) => {
                            return Err(Error::InvalidLine {
                                line: counts.lines,
                                reason,
                            });
                        }
                    },
                }
                if let Some(e) = write_error.take() {
                    return Err(Error::io("writing to", self.staging.dir())(e));
                }
            }
            let checkpoint =
                resumable && counts.lines.is_multiple_of(options.checkpoint_lines.max(1));
            if checkpoint {
                self.manifest.consumed_bytes = consumed;
                self.manifest.counts = counts;
                self.staging.checkpoint(self.spills, self.manifest)?;
                checkpointed_lines = counts.lines;
            }
            if checkpoint || counts.lines.is_multiple_of(PROGRESS_LINES) {
                let report = Progress {
                    phase: Phase::Reading,
                    bytes: consumed,
                    total_bytes,
                    counts,
                    checkpointed_lines,
                };
                if progress(&report).is_break() {
                    return Err(Error::Interrupted);
                }
            }
        }
        self.manifest.consumed_bytes = consumed;
        self.manifest.counts = counts;
        if resumable {
            // Once the input is read, a crash while merging resumes straight at the merge.
            self.staging.checkpoint(self.spills, self.manifest)?;
        } else {
            self.spills
                .flush()
                .map_err(Error::io("writing to", self.staging.dir()))?;
        }
        Ok(format)
    }
}

struct Merged {
    header: Header,
    entries_before: u64,
}

/// Writes the new store: for each spill, its keys and the current store's keys of the same
/// buckets, sorted and deduplicated, after room left for the header and table; then the
/// table and the header; then renames it over the store.
fn merge(
    store_path: &Path,
    staging: &Staging,
    replace: bool,
    total_bytes: Option<u64>,
    manifest: &Manifest,
    progress: &mut dyn FnMut(&Progress) -> ControlFlow<()>,
) -> Result<Merged, Error> {
    let current = match BreachStore::open(store_path) {
        Ok(store) => Some(store),
        Err(Error::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => None,
        Err(_) if replace => None,
        Err(e) => return Err(e),
    };
    let padding_key = match &current {
        // Keeping the key keeps the file identical when nothing new was imported.
        Some(store) => store.padding_key(),
        None => {
            let mut key = [0u8; 32];
            getrandom::fill(&mut key)
                .map_err(|e| Error::io("drawing a padding key for", store_path)(e.into()))?;
            key
        }
    };
    let merge_with = current.as_ref().filter(|_| !replace);
    let temporary = staging.dir().join("store.tmp");
    let file = File::create(&temporary).map_err(Error::io("creating", &temporary))?;
    let mut out = BufWriter::with_capacity(1 << 20, &file);
    out.seek(SeekFrom::Start(ENTRIES_OFFSET))
        .map_err(Error::io("writing", &temporary))?;
    let mut counts = vec![0u32; BUCKETS];
    let mut entries: u64 = 0;
    let mut entries_hash = Sha256::new();
    let mut chunk = Vec::new();
    for spill in 0..SPILLS {
        let mut keys = staging.read_spill(spill)?;
        if let Some(current) = merge_with {
            let buckets = spill * BUCKETS_PER_SPILL..(spill + 1) * BUCKETS_PER_SPILL;
            keys.extend(current.keys_in(buckets)?);
        }
        keys.sort_unstable();
        keys.dedup();
        entries += keys.len() as u64;
        if entries > MAX_ENTRIES {
            return Err(Error::TooManyEntries(entries));
        }
        chunk.clear();
        for key in keys {
            if let Some(count) = counts.get_mut((key >> SUFFIX_BITS) as usize) {
                *count += 1;
            }
            chunk.extend_from_slice(&format::write_entry(key));
        }
        entries_hash.update(&chunk);
        out.write_all(&chunk)
            .map_err(Error::io("writing", &temporary))?;
        let report = Progress {
            phase: Phase::Merging { done: spill + 1 },
            bytes: manifest.consumed_bytes,
            total_bytes,
            counts: manifest.counts,
            checkpointed_lines: manifest.counts.lines,
        };
        if progress(&report).is_break() {
            return Err(Error::Interrupted);
        }
    }
    out.flush().map_err(Error::io("writing", &temporary))?;
    drop(out);
    let mut table = Vec::with_capacity(BUCKETS + 1);
    let mut start = 0u32;
    table.push(start);
    for count in &counts {
        start += count;
        table.push(start);
    }
    let max_bucket = counts.iter().copied().max().unwrap_or(0);
    let table = format::encode_table(&table);
    let header = Header {
        entries,
        max_bucket,
        padded_lines: format::padded_lines(max_bucket),
        padding_key,
        digest: store::content_digest(&table, entries_hash),
    };
    file.write_all_at(&table, HEADER_BYTES as u64)
        .and_then(|()| file.write_all_at(&header.encode(), 0))
        .and_then(|()| file.sync_all())
        .map_err(Error::io("writing", &temporary))?;
    drop(file);
    fs::rename(&temporary, store_path).map_err(Error::io("renaming", &temporary))?;
    if let Some(parent) = store_path.parent().filter(|p| !p.as_os_str().is_empty()) {
        crate::staging::sync_dir(parent)?;
    }
    Ok(Merged {
        header,
        entries_before: merge_with.map_or(0, BreachStore::len),
    })
}
