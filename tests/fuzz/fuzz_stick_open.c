/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_stick_open.c - libFuzzer target for what `lotse-admin open` reads from a USB
 * stick: an export file. src/admin/lotse_admin.c is compiled into this target (its main()
 * renamed), and its own code runs: files_read_max (src/platform/files.c, lotse-admin's
 * reader) on the file, then - as cmd_open does - export_parse, open_request on every
 * cipher, and the listing in all three formats (print_table, print_csv, print_json;
 * stdout is captured in a temporary file). The key pair is the fuzz worker key of
 * fuzz_export.c; cmd_open itself is not called because it unlocks the secret key file
 * with Argon2id (256 MiB, half a second).
 *
 * Each input is used twice:
 *  1. as the export file itself (the stick may hold anything);
 *  2. as a list of 256-byte request plaintexts (a short last piece is zero-padded): each
 *     that request_parse accepts is sealed to the fuzz worker key, as anybody with the
 *     public key could, and the export of all of them is written to the file. This gets
 *     arbitrary valid requests through the crypto to the listings.
 *
 * Invariants: a request that was sealed is opened again, unchanged; the table and the
 * JSON contain no control characters but line ends (C0, DEL, C1: nothing on the stick
 * can drive the worker's terminal); the CSV parses back (RFC 4180) into the header and
 * every request's fields, and no field that a spreadsheet would run as a formula (starting
 * with = + - @) is left unescaped unless it is a phone-like number. */
#define LOTSE_VERSION "fuzz"
#define main lotse_admin_main
int lotse_admin_main(int argc, char **argv);
#include "../../src/admin/lotse_admin.c"
#undef main

#include "fuzz.h"

static const unsigned char SEED[crypto_box_SEEDBYTES] = "lotse fuzz worker key seed 0001";
static unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
static char *tmp_dir, *export_path, *out_path;
static int out_fd = -1;

static void teardown(void)
{
    unlink(export_path);
    unlink(out_path);
    rmdir(tmp_dir);
    close(out_fd);
    free(export_path);
    free(out_path);
    free(tmp_dir);
}

static void setup(void)
{
    if (tmp_dir)
        return;
    FUZZ_CHECK(seal_init());
    FUZZ_CHECK(crypto_box_seed_keypair(pk, sk, SEED) == 0);
    const char *t = getenv("TMPDIR");
    tmp_dir = xasprintf("%s/lotse-fuzz-stick.XXXXXX", t && *t                         ? t
                                                      : access("/dev/shm", W_OK) == 0 ? "/dev/shm"
                                                                                      : "/tmp");
    FUZZ_CHECK(mkdtemp(tmp_dir) != NULL);
    export_path = xasprintf("%s/lotse-export-2026-03-10.txt", tmp_dir);
    out_path = xasprintf("%s/stdout", tmp_dir);
    out_fd = open(out_path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    FUZZ_CHECK(out_fd >= 0);
    atexit(teardown);
}

static void write_export(const void *data, size_t size)
{
    int fd = open(export_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    FUZZ_CHECK(fd >= 0);
    FUZZ_CHECK(size == 0 || write(fd, data, size) == (ssize_t)size);
    FUZZ_CHECK(close(fd) == 0);
}

/* Run print(rs, n) with stdout going to a file; returns what it printed (caller frees). */
static char *capture(void (*print)(const request *, size_t), const request *rs, size_t n,
                     size_t *len)
{
    fflush(stdout);
    int saved = dup(STDOUT_FILENO);
    FUZZ_CHECK(saved >= 0);
    FUZZ_CHECK(ftruncate(out_fd, 0) == 0 && lseek(out_fd, 0, SEEK_SET) == 0);
    FUZZ_CHECK(dup2(out_fd, STDOUT_FILENO) == STDOUT_FILENO);
    print(rs, n);
    fflush(stdout);
    FUZZ_CHECK(dup2(saved, STDOUT_FILENO) == STDOUT_FILENO);
    close(saved);
    char *err = NULL;
    char *text = files_read_max(out_path, 64 * 1024 * 1024, len, &err);
    FUZZ_CHECK(text != NULL);
    return text;
}

/* No C0 control but "\n" (and "\r" before it in CSV), no DEL, no C1 (U+0080..U+009F). */
static void check_no_controls(const char *s, size_t len, bool crlf)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n' || (crlf && c == '\r' && i + 1 < len && s[i + 1] == '\n'))
            continue;
        FUZZ_CHECK(c >= 0x20 && c != 0x7F);
        FUZZ_CHECK(!(c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 &&
                     (unsigned char)s[i + 1] <= 0x9F));
    }
}

static bool phone_like(const char *s)
{
    return strspn(s, "0123456789 +-/().") == strlen(s);
}

/* Parse the CSV listing and compare it with the header and rs[0..n). */
static void check_csv(const char *s, size_t len, const request *rs, size_t n)
{
    check_no_controls(s, len, true);
    size_t pos = 0;
    for (size_t row = 0; row <= n; row++) {
        for (int c = 0; c < COLS; c++) {
            strbuf f;
            strbuf_init(&f);
            strbuf_append(&f, "", 0);
            bool quoted = pos < len && s[pos] == '"';
            if (quoted) {
                pos++;
                for (;;) {
                    FUZZ_CHECK(pos < len);
                    if (s[pos] == '"') {
                        if (pos + 1 < len && s[pos + 1] == '"') {
                            strbuf_putc(&f, '"');
                            pos += 2;
                            continue;
                        }
                        pos++;
                        break;
                    }
                    strbuf_putc(&f, s[pos++]);
                }
            } else {
                while (pos < len && s[pos] != ',' && s[pos] != '\r' && s[pos] != '"')
                    strbuf_putc(&f, s[pos++]);
            }
            const char *value = f.data;
            const char *want = row == 0 ? COL_KEY[c] : col(&rs[row - 1], c);
            /* A field a spreadsheet would run as a formula must be a phone-like number. */
            if (value[0] && strchr("=+-@", value[0]))
                FUZZ_CHECK(phone_like(value));
            /* The value itself, or a formula-like value behind the ' that makes it text. */
            bool escaped = quoted && value[0] == '\'' && want[0] && strchr("=+-@", want[0]) &&
                           strcmp(value + 1, want) == 0;
            FUZZ_CHECK(escaped || strcmp(value, want) == 0);
            strbuf_finish(&f);
            if (c + 1 < COLS) {
                FUZZ_CHECK(pos < len && s[pos] == ',');
                pos++;
            }
        }
        FUZZ_CHECK(pos + 2 <= len && s[pos] == '\r' && s[pos + 1] == '\n');
        pos += 2;
    }
    FUZZ_CHECK(pos == len);
}

/* The export at export_path, read and listed as lotse-admin open does. sealed (may be
 * NULL) are the requests that were sealed into it, in order. */
static void open_and_list(const request *sealed, size_t n_sealed)
{
    size_t len = 0, n = 0;
    char *err = NULL;
    unsigned char **ciphers = NULL;
    char *text = files_read_max(export_path, MAX_EXPORT_BYTES, &len, &err);
    FUZZ_CHECK(text != NULL);
    if (!export_parse(export_path, text, len, &ciphers, &n, &err)) {
        FUZZ_CHECK(!sealed && err != NULL);
        free(err);
        free(text);
        return;
    }
    FUZZ_CHECK(!sealed || n == n_sealed);
    request *rs = xcalloc(n ? n : 1, sizeof(*rs));
    size_t opened = 0;
    for (size_t i = 0; i < n; i++) {
        char *why = NULL;
        if (open_request(ciphers[i], SEAL_CIPHER_BYTES, pk, sk, &rs[opened], &why)) {
            FUZZ_CHECK(!sealed || memcmp(&rs[opened], &sealed[i], sizeof(request)) == 0);
            opened++;
        } else {
            FUZZ_CHECK(!sealed && why != NULL);
            free(why);
        }
    }
    size_t out_len;
    char *out = capture(print_table, rs, opened, &out_len);
    check_no_controls(out, out_len, false);
    free(out);
    out = capture(print_json, rs, opened, &out_len);
    check_no_controls(out, out_len, false);
    free(out);
    out = capture(print_csv, rs, opened, &out_len);
    check_csv(out, out_len, rs, opened);
    free(out);
    free(rs);
    export_free(ciphers, n);
    free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    setup();
    /* 1. The input is the export file. */
    write_export(data, size);
    open_and_list(NULL, 0);

    /* 2. The input is request plaintexts, sealed into a correct export. */
    size_t pieces = (size + REQUEST_PLAIN_BYTES - 1) / REQUEST_PLAIN_BYTES;
    if (pieces > 64)
        pieces = 64;
    request *rs = xcalloc(pieces ? pieces : 1, sizeof(*rs));
    unsigned char **ciphers = xcalloc(pieces ? pieces : 1, sizeof(*ciphers));
    size_t n = 0;
    for (size_t i = 0; i < pieces; i++) {
        unsigned char plain[REQUEST_PLAIN_BYTES] = {0};
        size_t off = i * REQUEST_PLAIN_BYTES;
        size_t l = size - off < REQUEST_PLAIN_BYTES ? size - off : REQUEST_PLAIN_BYTES;
        memcpy(plain, data + off, l);
        if (!request_parse(plain, sizeof(plain), &rs[n], NULL))
            continue;
        ciphers[n] = xmalloc(SEAL_CIPHER_BYTES);
        FUZZ_CHECK(seal_request(&rs[n], pk, ciphers[n]));
        n++;
    }
    char *built = export_build((const unsigned char *const *)ciphers, n);
    write_export(built, strlen(built));
    open_and_list(rs, n);
    free(built);
    for (size_t i = 0; i < n; i++)
        free(ciphers[i]);
    free(ciphers);
    free(rs);
    return 0;
}
