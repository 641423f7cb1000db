/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* icons.c - the kiosk's pictograms, drawn from signed distance functions.
 *
 * Each icon is a function from a point in a 24 x 24 unit design grid (y down) to the
 * signed distance to its shape (negative inside), built from a few primitives (circle,
 * rounded box, capsule, arc, ellipse, polygon) combined with min (union) and max
 * (intersection, subtraction). Rasterising evaluates it at every pixel centre and
 * turns the distance in pixels into coverage, clamp(0.5 - d, 0, 1): anti-aliased
 * edges at any size from one description, no image files to ship.
 *
 * Style: bold, friendly shapes with round caps; strokes are 2.2-2.8 units (about a
 * tenth of the icon) so that they stay legible at 40 px; a gap around an overlapping
 * part separates shapes without a second colour. */
#include "render.h"

#include <math.h>

#define GRID 24.0f
#define PI_F 3.14159265f

typedef struct v2 {
    float x, y;
} v2;

/* ---- primitives: distance in grid units, negative inside ---- */

static float clampf(float v, float lo, float hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

static float len2(float x, float y)
{
    return sqrtf(x * x + y * y);
}

static float sd_circle(v2 p, float cx, float cy, float r)
{
    return len2(p.x - cx, p.y - cy) - r;
}

/* A capsule: the segment a-b thickened by r (round caps). */
static float sd_capsule(v2 p, float ax, float ay, float bx, float by, float r)
{
    float px = p.x - ax, py = p.y - ay, ex = bx - ax, ey = by - ay;
    float ee = ex * ex + ey * ey;
    float h = ee > 0 ? clampf((px * ex + py * ey) / ee, 0, 1) : 0;
    return len2(px - ex * h, py - ey * h) - r;
}

/* The box x0..x1 x y0..y1 with corners rounded by r. */
static float sd_rbox(v2 p, float x0, float y0, float x1, float y1, float r)
{
    float cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    float qx = fabsf(p.x - cx) - (x1 - x0) / 2 + r;
    float qy = fabsf(p.y - cy) - (y1 - y0) / 2 + r;
    return len2(fmaxf(qx, 0), fmaxf(qy, 0)) + fminf(fmaxf(qx, qy), 0) - r;
}

/* An arc of radius r around c from angle a0 to a1 (degrees, clockwise on screen since
 * y points down, a0 < a1, both in 0..720), thickened by t with round caps. */
static float sd_arc(v2 p, float cx, float cy, float r, float a0, float a1, float t)
{
    float dx = p.x - cx, dy = p.y - cy;
    float a = atan2f(dy, dx) * 180 / PI_F;
    if (a < 0)
        a += 360;
    if (a < a0)
        a += 360;
    if (a >= a0 && a <= a1)
        return fabsf(len2(dx, dy) - r) - t;
    float r0 = a0 * PI_F / 180, r1 = a1 * PI_F / 180;
    float d0 = len2(dx - r * cosf(r0), dy - r * sinf(r0));
    float d1 = len2(dx - r * cosf(r1), dy - r * sinf(r1));
    return fminf(d0, d1) - t;
}

/* Ellipse outline with semi-axes a, b around c, thickened by t (distance approximated
 * to first order, exact enough for a stroke). */
static float sd_ellipse_ring(v2 p, float cx, float cy, float a, float b, float t)
{
    float qx = (p.x - cx) / a, qy = (p.y - cy) / b;
    float k1 = len2(qx, qy);
    float k2 = len2(qx / a, qy / b);
    if (k2 < 1e-6f)
        return fminf(a, b) - t;
    return fabsf(k1 * (k1 - 1) / k2) - t;
}

/* A closed polygon (any winding). */
static float sd_poly(v2 p, const v2 *v, int n)
{
    float d = (p.x - v[0].x) * (p.x - v[0].x) + (p.y - v[0].y) * (p.y - v[0].y);
    float s = 1;
    for (int i = 0, j = n - 1; i < n; j = i, i++) {
        float ex = v[j].x - v[i].x, ey = v[j].y - v[i].y;
        float wx = p.x - v[i].x, wy = p.y - v[i].y;
        float h = clampf((wx * ex + wy * ey) / (ex * ex + ey * ey), 0, 1);
        float bx = wx - ex * h, by = wy - ey * h;
        d = fminf(d, bx * bx + by * by);
        bool c1 = p.y >= v[i].y, c2 = p.y<v[j].y, c3 = ex * wy> ey * wx;
        if ((c1 && c2 && c3) || (!c1 && !c2 && !c3))
            s = -s;
    }
    return s * sqrtf(d);
}

static float sd_tri(v2 p, float ax, float ay, float bx, float by, float cx, float cy)
{
    const v2 v[3] = {{ax, ay}, {bx, by}, {cx, cy}};
    return sd_poly(p, v, 3);
}

static float op_union(float a, float b)
{
    return fminf(a, b);
}

/* a with b cut away. */
static float op_sub(float a, float b)
{
    return fmaxf(a, -b);
}

/* Union with a fillet of size k where the shapes meet. */
static float op_smooth_union(float a, float b, float k)
{
    float h = fmaxf(k - fabsf(a - b), 0) / k;
    return fminf(a, b) - h * h * k * 0.25f;
}

/* ---- the icons ---- */

static float icon_clock(v2 p)
{
    float d = fabsf(sd_circle(p, 12, 12, 9.2f)) - 1.2f;
    d = op_union(d, sd_capsule(p, 12, 12, 12, 6.6f, 1.2f));
    d = op_union(d, sd_capsule(p, 12, 12, 15.8f, 14.2f, 1.2f));
    return d;
}

static float icon_help(v2 p)
{
    float d = sd_circle(p, 12, 12, 10.2f);
    float i = op_union(sd_circle(p, 12, 7.4f, 1.6f), sd_capsule(p, 12, 11.2f, 12, 17, 1.35f));
    return op_sub(d, i);
}

static float speech_bubble(v2 p, float x0, float y0, float x1, float y1, float r, bool tail_right)
{
    float d = sd_rbox(p, x0, y0, x1, y1, r);
    float tail;
    if (tail_right)
        tail = sd_tri(p, x1 - 7, y1 - 1, x1 - 2.5f, y1 - 1, x1 - 1.5f, y1 + 4.5f) - 0.3f;
    else
        tail = sd_tri(p, x0 + 2.5f, y1 - 1, x0 + 7, y1 - 1, x0 + 1.5f, y1 + 4.5f) - 0.3f;
    return op_smooth_union(d, tail, 1.0f);
}

static float icon_contact(v2 p)
{
    float d = speech_bubble(p, 2.3f, 3, 21.7f, 17, 4, false);
    float dots = sd_circle(p, 7.5f, 10, 1.55f);
    dots = op_union(dots, sd_circle(p, 12, 10, 1.55f));
    dots = op_union(dots, sd_circle(p, 16.5f, 10, 1.55f));
    return op_sub(d, dots);
}

/* A QR finder pattern: a square ring with a square eye, 9 units wide at (x, y). */
static float finder(v2 p, float x, float y)
{
    float ring =
        op_sub(sd_rbox(p, x, y, x + 9, y + 9, 1.6f), sd_rbox(p, x + 2, y + 2, x + 7, y + 7, 0.6f));
    return op_union(ring, sd_rbox(p, x + 3.1f, y + 3.1f, x + 5.9f, y + 5.9f, 0.6f));
}

static float icon_qr(v2 p)
{
    float d = finder(p, 2, 2);
    d = op_union(d, finder(p, 13, 2));
    d = op_union(d, finder(p, 2, 13));
    /* A few data modules in the fourth quadrant. */
    static const float mods[][2] = {{13, 13}, {19, 13}, {16, 16}, {13, 19}, {19, 19}};
    for (size_t i = 0; i < sizeof(mods) / sizeof(mods[0]); i++)
        d = op_union(d, sd_rbox(p, mods[i][0], mods[i][1], mods[i][0] + 3, mods[i][1] + 3, 0.6f));
    return d;
}

/* The ear piece of the handset, bounded on the outside by the handle's outer circle. */
static float phone_piece(v2 p)
{
    /* Built shrunk by k and grown back by k, which rounds its corners by k. */
    const float k = 1.2f;
    float d = sd_rbox(p, 1.0f + k, 2.4f + k, 9.4f - k, 8.8f - k, 0.4f);
    /* a chamfer towards the handle on the inner lower corner */
    d = fmaxf(d, ((p.x - 9.4f) + (p.y - 5.4f)) * 0.70710678f + k);
    return fmaxf(d, sd_circle(p, 20.6f, 3.4f, 17.4f - k)) - k;
}

static float icon_phone(v2 p)
{
    /* A handset lying in the corner: a handle arcing around the top right, with the
     * ear piece at the top left and the mouth piece (the ear piece mirrored across the
     * diagonal) at the bottom right, filleted where they meet. */
    const float cx = 20.6f, cy = 3.4f;
    v2 q = {cx - (p.y - cy), cy - (p.x - cx)};
    float handle = sd_arc(p, cx, cy, 15.7f, 110, 160, 1.7f);
    float d = op_smooth_union(handle, phone_piece(p), 2.0f);
    d = op_smooth_union(d, phone_piece(q), 2.0f);
    return fmaxf(d, sd_circle(p, cx, cy, 17.6f)) - 0.1f;
}

static float icon_back(v2 p)
{
    float d = sd_capsule(p, 4.5f, 12, 19.5f, 12, 1.35f);
    d = op_union(d, sd_capsule(p, 4.5f, 12, 11, 5.5f, 1.35f));
    return op_union(d, sd_capsule(p, 4.5f, 12, 11, 18.5f, 1.35f));
}

static float icon_next(v2 p)
{
    float d = sd_capsule(p, 8.5f, 4.5f, 16, 12, 1.45f);
    return op_union(d, sd_capsule(p, 16, 12, 8.5f, 19.5f, 1.45f));
}

static float roof(v2 p)
{
    float d = sd_capsule(p, 2.6f, 11.2f, 12, 3, 1.3f);
    return op_union(d, sd_capsule(p, 12, 3, 21.4f, 11.2f, 1.3f));
}

static float icon_home(v2 p)
{
    float body =
        sd_poly(p, (const v2[]){{12, 4.5f}, {18.8f, 10.5f}, {18.8f, 21}, {5.2f, 21}, {5.2f, 10.5f}},
                5) -
        0.2f;
    float door = sd_rbox(p, 10, 14.2f, 14, 23, 1);
    return op_union(roof(p), op_sub(body, door));
}

static float icon_everyday(v2 p)
{
    float body =
        sd_poly(p, (const v2[]){{12, 4.5f}, {18.8f, 10.5f}, {18.8f, 21}, {5.2f, 21}, {5.2f, 10.5f}},
                5) -
        0.2f;
    /* A key cut out of the house: ring head, shaft, two teeth. */
    float key = fabsf(sd_circle(p, 9.4f, 14.6f, 2.2f)) - 0.85f;
    key = op_union(key, sd_capsule(p, 11.6f, 14.6f, 16.6f, 14.6f, 0.85f));
    key = op_union(key, sd_capsule(p, 15.6f, 14.6f, 15.6f, 17.4f, 0.85f));
    key = op_union(key, sd_capsule(p, 13.6f, 14.6f, 13.6f, 16.8f, 0.85f));
    return op_union(roof(p), op_sub(body, key));
}

/* The euro sign: an arc open to the right and two bars; scale s around (cx, cy). */
static float euro_sign(v2 p, float cx, float cy, float s, float t)
{
    v2 q = {(p.x - cx) / s, (p.y - cy) / s};
    float d = sd_arc(q, 1.5f, 0, 7.2f, 42, 318, t);
    d = op_union(d, sd_capsule(q, -8.2f, -2.1f, 1.2f, -2.1f, t * 0.85f));
    d = op_union(d, sd_capsule(q, -8.2f, 2.1f, 0.2f, 2.1f, t * 0.85f));
    return d * s;
}

static float icon_euro(v2 p)
{
    return euro_sign(p, 12.3f, 12, 1.0f, 1.25f);
}

static float icon_money(v2 p)
{
    float coin = sd_circle(p, 12, 12, 10.3f);
    float rim = fabsf(sd_circle(p, 12, 12, 8.2f)) - 0.45f;
    return op_sub(op_sub(coin, rim), euro_sign(p, 12.2f, 12, 0.62f, 1.55f));
}

/* A person: round head over a body with rounded shoulders. */
static float person(v2 p, float cx, float head_y, float head_r, float x0, float y0, float x1,
                    float y1)
{
    float body = sd_rbox(p, x0, y0, x1, y1 + 3, (x1 - x0) / 2);
    body = fmaxf(body, p.y - y1); /* flat feet */
    return op_union(sd_circle(p, cx, head_y, head_r), body);
}

static float icon_family(v2 p)
{
    float adults = op_union(person(p, 6.4f, 5.2f, 2.8f, 2.6f, 9.6f, 10.2f, 21.5f),
                            person(p, 17.6f, 5.2f, 2.8f, 13.8f, 9.6f, 21.4f, 21.5f));
    float child = person(p, 12, 11.6f, 2.2f, 8.9f, 15.2f, 15.1f, 21.5f);
    return op_union(op_sub(adults, child - 1.3f), child);
}

/* Inigo Quilez's exact heart: tip at the origin, y up, about 1.2 wide and 1.1 high. */
static float sd_heart_unit(float x, float y)
{
    x = fabsf(x);
    if (y + x > 1.0f)
        return len2(x - 0.25f, y - 0.75f) - 0.35355339f;
    float m = 0.5f * fmaxf(x + y, 0);
    float d1 = x * x + (y - 1) * (y - 1);
    float d2 = (x - m) * (x - m) + (y - m) * (y - m);
    float d = sqrtf(fminf(d1, d2));
    return x - y > 0 ? d : -d;
}

static float icon_health(v2 p)
{
    const float s = 16.6f;
    return sd_heart_unit((p.x - 12) / s, (20.9f - p.y) / s) * s - 0.2f;
}

static float icon_language(v2 p)
{
    float back = speech_bubble(p, 1.8f, 2.2f, 14.8f, 12, 3, false);
    float front = speech_bubble(p, 9.2f, 8.6f, 22.2f, 18.4f, 3, true);
    float lines = sd_capsule(p, 12.8f, 12.1f, 18.6f, 12.1f, 0.85f);
    lines = op_union(lines, sd_capsule(p, 12.8f, 15.1f, 16.2f, 15.1f, 0.85f));
    return op_union(op_sub(back, front - 1.5f), op_sub(front, lines));
}

/* The outline of a shield, inset by `in` units, as a polygon: flat shoulders, straight
 * sides, then two quadratic curves meeting in the point at the bottom. */
static float shield(v2 p, float in)
{
    v2 v[24];
    int n = 0;
    v[n++] = (v2){12, 2.2f + in};
    v[n++] = (v2){20.2f - in, 5.0f + in * 0.6f};
    v[n++] = (v2){20.2f - in, 11.0f};
    /* right curve: (20.2,11) -> control (20.2,18.5) -> (12,22) */
    const int steps = 9;
    for (int i = 1; i <= steps; i++) {
        float t = (float)i / steps, u = 1 - t;
        float x = u * u * (20.2f - in) + 2 * u * t * (20.0f - in) + t * t * 12;
        float y = u * u * 11.0f + 2 * u * t * (18.5f - in * 0.3f) + t * t * (22.0f - in * 1.3f);
        v[n++] = (v2){x, y};
    }
    int mirror_from = n - 2; /* mirror the right side (without the tip) to the left */
    for (int i = mirror_from; i >= 1; i--)
        v[n++] = (v2){24 - v[i].x, v[i].y};
    return sd_poly(p, v, n);
}

static float icon_crisis(v2 p)
{
    float outer = shield(p, 0) - 0.5f;
    float inner_gap = fabsf(shield(p, 2.9f)) - 0.55f;
    float half = fmaxf(shield(p, 2.9f), p.x - 12); /* the left inner half stays open */
    return op_sub(op_sub(outer, inner_gap), half);
}

static float icon_place(v2 p)
{
    /* A circle and the triangle from the point below to its tangent points. */
    const float cx = 12, cy = 9.3f, r = 7.6f, tip = 22.2f;
    float dist = tip - cy, s = r / dist, c = sqrtf(1 - s * s);
    float tx = r * c, ty = r * s;
    float d = sd_circle(p, cx, cy, r);
    d = op_union(d, sd_tri(p, cx - tx, cy + ty, cx + tx, cy + ty, cx, tip) - 0.01f);
    return op_sub(d, sd_circle(p, cx, cy, 3.0f));
}

static float icon_calendar(v2 p)
{
    float body = op_sub(sd_rbox(p, 2.8f, 4.4f, 21.2f, 21.6f, 2.6f),
                        sd_rbox(p, 5.0f, 9.8f, 19.0f, 19.4f, 0.8f));
    float rings =
        op_union(sd_capsule(p, 8, 2.3f, 8, 6.4f, 1.2f), sd_capsule(p, 16, 2.3f, 16, 6.4f, 1.2f));
    float d = op_union(op_sub(body, rings - 1.1f), rings);
    static const float days[][2] = {
        {6.8f, 11.6f}, {10.8f, 11.6f}, {14.8f, 11.6f}, {6.8f, 15.4f}, {10.8f, 15.4f}};
    for (size_t i = 0; i < sizeof(days) / sizeof(days[0]); i++)
        d = op_union(
            d, sd_rbox(p, days[i][0], days[i][1], days[i][0] + 2.4f, days[i][1] + 2.4f, 0.5f));
    return d;
}

static float icon_globe(v2 p)
{
    const float t = 1.0f;
    float d = fabsf(sd_circle(p, 12, 12, 9.6f)) - t;
    d = op_union(d, sd_ellipse_ring(p, 12, 12, 4.3f, 9.6f, t));
    d = op_union(d, sd_capsule(p, 2.6f, 12, 21.4f, 12, t));
    float chord = sqrtf(9.6f * 9.6f - 5.2f * 5.2f);
    d = op_union(d, sd_capsule(p, 12 - chord, 6.8f, 12 + chord, 6.8f, t));
    d = op_union(d, sd_capsule(p, 12 - chord, 17.2f, 12 + chord, 17.2f, t));
    return d;
}

static float icon_warning(v2 p)
{
    float tri = sd_tri(p, 12, 4.4f, 20.6f, 19.6f, 3.4f, 19.6f) - 1.6f;
    float mark = op_union(sd_capsule(p, 12, 9.6f, 12, 13.6f, 1.3f), sd_circle(p, 12, 17, 1.4f));
    return op_sub(tri, mark);
}

typedef float (*icon_fn)(v2 p);

static icon_fn icon_function(dl_icon icon)
{
    switch (icon) {
    case ICON_CLOCK:
        return icon_clock;
    case ICON_HELP:
        return icon_help;
    case ICON_CONTACT:
        return icon_contact;
    case ICON_QR:
        return icon_qr;
    case ICON_PHONE:
        return icon_phone;
    case ICON_BACK:
        return icon_back;
    case ICON_HOME:
        return icon_home;
    case ICON_MONEY:
        return icon_money;
    case ICON_FAMILY:
        return icon_family;
    case ICON_HEALTH:
        return icon_health;
    case ICON_LANGUAGE:
        return icon_language;
    case ICON_CRISIS:
        return icon_crisis;
    case ICON_EVERYDAY:
        return icon_everyday;
    case ICON_PLACE:
        return icon_place;
    case ICON_CALENDAR:
        return icon_calendar;
    case ICON_GLOBE:
        return icon_globe;
    case ICON_EURO:
        return icon_euro;
    case ICON_NEXT:
        return icon_next;
    case ICON_WARNING:
        return icon_warning;
    case ICON_NONE:
    case ICON_COUNT:
        break;
    }
    return NULL;
}

SDL_Surface *icon_rasterize(dl_icon icon, int size, bool mirror)
{
    icon_fn fn = icon_function(icon);
    if (!fn || size < 1 || size > 4096)
        return NULL;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, size, size, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return NULL;
    const float px_per_unit = (float)size / GRID;
    /* Below ~32 px a pixel spans more than the shapes' fine gaps; 2x2 samples keep
     * those from turning to mush. Above it one analytic sample is exact enough. */
    const int ss = size < 32 ? 2 : 1;
    for (int y = 0; y < size; y++) {
        uint32_t *row = (uint32_t *)((uint8_t *)s->pixels + (size_t)y * (size_t)s->pitch);
        for (int x = 0; x < size; x++) {
            float cov = 0;
            for (int sy = 0; sy < ss; sy++)
                for (int sx = 0; sx < ss; sx++) {
                    float fx = ((float)x + ((float)sx + 0.5f) / (float)ss) / px_per_unit;
                    float fy = ((float)y + ((float)sy + 0.5f) / (float)ss) / px_per_unit;
                    v2 p = {mirror ? GRID - fx : fx, fy};
                    float d = fn(p) * px_per_unit * (float)ss;
                    cov += clampf(0.5f - d, 0, 1);
                }
            cov /= (float)(ss * ss);
            uint32_t a = (uint32_t)lroundf(cov * 255);
            row[x] = (a << 24) | 0xFFFFFFu;
        }
    }
    return s;
}
