/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* test_retention.c - the clock request retention counts by (retention.c): the wall
 * clock at start, advanced only by the monotonic clock; jumps are reported once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "time/civil.h"
#include "time/retention.h"

#define DAY_S INT64_C(86400)
#define DAY_MS (DAY_S * 1000)
#define MONO0 INT64_C(7000000) /* some uptime at start */

/* 2026-03-10 08:55 Berlin (CET) */
static int64_t start_utc(void)
{
    civil_date d = {2026, 3, 10};
    return berlin_to_utc(d, 8 * 60 + 55, 0);
}

static int64_t day_of(int y, int m, int d)
{
    civil_date c = {y, m, d};
    return civil_days_from_date(c);
}

static void test_counts_monotonic_time(void **state)
{
    (void)state;
    retention_clock rc;
    retention_start(&rc, start_utc(), MONO0);
    assert_int_equal(retention_now_utc(&rc, MONO0), start_utc());
    assert_int_equal(retention_day(&rc, MONO0), day_of(2026, 3, 10));
    /* 15 h 5 min later it is the next day in Berlin. */
    assert_int_equal(retention_day(&rc, MONO0 + (15 * 3600 + 5 * 60) * INT64_C(1000)),
                     day_of(2026, 3, 11));
    assert_int_equal(retention_day(&rc, MONO0 + 61 * DAY_MS), day_of(2026, 5, 10));
    /* A monotonic time before the start (cannot happen): the start. */
    assert_int_equal(retention_now_utc(&rc, MONO0 - 5000), start_utc());
}

static void test_expire_before(void **state)
{
    (void)state;
    int64_t today = day_of(2026, 5, 10);
    assert_int_equal(retention_expire_before(today, 60), day_of(2026, 3, 11));
    assert_int_equal(retention_expire_before(today, 0), today);
    assert_int_equal(retention_expire_before(today, -5), today);
}

static void test_jumps_reported_once(void **state)
{
    (void)state;
    retention_clock rc;
    retention_start(&rc, start_utc(), MONO0);
    int64_t skew = 1;
    /* Drift and NTP slewing within the tolerance: no jump. */
    assert_false(
        retention_jumped(&rc, start_utc() + 3600 + RETENTION_JUMP_S, MONO0 + 3600000, &skew));
    assert_int_equal(skew, RETENTION_JUMP_S);
    /* A year forward: reported once, while the retention day stays. */
    int64_t t = MONO0 + 2 * DAY_MS;
    int64_t wall = start_utc() + 2 * DAY_S + 365 * DAY_S;
    assert_true(retention_jumped(&rc, wall, t, &skew));
    assert_int_equal(skew, 365 * DAY_S);
    assert_false(retention_jumped(&rc, wall + 60, t + 60000, &skew));
    assert_int_equal(retention_day(&rc, t), day_of(2026, 3, 12));
    /* Back again (a year back from there): reported again. */
    assert_true(retention_jumped(&rc, start_utc() + 3 * DAY_S, t + DAY_MS, &skew));
    assert_int_equal(skew, 0);
    assert_int_equal(retention_day(&rc, t + DAY_MS), day_of(2026, 3, 13));
    /* A year back from the start. */
    assert_true(retention_jumped(&rc, start_utc() - 365 * DAY_S, t + DAY_MS, &skew));
    assert_int_equal(skew, -368 * DAY_S);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counts_monotonic_time),
        cmocka_unit_test(test_expire_before),
        cmocka_unit_test(test_jumps_reported_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
