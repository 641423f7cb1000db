/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* test_rec.c - the record-file parser: fields, continuations, paragraphs, comments,
 * errors with file:line, CRLF/BOM and garbage input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "content/rec.h"
#include "base/util.h"

/* Parse through an exactly-sized heap copy, so that ASan catches reads past len. */
static rec_file *parse_n(const char *text, size_t len, site_errors *e)
{
    char *copy = xmalloc(len);
    memcpy(copy, text, len);
    rec_file *f = rec_parse("x.txt", copy, len, e);
    free(copy);
    return f;
}

static rec_file *parse_ok(const char *text)
{
    site_errors e;
    site_errors_init(&e);
    rec_file *f = parse_n(text, strlen(text), &e);
    for (size_t i = 0; i < e.count; i++)
        print_error("unexpected error: %s\n", e.messages[i]);
    assert_non_null(f);
    assert_int_equal(e.count, 0);
    site_errors_finish(&e);
    return f;
}

static void expect_errors(const char *text, const char *const *msgs, size_t n)
{
    site_errors e;
    site_errors_init(&e);
    rec_file *f = parse_n(text, strlen(text), &e);
    assert_null(f);
    if (e.count != n) {
        for (size_t i = 0; i < e.count; i++)
            print_error("  got: %s\n", e.messages[i]);
        fail_msg("expected %zu messages, got %zu", n, e.count);
    }
    for (size_t i = 0; i < n; i++)
        assert_string_equal(e.messages[i], msgs[i]);
    site_errors_finish(&e);
}

static void expect_error(const char *text, const char *msg)
{
    expect_errors(text, &msg, 1);
}

static void t_records(void **state)
{
    (void)state;
    rec_file *f = parse_ok("# A comment before everything\n"
                           "\n"
                           "Id: kita-1\n"
                           "Name:   Kita Sonnenblume  \n"
                           "Monday: 9:00-12:00\n"
                           "# a comment inside a record\n"
                           "Monday: 14:00-16:00\n"
                           "\n"
                           "\n"
                           "\n"
                           "Id: kita-2\n"
                           "Empty:\n"
                           "Url:https://example.org/a:b\n"
                           "x_y-Z9: ok\n");
    assert_int_equal(f->n_records, 2);
    const rec_record *r = &f->records[0];
    assert_int_equal(r->line, 3);
    assert_int_equal(r->n_fields, 4);
    assert_string_equal(r->fields[0].key, "Id");
    assert_string_equal(r->fields[0].value, "kita-1");
    assert_string_equal(r->fields[1].value, "Kita Sonnenblume");
    assert_int_equal(r->fields[1].line, 4);
    assert_string_equal(r->fields[2].value, "9:00-12:00");
    assert_string_equal(r->fields[3].key, "Monday");
    assert_string_equal(r->fields[3].value, "14:00-16:00");
    assert_int_equal(r->fields[3].line, 7);
    /* rec_get: first field, case-insensitive. */
    assert_ptr_equal(rec_get(r, "monday"), &r->fields[2]);
    assert_ptr_equal(rec_get(r, "NAME"), &r->fields[1]);
    assert_null(rec_get(r, "Phone"));
    assert_null(rec_get(r, "Mon"));
    assert_null(rec_get(NULL, "Id"));

    r = &f->records[1];
    assert_int_equal(r->line, 11);
    assert_string_equal(rec_get(r, "Empty")->value, "");
    assert_string_equal(rec_get(r, "Url")->value, "https://example.org/a:b");
    assert_string_equal(rec_get(r, "X_Y-z9")->value, "ok");
    rec_destroy(f);
    rec_destroy(NULL);
}

static void t_continuation(void **state)
{
    (void)state;
    rec_file *f = parse_ok("Description: Erste Zeile   \n"
                           "  zweite Zeile\n"
                           "\tdritte\tZeile  \n"
                           " .\n"
                           "   Neuer Absatz\n"
                           "# comments do not end a field\n"
                           " weiter.\n"
                           "Next:\n"
                           "  only on the next line\n"
                           "Dots: a\n"
                           " .\n"
                           " .\n"
                           " b\n"
                           "Trailing: x\n"
                           " .\n");
    const rec_record *r = &f->records[0];
    assert_string_equal(rec_get(r, "Description")->value,
                        "Erste Zeile zweite Zeile dritte\tZeile\nNeuer Absatz weiter.");
    assert_int_equal(rec_get(r, "Description")->line, 1);
    assert_string_equal(rec_get(r, "Next")->value, "only on the next line");
    assert_string_equal(rec_get(r, "Dots")->value, "a\n\nb");
    assert_string_equal(rec_get(r, "Trailing")->value, "x");
    rec_destroy(f);
}

static void t_blank_lines(void **state)
{
    (void)state;
    /* A line of only blanks is a blank line: it ends the record. */
    rec_file *f = parse_ok("A: 1\n   \nB: 2\n\t\nC: 3");
    assert_int_equal(f->n_records, 3);
    assert_string_equal(f->records[2].fields[0].value, "3");
    rec_destroy(f);

    f = parse_ok("");
    assert_int_equal(f->n_records, 0);
    rec_destroy(f);

    f = parse_ok("# only\n# comments\n\n");
    assert_int_equal(f->n_records, 0);
    rec_destroy(f);

    f = rec_parse("x.txt", NULL, 0, NULL);
    assert_non_null(f);
    assert_int_equal(f->n_records, 0);
    rec_destroy(f);
}

static void t_crlf_bom(void **state)
{
    (void)state;
    rec_file *f = parse_ok("\xEF\xBB\xBFName: Kita\r\n"
                           "Text: a\r\n"
                           " b\r\n"
                           " .\r\n"
                           " c\r\n"
                           "\r\n"
                           "Name: Zwei\r\n");
    assert_int_equal(f->n_records, 2);
    assert_string_equal(f->records[0].fields[0].key, "Name");
    assert_string_equal(f->records[0].fields[0].value, "Kita");
    assert_string_equal(f->records[0].fields[1].value, "a b\nc");
    assert_string_equal(f->records[1].fields[0].value, "Zwei");
    assert_int_equal(f->records[1].line, 7);
    rec_destroy(f);

    /* UTF-8 values pass through. */
    f = parse_ok("Name: \xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9 "
                 "Gr\xc3\xbc\xc3\x9f\xc3\xa8\n");
    assert_string_equal(
        f->records[0].fields[0].value,
        "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9 Gr\xc3\xbc\xc3\x9f\xc3\xa8");
    rec_destroy(f);
}

static void t_errors(void **state)
{
    (void)state;
    expect_error("Name: a\nno colon here\n", "x.txt:2: expected 'Key: value'");
    expect_error(" starts with a blank\n", "x.txt:1: continuation line without a field before it");
    expect_error("A: 1\n\n  after a blank line\n",
                 "x.txt:3: continuation line without a field before it");
    expect_error("Name: a\n: value\n", "x.txt:2: empty key before ':'");
    expect_error("Two words: a\n", "x.txt:1: invalid key 'Two words' (expected 'Key: value'; a "
                                   "key is a letter, then letters, digits, '-' or '_')");
    expect_error("1st: a\n", "x.txt:1: invalid key '1st' (expected 'Key: value'; a key is a "
                             "letter, then letters, digits, '-' or '_')");
    expect_error("Name: a\nText: b\xff\n", "x.txt:2: invalid UTF-8 at byte 8");
    expect_error("Name: a\xc3\n", "x.txt:1: invalid UTF-8 at byte 8");
    expect_error("Name: \xed\xa0\x80\n", "x.txt:1: invalid UTF-8 at byte 7"); /* surrogate */
    expect_error("Name: a\x01\n", "x.txt:1: control character 0x01 at byte 8");
    expect_error("Name: a\rb\n", "x.txt:1: control character 0x0D at byte 8");
    /* Valid UTF-8 that is still no text to show: C1 controls (a terminal's CSI and NEL),
     * noncharacters, the line and paragraph separators, overlong forms of '/' and NUL. */
    expect_error("Name: a\xc2\x9b" "31m\n", "x.txt:1: control character U+009B at byte 8");
    expect_error("Name: a\xc2\x85\n", "x.txt:1: control character U+0085 at byte 8");
    expect_error("Name: a\xef\xbf\xbe\n", "x.txt:1: noncharacter U+FFFE at byte 8");
    expect_error("Name: a\xef\xb7\x90\n", "x.txt:1: noncharacter U+FDD0 at byte 8");
    expect_error("Name: a\xf4\x8f\xbf\xbf\n", "x.txt:1: noncharacter U+10FFFF at byte 8");
    expect_error("Name: a\xe2\x80\xa8" "b\n",
                 "x.txt:1: line or paragraph separator U+2028 at byte 8");
    expect_error("Name: \xc0\xaf\n", "x.txt:1: invalid UTF-8 at byte 7");
    expect_error("Name: \xc0\x80\n", "x.txt:1: invalid UTF-8 at byte 7");
    expect_error("Name: \xe0\x80\xaf\n", "x.txt:1: invalid UTF-8 at byte 7");
    expect_error("Name: \xf4\x90\x80\x80\n", "x.txt:1: invalid UTF-8 at byte 7");
    /* A literal U+FFFD, tabs and bidi controls are text (site.c checks the balance). */
    rec_file *ok = parse_ok("Name: a\xef\xbf\xbd\tb\xe2\x80\xae\n");
    rec_destroy(ok);
    site_errors e;
    site_errors_init(&e);
    assert_null(parse_n("Name: a\0z\n", 10, &e)); /* a NUL byte inside the buffer */
    assert_int_equal(e.count, 1);
    assert_string_equal(e.messages[0], "x.txt:1: control character 0x00 at byte 8");
    site_errors_finish(&e);

    /* Several errors are all reported, in order. */
    static const char *const several[] = {
        "x.txt:2: expected 'Key: value'",
        "x.txt:4: continuation line without a field before it",
        "x.txt:5: empty key before ':'",
    };
    expect_errors("A: 1\nbad\n\n cont\n:x\nB: 2\n", several, ARRAY_LEN(several));

    /* A long bad key is cut in the message. */
    site_errors_init(&e);
    const char *longkey = "This is a very long line that is not a key at all, really: x\n";
    assert_null(parse_n(longkey, strlen(longkey), &e));
    assert_int_equal(e.count, 1);
    assert_true(strstr(e.messages[0], "'This is a very long line that is not a k...'") != NULL);
    site_errors_finish(&e);

    /* A flood of bad lines stops at a limit. */
    site_errors_init(&e);
    strbuf sb;
    strbuf_init(&sb);
    for (int i = 0; i < 1000; i++)
        strbuf_puts(&sb, "bad\n");
    assert_null(parse_n(sb.data, sb.len, &e));
    assert_int_equal(e.count, 51);
    assert_string_equal(e.messages[50], "x.txt:50: too many errors; giving up");
    strbuf_finish(&sb);
    site_errors_finish(&e);

    assert_null(rec_parse("x.txt", "bad", 3, NULL));
}

static uint32_t rng_next(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

static void t_garbage(void **state)
{
    (void)state;
    const char *valid = "\xEF\xBB\xBF# c\r\nId: a\r\nText: x\n y\n .\n z\n\nId: \xc3\xa4\n";
    size_t len = strlen(valid);
    for (size_t n = 0; n <= len; n++) {
        site_errors e;
        site_errors_init(&e);
        rec_destroy(parse_n(valid, n, &e));
        site_errors_finish(&e);
    }
    uint32_t seed = 99;
    char *buf = xmalloc(len);
    for (int round = 0; round < 4000; round++) {
        memcpy(buf, valid, len);
        int flips = 1 + (int)(rng_next(&seed) % 6);
        for (int i = 0; i < flips; i++) {
            static const char interesting[] = " \t\n\r:#.\xff\xc3\xef";
            uint32_t r = rng_next(&seed);
            buf[rng_next(&seed) % len] =
                (r & 1) ? (char)(r >> 8) : interesting[(r >> 8) % (sizeof(interesting) - 1)];
        }
        site_errors e;
        site_errors_init(&e);
        rec_file *f = parse_n(buf, rng_next(&seed) % (len + 1), &e);
        if (f) {
            assert_int_equal(e.count, 0);
            for (size_t i = 0; i < f->n_records; i++)
                for (size_t k = 0; k < f->records[i].n_fields; k++)
                    assert_non_null(f->records[i].fields[k].value);
        }
        rec_destroy(f);
        site_errors_finish(&e);
    }
    free(buf);
    for (int round = 0; round < 500; round++) {
        size_t n = rng_next(&seed) % 400;
        char *r = xmalloc(n);
        for (size_t i = 0; i < n; i++)
            r[i] = (char)rng_next(&seed);
        site_errors e;
        site_errors_init(&e);
        rec_destroy(rec_parse("r.txt", r, n, &e));
        site_errors_finish(&e);
        free(r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(t_records),     cmocka_unit_test(t_continuation),
        cmocka_unit_test(t_blank_lines), cmocka_unit_test(t_crlf_bom),
        cmocka_unit_test(t_errors),      cmocka_unit_test(t_garbage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
