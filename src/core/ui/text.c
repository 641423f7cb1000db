/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* text.c - greedy word wrapping and shrink-to-fit against a text_measure.
 *
 * The text may be what a parent typed (a name on the contact screen): every buffer that
 * held a piece of it is wiped before it is freed (str_free_wiped, lines_free_wiped,
 * strbuf_finish_wiped, as dl.c does for the display list), and the working buffers are
 * allocated at their final size once, so no reallocation leaves a copy behind. */
#include "ui/text.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"

static int measure(const text_measure *m, int px, bool bold, const char *s, size_t n)
{
    return n ? m->width(m->ctx, px, bold, s, n) : 0;
}

typedef struct lines_out {
    char **lines;
    size_t n, cap;
} lines_out;

static void emit(lines_out *o, const char *s, size_t n)
{
    VEC_PUSH(o->lines, o->n, o->cap, xstrndup(s, n));
}

/* Split a word wider than the line between code points; the last piece is returned in
 * *rest_start/rest_len to continue the line with. */
static void split_long_word(const text_measure *m, int px, bool bold, int max_w, lines_out *o,
                            const char *w, size_t wn, strbuf *cur)
{
    size_t start = 0;
    while (start < wn) {
        size_t end = start, last_ok = start;
        while (end < wn) {
            uint32_t cp;
            size_t k = (size_t)utf8_decode(w + end, wn - end, &cp);
            if (measure(m, px, bold, w + start, end + k - start) > max_w && last_ok > start)
                break;
            end += k;
            last_ok = end;
        }
        if (last_ok >= wn) {
            strbuf_append(cur, w + start, wn - start);
            return;
        }
        emit(o, w + start, last_ok - start);
        start = last_ok;
    }
}

static void wrap_paragraph(const text_measure *m, const char *p, size_t n, int px, bool bold,
                           int max_w, lines_out *o, bool *too_long)
{
    /* cur and every candidate line are parts of p[0..n) with single spaces: at most n
     * bytes. */
    strbuf cur;
    strbuf_init(&cur);
    vec_reserve((void **)&cur.data, &cur.cap, n + 1, 1);
    strbuf_append(&cur, "", 0);
    size_t i = 0;
    bool space_before = false;
    while (i < n) {
        if (p[i] == ' ') {
            space_before = cur.len > 0;
            i++;
            continue;
        }
        size_t end = i;
        while (end < n && p[end] != ' ') {
            char c = p[end++];
            if ((c == '-' || c == '/') && end < n && p[end] != ' ')
                break; /* break opportunity after a hyphen or slash */
        }
        strbuf cand;
        strbuf_init(&cand);
        vec_reserve((void **)&cand.data, &cand.cap, n + 1, 1);
        strbuf_append(&cand, cur.data, cur.len);
        if (space_before)
            strbuf_putc(&cand, ' ');
        strbuf_append(&cand, p + i, end - i);
        if (measure(m, px, bold, cand.data, cand.len) <= max_w) {
            strbuf_finish_wiped(&cur);
            cur = cand;
        } else {
            strbuf_finish_wiped(&cand);
            if (cur.len) {
                emit(o, cur.data, cur.len);
                secure_zero(cur.data, cur.len);
                cur.len = 0;
            }
            if (measure(m, px, bold, p + i, end - i) <= max_w) {
                strbuf_append(&cur, p + i, end - i);
            } else {
                *too_long = true;
                split_long_word(m, px, bold, max_w, o, p + i, end - i, &cur);
            }
        }
        space_before = false;
        i = end;
    }
    if (cur.len || o->n == 0)
        emit(o, cur.data, cur.len);
    strbuf_finish_wiped(&cur);
}

enum { CARRY_MAX = 16 };

/* The explicit bidi controls open at some point of a paragraph, innermost last. */
typedef struct bidi_stack {
    uint32_t open[CARRY_MAX];
    size_t depth;
    size_t overflow; /* openers beyond CARRY_MAX, matched by closers first */
} bidi_stack;

static bool is_isolate(uint32_t cp)
{
    return cp_bidi_kind(cp) == CP_BIDI_ISOLATE;
}

static void bidi_track(bidi_stack *st, uint32_t cp)
{
    cp_bidi kind = cp_bidi_kind(cp);
    if (kind == CP_BIDI_EMBED || kind == CP_BIDI_ISOLATE) {
        if (st->depth < CARRY_MAX)
            st->open[st->depth++] = cp;
        else
            st->overflow++;
    } else if (kind == CP_BIDI_PDF || kind == CP_BIDI_PDI) {
        if (st->overflow) {
            st->overflow--;
            return;
        }
        /* PDF closes the innermost embedding unless an isolate is innermost (then it is
         * ignored, as in UAX #9); PDI closes the innermost isolate and whatever was
         * opened inside it, and is ignored when no isolate is open. */
        if (kind == CP_BIDI_PDF) {
            if (st->depth && !is_isolate(st->open[st->depth - 1]))
                st->depth--;
            return;
        }
        size_t k = st->depth;
        while (k > 0 && !is_isolate(st->open[k - 1]))
            k--;
        if (k > 0)
            st->depth = k - 1;
    }
}

static void put_cp(strbuf *sb, uint32_t cp)
{
    char b[3] = {(char)(0xE0 | (cp >> 12)), (char)(0x80 | ((cp >> 6) & 0x3F)),
                 (char)(0x80 | (cp & 0x3F))};
    strbuf_append(sb, b, 3); /* the embeddings and isolates are all three-byte characters */
}

/* Each line is laid out and drawn as a paragraph of its own, so an embedding, override
 * or isolate that a line break cuts through would end at the break and the rest of it
 * would lose its direction (a phone number in an isolate, wrapped in an Arabic text,
 * would come out with its digit groups reversed). Close what is open at the end of
 * each line and open it again at the start of the next. The controls are drawn as
 * nothing, so the widths measured for the lines stay right. */
static void carry_bidi(lines_out *para)
{
    bidi_stack st = {{0}, 0, 0};
    for (size_t k = 0; k < para->n; k++) {
        char *line = para->lines[k];
        size_t n = strlen(line);
        bool any = st.depth > 0;
        for (size_t i = 0; i < n && !any; i++)
            any = (unsigned char)line[i] == 0xE2; /* every embedding and isolate starts so */
        if (!any)
            continue;
        /* At most CARRY_MAX controls are reopened before the line and closed after it. */
        strbuf sb;
        strbuf_init(&sb);
        vec_reserve((void **)&sb.data, &sb.cap, n + 2 * 3 * CARRY_MAX + 1, 1);
        strbuf_append(&sb, "", 0);
        for (size_t i = 0; i < st.depth; i++)
            put_cp(&sb, st.open[i]);
        for (size_t i = 0; i < n;) {
            uint32_t cp;
            i += (size_t)utf8_decode(line + i, n - i, &cp);
            bidi_track(&st, cp);
        }
        strbuf_append(&sb, line, n);
        if (k + 1 < para->n)
            for (size_t i = st.depth; i > 0; i--)
                put_cp(&sb, is_isolate(st.open[i - 1]) ? 0x2069 : 0x202C);
        str_free_wiped(line);
        para->lines[k] = strbuf_steal(&sb);
    }
}

void text_wrap(const text_measure *m, const char *text, int px, bool bold, int max_w, char ***lines,
               size_t *n_lines, bool *word_too_long)
{
    lines_out o = {NULL, 0, 0};
    *word_too_long = false;
    const char *p = text ? text : "";
    for (;;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        lines_out para = {NULL, 0, 0};
        wrap_paragraph(m, p, len, px, bold, max_w, &para, word_too_long);
        carry_bidi(&para);
        for (size_t k = 0; k < para.n; k++)
            VEC_PUSH(o.lines, o.n, o.cap, para.lines[k]);
        free(para.lines);
        if (!nl)
            break;
        p = nl + 1;
    }
    *lines = o.lines;
    *n_lines = o.n;
}

static int widest(const text_measure *m, int px, bool bold, char **lines, size_t n)
{
    int w = 0;
    for (size_t i = 0; i < n; i++) {
        int lw = measure(m, px, bold, lines[i], strlen(lines[i]));
        if (lw > w)
            w = lw;
    }
    return w;
}

/* Wrap at size; true if the lines fit max_h (and no word was too long). The lines are
 * returned in *lines / *n (caller frees). */
static bool fit_at(const text_measure *m, const char *text, int size, bool bold, int max_w,
                   int max_h, char ***lines, size_t *n, int *lh)
{
    bool too_long;
    text_wrap(m, text, size, bold, max_w, lines, n, &too_long);
    *lh = m->line_height(m->ctx, size, bold);
    return !too_long && (int)*n * *lh <= max_h;
}

void text_fit_box(const text_measure *m, const char *text, int px, int min_px, bool bold, int max_w,
                  int max_h, text_fit *fit)
{
    memset(fit, 0, sizeof(*fit));
    if (min_px > px)
        min_px = px;
    /* The largest size from px down to min_px at which the text fits. Most texts fit at
     * px; otherwise a binary search (a smaller size never needs more room), so a text
     * that must shrink costs a few wraps, not one per pixel size - each size is a font
     * the renderer has to open. */
    char **lines;
    size_t n;
    int lh;
    int size = px;
    bool fits = fit_at(m, text, size, bold, max_w, max_h, &lines, &n, &lh);
    if (!fits && px > min_px) {
        int lo = min_px, hi = px - 1, best = -1;
        while (lo <= hi) {
            int mid = lo + (hi - lo) / 2;
            char **l2;
            size_t n2;
            int lh2;
            if (fit_at(m, text, mid, bold, max_w, max_h, &l2, &n2, &lh2)) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
            lines_free_wiped(l2, n2);
        }
        lines_free_wiped(lines, n);
        size = best >= 0 ? best : min_px;
        fits = fit_at(m, text, size, bold, max_w, max_h, &lines, &n, &lh);
    }
    fit->lines = lines;
    fit->n_lines = n;
    fit->px = size;
    fit->line_px = lh;
    fit->width = widest(m, size, bold, lines, n);
    fit->overflow = !fits;
}

void text_fit_finish(text_fit *fit)
{
    lines_free_wiped(fit->lines, fit->n_lines);
    memset(fit, 0, sizeof(*fit));
}
