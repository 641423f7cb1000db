/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* test_export_dir.c - writing an export file onto the stick (export_dir.c): the bytes
 * read back, mode 0600, the "-2" name on a collision, refusing a missing or symlinked
 * directory, never following a symlink named like the file, and the statuses for a full
 * and a read-only file system without a partial file left behind.
 *
 * The full and read-only cases need a file system of their own: root ignores file
 * modes, so a small tmpfs is mounted in a child process inside a private mount namespace
 * (unshare(CLONE_NEWNS) as root, else a user namespace). The child runs export_write and
 * reports through its exit code and a pipe; the mount disappears with it. Every test works
 * in its own mkdtemp directory under /tmp and removes it. */
#define _GNU_SOURCE /* mkdtemp, unshare, mount, CLONE_NEWNS / CLONE_NEWUSER */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "export_dir.h"
#include "base/util.h"

/* Remove a directory tree (only what the tests create; symlinks are removed, not
 * followed). */
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
    char *dir = xstrdup("/tmp/lotse-test-export-XXXXXX");
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

/* The entries of dir other than . and .., sorted and joined by spaces ("" when empty;
 * NULL when dir cannot be read). Caller frees. */
static char *list_dir(const char *dir)
{
    struct dirent **names = NULL;
    int n = scandir(dir, &names, NULL, alphasort);
    if (n < 0)
        return NULL;
    strbuf sb;
    strbuf_init(&sb);
    strbuf_append(&sb, "", 0);
    for (int i = 0; i < n; i++) {
        const char *nm = names[i]->d_name;
        if (strcmp(nm, ".") != 0 && strcmp(nm, "..") != 0) {
            if (sb.len)
                strbuf_putc(&sb, ' ');
            strbuf_puts(&sb, nm);
        }
        free(names[i]);
    }
    free(names);
    return strbuf_steal(&sb);
}

static void assert_dir_is(const char *dir, const char *want)
{
    char *got = list_dir(dir);
    if (!got)
        fail_msg("cannot list %s", dir);
    if (strcmp(got, want) != 0)
        fail_msg("%s holds \"%s\", expected \"%s\"", dir, got, want);
    free(got);
}

/* The whole file at path (caller frees); *len its size. Fails the test when unreadable. */
static char *slurp(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY | O_NOFOLLOW);
    if (fd < 0)
        fail_msg("cannot open %s: %s", path, strerror(errno));
    strbuf sb;
    strbuf_init(&sb);
    strbuf_append(&sb, "", 0);
    char buf[4096];
    ssize_t r;
    while ((r = read(fd, buf, sizeof(buf))) > 0)
        strbuf_append(&sb, buf, (size_t)r);
    assert_int_equal(r, 0);
    close(fd);
    *len = sb.len;
    return strbuf_steal(&sb);
}

static void put_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

static void assert_file_is(const char *path, const char *text, size_t len)
{
    size_t got_len = 0;
    char *got = slurp(path, &got_len);
    assert_int_equal(got_len, len);
    assert_memory_equal(got, text, len);
    free(got);
}

/* Export text and expect success under the name want (relative to dir). */
static void export_ok(const char *dir, const char *name, const char *text, size_t len,
                      const char *want)
{
    char *written = NULL, *err = NULL;
    export_status st = export_write(dir, name, text, len, &written, &err);
    if (st != EXPORT_OK)
        fail_msg("export_write(%s): status %d: %s", name, (int)st, err ? err : "(no message)");
    assert_null(err);
    char *path = xasprintf("%s/%s", dir, want);
    assert_non_null(written);
    assert_string_equal(written, path);
    assert_file_is(path, text, len);
    struct stat sb;
    assert_int_equal(lstat(path, &sb), 0);
    assert_true(S_ISREG(sb.st_mode));
    assert_int_equal(sb.st_mode & 07777, 0600);
    free(path);
    free(written);
}

static void test_write_read_back(void **state)
{
    const char *tmp = *state;
    /* Larger than one read-back chunk, every byte value, no NUL terminator relied on. */
    size_t len = 200000;
    char *data = xmalloc(len);
    for (size_t i = 0; i < len; i++)
        data[i] = (char)(i * 7 + (i >> 9));
    export_ok(tmp, "lotse-anfragen.txt", data, len, "lotse-anfragen.txt");
    free(data);

    /* An empty export is a file too; err and written may be NULL. */
    assert_int_equal(export_write(tmp, "leer.txt", "", 0, NULL, NULL), EXPORT_OK);
    char *empty = xasprintf("%s/leer.txt", tmp);
    assert_file_is(empty, "", 0);
    free(empty);

    /* A trailing slash on the directory does not double in the path. */
    char *slash = xasprintf("%s/", tmp);
    char *written = NULL;
    assert_int_equal(export_write(slash, "s.txt", "abc", 3, &written, NULL), EXPORT_OK);
    char *want = xasprintf("%s/s.txt", tmp);
    assert_string_equal(written, want);
    free(want);
    free(written);
    free(slash);
    assert_dir_is(tmp, "leer.txt lotse-anfragen.txt s.txt");
}

static void test_collision_suffix(void **state)
{
    const char *tmp = *state;
    export_ok(tmp, "x.txt", "first", 5, "x.txt");
    export_ok(tmp, "x.txt", "second", 6, "x-2.txt");
    export_ok(tmp, "x.txt", "third", 5, "x-3.txt");
    char *first = xasprintf("%s/x.txt", tmp);
    assert_file_is(first, "first", 5); /* never overwritten */
    free(first);

    /* No extension: at the end; several dots: before the last; a leading dot is not an
     * extension. */
    export_ok(tmp, "README", "a", 1, "README");
    export_ok(tmp, "README", "b", 1, "README-2");
    export_ok(tmp, "a.tar.gz", "c", 1, "a.tar.gz");
    export_ok(tmp, "a.tar.gz", "d", 1, "a.tar-2.gz");
    export_ok(tmp, ".hidden", "e", 1, ".hidden");
    export_ok(tmp, ".hidden", "f", 1, ".hidden-2");
}

static void test_names_exhausted(void **state)
{
    const char *tmp = *state;
    char *dir = xasprintf("%s/d", tmp);
    assert_int_equal(mkdir(dir, 0700), 0);
    for (int k = 1; k <= 99; k++) {
        char *p = k == 1 ? xasprintf("%s/e.txt", dir) : xasprintf("%s/e-%d.txt", dir, k);
        put_file(p, "taken");
        free(p);
    }
    char *before = list_dir(dir);
    char *written = NULL, *err = NULL;
    assert_int_equal(export_write(dir, "e.txt", "new", 3, &written, &err), EXPORT_FAILED);
    assert_null(written);
    assert_non_null(err);
    assert_non_null(strstr(err, "taken"));
    free(err);
    assert_dir_is(dir, before);
    free(before);
    free(dir);
}

static void test_bad_names(void **state)
{
    const char *tmp = *state;
    const char *bad[] = {"", ".", "..", "a/b", "/abs.txt", "../up.txt", "dir/"};
    for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
        char *written = (char *)"untouched", *err = NULL;
        export_status st = export_write(tmp, bad[i], "x", 1, &written, &err);
        if (st != EXPORT_FAILED)
            fail_msg("name \"%s\" gave status %d", bad[i], (int)st);
        assert_null(written);
        assert_non_null(err);
        assert_true(strlen(err) > 0);
        free(err);
    }
    char *err = NULL;
    assert_int_equal(export_write(tmp, NULL, "x", 1, NULL, &err), EXPORT_FAILED);
    assert_non_null(err);
    free(err);
    err = NULL;
    assert_int_equal(export_write(tmp, "x.txt", NULL, 5, NULL, &err), EXPORT_FAILED);
    assert_non_null(err);
    free(err);
    assert_dir_is(tmp, "");
}

static void test_missing_dir(void **state)
{
    const char *tmp = *state;
    char *none = xasprintf("%s/no-stick", tmp);
    char *written = NULL, *err = NULL;
    assert_int_equal(export_write(none, "x.txt", "x", 1, &written, &err), EXPORT_NO_DIR);
    assert_null(written);
    assert_non_null(err);
    assert_non_null(strstr(err, none)); /* the message names the path */
    free(err);
    err = NULL;

    /* A regular file where the directory should be. */
    char *file = xasprintf("%s/plain", tmp);
    put_file(file, "not a directory");
    assert_int_equal(export_write(file, "x.txt", "x", 1, &written, &err), EXPORT_NO_DIR);
    assert_non_null(err);
    free(err);
    assert_int_equal(export_write(NULL, "x.txt", "x", 1, NULL, NULL), EXPORT_NO_DIR);
    assert_dir_is(tmp, "plain");
    free(file);
    free(none);
}

static void test_symlinked_dir_refused(void **state)
{
    const char *tmp = *state;
    char *real = xasprintf("%s/real", tmp);
    char *link = xasprintf("%s/stick", tmp);
    assert_int_equal(mkdir(real, 0700), 0);
    assert_int_equal(symlink("real", link), 0);
    char *written = NULL, *err = NULL;
    assert_int_equal(export_write(link, "x.txt", "secret", 6, &written, &err), EXPORT_NO_DIR);
    assert_null(written);
    assert_non_null(err);
    assert_non_null(strstr(err, link));
    free(err);
    assert_dir_is(real, ""); /* nothing was written through the link */
    free(link);
    free(real);
}

static void test_symlinked_file_not_followed(void **state)
{
    const char *tmp = *state;
    char *dir = xasprintf("%s/stick", tmp);
    char *outside = xasprintf("%s/outside.txt", tmp);
    char *x = xasprintf("%s/x.txt", dir);
    char *y = xasprintf("%s/y.txt", dir);
    assert_int_equal(mkdir(dir, 0700), 0);
    put_file(outside, "do not touch");
    assert_int_equal(symlink("../outside.txt", x), 0);
    assert_int_equal(symlink("../dangling.txt", y), 0);

    export_ok(dir, "x.txt", "export", 6, "x-2.txt");
    assert_file_is(outside, "do not touch", 12);
    export_ok(dir, "y.txt", "export", 6, "y-2.txt");

    /* The links are still links, and the dangling one still dangles. */
    struct stat st;
    assert_int_equal(lstat(x, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_int_equal(lstat(y, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_dir_is(tmp, "outside.txt stick");
    assert_dir_is(dir, "x-2.txt x.txt y-2.txt y.txt");
    free(y);
    free(x);
    free(outside);
    free(dir);
}

/* ---- a file system of its own, in a child process ---------------------------------- */

#define CHILD_SKIP 77

/* A child's message to the parent (through the pipe) and its exit code. */
static int child_say(int fd, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int child_say(int fd, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = xvasprintf(fmt, ap);
    va_end(ap);
    ssize_t w = write(fd, msg, strlen(msg));
    (void)w;
    free(msg);
    return code;
}

static bool write_proc(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    bool ok = write(fd, text, strlen(text)) == (ssize_t)strlen(text);
    return close(fd) == 0 && ok;
}

/* Enter a private mount namespace: as root CLONE_NEWNS alone; without the privilege, a
 * user namespace that maps the caller to root in it. On failure *why says why. */
static bool private_mounts(char **why)
{
    if (unshare(CLONE_NEWNS) != 0) {
        int e1 = errno;
        uid_t uid = getuid();
        gid_t gid = getgid();
        if (unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) {
            *why = xasprintf("unshare(CLONE_NEWNS): %s; unshare(CLONE_NEWUSER|CLONE_NEWNS): %s",
                             strerror(e1), strerror(errno));
            return false;
        }
        char *umap = xasprintf("0 %u 1", (unsigned)uid);
        char *gmap = xasprintf("0 %u 1", (unsigned)gid);
        bool ok = write_proc("/proc/self/uid_map", umap) &&
                  write_proc("/proc/self/setgroups", "deny") &&
                  write_proc("/proc/self/gid_map", gmap);
        free(umap);
        free(gmap);
        if (!ok) {
            *why = xasprintf("user namespace id maps: %s", strerror(errno));
            return false;
        }
    }
    /* Keep the test's mounts from propagating back to the host's namespace. */
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0) {
        *why = xasprintf("making / private: %s", strerror(errno));
        return false;
    }
    return true;
}

typedef int (*child_fn)(const char *mnt, int msg_fd);

/* Run fn(mnt, msg_fd) in a child with its own mount namespace: 0 means its checks held;
 * CHILD_SKIP that no namespace could be had (the test is then skipped, saying why); any
 * other code fails the test with the child's message. */
static void run_in_child(const char *mnt, child_fn fn)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        char *why = NULL;
        int code =
            private_mounts(&why) ? fn(mnt, fds[1]) : child_say(fds[1], CHILD_SKIP, "%s", why);
        _exit(code);
    }
    close(fds[1]);
    strbuf sb;
    strbuf_init(&sb);
    strbuf_append(&sb, "", 0);
    char buf[512];
    ssize_t r;
    while ((r = read(fds[0], buf, sizeof(buf))) > 0 || (r < 0 && errno == EINTR))
        if (r > 0)
            strbuf_append(&sb, buf, (size_t)r);
    close(fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        assert_int_equal(errno, EINTR);
    char *msg = strbuf_steal(&sb);
    if (!WIFEXITED(status)) {
        char *m = xasprintf("child died (status %#x): %s", (unsigned)status, msg);
        free(msg);
        fail_msg("%s", m);
    }
    int code = WEXITSTATUS(status);
    if (code == CHILD_SKIP) {
        print_message("skipped: no private mount namespace for a tmpfs: %s\n", msg);
        free(msg);
        skip();
    }
    if (code != 0) {
        char *m = xasprintf("in the child (code %d): %s", code, msg);
        free(msg);
        fail_msg("%s", m);
    }
    free(msg);
}

/* In the child: is dir exactly want (list_dir form)? */
static bool child_dir_is(const char *dir, const char *want, int msg_fd)
{
    char *got = list_dir(dir);
    bool ok = got && strcmp(got, want) == 0;
    if (!ok)
        child_say(msg_fd, 1, "%s holds \"%s\", expected \"%s\"; ", dir, got ? got : "?", want);
    free(got);
    return ok;
}

/* In the child: export and expect want, no *written, a message. */
static bool child_export_expect(const char *mnt, const char *name, const char *text, size_t len,
                                export_status want, int msg_fd)
{
    char *written = NULL, *err = NULL;
    export_status st = export_write(mnt, name, text, len, &written, &err);
    bool ok = st == want && !written && err && *err;
    if (!ok)
        child_say(msg_fd, 1, "export_write(%s, %zu bytes): status %d (want %d), written %s, %s; ",
                  name, len, (int)st, (int)want, written ? written : "NULL",
                  err ? err : "no message");
    free(written);
    free(err);
    return ok;
}

static int child_full(const char *mnt, int msg_fd)
{
    if (mount("tmpfs", mnt, "tmpfs", MS_NOSUID | MS_NODEV, "size=16k,mode=0700") != 0)
        return child_say(msg_fd, 2, "mount tmpfs on %s: %s", mnt, strerror(errno));

    /* An export larger than the whole file system: full, and no partial file stays. */
    size_t big = 64 * 1024;
    char *data = xmalloc(big);
    memset(data, 'A', big);
    bool ok = child_export_expect(mnt, "big.txt", data, big, EXPORT_FULL, msg_fd) &&
              child_dir_is(mnt, "", msg_fd);

    /* A file system filled up by something else: a small export fails the same way. */
    char *filler = xasprintf("%s/filler", mnt);
    int fd = open(filler, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0)
        return child_say(msg_fd, 2, "create %s: %s", filler, strerror(errno));
    ssize_t w;
    while ((w = write(fd, data, 4096)) > 0)
        ;
    if (w == 0 || errno != ENOSPC)
        return child_say(msg_fd, 2, "filling %s ended with %s", filler, strerror(errno));
    close(fd);
    ok = ok && child_export_expect(mnt, "small.txt", data, 100, EXPORT_FULL, msg_fd) &&
         child_dir_is(mnt, "filler", msg_fd);
    free(filler);
    free(data);
    return ok ? 0 : 1;
}

static int child_read_only(const char *mnt, int msg_fd)
{
    /* A stick mounted read-only from the start. */
    if (mount("tmpfs", mnt, "tmpfs", MS_NOSUID | MS_NODEV | MS_RDONLY, "size=16k") != 0)
        return child_say(msg_fd, 2, "mount read-only tmpfs on %s: %s", mnt, strerror(errno));
    bool ok = child_export_expect(mnt, "x.txt", "abc", 3, EXPORT_READ_ONLY, msg_fd) &&
              child_dir_is(mnt, "", msg_fd);
    if (umount(mnt) != 0)
        return child_say(msg_fd, 2, "umount %s: %s", mnt, strerror(errno));

    /* One that turned read-only with a file on it (as the kernel does after an error);
     * the name collides, and the existing file is left as it was. */
    if (mount("tmpfs", mnt, "tmpfs", MS_NOSUID | MS_NODEV, "size=16k,mode=0700") != 0)
        return child_say(msg_fd, 2, "mount tmpfs on %s: %s", mnt, strerror(errno));
    char *old = xasprintf("%s/x.txt", mnt);
    FILE *f = fopen(old, "w");
    if (!f || fputs("old", f) < 0 || fclose(f) != 0)
        return child_say(msg_fd, 2, "writing %s: %s", old, strerror(errno));
    if (mount(NULL, mnt, NULL, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, NULL) != 0)
        return child_say(msg_fd, 2, "remount %s read-only: %s", mnt, strerror(errno));
    ok = ok && child_export_expect(mnt, "x.txt", "new", 3, EXPORT_READ_ONLY, msg_fd) &&
         child_dir_is(mnt, "x.txt", msg_fd);
    char buf[8] = {0};
    f = fopen(old, "r");
    if (!f || fread(buf, 1, sizeof(buf) - 1, f) != 3 || strcmp(buf, "old") != 0) {
        child_say(msg_fd, 1, "%s changed", old);
        ok = false;
    }
    if (f)
        fclose(f);
    free(old);
    return ok ? 0 : 1;
}

static void test_full_fs(void **state)
{
    const char *tmp = *state;
    char *mnt = xasprintf("%s/stick", tmp);
    assert_int_equal(mkdir(mnt, 0700), 0);
    run_in_child(mnt, child_full);
    assert_dir_is(mnt, ""); /* the mount was the child's alone */
    free(mnt);
}

static void test_read_only_fs(void **state)
{
    const char *tmp = *state;
    char *mnt = xasprintf("%s/stick", tmp);
    assert_int_equal(mkdir(mnt, 0700), 0);
    run_in_child(mnt, child_read_only);
    assert_dir_is(mnt, "");
    free(mnt);
}

/* Export-Needs-Mount: an empty mount-point folder on the kiosk's own disk is not a stick. */
static void test_mount_point(void **state)
{
    const char *tmp = *state;
    char *sub = xasprintf("%s/stick", tmp);
    assert_int_equal(mkdir(sub, 0700), 0);
    assert_false(export_dir_is_mount_point(sub)); /* same filesystem as its parent */
    assert_true(export_dir_is_mount_point("/"));
    assert_true(export_dir_is_mount_point("/proc")); /* procfs: another device */
    char *none = xasprintf("%s/none", tmp);
    assert_false(export_dir_is_mount_point(none));
    free(none);
    rmdir(sub);
    free(sub);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_write_read_back, setup, teardown),
        cmocka_unit_test_setup_teardown(test_collision_suffix, setup, teardown),
        cmocka_unit_test_setup_teardown(test_names_exhausted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_names, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_dir, setup, teardown),
        cmocka_unit_test_setup_teardown(test_symlinked_dir_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_symlinked_file_not_followed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_full_fs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_only_fs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mount_point, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
