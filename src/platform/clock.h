/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* clock.h - the kiosk's two clocks. Wall time (UTC seconds) feeds the schedule; the
 * monotonic clock feeds timeouts, so a clock that jumps (no RTC, NTP, fake-hwclock)
 * never fires or freezes the idle timeout. */
#ifndef LOTSE_CLOCK_H
#define LOTSE_CLOCK_H

#include <stdint.h>

int64_t clock_wall_utc(void);
int64_t clock_mono_ms(void);

#endif
