/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* po.c - GNU gettext PO reader: a line-based parser over a buffer, an open-addressing
 * hash table keyed like gettext's (msgctxt "\x04" msgid), and a bounded
 * recursive-descent evaluator for the header's Plural-Forms expression.
 *
 * Robustness contract: any byte sequence is accepted as input without reading outside
 * [text, text + len), without unbounded recursion and without crashing; a file with
 * any error gives NULL plus messages "name:line: what". After PO_MAX_ERRORS messages
 * the parser stops, so a garbage file cannot flood the error list. */
#include "content/po.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

enum {
    PO_MAX_FORMS = 32,    /* msgstr[0..31]; no language needs more than 6 */
    PO_MAX_ERRORS = 50,   /* messages per file before giving up */
    EXPR_MAX_DEPTH = 64,  /* parser recursion and tree depth of a Plural-Forms expression */
    EXPR_MAX_NODES = 512, /* nodes of a Plural-Forms expression */
};

/* ---------------------------------------------------------------------------------- */
/* Plural-Forms expressions                                                           */

typedef enum expr_op {
    OP_N,
    OP_NUM,
    OP_NOT,
    OP_MUL,
    OP_DIV,
    OP_MOD,
    OP_ADD,
    OP_SUB,
    OP_LT,
    OP_LE,
    OP_GT,
    OP_GE,
    OP_EQ,
    OP_NE,
    OP_AND,
    OP_OR,
    OP_COND,
} expr_op;

typedef struct expr_node {
    expr_op op;
    unsigned long num; /* OP_NUM */
    int a, b, c;       /* operand node indices; c only for OP_COND */
    int depth;         /* height of the subtree, bounded by EXPR_MAX_DEPTH */
} expr_node;

typedef struct expr_parser {
    const char *s;
    size_t len;
    size_t pos;
    int nesting;
    expr_node *nodes;
    size_t n_nodes;
    size_t cap;
    const char *err; /* first error (static text), NULL while fine */
} expr_parser;

static int expr_cond(expr_parser *p);

static void expr_fail(expr_parser *p, const char *what)
{
    if (!p->err)
        p->err = what;
}

static void expr_skip_ws(expr_parser *p)
{
    while (p->pos < p->len && (p->s[p->pos] == ' ' || p->s[p->pos] == '\t' ||
                               p->s[p->pos] == '\n' || p->s[p->pos] == '\r'))
        p->pos++;
}

/* Consume the operator tok if it comes next (and, for single-character operators, is not
 * the start of a longer one given in not_followed_by). */
static bool expr_accept(expr_parser *p, const char *tok, char not_followed_by)
{
    expr_skip_ws(p);
    size_t n = strlen(tok);
    if (p->len - p->pos < n || memcmp(p->s + p->pos, tok, n) != 0)
        return false;
    if (not_followed_by && p->pos + n < p->len && p->s[p->pos + n] == not_followed_by)
        return false;
    p->pos += n;
    return true;
}

static int expr_node_new(expr_parser *p, expr_op op, int a, int b, int c)
{
    if (p->err)
        return -1;
    if (p->n_nodes >= EXPR_MAX_NODES) {
        expr_fail(p, "expression too long");
        return -1;
    }
    int depth = 0;
    int kids[3] = {a, b, c};
    for (int i = 0; i < 3; i++)
        if (kids[i] >= 0 && p->nodes[kids[i]].depth > depth)
            depth = p->nodes[kids[i]].depth;
    if (depth + 1 > EXPR_MAX_DEPTH) {
        expr_fail(p, "expression nested too deeply");
        return -1;
    }
    expr_node node = {op, 0, a, b, c, depth + 1};
    VEC_PUSH(p->nodes, p->n_nodes, p->cap, node);
    return (int)p->n_nodes - 1;
}

static int expr_binary(expr_parser *p, expr_op op, int a, int b)
{
    if (a < 0 || b < 0)
        return -1;
    return expr_node_new(p, op, a, b, -1);
}

static int expr_primary(expr_parser *p)
{
    expr_skip_ws(p);
    if (p->pos >= p->len) {
        expr_fail(p, "unexpected end of expression");
        return -1;
    }
    char ch = p->s[p->pos];
    if (ch == 'n') {
        p->pos++;
        if (p->pos < p->len &&
            (p->s[p->pos] == '_' || (p->s[p->pos] >= 'a' && p->s[p->pos] <= 'z') ||
             (p->s[p->pos] >= 'A' && p->s[p->pos] <= 'Z') ||
             (p->s[p->pos] >= '0' && p->s[p->pos] <= '9'))) {
            expr_fail(p, "unknown name in expression (only n)");
            return -1;
        }
        return expr_node_new(p, OP_N, -1, -1, -1);
    }
    if (ch >= '0' && ch <= '9') {
        unsigned long v = 0;
        while (p->pos < p->len && p->s[p->pos] >= '0' && p->s[p->pos] <= '9') {
            unsigned long d = (unsigned long)(p->s[p->pos] - '0');
            if (v > (~0UL - d) / 10) {
                expr_fail(p, "number too large");
                return -1;
            }
            v = v * 10 + d;
            p->pos++;
        }
        int i = expr_node_new(p, OP_NUM, -1, -1, -1);
        if (i >= 0)
            p->nodes[i].num = v;
        return i;
    }
    if (ch == '(') {
        p->pos++;
        int i = expr_cond(p);
        if (i < 0)
            return -1;
        if (!expr_accept(p, ")", 0)) {
            expr_fail(p, "missing ')'");
            return -1;
        }
        return i;
    }
    expr_fail(p, "unexpected character in expression");
    return -1;
}

static int expr_unary(expr_parser *p)
{
    if (++p->nesting > EXPR_MAX_DEPTH) {
        expr_fail(p, "expression nested too deeply");
        p->nesting--;
        return -1;
    }
    int r;
    if (expr_accept(p, "!", '=')) {
        int a = expr_unary(p);
        r = a < 0 ? -1 : expr_node_new(p, OP_NOT, a, -1, -1);
    } else {
        r = expr_primary(p);
    }
    p->nesting--;
    return r;
}

static int expr_mul(expr_parser *p)
{
    int a = expr_unary(p);
    while (a >= 0) {
        expr_op op;
        if (expr_accept(p, "*", 0))
            op = OP_MUL;
        else if (expr_accept(p, "/", 0))
            op = OP_DIV;
        else if (expr_accept(p, "%", 0))
            op = OP_MOD;
        else
            break;
        a = expr_binary(p, op, a, expr_unary(p));
    }
    return a;
}

static int expr_add(expr_parser *p)
{
    int a = expr_mul(p);
    while (a >= 0) {
        expr_op op;
        if (expr_accept(p, "+", 0))
            op = OP_ADD;
        else if (expr_accept(p, "-", 0))
            op = OP_SUB;
        else
            break;
        a = expr_binary(p, op, a, expr_mul(p));
    }
    return a;
}

static int expr_rel(expr_parser *p)
{
    int a = expr_add(p);
    while (a >= 0) {
        expr_op op;
        if (expr_accept(p, "<=", 0))
            op = OP_LE;
        else if (expr_accept(p, ">=", 0))
            op = OP_GE;
        else if (expr_accept(p, "<", 0))
            op = OP_LT;
        else if (expr_accept(p, ">", 0))
            op = OP_GT;
        else
            break;
        a = expr_binary(p, op, a, expr_add(p));
    }
    return a;
}

static int expr_eq(expr_parser *p)
{
    int a = expr_rel(p);
    while (a >= 0) {
        expr_op op;
        if (expr_accept(p, "==", 0))
            op = OP_EQ;
        else if (expr_accept(p, "!=", 0))
            op = OP_NE;
        else
            break;
        a = expr_binary(p, op, a, expr_rel(p));
    }
    return a;
}

static int expr_and(expr_parser *p)
{
    int a = expr_eq(p);
    while (a >= 0 && expr_accept(p, "&&", 0))
        a = expr_binary(p, OP_AND, a, expr_eq(p));
    return a;
}

static int expr_or(expr_parser *p)
{
    int a = expr_and(p);
    while (a >= 0 && expr_accept(p, "||", 0))
        a = expr_binary(p, OP_OR, a, expr_and(p));
    return a;
}

/* cond: or ('?' cond ':' cond)? -- right associative, as in C. */
static int expr_cond(expr_parser *p)
{
    if (++p->nesting > EXPR_MAX_DEPTH) {
        expr_fail(p, "expression nested too deeply");
        p->nesting--;
        return -1;
    }
    int r = expr_or(p);
    if (r >= 0 && expr_accept(p, "?", 0)) {
        int b = expr_cond(p);
        if (b >= 0 && !expr_accept(p, ":", 0)) {
            expr_fail(p, "missing ':' in '?:'");
            b = -1;
        }
        int c = b >= 0 ? expr_cond(p) : -1;
        r = (b < 0 || c < 0) ? -1 : expr_node_new(p, OP_COND, r, b, c);
    }
    p->nesting--;
    return r;
}

/* Evaluate node i for n. Recursion is bounded by the tree depth (EXPR_MAX_DEPTH).
 * Arithmetic is unsigned long, as in gettext; division by zero gives 0. */
static unsigned long expr_eval(const expr_node *nodes, int i, unsigned long n)
{
    const expr_node *e = &nodes[i];
    unsigned long a, b;
    switch (e->op) {
    case OP_N:
        return n;
    case OP_NUM:
        return e->num;
    case OP_NOT:
        return !expr_eval(nodes, e->a, n);
    case OP_AND:
        return expr_eval(nodes, e->a, n) && expr_eval(nodes, e->b, n);
    case OP_OR:
        return expr_eval(nodes, e->a, n) || expr_eval(nodes, e->b, n);
    case OP_COND:
        return expr_eval(nodes, e->a, n) ? expr_eval(nodes, e->b, n) : expr_eval(nodes, e->c, n);
    default:
        break;
    }
    a = expr_eval(nodes, e->a, n);
    b = expr_eval(nodes, e->b, n);
    switch (e->op) {
    case OP_MUL:
        return a * b;
    case OP_DIV:
        return b ? a / b : 0;
    case OP_MOD:
        return b ? a % b : 0;
    case OP_ADD:
        return a + b;
    case OP_SUB:
        return a - b;
    case OP_LT:
        return a < b;
    case OP_LE:
        return a <= b;
    case OP_GT:
        return a > b;
    case OP_GE:
        return a >= b;
    case OP_EQ:
        return a == b;
    case OP_NE:
        return a != b;
    default:
        return 0;
    }
}

/* ---------------------------------------------------------------------------------- */
/* Catalog                                                                            */

typedef struct po_entry {
    char *key;    /* msgid, or msgctxt "\x04" msgid */
    char **forms; /* msgstr, or msgstr[0..n_forms) */
    size_t n_forms;
    bool plural; /* has msgid_plural */
    bool fuzzy;
    int line;
} po_entry;

struct po_catalog {
    po_entry *entries;
    size_t n_entries;
    size_t cap;
    size_t *table; /* entry index + 1; 0 = empty slot. Power-of-two size. */
    size_t table_size;
    bool has_plural_forms;
    unsigned nplurals;
    expr_node *plural; /* NULL without Plural-Forms */
    int plural_root;
};

static uint64_t hash_bytes(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static uint64_t hash_key(const char *ctx, const char *msgid)
{
    uint64_t h = 14695981039346656037ULL;
    if (ctx) {
        h = hash_bytes(h, ctx, strlen(ctx));
        h = hash_bytes(h, "\x04", 1);
    }
    return hash_bytes(h, msgid, strlen(msgid));
}

static bool key_equals(const char *key, const char *ctx, const char *msgid)
{
    if (ctx) {
        size_t n = strlen(ctx);
        if (strncmp(key, ctx, n) != 0 || key[n] != '\x04')
            return false;
        key += n + 1;
    }
    return strcmp(key, msgid) == 0;
}

static const po_entry *catalog_find(const po_catalog *c, const char *ctx, const char *msgid)
{
    if (!c || !msgid || !c->table_size)
        return NULL;
    size_t mask = c->table_size - 1;
    for (size_t i = (size_t)hash_key(ctx, msgid) & mask;; i = (i + 1) & mask) {
        size_t slot = c->table[i];
        if (!slot)
            return NULL;
        if (key_equals(c->entries[slot - 1].key, ctx, msgid))
            return &c->entries[slot - 1];
    }
}

static void table_put(po_catalog *c, size_t index)
{
    size_t mask = c->table_size - 1;
    size_t i = (size_t)hash_key(NULL, c->entries[index].key) & mask;
    while (c->table[i])
        i = (i + 1) & mask;
    c->table[i] = index + 1;
}

/* Add an entry (taking over its strings); the caller has checked it is new. */
static void catalog_add(po_catalog *c, po_entry e)
{
    VEC_PUSH(c->entries, c->n_entries, c->cap, e);
    if (c->n_entries * 2 > c->table_size) {
        free(c->table);
        c->table_size = c->table_size ? c->table_size * 2 : 64;
        c->table = xcalloc(c->table_size, sizeof(*c->table));
        for (size_t i = 0; i < c->n_entries; i++)
            table_put(c, i);
    } else {
        table_put(c, c->n_entries - 1);
    }
}

void po_destroy(po_catalog *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n_entries; i++) {
        free(c->entries[i].key);
        for (size_t k = 0; k < c->entries[i].n_forms; k++)
            free(c->entries[i].forms[k]);
        free(c->entries[i].forms);
    }
    free(c->entries);
    free(c->table);
    free(c->plural);
    free(c);
}

/* ---------------------------------------------------------------------------------- */
/* Parser                                                                             */

typedef enum entry_state {
    S_NONE,   /* between entries */
    S_CTXT,   /* after msgctxt */
    S_ID,     /* after msgid */
    S_PLURAL, /* after msgid_plural */
    S_STR,    /* after msgstr or msgstr[N] */
} entry_state;

typedef struct po_parser {
    const char *name;
    site_errors *errors;
    int n_errors;
    bool stop;
    int line;
    po_catalog *cat;
    bool header_seen;
    int header_line;
    /* The entry being read. */
    entry_state state;
    bool fuzzy;
    bool has_ctxt;
    bool plural;
    bool bad; /* an error inside the entry: drop it at the end */
    int entry_line;
    strbuf ctxt, id, id_plural;
    strbuf forms[PO_MAX_FORMS];
    int ctxt_line, id_line, plural_line; /* where each string's keyword is */
    int form_line[PO_MAX_FORMS];
    size_t n_forms;
    strbuf *cur;       /* where continuation strings go; NULL: none */
    bool skip_strings; /* after a misplaced keyword: ignore its continuation strings */
    strbuf scratch;
} po_parser;

static void perr(po_parser *p, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void perr(po_parser *p, int line, const char *fmt, ...)
{
    if (p->stop)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *msg = xvasprintf(fmt, ap);
    va_end(ap);
    site_errors_add(p->errors, p->name, line, NULL, "%s", msg);
    free(msg);
    if (++p->n_errors >= PO_MAX_ERRORS) {
        site_errors_add(p->errors, p->name, line, NULL, "too many errors; giving up");
        p->stop = true;
    }
}

static void sb_clear(strbuf *sb)
{
    sb->len = 0;
    if (sb->data)
        sb->data[0] = '\0';
}

static const char *sb_str(const strbuf *sb)
{
    return sb->data ? sb->data : "";
}

/* A short, printable, valid-UTF-8 rendering of s for messages (caller frees). */
static char *quote_for_message(const char *s)
{
    strbuf sb;
    strbuf_init(&sb);
    strbuf_putc(&sb, '"');
    size_t n = strlen(s), i = 0, shown = 0;
    while (i < n) {
        if (shown >= 40) {
            strbuf_puts(&sb, "...");
            break;
        }
        uint32_t cp;
        int k = utf8_decode(s + i, n - i, &cp);
        if (cp == '\n')
            strbuf_puts(&sb, "\\n");
        else if (cp == '"')
            strbuf_puts(&sb, "\\\"");
        else if (cp_is_control(cp) || (cp == 0xFFFD && k == 1) || cp_is_format(cp))
            strbuf_putc(&sb, '?');
        else
            strbuf_append(&sb, s + i, (size_t)k);
        i += (size_t)k;
        shown++;
    }
    strbuf_putc(&sb, '"');
    return strbuf_steal(&sb);
}

/* Is a decoded string (escapes resolved) text the kiosk may show? Raw bytes were
 * checked line by line already; what remains are characters an escape produced (\x1b,
 * \r, "\302\205" for U+0085, a surrogate in octal...) and the bidi controls, which must
 * be balanced (utf8_bidi_balanced). Reports at line, the string's keyword line. */
static bool string_ok(po_parser *p, const strbuf *sb, int line)
{
    const char *s = sb_str(sb);
    size_t bad;
    uint32_t cp;
    const char *why = utf8_text_problem(s, sb->len, &bad, &cp);
    if (why) {
        if (cp == 0xFFFD)
            perr(p, line, "invalid UTF-8 in a string (from an escape)");
        else
            perr(p, line, "%s U+%04X in a string (from an escape)", why, (unsigned)cp);
        return false;
    }
    if (!utf8_bidi_balanced(s, sb->len, &bad, &cp)) {
        perr(p, line,
             "unbalanced bidi control U+%04X in a string (each U+202A, U+202B, U+202D, "
             "U+202E needs a U+202C after it, each U+2066-U+2068 a U+2069, in the same "
             "paragraph)",
             (unsigned)cp);
        return false;
    }
    return true;
}

static void entry_reset(po_parser *p)
{
    p->state = S_NONE;
    p->fuzzy = false;
    p->has_ctxt = false;
    p->plural = false;
    p->bad = false;
    p->entry_line = 0;
    p->ctxt_line = p->id_line = p->plural_line = 0;
    sb_clear(&p->ctxt);
    sb_clear(&p->id);
    sb_clear(&p->id_plural);
    for (size_t i = 0; i < p->n_forms; i++)
        sb_clear(&p->forms[i]);
    p->n_forms = 0;
    p->cur = NULL;
}

static const char *skip_blank(const char *s, const char *end)
{
    while (s < end && (*s == ' ' || *s == '\t'))
        s++;
    return s;
}

/* "Plural-Forms: nplurals=N; plural=EXPR;" (value only, [s, end)). */
static void parse_plural_forms(po_parser *p, const char *s, const char *end)
{
    po_catalog *c = p->cat;
    bool have_n = false, have_expr = false;
    unsigned long nplurals = 0;
    /* A template's placeholder ("nplurals=INTEGER; plural=EXPRESSION;") means none. */
    for (const char *q = s; q + 7 <= end; q++)
        if (memcmp(q, "INTEGER", 7) == 0)
            return;
    while (s < end) {
        const char *semi = memchr(s, ';', (size_t)(end - s));
        const char *part_end = semi ? semi : end;
        const char *q = skip_blank(s, part_end);
        const char *key = q;
        while (q < part_end && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z')))
            q++;
        size_t key_len = (size_t)(q - key);
        q = skip_blank(q, part_end);
        if (key_len == 0 && q == part_end) {
            /* empty part, e.g. after the last ';' */
        } else if (q == part_end || *q != '=') {
            perr(p, p->header_line, "bad Plural-Forms: expected 'nplurals=N; plural=EXPR;'");
            return;
        } else if (key_len == 8 && memcmp(key, "nplurals", 8) == 0) {
            q = skip_blank(q + 1, part_end);
            const char *digits = q;
            nplurals = 0;
            while (q < part_end && *q >= '0' && *q <= '9' && nplurals <= PO_MAX_FORMS)
                nplurals = nplurals * 10 + (unsigned long)(*q++ - '0');
            q = skip_blank(q, part_end);
            if (q == digits || q != part_end || nplurals < 1 || nplurals > PO_MAX_FORMS) {
                perr(p, p->header_line, "bad Plural-Forms: nplurals must be 1..%d", PO_MAX_FORMS);
                return;
            }
            have_n = true;
        } else if (key_len == 6 && memcmp(key, "plural", 6) == 0) {
            expr_parser ep = {.s = q + 1, .len = (size_t)(part_end - (q + 1))};
            int root = expr_cond(&ep);
            expr_skip_ws(&ep);
            if (root >= 0 && ep.pos != ep.len)
                expr_fail(&ep, "unexpected text after expression");
            if (root < 0 && !ep.err)
                expr_fail(&ep, "invalid expression");
            if (ep.err) {
                perr(p, p->header_line, "bad Plural-Forms: %s", ep.err);
                free(ep.nodes);
                return;
            }
            free(c->plural);
            c->plural = ep.nodes;
            c->plural_root = root;
            have_expr = true;
        } else {
            perr(p, p->header_line, "bad Plural-Forms: unknown setting '%.*s'",
                 (int)(key_len > 20 ? 20 : key_len), key);
            return;
        }
        s = semi ? semi + 1 : end;
    }
    if (!have_n || !have_expr) {
        perr(p, p->header_line, "bad Plural-Forms: needs both nplurals= and plural=");
        free(c->plural);
        c->plural = NULL;
        return;
    }
    c->nplurals = (unsigned)nplurals;
    c->has_plural_forms = true;
}

/* Content-Type: only UTF-8 (or the template's placeholder / plain ASCII) is accepted. */
static void check_content_type(po_parser *p, const char *s, const char *end)
{
    for (const char *q = s; q + 8 <= end; q++) {
        if (!str_starts_with_ci(q, (size_t)(end - q), "charset="))
            continue;
        const char *v = q + 8, *e = v;
        while (e < end && *e != ';' && *e != ' ' && *e != '\t')
            e++;
        size_t n = (size_t)(e - v);
        static const char *const ok[] = {"utf-8", "utf8", "charset", "ascii", "us-ascii"};
        for (size_t i = 0; i < ARRAY_LEN(ok); i++)
            if (n == strlen(ok[i]) && str_starts_with_ci(v, n, ok[i]))
                return;
        perr(p, p->header_line, "unsupported charset '%.*s' (use UTF-8)", (int)(n > 20 ? 20 : n),
             v);
        return;
    }
}

static void parse_header(po_parser *p, const char *h)
{
    const char *end = h + strlen(h);
    for (const char *s = h; s < end;) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *line_end = nl ? nl : end;
        size_t n = (size_t)(line_end - s);
        if (str_starts_with_ci(s, n, "Plural-Forms:"))
            parse_plural_forms(p, s + 13, line_end);
        else if (str_starts_with_ci(s, n, "Content-Type:"))
            check_content_type(p, s + 13, line_end);
        s = nl ? nl + 1 : end;
    }
}

static void entry_finish(po_parser *p)
{
    if (p->state != S_STR || p->bad) {
        entry_reset(p);
        return;
    }
    const strbuf *all[3] = {&p->ctxt, &p->id, &p->id_plural};
    const int lines[3] = {p->ctxt_line, p->id_line, p->plural_line};
    bool text_ok = true;
    for (size_t i = 0; i < 3 && text_ok; i++)
        text_ok = string_ok(p, all[i], lines[i] ? lines[i] : p->entry_line);
    for (size_t i = 0; i < p->n_forms && text_ok; i++)
        text_ok = string_ok(p, &p->forms[i], p->form_line[i] ? p->form_line[i] : p->entry_line);
    if (!text_ok) {
        entry_reset(p);
        return;
    }

    if (!p->has_ctxt && p->id.len == 0) {
        if (p->header_seen) {
            perr(p, p->entry_line, "duplicate header entry (msgid \"\", first at line %d)",
                 p->header_line);
        } else if (p->plural) {
            perr(p, p->entry_line, "the header entry (msgid \"\") must not have msgid_plural");
        } else {
            p->header_seen = true;
            p->header_line = p->entry_line;
            parse_header(p, sb_str(&p->forms[0]));
        }
        entry_reset(p);
        return;
    }

    const char *ctx = p->has_ctxt ? sb_str(&p->ctxt) : NULL;
    const po_entry *old = catalog_find(p->cat, ctx, sb_str(&p->id));
    if (old) {
        char *q = quote_for_message(sb_str(&p->id));
        if (ctx) {
            char *qc = quote_for_message(ctx);
            perr(p, p->entry_line, "duplicate msgid %s in context %s (first at line %d)", q, qc,
                 old->line);
            free(qc);
        } else {
            perr(p, p->entry_line, "duplicate msgid %s (first at line %d)", q, old->line);
        }
        free(q);
        entry_reset(p);
        return;
    }

    po_entry e = {0};
    e.key = ctx ? xasprintf("%s\x04%s", ctx, sb_str(&p->id)) : xstrdup(sb_str(&p->id));
    e.n_forms = p->n_forms;
    e.forms = xcalloc(p->n_forms, sizeof(*e.forms));
    for (size_t i = 0; i < p->n_forms; i++)
        e.forms[i] = xstrndup(sb_str(&p->forms[i]), p->forms[i].len);
    e.plural = p->plural;
    e.fuzzy = p->fuzzy;
    e.line = p->entry_line;
    catalog_add(p->cat, e);
    entry_reset(p);
}

/* An entry that ended before its msgstr (a new keyword or the end of the file). */
static void entry_abandon(po_parser *p)
{
    if (p->state == S_CTXT)
        perr(p, p->entry_line, "msgctxt without msgid");
    else if (p->state == S_ID || p->state == S_PLURAL)
        perr(p, p->entry_line, "msgid without msgstr");
    entry_reset(p);
}

/* Decode one string literal at s[*i] == '"' (line [s, s+len)) and append it to out.
 * Returns false after reporting an error. */
static bool parse_string(po_parser *p, const char *s, size_t len, size_t *i, strbuf *out)
{
    size_t k = *i + 1;
    for (;;) {
        size_t run = k;
        while (k < len && s[k] != '"' && s[k] != '\\')
            k++;
        strbuf_append(out, s + run, k - run);
        if (k >= len) {
            perr(p, p->line, "unterminated string");
            return false;
        }
        if (s[k] == '"') {
            *i = k + 1;
            return true;
        }
        /* backslash */
        if (++k >= len) {
            perr(p, p->line, "unterminated string (backslash at the end of the line)");
            return false;
        }
        char ch = s[k++];
        unsigned v;
        switch (ch) {
        case 'n':
            strbuf_putc(out, '\n');
            continue;
        case 't':
            strbuf_putc(out, '\t');
            continue;
        case 'r':
            strbuf_putc(out, '\r');
            continue;
        case 'a':
            strbuf_putc(out, '\a');
            continue;
        case 'b':
            strbuf_putc(out, '\b');
            continue;
        case 'f':
            strbuf_putc(out, '\f');
            continue;
        case 'v':
            strbuf_putc(out, '\v');
            continue;
        case '"':
        case '\\':
        case '\'':
        case '?':
            strbuf_putc(out, ch);
            continue;
        case 'x': {
            v = 0;
            int digits = 0;
            while (k < len && digits < 2) {
                char d = s[k];
                int dv = (d >= '0' && d <= '9')   ? d - '0'
                         : (d >= 'a' && d <= 'f') ? d - 'a' + 10
                         : (d >= 'A' && d <= 'F') ? d - 'A' + 10
                                                  : -1;
                if (dv < 0)
                    break;
                v = v * 16 + (unsigned)dv;
                digits++;
                k++;
            }
            if (!digits) {
                perr(p, p->line, "bad escape '\\x' (needs hex digits)");
                return false;
            }
            break;
        }
        default:
            if (ch >= '0' && ch <= '7') {
                v = (unsigned)(ch - '0');
                for (int digits = 1; digits < 3 && k < len && s[k] >= '0' && s[k] <= '7'; digits++)
                    v = v * 8 + (unsigned)(s[k++] - '0');
                if (v > 255) {
                    perr(p, p->line, "bad escape: octal value over \\377");
                    return false;
                }
                break;
            }
            if ((unsigned char)ch >= 0x21 && (unsigned char)ch < 0x7F)
                perr(p, p->line, "bad escape '\\%c'", ch);
            else
                perr(p, p->line, "bad escape (backslash before byte 0x%02X)", (unsigned char)ch);
            return false;
        }
        if (v == 0) {
            perr(p, p->line, "bad escape: a NUL byte is not allowed in a string");
            return false;
        }
        strbuf_putc(out, (char)v);
    }
}

/* After a keyword: optional blanks, one string literal, optional blanks, end of line. */
static bool parse_keyword_string(po_parser *p, const char *s, size_t len, size_t i,
                                 const char *keyword, strbuf *out)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (i >= len || s[i] != '"') {
        perr(p, p->line, "expected a string after %s", keyword);
        return false;
    }
    if (!parse_string(p, s, len, &i, out))
        return false;
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (i < len) {
        perr(p, p->line, "unexpected text after the string");
        return false;
    }
    return true;
}

/* A misplaced keyword: report, drop the entry in progress if asked, ignore its strings. */
static void keyword_misplaced(po_parser *p, bool drop_entry)
{
    if (drop_entry)
        p->bad = true;
    p->cur = NULL;
    p->skip_strings = true;
}

static void parse_comment(po_parser *p, const char *s, size_t len)
{
    /* Comments (and obsolete "#~" entries) belong to the next entry. */
    if (p->state == S_STR)
        entry_finish(p);
    if (len >= 2 && s[1] == ',') {
        size_t i = 2;
        while (i < len) {
            while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == ','))
                i++;
            size_t start = i;
            while (i < len && s[i] != ',' && s[i] != ' ' && s[i] != '\t')
                i++;
            if (i - start == 5 && memcmp(s + start, "fuzzy", 5) == 0)
                p->fuzzy = true;
        }
    }
    if (p->state == S_NONE) {
        p->cur = NULL;
        p->skip_strings = false;
    }
}

static void parse_keyword_line(po_parser *p, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && ((s[i] >= 'a' && s[i] <= 'z') || s[i] == '_'))
        i++;
    size_t kw_len = i;
    p->skip_strings = false;

    if (kw_len == 7 && memcmp(s, "msgctxt", 7) == 0) {
        if (p->state == S_STR)
            entry_finish(p);
        else if (p->state != S_NONE)
            entry_abandon(p);
        p->state = S_CTXT;
        p->has_ctxt = true;
        p->entry_line = p->line;
        p->ctxt_line = p->line;
        p->cur = &p->ctxt;
        if (!parse_keyword_string(p, s, len, i, "msgctxt", p->cur))
            p->bad = true;
        return;
    }
    if (kw_len == 5 && memcmp(s, "msgid", 5) == 0) {
        if (p->state == S_STR)
            entry_finish(p);
        else if (p->state == S_ID || p->state == S_PLURAL)
            entry_abandon(p);
        if (p->state == S_NONE)
            p->entry_line = p->line;
        p->state = S_ID;
        p->id_line = p->line;
        p->cur = &p->id;
        if (!parse_keyword_string(p, s, len, i, "msgid", p->cur))
            p->bad = true;
        return;
    }
    if (kw_len == 12 && memcmp(s, "msgid_plural", 12) == 0) {
        if (p->state != S_ID) {
            perr(p, p->line,
                 p->state == S_PLURAL ? "second msgid_plural" : "msgid_plural without msgid");
            keyword_misplaced(p, p->state != S_NONE);
            return;
        }
        p->state = S_PLURAL;
        p->plural = true;
        p->plural_line = p->line;
        p->cur = &p->id_plural;
        if (!parse_keyword_string(p, s, len, i, "msgid_plural", p->cur))
            p->bad = true;
        return;
    }
    if (kw_len == 6 && memcmp(s, "msgstr", 6) == 0) {
        if (i < len && s[i] == '[') {
            size_t k = i + 1;
            unsigned long index = 0;
            while (k < len && s[k] >= '0' && s[k] <= '9' && index < 1000)
                index = index * 10 + (unsigned long)(s[k++] - '0');
            if (k == i + 1 || k >= len || s[k] != ']') {
                perr(p, p->line, "bad plural index in msgstr[...]");
                keyword_misplaced(p, p->state != S_NONE);
                return;
            }
            i = k + 1;
            if (p->state == S_NONE || p->state == S_CTXT || (p->state == S_STR && !p->plural)) {
                perr(p, p->line, "msgstr[%lu] without msgid", index);
                keyword_misplaced(p, p->state != S_NONE);
                return;
            }
            if (p->state == S_ID) {
                perr(p, p->line, "msgstr[%lu] without msgid_plural", index);
                keyword_misplaced(p, true);
                return;
            }
            if (index != p->n_forms) {
                perr(p, p->line, "msgstr[%lu] out of order (expected msgstr[%zu])", index,
                     p->n_forms);
                keyword_misplaced(p, true);
                return;
            }
            if (index >= PO_MAX_FORMS) {
                perr(p, p->line, "too many plural forms (at most %d)", PO_MAX_FORMS);
                keyword_misplaced(p, true);
                return;
            }
            p->state = S_STR;
            p->form_line[p->n_forms] = p->line;
            p->cur = &p->forms[p->n_forms++];
            if (!parse_keyword_string(p, s, len, i, "msgstr[N]", p->cur))
                p->bad = true;
            return;
        }
        if (p->state == S_PLURAL) {
            perr(p, p->line, "msgstr after msgid_plural (expected msgstr[0])");
            keyword_misplaced(p, true);
            return;
        }
        if (p->state != S_ID) {
            perr(p, p->line, "msgstr without msgid");
            keyword_misplaced(p, p->state != S_NONE);
            return;
        }
        p->state = S_STR;
        p->form_line[p->n_forms] = p->line;
        p->cur = &p->forms[p->n_forms++];
        if (!parse_keyword_string(p, s, len, i, "msgstr", p->cur))
            p->bad = true;
        return;
    }
    if (kw_len > 0) {
        perr(p, p->line, "unknown keyword '%.*s'", (int)(kw_len > 20 ? 20 : kw_len), s);
    } else {
        perr(p, p->line, "unexpected text (expected a keyword, a string or a comment)");
    }
    keyword_misplaced(p, p->state != S_NONE);
}

static void parse_line(po_parser *p, const char *s, size_t len)
{
    size_t bad;
    uint32_t cp;
    const char *why = utf8_text_problem(s, len, &bad, &cp);
    if (why) {
        if (cp < 0x20 || cp == 0x7F)
            perr(p, p->line, "control character 0x%02X at byte %zu", (unsigned)cp, bad + 1);
        else if (cp == 0xFFFD)
            perr(p, p->line, "invalid UTF-8 at byte %zu", bad + 1);
        else
            perr(p, p->line, "%s U+%04X at byte %zu", why, (unsigned)cp, bad + 1);
        if (p->state != S_NONE)
            p->bad = true;
    }
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    s += i;
    len -= i;
    if (len == 0)
        return;
    if (s[0] == '#') {
        parse_comment(p, s, len);
        return;
    }
    if (s[0] == '"') {
        strbuf *out = p->cur;
        if (!out) {
            if (!p->skip_strings)
                perr(p, p->line, "string without a keyword before it");
            sb_clear(&p->scratch);
            out = &p->scratch;
        }
        if (!parse_keyword_string(p, s, len, 0, "", out) && p->state != S_NONE)
            p->bad = true;
        return;
    }
    parse_keyword_line(p, s, len);
}

po_catalog *po_parse(const char *name, const char *text, size_t len, site_errors *errors)
{
    site_errors local;
    site_errors_init(&local);
    po_parser p = {0};
    p.name = name;
    p.errors = errors ? errors : &local;
    p.cat = xcalloc(1, sizeof(*p.cat));
    strbuf_init(&p.ctxt);
    strbuf_init(&p.id);
    strbuf_init(&p.id_plural);
    strbuf_init(&p.scratch);
    for (size_t i = 0; i < PO_MAX_FORMS; i++)
        strbuf_init(&p.forms[i]);
    entry_reset(&p);

    size_t pos = 0, line_len;
    const char *line;
    while (!p.stop && text_next_line(text, len, &pos, &line, &line_len)) {
        if (p.line < INT_MAX)
            p.line++;
        parse_line(&p, line, line_len);
    }
    if (p.state == S_STR)
        entry_finish(&p);
    else if (p.state != S_NONE && !p.bad)
        entry_abandon(&p);

    po_catalog *c = p.cat;
    if (c->has_plural_forms) {
        for (size_t i = 0; i < c->n_entries; i++) {
            const po_entry *e = &c->entries[i];
            if (e->plural && e->n_forms != c->nplurals)
                perr(&p, e->line, "%zu plural forms, but Plural-Forms says nplurals=%u", e->n_forms,
                     c->nplurals);
        }
    }

    strbuf_finish(&p.ctxt);
    strbuf_finish(&p.id);
    strbuf_finish(&p.id_plural);
    strbuf_finish(&p.scratch);
    for (size_t i = 0; i < PO_MAX_FORMS; i++)
        strbuf_finish(&p.forms[i]);
    site_errors_finish(&local);
    if (p.n_errors) {
        po_destroy(c);
        return NULL;
    }
    return c;
}

/* ---------------------------------------------------------------------------------- */
/* Lookup                                                                             */

const char *po_lookup(const po_catalog *c, const char *ctx, const char *msgid)
{
    const po_entry *e = catalog_find(c, ctx, msgid);
    if (!e || e->fuzzy || e->n_forms == 0 || e->forms[0][0] == '\0')
        return NULL;
    return e->forms[0];
}

unsigned po_plural_index(const po_catalog *c, unsigned long n)
{
    if (!c || !c->has_plural_forms || !c->plural)
        return 0;
    unsigned long v = expr_eval(c->plural, c->plural_root, n);
    /* Like gettext: an index the header does not allow falls back to form 0. */
    return v < c->nplurals ? (unsigned)v : 0;
}

const char *po_lookup_plural(const po_catalog *c, const char *ctx, const char *msgid,
                             unsigned long n)
{
    const po_entry *e = catalog_find(c, ctx, msgid);
    if (!e || e->fuzzy || !e->plural)
        return NULL;
    unsigned i = po_plural_index(c, n);
    if (i >= e->n_forms || e->forms[i][0] == '\0')
        return NULL;
    return e->forms[i];
}

bool po_has(const po_catalog *c, const char *ctx, const char *msgid)
{
    return catalog_find(c, ctx, msgid) != NULL;
}

po_stats po_get_stats(const po_catalog *c)
{
    po_stats st = {0, 0, 0};
    if (!c)
        return st;
    for (size_t i = 0; i < c->n_entries; i++) {
        const po_entry *e = &c->entries[i];
        bool complete = e->n_forms > 0;
        for (size_t k = 0; k < e->n_forms; k++)
            if (e->forms[k][0] == '\0')
                complete = false;
        if (e->fuzzy)
            st.fuzzy++;
        else if (complete)
            st.translated++;
        else
            st.untranslated++;
    }
    return st;
}

po_stats po_compare(const po_catalog *c, const po_catalog *tmpl)
{
    po_stats st = {0, 0, 0};
    if (!tmpl)
        return st;
    for (size_t i = 0; i < tmpl->n_entries; i++) {
        const char *key = tmpl->entries[i].key;
        if (!key[0])
            continue; /* the header */
        const char *sep = strchr(key, '\x04');
        char *ctx = sep ? xstrndup(key, (size_t)(sep - key)) : NULL;
        const po_entry *e = catalog_find(c, ctx, sep ? sep + 1 : key);
        free(ctx);
        bool complete = e && e->n_forms > 0;
        for (size_t k = 0; e && k < e->n_forms; k++)
            if (e->forms[k][0] == '\0')
                complete = false;
        if (e && e->fuzzy)
            st.fuzzy++;
        else if (complete)
            st.translated++;
        else
            st.untranslated++;
    }
    return st;
}

/* Does s contain the placeholder "{name}" (name = p[0..n))? */
static bool has_placeholder(const char *s, const char *p, size_t n)
{
    for (const char *q = strchr(s, '{'); q; q = strchr(q + 1, '{'))
        if (strncmp(q + 1, p, n) == 0 && q[1 + n] == '}')
            return true;
    return false;
}

/* Report placeholders of `have` that `want` lacks (or, with unknown, that are not in
 * `want`): one message per problem. */
static void placeholder_diff(const char *name, int line, const char *have, const char *want,
                             const char *what, bool skip_n, site_errors *errors)
{
    for (const char *q = strchr(have, '{'); q; q = strchr(q + 1, '{')) {
        const char *end = strchr(q, '}');
        if (!end)
            break;
        size_t n = (size_t)(end - q - 1);
        bool word = n > 0;
        for (size_t i = 0; i < n; i++)
            word = word && ((q[1 + i] >= 'a' && q[1 + i] <= 'z') || q[1 + i] == '_');
        if (!word || (skip_n && n == 1 && q[1] == 'n'))
            continue;
        if (!has_placeholder(want, q + 1, n))
            site_errors_add(errors, name, line, NULL, "%s {%.*s}", what, (int)n, q + 1);
    }
}

size_t po_check_placeholders(const po_catalog *c, const char *name, site_errors *errors)
{
    size_t before = errors->count;
    for (size_t i = 0; c && i < c->n_entries; i++) {
        const po_entry *e = &c->entries[i];
        const char *sep = strchr(e->key, '\x04');
        const char *msgid = sep ? sep + 1 : e->key;
        if (!msgid[0] || e->fuzzy)
            continue;
        for (size_t k = 0; k < e->n_forms; k++) {
            const char *str = e->forms[k];
            if (!str[0])
                continue;
            placeholder_diff(name, e->line, str, msgid,
                             "the translation has a placeholder the original lacks:", false,
                             errors);
            /* A plural form may say "one minute" without {n}. */
            placeholder_diff(name, e->line, msgid, str, "the translation lacks the placeholder",
                             e->plural, errors);
        }
    }
    return errors->count - before;
}
