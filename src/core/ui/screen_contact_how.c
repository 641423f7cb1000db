/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_contact_how.c - contact step 2: how she wants to talk (at the consultation hour,
 * a call, a text message) and whether she needs an interpreter. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "ui/ui_contact.h"

static void choice(lay *L, const char *id, const char *label, const char *detail, dl_icon icon,
                   bool selected, int x, int y, int w, int h, int act, int arg)
{
    button_style bs = {selected ? COL_SELECTED : COL_CARD,
                       selected ? COL_WHITE : COL_TEXT,
                       28,
                       18,
                       icon,
                       48,
                       false,
                       ALIGN_START,
                       false};
    char *text = detail ? xasprintf("%s\n%s", label, detail) : xstrdup(label);
    lay_button(L, id, text, x, y, w, h, bs, act, arg, NULL);
    free(text);
}

void ui_contact_how_layout(lay *L)
{
    const ui_contact *c = &L->st->contact;
    const i18n *t = L->ctx->i18n;
    ui_contact_step_header(L, 2);
    text_style q = {30, 22, true, COL_TEXT, ALIGN_START, false};
    lay_text(L, "contact.how.question", T(L, "How would you like to talk?"), 48, CONTENT_Y, 1184,
             44, q, NULL);
    int top = CONTENT_Y + 52, gap = 20, w = (1280 - 2 * 48 - 2 * gap) / 3, h = 150;
    char *when = ui_contact_next_hour(L);
    choice(L, "contact.how.visit", T(L, "At the consultation hour here"),
           when ? when : T(L, "No consultation hours planned at the moment."), ICON_CLOCK,
           c->channel == CHANNEL_VISIT, 48, top, w, h, ACT_CHANNEL, CHANNEL_VISIT);
    free(when);
    choice(L, "contact.how.phone", T(L, "She calls me"), NULL, ICON_PHONE,
           c->channel == CHANNEL_PHONE, 48 + w + gap, top, w, h, ACT_CHANNEL, CHANNEL_PHONE);
    choice(L, "contact.how.sms", T(L, "She sends me a text message"), NULL, ICON_CONTACT,
           c->channel == CHANNEL_SMS, 48 + 2 * (w + gap), top, w, h, ACT_CHANNEL, CHANNEL_SMS);

    int y = top + h + 16;
    lay_text(L, "contact.interpreter.question", T(L, "Do you need an interpreter?"), 48, y, 560, 64,
             (text_style){28, 20, true, COL_TEXT, ALIGN_START, true}, NULL);
    button_style no = {c->interpreter < 0 ? COL_SELECTED : COL_CARD,
                       c->interpreter < 0 ? COL_WHITE : COL_TEXT,
                       28,
                       20,
                       ICON_NONE,
                       0,
                       false,
                       ALIGN_CENTER,
                       false};
    lay_button(L, "contact.interpreter.no", T(L, "No"), 624, y, 280, 64, no, ACT_INTERPRETER, -1,
               NULL);
    button_style yes = no;
    yes.bg = c->interpreter >= 0 ? COL_SELECTED : COL_CARD;
    yes.fg = c->interpreter >= 0 ? COL_WHITE : COL_TEXT;
    lay_button(L, "contact.interpreter.yes", T(L, "Yes"), 920, y, 312, 64, yes, ACT_INTERPRETER, -2,
               NULL);
    if (c->interpreter >= 0) {
        /* The language chosen, and the way to another one (the second step). */
        const lang_info *li = i18n_lang(t, (size_t)c->interpreter);
        char *which =
            fmt_named(T(L, "Interpreter: {language}"), "language", li ? li->name : "", NULL);
        lay_text(L, "contact.interpreter.chosen", which, 48, y + 80, 760, 72,
                 (text_style){30, 22, true, COL_TEXT, ALIGN_START, true}, NULL);
        free(which);
        button_style other = {COL_CARD_ALT, COL_TEXT, 26,           18,   ICON_LANGUAGE,
                              36,           false,    ALIGN_CENTER, false};
        lay_button(L, "contact.interpreter.other", T(L, "Another language"), 824, y + 80, 408, 72,
                   other, ACT_INTERPRETER, -3, NULL);
    }
    ui_contact_bar(L, T(L, "Next"), ACT_CONTACT_NEXT, c->channel != CHANNEL_NONE, COL_PRIMARY);
}
