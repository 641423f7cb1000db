#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# systemd's side of the kiosk (board/lotse.service: Type=notify, WatchdogSec=): the real
# binary, in its real main loop, tells a notify socket READY=1 once the first frame is
# shown, then WATCHDOG=1 at least every half watchdog interval while it idles (a hung
# loop would stop them and systemd would restart it), and STOPPING=1 on SIGTERM. Without
# a watchdog it sends no heartbeats and still wakes only when something is due.
#   test_watchdog.sh LOTSE SOURCE_DIR OUT_DIR
set -euo pipefail
lotse=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"

python3 - "$lotse" "$src" "$out" <<'PY'
import os, signal, socket, subprocess, sys, time
lotse, src, out = sys.argv[1:4]

def run(watchdog_usec, seconds):
    path = os.path.join(out, "notify.sock")
    if os.path.exists(path):
        os.unlink(path)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.settimeout(0.2)
    env = dict(os.environ, NOTIFY_SOCKET=path)
    env.pop("WATCHDOG_PID", None)
    env.pop("WATCHDOG_USEC", None)
    if watchdog_usec:
        env["WATCHDOG_USEC"] = str(watchdog_usec)
    log = open(os.path.join(out, "lotse-%d.log" % watchdog_usec), "w")
    p = subprocess.Popen([lotse, "--windowed", "--size", "640x400", "--site",
                          os.path.join(src, "assets/demo-site"), "--locales",
                          os.path.join(src, "locales"), "--data", os.path.join(out, "data"),
                          "--greeting-rotation", "0"], env=env, stderr=log)
    msgs = []  # (seconds since start, message)
    t0 = time.monotonic()
    stop_at = None
    while True:
        now = time.monotonic() - t0
        if stop_at is None and any(m == "READY=1" for _, m in msgs) and \
                now > msgs[[m for _, m in msgs].index("READY=1")][0] + seconds:
            p.send_signal(signal.SIGTERM)
            stop_at = now
        if stop_at is not None and p.poll() is not None:
            break
        if now > 120:
            p.kill()
            sys.exit("FAIL: no READY=1 within 120 s, or the kiosk did not stop on SIGTERM")
        try:
            data = sock.recv(4096).decode()
            for line in data.split("\n"):
                if line:
                    msgs.append((time.monotonic() - t0, line))
        except socket.timeout:
            pass
    # Drain what arrived just before the exit.
    try:
        while True:
            data = sock.recv(4096).decode()
            msgs += [(time.monotonic() - t0, l) for l in data.split("\n") if l]
    except (socket.timeout, BlockingIOError):
        pass
    sock.close()
    log.close()
    if p.returncode != 0:
        sys.exit("FAIL: the kiosk exited with %d" % p.returncode)
    return msgs

# With a watchdog of 400 ms: heartbeats at least every 200 ms while idle.
msgs = run(400000, 3.0)
names = [m for _, m in msgs]
if "READY=1" not in names:
    sys.exit("FAIL: no READY=1: %r" % names)
ready = msgs[names.index("READY=1")][0]
beats = [t for t, m in msgs if m == "WATCHDOG=1" and t > ready]
print("watchdog 400 ms: %d heartbeats in the %.1f s after READY=1" % (len(beats), 3.0))
if len(beats) < 8:
    sys.exit("FAIL: too few heartbeats (%d) for a 400 ms watchdog over 3 s" % len(beats))
gaps = [b - a for a, b in zip([ready] + beats, beats)]
if names[-1] != "STOPPING=1":
    sys.exit("FAIL: the last message is %r, not STOPPING=1" % names[-1])
if any(m.startswith("WATCHDOG=") and m != "WATCHDOG=1" for m in names):
    sys.exit("FAIL: unexpected watchdog message: %r" % names)
print("largest gap between heartbeats: %.3f s (the interval is 0.200 s)" % max(gaps))

# Without a watchdog: ready and stopping, no heartbeats.
msgs = run(0, 1.0)
names = [m for _, m in msgs]
if "READY=1" not in names or names[-1] != "STOPPING=1":
    sys.exit("FAIL: without a watchdog: %r" % names)
if "WATCHDOG=1" in names:
    sys.exit("FAIL: heartbeats although no watchdog is configured")
print("ok: READY=1, heartbeats, STOPPING=1; none without a watchdog")
PY
