/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* ui.c - screens, navigation, idle timeout and layout of the kiosk (see ui.h).
 *
 * Layout works in a 1280x800 design space scaled to the real screen (S()), always left
 * to right; for right-to-left languages the finished display list is mirrored at the
 * end (mirror()), so no screen has to be written twice. Every text goes through
 * text_fit_box: it wraps, shrinks within limits and is flagged when it cannot fit, which
 * --check-site reports (ui_check_fit). */
#include "ui/ui.h"
#include "ui/ui_lay.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "request/phone.h"
#include "time/schedule.h"
#include "base/util.h"
#include "time/when.h"

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

#define SERVICES_PER_PAGE 8

const char *ui_screen_name(ui_screen s)
{
    static const char *const names[SCREEN_COUNT] = {
        "home",
        "menu",
        "hours",
        "topics",
        "topic",
        "service",
        "emergency",
        "contact",
        "contact-how",
        "contact-details",
        "contact-consent",
        "contact-done",
        "contact-sorry",
        "admin-pin",
        "admin",
        "admin-hours",
        "qr",
        "out-of-order",
    };
    return (s >= 0 && s < SCREEN_COUNT) ? names[s] : "home";
}

void ui_init(ui_state *st, int64_t mono_ms)
{
    memset(st, 0, sizeof(*st));
    ui_reset(st, mono_ms);
}

void ui_reset(ui_state *st, int64_t mono_ms)
{
    /* Everything a parent chose or typed lives in this struct: wipe all of it. */
    secure_zero(st, sizeof(*st));
    st->screen = SCREEN_HOME;
    st->topic = -1;
    st->service = -1;
    st->back_screen = SCREEN_HOME;
    st->last_input_ms = mono_ms;
    st->contact.topic = -1;
    st->contact.interpreter = -1;
}

/* Nobody is using the kiosk: the start screen in the default language. */
static bool at_rest(const ui_state *st)
{
    return st->screen == SCREEN_HOME && st->lang == 0 && !st->idle_warning;
}

bool ui_is_contact_screen(ui_screen s)
{
    return s >= SCREEN_CONTACT && s <= SCREEN_CONTACT_SORRY;
}

bool ui_is_admin_screen(ui_screen s)
{
    return s >= SCREEN_ADMIN_PIN && s <= SCREEN_ADMIN_HOURS;
}

bool ui_is_private_screen(ui_screen s)
{
    return ui_is_contact_screen(s) || ui_is_admin_screen(s);
}

static ui_screen parent_of(const ui_state *st)
{
    switch (st->screen) {
    case SCREEN_MENU:
        return SCREEN_HOME;
    case SCREEN_HOURS:
    case SCREEN_TOPICS:
    case SCREEN_CONTACT:
        return SCREEN_MENU;
    case SCREEN_TOPIC:
        return SCREEN_TOPICS;
    case SCREEN_CONTACT_HOW:
        return SCREEN_CONTACT;
    case SCREEN_CONTACT_DETAILS:
        return SCREEN_CONTACT_HOW;
    case SCREEN_CONTACT_CONSENT:
        return SCREEN_CONTACT_DETAILS;
    case SCREEN_ADMIN_HOURS:
        return SCREEN_ADMIN;
    default: /* the service and emergency pages are handled in ACT_BACK */
        return SCREEN_HOME;
    }
}

void ui_go(ui_state *st, ui_screen s)
{
    /* Leaving the contact request (other than for the emergency numbers) wipes it;
     * leaving the admin screens ends admin mode. */
    bool ticket_code = s == SCREEN_QR && st->qr == QR_TICKET; /* the confirmation's QR */
    if (!ui_is_contact_screen(s) && s != SCREEN_EMERGENCY && !ticket_code)
        ui_contact_clear(&st->contact);
    if (!ui_is_admin_screen(s) && ui_is_admin_screen(st->screen))
        secure_zero(&st->admin, sizeof(st->admin));
    if (s == SCREEN_EMERGENCY) {
        /* Back from the emergency page returns to the same screen and page. */
        if (st->screen != SCREEN_EMERGENCY)
            st->back_screen = st->screen;
        st->screen = s;
        return;
    }
    st->screen = s;
    st->page = 0;
}

static bool apply_action(ui_state *st, const ui_ctx *ctx, dl_action a)
{
    const site *s = ctx->site;
    switch (a.kind) {
    case ACT_HOME:
        ui_go(st, SCREEN_HOME);
        return true;
    case ACT_BACK:
        if (st->screen == SCREEN_EMERGENCY) {
            st->screen = st->back_screen;
            return true;
        }
        if (st->screen == SCREEN_QR) {
            ui_go(st, st->qr_back);
            return true;
        }
        if (st->screen == SCREEN_CONTACT_DONE || st->screen == SCREEN_CONTACT_SORRY ||
            st->screen == SCREEN_ADMIN || st->screen == SCREEN_ADMIN_PIN) {
            ui_go(st, SCREEN_HOME);
            return true;
        }
        if (st->screen == SCREEN_SERVICE && st->topic >= 0) {
            st->screen = SCREEN_TOPIC;
            st->page = st->topic_page; /* back to the page the service was on */
            return true;
        }
        ui_go(st, st->screen == SCREEN_SERVICE ? SCREEN_TOPICS : parent_of(st));
        return true;
    case ACT_MENU:
        ui_go(st, SCREEN_MENU);
        return true;
    case ACT_HOURS:
        ui_go(st, SCREEN_HOURS);
        return true;
    case ACT_TOPICS:
        ui_go(st, SCREEN_TOPICS);
        return true;
    case ACT_TOPIC:
        if (a.arg < 0 || a.arg >= TOPIC_COUNT)
            return false;
        st->topic = a.arg;
        ui_go(st, SCREEN_TOPIC);
        return true;
    case ACT_SERVICE:
        if (!s || a.arg < 0 || (size_t)a.arg >= s->n_services)
            return false;
        st->service = a.arg;
        ui_qr_seen(st, a.arg);
        st->topic_page = st->screen == SCREEN_TOPIC ? st->page : 0;
        st->topic = (int)s->services[a.arg].topic;
        ui_go(st, SCREEN_SERVICE);
        return true;
    case ACT_EMERGENCY:
        ui_go(st, SCREEN_EMERGENCY);
        return true;
    case ACT_CONTACT:
        return ui_contact_begin(st, ctx);
    case ACT_LANG:
        if (a.arg < 0 || (size_t)a.arg >= i18n_count(ctx->i18n))
            return false;
        st->lang = (size_t)a.arg;
        return true;
    case ACT_PAGE:
        st->page = a.arg < 0 ? 0 : a.arg;
        return true;
    case ACT_STILL_HERE:
        return true;
    default:
        if (a.kind >= ACT_CONTACT_TOPIC && a.kind <= ACT_DONE)
            return ui_contact_action(st, ctx, a);
        if (a.kind >= ACT_PIN_DIGIT && a.kind <= ACT_HOUR_ADD)
            return ui_admin_action(st, ctx, a);
        if (a.kind == ACT_QR_OPEN || a.kind == ACT_QR_ITEM)
            return ui_qr_action(st, ctx, a);
        return false;
    }
}

ui_effect ui_take_effect(ui_state *st)
{
    ui_effect e = st->effect;
    st->effect = (ui_effect){UI_FX_NONE, 0};
    return e;
}

/* The hidden admin entry: a long press in the top-left corner of the start screen. */
static bool admin_corner(const ui_ctx *ctx, const ui_event *ev)
{
    double sx = ctx->config.width / 1280.0, sy = ctx->config.height / 800.0;
    double scale = sx < sy ? sx : sy;
    int corner = (int)(ADMIN_CORNER * scale + 0.5);
    return ev->hold_ms >= ADMIN_HOLD_MS && ev->x >= 0 && ev->y >= 0 && ev->x < corner &&
           ev->y < corner;
}

bool ui_update(ui_state *st, const ui_ctx *ctx, const dl *current, const ui_event *ev,
               int64_t mono_ms)
{
    const ui_config *c = &ctx->config;
    if (ev->kind == UI_EV_TICK) {
        int64_t idle = mono_ms - st->last_input_ms;
        if (idle >= c->idle_timeout_ms) {
            bool was_at_rest = at_rest(st);
            ui_reset(st, mono_ms);
            return !was_at_rest;
        }
        bool warn = idle >= c->idle_timeout_ms - c->idle_warning_ms &&
                    !(st->screen == SCREEN_HOME && st->lang == 0);
        if (warn != st->idle_warning) {
            st->idle_warning = warn;
            return true;
        }
        return st->idle_warning; /* the countdown changes every second */
    }
    st->last_input_ms = mono_ms;
    if (st->idle_warning) {
        /* Any touch while "Are you still there?" is shown only answers that question. */
        st->idle_warning = false;
        return true;
    }
    if (!ctx->site)
        return false; /* out of order: nothing to navigate */
    if (ev->kind == UI_EV_BACK) {
        if (st->screen == SCREEN_HOME)
            return false;
        return apply_action(st, ctx, (dl_action){ACT_BACK, 0});
    }
    if (st->screen == SCREEN_HOME && admin_corner(ctx, ev)) {
        ui_admin_begin(st);
        return true;
    }
    const dl_elem *e = dl_hit(current, ev->x, ev->y);
    if (!e)
        return false;
    return apply_action(st, ctx, e->action);
}

bool ui_set_lang(ui_state *st, const ui_ctx *ctx, const char *code, int64_t mono_ms)
{
    int i = i18n_find(ctx->i18n, code);
    if (i < 0)
        return false;
    st->lang = (size_t)i;
    st->last_input_ms = mono_ms;
    return true;
}

int64_t ui_next_deadline(const ui_state *st, const ui_ctx *ctx, int64_t mono_ms)
{
    const ui_config *c = &ctx->config;
    if (!ctx->site)
        return -1;
    if (at_rest(st)) {
        /* Nothing to time out; only the greeting's next language, if it goes round. */
        int period = c->greeting_ms;
        if (period <= 0 || i18n_count(ctx->i18n) < 2)
            return -1;
        int64_t resting = mono_ms - st->last_input_ms;
        return resting < 0 ? period : period - resting % period;
    }
    int64_t idle = mono_ms - st->last_input_ms;
    int64_t warn_at = c->idle_timeout_ms - c->idle_warning_ms;
    if (idle < warn_at)
        return warn_at - idle;
    if (idle >= c->idle_timeout_ms)
        return 0;
    /* During the warning: tick on every second of the countdown. */
    int64_t left = c->idle_timeout_ms - idle;
    int64_t step = left % 1000;
    return step ? step : 1000;
}

/* ---- layout ------------------------------------------------------------------------ */

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

static void emergency_strip(lay *L)
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
        size_t n = schedule_next(s, workers[i], s->here, L->now_utc, false, occ, nw == 1 ? 3 : 1);
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

static void layout_home(lay *L)
{
    const site *s = L->ctx->site;
    const i18n *t = L->ctx->i18n;
    /* At rest the greeting goes round every language, so that a parent passing by sees
     * her own; once a language is chosen it stays in that language. */
    size_t nl = i18n_count(t);
    size_t greet_lang = L->st->lang;
    int period = L->ctx->config.greeting_ms;
    int64_t resting = L->mono_ms - L->st->last_input_ms; /* starts in German */
    if (at_rest(L->st) && period > 0 && nl > 0 && resting >= 0)
        greet_lang = (size_t)((resting / period) % (int64_t)nl);
    text_style greet = {64, 36, true, COL_TEXT, ALIGN_START, false};
    lay_text(L, "greeting", i18n_ui(t, greet_lang, "Welcome! Here you find help."), 48, 36, 860, 90,
             greet, NULL);
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

static void layout_menu(lay *L)
{
    lay_header(L, T(L, "How can we help?"));
    struct {
        const char *id, *label;
        dl_icon icon;
        int act;
    } items[] = {
        {"menu.hours", N_("When is the social worker here?"), ICON_CLOCK, ACT_HOURS},
        {"menu.help", N_("Help and advice"), ICON_HELP, ACT_TOPICS},
        {"menu.contact", N_("Contact me"), ICON_CONTACT, ACT_CONTACT},
        {"menu.takehome", N_("Take it home (QR)"), ICON_QR, ACT_QR_OPEN},
    };
    int gap = 24, w = (1280 - 2 * 48 - gap) / 2;
    int h = (CONTENT_BOTTOM - CONTENT_Y - gap) / 2;
    for (size_t i = 0; i < ARRAY_LEN(items); i++) {
        button_style bs = {COL_PRIMARY, COL_WHITE, 36,           26,   items[i].icon,
                           110,         true,      ALIGN_CENTER, false};
        /* Without the worker's key nothing could be sealed: the tile stays, greyed out,
         * with a note for the staff (never a plaintext fallback). */
        bool off = items[i].act == ACT_NONE ||
                   (items[i].act == ACT_CONTACT && !L->ctx->status.contact_ready);
        bs.disabled = off;
        if (off)
            bs.bg = COL_CARD_ALT;
        int col = (int)i % 2, row = (int)i / 2;
        int x = 48 + col * (w + gap), y = CONTENT_Y + row * (h + gap);
        bool noted = items[i].act == ACT_CONTACT && off;
        if (noted) /* the tile, with room for the note below a shorter button */
            lay_box(L, "menu.contact.tile", x, y, w, h, bs.bg, 18);
        lay_button(L, items[i].id, T(L, items[i].label), x, y, w, noted ? h - 72 : h, bs,
                   items[i].act, 0, NULL);
        if (noted)
            lay_text(L, "menu.contact.note",
                     T(L, "Not set up yet. Staff: the social worker's key is missing in the "
                          "configuration."),
                     x + 24, y + h - 68, w - 48, 60,
                     (text_style){20, 16, false, COL_TEXT, ALIGN_CENTER, false}, NULL);
    }
}

/* ---- consultation hours ------------------------------------------------------------ */

static char *weekly_summary(const lay *L, const site_worker *w, int kita)
{
    strbuf sb;
    strbuf_init(&sb);
    for (int day = 1; day <= 7; day++) {
        bool first = true;
        for (size_t i = 0; i < w->n_slots; i++) {
            const site_slot *sl = &w->slots[i];
            if (sl->kita != kita || sl->weekday != day)
                continue;
            char *r =
                i18n_ltr(L->ctx->i18n, L->st->lang, i18n_time_range(sl->start_min, sl->end_min));
            if (first) {
                if (sb.len)
                    strbuf_puts(&sb, "\n");
                strbuf_printf(&sb, "%s %s", i18n_weekday(L->ctx->i18n, L->st->lang, day), r);
            } else {
                strbuf_printf(&sb, ", %s", r);
            }
            first = false;
            free(r);
        }
    }
    return strbuf_steal(&sb);
}

static void layout_hours(lay *L)
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
        size_t n = schedule_next(s, workers[wi], s->here, L->now_utc, true, occ, ARRAY_LEN(occ));
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
        char *weekly = weekly_summary(L, &s->workers[workers[0]], (int)k);
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

static void layout_topics(lay *L)
{
    lay_header(L, T(L, "Help and advice"));
    int gap = 24, cols = 3, w = (1280 - 2 * 48 - (cols - 1) * gap) / cols;
    int h = (CONTENT_BOTTOM - CONTENT_Y - gap) / 2;
    for (int i = 0; i < TOPIC_COUNT; i++) {
        button_style bs = {ui_topic_colours[i], COL_WHITE, 32, 22, ui_topic_icons[i], 96, true,
                           ALIGN_CENTER,        false};
        char *id = xasprintf("topic.%s", site_topic_key((site_topic)i));
        lay_button(L, id, T(L, ui_topic_titles[i]), 48 + (i % cols) * (w + gap),
                   CONTENT_Y + (i / cols) * (h + gap), w, h, bs, ACT_TOPIC, i, NULL);
        free(id);
    }
}

static size_t services_in_topic(const site *s, int topic, int *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < s->n_services; i++)
        if ((int)s->services[i].topic == topic) {
            if (out && n < max)
                out[n] = (int)i;
            n++;
        }
    return n;
}

static void layout_topic(lay *L)
{
    const site *s = L->ctx->site;
    int topic = L->st->topic < 0 ? 0 : L->st->topic;
    lay_header(L, T(L, ui_topic_titles[topic]));
    size_t total = services_in_topic(s, topic, NULL, 0);
    int *idx = xcalloc(total ? total : 1, sizeof(int));
    services_in_topic(s, topic, idx, total);
    int pages = (int)((total + SERVICES_PER_PAGE - 1) / SERVICES_PER_PAGE);
    int page = L->st->page < pages ? L->st->page : 0;
    bool paged = pages > 1;
    int gap = 20, w = (1280 - 2 * 48 - gap) / 2;
    int bottom = paged ? CONTENT_BOTTOM - 88 : CONTENT_BOTTOM;
    int h = (bottom - CONTENT_Y - 3 * gap) / 4;
    if (total == 0) {
        text_style ts = {30, 22, false, COL_TEXT, ALIGN_CENTER, true};
        lay_text(L, "topic.empty", T(L, "No services for this topic yet. Please ask the staff."),
                 48, CONTENT_Y, 1184, 200, ts, NULL);
    }
    for (size_t k = 0; k < SERVICES_PER_PAGE; k++) {
        size_t i = (size_t)page * SERVICES_PER_PAGE + k;
        if (i >= total)
            break;
        const site_service *sv = &s->services[idx[i]];
        button_style bs = {COL_CARD, COL_TEXT, 30,          20,   ui_topic_icons[topic],
                           44,       false,    ALIGN_START, false};
        char *id = xasprintf("service.%s", sv->id);
        lay_button(L, id, C(L, sv->name), 48 + (int)(k % 2) * (w + gap),
                   CONTENT_Y + (int)(k / 2) * (h + gap), w, h, bs, ACT_SERVICE, idx[i],
                   &sv->src_name);
        free(id);
    }
    if (paged) {
        char *pg = xasprintf("%d / %d", page + 1, pages);
        text_style ts = {28, 22, true, COL_TEXT, ALIGN_CENTER, true};
        lay_text(L, "page.of", pg, 540, CONTENT_BOTTOM - 72, 200, 72, ts, NULL);
        free(pg);
        button_style bs = {COL_PRIMARY, COL_WHITE, 28,          20,   ICON_BACK,
                           36,          false,     ALIGN_START, false};
        dl_elem *prev = lay_button(L, "page.prev", T(L, "Previous"), 48, CONTENT_BOTTOM - 72, 320,
                                   72, bs, ACT_PAGE, page - 1, NULL);
        prev->enabled = page > 0;
        bs.icon = ICON_NEXT;
        dl_elem *next = lay_button(L, "page.next", T(L, "More"), 1280 - 48 - 320,
                                   CONTENT_BOTTOM - 72, 320, 72, bs, ACT_PAGE, page + 1, NULL);
        next->enabled = page + 1 < pages;
    }
    free(idx);
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

static void layout_service(lay *L)
{
    const site *s = L->ctx->site;
    if (L->st->service < 0 || (size_t)L->st->service >= s->n_services) {
        layout_topics(L);
        return;
    }
    const site_service *sv = &s->services[L->st->service];
    lay_header(L, T(L, ui_topic_titles[sv->topic]));
    text_style h1 = {40, 28, true, COL_TEXT, ALIGN_START, false};
    h1.min_px = 22; /* two lines beside the QR button when the name is long */
    lay_text(L, "service.name", C(L, sv->name), 48, CONTENT_Y, 824, 64, h1, &sv->src_name);
    ui_qr_button(L, "service.qr", 1280 - 48 - 340, CONTENT_Y, 340, 64, QR_SERVICE);
    int y0 = CONTENT_Y + 76;
    lay_box(L, "service.desc.bg", 32, y0 - 8, 640, CONTENT_BOTTOM - y0 + 8, COL_CARD, 20);
    text_style body = {30, 24, false, COL_TEXT, ALIGN_START, false};
    lay_text(L, "service.description", C(L, sv->description), 56, y0 + 12, 592,
             CONTENT_BOTTOM - y0 - 28, body, &sv->src_description);
    /* Facts column: only what the content gives. */
    int fx = 696, fw = 536, y = y0;
    int n = (sv->address != NULL) + (sv->hours != NULL) + (sv->phone != NULL) +
            (sv->languages != NULL) + (sv->costs != NULL) + (sv->web != NULL);
    int h = n ? (CONTENT_BOTTOM - y0) / n - 8 : 0;
    if (h > 120)
        h = 120;
    if (sv->phone)
        y = lay_fact(L, "service.phone", ICON_PHONE, T(L, "Phone"), sv->phone, fx, y, fw, h, NULL);
    if (sv->address)
        y = lay_fact(L, "service.address", ICON_PLACE, T(L, "Address"), sv->address, fx, y, fw, h,
                     &sv->src_address);
    if (sv->hours)
        y = lay_fact(L, "service.hours", ICON_CLOCK, T(L, "Opening hours"), C(L, sv->hours), fx, y,
                     fw, h, &sv->src_hours);
    if (sv->languages)
        y = lay_fact(L, "service.languages", ICON_LANGUAGE, T(L, "Languages spoken"),
                     C(L, sv->languages), fx, y, fw, h, &sv->src_languages);
    if (sv->costs)
        y = lay_fact(L, "service.costs", ICON_EURO, T(L, "Costs"), C(L, sv->costs), fx, y, fw, h,
                     &sv->src_costs);
    if (sv->web)
        lay_fact(L, "service.web", ICON_GLOBE, T(L, "Website"), C(L, sv->web), fx, y, fw, h,
                 NULL); /* a site may translate its address to a page in her language */
}

/* ---- emergency, contact, out of order ----------------------------------------------- */

static void layout_emergency(lay *L)
{
    lay_header(L, T(L, "Emergency numbers"));
    text_style lead = {28, 22, false, COL_TEXT, ALIGN_START, false};
    lay_text(L, "emergency.lead",
             T(L, "Free of charge from any phone. You can also call without German."), 48,
             CONTENT_Y, 1184, 44, lead, NULL);
    const ui_emergency_number *numbers = ui_emergency_numbers;
    int y = CONTENT_Y + 56, h = (CONTENT_BOTTOM - y) / (int)UI_EMERGENCY_NUMBERS;
    for (size_t i = 0; i < UI_EMERGENCY_NUMBERS; i++) {
        char *id = xasprintf("emergency.%zu", i);
        char *bid = xasprintf("emergency.%zu.bg", i);
        lay_box(L, bid, 48, y + (int)i * h, 1184, h - 8, i < 2 ? 0xFBE3E1 : COL_CARD, 12);
        text_style num = {40, 30, true, COL_EMERGENCY, ALIGN_START, true};
        char *nid = xasprintf("%s.number", id);
        lay_text(L, nid, numbers[i].number, 72, y + (int)i * h, 330, h - 8, num, NULL);
        free(nid);
        text_style lbl = {28, 20, false, COL_TEXT, ALIGN_START, true};
        lay_text(L, id, T(L, numbers[i].label), 420, y + (int)i * h, 790, h - 8, lbl, NULL);
        free(id);
        free(bid);
    }
}

static void layout_out_of_order(lay *L)
{
    L->d->background = COL_BG;
    dl_elem *ic = dl_push(L->d, ROLE_ICON, "ooo.icon", NULL);
    ic->icon = ICON_WARNING;
    ic->fg = COL_EMERGENCY;
    ic->x = S(L, 1280 / 2 - 64);
    ic->y = S(L, 120);
    ic->w = ic->h = ic->icon_size = S(L, 128);
    /* The language is unknown here: say it in the default language and in English. */
    const i18n *t = L->ctx->i18n;
    text_style h1 = {48, 32, true, COL_TEXT, ALIGN_CENTER, false};
    lay_text(L, "ooo.title", i18n_ui(t, 0, "Out of order. Please ask the staff."), 80, 290, 1120,
             140, h1, NULL);
    int en = i18n_find(t, "en");
    if (en > 0) {
        text_style h2 = {36, 26, false, COL_MUTED, ALIGN_CENTER, false};
        lay_text(L, "ooo.title.en", "Out of order. Please ask the staff.", 80, 440, 1120, 100, h2,
                 NULL);
    }
}

static void idle_overlay(lay *L)
{
    int64_t left_ms = L->ctx->config.idle_timeout_ms - (L->mono_ms - L->st->last_input_ms);
    int secs = (int)((left_ms + 999) / 1000);
    if (secs < 0)
        secs = 0;
    /* A full-screen catcher: a touch anywhere answers "yes, still here". */
    dl_elem *catcher = dl_push(L->d, ROLE_BOX, "idle.catch", NULL);
    catcher->w = S(L, 1280);
    catcher->h = S(L, 800);
    catcher->action = (dl_action){ACT_STILL_HERE, 0};
    lay_box(L, "idle.shadow", 236, 196, 816, 424, COL_SHADE, 28);
    lay_box(L, "idle.bg", 240, 200, 800, 400, COL_WHITE, 24);
    text_style h1 = {44, 30, true, COL_TEXT, ALIGN_CENTER, false};
    lay_text(L, "idle.title", T(L, "Are you still there?"), 280, 236, 720, 70, h1, NULL);
    char *n = xasprintf("%d", secs);
    const char *fmt = i18n_ui_n(L->ctx->i18n, L->st->lang, "The screen starts over in {n} second.",
                                "The screen starts over in {n} seconds.", (unsigned long)secs);
    char *msg = fmt_named(fmt, "n", n, NULL);
    text_style body = {28, 20, false, COL_MUTED, ALIGN_CENTER, false};
    lay_text(L, "idle.countdown", msg, 280, 316, 720, 80, body, NULL);
    free(msg);
    free(n);
    button_style bs = {COL_PRIMARY, COL_WHITE, 34, 24, ICON_NONE, 0, false, ALIGN_CENTER, false};
    lay_button(L, "idle.yes", T(L, "Yes, I am still here"), 360, 430, 560, 110, bs, ACT_STILL_HERE,
               0, NULL);
}

static void mirror(dl *d)
{
    for (size_t i = 0; i < d->n_elems; i++) {
        dl_elem *e = &d->elems[i];
        e->x = d->width - e->x - e->w;
        if (e->icon == ICON_BACK || e->icon == ICON_NEXT)
            e->mirror_icon = true;
    }
}

static dl *layout_state(const ui_state *st, const ui_ctx *ctx, int64_t now_utc, int64_t mono_ms,
                        site_errors *check)
{
    ui_screen scr = ctx->site ? st->screen : SCREEN_OUT_OF_ORDER;
    const lang_info *li = i18n_lang(ctx->i18n, st->lang);
    dl *d = dl_create(ui_screen_name(scr), li ? li->code : "de", li && li->rtl, ctx->config.width,
                      ctx->config.height);
    d->background = COL_BG;
    double sx = ctx->config.width / 1280.0, sy = ctx->config.height / 800.0;
    lay L = {st, ctx, d, sx < sy ? sx : sy, now_utc, mono_ms, check};
    switch (scr) {
    case SCREEN_HOME:
        layout_home(&L);
        break;
    case SCREEN_MENU:
        layout_menu(&L);
        break;
    case SCREEN_HOURS:
        layout_hours(&L);
        break;
    case SCREEN_TOPICS:
        layout_topics(&L);
        break;
    case SCREEN_TOPIC:
        layout_topic(&L);
        break;
    case SCREEN_SERVICE:
        layout_service(&L);
        break;
    case SCREEN_EMERGENCY:
        layout_emergency(&L);
        break;
    case SCREEN_CONTACT:
    case SCREEN_CONTACT_HOW:
    case SCREEN_CONTACT_DETAILS:
    case SCREEN_CONTACT_CONSENT:
    case SCREEN_CONTACT_DONE:
    case SCREEN_CONTACT_SORRY:
        ui_contact_layout(&L);
        break;
    case SCREEN_ADMIN_PIN:
    case SCREEN_ADMIN:
    case SCREEN_ADMIN_HOURS:
        ui_admin_layout(&L);
        break;
    case SCREEN_QR:
        ui_qr_layout(&L);
        break;
    case SCREEN_OUT_OF_ORDER:
    case SCREEN_COUNT:
        layout_out_of_order(&L);
        return d;
    }
    emergency_strip(&L);
    if (st->idle_warning)
        idle_overlay(&L);
    if (d->rtl)
        mirror(d);
    return d;
}

dl *ui_layout(const ui_state *st, const ui_ctx *ctx, int64_t now_utc, int64_t mono_ms)
{
    return layout_state(st, ctx, now_utc, mono_ms, NULL);
}

/* The contact request's screens in their fullest states (a name, a number, an
 * interpreter, each hint, the confirmation and both apologies), and the admin screens. */
static void check_contact_screens(ui_state *st, const ui_ctx *ctx, int64_t now_utc,
                                  site_errors *errors)
{
    ui_contact *c = &st->contact;
    c->topic = CONTACT_TOPIC_OTHER;
    c->channel = CHANNEL_SMS;
    c->interpreter = (int)(i18n_count(ctx->i18n) - 1);
    snprintf(c->name, sizeof(c->name), "%s", "Wwwwwwwwwwwwwwwwwwwwwwww");
    snprintf(c->phone, sizeof(c->phone), "%s", "+49 0000 00000000000");
    static const ui_screen steps[] = {SCREEN_CONTACT_HOW, SCREEN_CONTACT_DETAILS,
                                      SCREEN_CONTACT_CONSENT, SCREEN_CONTACT_DONE};
    for (size_t i = 0; i < ARRAY_LEN(steps); i++) {
        st->screen = steps[i];
        for (int kb = 0; kb < (steps[i] == SCREEN_CONTACT_DETAILS ? 8 : 1); kb++) {
            c->keyboard = kb / 2;
            c->typing_phone = kb % 2;
            dl_destroy(layout_state(st, ctx, now_utc, 0, errors));
        }
    }
    st->screen = SCREEN_CONTACT_DETAILS;
    for (int h = HINT_PHONE_NEEDED; h <= HINT_NAME_FULL; h++) {
        for (int arg = PHONE_EMPTY; arg <= PHONE_TOO_LONG; arg++) {
            c->hint = (contact_hint)h;
            c->hint_arg = arg;
            dl_destroy(layout_state(st, ctx, now_utc, 0, errors));
        }
    }
    snprintf(c->ticket, sizeof(c->ticket), "%s", "888 888");
    st->screen = SCREEN_CONTACT_DONE;
    dl_destroy(layout_state(st, ctx, now_utc, 0, errors));
    st->screen = SCREEN_CONTACT_SORRY;
    for (int r = SUBMIT_FLOOD; r <= SUBMIT_FAILED; r++) {
        c->hint_arg = r;
        dl_destroy(layout_state(st, ctx, now_utc, 0, errors));
    }
    ui_contact_clear(c);
    static const ui_screen admin[] = {SCREEN_ADMIN_PIN, SCREEN_ADMIN, SCREEN_ADMIN_HOURS};
    for (size_t i = 0; i < ARRAY_LEN(admin); i++) {
        st->screen = admin[i];
        for (int m = ADMIN_MSG_NONE; m <= ADMIN_MSG_SAVE_FAILED; m++) {
            st->admin.msg = (admin_message)m;
            st->admin.msg_count = 888;
            snprintf(st->admin.msg_text, sizeof(st->admin.msg_text), "%s",
                     "lotse-export-2026-11-21-0930.txt");
            dl_destroy(layout_state(st, ctx, now_utc, 0, errors));
        }
    }
    secure_zero(&st->admin, sizeof(st->admin));
    /* The note about a damaged database put aside. */
    ui_ctx noted = *ctx;
    noted.status.store_aside = "/var/lib/lotse/lotse.db.damaged-88";
    st->screen = SCREEN_ADMIN;
    dl_destroy(layout_state(st, &noted, now_utc, 0, errors));
    /* Every code of every QR screen: a payload too big for a readable code is an error. */
    st->screen = SCREEN_QR;
    for (int src = QR_TAKE_HOME; src <= QR_TICKET; src++) {
        st->qr = (qr_source)src;
        snprintf(st->contact.ticket, sizeof(st->contact.ticket), "%s", "888 888");
        for (size_t sv = 0; sv < (src == QR_SERVICE ? ctx->site->n_services : 1); sv++) {
            st->service = (int)sv;
            for (int item = 0; item < 8; item++) {
                st->qr_item = item;
                dl_destroy(layout_state(st, ctx, now_utc, 0, errors));
            }
        }
    }
    /* "Take it home" after looking at the services with the largest cards. */
    st->qr = QR_TAKE_HOME;
    for (size_t sv = 0; sv < ctx->site->n_services; sv++) {
        ui_qr_seen(st, (int)sv);
        st->qr_item = 2; /* the newest service's card */
        dl_destroy(layout_state(st, ctx, now_utc, 0, errors));
    }
    ui_contact_clear(&st->contact);
    memset(st->seen, 0, sizeof(st->seen));
    st->service = -1;
}

size_t ui_check_fit(const ui_ctx *ctx, int64_t now_utc, site_errors *errors)
{
    size_t before = errors->count;
    const site *s = ctx->site;
    if (!s)
        return 0;
    for (size_t lang = 0; lang < i18n_count(ctx->i18n); lang++) {
        ui_state st;
        ui_init(&st, 0);
        st.lang = lang;
        static const ui_screen plain[] = {SCREEN_HOME,   SCREEN_MENU,      SCREEN_HOURS,
                                          SCREEN_TOPICS, SCREEN_EMERGENCY, SCREEN_CONTACT};
        for (size_t i = 0; i < ARRAY_LEN(plain); i++) {
            st.screen = plain[i];
            dl_destroy(layout_state(&st, ctx, now_utc, 0, errors));
        }
        check_contact_screens(&st, ctx, now_utc, errors);
        st.screen = SCREEN_HOME;
        st.idle_warning = true;
        st.last_input_ms = -(int64_t)ctx->config.idle_timeout_ms + 9000;
        dl_destroy(layout_state(&st, ctx, now_utc, 0, errors));
        st.idle_warning = false;
        for (int t = 0; t < TOPIC_COUNT; t++) {
            st.screen = SCREEN_TOPIC;
            st.topic = t;
            size_t n = services_in_topic(s, t, NULL, 0);
            for (int p = 0; p * SERVICES_PER_PAGE < (int)n || p == 0; p++) {
                st.page = p;
                dl_destroy(layout_state(&st, ctx, now_utc, 0, errors));
            }
        }
        st.page = 0;
        for (size_t i = 0; i < s->n_services; i++) {
            st.screen = SCREEN_SERVICE;
            st.service = (int)i;
            dl_destroy(layout_state(&st, ctx, now_utc, 0, errors));
        }
    }
    return errors->count - before;
}
