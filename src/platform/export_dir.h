/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* export_dir.h - writing an export file onto the USB stick mounted at the export
 * directory, safely: a new file (never an existing one, never through a symlink), fsynced,
 * read back and compared before the caller may delete what it exported. */
#ifndef LOTSE_EXPORT_DIR_H
#define LOTSE_EXPORT_DIR_H

#include <stdbool.h>
#include <stddef.h>

typedef enum export_status {
    EXPORT_OK,
    EXPORT_NO_DIR,        /* the directory is missing or not a directory (no stick) */
    EXPORT_READ_ONLY,     /* EROFS / EACCES / EPERM: write-protected or read-only stick */
    EXPORT_FULL,          /* ENOSPC / EDQUOT / EFBIG: not enough space */
    EXPORT_FAILED,        /* any other I/O error (stick pulled: EIO, ENODEV, ...) */
    EXPORT_VERIFY_FAILED, /* written, but reading it back gave different bytes */
} export_status;

/* Write text[0..len) as a new file in dir. name is a plain file name ("x.txt", no '/');
 * if it exists, "-2", "-3", ... is inserted before the extension. The directory itself is
 * opened with O_NOFOLLOW (a symlinked export directory is refused as EXPORT_NO_DIR) and
 * the file with O_CREAT|O_EXCL|O_NOFOLLOW, mode 0600. The data is fsynced, then the
 * directory; the file is then read back and compared byte by byte. On any failure after
 * the file was created, that file (and only it) is removed again. On success *written
 * (may be NULL) gets the new file's full path (caller frees). On failure *err gets a
 * message for the log naming the path and the reason (caller frees; err may be NULL). */
export_status export_write(const char *dir, const char *name, const char *text, size_t len,
                           char **written, char **err);

/* Is dir a mount point (a stick is mounted there)? On the device the export directory is
 * an empty folder until the stick is mounted on it; writing there would put the export
 * onto the kiosk's own storage (Export-Needs-Mount: yes checks this first). */
bool export_dir_is_mount_point(const char *dir);

#endif
