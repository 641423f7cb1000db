/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* test_dl.c - the display list (dl.c): building, deep equality (what decides a redraw),
 * hit testing, text search, the text box of buttons with icons, and the JSON dump,
 * which is checked with a small strict JSON parser written here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ui/dl.h"
#include "base/util.h"

/* ---- a strict JSON parser (RFC 8259) that also collects every decoded string -------- */

typedef struct json_p {
    const char *s;
    size_t i, n;
    char **strings; /* decoded string values and keys, in order */
    size_t n_strings, cap;
    int depth;
} json_p;

static void ws(json_p *p)
{
    while (p->i < p->n &&
           (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\n' || p->s[p->i] == '\r'))
        p->i++;
}

static bool lit(json_p *p, const char *word)
{
    size_t k = strlen(word);
    if (p->n - p->i < k || memcmp(p->s + p->i, word, k) != 0)
        return false;
    p->i += k;
    return true;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static void put_utf8(strbuf *sb, uint32_t cp)
{
    char b[4];
    size_t n;
    if (cp < 0x80) {
        b[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else {
        b[0] = (char)(0xE0 | (cp >> 12));
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    }
    strbuf_append(sb, b, n);
}

static bool json_string(json_p *p)
{
    if (p->i >= p->n || p->s[p->i] != '"')
        return false;
    p->i++;
    strbuf sb;
    strbuf_init(&sb);
    strbuf_append(&sb, "", 0);
    for (;;) {
        if (p->i >= p->n)
            goto fail;
        unsigned char c = (unsigned char)p->s[p->i++];
        if (c == '"')
            break;
        if (c < 0x20)
            goto fail; /* raw control characters are not allowed in JSON strings */
        if (c != '\\') {
            strbuf_putc(&sb, (char)c);
            continue;
        }
        if (p->i >= p->n)
            goto fail;
        char e = p->s[p->i++];
        switch (e) {
        case '"':
        case '\\':
        case '/':
            strbuf_putc(&sb, e);
            break;
        case 'b':
            strbuf_putc(&sb, '\b');
            break;
        case 'f':
            strbuf_putc(&sb, '\f');
            break;
        case 'n':
            strbuf_putc(&sb, '\n');
            break;
        case 'r':
            strbuf_putc(&sb, '\r');
            break;
        case 't':
            strbuf_putc(&sb, '\t');
            break;
        case 'u': {
            if (p->n - p->i < 4)
                goto fail;
            uint32_t cp = 0;
            for (int k = 0; k < 4; k++) {
                int h = hexval(p->s[p->i++]);
                if (h < 0)
                    goto fail;
                cp = cp * 16 + (uint32_t)h;
            }
            put_utf8(&sb, cp);
            break;
        }
        default:
            goto fail;
        }
    }
    VEC_PUSH(p->strings, p->n_strings, p->cap, strbuf_steal(&sb));
    return true;
fail:
    strbuf_finish(&sb);
    return false;
}

static bool json_number(json_p *p)
{
    size_t start = p->i;
    if (p->i < p->n && p->s[p->i] == '-')
        p->i++;
    if (p->i >= p->n)
        return false;
    if (p->s[p->i] == '0') {
        p->i++;
    } else if (p->s[p->i] >= '1' && p->s[p->i] <= '9') {
        while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
            p->i++;
    } else {
        return false;
    }
    if (p->i < p->n && p->s[p->i] == '.') {
        p->i++;
        size_t d = p->i;
        while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
            p->i++;
        if (p->i == d)
            return false;
    }
    if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
        p->i++;
        if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
            p->i++;
        size_t d = p->i;
        while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
            p->i++;
        if (p->i == d)
            return false;
    }
    return p->i > start;
}

static bool json_value(json_p *p);

static bool json_container(json_p *p, char open, char close, bool object)
{
    if (p->s[p->i] != open)
        return false;
    p->i++;
    if (++p->depth > 64)
        return false;
    ws(p);
    if (p->i < p->n && p->s[p->i] == close) {
        p->i++;
        p->depth--;
        return true;
    }
    for (;;) {
        ws(p);
        if (object) {
            if (!json_string(p))
                return false;
            ws(p);
            if (p->i >= p->n || p->s[p->i] != ':')
                return false;
            p->i++;
        }
        if (!json_value(p))
            return false;
        ws(p);
        if (p->i >= p->n)
            return false;
        if (p->s[p->i] == ',') {
            p->i++;
            continue;
        }
        if (p->s[p->i] == close) {
            p->i++;
            p->depth--;
            return true;
        }
        return false;
    }
}

static bool json_value(json_p *p)
{
    ws(p);
    if (p->i >= p->n)
        return false;
    switch (p->s[p->i]) {
    case '{':
        return json_container(p, '{', '}', true);
    case '[':
        return json_container(p, '[', ']', false);
    case '"':
        return json_string(p);
    case 't':
        return lit(p, "true");
    case 'f':
        return lit(p, "false");
    case 'n':
        return lit(p, "null");
    default:
        return json_number(p);
    }
}

static void json_free(json_p *p)
{
    for (size_t i = 0; i < p->n_strings; i++)
        free(p->strings[i]);
    free(p->strings);
}

/* Parse a whole document; on success the decoded strings are in p (free with json_free). */
static bool json_parse(const char *s, json_p *p)
{
    memset(p, 0, sizeof(*p));
    p->s = s;
    p->n = strlen(s);
    if (!json_value(p))
        return false;
    ws(p);
    return p->i == p->n;
}

static bool json_has_string(const json_p *p, const char *s)
{
    for (size_t i = 0; i < p->n_strings; i++)
        if (strcmp(p->strings[i], s) == 0)
            return true;
    return false;
}

static void test_json_checker_itself(void **state)
{
    (void)state;
    const char *good[] = {"{}", "[]", "{\"a\": [1, -2.5e3, true, false, null, \"x\\u0001\"]}",
                          " [ \"\\\"\\\\\\/\\b\\f\\n\\r\\t\" ] "};
    const char *bad[] = {"",         "{",         "{\"a\" 1}",  "[1,]",        "[01]",
                         "\"a\nb\"", "\"\\x41\"", "{\"a\":1}x", "[\"\\u12\"]", "{a: 1}"};
    for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
        json_p p;
        assert_true(json_parse(good[i], &p));
        json_free(&p);
    }
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        json_p p;
        assert_false(json_parse(bad[i], &p));
        json_free(&p);
    }
}

/* ---- building and equality ---------------------------------------------------------- */

static char **lines_of(const char *a, const char *b)
{
    char **l = xcalloc(2, sizeof(char *));
    l[0] = xstrdup(a);
    l[1] = xstrdup(b);
    return l;
}

/* A small list with every kind of element and every field set to something. */
static dl *sample(void)
{
    dl *d = dl_create("menu", "de", false, 1280, 800);
    dl_elem *e = dl_push(d, ROLE_BOX, "header", NULL);
    e->w = 1280;
    e->h = 96;
    e->bg = 0x1F3A5F;
    e->has_bg = true;
    e->radius = 4;

    e = dl_push(d, ROLE_BUTTON, "nav.back", "Zurück zur Startseite");
    e->x = 16;
    e->y = 12;
    e->w = 220;
    e->h = 72;
    e->fg = 0x1F3A5F;
    e->bg = 0xFFFFFF;
    e->has_bg = true;
    e->radius = 14;
    e->font_px = 28;
    e->line_px = 35;
    e->bold = true;
    e->align = ALIGN_START;
    e->valign_center = true;
    e->icon = ICON_BACK;
    e->icon_size = 36;
    e->pad_x = 20;
    e->action = (dl_action){2, 0};
    dl_elem_set_lines(e, lines_of("Zurück zur", "Startseite"), 2);

    e = dl_push(d, ROLE_TEXT, "title", "Wie können wir helfen?");
    e->x = 252;
    e->y = 8;
    e->w = 776;
    e->h = 80;
    e->fg = 0xFFFFFF;
    e->font_px = 36;
    e->line_px = 45;
    e->align = ALIGN_CENTER;
    dl_elem_set_lines(e, lines_of("Wie können", "wir helfen?"), 2);

    e = dl_push(d, ROLE_QR, "qr", NULL);
    e->x = 900;
    e->y = 300;
    e->w = 200;
    e->h = 200;
    e->payload = xstrdup("https://example.org/?a=1&b=2");

    e = dl_push(d, ROLE_ICON, "icon", NULL);
    e->x = 10;
    e->y = 700;
    e->w = 40;
    e->h = 40;
    e->icon = ICON_PHONE;
    e->icon_size = 40;
    return d;
}

static void test_push(void **state)
{
    (void)state;
    dl *d = dl_create("home", "de", false, 1280, 800);
    assert_string_equal(d->screen, "home");
    assert_string_equal(d->lang, "de");
    assert_int_equal(d->n_elems, 0);
    char id[] = "a.b";
    char text[] = "Hallo";
    dl_elem *e = dl_push(d, ROLE_TEXT, id, text);
    /* Copies, not the caller's strings. */
    id[0] = 'X';
    text[0] = 'X';
    assert_string_equal(e->id, "a.b");
    assert_string_equal(e->text, "Hallo");
    assert_true(e->enabled);
    assert_int_equal(e->action.kind, 0);
    assert_int_equal(e->n_lines, 0);
    assert_null(e->lines);
    assert_int_equal(e->icon, ICON_NONE);
    assert_null(e->payload);
    assert_null(e->src);
    assert_int_equal(e->x + e->y + e->w + e->h, 0);

    e = dl_push(d, ROLE_BOX, NULL, NULL);
    assert_non_null(e->id);
    assert_string_equal(e->id, "");
    assert_null(e->text);

    /* Many pushes: storage grows and keeps earlier elements intact. */
    for (int i = 0; i < 500; i++) {
        char *s = xasprintf("e.%d", i);
        dl_push(d, ROLE_BOX, s, s);
        free(s);
    }
    assert_int_equal(d->n_elems, 502);
    assert_string_equal(d->elems[0].id, "a.b");
    assert_string_equal(d->elems[501].text, "e.499");

    /* Replacing lines frees the old ones (the sanitizer build checks for leaks). */
    dl_elem_set_lines(&d->elems[0], lines_of("a", "b"), 2);
    dl_elem_set_lines(&d->elems[0], lines_of("c", "d"), 2);
    assert_string_equal(d->elems[0].lines[1], "d");
    dl_destroy(d);
    dl_destroy(NULL);
}

static void test_equal_lists(void **state)
{
    (void)state;
    dl *a = sample(), *b = sample();
    assert_true(dl_equal(a, b));
    assert_true(dl_equal(b, a));
    assert_true(dl_equal(a, a));
    assert_true(dl_equal(NULL, NULL));
    assert_false(dl_equal(a, NULL));
    assert_false(dl_equal(NULL, a));
    dl_destroy(a);
    dl_destroy(b);
}

/* Change one thing in a fresh copy of sample() and expect a difference. */
typedef void (*mutator)(dl *d);

#define MUT(name, stmt)                                                                            \
    static void name(dl *d)                                                                        \
    {                                                                                              \
        stmt;                                                                                      \
    }

MUT(m_screen, (free(d->screen), d->screen = xstrdup("topics")))
MUT(m_lang, (free(d->lang), d->lang = xstrdup("en")))
MUT(m_rtl, d->rtl = true)
MUT(m_width, d->width = 1024)
MUT(m_height, d->height = 600)
MUT(m_background, d->background = 0x000000)
MUT(m_more_elems, dl_push(d, ROLE_BOX, "extra", NULL))
MUT(m_fewer_elems, (d->n_elems--, free(d->elems[d->n_elems].id), d->elems[d->n_elems].id = NULL,
                    free(d->elems[d->n_elems].payload), d->elems[d->n_elems].payload = NULL))
MUT(m_role, d->elems[4].role = ROLE_BUTTON)
MUT(m_x, d->elems[1].x++)
MUT(m_y, d->elems[1].y++)
MUT(m_w, d->elems[1].w--)
MUT(m_h, d->elems[1].h--)
MUT(m_fg, d->elems[1].fg = 0x123456)
MUT(m_bg, d->elems[1].bg = 0x123456)
MUT(m_has_bg, d->elems[1].has_bg = false)
MUT(m_radius, d->elems[1].radius = 0)
MUT(m_font_px, d->elems[1].font_px = 27)
MUT(m_line_px, d->elems[1].line_px = 34)
MUT(m_bold, d->elems[1].bold = false)
MUT(m_align, d->elems[1].align = ALIGN_END)
MUT(m_valign, d->elems[1].valign_center = false)
MUT(m_icon, d->elems[1].icon = ICON_HOME)
MUT(m_icon_size, d->elems[1].icon_size = 40)
MUT(m_pad_x, d->elems[1].pad_x = 19)
MUT(m_mirror, d->elems[1].mirror_icon = true)
MUT(m_enabled, d->elems[1].enabled = false)
MUT(m_id, (free(d->elems[1].id), d->elems[1].id = xstrdup("nav.home")))
MUT(m_text, (free(d->elems[2].text), d->elems[2].text = xstrdup("Wie können wir helfen!")))
MUT(m_text_null, (free(d->elems[2].text), d->elems[2].text = NULL))
MUT(m_line, (free(d->elems[2].lines[1]), d->elems[2].lines[1] = xstrdup("wir helfen!")))
MUT(m_n_lines, {
    char **one = xcalloc(1, sizeof(char *));
    one[0] = xstrdup("Wie können");
    dl_elem_set_lines(&d->elems[2], one, 1);
})
MUT(m_payload, (free(d->elems[3].payload), d->elems[3].payload = xstrdup("https://x.org/")))
MUT(m_payload_null, (free(d->elems[3].payload), d->elems[3].payload = NULL))
MUT(m_order, {
    dl_elem t = d->elems[3];
    d->elems[3] = d->elems[4];
    d->elems[4] = t;
})
/* The list shown on screen is also the one taps are hit-tested against (kiosk.c keeps
 * the old list when dl_equal says nothing changed), so a different action must count. */
MUT(m_action_kind, d->elems[1].action.kind = 3)
MUT(m_action_arg, d->elems[1].action.arg = 1)

static void test_any_change_is_unequal(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        mutator f;
    } muts[] = {
        {"screen", m_screen},
        {"lang", m_lang},
        {"rtl", m_rtl},
        {"width", m_width},
        {"height", m_height},
        {"background", m_background},
        {"more elements", m_more_elems},
        {"fewer elements", m_fewer_elems},
        {"role", m_role},
        {"x", m_x},
        {"y", m_y},
        {"w", m_w},
        {"h", m_h},
        {"fg", m_fg},
        {"bg", m_bg},
        {"has_bg", m_has_bg},
        {"radius", m_radius},
        {"font_px", m_font_px},
        {"line_px", m_line_px},
        {"bold", m_bold},
        {"align", m_align},
        {"valign_center", m_valign},
        {"icon", m_icon},
        {"icon_size", m_icon_size},
        {"pad_x", m_pad_x},
        {"mirror_icon", m_mirror},
        {"enabled", m_enabled},
        {"id", m_id},
        {"text", m_text},
        {"text NULL", m_text_null},
        {"a line", m_line},
        {"n_lines", m_n_lines},
        {"payload", m_payload},
        {"payload NULL", m_payload_null},
        {"order", m_order},
    };
    for (size_t i = 0; i < sizeof(muts) / sizeof(muts[0]); i++) {
        dl *a = sample(), *b = sample();
        muts[i].f(b);
        if (dl_equal(a, b) || dl_equal(b, a))
            fail_msg("dl_equal missed a change of %s", muts[i].name);
        dl_destroy(a);
        dl_destroy(b);
    }
}

/* Kept apart: see the comment above m_action_kind. */
static void test_action_change_is_unequal(void **state)
{
    (void)state;
    mutator fs[] = {m_action_kind, m_action_arg};
    for (size_t i = 0; i < sizeof(fs) / sizeof(fs[0]); i++) {
        dl *a = sample(), *b = sample();
        fs[i](b);
        bool same = dl_equal(a, b);
        dl_destroy(a);
        dl_destroy(b);
        assert_false(same);
    }
}

/* ---- hit testing ---------------------------------------------------------------------- */

static dl_elem *tappable(dl *d, const char *id, int x, int y, int w, int h, int kind)
{
    dl_elem *e = dl_push(d, ROLE_BUTTON, id, id);
    e->x = x;
    e->y = y;
    e->w = w;
    e->h = h;
    e->action = (dl_action){kind, 0};
    return e;
}

static const char *hit_id(const dl *d, int x, int y)
{
    const dl_elem *e = dl_hit(d, x, y);
    return e ? e->id : "(none)";
}

static void test_hit(void **state)
{
    (void)state;
    dl *d = dl_create("t", "de", false, 1280, 800);
    tappable(d, "bottom", 0, 0, 400, 400, 1);
    tappable(d, "middle", 100, 100, 200, 200, 2);
    dl_push(d, ROLE_TEXT, "label", "no action")->w = 1280; /* on top, but not tappable */
    d->elems[2].h = 800;
    tappable(d, "disabled", 150, 150, 50, 50, 3)->enabled = false;
    tappable(d, "top", 250, 250, 100, 100, 4);

    assert_string_equal(hit_id(d, 10, 10), "bottom");
    assert_string_equal(hit_id(d, 120, 120), "middle");
    /* Disabled elements let the tap through to what lies below. */
    assert_string_equal(hit_id(d, 160, 160), "middle");
    /* The later (topmost) element wins where they overlap. */
    assert_string_equal(hit_id(d, 260, 260), "top");
    assert_string_equal(hit_id(d, 320, 320), "top");
    /* Outside every tappable element. */
    assert_string_equal(hit_id(d, 500, 500), "(none)");

    /* Edges: the box is [x, x + w) x [y, y + h). */
    assert_string_equal(hit_id(d, 100, 100), "middle");
    assert_string_equal(hit_id(d, 99, 100), "bottom");
    assert_string_equal(hit_id(d, 299, 299), "top");
    assert_string_equal(hit_id(d, 350, 350), "bottom"); /* one past top's right/bottom */
    assert_string_equal(hit_id(d, 349, 349), "top");
    assert_string_equal(hit_id(d, 0, 0), "bottom");
    assert_string_equal(hit_id(d, 399, 399), "bottom");
    assert_string_equal(hit_id(d, 400, 10), "(none)");
    assert_string_equal(hit_id(d, 10, 400), "(none)");
    assert_string_equal(hit_id(d, -1, 10), "(none)");
    assert_string_equal(hit_id(d, 10, -1), "(none)");

    /* A zero-sized tappable element is never hit. */
    tappable(d, "empty", 10, 10, 0, 0, 5);
    assert_string_equal(hit_id(d, 10, 10), "bottom");

    assert_null(dl_hit(NULL, 10, 10));
    dl_destroy(d);

    dl *empty = dl_create("t", "de", false, 1280, 800);
    assert_null(dl_hit(empty, 10, 10));
    dl_destroy(empty);
}

/* ---- text search ---------------------------------------------------------------------- */

static void test_find_text(void **state)
{
    (void)state;
    dl *d = dl_create("t", "de", false, 1280, 800);
    dl_push(d, ROLE_BOX, "box", NULL);
    dl_push(d, ROLE_TEXT, "a", "Kindergeld");
    dl_push(d, ROLE_TEXT, "b", "Kindergeld beantragen");
    dl_push(d, ROLE_BUTTON, "c", "Kindergeld");
    dl_push(d, ROLE_TEXT, "d", "");

    const dl_elem *first = NULL;
    assert_int_equal(dl_find_text(d, "Kindergeld", &first), 2);
    assert_non_null(first);
    assert_string_equal(first->id, "a");
    assert_int_equal(dl_find_text(d, "Kindergeld", NULL), 2);
    assert_int_equal(dl_find_text(d, "Kindergeld beantragen", &first), 1);
    assert_string_equal(first->id, "b");
    assert_int_equal(dl_find_text(d, "", &first), 1);
    assert_string_equal(first->id, "d");
    first = NULL;
    assert_int_equal(dl_find_text(d, "kindergeld", &first), 0); /* exact, case matters */
    assert_null(first);
    assert_int_equal(dl_find_text(d, "Kinder", NULL), 0);

    assert_true(dl_contains_text(d, "Kinder"));
    assert_true(dl_contains_text(d, "beantragen"));
    assert_true(dl_contains_text(d, "geld be"));
    assert_false(dl_contains_text(d, "Wohngeld"));
    assert_false(dl_contains_text(d, "box")); /* ids are not text */
    dl_destroy(d);
}

/* Text is searched as a reader sees it: every bidi control (cp_is_bidi_control) is drawn
 * as nothing, so a search finds "12:30 Uhr" in an Arabic screen's "\u061C12:30 Uhr" as it
 * does with LRM or an isolate, and a no-break space is a space. Other format characters
 * stay (a zero-width space or joiner is not a bidi control). */
static void test_find_text_ignores_bidi_controls(void **state)
{
    (void)state;
    dl *d = dl_create("t", "ar", true, 1280, 800);
    dl_push(d, ROLE_TEXT, "alm", "\u061C12:30 Uhr");
    dl_push(d, ROLE_TEXT, "lrm", "12:30\u200E Uhr");
    dl_push(d, ROLE_TEXT, "rlm", "\u200F12:30 Uhr");
    dl_push(d, ROLE_TEXT, "embed", "\u202B12:30\u00A0Uhr\u202C");
    dl_push(d, ROLE_TEXT, "override", "\u202D12:30 Uhr\u202C");
    dl_push(d, ROLE_TEXT, "isolate", "\u206612:30 Uhr\u2069");
    dl_push(d, ROLE_TEXT, "zwsp", "12:30\u200B Uhr");
    dl_push(d, ROLE_TEXT, "zwj", "12:30\u200D Uhr");
    const dl_elem *first = NULL;
    assert_int_equal(dl_find_text(d, "12:30 Uhr", &first), 6);
    assert_string_equal(first->id, "alm");
    assert_int_equal(dl_find_text(d, "\u061C12:30 Uhr", NULL), 6);
    assert_int_equal(dl_find_text(d, "12:30\u200B Uhr", &first), 1);
    assert_string_equal(first->id, "zwsp");
    assert_true(dl_contains_text(d, "30 U"));
    assert_true(dl_contains_text(d, "\u206730\u061C U"));
    assert_true(dl_contains_text(d, "\u200D U"));
    dl_destroy(d);
}

/* ---- text rect ------------------------------------------------------------------------ */

static void rect(const dl *d, const dl_elem *e, int expect_x, int expect_w)
{
    int x = -1, y = -1, w = -1, h = -1;
    dl_text_rect(d, e, &x, &y, &w, &h);
    assert_int_equal(x, expect_x);
    assert_int_equal(w, expect_w);
    assert_int_equal(y, e->y);
    assert_int_equal(h, e->h);
}

static void test_text_rect(void **state)
{
    (void)state;
    dl *ltr = dl_create("t", "de", false, 1280, 800);
    dl *rtl = dl_create("t", "ar", true, 1280, 800);
    dl *ds[2] = {ltr, rtl};
    for (int k = 0; k < 2; k++) {
        dl *d = ds[k];
        /* Button with an icon of 30: lead = 30 + 2 * 10 = 50 on the start side; pad_x 20
         * on the other side only. */
        dl_elem *e = dl_push(d, ROLE_BUTTON, "b", "x");
        e->x = 100;
        e->y = 40;
        e->w = 400;
        e->h = 72;
        e->icon = ICON_PHONE;
        e->icon_size = 30;
        e->pad_x = 20;
        /* LTR: icon left -> text [150, 480); RTL: icon right -> text [120, 450). */
        rect(d, e, d->rtl ? 120 : 150, 330);

        /* icon_size 0: the icon is h/2 = 36 -> lead 36 + 2 * 12 = 60. */
        e->icon_size = 0;
        rect(d, e, d->rtl ? 120 : 160, 320);

        /* No icon: pad_x on both sides, the same in both directions. */
        e->icon = ICON_NONE;
        rect(d, e, 120, 360);
        e->pad_x = 0;
        rect(d, e, 100, 400);

        /* Only buttons give room to an icon. */
        dl_elem *t = dl_push(d, ROLE_TEXT, "t", "x");
        t->x = 10;
        t->y = 5;
        t->w = 200;
        t->h = 30;
        t->icon = ICON_CLOCK;
        t->icon_size = 30;
        rect(d, t, 10, 200);

        /* Degenerate sizes never give a negative width. */
        dl_elem *s = dl_push(d, ROLE_BUTTON, "s", "x");
        s->x = 10;
        s->w = 30;
        s->h = 30;
        s->icon = ICON_BACK;
        s->icon_size = 60;
        s->pad_x = 50;
        int x, y, w, h;
        dl_text_rect(d, s, &x, &y, &w, &h);
        assert_true(w >= 0);
        assert_true(x >= s->x && x + w <= s->x + s->w);
        s->icon = ICON_NONE;
        dl_text_rect(d, s, &x, &y, &w, &h);
        assert_true(w >= 0);
        assert_true(x >= s->x && x + w <= s->x + s->w);
    }
    dl_destroy(ltr);
    dl_destroy(rtl);
}

/* ---- JSON ------------------------------------------------------------------------------- */

static void test_json_exact_small(void **state)
{
    (void)state;
    dl *d = dl_create("menu", "de", false, 1280, 800);
    dl_elem *e = dl_push(d, ROLE_BUTTON, "menu.takehome", "QR");
    e->x = 1;
    e->y = 2;
    e->w = 3;
    e->h = 4;
    e->icon = ICON_QR;
    e->enabled = false;
    char *j = dl_to_json(d);
    assert_string_equal(j, "{\"screen\": \"menu\", \"lang\": \"de\", \"dir\": \"ltr\", \"width\": "
                           "1280, \"height\": 800, \"elements\": [\n"
                           "  {\"id\": \"menu.takehome\", \"role\": \"button\", \"text\": \"QR\", "
                           "\"x\": 1, \"y\": 2, \"w\": 3, \"h\": 4, \"icon\": \"qr\", "
                           "\"enabled\": false}\n]}\n");
    free(j);
    dl_destroy(d);

    d = dl_create("home", "ar", true, 1280, 800);
    j = dl_to_json(d);
    assert_string_equal(j, "{\"screen\": \"home\", \"lang\": \"ar\", \"dir\": \"rtl\", \"width\": "
                           "1280, \"height\": 800, \"elements\": [\n]}\n");
    json_p p;
    assert_true(json_parse(j, &p));
    json_free(&p);
    free(j);
    dl_destroy(d);
}

static void test_json_escaping(void **state)
{
    (void)state;
    /* Every awkward byte a text, id or payload may carry. */
    const char *nasty = "Sag \"Hallo\"\\ zu\nmir\tund\r\x01\x1f\x7f – ü 😀 </script>";
    dl *d = sample();
    dl_elem *e = dl_push(d, ROLE_TEXT, "id \"with\" quotes\n", nasty);
    dl_elem_set_lines(e, lines_of(nasty, "\x02"), 2);
    e->payload = xstrdup(nasty);
    e->overflow = true;
    e->icon = ICON_WARNING;
    dl_push(d, ROLE_TEXT, "empty", "");
    free(d->screen);
    d->screen = xstrdup("scr\"een");
    char *j = dl_to_json(d);

    json_p p;
    if (!json_parse(j, &p))
        fail_msg("dl_to_json is not valid JSON near offset %zu:\n%s", p.i, j);
    /* Decoding gives every string back byte for byte. */
    assert_true(json_has_string(&p, nasty));
    assert_true(json_has_string(&p, "\x02"));
    assert_true(json_has_string(&p, "id \"with\" quotes\n"));
    assert_true(json_has_string(&p, "scr\"een"));
    assert_true(json_has_string(&p, "Wie können wir helfen?"));
    assert_true(json_has_string(&p, "https://example.org/?a=1&b=2"));
    assert_true(json_has_string(&p, "overflow"));
    assert_true(json_has_string(&p, "payload"));
    assert_true(json_has_string(&p, ""));
    json_free(&p);

    /* The escapes are the short JSON ones where JSON has them. */
    assert_non_null(strstr(j, "\"Sag \\\"Hallo\\\"\\\\ zu\\nmir\\tund\\r\\u0001\\u001f"));
    assert_non_null(strstr(j, "\"overflow\": true"));
    assert_non_null(strstr(j, "\"icon\": \"warning\""));
    /* No raw control character anywhere except the newlines between elements. */
    for (const char *c = j; *c; c++)
        assert_true((unsigned char)*c >= 0x20 || *c == '\n');
    free(j);
    dl_destroy(d);
}

/* Every icon has a distinct, non-empty JSON name. */
static void test_icon_names(void **state)
{
    (void)state;
    assert_string_equal(dl_icon_name(ICON_COUNT), "none");
    assert_string_equal(dl_icon_name((dl_icon)-1), "none");
    for (int i = 0; i < ICON_COUNT; i++) {
        const char *a = dl_icon_name((dl_icon)i);
        assert_non_null(a);
        if (i != ICON_NONE)
            assert_true(strlen(a) > 0);
        for (int k = 0; k < i; k++)
            assert_string_not_equal(a, dl_icon_name((dl_icon)k));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_checker_itself),
        cmocka_unit_test(test_push),
        cmocka_unit_test(test_equal_lists),
        cmocka_unit_test(test_any_change_is_unequal),
        cmocka_unit_test(test_action_change_is_unequal),
        cmocka_unit_test(test_hit),
        cmocka_unit_test(test_find_text),
        cmocka_unit_test(test_find_text_ignores_bidi_controls),
        cmocka_unit_test(test_text_rect),
        cmocka_unit_test(test_json_exact_small),
        cmocka_unit_test(test_json_escaping),
        cmocka_unit_test(test_icon_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
