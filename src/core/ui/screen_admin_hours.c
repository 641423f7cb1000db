/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_admin_hours.c - the staff's consultation-hour changes: cancel (or restore) one
 * of the next hours here, or add an extra hour. A tap names the hour as it was listed;
 * the app checks it is still ahead before changing anything. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "time/schedule.h"
#include "time/when.h"
#include "ui/ui_lay.h"

#define FORM_DAYS 60
#define FORM_FIRST_MIN (6 * 60)
#define FORM_LAST_MIN (22 * 60)
#define FORM_STEP_MIN 30

enum { FORM_WORKER, FORM_DAY, FORM_START, FORM_END, FORM_FIELDS };

bool ui_admin_new_hour(const ui_state *st, const ui_ctx *ctx, int64_t now_utc, occurrence *out)
{
    const ui_admin *a = &st->admin;
    memset(out, 0, sizeof(*out));
    if (!ctx->site)
        return false;
    int workers[8];
    size_t nw = ui_admin_here_workers(ctx, workers, ARRAY_LEN(workers));
    if (nw == 0 || a->worker < 0 || (size_t)a->worker >= nw)
        return false;
    if (a->day < 0 || a->day > FORM_DAYS || a->start_min >= a->end_min ||
        a->start_min < FORM_FIRST_MIN || a->end_min > FORM_LAST_MIN)
        return false;
    civil_date today = berlin_from_utc(now_utc).date;
    out->worker = workers[a->worker];
    out->kita = ctx->site->here;
    out->date = civil_date_add(today, a->day);
    out->start_min = a->start_min;
    out->end_min = a->end_min;
    out->start_utc = berlin_to_utc(out->date, out->start_min, 0);
    out->end_utc = berlin_to_utc(out->date, out->end_min, 0);
    out->extra = true;
    return out->end_utc > now_utc;
}

static void form_step(ui_admin *a, int field, bool up, size_t n_workers)
{
    int d = up ? 1 : -1;
    switch (field) {
    case FORM_WORKER:
        if (n_workers)
            a->worker = (a->worker + (up ? 1 : (int)n_workers - 1)) % (int)n_workers;
        break;
    case FORM_DAY:
        a->day += d;
        if (a->day < 0)
            a->day = 0;
        if (a->day > FORM_DAYS)
            a->day = FORM_DAYS;
        break;
    case FORM_START:
        a->start_min += d * FORM_STEP_MIN;
        if (a->start_min < FORM_FIRST_MIN)
            a->start_min = FORM_FIRST_MIN;
        if (a->start_min > FORM_LAST_MIN - FORM_STEP_MIN)
            a->start_min = FORM_LAST_MIN - FORM_STEP_MIN;
        if (a->end_min <= a->start_min)
            a->end_min = a->start_min + FORM_STEP_MIN;
        break;
    case FORM_END:
        a->end_min += d * FORM_STEP_MIN;
        if (a->end_min > FORM_LAST_MIN)
            a->end_min = FORM_LAST_MIN;
        if (a->end_min <= a->start_min)
            a->end_min = a->start_min + FORM_STEP_MIN;
        break;
    default:
        break;
    }
}

bool ui_admin_hours_action(ui_state *st, const ui_ctx *ctx, const dl *shown, dl_action act)
{
    ui_admin *a = &st->admin;
    switch (act.kind) {
    case ACT_HOUR_CANCEL:
    case ACT_HOUR_RESTORE: {
        /* The row tapped, as the list was when it was laid out: the effect names the hour
         * itself (worker, Kita, date, times), so that an hour ending meanwhile cannot shift
         * the list under the tap. The app checks that it is still ahead. */
        occurrence occ[ADMIN_OCCURRENCES];
        int64_t then = shown ? shown->laid_out_utc : 0;
        size_t n = ui_admin_occurrences(ctx, then, occ, ARRAY_LEN(occ));
        if (!shown || act.arg < 0 || (size_t)act.arg >= n)
            return false;
        const occurrence *o = &occ[act.arg];
        if (act.kind == ACT_HOUR_CANCEL ? o->cancelled : o->admin_id <= 0)
            return false;
        st->effect.kind = act.kind == ACT_HOUR_CANCEL ? UI_FX_HOUR_CANCEL : UI_FX_HOUR_RESTORE;
        st->effect.hour = *o;
        st->effect.hour.note = NULL; /* owned by the site: the effect holds no pointers */
        a->msg = ADMIN_MSG_NONE;
        return true;
    }
    case ACT_FORM: {
        int workers[8];
        size_t nw = ctx->site ? ui_admin_here_workers(ctx, workers, ARRAY_LEN(workers)) : 0;
        if (act.arg < 0 || act.arg >= FORM_FIELDS * 2)
            return false;
        form_step(a, act.arg / 2, act.arg % 2, nw);
        a->msg = ADMIN_MSG_NONE;
        return true;
    }
    case ACT_HOUR_ADD: {
        occurrence o;
        int64_t then = shown ? shown->laid_out_utc : 0;
        if (!shown || !ui_admin_new_hour(st, ctx, then, &o))
            return false;
        st->effect.kind = UI_FX_HOUR_ADD;
        st->effect.hour = o;
        a->msg = ADMIN_MSG_NONE;
        return true;
    }
    default:
        return false;
    }
}

static void stepper(lay *L, const char *id, const char *label, const char *value, int field, int y)
{
    char *lid = xasprintf("%s.label", id);
    lay_text(L, lid, label, 700, y, 180, 64,
             (text_style){24, 16, true, COL_MUTED, ALIGN_START, true}, NULL);
    button_style bs = {COL_CARD_ALT, COL_TEXT, 36, 24, ICON_NONE, 0, false, ALIGN_CENTER, false};
    free(lid);
    char *down = xasprintf("%s.down", id), *up = xasprintf("%s.up", id);
    lay_button(L, down, "−", 884, y, 72, 64, bs, ACT_FORM, field * 2, NULL);
    lay_text(L, id, value, 964, y, 188, 64,
             (text_style){28, 18, true, COL_TEXT, ALIGN_CENTER, true}, NULL);
    lay_button(L, up, "+", 1160, y, 72, 64, bs, ACT_FORM, field * 2 + 1, NULL);
    free(down);
    free(up);
}

void ui_admin_hours_layout(lay *L)
{
    const ui_ctx *ctx = L->ctx;
    const site *s = ctx->site;
    const i18n *t = ctx->i18n;
    const ui_admin *a = &L->st->admin;
    lay_header(L, T(L, "Consultation hours"));
    int workers[8];
    size_t nw = ui_admin_here_workers(ctx, workers, ARRAY_LEN(workers));
    /* Left: the next hours here, each with what can be done about it. */
    lay_text(L, "hours.title", T(L, "The next consultation hours here"), 48, CONTENT_Y, 620, 40,
             (text_style){26, 20, true, COL_TEXT, ALIGN_START, false}, NULL);
    occurrence occ[ADMIN_OCCURRENCES];
    size_t n = ui_admin_occurrences(ctx, L->now_utc, occ, ARRAY_LEN(occ));
    int y = CONTENT_Y + 48, row_h = 76;
    for (size_t i = 0; i < n && y + row_h <= CONTENT_BOTTOM - 100; i++, y += row_h) {
        char *when = when_date_range(t, L->st->lang, &occ[i]);
        char *label =
            nw > 1 ? xasprintf("%s\n%s", when, s->workers[occ[i].worker].name) : xstrdup(when);
        char *id = xasprintf("hours.%zu", i);
        uint32_t fg = occ[i].cancelled ? COL_CANCELLED : COL_TEXT;
        dl_elem *row = lay_box(L, NULL, 40, y, 636, row_h - 8, COL_CARD, 12);
        free(row->id);
        row->id = xasprintf("%s.bg", id);
        lay_text(L, id, label, 56, y, 360, row_h - 8,
                 (text_style){24, 16, !occ[i].cancelled, fg, ALIGN_START, true}, NULL);
        char *bid = xasprintf("hours.%zu.action", i);
        button_style bs = {COL_CARD_ALT, COL_TEXT,     22,   16, ICON_NONE, 0,
                           false,        ALIGN_CENTER, false};
        if (occ[i].admin_id && occ[i].cancelled)
            lay_button(L, bid, T(L, "Undo cancellation"), 424, y + 6, 244, row_h - 20, bs,
                       ACT_HOUR_RESTORE, (int)i, NULL);
        else if (occ[i].admin_id && occ[i].extra)
            lay_button(L, bid, T(L, "Remove extra hour"), 424, y + 6, 244, row_h - 20, bs,
                       ACT_HOUR_RESTORE, (int)i, NULL);
        else if (occ[i].cancelled)
            lay_text(L, bid, T(L, "cancelled"), 424, y, 244, row_h - 8,
                     (text_style){22, 16, true, COL_CANCELLED, ALIGN_CENTER, true}, NULL);
        else {
            bs.bg = 0xFBE3E1;
            lay_button(L, bid, T(L, "Cancel this hour"), 424, y + 6, 244, row_h - 20, bs,
                       ACT_HOUR_CANCEL, (int)i, NULL);
        }
        free(bid);
        free(id);
        free(label);
        free(when);
    }
    if (n == 0)
        lay_text(L, "hours.none", T(L, "No consultation hours planned at the moment."), 48,
                 CONTENT_Y + 48, 620, 48, (text_style){24, 18, false, COL_TEXT, ALIGN_START, false},
                 NULL);

    /* Right: an extra hour. */
    lay_box(L, "extra.bg", 684, CONTENT_Y - 8, 564, CONTENT_BOTTOM - CONTENT_Y - 100 + 8, COL_CARD,
            20);
    lay_text(L, "extra.title", T(L, "Add an extra hour"), 700, CONTENT_Y, 532, 40,
             (text_style){26, 20, true, COL_TEXT, ALIGN_START, false}, NULL);
    int fy = CONTENT_Y + 52;
    if (nw > 1) {
        stepper(L, "extra.worker", T(L, "Who"), s->workers[workers[a->worker]].name, FORM_WORKER,
                fy);
        fy += 76;
    }
    occurrence o;
    bool valid = ui_admin_new_hour(L->st, ctx, L->now_utc, &o);
    civil_date today = berlin_from_utc(L->now_utc).date;
    civil_date day = civil_date_add(today, a->day);
    char *date = i18n_short_date(t, L->st->lang, day);
    char *wd = xasprintf("%s %s", i18n_weekday(t, L->st->lang, civil_weekday(day)), date);
    stepper(L, "extra.day", T(L, "Day"), wd, FORM_DAY, fy);
    free(wd);
    free(date);
    char hm[16];
    snprintf(hm, sizeof(hm), "%02d:%02d", a->start_min / 60, a->start_min % 60);
    stepper(L, "extra.start", T(L, "From"), hm, FORM_START, fy + 76);
    snprintf(hm, sizeof(hm), "%02d:%02d", a->end_min / 60, a->end_min % 60);
    stepper(L, "extra.end", T(L, "To"), hm, FORM_END, fy + 152);
    button_style add = {COL_PRIMARY, COL_WHITE, 28,           20,    ICON_CALENDAR,
                        36,          false,     ALIGN_CENTER, !valid};
    lay_button(L, "extra.add", T(L, "Add this hour"), 700, fy + 236, 532, 72, add, ACT_HOUR_ADD, 0,
               NULL);
    ui_admin_message_line(L, CONTENT_BOTTOM - 96);
}
