/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* watch.c - the kiosk's rules checked over whole runs (see watch.h). It reads the state
 * through ui_state.h, like a test: the rules are about what the state may hold. */
#include "ui/watch.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "ui/ui_lay.h"

/* Texts typed (or the ticket) while on the contact screens, remembered to look for. */
#define WATCH_SECRETS 3

struct ui_watch {
    char message[512]; /* the first broken rule, or "" */
    unsigned long frames;
    /* staff */
    unsigned long pins_seen;
    bool pin_since_nonstaff;
    /* privacy */
    char secrets[WATCH_SECRETS][64];
    bool was_private;
    unsigned long caches_seen;
    /* greeting */
    bool resting;
    int64_t rest_anchor;
};

ui_watch *ui_watch_create(void)
{
    return xcalloc(1, sizeof(ui_watch));
}

void ui_watch_destroy(ui_watch *w)
{
    if (!w)
        return;
    secure_zero(w, sizeof(*w));
    free(w);
}

unsigned long ui_watch_frames(const ui_watch *w)
{
    return w->frames;
}

static const char *broken(ui_watch *w, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = snprintf(w->message, sizeof(w->message), "frame %lu: ", w->frames);
    if (n > 0 && (size_t)n < sizeof(w->message))
        vsnprintf(w->message + n, sizeof(w->message) - (size_t)n, fmt, ap);
    va_end(ap);
    return w->message;
}

static bool all_zero(const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        if (b[i])
            return false;
    return true;
}

static void remember(ui_watch *w, const char *s)
{
    if (!s[0])
        return;
    for (int i = 0; i < WATCH_SECRETS; i++)
        if (strcmp(w->secrets[i], s) == 0)
            return;
    /* The oldest goes: keep the last few texts typed. */
    memmove(w->secrets[1], w->secrets[0], sizeof(w->secrets[0]) * (WATCH_SECRETS - 1));
    snprintf(w->secrets[0], sizeof(w->secrets[0]), "%s", s);
}

/* Does the element show secret s? Short texts must be the whole element (a name "Eva"
 * is not a find in "Evangelische Beratung"); long ones may sit inside a longer text. */
static bool text_shows(const char *text, const char *s, size_t n)
{
    return text && (strcmp(text, s) == 0 || (n >= 8 && strstr(text, s)));
}

static bool shows(const dl_elem *e, const char *s)
{
    size_t n = strlen(s);
    if (text_shows(e->text, s, n))
        return true;
    for (size_t l = 0; l < e->n_lines; l++)
        if (text_shows(e->lines[l], s, n))
            return true;
    return false;
}

static const char *check_staff(ui_watch *w, ui_screen scr, unsigned long pins_accepted)
{
    if (pins_accepted > w->pins_seen)
        w->pin_since_nonstaff = true;
    w->pins_seen = pins_accepted;
    if (!ui_is_staff_screen(scr)) {
        w->pin_since_nonstaff = false;
        return NULL;
    }
    if (!w->pin_since_nonstaff)
        return broken(w,
                      "staff screen '%s' shown without the right PIN since the last "
                      "screen that was not a staff screen",
                      ui_screen_name(scr));
    return NULL;
}

static const char *check_privacy(ui_watch *w, const ui_state *st, ui_screen scr, const dl *shown,
                                 unsigned long caches_emptied)
{
    bool priv = ui_is_private_screen(scr);
    if (priv) {
        remember(w, st->contact.name);
        remember(w, st->contact.phone);
        remember(w, st->contact.ticket);
    }
    const char *msg = NULL;
    if (!priv && w->was_private && caches_emptied == w->caches_seen)
        msg = broken(w, "a private screen was left for '%s' without emptying the caches",
                     ui_screen_name(scr));
    w->caches_seen = caches_emptied;
    w->was_private = priv;
    if (msg)
        return msg;
    if (!priv) {
        for (size_t i = 0; i < shown->n_elems; i++)
            for (int s = 0; s < WATCH_SECRETS; s++)
                if (w->secrets[s][0] && shows(&shown->elems[i], w->secrets[s]))
                    return broken(w,
                                  "screen '%s' shows what was typed on a private screen "
                                  "(element '%s')",
                                  ui_screen_name(scr), shown->elems[i].id);
    }
    if (!ui_holds_contact(st)) {
        const ui_contact *c = &st->contact;
        if (!all_zero(c->name, sizeof(c->name)) || !all_zero(c->phone, sizeof(c->phone)) ||
            !all_zero(c->ticket, sizeof(c->ticket)))
            return broken(w, "the contact request's texts are still in the state on '%s'",
                          ui_screen_name(scr));
        /* Forgotten for good: the same text typed again later is new. */
        secure_zero(w->secrets, sizeof(w->secrets));
    }
    if (!ui_staff_unlocked(st) && !all_zero(st->admin.pin, sizeof(st->admin.pin)) &&
        !(ui_screen_def_of(scr)->flags & SCR_STAFF_AREA))
        return broken(w, "PIN digits are still in the state on '%s'", ui_screen_name(scr));
    return NULL;
}

static const char *check_greeting(ui_watch *w, const ui_state *st, const ui_ctx *ctx,
                                  const dl *shown, int64_t mono_ms)
{
    int period = ctx->config.greeting_ms;
    size_t n = i18n_count(ctx->i18n);
    bool resting = ui_at_rest(st) && ctx->site;
    if (!resting || period <= 0 || n < 2) {
        w->resting = false;
        return NULL;
    }
    if (!w->resting || w->rest_anchor != st->last_input_ms) {
        w->resting = true; /* came to rest (or a touch at rest began the round again) */
        w->rest_anchor = st->last_input_ms;
    }
    int64_t resting_ms = mono_ms - w->rest_anchor;
    if (resting_ms < 0)
        return NULL;
    size_t lang = (size_t)((resting_ms / period) % (int64_t)n);
    const char *want = i18n_ui(ctx->i18n, lang, UI_GREETING);
    for (size_t i = 0; i < shown->n_elems; i++) {
        const dl_elem *e = &shown->elems[i];
        if (!e->id || strcmp(e->id, "greeting") != 0)
            continue;
        if (e->text && strcmp(e->text, want) == 0)
            return NULL;
        const lang_info *li = i18n_lang(ctx->i18n, lang);
        return broken(w, "at rest for %lld ms the greeting should be in %s (\"%s\") but is \"%s\"",
                      (long long)resting_ms, li ? li->code : "?", want, e->text ? e->text : "");
    }
    return broken(w, "at rest but no greeting on screen '%s'", shown->screen);
}

const char *ui_watch_step(ui_watch *w, const ui_state *st, const ui_ctx *ctx, const dl *shown,
                          unsigned long pins_accepted, unsigned long caches_emptied,
                          int64_t mono_ms)
{
    if (w->message[0])
        return w->message;
    if (!shown)
        return NULL;
    w->frames++;
    ui_screen scr = ui_screen_find(shown->screen);
    if (scr == SCREEN_COUNT)
        return broken(w, "unknown screen '%s' shown", shown->screen);
    if (ctx->site && scr != st->screen)
        return broken(w, "screen '%s' shown while the state is on '%s'", shown->screen,
                      ui_screen_name(st->screen));
    if (ctx->site && !ui_screen_ready(st, ctx, scr))
        return broken(w, "screen '%s' shown but its precondition does not hold",
                      ui_screen_name(scr));
    const char *m = check_staff(w, scr, pins_accepted);
    if (!m)
        m = check_privacy(w, st, scr, shown, caches_emptied);
    if (!m)
        m = check_greeting(w, st, ctx, shown, mono_ms);
    return m;
}
