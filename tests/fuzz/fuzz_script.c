/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_script.c - libFuzzer target for the automation interface (src/app/script.c), end
 * to end: the input is a script, run by script_run against the real kiosk, started once
 * headless (SDL offscreen, software renderer) on the demo site with the fuzz worker key
 * and an Admin-PIN (1234, hashed with the cheapest Argon2id parameters), by app_start as
 * main() does for `lotse --headless --now 2026-03-10T08:55 --script FILE`. Before each input the
 * kiosk goes back to the home screen (ui_reset) and the wall clock to 2026-03-10T08:55;
 * the monotonic clock, the request queue, the PIN lockout and the database carry over.
 *
 * Files: everything happens in a private temporary directory (mkdtemp under $TMPDIR,
 * else /dev/shm, else /tmp): the state database (data/), the export directory
 * (export/), the script file, and the current directory (cwd/) where `screenshot` and
 * `dump` write; an input that contains '/' is skipped, so their file names cannot leave
 * cwd/, which is emptied after every input. The site and the translations are read from
 * the source tree (LOTSE_SOURCE_DIR).
 *
 * Invariants: script_run returns 0 or 1 (2 would mean the script file was not read), a
 * screen is shown afterwards and the kiosk draws a frame again. The sanitizers do the
 * rest. Run with ASAN_OPTIONS=detect_leaks=0: SDL's own allocations look like leaks. */
#define _XOPEN_SOURCE 700 /* mkdtemp, nftw */
#include <dirent.h>
#include <ftw.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "time/civil.h"
#include "request/flood.h"
#include "seal.h"
#include "fuzz.h"

#ifndef LOTSE_SOURCE_DIR
#error "build with -DLOTSE_SOURCE_DIR=\"/path/to/the/source/tree\""
#endif

#define PK_LINE "lotse-worker-pk v1 SDu3frHl/rSZmLt+Q/VWTC1XyUhO16NnzyfIMqcKJUE="

static kiosk k;
static char *base_dir, *cwd_dir, *export_dir, *script_path;

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path) == 0 ? 0 : 0; /* best effort: keep going */
}

/* Remove everything inside dir (not dir itself). */
static void empty_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char *p = xasprintf("%s/%s", dir, e->d_name);
        nftw(p, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
        free(p);
    }
    closedir(d);
}

static void teardown(void)
{
    app_stop(&k);
    options_finish(&k.opt);
    if (chdir("/") == 0)
        nftw(base_dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    free(base_dir);
    free(cwd_dir);
    free(export_dir);
    free(script_path);
}

static const char *tmp_base(void)
{
    const char *t = getenv("TMPDIR");
    if (t && *t)
        return t;
    return access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
}

static void setup(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    FUZZ_CHECK(seal_init());
    base_dir = xasprintf("%s/lotse-fuzz-script.XXXXXX", tmp_base());
    FUZZ_CHECK(mkdtemp(base_dir) != NULL);
    cwd_dir = xasprintf("%s/cwd", base_dir);
    export_dir = xasprintf("%s/export", base_dir);
    script_path = xasprintf("%s/input.lotse", base_dir);
    FUZZ_CHECK(mkdir(cwd_dir, 0700) == 0 && mkdir(export_dir, 0700) == 0);
    FUZZ_CHECK(chdir(cwd_dir) == 0);
    setenv("SDL_VIDEODRIVER", "offscreen", 0);

    options *o = &k.opt;
    o->headless = true;
    o->site_dir = xstrdup(LOTSE_SOURCE_DIR "/assets/demo-site");
    o->locales_dir = xstrdup(LOTSE_SOURCE_DIR "/locales");
    o->data_dir = xasprintf("%s/data", base_dir);
    o->export_dir = xstrdup(export_dir);
    o->worker_key = xstrdup(PK_LINE);
    char hash[crypto_pwhash_STRBYTES];
    FUZZ_CHECK(crypto_pwhash_str(hash, "1234", 4, crypto_pwhash_OPSLIMIT_MIN,
                                 crypto_pwhash_MEMLIMIT_MIN) == 0);
    o->admin_pin = xstrdup(hash);
    o->have_now = civil_parse_local_datetime("2026-03-10T08:55", &o->now_utc);
    FUZZ_CHECK(o->have_now);
    options_apply_defaults(o);

    /* The start-up of main() for --headless --script. */
    char *err = NULL;
    if (!app_start(&k, &err)) {
        fprintf(stderr, "fuzz_script: %s\n", err);
        abort();
    }
    FUZZ_CHECK(k.store != NULL && k.store_aside == NULL && k.site != NULL);
    atexit(teardown);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (memchr(data, '/', size))
        return 0; /* a path for screenshot or dump could leave the temporary directory */
    setup();
    FILE *f = fopen(script_path, "wb");
    FUZZ_CHECK(f != NULL);
    FUZZ_CHECK(size == 0 || fwrite(data, 1, size, f) == size);
    FUZZ_CHECK(fclose(f) == 0);

    /* Every script starts at 2026-03-10T08:55 on the home screen. The monotonic clock
     * goes on (the kiosk never sees it go back); the wall clock is set back, as a time
     * correction would. */
    k.utc_base = k.opt.now_utc - k.mono_ms / 1000;
    ui_reset(k.st, k.mono_ms);
    kiosk_frame(&k, true);
    int rc = script_run(&k, script_path);
    FUZZ_CHECK(rc == 0 || rc == 1);
    FUZZ_CHECK(k.shown != NULL && k.shown->screen != NULL);
    kiosk_frame(&k, false);
    empty_dir(cwd_dir);
    empty_dir(export_dir);
    return 0;
}
