/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz.h - what every libFuzzer target in tests/fuzz/ shares: the entry point's prototype
 * (the targets are built with the project's strict warnings, -Wmissing-prototypes
 * included) and small helpers for turning arbitrary input bytes into what an API needs.
 *
 * A target must be deterministic, must not leak, and calls abort() only when an invariant
 * of the code under test is broken (a real bug, not bad input: bad input must be rejected
 * gracefully). The same target file is linked with libFuzzer (scripts/fuzz.sh, clang) and
 * with replay.c (ctest, any compiler). */
#ifndef LOTSE_FUZZ_H
#define LOTSE_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

/* The libFuzzer entry point: run the code under test on data[0..size). Returns 0. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A NUL-terminated heap copy of data[0..size) for APIs that take strings (an embedded NUL
 * simply ends the string early, as it would for a caller). Caller frees. */
static inline char *fuzz_cstr(const uint8_t *data, size_t size)
{
    char *s = xmalloc(size + 1);
    if (size)
        memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

/* An exactly-sized heap copy (at least one byte allocated, so that size 0 is a valid
 * buffer), so that AddressSanitizer catches any read past size. Caller frees. */
static inline char *fuzz_copy(const uint8_t *data, size_t size)
{
    char *s = xmalloc(size ? size : 1);
    if (size)
        memcpy(s, data, size);
    return s;
}

/* A broken invariant: say which, then abort so that libFuzzer and the replay both stop
 * with the input that caused it. */
#define FUZZ_CHECK(cond)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond);           \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

#endif
