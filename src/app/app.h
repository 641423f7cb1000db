/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* app.h - the kiosk program: options, the one struct holding its global state, and the
 * pieces main.c, kiosk.c, content.c and script.c share. */
#ifndef LOTSE_APP_H
#define LOTSE_APP_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <SDL.h>

#include "ui/dl.h"
#include "request/flood.h"
#include "content/i18n.h"
#include "ui/orient.h"
#include "time/retention.h"
#include "content/site.h"
#include "ui/touch.h"
#include "ui/ui.h"
#include "ui/watch.h"
#include "files.h"
#include "render.h"
#include "store.h"

typedef struct options {
    char *config_path; /* NULL: /etc/lotse/lotse.conf when it exists */
    char *site_dir;
    char *data_dir;
    char *locales_dir;
    char *font_regular;
    char *font_bold;
    char *script;     /* --script FILE */
    char *check_site; /* --check-site DIR */
    bool headless;
    bool windowed;
    bool accelerated;        /* Renderer: accelerated (loads the GL stack) */
    bool bench;              /* --bench: print start-up and render timings as JSON and exit */
    bool translation_status; /* --translation-status */
    bool have_now;
    int64_t now_utc; /* --now, as UTC */
    int width, height;
    int idle_timeout_s;
    bool greeting_set;
    int greeting_s; /* Greeting-Rotation: seconds per language at rest, 0 = off */
    /* Contact requests and the admin mode (see README "Configuration"). */
    char *worker_key;       /* Worker-Key: the public key line, or a path to the key file */
    char *admin_pin;        /* Admin-PIN: an Argon2id hash from `lotse-admin pin` */
    char *export_dir;       /* Export-Dir: where the USB stick is mounted */
    bool export_mount;      /* Export-Needs-Mount: yes - only export onto a mounted stick */
    char *export_done_file; /* Export-Done-File: touched after an export (unmounts the stick) */
    orient orient;          /* Rotation, Touch-Transform */
    int request_limit;      /* Request-Limit: requests per 10 minutes (0 = default) */
    int retention_days;     /* Request-Retention-Days (0 = default) */
} options;

/* config.c: the configuration file (a record file, see README.md "Running it").
 * options_load_config reads path and parses it into opt; command-line values already set
 * in opt win. Returns false with *err set (every problem, one "file:line: ..." a line).
 * options_parse_config does the same on text[0..len) named name (no file is read, except
 * a Worker-Key that names a key file). */
bool options_load_config(options *opt, const char *path, char **err);
bool options_parse_config(options *opt, const char *name, const char *text, size_t len, char **err);
void options_finish(options *opt);
/* Fill what neither the command line nor the configuration set, except the paths of the
 * site, the translations and the data (main.c: they depend on the installation). */
void options_apply_defaults(options *opt);
/* One line of --help: "  left", then help in the column (on the next line when left is
 * too wide). */
void options_print_help_line(FILE *f, const char *left, const char *help);
/* The configuration keys, one "  Key: VALUE  help" line each (from config.c's table), for
 * `lotse --help`. */
void options_print_config_keys(FILE *f);
/* Values shared with the command line: WIDTHxHEIGHT (320x240..8192x8192), seconds
 * (15..3600), an integer in [min, max]. False (out untouched or partly set) if invalid. */
bool options_parse_size(const char *s, int *w, int *h);
bool options_parse_seconds(const char *s, int *out);
/* A whole decimal number in min..max (nothing else in s). */
bool options_parse_long(const char *s, long min, long max, long *out);
bool options_parse_int_range(const char *s, long min, long max, int *out);

/* effects.c: what the core asks for (ui_effect), performed with the store, the keys and
 * the export directory. The kiosk fills the pointers and options before effects_init. */
typedef struct effects {
    const options *opt;
    store *store;            /* may be NULL (no state database) */
    const site *site;        /* may be NULL (out of order) */
    ui_status *status;       /* kept current: the queue, what is switched on */
    hours_overlay hours;     /* the staff's consultation-hour changes beside the site */
    const char *store_aside; /* where a damaged database was moved at start, or NULL */
    bool have_worker_key;
    unsigned char worker_pk[32];
    unsigned char flood_key[32]; /* random per process: keys the flood guard's digests */
    flood_guard flood;
    retention_clock retention;   /* the days retention counts (time/retention.h) */
    int last_purge_day;          /* days since the epoch of the last retention purge */
    int last_wall_day;           /* the wall-clock day of the last purge */
    unsigned long pins_accepted; /* right PINs so far (the monkey's staff invariant) */
    int64_t now_utc, mono_ms;    /* the time of the call being performed */
} effects;

/* Load the worker key, prepare the flood guard, put the saved consultation-hour changes
 * into the overlay, purge expired requests and fill *status. Logs what is missing. */
void effects_init(effects *fx, int64_t now_utc, int64_t mono_ms);
void effects_finish(effects *fx);
/* Perform the effect the last ui_update asked of st, if any, and report it back. */
void effects_perform(effects *fx, ui_state *st, int64_t now_utc, int64_t mono_ms);
/* Delete requests older than the retention period (once a day; cheap otherwise). */
void effects_housekeeping(effects *fx, int64_t now_utc, int64_t mono_ms);
/* The idle timeout: nothing may bring a confirmation back (the flood guard's last one). */
void effects_forget_last(effects *fx);
/* Parse a Worker-Key value (an inline key line or a path to a key file). */
bool requests_load_worker_key(const char *value, unsigned char pk[32], char **err);

/* The kiosk's global state in one struct (DESIGN.md). */
typedef struct kiosk {
    options opt;
    i18n *i18n;
    site *site;
    store *store;
    fontset *fonts;
    SDL_Window *win;
    SDL_Renderer *sdl;
    SDL_Texture *turned;  /* the layout-sized frame when Rotation is not 0 */
    int panel_w, panel_h; /* the renderer's output size; the layout's is ctx.config */
    renderer *rd;
    ui_state *st; /* opaque (ui.h) */
    ui_ctx ctx;
    dl *shown;               /* what is on the screen now */
    bool virtual_clock;      /* headless: time only moves by `wait` */
    int64_t mono_ms;         /* monotonic time of the current event */
    int64_t utc_base;        /* virtual clock: UTC at mono_ms == 0 */
    int64_t utc_offset;      /* real clock shifted by --now: added to the wall clock */
    touch_state touch;       /* which finger is the touch (core/touch.h) */
    int64_t screen_since_ms; /* when the shown screen last changed (monotonic) */
    unsigned long redraws;
    bool quit;
    effects fx;                   /* requests, the PIN, the export, the hours (effects.c) */
    char *store_aside;            /* where a damaged database was moved at start, or NULL */
    ui_watch *watch;              /* the rules checked after every frame (monkey, storm), or NULL */
    const char *violation;        /* the first broken rule (owned by watch), or NULL */
    unsigned long caches_emptied; /* how often leaving a private screen emptied the caches */
} kiosk;

/* content.c: languages, UI catalogs and site content. */
i18n *content_load_i18n(const char *locales_dir, site_errors *errors);
/* Read a site folder (the three record files and locales/NAME.po) into fs and parse it
 * (content_parse_site). NULL with the reasons in *errors. */
site *content_load_dir(const char *dir, i18n *t, file_set *fs, site_errors *errors);
/* Parse site files and their translations; on success install the site catalogs into t
 * and return the site. NULL with errors otherwise (t unchanged). */
site *content_parse_site(const site_file *files, size_t n, i18n *t, site_errors *errors);
/* The kiosk's start-up content logic: the site folder if it is valid (saved as the last
 * good snapshot), else the last good snapshot, else NULL (out of order). Logs why. */
site *content_load_for_kiosk(const char *dir, i18n *t, store *st);

/* kiosk.c */
/* The fonts configured in opt (default: Noto Sans, falling back to DejaVu Sans). */
fontset *kiosk_fonts_create(const options *opt, char **err);
int kiosk_main(kiosk *k);
bool kiosk_init(kiosk *k, char **err);
void kiosk_finish(kiosk *k);
int64_t kiosk_now_utc(const kiosk *k);
/* Lay out the current state and draw it if it differs from what is shown (or force). */
void kiosk_frame(kiosk *k, bool force);
/* A finished touch at x, y that was held for hold_ms. */
void kiosk_tap(kiosk *k, int x, int y, int hold_ms);
void kiosk_back(kiosk *k);
/* Virtual clock: advance by ms, delivering every timeout on the way. */
void kiosk_advance(kiosk *k, int64_t ms);
/* Handle every queued SDL event as the loop does, then tick and draw (scripts push real
 * touch events and let this process them). */
void kiosk_pump(kiosk *k);
/* Shift the wall clock by delta seconds; the monotonic clock goes on (script
 * `clock-jump`). */
void kiosk_jump_wall_clock(kiosk *k, int64_t delta_s);
bool kiosk_screenshot(kiosk *k, const char *path, char **err);

/* kiosk.c: the kiosk's wiring of the effects module (its store, site, options, clock). */
void requests_init(kiosk *k);
void requests_finish(kiosk *k);
/* Tap the centre of the enabled element with this id on the shown screen; false if none. */
bool kiosk_tap_id(kiosk *k, const char *id);

/* start.c: start the kiosk configured in k->opt (defaults applied; k otherwise zeroed):
 * translations, the state database (a damaged one moved aside), the site content (else
 * the last good copy, else out of order), the window or offscreen renderer, the clocks,
 * contact requests and, headless, the first frame at monotonic time 0. Logs on stderr
 * what is missing but lets the kiosk run. False with *err (caller frees) when it cannot
 * run: no language list, no renderer or fonts. Call app_stop in either case. */
bool app_start(kiosk *k, char **err);
/* Undo app_start (also a partial one); k->opt stays (options_finish). */
void app_stop(kiosk *k);
/* How long before the idle timeout the "still there?" warning shows. */
#define APP_IDLE_WARNING_MS 10000

/* script.c: run an automation script; returns the process exit code. */
int script_run(kiosk *k, const char *path);
/* The script commands, one "  command ARGS  help" line each (from script.c's table), for
 * `lotse --help`. */
void script_print_commands(FILE *f);

/* Paths of installed or in-tree data ("locales", "assets/demo-site"). Caller frees. */
char *app_data_path(const char *rel);
/* The per-user data directory when none is configured. Caller frees. */
char *app_default_data_dir(void);

#endif
