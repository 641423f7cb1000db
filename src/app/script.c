/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* script.c - the automation interface: a script of taps, waits and expectations run
 * against the real kiosk (headless in tests). The commands are the table COMMANDS below
 * (name, arguments, handler, help), which `lotse --help` prints; README.md describes
 * them. A line is a command and its arguments (a "quoted string" or a bare word each),
 * or a # comment.
 * Exit 0 when the script ran through; otherwise the failing line is printed as
 * "FILE:LINE: message" and the exit code is 1. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "base/util.h"

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
    return kiosk_tap_id(k, id);
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

/* ---- real touch events ------------------------------------------------------------ */

/* Parse a normalised touch coordinate: 0..1 is on the screen; outside it a finger slid off
 * the edge (SDL reports such values). */
static bool parse_norm(const char *s, float *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !(v >= -100.0 && v <= 100.0))
        return false;
    *out = (float)v;
    return true;
}

/* Push a real SDL touch event; kiosk_pump lets the loop's event handler take it. */
static void push_finger(kiosk *k, Uint32 type, long id, float x, float y)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof(ev));
    ev.type = type;
    ev.tfinger.timestamp = SDL_GetTicks();
    ev.tfinger.touchId = 1;
    ev.tfinger.fingerId = id;
    ev.tfinger.x = x;
    ev.tfinger.y = y;
    ev.tfinger.pressure = type == SDL_FINGERUP ? 0.0f : 1.0f;
    ev.tfinger.windowID = SDL_GetWindowID(k->win);
    if (SDL_PushEvent(&ev) != 1)
        fprintf(stderr, "lotse: script: SDL_PushEvent: %s\n", SDL_GetError());
}

static void push_back_key(void)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof(ev));
    ev.type = SDL_KEYDOWN;
    ev.key.timestamp = SDL_GetTicks();
    ev.key.state = SDL_PRESSED;
    ev.key.keysym.sym = SDLK_BACKSPACE;
    ev.key.keysym.scancode = SDL_SCANCODE_BACKSPACE;
    SDL_PushEvent(&ev);
}

/* xorshift64*: the storm's and the monkey's choices, reproducible from the seed. */
static uint64_t rnd_next(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * UINT64_C(2685821657736338717);
}

static uint64_t rnd_seed(long seed)
{
    uint64_t s = (uint64_t)seed * UINT64_C(0x9E3779B97F4A7C15) + UINT64_C(0x2545F4914F6CDD1D);
    return s ? s : 1;
}

/* 0 <= r < n */
static int rnd_int(uint64_t *s, int n)
{
    return n > 0 ? (int)((rnd_next(s) >> 33) % (uint64_t)n) : 0;
}

static float rnd_unit(uint64_t *s)
{
    return (float)(rnd_next(s) >> 40) / (float)(1 << 24);
}

/* The distinct screens seen (names) and languages (indexes) of a storm or monkey run. */
typedef struct seen_set {
    char screens[32][24];
    int n_screens;
    bool langs[64];
} seen_set;

static void seen_note(seen_set *seen, const kiosk *k)
{
    const char *name = k->shown->screen;
    for (int i = 0; i < seen->n_screens; i++)
        if (strcmp(seen->screens[i], name) == 0)
            goto lang;
    if (seen->n_screens < 32)
        snprintf(seen->screens[seen->n_screens++], sizeof(seen->screens[0]), "%s", name);
lang:
    size_t lang = ui_current_lang(k->st);
    if (lang < 64)
        seen->langs[lang] = true;
}

static void seen_print(const seen_set *seen, const kiosk *k, const char *what)
{
    printf("%s: screens visited (%d):", what, seen->n_screens);
    for (int i = 0; i < seen->n_screens; i++)
        printf(" %s", seen->screens[i]);
    int n = 0;
    for (size_t i = 0; i < 64; i++)
        n += seen->langs[i];
    printf("\n%s: languages (%d):", what, n);
    for (size_t i = 0; i < 64 && i < i18n_count(k->ctx.i18n); i++)
        if (seen->langs[i])
            printf(" %s", i18n_lang(k->ctx.i18n, i)->code);
    printf("\n");
    fflush(stdout);
}

/* A touch position: mostly on the screen, sometimes just off an edge, sometimes far. */
static void rnd_point(uint64_t *s, float *x, float *y)
{
    int r = rnd_int(s, 100);
    *x = rnd_unit(s);
    *y = rnd_unit(s);
    if (r < 8) { /* just off an edge */
        if (rnd_int(s, 2))
            *x = rnd_int(s, 2) ? -0.01f - *x * 0.1f : 1.0f + *x * 0.1f;
        else
            *y = rnd_int(s, 2) ? -0.01f - *y * 0.1f : 1.0f + *y * 0.1f;
    } else if (r < 12) { /* far off: -10, -10 or beyond the width */
        *x = rnd_int(s, 2) ? -10.0f : 10.0f + *x;
        *y = rnd_int(s, 2) ? -10.0f : *y;
    }
}

/* storm N HZ SEED: N touches at HZ per second of the kiosk's clock through the real SDL
 * event path: single taps, two fingers at once, several taps queued in one pass of the
 * loop (the screen changes under the later ones), fingers sliding off the screen, a
 * finger whose up is lost. */
static void storm(kiosk *k, long n, long hz, long seed)
{
    uint64_t s = rnd_seed(seed);
    int64_t period = 1000 / hz > 0 ? 1000 / hz : 1;
    long next_id = 1;
    seen_set seen = {0};
    seen_note(&seen, k);
    for (long i = 0; i < n && !k->quit && !k->violation; i++) {
        int kind = rnd_int(&s, 100);
        long a = next_id++ % 11, b = next_id++ % 11;
        float x, y, x2, y2;
        rnd_point(&s, &x, &y);
        rnd_point(&s, &x2, &y2);
        int64_t down = 1 + rnd_int(&s, (int)(period > 1 ? period - 1 : 1));
        if (kind < 60) { /* one finger */
            push_finger(k, SDL_FINGERDOWN, a, x, y);
            kiosk_pump(k);
            kiosk_advance(k, down);
            push_finger(k, SDL_FINGERUP, a, x, y);
        } else if (kind < 78) { /* two fingers, lifted in either order */
            push_finger(k, SDL_FINGERDOWN, a, x, y);
            kiosk_pump(k);
            push_finger(k, SDL_FINGERDOWN, b, x2, y2);
            kiosk_pump(k);
            kiosk_advance(k, down);
            bool b_first = rnd_int(&s, 2);
            push_finger(k, SDL_FINGERUP, b_first ? b : a, b_first ? x2 : x, b_first ? y2 : y);
            kiosk_pump(k);
            push_finger(k, SDL_FINGERUP, b_first ? a : b, b_first ? x : x2, b_first ? y : y2);
        } else if (kind < 90) { /* three taps queued before the loop runs */
            for (int t = 0; t < 3; t++) {
                push_finger(k, SDL_FINGERDOWN, a, x, y);
                push_finger(k, SDL_FINGERUP, a, x, y);
                rnd_point(&s, &x, &y);
            }
        } else if (kind < 99) { /* a finger that moves, maybe off the screen */
            push_finger(k, SDL_FINGERDOWN, a, x, y);
            kiosk_pump(k);
            for (int m = 1; m <= 3; m++)
                push_finger(k, SDL_FINGERMOTION, a, x + (x2 - x) * (float)m / 3.0f,
                            y + (y2 - y) * (float)m / 3.0f);
            kiosk_pump(k);
            kiosk_advance(k, down);
            push_finger(k, SDL_FINGERUP, a, x2, y2);
        } else { /* a finger-down whose up is lost */
            push_finger(k, SDL_FINGERDOWN, 100 + a, x, y);
        }
        kiosk_pump(k);
        seen_note(&seen, k);
        kiosk_advance(k, period - down > 0 ? period - down : 0);
    }
    printf("storm: %ld touches at %ld/s (seed %ld), now on screen '%s'\n", n, hz, seed,
           k->shown->screen);
    seen_print(&seen, k, "storm");
}

/* ---- the monkey ---------------------------------------------------------------------- */

#if defined(__SANITIZE_ADDRESS__)
#define LOTSE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LOTSE_ASAN 1
#endif
#endif

#ifdef LOTSE_ASAN
#if defined(__has_include)
#if __has_include(<sanitizer/allocator_interface.h>)
#include <sanitizer/allocator_interface.h>
#define LOTSE_HAVE_ALLOCATOR_INTERFACE 1
#endif
#endif
#ifndef LOTSE_HAVE_ALLOCATOR_INTERFACE
/* gcc ships the runtime (libasan) but not this header. */
size_t __sanitizer_get_current_allocated_bytes(void);
#endif
#else
#include <malloc.h>
#endif

/* Bytes the allocator has handed out and not got back (not RSS: no page noise). */
static size_t mem_in_use(void)
{
#ifdef LOTSE_ASAN
    return __sanitizer_get_current_allocated_bytes();
#else
    struct mallinfo2 mi = mallinfo2();
    return mi.uordblks + mi.hblkhd;
#endif
}

/* Bytes in use without the renderer and the fonts: they are destroyed, measured without,
 * and created again. Their caches (textures, up to 48 opened font sizes with their glyph
 * caches) hold what the last screens showed - megabytes that differ from screen to
 * screen - while whatever they leaked stays counted. False if the fonts cannot be
 * opened again. */
static bool mem_settled(kiosk *k, size_t *out, char **err)
{
    renderer_destroy(k->rd);
    fontset_destroy(k->fonts);
    k->rd = NULL;
    k->fonts = NULL;
    *out = mem_in_use();
    k->fonts = kiosk_fonts_create(&k->opt, err);
    if (!k->fonts)
        return false;
    k->rd = renderer_create(k->sdl, k->fonts);
    k->ctx.measure = fontset_measure(k->fonts);
    kiosk_frame(k, true);
    return true;
}

static size_t mem_mark; /* `mem-mark` */
static bool mem_marked;

/* A tap of one finger on pixel x, y through the real event path, held for hold ms (0: down
 * and up arrive in the same pass of the loop - and the monkey runs faster). */
static void finger_tap_px(kiosk *k, long id, int x, int y, int64_t hold)
{
    float fx = ((float)x + 0.5f) / (float)k->ctx.config.width;
    float fy = ((float)y + 0.5f) / (float)k->ctx.config.height;
    push_finger(k, SDL_FINGERDOWN, id, fx, fy);
    if (hold > 0) {
        kiosk_pump(k);
        kiosk_advance(k, hold);
    }
    push_finger(k, SDL_FINGERUP, id, fx, fy);
    kiosk_pump(k);
}

/* A random enabled, tappable element of the shown screen (NULL if none). */
static const dl_elem *rnd_element(kiosk *k, uint64_t *s)
{
    const dl *d = k->shown;
    size_t n = 0;
    for (size_t i = 0; i < d->n_elems; i++)
        n += d->elems[i].enabled && d->elems[i].action.kind;
    if (!n)
        return NULL;
    size_t pick = (size_t)rnd_int(s, (int)n);
    for (size_t i = 0; i < d->n_elems; i++)
        if (d->elems[i].enabled && d->elems[i].action.kind && pick-- == 0)
            return &d->elems[i];
    return NULL;
}

/* The button that leads forward into and through the contact flow, if shown. */
static const dl_elem *forward_element(kiosk *k)
{
    static const char *const forward[] = {"contact.next", "done.ok", "sorry.ok", "menu.contact",
                                          "start"};
    const dl_elem *e = NULL;
    for (size_t f = 0; !e && f < sizeof(forward) / sizeof(forward[0]); f++)
        e = find_id(k->shown, forward[f]);
    return e;
}

/* monkey N SEED [PIN]: N random steps through the real event path - taps on elements and
 * anywhere (inside and outside the screen), two fingers, back, waits up to the idle
 * timeout, language switches, the admin hold and the PIN (PIN, else random digits). */
static void monkey(kiosk *k, long n, long seed, const char *pin)
{
    uint64_t s = rnd_seed(seed);
    seen_set seen = {0};
    long taps = 0, holds = 0, timeouts = 0, langs = 0, backs = 0, pins = 0;
    size_t n_langs = i18n_count(k->ctx.i18n);
    size_t mem0 = mem_in_use(), mem_max = mem0;
    Uint32 t0 = SDL_GetTicks();
    long report = n / 10 > 0 ? n / 10 : 1;
    printf("monkey: seed %ld, %ld steps, in use at start %zu bytes\n", seed, n, mem0);
    for (long i = 0; i < n && !k->quit && !k->violation; i++) {
        int r = rnd_int(&s, 1000);
        int64_t think = 260 + rnd_int(&s, 1500); /* a parent looks before the next touch */
        const dl_elem *e;
        if (strcmp(k->shown->screen, "admin-pin") == 0 && pin && r < 300) {
            /* The PIN, digit by digit, and OK. */
            pins++;
            for (const char *p = pin; *p; p++) {
                char id[16];
                snprintf(id, sizeof(id), "pin.%c", *p);
                if ((e = find_id(k->shown, id)))
                    finger_tap_px(k, 1, e->x + e->w / 2, e->y + e->h / 2, 0);
                kiosk_advance(k, 300);
            }
            if ((e = find_id(k->shown, "pin.ok")))
                finger_tap_px(k, 1, e->x + e->w / 2, e->y + e->h / 2, 0);
        } else if (r < 250 && str_starts_with(k->shown->screen, "contact") &&
                   (e = forward_element(k))) { /* on through the contact flow */
            taps++;
            finger_tap_px(k, 1, e->x + e->w / 2, e->y + e->h / 2, 0);
        } else if (r < 600 && (e = rnd_element(k, &s))) {
            taps++;
            finger_tap_px(k, 1 + rnd_int(&s, 3), e->x + rnd_int(&s, e->w > 0 ? e->w : 1),
                          e->y + rnd_int(&s, e->h > 0 ? e->h : 1),
                          rnd_int(&s, 10) ? 0 : 30 + rnd_int(&s, 300));
        } else if (r < 700) { /* anywhere, on or off the screen */
            taps++;
            float x, y;
            rnd_point(&s, &x, &y);
            push_finger(k, SDL_FINGERDOWN, 7, x, y);
            push_finger(k, SDL_FINGERUP, 7, x, y);
            kiosk_pump(k);
        } else if (r < 740 && (e = rnd_element(k, &s))) { /* a second finger meanwhile */
            taps++;
            float x, y;
            rnd_point(&s, &x, &y);
            float ex = ((float)e->x + (float)e->w / 2) / (float)k->ctx.config.width;
            float ey = ((float)e->y + (float)e->h / 2) / (float)k->ctx.config.height;
            push_finger(k, SDL_FINGERDOWN, 3, ex, ey);
            push_finger(k, SDL_FINGERDOWN, 4, x, y);
            kiosk_pump(k);
            kiosk_advance(k, 50 + rnd_int(&s, 200));
            push_finger(k, SDL_FINGERUP, 4, x, y);
            push_finger(k, SDL_FINGERUP, 3, ex, ey);
            kiosk_pump(k);
        } else if (r < 800) {
            backs++;
            push_back_key();
            kiosk_pump(k);
        } else if (r < 860 && n_langs) {
            langs++;
            ui_set_lang(k->st, &k->ctx,
                        i18n_lang(k->ctx.i18n, (size_t)rnd_int(&s, (int)n_langs))->code,
                        k->mono_ms);
            kiosk_frame(k, false);
        } else if (r < 865) { /* the hidden admin entry, wherever the kiosk is */
            holds++;
            finger_tap_px(k, 2, 10 + rnd_int(&s, 60), 10 + rnd_int(&s, 60), ADMIN_HOLD_MS + 200);
        } else if (r < 870) { /* walk away: the idle timeout */
            timeouts++;
            kiosk_advance(k, k->ctx.config.idle_timeout_ms + rnd_int(&s, 5000));
            think = 0;
        } else if (r >= 870 && r < 930 && (e = forward_element(k))) { /* into the contact flow */
            taps++;
            finger_tap_px(k, 1, e->x + e->w / 2, e->y + e->h / 2, 0);
        } else if (r < 960) {
            think += rnd_int(&s, 8000);
        }
        kiosk_advance(k, think);
        seen_note(&seen, k);
        size_t m = mem_in_use();
        if (m > mem_max)
            mem_max = m;
        if ((i + 1) % report == 0 || i + 1 == n) {
            printf("monkey: step %ld screen %s lang %s in use %zu bytes\n", i + 1, k->shown->screen,
                   i18n_lang(k->ctx.i18n, ui_current_lang(k->st))->code, m);
            fflush(stdout);
        }
    }
    printf("monkey: %ld steps in %.1f s: %ld taps, %ld backs, %ld language switches, %ld "
           "holds, %ld idle timeouts, %ld PINs; in use %zu -> %zu bytes (peak %zu)\n",
           n, (double)(SDL_GetTicks() - t0) / 1000.0, taps, backs, langs, holds, timeouts, pins,
           mem0, mem_in_use(), mem_max);
    seen_print(&seen, k, "monkey");
}

/* clock-jump +365d: shift the wall clock by days (d), hours (h), minutes (m) or seconds
 * (s); the monotonic clock goes on. */
static bool parse_jump(const char *s, int64_t *out)
{
    char *end;
    errno = 0;
    if (*s != '+' && *s != '-')
        return false;
    long long v = strtoll(s, &end, 10);
    int64_t unit = *end == 'd'   ? 86400
                   : *end == 'h' ? 3600
                   : *end == 'm' ? 60
                   : *end == 's' ? 1
                                 : 0;
    if (errno || end == s + 1 || !unit || end[1] || v < -100LL * 365 * 86400 / unit ||
        v > 100LL * 365 * 86400 / unit)
        return false;
    *out = (int64_t)v * unit;
    return true;
}

/* ---- the table of commands -------------------------------------------------------- */

/* One command line: the command's name and its arguments (NULL where not given). */
typedef struct script_call {
    const char *cmd;
    const char *a1, *a2, *a3;
} script_call;

/* A command: its name, how many arguments it takes, what it does (NULL, or a new message
 * when it failed), and its usage and one-line help for `lotse --help`. */
typedef struct script_command {
    const char *name;
    int min_args, max_args;
    char *(*run)(kiosk *k, const script_call *c);
    const char *usage;
    const char *help;
} script_command;

#define SCRIPT_MAX_ARGS 3

static char *cmd_tap(kiosk *k, const script_call *c)
{
    char *msg = NULL;
    long x, y;
    if (c->a2) {
        if (!options_parse_long(c->a1, 0, 100000, &x) || !options_parse_long(c->a2, 0, 100000, &y))
            msg = xasprintf("tap X Y: '%s %s' are not pixel coordinates", c->a1, c->a2);
        else
            kiosk_tap(k, (int)x, (int)y, 0);
    } else {
        const dl_elem *e = NULL;
        size_t n = dl_find_text(k->shown, c->a1, &e);
        if (n != 1)
            msg = xasprintf("tap \"%s\": %zu elements show this text on screen '%s'", c->a1, n,
                            k->shown->screen);
        else
            kiosk_tap(k, e->x + e->w / 2, e->y + e->h / 2, 0);
    }
    return msg;
}

static char *cmd_hold(kiosk *k, const script_call *c)
{
    char *msg = NULL;
    long x, y, ms;
    if (!options_parse_long(c->a1, 0, 100000, &x) || !options_parse_long(c->a2, 0, 100000, &y) ||
        !options_parse_long(c->a3, 0, 600000, &ms)) {
        msg = xasprintf("hold X Y MS: '%s %s %s' are not pixels and milliseconds", c->a1, c->a2,
                        c->a3);
    } else {
        /* The finger stays down: time passes (timeouts included), then it lifts. */
        kiosk_advance(k, ms);
        kiosk_tap(k, (int)x, (int)y, (int)ms);
    }
    return msg;
}

/* finger-down, finger-move, finger-up */
static char *cmd_finger(kiosk *k, const script_call *c)
{
    char *msg = NULL;
    long x;
    float fx, fy;
    if (!options_parse_long(c->a1, 0, 1000000, &x) || !parse_norm(c->a2, &fx) ||
        !parse_norm(c->a3, &fy)) {
        msg = xasprintf("%s ID X Y: '%s %s %s' are not a finger id and coordinates "
                        "(0..1 is on the screen)",
                        c->cmd, c->a1, c->a2, c->a3);
    } else {
        push_finger(k,
                    c->cmd[7] == 'd'   ? SDL_FINGERDOWN
                    : c->cmd[7] == 'm' ? SDL_FINGERMOTION
                                       : SDL_FINGERUP,
                    x, fx, fy);
        kiosk_pump(k);
    }
    return msg;
}

/* The rules of ui/watch.h, checked after every frame of a storm or monkey run: on from
 * the first such run to the end of the script. A broken rule ends the run; the command
 * fails with the rule, the screen and the step. */
static void watch_on(kiosk *k)
{
    if (!k->watch)
        k->watch = ui_watch_create();
    kiosk_frame(k, false);
}

static char *watch_result(kiosk *k, const char *what)
{
    if (!k->violation) {
        printf("%s: rules held over %lu frames (staff only after the PIN, nothing typed left "
               "behind, preconditions, the greeting's round)\n",
               what, ui_watch_frames(k->watch));
        return NULL;
    }
    return xasprintf("%s: a rule was broken: %s (now on screen '%s')", what, k->violation,
                     k->shown ? k->shown->screen : "?");
}

/* `remember ID` keeps the text an element shows (a ticket code, say), so that a later
 * `expect-forgotten @ID` can look for it after the screen is gone. Wiped at the end. */
#define REMEMBER_MAX 8
static char remembered[REMEMBER_MAX][2][96];

static char *cmd_remember(kiosk *k, const script_call *c)
{
    const char *id = c->a1;
    const dl_elem *e = NULL;
    for (size_t i = 0; k->shown && i < k->shown->n_elems && !e; i++)
        if (k->shown->elems[i].id && strcmp(k->shown->elems[i].id, id) == 0)
            e = &k->shown->elems[i];
    if (!e || !e->text || !e->text[0])
        return xasprintf("remember %s: no element with this id and a text on screen '%s'", id,
                         k->shown ? k->shown->screen : "?");
    for (int i = 0; i < REMEMBER_MAX; i++)
        if (!remembered[i][0][0] || strcmp(remembered[i][0], id) == 0) {
            snprintf(remembered[i][0], sizeof(remembered[i][0]), "%s", id);
            snprintf(remembered[i][1], sizeof(remembered[i][1]), "%s", e->text);
            return NULL;
        }
    return xasprintf("remember %s: more than %d texts remembered", id, REMEMBER_MAX);
}

/* expect-forgotten TEXT (or @ID): the text is neither on the screen nor in any cache of
 * the renderer (text lines, QR payloads). */
static char *cmd_expect_forgotten(kiosk *k, const script_call *c)
{
    const char *what = c->a1, *text = what;
    if (what[0] == '@') {
        text = NULL;
        for (int i = 0; i < REMEMBER_MAX && !text; i++)
            if (strcmp(remembered[i][0], what + 1) == 0)
                text = remembered[i][1];
        if (!text)
            return xasprintf("expect-forgotten %s: nothing remembered under %s", what, what + 1);
    }
    if (dl_contains_text(k->shown, text))
        return xasprintf("expect-forgotten %s: it is on screen '%s'", what, k->shown->screen);
    if (renderer_holds_text(k->rd, text))
        return xasprintf("expect-forgotten %s: a cache of the renderer still holds it (screen "
                         "'%s')",
                         what, k->shown->screen);
    return NULL;
}

static char *cmd_storm(kiosk *k, const script_call *c)
{
    char *msg = NULL;
    long x, hz, seed;
    if (!options_parse_long(c->a1, 1, 1000000, &x) || !options_parse_long(c->a2, 1, 1000, &hz) ||
        !options_parse_long(c->a3, 0, 2147483647, &seed))
        msg = xasprintf("storm N HZ SEED: '%s %s %s' are not numbers (N up to 1000000, HZ 1..1000)",
                        c->a1, c->a2, c->a3);
    else {
        watch_on(k);
        storm(k, x, hz, seed);
        msg = watch_result(k, "storm");
    }
    return msg;
}

static char *cmd_monkey(kiosk *k, const script_call *c)
{
    char *msg = NULL;
    long x, seed;
    if (!options_parse_long(c->a1, 1, 1000000, &x) ||
        !options_parse_long(c->a2, 0, 2147483647, &seed))
        msg = xasprintf("monkey N SEED [PIN]: '%s %s' are not numbers (N up to 1000000)", c->a1,
                        c->a2);
    else {
        watch_on(k);
        monkey(k, x, seed, c->a3);
        msg = watch_result(k, "monkey");
    }
    return msg;
}

static char *cmd_clock_jump(kiosk *k, const script_call *c)
{
    char *msg = NULL;
    int64_t delta;
    if (!parse_jump(c->a1, &delta)) {
        msg = xasprintf("clock-jump: '%s' is not like +365d, -12h, +30m or -90s", c->a1);
    } else {
        kiosk_jump_wall_clock(k, delta);
        kiosk_advance(k, 0);
    }
    return msg;
}

static char *cmd_mem_mark(kiosk *k, const script_call *c)
{
    (void)c;
    char *msg = NULL, *err = NULL;
    if (!mem_settled(k, &mem_mark, &err)) {
        msg = xasprintf("mem-mark: fonts: %s", err);
        free(err);
        return msg;
    }
    mem_marked = true;
    printf("mem-mark: in use %zu bytes\n", mem_mark);
    return msg;
}

static char *cmd_expect_mem_growth(kiosk *k, const script_call *c)
{
    char *msg = NULL, *err = NULL;
    long x;
    size_t now = 0;
    if (!mem_settled(k, &now, &err)) {
        msg = xasprintf("expect-mem-growth: fonts: %s", err);
        free(err);
        return msg;
    }
    long long grew = (long long)now - (long long)mem_mark;
    printf("expect-mem-growth: in use %zu bytes, %+lld since mem-mark (bound %s KiB)\n", now, grew,
           c->a1);
    fflush(stdout);
    if (!options_parse_long(c->a1, 0, 100000000, &x))
        msg = xasprintf("expect-mem-growth KIB: '%s' is not a number", c->a1);
    else if (!mem_marked)
        msg = xasprintf("expect-mem-growth: no mem-mark before");
    else if (grew > (long long)x * 1024)
        msg = xasprintf("expect-mem-growth %ld: in use grew by %lld bytes since mem-mark", x, grew);
    return msg;
}

static char *cmd_tap_id(kiosk *k, const script_call *c)
{
    if (!tap_id(k, c->a1))
        return xasprintf("tap-id %s: no enabled, tappable element with this id on screen '%s'",
                         c->a1, k->shown->screen);
    return NULL;
}

static char *cmd_type(kiosk *k, const script_call *c)
{
    return type_text(k, c->a1);
}

static char *cmd_expect_queue(kiosk *k, const script_call *c)
{
    char *msg = NULL;
    long x;
    if (!options_parse_long(c->a1, 0, 1000000, &x))
        msg = xasprintf("expect-queue N: '%s' is not a number", c->a1);
    else if (k->ctx.status.queue_count != (size_t)x)
        msg = xasprintf("expect-queue %ld: %zu requests are queued", x, k->ctx.status.queue_count);
    return msg;
}

static char *cmd_wait(kiosk *k, const script_call *c)
{
    long x;
    if (!options_parse_long(c->a1, 0, 100L * 24 * 3600 * 1000, &x))
        return xasprintf("wait MS: '%s' is not a number of milliseconds", c->a1);
    kiosk_advance(k, x);
    return NULL;
}

static char *cmd_lang(kiosk *k, const script_call *c)
{
    if (!ui_set_lang(k->st, &k->ctx, c->a1, k->mono_ms))
        return xasprintf("lang: no language '%s'", c->a1);
    kiosk_frame(k, false);
    return NULL;
}

static char *cmd_back(kiosk *k, const script_call *c)
{
    (void)c;
    kiosk_back(k);
    return NULL;
}

static char *cmd_expect(kiosk *k, const script_call *c)
{
    if (!dl_contains_text(k->shown, c->a1))
        return xasprintf("expect \"%s\": not on screen '%s'", c->a1, k->shown->screen);
    return NULL;
}

static char *cmd_expect_not(kiosk *k, const script_call *c)
{
    if (dl_contains_text(k->shown, c->a1))
        return xasprintf("expect-not \"%s\": it is on screen '%s'", c->a1, k->shown->screen);
    return NULL;
}

static char *cmd_expect_screen(kiosk *k, const script_call *c)
{
    if (strcmp(k->shown->screen, c->a1) != 0)
        return xasprintf("expect-screen %s: the screen is '%s'", c->a1, k->shown->screen);
    return NULL;
}

static char *cmd_screenshot(kiosk *k, const script_call *c)
{
    char *msg = NULL, *err = NULL;
    if (!kiosk_screenshot(k, c->a1, &err))
        msg = xasprintf("screenshot: %s", err);
    free(err);
    return msg;
}

static char *cmd_dump(kiosk *k, const script_call *c)
{
    char *msg = NULL, *err = NULL;
    char *json = dl_to_json(k->shown);
    if (!write_text_file(c->a1, json, &err))
        msg = xasprintf("dump: %s", err);
    free(json);
    free(err);
    return msg;
}

static const script_command COMMANDS[] = {
    {"tap", 1, 2, cmd_tap, "tap X Y | tap \"text\"",
     "tap at pixel X, Y / the one element with this text"},
    {"tap-id", 1, 1, cmd_tap_id, "tap-id ID", "tap the enabled element with this id (see dump)"},
    {"hold", 3, 3, cmd_hold, "hold X Y MS", "a touch at X, Y held for MS milliseconds"},
    {"type", 1, 1, cmd_type, "type \"text\"", "tap the on-screen key of every character"},
    {"wait", 1, 1, cmd_wait, "wait MS", "advance the kiosk's clocks by MS milliseconds"},
    {"lang", 1, 1, cmd_lang, "lang CODE", "switch the language (de, ar, uk, ti, ...)"},
    {"back", 0, 0, cmd_back, "back", "the hardware back key"},
    {"expect", 1, 1, cmd_expect, "expect \"text\"", "some element's text contains this text"},
    {"expect-not", 1, 1, cmd_expect_not, "expect-not \"text\"", "no element's text contains it"},
    {"expect-screen", 1, 1, cmd_expect_screen, "expect-screen NAME",
     "the screen is NAME (home, menu, admin, ...)"},
    {"expect-queue", 1, 1, cmd_expect_queue, "expect-queue N", "N sealed requests are queued"},
    {"remember", 1, 1, cmd_remember, "remember ID",
     "keep the text element ID shows now, for expect-forgotten @ID"},
    {"expect-forgotten", 1, 1, cmd_expect_forgotten, "expect-forgotten TEXT | @ID",
     "the text is neither on the screen nor in a cache of the renderer"},
    {"screenshot", 1, 1, cmd_screenshot, "screenshot PATH.png", "save the screen as PNG"},
    {"dump", 1, 1, cmd_dump, "dump PATH.json", "save the display list as JSON"},
    {"finger-down", 3, 3, cmd_finger, "finger-down ID X Y",
     "a real SDL touch event (X, Y: 0..1 is on the screen)"},
    {"finger-move", 3, 3, cmd_finger, "finger-move ID X Y", "a real SDL finger motion"},
    {"finger-up", 3, 3, cmd_finger, "finger-up ID X Y", "a real SDL finger lifting"},
    {"storm", 3, 3, cmd_storm, "storm N HZ SEED", "N random touches at HZ per second (SDL events)"},
    {"monkey", 2, 3, cmd_monkey, "monkey N SEED [PIN]",
     "N random steps (SDL events; PIN on the PIN pad)"},
    {"clock-jump", 1, 1, cmd_clock_jump, "clock-jump +365d",
     "shift the wall clock by +-N d, h, m or s"},
    {"mem-mark", 0, 0, cmd_mem_mark, "mem-mark", "note the allocator's bytes in use"},
    {"expect-mem-growth", 1, 1, cmd_expect_mem_growth, "expect-mem-growth KIB",
     "fail if the bytes in use grew by over KIB KiB"},
};

void script_print_commands(FILE *f)
{
    for (size_t i = 0; i < ARRAY_LEN(COMMANDS); i++)
        options_print_help_line(f, COMMANDS[i].usage, COMMANDS[i].help);
    options_print_help_line(f, "# ...", "a comment");
}

static const script_command *find_command(const char *name)
{
    for (size_t i = 0; i < ARRAY_LEN(COMMANDS); i++)
        if (strcmp(COMMANDS[i].name, name) == 0)
            return &COMMANDS[i];
    return NULL;
}

/* Run one command; on failure return a new message. */
static char *run_line(kiosk *k, const char *line)
{
    const char *p = line;
    char *cmd = next_arg(&p);
    char *a[SCRIPT_MAX_ARGS + 1] = {NULL};
    char *msg = NULL;
    int n = 0;
    const script_command *sc = NULL;
    if (!cmd) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p)
            msg = xasprintf("unterminated quote: %s", p);
        goto done;
    }
    if (cmd[0] == '#')
        goto done;
    if (!(sc = find_command(cmd))) {
        msg = xasprintf("unknown command '%s' (`lotse --help` lists the commands)", cmd);
        goto done;
    }
    /* One argument more than the command takes, to tell "too many". */
    while (n <= sc->max_args && (a[n] = next_arg(&p)) != NULL)
        n++;
    while (*p == ' ' || *p == '\t')
        p++;
    if (n > sc->max_args)
        msg = xasprintf("%s: too many arguments (usage: %s)", cmd, sc->usage);
    else if (*p)
        msg = xasprintf("unexpected text after the arguments: %s", p);
    else if (n < sc->min_args)
        msg = xasprintf("%s: missing argument%s (usage: %s)", cmd, sc->min_args - n > 1 ? "s" : "",
                        sc->usage);
    else
        msg = sc->run(k, &(script_call){cmd, a[0], a[1], a[2]});
done:
    free(cmd);
    for (size_t i = 0; i < ARRAY_LEN(a); i++)
        free(a[i]);
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
    secure_zero(remembered, sizeof(remembered));
    free(text);
    return rc;
}
