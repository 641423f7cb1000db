/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* files.c - see files.h. */
#define _POSIX_C_SOURCE 200809L
#include "files.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/util.h"

#define FILES_MAX_BYTES (4u << 20)

static void set_err(char **err, char *msg)
{
    if (err)
        *err = msg;
    else
        free(msg);
}

char *files_read_max(const char *path, size_t max, size_t *len, char **err)
{
    char *buf = NULL;
    size_t cap = 0, n = 0;
    /* O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer (and a
     * device might wait for a carrier); what is opened is checked before any read. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        set_err(err, xasprintf("%s: %s", path, strerror(errno)));
        goto fail;
    }
    if (!S_ISREG(st.st_mode)) {
        set_err(err, xasprintf("%s: not a regular file", path));
        goto fail;
    }
    if ((unsigned long long)st.st_size > max) {
        set_err(err, xasprintf("%s: too large (%lld bytes, at most %zu)", path,
                               (long long)st.st_size, max));
        goto fail;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0)
        fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    /* The size is known: one buffer, grown only if the file grows while it is read (a
     * secret is then never copied by realloc). */
    cap = (size_t)st.st_size + 1;
    buf = xmalloc(cap);
    for (;;) {
        if (n == cap - 1) { /* full: at the end, or did the file grow meanwhile? */
            char c;
            ssize_t more = read(fd, &c, 1);
            if (more < 0 && errno == EINTR)
                continue;
            if (more < 0) {
                set_err(err, xasprintf("%s: read error: %s", path, strerror(errno)));
                goto fail;
            }
            if (more == 0)
                break;
            if (n >= max) {
                set_err(err, xasprintf("%s: too large (grew beyond %zu bytes)", path, max));
                goto fail;
            }
            size_t grow = cap * 2;
            cap = grow > max + 1 ? max + 1 : grow;
            buf = xrealloc(buf, cap);
            buf[n++] = c;
            continue;
        }
        ssize_t r = read(fd, buf + n, cap - 1 - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            set_err(err, xasprintf("%s: read error: %s", path, strerror(errno)));
            goto fail;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    buf[n] = '\0';
    close(fd);
    *len = n;
    return buf;
fail:
    if (fd >= 0)
        close(fd);
    if (buf)
        secure_zero(buf, cap); /* it may be a secret key or passphrase file */
    free(buf);
    *len = 0;
    return NULL;
}

char *files_read(const char *path, size_t *len, char **err)
{
    return files_read_max(path, FILES_MAX_BYTES, len, err);
}

bool files_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

bool files_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

void file_set_finish(file_set *fs)
{
    for (size_t i = 0; i < fs->n; i++) {
        free((char *)fs->files[i].name);
        free((char *)fs->files[i].text);
    }
    free(fs->files);
    fs->files = NULL;
    fs->n = fs->cap = 0;
}

bool file_set_add(file_set *fs, const char *dir, const char *name, char **err)
{
    char *path = xasprintf("%s/%s", dir, name);
    size_t len = 0;
    char *text = files_read(path, &len, err);
    free(path);
    if (!text)
        return false;
    site_file f = {xstrdup(name), text, len};
    VEC_PUSH(fs->files, fs->n, fs->cap, f);
    return true;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

bool file_set_add_po_files(file_set *fs, const char *dir, const char *sub, char **err)
{
    char *path = xasprintf("%s/%s", dir, sub);
    DIR *d = opendir(path);
    if (!d) {
        bool missing = errno == ENOENT;
        if (!missing)
            *err = xasprintf("%s: %s", path, strerror(errno));
        free(path);
        return missing;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        size_t l = strlen(de->d_name);
        if (l > 3 && strcmp(de->d_name + l - 3, ".po") == 0 && de->d_name[0] != '.')
            VEC_PUSH(names, n, cap, xstrdup(de->d_name));
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof(*names), cmp_str);
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        char *rel = xasprintf("%s/%s", sub, names[i]);
        if (ok && !file_set_add(fs, dir, rel, err))
            ok = false;
        free(rel);
        free(names[i]);
    }
    free(names);
    free(path);
    return ok;
}

bool files_put_signal(const char *path, const char *text, char **err)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0640);
    if (fd < 0) {
        *err = xasprintf("%s: %s", path, strerror(errno));
        return false;
    }
    size_t len = strlen(text), off = 0;
    while (off < len) {
        ssize_t w = write(fd, text + off, len - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            *err = xasprintf("%s: %s", path, w < 0 ? strerror(errno) : "short write");
            close(fd);
            return false;
        }
        off += (size_t)w;
    }
    if (close(fd) != 0) {
        *err = xasprintf("%s: %s", path, strerror(errno));
        return false;
    }
    return true;
}
