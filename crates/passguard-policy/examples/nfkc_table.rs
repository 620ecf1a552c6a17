//! Prints the engine's NFKC form of every Unicode scalar value that NFKC changes, one line
//! each, `code point (hex) TAB the form's code points (hex, space-separated)`, for
//! `bench/nfkc/compare.mjs`, which compares them with a JavaScript engine's
//! `String.prototype.normalize("NFKC")` (issue 15, item 2: the tables or the browser's).
//!
//! ```sh
//! cargo run --release -p passguard-policy --example nfkc_table > target/nfkc-engine.tsv
//! ```

use std::fmt::Write as _;
use std::io::Write as _;

fn main() {
    let mut out = String::new();
    for c in (0..=0x10_FFFF_u32).filter_map(char::from_u32) {
        let text = c.to_string();
        let form = passguard_policy::normalize(&text);
        if form != text {
            let _ = write!(out, "{:X}\t", u32::from(c));
            let hex: Vec<String> = form
                .chars()
                .map(|c| format!("{:X}", u32::from(c)))
                .collect();
            let _ = writeln!(out, "{}", hex.join(" "));
        }
    }
    let _ = std::io::stdout().write_all(out.as_bytes());
}
