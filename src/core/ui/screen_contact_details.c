/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_contact_details.c - contact step 3: her name and phone number, both optional
 * unless she asked for a call or a text, typed on the on-screen keys. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "request/phone.h"
#include "ui/ui_contact.h"

static const char *hint_text(const lay *L)
{
    const ui_contact *c = &L->st->contact;
    switch (c->hint) {
    case HINT_PHONE_NEEDED:
        return T(L, "Please type your phone number, so that she can reach you.");
    case HINT_PHONE_INVALID:
        switch ((phone_result)c->hint_arg) {
        case PHONE_NO_AREA_CODE:
            return T(L, "Please type the number with the area code, e.g. 0221 …");
        case PHONE_TOO_SHORT:
            return T(L, "This number looks too short. Please check it.");
        case PHONE_TOO_LONG:
            return T(L, "This number looks too long. Please check it.");
        default:
            return T(L, "This does not look like a phone number. Please check it.");
        }
    case HINT_NAME_FULL:
        return T(L, "The name is complete: there is no more room.");
    case HINT_NONE:
        break;
    }
    return NULL;
}

static void field(lay *L, const char *id, const char *label, const char *value,
                  const char *placeholder, bool focused, int x, int w, int arg)
{
    int y = CONTENT_Y;
    char *lid = xasprintf("%s.label", id);
    lay_text(L, lid, label, x, y, w, 34, (text_style){24, 18, true, COL_TEXT, ALIGN_START, false},
             NULL);
    free(lid);
    if (focused) {
        dl_elem *ring = lay_box(L, NULL, x - 4, y + 36, w + 8, 72, COL_PRIMARY, 16);
        free(ring->id);
        ring->id = xasprintf("%s.focus", id);
    }
    dl_elem *bg = lay_box(L, NULL, x, y + 40, w, 64, COL_CARD, 12);
    free(bg->id);
    bg->id = xasprintf("%s.box", id);
    bg->action = (dl_action){ACT_FIELD, arg};
    bool empty = value[0] == '\0';
    text_style ts = {32, 20, !empty, empty ? COL_MUTED : COL_TEXT, ALIGN_START, true};
    lay_text(L, id, empty ? placeholder : value, x + 16, y + 40, w - 32, 64, ts, NULL);
}

static void key(lay *L, const char *id, const char *label, int x, int y, int w, int h, int act,
                int arg, uint32_t bg, dl_icon icon)
{
    /* Keyboards and number pads keep their physical order in right-to-left languages (an
     * Arabic keyboard, too, starts with ض on the left): placed mirrored here, the final
     * mirroring of the whole screen puts them back. */
    if (L->d->rtl)
        x = 1280 - x - w;
    button_style bs = {
        bg, bg == COL_PRIMARY ? COL_WHITE : COL_TEXT, 30, 18, icon, 36, false, ALIGN_CENTER, false};
    dl_elem *e = lay_button(L, id, label, x, y, w, h, bs, act, arg, NULL);
    e->radius = S(L, 10);
    e->pad_x = S(L, 4);
}

static void layout_keyboard(lay *L, int top, int bottom)
{
    const ui_contact *c = &L->st->contact;
    int gap = 8;
    if (c->typing_phone) {
        /* A big number pad in the middle: 1-9, then + 0 and delete. */
        int kw = 200, kh = (bottom - top - 3 * gap) / 4, x0 = (1280 - 3 * kw - 2 * gap) / 2;
        for (size_t i = 0; i < UI_KB_PHONE_KEYS; i++) {
            char *id = xasprintf("key.%s", ui_kb_phone_keys[i]);
            int row = (int)i / 3, col = (int)i % 3;
            key(L, id, ui_kb_phone_keys[i], x0 + col * (kw + gap), top + row * (kh + gap), kw, kh,
                ACT_KEY, (int)i, COL_CARD, ICON_NONE);
            free(id);
        }
        key(L, "key.delete", "⌫", x0 + 2 * (kw + gap), top + 3 * (kh + gap), kw, kh, ACT_KEY_DELETE,
            0, COL_CARD_ALT, ICON_NONE);
        return;
    }
    kb_keys k;
    ui_kb_keys(c->keyboard, c->shift, &k);
    int rows = k.n_rows + 1;
    int kh = (bottom - top - (rows - 1) * gap) / rows;
    int kw = (1184 - 11 * gap) / 12;
    for (int r = 0; r < k.n_rows; r++) {
        int in_row = 0, first = -1;
        for (int i = 0; i < k.n; i++)
            if (k.row[i] == r) {
                if (first < 0)
                    first = i;
                in_row++;
            }
        int x0 = 48 + (1184 - in_row * kw - (in_row - 1) * gap) / 2;
        for (int j = 0; j < in_row; j++) {
            char *id = xasprintf("key.%s", k.key[first + j]);
            key(L, id, k.key[first + j], x0 + j * (kw + gap), top + r * (kh + gap), kw, kh, ACT_KEY,
                first + j, COL_CARD, ICON_NONE);
            free(id);
        }
    }
    int y = top + k.n_rows * (kh + gap);
    if (ui_kb_has_case(c->keyboard))
        key(L, "key.shift", "⇧", 48, y, 2 * kw + gap, kh, ACT_KEY_SHIFT, 0,
            c->shift ? COL_PRIMARY : COL_CARD_ALT, ICON_NONE);
    int next = (c->keyboard + 1) % ui_kb_count();
    key(L, "key.layout", ui_kb_label(next), 48 + 2 * (kw + gap), y, 2 * kw + gap, kh,
        ACT_KEY_LAYOUT, 0, COL_CARD_ALT, ICON_NONE);
    key(L, "key.space", "␣", 48 + 4 * (kw + gap), y, 6 * kw + 5 * gap, kh, ACT_KEY_SPACE, 0,
        COL_CARD, ICON_NONE);
    key(L, "key.delete", "⌫", 48 + 10 * (kw + gap), y, 2 * kw + gap, kh, ACT_KEY_DELETE, 0,
        COL_CARD_ALT, ICON_NONE);
}

void ui_contact_details_layout(lay *L)
{
    const ui_contact *c = &L->st->contact;
    ui_contact_step_header(L, 3);
    bool need_phone = c->channel == CHANNEL_PHONE || c->channel == CHANNEL_SMS;
    field(L, "contact.name", T(L, "First name or nickname (optional)"), c->name, T(L, "(optional)"),
          !c->typing_phone, 48, 560, 0);
    field(L, "contact.phone",
          need_phone ? T(L, "Your phone number") : T(L, "Phone number (optional)"), c->phone,
          need_phone ? "" : T(L, "(optional)"), c->typing_phone, 672, 560, 1);
    const char *hint = hint_text(L);
    int top = CONTENT_Y + 116;
    if (hint)
        lay_text(L, "contact.hint", hint, 48, top, 1184, 40,
                 (text_style){26, 18, true, COL_CANCELLED, ALIGN_CENTER, true}, NULL);
    layout_keyboard(L, top + 44, BAR_Y - 12);
    ui_contact_bar(L, T(L, "Next"), ACT_CONTACT_NEXT, true, COL_PRIMARY);
}
