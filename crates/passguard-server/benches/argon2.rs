//! The cost of one Argon2id verification with the server's default (OWASP) parameters: the
//! ceiling for `POST /api/login` is the number of cores divided by this time.

#![allow(missing_docs, clippy::unwrap_used)]

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use criterion::{Criterion, criterion_group, criterion_main};
use passguard_server::config::HashSettings;

fn verify(c: &mut Criterion) {
    let owasp = HashSettings::OWASP;
    let params = Params::new(owasp.memory_kib, owasp.iterations, owasp.parallelism, None).unwrap();
    let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
    let salt = SaltString::encode_b64(b"sixteen byte salt").unwrap();
    let stored = argon2
        .hash_password(b"Correct1!horse", &salt)
        .unwrap()
        .to_string();
    let stored = PasswordHash::new(&stored).unwrap();
    c.bench_function("argon2id verify m=19456 t=2 p=1", |b| {
        b.iter(|| argon2.verify_password(b"Correct1!horse", &stored).is_ok());
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = verify
}
criterion_main!(benches);
