/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* orient.h - how the picture and the touch panel are turned on the wall (pure).
 *
 * Rotation is how far the kiosk's picture is turned clockwise on the panel (0, 90, 180,
 * 270 degrees): a landscape panel hung upright shows a portrait kiosk with 90 or 270.
 * The kiosk lays out in the rotated ("logical") size and turns the finished frame.
 *
 * The touch transform fixes a touch panel that reports in another orientation than the
 * display scans out (a known pain point with SDL on KMSDRM, which does not apply the
 * kernel's or libinput's calibration): swap-xy, invert-x, invert-y, applied in that
 * order to the panel's normalised coordinates before the rotation is undone. */
#ifndef LOTSE_ORIENT_H
#define LOTSE_ORIENT_H

#include <stdbool.h>

typedef struct orient {
    int rotation; /* 0, 90, 180, 270 */
    bool swap_xy, invert_x, invert_y;
} orient;

/* "0", "90", "180", "270". False (o unchanged) for anything else. */
bool orient_parse_rotation(orient *o, const char *s);
/* "none", or one or more of "swap-xy", "invert-x", "invert-y" separated by spaces or
 * commas. False with *bad pointing at the first unknown word (o unchanged). */
bool orient_parse_touch(orient *o, const char *s, const char **bad);

/* The layout size for a panel of pw x ph pixels. */
void orient_logical_size(const orient *o, int pw, int ph, int *lw, int *lh);
/* A touch at panel coordinates normalised to 0..1 (u, v), as the panel reports it, to
 * logical coordinates normalised to 0..1 (the touch transform, then the rotation undone).
 * Values outside 0..1 stay outside. */
void orient_touch_to_logical(const orient *o, double u, double v, double *a, double *b);
/* A point on the displayed panel picture (window pixels normalised, no touch transform:
 * the mouse) to logical coordinates normalised to 0..1. */
void orient_panel_to_logical(const orient *o, double u, double v, double *a, double *b);

#endif
