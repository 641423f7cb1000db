/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* lotse_admin.c - lotse-admin, the social worker's command-line tool at the office.
 *
 *   lotse-admin keygen --out DIR [--passphrase-file FILE]
 *   lotse-admin pin [--pin-file FILE]
 *   lotse-admin open EXPORT --key SKFILE [--passphrase-file FILE] [--csv | --json]
 *
 * keygen makes her key pair (DIR/worker.pk for the kiosks, DIR/worker.sk locked with her
 * passphrase); pin prints the hash of an admin PIN for the kiosk configuration; open
 * decrypts an export file written by a kiosk and prints the requests.
 * Secrets are asked on the terminal with echo off; the *-file options exist for scripts
 * and tests and read the first line of the file.
 * Exit status: 0 done, 1 an error (one clear message on stderr), 2 a usage error. */
#define _POSIX_C_SOURCE 200809L /* sigaction, O_CLOEXEC, O_NOFOLLOW, fsync */

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "base/util.h"
#include "files.h"
#include "seal.h"

#ifndef LOTSE_VERSION
#define LOTSE_VERSION "unknown"
#endif

#define EXIT_USAGE 2
#define MAX_EXPORT_BYTES ((size_t)64 * 1024 * 1024)
#define MAX_KEY_BYTES ((size_t)64 * 1024)
#define MAX_SECRET_LINE 1024
#define MIN_PASSPHRASE_CHARS 8

static const char USAGE[] =
    "Usage:\n"
    "  lotse-admin keygen --out DIR [--passphrase-file FILE]\n"
    "      Make the social worker's key pair: DIR/worker.pk (public, for the kiosks)\n"
    "      and DIR/worker.sk (secret, locked with a passphrase). Never overwrites.\n"
    "  lotse-admin pin [--pin-file FILE]\n"
    "      Ask for an admin PIN (4 to 8 digits) and print the line for the kiosk\n"
    "      configuration.\n"
    "  lotse-admin open EXPORT --key SKFILE [--passphrase-file FILE] [--csv | --json]\n"
    "      Decrypt an export file from a kiosk and print its requests as a table,\n"
    "      as CSV (RFC 4180) or as JSON.\n"
    "  lotse-admin --help | --version\n"
    "Secrets are asked on the terminal; a *-file option reads the first line of FILE.\n"
    "Exit status: 0 done, 1 error, 2 usage error.\n";

/* "lotse-admin: <message>" on stderr, then tail. */
static void vreport(const char *fmt, va_list ap, const char *tail)
{
    fputs("lotse-admin: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputs(tail, stderr);
}

static int error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(fmt, ap, "\n");
    va_end(ap);
    return EXIT_FAILURE;
}

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(fmt, ap, "\nTry 'lotse-admin --help'.\n");
    va_end(ap);
    return EXIT_USAGE;
}

/* Wipe and free a secret string. NULL is a no-op. */
static void secret_free(char *s)
{
    if (s) {
        sodium_memzero(s, strlen(s));
        free(s);
    }
}

/* ------------------------------------------------------------------ files */

/* Create path (which must not exist; a symlink is not followed) with exactly this mode,
 * write text, fsync. On failure nothing is left behind. */
static bool write_new_file(const char *path, const char *text, mode_t mode, char **err)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd < 0) {
        *err = xasprintf("%s: %s", path, strerror(errno));
        return false;
    }
    size_t n = strlen(text), done = 0;
    if (fchmod(fd, mode) != 0) /* the umask must not make the public key unreadable */
        goto fail;
    while (done < n) {
        ssize_t w = write(fd, text + done, n - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            goto fail;
        done += (size_t)w;
    }
    if (fsync(fd) != 0)
        goto fail;
    if (close(fd) != 0) {
        fd = -1;
        goto fail;
    }
    return true;
fail:
    *err = xasprintf("%s: %s", path, strerror(errno));
    if (fd >= 0)
        close(fd);
    unlink(path);
    return false;
}

/* ------------------------------------------------------------------ secrets */

/* The terminal state to restore if a signal arrives while echo is off. */
static struct {
    int fd;
    struct termios saved;
    volatile sig_atomic_t echo_off;
} g_tty = {.fd = -1};

static void tty_signal(int sig)
{
    if (g_tty.echo_off)
        tcsetattr(g_tty.fd, TCSAFLUSH, &g_tty.saved);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Ask on the terminal with echo off. Returns a new string (caller wipes with
 * secret_free) or NULL with *err. */
static char *ask_secret(const char *prompt, char **err)
{
    int fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        *err = xasprintf("no terminal to ask on (%s); use the -file option", strerror(errno));
        return NULL;
    }
    struct termios t;
    if (tcgetattr(fd, &t) != 0) {
        *err = xasprintf("cannot set up the terminal: %s", strerror(errno));
        close(fd);
        return NULL;
    }
    g_tty.fd = fd;
    g_tty.saved = t;
    struct sigaction sa = {.sa_handler = tty_signal}, old_int, old_term, old_hup;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
    sigaction(SIGHUP, &sa, &old_hup);
    t.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
    t.c_lflag |= ICANON;
    g_tty.echo_off = 1;
    tcsetattr(fd, TCSAFLUSH, &t);
    if (write(fd, prompt, strlen(prompt)) < 0) {
        /* the prompt is a courtesy; reading still works */
    }

    char buf[MAX_SECRET_LINE];
    size_t n = 0;
    bool too_long = false, eof = false;
    for (;;) {
        char c;
        ssize_t r = read(fd, &c, 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            eof = true;
            break;
        }
        if (c == '\n')
            break;
        if (n + 1 < sizeof(buf))
            buf[n++] = c;
        else
            too_long = true;
    }
    buf[n] = '\0';
    tcsetattr(fd, TCSAFLUSH, &g_tty.saved);
    g_tty.echo_off = 0;
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
    sigaction(SIGHUP, &old_hup, NULL);
    if (write(fd, "\n", 1) < 0) {
        /* as above */
    }
    close(fd);
    g_tty.fd = -1;

    char *s = NULL;
    if (eof && n == 0)
        *err = xstrdup("no input");
    else if (too_long)
        *err = xasprintf("too long (at most %d bytes)", MAX_SECRET_LINE - 1);
    else
        s = xstrdup(buf);
    sodium_memzero(buf, sizeof(buf));
    return s;
}

/* The first line of path (without "\n" or "\r\n"). New string or NULL with *err. */
static char *read_secret_file(const char *path, char **err)
{
    size_t len;
    char *text = files_read_max(path, MAX_KEY_BYTES, &len, err);
    if (!text)
        return NULL;
    size_t n = strcspn(text, "\n");
    if (n && text[n - 1] == '\r')
        n--;
    char *s = xstrndup(text, n);
    sodium_memzero(text, len);
    free(text);
    return s;
}

/* Get a new secret: from file, or asked twice on the terminal. */
static char *new_secret(const char *file, const char *prompt, const char *again, char **err)
{
    if (file)
        return read_secret_file(file, err);
    char *a = ask_secret(prompt, err);
    if (!a)
        return NULL;
    char *b = ask_secret(again, err);
    if (!b) {
        secret_free(a);
        return NULL;
    }
    bool same = strcmp(a, b) == 0;
    secret_free(b);
    if (!same) {
        secret_free(a);
        *err = xstrdup("the two entries differ; nothing was changed");
        return NULL;
    }
    return a;
}

/* ------------------------------------------------------------------ options */

/* If argv[*i] is option name ("--key" or "--key=VALUE"), store its value and return true;
 * a missing value sets *missing. */
static bool opt_value(char **argv, int argc, int *i, const char *name, const char **value,
                      bool *missing)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n) != 0)
        return false;
    if (argv[*i][n] == '=') {
        *value = argv[*i] + n + 1;
        return true;
    }
    if (argv[*i][n] != '\0')
        return false;
    if (*i + 1 >= argc) {
        *missing = true;
        return true;
    }
    *value = argv[++*i];
    return true;
}

/* ------------------------------------------------------------------ keygen */

static int cmd_keygen(int argc, char **argv)
{
    const char *out = NULL, *pass_file = NULL;
    for (int i = 1; i < argc; i++) {
        bool missing = false;
        if (opt_value(argv, argc, &i, "--out", &out, &missing) ||
            opt_value(argv, argc, &i, "--passphrase-file", &pass_file, &missing)) {
            if (missing)
                return usage_error("%s needs a value", argv[i]);
            continue;
        }
        return usage_error("keygen: unknown argument '%s'", argv[i]);
    }
    if (!out || !*out)
        return usage_error("keygen needs --out DIR");

    int rc = EXIT_FAILURE;
    char *err = NULL, *pass = NULL, *sk_text = NULL, *pk_text = NULL;
    char *pk_path = xasprintf("%s/worker.pk", out), *sk_path = xasprintf("%s/worker.sk", out);
    unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
    struct stat st;

    if (mkdir(out, 0700) != 0 && errno != EEXIST) {
        error("%s: %s", out, strerror(errno));
        goto done;
    }
    if (stat(out, &st) != 0 || !S_ISDIR(st.st_mode)) {
        error("%s: not a directory", out);
        goto done;
    }
    if (lstat(sk_path, &st) == 0 || lstat(pk_path, &st) == 0) {
        error("%s already holds a key (worker.pk or worker.sk); refusing to overwrite it", out);
        goto done;
    }
    pass = new_secret(pass_file,
                      "New passphrase for the secret key: ", "The same passphrase again: ", &err);
    if (!pass) {
        error("passphrase: %s", err);
        goto done;
    }
    if (utf8_length(pass) < MIN_PASSPHRASE_CHARS) {
        error("the passphrase is too short: use at least %d characters", MIN_PASSPHRASE_CHARS);
        goto done;
    }
    crypto_box_keypair(pk, sk);
    sk_text = key_sk_lock(sk, pk, pass);
    sodium_memzero(sk, sizeof(sk));
    if (!sk_text) {
        error("cannot lock the secret key (the key derivation needs 256 MiB of memory)");
        goto done;
    }
    pk_text = key_pk_to_text(pk);
    if (!write_new_file(sk_path, sk_text, 0600, &err)) {
        error("%s", err);
        goto done;
    }
    if (!write_new_file(pk_path, pk_text, 0644, &err)) {
        unlink(sk_path);
        error("%s", err);
        goto done;
    }
    printf("Wrote %s: the public key. Put it on the kiosks.\n"
           "Wrote %s: your secret key, locked with your passphrase. Keep it safe and keep a\n"
           "backup: without this file and the passphrase no request can ever be read.\n",
           pk_path, sk_path);
    rc = EXIT_SUCCESS;
done:
    secret_free(pass);
    free(sk_text);
    free(pk_text);
    free(pk_path);
    free(sk_path);
    free(err);
    return rc;
}

/* ------------------------------------------------------------------ pin */

static int cmd_pin(int argc, char **argv)
{
    const char *pin_file = NULL;
    for (int i = 1; i < argc; i++) {
        bool missing = false;
        if (opt_value(argv, argc, &i, "--pin-file", &pin_file, &missing)) {
            if (missing)
                return usage_error("%s needs a value", argv[i]);
            continue;
        }
        return usage_error("pin: unknown argument '%s'", argv[i]);
    }
    char *err = NULL;
    char *pin =
        new_secret(pin_file, "New admin PIN (4 to 8 digits): ", "The same PIN again: ", &err);
    if (!pin) {
        error("PIN: %s", err);
        free(err);
        return EXIT_FAILURE;
    }
    if (!pin_valid(pin)) {
        secret_free(pin);
        return error("the PIN must be 4 to 8 digits (0-9)");
    }
    char hash[crypto_pwhash_STRBYTES];
    bool ok = pin_hash(pin, hash);
    secret_free(pin);
    if (!ok)
        return error("cannot hash the PIN (out of memory?)");
    fputs("Put this line into the kiosk configuration:\n", stderr);
    printf("Admin-PIN: %s\n", hash);
    return EXIT_SUCCESS;
}

/* ------------------------------------------------------------------ open */

enum format { FORMAT_TABLE, FORMAT_CSV, FORMAT_JSON };

enum { COLS = 7 };
static const char *const COL_TITLE[COLS] = {"Ticket",      "Day",  "Topic", "Channel",
                                            "Interpreter", "Name", "Phone"};
static const char *const COL_KEY[COLS] = {"ticket",           "day",  "topic", "channel",
                                          "interpreter_lang", "name", "phone"};

static const char *col(const request *r, int c)
{
    switch (c) {
    case 0:
        return r->ticket;
    case 1:
        return r->day;
    case 2:
        return r->topic;
    case 3:
        return r->channel;
    case 4:
        return r->interpreter_lang;
    case 5:
        return r->name;
    default:
        return r->phone;
    }
}

static void print_table(const request *rs, size_t n)
{
    size_t width[COLS];
    for (int c = 0; c < COLS; c++) {
        width[c] = utf8_length(COL_TITLE[c]);
        for (size_t i = 0; i < n; i++) {
            size_t w = *col(&rs[i], c) ? utf8_length(col(&rs[i], c)) : 1;
            if (w > width[c])
                width[c] = w;
        }
    }
    for (size_t i = 0; i <= n; i++) {
        for (int c = 0; c < COLS; c++) {
            const char *s = i == 0 ? COL_TITLE[c] : col(&rs[i - 1], c);
            if (!*s)
                s = "-";
            fputs(s, stdout);
            if (c + 1 < COLS)
                for (size_t k = utf8_length(s); k < width[c] + 2; k++)
                    putchar(' ');
        }
        putchar('\n');
    }
    printf("%zu request%s\n", n, n == 1 ? "" : "s");
}

/* A CSV field (RFC 4180). A field that a spreadsheet would run as a formula (starting with
 * = + - @) gets a leading ' (OWASP's advice), except a phone-like number such as
 * "+49 171 2345678": parents type these fields, the worker opens the file in a
 * spreadsheet. */
static void csv_field(strbuf *sb, const char *s)
{
    bool formula = strchr("=+-@", s[0]) && s[0] && strspn(s, "0123456789 +-/().") != strlen(s);
    bool quote = formula || strpbrk(s, ",\"\r\n") != NULL;
    if (quote)
        strbuf_putc(sb, '"');
    if (formula)
        strbuf_putc(sb, '\'');
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            strbuf_putc(sb, '"');
        strbuf_putc(sb, *p);
    }
    if (quote)
        strbuf_putc(sb, '"');
}

static void print_csv(const request *rs, size_t n)
{
    strbuf sb;
    strbuf_init(&sb);
    for (size_t i = 0; i <= n; i++) {
        for (int c = 0; c < COLS; c++) {
            if (c)
                strbuf_putc(&sb, ',');
            csv_field(&sb, i == 0 ? COL_KEY[c] : col(&rs[i - 1], c));
        }
        strbuf_puts(&sb, "\r\n");
    }
    fwrite(sb.data, 1, sb.len, stdout);
    sodium_memzero(sb.data, sb.len);
    strbuf_finish(&sb);
}

static void print_json(const request *rs, size_t n)
{
    strbuf sb;
    strbuf_init(&sb);
    strbuf_puts(&sb, "[");
    for (size_t i = 0; i < n; i++) {
        strbuf_puts(&sb, i ? ",\n  {" : "\n  {");
        for (int c = 0; c < COLS; c++) {
            if (c)
                strbuf_puts(&sb, ", ");
            strbuf_json_string(&sb, COL_KEY[c]);
            strbuf_puts(&sb, ": ");
            strbuf_json_string(&sb, col(&rs[i], c));
        }
        strbuf_putc(&sb, '}');
    }
    strbuf_puts(&sb, n ? "\n]\n" : "]\n");
    fwrite(sb.data, 1, sb.len, stdout);
    sodium_memzero(sb.data, sb.len);
    strbuf_finish(&sb);
}

static int cmd_open(int argc, char **argv)
{
    const char *export_path = NULL, *key_path = NULL, *pass_file = NULL;
    enum format format = FORMAT_TABLE;
    bool format_set = false;
    for (int i = 1; i < argc; i++) {
        bool missing = false;
        if (opt_value(argv, argc, &i, "--key", &key_path, &missing) ||
            opt_value(argv, argc, &i, "--passphrase-file", &pass_file, &missing)) {
            if (missing)
                return usage_error("%s needs a value", argv[i]);
        } else if (strcmp(argv[i], "--csv") == 0 || strcmp(argv[i], "--json") == 0) {
            if (format_set)
                return usage_error("choose one of --csv and --json");
            format = argv[i][2] == 'c' ? FORMAT_CSV : FORMAT_JSON;
            format_set = true;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            return usage_error("open: unknown option '%s'", argv[i]);
        } else if (!export_path) {
            export_path = argv[i];
        } else {
            return usage_error("open: one export file at a time ('%s')", argv[i]);
        }
    }
    if (!export_path)
        return usage_error("open needs the EXPORT file");
    if (!key_path)
        return usage_error("open needs --key SKFILE (your worker.sk)");

    int rc = EXIT_FAILURE;
    char *err = NULL, *text = NULL, *key_text = NULL, *pass = NULL;
    unsigned char **ciphers = NULL;
    size_t n = 0, len = 0, key_len = 0, opened = 0;
    unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
    request *rs = NULL;

    /* The export first: a damaged file is reported before the passphrase is asked. */
    text = files_read_max(export_path, MAX_EXPORT_BYTES, &len, &err);
    if (!text || !export_parse(export_path, text, len, &ciphers, &n, &err)) {
        error("%s", err);
        goto done;
    }
    key_text = files_read_max(key_path, MAX_KEY_BYTES, &key_len, &err);
    if (!key_text) {
        error("%s", err);
        goto done;
    }
    if (pass_file) {
        pass = read_secret_file(pass_file, &err);
    } else {
        char *prompt = xasprintf("Passphrase for %s: ", key_path);
        pass = ask_secret(prompt, &err);
        free(prompt);
    }
    if (!pass) {
        error("passphrase: %s", err);
        goto done;
    }
    if (!key_sk_unlock(key_text, pass, sk, pk, &err)) {
        error("%s: %s", key_path, err);
        goto done;
    }
    rs = xcalloc(n ? n : 1, sizeof(*rs));
    char **why = xcalloc(n ? n : 1, sizeof(*why)); /* why request i failed, or NULL */
    for (size_t i = 0; i < n; i++) {
        if (open_request(ciphers[i], SEAL_CIPHER_BYTES, pk, sk, &rs[opened], &why[i]))
            opened++;
    }
    if (opened == 0 && n > 0) {
        /* All failed: the key is wrong; one message, not one per request. */
        error("%s: no request could be opened with %s: %s", export_path, key_path, why[0]);
    } else if (opened < n) {
        for (size_t i = 0; i < n; i++)
            if (why[i])
                error("%s:%zu: %s", export_path, i + 2, why[i]); /* line 1 is the header */
        error("%s: %zu of %zu requests could not be opened; the others follow", export_path,
              n - opened, n);
    }
    for (size_t i = 0; i < n; i++)
        free(why[i]);
    free(why);
    if (opened > 0 || n == 0) {
        if (format == FORMAT_CSV)
            print_csv(rs, opened);
        else if (format == FORMAT_JSON)
            print_json(rs, opened);
        else
            print_table(rs, opened);
    }
    if (fflush(stdout) != 0) {
        error("cannot write the output: %s", strerror(errno));
        goto done;
    }
    rc = opened == n ? EXIT_SUCCESS : EXIT_FAILURE;
done:
    sodium_memzero(sk, sizeof(sk));
    if (rs)
        sodium_memzero(rs, (n ? n : 1) * sizeof(*rs));
    free(rs);
    secret_free(pass);
    free(key_text);
    free(text);
    export_free(ciphers, n);
    free(err);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage_error("which command? keygen, pin or open");
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(USAGE, stdout);
        return EXIT_SUCCESS;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("lotse-admin %s\n", LOTSE_VERSION);
        return EXIT_SUCCESS;
    }
    if (!seal_init())
        return error("cannot initialise libsodium");
    if (strcmp(cmd, "keygen") == 0)
        return cmd_keygen(argc - 1, argv + 1);
    if (strcmp(cmd, "pin") == 0)
        return cmd_pin(argc - 1, argv + 1);
    if (strcmp(cmd, "open") == 0)
        return cmd_open(argc - 1, argv + 1);
    return usage_error("unknown command '%s'", cmd);
}
