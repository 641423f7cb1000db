/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* retention.c - the clock that contact-request retention counts by (retention.h). */
#include "time/retention.h"

#include "time/civil.h"

void retention_start(retention_clock *rc, int64_t wall_utc, int64_t mono_ms)
{
    rc->utc0 = wall_utc;
    rc->mono0_ms = mono_ms;
    rc->reported_skew_s = 0;
}

int64_t retention_now_utc(const retention_clock *rc, int64_t mono_ms)
{
    int64_t ran = mono_ms - rc->mono0_ms;
    return rc->utc0 + (ran > 0 ? ran / 1000 : 0);
}

int64_t retention_day(const retention_clock *rc, int64_t mono_ms)
{
    return civil_days_from_date(berlin_from_utc(retention_now_utc(rc, mono_ms)).date);
}

int64_t retention_expire_before(int64_t today, int days)
{
    return today - (days > 0 ? days : 0);
}

bool retention_jumped(retention_clock *rc, int64_t wall_utc, int64_t mono_ms, int64_t *skew_s)
{
    int64_t skew = wall_utc - retention_now_utc(rc, mono_ms);
    *skew_s = skew;
    int64_t change = skew - rc->reported_skew_s;
    if (change <= RETENTION_JUMP_S && change >= -RETENTION_JUMP_S)
        return false;
    rc->reported_skew_s = skew;
    return true;
}
