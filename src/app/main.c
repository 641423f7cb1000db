/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c - `lotse`: the kiosk program. Parses options and the configuration file
 * (config.c), then runs one of: --check-site DIR, the kiosk (full screen, or
 * --windowed), or headless with --script. See README.md for the options and the
 * automation interface. */
#define _POSIX_C_SOURCE 200809L
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "content/po.h"
#include "base/util.h"
#include "seal.h"
#include "clock.h"

/* ---- the table of command-line options ----------------------------------------------
 * One row per option: its name, the value it takes (NULL for a switch), what it sets in
 * options, and the line --help and the usage text print. */
typedef enum opt_kind {
    OPT_STRING,   /* a path: char * at field */
    OPT_SWITCH,   /* bool at field */
    OPT_SIZE,     /* width, height */
    OPT_SECONDS,  /* int at field, 15..3600 */
    OPT_GREETING, /* greeting_s 0..600 and greeting_set */
    OPT_NOW,      /* now_utc and have_now */
    OPT_VERSION,
    OPT_HELP,
} opt_kind;

typedef struct cli_option {
    const char *name;
    const char *value; /* NULL: a switch */
    opt_kind kind;
    size_t field; /* offsetof(options, ...) for OPT_STRING, OPT_SWITCH, OPT_SECONDS */
    const char *help;
} cli_option;

static const cli_option CLI_OPTIONS[] = {
    {"--site", "DIR", OPT_STRING, offsetof(options, site_dir),
     "site content folder (default: the bundled demo site)"},
    {"--data", "DIR", OPT_STRING, offsetof(options, data_dir),
     "state directory (default: ~/.local/share/lotse)"},
    {"--config", "FILE", OPT_STRING, offsetof(options, config_path),
     "configuration file (default: /etc/lotse/lotse.conf)"},
    {"--locales", "DIR", OPT_STRING, offsetof(options, locales_dir),
     "UI translations (default: the installed locales)"},
    {"--windowed", NULL, OPT_SWITCH, offsetof(options, windowed),
     "a window of --size, not full screen; Escape quits"},
    {"--size", "WxH", OPT_SIZE, 0, "window size (default 1280x800)"},
    {"--idle-timeout", "S", OPT_SECONDS, offsetof(options, idle_timeout_s),
     "seconds without a touch before starting over (90)"},
    {"--greeting-rotation", "S", OPT_GREETING, 0,
     "seconds per greeting language at rest (8; 0 = off)"},
    {"--accelerated", NULL, OPT_SWITCH, offsetof(options, accelerated),
     "use a GPU renderer (loads the GL stack)"},
    {"--headless", NULL, OPT_SWITCH, offsetof(options, headless),
     "no display (offscreen); needs --script or --bench"},
    {"--now", "YYYY-MM-DDTHH:MM", OPT_NOW, 0, "local Europe/Berlin time to start the clock at"},
    {"--script", "FILE", OPT_STRING, offsetof(options, script),
     "run an automation script (commands below) and exit"},
    {"--check-site", "DIR", OPT_STRING, offsetof(options, check_site),
     "validate a site folder and exit (0 = valid)"},
    {"--bench", NULL, OPT_SWITCH, offsetof(options, bench),
     "print start-up and render timings (JSON) and exit"},
    {"--translation-status", NULL, OPT_SWITCH, offsetof(options, translation_status),
     "per language: strings translated, fuzzy, missing"},
    {"--version", NULL, OPT_VERSION, 0, "print the version and exit"},
    {"--help", NULL, OPT_HELP, 0, "this text (also -h)"},
};

static void usage(FILE *f)
{
    fputs("Usage: lotse [OPTIONS]\n", f);
    for (size_t i = 0; i < ARRAY_LEN(CLI_OPTIONS); i++) {
        const cli_option *c = &CLI_OPTIONS[i];
        char *left = xasprintf("%s%s%s", c->name, c->value ? " " : "", c->value ? c->value : "");
        options_print_help_line(f, left, c->help);
        free(left);
    }
}

/* --help: the options, the configuration keys and the script commands, each from its
 * table. */
static void help(FILE *f)
{
    usage(f);
    fputs("\nConfiguration file keys (--config; \"Key: value\" a line; options above win):\n", f);
    options_print_config_keys(f);
    fputs("\nScript commands (--headless --script FILE; one a line):\n", f);
    script_print_commands(f);
}

/* Set what option c says from its value v (NULL for a switch). False with a message on
 * stderr when v is not valid. */
static bool apply_option(options *o, const cli_option *c, const char *v)
{
    switch (c->kind) {
    case OPT_STRING: {
        char **target = (char **)(void *)((char *)o + c->field);
        free(*target);
        *target = xstrdup(v);
        return true;
    }
    case OPT_SWITCH:
        *(bool *)(void *)((char *)o + c->field) = true;
        return true;
    case OPT_SIZE:
        if (options_parse_size(v, &o->width, &o->height))
            return true;
        fprintf(stderr, "lotse: --size: '%s' is not WIDTHxHEIGHT\n", v);
        return false;
    case OPT_SECONDS:
        if (options_parse_seconds(v, (int *)(void *)((char *)o + c->field)))
            return true;
        fprintf(stderr, "lotse: %s: '%s' is not 15..3600 seconds\n", c->name, v);
        return false;
    case OPT_GREETING:
        if (!options_parse_int_range(v, 0, 600, &o->greeting_s)) {
            fprintf(stderr, "lotse: %s: '%s' is not 0..600 seconds\n", c->name, v);
            return false;
        }
        o->greeting_set = true;
        return true;
    case OPT_NOW:
        if (!civil_parse_local_datetime(v, &o->now_utc)) {
            fprintf(stderr, "lotse: --now: '%s' is not YYYY-MM-DDTHH:MM\n", v);
            return false;
        }
        o->have_now = true;
        return true;
    case OPT_VERSION:
    case OPT_HELP:
        break;
    }
    return false;
}

/* Is this binary running from its build tree (then the source tree's data is used)? */
static bool running_from_build_tree(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    if (n <= 0)
        return false;
    exe[n] = '\0';
    return str_starts_with(exe, LOTSE_BINARY_DIR "/");
}

char *app_data_path(const char *rel)
{
    const char *env = getenv("LOTSE_DATADIR");
    if (env && *env)
        return xasprintf("%s/%s", env, rel);
    char *src = xasprintf("%s/%s", LOTSE_SOURCE_DIR, rel);
    if (running_from_build_tree() && files_exists(src))
        return src;
    free(src);
    return xasprintf("%s/%s", LOTSE_DATADIR, rel);
}

char *app_default_data_dir(void)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    if (xdg && *xdg)
        return xasprintf("%s/lotse", xdg);
    const char *home = getenv("HOME");
    return xasprintf("%s/.local/share/lotse", home && *home ? home : "/tmp");
}

static bool parse_args(int argc, char **argv, options *o, int *exit_code)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const cli_option *c = NULL;
        for (size_t j = 0; j < ARRAY_LEN(CLI_OPTIONS) && !c; j++)
            if (strcmp(a, CLI_OPTIONS[j].name) == 0 ||
                (CLI_OPTIONS[j].kind == OPT_HELP && strcmp(a, "-h") == 0))
                c = &CLI_OPTIONS[j];
        if (!c) {
            fprintf(stderr, "lotse: unknown option '%s'\n", a);
            usage(stderr);
            goto bad;
        }
        if (c->kind == OPT_VERSION) {
            printf("lotse %s\n", LOTSE_VERSION);
            *exit_code = 0;
            return false;
        }
        if (c->kind == OPT_HELP) {
            help(stdout);
            *exit_code = 0;
            return false;
        }
        const char *v = NULL;
        if (c->value) {
            if (i + 1 >= argc) {
                fprintf(stderr, "lotse: %s needs a value\n", a);
                goto bad;
            }
            v = argv[++i];
        }
        if (!apply_option(o, c, v))
            goto bad;
    }
    return true;
bad:
    *exit_code = 2;
    return false;
}

/* The paths (they depend on the installation), then the rest (config.c). */
static void apply_defaults(options *o)
{
    if (!o->site_dir)
        o->site_dir = app_data_path("assets/demo-site");
    if (!o->locales_dir)
        o->locales_dir = app_data_path("locales");
    if (!o->data_dir)
        o->data_dir = app_default_data_dir();
    options_apply_defaults(o);
}

static void print_errors(const site_errors *e)
{
    for (size_t i = 0; i < e->count; i++)
        fprintf(stderr, "%s\n", e->messages[i]);
}

/* --check-site: parse everything, then lay out every screen in every language with the
 * real fonts and report texts that do not fit. */
static int check_site(options *o)
{
    site_errors errors;
    site_errors_init(&errors);
    i18n *t = content_load_i18n(o->locales_dir, &errors);
    file_set fs = {0};
    char *err = NULL;
    site *s = t ? content_load_dir(o->check_site, t, &fs, &errors) : NULL;
    if (s) {
        fontset *fonts = kiosk_fonts_create(o, &err);
        if (!fonts) {
            site_errors_add(&errors, NULL, 0, NULL, "fonts: %s", err);
            free(err);
        } else {
            ui_ctx ctx = {
                .site = s,
                .i18n = t,
                .measure = fontset_measure(fonts),
                .config = {o->width, o->height, o->idle_timeout_s * 1000, APP_IDLE_WARNING_MS, 0},
                .status = {true, true, 0, "", o->retention_days, NULL}};
            ui_check_fit(&ctx, o->have_now ? o->now_utc : clock_wall_utc(), &errors);
            fontset_destroy(fonts);
        }
    }
    int rc = errors.count ? 1 : 0;
    print_errors(&errors);
    if (rc == 0)
        printf("%s: valid: %zu Kitas, %zu workers, %zu services, %zu languages\n", o->check_site,
               s->n_kitas, s->n_workers, s->n_services, i18n_count(t));
    else
        fprintf(stderr, "%s: %zu problem%s\n", o->check_site, errors.count,
                errors.count == 1 ? "" : "s");
    site_destroy(s);
    i18n_destroy(t);
    file_set_finish(&fs);
    site_errors_finish(&errors);
    return rc;
}

static po_catalog *read_po(const char *path, site_errors *errors)
{
    size_t len = 0;
    char *err = NULL;
    char *text = files_read(path, &len, &err);
    if (!text) {
        site_errors_add(errors, NULL, 0, NULL, "%s", err);
        free(err);
        return NULL;
    }
    po_catalog *c = po_parse(path, text, len, errors);
    free(text);
    return c;
}

/* --translation-status: per language, how many of the template's strings are translated,
 * fuzzy or missing. Exit 0 when every file could be read. */
static int translation_status(options *o)
{
    site_errors errors;
    site_errors_init(&errors);
    i18n *t = content_load_i18n(o->locales_dir, &errors);
    char *pot_path = xasprintf("%s/lotse.pot", o->locales_dir);
    po_catalog *pot = t ? read_po(pot_path, &errors) : NULL;
    int rc = 0;
    if (!pot) {
        print_errors(&errors);
        fprintf(stderr, "lotse: cannot read the template %s\n", pot_path);
        rc = 1;
    } else {
        po_stats all = po_compare(NULL, pot);
        printf("%-9s %-26s %10s %6s %8s\n", "language", "name", "translated", "fuzzy", "missing");
        for (size_t i = 0; i < i18n_count(t); i++) {
            const lang_info *li = i18n_lang(t, i);
            po_stats st;
            if (strcmp(li->code, "en") == 0) {
                st = (po_stats){all.untranslated, 0, 0}; /* the source language */
            } else {
                char *path = xasprintf("%s/%s.po", o->locales_dir, li->code);
                site_errors e2;
                site_errors_init(&e2);
                po_catalog *c = files_exists(path) ? read_po(path, &e2) : NULL;
                if (c)
                    po_check_placeholders(c, path, &e2);
                for (size_t k = 0; k < e2.count; k++)
                    site_errors_add(&errors, NULL, 0, NULL, "%s", e2.messages[k]);
                st = po_compare(c, pot);
                po_destroy(c);
                site_errors_finish(&e2);
                free(path);
            }
            /* Pad the name by characters, not bytes (names are in their own scripts). */
            size_t chars = utf8_length(li->name);
            printf("%-9s %s%*s %6zu/%-3zu %6zu %8zu\n", li->code, li->name,
                   (int)(chars < 26 ? 26 - chars : 0), "", st.translated, all.untranslated,
                   st.fuzzy, st.untranslated);
        }
        /* Problems inside the files (placeholders, syntax) make the status fail. */
        for (size_t k = 0; k < errors.count; k++) {
            if (strstr(errors.messages[k], "missing translation file"))
                continue;
            fprintf(stderr, "%s\n", errors.messages[k]);
            rc = 1;
        }
    }
    po_destroy(pot);
    free(pot_path);
    i18n_destroy(t);
    site_errors_finish(&errors);
    return rc;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double now_ms_precise(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* --bench: timings measured inside the real binary, printed as one JSON object. */
static void bench_report(kiosk *k, double t_main, double t_first)
{
    enum { N = 30 };
    double warm[N], cold[N], layout[N];
    for (int i = 0; i < N; i++) {
        double t0 = now_ms_precise();
        dl *d = ui_layout(k->st, &k->ctx, kiosk_now_utc(k), k->mono_ms);
        double t1 = now_ms_precise();
        renderer_draw(k->rd, d);
        SDL_RenderPresent(k->sdl);
        double t2 = now_ms_precise();
        renderer_invalidate(k->rd);
        renderer_draw(k->rd, d);
        SDL_RenderPresent(k->sdl);
        double t3 = now_ms_precise();
        dl_destroy(d);
        layout[i] = t1 - t0;
        warm[i] = t2 - t1;
        cold[i] = t3 - t2;
    }
    /* "Yes, send" to the confirmation on screen: sealing, the durable COMMIT and the
     * frame (only with a worker key configured). */
    double submit[N];
    int n_submit = 0;
    for (int i = 0; i < N && k->ctx.status.contact_ready; i++) {
        /* To the consent screen as a parent goes: menu, a topic, a visit, no details. */
        ui_reset(k->st, k->mono_ms);
        kiosk_frame(k, false);
        static const char *const way[] = {
            "start",        "menu.contact", "contact.topic.money", "contact.how.visit",
            "contact.next", "contact.next"};
        bool there = true;
        for (size_t w = 0; there && w < ARRAY_LEN(way); w++)
            there = kiosk_tap_id(k, way[w]);
        if (!there || ui_current_screen(k->st) != SCREEN_CONTACT_CONSENT)
            break;
        flood_init(&k->fx.flood); /* measure the saving path, not the flood guard */
        double t0 = now_ms_precise();
        bool sent = kiosk_tap_id(k, "contact.next");
        double t1 = now_ms_precise();
        if (!sent || ui_current_screen(k->st) != SCREEN_CONTACT_DONE)
            break;
        submit[n_submit++] = t1 - t0;
    }
    qsort(submit, (size_t)n_submit, sizeof(double), cmp_double);
    /* Switching the language on the home screen, the first time into each script (its
     * font file is read then) and once more when everything is loaded. */
    ui_reset(k->st, k->mono_ms);
    kiosk_frame(k, false);
    static const char *const switch_to[] = {"ar", "ti", "uk", "fa", "tr", "de"};
    double cold_max = 0, warm_max = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < ARRAY_LEN(switch_to); i++) {
            double t0 = now_ms_precise();
            if (!ui_set_lang(k->st, &k->ctx, switch_to[i], k->mono_ms))
                continue;
            kiosk_frame(k, false);
            double dt = now_ms_precise() - t0;
            double *worst = pass == 0 ? &cold_max : &warm_max;
            if (dt > *worst)
                *worst = dt;
        }
    }
    qsort(warm, N, sizeof(double), cmp_double);
    qsort(cold, N, sizeof(double), cmp_double);
    qsort(layout, N, sizeof(double), cmp_double);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("{\"first_frame_at_ms\": %.3f, \"main_to_first_frame_ms\": %.3f, "
           "\"layout_ms\": %.3f, \"render_warm_ms\": %.3f, \"render_cold_ms\": %.3f, "
           "\"peak_rss_kb\": %ld, \"submit_ms\": %.3f, \"lang_switch_cold_ms\": %.3f, "
           "\"lang_switch_warm_ms\": %.3f}\n",
           t_first, t_first - t_main, layout[N / 2], warm[N / 2], cold[N / 2], ru.ru_maxrss,
           n_submit ? submit[n_submit / 2] : -1.0, cold_max, warm_max);
}

int main(int argc, char **argv)
{
    double t_main = now_ms_precise();
    if (!seal_init()) {
        fprintf(stderr, "lotse: libsodium cannot initialise (no entropy source)\n");
        return 1;
    }
    kiosk k;
    memset(&k, 0, sizeof(k));
    options *o = &k.opt;
    int rc = 0;
    if (!parse_args(argc, argv, o, &rc))
        goto out;
    const char *cfg = o->config_path;
    if (!cfg && !getenv("LOTSE_NO_SYSTEM_CONFIG") && files_exists("/etc/lotse/lotse.conf"))
        cfg = "/etc/lotse/lotse.conf";
    if (cfg) {
        char *err = NULL;
        if (!options_load_config(o, cfg, &err)) {
            fprintf(stderr, "%s\n", err);
            free(err);
            rc = 2;
            goto out;
        }
    }
    apply_defaults(o);
    if (o->check_site) {
        rc = check_site(o);
        goto out;
    }
    if (o->translation_status) {
        rc = translation_status(o);
        goto out;
    }

    char *err = NULL;
    if (!app_start(&k, &err)) {
        fprintf(stderr, "lotse: %s\n", err);
        free(err);
        rc = 1;
    } else if (o->headless) {
        if (o->bench)
            bench_report(&k, t_main, now_ms_precise());
        else if (o->script)
            rc = script_run(&k, o->script);
        else
            fprintf(stderr, "lotse: --headless needs --script or --bench\n"), rc = 2;
    } else {
        rc = kiosk_main(&k);
    }
    app_stop(&k);
out:
    options_finish(o);
    return rc;
}
