/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* test_text_render.c - text in every script the kiosk speaks, checked with real fonts
 * and pixels: every sample sentence has its glyphs, Arabic is shaped (joined, right to
 * left), mixed lines are in bidi order, a line without right-to-left letters looks the
 * same on an Arabic screen, and measuring agrees with drawing. Needs the Noto fonts of
 * fonts-noto-core (skipped without the base font). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <fribidi.h>

#include "base/util.h"
#include "bidi.h"
#include "render.h"

#define NOTO "/usr/share/fonts/truetype/noto/"
#define DEJAVU "/usr/share/fonts/truetype/dejavu/"
#define PX 32

static fontset *fonts_new(void)
{
    const char *regs[] = {NOTO "NotoSans-Regular.ttf", DEJAVU "DejaVuSans.ttf", NULL};
    const char *bolds[] = {NOTO "NotoSans-Bold.ttf", DEJAVU "DejaVuSans-Bold.ttf", NULL};
    char *err = NULL;
    fontset *f = fontset_create(regs, bolds, &err);
    if (!f)
        print_error("fontset_create: %s\n", err ? err : "?");
    free(err);
    return f;
}

static int setup(void **state)
{
    FILE *probe = fopen(NOTO "NotoSans-Regular.ttf", "rb");
    if (!probe)
        return -1; /* reported as a failed setup: the kiosk's fonts are not installed */
    fclose(probe);
    fontset *f = fonts_new();
    *state = f;
    return f ? 0 : -1;
}

static int teardown(void **state)
{
    fontset_destroy(*state);
    return 0;
}

static int width_of(fontset *f, const char *s)
{
    const text_measure *m = fontset_measure(f);
    return m->width(m->ctx, PX, false, s, strlen(s));
}

static size_t missing_of(fontset *f, bool bold, const char *s, uint32_t *first)
{
    const text_measure *m = fontset_measure(f);
    return m->missing(m->ctx, bold, s, strlen(s), first);
}

/* Coverage (alpha) of pixel x, y of an ARGB8888 surface; 0 outside. */
static int alpha_at(const SDL_Surface *s, int x, int y)
{
    if (x < 0 || y < 0 || x >= s->w || y >= s->h)
        return 0;
    const uint32_t *row = (const uint32_t *)((const uint8_t *)s->pixels + (size_t)y * s->pitch);
    return (int)(row[x] >> 24);
}

static long ink_total(const SDL_Surface *s)
{
    long sum = 0;
    for (int y = 0; y < s->h; y++)
        for (int x = 0; x < s->w; x++)
            sum += alpha_at(s, x, y);
    return sum;
}

static long ink_in_columns(const SDL_Surface *s, int x0, int x1)
{
    long sum = 0;
    for (int y = 0; y < s->h; y++)
        for (int x = x0; x < x1; x++)
            sum += alpha_at(s, x, y);
    return sum;
}

/* Sum of |alpha differences| between part placed at (px, py) in whole and whole there. */
static long diff_at(const SDL_Surface *whole, const SDL_Surface *part, int px, int py)
{
    long sum = 0;
    for (int y = 0; y < part->h; y++)
        for (int x = 0; x < part->w; x++)
            sum += labs((long)alpha_at(whole, px + x, py + y) - alpha_at(part, x, y));
    return sum;
}

/* The smallest diff_at for part placed within +-slack pixels of (px, py), relative to
 * the part's own ink: 0 is a perfect match, 2 a total miss. */
static double match_near(const SDL_Surface *whole, const SDL_Surface *part, int px, int py,
                         int slack)
{
    long best = -1;
    for (int dy = -slack; dy <= slack; dy++)
        for (int dx = -slack; dx <= slack; dx++) {
            long d = diff_at(whole, part, px + dx, py + dy);
            if (best < 0 || d < best)
                best = d;
        }
    long ink = ink_total(part);
    return ink > 0 ? (double)best / (double)ink : 2.0;
}

static SDL_Surface *render(fontset *f, const char *s, bool rtl_screen, int *baseline)
{
    SDL_Surface *out = fontset_render_line(f, s, PX, false, rtl_screen, baseline);
    assert_non_null(out);
    assert_int_equal(out->format->format, SDL_PIXELFORMAT_ARGB8888);
    return out;
}

/* (a) Every language's sample has its glyphs; what no font has is counted. */
static void test_missing_none_in_samples(void **state)
{
    fontset *f = *state;
    static const char *const samples[] = {
        "مرحبا بكم",                                                                    /* Arabic */
        "خوش آمدید، می‌توانیم کمک کنیم؟ ۱۲۳ گ چ پ ژ", /* Persian,
                                                                                           with ZWNJ
                                                                                           and its
                                                                                           digits */
        "ښه راغلاست ټ ډ ړ ږ ګ ڼ ۍ ې",                                                   /* Pashto */
        "Ласкаво просимо ї є ґ і",              /* Ukrainian */
        "Добро пожаловать ё Ы",                 /* Russian */
        "Добре дошли ъ щ",                      /* Bulgarian */
        "እንቋዕ ብደሓን መጻእኩም፡ ሰላም።",                /* Tigrinya */
        "Hoş geldiniz ğ ı İ ş",                 /* Turkish */
        "Bun venit ș ț ă â î Ș Ț",              /* Romanian */
        "Witamy ż ł ó ą ę ś ć ń ź",             /* Polish */
        "Mirë se vini ë ç",                     /* Albanian */
        "Bi xêr hatin ê î û ş ç",               /* Kurmancî */
        "Soo dhawow! Caawimaad",                /* Somali */
        "Bienvenue ! « Ça va ? » œ é è à",      /* French */
        "Willkommen ÄÖÜß äöü „Hilfe“ – 9:00",   /* German */
        "Welcome – help & advice (free)",       /* English */
        "اتصل: 0221 123456",                    /* mixed Arabic and digits */
        "\u2067اتصل\u2069 \u200E+49 221\u200F", /* bidi controls are not glyphs */
    };
    for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
        for (int bold = 0; bold < 2; bold++) {
            uint32_t first = 1;
            size_t n = missing_of(f, bold, samples[i], &first);
            if (n != 0)
                print_error("sample %zu%s (%s): %zu missing, first U+%04X\n", i,
                            bold ? " bold" : "", samples[i], n, (unsigned)first);
            assert_int_equal(n, 0);
            assert_int_equal(first, 0);
        }
    }
}

static void test_missing_counts_unknown(void **state)
{
    fontset *f = *state;
    uint32_t first = 0;
    /* U+E000 (private use) is in no font here. */
    assert_int_equal(missing_of(f, false, "abc\xee\x80\x80 d", &first), 1);
    assert_int_equal(first, 0xE000);
    assert_int_equal(missing_of(f, true, "\xee\x80\x81 x \xee\x80\x80", &first), 2);
    assert_int_equal(first, 0xE001);
    /* Spaces, line breaks and default ignorables are never "missing". */
    assert_int_equal(missing_of(f, false, "a\u200Bb\u00AD\n\u2060c\uFE0F", NULL), 0);
}

/* The script fonts are read from disk only when their script appears. */
static void test_script_fonts_lazy(void **state)
{
    (void)state;
    fontset *f = fonts_new();
    assert_non_null(f);
    size_t base = fontset_loaded_bytes(f);
    assert_true(base > 0);
    assert_true(width_of(f, "Hallo, Київ! 0221 123456") > 0);
    assert_int_equal(fontset_loaded_bytes(f), base);
    assert_true(width_of(f, "مرحبا") > 0);
    size_t with_arabic = fontset_loaded_bytes(f);
    assert_true(with_arabic > base);
    assert_true(width_of(f, "ሰላም") > 0);
    assert_true(fontset_loaded_bytes(f) > with_arabic);
    fontset_destroy(f);
}

/* A bidi control is drawn as nothing and needs no font: U+061C ARABIC LETTER MARK in a
 * line of digits and Latin letters (a time on an Arabic screen) is neither "missing" nor
 * a reason to read the 1 MB Arabic font from disk, just as LRM and RLM are not. */
static void test_bidi_marks_need_no_font(void **state)
{
    (void)state;
    fontset *f = fonts_new();
    assert_non_null(f);
    size_t base = fontset_loaded_bytes(f);
    const char *marked[] = {"\u061C12:30 Uhr", "12:30\u200E Uhr", "\u200F12:30 Uhr",
                            "\u206712:30 Uhr\u2069"};
    int plain = width_of(f, "12:30 Uhr");
    for (size_t i = 0; i < sizeof(marked) / sizeof(marked[0]); i++) {
        uint32_t first = 0;
        assert_int_equal(missing_of(f, false, marked[i], &first), 0);
        assert_int_equal(first, 0);
        /* Widths are summed per run in fractional pixels: a mark that splits the line
         * into runs may round one pixel differently, never more. */
        int w = width_of(f, marked[i]);
        if (w < plain - 1 || w > plain + 1)
            fail_msg("line %zu is %d px wide, the unmarked one %d px", i, w, plain);
        if (fontset_loaded_bytes(f) != base)
            fail_msg("line %zu loaded a script font for a bidi mark", i);
    }
    fontset_destroy(f);
}

/* The bidi controls of base/util.h are exactly the code points fribidi treats as
 * explicit embeddings, overrides, isolates and their terminators, plus the three marks
 * (ALM is of type AL, RLM R, LRM L). */
static void test_bidi_controls_match_fribidi(void **state)
{
    (void)state;
    for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
        FriBidiCharType t = fribidi_get_bidi_type(cp);
        bool explicit = FRIBIDI_IS_EXPLICIT(t) || FRIBIDI_IS_ISOLATE(t);
        cp_bidi kind = cp_bidi_kind(cp);
        bool ours = kind != CP_BIDI_NONE && kind != CP_BIDI_MARK;
        if (ours != explicit)
            fail_msg("U+%04X: util says %d, fribidi says %d", (unsigned)cp, ours, explicit);
    }
    assert_int_equal(fribidi_get_bidi_type(0x061C), FRIBIDI_TYPE_AL);
    assert_int_equal(fribidi_get_bidi_type(0x200F), FRIBIDI_TYPE_RTL);
    assert_int_equal(fribidi_get_bidi_type(0x200E), FRIBIDI_TYPE_LTR);
    assert_true(bidi_is_control(0x061C) && cp_is_ignorable(0x061C));
}

/* (b) Arabic is shaped: joined letters, right to left. */
static void test_arabic_joined(void **state)
{
    fontset *f = *state;
    const char *joined = "سلام";
    const char *apart = "س\u200Cل\u200Cا\u200Cم"; /* ZWNJ: each letter in isolated form */
    int wj = width_of(f, joined), wa = width_of(f, apart);
    assert_true(wj > 0);
    assert_true(wj * 10 < wa * 9); /* joined forms are clearly narrower */

    SDL_Surface *sj = render(f, joined, true, NULL);
    SDL_Surface *sa = render(f, apart, true, NULL);
    assert_int_equal(sj->w, wj);
    assert_int_equal(sa->w, wa);
    SDL_FreeSurface(sj);

    /* Right to left, reversed exactly once: the first letter (seen) is at the right end
     * of the isolated rendering, the last (meem) at the left end. */
    int b_apart = 0, b_seen = 0, b_meem = 0;
    SDL_FreeSurface(sa);
    sa = render(f, apart, true, &b_apart);
    SDL_Surface *seen = render(f, "س", true, &b_seen);
    SDL_Surface *meem = render(f, "م", true, &b_meem);
    assert_true(match_near(sa, seen, sa->w - seen->w, b_apart - b_seen, 2) < 0.15);
    assert_true(match_near(sa, meem, 0, b_apart - b_meem, 2) < 0.15);
    assert_true(match_near(sa, seen, 0, b_apart - b_seen, 2) > 0.5);
    SDL_FreeSurface(seen);
    SDL_FreeSurface(meem);
    SDL_FreeSurface(sa);
}

/* (b) Digits after an Arabic word come visually on its left in an RTL paragraph (and,
 * by the bidi algorithm, also in an LTR one: numbers after Arabic letters belong to the
 * right-to-left text); the Arabic word itself is drawn unchanged. */
static void test_rtl_digits_left(void **state)
{
    fontset *f = *state;
    int b_word = 0;
    SDL_Surface *word = render(f, "سلام", true, &b_word);
    for (int screen_rtl = 1; screen_rtl >= 0; screen_rtl--) {
        int b_line = 0;
        SDL_Surface *line = render(f, "سلام 123", screen_rtl, &b_line);
        assert_int_equal(line->w, width_of(f, "سلام 123"));
        int rest = line->w - word->w; /* the digits and the space */
        assert_true(rest > 0);
        /* The word at the right end, the digits' ink left of it. */
        assert_true(match_near(line, word, line->w - word->w, b_line - b_word, 2) < 0.15);
        assert_true(match_near(line, word, 0, b_line - b_word, 2) > 0.5);
        assert_true(ink_in_columns(line, 0, rest / 2) > 0);
        SDL_FreeSurface(line);
    }
    SDL_FreeSurface(word);

    /* A Latin word after an Arabic one: on its left in an RTL paragraph, on its right in
     * an LTR one. */
    int b_rtl = 0, b_ltr = 0, b_abc = 0;
    SDL_Surface *rtl = render(f, "سلام abc", true, &b_rtl);
    SDL_Surface *ltr = render(f, "سلام abc", false, &b_ltr);
    SDL_Surface *abc = render(f, "abc", false, &b_abc);
    /* The same runs, but the space between them goes with the Arabic word in one and
     * stands alone in the other; with light hinting advances are fractional and each
     * run's width is rounded up, so the two may differ by that one pixel. */
    assert_true(abs(rtl->w - ltr->w) <= 1);
    assert_true(match_near(rtl, abc, 0, b_rtl - b_abc, 1) < 0.05);
    assert_true(match_near(ltr, abc, ltr->w - abc->w, b_ltr - b_abc, 1) < 0.05);
    SDL_FreeSurface(rtl);
    SDL_FreeSurface(ltr);
    SDL_FreeSurface(abc);
}

/* A Latin word inside an Arabic sentence keeps its own order (no double reversal). */
static void test_latin_inside_arabic(void **state)
{
    fontset *f = *state;
    int b_line = 0, b_word = 0;
    SDL_Surface *line = render(f, "مرحبا Lotse", true, &b_line);
    SDL_Surface *word = render(f, "Lotse", true, &b_word);
    SDL_Surface *drow = render(f, "estoL", true, NULL);
    assert_true(match_near(line, word, 0, b_line - b_word, 1) < 0.05);
    assert_true(match_near(line, drow, 0, b_line - b_word, 1) > 0.3);
    SDL_FreeSurface(line);
    SDL_FreeSurface(word);
    SDL_FreeSurface(drow);
}

/* (c) A line without right-to-left letters looks the same on an Arabic screen. */
static void test_ltr_line_same_on_rtl_screen(void **state)
{
    fontset *f = *state;
    static const char *const lines[] = {"0221 123456", "+49 (221) 123-456, 9:00–12:00 Uhr",
                                        "www.example.org/hilfe?x=1", "Київ — Odesa"};
    for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
        assert_false(fontset_line_rtl(lines[i], true));
        int b1 = 0, b2 = 0;
        SDL_Surface *a = render(f, lines[i], false, &b1);
        SDL_Surface *b = render(f, lines[i], true, &b2);
        assert_int_equal(a->w, b->w);
        assert_int_equal(a->h, b->h);
        assert_int_equal(b1, b2);
        assert_int_equal(diff_at(a, b, 0, 0), 0);
        SDL_FreeSurface(a);
        SDL_FreeSurface(b);
    }
    assert_true(fontset_line_rtl("اتصل: 0221 123456", true));
    assert_false(fontset_line_rtl("اتصل: 0221 123456", false));
}

/* Bidi controls steer the order and are not drawn. */
static void test_bidi_controls(void **state)
{
    fontset *f = *state;
    int b1 = 0, b2 = 0;
    SDL_Surface *plain = render(f, "abc 12", false, &b1);
    SDL_Surface *marked = render(f, "abc\u200E 12\u200E", false, &b2);
    assert_int_equal(plain->w, marked->w);
    assert_int_equal(diff_at(plain, marked, 0, 0), 0);
    SDL_FreeSurface(plain);
    SDL_FreeSurface(marked);

    /* In an Arabic sentence the time range "9:00–12:00" reads right to left (the dash is a
     * neutral between two numbers); isolated with LRI ... PDI it keeps its order. Same
     * width, different pixels. */
    const char *bare = "اليوم 9:00–12:00";
    const char *isolated = "اليوم \u20669:00–12:00\u2069";
    SDL_Surface *a = render(f, bare, true, NULL);
    SDL_Surface *b = render(f, isolated, true, NULL);
    assert_int_equal(a->w, b->w);
    assert_int_equal(width_of(f, bare), width_of(f, isolated));
    assert_true(diff_at(a, b, 0, 0) > 0);
    SDL_FreeSurface(a);
    SDL_FreeSurface(b);

    /* A phone number's groups ("116 016", "0221 123456") stay in order inside Arabic text
     * without any control character: the renderer keeps a space between digits as a
     * number separator. */
    const char *phone = "اتصل 0221 123456";
    const char *phone_iso = "اتصل \u20660221 123456\u2069";
    a = render(f, phone, true, NULL);
    b = render(f, phone_iso, true, NULL);
    assert_int_equal(a->w, b->w);
    assert_int_equal(diff_at(a, b, 0, 0), 0);
    SDL_FreeSurface(a);
    SDL_FreeSurface(b);
}

/* The layout's width is the drawn width, in every script. */
static void test_measure_matches_render(void **state)
{
    fontset *f = *state;
    static const char *const lines[] = {
        "Willkommen", "Ласкаво просимо", "እንቋዕ ብደሓን መጻእኩም 2026", "مرحبا بكم في Lotse (Kita) 12:30",
        "ښه راغلاست", "Γειά σας",        "a\xee\x80\x80z",       "(سلام)",
    };
    for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
        SDL_Surface *s = render(f, lines[i], true, NULL);
        assert_int_equal(s->w, width_of(f, lines[i]));
        SDL_FreeSurface(s);
    }
    assert_null(fontset_render_line(f, "", PX, false, false, NULL));
    assert_null(fontset_render_line(f, "\u200E\u2066\u2069", PX, false, true, NULL));
    assert_int_equal(width_of(f, "\u200E"), 0);
}

static void test_visual_order(void **state)
{
    (void)state;
    size_t order[5];
    const uint8_t ltr[] = {0, 0, 0};
    bidi_visual_order(ltr, 3, order);
    assert_int_equal(order[0], 0);
    assert_int_equal(order[2], 2);
    const uint8_t mixed[] = {1, 2, 1, 2, 1}; /* RTL text with two numbers */
    bidi_visual_order(mixed, 5, order);
    const size_t want[] = {4, 3, 2, 1, 0};
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(order[i], want[i]);
    const uint8_t nested[] = {0, 1, 2, 1, 0}; /* "a ARABIC 12 ARABIC b" */
    bidi_visual_order(nested, 5, order);
    const size_t want2[] = {0, 3, 2, 1, 4};
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(order[i], want2[i]);
    assert_int_equal(script_of(0x0628), SCRIPT_ARABIC);
    assert_int_equal(script_of(0x1208), SCRIPT_ETHIOPIC);
    assert_int_equal(script_of('5'), SCRIPT_COMMON);
    assert_int_equal(script_of(0x0457), SCRIPT_CYRILLIC);
}

/* Through the renderer: on an Arabic screen a phone number looks as on a German one,
 * and Arabic text at ALIGN_START sits at the right. */
static void draw_one(fontset *f, SDL_Surface *target, bool rtl, const char *text, dl_align align)
{
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(target);
    assert_non_null(r);
    renderer *rd = renderer_create(r, f);
    dl *d = dl_create("test", rtl ? "ar" : "de", rtl, target->w, target->h);
    d->background = 0xFFFFFF;
    dl_elem *e = dl_push(d, ROLE_TEXT, "t", text);
    e->x = 10;
    e->y = 10;
    e->w = target->w - 20;
    e->h = target->h - 20;
    e->fg = 0x000000;
    e->font_px = PX;
    e->align = align;
    renderer_draw(rd, d);
    SDL_RenderPresent(r);
    dl_destroy(d);
    renderer_destroy(rd);
    SDL_DestroyRenderer(r);
}

static long dark_in_columns(const SDL_Surface *s, int x0, int x1)
{
    long sum = 0;
    for (int y = 0; y < s->h; y++) {
        const uint32_t *row = (const uint32_t *)((const uint8_t *)s->pixels + (size_t)y * s->pitch);
        for (int x = x0; x < x1; x++)
            sum += 255 - (int)(row[x] & 0xFF);
    }
    return sum;
}

static void test_renderer_directions(void **state)
{
    fontset *f = *state;
    SDL_Surface *a = SDL_CreateRGBSurfaceWithFormat(0, 600, 80, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Surface *b = SDL_CreateRGBSurfaceWithFormat(0, 600, 80, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(a);
    assert_non_null(b);
    draw_one(f, a, false, "0221 123456", ALIGN_CENTER);
    draw_one(f, b, true, "0221 123456", ALIGN_CENTER);
    assert_int_equal(memcmp(a->pixels, b->pixels, (size_t)a->pitch * (size_t)a->h), 0);
    assert_true(dark_in_columns(a, 0, 600) > 0);

    draw_one(f, b, true, "مرحبا بكم", ALIGN_START);
    assert_true(dark_in_columns(b, 300, 600) > 0);
    assert_int_equal(dark_in_columns(b, 0, 300), 0);
    SDL_FreeSurface(a);
    SDL_FreeSurface(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_missing_none_in_samples),
        cmocka_unit_test(test_missing_counts_unknown),
        cmocka_unit_test(test_script_fonts_lazy),
        cmocka_unit_test(test_bidi_marks_need_no_font),
        cmocka_unit_test(test_bidi_controls_match_fribidi),
        cmocka_unit_test(test_arabic_joined),
        cmocka_unit_test(test_rtl_digits_left),
        cmocka_unit_test(test_latin_inside_arabic),
        cmocka_unit_test(test_ltr_line_same_on_rtl_screen),
        cmocka_unit_test(test_bidi_controls),
        cmocka_unit_test(test_measure_matches_render),
        cmocka_unit_test(test_visual_order),
        cmocka_unit_test(test_renderer_directions),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
