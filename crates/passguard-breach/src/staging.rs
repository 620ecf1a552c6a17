//! The staging directory next to a store (`<store>.import/`): 256 spill files of raw
//! fingerprints, split by their top 8 bits, and the manifest that says how much of which
//! source they hold, rewritten atomically at each checkpoint so a killed import resumes.

use std::fs::{self, File, OpenOptions};
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::Error;

/// Spill files: one per top byte of the 60-bit key.
pub(crate) const SPILLS: usize = 256;
/// Bits below a spill's index in a key.
const SPILL_SHIFT: u32 = 52;
const MANIFEST: &str = "manifest.json";
const MANIFEST_VERSION: u32 = 1;
/// How much of a source file is hashed to recognise it.
const HEAD_BYTES: u64 = 1 << 20;
/// Each spill's write buffer.
const SPILL_BUFFER: usize = 64 * 1024;

/// What identifies a source file across runs: path, size, modification time and a hash of
/// its first MiB. Standard input has none, so it is never resumed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct SourceId {
    path: String,
    size: u64,
    mtime_ns: u128,
    head_sha256: String,
}

impl SourceId {
    pub(crate) fn of(path: &Path) -> Result<Self, Error> {
        let file = File::open(path).map_err(Error::io("opening", path))?;
        let metadata = file
            .metadata()
            .map_err(Error::io("reading the size of", path))?;
        let mtime_ns = metadata
            .modified()
            .ok()
            .and_then(|time| time.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |since| since.as_nanos());
        let mut head = Vec::new();
        file.take(HEAD_BYTES)
            .read_to_end(&mut head)
            .map_err(Error::io("reading", path))?;
        let full = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        Ok(Self {
            path: full.to_string_lossy().into_owned(),
            size: metadata.len(),
            mtime_ns,
            head_sha256: Sha256::digest(&head)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
        })
    }

    pub(crate) fn size(&self) -> u64 {
        self.size
    }
}

/// What a checkpoint records: enough to continue reading where it stopped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Manifest {
    pub(crate) version: u32,
    pub(crate) source: Option<SourceId>,
    /// The resolved format's id; `None` until the first non-empty line decided it.
    pub(crate) format: Option<String>,
    pub(crate) skip_invalid: bool,
    pub(crate) min_count: u64,
    pub(crate) consumed_bytes: u64,
    pub(crate) counts: Counts,
    pub(crate) spill_lengths: Vec<u64>,
}

/// Lines read and what became of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Lines read, blank ones included.
    pub lines: u64,
    /// Fingerprints written to the staging directory (before duplicates are merged).
    pub fingerprints: u64,
    /// Invalid HIBP lines skipped (`skip_invalid`).
    pub invalid: u64,
    /// HIBP lines skipped for a count below `min_count`.
    pub below_min_count: u64,
    /// Plaintext lines longer than [`crate::MAX_LINE_BYTES`], skipped.
    pub too_long: u64,
}

impl Manifest {
    pub(crate) fn new(source: Option<SourceId>, skip_invalid: bool, min_count: u64) -> Self {
        Self {
            version: MANIFEST_VERSION,
            source,
            format: None,
            skip_invalid,
            min_count,
            consumed_bytes: 0,
            counts: Counts::default(),
            spill_lengths: vec![0; SPILLS],
        }
    }
}

/// The staging directory of one store, held exclusively while an import runs.
#[derive(Debug)]
pub(crate) struct Staging {
    dir: PathBuf,
    /// Held for its lock, released when dropped.
    _lock: File,
}

impl Staging {
    /// Creates (or reopens) `<store>.import/` and takes its lock.
    pub(crate) fn open(store: &Path) -> Result<Self, Error> {
        let mut name = store.file_name().unwrap_or_default().to_os_string();
        name.push(".import");
        let dir = store.with_file_name(name);
        // Not `create_dir_all`: a store in a directory that does not exist is a typo.
        match fs::create_dir(&dir) {
            Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => {
                return Err(Error::io("creating", dir)(e));
            }
            _ => {}
        }
        let lock_path = dir.join("lock");
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(Error::io("creating", &lock_path))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => return Err(Error::Busy(dir)),
            Err(fs::TryLockError::Error(e)) => return Err(Error::io("locking", lock_path)(e)),
        }
        Ok(Self { dir, _lock: lock })
    }

    pub(crate) fn dir(&self) -> &Path {
        &self.dir
    }

    fn spill_path(&self, index: usize) -> PathBuf {
        self.dir.join(format!("spill-{index:02x}.bin"))
    }

    /// The manifest left by an earlier run, if it reads back and every spill is at least as
    /// long as it records. Anything else is not worth resuming from.
    pub(crate) fn manifest(&self) -> Option<Manifest> {
        let text = fs::read(self.dir.join(MANIFEST)).ok()?;
        let manifest: Manifest = serde_json::from_slice(&text).ok()?;
        let spills_intact = manifest.spill_lengths.len() == SPILLS
            && manifest
                .spill_lengths
                .iter()
                .enumerate()
                .all(|(index, &len)| {
                    fs::metadata(self.spill_path(index)).is_ok_and(|m| m.len() >= len)
                });
        (manifest.version == MANIFEST_VERSION && spills_intact).then_some(manifest)
    }

    /// Opens the spills for appending, each cut back to the length the manifest records
    /// (what was written after the last checkpoint is dropped, as it will be read again).
    pub(crate) fn spills(&self, manifest: &Manifest) -> Result<Spills, Error> {
        let mut files = Vec::with_capacity(SPILLS);
        for (index, &len) in manifest.spill_lengths.iter().enumerate() {
            let path = self.spill_path(index);
            let file = OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)
                .map_err(Error::io("creating", &path))?;
            file.set_len(len).map_err(Error::io("truncating", &path))?;
            let mut writer = BufWriter::with_capacity(SPILL_BUFFER, file);
            std::io::Seek::seek(&mut writer, std::io::SeekFrom::Start(len))
                .map_err(Error::io("seeking", &path))?;
            files.push(writer);
        }
        Ok(Spills {
            files,
            lengths: manifest.spill_lengths.clone(),
        })
    }

    /// Makes what the spills hold durable, then records it: the manifest is written to a
    /// temporary file and renamed, so a crash leaves either the old or the new one.
    pub(crate) fn checkpoint(
        &self,
        spills: &mut Spills,
        manifest: &mut Manifest,
    ) -> Result<(), Error> {
        for (index, writer) in spills.files.iter_mut().enumerate() {
            let path = self.spill_path(index);
            writer.flush().map_err(Error::io("writing", &path))?;
            writer
                .get_ref()
                .sync_data()
                .map_err(Error::io("syncing", &path))?;
        }
        manifest.spill_lengths.clone_from(&spills.lengths);
        let path = self.dir.join(MANIFEST);
        let temporary = self.dir.join("manifest.json.tmp");
        let text = serde_json::to_vec_pretty(manifest)
            .map_err(|e| Error::io("writing", &temporary)(e.into()))?;
        write_durably(&temporary, &text)?;
        fs::rename(&temporary, &path).map_err(Error::io("renaming", &temporary))?;
        sync_dir(&self.dir)
    }

    /// The fingerprints of spill `index`, as written.
    pub(crate) fn read_spill(&self, index: usize) -> Result<Vec<u64>, Error> {
        let path = self.spill_path(index);
        let bytes = fs::read(&path).map_err(Error::io("reading", &path))?;
        let keys: Vec<u64> = bytes
            .chunks_exact(8)
            .map(|chunk| u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])))
            .collect();
        if bytes.len() % 8 != 0
            || keys
                .iter()
                .any(|key| (key >> SPILL_SHIFT) as usize != index)
        {
            return Err(Error::corrupt(
                &path,
                "a staging file holds a fingerprint that does not belong there; \
                 delete the staging directory and import again",
            ));
        }
        Ok(keys)
    }

    /// Deletes every spill and the manifest, to start over.
    pub(crate) fn clear(&self) -> Result<(), Error> {
        for index in 0..SPILLS {
            remove_if_present(&self.spill_path(index))?;
        }
        remove_if_present(&self.dir.join(MANIFEST))
    }

    /// Removes the directory once its content is in the store, or when it cannot be
    /// resumed from.
    pub(crate) fn remove(self) -> Result<(), Error> {
        fs::remove_dir_all(&self.dir).map_err(Error::io("removing", &self.dir))
    }
}

/// The 256 spill files being appended to.
#[derive(Debug)]
pub(crate) struct Spills {
    files: Vec<BufWriter<File>>,
    lengths: Vec<u64>,
}

impl Spills {
    /// Writes out what the buffers hold, without syncing.
    pub(crate) fn flush(&mut self) -> std::io::Result<()> {
        self.files.iter_mut().try_for_each(Write::flush)
    }

    /// Appends a 60-bit key (8 bytes, little-endian) to the spill of its top 8 bits.
    pub(crate) fn push(&mut self, key: u64) -> std::io::Result<()> {
        let index = ((key >> SPILL_SHIFT) as usize) % SPILLS;
        if let (Some(file), Some(len)) = (self.files.get_mut(index), self.lengths.get_mut(index)) {
            file.write_all(&key.to_le_bytes())?;
            *len += 8;
        }
        Ok(())
    }
}

fn write_durably(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let mut file = File::create(path).map_err(Error::io("creating", path))?;
    file.write_all(bytes).map_err(Error::io("writing", path))?;
    file.sync_all().map_err(Error::io("syncing", path))
}

/// Makes a rename in `dir` durable.
pub(crate) fn sync_dir(dir: &Path) -> Result<(), Error> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(Error::io("syncing", dir))
}

fn remove_if_present(path: &Path) -> Result<(), Error> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io("removing", path)(e)),
        _ => Ok(()),
    }
}
