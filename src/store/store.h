/* store.h - the kiosk's own state in SQLite (one file, lotse.db, in the data directory).
 *
 * Opened with WAL, synchronous=FULL and secure_delete=ON; the schema is created and
 * migrated on open by PRAGMA user_version. What it holds today: the last site content
 * that loaded without errors (so a broken update never takes the kiosk out of order).
 * Every function returns false / NULL on failure with a new message in *err (caller
 * frees); nothing here aborts on bad data. */
#ifndef LOTSE_STORE_H
#define LOTSE_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/site.h"

typedef struct store store;

/* The schema version this build creates and migrates to. */
#define STORE_SCHEMA_VERSION 1

/* Open (creating the directory and the database when missing) and migrate. */
store *store_open(const char *data_dir, char **err);
void store_close(store *s);
int store_schema_version(store *s);
const char *store_path(const store *s);

/* Replace the saved snapshot of the last good site content with files[0..n), in one
 * transaction. Unchanged content is not rewritten. */
bool store_snapshot_save(store *s, const site_file *files, size_t n, char **err);
/* Load the snapshot: *files is a new array (names and texts owned by it; release with
 * store_files_free). *n == 0 when there is none. */
bool store_snapshot_load(store *s, site_file **files, size_t *n, char **err);
void store_files_free(site_file *files, size_t n);

#endif
