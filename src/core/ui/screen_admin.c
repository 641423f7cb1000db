/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_admin.c - the social worker's site visit: the staff session (the hidden entry,
 * its preconditions, the answers of the app), and the staff screen: the waiting requests
 * and the export to the USB stick. The PIN pad and the hours editor have their own files.
 *
 * The core never sees the PIN hash, the store or the stick: checking the PIN, exporting
 * and saving a change are effects the app performs (ui_take_effect) and reports back
 * (ui_pin_done, ui_pin_locked, ui_admin_done). The session ends when the staff area is
 * left by any path (ui.c wipes ui_state.admin, the typed PIN with it). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "time/schedule.h"
#include "time/when.h"
#include "ui/ui_lay.h"

void ui_admin_begin(ui_state *st, const ui_ctx *ctx)
{
    /* A new staff session: whatever was open is ended first (a hold on the start screen
     * is never a way back into an old one). */
    ui_go(st, ctx, SCREEN_HOME);
    st->admin.entered = true;
    if (!ui_go(st, ctx, SCREEN_ADMIN_PIN)) {
        secure_zero(&st->admin, sizeof(st->admin));
        return;
    }
    st->effect.kind = UI_FX_ADMIN_ENTER;
}

bool ui_admin_pin_ready(const ui_state *st, const ui_ctx *ctx)
{
    (void)ctx;
    return st->admin.entered;
}

bool ui_admin_ready(const ui_state *st, const ui_ctx *ctx)
{
    (void)ctx;
    return st->admin.entered && st->admin.unlocked;
}

/* Seconds the PIN pad is still locked at mono_ms. */
int64_t ui_admin_locked_left(const ui_admin *a, int64_t mono_ms)
{
    if (a->locked_s <= 0)
        return 0;
    int64_t left = a->locked_s - (mono_ms - a->locked_at) / 1000;
    return left > 0 ? left : 0;
}

void ui_pin_done(ui_state *st, bool ok, int64_t locked_s, int64_t mono_ms)
{
    ui_admin *a = &st->admin;
    secure_zero(a->pin, sizeof(a->pin));
    if (st->screen != SCREEN_ADMIN_PIN || !a->entered)
        return; /* the pad was left meanwhile: the answer belongs to no session */
    a->pin_wrong = !ok;
    a->locked_s = locked_s > 0 ? locked_s : 0;
    a->locked_at = mono_ms;
    if (ok) {
        a->msg = ADMIN_MSG_NONE;
        a->unlocked = true;
        st->screen = SCREEN_ADMIN; /* within the staff area: nothing to wipe */
        st->page = 0;
    }
}

void ui_pin_locked(ui_state *st, int64_t locked_s, int64_t mono_ms)
{
    st->admin.locked_s = locked_s > 0 ? locked_s : 0;
    st->admin.locked_at = mono_ms;
}

void ui_admin_done(ui_state *st, admin_message msg, size_t count, const char *text)
{
    if (!st->admin.unlocked)
        return; /* the session ended meanwhile */
    st->admin.msg = msg;
    st->admin.msg_count = count;
    snprintf(st->admin.msg_text, sizeof(st->admin.msg_text), "%s", text ? text : "");
}

size_t ui_admin_occurrences(const ui_ctx *ctx, int64_t now_utc, occurrence *out, size_t max)
{
    const site *s = ctx->site;
    if (!s)
        return 0;
    return ui_schedule(ctx, -1, s->here, now_utc, true, out, max);
}

size_t ui_admin_here_workers(const ui_ctx *ctx, int *out, size_t max)
{
    return site_workers_at(ctx->site, ctx->site->here, out, max);
}

bool ui_admin_action(ui_state *st, const ui_ctx *ctx, const dl *shown, dl_action act)
{
    (void)shown;
    ui_admin *a = &st->admin;
    switch (act.kind) {
    case ACT_ADMIN_EXPORT:
        a->msg = ADMIN_MSG_NONE;
        st->effect.kind = UI_FX_EXPORT;
        return true;
    case ACT_ADMIN_HOURS:
        a->msg = ADMIN_MSG_NONE;
        a->worker = 0;
        a->day = 1;
        a->start_min = 14 * 60;
        a->end_min = 16 * 60;
        return ui_go(st, ctx, SCREEN_ADMIN_HOURS);
    case ACT_ADMIN_LEAVE:
        return ui_go(st, ctx, SCREEN_HOME);
    default:
        return false;
    }
}

static const char *admin_message_text(const lay *L, char **owned)
{
    const ui_admin *a = &L->st->admin;
    char n[24];
    snprintf(n, sizeof(n), "%zu", a->msg_count);
    switch (a->msg) {
    case ADMIN_MSG_EXPORTED:
        *owned = fmt_named(i18n_ui_n(L->ctx->i18n, L->st->lang,
                                     "{n} request saved on the USB stick as {file}. It was "
                                     "checked and removed from this device.",
                                     "{n} requests saved on the USB stick as {file}. They were "
                                     "checked and removed from this device.",
                                     (unsigned long)a->msg_count),
                           "n", n, "file", a->msg_text, NULL);
        return *owned;
    case ADMIN_MSG_NOTHING:
        return T(L, "There are no requests to export.");
    case ADMIN_MSG_NO_STICK:
        return T(L, "No USB stick found. Please plug in the stick and try again. The requests "
                    "stay on this device.");
    case ADMIN_MSG_READ_ONLY:
        return T(L, "The USB stick is write-protected. Nothing was exported; the requests stay "
                    "on this device.");
    case ADMIN_MSG_FULL:
        return T(L, "The USB stick is full. Nothing was exported; the requests stay on this "
                    "device.");
    case ADMIN_MSG_EXPORT_FAILED:
        return T(L, "The export did not work (the stick was removed or is damaged). The requests "
                    "stay on this device.");
    case ADMIN_MSG_SAVED:
        return T(L, "Saved. The start screen shows it now.");
    case ADMIN_MSG_SAVE_FAILED:
        return T(L, "The change could not be saved.");
    case ADMIN_MSG_HOUR_GONE:
        return T(L, "This consultation hour is over or was changed meanwhile. Nothing was "
                    "changed.");
    case ADMIN_MSG_NONE:
        break;
    }
    return NULL;
}

void ui_admin_message_line(lay *L, int y)
{
    char *owned = NULL;
    const char *msg = admin_message_text(L, &owned);
    if (msg) {
        bool good = L->st->admin.msg == ADMIN_MSG_EXPORTED || L->st->admin.msg == ADMIN_MSG_SAVED;
        lay_box(L, "admin.message.bg", 48, y, 1184, 96, good ? 0xE3F1E4 : 0xFBE3E1, 14);
        lay_text(L, "admin.message", msg, 72, y, 1136, 96,
                 (text_style){26, 18, true, good ? 0x1E4D20 : COL_CANCELLED, ALIGN_START, true},
                 NULL);
    }
    free(owned);
}

void ui_admin_layout(lay *L)
{
    const ui_status *s = &L->ctx->status;
    lay_header(L, T(L, "Site visit"));
    lay_box(L, "admin.queue.bg", 48, CONTENT_Y, 1184, 120, COL_CARD, 20);
    char *line;
    if (s->queue_count) {
        char n[24];
        snprintf(n, sizeof(n), "%zu", s->queue_count);
        civil_date d;
        char *date = civil_parse_date(s->queue_oldest, &d)
                         ? i18n_short_date(L->ctx->i18n, L->st->lang, d)
                         : xstrdup(s->queue_oldest);
        line =
            fmt_named(i18n_ui_n(L->ctx->i18n, L->st->lang, "{n} request is waiting (since {date})",
                                "{n} requests are waiting (the oldest since {date})",
                                (unsigned long)s->queue_count),
                      "n", n, "date", date, NULL);
        free(date);
    } else {
        line = xstrdup(T(L, "No requests are waiting."));
    }
    lay_text(L, "admin.queue", line, 80, CONTENT_Y, 1120, 120,
             (text_style){36, 24, true, COL_TEXT, ALIGN_START, true}, NULL);
    free(line);
    int y = CONTENT_Y + 140, gap = 24, w = (1184 - 2 * gap) / 3, h = 220;
    button_style bs = {COL_PRIMARY, COL_WHITE, 30, 20, ICON_CONTACT, 72, true, ALIGN_CENTER, false};
    lay_button(L, "admin.export", T(L, "Export to USB stick"), 48, y, w, h, bs, ACT_ADMIN_EXPORT, 0,
               NULL);
    bs.icon = ICON_CALENDAR;
    lay_button(L, "admin.hours", T(L, "Consultation hours"), 48 + w + gap, y, w, h, bs,
               ACT_ADMIN_HOURS, 0, NULL);
    bs.icon = ICON_HOME;
    bs.bg = COL_CARD_ALT;
    bs.fg = COL_TEXT;
    lay_button(L, "admin.leave", T(L, "Back to the kiosk"), 48 + 2 * (w + gap), y, w, h, bs,
               ACT_ADMIN_LEAVE, 0, NULL);
    ui_admin_message_line(L, y + h + 16);
    if (!L->st->admin.msg && s->store_aside) {
        char *note = fmt_named(T(L, "The request database was damaged and was put aside as "
                                    "{file}. A new one was started; requests in the old file "
                                    "could not be read."),
                               "file", s->store_aside, NULL);
        lay_text(L, "admin.notice", note, 48, y + h + 16, 1184, 96,
                 (text_style){24, 18, false, COL_CANCELLED, ALIGN_START, true}, NULL);
        free(note);
    }
}
