/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* test_schedule.c - expansion of weekly slots and exceptions into occurrences. Sites
 * are built by hand from stack data (no site_load), so this test needs only civil.c and
 * schedule.c. Dates are in spring 2026: Tuesdays are 24 and 31 March, 7, 14, 21 April;
 * Berlin switches to summer time on Sunday 29 March. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "time/schedule.h"

#define HM(h, m) ((h)*60 + (m))
#define SLOT(k, wd, start, end)                                                                    \
    {                                                                                              \
        .kita = (k), .weekday = (wd), .start_min = (start), .end_min = (end)                       \
    }
#define LEN(a) (sizeof(a) / sizeof((a)[0]))

static char kita_a_id[] = "sonnenblume", kita_a_name[] = "Kita Sonnenblume";
static char kita_b_id[] = "regenbogen", kita_b_name[] = "Kita Regenbogen";
static char kita_c_id[] = "pusteblume", kita_c_name[] = "Kita Pusteblume";
static char note_ferien[] = "Osterferien";
static char note_krank[] = "krank";
static char note_sonder[] = "Sondertermin";
static char note_urlaub[] = "Urlaub";
static char note_fortbildung[] = "Fortbildung";

static civil_date date_of(int y, int m, int d)
{
    civil_date out = {y, m, d};
    return out;
}

/* Berlin local wall clock -> UTC (berlin_to_utc itself is tested in test_civil). */
static int64_t at(int y, int m, int d, int h, int min)
{
    return berlin_to_utc(date_of(y, m, d), HM(h, min), 0);
}

static site_exception exc(site_exception_kind kind, int kita, civil_date from, civil_date to,
                          int start_min, int end_min, char *note)
{
    site_exception e;
    memset(&e, 0, sizeof e);
    e.kind = kind;
    e.kita = kita;
    e.from = from;
    e.to = to;
    e.start_min = start_min;
    e.end_min = end_min;
    e.note = note;
    return e;
}

static site_worker worker_of(site_slot *slots, size_t n_slots, site_exception *exceptions,
                             size_t n_exceptions)
{
    site_worker w;
    memset(&w, 0, sizeof w);
    w.slots = slots;
    w.n_slots = n_slots;
    w.exceptions = exceptions;
    w.n_exceptions = n_exceptions;
    return w;
}

/* A site of three Kitas around the given workers; it borrows every pointer. */
static site site_of(site_worker *workers, size_t n_workers, site_kita kitas[3])
{
    kitas[0] = (site_kita){.id = kita_a_id, .name = kita_a_name};
    kitas[1] = (site_kita){.id = kita_b_id, .name = kita_b_name};
    kitas[2] = (site_kita){.id = kita_c_id, .name = kita_c_name};
    site s;
    memset(&s, 0, sizeof s);
    s.kitas = kitas;
    s.n_kitas = 3;
    s.workers = workers;
    s.n_workers = n_workers;
    return s;
}

static void assert_date(civil_date got, int y, int m, int d)
{
    assert_int_equal(got.year, y);
    assert_int_equal(got.month, m);
    assert_int_equal(got.day, d);
}

static void assert_occ(const occurrence *o, int worker, int kita, civil_date d, int start_min,
                       int end_min)
{
    assert_int_equal(o->worker, worker);
    assert_int_equal(o->kita, kita);
    assert_date(o->date, d.year, d.month, d.day);
    assert_int_equal(o->start_min, start_min);
    assert_int_equal(o->end_min, end_min);
    assert_int_equal(o->start_utc, berlin_to_utc(d, start_min, 0));
    assert_int_equal(o->end_utc, berlin_to_utc(d, end_min, 0));
}

/* Field by field: struct padding is unspecified, so no memcmp. */
static void assert_same_occ(const occurrence *a, const occurrence *b)
{
    assert_int_equal(a->worker, b->worker);
    assert_int_equal(a->kita, b->kita);
    assert_int_equal(civil_date_cmp(a->date, b->date), 0);
    assert_int_equal(a->start_min, b->start_min);
    assert_int_equal(a->end_min, b->end_min);
    assert_int_equal(a->start_utc, b->start_utc);
    assert_int_equal(a->end_utc, b->end_utc);
    assert_int_equal(a->cancelled, b->cancelled);
    assert_int_equal(a->extra, b->extra);
    assert_ptr_equal(a->note, b->note);
}

/* A Tuesday 9:00-12:00 slot stays at 9:00 local across the spring change: 08:00 UTC
 * before, 07:00 UTC after; and back across the autumn change. */
static void test_dst_straddle(void **state)
{
    (void)state;
    site_kita kitas[3];
    site_slot slots[] = {SLOT(0, 2, HM(9, 0), HM(12, 0))};
    site_worker w = worker_of(slots, LEN(slots), NULL, 0);
    site s = site_of(&w, 1, kitas);
    occurrence out[3];
    size_t n = schedule_next(&s, 0, 0, at(2026, 3, 20, 12, 0), false, out, LEN(out));
    assert_int_equal(n, 3);
    assert_occ(&out[0], 0, 0, date_of(2026, 3, 24), HM(9, 0), HM(12, 0));
    assert_int_equal(out[0].start_utc, INT64_C(1774339200)); /* 2026-03-24 08:00 UTC */
    assert_int_equal(out[0].end_utc, INT64_C(1774339200) + 3 * 3600);
    assert_occ(&out[1], 0, 0, date_of(2026, 3, 31), HM(9, 0), HM(12, 0));
    assert_int_equal(out[1].start_utc, INT64_C(1774940400)); /* 2026-03-31 07:00 UTC */
    assert_int_equal(out[1].end_utc, INT64_C(1774940400) + 3 * 3600);
    assert_occ(&out[2], 0, 0, date_of(2026, 4, 7), HM(9, 0), HM(12, 0));
    for (size_t i = 0; i < n; i++) {
        assert_false(out[i].cancelled);
        assert_false(out[i].extra);
        assert_null(out[i].note);
    }

    /* Autumn: Tuesday 20 October (CEST) and 27 October (CET) 2026. */
    n = schedule_next(&s, 0, 0, at(2026, 10, 19, 12, 0), false, out, 2);
    assert_int_equal(n, 2);
    assert_date(out[0].date, 2026, 10, 20);
    assert_int_equal(out[0].start_utc, INT64_C(1792479600)); /* 07:00 UTC */
    assert_date(out[1].date, 2026, 10, 27);
    assert_int_equal(out[1].start_utc, INT64_C(1793088000)); /* 08:00 UTC */
}

/* A holiday removes slots on dates inside [from, to], edges included, and leaves the
 * dates just outside it alone. include_cancelled does not bring them back. */
static void test_holiday_range(void **state)
{
    (void)state;
    site_kita kitas[3];
    site_slot slots[] = {SLOT(0, 2, HM(9, 0), HM(12, 0))};
    /* Wednesday 1 April to Monday 13 April: only Tuesday 7 April is inside. */
    site_exception ex[] = {
        exc(EXC_HOLIDAY, -1, date_of(2026, 4, 1), date_of(2026, 4, 13), -1, -1, note_ferien)};
    site_worker w = worker_of(slots, LEN(slots), ex, LEN(ex));
    site s = site_of(&w, 1, kitas);
    int64_t now = at(2026, 3, 30, 8, 0);
    occurrence out[3];
    for (int inc = 0; inc < 2; inc++) {
        size_t n = schedule_next(&s, 0, -1, now, inc == 1, out, LEN(out));
        assert_int_equal(n, 3);
        assert_date(out[0].date, 2026, 3, 31);
        assert_date(out[1].date, 2026, 4, 14);
        assert_date(out[2].date, 2026, 4, 21);
        for (size_t i = 0; i < n; i++) {
            assert_false(out[i].cancelled);
            assert_null(out[i].note);
        }
    }

    /* Tuesday 7 April to Tuesday 14 April: both edge days are removed. */
    ex[0] = exc(EXC_HOLIDAY, -1, date_of(2026, 4, 7), date_of(2026, 4, 14), -1, -1, NULL);
    size_t n = schedule_next(&s, 0, -1, now, true, out, LEN(out));
    assert_int_equal(n, 3);
    assert_date(out[0].date, 2026, 3, 31);
    assert_date(out[1].date, 2026, 4, 21);
    assert_date(out[2].date, 2026, 4, 28);
}

/* A holiday for one Kita leaves the worker's hours at her other Kitas. */
static void test_holiday_one_kita(void **state)
{
    (void)state;
    site_kita kitas[3];
    site_slot slots[] = {SLOT(0, 2, HM(9, 0), HM(12, 0)), SLOT(1, 4, HM(9, 0), HM(12, 0))};
    site_exception ex[] = {
        exc(EXC_HOLIDAY, 1, date_of(2026, 4, 1), date_of(2026, 4, 30), -1, -1, NULL)};
    site_worker w = worker_of(slots, LEN(slots), ex, LEN(ex));
    site s = site_of(&w, 1, kitas);
    occurrence out[7];
    size_t n = schedule_next(&s, 0, -1, at(2026, 3, 30, 8, 0), false, out, LEN(out));
    assert_int_equal(n, 7);
    /* Tue 31 Mar, Tue 7, 14, 21, 28 Apr, Tue 5 May (A), then Thu 7 May (B). */
    assert_occ(&out[0], 0, 0, date_of(2026, 3, 31), HM(9, 0), HM(12, 0));
    assert_occ(&out[1], 0, 0, date_of(2026, 4, 7), HM(9, 0), HM(12, 0));
    assert_occ(&out[4], 0, 0, date_of(2026, 4, 28), HM(9, 0), HM(12, 0));
    assert_occ(&out[5], 0, 0, date_of(2026, 5, 5), HM(9, 0), HM(12, 0));
    assert_occ(&out[6], 0, 1, date_of(2026, 5, 7), HM(9, 0), HM(12, 0));
}

/* A cancelled single date is omitted, or shown flagged with the cancellation's note. */
static void test_cancelled_single_date(void **state)
{
    (void)state;
    site_kita kitas[3];
    site_slot slots[] = {SLOT(0, 2, HM(9, 0), HM(12, 0))};
    site_exception ex[] = {
        exc(EXC_CANCELLED, -1, date_of(2026, 4, 7), date_of(2026, 4, 7), -1, -1, note_krank)};
    site_worker w = worker_of(slots, LEN(slots), ex, LEN(ex));
    site s = site_of(&w, 1, kitas);
    int64_t now = at(2026, 3, 30, 8, 0);
    occurrence out[3];

    size_t n = schedule_next(&s, 0, -1, now, false, out, LEN(out));
    assert_int_equal(n, 3);
    assert_date(out[0].date, 2026, 3, 31);
    assert_date(out[1].date, 2026, 4, 14);
    assert_date(out[2].date, 2026, 4, 21);
    for (size_t i = 0; i < n; i++)
        assert_false(out[i].cancelled);

    n = schedule_next(&s, 0, -1, now, true, out, LEN(out));
    assert_int_equal(n, 3);
    assert_date(out[0].date, 2026, 3, 31);
    assert_false(out[0].cancelled);
    assert_null(out[0].note);
    assert_occ(&out[1], 0, 0, date_of(2026, 4, 7), HM(9, 0), HM(12, 0));
    assert_true(out[1].cancelled);
    assert_false(out[1].extra);
    assert_ptr_equal(out[1].note, note_krank);
    assert_date(out[2].date, 2026, 4, 14);
    assert_false(out[2].cancelled);

    /* A cancellation for another Kita does not touch this one. */
    ex[0].kita = 1;
    n = schedule_next(&s, 0, -1, now, true, out, LEN(out));
    assert_int_equal(n, 3);
    for (size_t i = 0; i < n; i++)
        assert_false(out[i].cancelled);
}

/* A cancelled time range on a day with two slots cancels only the slot it overlaps;
 * a range that only touches a slot's ends cancels nothing. */
static void test_cancelled_time_range(void **state)
{
    (void)state;
    site_kita kitas[3];
    site_slot slots[] = {SLOT(0, 2, HM(9, 0), HM(12, 0)), SLOT(0, 2, HM(14, 0), HM(16, 0))};
    site_exception ex[] = {
        exc(EXC_CANCELLED, -1, date_of(2026, 3, 31), date_of(2026, 3, 31), HM(14, 0), HM(15, 0),
            note_krank),
        exc(EXC_CANCELLED, 0, date_of(2026, 4, 7), date_of(2026, 4, 7), HM(12, 0), HM(14, 0), NULL),
    };
    site_worker w = worker_of(slots, LEN(slots), ex, LEN(ex));
    site s = site_of(&w, 1, kitas);
    int64_t now = at(2026, 3, 30, 8, 0);
    occurrence out[4];

    size_t n = schedule_next(&s, 0, -1, now, true, out, LEN(out));
    assert_int_equal(n, 4);
    assert_occ(&out[0], 0, 0, date_of(2026, 3, 31), HM(9, 0), HM(12, 0));
    assert_false(out[0].cancelled);
    assert_occ(&out[1], 0, 0, date_of(2026, 3, 31), HM(14, 0), HM(16, 0));
    assert_true(out[1].cancelled);
    assert_ptr_equal(out[1].note, note_krank);
    assert_occ(&out[2], 0, 0, date_of(2026, 4, 7), HM(9, 0), HM(12, 0));
    assert_false(out[2].cancelled);
    assert_occ(&out[3], 0, 0, date_of(2026, 4, 7), HM(14, 0), HM(16, 0));
    assert_false(out[3].cancelled);

    n = schedule_next(&s, 0, -1, now, false, out, LEN(out));
    assert_int_equal(n, 4);
    assert_occ(&out[0], 0, 0, date_of(2026, 3, 31), HM(9, 0), HM(12, 0));
    assert_occ(&out[1], 0, 0, date_of(2026, 4, 7), HM(9, 0), HM(12, 0));
    assert_occ(&out[2], 0, 0, date_of(2026, 4, 7), HM(14, 0), HM(16, 0));
    assert_occ(&out[3], 0, 0, date_of(2026, 4, 14), HM(9, 0), HM(12, 0));
}

/* Extra dates appear in order, flagged and with their note, at their Kita. */
static void test_extra_dates(void **state)
{
    (void)state;
    site_kita kitas[3];
    site_slot slots[] = {SLOT(0, 2, HM(9, 0), HM(12, 0))};
    site_exception ex[] = {
        exc(EXC_EXTRA, 1, date_of(2026, 4, 2), date_of(2026, 4, 2), HM(10, 0), HM(11, 0),
            note_sonder),
        /* kita -1: the worker's only Kita (0). */
        exc(EXC_EXTRA, -1, date_of(2026, 4, 9), date_of(2026, 4, 9), HM(15, 0), HM(16, 30), NULL),
        /* Inside a holiday: removed like a weekly slot. */
        exc(EXC_EXTRA, 0, date_of(2026, 4, 16), date_of(2026, 4, 16), HM(9, 0), HM(10, 0), NULL),
        exc(EXC_HOLIDAY, -1, date_of(2026, 4, 15), date_of(2026, 4, 17), -1, -1, NULL),
    };
    site_worker w = worker_of(slots, LEN(slots), ex, LEN(ex));
    site s = site_of(&w, 1, kitas);
    int64_t now = at(2026, 3, 30, 8, 0);
    occurrence out[8];

    size_t n = schedule_next(&s, 0, -1, now, true, out, 6);
    assert_int_equal(n, 6);
    assert_occ(&out[0], 0, 0, date_of(2026, 3, 31), HM(9, 0), HM(12, 0));
    assert_false(out[0].extra);
    assert_occ(&out[1], 0, 1, date_of(2026, 4, 2), HM(10, 0), HM(11, 0));
    assert_true(out[1].extra);
    assert_false(out[1].cancelled);
    assert_ptr_equal(out[1].note, note_sonder);
    assert_occ(&out[2], 0, 0, date_of(2026, 4, 7), HM(9, 0), HM(12, 0));
    assert_occ(&out[3], 0, 0, date_of(2026, 4, 9), HM(15, 0), HM(16, 30));
    assert_true(out[3].extra);
    assert_null(out[3].note);
    assert_occ(&out[4], 0, 0, date_of(2026, 4, 14), HM(9, 0), HM(12, 0));
    assert_occ(&out[5], 0, 0, date_of(2026, 4, 21), HM(9, 0), HM(12, 0));

    /* Kita filter: the extra at Kita 1 is the only occurrence there. */
    n = schedule_next(&s, 0, 1, now, true, out, LEN(out));
    assert_int_equal(n, 1);
    assert_occ(&out[0], 0, 1, date_of(2026, 4, 2), HM(10, 0), HM(11, 0));

    /* Once the worker serves two Kitas, an extra with kita -1 is ambiguous: skipped. */
    site_slot two[] = {SLOT(0, 2, HM(9, 0), HM(12, 0)), SLOT(2, 5, HM(9, 0), HM(12, 0))};
    w.slots = two;
    w.n_slots = LEN(two);
    n = schedule_next(&s, 0, -1, now, true, out, LEN(out));
    for (size_t i = 0; i < n; i++)
        assert_false(out[i].extra && out[i].date.day == 9 && out[i].date.month == 4);
}

/* now inside a slot: that slot comes first. Once it has ended, it is skipped. */
static void test_now_inside_and_ended(void **state)
{
    (void)state;
    site_kita kitas[3];
    site_slot slots[] = {SLOT(0, 2, HM(9, 0), HM(12, 0)), SLOT(0, 2, HM(14, 0), HM(16, 0))};
    site_worker w = worker_of(slots, LEN(slots), NULL, 0);
    site s = site_of(&w, 1, kitas);
    occurrence out[2];

    int64_t now = at(2026, 3, 31, 10, 0);
    size_t n = schedule_next(&s, 0, -1, now, false, out, LEN(out));
    assert_int_equal(n, 2);
    assert_occ(&out[0], 0, 0, date_of(2026, 3, 31), HM(9, 0), HM(12, 0));
    assert_true(out[0].start_utc < now && now < out[0].end_utc);
    assert_occ(&out[1], 0, 0, date_of(2026, 3, 31), HM(14, 0), HM(16, 0));

    /* The last minute of a slot still counts; at its end it is over. */
    n = schedule_next(&s, 0, -1, at(2026, 3, 31, 11, 59), false, out, 1);
    assert_int_equal(n, 1);
    assert_occ(&out[0], 0, 0, date_of(2026, 3, 31), HM(9, 0), HM(12, 0));
    n = schedule_next(&s, 0, -1, at(2026, 3, 31, 12, 0), false, out, LEN(out));
    assert_int_equal(n, 2);
    assert_occ(&out[0], 0, 0, date_of(2026, 3, 31), HM(14, 0), HM(16, 0));
    assert_occ(&out[1], 0, 0, date_of(2026, 4, 7), HM(9, 0), HM(12, 0));

    /* Late evening: both of today's slots are over. */
    n = schedule_next(&s, 0, -1, at(2026, 3, 31, 23, 0), false, out, 1);
    assert_int_equal(n, 1);
    assert_occ(&out[0], 0, 0, date_of(2026, 4, 7), HM(9, 0), HM(12, 0));
}

/* Worker and Kita filters; ties at the same instant are ordered by Kita, then worker. */
static void test_filters_and_ties(void **state)
{
    (void)state;
    site_kita kitas[3];
    site_slot s0[] = {SLOT(1, 2, HM(9, 0), HM(12, 0)), SLOT(0, 4, HM(9, 0), HM(12, 0))};
    site_slot s1[] = {SLOT(0, 2, HM(9, 0), HM(12, 0)), SLOT(0, 4, HM(9, 0), HM(11, 0)),
                      SLOT(1, 2, HM(14, 0), HM(16, 0))};
    site_worker ws[2] = {worker_of(s0, LEN(s0), NULL, 0), worker_of(s1, LEN(s1), NULL, 0)};
    site s = site_of(ws, 2, kitas);
    int64_t now = at(2026, 3, 30, 8, 0);
    occurrence out[12];

    size_t n = schedule_next(&s, -1, -1, now, false, out, 5);
    assert_int_equal(n, 5);
    assert_occ(&out[0], 1, 0, date_of(2026, 3, 31), HM(9, 0), HM(12, 0)); /* Kita 0 first */
    assert_occ(&out[1], 0, 1, date_of(2026, 3, 31), HM(9, 0), HM(12, 0));
    assert_occ(&out[2], 1, 1, date_of(2026, 3, 31), HM(14, 0), HM(16, 0));
    assert_occ(&out[3], 0, 0, date_of(2026, 4, 2), HM(9, 0), HM(12, 0)); /* worker 0 first */
    assert_occ(&out[4], 1, 0, date_of(2026, 4, 2), HM(9, 0), HM(11, 0));

    n = schedule_next(&s, 1, -1, now, false, out, LEN(out));
    assert_int_equal(n, LEN(out));
    for (size_t i = 0; i < n; i++)
        assert_int_equal(out[i].worker, 1);

    n = schedule_next(&s, -1, 1, now, false, out, LEN(out));
    assert_int_equal(n, LEN(out));
    for (size_t i = 0; i < n; i++)
        assert_int_equal(out[i].kita, 1);
    assert_occ(&out[0], 0, 1, date_of(2026, 3, 31), HM(9, 0), HM(12, 0));
    assert_occ(&out[1], 1, 1, date_of(2026, 3, 31), HM(14, 0), HM(16, 0));

    n = schedule_next(&s, 0, 0, now, false, out, LEN(out));
    assert_int_equal(n, LEN(out));
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(out[i].worker, 0);
        assert_int_equal(out[i].kita, 0);
        assert_int_equal(civil_weekday(out[i].date), 4);
    }

    /* No Kita 2 slots; out-of-range worker; no site. */
    assert_int_equal(schedule_next(&s, -1, 2, now, true, out, LEN(out)), 0);
    assert_int_equal(schedule_next(&s, 2, -1, now, true, out, LEN(out)), 0);
    assert_int_equal(schedule_next(NULL, -1, -1, now, true, out, LEN(out)), 0);
}

/* max limits the output to the earliest occurrences, the same ones a larger array gets. */
static void test_max_limit(void **state)
{
    (void)state;
    site_kita kitas[3];
    site_slot s0[] = {SLOT(0, 5, HM(9, 0), HM(12, 0)), SLOT(0, 2, HM(9, 0), HM(12, 0))};
    site_slot s1[] = {SLOT(1, 3, HM(8, 0), HM(10, 0)), SLOT(1, 1, HM(13, 0), HM(15, 0))};
    site_worker ws[2] = {worker_of(s0, LEN(s0), NULL, 0), worker_of(s1, LEN(s1), NULL, 0)};
    site s = site_of(ws, 2, kitas);
    int64_t now = at(2026, 3, 30, 8, 0);
    occurrence all[40], few[7];

    size_t n_all = schedule_next(&s, -1, -1, now, false, all, LEN(all));
    assert_int_equal(n_all, LEN(all));
    for (size_t i = 1; i < n_all; i++)
        assert_true(all[i - 1].start_utc <= all[i].start_utc);
    for (size_t max = 1; max <= LEN(few); max++) {
        memset(few, 0xAB, sizeof few);
        size_t n = schedule_next(&s, -1, -1, now, false, few, max);
        assert_int_equal(n, max);
        for (size_t i = 0; i < max; i++)
            assert_same_occ(&few[i], &all[i]);
        if (max < LEN(few)) {
            /* Nothing written past max. */
            unsigned char *past = (unsigned char *)&few[max];
            assert_int_equal(past[0], 0xAB);
        }
    }
    occurrence untouched;
    memset(&untouched, 0xCD, sizeof untouched);
    occurrence copy = untouched;
    assert_int_equal(schedule_next(&s, -1, -1, now, false, &untouched, 0), 0);
    assert_memory_equal(&untouched, &copy, sizeof copy);
}

/* SCHEDULE_HORIZON_DAYS local dates are looked at, today included. */
static void test_horizon(void **state)
{
    (void)state;
    site_kita kitas[3];
    site_slot daily[7];
    for (int i = 0; i < 7; i++)
        daily[i] = (site_slot)SLOT(0, i + 1, HM(9, 0), HM(12, 0));
    site_worker w = worker_of(daily, LEN(daily), NULL, 0);
    site s = site_of(&w, 1, kitas);
    occurrence out[SCHEDULE_HORIZON_DAYS + 10];
    civil_date today = date_of(2026, 3, 30);
    civil_date last = civil_date_add(today, SCHEDULE_HORIZON_DAYS - 1);

    size_t n = schedule_next(&s, 0, -1, at(2026, 3, 30, 8, 0), false, out, LEN(out));
    assert_int_equal(n, SCHEDULE_HORIZON_DAYS);
    assert_date(out[0].date, 2026, 3, 30);
    assert_date(out[n - 1].date, last.year, last.month, last.day);

    /* After today's slot: one fewer, the horizon does not move. */
    n = schedule_next(&s, 0, -1, at(2026, 3, 30, 13, 0), false, out, LEN(out));
    assert_int_equal(n, SCHEDULE_HORIZON_DAYS - 1);
    assert_date(out[0].date, 2026, 3, 31);
    assert_date(out[n - 1].date, last.year, last.month, last.day);

    /* Weekly: Tuesdays from 31 March up to the horizon's last day. */
    w.slots = &daily[1];
    w.n_slots = 1;
    n = schedule_next(&s, 0, -1, at(2026, 3, 30, 8, 0), false, out, LEN(out));
    assert_int_equal(n, (SCHEDULE_HORIZON_DAYS - 2) / 7 + 1);
    assert_date(out[0].date, 2026, 3, 31);
    for (size_t i = 0; i < n; i++)
        assert_true(civil_date_cmp(out[i].date, last) <= 0);
    assert_true(civil_date_cmp(civil_date_add(out[n - 1].date, 7), last) > 0);
}

/* Slots and exceptions with impossible values are skipped rather than trusted. */
static void test_bad_data_skipped(void **state)
{
    (void)state;
    site_kita kitas[3];
    site_slot slots[] = {
        SLOT(7, 2, HM(9, 0), HM(12, 0)),  /* no such Kita */
        SLOT(-1, 2, HM(9, 0), HM(12, 0)), /* no Kita */
        SLOT(0, 0, HM(9, 0), HM(12, 0)),  /* no weekday 0 */
        SLOT(0, 2, HM(12, 0), HM(9, 0)),  /* ends before it starts */
        SLOT(0, 2, HM(9, 0), HM(25, 0)),  /* past midnight */
        SLOT(0, 3, HM(9, 0), HM(12, 0)),  /* the one good slot: Wednesdays */
    };
    site_exception ex[] = {
        exc(EXC_EXTRA, 0, date_of(2026, 4, 2), date_of(2026, 4, 2), -1, -1, NULL),
        exc(EXC_EXTRA, 5, date_of(2026, 4, 2), date_of(2026, 4, 2), HM(9, 0), HM(10, 0), NULL),
    };
    site_worker w = worker_of(slots, LEN(slots), ex, LEN(ex));
    site s = site_of(&w, 1, kitas);
    occurrence out[4];
    size_t n = schedule_next(&s, -1, -1, at(2026, 3, 30, 8, 0), true, out, LEN(out));
    assert_int_equal(n, 4);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(civil_weekday(out[i].date), 3);
        assert_false(out[i].extra);
    }
}

/* Absences: holidays and multi-day cancellations not yet over (Berlin date), by from. */
static void test_absences(void **state)
{
    (void)state;
    site_kita kitas[3];
    site_slot slots[] = {SLOT(0, 2, HM(9, 0), HM(12, 0)), SLOT(1, 4, HM(9, 0), HM(12, 0))};
    site_exception ex[] = {
        exc(EXC_HOLIDAY, -1, date_of(2026, 8, 3), date_of(2026, 8, 21), -1, -1, note_urlaub),
        exc(EXC_CANCELLED, -1, date_of(2026, 4, 7), date_of(2026, 4, 7), -1, -1, note_krank),
        exc(EXC_CANCELLED, 0, date_of(2026, 4, 13), date_of(2026, 4, 17), -1, -1, note_fortbildung),
        exc(EXC_HOLIDAY, -1, date_of(2026, 1, 5), date_of(2026, 1, 9), -1, -1, NULL),
        exc(EXC_HOLIDAY, 1, date_of(2026, 3, 23), date_of(2026, 3, 31), -1, -1, note_ferien),
        exc(EXC_EXTRA, 0, date_of(2026, 4, 20), date_of(2026, 4, 20), HM(9, 0), HM(10, 0), NULL),
        exc(EXC_HOLIDAY, 1, date_of(2026, 5, 1), date_of(2026, 5, 1), -1, -1, NULL),
    };
    site_worker ws[2] = {worker_of(slots, LEN(slots), ex, LEN(ex)),
                         worker_of(slots, LEN(slots), NULL, 0)};
    site s = site_of(ws, 2, kitas);
    const site_exception *out[8];
    int64_t now = at(2026, 3, 31, 18, 0);

    size_t n = schedule_absences(&s, 0, -1, now, out, LEN(out));
    assert_int_equal(n, 4);
    assert_ptr_equal(out[0], &ex[4]); /* ends today: still shown */
    assert_ptr_equal(out[1], &ex[2]);
    assert_ptr_equal(out[2], &ex[6]);
    assert_ptr_equal(out[3], &ex[0]);

    n = schedule_absences(&s, 0, 0, now, out, LEN(out));
    assert_int_equal(n, 2);
    assert_ptr_equal(out[0], &ex[2]);
    assert_ptr_equal(out[1], &ex[0]);

    n = schedule_absences(&s, 0, 1, now, out, LEN(out));
    assert_int_equal(n, 3);
    assert_ptr_equal(out[0], &ex[4]);
    assert_ptr_equal(out[1], &ex[6]);
    assert_ptr_equal(out[2], &ex[0]);

    n = schedule_absences(&s, 0, -1, now, out, 2);
    assert_int_equal(n, 2);
    assert_ptr_equal(out[0], &ex[4]);
    assert_ptr_equal(out[1], &ex[2]);

    /* 00:30 on 1 April in Berlin is still 31 March in UTC: the Easter holiday is over. */
    n = schedule_absences(&s, 0, -1, at(2026, 4, 1, 0, 30), out, LEN(out));
    assert_int_equal(n, 3);
    assert_ptr_equal(out[0], &ex[2]);

    assert_int_equal(schedule_absences(&s, 1, -1, now, out, LEN(out)), 0);
    assert_int_equal(schedule_absences(&s, -1, -1, now, out, LEN(out)), 0);
    assert_int_equal(schedule_absences(&s, 2, -1, now, out, LEN(out)), 0);
    assert_int_equal(schedule_absences(&s, 0, -1, now, out, 0), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dst_straddle),
        cmocka_unit_test(test_holiday_range),
        cmocka_unit_test(test_holiday_one_kita),
        cmocka_unit_test(test_cancelled_single_date),
        cmocka_unit_test(test_cancelled_time_range),
        cmocka_unit_test(test_extra_dates),
        cmocka_unit_test(test_now_inside_and_ended),
        cmocka_unit_test(test_filters_and_ties),
        cmocka_unit_test(test_max_limit),
        cmocka_unit_test(test_horizon),
        cmocka_unit_test(test_bad_data_skipped),
        cmocka_unit_test(test_absences),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
