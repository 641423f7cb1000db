/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* floor.c - the floor the kiosk's start-up is measured against (bench/compare.py): a bare
 * SDL2 + SDL2_ttf + libqrencode program that draws the same kind of screen as the
 * kiosk's home screen and does nothing else. No content files, no translations, no
 * database, no layout engine, no caches: the texts are fixed strings at the sizes the
 * kiosk's layout chose for the demo site's home screen (read from its `dump`), drawn
 * once each.
 *
 *   lotse-floor [--png FILE]
 *
 * It opens what the kiosk opens headless (SDL_VIDEODRIVER=offscreen if unset, the
 * software renderer, a 1280x800 window), opens the same Noto fonts (regular and bold of
 * Noto Sans, the bold Arabic and Ethiopic faces for the language names) with the same
 * hinting the kiosk chose (TTF_HINTING_LIGHT, src/render/fonts.c), draws a background, the
 * rounded boxes of the home screen (anti-aliased corners from one disc texture), 35
 * text lines (the greeting, the 18 language names in their scripts, the next
 * consultation hours, "Hilfe finden", the emergency strip), one QR code, and presents.
 * Then it prints {"first_frame_at_ms": T, "main_to_first_frame_ms": D} (CLOCK_MONOTONIC
 * at the return of the first SDL_RenderPresent, as `lotse --bench` prints it) and, with
 * --png, writes the frame as a PNG as the kiosk's `screenshot` does, and exits. */
#include <png.h>
#include <qrencode.h>
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define W 1280
#define H 800
#define NOTO "/usr/share/fonts/truetype/noto/"

enum { F_REG, F_BOLD, F_AR, F_ETHI, F_COUNT };
static const char *const font_files[F_COUNT] = {
    NOTO "NotoSans-Regular.ttf", NOTO "NotoSans-Bold.ttf", NOTO "NotoSansArabic-Bold.ttf",
    NOTO "NotoSansEthiopic-Bold.ttf"};

typedef struct line {
    int font, px;
    uint32_t rgb;
    int x, y, w; /* w > 0: centred in x..x+w */
    const char *text;
} line;

/* The home screen of the demo site in German (2026-03-10 08:55), as the kiosk lays it
 * out: places and pixel sizes from its display list. */
static const line lines[] = {
    {F_BOLD, 50, 0x1a1a1a, 48, 50, 0, "Willkommen! Hier finden Sie Hilfe."},
    {F_REG, 30, 0x4a4a4a, 48, 130, 0, "Kita Sonnenblume"},
    {F_REG, 26, 0x4a4a4a, 900, 44, 0, "Dienstag, 10.3. · 8:55 Uhr"},
    {F_REG, 22, 0x6b4e00, 932, 98, 300, "Demo-Inhalt – erfunden"},
    {F_BOLD, 24, 0x1a1a1a, 48, 196, 189, "Deutsch"},
    {F_BOLD, 21, 0x1a1a1a, 247, 186, 189, "Einfache"},
    {F_BOLD, 21, 0x1a1a1a, 247, 212, 189, "Sprache"},
    {F_BOLD, 24, 0x1a1a1a, 446, 196, 189, "English"},
    {F_BOLD, 24, 0x1a1a1a, 645, 196, 189, "Türkçe"},
    {F_AR, 24, 0x1a1a1a, 844, 196, 189, "العربية"},
    {F_AR, 24, 0x1a1a1a, 1043, 196, 189, "فارسی"},
    {F_AR, 24, 0x1a1a1a, 48, 264, 189, "پښتو"},
    {F_BOLD, 24, 0x1a1a1a, 247, 264, 189, "Kurmancî"},
    {F_BOLD, 24, 0x1a1a1a, 446, 264, 189, "Русский"},
    {F_BOLD, 24, 0x1a1a1a, 645, 264, 189, "Українська"},
    {F_BOLD, 24, 0x1a1a1a, 844, 264, 189, "Polski"},
    {F_BOLD, 24, 0x1a1a1a, 1043, 264, 189, "Română"},
    {F_BOLD, 24, 0x1a1a1a, 48, 332, 189, "Български"},
    {F_BOLD, 24, 0x1a1a1a, 247, 332, 189, "Shqip"},
    {F_BOLD, 19, 0x1a1a1a, 446, 324, 189, "Bosanski/"},
    {F_BOLD, 19, 0x1a1a1a, 446, 348, 189, "Hrvatski/Srpski"},
    {F_BOLD, 24, 0x1a1a1a, 645, 332, 189, "Français"},
    {F_ETHI, 24, 0x1a1a1a, 844, 332, 189, "ትግርኛ"},
    {F_BOLD, 24, 0x1a1a1a, 1043, 332, 189, "Soomaali"},
    {F_REG, 26, 0x4a4a4a, 172, 420, 0, "Die Kita-Sozialarbeit ist das nächste Mal hier:"},
    {F_BOLD, 30, 0x1a1a1a, 172, 460, 0, "Anna Beispiel"},
    {F_BOLD, 40, 0x1f5fa8, 172, 504, 0, "Heute 9:00–12:00 Uhr"},
    {F_REG, 24, 0x4a4a4a, 172, 568, 0, "Danach:"},
    {F_REG, 28, 0x1a1a1a, 172, 604, 0, "Donnerstag 12.3. 14:00–16:00"},
    {F_REG, 28, 0x1a1a1a, 172, 644, 0, "Dienstag 17.3. 9:00–12:00"},
    {F_BOLD, 40, 0xffffff, 856, 560, 360, "Hilfe finden"},
    {F_BOLD, 26, 0xffffff, 0, 736, W,
     "Notruf: 110 Polizei · 112 Feuerwehr und Rettungsdienst · 116 016 Hilfe für Frauen"},
};

typedef struct box {
    int x, y, w, h, r;
    uint32_t rgb;
} box;

static const box boxes[] = {
    {932, 90, 300, 44, 10, 0xfff1c2},   {48, 396, 760, 292, 18, 0xffffff},
    {840, 396, 392, 292, 18, 0x1f5fa8}, {0, 712, W, 88, 0, 0xb3261e},
    {1004, 420, 64, 64, 32, 0xffffff},  {76, 424, 72, 72, 36, 0x1f5fa8},
};

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void set_rgb(SDL_Renderer *r, uint32_t rgb)
{
    SDL_SetRenderDrawColor(r, (Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, 255);
}

/* A white anti-aliased disc of radius r (alpha = covered fraction, 4x4 samples). */
static SDL_Texture *disc_texture(SDL_Renderer *rd, int r)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 2 * r, 2 * r, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return NULL;
    for (int y = 0; y < 2 * r; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + y * s->pitch);
        for (int x = 0; x < 2 * r; x++) {
            int in = 0;
            for (int sy = 0; sy < 4; sy++)
                for (int sx = 0; sx < 4; sx++) {
                    double dx = x + (sx + 0.5) / 4 - r, dy = y + (sy + 0.5) / 4 - r;
                    in += dx * dx + dy * dy <= (double)r * r;
                }
            row[x] = (Uint32)(in * 255 / 16) << 24 | 0xFFFFFFu;
        }
    }
    SDL_Texture *t = SDL_CreateTextureFromSurface(rd, s);
    SDL_FreeSurface(s);
    if (t)
        SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    return t;
}

static void draw_box(SDL_Renderer *rd, const box *b)
{
    set_rgb(rd, b->rgb);
    int r = b->r;
    if (r == 0) {
        SDL_Rect all = {b->x, b->y, b->w, b->h};
        SDL_RenderFillRect(rd, &all);
        return;
    }
    SDL_Rect mid = {b->x, b->y + r, b->w, b->h - 2 * r};
    SDL_Rect top = {b->x + r, b->y, b->w - 2 * r, r};
    SDL_Rect bottom = {b->x + r, b->y + b->h - r, b->w - 2 * r, r};
    SDL_RenderFillRect(rd, &mid);
    SDL_RenderFillRect(rd, &top);
    SDL_RenderFillRect(rd, &bottom);
    SDL_Texture *d = disc_texture(rd, r);
    if (!d)
        return;
    SDL_SetTextureColorMod(d, (Uint8)(b->rgb >> 16), (Uint8)(b->rgb >> 8), (Uint8)b->rgb);
    for (int c = 0; c < 4; c++) {
        int cx = c & 1, cy = c >> 1;
        SDL_Rect src = {cx * r, cy * r, r, r};
        SDL_Rect dst = {b->x + cx * (b->w - r), b->y + cy * (b->h - r), r, r};
        SDL_RenderCopy(rd, d, &src, &dst);
    }
    SDL_DestroyTexture(d);
}

static void draw_line(SDL_Renderer *rd, TTF_Font *font, const line *l)
{
    if (l->font == F_AR) {
        TTF_SetFontScriptName(font, "Arab");
        TTF_SetFontDirection(font, TTF_DIRECTION_RTL);
    } else if (l->font == F_ETHI) {
        TTF_SetFontScriptName(font, "Ethi");
    }
    SDL_Color white = {255, 255, 255, 255};
    SDL_Surface *s = TTF_RenderUTF8_Blended(font, l->text, white);
    if (!s)
        return;
    SDL_Texture *t = SDL_CreateTextureFromSurface(rd, s);
    if (t) {
        SDL_SetTextureColorMod(t, (Uint8)(l->rgb >> 16), (Uint8)(l->rgb >> 8), (Uint8)l->rgb);
        SDL_Rect dst = {l->w > 0 ? l->x + (l->w - s->w) / 2 : l->x, l->y, s->w, s->h};
        SDL_RenderCopy(rd, t, NULL, &dst);
        SDL_DestroyTexture(t);
    }
    SDL_FreeSurface(s);
}

static void draw_qr(SDL_Renderer *rd, int x, int y, int size)
{
    QRcode *q = QRcode_encodeString("https://www.berlin.de/familie/de/informationen/", 0,
                                    QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!q)
        return;
    int m = size / (q->width + 8), off = (size - m * q->width) / 2;
    set_rgb(rd, 0xffffff);
    SDL_Rect bg = {x, y, size, size};
    SDL_RenderFillRect(rd, &bg);
    set_rgb(rd, 0x000000);
    for (int j = 0; j < q->width; j++)
        for (int i = 0; i < q->width; i++)
            if (q->data[j * q->width + i] & 1) {
                SDL_Rect dot = {x + off + i * m, y + off + j * m, m, m};
                SDL_RenderFillRect(rd, &dot);
            }
    QRcode_free(q);
}

static int write_png(SDL_Renderer *rd, const char *path)
{
    volatile int rc = 1; /* set after setjmp */
    Uint8 *px = malloc((size_t)W * H * 3);
    FILE *f = px ? fopen(path, "wb") : NULL;
    png_structp p = f ? png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL) : NULL;
    png_infop info = p ? png_create_info_struct(p) : NULL;
    if (!info || SDL_RenderReadPixels(rd, NULL, SDL_PIXELFORMAT_RGB24, px, W * 3) != 0)
        goto out;
    if (setjmp(png_jmpbuf(p)))
        goto out;
    png_init_io(p, f);
    png_set_IHDR(p, info, W, H, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(p, info);
    for (int y = 0; y < H; y++)
        png_write_row(p, px + (size_t)y * W * 3);
    png_write_end(p, NULL);
    rc = 0;
out:
    if (p)
        png_destroy_write_struct(&p, info ? &info : NULL);
    if (f && fclose(f) != 0)
        rc = 1;
    free(px);
    return rc;
}

int main(int argc, char **argv)
{
    double t_main = now_ms();
    const char *png = argc == 3 && strcmp(argv[1], "--png") == 0 ? argv[2] : NULL;
    if (argc != 1 && !png) {
        fprintf(stderr, "usage: lotse-floor [--png FILE]\n");
        return 2;
    }
    if (!getenv("SDL_VIDEODRIVER"))
        SDL_setenv("SDL_VIDEODRIVER", "offscreen", 1);
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "lotse-floor: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Window *win = SDL_CreateWindow("floor", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, W,
                                       H, SDL_WINDOW_SHOWN);
    SDL_Renderer *rd = win ? SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE) : NULL;
    if (!rd) {
        fprintf(stderr, "lotse-floor: %s\n", SDL_GetError());
        return 1;
    }
    /* One TTF_Font per (file, size), opened when first drawn. */
    enum { MAX_FONTS = 32 };
    struct {
        int file, px;
        TTF_Font *font;
    } open[MAX_FONTS];
    int n_open = 0;

    set_rgb(rd, 0xf8f5f0);
    SDL_RenderClear(rd);
    for (size_t i = 0; i < sizeof(boxes) / sizeof(boxes[0]); i++)
        draw_box(rd, &boxes[i]);
    for (int row = 0; row < 3; row++) /* the 18 language buttons */
        for (int col = 0; col < 6; col++) {
            box b = {48 + col * 199, 184 + row * 68, 189, 58, 12, 0xece6da};
            draw_box(rd, &b);
        }
    for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
        const line *l = &lines[i];
        TTF_Font *font = NULL;
        for (int k = 0; k < n_open && !font; k++)
            if (open[k].file == l->font && open[k].px == l->px)
                font = open[k].font;
        if (!font && n_open < MAX_FONTS) {
            font = TTF_OpenFont(font_files[l->font], l->px);
            if (!font) {
                fprintf(stderr, "lotse-floor: %s: %s\n", font_files[l->font], TTF_GetError());
                return 1;
            }
            TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
            open[n_open].file = l->font;
            open[n_open].px = l->px;
            open[n_open++].font = font;
        }
        if (font)
            draw_line(rd, font, l);
    }
    draw_qr(rd, 630, 500, 160);
    SDL_RenderPresent(rd);
    double t_first = now_ms();
    printf("{\"first_frame_at_ms\": %.3f, \"main_to_first_frame_ms\": %.3f}\n", t_first,
           t_first - t_main);
    fflush(stdout);
    int rc = png ? write_png(rd, png) : 0;
    for (int k = 0; k < n_open; k++)
        TTF_CloseFont(open[k].font);
    SDL_DestroyRenderer(rd);
    SDL_DestroyWindow(win);
    TTF_Quit();
    SDL_Quit();
    return rc;
}
