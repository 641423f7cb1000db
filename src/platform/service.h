/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* service.h - telling the service manager (systemd, board/lotse.service) how the kiosk
 * is doing: ready after the first frame, alive on every turn of the main loop (the
 * watchdog heartbeat: a hung loop stops sending and systemd restarts the kiosk), and
 * stopping. Every call is a cheap no-op when the kiosk was not started by systemd. */
#ifndef LOTSE_SERVICE_H
#define LOTSE_SERVICE_H

#include <stdint.h>

/* The first frame is on the screen. status: a short line for `systemctl status`. */
void service_ready(const char *status);
/* How often the main loop must call service_alive, in ms (half the unit's WatchdogSec),
 * or 0 when no watchdog is configured for this process. */
int64_t service_heartbeat_ms(void);
/* The main loop is turning: send WATCHDOG=1. */
void service_alive(void);
void service_stopping(void);

#endif
