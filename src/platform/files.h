/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* files.h - reading whole files and folders for the content loaders. */
#ifndef LOTSE_FILES_H
#define LOTSE_FILES_H

#include <stdbool.h>
#include <stddef.h>

#include "content/site.h"

/* Read the regular file path, of at most max bytes, into a new NUL-terminated buffer
 * (*len excludes the NUL; caller frees). Never blocks on what is not a regular file: a
 * FIFO, a device or a directory is refused with "path: not a regular file". On failure
 * returns NULL, *len = 0 and *err = "path: reason" (caller frees; err may be NULL). The
 * one file reader of the kiosk and lotse-admin. */
char *files_read_max(const char *path, size_t max, size_t *len, char **err);
/* files_read_max with the limit for content, configuration and key files: 4 MiB. */
char *files_read(const char *path, size_t *len, char **err);
bool files_exists(const char *path);
/* Replace path with a small file holding text (no symlink followed, mode 0640): a signal
 * for another program, e.g. Export-Done-File. False with *err = "path: reason". */
bool files_put_signal(const char *path, const char *text, char **err);
bool files_is_dir(const char *path);

/* A set of named files read from disk; names are relative to the folder. */
typedef struct file_set {
    site_file *files;
    size_t n, cap;
} file_set;

void file_set_finish(file_set *fs);
/* Read dir/name into the set under the name `name`. */
bool file_set_add(file_set *fs, const char *dir, const char *name, char **err);
/* Add every .po file in dir/sub (sorted by name) under the name "sub/<file>". A missing
 * sub-folder is not an error. */
bool file_set_add_po_files(file_set *fs, const char *dir, const char *sub, char **err);

#endif
