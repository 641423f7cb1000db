/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* test_qr_capacity.c - the core's QR arithmetic (core/ui/qr_payload.c: the byte-mode
 * capacity table at level M, the 2 bytes counted for the ECI header, modules per side,
 * the largest payload the layout's box takes) against what libqrencode really makes of
 * a payload, through render/'s own encoder (qr_modules_for: the code qr_draw draws,
 * level M raised to Q or H within the same version). The layout reserves room and
 * --check-site refuses payloads by the core's numbers: if they were smaller than the
 * real code, a code would be drawn grey or too small to scan. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "render.h"
#include "ui/qr_payload.h"

#define MAX_LEN 2400 /* past version 40's 2331 bytes at level M */

/* A payload of exactly n bytes: ASCII, or (utf8) starting with "ä" so that the encoder
 * puts the ECI header in front. Caller frees. */
static char *payload_of(size_t n, bool utf8)
{
    char *p = malloc(n + 1);
    assert_non_null(p);
    for (size_t i = 0; i < n; i++)
        p[i] = (char)('a' + i % 26);
    if (utf8 && n >= 2) {
        p[0] = (char)0xC3;
        p[1] = (char)0xA4;
    }
    p[n] = '\0';
    return p;
}

/* The lengths worth encoding (the large versions are slow): every one up to 300 and
 * from 2325 on, and those within a few bytes of where the core's table changes version,
 * where an off-by-one in the table or in the ECI header's count would show. */
static bool interesting(size_t n)
{
    return n <= 300 || n >= 2325 ||
           qr_payload_version_estimate(n - 4) != qr_payload_version_estimate(n + 3);
}

/* Plain ASCII: the core's prediction is exactly the code drawn, at every length. */
static void test_ascii_exact(void **state)
{
    (void)state;
    size_t checked = 0;
    for (size_t n = 1; n <= MAX_LEN; n++) {
        if (!interesting(n))
            continue;
        char *p = payload_of(n, false);
        assert_int_equal(qr_payload_encoded_bytes(p), n);
        int want = qr_payload_modules(n);
        int got = qr_modules_for(p);
        if (got != want)
            fail_msg("%zu ASCII bytes: the core predicts %d modules, libqrencode makes %d", n, want,
                     got);
        free(p);
        checked++;
    }
    assert_true(checked > 500);
}

/* UTF-8 text, behind the ECI header (counted as 3 bytes, see qr_payload.h): the
 * prediction is never smaller than the real code and at most one version larger, so a
 * box the layout sizes with qr_payload_min_box_px always gets QR_PAYLOAD_MIN_MODULE_PX
 * per module. */
static void test_eci_never_smaller(void **state)
{
    (void)state;
    size_t checked = 0, exact = 0;
    for (size_t n = 2; n <= MAX_LEN; n++) {
        if (!interesting(n))
            continue;
        char *p = payload_of(n, true);
        size_t bytes = qr_payload_encoded_bytes(p);
        assert_int_equal(bytes, n + 3);
        int want = qr_payload_modules(bytes);
        int got = qr_modules_for(p);
        bool ok =
            want < 0 ? (got < 0 || got == 177) : (got > 0 && (got == want || got == want - 4));
        if (!ok)
            fail_msg("%zu UTF-8 bytes: the core predicts %d modules, libqrencode makes %d", n, want,
                     got);
        int box = qr_payload_min_box_px(bytes);
        if (box > 0 && qr_module_px(box, box, got) < QR_PAYLOAD_MIN_MODULE_PX)
            fail_msg("%zu UTF-8 bytes: %d px per module in the box the core asks for", n,
                     qr_module_px(box, box, got));
        exact += got == want;
        free(p);
        checked++;
    }
    assert_true(checked > 500);
    assert_true(exact > checked / 2);
}

/* The largest payload --check-site accepts fits the layout's box at the smallest module
 * size a phone reads, with its quiet zone; one byte more does not. */
static void test_max_bytes_fit_the_box(void **state)
{
    (void)state;
    size_t max = qr_payload_max_bytes();
    char *p = payload_of(max, false);
    int m = qr_modules_for(p);
    assert_true(m > 0);
    assert_true(qr_module_px(QR_PAYLOAD_BOX_PX, QR_PAYLOAD_BOX_PX, m) >= QR_PAYLOAD_MIN_MODULE_PX);
    assert_int_equal(qr_payload_min_box_px(max), (m + 2 * QR_PAYLOAD_QUIET_MODULES) * 4);
    assert_true(qr_payload_min_box_px(max) <= QR_PAYLOAD_BOX_PX);
    free(p);
    p = payload_of(max + 1, false);
    m = qr_modules_for(p);
    assert_true(qr_module_px(QR_PAYLOAD_BOX_PX, QR_PAYLOAD_BOX_PX, m) < QR_PAYLOAD_MIN_MODULE_PX);
    free(p);
}

static void test_unencodable(void **state)
{
    (void)state;
    assert_int_equal(qr_modules_for(""), -1);
    assert_int_equal(qr_modules_for(NULL), -1);
    char *p = payload_of(2332, false);
    assert_int_equal(qr_modules_for(p), -1);
    assert_int_equal(qr_payload_modules(qr_payload_encoded_bytes(p)), -1);
    free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ascii_exact),
        cmocka_unit_test(test_eci_never_smaller),
        cmocka_unit_test(test_max_bytes_fit_the_box),
        cmocka_unit_test(test_unencodable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
