/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* test_seal.c - crypto/seal.c: request serialization and its strict parser, sealing and
 * opening, the worker's key files, the admin PIN hash and the export file format. Every
 * failure is checked for its message, not only for "false". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "seal.h"
#include "base/util.h"

/* Assert that *err holds a message containing want, then free it and reset *err. */
static void expect_err(char **err, const char *want)
{
    assert_non_null(*err);
    if (!strstr(*err, want))
        fail_msg("message \"%s\" does not contain \"%s\"", *err, want);
    free(*err);
    *err = NULL;
}

static void set(char *field, size_t size, const char *value)
{
    snprintf(field, size, "%s", value);
}
#define SET(r, f, v) set((r).f, sizeof((r).f), (v))

static request sample(void)
{
    request r;
    memset(&r, 0, sizeof(r));
    SET(r, topic, "money");
    SET(r, channel, "phone");
    SET(r, interpreter_lang, "ar");
    SET(r, name, "ليلى"); /* Laila */
    SET(r, phone, "+49 171 2345678");
    SET(r, ticket, "482 913");
    SET(r, day, "2026-03-10");
    return r;
}

static void assert_same_request(const request *a, const request *b)
{
    assert_string_equal(a->topic, b->topic);
    assert_string_equal(a->channel, b->channel);
    assert_string_equal(a->interpreter_lang, b->interpreter_lang);
    assert_string_equal(a->name, b->name);
    assert_string_equal(a->phone, b->phone);
    assert_string_equal(a->ticket, b->ticket);
    assert_string_equal(a->day, b->day);
}

/* A small deterministic generator, so that a failing garbage input can be reproduced. */
static uint32_t rng_next(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

static void t_serialize_round_trip(void **state)
{
    (void)state;
    request r = sample(), back;
    unsigned char buf[REQUEST_PLAIN_BYTES];
    char *err = NULL;
    assert_true(request_serialize(&r, buf, sizeof(buf)));
    assert_int_equal(buf[0], REQUEST_FORMAT_VERSION);
    assert_true(request_parse(buf, sizeof(buf), &back, &err));
    assert_null(err);
    assert_same_request(&r, &back);

    /* Every field at its longest still fits the bucket. */
    request big;
    memset(&big, 'x', sizeof(big));
    big.topic[sizeof(big.topic) - 1] = '\0';
    big.channel[sizeof(big.channel) - 1] = '\0';
    big.interpreter_lang[sizeof(big.interpreter_lang) - 1] = '\0';
    big.name[sizeof(big.name) - 1] = '\0';
    big.phone[sizeof(big.phone) - 1] = '\0';
    big.ticket[sizeof(big.ticket) - 1] = '\0';
    SET(big, day, "2028-02-29");
    assert_true(request_serialize(&big, buf, sizeof(buf)));
    assert_true(request_parse(buf, sizeof(buf), &back, NULL));
    assert_same_request(&big, &back);

    /* An empty request is valid too (every field optional at this level). */
    request empty;
    memset(&empty, 0, sizeof(empty));
    assert_true(request_serialize(&empty, buf, sizeof(buf)));
    assert_true(request_parse(buf, sizeof(buf), &back, NULL));
    assert_string_equal(back.name, "");
}

static void t_serialize_rejects_invalid(void **state)
{
    (void)state;
    unsigned char buf[REQUEST_PLAIN_BYTES];
    request r = sample();
    char *err = NULL;
    assert_false(request_serialize(&r, buf, sizeof(buf) - 1));

    memset(r.ticket, '1', sizeof(r.ticket)); /* no NUL inside the field */
    assert_false(request_serialize(&r, buf, sizeof(buf)));
    assert_false(request_valid(&r, &err));
    expect_err(&err, "ticket: not terminated");

    r = sample();
    SET(r, name, "Anna\nBeispiel");
    assert_false(request_valid(&r, &err));
    expect_err(&err, "name: not valid UTF-8 text");
    SET(r, name, "Anna\x1b[31m"); /* a terminal escape in a printed table */
    assert_false(request_valid(&r, &err));
    expect_err(&err, "name: not valid UTF-8 text");
    SET(r, name, "\xc2\x9b"); /* U+009B, the C1 escape */
    assert_false(request_valid(&r, &err));
    expect_err(&err, "name");
    SET(r, name, "\xc3\x28");
    assert_false(request_serialize(&r, buf, sizeof(buf)));

    const char *bad_days[] = {"2026-02-29", "2026-13-01", "2026-00-10", "2026-1-10",
                              "26-03-10",   "2026-03-32", "2026/03/10", "1999-03-10"};
    for (size_t i = 0; i < ARRAY_LEN(bad_days); i++) {
        r = sample();
        SET(r, day, bad_days[i]);
        assert_false(request_valid(&r, &err));
        expect_err(&err, "day: not a date YYYY-MM-DD");
    }
    SET(r, day, "2024-02-29");
    assert_true(request_valid(&r, NULL));
}

static void t_parse_rejects_garbage(void **state)
{
    (void)state;
    request r = sample(), out;
    unsigned char good[REQUEST_PLAIN_BYTES], buf[REQUEST_PLAIN_BYTES];
    char *err = NULL;
    assert_true(request_serialize(&r, good, sizeof(good)));

    /* Every shorter or longer size, in an exactly sized allocation (ASan sees overreads). */
    for (size_t len = 0; len <= REQUEST_PLAIN_BYTES + 8; len++) {
        if (len == REQUEST_PLAIN_BYTES)
            continue;
        unsigned char *p = xcalloc(len ? len : 1, 1);
        memcpy(p, good, len < sizeof(good) ? len : sizeof(good));
        assert_false(request_parse(p, len, &out, &err));
        expect_err(&err, "wrong size");
        assert_string_equal(out.name, "");
        free(p);
    }

    memcpy(buf, good, sizeof(buf));
    buf[0] = 2;
    assert_false(request_parse(buf, sizeof(buf), &out, &err));
    expect_err(&err, "unknown format version 2");

    memcpy(buf, good, sizeof(buf));
    buf[1] = 32; /* topic holds at most 31 bytes */
    assert_false(request_parse(buf, sizeof(buf), &out, &err));
    expect_err(&err, "topic: length 32 too long");

    memcpy(buf, good, sizeof(buf));
    buf[sizeof(buf) - 1] = 1;
    assert_false(request_parse(buf, sizeof(buf), &out, &err));
    expect_err(&err, "padding is not zero");
    assert_string_equal(out.name, ""); /* nothing half-parsed is left behind */

    memcpy(buf, good, sizeof(buf));
    buf[2] = 0xff; /* first byte of the topic */
    assert_false(request_parse(buf, sizeof(buf), &out, &err));
    expect_err(&err, "topic: not valid UTF-8 text");

    /* Random buckets and single-byte mutations of a good one: never a crash; whatever
     * parses is a valid request that serializes back to exactly the same bytes. */
    uint32_t seed = 0x1f2e3d4c;
    size_t accepted = 0;
    for (int round = 0; round < 20000; round++) {
        if (round % 2) {
            for (size_t i = 0; i < sizeof(buf); i++)
                buf[i] = (unsigned char)rng_next(&seed);
            if (round % 4 == 1)
                buf[0] = REQUEST_FORMAT_VERSION; /* get past the first check */
        } else {
            memcpy(buf, good, sizeof(buf));
            buf[rng_next(&seed) % sizeof(buf)] = (unsigned char)rng_next(&seed);
        }
        err = NULL;
        if (request_parse(buf, sizeof(buf), &out, &err)) {
            unsigned char again[REQUEST_PLAIN_BYTES];
            assert_null(err);
            assert_true(request_valid(&out, NULL));
            assert_true(request_serialize(&out, again, sizeof(again)));
            assert_memory_equal(again, buf, sizeof(buf));
            accepted++;
        } else {
            assert_non_null(err);
            assert_true(str_starts_with(err, "request: "));
            free(err);
        }
    }
    assert_true(accepted > 0); /* mutations of bytes that do not matter, e.g. letters */
}

static void t_seal_fixed_size(void **state)
{
    (void)state;
    unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
    crypto_box_keypair(pk, sk);
    request full = sample(), bare = sample(), back;
    SET(bare, name, "");
    SET(bare, phone, "");
    SET(bare, interpreter_lang, "");
    unsigned char c1[SEAL_CIPHER_BYTES], c2[SEAL_CIPHER_BYTES];
    assert_true(seal_request(&full, pk, c1));
    assert_true(seal_request(&bare, pk, c2));
    assert_int_equal(SEAL_CIPHER_BYTES, REQUEST_PLAIN_BYTES + crypto_box_SEALBYTES);

    /* The export lines, all the device ever writes, have the same length too. */
    const unsigned char *both[] = {c1, c2};
    char *text = export_build(both, 2);
    char *l2 = strchr(text, '\n') + 1, *l3 = strchr(l2, '\n') + 1, *l4 = strchr(l3, '\n') + 1;
    assert_int_equal(l3 - l2, l4 - l3);
    free(text);

    char *err = NULL;
    assert_true(open_request(c1, sizeof(c1), pk, sk, &back, &err));
    assert_same_request(&full, &back);
    assert_true(open_request(c2, sizeof(c2), pk, sk, &back, &err));
    assert_same_request(&bare, &back);
    assert_null(err);

    /* Sealing twice gives different boxes (an ephemeral key each time). */
    unsigned char c3[SEAL_CIPHER_BYTES];
    assert_true(seal_request(&full, pk, c3));
    assert_memory_not_equal(c1, c3, sizeof(c1));

    /* An invalid request is not sealed. */
    SET(full, day, "yesterday");
    assert_false(seal_request(&full, pk, c3));
}

static void t_open_wrong_key_or_tampered(void **state)
{
    (void)state;
    unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
    unsigned char pk2[crypto_box_PUBLICKEYBYTES], sk2[crypto_box_SECRETKEYBYTES];
    crypto_box_keypair(pk, sk);
    crypto_box_keypair(pk2, sk2);
    request r = sample(), out;
    unsigned char c[SEAL_CIPHER_BYTES];
    char *err = NULL;
    assert_true(seal_request(&r, pk, c));

    assert_false(open_request(c, sizeof(c), pk2, sk2, &out, &err));
    expect_err(&err, "cannot be opened with this key");
    assert_string_equal(out.name, "");

    assert_false(open_request(c, sizeof(c) - 1, pk, sk, &out, &err));
    expect_err(&err, "wrong size");

    for (size_t i = 0; i < sizeof(c); i += 7) {
        unsigned char bad[SEAL_CIPHER_BYTES];
        memcpy(bad, c, sizeof(c));
        bad[i] ^= 0x01;
        assert_false(open_request(bad, sizeof(bad), pk, sk, &out, &err));
        expect_err(&err, "cannot be opened with this key");
    }
    assert_true(open_request(c, sizeof(c), pk, sk, &out, NULL));
    assert_same_request(&r, &out);
}

static void t_key_files(void **state)
{
    (void)state;
    unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
    unsigned char pk2[crypto_box_PUBLICKEYBYTES], sk2[crypto_box_SECRETKEYBYTES];
    crypto_box_keypair(pk, sk);
    char *err = NULL;

    char *pk_text = key_pk_to_text(pk);
    assert_true(str_starts_with(pk_text, "lotse-worker-pk v1 "));
    assert_true(key_pk_from_text(pk_text, pk2, &err));
    assert_memory_equal(pk, pk2, sizeof(pk));
    assert_false(key_pk_from_text("lotse-worker-pk v1 AAAA\n", pk2, &err));
    expect_err(&err, "damaged");
    assert_false(key_pk_from_text("lotse-worker-pk v2 AAAA\n", pk2, &err));
    expect_err(&err, "unsupported version");
    assert_false(key_pk_from_text("hello", pk2, &err));
    expect_err(&err, "not a Lotse worker public key file");
    /* Bytes outside the base64 alphabet are refused, even where libsodium 1.0.18's
     * decoder would take them (found by fuzzing, tests/fuzz/corpus/keyfile). */
    assert_false(key_pk_from_text("lotse-worker-pk v1 SDu3frHl/rSZmLt+Q/VWTC1XyUh\xbb\xce"
                                  "6NnzyfIMqcKJUE=\n",
                                  pk2, &err));
    free(err);
    err = NULL;

    assert_null(key_sk_lock(sk, pk, ""));
    char *sk_text = key_sk_lock(sk, pk, "correct horse battery staple");
    assert_non_null(sk_text);
    assert_true(str_starts_with(sk_text, "lotse-worker-sk v1 "));
    assert_true(key_sk_unlock(sk_text, "correct horse battery staple", sk2, pk2, &err));
    assert_null(err);
    assert_memory_equal(sk, sk2, sizeof(sk));
    assert_memory_equal(pk, pk2, sizeof(pk));

    assert_false(key_sk_unlock(sk_text, "correct horse battery stable", sk2, pk2, &err));
    expect_err(&err, "wrong passphrase or damaged key file");
    const unsigned char zero[crypto_box_SECRETKEYBYTES] = {0};
    assert_memory_equal(sk2, zero, sizeof(sk2));

    /* One character of the box changed (to another base64 letter): same message. */
    char *last = strrchr(sk_text, ' ') + 5;
    *last = *last == 'A' ? 'B' : 'A';
    assert_false(key_sk_unlock(sk_text, "correct horse battery staple", sk2, pk2, &err));
    expect_err(&err, "wrong passphrase or damaged key file");
    *strrchr(sk_text, ' ') = '\0'; /* cut off the box */
    assert_false(key_sk_unlock(sk_text, "correct horse battery staple", sk2, pk2, &err));
    expect_err(&err, "wrong passphrase or damaged key file");

    /* The public key file given where the secret one belongs, and the other way round. */
    assert_false(key_sk_unlock(pk_text, "x", sk2, pk2, &err));
    expect_err(&err, "this is a worker public key file");
    assert_false(key_pk_from_text(sk_text, pk2, &err));
    expect_err(&err, "this is a worker secret key file");
    free(pk_text);
    free(sk_text);
}

static void t_pin(void **state)
{
    (void)state;
    const char *good[] = {"1234", "00000000", "987654"};
    const char *bad[] = {"", "123", "123456789", "12a4", " 1234", "1234 ", "١٢٣٤", NULL};
    for (size_t i = 0; i < ARRAY_LEN(good); i++)
        assert_true(pin_valid(good[i]));
    for (size_t i = 0; i < ARRAY_LEN(bad); i++)
        assert_false(pin_valid(bad[i]));

    char hash[crypto_pwhash_STRBYTES];
    assert_false(pin_hash("12", hash));
    assert_true(pin_hash("2468", hash));
    assert_true(str_starts_with(hash, "$argon2id$"));
    assert_true(pin_verify(hash, "2468"));
    assert_false(pin_verify(hash, "2469"));
    assert_false(pin_verify(hash, "24680"));
    assert_false(pin_verify(hash, "24a8"));
    assert_false(pin_verify("2468", "2468"));
    assert_false(pin_verify("", "2468"));
    assert_false(pin_verify(NULL, "2468"));
    char other[crypto_pwhash_STRBYTES];
    assert_true(pin_hash("2468", other));
    assert_string_not_equal(hash, other); /* a random salt each time */
}

/* Three sealed requests and their export text. */
typedef struct fixture {
    unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
    unsigned char c[3][SEAL_CIPHER_BYTES];
    char *text;
} fixture;

static int fx_setup(void **state)
{
    fixture *f = xcalloc(1, sizeof(*f));
    crypto_box_keypair(f->pk, f->sk);
    const char *tickets[3] = {"111 111", "222 222", "333 333"};
    for (int i = 0; i < 3; i++) {
        request r = sample();
        SET(r, ticket, tickets[i]);
        if (!seal_request(&r, f->pk, f->c[i]))
            return -1;
    }
    const unsigned char *cs[3] = {f->c[0], f->c[1], f->c[2]};
    f->text = export_build(cs, 3);
    *state = f;
    return 0;
}

static int fx_teardown(void **state)
{
    fixture *f = *state;
    free(f->text);
    free(f);
    return 0;
}

/* Parse text (a modified copy of the export, len bytes) and expect failure with want. */
static void expect_export_err(const char *text, size_t len, const char *want)
{
    unsigned char **cs = (unsigned char **)&cs; /* must be reset to NULL */
    size_t n = 99;
    char *err = NULL;
    char *copy = xmalloc(len ? len : 1); /* exactly sized: no reliance on a NUL */
    memcpy(copy, text, len);
    assert_false(export_parse("export.txt", copy, len, &cs, &n, &err));
    assert_null(cs);
    assert_int_equal(n, 0);
    expect_err(&err, want);
    free(copy);
}

static void t_export_round_trip(void **state)
{
    fixture *f = *state;
    unsigned char **cs = NULL;
    size_t n = 0;
    char *err = NULL;
    assert_true(str_starts_with(f->text, "lotse-export v1\n"));
    assert_true(export_parse("export.txt", f->text, strlen(f->text), &cs, &n, &err));
    assert_null(err);
    assert_int_equal(n, 3);
    const char *tickets[3] = {"111 111", "222 222", "333 333"};
    for (size_t i = 0; i < n; i++) {
        request r;
        assert_memory_equal(cs[i], f->c[i], SEAL_CIPHER_BYTES);
        assert_true(open_request(cs[i], SEAL_CIPHER_BYTES, f->pk, f->sk, &r, NULL));
        assert_string_equal(r.ticket, tickets[i]);
    }
    export_free(cs, n);
    export_free(NULL, 0);

    /* An empty export is valid. */
    char *empty = export_build(NULL, 0);
    assert_true(export_parse("export.txt", empty, strlen(empty), &cs, &n, &err));
    assert_int_equal(n, 0);
    export_free(cs, n);
    free(empty);

    /* Windows line ends (a copy through an editor) still read, with the same checksum. */
    strbuf sb;
    strbuf_init(&sb);
    for (const char *p = f->text; *p; p++) {
        if (*p == '\n')
            strbuf_putc(&sb, '\r');
        strbuf_putc(&sb, *p);
    }
    assert_true(export_parse("export.txt", sb.data, sb.len, &cs, &n, &err));
    assert_int_equal(n, 3);
    export_free(cs, n);
    strbuf_finish(&sb);
}

static void t_export_truncated(void **state)
{
    fixture *f = *state;
    size_t len = strlen(f->text);
    const char *end = strstr(f->text, "\nend ") + 1;
    /* Without the end line, cut inside the last request, cut inside the end line. */
    expect_export_err(f->text, (size_t)(end - f->text), "export.txt: truncated: no end line");
    expect_export_err(f->text, (size_t)(end - f->text) - 100, "export.txt: truncated: no end line");
    expect_export_err(f->text, (size_t)(end - f->text) + 10, "export.txt:5: damaged end line");
    expect_export_err(f->text, len - 2, "export.txt:5: damaged end line");
    expect_export_err(f->text, 16, "export.txt: truncated: no end line");
    expect_export_err(f->text, 0, "export.txt: empty file");
    /* The end line alone does not stand for a missing request. */
    strbuf sb;
    strbuf_init(&sb);
    const char *l3 = strchr(strchr(f->text, '\n') + 1, '\n') + 1;
    strbuf_append(&sb, f->text, (size_t)(l3 - f->text));
    strbuf_puts(&sb, strchr(l3, '\n') + 1); /* line 3 dropped */
    expect_export_err(sb.data, sb.len,
                      "export.txt:4: end line counts 3 requests but the file "
                      "holds 2");
    strbuf_finish(&sb);
}

static void t_export_damaged(void **state)
{
    fixture *f = *state;
    size_t len = strlen(f->text);
    char *copy = xstrdup(f->text);
    char *l3 = strchr(strchr(copy, '\n') + 1, '\n') + 1;

    /* A flipped letter that is still base64: only the checksum can tell. */
    l3[20] = l3[20] == 'A' ? 'B' : 'A';
    expect_export_err(copy, len, "export.txt:5: checksum mismatch");
    memcpy(copy, f->text, len);
    char *hex = strrchr(copy, ' ') + 1;
    hex[0] = hex[0] == '0' ? '1' : '0';
    expect_export_err(copy, len, "export.txt:5: checksum mismatch");

    /* Not base64 at all. */
    memcpy(copy, f->text, len);
    l3[20] = '!';
    expect_export_err(copy, len, "export.txt:3: not base64");
    memcpy(copy, f->text, len);
    l3[20] = '\0';
    expect_export_err(copy, len, "export.txt:3: not base64");

    /* Base64 of the wrong length. */
    memcpy(copy, f->text, len);
    memcpy(l3, "QUJD", 4);
    memmove(l3 + 4, strchr(l3, '\n'), strlen(strchr(l3, '\n')) + 1);
    expect_export_err(copy, strlen(copy), "export.txt:3: not a sealed request (3 bytes");

    /* A wrong header, a future version, text after the end. */
    expect_export_err("hello\n", 6, "export.txt:1: not a Lotse export");
    expect_export_err("lotse-export v2\nend 0 00\n", 25,
                      "export.txt:1: unsupported export version");
    free(copy);
    strbuf sb;
    strbuf_init(&sb);
    strbuf_puts(&sb, f->text);
    strbuf_puts(&sb, "\n");
    expect_export_err(sb.data, sb.len, "export.txt:6: unexpected text after the end line");
    strbuf_finish(&sb);

    /* Random garbage and random cuts never crash and never pass. */
    uint32_t seed = 0xabcdef01;
    for (int round = 0; round < 2000; round++) {
        char *m = xstrdup(f->text);
        size_t at = rng_next(&seed) % len;
        m[at] = (char)(rng_next(&seed) & 0xff);
        size_t cut = round % 3 ? len : rng_next(&seed) % len;
        unsigned char **cs = NULL;
        size_t n = 0;
        char *err = NULL;
        /* Only a lost or changed final "\n" may still pass. */
        bool body_same = memcmp(m, f->text, len - 1) == 0;
        bool expected = body_same && (cut == len - 1 ||
                                      (cut == len && (m[len - 1] == '\n' || m[len - 1] == '\r')));
        bool ok = export_parse("export.txt", m, cut, &cs, &n, &err);
        assert_true(ok == expected);
        if (ok)
            export_free(cs, n);
        else
            assert_true(str_starts_with(err, "export.txt"));
        free(err);
        free(m);
    }
}

int main(void)
{
    if (!seal_init())
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(t_serialize_round_trip),
        cmocka_unit_test(t_serialize_rejects_invalid),
        cmocka_unit_test(t_parse_rejects_garbage),
        cmocka_unit_test(t_seal_fixed_size),
        cmocka_unit_test(t_open_wrong_key_or_tampered),
        cmocka_unit_test(t_key_files),
        cmocka_unit_test(t_pin),
        cmocka_unit_test_setup_teardown(t_export_round_trip, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(t_export_truncated, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(t_export_damaged, fx_setup, fx_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
