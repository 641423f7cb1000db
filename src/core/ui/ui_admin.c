/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* ui_admin.c - the social worker's site visit: the hidden entry's PIN pad, the admin
 * screen (waiting requests, export to the USB stick) and the consultation-hour changes.
 *
 * The core never sees the PIN hash, the store or the stick: checking the PIN, exporting
 * and saving a change are effects the app performs (ui_take_effect) and reports back
 * (ui_pin_done, ui_pin_locked, ui_admin_done). Admin mode ends when the screen leaves the
 * admin screens or at the idle timeout (ui_reset wipes the state, the typed PIN with it). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "time/schedule.h"
#include "ui/ui_lay.h"
#include "base/util.h"
#include "time/when.h"

#define PIN_MAX 8
#define PIN_MIN 4
#define FORM_DAYS 60
#define FORM_FIRST_MIN (6 * 60)
#define FORM_LAST_MIN (22 * 60)
#define FORM_STEP_MIN 30

enum { FORM_WORKER, FORM_DAY, FORM_START, FORM_END, FORM_FIELDS };

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
static int64_t locked_left(const ui_admin *a, int64_t mono_ms)
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

static size_t here_workers(const ui_ctx *ctx, int *out, size_t max)
{
    return site_workers_at(ctx->site, ctx->site->here, out, max);
}

bool ui_admin_new_hour(const ui_state *st, const ui_ctx *ctx, int64_t now_utc, occurrence *out)
{
    const ui_admin *a = &st->admin;
    memset(out, 0, sizeof(*out));
    if (!ctx->site)
        return false;
    int workers[8];
    size_t nw = here_workers(ctx, workers, ARRAY_LEN(workers));
    if (nw == 0 || a->worker < 0 || (size_t)a->worker >= nw)
        return false;
    if (a->day < 0 || a->day > FORM_DAYS || a->start_min >= a->end_min ||
        a->start_min < FORM_FIRST_MIN || a->end_min > FORM_LAST_MIN)
        return false;
    civil_date today = berlin_from_utc(now_utc).date;
    out->worker = workers[a->worker];
    out->kita = ctx->site->here;
    out->date = civil_date_from_days(civil_days_from_date(today) + a->day);
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

bool ui_admin_pin_action(ui_state *st, const ui_ctx *ctx, const dl *shown, dl_action act)
{
    (void)shown;
    ui_admin *a = &st->admin;
    switch (act.kind) {
    case ACT_PIN_DIGIT: {
        size_t n = strlen(a->pin);
        if (act.arg < 0 || act.arg > 9 || n >= PIN_MAX || !ctx->status.admin_ready)
            return false;
        a->pin[n] = (char)('0' + act.arg);
        a->pin_wrong = false;
        return true;
    }
    case ACT_PIN_DELETE: {
        size_t n = strlen(a->pin);
        if (!n)
            return false;
        a->pin[n - 1] = '\0';
        return true;
    }
    case ACT_PIN_OK:
        if (strlen(a->pin) < PIN_MIN || locked_left(a, st->last_input_ms) > 0 ||
            !ctx->status.admin_ready)
            return false;
        /* The effect carries the digits; the pad shows none while they are checked. */
        st->effect.kind = UI_FX_CHECK_PIN;
        memcpy(st->effect.pin, a->pin, sizeof(st->effect.pin));
        secure_zero(a->pin, sizeof(a->pin));
        return true;
    default:
        return false;
    }
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
        size_t nw = ctx->site ? here_workers(ctx, workers, ARRAY_LEN(workers)) : 0;
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

/* ---- layout ----------------------------------------------------------------------- */

static void pad_key(lay *L, const char *id, const char *label, int x, int y, int w, int h, int act,
                    int arg, bool enabled, uint32_t bg)
{
    if (L->d->rtl)
        x = 1280 - x - w; /* the pad keeps 1-2-3 left to right (see ui_contact.c key()) */
    button_style bs = {bg,        bg == COL_PRIMARY ? COL_WHITE : COL_TEXT,
                       40,        28,
                       ICON_NONE, 0,
                       false,     ALIGN_CENTER,
                       !enabled};
    lay_button(L, id, label, x, y, w, h, bs, act, arg, NULL);
}

void ui_admin_pin_layout(lay *L)
{
    const ui_admin *a = &L->st->admin;
    lay_header(L, T(L, "Staff access"));
    if (!L->ctx->status.admin_ready) {
        lay_text(L, "pin.off",
                 T(L, "Staff access is not set up: there is no Admin-PIN in the configuration."),
                 120, CONTENT_Y + 80, 1040, 160,
                 (text_style){34, 24, false, COL_TEXT, ALIGN_CENTER, false}, NULL);
        return;
    }
    int64_t left = locked_left(a, L->mono_ms);
    /* The PIN as dots: never the digits. */
    char dots[PIN_MAX * 4 + 1] = "";
    for (size_t i = 0; i < strlen(a->pin); i++)
        strcat(dots, "●");
    lay_text(L, "pin.lead", T(L, "Please enter the PIN."), 48, CONTENT_Y, 560, 48,
             (text_style){30, 22, true, COL_TEXT, ALIGN_START, false}, NULL);
    lay_box(L, "pin.dots.bg", 48, CONTENT_Y + 60, 560, 88, COL_CARD, 16);
    lay_text(L, "pin.dots", dots, 64, CONTENT_Y + 60, 528, 88,
             (text_style){44, 30, true, COL_TEXT, ALIGN_CENTER, true}, NULL);
    const char *msg = NULL;
    char *owned = NULL;
    if (left > 0) {
        int64_t minutes = (left + 59) / 60;
        char n[24];
        snprintf(n, sizeof(n), "%lld", (long long)minutes);
        owned = fmt_named(i18n_ui_n(L->ctx->i18n, L->st->lang,
                                    "Too many wrong PINs. Please try again in {n} minute.",
                                    "Too many wrong PINs. Please try again in {n} minutes.",
                                    (unsigned long)minutes),
                          "n", n, NULL);
        msg = owned;
    } else if (a->pin_wrong) {
        msg = T(L, "The PIN is not correct.");
    }
    if (msg)
        lay_text(L, "pin.message", msg, 48, CONTENT_Y + 164, 560, 120,
                 (text_style){28, 20, true, COL_CANCELLED, ALIGN_START, false}, NULL);
    free(owned);
    /* The pad on the end side. */
    int kw = 180, gap = 12, x0 = 1280 - 48 - 3 * kw - 2 * gap, y0 = CONTENT_Y;
    int kh = (CONTENT_BOTTOM - y0 - 3 * gap) / 4;
    bool open = left == 0;
    for (int d = 1; d <= 9; d++) {
        char id[16], label[2] = {(char)('0' + d), '\0'};
        snprintf(id, sizeof(id), "pin.%d", d);
        pad_key(L, id, label, x0 + ((d - 1) % 3) * (kw + gap), y0 + ((d - 1) / 3) * (kh + gap), kw,
                kh, ACT_PIN_DIGIT, d, open, COL_CARD);
    }
    int y3 = y0 + 3 * (kh + gap);
    pad_key(L, "pin.delete", "⌫", x0, y3, kw, kh, ACT_PIN_DELETE, 0, open, COL_CARD_ALT);
    pad_key(L, "pin.0", "0", x0 + kw + gap, y3, kw, kh, ACT_PIN_DIGIT, 0, open, COL_CARD);
    pad_key(L, "pin.ok", T(L, "OK"), x0 + 2 * (kw + gap), y3, kw, kh, ACT_PIN_OK, 0,
            open && strlen(a->pin) >= PIN_MIN, COL_PRIMARY);
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

static void message_line(lay *L, int y)
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
    message_line(L, y + h + 16);
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
    size_t nw = here_workers(ctx, workers, ARRAY_LEN(workers));
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
    civil_date day = civil_date_from_days(civil_days_from_date(today) + a->day);
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
    message_line(L, CONTENT_BOTTOM - 96);
}
