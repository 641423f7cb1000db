/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* test_phone.c - the phone number check (phone.c): the formats parents and staff write,
 * the exact length limits, what is refused and why, and the canonical form. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "request/phone.h"

#define OUT_SIZE 20

/* Check in, expect PHONE_OK and exactly `canonical` in a 20-byte buffer. */
static void expect_ok(const char *in, const char *canonical)
{
    char out[OUT_SIZE];
    memset(out, 'x', sizeof out);
    phone_result r = phone_check(in, out, sizeof out);
    if (r != PHONE_OK)
        fail_msg("\"%s\": result %d, expected PHONE_OK", in, (int)r);
    if (strcmp(out, canonical) != 0)
        fail_msg("\"%s\": got \"%s\", expected \"%s\"", in, out, canonical);
}

/* Check in, expect `want` and an empty out. */
static void expect_result(const char *in, phone_result want)
{
    char out[OUT_SIZE];
    memset(out, 'x', sizeof out);
    phone_result r = phone_check(in, out, sizeof out);
    if (r != want)
        fail_msg("\"%s\": result %d, expected %d", in ? in : "(null)", (int)r, (int)want);
    assert_string_equal(out, "");
}

static void test_german_mobile(void **state)
{
    (void)state;
    expect_ok("0151 2345678", "01512345678");
    expect_ok("01512345678", "01512345678");
    expect_ok("0151-234 567 8", "01512345678");
    expect_ok("0176/12345678", "017612345678");
    expect_ok("0172.123.45.67", "01721234567");
    expect_ok("(0160) 9123 4567", "016091234567");
    expect_ok("  0151 2345678  ", "01512345678");
}

static void test_german_landline(void **state)
{
    (void)state;
    expect_ok("(0221) 12 34 56", "0221123456");
    expect_ok("0221/123456-0", "02211234560");
    expect_ok("030 12345678", "03012345678");
    expect_ok("0 30.123.456", "030123456");
    expect_ok("089 / 1234 - 567", "0891234567");
    expect_ok("03491 12345", "0349112345"); /* small town, five-digit area code */
}

static void test_international_plus(void **state)
{
    (void)state;
    expect_ok("+49 151 2345678", "+491512345678");
    expect_ok("+491512345678", "+491512345678");
    expect_ok("+49 (221) 123456", "+49221123456");
    expect_ok("  +49 30 12345678", "+493012345678"); /* spaces before '+' */
    expect_ok("(+49) 30 12345678", "+493012345678"); /* '+' inside the bracket */
    expect_ok("+ 49 30 12345678", "+493012345678");  /* a space after '+' */
}

static void test_international_00(void **state)
{
    (void)state;
    expect_ok("0049 151 2345678", "+491512345678");
    expect_ok("0049-30-12345678", "+493012345678");
    expect_ok("00 49 30 12345678", "+493012345678");
    expect_ok("0 0 4 9 3 0 1 2 3 4 5 6 7 8", "+493012345678"); /* tapped digit by digit */
}

static void test_international_countries(void **state)
{
    (void)state;
    /* Turkey: mobile and Istanbul landline. */
    expect_ok("+90 532 123 45 67", "+905321234567");
    expect_ok("0090 532 123 45 67", "+905321234567");
    expect_ok("+90 (212) 123 45 67", "+902121234567");
    /* Ukraine: Kyivstar mobile and Kyiv landline. */
    expect_ok("+380 67 123 4567", "+380671234567");
    expect_ok("00380 44 123 45 67", "+380441234567");
    /* Syria: mobile and Damascus landline. */
    expect_ok("+963 944 123 456", "+963944123456");
    expect_ok("00963 11 234 5678", "+963112345678");
    /* One-digit country codes. */
    expect_ok("+1 (202) 555-0143", "+12025550143");
    expect_ok("+7 495 123-45-67", "+74951234567");
}

/* "+49 (0)151 ...": the bracketed trunk 0 is not dialled from abroad. */
static void test_bracketed_trunk_zero(void **state)
{
    (void)state;
    expect_ok("+49 (0)151 2345678", "+491512345678");
    expect_ok("+49 (0) 30 12345678", "+493012345678");
    expect_ok("0049 (0)221 123456", "+49221123456");
    expect_ok("+49(0)30/12345678", "+493012345678");
    /* Only right after a country digit; a national number keeps its 0. */
    expect_ok("(0)151 2345678", "01512345678");
    expect_result("+(0)49 151 2345678", PHONE_NO_AREA_CODE);
    /* "(0" without ")" or "(01)" is not the trunk 0: brackets are plain separators. */
    expect_ok("+49 (01) 51 2345678", "+4901512345678");
}

static void test_national_length_limits(void **state)
{
    (void)state;
    expect_result("01234", PHONE_TOO_SHORT);          /* 0 + 4 */
    expect_ok("012345", "012345");                    /* 0 + 5: shortest */
    expect_ok("0 12 34 5", "012345");                 /* separators do not count */
    expect_ok("01234567890123", "01234567890123");    /* 0 + 13: longest */
    expect_result("012345678901234", PHONE_TOO_LONG); /* 0 + 14 */
    expect_result("0", PHONE_TOO_SHORT);
    expect_result("0 ", PHONE_TOO_SHORT);
}

static void test_international_length_limits(void **state)
{
    (void)state;
    expect_result("+123456", PHONE_TOO_SHORT);          /* 6 */
    expect_ok("+1234567", "+1234567");                  /* 7: shortest */
    expect_ok("+123456789012345", "+123456789012345");  /* 15: longest (E.164) */
    expect_result("+1234567890123456", PHONE_TOO_LONG); /* 16 */
    /* The same limits after "00": the prefix does not count. */
    expect_result("00123456", PHONE_TOO_SHORT);
    expect_ok("001234567", "+1234567");
    expect_ok("00123456789012345", "+123456789012345");
    expect_result("001234567890123456", PHONE_TOO_LONG);
    /* Only a prefix. */
    expect_result("+", PHONE_TOO_SHORT);
    expect_result(" + ", PHONE_TOO_SHORT);
    expect_result("00", PHONE_TOO_SHORT);
}

/* The longest canonical form fits a 20-byte buffer exactly as promised (ASan checks). */
static void test_exact_out_size(void **state)
{
    (void)state;
    char out[20];
    assert_int_equal(phone_check("00 123 456 789 012 345", out, sizeof out), PHONE_OK);
    assert_string_equal(out, "+123456789012345");
    assert_int_equal(phone_check("0123 4567 890 123", out, sizeof out), PHONE_OK);
    assert_string_equal(out, "01234567890123");
}

/* A script holding the "1" key: counted, never stored past the limit. */
static void test_very_long_input(void **state)
{
    (void)state;
    char in[4001];
    memset(in, '1', sizeof in - 1);
    in[0] = '+';
    in[sizeof in - 1] = '\0';
    expect_result(in, PHONE_TOO_LONG);
    in[0] = '0';
    expect_result(in, PHONE_TOO_LONG);
    in[1] = '0';
    expect_result(in, PHONE_TOO_LONG);
    /* A bad character at the very end is still found. */
    in[sizeof in - 2] = 'x';
    expect_result(in, PHONE_BAD_CHAR);
}

static void test_bad_chars(void **state)
{
    (void)state;
    expect_result("0151 23a4567", PHONE_BAD_CHAR);
    expect_result("abc", PHONE_BAD_CHAR);
    expect_result("Mama", PHONE_BAD_CHAR);
    expect_result("O151 2345678", PHONE_BAD_CHAR); /* a letter O, not a zero */
    expect_result("0151_2345678", PHONE_BAD_CHAR);
    expect_result("0151\t2345678", PHONE_BAD_CHAR);
    expect_result("0151 2345678\n", PHONE_BAD_CHAR);
    expect_result("0151*2345678", PHONE_BAD_CHAR);
    expect_result("0151 2345678#", PHONE_BAD_CHAR);
    expect_result("0151,2345678", PHONE_BAD_CHAR);
    expect_result("[0151] 2345678", PHONE_BAD_CHAR);
    /* Non-ASCII: full-width digits, Arabic-Indic digits, a no-break space. */
    expect_result("0151 \xef\xbc\x92\xef\xbc\x93", PHONE_BAD_CHAR);
    expect_result("\xd9\xa0\xd9\xa1\xd9\xa5\xd9\xa1", PHONE_BAD_CHAR);
    expect_result("0151\xc2\xa0"
                  "2345678",
                  PHONE_BAD_CHAR);
    /* A bad character wins over every other finding. */
    expect_result("x", PHONE_BAD_CHAR);
    expect_result("1x", PHONE_BAD_CHAR);
    expect_result("+0x", PHONE_BAD_CHAR);
}

static void test_plus_placement(void **state)
{
    (void)state;
    expect_result("0151+2345678", PHONE_BAD_CHAR);
    expect_result("49+151 2345678", PHONE_BAD_CHAR);
    expect_result("+49 151 +2345678", PHONE_BAD_CHAR);
    expect_result("++49 151 2345678", PHONE_BAD_CHAR);
    expect_result("+ +49 151 2345678", PHONE_BAD_CHAR);
    expect_result("0049 151 2345678+", PHONE_BAD_CHAR);
    expect_result("+49 151 2345678+", PHONE_BAD_CHAR);
}

static void test_country_code_zero(void **state)
{
    (void)state;
    expect_result("000 49 151 2345678", PHONE_NO_AREA_CODE);
    expect_result("0001512345678", PHONE_NO_AREA_CODE);
    expect_result("+0 151 2345678", PHONE_NO_AREA_CODE);
    expect_result("+0049 151 2345678", PHONE_NO_AREA_CODE);
    expect_result("+ 0151 2345678", PHONE_NO_AREA_CODE);
    /* Even when too short as well: the country code is the thing to fix. */
    expect_result("000", PHONE_NO_AREA_CODE);
    expect_result("+0", PHONE_NO_AREA_CODE);
}

static void test_no_area_code(void **state)
{
    (void)state;
    expect_result("1512345678", PHONE_NO_AREA_CODE);
    expect_result("12 34 56", PHONE_NO_AREA_CODE);
    expect_result("49 151 2345678", PHONE_NO_AREA_CODE);
    expect_result("123", PHONE_NO_AREA_CODE); /* short too, but the area code is missing */
    expect_result("1", PHONE_NO_AREA_CODE);
    expect_result("(1) 234567", PHONE_NO_AREA_CODE);
}

static void test_empty(void **state)
{
    (void)state;
    expect_result("", PHONE_EMPTY);
    expect_result(" ", PHONE_EMPTY);
    expect_result("     ", PHONE_EMPTY);
    expect_result(" - / . ( ) ", PHONE_EMPTY);
    expect_result("()", PHONE_EMPTY);
    expect_result(NULL, PHONE_EMPTY);
}

/* Caller bugs: no usable buffer never gives PHONE_OK and never writes past out_size. */
static void test_bad_out_buffer(void **state)
{
    (void)state;
    assert_int_equal(phone_check("0151 2345678", NULL, 20), PHONE_EMPTY);
    assert_int_equal(phone_check("0151 2345678", NULL, 0), PHONE_EMPTY);

    char small[19];
    memset(small, 'x', sizeof small);
    assert_int_equal(phone_check("0151 2345678", small, sizeof small), PHONE_EMPTY);
    assert_string_equal(small, "");
    assert_int_equal((unsigned char)small[1], 'x'); /* nothing else written */

    char one = 'x';
    assert_int_equal(phone_check("0151 2345678", &one, 1), PHONE_EMPTY);
    assert_int_equal(one, '\0');

    char none = 'x';
    assert_int_equal(phone_check("0151 2345678", &none, 0), PHONE_EMPTY);
    assert_int_equal(none, 'x'); /* out_size 0: untouched */
}

/* A refused number after an accepted one leaves no trace of the earlier number. */
static void test_out_cleared_on_failure(void **state)
{
    (void)state;
    char out[OUT_SIZE];
    assert_int_equal(phone_check("0151 2345678", out, sizeof out), PHONE_OK);
    assert_string_equal(out, "01512345678");
    assert_int_equal(phone_check("0151 2", out, sizeof out), PHONE_TOO_SHORT);
    assert_string_equal(out, "");
    assert_int_equal(phone_check("0151 2345678", out, sizeof out), PHONE_OK);
    assert_int_equal(phone_check("0151 2345678a", out, sizeof out), PHONE_BAD_CHAR);
    assert_string_equal(out, "");
}

/* The canonical form is accepted again unchanged (stored numbers re-check cleanly). */
static void test_canonical_is_stable(void **state)
{
    (void)state;
    static const char *const inputs[] = {
        "0151 2345678",     "(0221) 12 34 56",   "0221/123456-0",    "+49 151 2345678",
        "0049 151 2345678", "+90 532 123 45 67", "+380 67 123 4567", "00963 11 234 5678",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        char once[OUT_SIZE], twice[OUT_SIZE];
        assert_int_equal(phone_check(inputs[i], once, sizeof once), PHONE_OK);
        assert_int_equal(phone_check(once, twice, sizeof twice), PHONE_OK);
        assert_string_equal(once, twice);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_german_mobile),
        cmocka_unit_test(test_german_landline),
        cmocka_unit_test(test_international_plus),
        cmocka_unit_test(test_international_00),
        cmocka_unit_test(test_international_countries),
        cmocka_unit_test(test_bracketed_trunk_zero),
        cmocka_unit_test(test_national_length_limits),
        cmocka_unit_test(test_international_length_limits),
        cmocka_unit_test(test_exact_out_size),
        cmocka_unit_test(test_very_long_input),
        cmocka_unit_test(test_bad_chars),
        cmocka_unit_test(test_plus_placement),
        cmocka_unit_test(test_country_code_zero),
        cmocka_unit_test(test_no_area_code),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_bad_out_buffer),
        cmocka_unit_test(test_out_cleared_on_failure),
        cmocka_unit_test(test_canonical_is_stable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
