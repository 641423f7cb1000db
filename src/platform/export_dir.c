/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* export_dir.c - writing an export file onto the USB stick (see export_dir.h).
 *
 * Everything happens relative to one descriptor of the export directory (openat,
 * unlinkat), so the directory cannot be swapped for another between the steps. The file
 * is created with O_EXCL|O_NOFOLLOW: an existing file or symlink of that name is never
 * opened, the next free name is taken instead. After fsync the file's cached pages are
 * dropped (best effort), so that the read-back comes from the stick, not from memory. */
#define _POSIX_C_SOURCE 200809L
#include "export_dir.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "base/util.h"

#define EXPORT_MAX_SUFFIX 99
#define EXPORT_CHUNK 65536

/* errno of a failed step -> status. ENOENT/ENOTDIR/ELOOP mean "no export directory"
 * only while opening the directory itself; later (the stick pulled in between) they are
 * plain failures. */
static export_status status_of(int e, bool opening_dir)
{
    switch (e) {
    case EROFS:
    case EACCES:
    case EPERM:
        return EXPORT_READ_ONLY;
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
        return EXPORT_FULL;
    case ENOENT:
    case ENOTDIR:
    case ELOOP:
        return opening_dir ? EXPORT_NO_DIR : EXPORT_FAILED;
    default:
        return EXPORT_FAILED;
    }
}

static export_status fail_with(char **err, export_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static export_status fail_with(char **err, export_status st, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        *err = xvasprintf(fmt, ap);
        va_end(ap);
    }
    return st;
}

/* Candidate k (1 = the name itself, 2..99 = "-k" before the extension). A leading dot
 * (".profile") is not an extension. Caller frees. */
static char *candidate_name(const char *name, int k)
{
    if (k == 1)
        return xstrdup(name);
    const char *dot = strrchr(name, '.');
    if (!dot || dot == name)
        return xasprintf("%s-%d", name, k);
    return xasprintf("%.*s-%d%s", (int)(dot - name), name, k, dot);
}

static bool name_valid(const char *name)
{
    return name && *name && !strchr(name, '/') && strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
}

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir);
    return xasprintf("%s%s%s", dir, n > 0 && dir[n - 1] == '/' ? "" : "/", name);
}

static bool write_all(int fd, const char *p, size_t len)
{
    while (len > 0) {
        size_t chunk = len > (size_t)SSIZE_MAX ? (size_t)SSIZE_MAX : len;
        ssize_t w = write(fd, p, chunk);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        if (w == 0) { /* no progress and no error: do not spin */
            errno = EIO;
            return false;
        }
        p += w;
        len -= (size_t)w;
    }
    return true;
}

static int fsync_retry(int fd)
{
    int rc;
    do
        rc = fsync(fd);
    while (rc != 0 && errno == EINTR);
    return rc;
}

/* Outcome of reading the file back. */
typedef enum verify_result { VERIFY_SAME, VERIFY_DIFFERENT, VERIFY_IO_ERROR } verify_result;

/* Read back cand in dfd and compare it with text[0..len): the same inode as was written,
 * a regular file of exactly len bytes with the same bytes. errno is set on IO_ERROR. */
static verify_result verify(int dfd, const char *cand, const struct stat *made, const char *text,
                            size_t len)
{
    int fd;
    do
        fd = openat(dfd, cand, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    while (fd < 0 && errno == EINTR);
    if (fd < 0)
        return errno == ELOOP ? VERIFY_DIFFERENT : VERIFY_IO_ERROR;
    verify_result res = VERIFY_DIFFERENT;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        res = VERIFY_IO_ERROR;
        goto done;
    }
    if (!S_ISREG(st.st_mode) || st.st_dev != made->st_dev || st.st_ino != made->st_ino ||
        st.st_size < 0 || (uintmax_t)st.st_size != (uintmax_t)len)
        goto done;
    char *buf = xmalloc(EXPORT_CHUNK);
    size_t off = 0;
    for (;;) {
        ssize_t r = read(fd, buf, EXPORT_CHUNK);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            res = VERIFY_IO_ERROR;
            break;
        }
        if (r == 0) { /* end of file: exactly len bytes? */
            res = off == len ? VERIFY_SAME : VERIFY_DIFFERENT;
            break;
        }
        if ((size_t)r > len - off || memcmp(buf, text + off, (size_t)r) != 0)
            break;
        off += (size_t)r;
    }
    free(buf);
done:;
    int saved = errno;
    close(fd);
    errno = saved;
    return res;
}

/* Remove cand from dfd, but only if it is still the file this export created. */
static void remove_ours(int dfd, const char *cand, const struct stat *made)
{
    struct stat st;
    if (fstatat(dfd, cand, &st, AT_SYMLINK_NOFOLLOW) == 0 && st.st_dev == made->st_dev &&
        st.st_ino == made->st_ino && unlinkat(dfd, cand, 0) == 0)
        fsync_retry(dfd);
}

export_status export_write(const char *dir, const char *name, const char *text, size_t len,
                           char **written, char **err)
{
    if (written)
        *written = NULL;
    if (err)
        *err = NULL;
    if (!dir || !*dir)
        return fail_with(err, EXPORT_NO_DIR, "export: no export directory given");
    if (!name_valid(name))
        return fail_with(err, EXPORT_FAILED, "export to %s: \"%s\" is not a plain file name", dir,
                         name ? name : "(null)");
    if (!text && len > 0)
        return fail_with(err, EXPORT_FAILED, "export to %s: no data", dir);

    /* "/media/stick/" would make open() resolve a symlink despite O_NOFOLLOW: drop
     * trailing slashes, and refuse a symlink by lstat as well (Linux reports ENOTDIR,
     * not ELOOP, for a symlink to a directory opened with O_DIRECTORY|O_NOFOLLOW). */
    char *clean = xstrdup(dir);
    for (size_t n = strlen(clean); n > 1 && clean[n - 1] == '/'; n--)
        clean[n - 1] = '\0';
    struct stat ls;
    if (lstat(clean, &ls) == 0 && S_ISLNK(ls.st_mode)) {
        export_status st = fail_with(err, EXPORT_NO_DIR, "export to %s: is a symlink", dir);
        free(clean);
        return st;
    }
    int dfd;
    do
        dfd = open(clean, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    while (dfd < 0 && errno == EINTR);
    free(clean);
    if (dfd < 0) {
        int e = errno;
        const char *why = e == ELOOP ? "is a symlink" : strerror(e);
        return fail_with(err, status_of(e, true), "export to %s: %s", dir, why);
    }

    export_status status = EXPORT_FAILED;
    char *cand = NULL;
    char *path = NULL;
    int fd = -1;
    bool created = false;
    struct stat made;
    const char *step = "create";
    int e = 0;
    int rc;
    verify_result v;

    for (int k = 1; k <= EXPORT_MAX_SUFFIX; k++) {
        free(cand);
        cand = candidate_name(name, k);
        do
            fd = openat(dfd, cand, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        while (fd < 0 && errno == EINTR);
        if (fd >= 0 || errno != EEXIST)
            break;
    }
    path = join(dir, cand);
    if (fd < 0) {
        e = errno;
        if (e == EEXIST) {
            fail_with(err, EXPORT_FAILED, "export to %s: %s and %d other names are taken", dir,
                      name, EXPORT_MAX_SUFFIX - 1);
            goto out;
        }
        goto io_fail;
    }
    created = true;
    if (fstat(fd, &made) != 0) {
        step = "stat";
        e = errno;
        /* Without its identity the file cannot be removed safely: unlink by name, it was
         * created by this call an instant ago. */
        close(fd);
        fd = -1;
        unlinkat(dfd, cand, 0);
        created = false;
        goto io_fail;
    }
    step = "write";
    if (!write_all(fd, text, len))
        goto errno_fail;
    step = "fsync";
    if (fsync_retry(fd) != 0)
        goto errno_fail;
    /* Clean pages after fsync can be dropped: the read-back then comes from the device. */
    (void)posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    step = "close";
    rc = close(fd);
    fd = -1;
    /* EINTR from close: Linux has released the descriptor and the data is already
     * fsynced; the read-back below decides. */
    if (rc != 0 && errno != EINTR)
        goto errno_fail;
    step = "fsync the directory";
    /* EINVAL: this file system cannot sync a directory; the file's data is synced. */
    if (fsync_retry(dfd) != 0 && errno != EINVAL)
        goto errno_fail;

    step = "read back";
    v = verify(dfd, cand, &made, text, len);
    if (v == VERIFY_IO_ERROR)
        goto errno_fail;
    if (v == VERIFY_DIFFERENT) {
        fail_with(err, EXPORT_VERIFY_FAILED,
                  "export to %s: reading the file back gave different bytes", path);
        status = EXPORT_VERIFY_FAILED;
        goto out;
    }

    status = EXPORT_OK;
    if (written) {
        *written = path;
        path = NULL;
    }
    goto out;

errno_fail:
    e = errno;
io_fail:
    status = status_of(e, false);
    fail_with(err, status, "export to %s: %s: %s", path, step, strerror(e));
out:
    if (fd >= 0)
        close(fd);
    if (status != EXPORT_OK && created)
        remove_ours(dfd, cand, &made);
    close(dfd);
    free(path);
    free(cand);
    return status;
}

bool export_dir_is_mount_point(const char *dir)
{
    struct stat self, parent;
    char *up = xasprintf("%s/..", dir);
    bool ok = lstat(dir, &self) == 0 && S_ISDIR(self.st_mode) && stat(up, &parent) == 0;
    free(up);
    /* A mount point lives on another device than its parent (or is the root itself). */
    return ok && (self.st_dev != parent.st_dev || self.st_ino == parent.st_ino);
}
