/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* store.c - SQLite state of the kiosk (see store.h).
 *
 * Every write runs in one BEGIN IMMEDIATE ... COMMIT; on any failure the transaction is
 * rolled back before the function returns, so the connection is never left inside an open
 * transaction. Values from callers reach SQLite only as bound parameters. Inputs are
 * checked before anything is written; rows read back are checked again (the schema's
 * CHECK constraints make a bad row unlikely, but a damaged file must give a message, not
 * an overflow). */
#define _POSIX_C_SOURCE 200809L
#include "store.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "time/civil.h"
#include "base/util.h"

struct store {
    sqlite3 *db;
    char *path;
};

/* Migrations: migrations[i] brings the schema from version i to i + 1.
 *
 * v2: the request queue keeps only the coarse day a request was made (privacy: no time of
 * day, no created_at); AUTOINCREMENT so that an id is never reused - an export deletes
 * the ids it wrote, and a recycled id would delete a request that was never exported.
 * pin_state has at most one row (id = 1). */
static const char *const migrations[] = {
    "CREATE TABLE site_snapshot ("
    "  name TEXT PRIMARY KEY,"
    "  content BLOB NOT NULL,"
    "  saved_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
    ");",

    "CREATE TABLE request ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  day TEXT NOT NULL CHECK (length(day) = 10 AND"
    "    day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
    "  sealed BLOB NOT NULL CHECK (typeof(sealed) = 'blob' AND length(sealed) > 0)"
    ");"
    "CREATE INDEX request_day ON request(day);"
    "CREATE TABLE pin_state ("
    "  id INTEGER PRIMARY KEY CHECK (id = 1),"
    "  failures INTEGER NOT NULL CHECK (failures >= 0),"
    "  locked_until_utc INTEGER NOT NULL CHECK (locked_until_utc >= 0)"
    ");"
    "CREATE TABLE admin_exception ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  worker TEXT NOT NULL CHECK (length(worker) BETWEEN 1 AND 63),"
    "  kita TEXT NOT NULL CHECK (length(kita) BETWEEN 1 AND 63),"
    "  extra INTEGER NOT NULL CHECK (extra IN (0, 1)),"
    "  day TEXT NOT NULL CHECK (length(day) = 10 AND"
    "    day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
    "  start_min INTEGER NOT NULL CHECK (start_min >= 0),"
    "  end_min INTEGER NOT NULL CHECK (end_min <= 1440 AND start_min < end_min)"
    ");"
    "CREATE INDEX admin_exception_day ON admin_exception(day, start_min);",
};
_Static_assert(ARRAY_LEN(migrations) == STORE_SCHEMA_VERSION, "one migration per schema version");

#define DAY_LEN 10 /* "YYYY-MM-DD" */
#define MINUTES_PER_DAY 1440

/* SQLite's message for the last failure on db, with the operating system's reason when
 * the failure came from a system call ("disk I/O error" alone does not tell a full disk
 * from a broken card). msg replaces sqlite3_errmsg when given. Caller frees. */
static char *db_message(sqlite3 *db, const char *msg)
{
    if (!db)
        return xstrdup(msg ? msg : "out of memory");
    if (!msg)
        msg = sqlite3_errmsg(db);
    int code = sqlite3_errcode(db) & 0xFF;
    int sys = sqlite3_system_errno(db);
    if (sys > 0 && (code == SQLITE_IOERR || code == SQLITE_FULL || code == SQLITE_CANTOPEN ||
                    code == SQLITE_READONLY))
        return xasprintf("%s (%s)", msg, strerror(sys));
    return xstrdup(msg);
}

static bool set_err(char **err, const char *what, sqlite3 *db)
{
    if (err) {
        char *msg = db_message(db, NULL);
        *err = xasprintf("%s: %s", what, msg);
        free(msg);
    }
    return false;
}

/* A failed SQLite call on s: "<path>: <what>: <sqlite message>". Call before any ROLLBACK,
 * which would replace the message. */
static bool db_err(store *s, char **err, const char *what)
{
    if (err) {
        char *msg = db_message(s->db, NULL);
        *err = xasprintf("%s: %s: %s", s->path, what, msg);
        free(msg);
    }
    return false;
}

/* Bad input from the caller: nothing was written. */
static bool input_err(store *s, char **err, const char *what)
{
    if (err)
        *err = xasprintf("%s: %s (nothing written)", s->path, what);
    return false;
}

static bool mkdir_p(const char *dir, char **err)
{
    if (!dir || !*dir) {
        if (err)
            *err = xstrdup("no data directory given");
        return false;
    }
    char *p = xstrdup(dir);
    for (char *q = p + 1; *q; q++) {
        if (*q != '/')
            continue;
        *q = '\0';
        if (mkdir(p, 0700) != 0 && errno != EEXIST) {
            if (err)
                *err = xasprintf("cannot create %s: %s", p, strerror(errno));
            free(p);
            return false;
        }
        *q = '/';
    }
    bool ok = mkdir(p, 0700) == 0 || errno == EEXIST;
    if (!ok && err)
        *err = xasprintf("cannot create %s: %s", p, strerror(errno));
    free(p);
    return ok;
}

static bool exec(store *s, const char *sql, char **err)
{
    char *msg = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        if (err) {
            char *full = db_message(s->db, msg ? msg : "error");
            *err = xasprintf("%s: %s", s->path, full);
            free(full);
        }
        sqlite3_free(msg);
        return false;
    }
    return true;
}

static bool begin(store *s, char **err)
{
    return exec(s, "BEGIN IMMEDIATE;", err);
}

/* Undo the open transaction, if there is one (a failed COMMIT may already have ended
 * it). The result is ignored: the caller already reports the first error. */
static void rollback(store *s)
{
    if (!sqlite3_get_autocommit(s->db))
        exec(s, "ROLLBACK;", NULL);
}

/* COMMIT; when it fails (SQLITE_BUSY, disk full, I/O error) the transaction is rolled
 * back so that the connection does not stay inside it. */
static bool commit(store *s, char **err)
{
    if (exec(s, "COMMIT;", err))
        return true;
    rollback(s);
    return false;
}

static bool prepare(store *s, const char *sql, sqlite3_stmt **st, char **err)
{
    *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK) {
        sqlite3_finalize(*st);
        *st = NULL;
        return db_err(s, err, "prepare");
    }
    return true;
}

/* Length of s if a NUL comes within its first cap bytes (reading no further), else cap. */
static size_t bounded_len(const char *s, size_t cap)
{
    size_t n = 0;
    while (n < cap && s[n] != '\0')
        n++;
    return n;
}

/* Is day a NUL-terminated "YYYY-MM-DD" (a real date) within its first cap bytes? */
static bool day_valid(const char *day, size_t cap)
{
    civil_date d;
    return day && bounded_len(day, cap) == DAY_LEN && civil_parse_date(day, &d);
}

/* Is s a non-empty, NUL-terminated UTF-8 id within its cap bytes? */
static bool id_valid(const char *s, size_t cap)
{
    size_t n = bounded_len(s, cap);
    return n > 0 && n < cap && utf8_valid_text(s, n, NULL);
}

/* Copy a day column into out[11]; false when it is not a 10-byte date. */
static bool column_day(sqlite3_stmt *st, int col, char out[DAY_LEN + 1])
{
    const unsigned char *t = sqlite3_column_text(st, col);
    if (!t || sqlite3_column_bytes(st, col) != DAY_LEN)
        return false;
    memcpy(out, t, DAY_LEN);
    out[DAY_LEN] = '\0';
    return true;
}

static bool column_id(sqlite3_stmt *st, int col, char *out, size_t cap)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    int bytes = sqlite3_column_bytes(st, col);
    if (!t || bytes <= 0 || (size_t)bytes >= cap)
        return false;
    memcpy(out, t, (size_t)bytes);
    out[bytes] = '\0';
    return true;
}

static bool migrate(store *s, char **err)
{
    int version = store_schema_version(s);
    if (version < 0)
        return db_err(s, err, "cannot read the schema version");
    if (version > STORE_SCHEMA_VERSION) {
        if (err)
            *err = xasprintf("%s: schema version %d is newer than this lotse (%d)", s->path,
                             version, STORE_SCHEMA_VERSION);
        return false;
    }
    for (int v = version; v < STORE_SCHEMA_VERSION; v++) {
        char *sql = xasprintf("BEGIN IMMEDIATE; %s PRAGMA user_version = %d; COMMIT;",
                              migrations[v], v + 1);
        bool ok = exec(s, sql, err);
        free(sql);
        if (!ok) {
            rollback(s);
            return false;
        }
    }
    return true;
}

/* journal_mode = WAL silently keeps the old mode where WAL is impossible; the queue's
 * durability rests on it, so it is read back. */
static bool check_wal(store *s, char **err)
{
    sqlite3_stmt *st = NULL;
    if (!prepare(s, "PRAGMA journal_mode", &st, err))
        return false;
    bool ok = false;
    if (sqlite3_step(st) == SQLITE_ROW) {
        const char *mode = (const char *)sqlite3_column_text(st, 0);
        ok = mode && strcmp(mode, "wal") == 0;
        if (!ok && err)
            *err = xasprintf("%s: journal mode is %s, not wal", s->path, mode ? mode : "?");
    } else {
        db_err(s, err, "PRAGMA journal_mode");
    }
    sqlite3_finalize(st);
    return ok;
}

/* Open, setting *code (may be NULL) to SQLite's primary result code on failure. */
static store *open_db(const char *data_dir, int *code, char **err)
{
    if (code)
        *code = SQLITE_OK;
    if (!mkdir_p(data_dir, err))
        return NULL;
    store *s = xcalloc(1, sizeof(*s));
    s->path = xasprintf("%s/lotse.db", data_dir);
    if (sqlite3_open_v2(s->path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
        SQLITE_OK) {
        set_err(err, s->path, s->db);
        goto fail;
    }
    sqlite3_busy_timeout(s->db, 2000);
    /* synchronous and secure_delete belong to the connection and are set on every open;
     * secure_delete overwrites deleted requests instead of leaving them in free pages. */
    if (!exec(s,
              "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
              "PRAGMA secure_delete = ON; PRAGMA foreign_keys = ON;",
              err))
        goto fail;
    if (!check_wal(s, err))
        goto fail;
    if (!migrate(s, err))
        goto fail;
    return s;
fail:
    if (code)
        *code = s->db ? sqlite3_errcode(s->db) & 0xFF : SQLITE_CANTOPEN;
    store_close(s);
    return NULL;
}

store *store_open(const char *data_dir, char **err)
{
    return open_db(data_dir, NULL, err);
}

/* PRAGMA quick_check: 1 when it says "ok", 0 when it reports damage (a row other than
 * "ok", or SQLite calls the file corrupt or not a database), -1 when it could not run for
 * another reason - a full disk, an I/O error, no memory - with *err set. Such a failure
 * says nothing about the file, which must then not be moved aside. */
static int quick_check(store *s, char **err)
{
    sqlite3_stmt *st = NULL;
    int result = 0;
    int rc = sqlite3_prepare_v2(s->db, "PRAGMA quick_check", -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        result = t && strcmp(t, "ok") == 0 ? 1 : 0;
    } else {
        int code = sqlite3_errcode(s->db) & 0xFF;
        if (code != SQLITE_CORRUPT && code != SQLITE_NOTADB) {
            db_err(s, err, "PRAGMA quick_check");
            result = -1;
        }
    }
    sqlite3_finalize(st);
    return result;
}

store *store_open_recover(const char *data_dir, char **aside, char **err)
{
    *aside = NULL;
    int code = SQLITE_OK;
    store *s = open_db(data_dir, &code, err);
    if (s) {
        int check = quick_check(s, err);
        if (check < 0) {
            store_close(s);
            return NULL;
        }
        if (check == 0) {
            store_close(s);
            s = NULL;
            code = SQLITE_CORRUPT;
        }
    }
    if (s || (code != SQLITE_CORRUPT && code != SQLITE_NOTADB))
        return s;
    /* Damaged: keep the file (renamed, with its WAL) for whoever wants to look at it,
     * and start a fresh database so the kiosk can take requests again. */
    char *path = xasprintf("%s/lotse.db", data_dir);
    char *dest = NULL;
    for (int k = 1; k < 1000 && !dest; k++) {
        char *cand = xasprintf("%s.damaged-%d", path, k);
        struct stat sb;
        if (lstat(cand, &sb) != 0 && errno == ENOENT)
            dest = cand;
        else
            free(cand);
    }
    bool moved = dest && rename(path, dest) == 0;
    int rename_errno = errno;
    if (moved) {
        static const char *const side[] = {"-wal", "-shm", "-journal"};
        for (size_t i = 0; i < ARRAY_LEN(side); i++) {
            char *from = xasprintf("%s%s", path, side[i]);
            char *to = xasprintf("%s%s", dest, side[i]);
            if (rename(from, to) != 0 && errno != ENOENT)
                unlink(from);
            free(from);
            free(to);
        }
    }
    if (!moved) {
        /* *err may hold SQLite's reason (not a database) or nothing (quick_check found
         * the damage): say both what is wrong and why it stays where it is. */
        char *why = dest ? xasprintf("%s", strerror(rename_errno))
                         : xasprintf("%s.damaged-1 to -999 all exist", path);
        char *msg = xasprintf("%s: the database is damaged (%s) and cannot be moved aside: %s",
                              path, *err ? *err : "PRAGMA quick_check failed", why);
        free(why);
        free(*err);
        *err = msg;
        free(dest);
        free(path);
        return NULL;
    }
    free(path);
    free(*err);
    *err = NULL;
    s = open_db(data_dir, NULL, err);
    if (s)
        *aside = dest;
    else
        free(dest);
    return s;
}

void store_close(store *s)
{
    if (!s)
        return;
    sqlite3_close(s->db);
    free(s->path);
    free(s);
}

const char *store_path(const store *s)
{
    return s->path;
}

int store_schema_version(store *s)
{
    sqlite3_stmt *st = NULL;
    int v = -1;
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* ---- the site snapshot --------------------------------------------------------------- */

/* Is the saved snapshot exactly files[0..n)? */
static bool snapshot_equal(store *s, const site_file *files, size_t n)
{
    site_file *old = NULL;
    size_t n_old = 0;
    char *err = NULL;
    bool same = false;
    if (!store_snapshot_load(s, &old, &n_old, &err)) {
        free(err);
        return false;
    }
    if (n_old == n) {
        same = true;
        for (size_t i = 0; i < n && same; i++) {
            same = false;
            for (size_t k = 0; k < n_old; k++)
                if (strcmp(old[k].name, files[i].name) == 0)
                    same = old[k].len == files[i].len &&
                           memcmp(old[k].text, files[i].text, files[i].len) == 0;
        }
    }
    store_files_free(old, n_old);
    return same;
}

bool store_snapshot_save(store *s, const site_file *files, size_t n, char **err)
{
    if (snapshot_equal(s, files, n))
        return true;
    sqlite3_stmt *st = NULL;
    if (!begin(s, err))
        return false;
    if (!exec(s, "DELETE FROM site_snapshot;", err))
        goto fail;
    if (!prepare(s, "INSERT INTO site_snapshot(name, content) VALUES (?, ?)", &st, err))
        goto fail;
    for (size_t i = 0; i < n; i++) {
        /* A zero-length blob must still be a blob, not NULL (content is NOT NULL). */
        const char *text = files[i].text ? files[i].text : "";
        if (sqlite3_reset(st) != SQLITE_OK ||
            sqlite3_bind_text(st, 1, files[i].name, -1, SQLITE_STATIC) != SQLITE_OK ||
            sqlite3_bind_blob64(st, 2, text, files[i].len, SQLITE_STATIC) != SQLITE_OK ||
            sqlite3_step(st) != SQLITE_DONE) {
            db_err(s, err, "saving the site snapshot");
            goto fail;
        }
    }
    sqlite3_finalize(st);
    return commit(s, err);
fail:
    sqlite3_finalize(st);
    rollback(s);
    return false;
}

bool store_snapshot_load(store *s, site_file **files, size_t *n, char **err)
{
    sqlite3_stmt *st = NULL;
    site_file *out = NULL;
    size_t len = 0, cap = 0;
    *files = NULL;
    *n = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT name, content FROM site_snapshot ORDER BY name", -1, &st,
                           NULL) != SQLITE_OK) {
        sqlite3_finalize(st);
        return set_err(err, s->path, s->db);
    }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        const void *blob = sqlite3_column_blob(st, 1);
        size_t bytes = (size_t)sqlite3_column_bytes(st, 1);
        site_file f = {xstrdup(name ? name : ""), xstrndup(blob ? blob : "", bytes), bytes};
        VEC_PUSH(out, len, cap, f);
    }
    if (rc != SQLITE_DONE) {
        set_err(err, s->path, s->db);
        sqlite3_finalize(st);
        store_files_free(out, len);
        return false;
    }
    sqlite3_finalize(st);
    *files = out;
    *n = len;
    return true;
}

void store_files_free(site_file *files, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free((char *)files[i].name);
        free((char *)files[i].text);
    }
    free(files);
}

/* ---- the request queue --------------------------------------------------------------- */

bool store_request_add(store *s, const char *day, const unsigned char *sealed, size_t len,
                       char **err)
{
    if (!day_valid(day, DAY_LEN + 1))
        return input_err(s, err, "request: the day is not a date YYYY-MM-DD");
    if (!sealed || len == 0)
        return input_err(s, err, "request: the sealed request is empty");
    sqlite3_stmt *st = NULL;
    if (!begin(s, err))
        return false;
    if (!prepare(s, "INSERT INTO request(day, sealed) VALUES (?, ?)", &st, err))
        goto fail;
    if (sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC) != SQLITE_OK ||
        sqlite3_bind_blob64(st, 2, sealed, len, SQLITE_STATIC) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_DONE) {
        db_err(s, err, "saving a request");
        goto fail;
    }
    sqlite3_finalize(st);
    return commit(s, err);
fail:
    sqlite3_finalize(st);
    rollback(s);
    return false;
}

bool store_request_info(store *s, store_queue_info *out, char **err)
{
    memset(out, 0, sizeof(*out));
    sqlite3_stmt *st = NULL;
    if (!prepare(s, "SELECT count(*), min(day) FROM request", &st, err))
        return false;
    bool ok = false;
    if (sqlite3_step(st) != SQLITE_ROW) {
        db_err(s, err, "reading the request queue");
        goto done;
    }
    sqlite3_int64 count = sqlite3_column_int64(st, 0);
    if (count < 0 || (count > 0 && !column_day(st, 1, out->oldest_day))) {
        if (err)
            *err = xasprintf("%s: the request queue holds a bad day", s->path);
        memset(out, 0, sizeof(*out));
        goto done;
    }
    out->count = (size_t)count;
    ok = true;
done:
    sqlite3_finalize(st);
    return ok;
}

bool store_request_list(store *s, store_request **out, size_t *n, char **err)
{
    sqlite3_stmt *st = NULL;
    store_request *list = NULL;
    size_t len = 0, cap = 0;
    *out = NULL;
    *n = 0;
    if (!prepare(s, "SELECT id, day, sealed FROM request ORDER BY id", &st, err))
        return false;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_request r = {.id = sqlite3_column_int64(st, 0)};
        const void *blob = sqlite3_column_blob(st, 2);
        int bytes = sqlite3_column_bytes(st, 2);
        if (!column_day(st, 1, r.day) || !blob || bytes <= 0) {
            if (err)
                *err = xasprintf("%s: request %lld is damaged", s->path, (long long)r.id);
            goto fail;
        }
        r.len = (size_t)bytes;
        r.sealed = xmalloc(r.len);
        memcpy(r.sealed, blob, r.len);
        VEC_PUSH(list, len, cap, r);
    }
    if (rc != SQLITE_DONE) {
        db_err(s, err, "reading the request queue");
        goto fail;
    }
    sqlite3_finalize(st);
    *out = list;
    *n = len;
    return true;
fail:
    sqlite3_finalize(st);
    store_requests_free(list, len);
    return false;
}

void store_requests_free(store_request *r, size_t n)
{
    if (!r)
        return;
    for (size_t i = 0; i < n; i++) {
        /* Sealed, but still the parents' requests: leave no copy in freed memory. */
        secure_zero(r[i].sealed, r[i].len);
        free(r[i].sealed);
    }
    free(r);
}

bool store_request_delete(store *s, const int64_t *ids, size_t n, char **err)
{
    if (n == 0)
        return true;
    if (!ids)
        return input_err(s, err, "request delete: no ids given");
    sqlite3_stmt *st = NULL;
    if (!begin(s, err))
        return false;
    if (!prepare(s, "DELETE FROM request WHERE id = ?", &st, err))
        goto fail;
    for (size_t i = 0; i < n; i++) {
        /* An id that is already gone is not an error: the goal (not queued) holds. */
        if (sqlite3_reset(st) != SQLITE_OK ||
            sqlite3_bind_int64(st, 1, (sqlite3_int64)ids[i]) != SQLITE_OK ||
            sqlite3_step(st) != SQLITE_DONE) {
            char *what = xasprintf("deleting request %lld", (long long)ids[i]);
            db_err(s, err, what);
            free(what);
            goto fail;
        }
    }
    sqlite3_finalize(st);
    return commit(s, err);
fail:
    sqlite3_finalize(st);
    rollback(s);
    return false;
}

bool store_request_purge_before(store *s, const char *day, size_t *removed, char **err)
{
    if (removed)
        *removed = 0;
    if (!day_valid(day, DAY_LEN + 1))
        return input_err(s, err, "request purge: the day is not a date YYYY-MM-DD");
    sqlite3_stmt *st = NULL;
    if (!begin(s, err))
        return false;
    if (!prepare(s, "DELETE FROM request WHERE day < ?", &st, err))
        goto fail;
    if (sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_DONE) {
        db_err(s, err, "purging old requests");
        goto fail;
    }
    sqlite3_int64 changes = sqlite3_changes64(s->db);
    sqlite3_finalize(st);
    if (!commit(s, err))
        return false;
    if (removed)
        *removed = changes > 0 ? (size_t)changes : 0;
    return true;
fail:
    sqlite3_finalize(st);
    rollback(s);
    return false;
}

/* ---- the admin PIN's failed attempts ------------------------------------------------- */

bool store_pin_get(store *s, store_pin_state *out, char **err)
{
    memset(out, 0, sizeof(*out));
    sqlite3_stmt *st = NULL;
    if (!prepare(s, "SELECT failures, locked_until_utc FROM pin_state WHERE id = 1", &st, err))
        return false;
    bool ok = false;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        sqlite3_int64 failures = sqlite3_column_int64(st, 0);
        sqlite3_int64 until = sqlite3_column_int64(st, 1);
        if (failures < 0 || failures > INT32_MAX || until < 0) {
            if (err)
                *err = xasprintf("%s: the saved PIN state is damaged", s->path);
            goto done;
        }
        out->failures = (int)failures;
        out->locked_until_utc = until;
    } else if (rc != SQLITE_DONE) {
        db_err(s, err, "reading the PIN state");
        goto done;
    }
    ok = true;
done:
    sqlite3_finalize(st);
    return ok;
}

bool store_pin_set(store *s, const store_pin_state *pin, char **err)
{
    if (!pin || pin->failures < 0 || pin->locked_until_utc < 0)
        return input_err(s, err, "PIN state: negative failures or lock-out time");
    sqlite3_stmt *st = NULL;
    if (!begin(s, err))
        return false;
    if (!prepare(s,
                 "INSERT INTO pin_state(id, failures, locked_until_utc) VALUES (1, ?, ?)"
                 " ON CONFLICT(id) DO UPDATE SET failures = excluded.failures,"
                 " locked_until_utc = excluded.locked_until_utc",
                 &st, err))
        goto fail;
    if (sqlite3_bind_int(st, 1, pin->failures) != SQLITE_OK ||
        sqlite3_bind_int64(st, 2, (sqlite3_int64)pin->locked_until_utc) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_DONE) {
        db_err(s, err, "saving the PIN state");
        goto fail;
    }
    sqlite3_finalize(st);
    return commit(s, err);
fail:
    sqlite3_finalize(st);
    rollback(s);
    return false;
}

/* ---- consultation-hour exceptions ---------------------------------------------------- */

static bool exception_check(store *s, const store_exception *e, char **err)
{
    if (!e)
        return input_err(s, err, "exception: none given");
    if (!id_valid(e->worker, sizeof(e->worker)))
        return input_err(s, err, "exception: the worker id is empty, too long or not UTF-8");
    if (!id_valid(e->kita, sizeof(e->kita)))
        return input_err(s, err, "exception: the Kita id is empty, too long or not UTF-8");
    if (!day_valid(e->day, sizeof(e->day)))
        return input_err(s, err, "exception: the day is not a date YYYY-MM-DD");
    if (e->start_min < 0 || e->end_min > MINUTES_PER_DAY || e->start_min >= e->end_min)
        return input_err(s, err, "exception: the time must satisfy 0 <= start < end <= 24:00");
    return true;
}

bool store_exception_add(store *s, const store_exception *e, int64_t *id, char **err)
{
    if (id)
        *id = 0;
    if (!exception_check(s, e, err))
        return false;
    sqlite3_stmt *st = NULL;
    if (!begin(s, err))
        return false;
    if (!prepare(s,
                 "INSERT INTO admin_exception(worker, kita, extra, day, start_min, end_min)"
                 " VALUES (?, ?, ?, ?, ?, ?)",
                 &st, err))
        goto fail;
    if (sqlite3_bind_text(st, 1, e->worker, -1, SQLITE_STATIC) != SQLITE_OK ||
        sqlite3_bind_text(st, 2, e->kita, -1, SQLITE_STATIC) != SQLITE_OK ||
        sqlite3_bind_int(st, 3, e->extra ? 1 : 0) != SQLITE_OK ||
        sqlite3_bind_text(st, 4, e->day, -1, SQLITE_STATIC) != SQLITE_OK ||
        sqlite3_bind_int(st, 5, e->start_min) != SQLITE_OK ||
        sqlite3_bind_int(st, 6, e->end_min) != SQLITE_OK || sqlite3_step(st) != SQLITE_DONE) {
        db_err(s, err, "saving an exception");
        goto fail;
    }
    sqlite3_int64 new_id = sqlite3_last_insert_rowid(s->db);
    sqlite3_finalize(st);
    if (!commit(s, err))
        return false;
    if (id)
        *id = new_id;
    return true;
fail:
    sqlite3_finalize(st);
    rollback(s);
    return false;
}

bool store_exception_delete(store *s, int64_t id, char **err)
{
    sqlite3_stmt *st = NULL;
    if (!begin(s, err))
        return false;
    if (!prepare(s, "DELETE FROM admin_exception WHERE id = ?", &st, err))
        goto fail;
    if (sqlite3_bind_int64(st, 1, (sqlite3_int64)id) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_DONE) {
        db_err(s, err, "deleting an exception");
        goto fail;
    }
    sqlite3_finalize(st);
    return commit(s, err);
fail:
    sqlite3_finalize(st);
    rollback(s);
    return false;
}

bool store_exception_list(store *s, const char *from_day, store_exception **out, size_t *n,
                          char **err)
{
    *out = NULL;
    *n = 0;
    if (!day_valid(from_day, DAY_LEN + 1))
        return input_err(s, err, "exception list: the day is not a date YYYY-MM-DD");
    sqlite3_stmt *st = NULL;
    store_exception *list = NULL;
    size_t len = 0, cap = 0;
    if (!prepare(s,
                 "SELECT id, worker, kita, extra, day, start_min, end_min FROM admin_exception"
                 " WHERE day >= ? ORDER BY day, start_min, end_min, id",
                 &st, err))
        return false;
    if (sqlite3_bind_text(st, 1, from_day, -1, SQLITE_STATIC) != SQLITE_OK) {
        db_err(s, err, "reading the exceptions");
        goto fail;
    }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_exception e = {.id = sqlite3_column_int64(st, 0)};
        e.extra = sqlite3_column_int(st, 3) != 0;
        sqlite3_int64 start = sqlite3_column_int64(st, 5);
        sqlite3_int64 end = sqlite3_column_int64(st, 6);
        if (!column_id(st, 1, e.worker, sizeof(e.worker)) ||
            !column_id(st, 2, e.kita, sizeof(e.kita)) || !column_day(st, 4, e.day) || start < 0 ||
            end > MINUTES_PER_DAY || start >= end) {
            if (err)
                *err = xasprintf("%s: exception %lld is damaged", s->path, (long long)e.id);
            goto fail;
        }
        e.start_min = (int)start;
        e.end_min = (int)end;
        VEC_PUSH(list, len, cap, e);
    }
    if (rc != SQLITE_DONE) {
        db_err(s, err, "reading the exceptions");
        goto fail;
    }
    sqlite3_finalize(st);
    *out = list;
    *n = len;
    return true;
fail:
    sqlite3_finalize(st);
    free(list);
    return false;
}

bool store_exception_purge_before(store *s, const char *day, char **err)
{
    if (!day_valid(day, DAY_LEN + 1))
        return input_err(s, err, "exception purge: the day is not a date YYYY-MM-DD");
    sqlite3_stmt *st = NULL;
    if (!begin(s, err))
        return false;
    if (!prepare(s, "DELETE FROM admin_exception WHERE day < ?", &st, err))
        goto fail;
    if (sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_DONE) {
        db_err(s, err, "purging old exceptions");
        goto fail;
    }
    sqlite3_finalize(st);
    return commit(s, err);
fail:
    sqlite3_finalize(st);
    rollback(s);
    return false;
}
