/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* fake_measure.h - a fixed-width text_measure for unit tests: every code point is
 * px/2 pixels wide, lines are px*5/4 apart. Deterministic and font-free. */
#ifndef LOTSE_FAKE_MEASURE_H
#define LOTSE_FAKE_MEASURE_H

#include "ui/text.h"

extern const text_measure fake_measure;

#endif
