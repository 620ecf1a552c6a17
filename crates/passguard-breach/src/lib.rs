#![doc = include_str!("../README.md")]

mod error;
mod fingerprint;
pub mod format;
mod import;
mod parse;
mod staging;
mod store;

pub use error::{Error, LineError};
pub use fingerprint::{Fingerprint, Lookups};
pub use import::{
    DEFAULT_CHECKPOINT_LINES, ImportOptions, ImportSummary, Phase, Progress, Source, import,
};
pub use parse::{Format, MAX_LINE_BYTES};
pub use staging::Counts;
pub use store::{BreachStore, is_range_prefix};
