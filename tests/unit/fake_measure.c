/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* fake_measure.c - see fake_measure.h. */
#include "fake_measure.h"

#include "base/util.h"

static int fake_width(void *ctx, int px, bool bold, const char *s, size_t n)
{
    (void)ctx;
    (void)bold;
    return (int)utf8_count(s, n) * (px / 2);
}

static int fake_line_height(void *ctx, int px, bool bold)
{
    (void)ctx;
    (void)bold;
    return px * 5 / 4;
}

const text_measure fake_measure = {NULL, fake_width, fake_line_height, NULL};
