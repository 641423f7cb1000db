/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* util.c - allocation (abort on OOM, see util.h), strings, UTF-8. */
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(size_t n)
{
    fprintf(stderr, "lotse: out of memory (%zu bytes); exiting\n", n);
    abort();
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom(n);
    return p;
}

void *xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        oom(count * size);
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        oom(n);
    return q;
}

char *xstrdup(const char *s)
{
    return s ? xstrndup(s, strlen(s)) : NULL;
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *xvasprintf(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        n = 0;
    char *p = xmalloc((size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = xvasprintf(fmt, ap);
    va_end(ap);
    return p;
}

void vec_reserve(void **items, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return;
    size_t n = *cap ? *cap * 2 : 8;
    while (n < need)
        n *= 2;
    *items = xrealloc(*items, n * elem);
    *cap = n;
}

void strbuf_init(strbuf *sb)
{
    sb->data = NULL;
    sb->len = 0;
    sb->cap = 0;
}

void strbuf_finish(strbuf *sb)
{
    free(sb->data);
    strbuf_init(sb);
}

void strbuf_append(strbuf *sb, const char *s, size_t n)
{
    vec_reserve((void **)&sb->data, &sb->cap, sb->len + n + 1, 1);
    if (n)
        memcpy(sb->data + sb->len, s, n);
    sb->len += n;
    sb->data[sb->len] = '\0';
}

void strbuf_puts(strbuf *sb, const char *s)
{
    strbuf_append(sb, s, strlen(s));
}

void strbuf_putc(strbuf *sb, char c)
{
    strbuf_append(sb, &c, 1);
}

void strbuf_printf(strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = xvasprintf(fmt, ap);
    va_end(ap);
    strbuf_puts(sb, p);
    free(p);
}

void strbuf_json_string(strbuf *sb, const char *s)
{
    strbuf_putc(sb, '"');
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        switch (*p) {
        case '"':
            strbuf_puts(sb, "\\\"");
            break;
        case '\\':
            strbuf_puts(sb, "\\\\");
            break;
        case '\n':
            strbuf_puts(sb, "\\n");
            break;
        case '\t':
            strbuf_puts(sb, "\\t");
            break;
        case '\r':
            strbuf_puts(sb, "\\r");
            break;
        default:
            if (*p < 0x20)
                strbuf_printf(sb, "\\u%04x", *p);
            else
                strbuf_putc(sb, (char)*p);
        }
    }
    strbuf_putc(sb, '"');
}

char *strbuf_steal(strbuf *sb)
{
    char *p = sb->data ? sb->data : xstrdup("");
    strbuf_init(sb);
    return p;
}

void secure_zero(void *p, size_t n)
{
    volatile unsigned char *v = p;
    while (n--)
        *v++ = 0;
}

void str_free_wiped(char *s)
{
    if (s) {
        secure_zero(s, strlen(s));
        free(s);
    }
}

void lines_free_wiped(char **lines, size_t n)
{
    for (size_t i = 0; lines && i < n; i++)
        str_free_wiped(lines[i]);
    free(lines);
}

void strbuf_finish_wiped(strbuf *sb)
{
    if (sb->data)
        secure_zero(sb->data, sb->cap);
    strbuf_finish(sb);
}

int utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t c = u[0];
    int len;
    uint32_t min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        len = 2;
        c &= 0x1F;
        min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3;
        c &= 0x0F;
        min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4;
        c &= 0x07;
        min = 0x10000;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if ((size_t)len > n) {
        *cp = 0xFFFD;
        return 1;
    }
    for (int i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        c = (c << 6) | (u[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = c;
    return len;
}

bool cp_is_control(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

bool cp_is_noncharacter(uint32_t cp)
{
    return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

bool cp_is_space(uint32_t cp)
{
    return cp <= 0x20 || cp == 0x7F || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000;
}

cp_bidi cp_bidi_kind(uint32_t cp)
{
    switch (cp) {
    case 0x061C:
    case 0x200E:
    case 0x200F:
        return CP_BIDI_MARK;
    case 0x202A:
    case 0x202B:
    case 0x202D:
    case 0x202E:
        return CP_BIDI_EMBED;
    case 0x202C:
        return CP_BIDI_PDF;
    case 0x2066:
    case 0x2067:
    case 0x2068:
        return CP_BIDI_ISOLATE;
    case 0x2069:
        return CP_BIDI_PDI;
    default:
        return CP_BIDI_NONE;
    }
}

bool cp_is_bidi_control(uint32_t cp)
{
    return cp_bidi_kind(cp) != CP_BIDI_NONE;
}

bool cp_is_format(uint32_t cp)
{
    return cp_is_bidi_control(cp) || cp == 0xAD || cp == 0x34F || (cp >= 0x180B && cp <= 0x180F) ||
           (cp >= 0x200B && cp <= 0x200D) || (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF ||
           (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0000 && cp <= 0xE0FFF);
}

/* How many bytes from u[0] on are printable ASCII (0x20..0x7E), the bulk of every
 * content and translation file: eight at a time while no byte is below 0x20 or at or
 * above 0x7F (the word tests may only say "maybe" for a word that has such a byte; the
 * byte loop then finds it exactly). */
static size_t ascii_printable_run(const unsigned char *u, size_t n)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, u + i, 8);
        uint64_t below_space = (w - ones * 0x20) & ~w & highs; /* some byte < 0x20 */
        uint64_t del_or_high = ((w + ones) | w) & highs;       /* some byte >= 0x7F */
        if (below_space | del_or_high)
            break;
    }
    while (i < n && u[i] >= 0x20 && u[i] < 0x7F)
        i++;
    return i;
}

const char *utf8_text_problem(const char *s, size_t n, size_t *bad_offset, uint32_t *bad_cp)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        i += ascii_printable_run(u + i, n - i);
        if (i >= n)
            break;
        if (u[i] == '\n' || u[i] == '\t') {
            i++;
            continue;
        }
        /* Two bytes, U+00A0..U+07FF (Latin, Cyrillic, Arabic, ...): never a control,
         * noncharacter or separator. */
        if (u[i] >= 0xC2 && u[i] <= 0xDF && i + 1 < n && (u[i + 1] & 0xC0) == 0x80 &&
            (u[i] > 0xC2 || u[i + 1] >= 0xA0)) {
            i += 2;
            continue;
        }
        uint32_t cp;
        int k = utf8_decode(s + i, n - i, &cp);
        const char *why = NULL;
        if (cp == 0xFFFD && !(k == 3 && u[i] == 0xEF))
            why = "invalid UTF-8";
        else if (cp_is_control(cp) && cp != '\n' && cp != '\t')
            why = "control character";
        else if (cp_is_noncharacter(cp))
            why = "noncharacter";
        else if (cp == 0x2028 || cp == 0x2029)
            why = "line or paragraph separator";
        if (why) {
            if (bad_offset)
                *bad_offset = i;
            if (bad_cp)
                *bad_cp = cp;
            return why;
        }
        i += (size_t)k;
    }
    return NULL;
}

bool utf8_valid_text(const char *s, size_t n, size_t *bad_offset)
{
    return utf8_text_problem(s, n, bad_offset, NULL) == NULL;
}

bool utf8_has_visible(const char *s)
{
    size_t n = s ? strlen(s) : 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += (size_t)utf8_decode(s + i, n - i, &cp);
        if (!cp_is_space(cp) && !cp_is_format(cp))
            return true;
    }
    return false;
}

enum { BIDI_MAX_DEPTH = 16 };

bool utf8_bidi_balanced(const char *s, size_t n, size_t *bad_offset, uint32_t *bad_cp)
{
    uint32_t open_cp[BIDI_MAX_DEPTH];
    size_t open_at[BIDI_MAX_DEPTH];
    size_t depth = 0;
    size_t i = 0;
    for (;;) {
        /* Every explicit bidi control is E2 80 xx or E2 81 xx, and 0xE2 never continues
         * a sequence, so with nothing open the next one that matters starts at the next
         * 0xE2 byte (a line break closes nothing then). */
        if (depth == 0 && i < n) {
            const char *e2 = memchr(s + i, 0xE2, n - i);
            if (!e2)
                return true;
            i = (size_t)(e2 - s);
        }
        uint32_t cp = '\n';
        int k = 0;
        if (i < n)
            k = utf8_decode(s + i, n - i, &cp);
        if (cp == '\n') { /* the end of a paragraph: nothing may stay open */
            if (depth) {
                if (bad_offset)
                    *bad_offset = open_at[depth - 1];
                if (bad_cp)
                    *bad_cp = open_cp[depth - 1];
                return false;
            }
            if (i >= n)
                return true;
        }
        cp_bidi kind = cp_bidi_kind(cp);
        bool bad = false;
        if (kind == CP_BIDI_EMBED || kind == CP_BIDI_ISOLATE) {
            if (depth == BIDI_MAX_DEPTH) {
                bad = true;
            } else {
                open_cp[depth] = cp;
                open_at[depth++] = i;
            }
        } else if (kind == CP_BIDI_PDF || kind == CP_BIDI_PDI) {
            /* PDF closes an embedding or override, PDI an isolate: the innermost one. */
            bool isolate = depth && cp_bidi_kind(open_cp[depth - 1]) == CP_BIDI_ISOLATE;
            bad = !depth || (kind == CP_BIDI_PDI) != isolate;
            if (!bad)
                depth--;
        }
        if (bad) {
            if (bad_offset)
                *bad_offset = i;
            if (bad_cp)
                *bad_cp = cp;
            return false;
        }
        i += (size_t)k;
    }
}

char *str_for_message(const char *s, size_t max_cps)
{
    strbuf sb;
    strbuf_init(&sb);
    strbuf_append(&sb, "", 0);
    size_t n = s ? strlen(s) : 0, shown = 0;
    for (size_t i = 0; i < n;) {
        if (shown == max_cps) {
            strbuf_puts(&sb, "...");
            break;
        }
        uint32_t cp;
        int k = utf8_decode(s + i, n - i, &cp);
        if (cp == 0xFFFD && k == 1 && (unsigned char)s[i] >= 0x80)
            strbuf_printf(&sb, "<0x%02X>", (unsigned char)s[i]);
        else if (cp == '\n')
            strbuf_puts(&sb, "\\n");
        else if (cp_is_control(cp) || cp_is_format(cp) || cp == 0x2028 || cp == 0x2029 ||
                 cp_is_noncharacter(cp))
            strbuf_printf(&sb, "<U+%04X>", (unsigned)cp);
        else
            strbuf_append(&sb, s + i, (size_t)k);
        i += (size_t)k;
        shown++;
    }
    return strbuf_steal(&sb);
}

size_t utf8_count(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            count++;
    return count;
}

size_t utf8_length(const char *s)
{
    return utf8_count(s, strlen(s));
}

char *str_trim(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        s[--n] = '\0';
    size_t i = 0;
    while (s[i] == ' ' || s[i] == '\t')
        i++;
    if (i)
        memmove(s, s + i, n - i + 1);
    return s;
}

bool str_starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* ASCII case folding only: see str_equal_ci in util.h. */
static char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

bool str_equal_ci(const char *a, const char *b)
{
    for (;; a++, b++) {
        if (ascii_lower(*a) != ascii_lower(*b))
            return false;
        if (!*a)
            return true;
    }
}

bool str_starts_with_ci(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    if (n < k)
        return false;
    for (size_t i = 0; i < k; i++)
        if (ascii_lower(s[i]) != ascii_lower(prefix[i]))
            return false;
    return true;
}

bool text_next_line(const char *text, size_t len, size_t *pos, const char **line, size_t *line_len)
{
    if (!text)
        return false;
    if (*pos == 0 && len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        *pos = 3;
    if (*pos >= len)
        return false;
    const char *nl = memchr(text + *pos, '\n', len - *pos);
    size_t end = nl ? (size_t)(nl - text) : len;
    size_t n = end - *pos;
    if (n && text[end - 1] == '\r')
        n--;
    *line = text + *pos;
    *line_len = n;
    *pos = nl ? end + 1 : len;
    return true;
}
