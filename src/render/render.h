/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* render.h - the SDL2 adapter that draws a display list (core/dl.h).
 *
 * Three parts:
 *  - fontset: the TTF fonts (a base font and one per script), opened per pixel size on
 *    demand; it lays out a line in runs (font choice, fribidi, HarfBuzz shaping through
 *    SDL2_ttf) and implements the core's text_measure interface (core/text.h). Needs
 *    only TTF, never SDL video, so `lotse --check-site` can measure text on a machine
 *    without a display.
 *  - renderer: draws a dl with an SDL_Renderer; caches text and icon textures so that
 *    redrawing an unchanged screen costs no TTF or rasterising work.
 *  - icons: the dl_icon pictograms, rasterised anti-aliased from distance functions.
 *
 * Out of memory: as in core/util.h (abort). SDL/TTF failures while drawing are not
 * fatal: the element (or line) concerned is skipped and the rest is drawn. */
#ifndef LOTSE_RENDER_H
#define LOTSE_RENDER_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>
#include <SDL_ttf.h>

#include "ui/dl.h"
#include "ui/text.h"

/* ---- fonts ---- */

typedef struct fontset fontset;

/* Load the regular and the bold font: each list is NULL-terminated and the first path
 * that loads as a font wins. The font files are read into memory once; sizes are opened
 * from that memory when first used. If no bold candidate loads (or bold_candidates is
 * NULL) the regular font is used with synthetic bold and a line is logged.
 * Calls TTF_Init itself (reference counted; fontset_destroy calls TTF_Quit).
 * Returns NULL and sets *err (a new string naming the paths that failed; caller frees)
 * if no regular font loads. err may be NULL. Caller owns the result
 * (fontset_destroy). */
fontset *fontset_create(const char *const *regular_candidates, const char *const *bold_candidates,
                        char **err);
void fontset_destroy(fontset *f);

/* Besides the base font of fontset_create, a fontset draws with a font per script,
 * each read from disk only when text of its script first appears:
 *   FONTSET_ARABIC    Arabic-script letters (Arabic, Persian, Pashto...):
 *                     NotoSansArabic-{Regular,Bold}.ttf in /usr/share/fonts/truetype/noto/
 *   FONTSET_ETHIOPIC  Ethiopic (Tigrinya, Amharic): NotoSansEthiopic-{Regular,Bold}.ttf
 *   FONTSET_FALLBACK  the last resort for what no other font has:
 *                     /usr/share/fonts/truetype/dejavu/DejaVuSans{,-Bold}.ttf
 * A code point takes the font of its script, or if that lacks it the base font, then
 * the fallback. A font that does not load is logged once and skipped. */
typedef enum fontset_script { FONTSET_ARABIC, FONTSET_ETHIOPIC, FONTSET_FALLBACK } fontset_script;

/* Use other files for script (NULL: the default path above); a missing bold file means
 * synthetic bold. Takes effect on the next use; the old files are dropped. The paths
 * are copied. */
void fontset_set_script_font(fontset *f, fontset_script script, const char *regular_path,
                             const char *bold_path);

/* The text_measure interface backed by this fontset; valid while f lives. A width is
 * that of the line as fontset_render_line draws it in a right-to-left screen (the sum
 * of its runs); line_height is TTF_FontLineSkip of the base font; missing is
 * implemented (a code point no font of its chain provides). */
const text_measure *fontset_measure(fontset *f);
/* Forget every cached width (they are keyed by a hash of the text, which may be what a
 * parent typed): called with renderer_forget when a private screen is left. */
void fontset_forget_measures(fontset *f);

/* The base font at px (clamped to 1..512) and weight. Owned by the fontset; one font
 * serves every size and weight of its file, so it is at this size and weight only until
 * the next fontset call (fontset_font, a measurement or fontset_render_line). Use it for
 * metrics at once; its
 * shaping script and direction are whatever the last run drawn with it needed, so draw
 * text with fontset_render_line. Returns NULL only if the size cannot be opened. */
TTF_Font *fontset_font(fontset *f, int px, bool bold);

/* Is the line utf8 laid out as a right-to-left paragraph? Exactly when the screen is
 * right-to-left (rtl_screen) and the line holds a strong right-to-left character
 * (Arabic, Hebrew, U+200F...): so a phone number, time or address without such a
 * character stays left to right on an Arabic screen. */
bool fontset_line_rtl(const char *utf8, bool rtl_screen);

/* Draw one line of text (no line breaks) white on transparent, as the renderer caches
 * it: split into runs by font and bidi level (fribidi; paragraph direction as
 * fontset_line_rtl), each run shaped with its script and direction, the runs placed
 * left to right in visual order on a common baseline. The bidi controls U+200E, U+200F,
 * U+202A-U+202E and U+2066-U+2069 steer the order and are not drawn. Sets *baseline
 * (if not NULL) to the baseline's distance from the top of the surface; draw the
 * surface at y + TTF_FontAscent(base font) - *baseline to line it up with the base
 * font. Returns NULL for a line with nothing to draw or on failure. Caller frees
 * (SDL_FreeSurface); its format is ARGB8888. */
SDL_Surface *fontset_render_line(fontset *f, const char *utf8, int px, bool bold, bool rtl_screen,
                                 int *baseline);

/* How many bytes of font files the fontset holds in memory (for tests: the script fonts
 * are read only when needed). */
size_t fontset_loaded_bytes(const fontset *f);

/* ---- renderer ---- */

typedef struct renderer renderer;

/* A renderer drawing with r and measuring with f; it owns neither (both must outlive
 * it). Caller owns the result (renderer_destroy). */
renderer *renderer_create(SDL_Renderer *r, fontset *f);
void renderer_destroy(renderer *rd);

/* Clear with d->background and draw every element in order. Does not present.
 * Text is clipped to its element's box. */
void renderer_draw(renderer *rd, const dl *d);

/* Forget every cached texture (call after SDL_RENDER_TARGETS_RESET or
 * SDL_RENDER_DEVICE_RESET, when SDL may have lost their contents). */
void renderer_invalidate(renderer *rd);
/* Forget everything cached, the strings and QR payloads wiped: called when a private
 * screen is left (a line may be a parent's name, a code her ticket). */
void renderer_forget(renderer *rd);
/* Does a cached text line or QR payload contain needle? (The script's expect-forgotten.) */
bool renderer_holds_text(const renderer *rd, const char *needle);

/* The rectangle of a button's (or any element's) box in which its text lines are
 * placed: the whole box, except that a button with an icon gives up
 * pad + icon_size + pad on its start side (left in LTR, right in RTL), where
 * pad = icon_size / 3. The layout must wrap button text to this width. */
SDL_Rect renderer_text_rect(const dl *d, const dl_elem *e);

/* Save what r currently shows (its whole output) as an RGB PNG at path. On failure
 * returns false and sets *err to a new string naming path (caller frees); err may be
 * NULL. */
bool renderer_screenshot_png(SDL_Renderer *r, const char *path, char **err);

/* ---- icons ---- */

/* Rasterise icon as a size x size ARGB8888 surface: white, with the shape's coverage in
 * alpha (tint it with SDL_SetTextureColorMod). mirror flips it horizontally. Returns
 * NULL for ICON_NONE, an unknown icon or size < 1. Caller frees (SDL_FreeSurface). */
SDL_Surface *icon_rasterize(dl_icon icon, int size, bool mirror);

/* ---- QR codes (render/qr.c) ---- */

/* Encoded QR codes by payload (a small LRU cache), so that no frame re-encodes. */
typedef struct qr_cache qr_cache;

/* Caller owns the result (qr_cache_destroy; destroy(NULL) is a no-op). */
qr_cache *qr_cache_create(void);
void qr_cache_destroy(qr_cache *c);
/* Drop the cached textures (not the encodings): see renderer_invalidate. */
void qr_cache_invalidate(qr_cache *c);
/* Forget every code, its payload wiped (a code may carry a parent's ticket). */
void qr_cache_forget(qr_cache *c);
/* Does a cached code's payload contain needle? (Tests: nothing private stays behind.) */
bool qr_cache_holds(const qr_cache *c, const char *needle);

/* Draw a ROLE_QR element: its box white, the code of e->payload (byte mode, level M or
 * better) centred with floor(min(w, h) / (modules + 8)) pixels per module, black on
 * white, so at least 4 modules of quiet zone remain on each side. If the payload cannot
 * be encoded or would get fewer than QR_PAYLOAD_MIN_MODULE_PX pixels per module, the box
 * is drawn grey and nothing else. */
void qr_draw(SDL_Renderer *r, qr_cache *c, const dl_elem *e);

/* Modules per side of the code qr_draw draws for payload, or -1 if it cannot be encoded
 * (empty, or more than version 40 holds at level M). Encodes; not cached. */
int qr_modules_for(const char *payload);

/* Pixels per module in a w x h box for a code of modules per side with its quiet zone:
 * floor(min(w, h) / (modules + 8)); 0 if modules <= 0. */
int qr_module_px(int w, int h, int modules);

#endif
