/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* test_touch.c - which touches become taps (touch.c): one finger at a time, nothing
 * outside the screen, no tap aimed at a screen that is gone, nothing stuck. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "ui/touch.h"

#define W 1280
#define H 800
#define LONG_AGO INT64_C(-1000000) /* the screen changed long before */

static bool down(touch_state *t, int64_t id, int x, int y, int64_t now)
{
    return touch_down(t, id, x, y, W, H, now, LONG_AGO);
}

static bool up(touch_state *t, int64_t id, int x, int y, int64_t now, int *hold)
{
    return touch_up(t, id, x, y, W, H, now, LONG_AGO, hold);
}

static void test_single_tap(void **state)
{
    (void)state;
    touch_state t;
    touch_init(&t);
    int hold = -1;
    assert_true(down(&t, 1, 100, 100, 1000));
    assert_true(up(&t, 1, 110, 105, 1080, &hold));
    assert_int_equal(hold, 80);
    assert_false(t.down);
    /* An up without a down is no tap. */
    assert_false(up(&t, 1, 110, 105, 1200, &hold));
    assert_int_equal(hold, 0);
}

static void test_second_finger_ignored(void **state)
{
    (void)state;
    touch_state t;
    touch_init(&t);
    int hold;
    assert_true(down(&t, 1, 10, 10, 0));
    assert_false(down(&t, 2, 600, 400, 100)); /* ignored ... */
    assert_false(up(&t, 2, 600, 400, 200, &hold));
    assert_true(t.down); /* ... and cancels nothing: finger 1 is still the touch */
    assert_true(up(&t, 1, 10, 10, 5200, &hold));
    assert_int_equal(hold, 5200);
    /* Finger 2 lifting after finger 1 is no tap either. */
    assert_true(down(&t, 1, 10, 10, 6000));
    assert_false(down(&t, 2, 600, 400, 6010));
    assert_true(up(&t, 1, 10, 10, 6050, &hold));
    assert_false(up(&t, 2, 600, 400, 6060, &hold));
}

static void test_quick_taps_do_not_add_up(void **state)
{
    (void)state;
    touch_state t;
    touch_init(&t);
    int hold;
    assert_true(down(&t, 1, 10, 10, 0));
    assert_true(up(&t, 1, 10, 10, 100, &hold));
    assert_int_equal(hold, 100);
    assert_true(down(&t, 1, 10, 10, 4900));
    assert_true(up(&t, 1, 10, 10, 5100, &hold));
    assert_int_equal(hold, 200);
}

static void test_outside(void **state)
{
    (void)state;
    touch_state t;
    touch_init(&t);
    int hold;
    assert_false(down(&t, 1, -10, -10, 0));
    assert_false(up(&t, 1, -10, -10, 6000, &hold));
    assert_false(down(&t, 1, W, 10, 0));
    assert_false(down(&t, 1, 10, H, 0));
    /* Down inside, slid off the screen: no tap, and nothing stays down. */
    assert_true(down(&t, 1, W - 1, H - 1, 0));
    assert_false(up(&t, 1, W + 5, H - 1, 100, &hold));
    assert_false(t.down);
    assert_true(down(&t, 2, 0, 0, 200));
    assert_true(up(&t, 2, 0, 0, 300, &hold));
}

static void test_screen_change(void **state)
{
    (void)state;
    touch_state t;
    touch_init(&t);
    int hold;
    /* The screen changed 100 ms ago: this finger was aimed at the one before. */
    assert_false(touch_down(&t, 1, 100, 100, W, H, 1100, 1000));
    assert_false(touch_up(&t, 1, 100, 100, W, H, 1150, 1000, &hold));
    assert_true(touch_down(&t, 1, 100, 100, W, H, 1000 + TOUCH_SETTLE_MS, 1000));
    assert_true(touch_up(&t, 1, 100, 100, W, H, 1300, 1000, &hold));
    /* The screen changes while the finger is down (a timeout): no tap. */
    assert_true(touch_down(&t, 1, 100, 100, W, H, 5000, 1000));
    assert_false(touch_up(&t, 1, 100, 100, W, H, 5100, 5050, &hold));
    assert_false(t.down);
    /* A monotonic clock before the change (it cannot go back, but): no tap. */
    assert_false(touch_down(&t, 1, 100, 100, W, H, 500, 1000));
}

static void test_nothing_stuck(void **state)
{
    (void)state;
    touch_state t;
    touch_init(&t);
    int hold;
    assert_true(down(&t, 1, 100, 100, 0)); /* its up is lost */
    assert_false(down(&t, 2, 100, 100, TOUCH_STALE_MS - 1));
    assert_true(down(&t, 2, 100, 100, TOUCH_STALE_MS));
    assert_true(up(&t, 2, 100, 100, TOUCH_STALE_MS + 50, &hold));
    assert_int_equal(hold, 50);
    assert_false(up(&t, 1, 100, 100, TOUCH_STALE_MS + 60, &hold));
    /* The same id down again without an up: its up was lost, it starts over. */
    assert_true(down(&t, 3, 100, 100, 100000));
    assert_true(down(&t, 3, 100, 100, 100010));
    assert_true(up(&t, 3, 100, 100, 100030, &hold));
    assert_int_equal(hold, 20);
    /* Cancel (focus lost). */
    assert_true(down(&t, 4, 100, 100, 200000));
    touch_cancel(&t);
    assert_false(up(&t, 4, 100, 100, 200100, &hold));
    assert_true(down(&t, 5, 100, 100, 200200));
}

static void test_hold_capped(void **state)
{
    (void)state;
    touch_state t;
    touch_init(&t);
    int hold;
    assert_true(down(&t, 1, 1, 1, 0));
    assert_true(up(&t, 1, 1, 1, INT64_C(1) << 40, &hold));
    assert_int_equal(hold, TOUCH_MAX_HOLD_MS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_single_tap),
        cmocka_unit_test(test_second_finger_ignored),
        cmocka_unit_test(test_quick_taps_do_not_add_up),
        cmocka_unit_test(test_outside),
        cmocka_unit_test(test_screen_change),
        cmocka_unit_test(test_nothing_stuck),
        cmocka_unit_test(test_hold_capped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
