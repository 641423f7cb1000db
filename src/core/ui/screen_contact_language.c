/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_contact_language.c - contact step 2b: which language the interpreter speaks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "ui/ui_contact.h"

/* Step 2b: which language the interpreter speaks - every language of the kiosk but
 * German, in big buttons (four columns; 17 languages fit in five rows). */
void ui_contact_language_layout(lay *L)
{
    const ui_contact *c = &L->st->contact;
    const i18n *t = L->ctx->i18n;
    ui_contact_step_header(L, 2);
    lay_text(L, "contact.language.question", T(L, "Which language should the interpreter speak?"),
             48, CONTENT_Y, 1184, 44, (text_style){30, 22, true, COL_TEXT, ALIGN_START, false},
             NULL);
    size_t n = 0;
    for (size_t i = 0; i < i18n_count(t); i++)
        n += !ui_contact_is_german(L->ctx, i);
    int cols = n > 15 ? 4 : 3, gap = 16, top = CONTENT_Y + 56;
    int rows = (int)((n + (size_t)cols - 1) / (size_t)cols);
    int bw = (1184 - (cols - 1) * gap) / cols;
    int bh = rows ? (BAR_Y - 12 - top - (rows - 1) * gap) / rows : 0;
    if (bh > 96)
        bh = 96;
    int k = 0;
    for (size_t i = 0; i < i18n_count(t); i++) {
        if (ui_contact_is_german(L->ctx, i))
            continue;
        const lang_info *li = i18n_lang(t, i);
        bool sel = (int)i == c->interpreter;
        button_style ls = {sel ? COL_SELECTED : COL_CARD_ALT,
                           sel ? COL_WHITE : COL_TEXT,
                           30,
                           20,
                           ICON_NONE,
                           0,
                           false,
                           ALIGN_CENTER,
                           false};
        char *id = xasprintf("contact.language.%s", li->code);
        lay_button(L, id, li->name, 48 + (k % cols) * (bw + gap), top + (k / cols) * (bh + gap), bw,
                   bh, ls, ACT_INTERPRETER, (int)i, NULL);
        free(id);
        k++;
    }
    ui_contact_bar(L, NULL, ACT_NONE, false, COL_PRIMARY);
}
