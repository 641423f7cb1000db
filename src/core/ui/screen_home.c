/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_home.c - the start screen: the greeting (at rest it goes round the languages),
 * the languages, the next consultation hour in words and the way in ("Find help"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "time/when.h"
#include "ui/ui_lay.h"

static void demo_badge(lay *L, int x, int y)
{
    if (!L->ctx->site || !L->ctx->site->demo)
        return;
    lay_box(L, "demo.bg", x, y, 300, 44, COL_DEMO, 10);
    text_style ts = {22, 16, true, COL_TEXT, ALIGN_CENTER, true};
    lay_text(L, "demo", T(L, "Demo content – invented"), x + 8, y, 284, 44, ts, NULL);
}

/* ---- home --------------------------------------------------------------------------- */

static void next_hours_card(lay *L, int x, int y, int w, int h)
{
    const site *s = L->ctx->site;
    /* The whole card leads to the consultation hours screen. */
    dl_elem *card = lay_box(L, "next.bg", x, y, w, h, COL_CARD, 20);
    card->action = (dl_action){ACT_HOURS, 0};
    dl_elem *ic = dl_push(L->d, ROLE_ICON, "next.icon", NULL);
    ic->icon = ICON_CLOCK;
    ic->fg = COL_PRIMARY;
    ic->x = S(L, x + 28);
    ic->y = S(L, y + 28);
    ic->w = ic->h = ic->icon_size = S(L, 72);
    int tx = x + 124, tw = w - 124 - 28;
    int workers[2];
    size_t nw = site_workers_at(s, s->here, workers, ARRAY_LEN(workers));
    text_style lead = {26, 20, false, COL_MUTED, ALIGN_START, false};
    lay_text(L, "next.lead", T(L, "The Kita social worker is here next:"), tx, y + 20, tw, 40, lead,
             NULL);
    int row_h = (h - 70) / (int)(nw > 1 ? nw : 1);
    for (size_t i = 0; i < nw; i++) {
        const site_worker *wk = &s->workers[workers[i]];
        int ry = y + 62 + (int)i * row_h;
        occurrence occ[3];
        size_t n =
            ui_schedule(L->ctx, workers[i], s->here, L->now_utc, false, occ, nw == 1 ? 3 : 1);
        char *id = xasprintf("next.%zu.name", i);
        text_style name = {30, 22, true, COL_TEXT, ALIGN_START, false};
        lay_text(L, id, wk->name, tx, ry, tw, 42, name, &wk->src);
        free(id);
        char *phrase = n ? when_phrase(L->ctx->i18n, L->st->lang, &occ[0], L->now_utc)
                         : xstrdup(T(L, "No consultation hours planned at the moment."));
        id = xasprintf("next.%zu.when", i);
        text_style when = {40, 26, true, COL_PRIMARY, ALIGN_START, false};
        dl_elem *we =
            lay_text(L, id, phrase, tx, ry + 44, tw, nw == 1 ? 112 : row_h - 48, when, NULL);
        /* The dates after it follow the phrase's real height (one line or two). */
        int used = L->scale > 0 ? (int)((we->line_px * (int)we->n_lines) / L->scale) : 112;
        if (used > 112)
            used = 112;
        int then_y = ry + 44 + used + 8;
        free(id);
        free(phrase);
        /* With one worker there is room for the dates after the next one. */
        for (size_t k = 1; k < n && then_y + (int)k * 40 + 36 <= y + h; k++) {
            if (k == 1) {
                text_style then = {24, 18, false, COL_MUTED, ALIGN_START, false};
                lay_text(L, "next.then", T(L, "After that:"), tx, then_y, tw, 36, then, NULL);
            }
            char *date = when_date_range(L->ctx->i18n, L->st->lang, &occ[k]);
            id = xasprintf("next.%zu.then.%zu", i, k);
            text_style ts = {28, 20, false, COL_TEXT, ALIGN_START, false};
            lay_text(L, id, date, tx, then_y + (int)k * 40 - 4, tw, 40, ts, NULL);
            free(id);
            free(date);
        }
    }
}

void ui_home_layout(lay *L)
{
    const site *s = L->ctx->site;
    const i18n *t = L->ctx->i18n;
    /* At rest the greeting goes round every language, so that a parent passing by sees
     * her own; once a language is chosen it stays in that language. */
    size_t nl = i18n_count(t);
    size_t greet_lang = L->st->lang;
    int period = L->ctx->config.greeting_ms;
    int64_t resting = L->mono_ms - L->st->last_input_ms; /* starts in German */
    if (ui_at_rest(L->st) && period > 0 && nl > 0 && resting >= 0)
        greet_lang = (size_t)((resting / period) % (int64_t)nl);
    text_style greet = {64, 36, true, COL_TEXT, ALIGN_START, false};
    lay_text(L, "greeting", i18n_ui(t, greet_lang, UI_GREETING), 48, 36, 860, 90, greet, NULL);
    text_style sub = {30, 22, false, COL_MUTED, ALIGN_START, false};
    lay_text(L, "kita", s->kitas[s->here].name, 48, 128, 700, 44, sub, &s->kitas[s->here].src);
    char *clock = when_clock(t, L->st->lang, L->now_utc);
    text_style ck = {26, 18, false, COL_MUTED, ALIGN_END, false};
    lay_text(L, "clock", clock, 900, 40, 332, 40, ck, NULL);
    free(clock);
    demo_badge(L, 932, 90);

    /* Languages, each by its own name; the chosen one is highlighted. Up to 10 in rows of
     * five big buttons; more (18 ship) in rows of six smaller ones. */
    int perrow = nl <= 10 ? 5 : 6, gap = nl <= 10 ? 16 : 10;
    int bw = (1184 - (perrow - 1) * gap) / perrow, bh = nl <= 10 ? 72 : 58;
    int top = nl <= 10 ? 196 : 184;
    for (size_t i = 0; i < nl; i++) {
        const lang_info *li = i18n_lang(t, i);
        bool sel = i == L->st->lang;
        button_style bs = {sel ? COL_SELECTED : COL_CARD_ALT,
                           sel ? COL_WHITE : COL_TEXT,
                           nl <= 10 ? 28 : 24,
                           16,
                           ICON_NONE,
                           0,
                           false,
                           ALIGN_CENTER,
                           false};
        char *id = xasprintf("lang.%s", li->code);
        int col = (int)i % perrow, row = (int)i / perrow;
        lay_button(L, id, li->name, 48 + col * (bw + gap), top + row * (bh + gap), bw, bh, bs,
                   ACT_LANG, (int)i, NULL);
        free(id);
    }
    int rows = (int)((nl + (size_t)perrow - 1) / (size_t)perrow);
    int cy = top + rows * (bh + gap) + 8;
    int card_h = CONTENT_BOTTOM - cy - 8;
    next_hours_card(L, 48, cy, 760, card_h);
    button_style go_bs = {COL_PRIMARY, COL_WHITE, 40, 28, ICON_NEXT, 64, true, ALIGN_CENTER, false};
    lay_button(L, "start", T(L, "Find help"), 840, cy, 392, card_h, go_bs, ACT_MENU, 0, NULL);
}

/* ---- menu -------------------------------------------------------------------------- */

bool ui_home_action(ui_state *st, const ui_ctx *ctx, const dl *shown, dl_action a)
{
    (void)shown;
    switch (a.kind) {
    case ACT_LANG:
        if (a.arg < 0 || (size_t)a.arg >= i18n_count(ctx->i18n))
            return false;
        st->lang = (size_t)a.arg;
        return true;
    case ACT_MENU:
        return ui_go(st, ctx, SCREEN_MENU);
    case ACT_HOURS: /* the next-hour card */
        return ui_go(st, ctx, SCREEN_HOURS);
    default:
        return false;
    }
}
