/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* seal.c - sealed contact requests, worker key files, PIN hashes and export files
 * (see seal.h for the formats and the contracts). Everything secret that passes through a
 * local buffer here is wiped with sodium_memzero before the function returns. */
#include "seal.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

#define B64 sodium_base64_VARIANT_ORIGINAL

/* v1 of the secret key file: Argon2id13 with libsodium's MODERATE limits, written out so
 * that a future libsodium changing its defaults cannot make old key files unreadable. */
#define KEY_SK_OPSLIMIT 3ULL
#define KEY_SK_MEMLIMIT ((size_t)256 * 1024 * 1024)
#define KEY_SK_PLAIN (crypto_box_SECRETKEYBYTES + crypto_box_PUBLICKEYBYTES)
#define KEY_SK_BOX (crypto_secretbox_MACBYTES + KEY_SK_PLAIN)

static const char PK_MAGIC[] = "lotse-worker-pk";
static const char SK_MAGIC[] = "lotse-worker-sk";
static const char EXPORT_HEADER[] = "lotse-export v1";

static bool fail(char **err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool fail(char **err, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        *err = xvasprintf(fmt, ap);
        va_end(ap);
    }
    return false;
}

bool seal_init(void)
{
    return sodium_init() >= 0;
}

/* ------------------------------------------------------------------ requests */

bool seal_request(const request *r, const unsigned char pk[crypto_box_PUBLICKEYBYTES],
                  unsigned char *cipher)
{
    unsigned char plain[REQUEST_PLAIN_BYTES];
    if (!request_serialize(r, plain, sizeof(plain)))
        return false;
    /* Fails only for a degenerate (small-order) public key. */
    bool ok = crypto_box_seal(cipher, plain, sizeof(plain), pk) == 0;
    sodium_memzero(plain, sizeof(plain));
    return ok;
}

bool open_request(const unsigned char *cipher, size_t len,
                  const unsigned char pk[crypto_box_PUBLICKEYBYTES],
                  const unsigned char sk[crypto_box_SECRETKEYBYTES], request *out, char **err)
{
    memset(out, 0, sizeof(*out));
    if (!cipher || len != SEAL_CIPHER_BYTES)
        return fail(err, "sealed request has the wrong size (%zu bytes, expected %d)",
                    cipher ? len : 0, SEAL_CIPHER_BYTES);
    unsigned char plain[REQUEST_PLAIN_BYTES];
    if (crypto_box_seal_open(plain, cipher, len, pk, sk) != 0)
        return fail(err, "cannot be opened with this key (sealed to another worker key, or "
                         "damaged)");
    bool ok = request_parse(plain, sizeof(plain), out, err);
    sodium_memzero(plain, sizeof(plain));
    return ok;
}

/* ------------------------------------------------------------------ base64 / hex */

static void put_b64(strbuf *sb, const unsigned char *bin, size_t n)
{
    size_t cap = sodium_base64_ENCODED_LEN(n, B64);
    char *b = xmalloc(cap);
    sodium_bin2base64(b, cap, bin, n, B64);
    strbuf_puts(sb, b);
    free(b);
}

/* Only the RFC 4648 alphabet and padding. libsodium 1.0.18's decoder takes every byte
 * above 0x7F for a base64 character (found by fuzzing: a key line with two such bytes
 * parsed as a different key), so they are refused here first. */
static bool b64_alphabet(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  c == '+' || c == '/' || c == '=';
        if (!ok)
            return false;
    }
    return true;
}

/* Decode s[0..n) as base64 of exactly want bytes. */
static bool b64_exact(const char *s, size_t n, unsigned char *out, size_t want)
{
    size_t got = 0;
    const char *end = NULL;
    if (!b64_alphabet(s, n))
        return false;
    if (sodium_base642bin(out, want, s, n, NULL, &got, &end, B64) != 0)
        return false;
    return end == s + n && got == want;
}

/* True if s[0..n) is base64 at all; *got = the number of bytes it encodes. */
static bool b64_length(const char *s, size_t n, size_t *got)
{
    if (!b64_alphabet(s, n))
        return false;
    unsigned char *buf = xmalloc(n / 4 * 3 + 3);
    bool ok = sodium_base642bin(buf, n / 4 * 3 + 3, s, n, NULL, got, NULL, B64) == 0;
    free(buf);
    return ok;
}

/* Split a one-line text into at most max space-separated words (trailing whitespace
 * dropped). Returns the number of words, or max + 1 if there are more. */
static size_t split_words(const char *text, const char **w, size_t *wl, size_t max)
{
    size_t n = strlen(text);
    while (n && (text[n - 1] == '\n' || text[n - 1] == '\r' || text[n - 1] == ' ' ||
                 text[n - 1] == '\t'))
        n--;
    size_t count = 0, i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && text[j] != ' ')
            j++;
        if (j == i) /* two spaces in a row: an empty word */
            return max + 1;
        if (count == max)
            return max + 1;
        w[count] = text + i;
        wl[count] = j - i;
        count++;
        i = j < n ? j + 1 : j; /* text[n - 1] is not a space: no empty last word */
    }
    return count;
}

static bool word_is(const char *w, size_t wl, const char *s)
{
    return wl == strlen(s) && memcmp(w, s, wl) == 0;
}

/* ------------------------------------------------------------------ key files */

char *key_pk_to_text(const unsigned char pk[crypto_box_PUBLICKEYBYTES])
{
    strbuf sb;
    strbuf_init(&sb);
    strbuf_printf(&sb, "%s v1 ", PK_MAGIC);
    put_b64(&sb, pk, crypto_box_PUBLICKEYBYTES);
    strbuf_putc(&sb, '\n');
    return strbuf_steal(&sb);
}

/* Check the "<magic> v1" start of a key file. */
static bool key_header(const char **w, const size_t *wl, size_t n, const char *magic,
                       const char *what, char **err)
{
    if (n < 1 || !word_is(w[0], wl[0], magic)) {
        if (n >= 1 && word_is(w[0], wl[0], PK_MAGIC))
            return fail(err, "this is a worker public key file, not a %s", what);
        if (n >= 1 && word_is(w[0], wl[0], SK_MAGIC))
            return fail(err, "this is a worker secret key file, not a %s", what);
        return fail(err, "not a Lotse %s", what);
    }
    if (n < 2 || !word_is(w[1], wl[1], "v1"))
        return fail(err, "%s: unsupported version (this program reads v1)", what);
    return true;
}

bool key_pk_from_text(const char *text, unsigned char pk[crypto_box_PUBLICKEYBYTES], char **err)
{
    memset(pk, 0, crypto_box_PUBLICKEYBYTES);
    const char *w[4] = {0};
    size_t wl[4] = {0};
    size_t n = text ? split_words(text, w, wl, 3) : 0;
    if (!key_header(w, wl, n, PK_MAGIC, "worker public key file", err))
        return false;
    if (n != 3 || !b64_exact(w[2], wl[2], pk, crypto_box_PUBLICKEYBYTES)) {
        memset(pk, 0, crypto_box_PUBLICKEYBYTES);
        return fail(err, "worker public key file: damaged (expected \"%s v1 <base64 key>\")",
                    PK_MAGIC);
    }
    return true;
}

static bool derive(unsigned char key[crypto_secretbox_KEYBYTES], const char *passphrase,
                   const unsigned char salt[crypto_pwhash_SALTBYTES])
{
    return crypto_pwhash(key, crypto_secretbox_KEYBYTES, passphrase, strlen(passphrase), salt,
                         KEY_SK_OPSLIMIT, KEY_SK_MEMLIMIT, crypto_pwhash_ALG_ARGON2ID13) == 0;
}

char *key_sk_lock(const unsigned char sk[crypto_box_SECRETKEYBYTES],
                  const unsigned char pk[crypto_box_PUBLICKEYBYTES], const char *passphrase)
{
    if (!passphrase || !*passphrase)
        return NULL;
    unsigned char salt[crypto_pwhash_SALTBYTES], nonce[crypto_secretbox_NONCEBYTES];
    unsigned char key[crypto_secretbox_KEYBYTES], plain[KEY_SK_PLAIN], box[KEY_SK_BOX];
    randombytes_buf(salt, sizeof(salt));
    randombytes_buf(nonce, sizeof(nonce));
    if (!derive(key, passphrase, salt))
        return NULL;
    memcpy(plain, sk, crypto_box_SECRETKEYBYTES);
    memcpy(plain + crypto_box_SECRETKEYBYTES, pk, crypto_box_PUBLICKEYBYTES);
    crypto_secretbox_easy(box, plain, sizeof(plain), nonce, key);
    sodium_memzero(plain, sizeof(plain));
    sodium_memzero(key, sizeof(key));

    strbuf sb;
    strbuf_init(&sb);
    strbuf_printf(&sb, "%s v1 ", SK_MAGIC);
    put_b64(&sb, salt, sizeof(salt));
    strbuf_putc(&sb, ' ');
    put_b64(&sb, nonce, sizeof(nonce));
    strbuf_putc(&sb, ' ');
    put_b64(&sb, box, sizeof(box));
    strbuf_putc(&sb, '\n');
    return strbuf_steal(&sb);
}

bool key_sk_unlock(const char *text, const char *passphrase,
                   unsigned char sk[crypto_box_SECRETKEYBYTES],
                   unsigned char pk[crypto_box_PUBLICKEYBYTES], char **err)
{
    static const char damaged[] = "wrong passphrase or damaged key file";
    sodium_memzero(sk, crypto_box_SECRETKEYBYTES);
    memset(pk, 0, crypto_box_PUBLICKEYBYTES);
    const char *w[6] = {0};
    size_t wl[6] = {0};
    size_t n = text ? split_words(text, w, wl, 5) : 0;
    if (!key_header(w, wl, n, SK_MAGIC, "worker secret key file", err))
        return false;
    unsigned char salt[crypto_pwhash_SALTBYTES], nonce[crypto_secretbox_NONCEBYTES];
    unsigned char box[KEY_SK_BOX];
    if (n != 5 || !b64_exact(w[2], wl[2], salt, sizeof(salt)) ||
        !b64_exact(w[3], wl[3], nonce, sizeof(nonce)) || !b64_exact(w[4], wl[4], box, sizeof(box)))
        return fail(err, "%s (the key file is not in the expected format)", damaged);
    if (!passphrase)
        return fail(err, "%s", damaged);

    unsigned char key[crypto_secretbox_KEYBYTES], plain[KEY_SK_PLAIN];
    unsigned char check[crypto_box_PUBLICKEYBYTES];
    bool ok = false;
    if (!derive(key, passphrase, salt)) {
        fail(err, "cannot derive the key from the passphrase (out of memory? it needs 256 MiB)");
        goto done;
    }
    if (crypto_secretbox_open_easy(plain, box, sizeof(box), nonce, key) != 0) {
        fail(err, "%s", damaged);
        goto done;
    }
    if (crypto_scalarmult_base(check, plain) != 0 ||
        sodium_memcmp(check, plain + crypto_box_SECRETKEYBYTES, sizeof(check)) != 0) {
        fail(err, "%s (the secret and public key do not belong together)", damaged);
        goto done;
    }
    memcpy(sk, plain, crypto_box_SECRETKEYBYTES);
    memcpy(pk, plain + crypto_box_SECRETKEYBYTES, crypto_box_PUBLICKEYBYTES);
    ok = true;
done:
    sodium_memzero(key, sizeof(key));
    sodium_memzero(plain, sizeof(plain));
    return ok;
}

/* ------------------------------------------------------------------ admin PIN */

bool pin_valid(const char *pin)
{
    if (!pin)
        return false;
    size_t n = 0;
    while (n <= 8 && pin[n] >= '0' && pin[n] <= '9')
        n++;
    return pin[n] == '\0' && n >= 4 && n <= 8;
}

bool pin_hash(const char *pin, char out[crypto_pwhash_STRBYTES])
{
    if (!pin_valid(pin))
        return false;
    return crypto_pwhash_str(out, pin, strlen(pin), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0;
}

bool pin_verify(const char *hash, const char *pin)
{
    if (!hash || !pin_valid(pin))
        return false;
    size_t n = 0; /* never read past a short string nor past STRBYTES */
    while (n < crypto_pwhash_STRBYTES && hash[n])
        n++;
    if (n == crypto_pwhash_STRBYTES || !str_starts_with(hash, "$argon2id$"))
        return false;
    return crypto_pwhash_str_verify(hash, pin, strlen(pin)) == 0;
}

/* ------------------------------------------------------------------ export files */

static void hash_line(crypto_generichash_state *st, const char *s, size_t n)
{
    crypto_generichash_update(st, (const unsigned char *)s, n);
    crypto_generichash_update(st, (const unsigned char *)"\n", 1);
}

char *export_build(const unsigned char *const *ciphers, size_t n)
{
    strbuf sb;
    strbuf_init(&sb);
    crypto_generichash_state st;
    crypto_generichash_init(&st, NULL, 0, crypto_generichash_BYTES);
    strbuf_puts(&sb, EXPORT_HEADER);
    hash_line(&st, EXPORT_HEADER, strlen(EXPORT_HEADER));
    strbuf_putc(&sb, '\n');
    for (size_t i = 0; i < n; i++) {
        size_t start = sb.len;
        put_b64(&sb, ciphers[i], SEAL_CIPHER_BYTES);
        hash_line(&st, sb.data + start, sb.len - start);
        strbuf_putc(&sb, '\n');
    }
    unsigned char sum[crypto_generichash_BYTES];
    char hex[2 * crypto_generichash_BYTES + 1];
    crypto_generichash_final(&st, sum, sizeof(sum));
    sodium_bin2hex(hex, sizeof(hex), sum, sizeof(sum));
    strbuf_printf(&sb, "end %zu %s\n", n, hex);
    return strbuf_steal(&sb);
}

void export_free(unsigned char **ciphers, size_t n)
{
    if (!ciphers)
        return;
    for (size_t i = 0; i < n; i++)
        free(ciphers[i]);
    free(ciphers);
}

/* Parse "end <count> <64 lowercase hex>". */
static bool parse_end(const char *s, size_t n, size_t *count,
                      unsigned char sum[crypto_generichash_BYTES])
{
    const size_t hexlen = 2 * crypto_generichash_BYTES;
    if (n < 4 || memcmp(s, "end ", 4) != 0)
        return false;
    size_t i = 4, c = 0, start = i;
    while (i < n && s[i] >= '0' && s[i] <= '9') {
        if (c > (SIZE_MAX - 9) / 10)
            return false;
        c = c * 10 + (size_t)(s[i] - '0');
        i++;
    }
    if (i == start || (s[start] == '0' && i - start > 1) || i >= n || s[i] != ' ')
        return false;
    i++;
    if (n - i != hexlen)
        return false;
    for (size_t k = i; k < n; k++)
        if (!((s[k] >= '0' && s[k] <= '9') || (s[k] >= 'a' && s[k] <= 'f')))
            return false;
    size_t got = 0;
    if (sodium_hex2bin(sum, crypto_generichash_BYTES, s + i, hexlen, NULL, &got, NULL) != 0 ||
        got != crypto_generichash_BYTES)
        return false;
    *count = c;
    return true;
}

bool export_parse(const char *name, const char *text, size_t len, unsigned char ***ciphers,
                  size_t *n, char **err)
{
    *ciphers = NULL;
    *n = 0;
    if (!name)
        name = "export";
    if (!text || len == 0)
        return fail(err, "%s: empty file, not a Lotse export", name);

    unsigned char **out = NULL;
    size_t count = 0, cap = 0;
    crypto_generichash_state st;
    crypto_generichash_init(&st, NULL, 0, crypto_generichash_BYTES);
    size_t pos = 0;
    long line = 0;
    bool ended = false;
    while (pos < len) {
        const char *s = text + pos;
        const char *nl = memchr(s, '\n', len - pos);
        size_t l = nl ? (size_t)(nl - s) : len - pos;
        pos += l + (nl ? 1 : 0);
        line++;
        if (l && s[l - 1] == '\r')
            l--;
        if (ended) {
            fail(err, "%s:%ld: unexpected text after the end line", name, line);
            goto fail;
        }
        if (line == 1) {
            if (l != strlen(EXPORT_HEADER) || memcmp(s, EXPORT_HEADER, l) != 0) {
                if (l >= 14 && memcmp(s, "lotse-export v", 14) == 0)
                    fail(err, "%s:1: unsupported export version (this program reads v1)", name);
                else
                    fail(err, "%s:1: not a Lotse export (expected \"%s\")", name, EXPORT_HEADER);
                goto fail;
            }
            hash_line(&st, s, l);
            continue;
        }
        if (l >= 4 && memcmp(s, "end ", 4) == 0) {
            size_t want = 0;
            unsigned char sum[crypto_generichash_BYTES], have[crypto_generichash_BYTES];
            if (!parse_end(s, l, &want, sum)) {
                fail(err, "%s:%ld: damaged end line", name, line);
                goto fail;
            }
            if (want != count) {
                fail(err,
                     "%s:%ld: end line counts %zu requests but the file holds %zu (the "
                     "file is damaged)",
                     name, line, want, count);
                goto fail;
            }
            crypto_generichash_final(&st, have, sizeof(have));
            if (sodium_memcmp(sum, have, sizeof(sum)) != 0) {
                fail(err, "%s:%ld: checksum mismatch (the file is damaged)", name, line);
                goto fail;
            }
            ended = true;
            continue;
        }
        if (!nl) { /* the last line of the file, cut off: nothing after it to trust */
            fail(err, "%s: truncated: no end line (the file ends inside line %ld)", name, line);
            goto fail;
        }
        unsigned char *c = xmalloc(SEAL_CIPHER_BYTES);
        if (!b64_exact(s, l, c, SEAL_CIPHER_BYTES)) {
            free(c);
            size_t got = 0;
            if (l == 0)
                fail(err, "%s:%ld: empty line", name, line);
            else if (!b64_length(s, l, &got))
                fail(err, "%s:%ld: not base64", name, line);
            else
                fail(err, "%s:%ld: not a sealed request (%zu bytes, expected %d)", name, line, got,
                     SEAL_CIPHER_BYTES);
            goto fail;
        }
        hash_line(&st, s, l);
        VEC_PUSH(out, count, cap, c);
    }
    if (!ended) {
        fail(err, "%s: truncated: no end line", name);
        goto fail;
    }
    *ciphers = out;
    *n = count;
    return true;
fail:
    export_free(out, count);
    return false;
}
