/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_request.c - libFuzzer target for the v1 request plaintext (core/request.h).
 * request_parse on the input as it is, and on the input cut or zero-padded to exactly
 * REQUEST_PLAIN_BYTES (only that size can parse, so most of the fuzzer's inputs reach the
 * field checks this way). Invariants: a failed parse leaves *out all zeros and gives a
 * message; a parsed request is valid, and serializing it gives back the same bytes. */
#include <stdbool.h>

#include "request/request.h"
#include "fuzz.h"

static bool all_zero(const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        if (b[i])
            return false;
    return true;
}

static void check(const unsigned char *in, size_t len)
{
    request r;
    memset(&r, 0xA5, sizeof(r));
    char *err = NULL;
    bool ok = request_parse(in, len, &r, &err);
    if (!ok) {
        FUZZ_CHECK(err != NULL && all_zero(&r, sizeof(r)));
        free(err);
        return;
    }
    FUZZ_CHECK(err == NULL && len == REQUEST_PLAIN_BYTES);
    char *verr = NULL;
    bool valid = request_valid(&r, &verr);
    FUZZ_CHECK(valid && verr == NULL);
    unsigned char *out = xmalloc(REQUEST_PLAIN_BYTES);
    FUZZ_CHECK(!request_serialize(&r, out, REQUEST_PLAIN_BYTES - 1));
    FUZZ_CHECK(request_serialize(&r, out, REQUEST_PLAIN_BYTES));
    FUZZ_CHECK(memcmp(out, in, REQUEST_PLAIN_BYTES) == 0);
    /* Parsing without a message pointer works the same. */
    request again;
    FUZZ_CHECK(request_parse(out, REQUEST_PLAIN_BYTES, &again, NULL));
    FUZZ_CHECK(memcmp(&again, &r, sizeof(r)) == 0);
    free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned char *in = (unsigned char *)fuzz_copy(data, size);
    check(in, size);
    free(in);
    if (size != REQUEST_PLAIN_BYTES) {
        unsigned char *bucket = xcalloc(1, REQUEST_PLAIN_BYTES);
        if (size)
            memcpy(bucket, data, size < REQUEST_PLAIN_BYTES ? size : REQUEST_PLAIN_BYTES);
        check(bucket, REQUEST_PLAIN_BYTES);
        free(bucket);
    }
    return 0;
}
