/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_config.c - libFuzzer target for the kiosk's configuration file (src/app/config.c):
 * the input is the file. It is parsed by options_parse_config into empty options, again
 * into options that already hold command-line values, and once more by
 * options_load_config from a file in the target's private temporary directory.
 *
 * Files: the process works in its own temporary directory (mkdtemp, made the current
 * directory on the first run), which holds the key file "worker.pk" (the fuzz worker key of
 * tests/fuzz/README.md) and "garbage.pk". A Worker-Key value that is not a key line is a
 * path that the parser reads; an input where such a value contains '/' is skipped (the
 * values are found with rec_parse, as the parser finds them), so every file read is inside
 * the temporary directory.
 *
 * Invariants: success leaves *err alone, failure sets it and it starts with the file name;
 * every value that is set is within its documented range; values set before (the command
 * line) are never replaced; the same text parses to the same options and messages every
 * time, and from a file as from memory. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include <stdbool.h>
#include <strings.h>
#include <unistd.h>

#include "app.h"
#include "request/flood.h"
#include "content/rec.h"
#include "fuzz.h"

#define PK_LINE "lotse-worker-pk v1 SDu3frHl/rSZmLt+Q/VWTC1XyUhO16NnzyfIMqcKJUE=\n"

static char *tmp_dir;

static void remove_tmp(void)
{
    unlink("worker.pk");
    unlink("garbage.pk");
    unlink("fuzz.conf");
    if (chdir("/") == 0)
        rmdir(tmp_dir);
    free(tmp_dir);
}

static void write_file(const char *name, const char *text, size_t len)
{
    FILE *f = fopen(name, "wb");
    FUZZ_CHECK(f != NULL);
    FUZZ_CHECK(fwrite(text, 1, len, f) == len || len == 0);
    FUZZ_CHECK(fclose(f) == 0);
}

static void setup(void)
{
    if (tmp_dir)
        return;
    const char *base = getenv("TMPDIR");
    tmp_dir = xasprintf("%s/lotse-fuzz-config.XXXXXX", base && *base ? base : "/tmp");
    FUZZ_CHECK(mkdtemp(tmp_dir) != NULL);
    FUZZ_CHECK(chdir(tmp_dir) == 0);
    atexit(remove_tmp);
    write_file("worker.pk", PK_LINE, strlen(PK_LINE));
    write_file("garbage.pk", "lotse-worker-pk v1 AAAA\n\x01", 25);
}

/* Would the parser read a file outside the temporary directory for this input? */
static bool reads_outside(const char *text, size_t len)
{
    site_errors errors;
    site_errors_init(&errors);
    rec_file *f = rec_parse("fuzz.conf", text, len, &errors);
    bool outside = false;
    for (size_t r = 0; f && r < f->n_records; r++)
        for (size_t i = 0; i < f->records[r].n_fields; i++) {
            const rec_field *fl = &f->records[r].fields[i];
            if (strcasecmp(fl->key, "Worker-Key") == 0 &&
                !str_starts_with(fl->value, "lotse-worker-pk") && strchr(fl->value, '/'))
                outside = true;
        }
    rec_destroy(f);
    site_errors_finish(&errors);
    return outside;
}

static bool same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static bool same_options(const options *a, const options *b)
{
    return same_str(a->site_dir, b->site_dir) && same_str(a->data_dir, b->data_dir) &&
           same_str(a->locales_dir, b->locales_dir) && same_str(a->font_regular, b->font_regular) &&
           same_str(a->font_bold, b->font_bold) && same_str(a->export_dir, b->export_dir) &&
           same_str(a->worker_key, b->worker_key) && same_str(a->admin_pin, b->admin_pin) &&
           a->width == b->width && a->height == b->height &&
           a->idle_timeout_s == b->idle_timeout_s && a->greeting_set == b->greeting_set &&
           a->greeting_s == b->greeting_s && a->export_mount == b->export_mount &&
           a->accelerated == b->accelerated && a->request_limit == b->request_limit &&
           a->retention_days == b->retention_days;
}

static void check_ranges(const options *o)
{
    FUZZ_CHECK((o->width == 0 && o->height == 0) ||
               (o->width >= 320 && o->width <= 8192 && o->height >= 240 && o->height <= 8192));
    FUZZ_CHECK(o->idle_timeout_s == 0 || (o->idle_timeout_s >= 15 && o->idle_timeout_s <= 3600));
    FUZZ_CHECK(o->request_limit >= 0 && o->request_limit <= FLOOD_MAX_LIMIT);
    FUZZ_CHECK(o->retention_days >= 0 && o->retention_days <= 365);
    FUZZ_CHECK(o->greeting_s >= 0 && o->greeting_s <= 600);
    FUZZ_CHECK(o->greeting_set || o->greeting_s == 0);
    FUZZ_CHECK(!o->admin_pin || str_starts_with(o->admin_pin, "$argon2id$"));
    if (o->worker_key) { /* only a key that loads is kept */
        unsigned char pk[32];
        char *kerr = NULL;
        FUZZ_CHECK(requests_load_worker_key(o->worker_key, pk, &kerr));
        free(kerr);
    }
}

/* Parse text into *o; returns the message (or NULL on success). */
static char *parse(options *o, const char *text, size_t len)
{
    static char sentinel[] = "untouched";
    char *err = sentinel;
    bool ok = options_parse_config(o, "fuzz.conf", text, len, &err);
    if (ok) {
        FUZZ_CHECK(err == sentinel);
        return NULL;
    }
    FUZZ_CHECK(err != sentinel && err != NULL);
    FUZZ_CHECK(str_starts_with(err, "fuzz.conf:"));
    return err;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    setup();
    char *text = fuzz_copy(data, size);
    if (reads_outside(text, size)) {
        free(text);
        return 0;
    }

    options a = {0};
    char *err_a = parse(&a, text, size);
    check_ranges(&a);

    options b = {0};
    char *err_b = parse(&b, text, size);
    FUZZ_CHECK(same_str(err_a, err_b) && same_options(&a, &b));

    /* Command-line values win. */
    options c = {0};
    c.site_dir = xstrdup("cmd-site");
    c.export_dir = xstrdup("cmd-export");
    c.worker_key = xstrdup("cmd-key");
    c.width = 1000;
    c.height = 700;
    c.idle_timeout_s = 77;
    c.request_limit = 3;
    c.retention_days = 9;
    c.greeting_set = true;
    c.greeting_s = 5;
    char *err_c = parse(&c, text, size);
    FUZZ_CHECK(same_str(err_a, err_c));
    FUZZ_CHECK(strcmp(c.site_dir, "cmd-site") == 0 && strcmp(c.export_dir, "cmd-export") == 0 &&
               strcmp(c.worker_key, "cmd-key") == 0);
    FUZZ_CHECK(c.width == 1000 && c.height == 700 && c.idle_timeout_s == 77 &&
               c.request_limit == 3 && c.retention_days == 9 && c.greeting_s == 5);

    /* From a file, as the kiosk reads it. */
    write_file("fuzz.conf", text, size);
    options d = {0};
    char *err_d = NULL;
    bool ok_d = options_load_config(&d, "fuzz.conf", &err_d);
    FUZZ_CHECK(ok_d == (err_a == NULL) && same_str(err_a, err_d) && same_options(&a, &d));

    free(err_a);
    free(err_b);
    free(err_c);
    free(err_d);
    options_finish(&a);
    options_finish(&b);
    options_finish(&c);
    options_finish(&d);
    free(text);
    return 0;
}
