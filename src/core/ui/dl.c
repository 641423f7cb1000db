/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* dl.c - display list storage, comparison, hit testing and JSON dump. */
#include "ui/dl.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"

dl *dl_create(const char *screen, const char *lang, bool rtl, int width, int height)
{
    dl *d = xcalloc(1, sizeof(*d));
    d->screen = xstrdup(screen);
    d->lang = xstrdup(lang);
    d->rtl = rtl;
    d->width = width;
    d->height = height;
    d->background = 0xFFFFFF;
    return d;
}

/* The texts, lines and payload are wiped before they are freed: a display list may show
 * what a parent typed. */
static void elem_finish(dl_elem *e)
{
    free(e->id);
    str_free_wiped(e->text);
    lines_free_wiped(e->lines, e->n_lines);
    str_free_wiped(e->payload);
    free(e->src);
}

void dl_destroy(dl *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n_elems; i++)
        elem_finish(&d->elems[i]);
    free(d->elems);
    for (size_t i = 0; i < d->n_speech; i++) {
        free(d->speech[i].elem);
        str_free_wiped(d->speech[i].text);
        free(d->speech[i].key);
    }
    free(d->speech);
    free(d->screen);
    free(d->lang);
    free(d);
}

dl_elem *dl_push(dl *d, dl_role role, const char *id, const char *text)
{
    vec_reserve((void **)&d->elems, &d->cap, d->n_elems + 1, sizeof(*d->elems));
    dl_elem *e = &d->elems[d->n_elems++];
    memset(e, 0, sizeof(*e));
    e->role = role;
    e->id = xstrdup(id ? id : "");
    e->text = xstrdup(text);
    e->enabled = true;
    return e;
}

void dl_push_speech(dl *d, const char *elem, const char *text, const char *key)
{
    vec_reserve((void **)&d->speech, &d->speech_cap, d->n_speech + 1, sizeof(*d->speech));
    dl_utterance *u = &d->speech[d->n_speech++];
    u->elem = xstrdup(elem ? elem : "");
    u->text = xstrdup(text ? text : "");
    u->key = key ? xstrdup(key) : NULL;
}

void dl_elem_set_lines(dl_elem *e, char **lines, size_t n)
{
    lines_free_wiped(e->lines, e->n_lines);
    e->lines = lines;
    e->n_lines = n;
}

static bool str_eq(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

static bool elem_equal(const dl_elem *a, const dl_elem *b)
{
    if (a->role != b->role || a->x != b->x || a->y != b->y || a->w != b->w || a->h != b->h ||
        a->fg != b->fg || a->bg != b->bg || a->has_bg != b->has_bg || a->radius != b->radius ||
        a->font_px != b->font_px || a->line_px != b->line_px || a->bold != b->bold ||
        a->align != b->align || a->valign_center != b->valign_center || a->icon != b->icon ||
        a->icon_size != b->icon_size || a->pad_x != b->pad_x || a->mirror_icon != b->mirror_icon ||
        a->enabled != b->enabled || a->action.kind != b->action.kind ||
        a->action.arg != b->action.arg || a->n_lines != b->n_lines || !str_eq(a->id, b->id) ||
        !str_eq(a->text, b->text) || !str_eq(a->payload, b->payload))
        return false;
    for (size_t i = 0; i < a->n_lines; i++)
        if (!str_eq(a->lines[i], b->lines[i]))
            return false;
    return true;
}

bool dl_equal(const dl *a, const dl *b)
{
    if (!a || !b)
        return a == b;
    if (a->n_elems != b->n_elems || a->width != b->width || a->height != b->height ||
        a->rtl != b->rtl || a->background != b->background || !str_eq(a->screen, b->screen) ||
        !str_eq(a->lang, b->lang))
        return false;
    for (size_t i = 0; i < a->n_elems; i++)
        if (!elem_equal(&a->elems[i], &b->elems[i]))
            return false;
    return true;
}

void dl_text_rect(const dl *d, const dl_elem *e, int *x, int *y, int *w, int *h)
{
    int rx = e->x, rw = e->w;
    bool icon = e->role == ROLE_BUTTON && e->icon != ICON_NONE;
    if (icon) {
        int size = e->icon_size > 0 ? e->icon_size : e->h / 2;
        int lead = size + 2 * (size / 3);
        if (lead > rw)
            lead = rw;
        if (!d->rtl)
            rx += lead;
        rw -= lead;
    }
    int pad = e->pad_x;
    int sides = icon ? 1 : 2;
    if (pad * sides > rw)
        pad = rw / sides;
    if (!icon || d->rtl)
        rx += pad;
    rw -= pad * sides;
    *x = rx;
    *y = e->y;
    *w = rw;
    *h = e->h;
}

const dl_elem *dl_hit(const dl *d, int x, int y)
{
    if (!d)
        return NULL;
    for (size_t i = d->n_elems; i-- > 0;) {
        const dl_elem *e = &d->elems[i];
        if (e->action.kind == 0 || !e->enabled)
            continue;
        if (x >= e->x && x < e->x + e->w && y >= e->y && y < e->y + e->h)
            return e;
    }
    return NULL;
}

/* The text as a reader sees it: a no-break space (U+00A0) is a space and the bidi
 * controls (cp_is_bidi_control: U+061C, U+200E/F, U+202A-U+202E, U+2066-U+2069),
 * which are drawn as nothing, are not there. It is never longer than s, so the buffer is
 * allocated once (no copy is left behind by a reallocation). Caller frees, with
 * str_free_wiped where s may be what a parent typed. */
static char *visible(const char *s)
{
    strbuf sb;
    strbuf_init(&sb);
    size_t n = strlen(s);
    vec_reserve((void **)&sb.data, &sb.cap, n + 1, 1);
    strbuf_append(&sb, "", 0);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = (size_t)utf8_decode(s + i, n - i, &cp);
        if (cp == 0xA0)
            strbuf_putc(&sb, ' ');
        else if (!cp_is_bidi_control(cp))
            strbuf_append(&sb, s + i, k);
        i += k;
    }
    return strbuf_steal(&sb);
}

size_t dl_find_text(const dl *d, const char *text, const dl_elem **first)
{
    size_t n = 0;
    char *want = visible(text);
    for (size_t i = 0; i < d->n_elems; i++) {
        if (!d->elems[i].text)
            continue;
        char *have = visible(d->elems[i].text);
        if (strcmp(have, want) == 0) {
            if (n == 0 && first)
                *first = &d->elems[i];
            n++;
        }
        str_free_wiped(have);
    }
    free(want);
    return n;
}

bool dl_contains_text(const dl *d, const char *needle)
{
    char *want = visible(needle);
    bool found = false;
    for (size_t i = 0; i < d->n_elems && !found; i++) {
        if (!d->elems[i].text)
            continue;
        char *have = visible(d->elems[i].text);
        found = strstr(have, want) != NULL;
        str_free_wiped(have);
    }
    free(want);
    return found;
}

static const char *role_name(dl_role r)
{
    switch (r) {
    case ROLE_BOX:
        return "box";
    case ROLE_TEXT:
        return "text";
    case ROLE_BUTTON:
        return "button";
    case ROLE_ICON:
        return "icon";
    case ROLE_QR:
        return "qr";
    }
    return "box";
}

char *dl_to_json(const dl *d)
{
    strbuf sb;
    strbuf_init(&sb);
    strbuf_puts(&sb, "{\"screen\": ");
    strbuf_json_string(&sb, d->screen);
    strbuf_puts(&sb, ", \"lang\": ");
    strbuf_json_string(&sb, d->lang);
    strbuf_printf(&sb, ", \"dir\": \"%s\", \"width\": %d, \"height\": %d, \"elements\": [",
                  d->rtl ? "rtl" : "ltr", d->width, d->height);
    for (size_t i = 0; i < d->n_elems; i++) {
        const dl_elem *e = &d->elems[i];
        strbuf_puts(&sb, i ? ",\n  {\"id\": " : "\n  {\"id\": ");
        strbuf_json_string(&sb, e->id);
        strbuf_printf(&sb, ", \"role\": \"%s\"", role_name(e->role));
        if (e->text) {
            strbuf_puts(&sb, ", \"text\": ");
            strbuf_json_string(&sb, e->text);
        }
        strbuf_printf(&sb, ", \"x\": %d, \"y\": %d, \"w\": %d, \"h\": %d", e->x, e->y, e->w, e->h);
        if (e->n_lines) {
            strbuf_puts(&sb, ", \"lines\": [");
            for (size_t k = 0; k < e->n_lines; k++) {
                if (k)
                    strbuf_puts(&sb, ", ");
                strbuf_json_string(&sb, e->lines[k]);
            }
            strbuf_printf(&sb, "], \"font_px\": %d, \"line_px\": %d", e->font_px, e->line_px);
        }
        if (e->icon != ICON_NONE)
            strbuf_printf(&sb, ", \"icon\": \"%s\"", dl_icon_name(e->icon));
        if (e->role == ROLE_BUTTON || e->action.kind)
            strbuf_printf(&sb, ", \"enabled\": %s", e->enabled ? "true" : "false");
        if (e->overflow)
            strbuf_puts(&sb, ", \"overflow\": true");
        if (e->payload) {
            strbuf_puts(&sb, ", \"payload\": ");
            strbuf_json_string(&sb, e->payload);
        }
        strbuf_puts(&sb, "}");
    }
    strbuf_puts(&sb, "\n]}\n");
    return strbuf_steal(&sb);
}
