/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_stick_export.c - libFuzzer target for what the kiosk meets on a USB stick when it
 * exports (src/platform/export_dir.c): the entries already in the export directory. The
 * kiosk reads nothing else from the stick; the file it writes is read back and compared.
 * The input describes the stick, one entry a line, built in a fresh temporary directory
 * (under $TMPDIR, else /dev/shm, else /tmp) before export_write runs on it:
 *   f NAME [TEXT]     a regular file
 *   d NAME            a directory
 *   p NAME            a FIFO
 *   l NAME TARGET     a symlink to TARGET: "out" (a file outside the stick), "outdir" (a
 *                     directory outside it), or a plain name inside the stick
 *   name NAME         the name the kiosk exports as (default lotse-export-2026-03-10.txt)
 *   dirlink           the export directory itself is a symlink to a directory outside it
 *   slash             the export directory is given with a trailing '/'
 *   text TEXT         what is exported (default: a short export)
 * NAME is a plain name (no '/', not "." or ".."); other lines are ignored.
 *
 * Invariants (export_dir.h): nothing outside the export directory changes and no entry
 * that was there changes; a symlinked export directory is refused (EXPORT_NO_DIR); an
 * invalid name fails; otherwise the file is written under the first free name of
 * NAME, NAME-2, ... NAME-99 ("-k" before the extension), as a new regular file of mode
 * 0600 holding exactly the text, and *written names it - or, when all 99 are taken, the
 * export fails and leaves nothing behind. */
#define _XOPEN_SOURCE 700 /* mkdtemp, nftw, mkfifo */
#include <dirent.h>
#include <ftw.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"
#include "export_dir.h"

#define MAX_ENTRIES 128

static char *base;

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0;
}

static void remove_tree(const char *path)
{
    nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static void teardown(void)
{
    remove_tree(base);
    free(base);
}

static void setup(void)
{
    if (base)
        return;
    const char *t = getenv("TMPDIR");
    base = xasprintf("%s/lotse-fuzz-export.XXXXXX", t && *t                         ? t
                                                    : access("/dev/shm", W_OK) == 0 ? "/dev/shm"
                                                                                    : "/tmp");
    FUZZ_CHECK(mkdtemp(base) != NULL);
    atexit(teardown);
}

/* A description of every entry under dir, sorted by name: "name type size|target|text".
 * Subdirectories are listed too (recursively). */
static void describe(strbuf *sb, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        strbuf_printf(sb, "(%s: unreadable)\n", dir);
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            VEC_PUSH(names, n, cap, xstrdup(e->d_name));
    closedir(d);
    for (size_t i = 0; i < n; i++) /* insertion sort: few entries */
        for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char *x = names[j];
            names[j] = names[j - 1];
            names[j - 1] = x;
        }
    for (size_t i = 0; i < n; i++) {
        char *p = xasprintf("%s/%s", dir, names[i]);
        struct stat st;
        FUZZ_CHECK(lstat(p, &st) == 0);
        strbuf_printf(sb, "%s %o ", p, (unsigned)st.st_mode);
        if (S_ISLNK(st.st_mode)) {
            char target[256];
            ssize_t l = readlink(p, target, sizeof(target) - 1);
            FUZZ_CHECK(l >= 0);
            target[l] = '\0';
            strbuf_printf(sb, "-> %s\n", target);
        } else if (S_ISREG(st.st_mode)) {
            FILE *f = fopen(p, "rb");
            FUZZ_CHECK(f != NULL);
            char buf[512];
            size_t r;
            strbuf_printf(sb, "%lld [", (long long)st.st_size);
            while ((r = fread(buf, 1, sizeof(buf), f)) > 0)
                strbuf_append(sb, buf, r);
            fclose(f);
            strbuf_puts(sb, "]\n");
        } else if (S_ISDIR(st.st_mode)) {
            strbuf_puts(sb, "dir\n");
            describe(sb, p);
        } else {
            strbuf_puts(sb, "other\n");
        }
        free(p);
        free(names[i]);
    }
    free(names);
}

static bool plain_name(const char *s)
{
    return *s && !strchr(s, '/') && strcmp(s, ".") != 0 && strcmp(s, "..") != 0 && strlen(s) <= 64;
}

/* Candidate k of name, as export_dir.h documents it (k = 1: the name itself). */
static char *candidate(const char *name, int k)
{
    if (k == 1)
        return xstrdup(name);
    const char *dot = strrchr(name, '.');
    if (!dot || dot == name)
        return xasprintf("%s-%d", name, k);
    return xasprintf("%.*s-%d%s", (int)(dot - name), name, k, dot);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    setup();
    char *input = fuzz_cstr(data, size);
    char *run = xasprintf("%s/run", base);
    char *stick = xasprintf("%s/stick", run);
    char *outside = xasprintf("%s/outside", run);
    char *name = xstrdup("lotse-export-2026-03-10.txt");
    char *text = xstrdup("lotse-export v1\nend 0 0\n");
    bool dirlink = false, slash = false;
    FUZZ_CHECK(mkdir(run, 0700) == 0 && mkdir(outside, 0700) == 0);
    char *sentinel = xasprintf("%s/sentinel", outside);
    FILE *sf = fopen(sentinel, "wb");
    FUZZ_CHECK(sf != NULL && fputs("outside the stick\n", sf) >= 0 && fclose(sf) == 0);
    free(sentinel);

    /* First pass: options; the directory must exist before its entries. */
    for (char *line = input; line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        if (strcmp(line, "dirlink") == 0)
            dirlink = true;
        else if (strcmp(line, "slash") == 0)
            slash = true;
        else if (str_starts_with(line, "name ")) {
            free(name);
            name = xstrdup(line + 5);
        } else if (str_starts_with(line, "text ")) {
            free(text);
            text = xasprintf("%s\n", line + 5);
        }
        if (nl)
            *nl = '\n';
        line = nl ? nl + 1 : NULL;
    }
    if (dirlink) {
        FUZZ_CHECK(symlink("outside", stick) == 0);
    } else {
        FUZZ_CHECK(mkdir(stick, 0700) == 0);
        int entries = 0;
        for (char *line = input; line && entries < MAX_ENTRIES;) {
            char *nl = strchr(line, '\n');
            if (nl)
                *nl = '\0';
            char kind = line[0];
            if (line[0] && line[1] == ' ' && strchr("fdpl", kind)) {
                char *nm = line + 2;
                char *arg = strchr(nm, ' ');
                if (arg)
                    *arg++ = '\0';
                if (plain_name(nm)) {
                    char *p = xasprintf("%s/%s", stick, nm);
                    if (kind == 'f') {
                        FILE *f = fopen(p, "wbx");
                        if (f) {
                            fputs(arg ? arg : "", f);
                            fclose(f);
                        }
                    } else if (kind == 'd') {
                        mkdir(p, 0700);
                    } else if (kind == 'p') {
                        mkfifo(p, 0600);
                    } else if (arg) {
                        const char *target = strcmp(arg, "out") == 0      ? "../outside/sentinel"
                                             : strcmp(arg, "outdir") == 0 ? "../outside"
                                             : plain_name(arg)            ? arg
                                                                          : NULL;
                        if (target)
                            symlink(target, p);
                    }
                    free(p);
                    entries++;
                }
                if (arg)
                    arg[-1] = ' ';
            }
            if (nl)
                *nl = '\n';
            line = nl ? nl + 1 : NULL;
        }
    }

    /* What export_dir.h promises for this stick: the first free candidate name. */
    bool name_ok = *name && !strchr(name, '/') && strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
    int free_k = 0;
    for (int k = 1; k <= 99 && !free_k && !dirlink && name_ok; k++) {
        char *c = candidate(name, k);
        char *p = xasprintf("%s/%s", stick, c);
        struct stat ls;
        if (lstat(p, &ls) != 0)
            free_k = k;
        free(p);
        free(c);
    }

    strbuf before;
    strbuf_init(&before);
    strbuf_append(&before, "", 0);
    describe(&before, run);
    char *dir = xasprintf("%s%s", stick, slash ? "/" : "");
    char *written = NULL, *err = NULL;
    export_status st = export_write(dir, name, text, strlen(text), &written, &err);
    strbuf after;
    strbuf_init(&after);
    strbuf_append(&after, "", 0);
    describe(&after, run);

    if (dirlink || !name_ok || free_k == 0) {
        FUZZ_CHECK(st == (dirlink ? EXPORT_NO_DIR : EXPORT_FAILED));
        FUZZ_CHECK(written == NULL && err != NULL);
        FUZZ_CHECK(strcmp(before.data, after.data) == 0);
    } else {
        if (st != EXPORT_OK)
            fprintf(stderr, "fuzz_stick_export: %s\n", err);
        FUZZ_CHECK(st == EXPORT_OK && err == NULL && written != NULL);
        char *c = candidate(name, free_k);
        char *want = xasprintf("%s/%s", stick, c);
        FUZZ_CHECK(strcmp(written, want) == 0);
        struct stat ls;
        FUZZ_CHECK(lstat(want, &ls) == 0 && S_ISREG(ls.st_mode) && (ls.st_mode & 07777) == 0600);
        FILE *f = fopen(want, "rb");
        FUZZ_CHECK(f != NULL);
        size_t len = strlen(text);
        char *back = xmalloc(len + 1);
        FUZZ_CHECK(fread(back, 1, len + 1, f) == len && memcmp(back, text, len) == 0);
        fclose(f);
        free(back);
        /* after = before plus exactly this file: remove it and compare again. */
        FUZZ_CHECK(unlink(want) == 0);
        strbuf again;
        strbuf_init(&again);
        strbuf_append(&again, "", 0);
        describe(&again, run);
        FUZZ_CHECK(strcmp(before.data, again.data) == 0);
        strbuf_finish(&again);
        free(want);
        free(c);
    }
    strbuf_finish(&before);
    strbuf_finish(&after);
    free(written);
    free(err);
    free(dir);
    remove_tree(run);
    free(run);
    free(stick);
    free(outside);
    free(name);
    free(text);
    free(input);
    return 0;
}
