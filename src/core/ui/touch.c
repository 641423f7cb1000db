/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* touch.c - which touches become taps (touch.h). */
#include "ui/touch.h"

void touch_init(touch_state *t)
{
    t->down = false;
    t->id = 0;
    t->down_ms = 0;
}

static bool inside(int x, int y, int w, int h)
{
    return x >= 0 && y >= 0 && x < w && y < h;
}

bool touch_down(touch_state *t, int64_t id, int x, int y, int w, int h, int64_t now_ms,
                int64_t screen_since_ms)
{
    if (t->down) {
        /* A second finger is ignored, unless the touch is stale; the same finger down
         * again means its up was lost (ids are reused): it starts over. */
        bool stale = now_ms - t->down_ms >= TOUCH_STALE_MS;
        if (!stale && id != t->id)
            return false;
        t->down = false;
    }
    if (!inside(x, y, w, h))
        return false;
    /* A clock that went back counts as "just changed": never a tap on an unseen screen. */
    int64_t since = now_ms - screen_since_ms;
    if (since < TOUCH_SETTLE_MS)
        return false;
    t->down = true;
    t->id = id;
    t->down_ms = now_ms;
    return true;
}

bool touch_up(touch_state *t, int64_t id, int x, int y, int w, int h, int64_t now_ms,
              int64_t screen_since_ms, int *hold_ms)
{
    *hold_ms = 0;
    if (!t->down || id != t->id)
        return false;
    t->down = false;
    if (screen_since_ms >= t->down_ms || !inside(x, y, w, h))
        return false;
    int64_t held = now_ms - t->down_ms;
    *hold_ms = held < 0 ? 0 : held > TOUCH_MAX_HOLD_MS ? TOUCH_MAX_HOLD_MS : (int)held;
    return true;
}

void touch_cancel(touch_state *t)
{
    t->down = false;
}
