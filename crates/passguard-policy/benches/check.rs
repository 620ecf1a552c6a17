//! Evaluation time per preset on a typical password and on 4 096- and 1 MiB-character inputs.
//! Run: `cargo bench -p passguard-policy --bench check`.

#![allow(missing_docs, clippy::unwrap_used)]

// Benchmarks are native; under wasm32 this target is an empty program so that
// `cargo clippy --target wasm32-unknown-unknown --all-targets` covers everything else.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{BenchmarkId, Criterion, criterion_group};
    use passguard_policy::{Context, PRESET_NAMES, Policy};

    fn inputs() -> Vec<(&'static str, String)> {
        vec![
            ("typical", "Tr0ub4dor&3x".to_owned()),
            ("unicode-12", "Ünïcødé😀pä1!".to_owned()),
            ("4096", "Aa1!é😀".repeat(683).chars().take(4096).collect()),
            ("1MiB", "Aa1!".repeat(256 * 1024)),
        ]
    }

    fn check(c: &mut Criterion) {
        let context = Context {
            username: Some("alice".to_owned()),
            current_password: Some("Old-passw0rd".to_owned()),
            password_changed_at: Some(1_700_000_000),
            now: Some(1_700_500_000),
            ..Context::default()
        };
        let mut group = c.benchmark_group("check");
        for name in PRESET_NAMES {
            let policy = Policy::preset(name).unwrap();
            for (label, password) in inputs() {
                group.bench_with_input(BenchmarkId::new(name, label), &password, |b, password| {
                    b.iter(|| policy.check(std::hint::black_box(password), &context));
                });
            }
        }
        group.finish();
    }

    criterion_group!(benches, check);
}
