#!/usr/bin/env python3
"""Builds the compact dictionaries that passguard-strength embeds with include_bytes!.

Reproducible: it fetches the zxcvbn 4.4.2 tarball with `npm pack` (or takes one given with
--tarball), checks the registry's published sha512 integrity, and converts the frequency lists
and keyboard adjacency graphs into `dictionary.bin` and `keyboards.bin` beside this script.
Running it twice gives byte-identical files. Only the Python standard library is used.

    python3 crates/passguard-strength/data/build.py            # fetch with npm, convert
    python3 crates/passguard-strength/data/build.py --tarball zxcvbn-4.4.2.tgz
    python3 crates/passguard-strength/data/build.py --check    # fail if the files differ

The formats are described in README.md beside this script and decoded by src/dictionary.rs
and src/keyboard.rs.
"""

import argparse
import base64
import hashlib
import io
import json
import math
import os
import re
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "zxcvbn@4.4.2"
# `npm view zxcvbn@4.4.2 dist.integrity`
INTEGRITY = "sha512-Bq0B+ixT/DMyG8kgX2xWcI5jUvCwqrMxSFam7m0lAf78nf04hv6lNCsyLYdyYTrCVMqNDY/206K7eExYCeSyUQ=="

HERE = os.path.dirname(os.path.abspath(__file__))

# Which feedback class each zxcvbn list belongs to; zxcvbn treats the three name lists alike.
CLASSES = {
    "passwords": 0,
    "english_wikipedia": 1,
    "female_names": 2,
    "male_names": 2,
    "surnames": 2,
    "us_tv_and_film": 3,
}
CLASS_COUNT = 4
# Ranks are quantised on a log scale: bucket b holds ranks in (10^((b-1)/K), 10^(b/K)], so
# decades (10, 100, 1000, ...) stay bucket edges and zxcvbn's "top-10"/"top-100" warnings
# keep their meaning. K = 10 keeps every rank within a factor 10^(1/20) (about 12 %) of its
# true value; measured against zxcvbn 4.4.2 on leaked passwords this changes < 0.2 % of
# scores while storing one byte per word.
RANKS_PER_DECADE = 10
BUCKETS_PER_CLASS = 64
# Words shorter than this live in a small separate table; longer ones are indexed at run
# time by their first PREFIX characters, within groups by their first GROUP_PREFIX.
PREFIX = 3
GROUP_PREFIX = 2

ZXCVBN_GRAPHS = ["qwerty", "dvorak", "keypad", "mac_keypad"]
GRAPHS = ZXCVBN_GRAPHS + ["azerty", "qwertz"]
GRAPH_SLOTS = 8
# Records are indexed by code point: ASCII and Latin-1 (the French and German keys).
GRAPH_KEYS = 256

# Typing keyboards as rows of keys, each key its unshifted then its shifted character, with
# the column of the row's first key. Key (x, y) lies below the gap between keys x and x + 1 of
# the row above, as in zxcvbn's slanted layouts. zxcvbn 4.4.2 ships qwerty and dvorak only; the
# French (AZERTY) and German (QWERTZ, T1) layouts are ours, drawn the same way, and the two
# of zxcvbn's are drawn here too so that the build checks the drawing against its graphs.
LAYOUTS = {
    "qwerty": [
        (0, "`~ 1! 2@ 3# 4$ 5% 6^ 7& 8* 9( 0) -_ =+"),
        (1, "qQ wW eE rR tT yY uU iI oO pP [{ ]} \\|"),
        (1, "aA sS dD fF gG hH jJ kK lL ;: '\""),
        (1, "zZ xX cC vV bB nN mM ,< .> /?"),
    ],
    "dvorak": [
        (0, "`~ 1! 2@ 3# 4$ 5% 6^ 7& 8* 9( 0) [{ ]}"),
        (1, "'\" ,< .> pP yY fF gG cC rR lL /? =+ \\|"),
        (1, "aA oO eE uU iI dD hH tT nN sS -_"),
        (1, ";: qQ jJ kK xX bB mM wW vV zZ"),
    ],
    "azerty": [
        (0, "\u00b2 &1 \u00e92 \"3 '4 (5 -6 \u00e87 _8 \u00e79 \u00e00 )\u00b0 =+"),
        (1, "aA zZ eE rR tT yY uU iI oO pP ^\u00a8 $\u00a3"),
        (1, "qQ sS dD fF gG hH jJ kK lL mM \u00f9% *\u00b5"),
        (0, "<> wW xX cC vV bB nN ,? ;. :/ !\u00a7"),
    ],
    "qwertz": [
        (0, "^\u00b0 1! 2\" 3\u00a7 4$ 5% 6& 7/ 8( 9) 0= \u00df? \u00b4`"),
        (1, "qQ wW eE rR tT zZ uU iI oO pP \u00fc\u00dc +*"),
        (1, "aA sS dD fF gG hH jJ kK lL \u00f6\u00d6 \u00e4\u00c4 #'"),
        (0, "<> yY xX cC vV bB nN mM ,; .: -_"),
    ],
}


def fetch_tarball(destination):
    out = subprocess.run(
        ["npm", "pack", PACKAGE, "--pack-destination", destination, "--silent"],
        check=True, capture_output=True, text=True,
    ).stdout.strip().splitlines()[-1]
    return os.path.join(destination, out)


def verify(data):
    algorithm, expected = INTEGRITY.split("-", 1)
    actual = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if actual != expected:
        sys.exit(f"integrity mismatch for {PACKAGE}: got {algorithm}-{actual}")


def read_member(tar, name):
    member = tar.extractfile(f"package/{name}")
    if member is None:
        sys.exit(f"{name} missing from the {PACKAGE} tarball")
    return member.read().decode("utf-8")


def parse_frequency_lists(source):
    lists = dict(re.findall(r'^  ([a-z_]+): "([^"]*)"\.split\(","\)', source, re.M))
    if set(lists) != set(CLASSES):
        sys.exit(f"unexpected frequency lists: {sorted(lists)}")
    return {name: words.split(",") for name, words in lists.items()}


def parse_graphs(source):
    body = source[source.index("{"):source.rindex("}") + 1]
    body = re.sub(r"^  ([a-z_]+):", r'  "\1":', body, flags=re.M)
    graphs = json.loads(body)
    if list(graphs) != ZXCVBN_GRAPHS:
        sys.exit(f"unexpected graphs: {list(graphs)}")
    for name in ("qwerty", "dvorak"):
        if draw_layout(LAYOUTS[name]) != graphs[name]:
            sys.exit(f"the drawing of {name} differs from zxcvbn's graph")
    graphs["azerty"] = draw_layout(LAYOUTS["azerty"])
    graphs["qwertz"] = draw_layout(LAYOUTS["qwertz"])
    return graphs


def draw_layout(rows):
    """zxcvbn's adjacency graph of a slanted keyboard: every character maps to the keys to
    its left, above, above right, right, below and below left (None where there is none)."""
    keys = {}
    for y, (first, row) in enumerate(rows):
        for x, key in enumerate(row.split(), start=first):
            keys[(x, y)] = key
    graph = {}
    for (x, y), key in keys.items():
        around = [(x - 1, y), (x, y - 1), (x + 1, y - 1), (x + 1, y), (x, y + 1), (x - 1, y + 1)]
        for char in key:
            if char in graph:
                sys.exit(f"{char!r} is on two keys")
            graph[char] = [keys.get(at) for at in around]
    return graph


def bucket_of(rank):
    """Smallest b with rank <= 10^(b/K), in exact integer arithmetic."""
    b = 0
    while rank ** RANKS_PER_DECADE > 10 ** b:
        b += 1
    return b


def quantise(lists):
    """Maps every word to (class, bucket) and every code to a representative rank."""
    code_of = {}
    members = {}
    for name, words in lists.items():
        klass = CLASSES[name]
        for rank, word in enumerate(words, start=1):
            if word in code_of:
                sys.exit(f"{word!r} is in two lists; the format stores one rank per word")
            bucket = bucket_of(rank)
            if bucket >= BUCKETS_PER_CLASS:
                sys.exit(f"rank {rank} needs bucket {bucket}")
            code = klass * BUCKETS_PER_CLASS + bucket
            code_of[word] = code
            members.setdefault(code, []).append(rank)
    representative = [0] * (CLASS_COUNT * BUCKETS_PER_CLASS)
    for code, ranks in members.items():
        # The geometric middle of the bucket's actual ranks.
        representative[code] = max(1, round(math.sqrt(min(ranks) * max(ranks))))
    return code_of, representative


def lcp(a, b):
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def build_dictionary(lists):
    code_of, representative = quantise(lists)
    words = sorted(code_of)
    for word in words:
        if not word.isascii() or any(ord(c) < 0x21 or ord(c) > 0x7E for c in word):
            sys.exit(f"{word!r} is not printable ASCII")
    charset = sorted(set("".join(words)))
    if len(charset) > 64:
        sys.exit("the run-time index keeps one 64-bit set per prefix: too many characters")
    short = [w for w in words if len(w) < PREFIX]
    long_words = [w for w in words if len(w) >= PREFIX]

    out = bytearray(b"PGSD")
    out += bytes([2, RANKS_PER_DECADE, CLASS_COUNT, BUCKETS_PER_CLASS, PREFIX, len(charset)])
    out += "".join(charset).encode()
    for rank in representative:
        out += rank.to_bytes(2, "little")
    out += bytes([len(short)])
    for word in short:
        out += bytes([len(word)]) + word.encode() + bytes([code_of[word]])
    stream = bytearray()
    previous = ""
    # Groups: the words sharing their first two characters, in order, with their word count
    # and byte length, so that a lookup finds a group without scanning the stream.
    groups = []
    for word in long_words:
        shared = lcp(previous, word)
        entry = bytes([0x80 | shared]) + word[shared:].encode()
        if not groups or groups[-1][0] != word[:GROUP_PREFIX]:
            groups.append([word[:GROUP_PREFIX], 0, 0])
        groups[-1][1] += 1
        groups[-1][2] += len(entry)
        stream += entry
        previous = word
    out += bytes([max(len(w) for w in words)])
    out += len(groups).to_bytes(2, "little")
    out += b"".join(key.encode() for key, _, _ in groups)
    out += b"".join(varint(count) for _, count, _ in groups)
    out += b"".join(varint(size) for _, _, size in groups)
    out += len(long_words).to_bytes(4, "little") + len(stream).to_bytes(4, "little")
    out += bytes(code_of[w] for w in long_words)
    out += stream
    return bytes(out), len(words)


def varint(n):
    """LEB128: seven bits a byte, low bits first, the high bit set on all but the last."""
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def build_keyboards(graphs):
    out = bytearray(b"PGSK")
    out += bytes([2, len(GRAPHS)])
    for name in GRAPHS:
        slots = {len(neighbours) for neighbours in graphs[name].values()}
        if len(slots) != 1 or max(slots) > GRAPH_SLOTS:
            sys.exit(f"{name}: irregular neighbour lists")
        out += bytes([slots.pop()])
    for name in GRAPHS:
        # Characters typed with shift: the second of their key (keypads have none).
        shifted = {key[1] for _, row in LAYOUTS.get(name, []) for key in row.split() if len(key) == 2}
        table = bytearray(GRAPH_KEYS * (1 + 2 * GRAPH_SLOTS))
        for key, neighbours in graphs[name].items():
            if ord(key) >= GRAPH_KEYS:
                sys.exit(f"{name}: {key!r} is outside Latin-1")
            at = ord(key) * (1 + 2 * GRAPH_SLOTS)
            table[at] = 2 if key in shifted else 1
            for slot, neighbour in enumerate(neighbours):
                if neighbour is None:
                    continue
                if not 1 <= len(neighbour) <= 2 or any(ord(c) >= GRAPH_KEYS for c in neighbour):
                    sys.exit(f"{name}: unexpected neighbour {neighbour!r}")
                table[at + 1 + 2 * slot] = ord(neighbour[0])
                if len(neighbour) == 2:
                    table[at + 2 + 2 * slot] = ord(neighbour[1])
        out += table
    return bytes(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tarball", help="a local copy of the zxcvbn 4.4.2 npm tarball")
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument(
        "--max-rank", action="append", default=[], metavar="LIST=N",
        help="keep only the N first words of a list (to measure smaller data; the committed "
        "files keep every list whole)",
    )
    parser.add_argument("--out", default=HERE, help="where to write (default: beside this script)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        path = args.tarball or fetch_tarball(scratch)
        with open(path, "rb") as f:
            data = f.read()
    verify(data)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        lists = parse_frequency_lists(read_member(tar, "lib/frequency_lists.js"))
        graphs = parse_graphs(read_member(tar, "lib/adjacency_graphs.js"))
    for limit in args.max_rank:
        name, _, count = limit.partition("=")
        if name not in lists or not count.isdigit():
            sys.exit(f"--max-rank {limit}: expected LIST=N with LIST one of {sorted(lists)}")
        lists[name] = lists[name][: int(count)]

    dictionary, count = build_dictionary(lists)
    outputs = {"dictionary.bin": dictionary, "keyboards.bin": build_keyboards(graphs)}
    stale = []
    for name, content in outputs.items():
        target = os.path.join(args.out, name)
        if args.check:
            with open(target, "rb") as f:
                if f.read() != content:
                    stale.append(name)
        else:
            with open(target, "wb") as f:
                f.write(content)
        print(f"{name}: {len(content)} bytes")
    print(f"{count} words in {len(lists)} lists")
    if stale:
        sys.exit(f"out of date: {', '.join(stale)} (run build.py)")


if __name__ == "__main__":
    main()
