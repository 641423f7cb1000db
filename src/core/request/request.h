/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* request.h - one anonymous contact request as the kiosk collects it, and its v1
 * plaintext serialization (a fixed-size bucket). Pure: no libsodium here; sealing is in
 * crypto/seal.h. Errors: false with a new message in *err (caller frees; err may be NULL). */
#ifndef LOTSE_REQUEST_H
#define LOTSE_REQUEST_H

#include <stdbool.h>
#include <stddef.h>

/* One contact request as the kiosk collects it. Every field is a NUL-terminated UTF-8
 * string without control characters; an empty string means "not given". */
typedef struct request {
    char topic[32];            /* topic id, e.g. "money" or "other" */
    char channel[16];          /* "visit", "phone", "sms" */
    char interpreter_lang[16]; /* language code, "" for no interpreter */
    char name[64];             /* optional first name or nickname */
    char phone[32];            /* optional phone number */
    char ticket[8];            /* ticket code shown to the parent, e.g. "482 913" */
    char day[11];              /* YYYY-MM-DD: the coarse date the request was made */
} request;

/* Size of every serialized request. Serialization v1, byte by byte:
 *   [0]      format version, 1
 *   then the 7 fields in the order of the struct, each as one length byte (0..size-1 of
 *   its array) followed by that many bytes of UTF-8 (no NUL);
 *   then zero bytes up to REQUEST_PLAIN_BYTES.
 * The fields together use at most 180 bytes, so every request fits the one bucket and the
 * ciphertext length never tells whether a name or a phone number was given. */
#define REQUEST_PLAIN_BYTES 256
#define REQUEST_FORMAT_VERSION 1

/* Check the fields of r: each NUL-terminated inside its array, valid UTF-8 without control
 * characters, day empty or a plausible YYYY-MM-DD. On failure *err names the field. */
bool request_valid(const request *r, char **err);
/* Write r into out[0..REQUEST_PLAIN_BYTES). False (out untouched) if out_len is smaller
 * than REQUEST_PLAIN_BYTES or r is not valid. */
bool request_serialize(const request *r, unsigned char *out, size_t out_len);
/* Parse a serialized request. Strict: len must be REQUEST_PLAIN_BYTES, every length byte is
 * checked against its field and the bucket, every field is validated as request_valid
 * does, and the padding must be zero. On failure *out is all zeros. Safe on any input. */
bool request_parse(const unsigned char *in, size_t len, request *out, char **err);

#endif
