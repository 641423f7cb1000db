/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* retention.h - the clock that contact-request retention counts by. Pure: the wall
 * clock and the monotonic clock come in as arguments.
 *
 * Requests not collected within Request-Retention-Days are deleted. Counted by the wall
 * clock, a clock that jumps would decide instead: a year forward (a bad RTC, a wrong NTP
 * answer) would delete the whole queue before the social worker collects it, a year
 * back would keep requests a year too long. So retention counts days the kiosk has seen:
 * the retention clock is the wall clock read once at start and from then on advanced
 * only by the monotonic clock. A jump of the wall clock while the kiosk runs moves
 * neither the day requests are filed under nor the day they expire; the schedule on
 * screen follows the wall clock as before. The jump is detected (the two clocks apart by
 * more than RETENTION_JUMP_S) so the kiosk can log it once. At the next start the wall
 * clock is read again (see README "Clock jumps"). */
#ifndef LOTSE_RETENTION_H
#define LOTSE_RETENTION_H

#include <stdbool.h>
#include <stdint.h>

/* The wall clock may drift or be slewed this far from the retention clock (seconds)
 * before it counts as a jump. */
#define RETENTION_JUMP_S (10 * 60)

typedef struct retention_clock {
    int64_t utc0;            /* the wall clock at start (UTC seconds) */
    int64_t mono0_ms;        /* the monotonic clock at start */
    int64_t reported_skew_s; /* the skew last reported by retention_jumped */
} retention_clock;

void retention_start(retention_clock *rc, int64_t wall_utc, int64_t mono_ms);
/* UTC seconds by the retention clock at mono_ms (never before the start). */
int64_t retention_now_utc(const retention_clock *rc, int64_t mono_ms);
/* The Europe/Berlin day (days since 1970-01-01) by the retention clock. */
int64_t retention_day(const retention_clock *rc, int64_t mono_ms);
/* Requests filed on a day before the returned one are expired: today - days. */
int64_t retention_expire_before(int64_t today, int days);
/* True once for each jump of the wall clock: when the skew (wall clock minus retention
 * clock) differs from the last reported one by more than RETENTION_JUMP_S. *skew_s gets
 * the skew. */
bool retention_jumped(retention_clock *rc, int64_t wall_utc, int64_t mono_ms, int64_t *skew_s);

#endif
