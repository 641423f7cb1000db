/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* bidi.h - internal to render/: what the font chooser needs to know about code points
 * (the script; the classes of base/util.h under the names fonts.c uses) and the Unicode
 * bidirectional algorithm (fribidi) for one line of text. No SDL or TTF here. */
#ifndef LOTSE_RENDER_BIDI_H
#define LOTSE_RENDER_BIDI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The scripts the kiosk chooses fonts and shaping for. SCRIPT_COMMON covers what any
 * script uses (spaces, ASCII digits and punctuation, general punctuation, symbols,
 * combining marks, joiners): such a code point stays in the run around it. */
typedef enum script_class {
    SCRIPT_COMMON,
    SCRIPT_LATIN,
    SCRIPT_GREEK,
    SCRIPT_CYRILLIC,
    SCRIPT_HEBREW,
    SCRIPT_ARABIC, /* Arabic, Persian, Pashto, Urdu... (the Arabic-script blocks) */
    SCRIPT_ETHIOPIC,
    SCRIPT_OTHER
} script_class;

script_class script_of(uint32_t cp);

/* The ISO 15924 tag HarfBuzz shapes script with ("Latn", "Arab", ...; "Zyyy" for
 * SCRIPT_COMMON, "Zzzz" for SCRIPT_OTHER). A static string. */
const char *script_tag(script_class script);

/* A bidi formatting character: cp_is_bidi_control of base/util.h (U+061C, U+200E,
 * U+200F, U+202A-U+202E, U+2066-U+2069). It steers the bidi algorithm and is removed
 * before shaping. */
bool bidi_is_control(uint32_t cp);

/* Drawn as nothing: cp_is_format of base/util.h (the bidi controls, U+200B-U+200D,
 * U+00AD, U+034F, U+2060-U+2064, U+FEFF, variation selectors, tags). A font need not
 * provide them. White space is cp_is_space of base/util.h. */
bool cp_is_ignorable(uint32_t cp);

/* A strong right-to-left character (bidi type R or AL). */
bool bidi_is_strong_rtl(uint32_t cp);

/* May cp make the bidi algorithm produce anything but level 0 in a left-to-right
 * paragraph (types R, AL, AN and the explicit and isolate controls)? False for every
 * code point below U+0590. */
bool bidi_needs_levels(uint32_t cp);

/* Does utf8[0..len) hold a strong right-to-left character? Scans the bytes and decodes
 * only from the first lead byte of U+0590 or above. */
bool bidi_utf8_has_strong_rtl(const char *utf8, size_t len);

/* The resolved embedding level of each of cps[0..n) when they form one paragraph and
 * one line, with a left-to-right (rtl false) or right-to-left base direction: rules
 * P2-I2 and L1 of UAX #9 (fribidi). The controls get levels too; the caller drops them.
 * Returns false (levels all set to the base level) if fribidi fails. */
bool bidi_levels(const uint32_t *cps, size_t n, bool rtl, uint8_t *levels);

/* Rule L2 on runs of uniform level: order[i] is the index of the run shown i-th from the
 * left, for runs whose levels are levels[0..n). */
void bidi_visual_order(const uint8_t *levels, size_t n, size_t *order);

#endif
