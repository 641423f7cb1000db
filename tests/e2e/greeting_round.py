#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""The greeting's round of languages, for test_greeting_round.sh.

  greeting_round.py expected LOCALES_DIR
      print the languages of LOCALES_DIR/languages.txt in their order, one a line, as
      "CODE<TAB>GREETING", the greeting being the language's msgstr of the msgid
      "Welcome! Here you find help." in LOCALES_DIR/CODE.po
  greeting_round.py check LOCALES_DIR STRICT MIN_ROUNDS DUMP...
      the greeting element of each dump (in the order given, sampled at rest) must show
      the languages in the order of languages.txt, one after the other, round and round:
      each sample the same language as the sample before or the next one (STRICT=1:
      always the next one: one sample per period), and every language at least
      MIN_ROUNDS times. Exit 1 with the sequence seen otherwise.

Derived from the translation files, not from the kiosk's code."""
import json
import re
import sys

MSGID = "Welcome! Here you find help."


def po_unquote(s):
    s = s.strip()
    if not (s.startswith('"') and s.endswith('"')):
        raise ValueError("not a quoted PO string: %r" % s)
    out, i, s = [], 0, s[1:-1]
    esc = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append(esc.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def po_entries(path):
    """{msgid: (msgstr, fuzzy)} of a .po file (without msgctxt entries)."""
    entries, cur, field, fuzzy = {}, {}, None, False

    def flush():
        if "msgid" in cur and "msgstr" in cur and "msgctxt" not in cur:
            entries[cur["msgid"]] = (cur["msgstr"], fuzzy)

    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            flush()
            cur, field, fuzzy = {}, None, False
            continue
        if line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
            continue
        if line.startswith("#"):
            continue
        m = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+(".*")$', line)
        if m:
            field = m.group(1)
            cur[field] = po_unquote(m.group(2))
        elif line.startswith('"') and field:
            cur[field] += po_unquote(line)
    flush()
    return entries


def languages(locales):
    codes = []
    for line in open(locales + "/languages.txt", encoding="utf-8"):
        m = re.match(r"^Language:\s*(\S+)\s*$", line)
        if m:
            codes.append(m.group(1))
    return codes


def expected(locales):
    out = []
    for code in languages(locales):
        msgstr, fuzzy = po_entries("%s/%s.po" % (locales, code)).get(MSGID, ("", False))
        if not msgstr or fuzzy:
            sys.exit("%s/%s.po: no (or a fuzzy) translation of %r" % (locales, code, MSGID))
        out.append((code, msgstr))
    return out


def norm(s):
    return (s or "").replace("\u00a0", " ").replace("\u202f", " ")


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "expected":
        for code, text in expected(sys.argv[2]):
            print("%s\t%s" % (code, text))
        return 0
    if len(sys.argv) < 6 or sys.argv[1] != "check":
        sys.exit(__doc__)
    langs = expected(sys.argv[2])
    strict, min_rounds = sys.argv[3] == "1", int(sys.argv[4])
    by_text = {}
    for i, (code, text) in enumerate(langs):
        if norm(text) in by_text:
            sys.exit("%s and %s greet with the same text: %r" % (langs[by_text[norm(text)]][0],
                                                                 code, text))
        by_text[norm(text)] = i
    seq = []
    for path in sys.argv[5:]:
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        g = next((e for e in d["elements"] if e["id"] == "greeting"), None)
        if d["screen"] != "home" or g is None:
            sys.exit("FAIL: %s: not the home screen with its greeting (screen %s)" % (path, d["screen"]))
        t = norm(g.get("text"))
        if t not in by_text:
            sys.exit("FAIL: %s: the greeting %r is none of the 18 translations" % (path, t))
        seq.append(by_text[t])
    n = len(langs)
    bad = []
    for k in range(1, len(seq)):
        a, b = seq[k - 1], seq[k]
        if b == (a + 1) % n or (b == a and not strict):
            continue
        bad.append("sample %d: %s follows %s (expected %s%s)" % (
            k, langs[b][0], langs[a][0], langs[(a + 1) % n][0],
            "" if strict else " or " + langs[a][0]))
    counts = [0] * n
    for k, s in enumerate(seq):
        if k == 0 or s != seq[k - 1] or strict:
            counts[s] += 1
    never = [langs[i][0] for i in range(n) if counts[i] == 0]
    few = [langs[i][0] for i in range(n) if 0 < counts[i] < min_rounds]
    # The shown run of languages, consecutive repeats collapsed, for the report.
    runs = [langs[s][0] for k, s in enumerate(seq) if k == 0 or s != seq[k - 1]]
    print("greetings in %d samples: %s" % (len(seq), " ".join(runs[:60]) + (" ..." if len(runs) > 60 else "")))
    if bad or never or few:
        for b in bad[:8]:
            print("FAIL: " + b, file=sys.stderr)
        if len(bad) > 8:
            print("FAIL: ... and %d more out-of-order steps" % (len(bad) - 8), file=sys.stderr)
        if never:
            print("FAIL: never greeted in %d samples: %s (%s)" % (
                len(seq), ", ".join(never),
                ", ".join(langs[[c for c, _ in langs].index(c)][1] for c in never)), file=sys.stderr)
        if few:
            print("FAIL: greeted fewer than %d times: %s" % (min_rounds, ", ".join(few)),
                  file=sys.stderr)
        return 1
    print("ok: all %d languages greeted in order, each at least %d times" % (n, min(counts)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
