//! The server's error messages and e-mails.

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[];
