/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_out_of_order.c - shown when no valid site content was ever loaded. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "time/when.h"
#include "ui/ui_lay.h"

void ui_out_of_order_layout(lay *L)
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
