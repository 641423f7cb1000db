/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_contact_sorry.c - the request could not be saved (too many just now, or a
 * fault): the staff will help. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "ui/ui_contact.h"

void ui_contact_sorry_layout(lay *L)
{
    lay_header(L, T(L, "Contact me"));
    dl_elem *ic = dl_push(L->d, ROLE_ICON, "sorry.icon", NULL);
    ic->icon = ICON_WARNING;
    ic->fg = COL_CANCELLED;
    ic->x = S(L, 1280 / 2 - 56);
    ic->y = S(L, CONTENT_Y + 8);
    ic->w = ic->h = ic->icon_size = S(L, 112);
    const char *msg =
        L->st->contact.hint_arg == SUBMIT_FLOOD
            ? T(L, "Several requests were sent from here just now. Please speak to the Kita "
                   "staff: they will help you reach the social worker.")
            : T(L, "Sorry, your request could not be saved. Please speak to the Kita staff: they "
                   "will help you reach the social worker.");
    lay_text(L, "sorry.text", msg, 120, CONTENT_Y + 140, 1040, 200,
             (text_style){34, 24, false, COL_TEXT, ALIGN_CENTER, false}, NULL);
    button_style bs = {COL_PRIMARY, COL_WHITE, 34, 24, ICON_HOME, 44, false, ALIGN_CENTER, false};
    lay_button(L, "sorry.ok", T(L, "Back to the start"), 400, BAR_Y, 480, BAR_H - 8, bs, ACT_DONE,
               0, NULL);
}
