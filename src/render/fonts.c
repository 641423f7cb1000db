/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* fonts.c - the kiosk's fonts with SDL2_ttf, and the core's text_measure on top of them.
 *
 * One TTF font covers one script, so a line is drawn as runs: each code point gets the
 * font of its script (Arabic-script letters NotoSansArabic, Ethiopic NotoSansEthiopic,
 * everything else the base font the kiosk configured), falling back along a short chain
 * to a font that has it (the base font, then DejaVuSans). Common characters (spaces,
 * digits, punctuation) stay in the run around them when its font has them. Each run is
 * shaped by HarfBuzz (through SDL2_ttf) with its script and direction set just before
 * use, because a TTF_Font is shared by every run of its size. The order of the runs on
 * the line comes from the bidi algorithm (bidi.c); a right-to-left run is handed over
 * in logical order with TTF_DIRECTION_RTL and HarfBuzz lays its glyphs out visually.
 *
 * The layout shrinks text one pixel size at a time to fit a box, so many sizes are
 * asked for. A font file is read into memory once, when first needed (the script fonts
 * only when text of their script appears), and opened as one TTF_Font that is set to
 * whatever size is asked for (TTF_SetFontSize; synthetic bold by its style): one
 * FreeType face and one HarfBuzz face per file, so HarfBuzz reads (sanitises) a file's
 * GSUB/GPOS tables and plans its shaping once, not once per size - a TTF_Font per size
 * made that most of the start-up's shaping time. Widths are cached (measure_width) and
 * drawn lines become cached textures (render.c), so switching sizes, which empties
 * SDL_ttf's glyph cache, costs little. Which code points a file provides is cached in a
 * bitmap over the BMP, so the common case (a Latin line, everything in the base font)
 * costs one pass over the bytes before TTF sees the text.
 *
 * Hinting is light (TTF_HINTING_LIGHT), chosen on purpose. SDL_ttf's default
 * (TTF_HINTING_NORMAL) runs FreeType's TrueType bytecode interpreter on every glyph and
 * at every new size, and was a third of the start-up's CPU time; at 19 px and more on a
 * 1280x800 panel it buys nothing over light hinting, which only snaps the vertical
 * metrics (baseline, x-height, the tops and bottoms of stems) to the pixel grid and
 * leaves shapes and widths alone. No hinting at all is cheaper still (about an eighth of
 * the start-up's instructions once a file has one face) but draws those horizontal
 * edges half a pixel soft; compared by eye in German, Arabic, Ukrainian and Tigrinya
 * (bench/README.md), light kept the text as crisp as the bytecode hinting did.
 *
 * A font file that is missing, empty, not a font, truncated or so damaged that its
 * glyphs do not render is refused when it is read (one log line naming the file and
 * why), and the chain goes on to the next font: the kiosk never draws with a font that
 * only half works. LOTSE_FONT_DIR (environment) moves the system font directories (Noto,
 * DejaVu): a path there is looked up by its file name in that directory instead.
 *
 * Not thread-safe: a fontset and its scratch buffers belong to one thread. */
#include "render.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bidi.h"
#include "base/util.h"

#define FONT_PX_MIN 1
#define FONT_PX_MAX 512
/* The size a file's font is opened and checked at (render_probe). */
#define PROBE_PX 16
/* See the file comment. */
#define HINTING TTF_HINTING_LIGHT
#define BMP_BITS_BYTES (0x10000 / 8)

#define NOTO_DIR "/usr/share/fonts/truetype/noto/"
#define DEJAVU_DIR "/usr/share/fonts/truetype/dejavu/"
/* A larger file is not a font this kiosk would use (the biggest Noto file is ~1 MB); the
 * limit also stops a device or a FIFO configured as a font from being read forever. */
#define FONT_FILE_MAX (64u * 1024 * 1024)

/* The faces of the fallback chain. FACE_BASE is what fontset_create loaded. */
enum { FACE_BASE, FACE_ARABIC, FACE_ETHIOPIC, FACE_LAST, FACE_COUNT };

static const char *const default_paths[FACE_COUNT][2] = {
    [FACE_ARABIC] = {NOTO_DIR "NotoSansArabic-Regular.ttf", NOTO_DIR "NotoSansArabic-Bold.ttf"},
    [FACE_ETHIOPIC] = {NOTO_DIR "NotoSansEthiopic-Regular.ttf",
                       NOTO_DIR "NotoSansEthiopic-Bold.ttf"},
    [FACE_LAST] = {DEJAVU_DIR "DejaVuSans.ttf", DEJAVU_DIR "DejaVuSans-Bold.ttf"},
};

typedef struct font_file {
    char *path; /* owned; NULL: no such file (a bold face then uses synthetic bold) */
    void *data; /* the whole file (SDL_LoadFile), owned; NULL until loaded */
    size_t size;
    bool tried;     /* loading was attempted (data tells whether it worked) */
    TTF_Font *font; /* open while data is loaded: every size of the file (face_font) */
    int px;         /* the size font is set to; 0: unknown (a size change failed) */
    uint8_t *bits;  /* BMP coverage cache: BMP_BITS_BYTES "known", then as many "has" */
} font_file;

typedef struct font_face {
    font_file file[2]; /* regular, bold */
    bool disabled;     /* never used (e.g. the last fallback is the base file itself) */
} font_face;

/* A run of one line: code points of one font and one bidi level, in logical order. */
typedef struct text_run {
    int face;
    bool rtl;
    script_class script;
    size_t off, len; /* its UTF-8 text: fontset.text[off..off+len), NUL-terminated */
} text_run;

/* Widths already measured, by a 64-bit hash of (px, bold, text); see measure_width. */
#define MEASURE_SLOTS 4096 /* a power of two */
typedef struct measure_entry {
    uint64_t key; /* 0: empty */
    int width;
} measure_entry;

struct fontset {
    font_face faces[FACE_COUNT];
    measure_entry *measured; /* MEASURE_SLOTS */
    size_t n_measured;
    text_measure measure;
    /* Scratch for laying out one line, reused (grown, never shrunk). */
    uint32_t *cps;
    uint8_t *cp_face; /* per code point: its face, or NO_FACE for a dropped bidi control */
    uint8_t *levels;
    size_t cps_cap;
    char *text;
    size_t text_cap;
    text_run *runs; /* in visual order after layout_line */
    size_t runs_cap;
    uint8_t *run_levels;
    size_t *order;
    size_t order_cap;
};

#define NO_FACE 0xFF

/* ---- font files ---- */

static TTF_Font *open_from(const font_file *ff, int px)
{
    SDL_RWops *rw = SDL_RWFromConstMem(ff->data, (int)ff->size);
    if (!rw)
        return NULL;
    TTF_Font *f = TTF_OpenFontRW(rw, 1, px); /* frees rw, also on failure */
    if (f)
        TTF_SetFontHinting(f, HINTING);
    return f;
}

/* path, or with LOTSE_FONT_DIR set and path in one of the system font directories, that
 * file name in LOTSE_FONT_DIR. Caller frees. */
static char *resolve_path(const char *path)
{
    const char *dir = getenv("LOTSE_FONT_DIR");
    if (dir && *dir && path) {
        static const char *const system_dirs[] = {NOTO_DIR, DEJAVU_DIR};
        for (size_t i = 0; i < ARRAY_LEN(system_dirs); i++) {
            size_t n = strlen(system_dirs[i]);
            if (strncmp(path, system_dirs[i], n) == 0 && path[n] && !strchr(path + n, '/'))
                return xasprintf("%s/%s", dir, path + n);
        }
    }
    return xstrdup(path ? path : "");
}

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint16_t be16(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

#define TAG(a, b, c, d) ((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | (uint32_t)(c) << 8 | (d))

/* Is data[0..size) a whole TrueType/OpenType file: a known signature and every table of
 * its directory inside the file? FreeType opens a truncated file as long as its first
 * tables are there, and then draws no glyph from the missing part: text would silently
 * vanish. On failure *why is a static reason. WOFF files have no plain table directory
 * and are left to FreeType and the render probe. */
static bool sfnt_whole(const uint8_t *data, size_t size, const char **why)
{
    *why = "not a TrueType or OpenType font";
    if (size < 12)
        return false;
    uint32_t tag = be32(data);
    if (tag == TAG('w', 'O', 'F', 'F') || tag == TAG('w', 'O', 'F', '2'))
        return true;
    size_t dir = 0;
    if (tag == TAG('t', 't', 'c', 'f')) { /* a collection: SDL_ttf opens its first font */
        if (size < 16 || be32(data + 8) == 0)
            return false;
        dir = be32(data + 12);
        if (dir > size - 12) {
            *why = "truncated (the font's table directory is missing)";
            return false;
        }
        tag = be32(data + dir);
    }
    if (tag != 0x00010000u && tag != TAG('t', 'r', 'u', 'e') && tag != TAG('O', 'T', 'T', 'O'))
        return false;
    size_t n = be16(data + dir + 4);
    if (n == 0 || n > (size - dir - 12) / 16) {
        *why = "truncated or damaged (its table directory does not fit the file)";
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        const uint8_t *rec = data + dir + 12 + 16 * i;
        uint64_t off = be32(rec + 8), len = be32(rec + 12);
        if (off + len > size) {
            *why = "truncated or damaged (a table ends beyond the end of the file)";
            return false;
        }
    }
    return true;
}

static size_t utf8_encode(uint32_t cp, char *out);

/* Does the probe font draw? A few code points it claims to have (Latin, Arabic,
 * Ethiopic, whichever it covers) must render to a non-empty surface: a file whose
 * directory is whole but whose glyph data is garbage fails here. A font that covers
 * none of them is accepted unprobed. */
static bool render_probe(TTF_Font *probe, const char **why)
{
    static const uint32_t samples[] = {'A', 'a', 0x0627, 0x0628, 0x1200, 0x1208};
    char text[32];
    size_t len = 0;
    for (size_t i = 0; i < ARRAY_LEN(samples); i++)
        if (TTF_GlyphIsProvided32(probe, samples[i]))
            len += utf8_encode(samples[i], text + len);
    if (len == 0)
        return true;
    text[len] = '\0';
    const SDL_Color white = {255, 255, 255, 255};
    SDL_Surface *s = TTF_RenderUTF8_Blended(probe, text, white);
    bool ok = s && s->w > 0 && s->h > 0;
    if (ok) {
        /* Some pixel must be inked: garbage outlines tend to load as empty glyphs. */
        ok = false;
        if (SDL_LockSurface(s) == 0) {
            for (int y = 0; y < s->h && !ok; y++) {
                const uint32_t *row = (const uint32_t *)((const uint8_t *)s->pixels + y * s->pitch);
                for (int x = 0; x < s->w && !ok; x++)
                    ok = (row[x] & s->format->Amask) != 0;
            }
            SDL_UnlockSurface(s);
        }
    }
    SDL_FreeSurface(s);
    if (!ok)
        *why = "damaged (its glyphs do not render)";
    return ok;
}

/* Read path into ff and open its font; the file must be a regular file that is a whole
 * font whose glyphs render. On failure returns false with a reason in *why (a static or
 * TTF/SDL error string) and leaves ff as it was. */
static bool file_read(font_file *ff, const char *path, const char **why)
{
    struct stat sb;
    if (stat(path, &sb) != 0) {
        *why = strerror(errno);
        return false;
    }
    if (!S_ISREG(sb.st_mode)) {
        *why = "not a regular file";
        return false;
    }
    if (sb.st_size == 0 || (uint64_t)sb.st_size > FONT_FILE_MAX) {
        *why = sb.st_size == 0 ? "empty file" : "too large for a font";
        return false;
    }
    size_t size = 0;
    SDL_RWops *rw = SDL_RWFromFile(path, "rb");
    void *data = rw ? SDL_LoadFile_RW(rw, &size, 1) : NULL;
    if (!data || size == 0 || size > FONT_FILE_MAX) {
        *why = data ? "empty or too large" : SDL_GetError();
        SDL_free(data);
        return false;
    }
    if (!sfnt_whole(data, size, why)) {
        SDL_free(data);
        return false;
    }
    font_file tmp = {.data = data, .size = size};
    tmp.font = open_from(&tmp, PROBE_PX);
    if (!tmp.font) {
        *why = TTF_GetError();
        SDL_free(data);
        return false;
    }
    if (!render_probe(tmp.font, why)) {
        TTF_CloseFont(tmp.font);
        SDL_free(data);
        return false;
    }
    ff->data = tmp.data;
    ff->size = tmp.size;
    ff->font = tmp.font;
    ff->px = PROBE_PX;
    return true;
}

/* Make sure ff is loaded if it can be; loads at most once. Logs a failure once. */
static bool file_load(font_file *ff)
{
    if (ff->tried)
        return ff->data != NULL;
    ff->tried = true;
    if (!ff->path)
        return false;
    const char *why = NULL;
    if (!file_read(ff, ff->path, &why)) {
        fprintf(stderr, "lotse: font %s not usable (%s); falling back to the next font\n", ff->path,
                why ? why : "?");
        return false;
    }
    return true;
}

static void file_unload(font_file *ff)
{
    if (ff->font)
        TTF_CloseFont(ff->font);
    SDL_free(ff->data);
    free(ff->bits);
    ff->font = NULL;
    ff->px = 0;
    ff->data = NULL;
    ff->size = 0;
    ff->bits = NULL;
    ff->tried = false;
}

static void file_finish(font_file *ff)
{
    file_unload(ff);
    free(ff->path);
    ff->path = NULL;
}

/* Does the loaded file ff have a glyph for cp? Cached per BMP code point. */
static bool file_has(font_file *ff, uint32_t cp)
{
    if (cp >= 0x10000)
        return TTF_GlyphIsProvided32(ff->font, cp) != 0;
    if (!ff->bits)
        ff->bits = xcalloc(2, BMP_BITS_BYTES);
    uint8_t *known = ff->bits, *has = ff->bits + BMP_BITS_BYTES;
    size_t byte = cp >> 3;
    uint8_t bit = (uint8_t)(1u << (cp & 7));
    if (!(known[byte] & bit)) {
        known[byte] |= bit;
        if (TTF_GlyphIsProvided32(ff->font, cp))
            has[byte] |= bit;
    }
    return (has[byte] & bit) != 0;
}

/* Load the first candidate that is a usable font into *out. The reasons the ones before
 * it failed are appended to *why; when a later candidate wins they are logged with it
 * (what says which font: "regular", "bold"). */
static bool load_first(const char *const *candidates, const char *what, font_file *out, strbuf *why)
{
    for (size_t i = 0; candidates && candidates[i]; i++) {
        font_file ff;
        memset(&ff, 0, sizeof(ff));
        const char *reason = NULL;
        char *path = resolve_path(candidates[i]);
        if (!file_read(&ff, path, &reason)) {
            strbuf_printf(why, "%s%s: %s", why->len ? "; " : "", path, reason ? reason : "?");
            free(path);
            continue;
        }
        if (why->len)
            fprintf(stderr, "lotse: %s font not usable (%s); using %s\n", what, why->data, path);
        ff.path = path;
        ff.tried = true;
        *out = ff;
        return true;
    }
    return false;
}

/* ---- faces and sizes ---- */

/* The file drawing face in this weight, loading it on first use: the bold file, else
 * the regular one (drawn with synthetic bold). NULL if the face is unavailable. */
static font_file *face_file(fontset *f, int face, bool bold)
{
    font_face *fc = &f->faces[face];
    if (fc->disabled)
        return NULL;
    if (bold && file_load(&fc->file[1]))
        return &fc->file[1];
    return file_load(&fc->file[0]) ? &fc->file[0] : NULL;
}

static bool face_has(fontset *f, int face, bool bold, uint32_t cp)
{
    font_file *ff = face_file(f, face, bold);
    return ff && file_has(ff, cp);
}

static int clamp_px(int px)
{
    return px < FONT_PX_MIN ? FONT_PX_MIN : px > FONT_PX_MAX ? FONT_PX_MAX : px;
}

/* The TTF_Font of face at px and weight: its file's font set to that size, bold by the
 * bold file or synthetic bold of the regular one (see fontset_font). */
static TTF_Font *face_font(fontset *f, int face, int px, bool bold)
{
    px = clamp_px(px);
    font_file *ff = face_file(f, face, bold);
    if (!ff)
        return NULL;
    if (ff->px != px) {
        if (TTF_SetFontSize(ff->font, px) != 0) {
            ff->px = 0;
            return NULL;
        }
        ff->px = px;
    }
    int style = bold && ff == &f->faces[face].file[0] ? TTF_STYLE_BOLD : TTF_STYLE_NORMAL;
    if (TTF_GetFontStyle(ff->font) != style)
        TTF_SetFontStyle(ff->font, style);
    return ff->font;
}

/* The faces that may draw a code point of script, best first. */
static size_t chain_of(script_class script, int chain[3])
{
    size_t n = 0;
    if (script == SCRIPT_ARABIC)
        chain[n++] = FACE_ARABIC;
    else if (script == SCRIPT_ETHIOPIC)
        chain[n++] = FACE_ETHIOPIC;
    chain[n++] = FACE_BASE;
    chain[n++] = FACE_LAST;
    return n;
}

/* The face that draws cp: the first in its chain that has it; if none has it, the first
 * that loads (it draws its "missing glyph" box). *found (if not NULL) tells which. */
static int face_for(fontset *f, bool bold, uint32_t cp, script_class script, bool *found)
{
    int chain[3];
    size_t n = chain_of(script, chain);
    for (size_t i = 0; i < n; i++) {
        if (face_has(f, chain[i], bold, cp)) {
            if (found)
                *found = true;
            return chain[i];
        }
    }
    if (found)
        *found = false;
    for (size_t i = 0; i < n; i++)
        if (face_file(f, chain[i], bold))
            return chain[i];
    return FACE_BASE;
}

/* ---- laying out one line ---- */

static void reserve_cps(fontset *f, size_t n)
{
    if (n <= f->cps_cap)
        return;
    size_t cap = f->cps_cap ? f->cps_cap : 64;
    while (cap < n)
        cap *= 2;
    f->cps = xrealloc(f->cps, cap * sizeof(*f->cps));
    f->cp_face = xrealloc(f->cp_face, cap);
    f->levels = xrealloc(f->levels, cap);
    f->cps_cap = cap;
}

static void reserve_text(fontset *f, size_t n)
{
    if (n <= f->text_cap)
        return;
    size_t cap = f->text_cap ? f->text_cap : 256;
    while (cap < n)
        cap *= 2;
    f->text = xrealloc(f->text, cap);
    f->text_cap = cap;
}

static void reserve_runs(fontset *f, size_t n)
{
    if (n <= f->runs_cap)
        return;
    size_t cap = f->runs_cap ? f->runs_cap : 16;
    while (cap < n)
        cap *= 2;
    f->runs = xrealloc(f->runs, cap * sizeof(*f->runs));
    f->run_levels = xrealloc(f->run_levels, cap);
    f->order = xrealloc(f->order, cap * sizeof(*f->order));
    f->runs_cap = cap;
}

static size_t utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Assign a face to each of f->cps[0..n) (NO_FACE for the bidi controls, which are
 * dropped). A common or ignorable code point keeps the face before it if that face has
 * it; the ones before the first letter take the first letter's face if it has them. */
static void assign_faces(fontset *f, size_t n, bool bold)
{
    int cur = -1;
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = f->cps[i];
        script_class sc = script_of(cp);
        if (sc != SCRIPT_COMMON && !cp_is_ignorable(cp)) {
            cur = face_for(f, bold, cp, sc, NULL);
            break;
        }
    }
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = f->cps[i];
        if (bidi_is_control(cp)) {
            f->cp_face[i] = NO_FACE;
            continue;
        }
        script_class sc = script_of(cp);
        bool stays = cur >= 0 &&
                     (cp_is_ignorable(cp) || (sc == SCRIPT_COMMON && face_has(f, cur, bold, cp)));
        if (!stays)
            cur = face_for(f, bold, cp, sc, NULL);
        f->cp_face[i] = (uint8_t)cur;
    }
}

/* Split utf8[0..len) into runs and put them into f->runs in visual order (left to
 * right), their text in f->text. The paragraph is right-to-left when rtl_screen and the
 * line has a strong right-to-left character (fontset_line_rtl). Returns the number of runs (0 for a
 * line with nothing to draw). */
static size_t layout_line(fontset *f, const char *utf8, size_t len, bool bold, bool rtl_screen)
{
    if (!utf8 || len == 0)
        return 0;
    reserve_cps(f, len);
    /* Decode, and see whether the fast path holds: everything below U+0590 (so nothing
     * right-to-left) and in the base font. That line is one left-to-right run. */
    size_t n = 0;
    bool fast = true;
    script_class first_letter = SCRIPT_COMMON;
    font_file *base = face_file(f, FACE_BASE, bold);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += (size_t)utf8_decode(utf8 + i, len - i, &cp);
        f->cps[n++] = cp;
        if (!fast)
            continue;
        if (cp >= 0x590 || !base || !file_has(base, cp)) {
            fast = false;
            continue;
        }
        if (first_letter == SCRIPT_COMMON)
            first_letter = script_of(cp);
    }
    if (fast) {
        reserve_runs(f, 1);
        reserve_text(f, len + 1);
        memcpy(f->text, utf8, len);
        f->text[len] = '\0';
        f->runs[0] = (text_run){FACE_BASE, false, first_letter, 0, len};
        return 1;
    }

    bool rtl = false, need_levels = false;
    for (size_t i = 0; i < n; i++) {
        if (rtl_screen && !rtl && bidi_is_strong_rtl(f->cps[i]))
            rtl = true;
        if (!need_levels && bidi_needs_levels(f->cps[i]))
            need_levels = true;
    }
    if (rtl || need_levels)
        bidi_levels(f->cps, n, rtl, f->levels);
    else
        memset(f->levels, 0, n);
    assign_faces(f, n, bold);

    /* Runs in logical order: a new run where the face or the level changes. */
    size_t n_runs = 0;
    reserve_runs(f, 1);
    reserve_text(f, 4 * n + n + 1);
    size_t out = 0;
    int prev_face = -1;
    uint8_t prev_level = 0;
    for (size_t i = 0; i < n; i++) {
        if (f->cp_face[i] == NO_FACE)
            continue;
        int face = f->cp_face[i];
        uint8_t level = f->levels[i];
        if (n_runs == 0 || face != prev_face || level != prev_level) {
            if (n_runs > 0)
                f->text[out++] = '\0'; /* terminate the previous run */
            reserve_runs(f, n_runs + 1);
            f->runs[n_runs] = (text_run){face, (level & 1) != 0, SCRIPT_COMMON, out, 0};
            f->run_levels[n_runs] = level;
            n_runs++;
            prev_face = face;
            prev_level = level;
        }
        text_run *r = &f->runs[n_runs - 1];
        if (r->script == SCRIPT_COMMON)
            r->script = script_of(f->cps[i]);
        size_t k = utf8_encode(f->cps[i], f->text + out);
        out += k;
        r->len += k;
    }
    if (n_runs == 0)
        return 0;
    f->text[out] = '\0';

    /* Visual order. */
    if (n_runs > 1) {
        bidi_visual_order(f->run_levels, n_runs, f->order);
        text_run stack_runs[16];
        text_run *tmp = n_runs <= 16 ? stack_runs : xmalloc(n_runs * sizeof(*tmp));
        for (size_t i = 0; i < n_runs; i++)
            tmp[i] = f->runs[f->order[i]];
        memcpy(f->runs, tmp, n_runs * sizeof(*tmp));
        if (tmp != stack_runs)
            free(tmp);
    }
    return n_runs;
}

/* The font of run r at px, with the run's script and direction set (the font is shared
 * by all runs of its size, so this is done before every use). NULL on failure. */
static TTF_Font *run_font(fontset *f, const text_run *r, int px, bool bold)
{
    TTF_Font *font = face_font(f, r->face, px, bold);
    if (font) {
        TTF_SetFontDirection(font, r->rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
        TTF_SetFontScriptName(font, script_tag(r->script));
    }
    return font;
}

/* ---- text_measure ---- */

/* The layout measures the same strings at the same sizes again and again (each frame is
 * laid out in full to compare it with the one shown), and shaping them with HarfBuzz
 * each time was most of the kiosk's CPU time. So widths are cached under a 64-bit hash
 * of (px, bold, text) - the text itself is not kept - in a fixed table that is emptied
 * when three quarters full, and by fontset_forget_measures after a private screen. */
static uint64_t measure_key(int px, bool bold, const char *utf8, size_t len)
{
    uint64_t h = UINT64_C(0xcbf29ce484222325) ^ (uint64_t)(unsigned)px ^ ((uint64_t)bold << 40);
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)utf8[i]) * UINT64_C(0x100000001b3);
    h ^= (uint64_t)len * UINT64_C(0x9e3779b97f4a7c15);
    /* splitmix64's finaliser spreads FNV's weak high bits */
    h = (h ^ (h >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    h = (h ^ (h >> 27)) * UINT64_C(0x94d049bb133111eb);
    h ^= h >> 31;
    return h ? h : 1;
}

static measure_entry *measure_slot(fontset *f, uint64_t key)
{
    for (size_t i = 0; i < 16; i++) {
        measure_entry *e = &f->measured[(key + i) & (MEASURE_SLOTS - 1)];
        if (e->key == key || e->key == 0)
            return e;
    }
    return NULL;
}

void fontset_forget_measures(fontset *f)
{
    if (f && f->measured) {
        memset(f->measured, 0, MEASURE_SLOTS * sizeof(*f->measured));
        f->n_measured = 0;
    }
}

static int measure_width_uncached(fontset *f, int px, bool bold, const char *utf8, size_t len);

static int measure_width(void *ctx, int px, bool bold, const char *utf8, size_t len)
{
    fontset *f = ctx;
    uint64_t key = measure_key(px, bold, utf8, len);
    measure_entry *e = measure_slot(f, key);
    if (e && e->key == key)
        return e->width;
    int w = measure_width_uncached(f, px, bold, utf8, len);
    if (!e || f->n_measured >= MEASURE_SLOTS / 4 * 3) {
        fontset_forget_measures(f);
        e = measure_slot(f, key);
    }
    e->key = key;
    e->width = w;
    f->n_measured++;
    return w;
}

static int measure_width_uncached(fontset *f, int px, bool bold, const char *utf8, size_t len)
{
    /* Measured as in a right-to-left screen: a line with a strong RTL character gets an
     * RTL paragraph. The runs are the same in both directions except where the neutral
     * characters between them go, which does not change the sum of their widths. */
    size_t n = layout_line(f, utf8, len, bold, true);
    int total = 0;
    for (size_t i = 0; i < n; i++) {
        const text_run *r = &f->runs[i];
        TTF_Font *font = run_font(f, r, px, bold);
        int w = 0, h = 0;
        if (font && TTF_SizeUTF8(font, f->text + r->off, &w, &h) == 0)
            total += w;
    }
    return total;
}

static int measure_line_height(void *ctx, int px, bool bold)
{
    fontset *f = ctx;
    TTF_Font *font = fontset_font(f, px, bold);
    /* A size that cannot be opened still needs a sane answer for the layout. */
    return font ? TTF_FontLineSkip(font) : px + px / 3;
}

static size_t measure_missing(void *ctx, bool bold, const char *utf8, size_t len,
                              uint32_t *first_missing)
{
    fontset *f = ctx;
    size_t count = 0;
    if (first_missing)
        *first_missing = 0;
    for (size_t i = 0; utf8 && i < len;) {
        uint32_t cp;
        i += (size_t)utf8_decode(utf8 + i, len - i, &cp);
        if (cp_is_space(cp) || cp_is_ignorable(cp))
            continue;
        bool found = false;
        face_for(f, bold, cp, script_of(cp), &found);
        if (found)
            continue;
        if (count == 0 && first_missing)
            *first_missing = cp;
        count++;
    }
    return count;
}

/* ---- the public interface ---- */

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
    font_face *base = &f->faces[FACE_BASE];
    if (!load_first(regular_candidates, "regular", &base->file[0], &why)) {
        if (why.len == 0)
            strbuf_puts(&why, "no candidates given");
        goto fail;
    }
    strbuf bold_why;
    strbuf_init(&bold_why);
    if (!load_first(bold_candidates, "bold", &base->file[1], &bold_why)) {
        fprintf(stderr, "lotse: no bold font (%s); using synthetic bold of %s\n",
                bold_why.len ? bold_why.data : "no candidates", base->file[0].path);
        base->file[1].tried = true; /* no bold file: synthetic bold */
    }
    strbuf_finish(&bold_why);
    for (int face = FACE_BASE + 1; face < FACE_COUNT; face++)
        fontset_set_script_font(f, (fontset_script)(face - 1), NULL, NULL);

    f->measured = xcalloc(MEASURE_SLOTS, sizeof(*f->measured));
    f->measure.ctx = f;
    f->measure.width = measure_width;
    f->measure.line_height = measure_line_height;
    f->measure.missing = measure_missing;
    strbuf_finish(&why);
    return f;

fail:
    if (err)
        *err = xasprintf("cannot load the regular font: %s", why.len ? why.data : "?");
    if (f) {
        file_finish(&f->faces[FACE_BASE].file[0]);
        free(f);
        TTF_Quit();
    }
    strbuf_finish(&why);
    return NULL;
}

void fontset_set_script_font(fontset *f, fontset_script script, const char *regular_path,
                             const char *bold_path)
{
    if (!f || (int)script < 0 || (int)script >= FACE_COUNT - 1)
        return;
    int face = (int)script + 1;
    font_face *fc = &f->faces[face];
    for (int b = 0; b < 2; b++) {
        const char *path = b ? bold_path : regular_path;
        file_finish(&fc->file[b]);
        fc->file[b].path = resolve_path(path ? path : default_paths[face][b]);
    }
    /* The last fallback adds nothing when it is the base font's own file. */
    const char *base_path = f->faces[FACE_BASE].file[0].path;
    fc->disabled = face == FACE_LAST && base_path && strcmp(fc->file[0].path, base_path) == 0;
}

void fontset_destroy(fontset *f)
{
    if (!f)
        return;
    for (int face = 0; face < FACE_COUNT; face++) {
        file_finish(&f->faces[face].file[0]);
        file_finish(&f->faces[face].file[1]);
    }
    free(f->measured);
    free(f->cps);
    free(f->cp_face);
    free(f->levels);
    free(f->text);
    free(f->runs);
    free(f->run_levels);
    free(f->order);
    free(f);
    TTF_Quit();
}

const text_measure *fontset_measure(fontset *f)
{
    return f ? &f->measure : NULL;
}

TTF_Font *fontset_font(fontset *f, int px, bool bold)
{
    return f ? face_font(f, FACE_BASE, px, bold) : NULL;
}

bool fontset_line_rtl(const char *utf8, bool rtl_screen)
{
    return rtl_screen && utf8 && bidi_utf8_has_strong_rtl(utf8, strlen(utf8));
}

SDL_Surface *fontset_render_line(fontset *f, const char *utf8, int px, bool bold, bool rtl_screen,
                                 int *baseline)
{
    if (baseline)
        *baseline = 0;
    if (!f || !utf8)
        return NULL;
    size_t n = layout_line(f, utf8, strlen(utf8), bold, rtl_screen);
    if (n == 0)
        return NULL;
    const SDL_Color white = {255, 255, 255, 255};
    if (n == 1) { /* the common case: TTF's surface is the line */
        TTF_Font *font = run_font(f, &f->runs[0], px, bold);
        SDL_Surface *s =
            font ? TTF_RenderUTF8_Blended(font, f->text + f->runs[0].off, white) : NULL;
        if (s && baseline)
            *baseline = TTF_FontAscent(font);
        return s;
    }

    /* Several runs: render each, then compose them left to right on a common baseline.
     * A run's baseline is its font's ascent from the top of its surface. */
    SDL_Surface **parts = xcalloc(n, sizeof(*parts));
    int *ascent = xcalloc(n, sizeof(*ascent));
    int width = 0, above = 0, below = 0;
    for (size_t i = 0; i < n; i++) {
        TTF_Font *font = run_font(f, &f->runs[i], px, bold);
        if (!font)
            continue;
        parts[i] = TTF_RenderUTF8_Blended(font, f->text + f->runs[i].off, white);
        if (!parts[i])
            continue; /* e.g. a run of zero width */
        ascent[i] = TTF_FontAscent(font);
        width += parts[i]->w;
        if (ascent[i] > above)
            above = ascent[i];
        if (parts[i]->h - ascent[i] > below)
            below = parts[i]->h - ascent[i];
    }
    SDL_Surface *line = NULL;
    if (width > 0 && above + below > 0)
        line =
            SDL_CreateRGBSurfaceWithFormat(0, width, above + below, 32, SDL_PIXELFORMAT_ARGB8888);
    if (line) {
        /* Transparent white, so that blending white glyphs onto it keeps them white. */
        SDL_FillRect(line, NULL, 0x00FFFFFFu);
        int x = 0;
        for (size_t i = 0; i < n; i++) {
            if (!parts[i])
                continue;
            SDL_Rect dst = {x, above - ascent[i], parts[i]->w, parts[i]->h};
            SDL_SetSurfaceBlendMode(parts[i], SDL_BLENDMODE_BLEND);
            SDL_BlitSurface(parts[i], NULL, line, &dst);
            x += parts[i]->w;
        }
        if (baseline)
            *baseline = above;
    }
    for (size_t i = 0; i < n; i++)
        SDL_FreeSurface(parts[i]);
    free(parts);
    free(ascent);
    return line;
}

size_t fontset_loaded_bytes(const fontset *f)
{
    size_t total = 0;
    for (int face = 0; f && face < FACE_COUNT; face++)
        for (int b = 0; b < 2; b++)
            total += f->faces[face].file[b].data ? f->faces[face].file[b].size : 0;
    return total;
}
