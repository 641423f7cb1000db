/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* i18n.c - the language list and the translation fallback chains (see i18n.h).
 *
 * The German catalog is the one of the language with code "de"; without such a
 * language the chains skip that step. Catalogs are indexed like the language list, so
 * i18n_load_languages (which replaces the list) drops every catalog handed in before:
 * load the languages first, then the catalogs. */
#include "content/i18n.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/rec.h"
#include "base/util.h"

struct i18n {
    lang_info *langs;
    size_t n_langs;
    po_catalog **ui;   /* n_langs entries, NULL where a language has no catalog */
    po_catalog **site; /* n_langs entries */
};

i18n *i18n_create(void)
{
    return xcalloc(1, sizeof(i18n));
}

static void langs_free(lang_info *langs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(langs[i].code);
        free(langs[i].name);
        free(langs[i].script);
    }
    free(langs);
}

static void catalogs_free(po_catalog **cats, size_t n)
{
    if (!cats)
        return;
    for (size_t i = 0; i < n; i++)
        po_destroy(cats[i]);
    free(cats);
}

void i18n_destroy(i18n *t)
{
    if (!t)
        return;
    catalogs_free(t->ui, t->n_langs);
    catalogs_free(t->site, t->n_langs);
    langs_free(t->langs, t->n_langs);
    free(t);
}

/* "de", "ar", "pt-BR", "zh_Hans": 2-3 lowercase letters, then optional subtags. */
static bool lang_code_valid(const char *s)
{
    size_t i = 0;
    while (s[i] >= 'a' && s[i] <= 'z')
        i++;
    if (i < 2 || i > 3)
        return false;
    while (s[i]) {
        if (s[i] != '-' && s[i] != '_')
            return false;
        size_t start = ++i;
        while ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
               (s[i] >= '0' && s[i] <= '9'))
            i++;
        if (i - start < 2 || i - start > 8)
            return false;
    }
    return true;
}

/* ISO 15924: an uppercase letter and three lowercase ones ("Latn", "Arab"). */
static bool script_valid(const char *s)
{
    if (!(s[0] >= 'A' && s[0] <= 'Z'))
        return false;
    for (int i = 1; i < 4; i++)
        if (!(s[i] >= 'a' && s[i] <= 'z'))
            return false;
    return s[4] == '\0';
}

static const char *const lang_keys[] = {"Language", "Name", "Script", "Direction"};

/* Check one record and fill *out (strings owned by *out). False after adding errors. */
static bool lang_from_record(const char *file, const rec_record *r, lang_info *out,
                             site_errors *errors)
{
    bool ok = true;
    for (size_t i = 0; i < r->n_fields; i++) {
        const rec_field *f = &r->fields[i];
        bool known = false;
        for (size_t k = 0; k < ARRAY_LEN(lang_keys); k++)
            known = known || str_equal_ci(f->key, lang_keys[k]);
        if (!known) {
            site_errors_add(errors, file, f->line, f->key,
                            "unknown field (expected Language, Name, Script, Direction)");
            ok = false;
        } else if (rec_get(r, f->key) != f) {
            site_errors_add(errors, file, f->line, f->key, "repeated field");
            ok = false;
        }
    }
    const rec_field *fs[ARRAY_LEN(lang_keys)];
    for (size_t k = 0; k < ARRAY_LEN(lang_keys); k++) {
        fs[k] = rec_get(r, lang_keys[k]);
        if (!fs[k]) {
            site_errors_add(errors, file, r->line, lang_keys[k], "missing field");
            ok = false;
        } else if (!fs[k]->value[0]) {
            site_errors_add(errors, file, fs[k]->line, lang_keys[k], "empty value");
            ok = false;
            fs[k] = NULL;
        }
    }
    const rec_field *code = fs[0], *name = fs[1], *script = fs[2], *dir = fs[3];
    if (code && !lang_code_valid(code->value)) {
        site_errors_add(errors, file, code->line, "Language",
                        "'%s' is not a language code (e.g. de, ar, pt-BR)", code->value);
        ok = false;
    }
    if (script && !script_valid(script->value)) {
        site_errors_add(errors, file, script->line, "Script",
                        "'%s' is not an ISO 15924 script code (e.g. Latn, Arab, Cyrl)",
                        script->value);
        ok = false;
    }
    /* The name is shown on the home screen in its own script: something visible, its
     * bidi controls (if any) closed, or the buttons after it would turn around. */
    if (name && (!utf8_has_visible(name->value) ||
                 !utf8_bidi_balanced(name->value, strlen(name->value), NULL, NULL))) {
        char *q = str_for_message(name->value, 40);
        site_errors_add(errors, file, name->line, "Name",
                        "'%s' has no visible character or an unbalanced bidi control", q);
        free(q);
        ok = false;
    }
    bool rtl = false;
    if (dir) {
        if (strcmp(dir->value, "rtl") == 0) {
            rtl = true;
        } else if (strcmp(dir->value, "ltr") != 0) {
            site_errors_add(errors, file, dir->line, "Direction", "'%s' is not ltr or rtl",
                            dir->value);
            ok = false;
        }
    }
    if (!ok || !code || !name || !script || !dir)
        return false;
    out->code = xstrdup(code->value);
    out->name = xstrdup(name->value);
    out->script = xstrdup(script->value);
    out->rtl = rtl;
    return true;
}

bool i18n_load_languages(i18n *t, const site_file *f, site_errors *errors)
{
    site_errors local;
    site_errors_init(&local);
    if (!errors)
        errors = &local;
    const char *file = f && f->name ? f->name : "languages.txt";
    rec_file *rf = f ? rec_parse(file, f->text, f->len, errors) : NULL;
    lang_info *langs = NULL;
    size_t n = 0, cap = 0;
    int *lines = NULL; /* line of each Language field, for duplicate messages */
    size_t n_lines = 0, lines_cap = 0;
    bool ok = rf != NULL;
    if (!f)
        site_errors_add(errors, file, 0, NULL, "no language list");

    for (size_t i = 0; rf && i < rf->n_records; i++) {
        const rec_record *r = &rf->records[i];
        lang_info li = {0};
        if (!lang_from_record(file, r, &li, errors)) {
            ok = false;
            continue;
        }
        const rec_field *code = rec_get(r, "Language");
        bool dup = false;
        for (size_t k = 0; k < n && !dup; k++) {
            if (strcmp(langs[k].code, li.code) == 0) {
                site_errors_add(errors, file, code->line, "Language",
                                "duplicate language code '%s' (first at line %d)", li.code,
                                lines[k]);
                dup = true;
            }
        }
        if (dup) {
            free(li.code);
            free(li.name);
            free(li.script);
            ok = false;
            continue;
        }
        VEC_PUSH(langs, n, cap, li);
        VEC_PUSH(lines, n_lines, lines_cap, code->line);
    }
    if (rf && ok && n == 0) {
        site_errors_add(errors, file, 0, NULL, "no languages defined");
        ok = false;
    }
    rec_destroy(rf);
    free(lines);
    site_errors_finish(&local);
    if (!ok || !t) {
        langs_free(langs, n);
        return false;
    }
    catalogs_free(t->ui, t->n_langs);
    catalogs_free(t->site, t->n_langs);
    langs_free(t->langs, t->n_langs);
    t->langs = langs;
    t->n_langs = n;
    t->ui = xcalloc(n, sizeof(*t->ui));
    t->site = xcalloc(n, sizeof(*t->site));
    return true;
}

size_t i18n_count(const i18n *t)
{
    return t ? t->n_langs : 0;
}

const lang_info *i18n_lang(const i18n *t, size_t index)
{
    return t && index < t->n_langs ? &t->langs[index] : NULL;
}

int i18n_find(const i18n *t, const char *code)
{
    if (!t || !code)
        return -1;
    for (size_t i = 0; i < t->n_langs; i++)
        if (strcmp(t->langs[i].code, code) == 0)
            return (int)i;
    return -1;
}

void i18n_set_ui_catalog(i18n *t, size_t lang, po_catalog *c)
{
    if (!t || lang >= t->n_langs) {
        po_destroy(c); /* ownership was handed over */
        return;
    }
    po_destroy(t->ui[lang]);
    t->ui[lang] = c;
}

void i18n_set_site_catalog(i18n *t, size_t lang, po_catalog *c)
{
    if (!t || lang >= t->n_langs) {
        po_destroy(c);
        return;
    }
    po_destroy(t->site[lang]);
    t->site[lang] = c;
}

const po_catalog *i18n_ui_catalog(const i18n *t, size_t lang)
{
    return t && lang < t->n_langs ? t->ui[lang] : NULL;
}

void i18n_clear_site_catalogs(i18n *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n_langs; i++) {
        po_destroy(t->site[i]);
        t->site[i] = NULL;
    }
}

/* The German catalog of kind cats (ui or site), unless lang is German itself. */
static const po_catalog *german(const i18n *t, po_catalog *const *cats, size_t lang)
{
    int de = i18n_find(t, "de");
    return de >= 0 && (size_t)de != lang ? cats[de] : NULL;
}

const char *i18n_ui_ctx(const i18n *t, size_t lang, const char *ctx, const char *msgid)
{
    if (!msgid)
        return "";
    if (!t)
        return msgid;
    const char *s = lang < t->n_langs ? po_lookup(t->ui[lang], ctx, msgid) : NULL;
    if (!s)
        s = po_lookup(german(t, t->ui, lang), ctx, msgid);
    return s ? s : msgid;
}

const char *i18n_ui(const i18n *t, size_t lang, const char *msgid)
{
    return i18n_ui_ctx(t, lang, NULL, msgid);
}

const char *i18n_ui_n(const i18n *t, size_t lang, const char *msgid, const char *plural,
                      unsigned long n)
{
    if (!msgid)
        return "";
    if (!plural)
        plural = msgid;
    if (t) {
        const char *s = lang < t->n_langs ? po_lookup_plural(t->ui[lang], NULL, msgid, n) : NULL;
        if (!s)
            s = po_lookup_plural(german(t, t->ui, lang), NULL, msgid, n);
        if (s)
            return s;
    }
    return n == 1 ? msgid : plural;
}

const char *i18n_content(const i18n *t, size_t lang, const char *german_text)
{
    if (!german_text || !t || lang >= t->n_langs)
        return german_text;
    const char *s = po_lookup(t->site[lang], NULL, german_text);
    return s ? s : german_text;
}

/* Returns a string owned by a catalog or a static one (never NULL; "" for a weekday out
 * of 1..7) -- unlike the other date/time helpers, it is not to be freed. */
const char *i18n_weekday(const i18n *t, size_t lang, int weekday)
{
    static const char *const names[] = {NC_("weekday", "Monday"),    NC_("weekday", "Tuesday"),
                                        NC_("weekday", "Wednesday"), NC_("weekday", "Thursday"),
                                        NC_("weekday", "Friday"),    NC_("weekday", "Saturday"),
                                        NC_("weekday", "Sunday")};
    if (weekday < 1 || weekday > 7)
        return "";
    return i18n_ui_ctx(t, lang, "weekday", names[weekday - 1]);
}

static void put_hhmm(strbuf *sb, int m)
{
    if (m < 0)
        m = 0;
    if (m > 24 * 60)
        m = 24 * 60;
    strbuf_printf(sb, "%d:%02d", m / 60, m % 60);
}

/* "9:00–12:00" (en dash). Minutes are clamped to 0..1440. Caller frees. */
char *i18n_time_range(int start_min, int end_min)
{
    strbuf sb;
    strbuf_init(&sb);
    put_hhmm(&sb, start_min);
    strbuf_puts(&sb, "\u2013");
    put_hhmm(&sb, end_min);
    return strbuf_steal(&sb);
}

/* The format is the UI string msgctxt "date", msgid "{day}.{month}." (placeholders
 * {day}, {month}, {year}; numbers without leading zeros). Caller frees. */
char *i18n_short_date(const i18n *t, size_t lang, civil_date d)
{
    char day[16], month[16], year[16];
    snprintf(day, sizeof(day), "%d", d.day);
    snprintf(month, sizeof(month), "%d", d.month);
    snprintf(year, sizeof(year), "%d", d.year);
    const char *fmt = i18n_ui_ctx(t, lang, "date", "{day}.{month}.");
    return fmt_named(fmt, "day", day, "month", month, "year", year, (const char *)NULL);
}

char *i18n_ltr(const i18n *t, size_t lang, char *s)
{
    const lang_info *li = i18n_lang(t, lang);
    if (!li || !li->rtl || !s)
        return s;
    char *w = xasprintf("\u2066%s\u2069", s);
    free(s);
    return w;
}

typedef struct named_arg {
    const char *key;
    const char *value;
} named_arg;

/* Arguments are (const char *key, const char *value) pairs ended by a NULL key; a NULL
 * value is replaced by "". A placeholder is "{" key "}" with no braces inside. */
char *fmt_named(const char *fmt, ...)
{
    named_arg *args = NULL;
    size_t n = 0, cap = 0;
    va_list ap;
    va_start(ap, fmt);
    for (;;) {
        const char *key = va_arg(ap, const char *);
        if (!key)
            break;
        const char *value = va_arg(ap, const char *);
        named_arg a = {key, value ? value : ""};
        VEC_PUSH(args, n, cap, a);
    }
    va_end(ap);

    strbuf sb;
    strbuf_init(&sb);
    const char *s = fmt ? fmt : "";
    while (*s) {
        const char *open = strchr(s, '{');
        if (!open) {
            strbuf_puts(&sb, s);
            break;
        }
        strbuf_append(&sb, s, (size_t)(open - s));
        const char *close = open + 1;
        while (*close && *close != '}' && *close != '{')
            close++;
        const named_arg *hit = NULL;
        if (*close == '}') {
            size_t klen = (size_t)(close - open - 1);
            for (size_t i = 0; i < n && !hit; i++)
                if (strlen(args[i].key) == klen && memcmp(args[i].key, open + 1, klen) == 0)
                    hit = &args[i];
        }
        if (hit) {
            strbuf_puts(&sb, hit->value);
            s = close + 1;
        } else {
            strbuf_putc(&sb, '{');
            s = open + 1;
        }
    }
    free(args);
    return strbuf_steal(&sb);
}
