/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* bidi.c - code point classes for the font chooser and the bidi algorithm (fribidi) on
 * one line; see bidi.h. The ranges are the Unicode blocks of the scripts the kiosk
 * shows; everything else is either "common" (stays in the surrounding run) or "other"
 * (the base font, then the last fallback font). */
#include "bidi.h"

#include <stdlib.h>
#include <string.h>

#include <fribidi.h>

#include "base/util.h"

/* Code point counts up to which bidi_levels works on the stack. */
#define LEVELS_STACK 256

script_class script_of(uint32_t cp)
{
    if (cp < 0x80) {
        uint32_t lower = cp | 0x20;
        return lower >= 'a' && lower <= 'z' ? SCRIPT_LATIN : SCRIPT_COMMON;
    }
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
        return SCRIPT_COMMON;
    if (cp < 0x2B0)
        return SCRIPT_LATIN;
    if (cp < 0x370) /* spacing modifier letters, combining diacritical marks */
        return SCRIPT_COMMON;
    if (cp < 0x400)
        return SCRIPT_GREEK;
    if (cp < 0x530)
        return SCRIPT_CYRILLIC;
    if (cp >= 0x590 && cp < 0x600)
        return SCRIPT_HEBREW;
    if ((cp >= 0x600 && cp < 0x700) || (cp >= 0x750 && cp < 0x780) || (cp >= 0x870 && cp < 0x900) ||
        (cp >= 0xFB50 && cp < 0xFE00) || (cp >= 0xFE70 && cp < 0xFF00))
        return SCRIPT_ARABIC;
    if ((cp >= 0x1200 && cp < 0x13A0) || (cp >= 0x2D80 && cp < 0x2DE0) ||
        (cp >= 0xAB00 && cp < 0xAB30) || (cp >= 0x1E7E0 && cp < 0x1E800))
        return SCRIPT_ETHIOPIC;
    if (cp >= 0x1C80 && cp < 0x1C90)
        return SCRIPT_CYRILLIC;
    if ((cp >= 0x1AB0 && cp < 0x1B00) || (cp >= 0x1DC0 && cp < 0x1E00)) /* marks */
        return SCRIPT_COMMON;
    if (cp >= 0x1E00 && cp < 0x1F00)
        return SCRIPT_LATIN;
    if (cp >= 0x1F00 && cp < 0x2000)
        return SCRIPT_GREEK;
    if (cp >= 0x2000 && cp < 0x2C00) /* punctuation, symbols, arrows, shapes */
        return SCRIPT_COMMON;
    if (cp >= 0x2C60 && cp < 0x2C80)
        return SCRIPT_LATIN;
    if ((cp >= 0x2DE0 && cp < 0x2E00) || (cp >= 0xA640 && cp < 0xA6A0))
        return SCRIPT_CYRILLIC;
    if ((cp >= 0x2E00 && cp < 0x2E80) || (cp >= 0x3000 && cp < 0x3040))
        return SCRIPT_COMMON;
    if (cp >= 0xA720 && cp < 0xA800)
        return SCRIPT_LATIN;
    if (cp >= 0xFB1D && cp < 0xFB50)
        return SCRIPT_HEBREW;
    if ((cp >= 0xFE00 && cp < 0xFE10) || (cp >= 0xFE20 && cp < 0xFE70) ||
        (cp >= 0xFFF0 && cp < 0x10000))
        return SCRIPT_COMMON;
    if ((cp >= 0x1F000 && cp < 0x1FB00) || cp >= 0xE0000) /* emoji, symbols, tags */
        return SCRIPT_COMMON;
    return SCRIPT_OTHER;
}

const char *script_tag(script_class script)
{
    switch (script) {
    case SCRIPT_LATIN:
        return "Latn";
    case SCRIPT_GREEK:
        return "Grek";
    case SCRIPT_CYRILLIC:
        return "Cyrl";
    case SCRIPT_HEBREW:
        return "Hebr";
    case SCRIPT_ARABIC:
        return "Arab";
    case SCRIPT_ETHIOPIC:
        return "Ethi";
    case SCRIPT_COMMON:
        return "Zyyy";
    case SCRIPT_OTHER:
        break;
    }
    return "Zzzz";
}

/* The classes themselves are base/util.h's (cp_is_bidi_control, cp_is_format,
 * cp_is_space), shared with the core; these two names are what fonts.c calls. */
bool bidi_is_control(uint32_t cp)
{
    return cp_is_bidi_control(cp);
}

bool cp_is_ignorable(uint32_t cp)
{
    return cp_is_format(cp);
}

bool bidi_is_strong_rtl(uint32_t cp)
{
    if (cp < 0x590)
        return false;
    FriBidiCharType t = fribidi_get_bidi_type(cp);
    return t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL;
}

bool bidi_needs_levels(uint32_t cp)
{
    if (cp < 0x590)
        return false;
    FriBidiCharType t = fribidi_get_bidi_type(cp);
    return FRIBIDI_IS_RTL(t) || FRIBIDI_IS_ARABIC(t) || FRIBIDI_IS_EXPLICIT(t) ||
           FRIBIDI_IS_ISOLATE(t);
}

bool bidi_utf8_has_strong_rtl(const char *utf8, size_t len)
{
    size_t i = 0;
    while (i < len) {
        /* U+0590 is 0xD6 0x90: every lead byte below 0xD6 is a code point below it. */
        if ((unsigned char)utf8[i] < 0xD6) {
            i++;
            continue;
        }
        uint32_t cp;
        i += (size_t)utf8_decode(utf8 + i, len - i, &cp);
        if (bidi_is_strong_rtl(cp))
            return true;
    }
    return false;
}

bool bidi_levels(const uint32_t *cps, size_t n, bool rtl, uint8_t *levels)
{
    if (n == 0)
        return true;
    if (n > (size_t)INT32_MAX / 2) {
        memset(levels, rtl ? 1 : 0, n);
        return false;
    }
    FriBidiCharType types_stack[LEVELS_STACK];
    FriBidiBracketType brackets_stack[LEVELS_STACK];
    FriBidiLevel levels_stack[LEVELS_STACK];
    bool heap = n > LEVELS_STACK;
    FriBidiCharType *types = heap ? xmalloc(n * sizeof(*types)) : types_stack;
    FriBidiBracketType *brackets = heap ? xmalloc(n * sizeof(*brackets)) : brackets_stack;
    FriBidiLevel *lv = heap ? xmalloc(n * sizeof(*lv)) : levels_stack;

    FriBidiStrIndex len = (FriBidiStrIndex)n;
    fribidi_get_bidi_types(cps, len, types);
    /* A space between two digits groups a number ("116 016", "0221 123456"): treat it as a
     * number separator, as a no-break space is, so the groups are not swapped inside
     * right-to-left text. */
    for (size_t i = 1; i + 1 < n; i++)
        if (cps[i] == ' ' && cps[i - 1] >= '0' && cps[i - 1] <= '9' && cps[i + 1] >= '0' &&
            cps[i + 1] <= '9')
            types[i] = FRIBIDI_TYPE_CS;
    fribidi_get_bracket_types(cps, len, types, brackets);
    FriBidiParType base = rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
    bool ok = fribidi_get_par_embedding_levels_ex(types, brackets, len, &base, lv) != 0;
    /* L1 for the end of the line (trailing white space takes the paragraph level); no
     * map or string is passed, so nothing else is reordered. */
    if (ok)
        ok = fribidi_reorder_line(FRIBIDI_FLAGS_DEFAULT, types, len, 0, base, lv, NULL, NULL) != 0;
    for (size_t i = 0; i < n; i++)
        levels[i] = ok && lv[i] >= 0 ? (uint8_t)lv[i] : (uint8_t)(rtl ? 1 : 0);
    if (heap) {
        free(types);
        free(brackets);
        free(lv);
    }
    return ok;
}

void bidi_visual_order(const uint8_t *levels, size_t n, size_t *order)
{
    uint8_t highest = 0, lowest_odd = UINT8_MAX;
    for (size_t i = 0; i < n; i++) {
        order[i] = i;
        if (levels[i] > highest)
            highest = levels[i];
        if ((levels[i] & 1) && levels[i] < lowest_odd)
            lowest_odd = levels[i];
    }
    /* L2: from the highest level down to the lowest odd one, reverse every maximal
     * sequence of runs at that level or higher. */
    for (unsigned level = highest; level >= lowest_odd && level > 0; level--) {
        size_t i = 0;
        while (i < n) {
            if (levels[order[i]] < level) {
                i++;
                continue;
            }
            size_t end = i;
            while (end < n && levels[order[end]] >= level)
                end++;
            for (size_t a = i, b = end - 1; a < b; a++, b--) {
                size_t t = order[a];
                order[a] = order[b];
                order[b] = t;
            }
            i = end;
        }
    }
}
