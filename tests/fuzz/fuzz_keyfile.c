/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_keyfile.c - libFuzzer target for the worker key files (crypto/seal.h): the input
 * as a NUL-terminated string to key_pk_from_text and to key_sk_unlock.
 *
 * key_sk_unlock runs twice: without a passphrase (the whole format check, no key
 * derivation: fast) and, for inputs that start with "lotse-worker-sk v1 " and are shorter
 * than 300 bytes, with the passphrase "x" - which derives a key with Argon2id (256 MiB,
 * about half a second) whenever the format is right. That path is inside libsodium and
 * cannot be fuzzed usefully at two runs a second, so scripts/fuzz.sh builds this target
 * with -DLOTSE_FUZZ_NO_ARGON2; the ctest replay keeps it (two corpus files reach it).
 *
 * Invariants: a parsed public key prints back as the input line (trailing whitespace
 * aside); a failure zeroes the keys and gives a message; an unlocked key pair belongs
 * together. */
#include <stdbool.h>

#include "seal.h"
#include "fuzz.h"

static bool all_zero(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return false;
    return true;
}

static void check_pk(const char *text)
{
    unsigned char pk[crypto_box_PUBLICKEYBYTES];
    char *err = NULL;
    if (!key_pk_from_text(text, pk, &err)) {
        FUZZ_CHECK(err != NULL && all_zero(pk, sizeof(pk)));
        free(err);
        return;
    }
    FUZZ_CHECK(err == NULL);
    char *line = key_pk_to_text(pk);
    size_t n = strlen(text);
    while (n && strchr("\n\r \t", text[n - 1]))
        n--;
    /* The canonical line is the input without its trailing whitespace. */
    FUZZ_CHECK(strlen(line) == n + 1 && memcmp(line, text, n) == 0 && line[n] == '\n');
    unsigned char again[crypto_box_PUBLICKEYBYTES];
    FUZZ_CHECK(key_pk_from_text(line, again, NULL) && memcmp(again, pk, sizeof(pk)) == 0);
    free(line);
}

static void check_sk(const char *text, const char *passphrase)
{
    unsigned char sk[crypto_box_SECRETKEYBYTES], pk[crypto_box_PUBLICKEYBYTES];
    memset(sk, 0xA5, sizeof(sk));
    memset(pk, 0xA5, sizeof(pk));
    char *err = NULL;
    if (!key_sk_unlock(text, passphrase, sk, pk, &err)) {
        FUZZ_CHECK(err != NULL && all_zero(sk, sizeof(sk)) && all_zero(pk, sizeof(pk)));
        free(err);
        return;
    }
    FUZZ_CHECK(err == NULL && passphrase != NULL);
    unsigned char check[crypto_box_PUBLICKEYBYTES];
    FUZZ_CHECK(crypto_scalarmult_base(check, sk) == 0 && memcmp(check, pk, sizeof(pk)) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static bool ready;
    if (!ready) {
        FUZZ_CHECK(seal_init());
        ready = true;
    }
    char *text = fuzz_cstr(data, size);
    check_pk(text);
    check_sk(text, NULL);
#ifndef LOTSE_FUZZ_NO_ARGON2
    static const char prefix[] = "lotse-worker-sk v1 ";
    if (size < 300 && str_starts_with(text, prefix))
        check_sk(text, "x");
#endif
    free(text);
    return 0;
}
