//! The web pages' labels, buttons and notices.

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[];
