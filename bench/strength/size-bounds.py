#!/usr/bin/env python3
"""How small can zxcvbn's whole word lists get? Lower bounds for the estimator's data.

The issue's size goal (engine with dictionaries <= 180 KB brotli, at equal dictionary
coverage) needs the words and their ranks to fit in well under 180 KB. This script measures
what general-purpose compressors make of the words (sorted and front-coded, the layout that
compresses best; in zxcvbn's rank order for comparison) and the entropy of the per-word rank
codes at several quantisations, so the gap is a measurement, not a guess.

    pip install brotli pyppmd zstandard
    python3 bench/strength/size-bounds.py [--tarball zxcvbn-4.4.2.tgz]

It reads the lists through crates/passguard-strength/data/build.py (same parsing, same
integrity check).
"""

import argparse
import io
import lzma
import math
import os
import sys
import tarfile
import tempfile
from collections import Counter, defaultdict

import brotli
import pyppmd
import zstandard

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "../../crates/passguard-strength/data"))
import build  # noqa: E402


def kib(n):
    return f"{n / 1000:.1f} KB"


def front_coded(words):
    out, previous = bytearray(), ""
    for word in words:
        shared = build.lcp(previous, word)
        out += bytes([0x80 | shared]) + word[shared:].encode()
        previous = word
    return bytes(out)


def compressed_sizes(data):
    return {
        "brotli 11": len(brotli.compress(data, quality=11, lgwin=24)),
        "xz -9e": len(lzma.compress(data, preset=9 | lzma.PRESET_EXTREME)),
        "zstd 22": len(zstandard.ZstdCompressor(level=22).compress(data)),
        **{
            f"PPMd order {order}": len(pyppmd.compress(data, max_order=order, mem_size=256 << 20))
            for order in (4, 6, 16)
        },
    }


def entropy_bytes(groups):
    """Sum over groups of n * H(codes in the group), in bytes."""
    total = 0.0
    for counts in groups.values():
        n = sum(counts.values())
        total += sum(-c * math.log2(c / n) for c in counts.values())
    return total / 8


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tarball", help="a local copy of the zxcvbn 4.4.2 npm tarball")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        path = args.tarball or build.fetch_tarball(scratch)
        with open(path, "rb") as f:
            data = f.read()
    build.verify(data)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        lists = build.parse_frequency_lists(build.read_member(tar, "lib/frequency_lists.js"))

    code_of, _ = build.quantise(lists)
    words = sorted(code_of)
    print(f"{len(words)} words, {sum(map(len, words))} characters\n")
    print("| words | " + " | ".join(compressed_sizes(b"x")) + " |")
    print("|---" * 7 + "|")
    layouts = {
        "sorted, front-coded": front_coded(words),
        "sorted, one per line": "\n".join(words).encode(),
        "zxcvbn's rank order, one per line": "\n".join(w for ws in lists.values() for w in ws).encode(),
    }
    for name, layout in layouts.items():
        sizes = compressed_sizes(layout)
        print(f"| {name} | " + " | ".join(kib(s) for s in sizes.values()) + " |")

    print("\n| rank codes (list and log-rank bucket), entropy | bytes |")
    print("|---|---|")
    by_word = defaultdict(Counter)
    for word in words:
        by_word[(any(c.isdigit() for c in word), word.isalpha(), min(len(word), 12))][code_of[word]] += 1
    print(f"| 10 buckets a decade (committed), order 0 | {kib(entropy_bytes({0: Counter(code_of.values())}))} |")
    print(f"| 10 buckets a decade, given digits, letters-only and length | {kib(entropy_bytes(by_word))} |")
    for per_decade in (5, 2, 1):
        counts = Counter()
        for name, ranked in lists.items():
            for rank, _ in enumerate(ranked, start=1):
                bucket = 0
                while rank ** per_decade > 10 ** bucket:
                    bucket += 1
                counts[(build.CLASSES[name], bucket)] += 1
        print(f"| {per_decade} bucket(s) a decade (ranks within x{10 ** (0.5 / per_decade):.2f}), order 0 | {kib(entropy_bytes({0: counts}))} |")


if __name__ == "__main__":
    main()
