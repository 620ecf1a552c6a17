//! `passguard policy audit`: the standards findings of a policy, as text or JSON.

use std::process::ExitCode;

use clap::Args;
use passguard_policy::{AuditOptions, AuditReport, Locale, Standard};

use crate::{UsageError, policy_source};

#[derive(Debug, Args)]
pub(crate) struct AuditArgs {
    /// A preset name or a policy file (TOML or JSON).
    policy: String,
    /// The OWASP ASVS level the application targets: its requirements up to this level are SHALL.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=3))]
    asvs_level: u8,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
    /// The language of the explanations: en, de or fr.
    #[arg(long, default_value = "en", value_parser = crate::parse_locale)]
    locale: Locale,
    /// An organization's policy overlay file: audit the policy it makes of POLICY (exit 2
    /// naming a field that would loosen POLICY).
    #[arg(long)]
    overlay: Option<std::path::PathBuf>,
}

pub(crate) fn run(args: &AuditArgs) -> Result<ExitCode, UsageError> {
    let mut policy = policy_source::load(&args.policy)?;
    if let Some(path) = &args.overlay {
        let overlay = policy_source::load_overlay(path)?;
        policy = policy
            .tightened_by(&overlay)
            .map_err(|e| UsageError(format!("policy overlay {}: {e}", path.display())))?;
    }
    let report = AuditReport::new(
        &policy,
        AuditOptions {
            asvs_level: args.asvs_level,
            locale: args.locale,
        },
    );
    let (findings, conforms) = (&report.findings, report.conforms);
    if args.json {
        let json = serde_json::to_string(&report).map_err(|e| UsageError(e.to_string()))?;
        crate::print(&format!("{json}\n"))?;
    } else {
        let mut text = String::new();
        let count = |standard| findings.iter().filter(|f| f.standard == standard).count();
        let mandatory = report.mandatory();
        text.push_str(&format!(
            "{}: {} NIST SP 800-63B-4 and {} OWASP ASVS 5.0 (level {}) findings, {mandatory} of them SHALL-level\n",
            policy.name,
            count(Standard::Nist),
            count(Standard::Asvs),
            args.asvs_level
        ));
        for finding in findings {
            let standard = match finding.standard {
                Standard::Nist => "NIST SP 800-63B-4",
                Standard::Asvs => "OWASP ASVS 5.0",
            };
            text.push_str(&format!(
                "\n{:<9}  {standard} {}  [{}]  {}\n           {}\n",
                finding.level.keyword(),
                finding.clause,
                finding.id,
                finding.field,
                finding.explanation
            ));
        }
        crate::print(&text)?;
    }
    Ok(if conforms {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
