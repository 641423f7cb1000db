/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* test_text.c - word wrapping and shrink-to-fit (text.c) against the fixed-width fake
 * measure: every code point is px/2 pixels wide, lines are px*5/4 apart. At px = 20 a
 * code point is 10 px, so max_w = 10 * n leaves room for exactly n code points. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fake_measure.h"
#include "ui/text.h"
#include "base/util.h"

#define PX 20
#define CW (PX / 2) /* width of one code point at PX */

typedef struct wrapped {
    char **lines;
    size_t n;
    bool too_long;
} wrapped;

static wrapped wrap(const char *text, int px, int max_w)
{
    wrapped w = {NULL, 0, true};
    text_wrap(&fake_measure, text, px, false, max_w, &w.lines, &w.n, &w.too_long);
    return w;
}

static void wrapped_free(wrapped *w)
{
    lines_free_wiped(w->lines, w->n);
    w->lines = NULL;
    w->n = 0;
}

static int width_of(const char *s, int px)
{
    return fake_measure.width(fake_measure.ctx, px, false, s, strlen(s));
}

/* Lines exactly as expected, in order. */
static void assert_lines(const wrapped *w, const char *const *expect, size_t n)
{
    assert_int_equal(w->n, n);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(w->lines[i], expect[i]);
}

/* Invariants of every wrap whose words all fit: no line wider than max_w, no line
 * starting or ending with a space, every line valid UTF-8. */
static void assert_well_formed(const wrapped *w, int px, int max_w)
{
    for (size_t i = 0; i < w->n; i++) {
        const char *l = w->lines[i];
        size_t len = strlen(l);
        assert_true(width_of(l, px) <= max_w);
        assert_true(utf8_valid_text(l, len, NULL));
        if (len) {
            assert_int_not_equal(l[0], ' ');
            assert_int_not_equal(l[len - 1], ' ');
        }
    }
}

/* Join lines with sep between them (caller frees). */
static char *join(const wrapped *w, const char *sep)
{
    strbuf sb;
    strbuf_init(&sb);
    strbuf_append(&sb, "", 0);
    for (size_t i = 0; i < w->n; i++) {
        if (i)
            strbuf_puts(&sb, sep);
        strbuf_puts(&sb, w->lines[i]);
    }
    return strbuf_steal(&sb);
}

static void test_words_fit_not_split(void **state)
{
    (void)state;
    wrapped w = wrap("aaa bbb ccc", PX, 7 * CW);
    const char *const expect[] = {"aaa bbb", "ccc"};
    assert_lines(&w, expect, 2);
    assert_false(w.too_long);
    assert_well_formed(&w, PX, 7 * CW);
    wrapped_free(&w);

    /* Exactly the width of the line: fits (<=), no break. */
    w = wrap("aaa bbb", PX, 7 * CW);
    const char *const one[] = {"aaa bbb"};
    assert_lines(&w, one, 1);
    wrapped_free(&w);

    /* One pixel less: the second word moves down whole. */
    w = wrap("aaa bbb", PX, 7 * CW - 1);
    const char *const two[] = {"aaa", "bbb"};
    assert_lines(&w, two, 2);
    assert_false(w.too_long);
    wrapped_free(&w);

    /* A word exactly as wide as the line stays whole. */
    w = wrap("abcdef gh", PX, 6 * CW);
    const char *const exact[] = {"abcdef", "gh"};
    assert_lines(&w, exact, 2);
    assert_false(w.too_long);
    wrapped_free(&w);
}

/* A German sentence wrapped at many widths: lines never too wide, every word intact
 * (joining the lines with spaces gives the text back). */
static void test_never_wider_than_max(void **state)
{
    (void)state;
    const char *text = "Wir helfen Ihnen gern beim Ausfüllen von Anträgen für Kindergeld, "
                       "Wohngeld und den Kinderzuschlag. Die Beratung ist kostenlos und "
                       "vertraulich, auch auf Türkisch, Arabisch und Ukrainisch.";
    for (int max_chars = 15; max_chars <= 80; max_chars++) {
        int max_w = max_chars * CW + (max_chars % 3); /* also widths between code points */
        wrapped w = wrap(text, PX, max_w);
        assert_false(w.too_long);
        assert_true(w.n >= 1);
        assert_well_formed(&w, PX, max_w);
        char *back = join(&w, " ");
        assert_string_equal(back, text);
        free(back);
        /* Greedy: the first word of each line would not have fit on the line before. */
        for (size_t i = 1; i < w.n; i++) {
            const char *next = w.lines[i];
            size_t wl = strcspn(next, " ");
            char *cand = xasprintf("%s %.*s", w.lines[i - 1], (int)wl, next);
            assert_true(width_of(cand, PX) > max_w);
            free(cand);
        }
        wrapped_free(&w);
    }
}

/* A no-break space (U+00A0) is not a break opportunity: "· in 2 days" stays together. */
static void test_no_break_space(void **state)
{
    (void)state;
    wrapped w = wrap("Dienstag 9:00 ·\u00a0in\u00a02\u00a0Tagen", PX, 13 * CW);
    const char *const expect[] = {"Dienstag 9:00", "·\u00a0in\u00a02\u00a0Tagen"};
    assert_lines(&w, expect, 2);
    assert_false(w.too_long);
    wrapped_free(&w);
}

static void test_paragraphs(void **state)
{
    (void)state;
    wrapped w = wrap("ab\ncd", PX, 100 * CW);
    const char *const two[] = {"ab", "cd"};
    assert_lines(&w, two, 2);
    wrapped_free(&w);

    /* An empty paragraph stays an empty line. */
    w = wrap("ab\n\ncd", PX, 100 * CW);
    const char *const three[] = {"ab", "", "cd"};
    assert_lines(&w, three, 3);
    wrapped_free(&w);

    /* Each paragraph wraps on its own. */
    w = wrap("aaa bbb ccc\nddd eee", PX, 7 * CW);
    const char *const wrapped_paras[] = {"aaa bbb", "ccc", "ddd eee"};
    assert_lines(&w, wrapped_paras, 3);
    assert_well_formed(&w, PX, 7 * CW);
    wrapped_free(&w);

    /* A trailing newline: a final empty line, nothing lost. */
    w = wrap("ab\n", PX, 100 * CW);
    const char *const trailing[] = {"ab", ""};
    assert_lines(&w, trailing, 2);
    wrapped_free(&w);
}

static void test_break_after_hyphen_and_slash(void **state)
{
    (void)state;
    /* "Eltern-Kind-" is 12 code points: the break falls after the second hyphen. */
    wrapped w = wrap("Eltern-Kind-Zentrum", PX, 12 * CW);
    const char *const hy[] = {"Eltern-Kind-", "Zentrum"};
    assert_lines(&w, hy, 2);
    assert_false(w.too_long);
    wrapped_free(&w);

    w = wrap("Eltern-Kind-Zentrum", PX, 8 * CW);
    const char *const hy2[] = {"Eltern-", "Kind-", "Zentrum"};
    assert_lines(&w, hy2, 3);
    assert_false(w.too_long);
    assert_well_formed(&w, PX, 8 * CW);
    wrapped_free(&w);

    w = wrap("Mutter/Vater", PX, 8 * CW);
    const char *const sl[] = {"Mutter/", "Vater"};
    assert_lines(&w, sl, 2);
    assert_false(w.too_long);
    wrapped_free(&w);

    /* When it fits, a hyphenated word stays on one line. */
    w = wrap("Kita-Sozialarbeit heute", PX, 17 * CW);
    const char *const fits[] = {"Kita-Sozialarbeit", "heute"};
    assert_lines(&w, fits, 2);
    wrapped_free(&w);

    /* A hyphen before a space ("Vor- und Nachname") is no extra break point. */
    w = wrap("Vor- und Nachname", PX, 8 * CW);
    const char *const dash[] = {"Vor- und", "Nachname"};
    assert_lines(&w, dash, 2);
    assert_false(w.too_long);
    wrapped_free(&w);
}

/* A word longer than the line: split between code points, flagged, nothing lost, and
 * no line ever ends inside a multi-byte sequence. */
static void test_overlong_word_split_on_code_points(void **state)
{
    (void)state;
    wrapped w = wrap("ÄÖÜäöüß", PX, 3 * CW);
    const char *const expect[] = {"ÄÖÜ", "äöü", "ß"};
    assert_lines(&w, expect, 3);
    assert_true(w.too_long);
    wrapped_free(&w);

    /* Mixed 1-, 2-, 3- and 4-byte code points at every line width. */
    const char *word = "Straßen€bahn😀haltestelle→Überführung🧒🏽ende";
    for (int chars = 1; chars <= 12; chars++) {
        w = wrap(word, PX, chars * CW);
        assert_true(w.too_long);
        assert_true(w.n >= 2);
        for (size_t i = 0; i < w.n; i++) {
            size_t bad = 0;
            assert_true(strlen(w.lines[i]) > 0);
            assert_true(utf8_valid_text(w.lines[i], strlen(w.lines[i]), &bad));
            assert_true(width_of(w.lines[i], PX) <= chars * CW);
        }
        char *back = join(&w, "");
        assert_string_equal(back, word);
        free(back);
        wrapped_free(&w);
    }

    /* The rest of a split word continues the line with the next words. */
    w = wrap("abcdefgh ij", PX, 5 * CW);
    const char *const cont[] = {"abcde", "fgh", "ij"};
    assert_lines(&w, cont, 3);
    assert_true(w.too_long);
    wrapped_free(&w);

    /* Words that fit are not split just because another one is too long. */
    w = wrap("ab abcdefghij cd", PX, 5 * CW);
    assert_true(w.too_long);
    assert_string_equal(w.lines[0], "ab");
    char *back = join(&w, "|");
    assert_string_equal(back, "ab|abcde|fghij|cd");
    free(back);
    wrapped_free(&w);

    /* Narrower than a single code point: still makes progress, one code point a line. */
    w = wrap("äbc", PX, CW - 1);
    const char *const tiny[] = {"ä", "b", "c"};
    assert_lines(&w, tiny, 3);
    assert_true(w.too_long);
    wrapped_free(&w);
}

#define LRI "\xe2\x81\xa6"
#define RLI "\xe2\x81\xa7"
#define PDI "\xe2\x81\xa9"
#define RLE "\xe2\x80\xab"
#define RLO "\xe2\x80\xae"
#define PDF "\xe2\x80\xac"

/* s without the bidi controls (what a reader sees). Caller frees. */
static char *strip_controls(const char *s)
{
    strbuf sb;
    strbuf_init(&sb);
    strbuf_append(&sb, "", 0);
    while (*s) {
        const unsigned char *u = (const unsigned char *)s;
        bool ctl = u[0] == 0xE2 && ((u[1] == 0x81 && u[2] >= 0xA6 && u[2] <= 0xA9) ||
                                    (u[1] == 0x80 && u[2] >= 0xAA && u[2] <= 0xAE));
        if (ctl)
            s += 3;
        else
            strbuf_putc(&sb, *s++);
    }
    return strbuf_steal(&sb);
}

/* Each line is drawn as a paragraph of its own: an isolate or embedding that a line
 * break cuts through is closed at the end of the line and opened again on the next,
 * so every line is balanced and the visible text is unchanged. */
static void test_bidi_controls_carried_across_lines(void **state)
{
    (void)state;
    /* A phone number in an isolate, wrapped inside a right-to-left embedding. */
    const char *text = RLE "tel " LRI "0123 456 78-20" PDI " now" PDF " end";
    for (int chars = 4; chars <= 30; chars++) {
        wrapped w = wrap(text, PX, chars * CW);
        for (size_t i = 0; i < w.n; i++) {
            size_t bad = 0;
            uint32_t cp = 0;
            if (!utf8_bidi_balanced(w.lines[i], strlen(w.lines[i]), &bad, &cp))
                fail_msg("width %d, line %zu '%s': U+%04X at %zu", chars, i, w.lines[i],
                         (unsigned)cp, bad);
        }
        char *back = join(&w, "");
        char *seen = strip_controls(back);
        /* The spaces where lines break are gone; everything else is there, in order. */
        size_t k = 0;
        for (size_t j = 0; seen[j]; j++)
            if (seen[j] != ' ')
                seen[k++] = seen[j];
        seen[k] = '\0';
        assert_string_equal(seen, "tel012345678-20nowend");
        free(seen);
        free(back);
        wrapped_free(&w);
    }
    wrapped w = wrap("ab " LRI "cd ef" PDI, PX, 3 * CW);
    const char *const expect[] = {"ab", LRI "cd" PDI, LRI "ef" PDI};
    assert_lines(&w, expect, 3);
    wrapped_free(&w);
    /* Unbalanced input (no content check saw it) does not crash and is not "fixed" on
     * its last line; a stray PDI or PDF is ignored. */
    w = wrap(RLO "ab cd ef " PDI PDF PDF, PX, 3 * CW);
    const char *const stray[] = {RLO "ab" PDF, RLO "cd" PDF, RLO "ef" PDF, RLO PDI PDF PDF};
    assert_lines(&w, stray, 4);
    wrapped_free(&w);
    w = wrap(RLO "ab cd", PX, 3 * CW);
    const char *const open_end[] = {RLO "ab" PDF, RLO "cd"};
    assert_lines(&w, open_end, 2);
    wrapped_free(&w);
    /* Deeper than the carried stack: still balanced per line up to its limit, no crash. */
    strbuf deep;
    strbuf_init(&deep);
    for (int i = 0; i < 40; i++)
        strbuf_puts(&deep, RLI "x ");
    for (int i = 0; i < 40; i++)
        strbuf_puts(&deep, PDI);
    w = wrap(deep.data, PX, 2 * CW);
    assert_true(w.n >= 40);
    wrapped_free(&w);
    strbuf_finish(&deep);
}

static void test_bidi_balanced(void **state)
{
    (void)state;
    size_t bad = 99;
    uint32_t cp = 0;
    assert_true(utf8_bidi_balanced("", 0, &bad, &cp));
    const char *ok = RLE "a" LRI "1" PDI PDF "\n" RLO "b" PDF;
    assert_true(utf8_bidi_balanced(ok, strlen(ok), NULL, NULL));
    const char *open = "ab" RLO "c";
    assert_false(utf8_bidi_balanced(open, strlen(open), &bad, &cp));
    assert_int_equal(bad, 2);
    assert_int_equal(cp, 0x202E);
    /* Open at the end of a paragraph, even when the next one closes it. */
    const char *split = LRI "a\n" PDI;
    assert_false(utf8_bidi_balanced(split, strlen(split), &bad, &cp));
    assert_int_equal(bad, 0);
    assert_int_equal(cp, 0x2066);
    const char *crossed = RLE LRI PDF PDI;
    assert_false(utf8_bidi_balanced(crossed, strlen(crossed), &bad, &cp));
    assert_int_equal(bad, 6);
    assert_int_equal(cp, 0x202C);
    strbuf deep;
    strbuf_init(&deep);
    for (int i = 0; i < 17; i++)
        strbuf_puts(&deep, LRI);
    for (int i = 0; i < 17; i++)
        strbuf_puts(&deep, PDI);
    assert_false(utf8_bidi_balanced(deep.data, deep.len, &bad, &cp));
    assert_int_equal(bad, 16 * 3);
    strbuf_finish(&deep);
    assert_true(utf8_has_visible(" \xe2\x80\x8f" "a"));
    assert_false(utf8_has_visible(" \xe2\x80\x8f\xe2\x80\x8b\xc2\xa0\t" RLO PDF));
    char *m = str_for_message("a" RLO "\x1b\xff\xc2\x85" "bcdef", 7);
    assert_string_equal(m, "a<U+202E><U+001B><0xFF><U+0085>bc...");
    free(m);
}

/* The validator skips printable ASCII eight bytes at a time: a bad byte is found at
 * every offset and alignment, in every kind of neighbourhood, and good text of every
 * kind passes; a bidi control left open after long text and line breaks is found. */
static void test_text_problem_every_offset(void **state)
{
    (void)state;
    static const struct {
        const char *bytes, *why;
        uint32_t cp;
    } bad[] = {
        {"\x01", "control character", 0x01},
        {"\x1f", "control character", 0x1F},
        {"\x7f", "control character", 0x7F},
        {"\xc2\x85", "control character", 0x85},
        {"\x80", "invalid UTF-8", 0xFFFD},
        {"\xff", "invalid UTF-8", 0xFFFD},
        {"\xc2", "invalid UTF-8", 0xFFFD},
        {"\xc0\xa0", "invalid UTF-8", 0xFFFD},
        {"\xed\xa0\x80", "invalid UTF-8", 0xFFFD},
        {"\xef\xbf\xbe", "noncharacter", 0xFFFE},
        {"\xe2\x80\xa8", "line or paragraph separator", 0x2028},
    };
    static const char *const good[] = {
        "a",        "\t",           "\n",           "\xc2\xa0",
        "\xd8\xa7", "\xe1\x88\x80", "\xef\xbf\xbd", "\xf0\x9f\x98\x80"};
    char buf[64];
    for (size_t b = 0; b < ARRAY_LEN(bad); b++) {
        size_t blen = strlen(bad[b].bytes);
        for (size_t at = 0; at < 24; at++) {
            memset(buf, 'x', sizeof(buf));
            memcpy(buf + at, bad[b].bytes, blen);
            size_t off = 99;
            uint32_t cp = 0;
            const char *why = utf8_text_problem(buf, 40, &off, &cp);
            assert_non_null(why);
            assert_string_equal(why, bad[b].why);
            assert_int_equal(off, at);
            assert_int_equal(cp, bad[b].cp);
            /* Cut off before the bad byte: fine. */
            assert_null(utf8_text_problem(buf, at, NULL, NULL));
        }
    }
    for (size_t g = 0; g < ARRAY_LEN(good); g++) {
        size_t glen = strlen(good[g]);
        for (size_t at = 0; at < 24; at++) {
            memset(buf, 'y', sizeof(buf));
            memcpy(buf + at, good[g], glen);
            assert_null(utf8_text_problem(buf, 40, NULL, NULL));
        }
    }
    strbuf s;
    strbuf_init(&s);
    for (int i = 0; i < 50; i++)
        strbuf_puts(&s, "Hilfe \xd8\xa7 finden\n");
    strbuf_puts(&s, "end " RLI "open");
    size_t off = 0;
    uint32_t cp = 0;
    assert_false(utf8_bidi_balanced(s.data, s.len, &off, &cp));
    assert_int_equal(off, s.len - 7);
    assert_int_equal(cp, 0x2067);
    strbuf_puts(&s, PDI "\nmore text after it");
    assert_true(utf8_bidi_balanced(s.data, s.len, NULL, NULL));
    strbuf_finish(&s);
}

/* A 10 kB word without a space: split into lines that all fit, quickly, and the text
 * survives whole; fitting it into a box gives up at the smallest size with overflow. */
static void test_ten_kilobytes(void **state)
{
    (void)state;
    strbuf big;
    strbuf_init(&big);
    for (int i = 0; i < 1000; i++)
        strbuf_puts(&big, "Antr\xc3\xa4ge\xe2\x82\xac");
    wrapped w = wrap(big.data, PX, 37 * CW);
    assert_true(w.too_long);
    assert_int_equal(w.n, (8000 + 36) / 37);
    for (size_t i = 0; i < w.n; i++)
        assert_true(width_of(w.lines[i], PX) <= 37 * CW);
    char *back = join(&w, "");
    assert_string_equal(back, big.data);
    free(back);
    wrapped_free(&w);
    text_fit fit;
    text_fit_box(&fake_measure, big.data, 40, 20, false, 600, 400, &fit);
    assert_true(fit.overflow);
    assert_int_equal(fit.px, 20);
    text_fit_finish(&fit);
    strbuf_finish(&big);
}

static void test_empty(void **state)
{
    (void)state;
    wrapped w = wrap("", PX, 10 * CW);
    const char *const one_empty[] = {""};
    assert_lines(&w, one_empty, 1);
    assert_false(w.too_long);
    wrapped_free(&w);

    w = wrap(NULL, PX, 10 * CW);
    assert_lines(&w, one_empty, 1);
    assert_false(w.too_long);
    wrapped_free(&w);

    text_fit fit;
    text_fit_box(&fake_measure, "", 40, 20, false, 100, 100, &fit);
    assert_int_equal(fit.n_lines, 1);
    assert_string_equal(fit.lines[0], "");
    assert_int_equal(fit.px, 40);
    assert_false(fit.overflow);
    assert_int_equal(fit.width, 0);
    text_fit_finish(&fit);
    assert_null(fit.lines);
    assert_int_equal(fit.n_lines, 0);
}

/* Does text fit a box at px according to text_wrap? (the reference for text_fit_box) */
static bool fits_at(const char *text, int px, int max_w, int max_h)
{
    wrapped w = wrap(text, px, max_w);
    bool ok = !w.too_long && (int)w.n * fake_measure.line_height(NULL, px, false) <= max_h;
    wrapped_free(&w);
    return ok;
}

static void test_fit_keeps_size_when_it_fits(void **state)
{
    (void)state;
    text_fit fit;
    text_fit_box(&fake_measure, "Hallo Welt", 40, 20, true, 400, 50, &fit);
    assert_int_equal(fit.px, 40);
    assert_int_equal(fit.line_px, 50);
    assert_int_equal(fit.n_lines, 1);
    assert_string_equal(fit.lines[0], "Hallo Welt");
    assert_int_equal(fit.width, 10 * 20);
    assert_false(fit.overflow);
    text_fit_finish(&fit);
}

static void test_fit_picks_largest_size(void **state)
{
    (void)state;
    const char *texts[] = {
        "Beratung für Familien in allen Lebenslagen",
        "Kostenlose Hilfe bei Fragen zu Geld, Wohnung und Schulden.\nAuch ohne Termin.",
        "Erziehungsberatung",
        "Ein sehr langer Text, der in einem kleinen Kasten kaum Platz findet und daher "
        "kleiner gesetzt werden muss, damit er noch lesbar bleibt.",
    };
    const int boxes[][2] = {{300, 80}, {400, 120}, {200, 60}, {600, 200}, {250, 300}};
    for (size_t t = 0; t < sizeof(texts) / sizeof(texts[0]); t++) {
        for (size_t b = 0; b < sizeof(boxes) / sizeof(boxes[0]); b++) {
            int max_w = boxes[b][0], max_h = boxes[b][1];
            int expect = -1;
            for (int px = 48; px >= 12 && expect < 0; px--)
                if (fits_at(texts[t], px, max_w, max_h))
                    expect = px;
            text_fit fit;
            text_fit_box(&fake_measure, texts[t], 48, 12, false, max_w, max_h, &fit);
            if (expect < 0) {
                assert_true(fit.overflow);
                assert_int_equal(fit.px, 12);
            } else {
                assert_false(fit.overflow);
                assert_int_equal(fit.px, expect);
                /* What it returns really fits. */
                assert_true((int)fit.n_lines * fit.line_px <= max_h);
                for (size_t i = 0; i < fit.n_lines; i++)
                    assert_true(width_of(fit.lines[i], fit.px) <= max_w);
            }
            assert_int_equal(fit.line_px, fit.px * 5 / 4);
            int widest = 0;
            for (size_t i = 0; i < fit.n_lines; i++)
                if (width_of(fit.lines[i], fit.px) > widest)
                    widest = width_of(fit.lines[i], fit.px);
            assert_int_equal(fit.width, widest);
            text_fit_finish(&fit);
        }
    }
}

static void test_fit_overflow_at_min(void **state)
{
    (void)state;
    /* Far too much text for the box: overflow at min_px, every word still there. */
    const char *text = "eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf";
    text_fit fit;
    text_fit_box(&fake_measure, text, 40, 24, false, 120, 30, &fit);
    assert_true(fit.overflow);
    assert_int_equal(fit.px, 24);
    assert_int_equal(fit.line_px, 30);
    wrapped w = {fit.lines, fit.n_lines, false};
    char *back = join(&w, " ");
    assert_string_equal(back, text);
    free(back);
    text_fit_finish(&fit);

    /* A single word that is too long even at min_px overflows though the height fits. */
    text_fit_box(&fake_measure, "Donaudampfschifffahrtsgesellschaft", 40, 20, false, 100, 1000,
                 &fit);
    assert_true(fit.overflow);
    assert_int_equal(fit.px, 20);
    text_fit_finish(&fit);

    /* min_px above px: px is used and nothing loops. */
    text_fit_box(&fake_measure, "abc", 20, 30, false, 10, 10, &fit);
    assert_int_equal(fit.px, 20);
    assert_true(fit.overflow);
    text_fit_finish(&fit);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_fit_not_split),
        cmocka_unit_test(test_never_wider_than_max),
        cmocka_unit_test(test_no_break_space),
        cmocka_unit_test(test_paragraphs),
        cmocka_unit_test(test_break_after_hyphen_and_slash),
        cmocka_unit_test(test_overlong_word_split_on_code_points),
        cmocka_unit_test(test_bidi_controls_carried_across_lines),
        cmocka_unit_test(test_bidi_balanced),
        cmocka_unit_test(test_text_problem_every_offset),
        cmocka_unit_test(test_ten_kilobytes),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_fit_keeps_size_when_it_fits),
        cmocka_unit_test(test_fit_picks_largest_size),
        cmocka_unit_test(test_fit_overflow_at_min),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
