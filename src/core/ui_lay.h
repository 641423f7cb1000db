/* ui_lay.h - internal to the UI (ui.c, ui_contact.c, ui_admin.c): the layout toolkit
 * (a design space of 1280x800 scaled by S(), texts that wrap and shrink, buttons, tiles),
 * the palette and the tap actions. Not part of the core's public interface. */
#ifndef LOTSE_UI_LAY_H
#define LOTSE_UI_LAY_H

#include "ui.h"

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
};

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

#endif
