/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* orient.c - display rotation and touch mapping. See orient.h. */
#include "ui/orient.h"

#include <string.h>

bool orient_parse_rotation(orient *o, const char *s)
{
    static const char *const names[] = {"0", "90", "180", "270"};
    for (int i = 0; i < 4; i++)
        if (strcmp(s, names[i]) == 0) {
            o->rotation = i * 90;
            return true;
        }
    return false;
}

bool orient_parse_touch(orient *o, const char *s, const char **bad)
{
    orient r = *o;
    r.swap_xy = r.invert_x = r.invert_y = false;
    const char *p = s;
    size_t words = 0;
    for (;;) {
        while (*p == ' ' || *p == ',' || *p == '\t')
            p++;
        if (!*p)
            break;
        size_t n = strcspn(p, " ,\t");
        words++;
        if (n == 4 && strncmp(p, "none", 4) == 0)
            ;
        else if (n == 7 && strncmp(p, "swap-xy", 7) == 0)
            r.swap_xy = true;
        else if (n == 8 && strncmp(p, "invert-x", 8) == 0)
            r.invert_x = true;
        else if (n == 8 && strncmp(p, "invert-y", 8) == 0)
            r.invert_y = true;
        else {
            *bad = p;
            return false;
        }
        p += n;
    }
    if (!words) {
        *bad = s;
        return false;
    }
    *o = r;
    return true;
}

void orient_logical_size(const orient *o, int pw, int ph, int *lw, int *lh)
{
    bool turned = o->rotation == 90 || o->rotation == 270;
    *lw = turned ? ph : pw;
    *lh = turned ? pw : ph;
}

void orient_panel_to_logical(const orient *o, double u, double v, double *a, double *b)
{
    /* The picture is turned clockwise: a logical point (a, b) shows at panel
     *   90: (1 - b, a)   180: (1 - a, 1 - b)   270: (b, 1 - a)
     * and this is the inverse. */
    switch (o->rotation) {
    case 90:
        *a = v;
        *b = 1.0 - u;
        break;
    case 180:
        *a = 1.0 - u;
        *b = 1.0 - v;
        break;
    case 270:
        *a = 1.0 - v;
        *b = u;
        break;
    default:
        *a = u;
        *b = v;
        break;
    }
}

void orient_touch_to_logical(const orient *o, double u, double v, double *a, double *b)
{
    if (o->swap_xy) {
        double t = u;
        u = v;
        v = t;
    }
    if (o->invert_x)
        u = 1.0 - u;
    if (o->invert_y)
        v = 1.0 - v;
    orient_panel_to_logical(o, u, v, a, b);
}
