/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* ui.c - navigation, the idle timeout and the layout dispatch of the kiosk (see ui.h).
 *
 * Every move between screens goes through go(): it follows the screen table (screens.c),
 * never enters a screen whose precondition fails, and wipes what is left behind - the
 * contact request once no contact screen (or detour from one) holds it, the staff session
 * once the staff area is left by any path (Start, the emergency strip, Back, the idle
 * timeout, a language). Back is the table's parent, or for a detour (emergency numbers,
 * QR codes) the screen it was entered from, walked up the parents until a precondition
 * holds.
 *
 * Layout works in a 1280x800 design space scaled to the real screen (S()), always left
 * to right; for right-to-left languages the finished display list is mirrored at the
 * end, so no screen has to be written twice. Every text goes through text_fit_box: it
 * wraps, shrinks within limits and is flagged when it cannot fit, which --check-site
 * reports (ui_check_fit). */
#include "ui/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "request/phone.h"
#include "time/schedule.h"
#include "time/when.h"
#include "ui/ui_lay.h"

void ui_init(ui_state *st, int64_t mono_ms)
{
    memset(st, 0, sizeof(*st));
    ui_reset(st, mono_ms);
}

ui_state *ui_create(int64_t mono_ms)
{
    ui_state *st = xcalloc(1, sizeof(*st));
    ui_init(st, mono_ms);
    return st;
}

void ui_destroy(ui_state *st)
{
    if (!st)
        return;
    secure_zero(st, sizeof(*st));
    free(st);
}

void ui_reset(ui_state *st, int64_t mono_ms)
{
    /* Everything a parent chose or typed lives in this struct: wipe all of it. */
    secure_zero(st, sizeof(*st));
    st->screen = SCREEN_HOME;
    st->topic = -1;
    st->service = -1;
    for (int s = 0; s < SCREEN_COUNT; s++)
        st->came_from[s] = SCREEN_HOME;
    st->last_input_ms = mono_ms;
    st->contact.topic = -1;
    st->contact.interpreter = -1;
}

ui_screen ui_current_screen(const ui_state *st)
{
    return st->screen;
}

size_t ui_current_lang(const ui_state *st)
{
    return st->lang;
}

bool ui_at_rest(const ui_state *st)
{
    return st->screen == SCREEN_HOME && st->lang == 0 && !st->idle_warning;
}

/* At rest, does the state still hold something of the last visit (the services she
 * looked at, the topic, the page)? The idle timeout then forgets it. */
static bool visit_left(const ui_state *st)
{
    for (size_t i = 0; i < UI_SEEN_MAX; i++)
        if (st->seen[i])
            return true;
    return st->topic != -1 || st->service != -1 || st->page || st->topic_page || st->qr ||
           st->qr_item;
}

bool ui_staff_unlocked(const ui_state *st)
{
    return st->admin.unlocked;
}

bool ui_reading(const ui_state *st)
{
    return st->reading;
}

uint32_t ui_reading_serial(const ui_state *st)
{
    return st->reading_serial;
}

double ui_scale(const ui_config *c)
{
    double sx = c->width / 1280.0, sy = c->height / 800.0;
    return sx < sy ? sx : sy;
}

size_t ui_schedule(const ui_ctx *ctx, int worker, int kita, int64_t now_utc, bool include_cancelled,
                   occurrence *out, size_t max)
{
    return schedule_next_with(ctx->site, ctx->hours, worker, kita, now_utc, include_cancelled, out,
                              max);
}

/* ---- moving between screens --------------------------------------------------------- */

/* The flags of what holds data while s is shown: a detour holds what the screen it was
 * entered from held - except the staff session, which no detour keeps. */
static unsigned holder_flags(const ui_state *st, ui_screen s)
{
    for (int depth = 0; depth < SCREEN_COUNT; depth++) {
        const ui_screen_def *d = ui_screen_def_of(s);
        if (!(d->flags & SCR_DETOUR))
            return d->flags;
        s = st->came_from[s];
    }
    return 0;
}

bool ui_holds_contact(const ui_state *st)
{
    return holder_flags(st, st->screen) & SCR_CONTACT;
}

/* Move to s; back: returning (a detour gives back the page it was left on). */
static void move(ui_state *st, ui_screen s, bool back)
{
    ui_screen from = st->screen;
    const ui_screen_def *to = ui_screen_def_of(s);
    bool detour_out = ui_screen_def_of(from)->flags & SCR_DETOUR;
    if ((to->flags & SCR_DETOUR) && !back && s != from)
        st->came_from[s] = from;
    if (!(holder_flags(st, s) & SCR_CONTACT))
        ui_contact_clear(&st->contact);
    if (!(to->flags & SCR_STAFF_AREA))
        secure_zero(&st->admin, sizeof(st->admin));
    st->screen = s;
    /* The page of a list survives a detour (Back from the emergency numbers shows the same
     * page); anything else starts at the first page. */
    if (!(to->flags & SCR_DETOUR) && !(back && detour_out))
        st->page = 0;
}

bool ui_go(ui_state *st, const ui_ctx *ctx, ui_screen s)
{
    /* Check the precondition after the move's wiping (leaving the staff area ends the
     * session the staff screens need): undo if it fails. */
    ui_state before = *st;
    move(st, s, false);
    if (ui_screen_ready(st, ctx, s)) {
        secure_zero(&before, sizeof(before));
        return true;
    }
    *st = before;
    secure_zero(&before, sizeof(before));
    return false;
}

/* Where Back leads from the current screen: the parent, or where a detour was entered
 * from; then up the parents until a precondition holds (the home screen's always does). */
static void go_back(ui_state *st, const ui_ctx *ctx)
{
    ui_screen from = st->screen;
    const ui_screen_def *d = ui_screen_def_of(from);
    ui_screen target = (d->flags & SCR_DETOUR) ? st->came_from[from] : d->parent;
    for (int depth = 0; depth <= SCREEN_COUNT; depth++) {
        ui_state trial = *st;
        move(&trial, target, true);
        if (target == SCREEN_HOME || ui_screen_ready(&trial, ctx, target)) {
            *st = trial;
            secure_zero(&trial, sizeof(trial));
            break;
        }
        secure_zero(&trial, sizeof(trial));
        target = ui_screen_def_of(target)->parent;
    }
    /* From a service back to the page of the topic list it was opened from. */
    if (from == SCREEN_SERVICE && st->screen == SCREEN_TOPIC)
        st->page = st->topic_page;
}

/* ---- taps ---------------------------------------------------------------------------- */

/* Taps every screen takes: Start, Back, the emergency strip, "still here", take it home. */
static bool common_action(ui_state *st, const ui_ctx *ctx, dl_action a, bool *handled)
{
    *handled = true;
    switch (a.kind) {
    case ACT_HOME:
        return ui_go(st, ctx, SCREEN_HOME);
    case ACT_BACK:
        if (st->screen == SCREEN_HOME)
            return false;
        go_back(st, ctx);
        return true;
    case ACT_EMERGENCY:
        return st->screen != SCREEN_EMERGENCY && ui_go(st, ctx, SCREEN_EMERGENCY);
    case ACT_STILL_HERE:
        return true;
    case ACT_QR_OPEN:
        return ui_qr_open(st, ctx, a.arg);
    default:
        *handled = false;
        return false;
    }
}

static bool apply_action(ui_state *st, const ui_ctx *ctx, const dl *shown, dl_action a)
{
    bool handled;
    bool changed = common_action(st, ctx, a, &handled);
    if (handled)
        return changed;
    const ui_screen_def *d = ui_screen_def_of(st->screen);
    return d->action && d->action(st, ctx, shown, a);
}

ui_effect ui_take_effect(ui_state *st)
{
    ui_effect e = st->effect;
    secure_zero(&st->effect, sizeof(st->effect));
    st->effect.kind = UI_FX_NONE;
    return e;
}

void ui_effect_wipe(ui_effect *e)
{
    secure_zero(e, sizeof(*e));
}

/* The hidden admin entry: a long press in the top-left corner of the start screen. */
static bool admin_corner(const ui_ctx *ctx, const ui_event *ev)
{
    int corner = (int)(ADMIN_CORNER * ui_scale(&ctx->config) + 0.5);
    return ev->hold_ms >= ADMIN_HOLD_MS && ev->x >= 0 && ev->y >= 0 && ev->x < corner &&
           ev->y < corner;
}

bool ui_update(ui_state *st, const ui_ctx *ctx, const dl *current, const ui_event *ev,
               int64_t mono_ms)
{
    const ui_config *c = &ctx->config;
    if (ev->kind == UI_EV_TICK) {
        int64_t idle = mono_ms - st->last_input_ms;
        /* At rest the greeting's round of languages runs on from the moment the kiosk came
         * to rest, undisturbed: the idle timeout only forgets what a visit left (keeping
         * the moment), and once that is gone nothing times out. */
        if (ui_at_rest(st)) {
            if (idle < c->idle_timeout_ms || !visit_left(st))
                return false;
            ui_reset(st, st->last_input_ms);
            return true;
        }
        if (idle >= c->idle_timeout_ms) {
            ui_reset(st, mono_ms);
            return true;
        }
        bool warn = idle >= c->idle_timeout_ms - c->idle_warning_ms &&
                    !(st->screen == SCREEN_HOME && st->lang == 0);
        if (warn != st->idle_warning) {
            st->idle_warning = warn;
            if (!warn && ui_at_rest(st))
                st->last_input_ms = mono_ms;
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
    bool changed;
    if (ev->kind == UI_EV_BACK) {
        changed =
            st->screen != SCREEN_HOME && apply_action(st, ctx, current, (dl_action){ACT_BACK, 0});
    } else if (st->screen == SCREEN_HOME && admin_corner(ctx, ev)) {
        ui_admin_begin(st, ctx);
        changed = true;
    } else {
        const dl_elem *e = dl_hit(current, ev->x, ev->y);
        changed = e && apply_action(st, ctx, current, e->action);
    }
    return changed;
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
    int64_t idle = mono_ms - st->last_input_ms;
    if (ui_at_rest(st)) {
        /* The greeting's next language, if it goes round; the idle timeout only while a
         * visit left something to forget. */
        int64_t due = -1;
        int period = c->greeting_ms;
        if (period > 0 && i18n_count(ctx->i18n) >= 2)
            due = idle < 0 ? period : period - idle % period;
        if (visit_left(st)) {
            int64_t to_timeout = idle >= c->idle_timeout_ms ? 0 : c->idle_timeout_ms - idle;
            if (due < 0 || to_timeout < due)
                due = to_timeout;
        }
        return due;
    }
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

static dl *layout_state(const ui_state *st, const ui_ctx *ctx, int64_t now_utc, int64_t mono_ms,
                        site_errors *check)
{
    ui_screen scr = ctx->site ? st->screen : SCREEN_OUT_OF_ORDER;
    const lang_info *li = i18n_lang(ctx->i18n, st->lang);
    dl *d = dl_create(ui_screen_name(scr), li ? li->code : "de", li && li->rtl, ctx->config.width,
                      ctx->config.height);
    d->background = COL_BG;
    d->laid_out_utc = now_utc;
    lay L = {st, ctx, d, ui_scale(&ctx->config), now_utc, mono_ms, check};
    const ui_screen_def *def = ui_screen_def_of(scr);
    def->layout(&L);
    if (def->flags & SCR_HEADERLESS)
        return d;
    ui_emergency_strip(&L);
    if (st->idle_warning)
        idle_overlay(&L);
    if (d->rtl)
        ui_mirror(d);
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
    c->begun = true;
    c->topic = CONTACT_TOPIC_OTHER;
    c->channel = CHANNEL_SMS;
    c->interpreter = (int)(i18n_count(ctx->i18n) - 1);
    snprintf(c->name, sizeof(c->name), "%s", "Wwwwwwwwwwwwwwwwwwwwwwww");
    snprintf(c->phone, sizeof(c->phone), "%s", "+49 0000 00000000000");
    static const ui_screen steps[] = {SCREEN_CONTACT_HOW, SCREEN_CONTACT_LANGUAGE,
                                      SCREEN_CONTACT_DETAILS, SCREEN_CONTACT_CONSENT,
                                      SCREEN_CONTACT_DONE};
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
    c->sent = true;
    st->screen = SCREEN_CONTACT_DONE;
    dl_destroy(layout_state(st, ctx, now_utc, 0, errors));
    st->screen = SCREEN_CONTACT_SORRY;
    secure_zero(c->ticket, sizeof(c->ticket));
    for (int r = SUBMIT_FLOOD; r <= SUBMIT_FAILED; r++) {
        c->hint_arg = r;
        dl_destroy(layout_state(st, ctx, now_utc, 0, errors));
    }
    ui_contact_clear(c);
    static const ui_screen admin[] = {SCREEN_ADMIN_PIN, SCREEN_ADMIN, SCREEN_ADMIN_HOURS};
    for (size_t i = 0; i < ARRAY_LEN(admin); i++) {
        st->screen = admin[i];
        st->admin.entered = st->admin.unlocked = true;
        for (int m = ADMIN_MSG_NONE; m <= ADMIN_MSG_HOUR_GONE; m++) {
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
        st->contact.sent = true;
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
            size_t n = ui_services_in_topic(s, t, NULL, 0);
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
