/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* watch.h - the kiosk's rules as properties, checked after every frame of a whole monkey
 * or storm run (script.c turns it on; a broken rule fails the run):
 *
 *   staff     a staff screen is shown only if the right PIN was entered since the last
 *             screen that was not a staff screen;
 *   privacy   once a private screen is left for one that is not, no element shows what
 *             was typed (name, phone number, ticket code), every cache that could hold it
 *             was emptied on the way, and the state holds none of it unless a contact
 *             screen (or a detour from one) still needs it;
 *   ready     the screen shown is the state's, and its precondition holds - so Back (or
 *             anything else) never led into a screen whose precondition is gone;
 *   greeting  at rest with the greeting's round on, every period shows the next language
 *             in turn, starting from the default one when the kiosk comes to rest.
 *
 * Pure: the app tells it what only the app knows (how many right PINs it has accepted,
 * how often it has emptied its caches). */
#ifndef LOTSE_UI_WATCH_H
#define LOTSE_UI_WATCH_H

#include "ui/ui.h"

typedef struct ui_watch ui_watch;

/* Caller destroys; destroy wipes what it remembered (it keeps copies of typed texts to
 * look for them). destroy(NULL) is a no-op. */
ui_watch *ui_watch_create(void);
void ui_watch_destroy(ui_watch *w);

/* Check the rules after a frame: st and ctx as laid out, shown the display list on the
 * screen now, pins_accepted the number of right PINs so far, caches_emptied how often
 * the app emptied its text, measure and QR caches so far. Returns NULL, or the first
 * broken rule as a message (owned by w, valid until the next call); once broken, every
 * later call returns the same message. */
const char *ui_watch_step(ui_watch *w, const ui_state *st, const ui_ctx *ctx, const dl *shown,
                          unsigned long pins_accepted, unsigned long caches_emptied,
                          int64_t mono_ms);
/* Frames checked so far. */
unsigned long ui_watch_frames(const ui_watch *w);

#endif
