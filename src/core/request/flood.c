/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* flood.c - see flood.h. Times are only compared, never trusted: a time that lies ahead of
 * now (which a monotonic clock should never produce) counts as inside every window, and
 * all differences are taken in unsigned arithmetic so that no pair of int64_t values can
 * overflow. */
#include "request/flood.h"

#include <string.h>

#include "base/util.h"

/* The longest PIN lock-out: one hour. */
#define PIN_MAX_LOCKOUT_S 3600
/* The lock-out after the first failure that is not free. */
#define PIN_FIRST_LOCKOUT_S 30

/* True if `then` lies less than span before now (or after now). */
static bool within(int64_t then, int64_t now, int64_t span)
{
    if (then >= now)
        return true;
    uint64_t ago = (uint64_t)now - (uint64_t)then; /* the exact difference: now > then */
    return ago < (uint64_t)span;
}

static int clamp_limit(int limit)
{
    if (limit < 1)
        return 1;
    if (limit > FLOOD_MAX_LIMIT)
        return FLOOD_MAX_LIMIT;
    return limit;
}

/* n_accepted as far as it can be trusted. */
static int accepted_count(const flood_guard *g)
{
    if (g->n_accepted < 0)
        return 0;
    if (g->n_accepted > FLOOD_MAX_LIMIT)
        return FLOOD_MAX_LIMIT;
    return g->n_accepted;
}

void flood_init(flood_guard *g)
{
    if (g == NULL)
        return;
    memset(g, 0, sizeof *g);
}

/* A NULL guard is a caller bug; it accepts rather than lock every parent out. A NULL
 * digest is never identical to anything. */
flood_verdict flood_check(const flood_guard *g, int limit, int64_t now_ms,
                          const unsigned char digest[FLOOD_DIGEST_BYTES])
{
    if (g == NULL)
        return FLOOD_ACCEPT;
    if (g->has_last && digest != NULL && within(g->last_ms, now_ms, FLOOD_MERGE_MS) &&
        memcmp(g->last_digest, digest, FLOOD_DIGEST_BYTES) == 0)
        return FLOOD_MERGE;
    int in_window = 0;
    int n = accepted_count(g);
    for (int i = 0; i < n; i++)
        if (within(g->accepted_ms[i], now_ms, FLOOD_WINDOW_MS))
            in_window++;
    return in_window >= clamp_limit(limit) ? FLOOD_REFUSE : FLOOD_ACCEPT;
}

/* The request always counts against the window. It can only be merged into later if
 * both its digest and a ticket that fits last_ticket whole are given: a cut-off ticket
 * shown again would send the parent to the wrong request. */
void flood_record(flood_guard *g, int64_t now_ms, const unsigned char digest[FLOOD_DIGEST_BYTES],
                  const char *ticket)
{
    if (g == NULL)
        return;

    /* Keep the accept times still inside the window, in their order. */
    int n = accepted_count(g);
    int kept = 0;
    for (int i = 0; i < n; i++)
        if (within(g->accepted_ms[i], now_ms, FLOOD_WINDOW_MS))
            g->accepted_ms[kept++] = g->accepted_ms[i];
    if (kept == FLOOD_MAX_LIMIT) {
        /* Recorded over the largest limit: the oldest entry makes room. */
        memmove(g->accepted_ms, g->accepted_ms + 1,
                (FLOOD_MAX_LIMIT - 1) * sizeof g->accepted_ms[0]);
        kept--;
    }
    g->accepted_ms[kept++] = now_ms;
    g->n_accepted = kept;

    flood_forget_last(g);
    size_t ticket_len = ticket != NULL ? strlen(ticket) : 0;
    if (digest == NULL || ticket == NULL || ticket_len >= sizeof g->last_ticket)
        return;
    memcpy(g->last_digest, digest, FLOOD_DIGEST_BYTES);
    memcpy(g->last_ticket, ticket, ticket_len + 1);
    g->last_ms = now_ms;
    g->has_last = true;
}

void flood_forget_last(flood_guard *g)
{
    if (g == NULL)
        return;
    secure_zero(g->last_digest, sizeof g->last_digest);
    secure_zero(g->last_ticket, sizeof g->last_ticket);
    g->last_ms = 0;
    g->has_last = false;
}

int pin_lockout_seconds(int failures)
{
    if (failures < PIN_FREE_ATTEMPTS)
        return 0;
    /* Doubling stops at the cap, so a huge failure count takes a few steps, not billions,
     * and cannot overflow. */
    int seconds = PIN_FIRST_LOCKOUT_S;
    for (int i = PIN_FREE_ATTEMPTS; i < failures && seconds < PIN_MAX_LOCKOUT_S; i++)
        seconds *= 2;
    return seconds < PIN_MAX_LOCKOUT_S ? seconds : PIN_MAX_LOCKOUT_S;
}

int64_t pin_locked_for(int64_t locked_until_utc, int64_t now_utc)
{
    if (locked_until_utc <= now_utc)
        return 0;
    uint64_t left = (uint64_t)locked_until_utc - (uint64_t)now_utc;
    return left < PIN_MAX_LOCKOUT_S ? (int64_t)left : PIN_MAX_LOCKOUT_S;
}
