/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* replay.c - runs a libFuzzer target over fixed inputs, without libFuzzer, so that ctest
 * replays the seed corpus and every saved crasher on every build (any compiler; the
 * sanitizer build catches memory errors and leaks), as SQLite's test/fuzzcheck.c does.
 *   fuzz_NAME_replay DIR...
 * Every regular file (names starting with '.' are skipped) of every DIR is handed to
 * LLVMFuzzerTestOneInput as an exactly-sized heap buffer, in sorted order. A DIR that does
 * not exist counts as empty (crashers/NAME/ usually does not). Exit 0 when every input ran,
 * 1 when a file could not be read or there was no input at all; a crash in the target
 * ends the program (the file being run is named on stderr just before). */
#define _POSIX_C_SOURCE 200809L /* opendir, clock_gettime */

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "fuzz.h"

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted names of the regular files in dir (new array of new strings; caller frees
 * each and the array). *n = 0 for a missing dir. False if dir exists but cannot be read. */
static bool list_dir(const char *dir, char ***names, size_t *n)
{
    *names = NULL;
    *n = 0;
    DIR *d = opendir(dir);
    if (!d) {
        if (errno == ENOENT)
            return true;
        fprintf(stderr, "replay: %s: %s\n", dir, strerror(errno));
        return false;
    }
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *path = xasprintf("%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
            VEC_PUSH(*names, *n, cap, path);
        else
            free(path);
    }
    closedir(d);
    if (*n)
        qsort(*names, *n, sizeof(**names), compare_names);
    return true;
}

/* The contents of path in a new buffer of exactly *len bytes (caller frees), or NULL. */
static uint8_t *read_file(const char *path, size_t *len)
{
    uint8_t *data = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        goto fail;
    if (fseek(f, 0, SEEK_END) != 0)
        goto fail;
    long size = ftell(f);
    if (size < 0 || fseek(f, 0, SEEK_SET) != 0)
        goto fail;
    data = xmalloc(size ? (size_t)size : 1);
    if (fread(data, 1, (size_t)size, f) != (size_t)size)
        goto fail;
    fclose(f);
    *len = (size_t)size;
    return data;
fail:
    fprintf(stderr, "replay: cannot read %s: %s\n", path, strerror(errno));
    free(data);
    if (f)
        fclose(f);
    return NULL;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s DIR...\n", argv[0]);
        return 2;
    }
    int rc = 0;
    size_t total = 0;
    double start = now_ms();
    for (int i = 1; i < argc; i++) {
        char **names;
        size_t n;
        if (!list_dir(argv[i], &names, &n)) {
            rc = 1;
            continue;
        }
        for (size_t k = 0; k < n; k++) {
            size_t len;
            uint8_t *data = read_file(names[k], &len);
            if (!data) {
                rc = 1;
            } else {
                fprintf(stderr, "replay: %s (%zu bytes)\n", names[k], len);
                double t0 = now_ms();
                LLVMFuzzerTestOneInput(data, len);
                double ms = now_ms() - t0;
                if (ms > 1000)
                    fprintf(stderr, "replay: %s took %.0f ms\n", names[k], ms);
                free(data);
                total++;
            }
            free(names[k]);
        }
        free(names);
    }
    printf("replay: %zu inputs in %.0f ms\n", total, now_ms() - start);
    if (total == 0) {
        fprintf(stderr, "replay: no inputs (is the corpus directory right?)\n");
        rc = 1;
    }
    return rc;
}
