/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_admin_pin.c - the hidden staff entry's PIN pad: dots, never digits; locked for a
 * while after wrong PINs (the app keeps the count). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "time/schedule.h"
#include "time/when.h"
#include "ui/ui_lay.h"

#define PIN_MAX 8
#define PIN_MIN 4

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
        if (strlen(a->pin) < PIN_MIN || ui_admin_locked_left(a, st->last_input_ms) > 0 ||
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

static void pad_key(lay *L, const char *id, const char *label, int x, int y, int w, int h, int act,
                    int arg, bool enabled, uint32_t bg)
{
    if (L->d->rtl)
        x = 1280 - x - w; /* keeps 1-2-3 left to right (screen_contact_details.c key()) */
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
    int64_t left = ui_admin_locked_left(a, L->mono_ms);
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
