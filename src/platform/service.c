/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* service.c - sd_notify(3) messages to systemd (libsystemd). See service.h. */
#include "service.h"

#include <stdbool.h>

#include <systemd/sd-daemon.h>

void service_ready(const char *status)
{
    sd_notifyf(0, "READY=1\nSTATUS=%s", status ? status : "running");
}

int64_t service_heartbeat_ms(void)
{
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) <= 0 || usec == 0)
        return 0;
    int64_t ms = (int64_t)(usec / 2000);
    return ms > 0 ? ms : 1;
}

void service_alive(void)
{
    sd_notify(0, "WATCHDOG=1");
}

void service_stopping(void)
{
    sd_notify(0, "STOPPING=1");
}
