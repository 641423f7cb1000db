/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* test_po.c - the PO reader: entries, escapes, plural forms, errors, garbage input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "content/po.h"
#include "base/util.h"

/* Parse a NUL-terminated text through an exactly-sized heap copy, so that ASan catches
 * any read past len. */
static po_catalog *parse_n(const char *text, size_t len, site_errors *e)
{
    char *copy = xmalloc(len);
    memcpy(copy, text, len);
    po_catalog *c = po_parse("t.po", copy, len, e);
    free(copy);
    return c;
}

static po_catalog *parse(const char *text, site_errors *e)
{
    return parse_n(text, strlen(text), e);
}

static po_catalog *parse_ok(const char *text)
{
    site_errors e;
    site_errors_init(&e);
    po_catalog *c = parse(text, &e);
    for (size_t i = 0; i < e.count; i++)
        print_error("unexpected error: %s\n", e.messages[i]);
    assert_non_null(c);
    assert_int_equal(e.count, 0);
    site_errors_finish(&e);
    return c;
}

static bool has_message(const site_errors *e, const char *msg)
{
    for (size_t i = 0; i < e->count; i++)
        if (strcmp(e->messages[i], msg) == 0)
            return true;
    return false;
}

/* Parsing text fails with (at least) the message msg. */
static void expect_error(const char *text, const char *msg)
{
    site_errors e;
    site_errors_init(&e);
    po_catalog *c = parse(text, &e);
    assert_null(c);
    if (!has_message(&e, msg)) {
        print_error("expected \"%s\", got:\n", msg);
        for (size_t i = 0; i < e.count; i++)
            print_error("  %s\n", e.messages[i]);
        fail();
    }
    site_errors_finish(&e);
}

#define HEADER(plural)                                                                             \
    "msgid \"\"\n"                                                                                 \
    "msgstr \"\"\n"                                                                                \
    "\"Project-Id-Version: lotse\\n\"\n"                                                           \
    "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"                                             \
    "\"Plural-Forms: " plural "\\n\"\n"                                                            \
    "\n"

static void t_basic(void **state)
{
    (void)state;
    po_catalog *c =
        parse_ok(HEADER("nplurals=2; plural=(n != 1);") "# translator comment\n"
                                                        "#. extracted comment\n"
                                                        "#: src/core/ui.c:12\n"
                                                        "msgid \"Hello\"\n"
                                                        "msgstr \"Hallo\"\n"
                                                        "\n"
                                                        "msgctxt \"weekday\"\n"
                                                        "msgid \"Monday\"\n"
                                                        "msgstr \"Montag\"\n"
                                                        "\n"
                                                        "msgid \"Monday\"\n"
                                                        "msgstr \"Montag (ohne Kontext)\"\n"
                                                        "\n"
                                                        "msgid \"Empty\"\n"
                                                        "msgstr \"\"\n"
                                                        "\n"
                                                        "#, fuzzy, c-format\n"
                                                        "#| msgid \"Old\"\n"
                                                        "msgid \"Fuzzy\"\n"
                                                        "msgstr \"Unscharf\"\n");
    assert_string_equal(po_lookup(c, NULL, "Hello"), "Hallo");
    assert_string_equal(po_lookup(c, "weekday", "Monday"), "Montag");
    assert_string_equal(po_lookup(c, NULL, "Monday"), "Montag (ohne Kontext)");
    assert_null(po_lookup(c, "other", "Monday"));
    assert_null(po_lookup(c, NULL, "Missing"));
    assert_null(po_lookup(c, NULL, "Empty"));
    assert_null(po_lookup(c, NULL, "Fuzzy"));
    assert_null(po_lookup(c, NULL, ""));
    assert_null(po_lookup(c, NULL, NULL));
    assert_true(po_has(c, NULL, "Empty"));
    assert_true(po_has(c, NULL, "Fuzzy"));
    assert_false(po_has(c, NULL, "Missing"));
    po_stats st = po_get_stats(c);
    assert_int_equal(st.translated, 3);
    assert_int_equal(st.fuzzy, 1);
    assert_int_equal(st.untranslated, 1);
    po_destroy(c);
    po_destroy(NULL);
    assert_null(po_lookup(NULL, NULL, "x"));
    assert_int_equal(po_plural_index(NULL, 5), 0);
}

static void t_multiline_and_escapes(void **state)
{
    (void)state;
    po_catalog *c =
        parse_ok("msgid \"\"\n"
                 "\"Long \"\n"
                 "  \"text\"\n"
                 "msgstr \"\"\n"
                 "\"Langer \"   \n"
                 "\"Text\"\n"
                 "\n"
                 "msgid \"esc\"\n"
                 "msgstr \"a\\nb\\tc\\\"d\\\\ef\\101\\x42\\303\\244\"\n"
                 "msgid \"utf8\"\n"
                 "msgstr \"Gr\xc3\xbc\xc3\x9f\xc3\xa8 \xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\"\n");
    assert_string_equal(po_lookup(c, NULL, "Long text"), "Langer Text");
    assert_string_equal(po_lookup(c, NULL, "esc"), "a\nb\tc\"d\\efAB\xc3\xa4");
    assert_string_equal(po_lookup(c, NULL, "utf8"),
                        "Gr\xc3\xbc\xc3\x9f\xc3\xa8 \xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a");
    po_destroy(c);
}

static void t_crlf_bom_and_obsolete(void **state)
{
    (void)state;
    po_catalog *c = parse_ok("\xEF\xBB\xBFmsgid \"a\"\r\n"
                             "msgstr \"b\"\r\n"
                             "\r\n"
                             "#~ msgid \"old\"\r\n"
                             "#~ msgstr \"alt\"\r\n"
                             "\r\n"
                             "msgid \"c\"\r\n"
                             "msgstr \"d\""); /* no final newline */
    assert_string_equal(po_lookup(c, NULL, "a"), "b");
    assert_string_equal(po_lookup(c, NULL, "c"), "d");
    assert_false(po_has(c, NULL, "old"));
    po_stats st = po_get_stats(c);
    assert_int_equal(st.translated, 2);
    po_destroy(c);
}

static void t_plural_german(void **state)
{
    (void)state;
    po_catalog *c = parse_ok(HEADER("nplurals=2; plural=(n != 1);") "msgid \"%d day\"\n"
                                                                    "msgid_plural \"%d days\"\n"
                                                                    "msgstr[0] \"%d Tag\"\n"
                                                                    "msgstr[1] \"%d Tage\"\n"
                                                                    "\n"
                                                                    "msgid \"half\"\n"
                                                                    "msgid_plural \"halves\"\n"
                                                                    "msgstr[0] \"Hälfte\"\n"
                                                                    "msgstr[1] \"\"\n");
    assert_int_equal(po_plural_index(c, 0), 1);
    assert_int_equal(po_plural_index(c, 1), 0);
    assert_int_equal(po_plural_index(c, 2), 1);
    assert_string_equal(po_lookup_plural(c, NULL, "%d day", 1), "%d Tag");
    assert_string_equal(po_lookup_plural(c, NULL, "%d day", 7), "%d Tage");
    assert_string_equal(po_lookup(c, NULL, "%d day"), "%d Tag");
    assert_string_equal(po_lookup_plural(c, NULL, "half", 1), "Hälfte");
    assert_null(po_lookup_plural(c, NULL, "half", 2));
    assert_null(po_lookup_plural(c, NULL, "nothing", 2));
    po_stats st = po_get_stats(c);
    assert_int_equal(st.translated, 1);
    assert_int_equal(st.untranslated, 1);
    po_destroy(c);
}

static void t_plural_russian(void **state)
{
    (void)state;
    po_catalog *c =
        parse_ok(HEADER("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
                        "(n%100<10 || n%100>=20) ? 1 : 2);") "msgid \"%d file\"\n"
                                                             "msgid_plural \"%d files\"\n"
                                                             "msgstr[0] \"%d файл\"\n"
                                                             "msgstr[1] \"%d файла\"\n"
                                                             "msgstr[2] \"%d файлов\"\n");
    static const struct {
        unsigned long n;
        unsigned form;
    } cases[] = {{0, 2},  {1, 0},  {2, 1},  {4, 1},   {5, 2},   {11, 2},  {12, 2},  {14, 2},
                 {21, 0}, {22, 1}, {25, 2}, {101, 0}, {111, 2}, {112, 2}, {122, 1}, {1001, 0}};
    for (size_t i = 0; i < ARRAY_LEN(cases); i++)
        assert_int_equal(po_plural_index(c, cases[i].n), cases[i].form);
    assert_string_equal(po_lookup_plural(c, NULL, "%d file", 3), "%d файла");
    assert_string_equal(po_lookup_plural(c, NULL, "%d file", 11), "%d файлов");
    po_destroy(c);
}

static void t_plural_arabic(void **state)
{
    (void)state;
    po_catalog *c = parse_ok(
        HEADER("nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
               "n%100>=11 ? 4 : 5;"));
    static const struct {
        unsigned long n;
        unsigned form;
    } cases[] = {{0, 0},  {1, 1},   {2, 2},   {3, 3},   {10, 3},  {11, 4},
                 {99, 4}, {100, 5}, {101, 5}, {102, 5}, {103, 3}, {111, 4}};
    for (size_t i = 0; i < ARRAY_LEN(cases); i++)
        assert_int_equal(po_plural_index(c, cases[i].n), cases[i].form);
    po_destroy(c);
}

static void t_plural_expression_edges(void **state)
{
    (void)state;
    po_catalog *c = parse_ok(HEADER("nplurals=2; plural=n/0 + n%0;"));
    assert_int_equal(po_plural_index(c, 7), 0); /* division by zero gives 0 */
    po_destroy(c);

    c = parse_ok(HEADER("nplurals=3; plural=n;"));
    assert_int_equal(po_plural_index(c, 2), 2);
    assert_int_equal(po_plural_index(c, 3), 0); /* out of range: form 0, like gettext */
    assert_int_equal(po_plural_index(c, 1000000), 0);
    po_destroy(c);

    c = parse_ok(HEADER("nplurals=2; plural=!(n<=1) * (1 - 0) + (2*3-6) / 1 ? 1 : 0;"));
    assert_int_equal(po_plural_index(c, 1), 0);
    assert_int_equal(po_plural_index(c, 2), 1);
    po_destroy(c);

    c = parse_ok(HEADER("nplurals=1; plural=0;"));
    assert_int_equal(po_plural_index(c, 0), 0);
    assert_int_equal(po_plural_index(c, 5), 0);
    po_destroy(c);

    /* A ?: nests to the right; a template's placeholder counts as no Plural-Forms. */
    c = parse_ok(HEADER("nplurals=4; plural=n==1 ? 0 : n==2 ? 1 : n>10 ? 3 : 2;"));
    assert_int_equal(po_plural_index(c, 1), 0);
    assert_int_equal(po_plural_index(c, 2), 1);
    assert_int_equal(po_plural_index(c, 5), 2);
    assert_int_equal(po_plural_index(c, 50), 3);
    po_destroy(c);

    c = parse_ok(HEADER("nplurals=INTEGER; plural=EXPRESSION;"));
    assert_int_equal(po_plural_index(c, 5), 0);
    po_destroy(c);

    /* No header at all: always form 0. */
    c = parse_ok("msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"x\"\nmsgstr[1] \"y\"\n");
    assert_int_equal(po_plural_index(c, 5), 0);
    assert_string_equal(po_lookup_plural(c, NULL, "a", 5), "x");
    po_destroy(c);
}

static void t_bad_plural_forms(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "nplurals=2; plural=n +;",
        "nplurals=2; plural=(n != 1;",
        "nplurals=2; plural=n ? 1;",
        "nplurals=0; plural=0;",
        "nplurals=99; plural=0;",
        "nplurals=x; plural=0;",
        "nplurals=2; plural=x;",
        "nplurals=2; plural=nn;",
        "nplurals=2; plural=n & 1;",
        "nplurals=2; plural=n 1;",
        "nplurals=2; plural=99999999999999999999999999;",
        "nplurals=2;",
        "plural=n;",
        "nplurals=2; plural=n; color=red;",
        "nonsense",
    };
    for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
        char *text = xasprintf("msgid \"\"\nmsgstr \"Plural-Forms: %s\\n\"\n", bad[i]);
        site_errors e;
        site_errors_init(&e);
        po_catalog *c = parse(text, &e);
        if (c || e.count == 0 || !str_starts_with(e.messages[0], "t.po:1: bad Plural-Forms"))
            fail_msg("accepted or wrong message for '%s': %s", bad[i],
                     e.count ? e.messages[0] : "(none)");
        site_errors_finish(&e);
        free(text);
    }
}

/* Expressions nested or chained far beyond any language must be refused, not crash. */
static void t_deep_expressions(void **state)
{
    (void)state;
    const char *shapes[][3] = {
        {"(", "n", ")"}, {"!", "n", ""}, {"n+", "n", ""}, {"n?", "n", ":n"}, {"n?0:", "n", ""}};
    for (size_t s = 0; s < ARRAY_LEN(shapes); s++) {
        strbuf sb;
        strbuf_init(&sb);
        strbuf_puts(&sb, "msgid \"\"\nmsgstr \"Plural-Forms: nplurals=2; plural=");
        for (int i = 0; i < 5000; i++)
            strbuf_puts(&sb, shapes[s][0]);
        strbuf_puts(&sb, shapes[s][1]);
        for (int i = 0; i < 5000; i++)
            strbuf_puts(&sb, shapes[s][2]);
        strbuf_puts(&sb, ";\\n\"\n");
        site_errors e;
        site_errors_init(&e);
        po_catalog *c = parse(sb.data, &e);
        assert_null(c);
        assert_true(e.count >= 1);
        assert_true(str_starts_with(e.messages[0], "t.po:1: bad Plural-Forms: expression"));
        site_errors_finish(&e);
        strbuf_finish(&sb);
    }
    /* Moderate nesting is fine. */
    po_catalog *c = parse_ok(HEADER("nplurals=2; plural=((((((((((n != 1))))))))));"));
    assert_int_equal(po_plural_index(c, 2), 1);
    po_destroy(c);
}

static void t_errors(void **state)
{
    (void)state;
    expect_error("msgid \"a\"\nmsgstr \"b\n", "t.po:2: unterminated string");
    expect_error("msgid \"a\"\nmsgstr \"b\\\"\n", "t.po:2: unterminated string");
    expect_error("msgid \"a\"\nmsgstr \"b\\\n",
                 "t.po:2: unterminated string (backslash at the end of the line)");
    expect_error("\n\nmsgstr \"b\"\n", "t.po:3: msgstr without msgid");
    expect_error("msgid \"a\"\nmsgstr \"b\"\nmsgstr \"c\"\n", "t.po:3: msgstr without msgid");
    expect_error("msgid \"a\"\nmsgstr \"\\q\"\n", "t.po:2: bad escape '\\q'");
    expect_error("msgid \"a\"\nmsgstr \"\\x\"\n", "t.po:2: bad escape '\\x' (needs hex digits)");
    expect_error("msgid \"a\"\nmsgstr \"\\0\"\n",
                 "t.po:2: bad escape: a NUL byte is not allowed in a string");
    expect_error("msgid \"a\"\nmsgstr \"\\777\"\n", "t.po:2: bad escape: octal value over \\377");
    expect_error("msgid \"a\"\nmsgstr \"\xff\"\n", "t.po:2: invalid UTF-8 at byte 9");
    expect_error("msgid \"a\"\nmsgstr \"\xc3\"\n", "t.po:2: invalid UTF-8 at byte 9");
    expect_error("msgid \"a\"\nmsgstr \"\x01\"\n", "t.po:2: control character 0x01 at byte 9");
    expect_error("msgid \"a\"\nmsgstr \"\\xff\"\n",
                 "t.po:2: invalid UTF-8 in a string (from an escape)");
    /* Escapes that make what the line check would refuse: controls (an ANSI escape
     * sequence, CR, BEL), C1 and surrogates and overlong forms written in octal; and bidi
     * controls left open, raw or escaped. Reported at the string's own line. */
    expect_error("msgid \"a\"\nmsgstr \"\\x1b[2J\"\n",
                 "t.po:2: control character U+001B in a string (from an escape)");
    expect_error("msgid \"a\"\nmsgstr \"x\\ry\"\n",
                 "t.po:2: control character U+000D in a string (from an escape)");
    expect_error("msgid \"a\"\nmsgstr \"\\a\"\n",
                 "t.po:2: control character U+0007 in a string (from an escape)");
    expect_error("msgid \"a\"\nmsgstr \"\\302\\205\"\n",
                 "t.po:2: control character U+0085 in a string (from an escape)");
    expect_error("msgid \"a\"\nmsgstr \"\\357\\277\\277\"\n",
                 "t.po:2: noncharacter U+FFFF in a string (from an escape)");
    expect_error("msgid \"a\"\nmsgstr \"\\355\\240\\200\"\n",
                 "t.po:2: invalid UTF-8 in a string (from an escape)");
    expect_error("msgid \"a\"\nmsgstr \"\\300\\257\"\n",
                 "t.po:2: invalid UTF-8 in a string (from an escape)");
    expect_error("msgid \"a\"\nmsgstr \"\"\n\"ok \"\n\"\\x1b\"\n",
                 "t.po:2: control character U+001B in a string (from an escape)");
    expect_error("msgid \"\\x1b\"\nmsgstr \"a\"\n",
                 "t.po:1: control character U+001B in a string (from an escape)");
    expect_error("msgid \"a\"\nmsgstr \"\xe2\x80\xae" "abc\"\n",
                 "t.po:2: unbalanced bidi control U+202E in a string (each U+202A, U+202B, "
                 "U+202D, U+202E needs a U+202C after it, each U+2066-U+2068 a U+2069, in the "
                 "same paragraph)");
    expect_error("msgid \"a\"\nmsgid_plural \"b\"\nmsgstr[0] \"x\"\n"
                 "msgstr[1] \"\\342\\201\\251\"\n",
                 "t.po:4: unbalanced bidi control U+2069 in a string (each U+202A, U+202B, "
                 "U+202D, U+202E needs a U+202C after it, each U+2066-U+2068 a U+2069, in the "
                 "same paragraph)");
    expect_error("msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"a\"\nmsgstr \"c\"\n",
                 "t.po:4: duplicate msgid \"a\" (first at line 1)");
    expect_error("msgctxt \"k\"\nmsgid \"a\"\nmsgstr \"b\"\n\nmsgctxt \"k\"\nmsgid \"a\"\n"
                 "msgstr \"c\"\n",
                 "t.po:5: duplicate msgid \"a\" in context \"k\" (first at line 1)");
    expect_error("msgid \"\"\nmsgstr \"\"\n\nmsgid \"\"\nmsgstr \"\"\n",
                 "t.po:4: duplicate header entry (msgid \"\", first at line 1)");
    expect_error("msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"c\"\n", "t.po:1: msgid without msgstr");
    expect_error("msgid \"a\"\nmsgstr \"b\"\nmsgid \"z\"\n", "t.po:3: msgid without msgstr");
    expect_error("msgctxt \"a\"\n", "t.po:1: msgctxt without msgid");
    expect_error("msgid \"a\"\nmsgid_plural \"b\"\nmsgstr \"c\"\n",
                 "t.po:3: msgstr after msgid_plural (expected msgstr[0])");
    expect_error("msgid \"a\"\nmsgstr[0] \"c\"\n", "t.po:2: msgstr[0] without msgid_plural");
    expect_error("msgid_plural \"a\"\n", "t.po:1: msgid_plural without msgid");
    expect_error("msgid \"a\"\nmsgid_plural \"b\"\nmsgstr[1] \"c\"\n",
                 "t.po:3: msgstr[1] out of order (expected msgstr[0])");
    expect_error("msgid \"a\"\nmsgid_plural \"b\"\nmsgstr[0] \"c\"\nmsgstr[x] \"d\"\n",
                 "t.po:4: bad plural index in msgstr[...]");
    expect_error("msgid \"a\" x\nmsgstr \"b\"\n", "t.po:1: unexpected text after the string");
    expect_error("msgid a\nmsgstr \"b\"\n", "t.po:1: expected a string after msgid");
    expect_error("msgid \"a\"\nmsgfoo \"b\"\n", "t.po:2: unknown keyword 'msgfoo'");
    expect_error("msgid \"a\"\nmsgstr \"b\"\n%%%\n",
                 "t.po:3: unexpected text (expected a keyword, a string or a comment)");
    expect_error("\"orphan\"\n", "t.po:1: string without a keyword before it");
    expect_error("msgid \"a\"\nmsgstr \"b\"\n# c\n\"orphan\"\n",
                 "t.po:4: string without a keyword before it");
    expect_error(HEADER("nplurals=3; plural=n%3;") "msgid \"a\"\nmsgid_plural \"b\"\n"
                                                   "msgstr[0] \"x\"\nmsgstr[1] \"y\"\n",
                 "t.po:7: 2 plural forms, but Plural-Forms says nplurals=3");
    expect_error("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n",
                 "t.po:1: unsupported charset 'ISO-8859-1' (use UTF-8)");

    /* The same msgid in different contexts is not a duplicate. */
    po_catalog *c = parse_ok("msgid \"a\"\nmsgstr \"1\"\nmsgctxt \"x\"\nmsgid \"a\"\nmsgstr "
                             "\"2\"\nmsgctxt \"\"\nmsgid \"a\"\nmsgstr \"3\"\n");
    assert_string_equal(po_lookup(c, NULL, "a"), "1");
    assert_string_equal(po_lookup(c, "x", "a"), "2");
    assert_string_equal(po_lookup(c, "", "a"), "3");
    po_destroy(c);

    /* Messages are cut to a readable length. */
    expect_error("msgid \"0123456789012345678901234567890123456789abcdef\\n\"\nmsgstr \"\"\n"
                 "msgid \"0123456789012345678901234567890123456789abcdef\\n\"\nmsgstr \"\"\n",
                 "t.po:3: duplicate msgid \"0123456789012345678901234567890123456789...\" "
                 "(first at line 1)");

    /* Errors are collected, up to a limit. */
    site_errors e;
    site_errors_init(&e);
    strbuf sb;
    strbuf_init(&sb);
    for (int i = 0; i < 1000; i++)
        strbuf_puts(&sb, "msgstr \"x\"\n");
    assert_null(parse(sb.data, &e));
    assert_true(e.count > 1 && e.count <= 51);
    assert_string_equal(e.messages[e.count - 1], "t.po:50: too many errors; giving up");
    strbuf_finish(&sb);
    site_errors_finish(&e);

    /* A NULL error list is allowed. */
    assert_null(po_parse("t.po", "msgstr \"x\"", 10, NULL));
}

/* What is text: balanced bidi controls (raw or escaped), ZWNJ, a literal U+FFFD, a tab,
 * an empty msgstr (untranslated) and a 10 kB msgstr without a space. */
static void t_text_content(void **state)
{
    (void)state;
    strbuf big;
    strbuf_init(&big);
    strbuf_puts(&big, "msgid \"big\"\nmsgstr \"");
    for (int i = 0; i < 1000; i++)
        strbuf_puts(&big, "\xc3\xa4" "bcdefghij");
    strbuf_puts(&big, "\"\n");
    po_catalog *c = parse_ok("msgid \"a\"\nmsgstr \"\xe2\x81\xa6" "09:00\xe2\x81\xa9 x\"\n"
                             "msgid \"b\"\nmsgstr \"\\342\\200\\256ab\\342\\200\\254\"\n"
                             "msgid \"c\"\nmsgstr \"\xd9\x85\xe2\x80\x8c\xd9\x8a\tz\xef\xbf\xbd\"\n"
                             "msgid \"d\"\nmsgstr \"\"\n");
    assert_string_equal(po_lookup(c, NULL, "b"), "\xe2\x80\xae" "ab\xe2\x80\xac");
    assert_null(po_lookup(c, NULL, "d"));
    po_destroy(c);
    c = parse_ok(big.data);
    assert_int_equal(strlen(po_lookup(c, NULL, "big")), 11000);
    po_destroy(c);
    strbuf_finish(&big);
}

static void t_many_entries(void **state)
{
    (void)state;
    strbuf sb;
    strbuf_init(&sb);
    for (int i = 0; i < 5000; i++)
        strbuf_printf(&sb, "msgctxt \"c%d\"\nmsgid \"id%d\"\nmsgstr \"str%d\"\n\n", i % 3, i, i);
    po_catalog *c = parse_ok(sb.data);
    for (int i = 0; i < 5000; i++) {
        char ctx[16], id[16], str[16];
        snprintf(ctx, sizeof(ctx), "c%d", i % 3);
        snprintf(id, sizeof(id), "id%d", i);
        snprintf(str, sizeof(str), "str%d", i);
        assert_string_equal(po_lookup(c, ctx, id), str);
        assert_null(po_lookup(c, NULL, id));
    }
    assert_int_equal(po_get_stats(c).translated, 5000);
    po_destroy(c);
    strbuf_finish(&sb);
}

static uint32_t rng_next(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

static void exercise(po_catalog *c)
{
    if (!c)
        return;
    for (unsigned long n = 0; n < 30; n++) {
        (void)po_plural_index(c, n);
        (void)po_lookup_plural(c, NULL, "a", n);
    }
    (void)po_lookup(c, NULL, "a");
    (void)po_get_stats(c);
    po_destroy(c);
}

static void t_garbage(void **state)
{
    (void)state;
    const char *valid =
        HEADER("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "
               "n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);") "#, fuzzy\n"
                                                               "msgctxt \"k\"\n"
                                                               "msgid \"a\\n\\t\\\"\"\n"
                                                               "msgid_plural \"as\"\n"
                                                               "msgstr[0] \"x\\101\"\n"
                                                               "msgstr[1] \"y\\x41\"\n"
                                                               "msgstr[2] \"z\"\n"
                                                               "#~ msgid \"old\"\n"
                                                               "msgid \"a\"\r\n"
                                                               "msgstr \"\"\n"
                                                               "\"\xc3\xa4\"\n";
    size_t len = strlen(valid);

    /* Every prefix. */
    for (size_t n = 0; n <= len; n++) {
        site_errors e;
        site_errors_init(&e);
        exercise(parse_n(valid, n, &e));
        site_errors_finish(&e);
    }
    /* The whole file must be valid to make the mutations meaningful. */
    exercise(parse_ok(valid));

    uint32_t seed = 12345;
    char *buf = xmalloc(len);
    for (int round = 0; round < 4000; round++) {
        memcpy(buf, valid, len);
        int flips = 1 + (int)(rng_next(&seed) % 8);
        for (int i = 0; i < flips; i++) {
            size_t at = rng_next(&seed) % len;
            static const char interesting[] = "\"\\\n#[]0:;?()!%=n\x04\xff\xc3";
            uint32_t r = rng_next(&seed);
            buf[at] = (r & 1) ? (char)(r >> 8) : interesting[(r >> 8) % (sizeof(interesting) - 1)];
        }
        size_t n = rng_next(&seed) % (len + 1);
        site_errors e;
        site_errors_init(&e);
        exercise(parse_n(buf, n, &e));
        site_errors_finish(&e);
    }
    free(buf);

    /* Pure random bytes. */
    for (int round = 0; round < 500; round++) {
        size_t n = rng_next(&seed) % 600;
        char *r = xmalloc(n);
        for (size_t i = 0; i < n; i++)
            r[i] = (char)rng_next(&seed);
        site_errors e;
        site_errors_init(&e);
        exercise(po_parse("r.po", r, n, &e));
        site_errors_finish(&e);
        free(r);
    }
    exercise(po_parse("null.po", NULL, 0, NULL));
}

static void t_compare_with_template(void **state)
{
    (void)state;
    po_catalog *pot = parse_ok("msgid \"\"\nmsgstr \"\"\n\n"
                               "msgid \"One\"\nmsgstr \"\"\n\n"
                               "msgid \"Two\"\nmsgstr \"\"\n\n"
                               "msgctxt \"weekday\"\nmsgid \"Monday\"\nmsgstr \"\"\n\n"
                               "msgid \"Four\"\nmsgstr \"\"\n");
    po_catalog *c = parse_ok("msgid \"\"\nmsgstr \"Language: de\\n\"\n\n"
                             "msgid \"One\"\nmsgstr \"Eins\"\n\n"
                             "#, fuzzy\nmsgid \"Two\"\nmsgstr \"Zwo\"\n\n"
                             "msgctxt \"weekday\"\nmsgid \"Monday\"\nmsgstr \"Montag\"\n\n"
                             "msgid \"Obsolete\"\nmsgstr \"Alt\"\n");
    po_stats st = po_compare(c, pot);
    assert_int_equal(st.translated, 2); /* One, Monday (in its context) */
    assert_int_equal(st.fuzzy, 1);
    assert_int_equal(st.untranslated, 1); /* Four is missing */
    st = po_compare(NULL, pot);
    assert_int_equal(st.untranslated, 4);
    po_destroy(c);
    po_destroy(pot);
}

static void t_placeholders(void **state)
{
    (void)state;
    site_errors e;
    site_errors_init(&e);
    po_catalog *ok =
        parse_ok("msgid \"\"\nmsgstr \"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\n"
                 "msgid \"Hi {name}, {n} new\"\nmsgstr \"{n} neu, {name}\"\n\n"
                 "msgid \"{n} minute\"\nmsgid_plural \"{n} minutes\"\n"
                 "msgstr[0] \"eine Minute\"\nmsgstr[1] \"{n} Minuten\"\n\n"
                 "msgid \"Not {translated} yet\"\nmsgstr \"\"\n");
    assert_int_equal(po_check_placeholders(ok, "ok.po", &e), 0);
    po_catalog *bad = parse_ok("msgid \"\"\nmsgstr \"\"\n\n"
                               "msgid \"Next: {when}\"\nmsgstr \"Nächste: {wann}\"\n\n"
                               "msgid \"{n} new\"\nmsgstr \"neu\"\n");
    assert_int_equal(po_check_placeholders(bad, "bad.po", &e), 3);
    assert_string_equal(e.messages[0],
                        "bad.po:4: the translation has a placeholder the original lacks: {wann}");
    assert_string_equal(e.messages[1], "bad.po:4: the translation lacks the placeholder {when}");
    assert_string_equal(e.messages[2], "bad.po:7: the translation lacks the placeholder {n}");
    po_destroy(ok);
    po_destroy(bad);
    site_errors_finish(&e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(t_basic),
        cmocka_unit_test(t_multiline_and_escapes),
        cmocka_unit_test(t_crlf_bom_and_obsolete),
        cmocka_unit_test(t_plural_german),
        cmocka_unit_test(t_plural_russian),
        cmocka_unit_test(t_plural_arabic),
        cmocka_unit_test(t_plural_expression_edges),
        cmocka_unit_test(t_bad_plural_forms),
        cmocka_unit_test(t_deep_expressions),
        cmocka_unit_test(t_errors),
        cmocka_unit_test(t_text_content),
        cmocka_unit_test(t_many_entries),
        cmocka_unit_test(t_garbage),
        cmocka_unit_test(t_compare_with_template),
        cmocka_unit_test(t_placeholders),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
