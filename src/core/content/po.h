/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* po.h - reader for GNU gettext PO files (UI strings in locales/, site content
 * translations in the site folder's locales/). Supports msgctxt, msgid_plural with
 * msgstr[N], "#, fuzzy" entries (parsed, never used for display), C escapes, and the
 * header's Plural-Forms expression (a small C-expression evaluator over n).
 * Pure: works on a buffer, never on a file. */
#ifndef LOTSE_PO_H
#define LOTSE_PO_H

#include <stdbool.h>
#include <stddef.h>

#include "content/site.h"

typedef struct po_catalog po_catalog;

typedef struct po_stats {
    size_t translated;
    size_t fuzzy;
    size_t untranslated; /* entries present with an empty msgstr */
} po_stats;

/* Parse a PO file. Returns a new catalog (caller destroys) or NULL after adding
 * "name:line: ..." messages to *errors. */
po_catalog *po_parse(const char *name, const char *text, size_t len, site_errors *errors);
void po_destroy(po_catalog *c);

/* The translation of msgid (in context ctx, NULL for none), or NULL when the catalog
 * has none, it is empty or fuzzy. The string is owned by the catalog. */
const char *po_lookup(const po_catalog *c, const char *ctx, const char *msgid);
/* Plural lookup: the form for n chosen by the catalog's Plural-Forms. NULL as above. */
const char *po_lookup_plural(const po_catalog *c, const char *ctx, const char *msgid,
                             unsigned long n);
/* Index of the plural form for n (0 if the catalog has no Plural-Forms header). */
unsigned po_plural_index(const po_catalog *c, unsigned long n);
/* Does the catalog have msgid (in any state)? */
bool po_has(const po_catalog *c, const char *ctx, const char *msgid);
po_stats po_get_stats(const po_catalog *c);
/* The state of every message of the template tmpl (lotse.pot) in c: translated, fuzzy, or
 * untranslated (missing from c or empty). c may be NULL (all untranslated). */
po_stats po_compare(const po_catalog *c, const po_catalog *tmpl);
/* Check that every translated entry keeps the {placeholders} of its msgid (a plural form
 * may leave out {n}) and adds none: "name:line: ..." per problem to *errors. Returns the
 * number of problems. */
size_t po_check_placeholders(const po_catalog *c, const char *name, site_errors *errors);

#endif
