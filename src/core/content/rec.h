/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* rec.h - parser for Lotse's record files (site content, language list, configuration).
 *
 * The format (documented for editors in docs/site-format.md):
 *   - UTF-8 text; records are separated by one or more blank lines;
 *   - a field is "Key: value" starting in column 0; Key is [A-Za-z][A-Za-z0-9_-]*;
 *   - a line starting with a space or tab continues the previous field's value: it is
 *     joined with one space; a continuation line holding only "." starts a new
 *     paragraph (joined with "\n");
 *   - a line starting with '#' is a comment; comments never end a record;
 *   - a key may repeat within a record (e.g. several "Monday:" lines).
 * Errors name file:line. Pure: works on a buffer, never on a file. */
#ifndef LOTSE_REC_H
#define LOTSE_REC_H

#include <stddef.h>

#include "content/site.h"

typedef struct rec_field {
    char *key;
    char *value; /* trimmed; never NULL */
    int line;
} rec_field;

typedef struct rec_record {
    rec_field *fields;
    size_t n_fields;
    size_t cap;
    int line; /* line of the first field */
} rec_record;

typedef struct rec_file {
    rec_record *records;
    size_t n_records;
    size_t cap;
} rec_file;

/* Parse text (len bytes, need not be NUL-terminated). Returns a new rec_file (caller
 * destroys), or NULL after adding messages "name:line: ..." to *errors. */
rec_file *rec_parse(const char *name, const char *text, size_t len, site_errors *errors);
void rec_destroy(rec_file *f);

/* First field with this key (case-insensitive) in r, or NULL. */
const rec_field *rec_get(const rec_record *r, const char *key);

#endif
