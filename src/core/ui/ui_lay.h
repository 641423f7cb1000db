/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* ui_lay.h - internal to the UI (src/core/ui): the screen table, the layout toolkit (a
 * design space of 1280x800 scaled by S(), texts that wrap and shrink, buttons, tiles),
 * the palette and the tap actions. Not part of the core's public interface. */
#ifndef LOTSE_UI_LAY_H
#define LOTSE_UI_LAY_H

#include "ui/ui_state.h"

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
    /* contact request (contact.c, screen_contact_*.c) */
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
    /* staff (screen_admin*.c) */
    ACT_PIN_DIGIT, /* arg: 0..9 */
    ACT_PIN_DELETE,
    ACT_PIN_OK,
    ACT_ADMIN_EXPORT,
    ACT_ADMIN_HOURS,
    ACT_ADMIN_LEAVE,
    ACT_HOUR_CANCEL,  /* arg: row of ui_admin_occurrences at the time the list was laid out */
    ACT_HOUR_RESTORE, /* arg: the same */
    ACT_FORM,         /* arg: form field * 2 + (0 = down, 1 = up) */
    ACT_HOUR_ADD,
    /* take it home (screen_qr.c) */
    ACT_QR_OPEN, /* arg: qr_source */
    ACT_QR_ITEM, /* arg: index of the code */
    ACT_COUNT
};

/* The start screen's greeting (a msgid). */
extern const char ui_greeting[];
#define UI_GREETING ui_greeting

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

/* ---- the screen table (screens.c) ------------------------------------------------- */

enum {
    SCR_PRIVATE = 1 << 0,    /* shows what was typed, the ticket code or the PIN pad */
    SCR_STAFF = 1 << 1,      /* shown only after the right PIN in this staff session */
    SCR_STAFF_AREA = 1 << 2, /* the PIN pad and the staff screens: leaving ends the session */
    SCR_CONTACT = 1 << 3,    /* holds the contact request while shown */
    SCR_DETOUR = 1 << 4,     /* Back returns where it was entered from; keeps what that held */
    SCR_HEADERLESS = 1 << 5, /* no emergency strip or idle overlay (out of order) */
};

/* One row per screen. Adding a screen: a value in ui_screen (ui.h), a row here, and a file
 * with its layout and action handler. */
typedef struct ui_screen_def {
    const char *name;
    void (*layout)(lay *L);
    /* The screen's own taps (the common ones - Start, Back, emergency, take it home, "still
     * here" - are handled before); shown is the display list tapped. True if the state
     * changed. NULL: the screen has only common taps. */
    bool (*action)(ui_state *st, const ui_ctx *ctx, const dl *shown, dl_action a);
    /* The precondition: may the screen be shown in this state? NULL: always (with a site).
     * Navigation, Back included, never enters a screen whose precondition fails. */
    bool (*ready)(const ui_state *st, const ui_ctx *ctx);
    ui_screen parent; /* where Back leads (for a detour: when the way back no longer holds) */
    unsigned flags;   /* SCR_* */
    const char *const *reading; /* element ids/prefixes in reading order, NULL-terminated */
    const char *stat;           /* statistics key, or NULL (never for staff or private) */
} ui_screen_def;

extern const ui_screen_def ui_screens[SCREEN_COUNT];

/* The row of s (the home screen's for an invalid value). */
const ui_screen_def *ui_screen_def_of(ui_screen s);
/* The precondition of s holds in st (and a site is loaded). */
bool ui_screen_ready(const ui_state *st, const ui_ctx *ctx, ui_screen s);

/* Go forward to screen s (ui.c). What leaves with the old screen is wiped: the contact
 * request when no contact screen (or detour from one) holds it any more, the staff session
 * when the staff area is left by any path. False (nothing changed) if s is not ready. */
bool ui_go(ui_state *st, const ui_ctx *ctx, ui_screen s);
/* The schedule as the screens show it: the site with the staff's changes. */
size_t ui_schedule(const ui_ctx *ctx, int worker, int kita, int64_t now_utc, bool include_cancelled,
                   occurrence *out, size_t max);

/* screen_*.c: the parent's screens */
void ui_home_layout(lay *L);
bool ui_home_action(ui_state *st, const ui_ctx *ctx, const dl *shown, dl_action a);
void ui_menu_layout(lay *L);
bool ui_menu_action(ui_state *st, const ui_ctx *ctx, const dl *shown, dl_action a);
void ui_hours_layout(lay *L);
void ui_topics_layout(lay *L);
bool ui_topics_action(ui_state *st, const ui_ctx *ctx, const dl *shown, dl_action a);
void ui_topic_layout(lay *L);
bool ui_topic_action(ui_state *st, const ui_ctx *ctx, const dl *shown, dl_action a);
bool ui_topic_ready(const ui_state *st, const ui_ctx *ctx);
void ui_service_layout(lay *L);
bool ui_service_ready(const ui_state *st, const ui_ctx *ctx);
void ui_emergency_layout(lay *L);
void ui_out_of_order_layout(lay *L);

/* contact.c, screen_contact_*.c (more in ui_contact.h) */
void ui_contact_topic_layout(lay *L);
void ui_contact_how_layout(lay *L);
void ui_contact_language_layout(lay *L);
void ui_contact_details_layout(lay *L);
void ui_contact_consent_layout(lay *L);
void ui_contact_done_layout(lay *L);
void ui_contact_sorry_layout(lay *L);
bool ui_contact_action(ui_state *st, const ui_ctx *ctx, const dl *shown, dl_action a);
bool ui_contact_ready(const ui_state *st, const ui_ctx *ctx);
bool ui_contact_how_ready(const ui_state *st, const ui_ctx *ctx);
bool ui_contact_language_ready(const ui_state *st, const ui_ctx *ctx);
bool ui_contact_details_ready(const ui_state *st, const ui_ctx *ctx);
bool ui_contact_done_ready(const ui_state *st, const ui_ctx *ctx);
bool ui_contact_sorry_ready(const ui_state *st, const ui_ctx *ctx);
/* Wipe the request being put together (everything typed). */
void ui_contact_clear(ui_contact *c);
/* Start a new request (from the menu); false if no worker key is configured. */
bool ui_contact_begin(ui_state *st, const ui_ctx *ctx);

/* screen_qr.c */
bool ui_qr_action(ui_state *st, const ui_ctx *ctx, const dl *shown, dl_action a);
bool ui_qr_ready(const ui_state *st, const ui_ctx *ctx);
void ui_qr_layout(lay *L);
/* Open the QR screen for source from the current screen (a common tap). */
bool ui_qr_open(ui_state *st, const ui_ctx *ctx, int source);
/* Remember that the parent looked at service i (for "Take it home"). */
void ui_qr_seen(ui_state *st, int service);
/* A button that opens the QR screen for source (on a service page, the hours, ...). */
void ui_qr_button(lay *L, const char *id, int x, int y, int w, int h, qr_source source);

/* screen_admin*.c */
/* Seconds the PIN pad is still locked at mono_ms. */
int64_t ui_admin_locked_left(const ui_admin *a, int64_t mono_ms);
/* The workers with hours at this Kita (indexes into out[0..max)). */
size_t ui_admin_here_workers(const ui_ctx *ctx, int *out, size_t max);
/* The message of the last staff effect, as a coloured line at y (if there is one). */
void ui_admin_message_line(lay *L, int y);
void ui_admin_pin_layout(lay *L);
bool ui_admin_pin_action(ui_state *st, const ui_ctx *ctx, const dl *shown, dl_action a);
bool ui_admin_pin_ready(const ui_state *st, const ui_ctx *ctx);
void ui_admin_layout(lay *L);
bool ui_admin_action(ui_state *st, const ui_ctx *ctx, const dl *shown, dl_action a);
bool ui_admin_ready(const ui_state *st, const ui_ctx *ctx);
void ui_admin_hours_layout(lay *L);
bool ui_admin_hours_action(ui_state *st, const ui_ctx *ctx, const dl *shown, dl_action a);
/* The hidden entry was used: open the PIN pad (a new staff session). */
void ui_admin_begin(ui_state *st, const ui_ctx *ctx);
/* ui_lay.c: the emergency strip at the bottom of every screen, and the mirror image of a
 * finished right-to-left display list. */
void ui_emergency_strip(lay *L);
void ui_mirror(dl *d);
/* The services of a topic: their indexes into out[0..max) (out may be NULL); returns how
 * many there are. */
size_t ui_services_in_topic(const site *s, int topic, int *out, size_t max);
#define SERVICES_PER_PAGE 8

/* Does the state hold the contact request now (a contact screen, or a detour from one)? */
bool ui_holds_contact(const ui_state *st);

/* The layout scale of a screen size (the 1280x800 design space fitted in). */
double ui_scale(const ui_config *c);

#endif
