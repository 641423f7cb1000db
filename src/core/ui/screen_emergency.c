/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_emergency.c - the nationwide emergency numbers, reachable from every screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "time/when.h"
#include "ui/ui_lay.h"

void ui_emergency_layout(lay *L)
{
    lay_header(L, T(L, "Emergency numbers"));
    text_style lead = {28, 22, false, COL_TEXT, ALIGN_START, false};
    lay_text(L, "emergency.lead",
             T(L, "Free of charge from any phone. You can also call without German."), 48,
             CONTENT_Y, 1184, 44, lead, NULL);
    const ui_emergency_number *numbers = ui_emergency_numbers;
    int y = CONTENT_Y + 56, h = (CONTENT_BOTTOM - y) / (int)UI_EMERGENCY_NUMBERS;
    for (size_t i = 0; i < UI_EMERGENCY_NUMBERS; i++) {
        char *id = xasprintf("emergency.%zu", i);
        char *bid = xasprintf("emergency.%zu.bg", i);
        lay_box(L, bid, 48, y + (int)i * h, 1184, h - 8, i < 2 ? 0xFBE3E1 : COL_CARD, 12);
        text_style num = {40, 30, true, COL_EMERGENCY, ALIGN_START, true};
        char *nid = xasprintf("%s.number", id);
        lay_text(L, nid, numbers[i].number, 72, y + (int)i * h, 330, h - 8, num, NULL);
        free(nid);
        text_style lbl = {28, 20, false, COL_TEXT, ALIGN_START, true};
        lay_text(L, id, T(L, numbers[i].label), 420, y + (int)i * h, 790, h - 8, lbl, NULL);
        free(id);
        free(bid);
    }
}
