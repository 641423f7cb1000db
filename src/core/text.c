/* text.c - greedy word wrapping and shrink-to-fit against a text_measure. */
#include "text.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

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
    strbuf cur;
    strbuf_init(&cur);
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
        strbuf_append(&cand, cur.data, cur.len);
        if (space_before)
            strbuf_putc(&cand, ' ');
        strbuf_append(&cand, p + i, end - i);
        if (measure(m, px, bold, cand.data, cand.len) <= max_w) {
            strbuf_finish(&cur);
            cur = cand;
        } else {
            strbuf_finish(&cand);
            if (cur.len) {
                emit(o, cur.data, cur.len);
                cur.len = 0;
                cur.data[0] = '\0';
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
    strbuf_finish(&cur);
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

static void free_lines(char **lines, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(lines[i]);
    free(lines);
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
            free_lines(l2, n2);
        }
        free_lines(lines, n);
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
    free_lines(fit->lines, fit->n_lines);
    memset(fit, 0, sizeof(*fit));
}
