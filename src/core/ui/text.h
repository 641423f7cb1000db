/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* text.h - measuring and wrapping text. The core knows fonts only through text_measure,
 * implemented with SDL2_ttf in render/ and by a fixed-width fake in the unit tests. */
#ifndef LOTSE_TEXT_H
#define LOTSE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct text_measure {
    void *ctx;
    /* Width in pixels of utf8[0..len) at size px, as drawn (one line). */
    int (*width)(void *ctx, int px, bool bold, const char *utf8, size_t len);
    /* Recommended distance between baselines at size px. */
    int (*line_height)(void *ctx, int px, bool bold);
    /* Optional (may be NULL, e.g. in a fake): how many code points of utf8[0..len) no
     * font provides, so that they would show as a box. White space, line breaks,
     * control characters and default-ignorable code points (bidi controls, U+200B-U+200D,
     * U+00AD, variation selectors, ...) are not counted. Sets *first_missing (if not
     * NULL) to the first such code point, or to 0 when there is none. */
    size_t (*missing)(void *ctx, bool bold, const char *utf8, size_t len, uint32_t *first_missing);
} text_measure;

typedef struct text_fit {
    char **lines; /* new strings, caller frees with text_fit_finish (which wipes them) */
    size_t n_lines;
    int px;        /* chosen size */
    int line_px;   /* chosen line height */
    int width;     /* widest line */
    bool overflow; /* did not fit even at min_px; lines then hold what fits nothing cut */
} text_fit;

/* Wrap text into lines no wider than max_w at px. Breaks at spaces (and after '-' and
 * '/'), honours "\n", and breaks a single word longer than a line between code points
 * (marking it as overflow: a word that cannot fit is a content error). Each line is
 * drawn as a paragraph of its own, so the explicit bidi controls still open at a line
 * break (an isolate around a phone number, an embedding) are closed at the end of the
 * line and opened again at the start of the next; they are drawn as nothing. *lines is a
 * new array of new strings: the caller frees it with lines_free_wiped (base/util.h). */
void text_wrap(const text_measure *m, const char *text, int px, bool bold, int max_w, char ***lines,
               size_t *n_lines, bool *word_too_long);

/* Fit text into a max_w x max_h box: wrap at px; if the lines do not fit, shrink one
 * pixel size step at a time down to min_px. fit->overflow is set when even min_px
 * does not fit (the lines are still returned, all of them; the renderer clips). */
void text_fit_box(const text_measure *m, const char *text, int px, int min_px, bool bold, int max_w,
                  int max_h, text_fit *fit);
void text_fit_finish(text_fit *fit);

#endif
