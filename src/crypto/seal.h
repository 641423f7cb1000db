/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* seal.h - the cryptography of Lotse's contact requests (libsodium; no SDL, no files).
 *
 * A parent's request is serialized into a fixed-size plaintext bucket and sealed with
 * crypto_box_seal to the social worker's public key. The kiosk holds only that public key
 * and can never read a request back; the worker opens an export at the office with
 * lotse-admin and her secret key, which lives in a passphrase-protected key file.
 *
 * Initialisation: call seal_init() once at the start of main() (the kiosk's main, the
 * lotse-admin main and every test program do) before any other function here. It is
 * idempotent and thread-safe, so calling it twice is harmless.
 *
 * Errors: functions return false / NULL with a new message in *err (caller frees; err may
 * be NULL). Nothing here aborts on bad data. Out of memory aborts through the x* helpers of
 * core/util.h (the project's policy).
 *
 * All text formats are UTF-8 lines ending in "\n"; base64 is RFC 4648 with padding
 * (sodium_base64_VARIANT_ORIGINAL). The formats are versioned ("v1"); everything that
 * defines v1 is written down here and must not change without a new version. */
#ifndef LOTSE_SEAL_H
#define LOTSE_SEAL_H

#include <stdbool.h>
#include <stddef.h>

#include <sodium.h>

#include "request/request.h"

/* Set up libsodium. False only if the library cannot initialise (no entropy source). */
bool seal_init(void);

/* ------------------------------------------------------------------ requests */

/* The request itself (struct, validation, the v1 plaintext serialization) is pure and
 * lives in core/request.h. */
/* Size of one sealed request. */
#define SEAL_CIPHER_BYTES (REQUEST_PLAIN_BYTES + crypto_box_SEALBYTES)

/* Serialize and seal r to the public key pk into cipher[0..SEAL_CIPHER_BYTES). The
 * plaintext is wiped before returning. False if r is not valid (cipher untouched). */
bool seal_request(const request *r, const unsigned char pk[crypto_box_PUBLICKEYBYTES],
                  unsigned char *cipher);
/* Open one sealed request with the worker's key pair. Fails with a message if len is not
 * SEAL_CIPHER_BYTES, the box was sealed to another key or was altered, or the plaintext is
 * not a valid request. The plaintext is wiped before returning. */
bool open_request(const unsigned char *cipher, size_t len,
                  const unsigned char pk[crypto_box_PUBLICKEYBYTES],
                  const unsigned char sk[crypto_box_SECRETKEYBYTES], request *out, char **err);

/* ------------------------------------------------------------------ key files */

/* Public key file, one line: "lotse-worker-pk v1 <base64 of the 32-byte key>\n".
 * Returns a new string (caller frees). */
char *key_pk_to_text(const unsigned char pk[crypto_box_PUBLICKEYBYTES]);
/* Parse a public key file's text (NUL-terminated; trailing whitespace allowed). */
bool key_pk_from_text(const char *text, unsigned char pk[crypto_box_PUBLICKEYBYTES], char **err);

/* Secret key file, one line:
 *   "lotse-worker-sk v1 <base64 salt> <base64 nonce> <base64 box>\n"
 * box = crypto_secretbox_easy(sk || pk, nonce, key) with key = Argon2id13 of the passphrase
 * and the 16-byte salt, opslimit 3 and memlimit 256 MiB (libsodium's MODERATE values, fixed
 * here as part of v1). Returns a new string (caller frees), or NULL if the passphrase is
 * empty or the key derivation fails (it needs 256 MiB of memory). */
char *key_sk_lock(const unsigned char sk[crypto_box_SECRETKEYBYTES],
                  const unsigned char pk[crypto_box_PUBLICKEYBYTES], const char *passphrase);
/* Unlock a secret key file's text (NUL-terminated) into sk and pk. A wrong passphrase and
 * an altered file both give "wrong passphrase or damaged key file"; sk and pk are zeroed on
 * every failure. The key pair is checked to belong together. */
bool key_sk_unlock(const char *text, const char *passphrase,
                   unsigned char sk[crypto_box_SECRETKEYBYTES],
                   unsigned char pk[crypto_box_PUBLICKEYBYTES], char **err);

/* ------------------------------------------------------------------ admin PIN */

/* A PIN is 4 to 8 ASCII digits. */
bool pin_valid(const char *pin);
/* Hash a valid PIN with crypto_pwhash_str (Argon2id, INTERACTIVE limits: about 0.1 s and
 * 64 MiB, affordable on the kiosk; the persistent lock-out is the real protection of so
 * short a secret). out is NUL-terminated. False for an invalid PIN or out of memory. */
bool pin_hash(const char *pin, char out[crypto_pwhash_STRBYTES]);
/* True if pin matches hash. False for a wrong PIN, an invalid PIN, or a hash that is not a
 * NUL-terminated Argon2id string. */
bool pin_verify(const char *hash, const char *pin);

/* ------------------------------------------------------------------ export files */

/* Export file v1:
 *   line 1:      "lotse-export v1"
 *   lines 2..:   base64 of one sealed request each (SEAL_CIPHER_BYTES bytes)
 *   last line:   "end <count> <hex of crypto_generichash (32 bytes, BLAKE2b) over every
 *                 previous line, each followed by \n>"
 * Lines end in "\n"; a reader also accepts "\r\n" (the checksum covers the lines without
 * the "\r"), so a copy through a Windows editor stays readable. The end line makes a
 * truncated or damaged file detectable; the boxes themselves are authenticated too.
 *
 * Build an export of ciphers[0..n) (each SEAL_CIPHER_BYTES). Returns a new string (caller
 * frees). */
char *export_build(const unsigned char *const *ciphers, size_t n);
/* Parse text[0..len) (need not be NUL-terminated). name is used in messages:
 * "export.txt:7: not base64", "export.txt: truncated: no end line", "export.txt:5: checksum
 * mismatch (the file is damaged)". On success *ciphers is a new array of *n new buffers of
 * SEAL_CIPHER_BYTES each (release with export_free); on failure *ciphers = NULL, *n = 0. */
bool export_parse(const char *name, const char *text, size_t len, unsigned char ***ciphers,
                  size_t *n, char **err);
/* Release what export_parse returned. export_free(NULL, 0) is a no-op. */
void export_free(unsigned char **ciphers, size_t n);

#endif
