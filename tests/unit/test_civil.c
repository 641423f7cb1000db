/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* test_civil.c - calendar arithmetic, the Europe/Berlin DST rule and the date/time
 * parsers. Expected instants were computed independently (Python zoneinfo), and the
 * Berlin conversions are compared with the C library's under TZ=Europe/Berlin (the
 * system's tzdata) for every hour of the range civil.h promises. */
#define _DEFAULT_SOURCE /* setenv, tzset, localtime_r, tm_gmtoff */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include <cmocka.h>

#include "time/civil.h"

/* UTC instants of the DST switches (01:00 UTC). */
#define SPRING_2026 INT64_C(1774746000) /* 2026-03-29 01:00 UTC */
#define AUTUMN_2026 INT64_C(1792890000) /* 2026-10-25 01:00 UTC */
#define SPRING_2027 INT64_C(1806195600) /* 2027-03-28 01:00 UTC */
#define AUTUMN_2027 INT64_C(1824944400) /* 2027-10-31 01:00 UTC: the last day is a Sunday */

static civil_date date_of(int y, int m, int d)
{
    civil_date out = {y, m, d};
    return out;
}

static void assert_date(civil_date got, int y, int m, int d)
{
    assert_int_equal(got.year, y);
    assert_int_equal(got.month, m);
    assert_int_equal(got.day, d);
}

static void test_days_anchors(void **state)
{
    (void)state;
    assert_int_equal(civil_days_from_date(date_of(1970, 1, 1)), 0);
    assert_int_equal(civil_days_from_date(date_of(1969, 12, 31)), -1);
    assert_int_equal(civil_days_from_date(date_of(2000, 3, 1)), 11017);
    assert_int_equal(civil_days_from_date(date_of(2026, 3, 29)), 20541);
    assert_int_equal(civil_days_from_date(date_of(1900, 1, 1)), -25567);
    assert_int_equal(civil_days_from_date(date_of(9999, 12, 31)), 2932896);
    assert_date(civil_date_from_days(0), 1970, 1, 1);
    assert_date(civil_date_from_days(-1), 1969, 12, 31);
    assert_date(civil_date_from_days(20541), 2026, 3, 29);
}

/* Every day from 1900 to 9999: the day count increments by one from each valid date to
 * the next, the inverse gives the date back, and the weekday cycles. */
static void test_days_round_trip(void **state)
{
    (void)state;
    civil_date d = date_of(1900, 1, 1);
    int64_t days = civil_days_from_date(d);
    int weekday = civil_weekday(d);
    assert_int_equal(weekday, 1); /* 1900-01-01 was a Monday */
    while (d.year <= 9999) {
        assert_true(civil_date_valid(d));
        assert_int_equal(civil_days_from_date(d), days);
        civil_date back = civil_date_from_days(days);
        if (civil_date_cmp(back, d) != 0)
            fail_msg("round trip %d-%d-%d", d.year, d.month, d.day);
        assert_int_equal(civil_weekday(d), weekday);
        /* Next date, by hand. */
        if (d.day < civil_days_in_month(d.year, d.month)) {
            d.day++;
        } else if (d.month < 12) {
            d.month++;
            d.day = 1;
        } else {
            d.year++;
            d.month = 1;
            d.day = 1;
        }
        days++;
        weekday = weekday % 7 + 1;
    }
    assert_int_equal(days, 2932896 + 1);
}

static void test_weekday(void **state)
{
    (void)state;
    assert_int_equal(civil_weekday(date_of(1970, 1, 1)), 4);
    assert_int_equal(civil_weekday(date_of(2000, 1, 1)), 6);
    assert_int_equal(civil_weekday(date_of(2026, 3, 24)), 2);
    assert_int_equal(civil_weekday(date_of(2026, 3, 29)), 7);
    assert_int_equal(civil_weekday(date_of(2026, 3, 30)), 1);
    assert_int_equal(civil_weekday(date_of(2027, 10, 31)), 7);
    assert_int_equal(civil_weekday(date_of(1969, 12, 28)), 7); /* before the epoch */
}

static void test_leap_years(void **state)
{
    (void)state;
    assert_int_equal(civil_days_in_month(2024, 2), 29);
    assert_int_equal(civil_days_in_month(2026, 2), 28);
    assert_int_equal(civil_days_in_month(2000, 2), 29);
    assert_int_equal(civil_days_in_month(1900, 2), 28);
    assert_int_equal(civil_days_in_month(2100, 2), 28);
    assert_int_equal(civil_days_in_month(2026, 4), 30);
    assert_int_equal(civil_days_in_month(2026, 12), 31);
    assert_int_equal(civil_days_in_month(2026, 0), 0);
    assert_int_equal(civil_days_in_month(2026, 13), 0);
    assert_true(civil_date_valid(date_of(2024, 2, 29)));
    assert_false(civil_date_valid(date_of(2026, 2, 29)));
    assert_false(civil_date_valid(date_of(1900, 2, 29)));
    assert_true(civil_date_valid(date_of(2000, 2, 29)));
    assert_false(civil_date_valid(date_of(2026, 4, 31)));
    assert_false(civil_date_valid(date_of(2026, 1, 0)));
    assert_int_equal(
        civil_days_from_date(date_of(2025, 1, 1)) - civil_days_from_date(date_of(2024, 1, 1)), 366);
    assert_int_equal(
        civil_days_from_date(date_of(2101, 1, 1)) - civil_days_from_date(date_of(2100, 1, 1)), 365);
}

static void test_date_add_cmp(void **state)
{
    (void)state;
    assert_date(civil_date_add(date_of(2026, 12, 31), 1), 2027, 1, 1);
    assert_date(civil_date_add(date_of(2024, 2, 28), 1), 2024, 2, 29);
    assert_date(civil_date_add(date_of(2026, 3, 1), -1), 2026, 2, 28);
    assert_date(civil_date_add(date_of(2026, 3, 24), 120), 2026, 7, 22);
    assert_true(civil_date_cmp(date_of(2026, 3, 1), date_of(2026, 2, 28)) > 0);
    assert_true(civil_date_cmp(date_of(2025, 12, 31), date_of(2026, 1, 1)) < 0);
    assert_true(civil_date_cmp(date_of(2026, 1, 2), date_of(2026, 1, 3)) < 0);
    assert_int_equal(civil_date_cmp(date_of(2026, 1, 2), date_of(2026, 1, 2)), 0);
}

static void test_berlin_offset_switches(void **state)
{
    (void)state;
    const int64_t spring[] = {SPRING_2026, SPRING_2027};
    const int64_t autumn[] = {AUTUMN_2026, AUTUMN_2027};
    for (int i = 0; i < 2; i++) {
        assert_int_equal(berlin_offset_at_utc(spring[i] - 1), 3600);
        assert_int_equal(berlin_offset_at_utc(spring[i]), 7200);
        assert_int_equal(berlin_offset_at_utc(autumn[i] - 1), 7200);
        assert_int_equal(berlin_offset_at_utc(autumn[i]), 3600);
        /* A day either side: the rule is not "any Sunday". */
        assert_int_equal(berlin_offset_at_utc(spring[i] - 86400), 3600);
        assert_int_equal(berlin_offset_at_utc(autumn[i] + 86400), 3600);
        assert_int_equal(berlin_offset_at_utc(autumn[i] - 86400), 7200);
    }
    /* The week before the last Sunday of October 2027 (24th) is still summer time. */
    assert_int_equal(berlin_offset_at_utc(AUTUMN_2027 - 7 * 86400), 7200);
    /* Midwinter and midsummer. */
    assert_int_equal(berlin_offset_at_utc(berlin_to_utc(date_of(2026, 1, 1), 0, 0)), 3600);
    assert_int_equal(berlin_offset_at_utc(berlin_to_utc(date_of(2026, 12, 31), 1439, 59)), 3600);
    assert_int_equal(berlin_offset_at_utc(berlin_to_utc(date_of(2026, 7, 1), 720, 0)), 7200);
}

static void test_berlin_from_utc(void **state)
{
    (void)state;
    civil_time t = berlin_from_utc(SPRING_2026 - 1);
    assert_date(t.date, 2026, 3, 29);
    assert_int_equal(t.minute_of_day, 1 * 60 + 59);
    assert_int_equal(t.second, 59);
    t = berlin_from_utc(SPRING_2026);
    assert_date(t.date, 2026, 3, 29);
    assert_int_equal(t.minute_of_day, 3 * 60);
    assert_int_equal(t.second, 0);
    t = berlin_from_utc(AUTUMN_2026 - 1);
    assert_int_equal(t.minute_of_day, 2 * 60 + 59);
    t = berlin_from_utc(AUTUMN_2026);
    assert_date(t.date, 2026, 10, 25);
    assert_int_equal(t.minute_of_day, 2 * 60);
    /* 23:30 UTC on New Year's Eve is already the next year in Berlin. */
    t = berlin_from_utc(berlin_to_utc(date_of(2027, 1, 1), 30, 0));
    assert_date(t.date, 2027, 1, 1);
    assert_int_equal(t.minute_of_day, 30);
    /* Before the epoch. */
    t = berlin_from_utc(-1);
    assert_date(t.date, 1970, 1, 1);
    assert_int_equal(t.minute_of_day, 59);
    assert_int_equal(t.second, 59);
}

static void test_berlin_to_utc(void **state)
{
    (void)state;
    /* Ordinary times. */
    assert_int_equal(berlin_to_utc(date_of(2026, 3, 24), 9 * 60, 0), INT64_C(1774339200));
    assert_int_equal(berlin_to_utc(date_of(2026, 3, 31), 9 * 60, 0), INT64_C(1774940400));
    /* Spring: the last instants before and the first after the gap. */
    assert_int_equal(berlin_to_utc(date_of(2026, 3, 29), 1 * 60 + 59, 59), SPRING_2026 - 1);
    assert_int_equal(berlin_to_utc(date_of(2026, 3, 29), 3 * 60, 0), SPRING_2026);
    /* In the gap: 02:30 does not exist; taken as 03:30 CEST (01:30 UTC). */
    assert_int_equal(berlin_to_utc(date_of(2026, 3, 29), 2 * 60 + 30, 0), SPRING_2026 + 1800);
    assert_int_equal(berlin_to_utc(date_of(2027, 3, 28), 2 * 60, 0), SPRING_2027);
    /* Autumn: 02:30 happens twice; the first (CEST, 00:30 UTC) is taken. */
    assert_int_equal(berlin_to_utc(date_of(2026, 10, 25), 2 * 60 + 30, 0), AUTUMN_2026 - 1800);
    assert_int_equal(berlin_to_utc(date_of(2026, 10, 25), 2 * 60, 0), AUTUMN_2026 - 3600);
    assert_int_equal(berlin_to_utc(date_of(2026, 10, 25), 3 * 60, 0), AUTUMN_2026 + 3600);
    assert_int_equal(berlin_to_utc(date_of(2027, 10, 31), 2 * 60 + 59, 59), AUTUMN_2027 - 1);
    /* 24:00 is the next day's midnight. */
    assert_int_equal(berlin_to_utc(date_of(2026, 3, 24), 24 * 60, 0),
                     berlin_to_utc(date_of(2026, 3, 25), 0, 0));
}

/* Every quarter hour of 2026 and 2027 maps back to itself, except the repeated hour in
 * autumn, whose second pass (CET) maps to the first (CEST). */
static void test_berlin_round_trip(void **state)
{
    (void)state;
    int64_t from = berlin_to_utc(date_of(2026, 1, 1), 0, 0);
    int64_t to = berlin_to_utc(date_of(2028, 1, 1), 0, 0);
    for (int64_t t = from; t < to; t += 900) {
        civil_time local = berlin_from_utc(t);
        int64_t back = berlin_to_utc(local.date, local.minute_of_day, local.second);
        bool repeated = (t >= AUTUMN_2026 && t < AUTUMN_2026 + 3600) ||
                        (t >= AUTUMN_2027 && t < AUTUMN_2027 + 3600);
        if (repeated)
            assert_int_equal(back, t - 3600);
        else if (back != t)
            fail_msg("round trip failed at %lld", (long long)t);
    }
}

/* ---- against tzdata ------------------------------------------------------------------ */

/* The range civil.h promises, [1950, 2100): every UTC hour and the second before it (the
 * changes are on the hour), and every local wall-clock hour. */
#define TZ_FROM_YEAR 1950
#define TZ_TO_YEAR 2100

static int tz_setup(void **state)
{
    (void)state;
    if (setenv("TZ", "Europe/Berlin", 1) != 0)
        return -1;
    tzset();
    /* Without tzdata, glibc silently takes an unknown zone as UTC. */
    time_t summer = (time_t)SPRING_2026 + 86400;
    struct tm tm;
    if (!localtime_r(&summer, &tm) || tm.tm_gmtoff != 7200) {
        print_error("TZ=Europe/Berlin is not known here: install tzdata "
                    "(scripts/deps.sh --test)\n");
        return -1;
    }
    return 0;
}

static int tz_teardown(void **state)
{
    (void)state;
    unsetenv("TZ");
    tzset();
    return 0;
}

static int64_t utc_of_year(int year)
{
    return civil_days_from_date(date_of(year, 1, 1)) * 86400;
}

/* berlin_from_utc and berlin_offset_at_utc agree with localtime_r. */
static void test_berlin_from_utc_matches_tzdata(void **state)
{
    (void)state;
    size_t wrong = 0;
    int64_t from = utc_of_year(TZ_FROM_YEAR), to = utc_of_year(TZ_TO_YEAR);
    for (int64_t hour = from; hour < to; hour += 3600) {
        for (int64_t t = hour - 1; t <= hour; t++) {
            time_t tt = (time_t)t;
            struct tm tm;
            assert_non_null(localtime_r(&tt, &tm));
            civil_time c = berlin_from_utc(t);
            int offset = berlin_offset_at_utc(t);
            if (c.date.year != tm.tm_year + 1900 || c.date.month != tm.tm_mon + 1 ||
                c.date.day != tm.tm_mday || c.minute_of_day != tm.tm_hour * 60 + tm.tm_min ||
                c.second != tm.tm_sec || offset != tm.tm_gmtoff) {
                if (wrong++ < 10)
                    print_error("UTC %lld: civil %04d-%02d-%02d %02d:%02d offset %d, tzdata "
                                "%04d-%02d-%02d %02d:%02d offset %ld\n",
                                (long long)t, c.date.year, c.date.month, c.date.day,
                                c.minute_of_day / 60, c.minute_of_day % 60, offset,
                                tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                                tm.tm_gmtoff);
            }
        }
    }
    if (wrong)
        fail_msg("%zu instants differ from tzdata", wrong);
}

/* Does localtime_r show the Berlin wall clock d, minute at the instant t? */
static bool shows(int64_t t, civil_date d, int minute)
{
    time_t tt = (time_t)t;
    struct tm tm;
    return localtime_r(&tt, &tm) && tm.tm_year == d.year - 1900 && tm.tm_mon == d.month - 1 &&
           tm.tm_mday == d.day && tm.tm_hour == minute / 60 && tm.tm_min == minute % 60 &&
           tm.tm_sec == 0;
}

static long tz_offset(int64_t t)
{
    time_t tt = (time_t)t;
    struct tm tm;
    return localtime_r(&tt, &tm) ? tm.tm_gmtoff : 0;
}

static int64_t mktime_of(civil_date d, int minute, int is_dst)
{
    struct tm tm = {0};
    tm.tm_year = d.year - 1900;
    tm.tm_mon = d.month - 1;
    tm.tm_mday = d.day;
    tm.tm_hour = minute / 60;
    tm.tm_min = minute % 60;
    tm.tm_isdst = is_dst;
    return (int64_t)mktime(&tm);
}

/* berlin_to_utc agrees with tzdata for every wall-clock hour (and half hour on the days
 * with a change): one that exists once maps to that instant; a repeated one (autumn) to
 * the first, summer-time, instant; one in the spring gap to its reading in the offset
 * before the change (CET). In Berlin the offset is +1 or +2 hours, so the instants a
 * wall-clock time can be are the two readings, each checked with localtime_r. mktime,
 * five times slower, confirms the expectation on every hour of the days with a change
 * and of the 1st and 15th of every month. */
static void test_berlin_to_utc_matches_tzdata(void **state)
{
    (void)state;
    size_t wrong = 0, repeated = 0, gaps = 0, by_mktime = 0;
    int64_t from = civil_days_from_date(date_of(TZ_FROM_YEAR, 1, 1));
    int64_t to = civil_days_from_date(date_of(TZ_TO_YEAR, 1, 1));
    for (int64_t day = from; day < to; day++) {
        civil_date d = civil_date_from_days(day);
        bool change = tz_offset(day * 86400) != tz_offset(day * 86400 + 86399);
        for (int minute = 0; minute < 1440; minute += change ? 30 : 60) {
            int64_t wall = day * 86400 + minute * 60;
            bool summer = shows(wall - 7200, d, minute), winter = shows(wall - 3600, d, minute);
            int64_t want = summer ? wall - 7200 : wall - 3600;
            repeated += summer && winter;
            gaps += !summer && !winter;
            if ((change || d.day == 1 || d.day == 15) && minute % 60 == 0) {
                int64_t m = mktime_of(d, minute, summer ? 1 : 0);
                if (m != want)
                    fail_msg("%04d-%02d-%02d %02d:00: mktime %lld, localtime_r %lld", d.year,
                             d.month, d.day, minute / 60, (long long)m, (long long)want);
                by_mktime++;
            }
            int64_t got = berlin_to_utc(d, minute, 0);
            if (got != want && wrong++ < 10)
                print_error("%04d-%02d-%02d %02d:%02d Berlin: civil %lld, tzdata %lld\n", d.year,
                            d.month, d.day, minute / 60, minute % 60, (long long)got,
                            (long long)want);
        }
    }
    if (wrong)
        fail_msg("%zu wall-clock times differ from tzdata", wrong);
    /* From 1980 on, two half hours a year repeat and two fall into the gap. */
    assert_int_equal(repeated, 2 * (TZ_TO_YEAR - 1980));
    assert_int_equal(gaps, 2 * (TZ_TO_YEAR - 1980));
    assert_true(by_mktime > 24 * 24 * (TZ_TO_YEAR - TZ_FROM_YEAR));
}

static void test_parse_date(void **state)
{
    (void)state;
    civil_date d = {0, 0, 0};
    assert_true(civil_parse_date("2026-03-29", &d));
    assert_date(d, 2026, 3, 29);
    assert_true(civil_parse_date("2024-02-29", &d));
    assert_date(d, 2024, 2, 29);
    const char *bad[] = {"2026-02-30",  "2026-02-29",  "2026-13-01", "2026-00-10", "2026-01-00",
                         "2026-1-01",   "2026-01-1",   "26-01-01",   "2026/01/01", "2026-01-01x",
                         "2026-01-01 ", " 2026-01-01", "",           "2026-0a-01", "+026-01-01",
                         "1899-12-31",  "2026-01-32"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        d = date_of(1, 1, 1);
        if (civil_parse_date(bad[i], &d))
            fail_msg("accepted \"%s\"", bad[i]);
        assert_date(d, 1, 1, 1); /* untouched on failure */
    }
}

static void test_parse_hhmm(void **state)
{
    (void)state;
    int m = -1;
    assert_true(civil_parse_hhmm("09:00", &m));
    assert_int_equal(m, 540);
    assert_true(civil_parse_hhmm("9:05", &m));
    assert_int_equal(m, 545);
    assert_true(civil_parse_hhmm("00:00", &m));
    assert_int_equal(m, 0);
    assert_true(civil_parse_hhmm("23:59", &m));
    assert_int_equal(m, 1439);
    assert_true(civil_parse_hhmm("24:00", &m));
    assert_int_equal(m, 1440);
    const char *bad[] = {"25:00", "24:01", "9:5",   "09:60", "09:00x", "x09:00",
                         "0900",  "09-00", "ab:cd", "",      ":00",    "009:00",
                         "09:0",  " 9:00", "9:00 ", "-1:00", "1:-0",   "09:000"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        m = -7;
        if (civil_parse_hhmm(bad[i], &m))
            fail_msg("accepted \"%s\"", bad[i]);
        assert_int_equal(m, -7);
    }
}

static void test_parse_local_datetime(void **state)
{
    (void)state;
    int64_t t = 0;
    assert_true(civil_parse_local_datetime("2026-03-24T09:00", &t));
    assert_int_equal(t, INT64_C(1774339200));
    assert_true(civil_parse_local_datetime("2026-03-24T09:00:30", &t));
    assert_int_equal(t, INT64_C(1774339230));
    assert_true(civil_parse_local_datetime("2026-03-29T03:00", &t));
    assert_int_equal(t, SPRING_2026);
    assert_true(civil_parse_local_datetime("2026-10-25T02:30", &t));
    assert_int_equal(t, AUTUMN_2026 - 1800);
    const char *bad[] = {"2026-03-24 09:00",
                         "2026-03-24T24:00",
                         "2026-03-24T09:00:60",
                         "2026-03-24T09:00Z",
                         "2026-03-24T09:00:00Z",
                         "2026-02-30T09:00",
                         "2026-03-24T9:00",
                         "2026-03-24T09:00x",
                         "2026-03-24T09:00:5",
                         "2026-03-24T09:00-00",
                         "2026-03-24",
                         "2026-03-24T25:00",
                         ""};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        t = 42;
        if (civil_parse_local_datetime(bad[i], &t))
            fail_msg("accepted \"%s\"", bad[i]);
        assert_int_equal(t, 42);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_days_anchors),      cmocka_unit_test(test_days_round_trip),
        cmocka_unit_test(test_weekday),           cmocka_unit_test(test_leap_years),
        cmocka_unit_test(test_date_add_cmp),      cmocka_unit_test(test_berlin_offset_switches),
        cmocka_unit_test(test_berlin_from_utc),   cmocka_unit_test(test_berlin_to_utc),
        cmocka_unit_test(test_berlin_round_trip), cmocka_unit_test(test_parse_date),
        cmocka_unit_test(test_parse_hhmm),        cmocka_unit_test(test_parse_local_datetime),
    };
    const struct CMUnitTest tzdata[] = {
        cmocka_unit_test(test_berlin_from_utc_matches_tzdata),
        cmocka_unit_test(test_berlin_to_utc_matches_tzdata),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    return failed + cmocka_run_group_tests(tzdata, tz_setup, tz_teardown);
}
