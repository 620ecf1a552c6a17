//! Estimates each line of standard input and prints one JSON object per line: the estimate
//! plus `is_common` and the time the estimate took. The strength benchmark harness
//! (`bench/strength`) compares these lines with zxcvbn's.
//!
//! ```text
//! cargo run --release -p passguard-strength --example estimate_lines < passwords.txt
//! ```

use std::io::{self, BufRead, Write};
use std::time::Instant;

fn main() -> io::Result<()> {
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for line in stdin.lock().lines() {
        let password = line?;
        let started = Instant::now();
        let estimate = passguard_strength::estimate(&password, &[]);
        let nanos = started.elapsed().as_nanos();
        let mut json = serde_json::to_value(&estimate).map_err(io::Error::other)?;
        if let Some(fields) = json.as_object_mut() {
            fields.insert(
                "is_common".into(),
                passguard_strength::is_common(&password).into(),
            );
            fields.insert("ns".into(), u64::try_from(nanos).unwrap_or(u64::MAX).into());
        }
        writeln!(out, "{json}")?;
    }
    out.flush()
}
