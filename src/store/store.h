/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* store.h - the kiosk's own state in SQLite (one file, lotse.db, in the data directory).
 *
 * Opened with WAL, synchronous=FULL and secure_delete=ON; the schema is created and
 * migrated on open by PRAGMA user_version. What it holds:
 *   - the last site content that loaded without errors (so a broken update never takes
 *     the kiosk out of order);
 *   - the queue of sealed contact requests, each with only a coarse date (the day) -
 *     nothing on the device can read them;
 *   - the admin PIN's failed attempts and lock-out, so a restart does not reset them;
 *   - consultation-hour exceptions the social worker entered on the admin screen.
 * Every write is one transaction; when a function returns true its COMMIT returned, and
 * with synchronous=FULL the change survives a power cut.
 * Every function returns false / NULL on failure with a new message in *err (caller
 * frees); nothing here aborts on bad data. */
#ifndef LOTSE_STORE_H
#define LOTSE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "content/site.h"

typedef struct store store;

/* The schema version this build creates and migrates to. */
#define STORE_SCHEMA_VERSION 2

/* Open (creating the directory and the database when missing) and migrate. */
store *store_open(const char *data_dir, char **err);
void store_close(store *s);
/* Like store_open, but a damaged database (not a database, malformed, failing PRAGMA
 * quick_check) is moved aside - renamed to lotse.db.damaged-N with its WAL, never deleted
 * - and a fresh one is started. *aside gets the new name of the damaged file (caller
 * frees) or NULL when nothing was moved. Other failures (permissions, a full or
 * read-only disk, a damaged file that cannot be renamed) return NULL and move nothing.
 * NULL always comes with a message in *err (caller frees). */
store *store_open_recover(const char *data_dir, char **aside, char **err);
int store_schema_version(store *s);
const char *store_path(const store *s);

/* Replace the saved snapshot of the last good site content with files[0..n), in one
 * transaction. Unchanged content is not rewritten. */
bool store_snapshot_save(store *s, const site_file *files, size_t n, char **err);
/* Load the snapshot: *files is a new array (names and texts owned by it; release with
 * store_files_free). *n == 0 when there is none. */
bool store_snapshot_load(store *s, site_file **files, size_t *n, char **err);
void store_files_free(site_file *files, size_t n);

/* ---- the request queue ------------------------------------------------------------- */

/* Append one sealed request (len bytes, opaque to the store) made on day (YYYY-MM-DD).
 * Durable when it returns true. */
bool store_request_add(store *s, const char *day, const unsigned char *sealed, size_t len,
                       char **err);

typedef struct store_queue_info {
    size_t count;
    char oldest_day[11]; /* "" when the queue is empty */
} store_queue_info;
bool store_request_info(store *s, store_queue_info *out, char **err);

typedef struct store_request {
    int64_t id;
    char day[11];
    unsigned char *sealed; /* owned by the array; release with store_requests_free */
    size_t len;
} store_request;
/* Every queued request in the order they were added. *out is a new array (NULL when
 * *n == 0). */
bool store_request_list(store *s, store_request **out, size_t *n, char **err);
void store_requests_free(store_request *r, size_t n);
/* Delete the requests with the given ids in one transaction (all or nothing). */
bool store_request_delete(store *s, const int64_t *ids, size_t n, char **err);
/* Delete every request made before day (retention); *removed gets the count. */
bool store_request_purge_before(store *s, const char *day, size_t *removed, char **err);

/* ---- the admin PIN's failed attempts ----------------------------------------------- */

typedef struct store_pin_state {
    int failures;             /* failed attempts since the last success */
    int64_t locked_until_utc; /* no attempt before this wall-clock time; 0 = not locked */
} store_pin_state;
/* All zero when nothing was saved yet. */
bool store_pin_get(store *s, store_pin_state *out, char **err);
bool store_pin_set(store *s, const store_pin_state *st, char **err);

/* ---- consultation-hour exceptions from the admin screen ---------------------------- */

typedef struct store_exception {
    int64_t id;      /* set by store_exception_add */
    char worker[64]; /* the worker's id in the site content */
    char kita[64];   /* the Kita's id in the site content */
    bool extra;      /* true: an extra hour; false: a cancelled hour */
    char day[11];    /* YYYY-MM-DD, local date */
    int start_min;   /* local minutes of the day, start < end */
    int end_min;
} store_exception;
/* Save e (its id is ignored); *id gets the new row's id (id may be NULL). */
bool store_exception_add(store *s, const store_exception *e, int64_t *id, char **err);
bool store_exception_delete(store *s, int64_t id, char **err);
/* The exceptions on from_day or later, ordered by day and start. *out is a new array
 * (caller frees with free(); NULL when *n == 0). */
bool store_exception_list(store *s, const char *from_day, store_exception **out, size_t *n,
                          char **err);
/* Delete exceptions dated before day (they are in the past). */
bool store_exception_purge_before(store *s, const char *day, char **err);

#endif
