//! What the engine's integration tests share.

pub mod generator;
