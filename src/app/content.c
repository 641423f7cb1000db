/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* content.c - loading languages, translations and site content from disk into the pure
 * core's structures, and the kiosk's "last good content" fallback. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "content/po.h"
#include "base/util.h"

static void log_errors(const char *what, const site_errors *e)
{
    for (size_t i = 0; i < e->count; i++)
        fprintf(stderr, "lotse: %s: %s\n", what, e->messages[i]);
}

i18n *content_load_i18n(const char *locales_dir, site_errors *errors)
{
    char *err = NULL;
    file_set fs = {0};
    i18n *t = i18n_create();
    if (!file_set_add(&fs, locales_dir, "languages.txt", &err)) {
        site_errors_add(errors, NULL, 0, NULL, "%s", err);
        goto fail;
    }
    if (!i18n_load_languages(t, &fs.files[0], errors))
        goto fail;
    for (size_t i = 0; i < i18n_count(t); i++) {
        const lang_info *li = i18n_lang(t, i);
        char *name = xasprintf("%s.po", li->code);
        char *path = xasprintf("%s/%s", locales_dir, name);
        size_t len = 0;
        char *text = files_exists(path) ? files_read(path, &len, &err) : NULL;
        if (text) {
            po_catalog *c = po_parse(path, text, len, errors);
            if (c)
                i18n_set_ui_catalog(t, i, c);
        } else if (err) {
            site_errors_add(errors, NULL, 0, NULL, "%s", err);
            free(err);
            err = NULL;
        } else if (strcmp(li->code, "en") != 0) {
            /* English is the source language of the UI; every other one needs a file. */
            site_errors_add(errors, path, 0, NULL, "missing translation file");
        }
        free(text);
        free(path);
        free(name);
    }
    file_set_finish(&fs);
    return t;
fail:
    free(err);
    file_set_finish(&fs);
    i18n_destroy(t);
    return NULL;
}

static bool read_site(const char *dir, file_set *fs, char **err)
{
    if (!files_is_dir(dir)) {
        *err = xasprintf("%s: not a folder", dir);
        return false;
    }
    for (size_t i = 0; i < site_n_file_names; i++)
        if (!file_set_add(fs, dir, site_file_names[i], err))
            return false;
    return file_set_add_po_files(fs, dir, "locales", err);
}

site *content_load_dir(const char *dir, i18n *t, file_set *fs, site_errors *errors)
{
    char *err = NULL;
    if (!read_site(dir, fs, &err)) {
        site_errors_add(errors, NULL, 0, NULL, "%s", err);
        free(err);
        return NULL;
    }
    return content_parse_site(fs->files, fs->n, t, errors);
}

/* "locales/ar.po" -> "ar"; NULL for other names. Caller frees. */
static char *po_lang(const char *name)
{
    size_t n = strlen(name);
    if (!str_starts_with(name, "locales/") || n < 12 || strcmp(name + n - 3, ".po") != 0)
        return NULL;
    return xstrndup(name + 8, n - 11);
}

site *content_parse_site(const site_file *files, size_t n, i18n *t, site_errors *errors)
{
    size_t before = errors->count;
    /* The record files go to the site parser, the translations to the PO parser. */
    site_file *records = xcalloc(n ? n : 1, sizeof(*records));
    size_t n_records = 0;
    for (size_t i = 0; i < n; i++)
        if (!str_starts_with(files[i].name, "locales/"))
            records[n_records++] = files[i];
    site *s = site_load(records, n_records, errors);
    free(records);
    size_t nl = i18n_count(t);
    po_catalog **cats = xcalloc(nl ? nl : 1, sizeof(*cats));
    for (size_t i = 0; i < n; i++) {
        char *code = po_lang(files[i].name);
        if (!code)
            continue;
        int lang = i18n_find(t, code);
        if (lang < 0) {
            site_errors_add(errors, files[i].name, 0, NULL,
                            "language '%s' is not one of the kiosk's languages", code);
        } else {
            po_catalog *c = po_parse(files[i].name, files[i].text, files[i].len, errors);
            po_destroy(cats[lang]);
            cats[lang] = c;
        }
        free(code);
    }
    bool ok = s && errors->count == before;
    if (ok) {
        i18n_clear_site_catalogs(t);
        for (size_t i = 0; i < nl; i++)
            if (cats[i])
                i18n_set_site_catalog(t, i, cats[i]);
    } else {
        for (size_t i = 0; i < nl; i++)
            po_destroy(cats[i]);
        site_destroy(s);
        s = NULL;
    }
    free(cats);
    return s;
}

site *content_load_for_kiosk(const char *dir, i18n *t, store *st)
{
    file_set fs = {0};
    site_errors errors;
    site_errors_init(&errors);
    char *err = NULL;
    site *s = content_load_dir(dir, t, &fs, &errors);
    if (s) {
        fprintf(stderr, "lotse: site content from %s: %zu Kitas, %zu services\n", dir, s->n_kitas,
                s->n_services);
        if (st && !store_snapshot_save(st, fs.files, fs.n, &err)) {
            fprintf(stderr, "lotse: could not save the content as last good: %s\n", err);
            free(err);
        }
        file_set_finish(&fs);
        site_errors_finish(&errors);
        return s;
    }
    log_errors("site content", &errors);
    site_errors_finish(&errors);
    file_set_finish(&fs);
    site_file *snap = NULL;
    size_t n = 0;
    if (st && store_snapshot_load(st, &snap, &n, &err) && n) {
        site_errors_init(&errors);
        s = content_parse_site(snap, n, t, &errors);
        if (s)
            fprintf(stderr, "lotse: showing the last good site content saved in %s\n",
                    store_path(st));
        else
            log_errors("saved content", &errors);
        site_errors_finish(&errors);
    } else if (err) {
        fprintf(stderr, "lotse: %s\n", err);
        free(err);
    }
    store_files_free(snap, n);
    if (!s)
        fprintf(stderr, "lotse: no valid site content: showing 'out of order'\n");
    return s;
}
