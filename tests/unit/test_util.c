/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* test_util.c - the code point classes every part of the kiosk shares (base/util.h):
 * bidi controls (U+061C among them), format characters, white space, controls,
 * noncharacters and the drawn combining marks; the code point counter; the ASCII
 * case-insensitive comparisons; the wiping frees. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/util.h"

typedef struct bidi_case {
    uint32_t cp;
    cp_bidi kind;
} bidi_case;

static void test_bidi_controls(void **state)
{
    (void)state;
    static const bidi_case cases[] = {
        {0x061C, CP_BIDI_MARK},    {0x200E, CP_BIDI_MARK},    {0x200F, CP_BIDI_MARK},
        {0x202A, CP_BIDI_EMBED},   {0x202B, CP_BIDI_EMBED},   {0x202C, CP_BIDI_PDF},
        {0x202D, CP_BIDI_EMBED},   {0x202E, CP_BIDI_EMBED},   {0x2066, CP_BIDI_ISOLATE},
        {0x2067, CP_BIDI_ISOLATE}, {0x2068, CP_BIDI_ISOLATE}, {0x2069, CP_BIDI_PDI},
    };
    size_t controls = 0;
    for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
        uint32_t cp = cases[i].cp;
        assert_int_equal(cp_bidi_kind(cp), cases[i].kind);
        assert_true(cp_is_bidi_control(cp));
        assert_true(cp_is_format(cp));
        assert_false(cp_is_space(cp));
        assert_false(cp_is_control(cp));
    }
    /* Exactly these twelve in all of Unicode. */
    for (uint32_t cp = 0; cp <= 0x10FFFF; cp++)
        controls += cp_is_bidi_control(cp);
    assert_int_equal(controls, ARRAY_LEN(cases));
    /* Neighbours that are something else. */
    static const uint32_t not_bidi[] = {0x061B, 0x061D, 0x200B, 0x200C, 0x200D, 0x2029,
                                        0x202F, 0x2065, 0x206A, 0xFEFF, 0x0627};
    for (size_t i = 0; i < ARRAY_LEN(not_bidi); i++) {
        assert_int_equal(cp_bidi_kind(not_bidi[i]), CP_BIDI_NONE);
        assert_false(cp_is_bidi_control(not_bidi[i]));
    }
}

static void test_format_characters(void **state)
{
    (void)state;
    /* ZWSP, ZWNJ, ZWJ, word joiner and invisible operators, BOM, soft hyphen, CGJ,
     * variation selectors (Mongolian ones too), tags: drawn as nothing. */
    static const uint32_t format[] = {0x200B, 0x200C, 0x200D, 0x2060,  0x2064,
                                      0xFEFF, 0x00AD, 0x034F, 0xFE00,  0xFE0F,
                                      0x180B, 0x180E, 0x180F, 0xE0001, 0xE007F};
    for (size_t i = 0; i < ARRAY_LEN(format); i++) {
        assert_true(cp_is_format(format[i]));
        assert_false(cp_is_space(format[i]));
        assert_false(cp_is_bidi_control(format[i]));
    }
    /* Combining marks are drawn on their base: Arabic harakat (fatha, kasra, damma,
     * shadda, sukun, superscript alef), Hebrew points, Latin diacritics, Ethiopic
     * U+135D-U+135F. Arabic letters and the tatweel are letters. */
    static const uint32_t drawn[] = {0x064B, 0x064E, 0x0650, 0x064F, 0x0651, 0x0652,
                                     0x0670, 0x05B0, 0x0300, 0x0301, 0x0308, 0x135D,
                                     0x135F, 0x0627, 0x0640, 0x1200};
    for (size_t i = 0; i < ARRAY_LEN(drawn); i++) {
        assert_false(cp_is_format(drawn[i]));
        assert_false(cp_is_space(drawn[i]));
        assert_false(cp_is_control(drawn[i]));
    }
    /* A name made of one haraka shows something; one of ALM and ZWJ shows nothing. */
    assert_true(utf8_has_visible("\u064E"));
    assert_true(utf8_has_visible("\u135F"));
    assert_false(utf8_has_visible("\u061C"));
    assert_false(utf8_has_visible(" \u200D\u200C\u00A0\u2066\u2069"));
}

static void test_space_control_noncharacter(void **state)
{
    (void)state;
    static const uint32_t space[] = {' ',    '\t',   '\n',   0x7F,   0xA0,   0x1680, 0x2000,
                                     0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000};
    for (size_t i = 0; i < ARRAY_LEN(space); i++) {
        assert_true(cp_is_space(space[i]));
        assert_false(cp_is_format(space[i]));
    }
    assert_false(cp_is_space('a'));
    assert_false(cp_is_space(0x200B)); /* zero width: a format character */

    static const uint32_t control[] = {0x00, 0x09, 0x1F, 0x7F, 0x80, 0x85, 0x9F};
    for (size_t i = 0; i < ARRAY_LEN(control); i++)
        assert_true(cp_is_control(control[i]));
    assert_false(cp_is_control(0x20));
    assert_false(cp_is_control(0xA0));
    assert_false(cp_is_control(0x061C));

    static const uint32_t nonchar[] = {0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF};
    for (size_t i = 0; i < ARRAY_LEN(nonchar); i++)
        assert_true(cp_is_noncharacter(nonchar[i]));
    assert_false(cp_is_noncharacter(0xFDCF));
    assert_false(cp_is_noncharacter(0xFDF0));
    assert_false(cp_is_noncharacter(0xFFFD));
    size_t n = 0;
    for (uint32_t cp = 0; cp <= 0x10FFFF; cp++)
        n += cp_is_noncharacter(cp);
    assert_int_equal(n, 66); /* Unicode: 32 + 2 per plane */
}

/* The validators agree with the classes. */
static void test_text_checks_use_the_classes(void **state)
{
    (void)state;
    size_t off = 99;
    uint32_t cp = 0;
    assert_string_equal(utf8_text_problem("ab\xef\xb7\x90", 5, &off, &cp), "noncharacter");
    assert_int_equal(off, 2);
    assert_int_equal(cp, 0xFDD0);
    assert_string_equal(utf8_text_problem("a\xc2\x85", 3, &off, &cp), "control character");
    assert_int_equal(cp, 0x85);
    /* Format characters and marks are text a kiosk may show. */
    const char *fine = "\u061C\u200E\u200D\u064E\u135D\uFFFD a\tb\n";
    assert_null(utf8_text_problem(fine, strlen(fine), NULL, NULL));
    /* A mark opens nothing: balanced; an isolate does. */
    const char *marks = "\u061Ca\u200F"
                        "b\u200E";
    assert_true(utf8_bidi_balanced(marks, strlen(marks), NULL, NULL));
    const char *open = "a\u2067"
                       "b";
    assert_false(utf8_bidi_balanced(open, strlen(open), &off, &cp));
    assert_int_equal(off, 1);
    assert_int_equal(cp, 0x2067);
    char *m = str_for_message("x\u061Cy\u200Dz\u064E", 10);
    assert_string_equal(m, "x<U+061C>y<U+200D>z\u064E");
    free(m);
}

static void test_count(void **state)
{
    (void)state;
    assert_int_equal(utf8_length(""), 0);
    assert_int_equal(utf8_length("Stra\u00dfe"), 6);
    assert_int_equal(utf8_length("\u0645\u0631\u062d\u0628\u0627"), 5);
    assert_int_equal(utf8_length("\u1230\u120b\u121d"), 3);
    assert_int_equal(utf8_length("\xf0\x9f\x98\x80!"), 2);
    /* A stray continuation byte is not a character; a lone lead byte is. */
    assert_int_equal(utf8_length("a\x80"
                                 "b\xc3"),
                     3);
    assert_int_equal(utf8_count("Stra\u00dfe", 5), 5); /* "Stra" and the lead of ß */
    assert_int_equal(utf8_count("Stra\u00dfe", 6), 5);
    assert_int_equal(utf8_count("abc", 0), 0);
}

static void test_case_insensitive(void **state)
{
    (void)state;
    assert_true(str_equal_ci("Plural-Forms", "plural-forms"));
    assert_true(str_equal_ci("DE", "de"));
    assert_true(str_equal_ci("", ""));
    assert_false(str_equal_ci("de", "de-AT"));
    assert_false(str_equal_ci("de-AT", "de"));
    /* ASCII only: 'I' folds to 'i' whatever the locale; non-ASCII bytes are compared as
     * they are, so "Ä" and "ä" differ, and '@' / '`' are not letters. */
    assert_true(str_equal_ci("TIGRINYA", "tigrinya"));
    assert_false(str_equal_ci("\u00c4", "\u00e4"));
    assert_false(str_equal_ci("@", "`"));
    assert_false(str_equal_ci("[", "{"));

    assert_true(str_starts_with_ci("Content-Type: text/plain", 24, "content-type:"));
    assert_true(str_starts_with_ci("UTF-8", 5, "utf-8"));
    assert_false(str_starts_with_ci("UTF-8", 4, "utf-8")); /* only n bytes count */
    assert_true(str_starts_with_ci("abc", 3, ""));
    assert_false(str_starts_with_ci("ab", 2, "abc"));
}

static void test_wiped_frees(void **state)
{
    (void)state;
    str_free_wiped(NULL);
    lines_free_wiped(NULL, 0);
    char **lines = xcalloc(3, sizeof(*lines));
    lines[0] = xstrdup("Ayşe Yılmaz");
    lines[2] = xstrdup("0176 1234567");
    lines_free_wiped(lines, 3); /* a NULL line is skipped; LeakSanitizer checks the rest */
    strbuf sb;
    strbuf_init(&sb);
    strbuf_finish_wiped(&sb);
    strbuf_puts(&sb, "secret");
    strbuf_finish_wiped(&sb);
    assert_null(sb.data);
    assert_int_equal(sb.len, 0);
    assert_int_equal(sb.cap, 0);
    unsigned char buf[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    secure_zero(buf, sizeof(buf) - 1);
    for (size_t i = 0; i + 1 < sizeof(buf); i++)
        assert_int_equal(buf[i], 0);
    assert_int_equal(buf[7], 8);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bidi_controls),
        cmocka_unit_test(test_format_characters),
        cmocka_unit_test(test_space_control_noncharacter),
        cmocka_unit_test(test_text_checks_use_the_classes),
        cmocka_unit_test(test_count),
        cmocka_unit_test(test_case_insensitive),
        cmocka_unit_test(test_wiped_frees),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
