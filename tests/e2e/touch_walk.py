#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Walk every screen a parent and the staff reach, in every language, and check that
every enabled, tappable element is at least MIN x MIN pixels (test_touch_targets.sh).

  touch_walk.py LOTSE SOURCE_DIR OUT_DIR CONFIG MIN

The walk is a plan of script commands and choices. A choice ("the first option on this
screen", "the first interpreter language", "Next until the details") is made from the
display list the kiosk shows at that point, so the walk follows whatever the screens
offer (a second step for the interpreter, fewer buttons with "other language", ...)
rather than a fixed layout. The choices are worked out in the first language with one
kiosk run per choice; the other languages replay them in one run each, and if a replay
cannot follow (an id is not on the screen, a screen differs), the choices are worked out
again in that language. Every step's display list is dumped and checked."""
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys

LOTSE, SRC, OUT, CONF, MIN = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
NOW = "2026-03-10T08:55"
PHONE = "01512345678"

CHROME = re.compile(r"^(nav\.|emergency$|lang\.|key\.)|\.(cancel|next)$")
INTERP_ASKED = re.compile(r"^contact\.(how\.|interpreter\.(yes|no)$)")


def tappable(d):
    """Enabled elements a finger can press: the dump gives "enabled" to buttons and to
    every element with an action."""
    return [e for e in d["elements"] if e.get("enabled") is True]


def first_option(d, _state):
    opts = [e for e in tappable(d) if not CHROME.search(e["id"])]
    if not opts:
        raise LookupError("no option to choose on screen '%s'" % d["screen"])
    return "tap-id " + opts[0]["id"]


def interpreter_options(d, state):
    opts = [e for e in tappable(d)
            if not CHROME.search(e["id"]) and not INTERP_ASKED.search(e["id"])
            and e["id"] not in state["tapped"]]
    # The interpreter languages first (by id), else whatever the screen offers.
    return [e for e in opts if "interpreter" in e["id"]] + [e for e in opts if "interpreter" not in e["id"]]


def interpreter(d, state):
    """The first interpreter option after "Yes"."""
    opts = interpreter_options(d, state)
    if not opts:
        raise LookupError("no interpreter option on screen '%s'" % d["screen"])
    state["tapped"].add(opts[0]["id"])
    return "tap-id " + opts[0]["id"]


def until_details(d, state):
    """Next (or the first option a further step asks for) until the details screen."""
    if d["screen"] == "contact-details":
        return None
    ids = {e["id"] for e in tappable(d)}
    if "contact.next" in ids:
        return "tap-id contact.next"
    return interpreter(d, state)


KEYBOARDS = "# every letter layout"
LAYOUTS = 4


def keyboards(k, cmds):
    """The commands that show every letter layout (the current one and LAYOUTS more,
    key.layout goes round) and, on a layout with shift, its shifted keys too: worked out
    from one run that only switches layouts."""
    dumps, err = k.run(cmds + ["tap-id key.layout"] * LAYOUTS, "keyboards")
    if err or len(dumps) < len(cmds) + LAYOUTS:
        raise RuntimeError("%s: the letter layouts: %s" % (k.lang, err))
    out = []
    for i, (_, d) in enumerate(dumps[len(cmds) - 1:]):
        if "key.shift" in {e["id"] for e in tappable(d)}:
            out += ["tap-id key.shift", "tap-id key.shift"]
        if i < LAYOUTS:
            out.append("tap-id key.layout")
    return out


# The walk. A string is a command; a function is a choice (returns a command); a
# ("repeat", f) is a choice made again after each command until it returns None.
def plan(lang):
    pin = ["tap-id pin.%s" % c for c in "1234"] + ["tap-id pin.ok"]
    return ([
        "lang " + lang,
        "expect-screen home",
        "tap-id start",                       # menu
        "tap-id menu.hours",                  # hours
        "tap-id hours.qr",                    # QR: choices
        first_option,                         # QR: a code
        "tap-id nav.home",
        "tap-id start",
        "tap-id menu.help",                   # topics
        first_option,                         # a topic
        first_option,                         # a service
        first_option,                         # its QR (or the first thing it offers)
        first_option,
        "tap-id nav.home",
        "tap-id emergency",                   # emergency
        "tap-id nav.back",                    # home again
        "tap-id start",
        "tap-id menu.takehome",               # QR: choices
        first_option,
        "tap-id nav.home",
        "lang " + lang,
        "tap-id start",
        "tap-id menu.contact",                # contact: topic
        first_option,                         # contact-how
        "tap-id contact.how.phone",           # a call: the number pad and letters
        "tap-id contact.interpreter.yes",
        interpreter,
        ("repeat", until_details),            # contact-details, number pad
        'type "%s"' % PHONE,
        "tap-id contact.name.box",            # the letter keyboard
        KEYBOARDS,                            # every letter layout, with shift
    ] + [
        "tap-id contact.next",                # consent
        "tap-id contact.next",                # done
        "tap-id done.qr",                     # QR of the ticket
        first_option,
        "tap-id nav.home",
        "hold 10 10 5000",                    # admin-pin
    ] + pin + [                               # admin
        "tap-id admin.hours",                 # admin-hours
    ])


class Kiosk:
    runs = 0  # counted from two threads: only for the report

    def __init__(self, lang):
        self.lang = lang
        self.dir = os.path.join(OUT, lang)
        os.makedirs(self.dir, exist_ok=True)

    def run(self, cmds, tag):
        """Run cmds with a dump after each; returns (dumps, error line or None)."""
        Kiosk.runs += 1
        data = os.path.join(self.dir, "data")
        shutil.rmtree(data, ignore_errors=True)
        script = os.path.join(self.dir, tag + ".lotse")
        dumps = []
        with open(script, "w", encoding="utf-8") as f:
            for i, c in enumerate(cmds):
                p = os.path.join(self.dir, "%s-%03d.json" % (tag, i))
                if os.path.exists(p):
                    os.remove(p)
                f.write(c + "\n")
                f.write("dump %s\n" % p)
                dumps.append(p)
        r = subprocess.run([LOTSE, "--headless", "--config", CONF, "--data", data, "--now", NOW,
                            "--greeting-rotation", "0", "--site", SRC + "/assets/demo-site",
                            "--locales", SRC + "/locales", "--script", script],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        err = None
        if r.returncode != 0:
            err = ([l for l in r.stderr.splitlines() if l.startswith(script)] or
                   r.stderr.splitlines()[-1:] or ["exit %d" % r.returncode])[0]
        out = []
        for c, p in zip(cmds, dumps):
            if not os.path.exists(p):
                break
            with open(p, encoding="utf-8") as f:
                out.append((c, json.load(f)))
        return out, err


def resolve(k, marker=False):
    """Work the plan's choices out in k's language, one run per choice. With marker, the
    keyboard commands are left as the KEYBOARDS line (they differ between languages)."""
    cmds, state = [], {"tapped": set()}
    for step in plan(k.lang):
        if step == KEYBOARDS:
            cmds += [KEYBOARDS] if marker else keyboards(k, cmds)
            continue
        if isinstance(step, str):
            cmds.append(step)
            continue
        repeat = isinstance(step, tuple)
        f = step[1] if repeat else step
        for _ in range(16 if repeat else 1):
            dumps, err = k.run(cmds, "probe")
            if err:
                raise RuntimeError("%s: the walk stopped: %s" % (k.lang, err))
            c = f(dumps[-1][1], state)
            if c is None:
                break
            cmds.append(c)
        else:
            if repeat:
                raise RuntimeError("%s: never reached the contact details" % k.lang)
    return cmds


def main():
    langs = [m.group(1) for m in (re.match(r"^Language:\s*(\S+)", l) for l in
                                  open(SRC + "/locales/languages.txt", encoding="utf-8")) if m]
    first = langs[0]
    template = resolve(Kiosk(first), marker=True)
    small = {}   # (screen, id) -> {lang: "WxH"}
    screens = {}

    def walk(lang):
        """(lang, dumps, screens walked, notes) of the walk in lang."""
        k = Kiosk(lang)
        notes = []
        cmds = [c.replace("lang " + first, "lang " + lang) for c in template]
        m = cmds.index(KEYBOARDS)
        try:
            cmds = cmds[:m] + keyboards(k, cmds[:m]) + cmds[m + 1:]
            dumps, err = k.run(cmds, "walk")
        except RuntimeError as e:
            err = str(e)
        if err:
            notes.append("%s: the walk of %s does not fit (%s); choosing again" % (lang, first, err))
            cmds = resolve(k)
            dumps, err = k.run(cmds, "walk")
            if err:
                raise RuntimeError("%s: %s" % (lang, err))
        return lang, dumps, notes

    # Two kiosks at a time: each run is one process.
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(walk, langs))
    for lang, dumps, notes in results:
        for n in notes:
            print(n)
        seen = []
        for c, d in dumps:
            if d["lang"] != lang:
                sys.exit("FAIL: %s: after '%s' the screen is in '%s'" % (lang, c, d["lang"]))
            if not seen or seen[-1] != d["screen"]:
                seen.append(d["screen"])
            for e in tappable(d):
                if e["w"] < MIN or e["h"] < MIN:
                    small.setdefault((d["screen"], e["id"]), {})[lang] = "%dx%d" % (e["w"], e["h"])
        screens[lang] = seen
        missing = [s for s in ("home", "menu", "hours", "qr", "topics", "topic", "service",
                               "emergency", "contact", "contact-how", "contact-details",
                               "contact-consent", "contact-done", "admin-pin", "admin",
                               "admin-hours") if s not in seen]
        if missing:
            sys.exit("FAIL: %s: the walk did not reach %s (walked: %s)" % (lang, ", ".join(missing),
                                                                           " ".join(seen)))
    print("walked %d languages in %d kiosk runs; screens (%s): %s" % (
        len(langs), Kiosk.runs, first, " ".join(screens[first])))
    if small:
        print("FAIL: %d tappable elements under %dx%d px:" % (len(small), MIN, MIN), file=sys.stderr)
        for (screen, eid), by_lang in sorted(small.items()):
            sizes = sorted(set(by_lang.values()))
            print("FAIL:   %s: %s %s in %d languages (%s)" % (
                screen, eid, "/".join(sizes), len(by_lang),
                "all" if len(by_lang) == len(langs) else " ".join(sorted(by_lang))), file=sys.stderr)
        return 1
    print("ok: every enabled, tappable element on every screen is at least %dx%d px" % (MIN, MIN))
    return 0


if __name__ == "__main__":
    sys.exit(main())
