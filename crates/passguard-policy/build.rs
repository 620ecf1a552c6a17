//! Turns the presets' TOML (`presets/*.toml`, comments and all, what `passguard policy show`
//! prints) into JSON in `OUT_DIR`, so that `Policy::preset` reads them with the JSON reader
//! every build has, and the browser builds carry no TOML parser.

use std::{env, fs, path::Path};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = env::var("OUT_DIR")?;
    for name in [
        "security-admin",
        "partner-portal",
        "nist-800-63b",
        "owasp-asvs",
    ] {
        let source = format!("presets/{name}.toml");
        println!("cargo::rerun-if-changed={source}");
        let table: toml::Table = toml::from_str(&fs::read_to_string(&source)?)?;
        fs::write(
            Path::new(&out).join(format!("{name}.json")),
            serde_json::to_string(&table)?,
        )?;
    }
    Ok(())
}
