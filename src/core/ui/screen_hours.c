/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_hours.c - "When is the social worker here?": the next dates at this Kita (with
 * cancellations and absences) and her weekly hours at the other Kitas. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "time/when.h"
#include "ui/ui_lay.h"

void ui_hours_layout(lay *L)
{
    const site *s = L->ctx->site;
    const i18n *t = L->ctx->i18n;
    lay_header(L, T(L, "When is the social worker here?"));
    int workers[2];
    size_t nw = site_workers_at(s, s->here, workers, ARRAY_LEN(workers));
    /* Left: this Kita - the next dates, with cancellations and absences. */
    int lx = 48, lw = 700, y = CONTENT_Y;
    lay_box(L, "here.bg", lx - 16, y - 8, lw + 32, CONTENT_BOTTOM - y + 8, COL_CARD, 20);
    for (size_t wi = 0; wi < nw && wi < 1; wi++) {
        const site_worker *wk = &s->workers[workers[wi]];
        char *who = wk->role ? xasprintf("%s · %s", wk->name, C(L, wk->role)) : xstrdup(wk->name);
        text_style h1 = {32, 24, true, COL_TEXT, ALIGN_START, false};
        lay_text(L, "here.worker", who, lx, y, lw, 48, h1, &wk->src);
        free(who);
        y += 52;
        char *where = fmt_named(T(L, "Here at {kita}:"), "kita", s->kitas[s->here].name, NULL);
        text_style h2 = {26, 20, false, COL_MUTED, ALIGN_START, false};
        lay_text(L, "here.where", where, lx, y, lw, 40, h2, NULL);
        free(where);
        y += 44;
        occurrence occ[6];
        size_t n = ui_schedule(L->ctx, workers[wi], s->here, L->now_utc, true, occ, ARRAY_LEN(occ));
        if (n == 0) {
            text_style none = {28, 22, false, COL_TEXT, ALIGN_START, false};
            lay_text(L, "here.none", T(L, "No consultation hours planned at the moment."), lx, y,
                     lw, 44, none, NULL);
            y += 48;
        }
        for (size_t i = 0; i < n; i++) {
            char *id = xasprintf("here.date.%zu", i);
            char *line;
            if (occ[i].cancelled) {
                char *dr = when_date_range(t, L->st->lang, &occ[i]);
                line = occ[i].note ? fmt_named(T(L, "{date}: cancelled ({reason})"), "date", dr,
                                               "reason", C(L, occ[i].note), NULL)
                                   : fmt_named(T(L, "{date}: cancelled"), "date", dr, NULL);
                free(dr);
            } else {
                line = when_phrase(t, L->st->lang, &occ[i], L->now_utc);
            }
            text_style ts = {30,
                             22,
                             i == 0 && !occ[i].cancelled,
                             occ[i].cancelled ? COL_CANCELLED : COL_TEXT,
                             ALIGN_START,
                             false};
            dl_elem *ic = dl_push(L->d, ROLE_ICON, NULL, NULL);
            free(ic->id);
            ic->id = xasprintf("%s.icon", id);
            ic->icon = occ[i].cancelled ? ICON_WARNING : ICON_CALENDAR;
            ic->fg = occ[i].cancelled ? COL_CANCELLED : COL_PRIMARY;
            ic->x = S(L, lx);
            ic->y = S(L, y + 4);
            ic->w = ic->h = ic->icon_size = S(L, 36);
            lay_text(L, id, line, lx + 52, y, lw - 52, 44, ts, NULL);
            free(id);
            free(line);
            y += 50;
        }
        const site_exception *abs[3];
        size_t na = schedule_absences(s, workers[wi], s->here, L->now_utc, abs, ARRAY_LEN(abs));
        for (size_t i = 0; i < na && y + 44 <= CONTENT_BOTTOM - 8; i++) {
            char *from = i18n_short_date(t, L->st->lang, abs[i]->from);
            char *to = i18n_short_date(t, L->st->lang, abs[i]->to);
            char *line = abs[i]->note
                             ? fmt_named(T(L, "No consultation hours {from}–{to}: {reason}"),
                                         "from", from, "to", to, "reason", C(L, abs[i]->note), NULL)
                             : fmt_named(T(L, "No consultation hours {from}–{to}"), "from", from,
                                         "to", to, NULL);
            char *id = xasprintf("here.absence.%zu", i);
            text_style ts = {26, 20, false, COL_CANCELLED, ALIGN_START, false};
            lay_text(L, id, line, lx, y + 6, lw, 40, ts, &abs[i]->src);
            free(id);
            free(line);
            free(from);
            free(to);
            y += 46;
        }
    }
    /* The next hour (and her number) to take home. */
    ui_qr_button(L, "hours.qr", 800, CONTENT_BOTTOM - 72, 432, 72, QR_HOURS);
    /* Right: the same worker's weekly hours at the other Kitas she serves. */
    int rx = 800, rw = 432, ry = CONTENT_Y;
    text_style h2 = {28, 20, true, COL_TEXT, ALIGN_START, false};
    lay_text(L, "other.title", T(L, "Also at these Kitas:"), rx, ry, rw, 44, h2, NULL);
    ry += 52;
    size_t shown = 0;
    for (size_t k = 0; k < s->n_kitas && nw; k++) {
        if ((int)k == s->here)
            continue;
        char *weekly = when_hours_summary(t, L->st->lang, &s->workers[workers[0]], (int)k,
                                          berlin_from_utc(L->now_utc).date);
        if (*weekly) {
            int lines = 1;
            for (const char *p = weekly; *p; p++)
                lines += *p == '\n';
            int h = 40 + lines * 34 + 12;
            if (ry + h > CONTENT_BOTTOM - 84) {
                free(weekly);
                break;
            }
            char *id = xasprintf("other.%zu.name", k);
            text_style nm = {26, 20, true, COL_PRIMARY, ALIGN_START, false};
            lay_text(L, id, s->kitas[k].name, rx, ry, rw, 38, nm, &s->kitas[k].src);
            free(id);
            id = xasprintf("other.%zu.hours", k);
            text_style hs = {24, 18, false, COL_TEXT, ALIGN_START, false};
            lay_text(L, id, weekly, rx, ry + 38, rw, lines * 34, hs, NULL);
            free(id);
            ry += h;
            shown++;
        }
        free(weekly);
    }
    if (!shown) {
        text_style none = {24, 18, false, COL_MUTED, ALIGN_START, false};
        lay_text(L, "other.none", T(L, "She works only at this Kita."), rx, ry, rw, 40, none, NULL);
    }
}

/* ---- help and advice ---------------------------------------------------------------- */
