/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* ui_contact.h - internal to the contact request's screens (contact.c, keyboard.c,
 * screen_contact_*.c): what the steps share. */
#ifndef LOTSE_UI_CONTACT_H
#define LOTSE_UI_CONTACT_H

#include "ui/ui_lay.h"

#define BAR_Y (CONTENT_BOTTOM - 88)
#define BAR_H 88
#define COL_OK 0x2E6B30

/* The step header: "Contact me · step 2 of 5" as the title. */
void ui_contact_step_header(lay *L, int step);
/* The bottom bar: Cancel on the start side, the forward button (if next_label) on the end
 * side. */
void ui_contact_bar(lay *L, const char *next_label, int next_act, bool next_enabled,
                    uint32_t next_bg);
/* The next consultation hour here in words, or NULL if none is planned. Caller frees. */
char *ui_contact_next_hour(const lay *L);
/* The title (msgid) of a contact topic, "Something else" included. */
const char *ui_contact_topic_title(int topic);
/* Is language lang a German one (no interpreter needed)? */
bool ui_contact_is_german(const ui_ctx *ctx, size_t lang);

/* keyboard.c: the letter layouts and the phone pad. */
#define KB_MAX_KEYS 64
/* The keys of a layout as shown (with or without shift), in row order; key[i] point into
 * buf, row[i] is the row of key i. */
typedef struct kb_keys {
    char buf[512];
    const char *key[KB_MAX_KEYS];
    int row[KB_MAX_KEYS];
    int n;
    int n_rows;
} kb_keys;
void ui_kb_keys(int layout, bool shift, kb_keys *k);
/* Does the layout have upper and lower case? */
bool ui_kb_has_case(int layout);
/* The layout a parent most likely writes her name with: her UI language's script. */
int ui_kb_for_lang(const ui_ctx *ctx, size_t lang);
int ui_kb_count(void);
/* What the layout key shows to switch to this layout ("ABC", "АБВ"). */
const char *ui_kb_label(int layout);
#define UI_KB_PHONE_KEYS 11
extern const char *const ui_kb_phone_keys[UI_KB_PHONE_KEYS];

#endif
