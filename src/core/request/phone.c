/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* phone.c - see phone.h. The number pad only produces digits, '+' and spaces, but an
 * automation script (or a pasted number) can send anything, so every byte is judged and
 * nothing beyond the canonical form is written. The digits are wiped from the stack
 * afterwards: they are a parent's phone number. */
#include "request/phone.h"

#include <stdbool.h>

#include "base/util.h"

/* The smallest out buffer the contract promises; the longest canonical form is
 * "+" and 15 digits (17 bytes with the NUL). */
#define PHONE_OUT_MIN 20
#define NATIONAL_MIN 5 /* digits after the leading 0 */
#define NATIONAL_MAX 13
#define INTERNATIONAL_MIN 7 /* digits after '+' or "00" (E.164) */
#define INTERNATIONAL_MAX 15
/* Room for "00" and one digit more than the longest international number; further
 * digits are only counted. */
#define DIGITS_KEPT (2 + INTERNATIONAL_MAX + 1)

static bool is_separator(char c)
{
    switch (c) {
    case ' ':
    case '-':
    case '/':
    case '.':
    case '(':
    case ')':
        return true;
    default:
        return false;
    }
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

phone_result phone_check(const char *in, char *out, size_t out_size)
{
    if (out != NULL && out_size > 0)
        out[0] = '\0';
    if (in == NULL || out == NULL || out_size < PHONE_OUT_MIN)
        return PHONE_EMPTY;

    char digits[DIGITS_KEPT];
    size_t n = 0; /* digits seen; only the first DIGITS_KEPT are stored */
    bool plus = false;
    phone_result result = PHONE_OK;

    for (const char *p = in; *p != '\0'; p++) {
        char c = *p;
        if (c == '+') {
            /* Only before the first digit, and only once. */
            if (plus || n > 0) {
                result = PHONE_BAD_CHAR;
                goto done;
            }
            plus = true;
        } else if (is_digit(c)) {
            if (n < DIGITS_KEPT)
                digits[n] = c;
            n++;
        } else if (is_separator(c)) {
            /* "+49 (0)151 ...": the trunk 0 in brackets is not dialled from abroad
             * (qr_payload.c reads numbers the same way). */
            bool international = plus || (n >= 2 && digits[0] == '0' && digits[1] == '0');
            size_t prefix = plus ? 0 : 2;
            if (c == '(' && international && n > prefix && p[1] == '0' && p[2] == ')')
                p += 2;
        } else {
            result = PHONE_BAD_CHAR;
            goto done;
        }
    }

    if (!plus && n == 0) {
        result = PHONE_EMPTY;
        goto done;
    }

    const char *body;
    size_t len;
    bool international;
    if (plus) {
        international = true;
        body = digits;
        len = n;
    } else if (n >= 2 && digits[0] == '0' && digits[1] == '0') {
        international = true;
        body = digits + 2;
        len = n - 2;
    } else if (digits[0] == '0') {
        international = false;
        body = digits + 1;
        len = n - 1;
    } else {
        result = PHONE_NO_AREA_CODE;
        goto done;
    }

    if (international) {
        if (len > 0 && body[0] == '0')
            result = PHONE_NO_AREA_CODE; /* no country code starts with 0 */
        else if (len < INTERNATIONAL_MIN)
            result = PHONE_TOO_SHORT;
        else if (len > INTERNATIONAL_MAX)
            result = PHONE_TOO_LONG;
    } else {
        if (len < NATIONAL_MIN)
            result = PHONE_TOO_SHORT;
        else if (len > NATIONAL_MAX)
            result = PHONE_TOO_LONG;
    }
    if (result != PHONE_OK)
        goto done;

    /* len <= 15 here, so 1 + len + 1 <= 17 < PHONE_OUT_MIN. */
    out[0] = international ? '+' : '0';
    for (size_t i = 0; i < len; i++)
        out[1 + i] = body[i];
    out[1 + len] = '\0';

done:
    secure_zero(digits, sizeof digits);
    return result;
}
