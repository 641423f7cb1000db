/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* config.c - the kiosk's configuration file (README.md "Running it"): a record file of
 * settings such as Site, Data, Export-Dir, Size, Idle-Timeout, Worker-Key, Admin-PIN,
 * Request-Limit. options_parse_config does the parsing on text in memory (so that
 * tests/fuzz/fuzz_config.c can drive it); options_load_config reads the file first. The
 * small value parsers are shared with the command line in main.c. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app.h"
#include "ui/orient.h"
#include "content/rec.h"
#include "base/util.h"

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

bool options_parse_config(options *o, const char *name, const char *text, size_t len, char **err)
{
    site_errors errors;
    site_errors_init(&errors);
    rec_file *f = rec_parse(name, text, len, &errors);
    for (size_t r = 0; f && r < f->n_records; r++) {
        for (size_t i = 0; i < f->records[r].n_fields; i++) {
            const rec_field *fl = &f->records[r].fields[i];
            const char *k = fl->key, *v = fl->value;
            char **target = NULL;
            if (strcasecmp(k, "Site") == 0)
                target = &o->site_dir;
            else if (strcasecmp(k, "Data") == 0)
                target = &o->data_dir;
            else if (strcasecmp(k, "Locales") == 0)
                target = &o->locales_dir;
            else if (strcasecmp(k, "Font-Regular") == 0)
                target = &o->font_regular;
            else if (strcasecmp(k, "Font-Bold") == 0)
                target = &o->font_bold;
            else if (strcasecmp(k, "Export-Dir") == 0)
                target = &o->export_dir;
            else if (strcasecmp(k, "Export-Done-File") == 0)
                target = &o->export_done_file;
            if (target) {
                if (!*target)
                    *target = xstrdup(v);
            } else if (strcasecmp(k, "Size") == 0) {
                int w, h;
                if (!options_parse_size(v, &w, &h))
                    site_errors_add(&errors, name, fl->line, k, "'%s' is not WIDTHxHEIGHT", v);
                else if (!o->width) {
                    o->width = w;
                    o->height = h;
                }
            } else if (strcasecmp(k, "Idle-Timeout") == 0) {
                int s;
                if (!options_parse_seconds(v, &s))
                    site_errors_add(&errors, name, fl->line, k,
                                    "'%s' is not a number of seconds (15..3600)", v);
                else if (!o->idle_timeout_s)
                    o->idle_timeout_s = s;
            } else if (strcasecmp(k, "Worker-Key") == 0) {
                unsigned char pk[32];
                char *kerr = NULL;
                if (!requests_load_worker_key(v, pk, &kerr)) {
                    site_errors_add(&errors, name, fl->line, k, "%s", kerr);
                    free(kerr);
                } else if (!o->worker_key) {
                    o->worker_key = xstrdup(v);
                }
            } else if (strcasecmp(k, "Admin-PIN") == 0) {
                if (!str_starts_with(v, "$argon2id$"))
                    site_errors_add(&errors, name, fl->line, k,
                                    "not a PIN hash: use the line `lotse-admin pin` prints "
                                    "(it starts with $argon2id$)");
                else if (!o->admin_pin)
                    o->admin_pin = xstrdup(v);
            } else if (strcasecmp(k, "Request-Limit") == 0) {
                int n;
                if (!options_parse_int_range(v, 1, FLOOD_MAX_LIMIT, &n))
                    site_errors_add(&errors, name, fl->line, k,
                                    "'%s' is not a number of requests per 10 minutes (1..%d)", v,
                                    FLOOD_MAX_LIMIT);
                else if (!o->request_limit)
                    o->request_limit = n;
            } else if (strcasecmp(k, "Request-Retention-Days") == 0) {
                int n;
                if (!options_parse_int_range(v, 1, 365, &n))
                    site_errors_add(&errors, name, fl->line, k,
                                    "'%s' is not a number of days (1..365)", v);
                else if (!o->retention_days)
                    o->retention_days = n;
            } else if (strcasecmp(k, "Greeting-Rotation") == 0) {
                int n;
                if (!options_parse_int_range(v, 0, 600, &n))
                    site_errors_add(&errors, name, fl->line, k,
                                    "'%s' is not a number of seconds (0..600, 0 = off)", v);
                else if (!o->greeting_set) {
                    o->greeting_s = n;
                    o->greeting_set = true;
                }
            } else if (strcasecmp(k, "Export-Needs-Mount") == 0) {
                if (strcmp(v, "yes") == 0)
                    o->export_mount = true;
                else if (strcmp(v, "no") != 0)
                    site_errors_add(&errors, name, fl->line, k, "'%s' is neither 'yes' nor 'no'",
                                    v);
            } else if (strcasecmp(k, "Rotation") == 0) {
                if (!orient_parse_rotation(&o->orient, v))
                    site_errors_add(&errors, name, fl->line, k,
                                    "'%s' is not a rotation in degrees (0, 90, 180 or 270)", v);
            } else if (strcasecmp(k, "Touch-Transform") == 0) {
                const char *bad = v;
                if (!orient_parse_touch(&o->orient, v, &bad))
                    site_errors_add(&errors, name, fl->line, k,
                                    "'%s': expected 'none' or any of swap-xy, invert-x, invert-y",
                                    bad);
            } else if (strcasecmp(k, "Renderer") == 0) {
                if (strcmp(v, "accelerated") == 0)
                    o->accelerated = true;
                else if (strcmp(v, "software") != 0)
                    site_errors_add(&errors, name, fl->line, k,
                                    "'%s' is neither 'software' nor 'accelerated'", v);
            } else {
                site_errors_add(&errors, name, fl->line, k, "unknown setting");
            }
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
