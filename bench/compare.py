#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""The kiosk against a browser kiosk showing the same home screen; one table of medians.

    compare.py --lotse BUILD/lotse [--floor BUILD/lotse-floor] [--runs N]
               [--chromium /usr/bin/chromium] [--src DIR]

Called by bench/run.sh (which builds the Release binary and installs Chromium). Every
number is a median of N runs (the lotse --bench numbers of 3N runs); one warm-up run of
each kind is not counted (page cache, Chromium's profile). See bench/README.md for what
is measured and how.
"""
import argparse
import ctypes
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
NOW = "2026-03-10T08:55"
SETTLE_S = 5  # after the window is shown, before the idle window starts
IDLE_S = 10

# The flags of the issue: no GPU, no first-run UI, no background traffic or updates.
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--disable-features=Translate"]


# ---- /proc -----------------------------------------------------------------------------

def read(path):
    try:
        with open(path, encoding="ascii", errors="replace") as f:
            return f.read()
    except OSError:
        return ""


def children(pid):
    out = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for t in tasks:
        out += [int(c) for c in read(f"/proc/{pid}/task/{t}/children").split()]
    return out


def tree(roots):
    """The roots and every process below them."""
    seen, todo = set(), list(roots)
    while todo:
        p = todo.pop()
        if p in seen or not os.path.exists(f"/proc/{p}"):
            continue
        seen.add(p)
        todo += children(p)
    return seen


class Family:
    """The processes a started command made: its tree, and whatever it left running
    after its parent quit (this script is a child subreaper, so such orphans, like
    Chromium's crash handler, become our children instead of init's)."""

    def __init__(self, proc, known):
        self.proc, self.known = proc, set(known)  # known: our own other children
        self.ever = set()

    def pids(self):
        orphans = [p for p in children(os.getpid()) if p not in self.known]
        now = tree([self.proc.pid] + orphans)
        self.ever |= now
        return now

    def end(self):
        """Stop what is left of this family (only processes it started)."""
        for p in self.pids():
            try:
                os.kill(p, signal.SIGKILL)
            except OSError:
                pass
        reap()


def reap():
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def mem_kb(pids):
    """Sum of Rss and Pss (smaps_rollup) over the processes."""
    rss = pss = 0
    for p in pids:
        text = read(f"/proc/{p}/smaps_rollup")
        m = re.search(r"^Rss:\s+(\d+)", text, re.M)
        n = re.search(r"^Pss:\s+(\d+)", text, re.M)
        if m and n:
            rss += int(m.group(1))
            pss += int(n.group(1))
    return rss, pss


def cpu_ns(pids):
    """CPU time (user + system) of every thread of the processes, in nanoseconds."""
    total = 0
    for p in pids:
        try:
            tasks = os.listdir(f"/proc/{p}/task")
        except OSError:
            continue
        for t in tasks:
            f = read(f"/proc/{p}/task/{t}/schedstat").split()
            if f:
                total += int(f[0])
    return total


def subreaper():
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except OSError:
        pass


# ---- runs ------------------------------------------------------------------------------

def run_timed(cmd, png, env):
    """Start to the screenshot PNG being on disk (polled every millisecond)."""
    if os.path.exists(png):
        os.unlink(png)
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    fam = Family(proc, [])
    t_png = None
    while True:
        if t_png is None and os.path.exists(png) and os.path.getsize(png) > 0:
            t_png = time.monotonic()
        if proc.poll() is not None:
            break
        time.sleep(0.001)
    if t_png is None and os.path.exists(png):
        t_png = time.monotonic()
    fam.end()
    return (t_png - t0) * 1000 if t_png else None


def run_sampled(cmd, env, every_s=0.005):
    """Peak of the summed RSS and PSS of the whole process tree, sampled every few ms."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    fam = Family(proc, [])
    peak_rss = peak_pss = 0
    while proc.poll() is None:
        rss, pss = mem_kb(fam.pids())
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(every_s)
    fam.end()
    return peak_rss, peak_pss, len(fam.ever)


def wait_window(display_env, args, timeout=40):
    try:
        out = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible"] + args,
                             env=display_env, capture_output=True, text=True, timeout=timeout)
        return out.returncode == 0 and out.stdout.strip() != ""
    except subprocess.TimeoutExpired:
        return False


def redraw_count(proc, log, timeout=2.0):
    """Ask the kiosk for its redraw count (SIGUSR1: it writes "lotse: redraws N")."""
    before = read(log).count("lotse: redraws ")
    proc.send_signal(signal.SIGUSR1)
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = re.findall(r"lotse: redraws (\d+)", read(log))
        if len(found) > before:
            return int(found[-1])
        time.sleep(0.01)
    return None


def run_window(cmd, env, find, xvfb_pid, known, log=None, lotse=False):
    """Start in the Xvfb window, let it settle, then 10 s idle: CPU of the tree and of the
    X server, redraws (lotse), memory (PSS settled, peak RSS/PSS while starting)."""
    with open(log or os.devnull, "w") as err:
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err)
    fam = Family(proc, known)
    r = {}
    try:
        if not wait_window(env, find):
            return None
        peak_rss = peak_pss = 0
        end = time.monotonic() + SETTLE_S
        while time.monotonic() < end:  # sample while it starts and settles
            rss, pss = mem_kb(fam.pids())
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
            time.sleep(0.02)
        r["win_peak_rss"], r["win_peak_pss"] = peak_rss, peak_pss
        c0 = redraw_count(proc, log) if lotse else None
        pids0 = fam.pids()
        t0 = time.monotonic()
        cpu0, x0 = cpu_ns(pids0), cpu_ns([xvfb_pid])
        time.sleep(IDLE_S)
        pids1 = fam.pids()
        cpu1, x1 = cpu_ns(pids1), cpu_ns([xvfb_pid])
        dt = time.monotonic() - t0
        # Processes that came or went during the window would make the sum wrong.
        r["stable"] = pids0 == pids1
        r["idle_cpu_pct"] = (cpu1 - cpu0) / 1e9 / dt * 100
        r["x_cpu_pct"] = (x1 - x0) / 1e9 / dt * 100
        if lotse:
            c1 = redraw_count(proc, log)
            r["idle_redraws"] = c1 - c0 if c0 is not None and c1 is not None else None
        r["win_rss"], r["win_pss"] = mem_kb(pids1)
        r["win_procs"] = len(pids1)
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        time.sleep(0.3)
        return r
    finally:
        fam.end()


# ---- the table -------------------------------------------------------------------------

def med(rows, key):
    vals = [r[key] for r in rows if r and r.get(key) is not None]
    return statistics.median(vals) if vals else None


def machine_line():
    model = re.search(r"^model name\s*:\s*(.*)$", read("/proc/cpuinfo"), re.M)
    load = read("/proc/loadavg").split()[:3]
    return (f"machine: {model.group(1).strip() if model else 'unknown CPU'}, "
            f"{os.cpu_count()} cores, {os.uname().machine}, Linux {os.uname().release}; "
            f"load average at the end {' '.join(load)}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lotse", required=True)
    ap.add_argument("--floor", help="lotse-floor (bench/floor.c); default: next to --lotse")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--src", default=os.path.dirname(HERE))
    a = ap.parse_args()
    runs, src = a.runs, a.src
    lotse = os.path.abspath(a.lotse)
    floor = os.path.abspath(a.floor or os.path.join(os.path.dirname(lotse), "lotse-floor"))
    floor = floor if os.access(floor, os.X_OK) else None
    chromium = a.chromium if os.access(a.chromium, os.X_OK) else None
    subreaper()
    tmp = tempfile.mkdtemp(prefix="lotse-bench-")
    try:
        table(runs, src, lotse, chromium, tmp, floor)
    finally:
        reap()
        shutil.rmtree(tmp, ignore_errors=True)


def lotse_args(src, data):
    return ["--site", f"{src}/assets/demo-site", "--locales", f"{src}/locales",
            "--data", data, "--now", NOW, "--config", f"{src}/assets/demo-keys/demo.conf"]


def table(runs, src, lotse, chromium, tmp, floor=None):
    env = dict(os.environ, LOTSE_NO_SYSTEM_CONFIG="1")
    henv = dict(env, SDL_VIDEODRIVER="offscreen")
    say = lambda *m: print(*m, file=sys.stderr, flush=True)

    # 1. The kiosk's own measures (lotse --headless --bench).
    say(f"lotse --bench: {3 * runs} runs")
    bench = []
    # One data directory for every run, as on a kiosk: the first (warm-up) run creates
    # the database, later runs open it (each adds one request).
    data = os.path.join(tmp, "data")
    for i in range(3 * runs + 1):
        t0 = time.monotonic_ns() / 1e6
        out = subprocess.run([lotse, "--headless", "--bench"] + lotse_args(src, data), env=henv,
                             capture_output=True, text=True, check=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        r["start_to_first_frame_ms"] = r["first_frame_at_ms"] - t0
        if i:
            bench.append(r)

    # 1b. The floor (bench/floor.c): a bare SDL2 + SDL2_ttf + libqrencode program drawing
    #     the same kind of screen, measured the same way, interleaved with lotse runs so
    #     that other load hits both alike.
    floor_bench, lotse_ff = [], []
    if floor:
        say(f"lotse-floor against lotse --bench: {3 * runs} runs each")
        for i in range(3 * runs + 1):
            for who in ("floor", "lotse"):
                cmd = [floor] if who == "floor" else \
                    [lotse, "--headless", "--bench"] + lotse_args(src, data)
                t0 = time.monotonic_ns() / 1e6
                out = subprocess.run(cmd, env=henv, capture_output=True, text=True,
                                     check=True).stdout
                r = json.loads(out.strip().splitlines()[-1])
                r["start_to_first_frame_ms"] = r["first_frame_at_ms"] - t0
                if i:
                    (floor_bench if who == "floor" else lotse_ff).append(r)

    # 2. The same home screen as a static page, made from the kiosk's own display list.
    script, dump = os.path.join(tmp, "page.lotse"), os.path.join(tmp, "home.json")
    shot, page = os.path.join(tmp, "home.png"), os.path.join(tmp, "home.html")
    with open(script, "w") as f:
        f.write(f"dump {dump}\nscreenshot {shot}\n")
    subprocess.run([lotse, "--headless", "--script", script] + lotse_args(src, data),
                   env=henv, check=True, capture_output=True)
    subprocess.run([sys.executable, os.path.join(HERE, "home_html.py"), dump, shot, page],
                   check=True)

    # 3. Start to screenshot, and memory, headless: lotse (script: screenshot) and
    #    chromium --headless --screenshot, interleaved so that other load hits both.
    png = os.path.join(tmp, "out.png")
    with open(os.path.join(tmp, "shot.lotse"), "w") as f:
        f.write(f"screenshot {png}\n")
    lotse_shot = [lotse, "--headless", "--script", os.path.join(tmp, "shot.lotse")] + \
        lotse_args(src, data)
    profile = os.path.join(tmp, "chromium-headless")
    chrome_shot = [chromium or "chromium", "--headless"] + CHROMIUM_FLAGS + [
        "--hide-scrollbars", "--window-size=1280,800", f"--user-data-dir={profile}",
        f"--screenshot={png}", f"file://{page}"]
    floor_shot = [floor or "lotse-floor", "--png", png]
    L, C, F = [], [], []
    say(f"headless start and memory: {runs} runs each")
    for i in range(runs + 1):
        lr = {"shot_ms": run_timed(lotse_shot, png, henv)}
        lr["peak_rss"], lr["peak_pss"], lr["procs"] = run_sampled(lotse_shot, henv)
        fr = {}
        if floor:
            fr["shot_ms"] = run_timed(floor_shot, png, henv)
            if i == 0:
                shutil.copy(png, os.path.join(tmp, "floor.png"))
            fr["peak_rss"], fr["peak_pss"], fr["procs"] = run_sampled(floor_shot, henv)
        cr = {}
        if chromium:
            cr["shot_ms"] = run_timed(chrome_shot, png, env)
            if i == 0:
                shutil.copy(png, os.path.join(tmp, "chromium.png"))
            cr["peak_rss"], cr["peak_pss"], cr["procs"] = run_sampled(chrome_shot, env)
        if i:
            L.append(lr)
            C.append(cr)
            F.append(fr)

    # 4. A real window under Xvfb: idle CPU, X server CPU, redraws, memory.
    LW, CW = [], []
    if shutil.which("Xvfb") and shutil.which("xdotool"):
        xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24",
                                 "-nolisten", "tcp"], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True)
        try:
            dnum = xvfb.stdout.readline().strip()
            xenv = dict(env, DISPLAY=f":{dnum}")
            xenv.pop("SDL_VIDEODRIVER", None)
            known = [xvfb.pid]
            say(f"Xvfb window: {runs} runs each, {SETTLE_S} s settling + {IDLE_S} s idle")
            for i in range(runs):
                LW.append(run_window([lotse, "--size", "1280x800", "--greeting-rotation", "0"] +
                                     lotse_args(src, data), xenv, ["--name", "^Lotse$"],
                                     xvfb.pid, known, log=os.path.join(tmp, "lotse.log"),
                                     lotse=True))
                if chromium:
                    prof = os.path.join(tmp, "chromium-kiosk")  # kept: a kiosk's profile
                    CW.append(run_window(
                        [chromium, "--kiosk"] + CHROMIUM_FLAGS + [
                            "--window-size=1280,800", "--window-position=0,0",
                            "--noerrdialogs", "--password-store=basic",
                            f"--user-data-dir={prof}", f"file://{page}"],
                        xenv, ["--class", "chromium"], xvfb.pid, known))
        finally:
            xvfb.terminate()
            xvfb.wait()

    # 5. One table.
    rows = []

    def row(name, lv, cv, unit, target="", ratio="speed", fmt="{:.1f}", fv=None,
            ftarget=False):
        f = lambda v: "n/a" if v is None else (v if isinstance(v, str) else fmt.format(v) + unit)
        rt = ""
        if ratio == "none":
            pass
        elif isinstance(lv, (int, float)) and isinstance(cv, (int, float)) and lv > 0:
            rt = f"{cv / lv:.0f}× {'faster' if ratio == 'speed' else 'smaller' if ratio == 'size' else 'less'}"
        elif isinstance(cv, (int, float)) and lv == 0 and cv > 0:
            rt = "lotse: 0"
        fr = ""
        if isinstance(lv, (int, float)) and isinstance(fv, (int, float)) and fv > 0:
            fr = f"{lv / fv:.2f}×"
        if ftarget:
            target = (target + "; " if target else "") + "≤ 1.5× floor"
        rows.append((name, f(lv), f(fv) if fv is not None else "–", fr,
                     f(cv) if cv != "" else "–", rt, target))

    ch = (lambda k, rs=C: med(rs, k)) if chromium else (lambda k, rs=None: None)
    mb = lambda v: None if v is None else v / 1024
    fl = (lambda k, rs=F: med(rs, k)) if floor else (lambda k, rs=None: None)
    # The first frame against the floor: the interleaved runs of 1b (the same number).
    ff_lotse = med(lotse_ff, "start_to_first_frame_ms") if floor else None
    row("start to first frame (headless)¹", med(bench, "start_to_first_frame_ms"),
        ch("shot_ms"), " ms", "≥ 15× faster")
    if floor:
        row("  the same, interleaved with the floor⁴", ff_lotse, "", " ms",
            fv=fl("start_to_first_frame_ms", floor_bench), ftarget=True)
    row("  of which in main()", med(bench, "main_to_first_frame_ms"), "", " ms",
        fv=fl("main_to_first_frame_ms", floor_bench))
    row("start to screenshot PNG written (headless)", med(L, "shot_ms"), ch("shot_ms"), " ms",
        fv=fl("shot_ms"))
    row("peak RSS, whole process tree (headless)", mb(med(L, "peak_rss")),
        mb(ch("peak_rss")), " MB", "", "size", fv=mb(fl("peak_rss")))
    row("peak PSS, whole process tree (headless)", mb(med(L, "peak_pss")),
        mb(ch("peak_pss")), " MB", "≥ 15× smaller", "size", fv=mb(fl("peak_pss")),
        ftarget=True)
    row("processes", med(L, "procs"), ch("procs"), "", "", "none", "{:.0f}", fv=fl("procs"))
    chw = (lambda k: med(CW, k)) if chromium else (lambda k: None)
    row("peak PSS in the window, starting (Xvfb)", mb(med(LW, "win_peak_pss")),
        mb(chw("win_peak_pss")), " MB", "", "size")
    row("PSS in the window, settled (Xvfb)", mb(med(LW, "win_pss")), mb(chw("win_pss")),
        " MB", "", "size")
    row(f"idle CPU over {IDLE_S} s in the window (Xvfb)", med(LW, "idle_cpu_pct"),
        chw("idle_cpu_pct"), " %", "≤ 0.1 % (lotse)", "cpu", "{:.3f}")
    row(f"X server CPU over the same {IDLE_S} s", med(LW, "x_cpu_pct"), chw("x_cpu_pct"),
        " %", "", "cpu", "{:.3f}")
    row(f"redraws while idle ({IDLE_S} s)", med(LW, "idle_redraws"),
        "n/a²" if chromium else None, "", "0 (lotse)", "none", "{:.0f}")
    row("peak RSS, every script's font loaded³", mb(med(bench, "peak_rss_kb")), "", " MB",
        "≤ 40 MB")
    row("layout of the home screen", med(bench, "layout_ms"), "", " ms", "", fmt="{:.2f}")
    row("full re-render, warm caches", med(bench, "render_warm_ms"), "", " ms", "",
        fmt="{:.2f}")
    row("full re-render, cold caches", med(bench, "render_cold_ms"), "", " ms", "",
        fmt="{:.2f}")
    row("language switch, new script", med(bench, "lang_switch_cold_ms"), "", " ms",
        "≤ 50 ms")
    row("language switch, fonts loaded", med(bench, "lang_switch_warm_ms"), "", " ms")
    row("request commit (\"Yes, send\" to confirmation)", med(bench, "submit_ms"), "", " ms",
        "≤ 20 ms")

    ver = ""
    if chromium:
        ver = subprocess.run([chromium, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"lotse against {ver or 'Chromium (not installed)'}: the demo site's home screen at "
          f"1280×800, medians of {runs} runs (lotse --bench: {3 * runs})")
    print(machine_line())
    print()
    head = ("measure", "lotse", "floor", "lotse/floor", "chromium", "ratio", "target")
    nc = len(head)
    w = [max(len(r[i]) for r in rows + [head]) for i in range(nc)]
    print("| " + " | ".join(h.ljust(w[i]) for i, h in enumerate(head)) + " |")
    print("|" + "|".join("-" * (w[i] + 2) for i in range(nc)) + "|")
    for r in rows:
        print("| " + " | ".join((r[i].ljust(w[i]) if i in (0, nc - 1) else r[i].rjust(w[i]))
                                for i in range(nc)) + " |")
    print()
    print("¹ lotse: to the return of the first SDL_RenderPresent (lotse --bench); Chromium: "
          "to its --screenshot PNG on disk.")
    print("² Chromium's compositor frames are not observable from outside at low cost; "
          "the X server's CPU above is the visible trace of any repaint.")
    print("³ lotse --bench: getrusage peak after switching to ar, ti, uk, fa, tr, de.")
    if floor:
        print("⁴ lotse --bench and lotse-floor (bench/floor.c: bare SDL2 + SDL2_ttf + "
              f"libqrencode, the same kind of screen) run alternately, {3 * runs} runs each; "
              "the floor's PNG and memory runs alternate with lotse's screenshot runs.")
    unstable = [r for r in CW + LW if r and not r.get("stable", True)]
    if unstable:
        print(f"note: in {len(unstable)} window run(s) processes came or went during the "
              "idle window (their CPU time may be missing)")
    failed = [f"{sum(1 for r in rs if r is None)} of {name}'s"
              for name, rs in (("lotse", LW), ("chromium", CW)) if None in rs]
    if failed:
        print(f"note: {' and '.join(failed)} window runs failed (no window within 40 s); "
              "medians of the others")


if __name__ == "__main__":
    main()
