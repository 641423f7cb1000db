/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* util.h - small helpers shared by the core: allocation, strings, growable buffers.
 *
 * Out-of-memory policy (decided once, here): the kiosk runs on a device with a fixed,
 * small working set. An allocation failure means the machine is broken; the x* helpers
 * log one line to stderr and abort(), and systemd restarts the kiosk. Nothing in the
 * core checks malloc results itself; everything goes through these helpers. */
#ifndef LOTSE_UTIL_H
#define LOTSE_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Allocate; never return NULL (see the policy above). Caller frees with free(). */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* Copy of s (NULL gives NULL). Caller frees. */
char *xstrdup(const char *s);
/* Copy of the first n bytes of s, NUL-terminated. Caller frees. */
char *xstrndup(const char *s, size_t n);
/* printf into a new string. Caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

/* Grow *items (of *cap elements of size elem) so that it holds at least need elements. */
void vec_reserve(void **items, size_t *cap, size_t need, size_t elem);
#define VEC_PUSH(arr, len, cap, value)                                                             \
    do {                                                                                           \
        vec_reserve((void **)&(arr), &(cap), (len) + 1, sizeof(*(arr)));                           \
        (arr)[(len)++] = (value);                                                                  \
    } while (0)

/* A growable NUL-terminated byte string. init/finish: the caller owns the struct. */
typedef struct strbuf {
    char *data; /* always NUL-terminated once anything was appended; NULL before */
    size_t len;
    size_t cap;
} strbuf;

void strbuf_init(strbuf *sb);
void strbuf_finish(strbuf *sb);
void strbuf_append(strbuf *sb, const char *s, size_t n);
void strbuf_puts(strbuf *sb, const char *s);
void strbuf_putc(strbuf *sb, char c);
void strbuf_printf(strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append s as a JSON string literal, quotes included. */
void strbuf_json_string(strbuf *sb, const char *s);
/* Hand the buffer to the caller (never NULL; caller frees) and reset sb. */
char *strbuf_steal(strbuf *sb);

/* Overwrite n bytes with zeros in a way the compiler may not elide (wiping parent input). */
void secure_zero(void *p, size_t n);
/* Wipe the NUL-terminated s and free it (NULL is a no-op): for every string that may
 * hold what a parent typed (display-list texts, wrapped lines). */
void str_free_wiped(char *s);
/* str_free_wiped each of lines[0..n), then free the array (NULL is a no-op). */
void lines_free_wiped(char **lines, size_t n);
/* Like strbuf_finish, wiping the whole buffer first. */
void strbuf_finish_wiped(strbuf *sb);

/* UTF-8: decode one code point at s (at most n bytes). Returns the number of bytes used
 * (1..4), storing U+FFFD and returning 1 for an invalid sequence. n must be > 0. */
int utf8_decode(const char *s, size_t n, uint32_t *cp);
/* True if s[0..n) is text a kiosk may show: valid UTF-8 (no overlong forms, no
 * surrogates, nothing above U+10FFFF) without control characters other than \n and \t
 * (C0, DEL and C1 are refused), noncharacters (U+FDD0-U+FDEF, U+xxFFFE/F) or the line
 * and paragraph separators U+2028/U+2029 (the layout does not break lines there). On
 * failure *bad_offset (may be NULL) is the byte offset of the first bad character. */
bool utf8_valid_text(const char *s, size_t n, size_t *bad_offset);
/* Like utf8_valid_text; returns NULL when s[0..n) is fine, else what is wrong at
 * *bad_offset as a static phrase ("invalid UTF-8", "control character", "noncharacter",
 * "line or paragraph separator") with the code point in *bad_cp (U+FFFD for invalid
 * UTF-8; both outputs may be NULL). */
const char *utf8_text_problem(const char *s, size_t n, size_t *bad_offset, uint32_t *bad_cp);
/* Code point classes: the one definition the core (validation, wrapping, the display
 * list) and render/ (font choice, shaping, bidi) share, so that a character cannot be
 * invisible to one and a box or a reordering to the other.
 *
 * A control character: C0 (U+0000-U+001F), DEL and C1 (U+0080-U+009F). */
bool cp_is_control(uint32_t cp);
/* A noncharacter: U+FDD0-U+FDEF and the last two code points of every plane
 * (U+xxFFFE, U+xxFFFF). Never text. */
bool cp_is_noncharacter(uint32_t cp);
/* White space: the ASCII controls up to U+0020, DEL, and every Unicode space separator
 * (U+00A0, U+1680, U+2000-U+200A, U+202F, U+205F, U+3000) and U+2028/U+2029. Not the
 * zero-width space U+200B (a format character). */
bool cp_is_space(uint32_t cp);
/* What an explicit bidi formatting character does. */
typedef enum cp_bidi {
    CP_BIDI_NONE,
    CP_BIDI_MARK,    /* U+061C ALM, U+200E LRM, U+200F RLM: a strong character, drawn as nothing */
    CP_BIDI_EMBED,   /* U+202A LRE, U+202B RLE, U+202D LRO, U+202E RLO: open, closed by PDF */
    CP_BIDI_PDF,     /* U+202C */
    CP_BIDI_ISOLATE, /* U+2066 LRI, U+2067 RLI, U+2068 FSI: open, closed by PDI */
    CP_BIDI_PDI,     /* U+2069 */
} cp_bidi;
cp_bidi cp_bidi_kind(uint32_t cp);
/* A bidi control: any of the above (cp_bidi_kind(cp) != CP_BIDI_NONE). It steers the
 * bidi algorithm, is drawn as nothing and is dropped before shaping. */
bool cp_is_bidi_control(uint32_t cp);
/* A format character (default-ignorable): drawn as nothing, but it changes what the text
 * looks like or where it goes: the bidi controls, U+200B-U+200D (zero-width space,
 * ZWNJ, ZWJ), U+2060-U+2064, U+FEFF, U+00AD, U+034F, the Mongolian and other variation
 * selectors, tags. A font need not have them. Combining marks (Arabic harakat, Ethiopic
 * U+135D-U+135F) are not format characters: they are drawn. */
bool cp_is_format(uint32_t cp);
/* Does s hold a character that is neither white space nor a format character? */
bool utf8_has_visible(const char *s);
/* Are the explicit bidi controls of s[0..n) balanced within each paragraph ("\n"
 * separates paragraphs): every U+202A-U+202E (embeddings, overrides) closed by a U+202C
 * and every U+2066-U+2068 (isolates) by a U+2069, properly nested, at most 16 deep? An
 * open one would reverse or reorder the rest of the line. On failure *bad_offset and
 * *bad_cp (each may be NULL) name the control that is unmatched (or, at the end of a
 * paragraph, the innermost one left open). Invalid UTF-8 is not checked here. */
bool utf8_bidi_balanced(const char *s, size_t n, size_t *bad_offset, uint32_t *bad_cp);
/* s for an error message: at most max_cps code points (then "..."), with control and
 * format characters and invalid bytes shown as <U+XXXX> / <0xXX>, so a message never
 * turns a terminal right to left or carries 10 kB of one field. Caller frees. */
char *str_for_message(const char *s, size_t max_cps);
/* Number of code points that start in s[0..n) (bytes that are not UTF-8 continuation
 * bytes; for valid UTF-8 the number of characters). The one code point counter. */
size_t utf8_count(const char *s, size_t n);
/* utf8_count over the whole NUL-terminated s. */
size_t utf8_length(const char *s);

/* Trim ASCII whitespace at both ends in place; returns s. */
char *str_trim(char *s);
bool str_starts_with(const char *s, const char *prefix);
/* Case-insensitive comparison, folding ASCII letters only ('A'-'Z' to 'a'-'z'): right
 * for what it is used for, keys, record types, header names, charsets and language
 * codes, which are ASCII by definition; independent of the C locale (strcasecmp follows
 * it, and a Turkish locale folds 'I' to a dotless i). Not for comparing what people
 * wrote: that needs Unicode case folding. */
bool str_equal_ci(const char *a, const char *b);
/* Does s[0..n) begin with prefix, ASCII case folded as above? */
bool str_starts_with_ci(const char *s, size_t n, const char *prefix);

/* Line iteration over a text buffer for the parsers: start with *pos = 0; a UTF-8 BOM at
 * the start is skipped. Each call stores the next line (without "\n" or "\r\n") in
 * *line / *line_len and returns true, or returns false at the end. */
bool text_next_line(const char *text, size_t len, size_t *pos, const char **line, size_t *line_len);

#endif
