/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* touch.h - which touches become taps. Pure: touch ids, positions in screen pixels and
 * the monotonic time come in; nothing here knows SDL.
 *
 * A touchscreen at a Kita entrance gets two hands at once, a palm resting on the glass,
 * a child drumming fifty times a second and fingers sliding off the edge. The rules
 * (README "Touch"):
 *   - One touch at a time: the first finger down is the touch. A further finger while it
 *     is down is ignored: it neither taps nor cancels the first one.
 *   - A touch that goes down outside the screen is ignored; one that lifts outside the
 *     screen is no tap.
 *   - A tap lands only on the screen it was aimed at: a finger that goes down less than
 *     TOUCH_SETTLE_MS after the screen changed (it was aimed at the screen before) is
 *     ignored, and a touch during which the screen changed (a timeout) is no tap.
 *   - Nothing stays stuck: a touch down for TOUCH_STALE_MS or longer (a resting hand, a
 *     lost finger-up) gives way to the next finger that goes down, and a finger that goes
 *     down again without having lifted (its up was lost; ids are reused) starts over.
 *   - The hold time of a tap is the time between its own down and up, so two quick taps
 *     never add up to the 5 s admin hold. */
#ifndef LOTSE_TOUCH_H
#define LOTSE_TOUCH_H

#include <stdbool.h>
#include <stdint.h>

#define TOUCH_SETTLE_MS 250
#define TOUCH_STALE_MS 10000
/* Holds are reported up to this long (the admin entry needs 5 s). */
#define TOUCH_MAX_HOLD_MS 600000

typedef struct touch_state {
    bool down;       /* a touch is being tracked */
    int64_t id;      /* its finger (or mouse) id */
    int64_t down_ms; /* when it went down (monotonic) */
} touch_state;

void touch_init(touch_state *t);
/* Finger id went down at x, y on a w x h screen at now_ms; the screen last changed at
 * screen_since_ms. True when it became the tracked touch. */
bool touch_down(touch_state *t, int64_t id, int x, int y, int w, int h, int64_t now_ms,
                int64_t screen_since_ms);
/* Finger id lifted at x, y. True when this is a tap; *hold_ms gets how long it was down.
 * The tracked touch ends whenever its own finger lifts, tap or not. */
bool touch_up(touch_state *t, int64_t id, int x, int y, int w, int h, int64_t now_ms,
              int64_t screen_since_ms, int *hold_ms);
/* Forget the tracked touch (the window lost focus). */
void touch_cancel(touch_state *t);

#endif
