/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_phone.c - libFuzzer target for the phone number check (core/phone.h): phone_check
 * on the input as a NUL-terminated string, into exactly-sized output buffers of 0, 19, 20
 * and 32 bytes (ASan sees a write past any of them). Invariants from phone.h: below 20
 * bytes the result is PHONE_EMPTY with out "" (if it has a byte); with room, 20 and 32
 * bytes give the same result and text; PHONE_OK gives "+" or "0" and digits (at most 15
 * after a "+", 14 digits in all for a national number), anything else gives "". */
#include <stdbool.h>

#include "request/phone.h"
#include "fuzz.h"

static const size_t SIZES[] = {0, 19, 20, 32};

static void check_canonical(const char *out)
{
    size_t n = strlen(out);
    FUZZ_CHECK(out[0] == '+' || out[0] == '0');
    for (size_t i = 1; i < n; i++)
        FUZZ_CHECK(out[i] >= '0' && out[i] <= '9');
    if (out[0] == '+')
        FUZZ_CHECK(n >= 1 + 7 && n <= 1 + 15 && out[1] != '0');
    else
        FUZZ_CHECK(n >= 1 + 5 && n <= 1 + 13);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *in = fuzz_cstr(data, size);
    phone_result results[ARRAY_LEN(SIZES)];
    char *outs[ARRAY_LEN(SIZES)];
    for (size_t i = 0; i < ARRAY_LEN(SIZES); i++) {
        size_t n = SIZES[i];
        outs[i] = xmalloc(n ? n : 1);
        memset(outs[i], 'X', n ? n : 1);
        /* Size 0: a valid pointer to a buffer the function must not touch. */
        results[i] = phone_check(in, outs[i], n);
        if (n < 20) {
            FUZZ_CHECK(results[i] == PHONE_EMPTY);
            FUZZ_CHECK(n == 0 ? outs[i][0] == 'X' : outs[i][0] == '\0');
        } else {
            FUZZ_CHECK(memchr(outs[i], '\0', n) != NULL);
            if (results[i] == PHONE_OK)
                check_canonical(outs[i]);
            else
                FUZZ_CHECK(outs[i][0] == '\0');
        }
    }
    FUZZ_CHECK(results[2] == results[3] && strcmp(outs[2], outs[3]) == 0);
    /* The canonical form is a fixed point. */
    if (results[3] == PHONE_OK) {
        char again[32];
        FUZZ_CHECK(phone_check(outs[3], again, sizeof(again)) == PHONE_OK);
        FUZZ_CHECK(strcmp(again, outs[3]) == 0);
    }
    FUZZ_CHECK(phone_check(NULL, outs[3], 32) == PHONE_EMPTY && outs[3][0] == '\0');
    FUZZ_CHECK(phone_check(in, NULL, 32) == PHONE_EMPTY);
    for (size_t i = 0; i < ARRAY_LEN(SIZES); i++)
        free(outs[i]);
    free(in);
    return 0;
}
