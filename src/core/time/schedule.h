/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* schedule.h - when is the social worker here? Expands a worker's weekly slots and
 * exceptions into concrete occurrences in Europe/Berlin local time. Pure. */
#ifndef LOTSE_SCHEDULE_H
#define LOTSE_SCHEDULE_H

#include <stddef.h>
#include <stdint.h>

#include "time/civil.h"
#include "content/site.h"
#include "time/hours_overlay.h"

typedef struct occurrence {
    int worker;      /* index into site.workers */
    int kita;        /* index into site.kitas */
    civil_date date; /* local date */
    int start_min;   /* local minutes of day */
    int end_min;
    int64_t start_utc; /* UTC seconds, DST-correct */
    int64_t end_utc;
    bool cancelled;   /* a weekly slot that is cancelled (shown struck through) */
    bool extra;       /* a one-off extra date */
    const char *note; /* note of the exception that applies, or NULL; owned by the site */
    int64_t admin_id; /* the admin exception that cancelled or added it, or 0 */
} occurrence;

/* How far ahead the kiosk looks for consultation hours. */
#define SCHEDULE_HORIZON_DAYS 120

/* Fill out[0..max) with the occurrences of worker (or every worker if worker < 0) at
 * kita (or every Kita if kita < 0) that end after now_utc, in chronological order,
 * looking SCHEDULE_HORIZON_DAYS ahead. Cancelled slots are included (flag set) only if
 * include_cancelled. Holidays remove slots entirely. Returns the number written. */
size_t schedule_next(const site *s, int worker, int kita, int64_t now_utc, bool include_cancelled,
                     occurrence *out, size_t max);
/* The same with the staff's changes (ov, may be NULL) applied over the site's own. */
size_t schedule_next_with(const site *s, const hours_overlay *ov, int worker, int kita,
                          int64_t now_utc, bool include_cancelled, occurrence *out, size_t max);

/* The holiday (or multi-day cancellation) ranges of a worker that are not yet over at
 * now_utc, for display. Returns the number of exception pointers written. */
size_t schedule_absences(const site *s, int worker, int kita, int64_t now_utc,
                         const site_exception **out, size_t max);

#endif
