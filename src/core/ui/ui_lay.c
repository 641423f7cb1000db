/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* ui_lay.c - the layout kit every screen uses: texts fitted into boxes (wrapped, shrunk
 * within limits, overflow and missing glyphs reported to --check-site), buttons and tiles,
 * facts with an icon, the header with Back and Start, the emergency strip, and the mirror
 * for right-to-left layouts; the topics' colours, icons and titles, and the emergency
 * numbers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "time/when.h"
#include "ui/ui_lay.h"

const char ui_greeting[] = N_("Welcome! Here you find help.");

const uint32_t ui_topic_colours[TOPIC_COUNT] = {
    0x2E6B30, /* money: green */
    0x6A3D9A, /* parenting: purple */
    0xB0303A, /* health: red */
    0x1F5FA8, /* language: blue */
    0x8A4B08, /* crisis: brown-orange */
    0x245E66, /* everyday: teal */
};

const dl_icon ui_topic_icons[TOPIC_COUNT] = {
    ICON_MONEY, ICON_FAMILY, ICON_HEALTH, ICON_LANGUAGE, ICON_CRISIS, ICON_EVERYDAY,
};

const ui_emergency_number ui_emergency_numbers[UI_EMERGENCY_NUMBERS] = {
    {"110", N_("Police")},
    {"112", N_("Fire brigade and ambulance")},
    {"116 117", N_("Doctor on call when the practice is closed")},
    {"116 016", N_("Help for women affected by violence (24 hours, many languages)")},
    {"116 111", N_("Helpline for children and young people")},
    {"0800 111 0 550", N_("Helpline for parents")},
};

const char *const ui_topic_titles[TOPIC_COUNT] = {
    N_("Money and benefits"),     N_("Parenting and family"),
    N_("Health and development"), N_("Language and integration"),
    N_("Crisis and protection"),  N_("Everyday matters: debt, housing"),
};

static char *src_string(const site_src *src)
{
    if (!src || !src->file)
        return NULL;
    return xasprintf("%s:%d (%s)", src->file, src->line, src->field ? src->field : "");
}

static void report_overflow(const lay *L, const dl_elem *e, const char *text)
{
    if (!L->check)
        return;
    if (!text)
        text = "";
    const lang_info *li = i18n_lang(L->ctx->i18n, L->st->lang);
    if (e->src)
        site_errors_add(L->check, NULL, 0, NULL,
                        "%s: text does not fit on screen '%s' in language %s: \"%.60s\"", e->src,
                        L->d->screen, li ? li->code : "?", text);
    else
        site_errors_add(L->check, "locales", 0, NULL,
                        "%s.po: text of '%s' does not fit on screen '%s': \"%.60s\"",
                        li ? li->code : "?", e->id, L->d->screen, text);
}

/* --check-site: every code point of a text must be drawn by some font (no boxes). */
static void report_missing_glyphs(const lay *L, const dl_elem *e, const char *text)
{
    const text_measure *m = L->ctx->measure;
    uint32_t first = 0;
    size_t n = m->missing(m->ctx, e->bold, text, strlen(text), &first);
    if (!n)
        return;
    const lang_info *li = i18n_lang(L->ctx->i18n, L->st->lang);
    site_errors_add(L->check, e->src ? e->src : "locales", 0, NULL,
                    "%zu character%s without a font (first U+%04X) on screen '%s' in language "
                    "%s: \"%.60s\"",
                    n, n == 1 ? "" : "s", (unsigned)first, L->d->screen, li ? li->code : "?", text);
}

/* Fit text into the element's box (minus padding) and store the lines. */
static void fit_into(const lay *L, dl_elem *e, const char *text, int px, int min_px)
{
    text_fit fit;
    int tx, ty, tw, th;
    dl_text_rect(L->d, e, &tx, &ty, &tw, &th);
    text_fit_box(L->ctx->measure, text, S(L, px), S(L, min_px), e->bold, tw, th, &fit);
    e->font_px = fit.px;
    e->line_px = fit.line_px;
    e->overflow = fit.overflow;
    dl_elem_set_lines(e, fit.lines, fit.n_lines);
    fit.lines = NULL;
    fit.n_lines = 0;
    text_fit_finish(&fit);
    if (e->overflow)
        report_overflow(L, e, text);
    if (L->check && L->ctx->measure->missing && text)
        report_missing_glyphs(L, e, text);
}

dl_elem *lay_box(lay *L, const char *id, int x, int y, int w, int h, uint32_t bg, int radius)
{
    dl_elem *e = dl_push(L->d, ROLE_BOX, id, NULL);
    e->x = S(L, x);
    e->y = S(L, y);
    e->w = S(L, w);
    e->h = S(L, h);
    e->bg = bg;
    e->has_bg = true;
    e->radius = S(L, radius);
    return e;
}

dl_elem *lay_text(lay *L, const char *id, const char *s, int x, int y, int w, int h, text_style ts,
                  const site_src *src)
{
    dl_elem *e = dl_push(L->d, ROLE_TEXT, id, s ? s : "");
    e->x = S(L, x);
    e->y = S(L, y);
    e->w = S(L, w);
    e->h = S(L, h);
    e->fg = ts.fg;
    e->bold = ts.bold;
    e->align = ts.align;
    e->valign_center = ts.center_v;
    e->src = src_string(src);
    fit_into(L, e, e->text, ts.px, ts.min_px ? ts.min_px : ts.px);
    return e;
}

dl_elem *lay_button(lay *L, const char *id, const char *label, int x, int y, int w, int h,
                    button_style bs, int act, int arg, const site_src *src)
{
    if (bs.vertical) {
        /* A tile: icon on top, label below, one tappable element covering both. */
        dl_elem *bgd = dl_push(L->d, ROLE_BUTTON, id, label);
        bgd->x = S(L, x);
        bgd->y = S(L, y);
        bgd->w = S(L, w);
        bgd->h = S(L, h);
        bgd->bg = bs.bg;
        bgd->has_bg = true;
        bgd->fg = bs.fg;
        bgd->radius = S(L, 18);
        bgd->bold = true;
        bgd->align = ALIGN_CENTER;
        bgd->valign_center = true;
        bgd->action = (dl_action){act, arg};
        /* The label occupies the lower part; its lines live on a text element so the
         * button's own box can stay the whole tile. */
        int icon_y = y + 24;
        dl_elem *ic = dl_push(L->d, ROLE_ICON, NULL, NULL);
        free(ic->id);
        ic->id = xasprintf("%s.icon", id);
        ic->icon = bs.icon;
        ic->icon_size = S(L, bs.icon_size);
        ic->fg = bs.fg;
        ic->x = S(L, x + (w - bs.icon_size) / 2);
        ic->y = S(L, icon_y);
        ic->w = S(L, bs.icon_size);
        ic->h = S(L, bs.icon_size);
        int ty = icon_y + bs.icon_size + 12;
        dl_elem *lbl = dl_push(L->d, ROLE_TEXT, NULL, NULL);
        free(lbl->id);
        lbl->id = xasprintf("%s.label", id);
        lbl->x = S(L, x + 16);
        lbl->y = S(L, ty);
        lbl->w = S(L, w - 32);
        lbl->h = S(L, y + h - ty - 12);
        lbl->fg = bs.fg;
        lbl->bold = true;
        lbl->align = ALIGN_CENTER;
        lbl->valign_center = true;
        lbl->src = src_string(src);
        fit_into(L, lbl, label, bs.px, bs.min_px ? bs.min_px : bs.px);
        if (bs.disabled) {
            /* Pointers into the list may have moved: index from the end. */
            L->d->elems[L->d->n_elems - 3].enabled = false;
            L->d->elems[L->d->n_elems - 2].fg = COL_MUTED;
            L->d->elems[L->d->n_elems - 1].fg = COL_MUTED;
        }
        return &L->d->elems[L->d->n_elems - 3];
    }
    dl_elem *e = dl_push(L->d, ROLE_BUTTON, id, label);
    e->x = S(L, x);
    e->y = S(L, y);
    e->w = S(L, w);
    e->h = S(L, h);
    e->bg = bs.bg;
    e->has_bg = true;
    e->fg = bs.fg;
    e->radius = S(L, 14);
    e->bold = true;
    e->align = bs.align;
    e->valign_center = true;
    e->icon = bs.icon;
    e->action = (dl_action){act, arg};
    e->src = src_string(src);
    e->pad_x = S(L, 20);
    if (bs.icon != ICON_NONE)
        e->icon_size = S(L, bs.icon_size ? bs.icon_size : 40);
    fit_into(L, e, label, bs.px, bs.min_px ? bs.min_px : bs.px);
    e->enabled = !bs.disabled;
    return e;
}

/* ---- shared chrome: header with back/home, emergency strip ------------------------- */

void lay_header(lay *L, const char *title)
{
    lay_box(L, "header", 0, 0, 1280, HEADER_H, COL_HEADER, 0);
    button_style nav = {COL_WHITE, COL_HEADER, 28, 20, ICON_BACK, 36, false, ALIGN_START, false};
    lay_button(L, "nav.back", T(L, "Back"), 16, 12, 220, 72, nav, ACT_BACK, 0, NULL);
    nav.icon = ICON_HOME;
    lay_button(L, "nav.home", T(L, "Start"), 1280 - 16 - 220, 12, 220, 72, nav, ACT_HOME, 0, NULL);
    text_style ts = {36, 26, true, COL_WHITE, ALIGN_CENTER, true};
    lay_text(L, "title", title, 252, 8, 1280 - 2 * 252, 80, ts, NULL);
}

void ui_emergency_strip(lay *L)
{
    button_style bs = {COL_EMERGENCY, COL_WHITE, 26, 18, ICON_PHONE, 44, false, ALIGN_START, false};
    dl_elem *e =
        lay_button(L, "emergency",
                   T(L, "Emergency: 110 police · 112 fire and ambulance · 116 016 help for women"),
                   0, 800 - STRIP_H, 1280, STRIP_H, bs, ACT_EMERGENCY, 0, NULL);
    e->radius = 0;
    if (L->st->screen == SCREEN_EMERGENCY)
        e->action.kind = ACT_NONE;
}

int lay_fact(lay *L, const char *id, dl_icon icon, const char *label, const char *value, int x,
             int y, int w, int h, const site_src *src)
{
    dl_elem *ic = dl_push(L->d, ROLE_ICON, NULL, NULL);
    free(ic->id);
    ic->id = xasprintf("%s.icon", id);
    ic->icon = icon;
    ic->fg = COL_PRIMARY;
    ic->x = S(L, x);
    ic->y = S(L, y + 4);
    ic->w = ic->h = ic->icon_size = S(L, 40);
    char *lid = xasprintf("%s.label", id);
    text_style ls = {20, 16, true, COL_MUTED, ALIGN_START, false};
    lay_text(L, lid, label, x + 56, y, w - 56, 28, ls, NULL);
    free(lid);
    text_style vs = {26, 18, false, COL_TEXT, ALIGN_START, false};
    lay_text(L, id, value, x + 56, y + 28, w - 56, h - 28, vs, src);
    return y + h + 8;
}

void ui_mirror(dl *d)
{
    for (size_t i = 0; i < d->n_elems; i++) {
        dl_elem *e = &d->elems[i];
        e->x = d->width - e->x - e->w;
        if (e->icon == ICON_BACK || e->icon == ICON_NEXT)
            e->mirror_icon = true;
    }
}
