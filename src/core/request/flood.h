/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* flood.h - the contact request flood guard and the admin PIN lock-out policy. Pure:
 * times are passed in (a monotonic clock for the flood guard, which lives only in the
 * kiosk's memory; wall-clock seconds for the PIN lock-out, which is saved in the store).
 *
 * Flood guard: a child tapping "send" fifty times must not fill the queue. At most
 * `limit` requests are accepted in any 10-minute window; a request identical to the one
 * accepted less than a minute ago is merged into it (not stored twice, and the parent
 * sees the ticket code she already got). Identity is a digest the caller computes
 * (a keyed hash of the request without its ticket and day), so no plaintext is kept.
 * Clarified: a time after now_ms (the clock went back) counts as inside every window. */
#ifndef LOTSE_FLOOD_H
#define LOTSE_FLOOD_H

#include <stdbool.h>
#include <stdint.h>

#define FLOOD_WINDOW_MS (10 * 60 * 1000)
#define FLOOD_MERGE_MS (60 * 1000)
#define FLOOD_MAX_LIMIT 64
#define FLOOD_DEFAULT_LIMIT 5
#define FLOOD_DIGEST_BYTES 32

typedef struct flood_guard {
    int64_t accepted_ms[FLOOD_MAX_LIMIT]; /* when the requests in the window were accepted */
    int n_accepted;
    bool has_last;
    int64_t last_ms;
    unsigned char last_digest[FLOOD_DIGEST_BYTES];
    char last_ticket[8];
} flood_guard;

typedef enum flood_verdict {
    FLOOD_ACCEPT, /* store it */
    FLOOD_MERGE,  /* identical to the last one within a minute: show last_ticket again */
    FLOOD_REFUSE, /* over the limit: ask the parent kindly to speak to the staff */
} flood_verdict;

void flood_init(flood_guard *g);
/* Judge a request with this digest at now_ms; limit is clamped to 1..FLOOD_MAX_LIMIT.
 * Does not record anything. On FLOOD_MERGE, g->last_ticket holds the ticket to show. */
flood_verdict flood_check(const flood_guard *g, int limit, int64_t now_ms,
                          const unsigned char digest[FLOOD_DIGEST_BYTES]);
/* Record an accepted (stored) request with its ticket ("482 913"). */
void flood_record(flood_guard *g, int64_t now_ms, const unsigned char digest[FLOOD_DIGEST_BYTES],
                  const char *ticket);
/* Forget the last request (digest and ticket are wiped); the window counts stay. Called
 * at the idle timeout so nothing can bring a confirmation back. */
void flood_forget_last(flood_guard *g);

/* ---- admin PIN lock-out ------------------------------------------------------------ */

/* Free attempts before the first lock-out. */
#define PIN_FREE_ATTEMPTS 3
/* Seconds locked after the failures-th consecutive failure: 0 for the first
 * PIN_FREE_ATTEMPTS - 1 failures, then 30 s, doubling with every further failure, at most
 * one hour. */
int pin_lockout_seconds(int failures);
/* Seconds still locked at now_utc (0 = may try). A lock-out that lies further ahead than
 * the longest possible one (the clock jumped back) is capped at that maximum, so a wrong
 * clock can never lock the social worker out for a year. */
int64_t pin_locked_for(int64_t locked_until_utc, int64_t now_utc);

#endif
