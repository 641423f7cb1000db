/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* dl.h - the display list: the UI's truth. The core's layout produces it; the renderer
 * draws it; --dump-ui / the script's `dump` prints it as JSON; tests assert on it.
 * Elements are drawn in order (later ones on top). All strings are owned by the list. */
#ifndef LOTSE_DL_H
#define LOTSE_DL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum dl_role {
    ROLE_BOX,    /* a filled (rounded) rectangle: backgrounds, cards, strips */
    ROLE_TEXT,   /* text, wrapped into lines by the layout */
    ROLE_BUTTON, /* a tappable box with a label (text, lines) and an optional icon */
    ROLE_ICON,   /* a standalone icon */
    ROLE_QR,     /* a QR code: payload; modules drawn by the renderer */
} dl_role;

typedef enum dl_align { ALIGN_START, ALIGN_CENTER, ALIGN_END } dl_align;

/* Icons drawn by the renderer as vector shapes (render/icons.c). */
typedef enum dl_icon {
    ICON_NONE,
    ICON_CLOCK,    /* consultation hours */
    ICON_HELP,     /* help and advice (info) */
    ICON_CONTACT,  /* contact me (speech bubble) */
    ICON_QR,       /* take it home */
    ICON_PHONE,    /* emergency / phone */
    ICON_BACK,     /* back arrow (direction-bearing: mirrored in RTL) */
    ICON_HOME,     /* home (house) */
    ICON_MONEY,    /* topic: money and benefits (coin) */
    ICON_FAMILY,   /* topic: parenting and family */
    ICON_HEALTH,   /* topic: health (heart) */
    ICON_LANGUAGE, /* topic: language (speech bubbles) */
    ICON_CRISIS,   /* topic: crisis and protection (shield) */
    ICON_EVERYDAY, /* topic: everyday matters (house with key) */
    ICON_PLACE,    /* address (map pin) */
    ICON_CALENDAR, /* a date */
    ICON_GLOBE,    /* languages spoken */
    ICON_EURO,     /* costs */
    ICON_NEXT,     /* next page arrow (direction-bearing) */
    ICON_WARNING,  /* out of order */
    ICON_COUNT
} dl_icon;

/* Name of an icon for the JSON dump ("clock", ...). */
const char *dl_icon_name(dl_icon icon);

/* What a tap on an element does; interpreted by the UI (ui.c). */
typedef struct dl_action {
    int kind; /* 0 = not tappable; values from ui.c */
    int arg;
} dl_action;

typedef struct dl_elem {
    char *id; /* stable, unique per screen, e.g. "menu.hours", "service.3.phone" */
    dl_role role;
    char *text;   /* full text (NULL for boxes and icons) */
    char **lines; /* the text wrapped to the box (n_lines entries) */
    size_t n_lines;
    int x, y, w, h; /* the element's box in screen pixels */
    uint32_t fg;    /* 0xRRGGBB text / icon colour */
    uint32_t bg;    /* 0xRRGGBB fill (boxes, buttons) */
    bool has_bg;
    int radius;  /* corner radius of the fill */
    int font_px; /* text size in pixels */
    int line_px; /* distance between baselines */
    bool bold;
    dl_align align;     /* horizontal alignment of lines (start = left in LTR) */
    bool valign_center; /* centre the lines vertically in the box */
    dl_icon icon;
    int icon_size;    /* pixels; icon drawn at the start side of a button (0: h/2) */
    int pad_x;        /* inner horizontal padding of a button's text */
    bool mirror_icon; /* draw the icon mirrored (RTL, direction-bearing icons) */
    bool overflow;    /* the text did not fit its box even at the smallest size */
    char *payload;    /* ROLE_QR: the encoded text */
    char *src;        /* where the text came from ("services.txt:12 (Description)"), or NULL */
    dl_action action;
    bool enabled; /* tappable buttons: false = shown greyed out */
} dl_elem;

/* One piece of a screen's reading (read-aloud), in the screen's reading order. The core
 * writes it (ui_layout); the app's speech module says it. */
typedef struct dl_utterance {
    char *elem; /* the element id it reads ("title", "menu.hours", ...) */
    char *text; /* what is said, in words of the screen's language: times, dates, phone
                   numbers and abbreviations already spelt out as people say them. Never
                   what a parent typed (her name, her phone number). */
    char *key;  /* what a recording of exactly this text is found by: the msgid of a
                   translated UI text, or the site text's id ("services.txt:Beratung:
                   Description" or similar); NULL when the text is composed (only
                   synthesis can say it) */
} dl_utterance;

typedef struct dl {
    char *screen; /* "home", "menu", ... */
    char *lang;   /* "de" */
    bool rtl;
    int width, height;
    uint32_t background;
    int64_t laid_out_utc; /* the wall-clock time the list was laid out for (not compared:
                             taps on a list refer to the state of the world it showed) */
    dl_elem *elems;
    size_t n_elems;
    size_t cap;
    dl_utterance *speech; /* the screen's reading (empty where the language has no voice) */
    size_t n_speech;
    size_t speech_cap;
} dl;

dl *dl_create(const char *screen, const char *lang, bool rtl, int width, int height);
void dl_destroy(dl *d);

/* Append a zeroed element with copies of id and text (text may be NULL); returns it
 * (valid until the next push). */
dl_elem *dl_push(dl *d, dl_role role, const char *id, const char *text);
void dl_elem_set_lines(dl_elem *e, char **lines, size_t n); /* takes ownership */

/* Append an utterance with copies of elem, text and key (key may be NULL). */
void dl_push_speech(dl *d, const char *elem, const char *text, const char *key);

/* Deep equality: same elements, geometry, text, styles and actions (neither a redraw nor
 * new hit-testing data is needed). */
bool dl_equal(const dl *a, const dl *b);

/* The box in which an element's text lines are placed: the element's box, except that
 * a button with an icon gives up pad + icon_size + pad on its start side (left in LTR,
 * right in RTL), pad = icon_size / 3, and pad_x is kept free on the sides without an
 * icon. The layout wraps to this width and the renderer draws into it. */
void dl_text_rect(const dl *d, const dl_elem *e, int *x, int *y, int *w, int *h);

/* The topmost enabled element with an action containing (x, y), or NULL. */
const dl_elem *dl_hit(const dl *d, int x, int y);

/* Text comparisons for the automation interface compare visible text: a no-break space
 * (U+00A0) matches a space. */
/* Elements whose text equals text exactly (count returned, first stored in *first). */
size_t dl_find_text(const dl *d, const char *text, const dl_elem **first);
/* Does any element's text contain needle? */
bool dl_contains_text(const dl *d, const char *needle);

/* JSON serialisation as documented in README (Automation interface). Caller frees. */
char *dl_to_json(const dl *d);

#endif
