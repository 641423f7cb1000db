/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* schedule.c - expands a worker's slots (weekly, or on the days of their rule: every N
 * weeks, odd or even ISO weeks, the Nth weekday of the month, listed dates, each within
 * From/Until; site_rule_on) and exceptions into dated occurrences.
 *
 * Slots are wall-clock times in Europe/Berlin; each occurrence is converted to UTC for
 * its own date, so a 9:00 slot stays at 9:00 local across a daylight-saving change.
 * Pure: no allocation, no clock. Results are kept sorted while they are collected
 * (insertion into the caller's array), so only the earliest `max` are ever held.
 *
 * Content is trusted only as far as it is checked here: a slot or exception with an
 * index or time out of range is skipped, never dereferenced, so bad data cannot crash
 * the kiosk (site.c should reject it with a message before it gets here). */
#include "time/schedule.h"

/* True if d lies in [from, to], both ends inclusive. An inverted range is empty. */
static bool schedule_date_in(civil_date d, civil_date from, civil_date to)
{
    return civil_date_cmp(d, from) >= 0 && civil_date_cmp(d, to) <= 0;
}

static bool schedule_minutes_valid(int start, int end)
{
    return start >= 0 && end > start && end <= 24 * 60;
}

/* Whether the cancellation or holiday e covers the slot [start, end) at kita on date d.
 * e->start_min < 0 means the whole day; otherwise slots overlapping [start_min, end_min)
 * are covered (touching ends do not overlap: a 12:00-14:00 cancellation leaves a
 * 9:00-12:00 slot alone). A range with end_min <= start_min is taken as the single
 * minute start_min, so a malformed entry still cancels the slot it points into. */
static bool schedule_exception_covers(const site_exception *e, int kita, civil_date d, int start,
                                      int end)
{
    if (e->kita >= 0 && e->kita != kita)
        return false;
    if (!schedule_date_in(d, e->from, e->to))
        return false;
    if (e->start_min < 0)
        return true;
    int e_end = e->end_min > e->start_min ? e->end_min : e->start_min + 1;
    return start < e_end && e->start_min < end;
}

/* Chronological order; ties by Kita, then worker. Equal keys compare equal, and
 * schedule_collect inserts after equals, which makes the sort stable. */
static int schedule_occurrence_cmp(const occurrence *a, const occurrence *b)
{
    if (a->start_utc != b->start_utc)
        return a->start_utc < b->start_utc ? -1 : 1;
    if (a->kita != b->kita)
        return a->kita < b->kita ? -1 : 1;
    if (a->worker != b->worker)
        return a->worker < b->worker ? -1 : 1;
    return 0;
}

/* The caller's output array, kept sorted and holding at most max entries. */
typedef struct schedule_sink {
    occurrence *out;
    size_t n;
    size_t max;
} schedule_sink;

/* Insert o in order; when full, the latest entry falls off (or o is not taken). */
static void schedule_collect(schedule_sink *sink, const occurrence *o)
{
    if (sink->max == 0)
        return;
    size_t pos = sink->n;
    while (pos > 0 && schedule_occurrence_cmp(&sink->out[pos - 1], o) > 0)
        pos--;
    if (pos >= sink->max)
        return;
    size_t last = sink->n < sink->max ? sink->n : sink->max - 1;
    for (size_t i = last; i > pos; i--)
        sink->out[i] = sink->out[i - 1];
    sink->out[pos] = *o;
    if (sink->n < sink->max)
        sink->n++;
}

/* The Kita of an extra date. kita == -1 ("every Kita") cannot place a one-off visit at
 * several Kitas at once, so it means the worker's only Kita; if she serves several, the
 * entry is ambiguous and skipped (-1 returned). */
static int schedule_extra_kita(const site_worker *w, const site_exception *e, size_t n_kitas)
{
    if (e->kita >= 0)
        return (size_t)e->kita < n_kitas ? e->kita : -1;
    int found = -1;
    for (size_t i = 0; i < w->n_slots; i++) {
        int k = w->slots[i].kita;
        if (k < 0 || (size_t)k >= n_kitas)
            continue;
        if (found >= 0 && found != k)
            return -1;
        found = k;
    }
    return found;
}

/* Apply the worker's holidays and cancellations to the candidate o (weekly slot or extra
 * date alike: a range entered later, such as sick leave, must not leave a stale extra
 * date on screen). A holiday removes o; a cancellation flags it and carries its note.
 * Returns false if o is to be dropped. The first matching cancellation (in file order)
 * gives the note. */
/* The exceptions of worker wi: those of the site first (file order), then the staff's
 * changes from the overlay (in the order they were made). NULL after the last. */
typedef struct exc_iter {
    const site_worker *w;
    const hours_overlay *ov;
    int wi;
    size_t i, j;
} exc_iter;

static const site_exception *schedule_exc_next(exc_iter *it)
{
    if (it->i < it->w->n_exceptions)
        return &it->w->exceptions[it->i++];
    while (it->ov && it->j < it->ov->n) {
        const hours_change *c = &it->ov->items[it->j++];
        if (c->worker == it->wi)
            return &c->e;
    }
    return NULL;
}

static bool schedule_apply_exceptions(const site_worker *w, const hours_overlay *ov, int wi,
                                      occurrence *o, bool include_cancelled)
{
    const site_exception *cancel = NULL;
    exc_iter it = {w, ov, wi, 0, 0};
    for (const site_exception *e; (e = schedule_exc_next(&it));) {
        if (e->kind != EXC_HOLIDAY && e->kind != EXC_CANCELLED)
            continue;
        if (!schedule_exception_covers(e, o->kita, o->date, o->start_min, o->end_min))
            continue;
        if (e->kind == EXC_HOLIDAY)
            return false;
        if (!cancel)
            cancel = e;
    }
    if (cancel) {
        if (!include_cancelled)
            return false;
        o->cancelled = true;
        o->note = cancel->note;
        o->admin_id = cancel->admin_id;
    }
    return true;
}

/* Offer one candidate occurrence to the sink, after exceptions and the "not yet over"
 * check. */
static void schedule_offer(const site_worker *w, const hours_overlay *ov, int wi, occurrence *o,
                           int64_t now_utc, bool include_cancelled, schedule_sink *sink)
{
    if (!schedule_apply_exceptions(w, ov, wi, o, include_cancelled))
        return;
    o->start_utc = berlin_to_utc(o->date, o->start_min, 0);
    o->end_utc = berlin_to_utc(o->date, o->end_min, 0);
    if (o->end_utc <= now_utc)
        return;
    schedule_collect(sink, o);
}

/* All occurrences of worker wi on date d (at kita, or any Kita if kita < 0). */
static void schedule_expand_day(const site *s, const hours_overlay *ov, int wi, int kita,
                                civil_date d, int weekday, int64_t now_utc, bool include_cancelled,
                                schedule_sink *sink)
{
    const site_worker *w = &s->workers[wi];
    for (size_t i = 0; i < w->n_slots; i++) {
        const site_slot *sl = &w->slots[i];
        if (sl->weekday != weekday || sl->kita < 0 || (size_t)sl->kita >= s->n_kitas)
            continue;
        if (kita >= 0 && sl->kita != kita)
            continue;
        if (!schedule_minutes_valid(sl->start_min, sl->end_min))
            continue;
        if (!site_rule_on(&sl->rule, d))
            continue;
        occurrence o = {.worker = wi,
                        .kita = sl->kita,
                        .date = d,
                        .start_min = sl->start_min,
                        .end_min = sl->end_min};
        schedule_offer(w, ov, wi, &o, now_utc, include_cancelled, sink);
    }
    exc_iter it = {w, ov, wi, 0, 0};
    for (const site_exception *e; (e = schedule_exc_next(&it));) {
        if (e->kind != EXC_EXTRA || civil_date_cmp(e->from, d) != 0)
            continue;
        int k = schedule_extra_kita(w, e, s->n_kitas);
        if (k < 0 || (kita >= 0 && k != kita))
            continue;
        if (!schedule_minutes_valid(e->start_min, e->end_min))
            continue;
        occurrence o = {.worker = wi,
                        .kita = k,
                        .date = d,
                        .start_min = e->start_min,
                        .end_min = e->end_min,
                        .extra = true,
                        .note = e->note,
                        .admin_id = e->admin_id};
        schedule_offer(w, ov, wi, &o, now_utc, include_cancelled, sink);
    }
}

size_t schedule_next(const site *s, int worker, int kita, int64_t now_utc, bool include_cancelled,
                     occurrence *out, size_t max)
{
    return schedule_next_with(s, NULL, worker, kita, now_utc, include_cancelled, out, max);
}

size_t schedule_next_with(const site *s, const hours_overlay *ov, int worker, int kita,
                          int64_t now_utc, bool include_cancelled, occurrence *out, size_t max)
{
    if (!s || !out || max == 0)
        return 0;
    if (worker >= 0 && (size_t)worker >= s->n_workers)
        return 0;
    schedule_sink sink = {out, 0, max};
    civil_date today = berlin_from_utc(now_utc).date;
    int64_t today_days = civil_days_from_date(today);
    for (int day = 0; day < SCHEDULE_HORIZON_DAYS; day++) {
        civil_date d = civil_date_from_days(today_days + day);
        int weekday = civil_weekday(d);
        for (size_t wi = 0; wi < s->n_workers; wi++) {
            if (worker >= 0 && (size_t)worker != wi)
                continue;
            schedule_expand_day(s, ov, (int)wi, kita, d, weekday, now_utc, include_cancelled,
                                &sink);
        }
    }
    return sink.n;
}

/* An absence is a holiday, or a cancellation spanning more than one day; a single
 * cancelled date shows up as a struck-through occurrence instead. */
static bool schedule_is_absence(const site_exception *e)
{
    if (e->kind == EXC_HOLIDAY)
        return true;
    return e->kind == EXC_CANCELLED && civil_date_cmp(e->to, e->from) > 0;
}

/* worker must be a valid index: the result names no worker, so "every worker" would
 * give a list the caller could not attribute. kita < 0 accepts any Kita; otherwise
 * exceptions for that Kita and for every Kita (-1) are returned. Ordered by from date,
 * stable (file order among equal dates); the earliest max are kept. */
size_t schedule_absences(const site *s, int worker, int kita, int64_t now_utc,
                         const site_exception **out, size_t max)
{
    if (!s || !out || max == 0 || worker < 0 || (size_t)worker >= s->n_workers)
        return 0;
    const site_worker *w = &s->workers[worker];
    civil_date today = berlin_from_utc(now_utc).date;
    size_t n = 0;
    for (size_t i = 0; i < w->n_exceptions; i++) {
        const site_exception *e = &w->exceptions[i];
        if (!schedule_is_absence(e) || civil_date_cmp(e->to, today) < 0)
            continue;
        if (kita >= 0 && e->kita >= 0 && e->kita != kita)
            continue;
        size_t pos = n;
        while (pos > 0 && civil_date_cmp(out[pos - 1]->from, e->from) > 0)
            pos--;
        if (pos >= max)
            continue;
        size_t last = n < max ? n : max - 1;
        for (size_t j = last; j > pos; j--)
            out[j] = out[j - 1];
        out[pos] = e;
        if (n < max)
            n++;
    }
    return n;
}
