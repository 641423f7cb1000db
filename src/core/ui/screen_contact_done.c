/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_contact_done.c - contact step 5: the ticket code and the next consultation hour. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "ui/ui_contact.h"

void ui_contact_done_layout(lay *L)
{
    const ui_contact *c = &L->st->contact;
    ui_contact_step_header(L, 5);
    text_style h1 = {40, 28, true, COL_OK, ALIGN_CENTER, false};
    lay_text(L, "done.title", T(L, "Thank you! Your request has been saved."), 48, CONTENT_Y, 1184,
             60, h1, NULL);
    lay_text(L, "done.code.lead", T(L, "Your code:"), 48, CONTENT_Y + 76, 1184, 40,
             (text_style){28, 20, false, COL_MUTED, ALIGN_CENTER, false}, NULL);
    lay_box(L, "done.code.bg", 390, CONTENT_Y + 120, 500, 120, COL_CARD, 20);
    dl_elem *code = lay_text(L, "done.code", c->ticket, 390, CONTENT_Y + 120, 500, 120,
                             (text_style){88, 60, true, COL_TEXT, ALIGN_CENTER, true}, NULL);
    (void)code;
    lay_text(L, "done.code.hint",
             T(L, "Show this code at the consultation hour, or say it on the phone. Then the "
                  "social worker knows it is you."),
             48, CONTENT_Y + 256, 1184, 80,
             (text_style){28, 20, false, COL_TEXT, ALIGN_CENTER, false}, NULL);
    char *when = ui_contact_next_hour(L);
    char *line = when ? fmt_named(T(L, "Next consultation hour: {when}"), "when", when, NULL)
                      : xstrdup(T(L, "No consultation hours planned at the moment."));
    lay_text(L, "done.next", line, 48, CONTENT_Y + 344, 1184, 60,
             (text_style){30, 22, true, COL_PRIMARY, ALIGN_CENTER, false}, NULL);
    free(line);
    free(when);
    button_style bs = {COL_PRIMARY, COL_WHITE, 34, 24, ICON_HOME, 44, false, ALIGN_CENTER, false};
    lay_button(L, "done.ok", T(L, "Done"), 200, BAR_Y, 400, BAR_H - 8, bs, ACT_DONE, 0, NULL);
    ui_qr_button(L, "done.qr", 680, BAR_Y, 400, BAR_H - 8, QR_TICKET);
}
