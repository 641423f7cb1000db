/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* test_orient.c - display rotation and touch mapping (orient.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "ui/orient.h"

#define EPS 1e-9

static void map(const orient *o, double u, double v, double ea, double eb)
{
    double a = -1, b = -1;
    orient_touch_to_logical(o, u, v, &a, &b);
    assert_true(a > ea - EPS && a < ea + EPS);
    assert_true(b > eb - EPS && b < eb + EPS);
}

/* Where a logical point shows on the panel when the picture is turned clockwise. */
static void shown_at(int rotation, double a, double b, double *u, double *v)
{
    switch (rotation) {
    case 90:
        *u = 1 - b, *v = a;
        break;
    case 180:
        *u = 1 - a, *v = 1 - b;
        break;
    case 270:
        *u = b, *v = 1 - a;
        break;
    default:
        *u = a, *v = b;
    }
}

static void test_parse(void **state)
{
    (void)state;
    orient o = {0};
    assert_true(orient_parse_rotation(&o, "270"));
    assert_int_equal(o.rotation, 270);
    assert_false(orient_parse_rotation(&o, "45"));
    assert_false(orient_parse_rotation(&o, "90 "));
    assert_false(orient_parse_rotation(&o, ""));
    assert_int_equal(o.rotation, 270);

    const char *bad = NULL;
    assert_true(orient_parse_touch(&o, "swap-xy, invert-y", &bad));
    assert_true(o.swap_xy && !o.invert_x && o.invert_y);
    assert_true(orient_parse_touch(&o, "none", &bad));
    assert_true(!o.swap_xy && !o.invert_x && !o.invert_y);
    assert_false(orient_parse_touch(&o, "invert-x flip", &bad));
    assert_string_equal(bad, "flip");
    assert_false(orient_parse_touch(&o, " , ", &bad));
    assert_false(orient_parse_touch(&o, "invert-xy", &bad));
    assert_false(o.invert_x); /* unchanged after an error */
}

static void test_logical_size(void **state)
{
    (void)state;
    int w, h;
    orient o = {0};
    orient_logical_size(&o, 800, 480, &w, &h);
    assert_int_equal(w, 800);
    assert_int_equal(h, 480);
    o.rotation = 90;
    orient_logical_size(&o, 800, 480, &w, &h);
    assert_int_equal(w, 480);
    assert_int_equal(h, 800);
    o.rotation = 180;
    orient_logical_size(&o, 800, 480, &w, &h);
    assert_int_equal(w, 800);
    o.rotation = 270;
    orient_logical_size(&o, 800, 480, &w, &h);
    assert_int_equal(w, 480);
}

/* For every rotation, a touch where a logical point is shown maps back to that point;
 * the corners go where a person turning the panel would expect. */
static void test_rotation_round_trip(void **state)
{
    (void)state;
    static const double pts[][2] = {{0, 0}, {1, 0}, {0, 1}, {0.25, 0.75}, {0.9, 0.1}};
    for (int r = 0; r < 360; r += 90) {
        orient o = {.rotation = r};
        for (size_t i = 0; i < sizeof pts / sizeof pts[0]; i++) {
            double u, v;
            shown_at(r, pts[i][0], pts[i][1], &u, &v);
            map(&o, u, v, pts[i][0], pts[i][1]);
        }
    }
    /* Turned 90 degrees clockwise: the logical top-left is at the panel's top right. */
    orient o = {.rotation = 90};
    map(&o, 1, 0, 0, 0);
    map(&o, 0, 0, 0, 1);
    o.rotation = 270;
    map(&o, 0, 1, 0, 0);
}

static void test_touch_transform(void **state)
{
    (void)state;
    orient o = {.swap_xy = true};
    map(&o, 0.2, 0.7, 0.7, 0.2);
    o = (orient){.invert_x = true};
    map(&o, 0.2, 0.7, 0.8, 0.7);
    o = (orient){.invert_y = true};
    map(&o, 0.2, 0.7, 0.2, 0.3);
    /* The transform comes first, then the rotation is undone. */
    o = (orient){.rotation = 180, .swap_xy = true};
    map(&o, 0.2, 0.7, 0.3, 0.8);
    /* The mouse sees the picture, not the panel: no transform. */
    double a, b;
    orient_panel_to_logical(&o, 0.2, 0.7, &a, &b);
    assert_true(a > 0.8 - EPS && a < 0.8 + EPS && b > 0.3 - EPS && b < 0.3 + EPS);
    /* Outside stays outside. */
    o = (orient){.rotation = 90};
    orient_touch_to_logical(&o, -0.1, 0.5, &a, &b);
    assert_true(b > 1.0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse),
        cmocka_unit_test(test_logical_size),
        cmocka_unit_test(test_rotation_round_trip),
        cmocka_unit_test(test_touch_transform),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
