/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* test_store.c - the SQLite store (store.c): creating the directory and the database,
 * schema version and pragmas, the site snapshot round trip, and failing with a message
 * (never a crash) on a database from a newer lotse, a broken file or an unusable path;
 * the migration from schema v1, the request queue (order, oldest day, all-or-nothing
 * delete, retention), the PIN state and the admin's consultation-hour exceptions, each
 * across closing and reopening, and bad input refused with a message.
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

#include "store.h"
#include "base/util.h"

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

/* ---- schema v1 -> v2 ---------------------------------------------------------------- */

/* A database as lotse with schema version 1 left it, with one snapshot file. */
static char *make_v1_db(const char *dir, const char *extra_sql)
{
    char *path = xasprintf("%s/lotse.db", dir);
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_exec(db,
                                  "PRAGMA journal_mode = WAL;"
                                  "CREATE TABLE site_snapshot ("
                                  "  name TEXT PRIMARY KEY,"
                                  "  content BLOB NOT NULL,"
                                  "  saved_at TEXT NOT NULL DEFAULT "
                                  "(strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
                                  ");"
                                  "INSERT INTO site_snapshot(name, content)"
                                  "  VALUES ('site.txt', CAST('Title: Kita v1' AS BLOB));"
                                  "PRAGMA user_version = 1;",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    if (extra_sql)
        assert_int_equal(sqlite3_exec(db, extra_sql, NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_close(db), SQLITE_OK);
    return path;
}

/* A damaged database that cannot be moved aside (every lotse.db.damaged-N name is taken):
 * store_open_recover gives up, and says why - it returned NULL without a message once
 * (quick_check found the damage, so no SQLite error had been kept), and main() printed
 * that NULL with %s. Nothing is moved or deleted. */
static void test_recover_cannot_move_aside(void **state)
{
    const char *tmp = *state;
    char *err = NULL, *aside = NULL;
    store *s = store_open(tmp, &err);
    assert_non_null(s);
    size_t len = 256 * 1024;
    char *big = xmalloc(len);
    for (size_t i = 0; i < len; i++)
        big[i] = (char)(i * 131 + (i >> 8));
    site_file f = file_of("big.bin", big, len);
    assert_true(store_snapshot_save(s, &f, 1, &err));
    free(big);
    char *db = xstrdup(store_path(s));
    store_close(s);
    /* Garbage over pages in the middle (the snapshot's overflow chain): the schema still
     * opens and migrates, only PRAGMA quick_check finds the damage. */
    struct stat st;
    assert_int_equal(stat(db, &st), 0);
    FILE *w = fopen(db, "r+b");
    assert_non_null(w);
    assert_int_equal(fseek(w, (long)(st.st_size / 2 / 4096 * 4096), SEEK_SET), 0);
    for (int i = 0; i < 4 * 4096; i++)
        fputc(0xFF, w);
    assert_int_equal(fclose(w), 0);
    for (int k = 1; k < 1000; k++) {
        char *name = xasprintf("%s.damaged-%d", db, k);
        FILE *taken = fopen(name, "w");
        assert_non_null(taken);
        fclose(taken);
        free(name);
    }

    s = store_open_recover(tmp, &aside, &err);
    assert_null(s);
    assert_null(aside);
    if (!err)
        fail_msg("store_open_recover returned NULL without a message");
    assert_non_null(strstr(err, db));
    assert_non_null(strstr(err, "damaged"));
    free(err);
    /* The damaged file is where it was. */
    struct stat now;
    assert_int_equal(stat(db, &now), 0);
    assert_int_equal(now.st_size, st.st_size);
    free(db);
}

static void test_migrate_from_v1(void **state)
{
    const char *tmp = *state;
    char *db = make_v1_db(tmp, NULL);
    char *err = NULL;
    store *s = store_open(tmp, &err);
    if (!s)
        fail_msg("store_open: %s", err ? err : "(no message)");
    assert_int_equal(store_schema_version(s), 2);

    /* The snapshot survived the migration. */
    site_file *files = NULL;
    size_t n = 0;
    assert_true(store_snapshot_load(s, &files, &n, &err));
    assert_int_equal(n, 1);
    assert_file(files, n, "site.txt", "Title: Kita v1", 14);
    store_files_free(files, n);

    /* The new tables are there and usable; a request keeps no time but its day. */
    char *tables = query_text(db, "SELECT group_concat(name, ',') FROM (SELECT name FROM "
                                  "sqlite_master WHERE type = 'table' AND name IN ('request',"
                                  " 'pin_state', 'admin_exception') ORDER BY name)");
    assert_string_equal(tables, "admin_exception,pin_state,request");
    free(tables);
    char *cols = query_text(db, "SELECT group_concat(name, ',') FROM pragma_table_info('request')");
    assert_string_equal(cols, "id,day,sealed");
    free(cols);
    static const unsigned char sealed[] = {1, 2, 3};
    assert_true(store_request_add(s, "2026-03-10", sealed, sizeof(sealed), &err));
    store_close(s);

    /* Reopening does not migrate again. */
    s = store_open(tmp, &err);
    assert_non_null(s);
    assert_int_equal(store_schema_version(s), 2);
    store_queue_info info;
    assert_true(store_request_info(s, &info, &err));
    assert_int_equal(info.count, 1);
    assert_null(err);
    store_close(s);
    free(db);
}

/* A migration that fails half-way changes nothing: the version stays 1, the snapshot is
 * intact, and the message says why. */
static void test_failed_migration_rolls_back(void **state)
{
    const char *tmp = *state;
    char *db = make_v1_db(tmp, "CREATE TABLE admin_exception (x);");
    char *err = NULL;
    store *s = store_open(tmp, &err);
    assert_null(s);
    assert_non_null(err);
    assert_non_null(strstr(err, "admin_exception"));
    free(err);
    char *v = query_text(db, "PRAGMA user_version");
    assert_string_equal(v, "1");
    free(v);
    char *t = query_text(db, "SELECT count(*) FROM sqlite_master WHERE name = 'request'");
    assert_string_equal(t, "0");
    free(t);
    char *snap = query_text(db, "SELECT CAST(content AS TEXT) FROM site_snapshot");
    assert_string_equal(snap, "Title: Kita v1");
    free(snap);
    free(db);
}

/* ---- the request queue -------------------------------------------------------------- */

static void assert_request(const store_request *r, int64_t id, const char *day,
                           const unsigned char *sealed, size_t len)
{
    assert_int_equal(r->id, id);
    assert_string_equal(r->day, day);
    assert_int_equal(r->len, len);
    assert_memory_equal(r->sealed, sealed, len);
}

static void test_requests(void **state)
{
    const char *tmp = *state;
    char *err = NULL;
    store *s = store_open(tmp, &err);
    assert_non_null(s);

    /* Empty queue. */
    store_queue_info info = {.count = 99, .oldest_day = "x"};
    assert_true(store_request_info(s, &info, &err));
    assert_int_equal(info.count, 0);
    assert_string_equal(info.oldest_day, "");
    store_request *list = (store_request *)1;
    size_t n = 99;
    assert_true(store_request_list(s, &list, &n, &err));
    assert_null(list);
    assert_int_equal(n, 0);

    /* Added out of day order: listed in the order added; the oldest day is the minimum. */
    static const unsigned char a[] = {0x00, 0xff, 0x00, 0x10};
    static const unsigned char b[] = {'b'};
    static const unsigned char c[] = {0x7f, 0x00, 0x00};
    assert_true(store_request_add(s, "2026-03-10", a, sizeof(a), &err));
    assert_true(store_request_add(s, "2026-03-02", b, sizeof(b), &err));
    assert_true(store_request_add(s, "2026-03-12", c, sizeof(c), &err));
    assert_true(store_request_info(s, &info, &err));
    assert_int_equal(info.count, 3);
    assert_string_equal(info.oldest_day, "2026-03-02");
    assert_true(store_request_list(s, &list, &n, &err));
    assert_int_equal(n, 3);
    assert_true(list[0].id < list[1].id && list[1].id < list[2].id);
    int64_t ids[3] = {list[0].id, list[1].id, list[2].id};
    assert_request(&list[0], ids[0], "2026-03-10", a, sizeof(a));
    assert_request(&list[1], ids[1], "2026-03-02", b, sizeof(b));
    assert_request(&list[2], ids[2], "2026-03-12", c, sizeof(c));
    store_requests_free(list, n);
    store_requests_free(NULL, 0);

    /* Deleting nothing is fine and deletes nothing. */
    assert_true(store_request_delete(s, NULL, 0, &err));
    assert_true(store_request_delete(s, ids, 0, &err));
    assert_true(store_request_info(s, &info, &err));
    assert_int_equal(info.count, 3);

    /* The queue survives closing and reopening. */
    store_close(s);
    s = store_open(tmp, &err);
    assert_non_null(s);
    assert_true(store_request_list(s, &list, &n, &err));
    assert_int_equal(n, 3);
    assert_request(&list[0], ids[0], "2026-03-10", a, sizeof(a));
    assert_request(&list[2], ids[2], "2026-03-12", c, sizeof(c));
    store_requests_free(list, n);

    /* An id that is already gone does not stop the others. */
    int64_t del[] = {ids[0], ids[2] + 1000};
    assert_true(store_request_delete(s, del, 2, &err));
    assert_true(store_request_info(s, &info, &err));
    assert_int_equal(info.count, 2);
    assert_string_equal(info.oldest_day, "2026-03-02");

    /* Ids are never reused: a new request after a delete gets a new id. */
    assert_true(store_request_add(s, "2026-03-13", b, sizeof(b), &err));
    assert_true(store_request_list(s, &list, &n, &err));
    assert_int_equal(n, 3);
    assert_true(list[2].id > ids[2]);
    store_requests_free(list, n);

    /* Retention: strictly before the day. */
    size_t removed = 99;
    assert_true(store_request_purge_before(s, "2026-03-02", &removed, &err));
    assert_int_equal(removed, 0);
    assert_true(store_request_purge_before(s, "2026-03-13", &removed, &err));
    assert_int_equal(removed, 2);
    assert_true(store_request_info(s, &info, &err));
    assert_int_equal(info.count, 1);
    assert_string_equal(info.oldest_day, "2026-03-13");
    assert_true(store_request_purge_before(s, "2027-01-01", NULL, &err));
    assert_true(store_request_info(s, &info, &err));
    assert_int_equal(info.count, 0);
    assert_string_equal(info.oldest_day, "");
    assert_null(err);
    store_close(s);

    /* What was deleted is gone after reopening too. */
    s = store_open(tmp, &err);
    assert_non_null(s);
    assert_true(store_request_info(s, &info, &err));
    assert_int_equal(info.count, 0);
    store_close(s);
}

/* A delete that fails on its third id leaves the first two in place; the store stays
 * usable afterwards (no transaction left open). */
static void test_request_delete_all_or_nothing(void **state)
{
    const char *tmp = *state;
    char *err = NULL;
    store *s = store_open(tmp, &err);
    assert_non_null(s);
    static const unsigned char x[] = {42};
    for (int i = 0; i < 3; i++)
        assert_true(store_request_add(s, "2026-03-10", x, sizeof(x), &err));
    store_request *list = NULL;
    size_t n = 0;
    assert_true(store_request_list(s, &list, &n, &err));
    assert_int_equal(n, 3);
    int64_t ids[3] = {list[0].id, list[1].id, list[2].id};
    store_requests_free(list, n);

    /* Provoke a failure on the last id with a trigger from another connection. */
    char *sql = xasprintf("CREATE TRIGGER refuse BEFORE DELETE ON request WHEN old.id = %lld "
                          "BEGIN SELECT RAISE(ABORT, 'provoked failure'); END;",
                          (long long)ids[2]);
    exec_on(store_path(s), sql);
    free(sql);
    assert_false(store_request_delete(s, ids, 3, &err));
    assert_non_null(err);
    assert_non_null(strstr(err, "provoked failure"));
    free(err);
    err = NULL;
    store_queue_info info;
    assert_true(store_request_info(s, &info, &err));
    assert_int_equal(info.count, 3);

    /* Still usable: no transaction was left open. */
    assert_true(store_request_add(s, "2026-03-11", x, sizeof(x), &err));
    exec_on(store_path(s), "DROP TRIGGER refuse;");
    assert_true(store_request_delete(s, ids, 3, &err));
    assert_true(store_request_info(s, &info, &err));
    assert_int_equal(info.count, 1);
    assert_string_equal(info.oldest_day, "2026-03-11");
    assert_null(err);
    store_close(s);
}

/* err is a new non-empty message; free it and reset. */
static void take_err(char **err)
{
    assert_non_null(*err);
    assert_true(strlen(*err) > 0);
    free(*err);
    *err = NULL;
}

static void test_request_bad_input(void **state)
{
    const char *tmp = *state;
    char *err = NULL;
    store *s = store_open(tmp, &err);
    assert_non_null(s);
    static const unsigned char x[] = {1};
    const char *bad_days[] = {"",           "2026-3-10",  "2026-03-1",   "2026-02-30",
                              "2026-13-01", "2026/03/10", "2026-03-10T", "20260310",
                              "abcd-ef-gh", "2026-00-10", "2026-03-00"};
    for (size_t i = 0; i < ARRAY_LEN(bad_days); i++) {
        if (store_request_add(s, bad_days[i], x, sizeof(x), &err))
            fail_msg("day \"%s\" was accepted", bad_days[i]);
        take_err(&err);
        size_t removed = 7;
        assert_false(store_request_purge_before(s, bad_days[i], &removed, &err));
        assert_int_equal(removed, 0);
        take_err(&err);
    }
    assert_false(store_request_add(s, NULL, x, sizeof(x), &err));
    take_err(&err);
    assert_false(store_request_add(s, "2026-03-10", NULL, 5, &err));
    take_err(&err);
    assert_false(store_request_add(s, "2026-03-10", x, 0, &err));
    take_err(&err);
    assert_false(store_request_delete(s, NULL, 2, &err));
    take_err(&err);
    /* A leap day is a date. */
    assert_true(store_request_add(s, "2028-02-29", x, sizeof(x), &err));
    store_queue_info info;
    assert_true(store_request_info(s, &info, &err));
    assert_int_equal(info.count, 1);
    assert_null(err);
    store_close(s);
}

/* ---- the PIN state ------------------------------------------------------------------ */

static void test_pin_state(void **state)
{
    const char *tmp = *state;
    char *err = NULL;
    store *s = store_open(tmp, &err);
    assert_non_null(s);
    store_pin_state pin = {.failures = 5, .locked_until_utc = 5};
    assert_true(store_pin_get(s, &pin, &err));
    assert_int_equal(pin.failures, 0);
    assert_int_equal(pin.locked_until_utc, 0);

    store_pin_state locked = {.failures = 3, .locked_until_utc = INT64_C(1773136800)};
    assert_true(store_pin_set(s, &locked, &err));
    store_close(s);

    /* A restart does not reset the lock-out. */
    s = store_open(tmp, &err);
    assert_non_null(s);
    assert_true(store_pin_get(s, &pin, &err));
    assert_int_equal(pin.failures, 3);
    assert_int_equal(pin.locked_until_utc, INT64_C(1773136800));

    /* Bad values are refused and the saved state stays. */
    store_pin_state bad = {.failures = -1, .locked_until_utc = 0};
    assert_false(store_pin_set(s, &bad, &err));
    take_err(&err);
    bad = (store_pin_state){.failures = 1, .locked_until_utc = -5};
    assert_false(store_pin_set(s, &bad, &err));
    take_err(&err);
    assert_false(store_pin_set(s, NULL, &err));
    take_err(&err);
    assert_true(store_pin_get(s, &pin, &err));
    assert_int_equal(pin.failures, 3);

    /* A success resets it; one row only. */
    store_pin_state clear = {0};
    assert_true(store_pin_set(s, &clear, &err));
    assert_true(store_pin_set(s, &clear, &err));
    assert_true(store_pin_get(s, &pin, &err));
    assert_int_equal(pin.failures, 0);
    assert_int_equal(pin.locked_until_utc, 0);
    char *rows = query_text(store_path(s), "SELECT count(*) FROM pin_state");
    assert_string_equal(rows, "1");
    free(rows);
    assert_null(err);
    store_close(s);
}

/* ---- consultation-hour exceptions --------------------------------------------------- */

static store_exception exception_of(const char *worker, const char *kita, bool extra,
                                    const char *day, int start, int end)
{
    store_exception e = {.id = 12345, .extra = extra, .start_min = start, .end_min = end};
    snprintf(e.worker, sizeof(e.worker), "%s", worker);
    snprintf(e.kita, sizeof(e.kita), "%s", kita);
    snprintf(e.day, sizeof(e.day), "%s", day);
    return e;
}

static void assert_exception(const store_exception *got, const store_exception *want, int64_t id)
{
    assert_int_equal(got->id, id);
    assert_string_equal(got->worker, want->worker);
    assert_string_equal(got->kita, want->kita);
    assert_int_equal(got->extra, want->extra);
    assert_string_equal(got->day, want->day);
    assert_int_equal(got->start_min, want->start_min);
    assert_int_equal(got->end_min, want->end_min);
}

static void test_exceptions(void **state)
{
    const char *tmp = *state;
    char *err = NULL;
    store *s = store_open(tmp, &err);
    assert_non_null(s);

    store_exception e[] = {
        exception_of("anna", "sonnenblume", false, "2026-03-12", 540, 720),
        exception_of("anna", "regenbogen", true, "2026-03-10", 840, 960),
        exception_of("bernd", "sonnenblume", true, "2026-03-12", 480, 540),
        exception_of("anna", "sonnenblume", false, "2026-03-09", 0, 1440),
    };
    int64_t ids[4];
    for (int i = 0; i < 4; i++) {
        assert_true(store_exception_add(s, &e[i], &ids[i], &err));
        assert_true(ids[i] > 0);
        for (int k = 0; k < i; k++)
            assert_true(ids[k] != ids[i]);
    }
    assert_true(store_exception_add(s, &e[1], NULL, &err)); /* id may be NULL */

    /* From a day: that day and later, by day and start. */
    store_exception *list = (store_exception *)1;
    size_t n = 99;
    assert_true(store_exception_list(s, "2026-03-10", &list, &n, &err));
    assert_int_equal(n, 4);
    assert_exception(&list[0], &e[1], ids[1]);
    assert_exception(&list[1], &e[1], list[1].id); /* the copy added without an id */
    assert_true(list[1].id > ids[3]);
    assert_exception(&list[2], &e[2], ids[2]);
    assert_exception(&list[3], &e[0], ids[0]);
    int64_t copy_id = list[1].id;
    free(list);
    assert_true(store_exception_list(s, "2026-03-13", &list, &n, &err));
    assert_null(list);
    assert_int_equal(n, 0);

    /* Delete one (and one that does not exist), then reopen. */
    assert_true(store_exception_delete(s, copy_id, &err));
    assert_true(store_exception_delete(s, 999999, &err));
    store_close(s);
    s = store_open(tmp, &err);
    assert_non_null(s);
    assert_true(store_exception_list(s, "2000-01-01", &list, &n, &err));
    assert_int_equal(n, 4);
    assert_exception(&list[0], &e[3], ids[3]);
    assert_exception(&list[1], &e[1], ids[1]);
    assert_exception(&list[2], &e[2], ids[2]);
    assert_exception(&list[3], &e[0], ids[0]);
    free(list);

    /* The past is purged; the day itself stays. */
    assert_true(store_exception_purge_before(s, "2026-03-12", &err));
    assert_true(store_exception_list(s, "2000-01-01", &list, &n, &err));
    assert_int_equal(n, 2);
    assert_exception(&list[0], &e[2], ids[2]);
    assert_exception(&list[1], &e[0], ids[0]);
    free(list);
    assert_null(err);
    store_close(s);
}

static void test_exception_bad_input(void **state)
{
    const char *tmp = *state;
    char *err = NULL;
    store *s = store_open(tmp, &err);
    assert_non_null(s);
    store_exception good = exception_of("anna", "sonnenblume", true, "2026-03-10", 540, 600);
    /* Each case breaks one field of an otherwise good exception. */
    enum { N_BAD = 12 };
    for (int i = 0; i < N_BAD; i++) {
        store_exception e = good;
        switch (i) {
        case 0:
            e.worker[0] = '\0';
            break;
        case 1:
            e.kita[0] = '\0';
            break;
        case 2:
            memset(e.worker, 'w', sizeof(e.worker)); /* no NUL in the array */
            break;
        case 3:
            memset(e.kita, 'k', sizeof(e.kita));
            break;
        case 4:
            memset(e.day, '1', sizeof(e.day));
            break;
        case 5:
            snprintf(e.kita, sizeof(e.kita), "%s", "\xff\xfe"); /* not UTF-8 */
            break;
        case 6:
            snprintf(e.day, sizeof(e.day), "%s", "2026-02-29");
            break;
        case 7:
            e.start_min = e.end_min;
            break;
        case 8:
            e.start_min = 700;
            e.end_min = 600;
            break;
        case 9:
            e.start_min = -1;
            break;
        case 10:
            e.end_min = 1441;
            break;
        default:
            e.start_min = 1440;
            e.end_min = 1441;
            break;
        }
        int64_t id = 77;
        if (store_exception_add(s, &e, &id, &err))
            fail_msg("bad exception case %d was accepted", i);
        assert_int_equal(id, 0);
        take_err(&err);
    }
    assert_false(store_exception_add(s, NULL, NULL, &err));
    take_err(&err);
    store_exception *list = NULL;
    size_t n = 0;
    assert_false(store_exception_list(s, "2026-3-10", &list, &n, &err));
    take_err(&err);
    assert_false(store_exception_list(s, NULL, &list, &n, &err));
    take_err(&err);
    assert_false(store_exception_purge_before(s, "yesterday", &err));
    take_err(&err);

    /* Nothing was written; the edges of the day are fine. */
    assert_true(store_exception_list(s, "2000-01-01", &list, &n, &err));
    assert_int_equal(n, 0);
    store_exception edge = good;
    edge.start_min = 0;
    edge.end_min = 1440;
    memset(edge.worker, 'w', sizeof(edge.worker) - 1); /* 63 bytes and the NUL: fits */
    assert_true(store_exception_add(s, &edge, NULL, &err));
    assert_true(store_exception_list(s, "2026-03-10", &list, &n, &err));
    assert_int_equal(n, 1);
    assert_int_equal(strlen(list[0].worker), 63);
    free(list);
    assert_null(err);
    store_close(s);
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
        cmocka_unit_test_setup_teardown(test_recover_cannot_move_aside, setup, teardown),
        cmocka_unit_test_setup_teardown(test_migrate_from_v1, setup, teardown),
        cmocka_unit_test_setup_teardown(test_failed_migration_rolls_back, setup, teardown),
        cmocka_unit_test_setup_teardown(test_requests, setup, teardown),
        cmocka_unit_test_setup_teardown(test_request_delete_all_or_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_request_bad_input, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pin_state, setup, teardown),
        cmocka_unit_test_setup_teardown(test_exceptions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_exception_bad_input, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
