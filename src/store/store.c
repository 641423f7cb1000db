/* store.c - SQLite state of the kiosk (see store.h). */
#include "store.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/util.h"

struct store {
    sqlite3 *db;
    char *path;
};

/* Migrations: migrations[i] brings the schema from version i to i + 1. */
static const char *const migrations[] = {
    "CREATE TABLE site_snapshot ("
    "  name TEXT PRIMARY KEY,"
    "  content BLOB NOT NULL,"
    "  saved_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
    ");",
};

static bool set_err(char **err, const char *what, sqlite3 *db)
{
    if (err)
        *err = xasprintf("%s: %s", what, db ? sqlite3_errmsg(db) : "out of memory");
    return false;
}

static bool mkdir_p(const char *dir, char **err)
{
    char *p = xstrdup(dir);
    for (char *q = p + 1; *q; q++) {
        if (*q != '/')
            continue;
        *q = '\0';
        if (mkdir(p, 0700) != 0 && errno != EEXIST) {
            *err = xasprintf("cannot create %s: %s", p, strerror(errno));
            free(p);
            return false;
        }
        *q = '/';
    }
    bool ok = mkdir(p, 0700) == 0 || errno == EEXIST;
    if (!ok)
        *err = xasprintf("cannot create %s: %s", p, strerror(errno));
    free(p);
    return ok;
}

static bool exec(store *s, const char *sql, char **err)
{
    char *msg = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        if (err)
            *err = xasprintf("%s: %s", s->path, msg ? msg : "error");
        sqlite3_free(msg);
        return false;
    }
    return true;
}

static bool migrate(store *s, char **err)
{
    int version = store_schema_version(s);
    if (version > STORE_SCHEMA_VERSION) {
        *err = xasprintf("%s: schema version %d is newer than this lotse (%d)", s->path, version,
                         STORE_SCHEMA_VERSION);
        return false;
    }
    for (int v = version; v < STORE_SCHEMA_VERSION; v++) {
        char *sql = xasprintf("BEGIN IMMEDIATE; %s PRAGMA user_version = %d; COMMIT;",
                              migrations[v], v + 1);
        bool ok = exec(s, sql, err);
        free(sql);
        if (!ok) {
            exec(s, "ROLLBACK;", NULL);
            return false;
        }
    }
    return true;
}

store *store_open(const char *data_dir, char **err)
{
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
    if (!exec(s,
              "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
              "PRAGMA secure_delete = ON; PRAGMA foreign_keys = ON;",
              err))
        goto fail;
    if (!migrate(s, err))
        goto fail;
    return s;
fail:
    store_close(s);
    return NULL;
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
    if (!exec(s, "BEGIN IMMEDIATE; DELETE FROM site_snapshot;", err))
        return false;
    if (sqlite3_prepare_v2(s->db, "INSERT INTO site_snapshot(name, content) VALUES (?, ?)", -1, &st,
                           NULL) != SQLITE_OK) {
        set_err(err, s->path, s->db);
        goto fail;
    }
    for (size_t i = 0; i < n; i++) {
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, files[i].name, -1, SQLITE_STATIC);
        sqlite3_bind_blob(st, 2, files[i].text, (int)files[i].len, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE) {
            set_err(err, s->path, s->db);
            goto fail;
        }
    }
    sqlite3_finalize(st);
    return exec(s, "COMMIT;", err);
fail:
    sqlite3_finalize(st);
    exec(s, "ROLLBACK;", NULL);
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
                           NULL) != SQLITE_OK)
        return set_err(err, s->path, s->db);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        const void *blob = sqlite3_column_blob(st, 1);
        size_t bytes = (size_t)sqlite3_column_bytes(st, 1);
        site_file f = {xstrdup(name ? name : ""), xstrndup(blob ? blob : "", bytes), bytes};
        VEC_PUSH(out, len, cap, f);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        store_files_free(out, len);
        return set_err(err, s->path, s->db);
    }
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
