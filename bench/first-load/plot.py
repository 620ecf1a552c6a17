"""Draws bench/first-load/first-load.png: the bytes each page and library makes a browser
fetch, and the time until a page is usable, from the figures recorded in BENCHMARKS.md
("The browser's first load", measured 2026-12-01 with the commands given there).

    python3 -m venv /tmp/plot && /tmp/plot/bin/pip install matplotlib
    /tmp/plot/bin/python bench/first-load/plot.py

The figures are written out below rather than measured here: this only draws them.
"""

import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))

# KB on the wire, brotli (what a browser fetches), as (label, [(part, KB), ...]).
BYTES = [
    ("zxcvbn 4.4.2 (dist/zxcvbn.js)", [("script", 358.1)]),
    ("passguard npm, web build", [("wasm + glue", 402.2)]),
    ("/login before (app took the form over)", [("app wasm + glue", 734.0)]),
    ("/login now (server page, forms.js)", [("HTML + CSS + JS", 7.8)]),
    ("account page, words inside the wasm", [("app wasm", 713.4), ("glue", 7.6)]),
    ("account page now", [("app wasm", 443.6), ("glue", 7.7), ("words asset, after", 272.9)]),
]

# ms until usable at 10 Mbit/s + 40 ms RTT, cache cold, Chromium 156.
TIMES = [
    ("/login, app-rendered (issue's figure)", 1070),
    ("/login, server form + app takeover", 167),
    ("/login now", 149),
    ("sign-in → account, app loaded on /login", 236),
    ("sign-in → account, words inside the wasm", 1418),
    ("sign-in → account now", 927),
]

COLOURS = {
    "script": "#8a8f98",
    "wasm + glue": "#0b57d0",
    "app wasm + glue": "#b3261e",
    "HTML + CSS + JS": "#146c2e",
    "app wasm": "#0b57d0",
    "glue": "#7cacf8",
    "words asset, after": "#f2b705",
}


def main():
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 9.5), gridspec_kw={"height_ratios": [6, 6]})
    labels = [label for label, _ in BYTES]
    seen = set()
    for row, (_, parts) in enumerate(BYTES):
        left = 0.0
        for part, kb in parts:
            top.barh(row, kb, left=left, color=COLOURS[part], label=None if part in seen else part)
            seen.add(part)
            left += kb
        top.text(left + 8, row, f"{left:,.1f} KB", va="center", fontsize=9)
    top.set_yticks(range(len(labels)), labels, fontsize=9)
    top.invert_yaxis()
    top.set_xlabel("KB a browser fetches (brotli)")
    top.set_xlim(0, 1000)
    top.axvline(150, color="#444", linestyle=":", linewidth=1)
    top.text(152, len(labels) - 0.45, "goal for /login: 150 KB", fontsize=8, color="#444")
    top.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.45, -0.16), ncol=4, frameon=False)
    top.set_title("Bytes per page and per library", fontsize=11)

    names = [name for name, _ in TIMES]
    values = [ms for _, ms in TIMES]
    colours = ["#b3261e", "#8a8f98", "#146c2e", "#8a8f98", "#b3261e", "#0b57d0"]
    bottom.barh(range(len(names)), values, color=colours)
    for row, ms in enumerate(values):
        bottom.text(ms + 15, row, f"{ms:,} ms", va="center", fontsize=9)
    bottom.set_yticks(range(len(names)), names, fontsize=9)
    bottom.invert_yaxis()
    bottom.set_xlim(0, 1700)
    bottom.axvline(300, color="#444", linestyle=":", linewidth=1)
    bottom.text(305, len(names) - 0.45, "goal for /login: 300 ms", fontsize=8, color="#444")
    bottom.set_xlabel("ms until usable, 10 Mbit/s + 40 ms RTT, cache cold (Chromium 156)")
    bottom.set_title("Time to a usable page", fontsize=11)

    fig.tight_layout()
    out = os.path.join(HERE, "first-load.png")
    fig.savefig(out, dpi=110)
    print(out)


if __name__ == "__main__":
    main()
