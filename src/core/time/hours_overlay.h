/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* hours_overlay.h - the staff's changes to the consultation hours (an hour cancelled, an
 * extra hour added on a site visit), kept beside the loaded site instead of inside it: a
 * site is immutable after loading (site.h), and the schedule reads both (schedule.h).
 * Pure memory; the app keeps the same changes in the store and fills this at start. */
#ifndef LOTSE_HOURS_OVERLAY_H
#define LOTSE_HOURS_OVERLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "content/site.h"

typedef struct hours_change {
    int worker;       /* index into site.workers */
    site_exception e; /* EXC_CANCELLED or EXC_EXTRA on one day, admin_id > 0; no note */
} hours_change;

typedef struct hours_overlay {
    hours_change *items;
    size_t n, cap;
} hours_overlay;

void hours_overlay_init(hours_overlay *o);
/* Frees the changes; o is empty and reusable afterwards. finish(NULL) is a no-op. */
void hours_overlay_finish(hours_overlay *o);

/* Add a change for worker of s (e is copied; its note and source are not kept). Only
 * EXC_CANCELLED and EXC_EXTRA on a single valid day with a valid time range at a Kita of
 * s, with admin_id > 0 not yet present, are accepted; false otherwise (o unchanged). */
bool hours_overlay_add(hours_overlay *o, const site *s, int worker, const site_exception *e);
/* Remove the change with this admin_id; false if there is none. */
bool hours_overlay_remove(hours_overlay *o, int64_t admin_id);
/* The change with this admin_id, or NULL. */
const hours_change *hours_overlay_find(const hours_overlay *o, int64_t admin_id);

#endif
