/* test_store.c - the SQLite store (store.c): creating the directory and the database,
 * schema version and pragmas, the site snapshot round trip, and failing with a message
 * (never a crash) on a database from a newer lotse, a broken file or an unusable path.
 * Every test works in its own mkdtemp directory under /tmp and removes it. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, lstat */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <dirent.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/store.h"
#include "util.h"

/* Remove a directory tree (only what the tests create: files and directories). */
static void rm_rf(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        if (d) {
            struct dirent *e;
            while ((e = readdir(d)) != NULL) {
                if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                    continue;
                char *child = xasprintf("%s/%s", path, e->d_name);
                rm_rf(child);
                free(child);
            }
            closedir(d);
        }
        rmdir(path);
    } else {
        unlink(path);
    }
}

static int setup(void **state)
{
    char *dir = xstrdup("/tmp/lotse-test-store-XXXXXX");
    if (!mkdtemp(dir)) {
        free(dir);
        return -1;
    }
    *state = dir;
    return 0;
}

static int teardown(void **state)
{
    rm_rf(*state);
    free(*state);
    return 0;
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* One value of a query on a separate connection to path (caller frees). */
static char *query_text(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    char *out = NULL;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW)
        out = xstrdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

static void exec_on(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

static void test_open_fresh_nested(void **state)
{
    const char *tmp = *state;
    char *data = xasprintf("%s/a/b/c", tmp);
    assert_false(is_dir(data));
    char *err = NULL;
    store *s = store_open(data, &err);
    if (!s)
        fail_msg("store_open: %s", err ? err : "(no message)");
    assert_null(err);
    assert_true(is_dir(data));
    char *db = xasprintf("%s/lotse.db", data);
    assert_string_equal(store_path(s), db);
    assert_int_equal(access(db, F_OK), 0);
    assert_int_equal(store_schema_version(s), STORE_SCHEMA_VERSION);

    /* A fresh store holds no snapshot. */
    site_file *files = (site_file *)1;
    size_t n = 99;
    assert_true(store_snapshot_load(s, &files, &n, &err));
    assert_int_equal(n, 0);
    store_files_free(files, n);

    /* WAL is a property of the file: a second connection sees it. */
    char *mode = query_text(db, "PRAGMA journal_mode");
    assert_non_null(mode);
    assert_string_equal(mode, "wal");
    free(mode);
    char *version = query_text(db, "PRAGMA user_version");
    int want = STORE_SCHEMA_VERSION;
    char *want_s = xasprintf("%d", want);
    assert_string_equal(version, want_s);
    free(want_s);
    free(version);
    store_close(s);
    store_close(NULL);

    /* The directory is private to the kiosk. */
    struct stat st;
    assert_int_equal(stat(data, &st), 0);
    assert_int_equal(st.st_mode & 077, 0);

    /* Opening again (directory and database present) works and keeps the version. */
    s = store_open(data, &err);
    assert_non_null(s);
    assert_int_equal(store_schema_version(s), STORE_SCHEMA_VERSION);
    store_close(s);
    free(db);
    free(data);
}

static void test_open_trailing_slash(void **state)
{
    const char *tmp = *state;
    char *data = xasprintf("%s/x/y/", tmp);
    char *err = NULL;
    store *s = store_open(data, &err);
    if (!s)
        fail_msg("store_open: %s", err ? err : "(no message)");
    store_close(s);
    char *db = xasprintf("%s/x/y/lotse.db", tmp);
    assert_int_equal(access(db, F_OK), 0);
    free(db);
    free(data);
}

static site_file file_of(const char *name, const char *text, size_t len)
{
    site_file f = {name, text, len};
    return f;
}

static const site_file *find_file(const site_file *files, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(files[i].name, name) == 0)
            return &files[i];
    return NULL;
}

static void assert_file(const site_file *files, size_t n, const char *name, const char *text,
                        size_t len)
{
    const site_file *f = find_file(files, n, name);
    if (!f)
        fail_msg("file %s missing from the snapshot", name);
    assert_int_equal(f->len, len);
    assert_memory_equal(f->text, text, len);
    assert_int_equal(f->text[len], '\0'); /* texts are NUL-terminated for the parsers */
}

static void test_snapshot_round_trip(void **state)
{
    const char *tmp = *state;
    char *err = NULL;
    store *s = store_open(tmp, &err);
    assert_non_null(s);

    static const char site_txt[] = "Title: Kita Sonnenblume\nHere: sonnenblume\n";
    static const char services_txt[] = "Id: beratung\nName: Erziehungsberatung – für alle\n";
    static const char binary[] = {'a', '\0', 'b', '\xff', '\x01', '\0', '\n', 'z'};
    site_file files[] = {
        file_of("site.txt", site_txt, sizeof(site_txt) - 1),
        file_of("services.txt", services_txt, sizeof(services_txt) - 1),
        file_of("blob.bin", binary, sizeof(binary)),
        file_of("empty.txt", "", 0),
    };
    assert_true(store_snapshot_save(s, files, 4, &err));

    site_file *got = NULL;
    size_t n = 0;
    assert_true(store_snapshot_load(s, &got, &n, &err));
    assert_int_equal(n, 4);
    assert_file(got, n, "site.txt", site_txt, sizeof(site_txt) - 1);
    assert_file(got, n, "services.txt", services_txt, sizeof(services_txt) - 1);
    assert_file(got, n, "blob.bin", binary, sizeof(binary));
    assert_file(got, n, "empty.txt", "", 0);
    store_files_free(got, n);

    /* Saving the same content again is fine and changes nothing. */
    assert_true(store_snapshot_save(s, files, 4, &err));
    assert_true(store_snapshot_load(s, &got, &n, &err));
    assert_int_equal(n, 4);
    store_files_free(got, n);

    /* Same names, one text changed in its last byte: saved. */
    static const char site_txt2[] = "Title: Kita Sonnenblume\nHere: sonnenblumE\n";
    files[0] = file_of("site.txt", site_txt2, sizeof(site_txt2) - 1);
    assert_true(store_snapshot_save(s, files, 4, &err));
    assert_true(store_snapshot_load(s, &got, &n, &err));
    assert_file(got, n, "site.txt", site_txt2, sizeof(site_txt2) - 1);
    store_files_free(got, n);

    /* A new snapshot replaces the old one entirely: nothing of the old is left. */
    static const char other[] = "Title: Kita Regenbogen\n";
    site_file next[] = {file_of("site.txt", other, sizeof(other) - 1)};
    assert_true(store_snapshot_save(s, next, 1, &err));
    assert_true(store_snapshot_load(s, &got, &n, &err));
    assert_int_equal(n, 1);
    assert_file(got, n, "site.txt", other, sizeof(other) - 1);
    assert_null(find_file(got, n, "services.txt"));
    store_files_free(got, n);

    /* Reopening keeps the snapshot. */
    store_close(s);
    s = store_open(tmp, &err);
    assert_non_null(s);
    assert_true(store_snapshot_load(s, &got, &n, &err));
    assert_int_equal(n, 1);
    assert_file(got, n, "site.txt", other, sizeof(other) - 1);
    store_files_free(got, n);

    /* An empty snapshot is a snapshot too. */
    assert_true(store_snapshot_save(s, NULL, 0, &err));
    assert_true(store_snapshot_load(s, &got, &n, &err));
    assert_int_equal(n, 0);
    store_files_free(got, n);
    assert_null(err);
    store_close(s);
}

/* The snapshot that is read back equals what was saved also for texts that are neither
 * text nor short: all 256 byte values, 1 MiB. */
static void test_snapshot_large_binary(void **state)
{
    const char *tmp = *state;
    char *err = NULL;
    store *s = store_open(tmp, &err);
    assert_non_null(s);
    size_t len = 1 << 20;
    char *big = xmalloc(len);
    for (size_t i = 0; i < len; i++)
        big[i] = (char)(i * 131 + (i >> 8));
    site_file f = file_of("big.bin", big, len);
    assert_true(store_snapshot_save(s, &f, 1, &err));
    site_file *got = NULL;
    size_t n = 0;
    assert_true(store_snapshot_load(s, &got, &n, &err));
    assert_int_equal(n, 1);
    assert_file(got, n, "big.bin", big, len);
    store_files_free(got, n);
    free(big);
    store_close(s);
}

static void test_newer_schema_refused(void **state)
{
    const char *tmp = *state;
    char *err = NULL;
    store *s = store_open(tmp, &err);
    assert_non_null(s);
    char *db = xstrdup(store_path(s));
    store_close(s);
    exec_on(db, "PRAGMA user_version = 99");

    s = store_open(tmp, &err);
    assert_null(s);
    assert_non_null(err);
    assert_non_null(strstr(err, "99"));
    assert_non_null(strstr(err, "newer"));
    free(err);
    /* The database was left alone. */
    char *v = query_text(db, "PRAGMA user_version");
    assert_string_equal(v, "99");
    free(v);
    free(db);
}

static void test_unusable_paths(void **state)
{
    const char *tmp = *state;
    /* A path below a regular file: no directory can be created there. */
    char *file = xasprintf("%s/plain", tmp);
    FILE *f = fopen(file, "w");
    assert_non_null(f);
    fputs("not a directory", f);
    fclose(f);
    char *below = xasprintf("%s/plain/data", tmp);
    char *err = NULL;
    store *s = store_open(below, &err);
    assert_null(s);
    assert_non_null(err);
    assert_true(strlen(err) > 0);
    free(err);
    err = NULL;
    /* The regular file itself as the data directory. */
    s = store_open(file, &err);
    assert_null(s);
    assert_non_null(err);
    free(err);
    err = NULL;

    /* lotse.db exists but is not a database: refused with a message. */
    char *dir = xasprintf("%s/broken", tmp);
    assert_int_equal(mkdir(dir, 0700), 0);
    char *db = xasprintf("%s/lotse.db", dir);
    f = fopen(db, "w");
    assert_non_null(f);
    for (int i = 0; i < 200; i++)
        fputs("this is not an SQLite database at all. ", f);
    fclose(f);
    s = store_open(dir, &err);
    assert_null(s);
    assert_non_null(err);
    free(err);
    err = NULL;

    /* lotse.db is a directory. */
    char *dir2 = xasprintf("%s/dbdir", tmp);
    char *db2 = xasprintf("%s/lotse.db", dir2);
    assert_int_equal(mkdir(dir2, 0700), 0);
    assert_int_equal(mkdir(db2, 0700), 0);
    s = store_open(dir2, &err);
    assert_null(s);
    assert_non_null(err);
    free(err);

    free(db2);
    free(dir2);
    free(db);
    free(dir);
    free(below);
    free(file);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_open_fresh_nested, setup, teardown),
        cmocka_unit_test_setup_teardown(test_open_trailing_slash, setup, teardown),
        cmocka_unit_test_setup_teardown(test_snapshot_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_snapshot_large_binary, setup, teardown),
        cmocka_unit_test_setup_teardown(test_newer_schema_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unusable_paths, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
