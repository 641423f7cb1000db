/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* hours_overlay.c - the staff's consultation-hour changes beside the site (see .h). */
#include "time/hours_overlay.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "time/civil.h"

void hours_overlay_init(hours_overlay *o)
{
    memset(o, 0, sizeof(*o));
}

void hours_overlay_finish(hours_overlay *o)
{
    if (!o)
        return;
    free(o->items);
    memset(o, 0, sizeof(*o));
}

const hours_change *hours_overlay_find(const hours_overlay *o, int64_t admin_id)
{
    for (size_t i = 0; o && admin_id > 0 && i < o->n; i++)
        if (o->items[i].e.admin_id == admin_id)
            return &o->items[i];
    return NULL;
}

bool hours_overlay_add(hours_overlay *o, const site *s, int worker, const site_exception *e)
{
    if (!o || !s || !e || worker < 0 || (size_t)worker >= s->n_workers)
        return false;
    if (e->kind != EXC_CANCELLED && e->kind != EXC_EXTRA)
        return false;
    if (civil_date_cmp(e->from, e->to) != 0 || !civil_date_valid(e->from))
        return false;
    if (e->start_min < 0 || e->end_min > 24 * 60 || e->start_min >= e->end_min)
        return false;
    if (e->kita < 0 || (size_t)e->kita >= s->n_kitas)
        return false;
    if (e->admin_id <= 0 || hours_overlay_find(o, e->admin_id))
        return false;
    if (o->n == o->cap) {
        o->cap = o->cap ? o->cap * 2 : 8;
        o->items = xrealloc(o->items, o->cap * sizeof(o->items[0]));
    }
    hours_change *c = &o->items[o->n++];
    c->worker = worker;
    c->e = *e;
    c->e.note = NULL;
    c->e.src = (site_src){NULL, 0, NULL};
    return true;
}

bool hours_overlay_remove(hours_overlay *o, int64_t admin_id)
{
    for (size_t i = 0; o && admin_id > 0 && i < o->n; i++) {
        if (o->items[i].e.admin_id != admin_id)
            continue;
        memmove(&o->items[i], &o->items[i + 1], (o->n - i - 1) * sizeof(o->items[0]));
        o->n--;
        return true;
    }
    return false;
}
