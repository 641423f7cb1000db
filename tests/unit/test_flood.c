/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* test_flood.c - the contact request flood guard and the admin PIN lock-out (flood.c).
 * Times in the flood tests are milliseconds of a monotonic clock; the PIN tests use
 * UTC seconds. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "request/flood.h"

#define SEC(s) ((int64_t)(s)*1000)
#define MIN(m) (SEC(m) * 60)
#define T0 INT64_C(5000000) /* some uptime: the clock does not start at 0 */

/* A digest that differs for every seed. */
static void digest_of(unsigned char d[FLOOD_DIGEST_BYTES], int seed)
{
    for (int i = 0; i < FLOOD_DIGEST_BYTES; i++)
        d[i] = (unsigned char)(seed * 31 + i * 7 + 1);
}

static bool all_zero(const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        if (b[i] != 0)
            return false;
    return true;
}

/* Check with a fresh digest for seed, and record it if accepted. */
static flood_verdict submit(flood_guard *g, int limit, int64_t now, int seed, const char *ticket)
{
    unsigned char d[FLOOD_DIGEST_BYTES];
    digest_of(d, seed);
    flood_verdict v = flood_check(g, limit, now, d);
    if (v == FLOOD_ACCEPT)
        flood_record(g, now, d, ticket);
    return v;
}

static void test_init(void **state)
{
    (void)state;
    flood_guard g;
    memset(&g, 0xa5, sizeof g);
    flood_init(&g);
    assert_int_equal(g.n_accepted, 0);
    assert_false(g.has_last);
    assert_true(all_zero(g.last_digest, sizeof g.last_digest));
    assert_true(all_zero(g.last_ticket, sizeof g.last_ticket));
    unsigned char d[FLOOD_DIGEST_BYTES] = {0}; /* an all-zero digest is not "the last one" */
    assert_int_equal(flood_check(&g, FLOOD_DEFAULT_LIMIT, T0, d), FLOOD_ACCEPT);
    flood_init(NULL); /* no crash */
}

/* The sixth different request within ten minutes is refused. */
static void test_limit_reached(void **state)
{
    (void)state;
    flood_guard g;
    flood_init(&g);
    for (int i = 0; i < FLOOD_DEFAULT_LIMIT; i++)
        assert_int_equal(submit(&g, FLOOD_DEFAULT_LIMIT, T0 + SEC(i), i, "100 000"), FLOOD_ACCEPT);
    assert_int_equal(g.n_accepted, FLOOD_DEFAULT_LIMIT);
    assert_int_equal(submit(&g, FLOOD_DEFAULT_LIMIT, T0 + SEC(10), 99, "100 000"), FLOOD_REFUSE);
    assert_int_equal(submit(&g, FLOOD_DEFAULT_LIMIT, T0 + MIN(9), 98, "100 000"), FLOOD_REFUSE);
    assert_int_equal(g.n_accepted, FLOOD_DEFAULT_LIMIT);
    /* A larger limit lets the same guard accept more. */
    assert_int_equal(submit(&g, 6, T0 + MIN(9), 97, "100 000"), FLOOD_ACCEPT);
}

/* flood_check judges only; a child tapping "send" on a refused screen changes nothing. */
static void test_check_records_nothing(void **state)
{
    (void)state;
    flood_guard g;
    flood_init(&g);
    unsigned char d[FLOOD_DIGEST_BYTES];
    digest_of(d, 1);
    for (int i = 0; i < 50; i++)
        assert_int_equal(flood_check(&g, 1, T0 + i, d), FLOOD_ACCEPT);
    assert_int_equal(g.n_accepted, 0);
    assert_false(g.has_last);
}

/* The window slides: each accept stops counting exactly ten minutes after it. */
static void test_window_slides(void **state)
{
    (void)state;
    flood_guard g;
    flood_init(&g);
    for (int i = 0; i < 5; i++)
        assert_int_equal(submit(&g, 5, T0 + MIN(i), i, "100 000"), FLOOD_ACCEPT);
    unsigned char d[FLOOD_DIGEST_BYTES];
    digest_of(d, 50);
    assert_int_equal(flood_check(&g, 5, T0 + MIN(10) - 1, d), FLOOD_REFUSE);
    assert_int_equal(flood_check(&g, 5, T0 + MIN(10), d), FLOOD_ACCEPT);
    flood_record(&g, T0 + MIN(10), d, "200 000");
    assert_int_equal(g.n_accepted, 5); /* the first one dropped, the new one added */
    /* Full again until the second accept (at minute 1) leaves the window. */
    digest_of(d, 51);
    assert_int_equal(flood_check(&g, 5, T0 + MIN(11) - 1, d), FLOOD_REFUSE);
    assert_int_equal(flood_check(&g, 5, T0 + MIN(11), d), FLOOD_ACCEPT);
}

/* After ten quiet minutes everything is accepted again. */
static void test_after_ten_minutes(void **state)
{
    (void)state;
    flood_guard g;
    flood_init(&g);
    for (int i = 0; i < 5; i++)
        assert_int_equal(submit(&g, 5, T0 + SEC(i), i, "100 000"), FLOOD_ACCEPT);
    assert_int_equal(submit(&g, 5, T0 + MIN(5), 10, "100 000"), FLOOD_REFUSE);
    int64_t later = T0 + SEC(4) + MIN(10);
    for (int i = 0; i < 5; i++)
        assert_int_equal(submit(&g, 5, later + SEC(i), 20 + i, "100 000"), FLOOD_ACCEPT);
    assert_int_equal(g.n_accepted, 5);
    assert_int_equal(submit(&g, 5, later + SEC(6), 30, "100 000"), FLOOD_REFUSE);
}

/* Accept times older than the window count as gone even before a record drops them. */
static void test_stale_entries_ignored_by_check(void **state)
{
    (void)state;
    flood_guard g;
    flood_init(&g);
    for (int i = 0; i < 5; i++)
        assert_int_equal(submit(&g, 5, T0 + SEC(i), i, "100 000"), FLOOD_ACCEPT);
    unsigned char d[FLOOD_DIGEST_BYTES];
    digest_of(d, 40);
    assert_int_equal(flood_check(&g, 5, T0 + MIN(20), d), FLOOD_ACCEPT);
    assert_int_equal(g.n_accepted, 5); /* still there, not counted */
    flood_record(&g, T0 + MIN(20), d, "300 000");
    assert_int_equal(g.n_accepted, 1); /* dropped on record */
    assert_int_equal(g.accepted_ms[0], T0 + MIN(20));
}

/* The same request again within a minute is merged and shows the ticket she already has. */
static void test_merge_within_a_minute(void **state)
{
    (void)state;
    flood_guard g;
    flood_init(&g);
    assert_int_equal(submit(&g, 5, T0, 7, "482 913"), FLOOD_ACCEPT);
    unsigned char d[FLOOD_DIGEST_BYTES];
    digest_of(d, 7);
    assert_int_equal(flood_check(&g, 5, T0, d), FLOOD_MERGE);
    assert_int_equal(flood_check(&g, 5, T0 + SEC(59), d), FLOOD_MERGE);
    assert_string_equal(g.last_ticket, "482 913");
    assert_int_equal(flood_check(&g, 5, T0 + SEC(60) - 1, d), FLOOD_MERGE);
    /* A minute or more later it is a new request. */
    assert_int_equal(flood_check(&g, 5, T0 + SEC(60), d), FLOOD_ACCEPT);
    assert_int_equal(flood_check(&g, 5, T0 + SEC(61), d), FLOOD_ACCEPT);
    assert_int_equal(g.n_accepted, 1); /* merging recorded nothing */
}

/* The minute counts from the last accept, not from the last tap. */
static void test_merge_counts_from_accept(void **state)
{
    (void)state;
    flood_guard g;
    flood_init(&g);
    assert_int_equal(submit(&g, 5, T0, 7, "482 913"), FLOOD_ACCEPT);
    assert_int_equal(submit(&g, 5, T0 + SEC(50), 7, "482 913"), FLOOD_MERGE);
    assert_int_equal(submit(&g, 5, T0 + SEC(61), 7, "555 111"), FLOOD_ACCEPT);
    assert_string_equal(g.last_ticket, "555 111");
    assert_int_equal(submit(&g, 5, T0 + SEC(100), 7, "999 999"), FLOOD_MERGE);
    assert_string_equal(g.last_ticket, "555 111");
    assert_int_equal(g.n_accepted, 2);
}

static void test_different_digest_not_merged(void **state)
{
    (void)state;
    flood_guard g;
    flood_init(&g);
    assert_int_equal(submit(&g, 5, T0, 1, "111 111"), FLOOD_ACCEPT);
    unsigned char d[FLOOD_DIGEST_BYTES];
    digest_of(d, 1);
    d[FLOOD_DIGEST_BYTES - 1] ^= 1; /* one bit in the last byte */
    assert_int_equal(flood_check(&g, 5, T0 + SEC(5), d), FLOOD_ACCEPT);
    d[FLOOD_DIGEST_BYTES - 1] ^= 1;
    d[0] ^= 0x80; /* one bit in the first byte */
    assert_int_equal(flood_check(&g, 5, T0 + SEC(5), d), FLOOD_ACCEPT);
}

/* Only the last accepted request can be merged into. */
static void test_merge_only_with_last(void **state)
{
    (void)state;
    flood_guard g;
    flood_init(&g);
    assert_int_equal(submit(&g, 5, T0, 1, "111 111"), FLOOD_ACCEPT);
    assert_int_equal(submit(&g, 5, T0 + SEC(5), 2, "222 222"), FLOOD_ACCEPT);
    assert_int_equal(submit(&g, 5, T0 + SEC(10), 1, "333 333"), FLOOD_ACCEPT);
    assert_int_equal(submit(&g, 5, T0 + SEC(15), 1, "444 444"), FLOOD_MERGE);
    assert_string_equal(g.last_ticket, "333 333");
}

/* The merge is judged before the limit: the same request is never refused. */
static void test_merge_before_limit(void **state)
{
    (void)state;
    flood_guard g;
    flood_init(&g);
    assert_int_equal(submit(&g, 1, T0, 1, "482 913"), FLOOD_ACCEPT);
    assert_int_equal(submit(&g, 1, T0 + SEC(30), 1, "000 000"), FLOOD_MERGE);
    assert_string_equal(g.last_ticket, "482 913");
    assert_int_equal(submit(&g, 1, T0 + SEC(30), 2, "000 000"), FLOOD_REFUSE);
    /* Past the minute the same request is just another one: refused. */
    assert_int_equal(submit(&g, 1, T0 + SEC(61), 1, "000 000"), FLOOD_REFUSE);
}

/* At the idle timeout the confirmation is gone: no merge, digest and ticket wiped, the
 * window still counts. */
static void test_forget_last(void **state)
{
    (void)state;
    flood_guard g;
    flood_init(&g);
    assert_int_equal(submit(&g, 2, T0, 1, "111 111"), FLOOD_ACCEPT);
    assert_int_equal(submit(&g, 2, T0 + SEC(1), 2, "482 913"), FLOOD_ACCEPT);
    flood_forget_last(&g);
    assert_false(g.has_last);
    assert_true(all_zero(g.last_digest, sizeof g.last_digest));
    assert_true(all_zero(g.last_ticket, sizeof g.last_ticket));
    assert_int_equal(g.n_accepted, 2);
    unsigned char d[FLOOD_DIGEST_BYTES];
    digest_of(d, 2);
    assert_int_equal(flood_check(&g, 2, T0 + SEC(5), d), FLOOD_REFUSE); /* not MERGE */
    assert_int_equal(flood_check(&g, 3, T0 + SEC(5), d), FLOOD_ACCEPT); /* not MERGE */
    /* An all-zero digest does not match the wiped one. */
    unsigned char zero[FLOOD_DIGEST_BYTES] = {0};
    assert_int_equal(flood_check(&g, 3, T0 + SEC(5), zero), FLOOD_ACCEPT);
    flood_forget_last(&g); /* twice is fine */
    flood_forget_last(NULL);
    assert_false(g.has_last);
}

static void test_limit_clamped_low(void **state)
{
    (void)state;
    const int limits[] = {0, -1, -1000, INT_MIN};
    for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++) {
        flood_guard g;
        flood_init(&g);
        /* Clamped to 1, not 0: the first request always goes through. */
        assert_int_equal(submit(&g, limits[i], T0, 1, "111 111"), FLOOD_ACCEPT);
        assert_int_equal(submit(&g, limits[i], T0 + SEC(1), 2, "222 222"), FLOOD_REFUSE);
    }
}

static void test_limit_clamped_high(void **state)
{
    (void)state;
    const int limits[] = {FLOOD_MAX_LIMIT, FLOOD_MAX_LIMIT + 1, 1000, INT_MAX};
    for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++) {
        flood_guard g;
        flood_init(&g);
        for (int k = 0; k < FLOOD_MAX_LIMIT; k++)
            assert_int_equal(submit(&g, limits[i], T0 + SEC(k), k, "111 111"), FLOOD_ACCEPT);
        assert_int_equal(g.n_accepted, FLOOD_MAX_LIMIT);
        assert_int_equal(submit(&g, limits[i], T0 + SEC(FLOOD_MAX_LIMIT), 999, "111 111"),
                         FLOOD_REFUSE);
    }
}

/* A caller that records past the largest limit keeps the newest FLOOD_MAX_LIMIT times. */
static void test_record_past_capacity(void **state)
{
    (void)state;
    flood_guard g;
    flood_init(&g);
    unsigned char d[FLOOD_DIGEST_BYTES];
    for (int k = 0; k < 100; k++) {
        digest_of(d, k);
        flood_record(&g, T0 + k, d, "111 111");
        assert_true(g.n_accepted <= FLOOD_MAX_LIMIT);
    }
    assert_int_equal(g.n_accepted, FLOOD_MAX_LIMIT);
    assert_int_equal(g.accepted_ms[0], T0 + 100 - FLOOD_MAX_LIMIT);
    assert_int_equal(g.accepted_ms[FLOOD_MAX_LIMIT - 1], T0 + 99);
    /* A corrupt count is not trusted. */
    g.n_accepted = 1000;
    digest_of(d, 400);
    assert_int_equal(flood_check(&g, 1000, T0 + 100, d), FLOOD_REFUSE);
    flood_record(&g, T0 + 100, d, "111 111");
    assert_int_equal(g.n_accepted, FLOOD_MAX_LIMIT);
    g.n_accepted = -5;
    digest_of(d, 500);
    assert_int_equal(flood_check(&g, 1, T0 + 100, d), FLOOD_ACCEPT);
}

/* The clock going back: recorded times ahead of now count as inside the window, and
 * the merge still works; nothing overflows at the extremes (UBSan checks). */
static void test_clock_backwards(void **state)
{
    (void)state;
    flood_guard g;
    flood_init(&g);
    assert_int_equal(submit(&g, 2, T0 + MIN(30), 1, "111 111"), FLOOD_ACCEPT);
    assert_int_equal(submit(&g, 2, T0 + MIN(30), 2, "222 222"), FLOOD_ACCEPT);
    unsigned char d[FLOOD_DIGEST_BYTES];
    digest_of(d, 3);
    assert_int_equal(flood_check(&g, 2, T0, d), FLOOD_REFUSE);
    digest_of(d, 2);
    assert_int_equal(flood_check(&g, 2, T0, d), FLOOD_MERGE);
    /* Recording in the past keeps the future entries. */
    digest_of(d, 4);
    flood_record(&g, T0, d, "444 444");
    assert_int_equal(g.n_accepted, 3);

    flood_init(&g);
    digest_of(d, 5);
    flood_record(&g, INT64_MIN, d, "555 555");
    assert_int_equal(flood_check(&g, 1, INT64_MAX, d), FLOOD_ACCEPT);
    flood_record(&g, INT64_MAX, d, "555 555");
    assert_int_equal(g.n_accepted, 1);
    assert_int_equal(flood_check(&g, 1, INT64_MIN, d), FLOOD_MERGE);
    digest_of(d, 6);
    assert_int_equal(flood_check(&g, 1, INT64_MIN, d), FLOOD_REFUSE);
}

/* Without a digest or with a ticket that does not fit, nothing can be merged into the
 * request (a cut ticket would be wrong), but it still counts. */
static void test_record_unmergeable(void **state)
{
    (void)state;
    flood_guard g;
    flood_init(&g);
    unsigned char d[FLOOD_DIGEST_BYTES];
    digest_of(d, 1);
    flood_record(&g, T0, d, "12345678"); /* 8 characters: one too many */
    assert_false(g.has_last);
    assert_int_equal(flood_check(&g, 5, T0 + 1, d), FLOOD_ACCEPT);
    flood_record(&g, T0, d, NULL);
    assert_false(g.has_last);
    flood_record(&g, T0, NULL, "482 913");
    assert_false(g.has_last);
    assert_true(all_zero(g.last_ticket, sizeof g.last_ticket));
    assert_int_equal(g.n_accepted, 3);
    assert_int_equal(flood_check(&g, 5, T0 + 1, NULL), FLOOD_ACCEPT);
    /* A ticket of seven characters fits. */
    flood_record(&g, T0, d, "1234567");
    assert_true(g.has_last);
    assert_int_equal(flood_check(&g, 5, T0 + 1, d), FLOOD_MERGE);
    assert_string_equal(g.last_ticket, "1234567");
    /* A later unmergeable record replaces the last one, so the old ticket never shows. */
    flood_record(&g, T0 + 2, d, "far too long");
    assert_false(g.has_last);
    assert_int_equal(g.n_accepted, 5);
    assert_int_equal(flood_check(&g, 10, T0 + 3, d), FLOOD_ACCEPT);
    assert_int_equal(flood_check(NULL, 5, T0, d), FLOOD_ACCEPT);
    flood_record(NULL, T0, d, "1234567");
}

static void test_pin_lockout_sequence(void **state)
{
    (void)state;
    static const int expected[] = {0, 0, 0, 30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600};
    for (int f = 0; f < (int)(sizeof expected / sizeof expected[0]); f++)
        if (pin_lockout_seconds(f) != expected[f])
            fail_msg("failures %d: %d, expected %d", f, pin_lockout_seconds(f), expected[f]);
    assert_int_equal(pin_lockout_seconds(PIN_FREE_ATTEMPTS - 1), 0);
    assert_int_equal(pin_lockout_seconds(PIN_FREE_ATTEMPTS), 30);
    /* Doubling never shrinks and never passes the hour. */
    for (int f = 1; f < 200; f++) {
        assert_true(pin_lockout_seconds(f) >= pin_lockout_seconds(f - 1));
        assert_true(pin_lockout_seconds(f) <= 3600);
    }
}

static void test_pin_lockout_extremes(void **state)
{
    (void)state;
    assert_int_equal(pin_lockout_seconds(-1), 0);
    assert_int_equal(pin_lockout_seconds(INT_MIN), 0);
    assert_int_equal(pin_lockout_seconds(32), 3600);
    assert_int_equal(pin_lockout_seconds(64), 3600);
    assert_int_equal(pin_lockout_seconds(1000000), 3600);
    assert_int_equal(pin_lockout_seconds(INT_MAX), 3600);
}

static void test_pin_locked_for(void **state)
{
    (void)state;
    const int64_t now = INT64_C(1774350000); /* 2026-03-24 */
    assert_int_equal(pin_locked_for(now + 30, now), 30);
    assert_int_equal(pin_locked_for(now + 1, now), 1);
    assert_int_equal(pin_locked_for(now + 3599, now), 3599);
    assert_int_equal(pin_locked_for(now + 3600, now), 3600);
    /* The lock has run out, or there never was one. */
    assert_int_equal(pin_locked_for(now, now), 0);
    assert_int_equal(pin_locked_for(now - 1, now), 0);
    assert_int_equal(pin_locked_for(now - 86400, now), 0);
    assert_int_equal(pin_locked_for(0, now), 0);
    /* A lock-out set with the usual policy counts down. */
    int64_t until = now + pin_lockout_seconds(4);
    assert_int_equal(pin_locked_for(until, now + 20), 40);
    assert_int_equal(pin_locked_for(until, now + 60), 0);
}

/* The clock jumped back (or the stored time is nonsense): never more than an hour. */
static void test_pin_locked_for_clock_back(void **state)
{
    (void)state;
    const int64_t now = INT64_C(1774350000);
    assert_int_equal(pin_locked_for(now + 3601, now), 3600);
    assert_int_equal(pin_locked_for(now + 365 * 86400, now), 3600);
    /* Set at 2026 with a one-hour lock, clock now back at 1970. */
    assert_int_equal(pin_locked_for(now + 3600, 0), 3600);
    assert_int_equal(pin_locked_for(INT64_MAX, now), 3600);
    assert_int_equal(pin_locked_for(INT64_MAX, INT64_MIN), 3600);
    assert_int_equal(pin_locked_for(INT64_MIN, INT64_MAX), 0);
    assert_int_equal(pin_locked_for(INT64_MIN, now), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_init),
        cmocka_unit_test(test_limit_reached),
        cmocka_unit_test(test_check_records_nothing),
        cmocka_unit_test(test_window_slides),
        cmocka_unit_test(test_after_ten_minutes),
        cmocka_unit_test(test_stale_entries_ignored_by_check),
        cmocka_unit_test(test_merge_within_a_minute),
        cmocka_unit_test(test_merge_counts_from_accept),
        cmocka_unit_test(test_different_digest_not_merged),
        cmocka_unit_test(test_merge_only_with_last),
        cmocka_unit_test(test_merge_before_limit),
        cmocka_unit_test(test_forget_last),
        cmocka_unit_test(test_limit_clamped_low),
        cmocka_unit_test(test_limit_clamped_high),
        cmocka_unit_test(test_record_past_capacity),
        cmocka_unit_test(test_clock_backwards),
        cmocka_unit_test(test_record_unmergeable),
        cmocka_unit_test(test_pin_lockout_sequence),
        cmocka_unit_test(test_pin_lockout_extremes),
        cmocka_unit_test(test_pin_locked_for),
        cmocka_unit_test(test_pin_locked_for_clock_back),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
