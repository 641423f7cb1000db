/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_menu.c - "How can we help?": hours, help and advice, contact me, take it home. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "time/when.h"
#include "ui/ui_lay.h"

void ui_menu_layout(lay *L)
{
    lay_header(L, T(L, "How can we help?"));
    struct {
        const char *id, *label;
        dl_icon icon;
        int act;
    } items[] = {
        {"menu.hours", N_("When is the social worker here?"), ICON_CLOCK, ACT_HOURS},
        {"menu.help", N_("Help and advice"), ICON_HELP, ACT_TOPICS},
        {"menu.contact", N_("Contact me"), ICON_CONTACT, ACT_CONTACT},
        {"menu.takehome", N_("Take it home (QR)"), ICON_QR, ACT_QR_OPEN},
    };
    int gap = 24, w = (1280 - 2 * 48 - gap) / 2;
    int h = (CONTENT_BOTTOM - CONTENT_Y - gap) / 2;
    for (size_t i = 0; i < ARRAY_LEN(items); i++) {
        button_style bs = {COL_PRIMARY, COL_WHITE, 36,           26,   items[i].icon,
                           110,         true,      ALIGN_CENTER, false};
        /* Without the worker's key nothing could be sealed: the tile stays, greyed out,
         * with a note for the staff (never a plaintext fallback). */
        bool off = items[i].act == ACT_NONE ||
                   (items[i].act == ACT_CONTACT && !L->ctx->status.contact_ready);
        bs.disabled = off;
        if (off)
            bs.bg = COL_CARD_ALT;
        int col = (int)i % 2, row = (int)i / 2;
        int x = 48 + col * (w + gap), y = CONTENT_Y + row * (h + gap);
        bool noted = items[i].act == ACT_CONTACT && off;
        if (noted) /* the tile, with room for the note below a shorter button */
            lay_box(L, "menu.contact.tile", x, y, w, h, bs.bg, 18);
        lay_button(L, items[i].id, T(L, items[i].label), x, y, w, noted ? h - 72 : h, bs,
                   items[i].act, 0, NULL);
        if (noted)
            lay_text(L, "menu.contact.note",
                     T(L, "Not set up yet. Staff: the social worker's key is missing in the "
                          "configuration."),
                     x + 24, y + h - 68, w - 48, 60,
                     (text_style){20, 16, false, COL_TEXT, ALIGN_CENTER, false}, NULL);
    }
}

/* ---- consultation hours ------------------------------------------------------------ */

bool ui_menu_action(ui_state *st, const ui_ctx *ctx, const dl *shown, dl_action a)
{
    (void)shown;
    switch (a.kind) {
    case ACT_HOURS:
        return ui_go(st, ctx, SCREEN_HOURS);
    case ACT_TOPICS:
        return ui_go(st, ctx, SCREEN_TOPICS);
    case ACT_CONTACT:
        return ui_contact_begin(st, ctx);
    default:
        return false;
    }
}
