/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* phone.h - checking a phone number a parent typed on the kiosk's number pad. Pure. */
#ifndef LOTSE_PHONE_H
#define LOTSE_PHONE_H

#include <stddef.h>

typedef enum phone_result {
    PHONE_OK,
    PHONE_EMPTY,        /* nothing but separators */
    PHONE_BAD_CHAR,     /* something that is not a digit, separator or a leading + */
    PHONE_NO_AREA_CODE, /* a local number without 0 or +: the worker cannot call it */
    PHONE_TOO_SHORT,
    PHONE_TOO_LONG,
} phone_result;

/* Accept German and international formats: "0151 2345678", "(0221) 12 34 56",
 * "0221/123456-0", "+49 151 2345678", "0049 151 2345678", "+90 532 123 45 67".
 * Separators are spaces, '-', '/', '.', and parentheses. A number starts with '+',
 * "00" (international) or '0' (national, German). Digits after the prefix:
 * national 0 + 5..13 digits (6..14 in all); international: 7..15 digits (E.164) with a
 * country code that does not start with 0. On PHONE_OK, out (out_size bytes, at least
 * 20) gets the canonical form: "+<digits>" for international, "0<digits>" for national,
 * with no separators. out is left empty ("") on any other result.
 * Clarified: '+' may follow only separators; a country code starting with 0 ("+0", "000")
 * is PHONE_NO_AREA_CODE; "+49 (0)151" drops the bracketed trunk 0; NULL in, NULL out or
 * out_size < 20 give PHONE_EMPTY (out set to "" if it has a byte). Checked in enum order. */
phone_result phone_check(const char *in, char *out, size_t out_size);

#endif
