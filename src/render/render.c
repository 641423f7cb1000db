/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* render.c - draws a display list with an SDL_Renderer; PNG screenshots.
 *
 * Everything that costs work (laying out, shaping and rasterising a text line, which
 * fontset_render_line does; rasterising an icon; the anti-aliased disc that makes
 * rounded corners) becomes a white texture with the shape in alpha, kept in a small
 * least-recently-used cache and tinted with SDL_SetTextureColorMod when drawn. Redrawing
 * an unchanged screen therefore does no TTF or rasterising work, and one texture serves
 * every colour a string is shown in (enabled and greyed out). */
#include "render.h"

#include <stdlib.h>
#include <string.h>

#include <png.h>

#include "base/util.h"

#define TEXT_CACHE_CAP 256
/* Memory budgets of the caches: two full screens of text, and of icons. */
#define TEXT_CACHE_BYTES ((size_t)6 << 20)
#define ICON_CACHE_BYTES ((size_t)3 << 20)
#define ICON_CACHE_CAP 96
#define DISC_CACHE_CAP 32
#define RADIUS_MAX 512

/* One cached texture. Keyed by an optional string and three integers; which integers
 * mean what depends on the cache (text: px, bold; icon: icon, size, mirror; disc:
 * radius). */
typedef struct tex_entry {
    SDL_Texture *tex; /* NULL = empty slot */
    char *s;          /* owned copy of the string key, or NULL */
    uint64_t hash;
    int k1, k2, k3;
    int w, h;
    int baseline; /* text: the baseline's distance from the top (fontset_render_line) */
    uint64_t used;
} tex_entry;

typedef struct tex_cache {
    tex_entry *e;
    size_t cap;
    size_t bytes;     /* pixels held, 4 bytes each */
    size_t max_bytes; /* least recently used textures go beyond this */
} tex_cache;

struct renderer {
    SDL_Renderer *r;
    fontset *fonts;
    tex_cache text, icons, discs;
    uint64_t clock;
    qr_cache *qr; /* QR: encoded codes (qr.c) */
};

/* ---- the texture cache: a linear scan over a few hundred entries, compared by hash
 * first; cheaper than drawing one glyph, and simple enough to be obviously right ---- */

static void cache_init(tex_cache *c, size_t cap, size_t max_bytes)
{
    c->e = xcalloc(cap, sizeof(*c->e));
    c->cap = cap;
    c->bytes = 0;
    c->max_bytes = max_bytes;
}

static size_t entry_bytes(const tex_entry *e)
{
    return e->tex ? (size_t)e->w * (size_t)e->h * 4 : 0;
}

static void entry_clear(tex_entry *e)
{
    if (e->tex)
        SDL_DestroyTexture(e->tex);
    if (e->s) /* the text of a line: it may be what a parent typed */
        secure_zero(e->s, strlen(e->s));
    free(e->s);
    memset(e, 0, sizeof(*e));
}

static void cache_clear(tex_cache *c)
{
    for (size_t i = 0; i < c->cap; i++)
        entry_clear(&c->e[i]);
    c->bytes = 0;
}

static void cache_finish(tex_cache *c)
{
    if (!c->e)
        return;
    cache_clear(c);
    free(c->e);
    c->e = NULL;
    c->cap = 0;
}

static uint64_t key_hash(const char *s, int k1, int k2, int k3)
{
    uint64_t h = 14695981039346656037u; /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)s; p && *p; p++)
        h = (h ^ *p) * 1099511628211u;
    const int ks[3] = {k1, k2, k3};
    for (int i = 0; i < 3; i++)
        h = (h ^ (uint32_t)ks[i]) * 1099511628211u;
    return h;
}

static tex_entry *cache_find(renderer *rd, tex_cache *c, const char *s, int k1, int k2, int k3)
{
    uint64_t h = key_hash(s, k1, k2, k3);
    for (size_t i = 0; i < c->cap; i++) {
        tex_entry *e = &c->e[i];
        if (e->tex && e->hash == h && e->k1 == k1 && e->k2 == k2 && e->k3 == k3 &&
            (s ? e->s && strcmp(e->s, s) == 0 : !e->s)) {
            e->used = ++rd->clock;
            return e;
        }
    }
    return NULL;
}

/* Store tex (taken over) under the key, evicting the least recently used entry. */
static tex_entry *cache_put(renderer *rd, tex_cache *c, const char *s, int k1, int k2, int k3,
                            SDL_Texture *tex, int w, int h)
{
    tex_entry *victim = &c->e[0];
    for (size_t i = 0; i < c->cap; i++) {
        if (!c->e[i].tex) {
            victim = &c->e[i];
            break;
        }
        if (c->e[i].used < victim->used)
            victim = &c->e[i];
    }
    c->bytes -= entry_bytes(victim);
    entry_clear(victim);
    victim->tex = tex;
    victim->s = s ? xstrdup(s) : NULL;
    victim->hash = key_hash(s, k1, k2, k3);
    victim->k1 = k1;
    victim->k2 = k2;
    victim->k3 = k3;
    victim->w = w;
    victim->h = h;
    victim->used = ++rd->clock;
    c->bytes += entry_bytes(victim);
    /* Keep the memory bounded: drop the least recently used others beyond the budget. */
    while (c->bytes > c->max_bytes) {
        tex_entry *lru = NULL;
        for (size_t i = 0; i < c->cap; i++)
            if (c->e[i].tex && &c->e[i] != victim && (!lru || c->e[i].used < lru->used))
                lru = &c->e[i];
        if (!lru)
            break;
        c->bytes -= entry_bytes(lru);
        entry_clear(lru);
    }
    return victim;
}

/* A texture made from surface (freed here); NULL if SDL refuses. */
static SDL_Texture *texture_from(renderer *rd, SDL_Surface *surface)
{
    if (!surface)
        return NULL;
    SDL_Texture *t = SDL_CreateTextureFromSurface(rd->r, surface);
    SDL_FreeSurface(surface);
    if (t)
        SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    return t;
}

/* ---- colours ---- */

static void set_draw_rgb(SDL_Renderer *r, uint32_t rgb)
{
    SDL_SetRenderDrawColor(r, (Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, 255);
}

static void tint(SDL_Texture *t, uint32_t rgb)
{
    SDL_SetTextureColorMod(t, (Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb);
}

/* a + (b - a) * t per channel, t in 0..256. */
static uint32_t mix_rgb(uint32_t a, uint32_t b, int t)
{
    uint32_t out = 0;
    for (int shift = 0; shift <= 16; shift += 8) {
        int ca = (int)((a >> shift) & 0xFF), cb = (int)((b >> shift) & 0xFF);
        out |= (uint32_t)(ca + (cb - ca) * t / 256) << shift;
    }
    return out;
}

static uint32_t grey_of(uint32_t rgb)
{
    uint32_t r = (rgb >> 16) & 0xFF, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
    uint32_t y = (r * 77 + g * 150 + b * 29) >> 8;
    return (y << 16) | (y << 8) | y;
}

/* The colours of a greyed-out button: desaturated and with less contrast, so that it
 * reads as "not available" while the label stays legible. */
static void greyed(uint32_t *fg, uint32_t *bg)
{
    *bg = mix_rgb(grey_of(*bg), 0xDDDDDD, 220);
    *fg = mix_rgb(grey_of(*fg), 0x6B6B6B, 220);
}

/* ---- filled rounded rectangles ---- */

/* An anti-aliased white disc of radius r (2r x 2r pixels), the corners' source. */
static tex_entry *disc(renderer *rd, int r)
{
    tex_entry *e = cache_find(rd, &rd->discs, NULL, r, 0, 0);
    if (e)
        return e;
    int size = 2 * r;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, size, size, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return NULL;
    for (int y = 0; y < size; y++) {
        uint32_t *row = (uint32_t *)((uint8_t *)s->pixels + (size_t)y * (size_t)s->pitch);
        for (int x = 0; x < size; x++) {
            float dx = (float)x + 0.5f - (float)r, dy = (float)y + 0.5f - (float)r;
            float cov = 0.5f - (SDL_sqrtf(dx * dx + dy * dy) - (float)r);
            cov = cov < 0 ? 0 : cov > 1 ? 1 : cov;
            row[x] = ((uint32_t)(cov * 255 + 0.5f) << 24) | 0xFFFFFFu;
        }
    }
    SDL_Texture *t = texture_from(rd, s);
    return t ? cache_put(rd, &rd->discs, NULL, r, 0, 0, t, size, size) : NULL;
}

static void fill_rounded(renderer *rd, SDL_Rect b, int radius, uint32_t rgb)
{
    if (b.w <= 0 || b.h <= 0)
        return;
    int r = radius;
    if (r > b.w / 2)
        r = b.w / 2;
    if (r > b.h / 2)
        r = b.h / 2;
    if (r > RADIUS_MAX)
        r = RADIUS_MAX;
    tex_entry *d = r > 0 ? disc(rd, r) : NULL;
    SDL_SetRenderDrawBlendMode(rd->r, SDL_BLENDMODE_NONE);
    set_draw_rgb(rd->r, rgb);
    if (!d) {
        SDL_RenderFillRect(rd->r, &b);
        return;
    }
    const SDL_Rect fills[3] = {
        {b.x + r, b.y, b.w - 2 * r, b.h},
        {b.x, b.y + r, r, b.h - 2 * r},
        {b.x + b.w - r, b.y + r, r, b.h - 2 * r},
    };
    for (int i = 0; i < 3; i++)
        if (fills[i].w > 0 && fills[i].h > 0)
            SDL_RenderFillRect(rd->r, &fills[i]);
    tint(d->tex, rgb);
    const SDL_Rect src[4] = {{0, 0, r, r}, {r, 0, r, r}, {0, r, r, r}, {r, r, r, r}};
    const SDL_Rect dst[4] = {{b.x, b.y, r, r},
                             {b.x + b.w - r, b.y, r, r},
                             {b.x, b.y + b.h - r, r, r},
                             {b.x + b.w - r, b.y + b.h - r, r, r}};
    for (int i = 0; i < 4; i++)
        SDL_RenderCopy(rd->r, d->tex, &src[i], &dst[i]);
}

/* ---- icons and text ---- */

static void draw_icon(renderer *rd, dl_icon icon, int x, int y, int size, uint32_t rgb, bool mirror)
{
    if (icon == ICON_NONE || size <= 0)
        return;
    tex_entry *e = cache_find(rd, &rd->icons, NULL, (int)icon, size, mirror);
    if (!e) {
        SDL_Texture *t = texture_from(rd, icon_rasterize(icon, size, mirror));
        if (!t)
            return;
        e = cache_put(rd, &rd->icons, NULL, (int)icon, size, mirror, t, size, size);
    }
    tint(e->tex, rgb);
    SDL_Rect dst = {x, y, size, size};
    SDL_RenderCopy(rd->r, e->tex, NULL, &dst);
}

/* The texture of one line of text, rendered white, in a screen of direction rtl_screen.
 * Cached by text, size, weight and the line's paragraph direction (fontset_line_rtl),
 * so a line without right-to-left letters shares its texture between screens. NULL for
 * an empty line or failure. */
static tex_entry *text_texture(renderer *rd, const char *line, int px, bool bold, bool rtl_screen)
{
    if (!line || !*line)
        return NULL;
    bool rtl = fontset_line_rtl(line, rtl_screen);
    tex_entry *e = cache_find(rd, &rd->text, line, px, bold, rtl);
    if (e)
        return e;
    int baseline = 0;
    SDL_Surface *s = fontset_render_line(rd->fonts, line, px, bold, rtl, &baseline);
    if (!s)
        return NULL;
    int w = s->w, h = s->h;
    SDL_Texture *t = texture_from(rd, s);
    if (!t)
        return NULL;
    e = cache_put(rd, &rd->text, line, px, bold, rtl, t, w, h);
    e->baseline = baseline;
    return e;
}

static int icon_size_of(const dl_elem *e)
{
    return e->icon_size > 0 ? e->icon_size : e->h / 2;
}

SDL_Rect renderer_text_rect(const dl *d, const dl_elem *e)
{
    SDL_Rect r;
    dl_text_rect(d, e, &r.x, &r.y, &r.w, &r.h);
    return r;
}

static void draw_lines(renderer *rd, const dl *d, const dl_elem *e, uint32_t fg)
{
    char *single[1];
    char **lines = e->lines;
    size_t n = e->n_lines;
    if (n == 0 && e->text && *e->text) { /* not wrapped by the layout: one line */
        single[0] = e->text;
        lines = single;
        n = 1;
    }
    if (n == 0 || e->font_px <= 0)
        return;
    TTF_Font *font = fontset_font(rd->fonts, e->font_px, e->bold);
    if (!font)
        return;
    int font_h = TTF_FontHeight(font);
    int ascent = TTF_FontAscent(font); /* lines are placed by the base font's baseline */
    int line_px = e->line_px > 0 ? e->line_px : TTF_FontLineSkip(font);
    SDL_Rect area = renderer_text_rect(d, e);
    int block_h = (int)(n - 1) * line_px + font_h;
    /* Centred if asked and it fits; text taller than its box shows its beginning. */
    int y = e->valign_center && block_h <= area.h ? area.y + (area.h - block_h) / 2 : area.y;

    dl_align align = e->align;
    if (d->rtl && align != ALIGN_CENTER)
        align = align == ALIGN_START ? ALIGN_END : ALIGN_START;
    for (size_t i = 0; i < n; i++, y += line_px) {
        tex_entry *t = text_texture(rd, lines[i], e->font_px, e->bold, d->rtl);
        if (!t)
            continue;
        int x = area.x;
        if (align == ALIGN_CENTER)
            x = area.x + (area.w - t->w) / 2;
        else if (align == ALIGN_END)
            x = area.x + area.w - t->w;
        tint(t->tex, fg);
        SDL_Rect dst = {x, y + ascent - t->baseline, t->w, t->h};
        SDL_RenderCopy(rd->r, t->tex, NULL, &dst);
    }
}

static void draw_elem(renderer *rd, const dl *d, const dl_elem *e)
{
    if (e->w <= 0 || e->h <= 0)
        return;
    SDL_Rect box = {e->x, e->y, e->w, e->h};
    uint32_t fg = e->fg & 0xFFFFFF, bg = e->bg & 0xFFFFFF;
    if (e->role == ROLE_BUTTON && !e->enabled)
        greyed(&fg, &bg);
    if (e->role == ROLE_QR) { /* QR: drawn by qr.c */
        qr_draw(rd->r, rd->qr, e);
        return;
    }
    if (e->has_bg)
        fill_rounded(rd, box, e->radius, bg);
    if (e->role == ROLE_BOX)
        return;

    /* Nothing an element draws leaves its box, except that a plain text may reach a third
     * of its size above and below it: the marks of Arabic letters (the dots under ي) and
     * Vietnamese-style stacked accents sit outside the Latin line box. */
    SDL_Rect clip = box;
    if (e->role == ROLE_TEXT && !e->has_bg) {
        int slack = e->font_px / 3;
        clip.y -= slack;
        clip.h += 2 * slack;
    }
    SDL_RenderSetClipRect(rd->r, &clip);
    if (e->role == ROLE_ICON) {
        int size = e->w < e->h ? e->w : e->h;
        draw_icon(rd, e->icon, e->x + (e->w - size) / 2, e->y + (e->h - size) / 2, size, fg,
                  e->mirror_icon);
    } else {
        if (e->role == ROLE_BUTTON && e->icon != ICON_NONE) {
            int size = icon_size_of(e);
            int pad = size / 3;
            int x = d->rtl ? e->x + e->w - pad - size : e->x + pad;
            draw_icon(rd, e->icon, x, e->y + (e->h - size) / 2, size, fg, e->mirror_icon);
        }
        draw_lines(rd, d, e, fg);
    }
    SDL_RenderSetClipRect(rd->r, NULL);
}

renderer *renderer_create(SDL_Renderer *r, fontset *f)
{
    if (!r || !f)
        return NULL;
    renderer *rd = xcalloc(1, sizeof(*rd));
    rd->r = r;
    rd->fonts = f;
    cache_init(&rd->text, TEXT_CACHE_CAP, TEXT_CACHE_BYTES);
    cache_init(&rd->icons, ICON_CACHE_CAP, ICON_CACHE_BYTES);
    cache_init(&rd->discs, DISC_CACHE_CAP, ICON_CACHE_BYTES);
    rd->qr = qr_cache_create(); /* QR */
    return rd;
}

void renderer_destroy(renderer *rd)
{
    if (!rd)
        return;
    cache_finish(&rd->text);
    cache_finish(&rd->icons);
    cache_finish(&rd->discs);
    qr_cache_destroy(rd->qr); /* QR */
    free(rd);
}

void renderer_invalidate(renderer *rd)
{
    if (!rd)
        return;
    cache_clear(&rd->text);
    cache_clear(&rd->icons);
    cache_clear(&rd->discs);
    qr_cache_invalidate(rd->qr); /* QR */
}

void renderer_forget(renderer *rd)
{
    if (!rd)
        return;
    cache_clear(&rd->text);
    cache_clear(&rd->icons);
    cache_clear(&rd->discs);
    qr_cache_forget(rd->qr);
}

bool renderer_holds_text(const renderer *rd, const char *needle)
{
    if (!rd || !needle || !*needle)
        return false;
    for (size_t i = 0; i < rd->text.cap; i++)
        if (rd->text.e[i].s && strstr(rd->text.e[i].s, needle))
            return true;
    return qr_cache_holds(rd->qr, needle);
}

void renderer_draw(renderer *rd, const dl *d)
{
    if (!rd || !d)
        return;
    SDL_RenderSetClipRect(rd->r, NULL);
    SDL_SetRenderDrawBlendMode(rd->r, SDL_BLENDMODE_NONE);
    set_draw_rgb(rd->r, d->background);
    SDL_RenderClear(rd->r);
    for (size_t i = 0; i < d->n_elems; i++)
        draw_elem(rd, d, &d->elems[i]);
}

bool renderer_screenshot_png(SDL_Renderer *r, const char *path, char **err)
{
    unsigned char *pixels = NULL;
    png_image img;
    memset(&img, 0, sizeof(img));
    int w = 0, h = 0;
    if (err)
        *err = NULL;

    if (!r || !path) {
        if (err)
            *err = xasprintf("screenshot %s: no renderer", path ? path : "(no path)");
        goto fail;
    }
    if (SDL_GetRendererOutputSize(r, &w, &h) != 0 || w <= 0 || h <= 0) {
        if (err)
            *err = xasprintf("screenshot %s: no output size (%s)", path, SDL_GetError());
        goto fail;
    }
    pixels = xmalloc((size_t)w * (size_t)h * 3);
    if (SDL_RenderReadPixels(r, NULL, SDL_PIXELFORMAT_RGB24, pixels, w * 3) != 0) {
        if (err)
            *err = xasprintf("screenshot %s: cannot read pixels (%s)", path, SDL_GetError());
        goto fail;
    }
    img.version = PNG_IMAGE_VERSION;
    img.width = (png_uint_32)w;
    img.height = (png_uint_32)h;
    img.format = PNG_FORMAT_RGB;
    if (!png_image_write_to_file(&img, path, 0, pixels, w * 3, NULL)) {
        if (err)
            *err = xasprintf("cannot write %s: %s", path, img.message);
        png_image_free(&img);
        goto fail;
    }
    free(pixels);
    return true;

fail:
    free(pixels);
    return false;
}
