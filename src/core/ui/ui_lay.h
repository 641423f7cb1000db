/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* ui_lay.h - internal to the UI (ui.c, ui_contact.c, ui_admin.c): the layout toolkit
 * (a design space of 1280x800 scaled by S(), texts that wrap and shrink, buttons, tiles),
 * the palette and the tap actions. Not part of the core's public interface. */
#ifndef LOTSE_UI_LAY_H
#define LOTSE_UI_LAY_H

#include "ui/ui.h"

/* Palette: high contrast (WCAG AA or better for every text/background pair used). */
#define COL_BG 0xFAF7F2
#define COL_TEXT 0x1A1A1A
#define COL_MUTED 0x4A4A4A
#define COL_WHITE 0xFFFFFF
#define COL_HEADER 0x1F3A5F
#define COL_PRIMARY 0x1F5FA8
#define COL_CARD 0xFFFFFF
#define COL_CARD_ALT 0xEDE7DC
#define COL_SELECTED 0x1F5FA8
#define COL_EMERGENCY 0xB3261E
#define COL_CANCELLED 0x9A1B1B
#define COL_SHADE 0x000000
#define COL_DEMO 0xF2C14E

/* What a tap does (dl_action.kind). */
enum {
    ACT_NONE,
    ACT_HOME,
    ACT_BACK,
    ACT_MENU,
    ACT_HOURS,
    ACT_TOPICS,
    ACT_TOPIC,   /* arg: topic */
    ACT_SERVICE, /* arg: service index */
    ACT_EMERGENCY,
    ACT_CONTACT,
    ACT_LANG, /* arg: language index */
    ACT_PAGE, /* arg: page */
    ACT_STILL_HERE,
    /* contact request (ui_contact.c) */
    ACT_CONTACT_TOPIC,  /* arg: topic or CONTACT_TOPIC_OTHER */
    ACT_CHANNEL,        /* arg: contact_channel */
    ACT_INTERPRETER,    /* arg: -1 none, -2 yes (in the UI language), >= 0 a language */
    ACT_CONTACT_NEXT,   /* to the next step (checks the current one) */
    ACT_CONTACT_CANCEL, /* leave the request, wiping it */
    ACT_FIELD,          /* arg: 0 name, 1 phone */
    ACT_KEY,            /* arg: index of the key in the keyboard shown */
    ACT_KEY_SHIFT,
    ACT_KEY_LAYOUT, /* the next letter layout */
    ACT_KEY_DELETE,
    ACT_KEY_SPACE,
    ACT_SEND, /* "Yes, send" */
    ACT_DONE, /* leave the confirmation */
    /* admin (ui_admin.c) */
    ACT_PIN_DIGIT, /* arg: 0..9 */
    ACT_PIN_DELETE,
    ACT_PIN_OK,
    ACT_ADMIN_EXPORT,
    ACT_ADMIN_HOURS,
    ACT_ADMIN_LEAVE,
    ACT_HOUR_CANCEL,  /* arg: index into ui_admin_occurrences */
    ACT_HOUR_RESTORE, /* arg: index into ui_admin_occurrences */
    ACT_FORM,         /* arg: form field * 2 + (0 = down, 1 = up) */
    ACT_HOUR_ADD,
    /* take it home (ui_qr.c) */
    ACT_QR_OPEN, /* arg: qr_source */
    ACT_QR_ITEM, /* arg: index of the code */
    ACT_COUNT
};

/* The nationwide emergency numbers (DOMAIN.md), with their labels (msgids). */
typedef struct ui_emergency_number {
    const char *number, *label;
} ui_emergency_number;
#define UI_EMERGENCY_NUMBERS 6
extern const ui_emergency_number ui_emergency_numbers[UI_EMERGENCY_NUMBERS];

/* The six topics: colour, icon and title (msgid). */
extern const uint32_t ui_topic_colours[TOPIC_COUNT];
extern const dl_icon ui_topic_icons[TOPIC_COUNT];
extern const char *const ui_topic_titles[TOPIC_COUNT];

typedef struct lay {
    const ui_state *st;
    const ui_ctx *ctx;
    dl *d;
    double scale;
    int64_t now_utc;
    int64_t mono_ms;
    site_errors *check; /* when set, overflowing texts are reported here */
} lay;

static inline int S(const lay *L, int v)
{
    return (int)(v * L->scale + 0.5);
}

static inline const char *T(const lay *L, const char *msgid)
{
    return i18n_ui(L->ctx->i18n, L->st->lang, msgid);
}

static inline const char *C(const lay *L, const char *german)
{
    return i18n_content(L->ctx->i18n, L->st->lang, german);
}

typedef struct text_style {
    int px, min_px;
    bool bold;
    uint32_t fg;
    dl_align align;
    bool center_v;
} text_style;

typedef struct button_style {
    uint32_t bg, fg;
    int px, min_px;
    dl_icon icon;
    int icon_size; /* design px */
    bool vertical; /* icon above the label (tiles) */
    dl_align align;
    bool disabled; /* shown greyed out, not tappable */
} button_style;

#define HEADER_H 96
#define STRIP_H 88
#define CONTENT_Y (HEADER_H + 24)
#define CONTENT_BOTTOM (800 - STRIP_H - 16)

/* A box (a coloured rounded rectangle). */
dl_elem *lay_box(lay *L, const char *id, int x, int y, int w, int h, uint32_t bg, int radius);
/* A text fitted into its box (wrapped, shrunk from ts.px down to ts.min_px; an overflow
 * is reported by --check-site with src's file:line when the text came from the site). */
dl_elem *lay_text(lay *L, const char *id, const char *s, int x, int y, int w, int h, text_style ts,
                  const site_src *src);
/* A tappable button, or with bs.vertical a tile with the icon above the label. Returns the
 * tappable element (valid until the next push). */
dl_elem *lay_button(lay *L, const char *id, const char *label, int x, int y, int w, int h,
                    button_style bs, int act, int arg, const site_src *src);
/* An icon with a small label and a value below it; returns the y below it. */
int lay_fact(lay *L, const char *id, dl_icon icon, const char *label, const char *value, int x,
             int y, int w, int h, const site_src *src);
/* The header with Back, the title and Start. */
void lay_header(lay *L, const char *title);

/* Go to screen s, wiping a contact request that is left behind (ui.c). */
void ui_go(ui_state *st, ui_screen s);
/* Is s one of the contact request's screens? */
bool ui_is_contact_screen(ui_screen s);
bool ui_is_admin_screen(ui_screen s);

/* ui_contact.c */
bool ui_contact_action(ui_state *st, const ui_ctx *ctx, dl_action a);
void ui_contact_layout(lay *L);
/* Wipe the request being put together (everything typed). */
void ui_contact_clear(ui_contact *c);
/* Start a new request (from the menu); false if no worker key is configured. */
bool ui_contact_begin(ui_state *st, const ui_ctx *ctx);

/* ui_qr.c */
bool ui_qr_action(ui_state *st, const ui_ctx *ctx, dl_action a);
void ui_qr_layout(lay *L);
/* Remember that the parent looked at service i (for "Take it home"). */
void ui_qr_seen(ui_state *st, int service);
/* A button that opens the QR screen for source (on a service page, the hours, ...). */
void ui_qr_button(lay *L, const char *id, int x, int y, int w, int h, qr_source source);

/* ui_admin.c */
bool ui_admin_action(ui_state *st, const ui_ctx *ctx, dl_action a);
void ui_admin_layout(lay *L);
/* The hidden entry was used: open the PIN pad. */
void ui_admin_begin(ui_state *st);

#endif
