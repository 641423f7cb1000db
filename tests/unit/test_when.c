/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* test_when.c - "when is she here?" phrases (when.c). No catalogs are loaded, so every
 * phrase is the English msgid. Dates in 2026: Tuesday 24 March; Berlin springs forward
 * on Sunday 29 March and falls back on Sunday 25 October. The relative part is held
 * together by no-break spaces ("·\u00a0in\u00a02\u00a0days"). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "content/i18n.h"
#include "time/schedule.h"
#include "base/util.h"
#include "time/when.h"

#define HM(h, m) ((h)*60 + (m))

static const char languages_txt[] = "Language: de\nName: Deutsch\nScript: Latn\nDirection: ltr\n\n"
                                    "Language: en\nName: English\nScript: Latn\nDirection: ltr\n";

static int setup(void **state)
{
    i18n *t = i18n_create();
    site_file f = {"languages.txt", languages_txt, sizeof(languages_txt) - 1};
    site_errors errs;
    site_errors_init(&errs);
    bool ok = i18n_load_languages(t, &f, &errs);
    site_errors_finish(&errs);
    if (!ok) {
        i18n_destroy(t);
        return -1;
    }
    *state = t;
    return 0;
}

static int teardown(void **state)
{
    i18n_destroy(*state);
    return 0;
}

static civil_date date_of(int y, int m, int d)
{
    civil_date out = {y, m, d};
    return out;
}

/* Berlin wall clock -> UTC. */
static int64_t at(int y, int m, int d, int h, int min)
{
    return berlin_to_utc(date_of(y, m, d), HM(h, min), 0);
}

static occurrence occ(int y, int m, int d, int start_min, int end_min)
{
    occurrence o;
    memset(&o, 0, sizeof(o));
    o.date = date_of(y, m, d);
    o.start_min = start_min;
    o.end_min = end_min;
    o.start_utc = berlin_to_utc(o.date, start_min, 0);
    o.end_utc = berlin_to_utc(o.date, end_min, 0);
    return o;
}

static void expect_phrase(const i18n *t, const occurrence *o, int64_t now, const char *want)
{
    char *got = when_phrase(t, 0, o, now);
    assert_string_equal(got, want);
    free(got);
}

static void test_here_now(void **state)
{
    const i18n *t = *state;
    occurrence o = occ(2026, 3, 24, HM(9, 0), HM(12, 0));
    expect_phrase(t, &o, at(2026, 3, 24, 10, 42), "Here now · today until 12:00");
    /* From the first second ... */
    expect_phrase(t, &o, o.start_utc, "Here now · today until 12:00");
    expect_phrase(t, &o, o.end_utc - 1, "Here now · today until 12:00");
    /* At the end she has left: no longer "here now". */
    char *gone = when_phrase(t, 0, &o, o.end_utc);
    assert_null(strstr(gone, "Here now"));
    free(gone);
    /* ... a second before it is still "today". */
    expect_phrase(t, &o, o.start_utc - 1, "Today 9:00–12:00");
    occurrence late = occ(2026, 3, 24, HM(14, 30), HM(16, 5));
    expect_phrase(t, &late, at(2026, 3, 24, 15, 0), "Here now · today until 16:05");
}

static void test_later_today(void **state)
{
    const i18n *t = *state;
    occurrence o = occ(2026, 3, 24, HM(14, 0), HM(16, 0));
    expect_phrase(t, &o, at(2026, 3, 24, 8, 0), "Today 14:00–16:00");
    expect_phrase(t, &o, at(2026, 3, 24, 0, 0), "Today 14:00–16:00");
    /* Half past midnight in Berlin is still the day before in UTC: it is today all the
     * same (days are counted in Berlin, not UTC). */
    expect_phrase(t, &o, at(2026, 3, 24, 0, 30), "Today 14:00–16:00");
    occurrence summer = occ(2026, 6, 9, HM(9, 0), HM(12, 0));
    expect_phrase(t, &summer, at(2026, 6, 9, 1, 59), "Today 9:00–12:00");
}

static void test_tomorrow(void **state)
{
    const i18n *t = *state;
    occurrence o = occ(2026, 3, 25, HM(9, 0), HM(12, 0));
    expect_phrase(t, &o, at(2026, 3, 24, 10, 0), "Tomorrow, Wednesday 9:00–12:00");
    /* A minute before midnight, and even after the slot's time of day. */
    expect_phrase(t, &o, at(2026, 3, 24, 23, 59), "Tomorrow, Wednesday 9:00–12:00");
    expect_phrase(t, &o, at(2026, 3, 24, 0, 1), "Tomorrow, Wednesday 9:00–12:00");
    /* 23:30 on Tuesday Berlin is 22:30 UTC: "tomorrow", not "today". */
    occurrence early = occ(2026, 3, 25, HM(7, 30), HM(8, 0));
    expect_phrase(t, &early, at(2026, 3, 24, 23, 30), "Tomorrow, Wednesday 7:30–8:00");
}

static void test_days_ahead(void **state)
{
    const i18n *t = *state;
    int64_t now = at(2026, 3, 24, 10, 0); /* Tuesday */
    occurrence o = occ(2026, 3, 26, HM(14, 0), HM(16, 0));
    expect_phrase(t, &o, now, "Thursday 14:00–16:00 ·\u00a0in\u00a02\u00a0days");
    o = occ(2026, 3, 30, HM(9, 0), HM(12, 0));
    expect_phrase(t, &o, now, "Monday 9:00–12:00 ·\u00a0in\u00a06\u00a0days");
    /* A week or more: with the date. */
    o = occ(2026, 3, 31, HM(9, 0), HM(12, 0));
    expect_phrase(t, &o, now, "Tuesday 31.3. 9:00–12:00 ·\u00a0in\u00a07\u00a0days");
    o = occ(2026, 4, 7, HM(9, 0), HM(12, 0));
    expect_phrase(t, &o, now, "Tuesday 7.4. 9:00–12:00 ·\u00a0in\u00a014\u00a0days");
    o = occ(2026, 7, 1, HM(8, 0), HM(9, 30));
    expect_phrase(t, &o, now, "Wednesday 1.7. 8:00–9:30 ·\u00a0in\u00a099\u00a0days");

    /* Every distance from 0 to 120 days: exactly one form, never "in 1 day", the date
     * from 7 days on, the weekday always right. */
    static const char *const weekdays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                           "Friday", "Saturday", "Sunday"};
    for (int k = 0; k <= 120; k++) {
        civil_date d = civil_date_add(date_of(2026, 3, 24), k);
        occurrence x = occ(d.year, d.month, d.day, HM(15, 0), HM(17, 0));
        char *got = when_phrase(t, 0, &x, now);
        assert_null(strstr(got, "in 1 day"));
        assert_null(strstr(got, "in\u00a01\u00a0day"));
        assert_non_null(strstr(got, "15:00–17:00"));
        if (k == 0) {
            assert_string_equal(got, "Today 15:00–17:00");
        } else if (k == 1) {
            assert_string_equal(got, "Tomorrow, Wednesday 15:00–17:00");
        } else {
            char *want;
            const char *wd = weekdays[civil_weekday(d) - 1];
            if (k < 7)
                want = xasprintf("%s 15:00–17:00 ·\u00a0in\u00a0%d\u00a0days", wd, k);
            else
                want = xasprintf("%s %d.%d. 15:00–17:00 ·\u00a0in\u00a0%d\u00a0days", wd, d.day,
                                 d.month, k);
            assert_string_equal(got, want);
            free(want);
        }
        free(got);
    }
}

/* Days are Berlin calendar days, so a 23-hour or 25-hour day does not shift them. */
static void test_across_dst(void **state)
{
    const i18n *t = *state;
    /* Saturday 28 March 2026 -> Monday 30 March: the night of the 29th has 23 hours. */
    occurrence o = occ(2026, 3, 30, HM(9, 0), HM(12, 0));
    expect_phrase(t, &o, at(2026, 3, 28, 10, 0), "Monday 9:00–12:00 ·\u00a0in\u00a02\u00a0days");
    expect_phrase(t, &o, at(2026, 3, 28, 0, 5), "Monday 9:00–12:00 ·\u00a0in\u00a02\u00a0days");
    expect_phrase(t, &o, at(2026, 3, 28, 23, 55), "Monday 9:00–12:00 ·\u00a0in\u00a02\u00a0days");
    expect_phrase(t, &o, at(2026, 3, 29, 23, 55), "Tomorrow, Monday 9:00–12:00");
    occurrence early = occ(2026, 3, 30, HM(0, 30), HM(1, 0));
    expect_phrase(t, &early, at(2026, 3, 28, 23, 45),
                  "Monday 0:30–1:00 ·\u00a0in\u00a02\u00a0days");
    /* Autumn: Saturday 24 October -> Monday 26 October (a 25-hour Sunday). */
    occurrence autumn = occ(2026, 10, 26, HM(9, 0), HM(12, 0));
    expect_phrase(t, &autumn, at(2026, 10, 24, 10, 0),
                  "Monday 9:00–12:00 ·\u00a0in\u00a02\u00a0days");
    expect_phrase(t, &autumn, at(2026, 10, 24, 23, 59),
                  "Monday 9:00–12:00 ·\u00a0in\u00a02\u00a0days");
    expect_phrase(t, &autumn, at(2026, 10, 25, 0, 1), "Tomorrow, Monday 9:00–12:00");
    /* A slot on the day of the change itself, 9:00 local either way. */
    occurrence sunday = occ(2026, 3, 29, HM(9, 0), HM(10, 0));
    expect_phrase(t, &sunday, at(2026, 3, 29, 1, 30), "Today 9:00–10:00");
    expect_phrase(t, &sunday, at(2026, 3, 29, 9, 30), "Here now · today until 10:00");
    /* A week across the change: 7 days, not 6. */
    occurrence week = occ(2026, 4, 4, HM(9, 0), HM(10, 0));
    expect_phrase(t, &week, at(2026, 3, 28, 9, 30),
                  "Saturday 4.4. 9:00–10:00 ·\u00a0in\u00a07\u00a0days");
}

/* The same through schedule_next on a hand-built site: a worker at 9:00-12:00 on
 * Mondays and 14:00-16:00 on Wednesdays. */
static void test_with_schedule(void **state)
{
    const i18n *t = *state;
    site_kita kita = {.id = "sonnenblume", .name = "Kita Sonnenblume"};
    site_slot slots[] = {
        {.kita = 0, .weekday = 1, .start_min = HM(9, 0), .end_min = HM(12, 0)},
        {.kita = 0, .weekday = 3, .start_min = HM(14, 0), .end_min = HM(16, 0)},
    };
    site_worker w;
    memset(&w, 0, sizeof(w));
    w.id = "anna";
    w.name = "Anna";
    w.slots = slots;
    w.n_slots = 2;
    site s;
    memset(&s, 0, sizeof(s));
    s.kitas = &kita;
    s.n_kitas = 1;
    s.workers = &w;
    s.n_workers = 1;

    occurrence out[4];
    /* Saturday 28 March, the day before the change. */
    int64_t now = at(2026, 3, 28, 11, 0);
    size_t n = schedule_next(&s, 0, 0, now, false, out, 4);
    assert_int_equal(n, 4);
    const char *want[] = {
        "Monday 9:00–12:00 ·\u00a0in\u00a02\u00a0days",
        "Wednesday 14:00–16:00 ·\u00a0in\u00a04\u00a0days",
        "Monday 6.4. 9:00–12:00 ·\u00a0in\u00a09\u00a0days",
        "Wednesday 8.4. 14:00–16:00 ·\u00a0in\u00a011\u00a0days",
    };
    for (size_t i = 0; i < n; i++) {
        char *got = when_phrase(t, 0, &out[i], now);
        assert_string_equal(got, want[i]);
        free(got);
    }
    /* Monday 30 March 10:00 (summer time now): she is here. */
    now = at(2026, 3, 30, 10, 0);
    n = schedule_next(&s, 0, 0, now, false, out, 2);
    assert_int_equal(n, 2);
    char *got = when_phrase(t, 0, &out[0], now);
    assert_string_equal(got, "Here now · today until 12:00");
    free(got);
    got = when_phrase(t, 0, &out[1], now);
    assert_string_equal(got, "Wednesday 14:00–16:00 ·\u00a0in\u00a02\u00a0days");
    free(got);
    /* Tuesday evening: Wednesday is tomorrow. */
    now = at(2026, 3, 31, 20, 0);
    n = schedule_next(&s, 0, 0, now, false, out, 1);
    assert_int_equal(n, 1);
    got = when_phrase(t, 0, &out[0], now);
    assert_string_equal(got, "Tomorrow, Wednesday 14:00–16:00");
    free(got);
}

static void test_date_range_and_clock(void **state)
{
    const i18n *t = *state;
    occurrence o = occ(2026, 3, 24, HM(9, 0), HM(12, 0));
    char *s = when_date_range(t, 0, &o);
    assert_string_equal(s, "Tuesday 24.3. 9:00–12:00");
    free(s);
    o = occ(2026, 12, 31, HM(0, 0), HM(24, 0));
    s = when_date_range(t, 1, &o);
    assert_string_equal(s, "Thursday 31.12. 0:00–24:00");
    free(s);

    s = when_clock(t, 0, at(2026, 3, 24, 10, 42) + 59);
    assert_string_equal(s, "Tuesday, 24.3. · 10:42");
    free(s);
    /* Berlin, not UTC: 00:05 local on 1 January is 23:05 UTC on 31 December. */
    s = when_clock(t, 0, at(2027, 1, 1, 0, 5));
    assert_string_equal(s, "Friday, 1.1. · 0:05");
    free(s);
    /* Summer time. */
    s = when_clock(t, 0, at(2026, 7, 15, 9, 7));
    assert_string_equal(s, "Wednesday, 15.7. · 9:07");
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_here_now),
        cmocka_unit_test(test_later_today),
        cmocka_unit_test(test_tomorrow),
        cmocka_unit_test(test_days_ahead),
        cmocka_unit_test(test_across_dst),
        cmocka_unit_test(test_with_schedule),
        cmocka_unit_test(test_date_range_and_clock),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
