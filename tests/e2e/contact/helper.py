#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers for the contact-request end-to-end tests (tests/e2e/test_contact_*.sh,
test_pin_lockout.sh, test_export_faults.sh, test_crash.sh).

  helper.py elem DUMP.json ID [FIELD]     print FIELD (default: text) of element ID;
                                          exit 1 if there is no such element
  helper.py enabled DUMP.json true|false ID...
                                          exit 1 unless every ID is (not) enabled
  helper.py noleak FILE... [--name N]... [--phone P]... [--ticket T]... [--source DIR]...
                                          exit 1 if any FILE holds a name, phone number
                                          or ticket in any plausible encoding
  helper.py db [--allow-missing] DB       integrity check and request count: prints
                                          "ROWS"; exit 1 unless integrity_check is "ok"
                                          (--allow-missing: no file or no request table
                                          yet counts as 0 rows)
  helper.py blobs DB OUT                  write the queued sealed boxes (hex, one a line)
  helper.py noblobs BLOBS FILE...         exit 1 if a FILE still holds any of those boxes

Only the standard library: the tests must not need the sqlite3 command-line tool."""
import json
import os
import re
import sqlite3
import sys
import unicodedata


def die(msg):
    print("helper: " + msg, file=sys.stderr)
    sys.exit(1)


def cmd_elem(args):
    if len(args) not in (2, 3):
        die("usage: elem DUMP.json ID [FIELD]")
    path, eid = args[0], args[1]
    field = args[2] if len(args) == 3 else "text"
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    for e in d["elements"]:
        if e.get("id") == eid:
            v = e.get(field)
            if isinstance(v, bool):
                v = "true" if v else "false"
            print("" if v is None else v)
            return
    die("%s: no element '%s' on screen '%s'" % (path, eid, d.get("screen")))


def cmd_enabled(args):
    if len(args) < 3 or args[1] not in ("true", "false"):
        die("usage: enabled DUMP.json true|false ID...")
    path, want = args[0], args[1] == "true"
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    els = {e.get("id"): e for e in d["elements"]}
    bad = []
    for eid in args[2:]:
        if eid not in els:
            bad.append("%s missing" % eid)
        elif bool(els[eid].get("enabled")) != want:
            bad.append("%s enabled=%s" % (eid, str(bool(els[eid].get("enabled"))).lower()))
    if bad:
        die("%s (screen '%s'): expected enabled=%s: %s" % (path, d.get("screen"), args[1], ", ".join(bad)))


# ---- noleak -------------------------------------------------------------------------

SEP = rb"[\x00 +\-/.()]{0,3}"  # between digits: spaces, '+', UTF-16 zero bytes, ...


def digit_regex(digits):
    """Digits in order with any few separator bytes between them, in ASCII, UTF-16LE/BE
    or UTF-32 (the zero bytes count as separators)."""
    return re.compile(SEP.join(re.escape(c.encode()) for c in digits))


def text_needles(label, s):
    """(description, bytes) of s in every case, normalisation and encoding."""
    variants = set()
    for v in (s, s.lower(), s.upper(), s.title(), s.casefold(), s.swapcase()):
        for form in ("NFC", "NFD", "NFKC"):
            variants.add(unicodedata.normalize(form, v))
    out = []
    for v in sorted(variants):
        for enc in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "latin-1",
                    "cp1252", "cp1254", "cp857", "iso8859-9"):
            try:
                b = v.encode(enc)
            except UnicodeEncodeError:
                continue
            out.append(("%s %r as %s" % (label, v, enc), b))
    return out


def phone_core(p):
    """The digits that identify a number whatever prefix it is written with: without
    '+', '00', the country code 49 or 90 (the test numbers) and the trunk '0'."""
    d = re.sub(r"\D", "", p)
    if p.strip().startswith("+"):
        d = d[2:] if d[:2] in ("49", "90") else d
    elif d.startswith("00"):
        d = d[4:]
    elif d.startswith("0"):
        d = d[1:]
    return d


def search(data, lower, needle):
    """Offset of needle (bytes or compiled regex) in data, or -1. Byte needles are also
    looked for ASCII-case-insensitively."""
    if isinstance(needle, bytes):
        i = data.find(needle)
        if i < 0:
            i = lower.find(needle.lower())
        return i
    m = needle.search(data)
    return m.start() if m else -1


def cmd_noleak(args):
    files, names, phones, tickets, sources = [], [], [], [], []
    it = iter(args)
    for a in it:
        if a in ("--name", "--phone", "--ticket", "--source"):
            v = next(it, None)
            if v is None:
                die("%s needs a value" % a)
            {"--name": names, "--phone": phones, "--ticket": tickets, "--source": sources}[a].append(v)
        else:
            files.append(a)
    if not files:
        die("noleak: no files")

    needles = []  # (description, needle, must_not_collide)
    for n in names:
        needles += [(d, b, True) for d, b in text_needles("name", n)]
        for w in n.split():
            if len(w) >= 4:
                needles += [(d, b, True) for d, b in text_needles("part of name", w)]
    for p in phones:
        canon = re.sub(r"[^\d+]", "", p)
        for d, b in text_needles("phone", p) + text_needles("phone", canon):
            needles.append((d, b, True))
        core = phone_core(p)
        needles.append(("phone digits %s (any separators/encoding)" % core, digit_regex(core), True))
        n = int(core)
        for size in (4, 5, 8):
            for order in ("little", "big"):
                if n < 1 << (8 * size):
                    needles.append(("phone %s as %d-byte %s-endian integer" % (core, size, order),
                                    n.to_bytes(size, order), True))
    for t in tickets:
        digits = re.sub(r"\D", "", t)
        if len(digits) != 6:
            die("ticket %r is not six digits" % t)
        needles.append(("ticket %s (any separators/encoding)" % t, digit_regex(digits), False))
        for d, b in text_needles("ticket", t):
            needles.append((d, b, False))

    # Test data that also occurs in the site content or the translations (which the
    # database keeps a copy of) proves nothing: names and numbers must be chosen
    # otherwise; a random ticket that happens to collide is skipped with a note.
    if sources:
        blobs = []
        for s in sources:
            for root, _, fs in os.walk(s):
                for f in fs:
                    with open(os.path.join(root, f), "rb") as fh:
                        blobs.append(fh.read())
        kept = []
        for desc, needle, strict in needles:
            if any(search(b, b.lower(), needle) >= 0 for b in blobs):
                if strict:
                    die("test data collides with the site content: %s" % desc)
                print("note: %s also occurs in the site content; not checked" % desc)
                continue
            kept.append((desc, needle, strict))
        needles = kept

    leaks = []
    checked = 0
    for path in files:
        if not os.path.exists(path):
            continue
        with open(path, "rb") as fh:
            data = fh.read()
        checked += 1
        lower = data.lower()
        for desc, needle, _ in needles:
            i = search(data, lower, needle)
            if i >= 0:
                leaks.append("%s: %s at offset %d" % (path, desc, i))
    if checked == 0:
        die("noleak: none of the files exists: %s" % " ".join(files))
    if leaks:
        for l in leaks[:40]:
            print("LEAK: " + l, file=sys.stderr)
        sys.exit(1)


# ---- the database ---------------------------------------------------------------------

def connect(path):
    if not os.path.exists(path):
        die("%s: no such database" % path)
    return sqlite3.connect(path, timeout=10)


def cmd_db(args):
    allow_missing = "--allow-missing" in args
    args = [a for a in args if a != "--allow-missing"]
    if len(args) != 1:
        die("usage: db [--allow-missing] DB")
    if allow_missing and not os.path.exists(args[0]):
        print(0)
        return
    con = connect(args[0])
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        if allow_missing and "request" not in tables:
            res = [r[0] for r in con.execute("PRAGMA integrity_check")]
            if res != ["ok"]:
                die("%s: integrity_check: %s" % (args[0], "; ".join(map(str, res[:10]))))
            print(0)
            return
        res = [r[0] for r in con.execute("PRAGMA integrity_check")]
        if res != ["ok"]:
            die("%s: integrity_check: %s" % (args[0], "; ".join(map(str, res[:10]))))
        res = [r[0] for r in con.execute("PRAGMA foreign_key_check")]
        if res:
            die("%s: foreign_key_check: %s" % (args[0], res[:10]))
        n = con.execute("SELECT count(*) FROM request").fetchone()[0]
    except sqlite3.DatabaseError as e:
        die("%s: %s" % (args[0], e))
    finally:
        con.close()
    print(n)


def cmd_blobs(args):
    if len(args) != 2:
        die("usage: blobs DB OUT")
    con = connect(args[0])
    rows = con.execute("SELECT sealed FROM request ORDER BY id").fetchall()
    con.close()
    with open(args[1], "w") as f:
        for (b,) in rows:
            f.write(bytes(b).hex() + "\n")
    print(len(rows))


def cmd_noblobs(args):
    if len(args) < 2:
        die("usage: noblobs BLOBS FILE...")
    with open(args[0]) as f:
        blobs = [bytes.fromhex(l.strip()) for l in f if l.strip()]
    if not blobs:
        die("%s: no sealed boxes to look for" % args[0])
    found = []
    for path in args[1:]:
        if not os.path.exists(path):
            continue
        with open(path, "rb") as fh:
            data = fh.read()
        for i, b in enumerate(blobs):
            # Any 32-byte window of a box (ciphertext is random: no false matches).
            for off in range(0, len(b) - 32, max(1, (len(b) - 32) // 7)):
                if data.find(b[off:off + 32]) >= 0:
                    found.append("%s: bytes %d..%d of sealed request %d" % (path, off, off + 32, i + 1))
                    break
    if found:
        for l in found:
            print("STILL THERE: " + l, file=sys.stderr)
        sys.exit(1)


def main():
    if len(sys.argv) < 2:
        die("usage: helper.py elem|enabled|noleak|db|blobs|noblobs ...")
    cmds = {"elem": cmd_elem, "enabled": cmd_enabled, "noleak": cmd_noleak, "db": cmd_db, "blobs": cmd_blobs,
            "noblobs": cmd_noblobs}
    f = cmds.get(sys.argv[1])
    if not f:
        die("unknown command %s" % sys.argv[1])
    f(sys.argv[2:])


if __name__ == "__main__":
    main()
