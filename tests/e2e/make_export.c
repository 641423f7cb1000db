/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* make_export.c - test helper for test_admin.sh: seals three known contact requests to a
 * worker public key file with the seal library and writes an export file, as a kiosk
 * would. Not installed; lotse-admin itself has no way to make an export.
 *   make_export WORKER.PK OUT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "seal.h"

static void set(char *field, size_t size, const char *value)
{
    snprintf(field, size, "%s", value);
}
#define SET(r, f, v) set((r).f, sizeof((r).f), (v))

int main(int argc, char **argv)
{
    if (argc != 3) {
        fputs("usage: make_export WORKER.PK OUT\n", stderr);
        return 2;
    }
    if (!seal_init())
        return 1;
    char buf[4096];
    FILE *in = fopen(argv[1], "r");
    size_t n = in ? fread(buf, 1, sizeof(buf) - 1, in) : 0;
    if (!in) {
        perror(argv[1]);
        return 1;
    }
    fclose(in);
    buf[n] = '\0';
    unsigned char pk[crypto_box_PUBLICKEYBYTES];
    char *err = NULL;
    if (!key_pk_from_text(buf, pk, &err)) {
        fprintf(stderr, "%s: %s\n", argv[1], err);
        free(err);
        return 1;
    }

    request rs[3];
    memset(rs, 0, sizeof(rs));
    SET(rs[0], topic, "money");
    SET(rs[0], channel, "phone");
    SET(rs[0], interpreter_lang, "ar");
    SET(rs[0], name, "ليلى حسن"); /* Laila Hassan */
    SET(rs[0], phone, "+49 171 2345678");
    SET(rs[0], ticket, "481 207");
    SET(rs[0], day, "2026-03-09");
    SET(rs[1], topic, "upbringing");
    SET(rs[1], channel, "visit");
    SET(rs[1], ticket, "593 664"); /* anonymous: no name, no phone */
    SET(rs[1], day, "2026-03-10");
    SET(rs[2], topic, "other");
    SET(rs[2], channel, "sms");
    SET(rs[2], name, "Anna \"Anni\", B.");
    SET(rs[2], phone, "0176 98765432");
    SET(rs[2], ticket, "720 318");
    SET(rs[2], day, "2026-03-10");

    unsigned char c[3][SEAL_CIPHER_BYTES];
    for (int i = 0; i < 3; i++) {
        if (!seal_request(&rs[i], pk, c[i])) {
            fprintf(stderr, "cannot seal request %d\n", i);
            return 1;
        }
    }
    const unsigned char *cs[3] = {c[0], c[1], c[2]};
    char *text = export_build(cs, 3);
    FILE *out = fopen(argv[2], "w");
    if (!out || fputs(text, out) == EOF || fclose(out) != 0) {
        perror(argv[2]);
        free(text);
        return 1;
    }
    free(text);
    return 0;
}
