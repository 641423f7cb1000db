/* fonts.c - the kiosk's fonts with SDL2_ttf, and the core's text_measure on top of them.
 *
 * The layout shrinks text one pixel size at a time to fit a box, so many sizes are
 * asked for; each (px, bold) pair is a separate TTF_Font. The font files are read into
 * memory once and every size is opened from that memory (no file descriptor per size,
 * no rereading); a small table with least-recently-used eviction bounds how many are
 * open at once. */
#include "render.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"

#define FONT_SLOTS 48
#define FONT_PX_MIN 1
#define FONT_PX_MAX 512
/* Strings shorter than this are measured through a stack copy. */
#define MEASURE_STACK 256

typedef struct font_file {
    void *data; /* the whole file (SDL_LoadFile), owned */
    size_t size;
    char *path;
    bool synthetic_bold; /* the regular face, drawn with TTF_STYLE_BOLD */
} font_file;

typedef struct font_slot {
    TTF_Font *font; /* NULL = empty */
    int px;
    bool bold;
    uint64_t used; /* fontset.clock when last returned */
} font_slot;

struct fontset {
    font_file regular;
    font_file bold; /* data NULL when synthetic_bold: the regular data is used */
    font_slot slots[FONT_SLOTS];
    uint64_t clock;
    text_measure measure;
};

static TTF_Font *open_from(const font_file *ff, int px)
{
    SDL_RWops *rw = SDL_RWFromConstMem(ff->data, (int)ff->size);
    if (!rw)
        return NULL;
    return TTF_OpenFontRW(rw, 1, px); /* frees rw, also on failure */
}

/* Load the first candidate that TTF can open. On failure appends to *why. */
static bool load_first(const char *const *candidates, font_file *out, strbuf *why)
{
    for (size_t i = 0; candidates && candidates[i]; i++) {
        size_t size = 0;
        SDL_RWops *rw = SDL_RWFromFile(candidates[i], "rb");
        void *data = rw ? SDL_LoadFile_RW(rw, &size, 1) : NULL;
        if (!data || size == 0 || size > (size_t)INT32_MAX) {
            strbuf_printf(why, "%s%s: %s", why->len ? "; " : "", candidates[i],
                          data ? "empty or too large" : SDL_GetError());
            SDL_free(data);
            continue;
        }
        font_file ff = {.data = data, .size = size, .path = NULL, .synthetic_bold = false};
        TTF_Font *probe = open_from(&ff, 16);
        if (!probe) {
            strbuf_printf(why, "%s%s: not a usable font (%s)", why->len ? "; " : "", candidates[i],
                          TTF_GetError());
            SDL_free(data);
            continue;
        }
        TTF_CloseFont(probe);
        ff.path = xstrdup(candidates[i]);
        *out = ff;
        return true;
    }
    return false;
}

static void font_file_finish(font_file *ff)
{
    SDL_free(ff->data);
    free(ff->path);
    memset(ff, 0, sizeof(*ff));
}

static int measure_width(void *ctx, int px, bool bold, const char *utf8, size_t len)
{
    fontset *f = ctx;
    if (!utf8 || len == 0)
        return 0;
    TTF_Font *font = fontset_font(f, px, bold);
    if (!font)
        return 0;
    char stack[MEASURE_STACK];
    char *buf = len < sizeof(stack) ? stack : xmalloc(len + 1);
    memcpy(buf, utf8, len);
    buf[len] = '\0';
    int w = 0, h = 0;
    if (TTF_SizeUTF8(font, buf, &w, &h) != 0)
        w = 0;
    if (buf != stack)
        free(buf);
    return w;
}

static int measure_line_height(void *ctx, int px, bool bold)
{
    fontset *f = ctx;
    TTF_Font *font = fontset_font(f, px, bold);
    /* A size that cannot be opened still needs a sane answer for the layout. */
    return font ? TTF_FontLineSkip(font) : px + px / 3;
}

fontset *fontset_create(const char *const *regular_candidates, const char *const *bold_candidates,
                        char **err)
{
    fontset *f = NULL;
    strbuf why;
    strbuf_init(&why);
    if (err)
        *err = NULL;

    if (TTF_Init() != 0) {
        strbuf_printf(&why, "TTF_Init: %s", TTF_GetError());
        goto fail;
    }
    f = xcalloc(1, sizeof(*f));
    if (!load_first(regular_candidates, &f->regular, &why)) {
        if (why.len == 0)
            strbuf_puts(&why, "no candidates given");
        goto fail;
    }
    strbuf bold_why;
    strbuf_init(&bold_why);
    if (!load_first(bold_candidates, &f->bold, &bold_why)) {
        SDL_Log("lotse: no bold font (%s); using synthetic bold of %s",
                bold_why.len ? bold_why.data : "no candidates", f->regular.path);
        f->bold.synthetic_bold = true;
    }
    strbuf_finish(&bold_why);

    f->measure.ctx = f;
    f->measure.width = measure_width;
    f->measure.line_height = measure_line_height;
    strbuf_finish(&why);
    return f;

fail:
    if (err)
        *err = xasprintf("cannot load the regular font: %s", why.len ? why.data : "?");
    if (f) {
        font_file_finish(&f->regular);
        free(f);
        TTF_Quit();
    }
    strbuf_finish(&why);
    return NULL;
}

void fontset_destroy(fontset *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < FONT_SLOTS; i++)
        if (f->slots[i].font)
            TTF_CloseFont(f->slots[i].font);
    font_file_finish(&f->regular);
    font_file_finish(&f->bold);
    free(f);
    TTF_Quit();
}

const text_measure *fontset_measure(fontset *f)
{
    return f ? &f->measure : NULL;
}

TTF_Font *fontset_font(fontset *f, int px, bool bold)
{
    if (!f)
        return NULL;
    if (px < FONT_PX_MIN)
        px = FONT_PX_MIN;
    if (px > FONT_PX_MAX)
        px = FONT_PX_MAX;
    f->clock++;
    /* Reuse an empty slot, else the least recently used one. */
    font_slot *victim = NULL;
    for (size_t i = 0; i < FONT_SLOTS; i++) {
        font_slot *s = &f->slots[i];
        if (s->font && s->px == px && s->bold == bold) {
            s->used = f->clock;
            return s->font;
        }
        if (!victim || (victim->font && (!s->font || s->used < victim->used)))
            victim = s;
    }
    const font_file *ff = bold && !f->bold.synthetic_bold ? &f->bold : &f->regular;
    TTF_Font *font = open_from(ff, px);
    if (!font)
        return NULL;
    if (bold && f->bold.synthetic_bold)
        TTF_SetFontStyle(font, TTF_STYLE_BOLD);
    if (victim->font)
        TTF_CloseFont(victim->font);
    victim->font = font;
    victim->px = px;
    victim->bold = bold;
    victim->used = f->clock;
    return font;
}
