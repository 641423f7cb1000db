/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* i18n.h - the kiosk's languages and the translation chain.
 *
 * Languages are data (locales/languages.txt, a record file). UI strings are written in
 * English in the source (marked with _() / N_() for xgettext); every language has a PO
 * catalog. Lookup chain for a UI string: the language's catalog -> the German catalog ->
 * the English msgid. Site content is written in German in the site files; its lookup
 * chain is: the language's site catalog -> the German original. So a parent never sees
 * an empty label or a message id. Pure: catalogs are handed in, never read here. */
#ifndef LOTSE_I18N_H
#define LOTSE_I18N_H

#include <stdbool.h>
#include <stddef.h>

#include "time/civil.h"
#include "content/po.h"
#include "content/site.h"

/* Mark a string for extraction without translating it here (NC_: with a context). */
#define N_(s) (s)
#define NC_(ctx, s) (s)

typedef struct lang_info {
    char *code;   /* "de", "en", ... */
    char *name;   /* the language's own name, in its own script: "Deutsch" */
    char *script; /* ISO 15924, e.g. "Latn", "Arab" */
    bool rtl;
} lang_info;

typedef struct i18n i18n;

i18n *i18n_create(void);
void i18n_destroy(i18n *t);

/* Load the language list from a record file ("Language: de", "Name: Deutsch",
 * "Script: Latn", "Direction: ltr"). The first language is the default. */
bool i18n_load_languages(i18n *t, const site_file *f, site_errors *errors);
size_t i18n_count(const i18n *t);
const lang_info *i18n_lang(const i18n *t, size_t index);
/* Index of a language code, or -1. */
int i18n_find(const i18n *t, const char *code);

/* Hand over the UI (site) catalog of a language; the i18n takes ownership. */
void i18n_set_ui_catalog(i18n *t, size_t lang, po_catalog *c);
void i18n_set_site_catalog(i18n *t, size_t lang, po_catalog *c);
const po_catalog *i18n_ui_catalog(const i18n *t, size_t lang);
/* Drop every site catalog (before loading new site content). */
void i18n_clear_site_catalogs(i18n *t);

/* UI string in language lang (chain above). Never NULL; owned by a catalog or msgid. */
const char *i18n_ui(const i18n *t, size_t lang, const char *msgid);
const char *i18n_ui_ctx(const i18n *t, size_t lang, const char *ctx, const char *msgid);
/* Plural UI string: msgid is the English singular, plural the English plural. */
const char *i18n_ui_n(const i18n *t, size_t lang, const char *msgid, const char *plural,
                      unsigned long n);
/* Site content in language lang; german may be NULL (returns NULL). */
const char *i18n_content(const i18n *t, size_t lang, const char *german);

/* Localised weekday name (1 = Monday), owned by a catalog or static: never free it. */
const char *i18n_weekday(const i18n *t, size_t lang, int weekday);
/* Date and time pieces: new strings (caller frees). 24-hour clock, "9:00". */
char *i18n_time_range(int start_min, int end_min);
char *i18n_short_date(const i18n *t, size_t lang, civil_date d); /* "24.3." */
/* Keep s (a time range, a phone number) left to right inside a right-to-left language's
 * text: for an RTL language s is wrapped in U+2066 (LRI) ... U+2069 (PDI), which the
 * renderer's bidi step honours and does not draw. Takes ownership of s; returns the
 * (possibly new) string, caller frees. */
char *i18n_ltr(const i18n *t, size_t lang, char *s);

/* Replace "{name}" placeholders: fmt_named(fmt, "name", value, ..., NULL). Caller frees.
 * Unknown placeholders are kept verbatim. */
char *fmt_named(const char *fmt, ...);

#endif
