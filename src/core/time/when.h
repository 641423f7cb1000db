/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* when.h - "when is she here?" in words a parent understands:
 *   "Here now · today until 12:00", "Today 14:00–16:00", "Tomorrow, Tuesday 9:00–12:00",
 *   "Tuesday 9:00–12:00 · in 2 days", "Tuesday 24.3. 9:00–12:00 · in 14 days". */
#ifndef LOTSE_WHEN_H
#define LOTSE_WHEN_H

#include <stddef.h>
#include <stdint.h>

#include "content/i18n.h"
#include "time/schedule.h"

/* The phrase for occurrence o seen at now_utc, in language lang. Caller frees. */
char *when_phrase(const i18n *t, size_t lang, const occurrence *o, int64_t now_utc);
/* "Tuesday 24.3. 9:00–12:00" (no relative part). Caller frees. */
char *when_date_range(const i18n *t, size_t lang, const occurrence *o);
/* "Saturday, 21.11. · 10:42" for the home screen clock. Caller frees. */
char *when_clock(const i18n *t, size_t lang, int64_t now_utc);

/* How often and for how long rule r comes, in words: "every second week",
 * "in odd calendar weeks", "only on 6.10., 3.11." (dates before today left out), with
 * "from 1.8. to 31.1." appended; "" for a plain weekly rule. Caller frees. */
char *when_rule_words(const i18n *t, size_t lang, const site_rule *r, civil_date today);
/* A worker's hours at kita in words, one line per weekday and rule ("Tuesday
 * 9:00–12:00", "first Tuesday of the month 9:00–12:00"), a rule that is not plain
 * weekly followed by a line of when_rule_words. Rules over before today are left out.
 * Caller frees; "" when she has none there. */
char *when_hours_summary(const i18n *t, size_t lang, const site_worker *w, int kita,
                         civil_date today);

#endif
