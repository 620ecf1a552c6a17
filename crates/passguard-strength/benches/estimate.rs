//! Estimate time on typical passwords, on the inputs known to freeze zxcvbn (at 4 096
//! characters, the estimator's cap, and at 1 024 to show linear growth), on a 1 MiB input,
//! and for `is_common` and `personal_match`.
//! Run: `cargo bench -p passguard-strength --bench estimate`.

#![allow(missing_docs)]

// Benchmarks are native; under wasm32 this target is an empty program so that
// `cargo clippy --target wasm32-unknown-unknown --all-targets` covers everything else.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;

    use criterion::{BenchmarkId, Criterion, criterion_group};
    use passguard_strength::{estimate, is_common, personal_match};

    const BASE64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// The known worst cases of zxcvbn (issue 3) and a few more periodic inputs, `n` chars.
    fn killers(n: usize) -> Vec<(&'static str, String)> {
        let repeat = |unit: &str| unit.chars().cycle().take(n).collect::<String>();
        // A fixed linear congruential sequence: a reproducible "random" blob.
        let mut state = 4096u64;
        let base64: String = (0..n)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                char::from(BASE64.get((state >> 58) as usize).copied().unwrap_or(b'A'))
            })
            .collect();
        vec![
            ("one-character", repeat("a")),
            ("l33t-soup", repeat("4@8({[</369&#!1/|0$5+7%2/")),
            (
                "ascii-symbols",
                repeat("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"),
            ),
            ("base64", base64),
            ("digits", repeat("0123456789")),
            ("keyboard-walk", repeat("qwertyuiop")),
            ("word", repeat("password")),
        ]
    }

    fn typical(c: &mut Criterion) {
        let mut group = c.benchmark_group("estimate");
        for password in [
            "password",
            "Tr0ub4dor&3",
            "correct horse battery staple",
            "jsmith1987!",
        ] {
            group.bench_with_input(BenchmarkId::new("typical", password), password, |b, p| {
                b.iter(|| estimate(black_box(p), &["jsmith", "john.smith@example.com"]));
            });
        }
        group.finish();
    }

    fn worst_cases(c: &mut Criterion) {
        let mut group = c.benchmark_group("worst-case");
        for n in [1024, 4096] {
            for (name, password) in killers(n) {
                group.bench_with_input(BenchmarkId::new(name, n), &password, |b, p| {
                    b.iter(|| estimate(black_box(p), &[]));
                });
            }
        }
        let huge = "Aa1!".repeat(256 * 1024);
        group.bench_function("1MiB", |b| b.iter(|| estimate(black_box(&huge), &[])));
        group.finish();
    }

    fn rules(c: &mut Criterion) {
        let mut group = c.benchmark_group("rules");
        group.bench_function("is_common", |b| {
            b.iter(|| is_common(black_box("Sunshine1")))
        });
        let long = "a".repeat(4096);
        group.bench_function("personal_match/4096", |b| {
            b.iter(|| personal_match(black_box(&long), &["aaaab", "john.smith", "smith"]));
        });
        group.finish();
    }

    criterion_group!(benches, typical, worst_cases, rules);
}
