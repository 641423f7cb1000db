/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* start.c - the kiosk's start-up and shut-down, in the one order main() (lotse) and the
 * script fuzz target (tests/fuzz/fuzz_script.c) share: translations, the state database
 * (a damaged one moved aside), the site content (else the last good copy, else out of
 * order), the window and renderer, the clocks, contact requests, and headless the first
 * frame. What is missing is logged on stderr and the kiosk starts without it where it
 * can. */
#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "base/util.h"
#include "clock.h"

bool app_start(kiosk *k, char **err)
{
    options *o = &k->opt;
    site_errors errors;
    site_errors_init(&errors);
    k->i18n = content_load_i18n(o->locales_dir, &errors);
    for (size_t i = 0; i < errors.count; i++)
        fprintf(stderr, "lotse: translations: %s\n", errors.messages[i]);
    site_errors_finish(&errors);
    if (!k->i18n) {
        *err = xasprintf("cannot start without the language list in %s", o->locales_dir);
        return false;
    }
    char *serr = NULL, *aside = NULL;
    k->store = store_open_recover(o->data_dir, &aside, &serr);
    if (aside) {
        fprintf(stderr,
                "lotse: the state database was damaged: moved aside to %s, started a fresh "
                "one (the requests in it could not be read)\n",
                aside);
        k->store_aside = aside;
    }
    if (!k->store) /* the kiosk still shows content; it only cannot keep a last-good copy */
        fprintf(stderr, "lotse: state database unavailable: %s\n",
                serr ? serr : "(no reason given)");
    free(serr);
    k->site = content_load_for_kiosk(o->site_dir, k->i18n, k->store);
    k->ctx.site = k->site;
    k->ctx.i18n = k->i18n;
    k->ctx.config.idle_timeout_ms = o->idle_timeout_s * 1000;
    k->ctx.config.idle_warning_ms = APP_IDLE_WARNING_MS;
    k->ctx.config.greeting_ms = o->greeting_s * 1000;
    if (!kiosk_init(k, err))
        return false;
    k->virtual_clock = o->headless;
    k->utc_base = o->have_now ? o->now_utc : clock_wall_utc();
    if (o->have_now && !o->headless)
        k->utc_offset = o->now_utc - clock_wall_utc();
    requests_init(k);
    if (o->headless) {
        k->mono_ms = 0;
        ui_reset(k->st, 0);
        kiosk_frame(k, true);
    }
    return true;
}

void app_stop(kiosk *k)
{
    requests_finish(k);
    kiosk_finish(k);
    site_destroy(k->site);
    k->site = NULL;
    k->ctx.site = NULL;
    i18n_destroy(k->i18n);
    k->i18n = NULL;
    k->ctx.i18n = NULL;
    store_close(k->store);
    k->store = NULL;
}
