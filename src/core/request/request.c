/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* request.c - validation and the v1 serialization of contact requests (see request.h). */
#include "request/request.h"

#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#include "base/util.h"

static bool fail(char **err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool fail(char **err, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        *err = xvasprintf(fmt, ap);
        va_end(ap);
    }
    return false;
}

static const struct field {
    const char *name;
    size_t offset, size;
} FIELDS[] = {
    {"topic", offsetof(request, topic), sizeof(((request *)0)->topic)},
    {"channel", offsetof(request, channel), sizeof(((request *)0)->channel)},
    {"interpreter_lang", offsetof(request, interpreter_lang),
     sizeof(((request *)0)->interpreter_lang)},
    {"name", offsetof(request, name), sizeof(((request *)0)->name)},
    {"phone", offsetof(request, phone), sizeof(((request *)0)->phone)},
    {"ticket", offsetof(request, ticket), sizeof(((request *)0)->ticket)},
    {"day", offsetof(request, day), sizeof(((request *)0)->day)},
};

/* The serialized form must fit the bucket whatever the field contents. */
_Static_assert(1 + ARRAY_LEN(FIELDS) + sizeof(request) <= REQUEST_PLAIN_BYTES,
               "request does not fit REQUEST_PLAIN_BYTES");

/* Valid UTF-8 with no C0, DEL or C1 control characters (this also excludes NUL). */
static bool text_valid(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        int k = utf8_decode(s + i, n - i, &cp);
        bool invalid = cp == 0xFFFD && !(k == 3 && (unsigned char)s[i] == 0xEF);
        if (invalid || cp_is_control(cp))
            return false;
        i += (size_t)k;
    }
    return true;
}

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* "" or YYYY-MM-DD naming a real day. */
static bool day_valid(const char *s, size_t n)
{
    if (n == 0)
        return true;
    if (n != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4) || !digits(s + 5, 2) ||
        !digits(s + 8, 2))
        return false;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 2000 || m < 1 || m > 12 || d < 1)
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= mdays[m - 1] + (m == 2 && leap);
}

/* Check one field's bytes s[0..n). */
static bool field_check(const struct field *f, const char *s, size_t n, char **err)
{
    if (!text_valid(s, n))
        return fail(err, "request: %s: not valid UTF-8 text", f->name);
    if (f->offset == offsetof(request, day) && !day_valid(s, n))
        return fail(err, "request: day: not a date YYYY-MM-DD");
    return true;
}

bool request_valid(const request *r, char **err)
{
    const char *base = (const char *)r;
    for (size_t i = 0; i < ARRAY_LEN(FIELDS); i++) {
        const struct field *f = &FIELDS[i];
        const char *s = base + f->offset;
        const char *nul = memchr(s, '\0', f->size);
        if (!nul)
            return fail(err, "request: %s: not terminated", f->name);
        if (!field_check(f, s, (size_t)(nul - s), err))
            return false;
    }
    return true;
}

bool request_serialize(const request *r, unsigned char *out, size_t out_len)
{
    if (!r || !out || out_len < REQUEST_PLAIN_BYTES || !request_valid(r, NULL))
        return false;
    const char *base = (const char *)r;
    size_t pos = 0;
    out[pos++] = REQUEST_FORMAT_VERSION;
    for (size_t i = 0; i < ARRAY_LEN(FIELDS); i++) {
        const char *s = base + FIELDS[i].offset;
        size_t n = strlen(s); /* < FIELDS[i].size: request_valid found the NUL */
        out[pos++] = (unsigned char)n;
        memcpy(out + pos, s, n);
        pos += n;
    }
    memset(out + pos, 0, REQUEST_PLAIN_BYTES - pos);
    return true;
}

bool request_parse(const unsigned char *in, size_t len, request *out, char **err)
{
    memset(out, 0, sizeof(*out));
    if (!in || len != REQUEST_PLAIN_BYTES)
        return fail(err, "request: wrong size (%zu bytes, expected %d)", in ? len : 0,
                    REQUEST_PLAIN_BYTES);
    if (in[0] != REQUEST_FORMAT_VERSION)
        return fail(err, "request: unknown format version %u", in[0]);
    char *base = (char *)out;
    size_t pos = 1;
    for (size_t i = 0; i < ARRAY_LEN(FIELDS); i++) {
        const struct field *f = &FIELDS[i];
        size_t n = in[pos++]; /* pos <= 1 + i + sum of sizes < len: see _Static_assert */
        if (n >= f->size) {
            secure_zero(out, sizeof(*out));
            return fail(err, "request: %s: length %zu too long", f->name, n);
        }
        /* Cannot run past the bucket: pos + n < 1 + 7 + sizeof(request) <= len. */
        if (!field_check(f, (const char *)in + pos, n, err)) {
            secure_zero(out, sizeof(*out));
            return false;
        }
        memcpy(base + f->offset, in + pos, n);
        pos += n;
    }
    for (; pos < len; pos++) {
        if (in[pos] != 0) {
            secure_zero(out, sizeof(*out));
            return fail(err, "request: padding is not zero");
        }
    }
    return true;
}
