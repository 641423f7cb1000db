#!/usr/bin/env bash
# Benchmark the kiosk on the demo site and print a table of medians.
#   bench/run.sh [RUNS]      (default 15 runs; builds build-bench/ in Release mode)
# Measured inside the real binary (`lotse --headless --bench`) and around it:
#   start -> first frame: from just before exec to the first SDL_RenderPresent
#   peak RSS: getrusage(RUSAGE_SELF).ru_maxrss at the end of the run
#   layout / render: one full layout of the home screen, one full redraw with warm
#   caches, and one with every cached texture dropped (cold)
#   language switch: the slowest of switching the home screen to ar, ti, uk, fa, tr, de,
#   the first time (a new script's font is read) and again (fonts loaded); the peak
#   RSS is taken after this, with the Latin, Arabic and Ethiopic fonts all loaded
#   "Yes, send" to confirmation: a contact request sealed, committed to SQLite
#   (WAL, synchronous=FULL: durable) and the confirmation drawn (demo worker key)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
scripts/deps.sh --test
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DLOTSE_TESTS=OFF >/dev/null
cmake --build build-bench -j"$(nproc)" >/dev/null
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
python3 - "$runs" "$data" <<'PY'
import json, os, statistics, subprocess, sys, time
runs, data = int(sys.argv[1]), sys.argv[2]
env = dict(os.environ, SDL_VIDEODRIVER="offscreen", LOTSE_NO_SYSTEM_CONFIG="1")
cmd = ["./build-bench/lotse", "--headless", "--bench", "--site", "assets/demo-site",
       "--locales", "locales", "--data", data, "--now", "2026-03-10T08:55",
       "--config", "assets/demo-keys/demo.conf"]
rows = []
for i in range(runs + 1):
    t0 = time.monotonic_ns() / 1e6
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
    r = json.loads(out.strip().splitlines()[-1])
    r["start_to_first_frame_ms"] = r["first_frame_at_ms"] - t0
    if i:  # the first run warms the page cache
        rows.append(r)
def med(k): return statistics.median(r[k] for r in rows)
table = [
    ("start to first frame", med("start_to_first_frame_ms"), "ms", "<= 60 ms"),
    ("  of which in main()", med("main_to_first_frame_ms"), "ms", ""),
    ("peak RSS", med("peak_rss_kb") / 1024, "MB", "<= 40 MB"),
    ("layout of the home screen", med("layout_ms"), "ms", ""),
    ("full-frame render, warm caches", med("render_warm_ms"), "ms", ""),
    ("full-frame render, cold caches", med("render_cold_ms"), "ms", ""),
    ("\"Yes, send\" to confirmation", med("submit_ms"), "ms", "<= 20 ms"),
    ("language switch, new script", med("lang_switch_cold_ms"), "ms", "<= 50 ms"),
    ("language switch, fonts loaded", med("lang_switch_warm_ms"), "ms", ""),
]
print(f"lotse benchmark: demo site, 1280x800, software renderer, median of {runs} runs")
print(f"| {'measure':<32} | {'median':>9} | {'target':<9} |")
print(f"|{'-'*34}|{'-'*11}|{'-'*11}|")
for name, v, unit, target in table:
    print(f"| {name:<32} | {v:>6.2f} {unit:<2} | {target:<9} |")
PY
