/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* config.c - the kiosk's configuration file (README.md "Running it"): a record file of
 * settings such as Site, Data, Export-Dir, Size, Idle-Timeout, Worker-Key, Admin-PIN,
 * Request-Limit. options_parse_config does the parsing on text in memory (so that
 * tests/fuzz/fuzz_config.c can drive it); options_load_config reads the file first. The
 * small value parsers are shared with the command line in main.c. */
#include <errno.h>
#include <stddef.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app.h"
#include "ui/orient.h"
#include "content/rec.h"
#include "base/util.h"

#define DEFAULT_WIDTH 1280
#define DEFAULT_HEIGHT 800
#define DEFAULT_IDLE_S 90
#define DEFAULT_EXPORT_DIR "/media/lotse-export"
#define DEFAULT_RETENTION_DAYS 60
#define DEFAULT_GREETING_S 8

void options_apply_defaults(options *o)
{
    if (!o->width) {
        o->width = DEFAULT_WIDTH;
        o->height = DEFAULT_HEIGHT;
    }
    if (!o->idle_timeout_s)
        o->idle_timeout_s = DEFAULT_IDLE_S;
    if (!o->greeting_set)
        o->greeting_s = DEFAULT_GREETING_S;
    if (!o->export_dir)
        o->export_dir = xstrdup(DEFAULT_EXPORT_DIR);
    if (!o->request_limit)
        o->request_limit = FLOOD_DEFAULT_LIMIT;
    if (!o->retention_days)
        o->retention_days = DEFAULT_RETENTION_DAYS;
}

bool options_parse_size(const char *s, int *w, int *h)
{
    char x;
    return sscanf(s, "%d%c%d", w, &x, h) == 3 && (x == 'x' || x == 'X') && *w >= 320 && *h >= 240 &&
           *w <= 8192 && *h <= 8192;
}

bool options_parse_seconds(const char *s, int *out)
{
    return options_parse_int_range(s, 15, 3600, out);
}

bool options_parse_long(const char *s, long min, long max, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < min || v > max)
        return false;
    *out = v;
    return true;
}

bool options_parse_int_range(const char *s, long min, long max, int *out)
{
    long v;
    if (min < INT_MIN || max > INT_MAX || !options_parse_long(s, min, max, &v))
        return false;
    *out = (int)v;
    return true;
}

/* ---- the table of configuration keys ------------------------------------------------
 * One row per key: its name (matched without regard to case), the value it takes (for
 * --help), the parser, where the value goes in options, and the line --help prints. A
 * parser returns false with a new message in *why (the loop adds "file:line: Key: ").
 * A value already set (from the command line) is kept: the command line wins. */
typedef struct config_key config_key;
struct config_key {
    const char *name;
    const char *value; /* what the value looks like, for --help */
    bool (*parse)(options *o, const config_key *key, const char *v, char **why);
    size_t field;     /* offsetof(options, ...) the parser fills */
    size_t set_field; /* offsetof a bool that says "set" (0: the value 0 means unset) */
    long min, max;    /* for numbers */
    const char *unit; /* for numbers, in the message: "a number of <unit> (min..max)" */
    const char *note; /* for numbers, appended inside the brackets: ", 0 = off" */
    const char *help;
};

#define FIELD(o, key, type) ((type *)(void *)((char *)(o) + (key)->field))

/* A path or text, kept as given. */
static bool parse_string(options *o, const config_key *key, const char *v, char **why)
{
    (void)why;
    char **target = FIELD(o, key, char *);
    if (!*target)
        *target = xstrdup(v);
    return true;
}

static bool parse_size(options *o, const config_key *key, const char *v, char **why)
{
    (void)key;
    int w, h;
    if (!options_parse_size(v, &w, &h)) {
        *why = xasprintf("'%s' is not WIDTHxHEIGHT", v);
        return false;
    }
    if (!o->width) {
        o->width = w;
        o->height = h;
    }
    return true;
}

/* A whole number in key->min..key->max into an int. */
static bool parse_number(options *o, const config_key *key, const char *v, char **why)
{
    int n;
    if (!options_parse_int_range(v, key->min, key->max, &n)) {
        *why = xasprintf("'%s' is not a number of %s (%ld..%ld%s)", v, key->unit, key->min,
                         key->max, key->note ? key->note : "");
        return false;
    }
    int *target = FIELD(o, key, int);
    bool *set = key->set_field ? (bool *)(void *)((char *)o + key->set_field) : NULL;
    if (set ? !*set : !*target) {
        *target = n;
        if (set)
            *set = true;
    }
    return true;
}

static bool parse_worker_key(options *o, const config_key *key, const char *v, char **why)
{
    (void)key;
    unsigned char pk[32];
    if (!requests_load_worker_key(v, pk, why))
        return false;
    if (!o->worker_key)
        o->worker_key = xstrdup(v);
    return true;
}

static bool parse_admin_pin(options *o, const config_key *key, const char *v, char **why)
{
    (void)key;
    if (!str_starts_with(v, "$argon2id$")) {
        *why = xstrdup("not a PIN hash: use the line `lotse-admin pin` prints (it starts with "
                       "$argon2id$)");
        return false;
    }
    if (!o->admin_pin)
        o->admin_pin = xstrdup(v);
    return true;
}

static bool parse_export_mount(options *o, const config_key *key, const char *v, char **why)
{
    (void)key;
    if (strcmp(v, "yes") == 0)
        o->export_mount = true;
    else if (strcmp(v, "no") != 0) {
        *why = xasprintf("'%s' is neither 'yes' nor 'no'", v);
        return false;
    }
    return true;
}

static bool parse_rotation(options *o, const config_key *key, const char *v, char **why)
{
    (void)key;
    if (!orient_parse_rotation(&o->orient, v)) {
        *why = xasprintf("'%s' is not a rotation in degrees (0, 90, 180 or 270)", v);
        return false;
    }
    return true;
}

static bool parse_touch(options *o, const config_key *key, const char *v, char **why)
{
    (void)key;
    const char *bad = v;
    if (!orient_parse_touch(&o->orient, v, &bad)) {
        *why = xasprintf("'%s': expected 'none' or any of swap-xy, invert-x, invert-y", bad);
        return false;
    }
    return true;
}

static bool parse_renderer(options *o, const config_key *key, const char *v, char **why)
{
    (void)key;
    if (strcmp(v, "accelerated") == 0)
        o->accelerated = true;
    else if (strcmp(v, "software") != 0) {
        *why = xasprintf("'%s' is neither 'software' nor 'accelerated'", v);
        return false;
    }
    return true;
}

#define STRING(name, value, member, help)                                                          \
    {                                                                                              \
        name, value, parse_string, offsetof(options, member), 0, 0, 0, NULL, NULL, help            \
    }
#define NUMBER(name, member, set, min, max, unit, note, help)                                      \
    {                                                                                              \
        name, "N", parse_number, offsetof(options, member), set, min, max, unit, note, help        \
    }
#define OTHER(name, value, parse, help)                                                            \
    {                                                                                              \
        name, value, parse, 0, 0, 0, 0, NULL, NULL, help                                           \
    }

static const config_key CONFIG_KEYS[] = {
    STRING("Site", "DIR", site_dir, "site content folder (default: the demo site)"),
    STRING("Data", "DIR", data_dir, "state directory, where lotse.db is kept"),
    STRING("Locales", "DIR", locales_dir, "UI translations"),
    OTHER("Size", "WxH", parse_size, "window and layout size (default 1280x800)"),
    NUMBER("Idle-Timeout", idle_timeout_s, 0, 15, 3600, "seconds", NULL,
           "seconds without a touch before starting over (90)"),
    NUMBER("Greeting-Rotation", greeting_s, offsetof(options, greeting_set), 0, 600, "seconds",
           ", 0 = off", "seconds per greeting language at rest (8; 0 = off)"),
    OTHER("Renderer", "software|accelerated", parse_renderer,
          "accelerated: GPU renderer, loads GL (software)"),
    STRING("Font-Regular", "FILE", font_regular, "regular font file (Noto Sans, else DejaVu Sans)"),
    STRING("Font-Bold", "FILE", font_bold, "bold font file (Noto Sans Bold, else DejaVu)"),
    OTHER("Worker-Key", "KEY|FILE", parse_worker_key,
          "public key line or file; without it no \"Contact me\""),
    OTHER("Admin-PIN", "HASH", parse_admin_pin,
          "staff PIN hash from `lotse-admin pin`; else no staff"),
    STRING("Export-Dir", "DIR", export_dir, "USB stick mount point (/media/lotse-export)"),
    OTHER("Export-Needs-Mount", "yes|no", parse_export_mount,
          "yes: export only onto a mounted stick (no)"),
    NUMBER("Request-Limit", request_limit, 0, 1, FLOOD_MAX_LIMIT, "requests per 10 minutes", NULL,
           "requests accepted per 10 minutes (5)"),
    NUMBER("Request-Retention-Days", retention_days, 0, 1, 365, "days", NULL,
           "days until an uncollected request is deleted (60)"),
    STRING("Export-Done-File", "FILE", export_done_file,
           "gets the export's file name after an export"),
    OTHER("Rotation", "0|90|180|270", parse_rotation, "picture turned clockwise on the panel (0)"),
    OTHER("Touch-Transform", "none|swap-xy,invert-x,invert-y", parse_touch,
          "touch axes that differ from the display (none)"),
};

void options_print_help_line(FILE *f, const char *left, const char *help)
{
    enum { COLUMN = 28 };
    int w = fprintf(f, "  %s", left);
    if (w >= COLUMN - 1)
        fprintf(f, "\n%*s%s\n", COLUMN, "", help);
    else
        fprintf(f, "%*s%s\n", COLUMN - w, "", help);
}

void options_print_config_keys(FILE *f)
{
    for (size_t i = 0; i < ARRAY_LEN(CONFIG_KEYS); i++) {
        char *left = xasprintf("%s: %s", CONFIG_KEYS[i].name, CONFIG_KEYS[i].value);
        options_print_help_line(f, left, CONFIG_KEYS[i].help);
        free(left);
    }
}

static const config_key *config_key_find(const char *name)
{
    for (size_t i = 0; i < ARRAY_LEN(CONFIG_KEYS); i++)
        if (strcasecmp(CONFIG_KEYS[i].name, name) == 0)
            return &CONFIG_KEYS[i];
    return NULL;
}

bool options_parse_config(options *o, const char *name, const char *text, size_t len, char **err)
{
    site_errors errors;
    site_errors_init(&errors);
    rec_file *f = rec_parse(name, text, len, &errors);
    for (size_t r = 0; f && r < f->n_records; r++) {
        for (size_t i = 0; i < f->records[r].n_fields; i++) {
            const rec_field *fl = &f->records[r].fields[i];
            const config_key *key = config_key_find(fl->key);
            char *why = NULL;
            if (!key)
                site_errors_add(&errors, name, fl->line, fl->key,
                                "unknown setting (`lotse --help` lists the keys)");
            else if (!key->parse(o, key, fl->value, &why))
                site_errors_add(&errors, name, fl->line, fl->key, "%s", why ? why : "bad value");
            free(why);
        }
    }
    rec_destroy(f);
    bool ok = errors.count == 0;
    if (!ok) {
        strbuf sb;
        strbuf_init(&sb);
        for (size_t i = 0; i < errors.count; i++)
            strbuf_printf(&sb, "%s%s", i ? "\n" : "", errors.messages[i]);
        *err = strbuf_steal(&sb);
    }
    site_errors_finish(&errors);
    return ok;
}

bool options_load_config(options *o, const char *path, char **err)
{
    size_t len = 0;
    char *text = files_read(path, &len, err);
    if (!text)
        return false;
    bool ok = options_parse_config(o, path, text, len, err);
    free(text);
    return ok;
}

void options_finish(options *o)
{
    free(o->config_path);
    free(o->site_dir);
    free(o->data_dir);
    free(o->locales_dir);
    free(o->font_regular);
    free(o->font_bold);
    free(o->script);
    free(o->check_site);
    free(o->worker_key);
    free(o->admin_pin);
    free(o->export_dir);
    free(o->export_done_file);
}
