/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_export.c - libFuzzer target for export files (crypto/seal.h): export_parse on the
 * raw bytes, and again with a correct end line appended (count and checksum computed here,
 * so that mutated request lines get past the checksum to the parts behind it). Every
 * parsed cipher is opened with a fixed worker key pair (crypto_box_seed_keypair with the
 * seed below; tests/fuzz/corpus/export/ holds exports sealed to it, see README.md): a
 * damaged box must fail with a message, an intact one must give a valid request. The
 * input itself, and the input cut or zero-padded to SEAL_CIPHER_BYTES, are opened too.
 * Invariants: success and failure set every output as export_parse promises, and
 * export_build of what was parsed gives the input back (line ends aside: "\r\n" and a
 * missing last "\n" are accepted), so only canonical base64 is accepted, and it parses
 * back to the same ciphers. */
#include <stdbool.h>

#include "seal.h"
#include "fuzz.h"

/* The fuzz worker's key seed (32 bytes with the NUL). tests/fuzz/README.md has the public
 * key file that goes with it, for sealing new corpus exports with tests/e2e/make_export. */
static const unsigned char SEED[crypto_box_SEEDBYTES] = "lotse fuzz worker key seed 0001";

static unsigned char pk[crypto_box_PUBLICKEYBYTES];
static unsigned char sk[crypto_box_SECRETKEYBYTES];

static void setup(void)
{
    static bool done;
    if (done)
        return;
    FUZZ_CHECK(seal_init());
    FUZZ_CHECK(crypto_box_seed_keypair(pk, sk, SEED) == 0);
    done = true;
}

static void open_one(const unsigned char *cipher, size_t len)
{
    request r;
    char *err = NULL;
    if (open_request(cipher, len, pk, sk, &r, &err)) {
        FUZZ_CHECK(err == NULL && len == SEAL_CIPHER_BYTES);
        FUZZ_CHECK(request_valid(&r, NULL));
    } else {
        FUZZ_CHECK(err != NULL);
        request zero;
        memset(&zero, 0, sizeof(zero));
        FUZZ_CHECK(memcmp(&r, &zero, sizeof(r)) == 0);
        free(err);
    }
}

/* text[0..len) as export_parse reads its lines: one "\r" before each "\n" dropped, and
 * a "\n" after the last line. Caller frees. */
static char *normalized(const char *text, size_t len)
{
    strbuf sb;
    strbuf_init(&sb);
    size_t pos = 0;
    while (pos < len) {
        const char *s = text + pos;
        const char *nl = memchr(s, '\n', len - pos);
        size_t l = nl ? (size_t)(nl - s) : len - pos;
        pos += l + (nl ? 1 : 0);
        if (l && s[l - 1] == '\r')
            l--;
        strbuf_append(&sb, s, l);
        strbuf_putc(&sb, '\n');
    }
    return strbuf_steal(&sb);
}

/* Parse text[0..len); on success open every cipher and check that export_build gives the
 * text back (line ends aside): every line of an export that parses is canonical. */
static void parse(const char *text, size_t len)
{
    static unsigned char *sentinel[1];
    unsigned char **ciphers = sentinel; /* export_parse must set it on every path */
    size_t n = 4711;
    char *err = NULL;
    bool ok = export_parse("fuzz.txt", text, len, &ciphers, &n, &err);
    if (!ok) {
        FUZZ_CHECK(ciphers == NULL && n == 0 && err != NULL);
        FUZZ_CHECK(strncmp(err, "fuzz.txt", 8) == 0);
        free(err);
        return;
    }
    FUZZ_CHECK(err == NULL && (n == 0 || ciphers != NULL));
    for (size_t i = 0; i < n; i++)
        open_one(ciphers[i], SEAL_CIPHER_BYTES);
    char *built = export_build((const unsigned char *const *)ciphers, n);
    char *norm = normalized(text, len);
    FUZZ_CHECK(strcmp(built, norm) == 0);
    unsigned char **again = NULL;
    size_t n_again = 0;
    FUZZ_CHECK(export_parse("built.txt", built, strlen(built), &again, &n_again, NULL));
    FUZZ_CHECK(n_again == n);
    for (size_t i = 0; i < n; i++)
        FUZZ_CHECK(memcmp(again[i], ciphers[i], SEAL_CIPHER_BYTES) == 0);
    export_free(again, n_again);
    free(norm);
    free(built);
    export_free(ciphers, n);
}

/* The input with a newline (if missing) and an end line that fits it: "end <lines after
 * the first> <BLAKE2b of every line, "\r" dropped, each followed by "\n">". Caller frees. */
static char *with_end_line(const uint8_t *data, size_t size, size_t *out_len)
{
    strbuf sb;
    strbuf_init(&sb);
    if (size)
        strbuf_append(&sb, (const char *)data, size);
    if (size && data[size - 1] != '\n')
        strbuf_putc(&sb, '\n');
    crypto_generichash_state st;
    crypto_generichash_init(&st, NULL, 0, crypto_generichash_BYTES);
    size_t lines = 0, pos = 0;
    while (pos < sb.len) {
        const char *s = sb.data + pos;
        const char *nl = memchr(s, '\n', sb.len - pos);
        size_t l = (size_t)(nl - s); /* every line ends in "\n" here */
        pos += l + 1;
        if (l && s[l - 1] == '\r')
            l--;
        crypto_generichash_update(&st, (const unsigned char *)s, l);
        crypto_generichash_update(&st, (const unsigned char *)"\n", 1);
        lines++;
    }
    unsigned char sum[crypto_generichash_BYTES];
    char hex[2 * crypto_generichash_BYTES + 1];
    crypto_generichash_final(&st, sum, sizeof(sum));
    sodium_bin2hex(hex, sizeof(hex), sum, sizeof(sum));
    strbuf_printf(&sb, "end %zu %s\n", lines ? lines - 1 : 0, hex);
    *out_len = sb.len;
    return strbuf_steal(&sb);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    setup();
    char *text = fuzz_copy(data, size);
    parse(text, size);
    open_one((const unsigned char *)text, size);
    free(text);

    unsigned char *box = xcalloc(1, SEAL_CIPHER_BYTES);
    if (size)
        memcpy(box, data, size < SEAL_CIPHER_BYTES ? size : SEAL_CIPHER_BYTES);
    open_one(box, SEAL_CIPHER_BYTES);
    free(box);

    size_t len = 0;
    char *fixed = with_end_line(data, size, &len);
    char *exact = fuzz_copy((const uint8_t *)fixed, len);
    parse(exact, len);
    free(exact);
    free(fixed);
    return 0;
}
