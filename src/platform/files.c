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

char *files_read(const char *path, size_t *len, char **err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        *err = xasprintf("%s: %s", path, strerror(errno));
        return NULL;
    }
    strbuf sb;
    strbuf_init(&sb);
    strbuf_append(&sb, "", 0);
    char buf[16384];
    size_t n;
    while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
        if (sb.len + n > FILES_MAX_BYTES) {
            *err = xasprintf("%s: file is larger than %u bytes", path, FILES_MAX_BYTES);
            fclose(f);
            strbuf_finish(&sb);
            return NULL;
        }
        strbuf_append(&sb, buf, n);
    }
    if (ferror(f)) {
        *err = xasprintf("%s: read error: %s", path, strerror(errno));
        fclose(f);
        strbuf_finish(&sb);
        return NULL;
    }
    fclose(f);
    *len = sb.len;
    return strbuf_steal(&sb);
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

const site_file *file_set_find(const file_set *fs, const char *name)
{
    for (size_t i = 0; i < fs->n; i++)
        if (strcmp(fs->files[i].name, name) == 0)
            return &fs->files[i];
    return NULL;
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
