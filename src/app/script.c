/* script.c - the automation interface: a script of taps, waits and expectations run
 * against the real kiosk (headless in tests). Commands are documented in README.md:
 *   tap X Y | tap "text" | tap-id ID | hold X Y MS | type "text" | wait MS | lang CODE | back |
 *   expect "text" | expect-not "text" | expect-screen NAME | expect-queue N |
 *   screenshot PATH.png | dump PATH.json | # comment
 * Exit 0 when the script ran through; otherwise the failing line is printed as
 * "FILE:LINE: message" and the exit code is 1. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/util.h"

/* Parse one argument: a "quoted string" (with \" and \\) or a bare word. Returns a new
 * string and advances *p, or NULL on a syntax error. */
static char *next_arg(const char **p)
{
    const char *s = *p;
    while (*s == ' ' || *s == '\t')
        s++;
    if (!*s)
        return NULL;
    strbuf sb;
    strbuf_init(&sb);
    strbuf_append(&sb, "", 0);
    if (*s == '"') {
        s++;
        while (*s && *s != '"') {
            if (*s == '\\' && (s[1] == '"' || s[1] == '\\'))
                s++;
            strbuf_putc(&sb, *s++);
        }
        if (*s != '"') {
            strbuf_finish(&sb);
            return NULL;
        }
        s++;
    } else {
        while (*s && *s != ' ' && *s != '\t')
            strbuf_putc(&sb, *s++);
    }
    *p = s;
    return strbuf_steal(&sb);
}

static bool parse_int(const char *s, long min, long max, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < min || v > max)
        return false;
    *out = v;
    return true;
}

static bool write_text_file(const char *path, const char *text, char **err)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        *err = xasprintf("%s: %s", path, strerror(errno));
        return false;
    }
    bool ok = fputs(text, f) >= 0;
    ok = (fclose(f) == 0) && ok;
    if (!ok)
        *err = xasprintf("%s: write failed", path);
    return ok;
}

static const dl_elem *find_id(const dl *d, const char *id)
{
    for (size_t i = 0; d && i < d->n_elems; i++)
        if (strcmp(d->elems[i].id, id) == 0 && d->elems[i].enabled && d->elems[i].action.kind)
            return &d->elems[i];
    return NULL;
}

static bool tap_id(kiosk *k, const char *id)
{
    const dl_elem *e = find_id(k->shown, id);
    if (!e)
        return false;
    kiosk_tap(k, e->x + e->w / 2, e->y + e->h / 2, 0);
    return true;
}

/* type TEXT: tap the on-screen key of every character ("key.<char>", "key.space"), as a
 * parent would: switching shift and the letter layouts when the key is not shown. */
static char *type_text(kiosk *k, const char *text)
{
    for (const char *p = text; *p;) {
        uint32_t cp;
        int n = utf8_decode(p, strlen(p), &cp);
        char *id = *p == ' ' ? xstrdup("key.space") : xasprintf("key.%.*s", n, p);
        bool done = tap_id(k, id);
        /* Try shift, then each layout with and without shift. */
        for (int tries = 0; !done && tries < 16; tries++) {
            if (!(tries % 2 == 0 && tap_id(k, "key.shift")) && !tap_id(k, "key.layout"))
                break;
            done = tap_id(k, id);
        }
        if (!done) {
            char *msg = xasprintf("type: no key for '%.*s' on screen '%s'", n, p, k->shown->screen);
            free(id);
            return msg;
        }
        free(id);
        p += n;
    }
    return NULL;
}

/* Run one command; on failure return a new message. */
static char *run_line(kiosk *k, const char *line)
{
    const char *p = line;
    char *cmd = next_arg(&p);
    char *a1 = NULL, *a2 = NULL, *a3 = NULL, *msg = NULL, *err = NULL;
    if (!cmd || cmd[0] == '#')
        goto done;
    a1 = next_arg(&p);
    a2 = next_arg(&p);
    if (strcmp(cmd, "hold") == 0)
        a3 = next_arg(&p);
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p) {
        msg = xasprintf("unexpected text after the arguments: %s", p);
        goto done;
    }
    long x, y;
    if (strcmp(cmd, "tap") == 0 && a1 && a2) {
        if (!parse_int(a1, 0, 100000, &x) || !parse_int(a2, 0, 100000, &y))
            msg = xasprintf("tap X Y: '%s %s' are not pixel coordinates", a1, a2);
        else
            kiosk_tap(k, (int)x, (int)y, 0);
    } else if (strcmp(cmd, "tap") == 0 && a1) {
        const dl_elem *e = NULL;
        size_t n = dl_find_text(k->shown, a1, &e);
        if (n != 1)
            msg = xasprintf("tap \"%s\": %zu elements show this text on screen '%s'", a1, n,
                            k->shown->screen);
        else
            kiosk_tap(k, e->x + e->w / 2, e->y + e->h / 2, 0);
    } else if (strcmp(cmd, "hold") == 0 && a1 && a2 && a3) {
        long ms;
        if (!parse_int(a1, 0, 100000, &x) || !parse_int(a2, 0, 100000, &y) ||
            !parse_int(a3, 0, 600000, &ms)) {
            msg = xasprintf("hold X Y MS: '%s %s %s' are not pixels and milliseconds", a1, a2, a3);
        } else {
            /* The finger stays down: time passes (timeouts included), then it lifts. */
            kiosk_advance(k, ms);
            kiosk_tap(k, (int)x, (int)y, (int)ms);
        }
    } else if (strcmp(cmd, "tap-id") == 0 && a1 && !a2) {
        if (!tap_id(k, a1))
            msg = xasprintf("tap-id %s: no enabled, tappable element with this id on screen '%s'",
                            a1, k->shown->screen);
    } else if (strcmp(cmd, "type") == 0 && a1 && !a2) {
        msg = type_text(k, a1);
    } else if (strcmp(cmd, "expect-queue") == 0 && a1 && !a2) {
        if (!parse_int(a1, 0, 1000000, &x))
            msg = xasprintf("expect-queue N: '%s' is not a number", a1);
        else if (k->ctx.status.queue_count != (size_t)x)
            msg = xasprintf("expect-queue %ld: %zu requests are queued", x,
                            k->ctx.status.queue_count);
    } else if (strcmp(cmd, "wait") == 0 && a1 && !a2) {
        if (!parse_int(a1, 0, 100L * 24 * 3600 * 1000, &x))
            msg = xasprintf("wait MS: '%s' is not a number of milliseconds", a1);
        else
            kiosk_advance(k, x);
    } else if (strcmp(cmd, "lang") == 0 && a1 && !a2) {
        if (!ui_set_lang(&k->st, &k->ctx, a1, k->mono_ms))
            msg = xasprintf("lang: no language '%s'", a1);
        else
            kiosk_frame(k, false);
    } else if (strcmp(cmd, "back") == 0 && !a1) {
        kiosk_back(k);
    } else if (strcmp(cmd, "expect") == 0 && a1 && !a2) {
        if (!dl_contains_text(k->shown, a1))
            msg = xasprintf("expect \"%s\": not on screen '%s'", a1, k->shown->screen);
    } else if (strcmp(cmd, "expect-not") == 0 && a1 && !a2) {
        if (dl_contains_text(k->shown, a1))
            msg = xasprintf("expect-not \"%s\": it is on screen '%s'", a1, k->shown->screen);
    } else if (strcmp(cmd, "expect-screen") == 0 && a1 && !a2) {
        if (strcmp(k->shown->screen, a1) != 0)
            msg = xasprintf("expect-screen %s: the screen is '%s'", a1, k->shown->screen);
    } else if (strcmp(cmd, "screenshot") == 0 && a1 && !a2) {
        if (!kiosk_screenshot(k, a1, &err))
            msg = xasprintf("screenshot: %s", err);
    } else if (strcmp(cmd, "dump") == 0 && a1 && !a2) {
        char *json = dl_to_json(k->shown);
        if (!write_text_file(a1, json, &err))
            msg = xasprintf("dump: %s", err);
        free(json);
    } else {
        msg = xasprintf("unknown command or wrong arguments: %s", line);
    }
done:
    free(err);
    free(cmd);
    free(a1);
    free(a2);
    free(a3);
    return msg;
}

int script_run(kiosk *k, const char *path)
{
    size_t len = 0;
    char *err = NULL;
    char *text = files_read(path, &len, &err);
    if (!text) {
        fprintf(stderr, "lotse: script: %s\n", err);
        free(err);
        return 2;
    }
    if (strlen(text) != len) {
        fprintf(stderr, "%s: the script contains a NUL byte\n", path);
        free(text);
        return 1;
    }
    int rc = 0, lineno = 0;
    for (char *line = text; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        lineno++;
        size_t l = strlen(line);
        if (l && line[l - 1] == '\r')
            line[l - 1] = '\0';
        char *msg = run_line(k, line);
        if (msg) {
            fprintf(stderr, "%s:%d: %s\n", path, lineno, msg);
            free(msg);
            rc = 1;
            break;
        }
        line = nl ? nl + 1 : NULL;
    }
    free(text);
    return rc;
}
