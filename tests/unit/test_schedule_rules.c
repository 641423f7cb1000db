/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* test_schedule_rules.c - the recurrence rules of Hours records (Every/Starting,
 * Weeks: odd|even, Monthly, Dates, From/Until).
 *
 * The property test builds random rules and compares schedule_next's occurrences over
 * 2026-2028 with an independent computation: the days are walked with the C library
 * (mktime normalises the calendar, tm_wday gives the weekday, strftime's %V the ISO
 * week), the rhythm is a plain day counter from a known Monday, and local Berlin times
 * become UTC through mktime under TZ=Europe/Berlin, that is the system's tzdata. None of
 * civil.c's helpers is used for the expected values. The test may use the clock's time
 * zone functions; the core does not.
 *
 * Then the parser (site_load) with its file:line messages, and the words of the rules
 * in German, Arabic and Tigrinya from the real catalogs in locales/. */
#define _DEFAULT_SOURCE /* setenv, tzset, localtime_r, tm_gmtoff */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "base/util.h"
#include "content/i18n.h"
#include "content/po.h"
#include "time/schedule.h"
#include "time/when.h"

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ---- the independent side: the C library under TZ=Europe/Berlin ------------------- */

static int tz_setup(void **state)
{
    (void)state;
    if (setenv("TZ", "Europe/Berlin", 1) != 0)
        return -1;
    tzset();
    /* Without tzdata glibc takes an unknown zone as UTC. 2026-07-01 12:00 UTC. */
    time_t summer = (time_t)1782907200;
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

/* A day of the walk, as the C library sees it. */
typedef struct lday {
    int year, month, day; /* calendar */
    int wday;             /* 1 = Monday ... 7 = Sunday */
    int iso_week;         /* strftime %V */
    int days_in_month;
    long counter; /* days since the walk's first day, a Monday */
} lday;

/* Noon of y-m-(d + add) normalised by mktime. */
static struct tm noon(int y, int m, int d)
{
    struct tm tm = {0};
    tm.tm_year = y - 1900;
    tm.tm_mon = m - 1;
    tm.tm_mday = d;
    tm.tm_hour = 12;
    tm.tm_isdst = -1;
    mktime(&tm);
    return tm;
}

static lday lday_of(int y, int m, int d, long counter)
{
    struct tm tm = noon(y, m, d);
    lday L = {tm.tm_year + 1900,
              tm.tm_mon + 1,
              tm.tm_mday,
              tm.tm_wday == 0 ? 7 : tm.tm_wday,
              0,
              0,
              counter};
    char buf[8];
    strftime(buf, sizeof buf, "%V", &tm);
    L.iso_week = atoi(buf);
    struct tm last = noon(L.year, L.month + 1, 0); /* day 0 of next month: the last day */
    L.days_in_month = last.tm_mday;
    return L;
}

/* Berlin wall clock -> UTC by mktime: the summer reading when it reads back as the same
 * wall clock (so an ambiguous autumn time is its first, summer-time instance), else the
 * winter reading (a spring-forward gap time is taken in the offset before the change, as
 * civil.h promises). */
static int64_t tz_utc(int y, int m, int d, int minute)
{
    for (int dst = 1; dst >= 0; dst--) {
        struct tm tm = {0};
        tm.tm_year = y - 1900;
        tm.tm_mon = m - 1;
        tm.tm_mday = d;
        tm.tm_hour = minute / 60;
        tm.tm_min = minute % 60;
        tm.tm_isdst = dst;
        time_t t = mktime(&tm);
        struct tm back;
        localtime_r(&t, &back);
        bool same = back.tm_year == y - 1900 && back.tm_mon == m - 1 && back.tm_mday == d &&
                    back.tm_hour == minute / 60 && back.tm_min == minute % 60;
        if (same || dst == 0)
            return (int64_t)t;
    }
    return 0;
}

/* The Berlin calendar date of a UTC instant, by localtime_r. */
static void tz_date(int64_t utc, int *y, int *m, int *d)
{
    time_t t = (time_t)utc;
    struct tm tm;
    localtime_r(&t, &tm);
    *y = tm.tm_year + 1900;
    *m = tm.tm_mon + 1;
    *d = tm.tm_mday;
}

/* ---- random rules --------------------------------------------------------------------- */

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static unsigned rnd(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

/* The walk: 2025-12-01 (a Monday) for 3 years and 5 months, into May 2029, so the
 * horizon after the last "now" stays inside. */
#define WALK_DAYS 1250
static lday walk[WALK_DAYS];

static void walk_fill(void)
{
    for (long i = 0; i < WALK_DAYS; i++)
        walk[i] = lday_of(2025, 12, 1 + (int)i, i);
    assert_int_equal(walk[0].wday, 1);
}

static long walk_index(int y, int m, int d)
{
    for (long i = 0; i < WALK_DAYS; i++)
        if (walk[i].year == y && walk[i].month == m && walk[i].day == d)
            return i;
    fail_msg("%04d-%02d-%02d is not in the walk", y, m, d);
    return -1;
}

/* One slot with its rule, and the rule's dates and validity as walk indexes. */
typedef struct rslot {
    site_slot slot;
    long from_i, until_i; /* -1 / WALK_DAYS when open */
    long anchor_monday;   /* REPEAT_EVERY: index of the Monday of Starting */
    civil_date dates[6];
    long date_i[6];
} rslot;

static civil_date cdate(const lday *L)
{
    return (civil_date){L->year, L->month, L->day};
}

static int cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

/* A random rule for band b (its start time lies in the band, so the slots of one worker
 * never start at the same minute). Band 0 holds 0:00-6:59, the hours of the changes. */
static void random_slot(rslot *r, int band, int kita)
{
    memset(r, 0, sizeof *r);
    static const int band_from[] = {0, 8 * 60, 15 * 60};
    int start = band_from[band] + (int)rnd(6 * 60) / 15 * 15;
    /* Some band-0 slots on a Sunday at 2:00-3:59, inside the gap or the repeated hour. */
    int wd = 1 + (int)rnd(7);
    if (band == 0 && rnd(3) == 0) {
        wd = 7;
        start = 2 * 60 + (int)rnd(2 * 60) / 15 * 15;
    }
    r->slot = (site_slot){
        .kita = kita, .weekday = wd, .start_min = start, .end_min = start + 30 + (int)rnd(90)};
    site_rule *u = &r->slot.rule;
    u->repeat = (site_repeat)rnd(6);
    r->from_i = -1;
    r->until_i = WALK_DAYS;
    if (rnd(2)) {
        r->from_i = (long)rnd(900);
        u->has_from = true;
        u->from = cdate(&walk[r->from_i]);
    }
    if (rnd(2)) {
        long lo = r->from_i < 0 ? 0 : r->from_i;
        r->until_i = lo + (long)rnd(700);
        if (r->until_i >= WALK_DAYS)
            r->until_i = WALK_DAYS - 1;
        u->has_until = true;
        u->until = cdate(&walk[r->until_i]);
    }
    switch (u->repeat) {
    case REPEAT_EVERY: {
        u->every = 1 + (int)rnd(5);
        long s = (long)rnd(800);
        u->starting = cdate(&walk[s]);
        r->anchor_monday = s - (walk[s].wday - 1);
        break;
    }
    case REPEAT_MONTHLY:
        u->nth = rnd(5) == 4 ? -1 : 1 + (int)rnd(4);
        break;
    case REPEAT_DATES: {
        /* Dates on the slot's weekday (as the parser demands), sorted. */
        u->n_dates = 1 + rnd(LEN(r->dates));
        for (size_t i = 0; i < u->n_dates; i++) {
            long k = (long)rnd(WALK_DAYS - 8);
            while (walk[k].wday != wd)
                k++;
            r->date_i[i] = k;
        }
        qsort(r->date_i, u->n_dates, sizeof(long), cmp_long);
        size_t n = 0;
        for (size_t i = 0; i < u->n_dates; i++)
            if (n == 0 || r->date_i[n - 1] != r->date_i[i])
                r->date_i[n++] = r->date_i[i];
        u->n_dates = n;
        for (size_t i = 0; i < n; i++)
            r->dates[i] = cdate(&walk[r->date_i[i]]);
        u->dates = r->dates;
        break;
    }
    default:
        break;
    }
}

/* Whether the slot takes place on walk day i, computed from the C library's calendar. */
static bool expected_on(const rslot *r, long i)
{
    const lday *L = &walk[i];
    const site_rule *u = &r->slot.rule;
    if (L->wday != r->slot.weekday || i < r->from_i || i > r->until_i)
        return false;
    switch (u->repeat) {
    case REPEAT_WEEKLY:
        return true;
    case REPEAT_EVERY:
        return i >= r->anchor_monday && ((i - r->anchor_monday) / 7) % u->every == 0;
    case REPEAT_ODD_WEEKS:
        return L->iso_week % 2 == 1;
    case REPEAT_EVEN_WEEKS:
        return L->iso_week % 2 == 0;
    case REPEAT_MONTHLY:
        return u->nth < 0 ? L->day > L->days_in_month - 7 : (L->day + 6) / 7 == u->nth;
    case REPEAT_DATES:
        for (size_t k = 0; k < u->n_dates; k++)
            if (r->date_i[k] == i)
                return true;
        return false;
    }
    return false;
}

typedef struct expect_occ {
    int64_t start, end;
    int kita, y, m, d, start_min;
    bool cancelled;
} expect_occ;

#define SLOTS 3
#define MAX_OCC 48

/* Random workers of three slots each (two Kitas), with a holiday and a cancelled day,
 * at "now" values through 2026-2028 that include the instants around each change. */
static void test_property_against_tzdata(void **state)
{
    (void)state;
    walk_fill();
    /* Independent sanity of the walk itself: 2026 has 53 ISO weeks; 2027-01-01 is in
     * week 53; the changes are on 2026-03-29, 2026-10-25, 2027-03-28, 2027-10-31. */
    assert_int_equal(walk[walk_index(2027, 1, 1)].iso_week, 53);
    assert_int_equal(walk[walk_index(2027, 1, 4)].iso_week, 1);
    int64_t nows[40];
    size_t n_now = 0;
    static const int changes[][3] = {{2026, 3, 29},  {2026, 10, 25}, {2027, 3, 28},
                                     {2027, 10, 31}, {2028, 3, 26},  {2028, 10, 29}};
    for (size_t c = 0; c < LEN(changes); c++) {
        int64_t t = tz_utc(changes[c][0], changes[c][1], changes[c][2], 12 * 60);
        nows[n_now++] = t - 3 * 86400; /* the Thursday before */
        nows[n_now++] = t - 11 * 3600; /* 01:00 local, just before the change */
        nows[n_now++] = t - 9 * 3600;  /* after it */
    }
    for (int y = 2026; y <= 2028; y++) {
        nows[n_now++] = tz_utc(y, 1, 1, 0);
        nows[n_now++] = tz_utc(y, 12, 28, 18 * 60);
        nows[n_now++] = tz_utc(y, 6, 15, 10 * 60);
    }
    char ka[] = "a", kb[] = "b";
    site_kita kitas[2] = {{.id = ka, .name = ka}, {.id = kb, .name = kb}};
    size_t compared = 0, kinds[6] = {0};
    for (int round = 0; round < 300; round++) {
        rslot rs[SLOTS];
        site_slot slots[SLOTS];
        for (int k = 0; k < SLOTS; k++) {
            random_slot(&rs[k], k, (int)rnd(2));
            slots[k] = rs[k].slot;
            kinds[rs[k].slot.rule.repeat]++;
        }
        /* A holiday (whole days) and a cancelled day. */
        long h0 = (long)rnd(WALK_DAYS - 30), h1 = h0 + (long)rnd(20);
        long c0 = (long)rnd(WALK_DAYS);
        char note[] = "Fortbildung";
        site_exception ex[2] = {
            {.kind = EXC_HOLIDAY,
             .kita = -1,
             .from = cdate(&walk[h0]),
             .to = cdate(&walk[h1]),
             .start_min = -1,
             .end_min = -1},
            {.kind = EXC_CANCELLED,
             .kita = -1,
             .from = cdate(&walk[c0]),
             .to = cdate(&walk[c0]),
             .start_min = -1,
             .end_min = -1,
             .note = note},
        };
        site_worker w = {.slots = slots, .n_slots = SLOTS, .exceptions = ex, .n_exceptions = 2};
        site s = {.kitas = kitas, .n_kitas = 2, .workers = &w, .n_workers = 1, .here = 0};
        for (size_t ni = 0; ni < n_now; ni++) {
            int64_t now = nows[ni] + (int64_t)rnd(7200);
            int ty, tm, td;
            tz_date(now, &ty, &tm, &td);
            long today = walk_index(ty, tm, td);
            expect_occ want[SLOTS * SCHEDULE_HORIZON_DAYS];
            size_t nw = 0;
            for (long i = today; i < today + SCHEDULE_HORIZON_DAYS; i++) {
                if (i >= h0 && i <= h1)
                    continue;
                for (int k = 0; k < SLOTS; k++) {
                    if (!expected_on(&rs[k], i))
                        continue;
                    const lday *L = &walk[i];
                    expect_occ e = {tz_utc(L->year, L->month, L->day, rs[k].slot.start_min),
                                    tz_utc(L->year, L->month, L->day, rs[k].slot.end_min),
                                    rs[k].slot.kita,
                                    L->year,
                                    L->month,
                                    L->day,
                                    rs[k].slot.start_min,
                                    i == c0};
                    if (e.end <= now)
                        continue;
                    /* Insert by start instant (the bands keep them distinct). */
                    size_t p = nw;
                    while (p > 0 && want[p - 1].start > e.start)
                        p--;
                    memmove(&want[p + 1], &want[p], (nw - p) * sizeof want[0]);
                    want[p] = e;
                    nw++;
                }
            }
            occurrence got[MAX_OCC];
            size_t ng = schedule_next(&s, 0, -1, now, true, got, MAX_OCC);
            size_t expect_n = nw < MAX_OCC ? nw : MAX_OCC;
            if (ng != expect_n)
                fail_msg("round %d now %lld: %zu occurrences, expected %zu", round, (long long)now,
                         ng, expect_n);
            for (size_t i = 0; i < ng; i++) {
                const expect_occ *e = &want[i];
                const occurrence *o = &got[i];
                if (o->start_utc != e->start || o->end_utc != e->end || o->kita != e->kita ||
                    o->date.year != e->y || o->date.month != e->m || o->date.day != e->d ||
                    o->start_min != e->start_min || o->cancelled != e->cancelled)
                    fail_msg("round %d, occurrence %zu: got %04d-%02d-%02d %d min (%lld), "
                             "expected %04d-%02d-%02d %d min (%lld)",
                             round, i, o->date.year, o->date.month, o->date.day, o->start_min,
                             (long long)o->start_utc, e->y, e->m, e->d, e->start_min,
                             (long long)e->start);
                compared++;
            }
        }
    }
    /* The test saw every kind of rule, and many occurrences. */
    for (size_t k = 0; k < LEN(kinds); k++)
        assert_true(kinds[k] > 50);
    assert_true(compared > 50000);
}

/* A two-week rhythm across New Year 2026/27 (ISO week 53) and odd weeks, which meet
 * twice in a row there: weeks 53 and 1 are both odd. */
static void test_odd_weeks_across_year_end(void **state)
{
    (void)state;
    char ka[] = "a";
    site_kita kitas[1] = {{.id = ka, .name = ka}};
    site_slot slots[1] = {{.kita = 0,
                           .weekday = 2,
                           .start_min = 9 * 60,
                           .end_min = 12 * 60,
                           .rule = {.repeat = REPEAT_ODD_WEEKS}}};
    site_worker w = {.slots = slots, .n_slots = 1};
    site s = {.kitas = kitas, .n_kitas = 1, .workers = &w, .n_workers = 1};
    occurrence o[4];
    /* From Monday 2026-12-21 (week 52): Tuesdays 29.12. (week 53) and 5.1. (week 1),
     * then 19.1. (week 3). */
    size_t n = schedule_next(&s, 0, 0, tz_utc(2026, 12, 21, 8 * 60), false, o, 3);
    assert_int_equal(n, 3);
    assert_int_equal(o[0].date.day, 29);
    assert_int_equal(o[1].date.day, 5);
    assert_int_equal(o[2].date.day, 19);
    /* Every 2 weeks from week 53 instead: 29.12., then 12.1. (the rhythm, not the week
     * number, counts). */
    slots[0].rule = (site_rule){.repeat = REPEAT_EVERY, .every = 2, .starting = {2026, 12, 28}};
    n = schedule_next(&s, 0, 0, tz_utc(2026, 12, 21, 8 * 60), false, o, 3);
    assert_int_equal(n, 3);
    assert_int_equal(o[0].date.day, 29);
    assert_int_equal(o[1].date.day, 12);
    assert_int_equal(o[2].date.day, 26);
    assert_int_equal(o[1].start_utc, tz_utc(2027, 1, 12, 9 * 60));
}

/* ---- the parser ----------------------------------------------------------------------- */

static const char site_txt[] = "Site: Kita Test\nHere: sonne\n\n"
                               "Kita: sonne\nName: Kita Sonne\n\n"
                               "Kita: mond\nName: Kita Mond\n\n"
                               "Worker: anna\nName: Anna\n";
static const char services_txt[] = "Service: s\nTopic: money\nName: S\nDescription: D.\n";

static site *load(const char *schedule, site_errors *e)
{
    site_file files[3] = {{"site.txt", site_txt, strlen(site_txt)},
                          {"schedule.txt", schedule, strlen(schedule)},
                          {"services.txt", services_txt, strlen(services_txt)}};
    site_errors_init(e);
    return site_load(files, 3, e);
}

/* schedule with a plain record at the Kita Sonne after it (so that only the messages of
 * schedule's own lines are left). */
static void expect_errors(const char *schedule, const char *const *msgs, size_t n)
{
    site_errors e;
    char *text = xasprintf("%s\n\nHours: anna\nKita: sonne\nSunday: 20:00-21:00\n", schedule);
    site *s = load(text, &e);
    free(text);
    assert_null(s);
    bool ok = e.count == n;
    for (size_t i = 0; ok && i < n; i++)
        ok = strcmp(e.messages[i], msgs[i]) == 0;
    if (!ok) {
        for (size_t i = 0; i < e.count; i++)
            fprintf(stderr, "  got: %s\n", e.messages[i]);
        for (size_t i = 0; i < n; i++)
            fprintf(stderr, "  want: %s\n", msgs[i]);
    }
    assert_true(ok);
    site_errors_finish(&e);
}

static void test_parse_rules(void **state)
{
    (void)state;
    const char *sched = "Hours: anna\nKita: sonne\nTuesday: 09:00-12:00\n\n"              /* 1 */
                        "Hours: anna\nKita: mond\nEvery: 2 weeks\nStarting: 2026-09-01\n" /* 5 */
                        "Monday: 09:00-12:00\nFrom: 2026-08-01\nUntil: 2027-01-31\n\n"
                        "Hours: anna\nKita: mond\nMonthly: last\nFriday: 09:00-11:00\n\n" /* 13 */
                        "Hours: anna\nKita: sonne\nWeeks: even\nWednesday: 14:00-15:00\n\n"
                        "Hours: anna\nKita: mond\nDates: 2026-11-03, 2026-10-06\n" /* 23 */
                        "Tuesday: 14:00-16:00\n";
    site_errors e;
    site *s = load(sched, &e);
    for (size_t i = 0; i < e.count; i++)
        fprintf(stderr, "  %s\n", e.messages[i]);
    assert_non_null(s);
    const site_worker *w = &s->workers[0];
    assert_int_equal(w->n_slots, 5);
    assert_true(site_rule_is_weekly(&w->slots[0].rule));
    const site_rule *r = &w->slots[1].rule;
    assert_int_equal(r->repeat, REPEAT_EVERY);
    assert_int_equal(r->every, 2);
    assert_int_equal(r->starting.day, 1);
    assert_true(r->has_from && r->has_until);
    assert_int_equal(r->until.year, 2027);
    assert_int_equal(r->record, 5);
    assert_int_equal(w->slots[2].rule.repeat, REPEAT_MONTHLY);
    assert_int_equal(w->slots[2].rule.nth, -1);
    assert_int_equal(w->slots[3].rule.repeat, REPEAT_EVEN_WEEKS);
    r = &w->slots[4].rule;
    assert_int_equal(r->repeat, REPEAT_DATES);
    assert_int_equal(r->n_dates, 2);
    assert_int_equal(r->dates[0].month, 10); /* sorted */
    assert_int_equal(r->dates[1].month, 11);
    /* The rules at work at the Kita Mond: the whole week of Starting counts (Monday
     * 31.8., the day before Starting), then every second Monday; August's last Friday is
     * the 28th. */
    occurrence o[3];
    size_t n = schedule_next(s, 0, 1, tz_utc(2026, 8, 20, 0), false, o, 3);
    assert_int_equal(n, 3);
    assert_int_equal(o[0].date.month, 8); /* Friday 28.8.: the last Friday of August */
    assert_int_equal(o[0].date.day, 28);
    assert_int_equal(o[1].date.day, 31); /* Monday 31.8.: week of Starting */
    assert_int_equal(o[2].date.day, 14); /* Monday 14.9.: two weeks on */
    site_destroy(s);
    site_errors_finish(&e);
}

static void test_parse_errors(void **state)
{
    (void)state;
    {
        const char *m[] = {
            "schedule.txt:3: Every: '0 weeks' is not 'N weeks' with N from 1 to 52 (e.g. '2 "
            "weeks')"};
        expect_errors("Hours: anna\nKita: sonne\nEvery: 0 weeks\nStarting: 2026-09-01\n"
                      "Monday: 09:00-12:00\n",
                      m, 1);
    }
    {
        const char *m[] = {"schedule.txt:3: Every: needs 'Starting: YYYY-MM-DD', a date in the "
                           "first week the rhythm counts from"};
        expect_errors("Hours: anna\nKita: sonne\nEvery: 2 weeks\nMonday: 09:00-12:00\n", m, 1);
    }
    {
        const char *m[] = {"schedule.txt:3: Weeks: 'odds' is not 'odd' or 'even' (ISO calendar "
                           "weeks)"};
        expect_errors("Hours: anna\nKita: sonne\nWeeks: odds\nMonday: 09:00-12:00\n", m, 1);
    }
    {
        const char *m[] = {"schedule.txt:5: Weeks: cannot be combined with 'Every' (line 3) in "
                           "one record; write a second 'Hours:' record"};
        expect_errors("Hours: anna\nKita: sonne\nEvery: 2 weeks\nStarting: 2026-09-01\n"
                      "Weeks: odd\nMonday: 09:00-12:00\n",
                      m, 1);
    }
    {
        const char *m[] = {"schedule.txt:4: Until: 2026-07-31 is before From: 2026-08-01 (line 3)"};
        expect_errors("Hours: anna\nKita: sonne\nFrom: 2026-08-01\nUntil: 2026-07-31\n"
                      "Monday: 09:00-12:00\n",
                      m, 1);
    }
    {
        const char *m[] = {
            "schedule.txt:3: Monthly: 'fifth' is not first, second, third, fourth or last (a "
            "fifth weekday does not come every month)"};
        expect_errors("Hours: anna\nKita: sonne\nMonthly: fifth\nMonday: 09:00-12:00\n", m, 1);
    }
    {
        /* The fourth Monday never comes in 1.-21. Feb 2027. */
        const char *m[] = {"schedule.txt:1: Hours: this rule never gives a date between "
                           "2027-02-01 and 2027-02-21 (Until)"};
        expect_errors("Hours: anna\nKita: sonne\nMonthly: fourth\nMonday: 09:00-12:00\n"
                      "From: 2027-02-01\nUntil: 2027-02-21\n",
                      m, 1);
    }
    {
        const char *m[] = {"schedule.txt:4: Starting: 2027-03-01 is after Until: 2027-01-31 "
                           "(line 5)"};
        expect_errors("Hours: anna\nKita: sonne\nEvery: 2 weeks\nStarting: 2027-03-01\n"
                      "Until: 2027-01-31\nMonday: 09:00-12:00\n",
                      m, 1);
    }
    {
        const char *m[] = {"schedule.txt:3: Dates: 2026-10-07 is a Wednesday, but this record "
                           "has no 'Wednesday:' line"};
        expect_errors("Hours: anna\nKita: sonne\nDates: 2026-10-06, 2026-10-07\n"
                      "Tuesday: 09:00-12:00\n",
                      m, 1);
    }
    {
        /* Every second Monday from 7.9. meets the first Monday of September (7.9.) at
         * the other Kita: the same worker cannot be at both. */
        const char *m[] = {"schedule.txt:10: Monday: 10:00-11:00 overlaps 09:00-12:00 (line 5) "
                           "of worker 'anna' on 2026-09-07, where both rules give hours"};
        expect_errors("Hours: anna\nKita: sonne\nEvery: 2 weeks\nStarting: 2026-09-07\n"
                      "Monday: 09:00-12:00\n\n"
                      "Hours: anna\nKita: mond\nMonthly: first\nMonday: 10:00-11:00\n",
                      m, 1);
    }
    /* Odd and even weeks never meet, nor do the first and the last Monday: no overlap. */
    site_errors e;
    site *s = load("Hours: anna\nKita: sonne\nWeeks: odd\nMonday: 09:00-12:00\n\n"
                   "Hours: anna\nKita: mond\nWeeks: even\nMonday: 09:00-12:00\n\n"
                   "Hours: anna\nKita: mond\nMonthly: first\nTuesday: 09:00-12:00\n\n"
                   "Hours: anna\nKita: sonne\nMonthly: last\nTuesday: 09:00-12:00\n",
                   &e);
    for (size_t i = 0; i < e.count; i++)
        fprintf(stderr, "  %s\n", e.messages[i]);
    assert_non_null(s);
    site_destroy(s);
    site_errors_finish(&e);
}

/* ---- the words, from the real catalogs ---------------------------------------------- */

static char *read_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    strbuf sb;
    strbuf_init(&sb);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        strbuf_append(&sb, buf, n);
    fclose(f);
    return strbuf_steal(&sb);
}

static i18n *load_i18n(void)
{
    i18n *t = i18n_create();
    char *langs = read_text(LOTSE_SOURCE_DIR "/locales/languages.txt");
    assert_non_null(langs);
    site_file f = {"languages.txt", langs, strlen(langs)};
    site_errors errs;
    site_errors_init(&errs);
    assert_true(i18n_load_languages(t, &f, &errs));
    for (size_t i = 0; i < i18n_count(t); i++) {
        const char *code = i18n_lang(t, i)->code;
        char *path = xasprintf("%s/locales/%s.po", LOTSE_SOURCE_DIR, code);
        char *text = read_text(path);
        assert_non_null(text);
        po_catalog *c = po_parse(path, text, strlen(text), &errs);
        assert_non_null(c);
        i18n_set_ui_catalog(t, i, c);
        free(text);
        free(path);
    }
    site_errors_finish(&errs);
    free(langs);
    return t;
}

static void expect_summary(const i18n *t, const char *code, const site_worker *w, int kita,
                           civil_date today, const char *want)
{
    int lang = i18n_find(t, code);
    assert_true(lang >= 0);
    char *got = when_hours_summary(t, (size_t)lang, w, kita, today);
    if (strcmp(got, want) != 0)
        fail_msg("%s:\n got: %s\nwant: %s", code, got, want);
    free(got);
}

#define LRI "\xE2\x81\xA6"
#define PDI "\xE2\x81\xA9"

static void test_words(void **state)
{
    (void)state;
    i18n *t = load_i18n();
    civil_date dates[] = {{2026, 10, 6}, {2026, 11, 3}};
    site_rule every2 = {.repeat = REPEAT_EVERY,
                        .every = 2,
                        .starting = {2026, 9, 1},
                        .has_from = true,
                        .from = {2026, 8, 1},
                        .has_until = true,
                        .until = {2027, 1, 31},
                        .record = 5};
    site_rule first = {.repeat = REPEAT_MONTHLY, .nth = 1, .record = 10};
    site_rule odd = {.repeat = REPEAT_ODD_WEEKS, .record = 14};
    site_rule listed = {.repeat = REPEAT_DATES, .dates = dates, .n_dates = 2, .record = 20};
    site_rule last = {.repeat = REPEAT_MONTHLY, .nth = -1, .record = 24};
    site_slot slots[] = {
        {.kita = 0, .weekday = 2, .start_min = 540, .end_min = 720, .rule = every2},
        {.kita = 1, .weekday = 2, .start_min = 540, .end_min = 720, .rule = first},
        {.kita = 2, .weekday = 2, .start_min = 840, .end_min = 960, .rule = odd},
        {.kita = 3, .weekday = 2, .start_min = 840, .end_min = 960, .rule = listed},
        {.kita = 3, .weekday = 3, .start_min = 600, .end_min = 660},
        {.kita = 4, .weekday = 3, .start_min = 600, .end_min = 660, .rule = last},
    };
    site_worker w = {.slots = slots, .n_slots = LEN(slots)};
    civil_date today = {2026, 8, 20};
    expect_summary(t, "de", &w, 0, today,
                   "Dienstag 9:00–12:00\njede zweite Woche · vom 1.8. bis 31.1.");
    expect_summary(t, "de", &w, 1, today, "Erster Dienstag im Monat 9:00–12:00");
    expect_summary(t, "de", &w, 2, today, "Dienstag 14:00–16:00\nin ungeraden Kalenderwochen");
    expect_summary(t, "de", &w, 3, today,
                   "Mittwoch 10:00–11:00\nDienstag 14:00–16:00\nnur am 6.10., 3.11.");
    expect_summary(t, "de", &w, 4, today, "Letzter Mittwoch im Monat 10:00–11:00");
    /* A listed date already past is not named; an expired rule is not shown at all. */
    expect_summary(t, "de", &w, 3, (civil_date){2026, 10, 20},
                   "Mittwoch 10:00–11:00\nDienstag 14:00–16:00\nnur am 3.11.");
    expect_summary(t, "de", &w, 0, (civil_date){2027, 2, 1}, "");
    expect_summary(t, "en", &w, 0, today,
                   "Tuesday 9:00–12:00\nevery second week · from 1.8. to 31.1.");
    expect_summary(t, "en", &w, 1, today, "First Tuesday of the month 9:00–12:00");
    /* Arabic: the time stays left to right inside the right-to-left line. The short
     * date is the catalog's ("1/8"). */
    expect_summary(t, "ar", &w, 0, today,
                   "الثلاثاء " LRI "9:00–12:00" PDI "\nكل أسبوعين · من 1/8 إلى 31/1");
    expect_summary(t, "ar", &w, 1, today, "أول ثلاثاء من الشهر " LRI "9:00–12:00" PDI);
    expect_summary(t, "ar", &w, 2, today,
                   "الثلاثاء " LRI "14:00–16:00" PDI "\nفي أسابيع التقويم الفردية");
    expect_summary(t, "ar", &w, 4, today, "آخر أربعاء من الشهر " LRI "10:00–11:00" PDI);
    /* Tigrinya. */
    expect_summary(t, "ti", &w, 0, today, "ሰሉስ 9:00–12:00\nኣብ ክልተ ሰሙን ሓደ ግዜ · ካብ 1/8 ክሳብ 31/1");
    expect_summary(t, "ti", &w, 1, today, "ቀዳማይ ሰሉስ ናይ ወርሒ 9:00–12:00");
    expect_summary(t, "ti", &w, 2, today, "ሰሉስ 14:00–16:00\nኣብ ዘይተጻመዱ ሰሙናት ናይ ዓመት");
    /* Gender agreement: Wednesday is feminine in Russian. */
    expect_summary(t, "ru", &w, 4, today, "Последняя среда месяца 10:00–11:00");
    /* Every three weeks: the catalog's plural. */
    slots[0].rule.every = 3;
    expect_summary(t, "ru", &w, 0, today, "Вторник 9:00–12:00\nраз в 3 недели · с 1.8 по 31.1");
    expect_summary(t, "de", &w, 0, today,
                   "Dienstag 9:00–12:00\nalle 3 Wochen · vom 1.8. bis 31.1.");
    i18n_destroy(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_property_against_tzdata),
        cmocka_unit_test(test_odd_weeks_across_year_end),
        cmocka_unit_test(test_parse_rules),
        cmocka_unit_test(test_parse_errors),
        cmocka_unit_test(test_words),
    };
    return cmocka_run_group_tests(tests, tz_setup, tz_teardown);
}
