/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* rec.c - parser for record files ("Key: value" fields, blank-line separated records;
 * format in rec.h). Line-based over a buffer; never reads outside [text, text + len).
 *
 * Beyond rec.h: a UTF-8 byte order mark at the start is skipped, CRLF line ends are
 * accepted, and a line holding only blanks counts as a blank line (it ends the record,
 * it is not an empty continuation). Errors go to the list as "name:line: what"; after
 * REC_MAX_ERRORS the parser stops, so a garbage file cannot flood the list. */
#include "content/rec.h"

#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

enum { REC_MAX_ERRORS = 50 };

typedef struct rec_parser {
    const char *name;
    site_errors *errors;
    int n_errors;
    bool stop;
    int line;
    rec_file *file;
    rec_record *rec;  /* the open record, NULL after a blank line */
    rec_field *field; /* the field continuation lines extend, NULL if none */
    strbuf value;     /* value of *field being built */
} rec_parser;

static void rerr(rec_parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void rerr(rec_parser *p, const char *fmt, ...)
{
    if (p->stop)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *msg = xvasprintf(fmt, ap);
    va_end(ap);
    site_errors_add(p->errors, p->name, p->line, NULL, "%s", msg);
    free(msg);
    if (++p->n_errors >= REC_MAX_ERRORS) {
        site_errors_add(p->errors, p->name, p->line, NULL, "too many errors; giving up");
        p->stop = true;
    }
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Store the value being built into the open field, trimmed at both ends. */
static void field_close(rec_parser *p)
{
    if (!p->field)
        return;
    const char *v = p->value.data ? p->value.data : "";
    size_t a = 0, b = p->value.len;
    while (a < b && is_space(v[a]))
        a++;
    while (b > a && is_space(v[b - 1]))
        b--;
    free(p->field->value);
    p->field->value = xstrndup(v + a, b - a);
    p->field = NULL;
    strbuf_finish(&p->value);
}

static void record_close(rec_parser *p)
{
    field_close(p);
    p->rec = NULL;
}

static bool key_start(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static bool key_char(char c)
{
    return key_start(c) || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/* At most about 40 bytes of s[0..n), cut at a UTF-8 character boundary. */
static int shown_len(const char *s, size_t n)
{
    if (n <= 40)
        return (int)n;
    size_t k = 40;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    return (int)k;
}

static void parse_field(rec_parser *p, const char *s, size_t len)
{
    const char *colon = memchr(s, ':', len);
    if (!colon) {
        rerr(p, "expected 'Key: value'");
        return;
    }
    size_t key_len = (size_t)(colon - s);
    if (key_len == 0) {
        rerr(p, "empty key before ':'");
        return;
    }
    bool ok = key_start(s[0]);
    for (size_t i = 1; ok && i < key_len; i++)
        ok = key_char(s[i]);
    if (!ok) {
        int n = shown_len(s, key_len);
        rerr(p,
             "invalid key '%.*s%s' (expected 'Key: value'; a key is a letter, then letters, "
             "digits, '-' or '_')",
             n, s, (size_t)n < key_len ? "..." : "");
        return;
    }
    field_close(p);
    if (!p->rec) {
        rec_record r = {NULL, 0, 0, p->line};
        VEC_PUSH(p->file->records, p->file->n_records, p->file->cap, r);
        p->rec = &p->file->records[p->file->n_records - 1];
    }
    rec_field f = {xstrndup(s, key_len), xstrdup(""), p->line};
    VEC_PUSH(p->rec->fields, p->rec->n_fields, p->rec->cap, f);
    p->field = &p->rec->fields[p->rec->n_fields - 1];
    strbuf_init(&p->value);
    strbuf_append(&p->value, colon + 1, len - key_len - 1);
}

static void parse_continuation(rec_parser *p, const char *s, size_t len)
{
    if (!p->field) {
        rerr(p, "continuation line without a field before it");
        return;
    }
    size_t a = 0, b = len;
    while (a < b && is_blank(s[a]))
        a++;
    while (b > a && is_blank(s[b - 1]))
        b--;
    if (b - a == 1 && s[a] == '.') {
        strbuf_putc(&p->value, '\n');
        return;
    }
    /* Trailing blanks of the value so far do not count; a paragraph break needs no space. */
    while (p->value.len && is_blank(p->value.data[p->value.len - 1]))
        p->value.data[--p->value.len] = '\0';
    if (p->value.len && p->value.data[p->value.len - 1] != '\n')
        strbuf_putc(&p->value, ' ');
    strbuf_append(&p->value, s + a, b - a);
}

static void parse_line(rec_parser *p, const char *s, size_t len)
{
    size_t bad;
    uint32_t cp;
    const char *why = utf8_text_problem(s, len, &bad, &cp);
    if (why) {
        if (cp < 0x20 || cp == 0x7F)
            rerr(p, "control character 0x%02X at byte %zu", (unsigned)cp, bad + 1);
        else if (cp == 0xFFFD)
            rerr(p, "invalid UTF-8 at byte %zu", bad + 1);
        else
            rerr(p, "%s U+%04X at byte %zu", why, (unsigned)cp, bad + 1);
        return;
    }
    size_t i = 0;
    while (i < len && is_blank(s[i]))
        i++;
    if (i == len) {
        record_close(p);
        return;
    }
    if (s[0] == '#')
        return;
    if (i > 0) {
        parse_continuation(p, s, len);
        return;
    }
    parse_field(p, s, len);
}

rec_file *rec_parse(const char *name, const char *text, size_t len, site_errors *errors)
{
    site_errors local;
    site_errors_init(&local);
    rec_parser p = {0};
    p.name = name;
    p.errors = errors ? errors : &local;
    p.file = xcalloc(1, sizeof(*p.file));
    strbuf_init(&p.value);

    size_t pos = 0, line_len;
    const char *line;
    while (!p.stop && text_next_line(text, len, &pos, &line, &line_len)) {
        if (p.line < INT_MAX)
            p.line++;
        parse_line(&p, line, line_len);
    }
    record_close(&p);
    strbuf_finish(&p.value);
    site_errors_finish(&local);
    if (p.n_errors) {
        rec_destroy(p.file);
        return NULL;
    }
    return p.file;
}

void rec_destroy(rec_file *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->n_records; i++) {
        for (size_t k = 0; k < f->records[i].n_fields; k++) {
            free(f->records[i].fields[k].key);
            free(f->records[i].fields[k].value);
        }
        free(f->records[i].fields);
    }
    free(f->records);
    free(f);
}

const rec_field *rec_get(const rec_record *r, const char *key)
{
    if (!r || !key)
        return NULL;
    for (size_t i = 0; i < r->n_fields; i++)
        if (str_equal_ci(r->fields[i].key, key))
            return &r->fields[i];
    return NULL;
}
