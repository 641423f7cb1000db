/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk.c - the SDL side of the kiosk: window, event loop, frames.
 *
 * The loop sleeps in SDL_WaitEventTimeout until an event arrives, a UI timeout is due or
 * the shown minute turns; it then lays out the state and redraws only if the display
 * list differs from what is on screen. No busy loop, no redraw while nothing changes. */
#define _POSIX_C_SOURCE 200809L /* sigaction */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "base/util.h"
#include "clock.h"
#include "service.h"

int64_t kiosk_now_utc(const kiosk *k)
{
    if (k->virtual_clock)
        return k->utc_base + k->mono_ms / 1000;
    return clock_wall_utc() + k->utc_offset;
}

/* SIGUSR1 prints the number of redraws so far (bench/compare.py counts the redraws of
 * an idle window with it); only async-signal-safe calls in the handler. */
static volatile sig_atomic_t redraw_count;

static void on_sigusr1(int sig)
{
    char buf[48] = "lotse: redraws ", num[16];
    size_t n = sizeof "lotse: redraws " - 1, d = 0;
    unsigned long v = (unsigned long)redraw_count;
    do {
        num[d++] = (char)('0' + v % 10);
    } while ((v /= 10) && d < sizeof num);
    while (d)
        buf[n++] = num[--d];
    buf[n++] = '\n';
    ssize_t w = write(STDERR_FILENO, buf, n);
    (void)w;
    (void)sig;
}

/* The panel's size and the layout's (Rotation turns the layout; core/orient.h). */
static void update_sizes(kiosk *k)
{
    int w = k->opt.width, h = k->opt.height;
    SDL_GetRendererOutputSize(k->sdl, &w, &h);
    k->panel_w = w;
    k->panel_h = h;
    orient_logical_size(&k->opt.orient, w, h, &k->ctx.config.width, &k->ctx.config.height);
}

/* The texture a turned frame is drawn into, at the layout's size; NULL if it cannot be
 * made (then the frame is drawn unturned rather than not at all). */
static SDL_Texture *turned_target(kiosk *k)
{
    int w = 0, h = 0;
    if (k->turned && SDL_QueryTexture(k->turned, NULL, NULL, &w, &h) == 0 &&
        w == k->ctx.config.width && h == k->ctx.config.height)
        return k->turned;
    if (k->turned)
        SDL_DestroyTexture(k->turned);
    k->turned = SDL_CreateTexture(k->sdl, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                                  k->ctx.config.width, k->ctx.config.height);
    if (!k->turned)
        fprintf(stderr, "lotse: cannot turn the picture (Rotation: %d): %s\n",
                k->opt.orient.rotation, SDL_GetError());
    return k->turned;
}

/* Draw d into the back buffer: straight, or turned by Rotation onto the panel. */
static void draw(kiosk *k, const dl *d)
{
    SDL_Texture *t = k->opt.orient.rotation ? turned_target(k) : NULL;
    if (!t || SDL_SetRenderTarget(k->sdl, t) != 0) {
        renderer_draw(k->rd, d);
        return;
    }
    renderer_draw(k->rd, d);
    SDL_SetRenderTarget(k->sdl, NULL);
    SDL_SetRenderDrawColor(k->sdl, 0, 0, 0, 255);
    SDL_RenderClear(k->sdl);
    int lw = k->ctx.config.width, lh = k->ctx.config.height;
    SDL_Rect dst = {(k->panel_w - lw) / 2, (k->panel_h - lh) / 2, lw, lh};
    SDL_RenderCopyEx(k->sdl, t, NULL, &dst, (double)k->opt.orient.rotation, NULL, SDL_FLIP_NONE);
}

/* The rules of watch.h after a frame, when a monkey or storm run asked for them. */
static void watch(kiosk *k)
{
    if (!k->watch || k->violation)
        return;
    k->violation = ui_watch_step(k->watch, k->st, &k->ctx, k->shown, k->fx.pins_accepted,
                                 k->caches_emptied, k->mono_ms);
}

void kiosk_frame(kiosk *k, bool force)
{
    dl *d = ui_layout(k->st, &k->ctx, kiosk_now_utc(k), k->mono_ms);
    if (!force && dl_equal(d, k->shown)) {
        dl_destroy(d);
        watch(k);
        return;
    }
    draw(k, d);
    SDL_RenderPresent(k->sdl);
    k->redraws++;
    redraw_count = (sig_atomic_t)k->redraws;
    dl_destroy(k->shown);
    k->shown = d;
    watch(k);
}

static void update(kiosk *k, const ui_event *ev)
{
    ui_screen before = ui_current_screen(k->st);
    bool was_at_rest = ui_at_rest(k->st);
    ui_update(k->st, &k->ctx, k->shown, ev, k->mono_ms);
    effects_perform(&k->fx, k->st, kiosk_now_utc(k), k->mono_ms);
    ui_screen now = ui_current_screen(k->st);
    if (now != before)
        k->screen_since_ms = k->mono_ms; /* a touch aimed at the old one is no tap here */
    if (ui_is_private_screen(before) && !ui_is_private_screen(now)) {
        /* What a parent typed, her ticket code or the PIN's length may sit in cached text
         * textures, measured widths or encoded QR codes. */
        renderer_forget(k->rd);
        fontset_forget_measures(k->fonts);
        k->caches_emptied++;
    }
    if (ev->kind == UI_EV_TICK) {
        if (!was_at_rest && ui_at_rest(k->st)) {
            /* The idle timeout: nothing may bring a confirmation back. */
            effects_forget_last(&k->fx);
        }
        effects_housekeeping(&k->fx, kiosk_now_utc(k), k->mono_ms);
    }
}

bool kiosk_tap_id(kiosk *k, const char *id)
{
    for (size_t i = 0; k->shown && i < k->shown->n_elems; i++) {
        const dl_elem *e = &k->shown->elems[i];
        if (e->id && strcmp(e->id, id) == 0 && e->enabled && e->action.kind) {
            kiosk_tap(k, e->x + e->w / 2, e->y + e->h / 2, 0);
            return true;
        }
    }
    return false;
}

void requests_init(kiosk *k)
{
    effects *fx = &k->fx;
    fx->opt = &k->opt;
    fx->store = k->store;
    fx->site = k->site;
    fx->status = &k->ctx.status;
    fx->store_aside = k->store_aside;
    /* Headless scripts run on the virtual clock; the real loop reads the monotonic one. */
    effects_init(fx, kiosk_now_utc(k), k->virtual_clock ? k->mono_ms : clock_mono_ms());
    k->ctx.hours = &fx->hours;
}

void requests_finish(kiosk *k)
{
    k->ctx.hours = NULL;
    effects_finish(&k->fx);
    free(k->store_aside);
    k->store_aside = NULL;
}

void kiosk_tap(kiosk *k, int x, int y, int hold_ms)
{
    ui_event ev = {UI_EV_TAP, x, y, hold_ms};
    update(k, &ev);
    kiosk_frame(k, false);
}

void kiosk_back(kiosk *k)
{
    ui_event ev = {UI_EV_BACK, 0, 0, 0};
    update(k, &ev);
    kiosk_frame(k, false);
}

void kiosk_advance(kiosk *k, int64_t ms)
{
    int64_t end = k->mono_ms + ms;
    for (;;) {
        int64_t due = ui_next_deadline(k->st, &k->ctx, k->mono_ms);
        if (due < 0 || k->mono_ms + due > end)
            break;
        k->mono_ms += due > 0 ? due : 1;
        ui_event tick = {UI_EV_TICK, 0, 0, 0};
        update(k, &tick);
        /* The loop lays out a frame whenever it wakes for a deadline; a script needs those
         * frames only when its rules are watched (each is checked). */
        if (k->watch)
            kiosk_frame(k, false);
    }
    k->mono_ms = end;
    ui_event tick = {UI_EV_TICK, 0, 0, 0};
    update(k, &tick);
    kiosk_frame(k, false);
}

void kiosk_jump_wall_clock(kiosk *k, int64_t delta_s)
{
    if (k->virtual_clock)
        k->utc_base += delta_s;
    else
        k->utc_offset += delta_s;
}

bool kiosk_screenshot(kiosk *k, const char *path, char **err)
{
    draw(k, k->shown);
    bool ok = renderer_screenshot_png(k->sdl, path, err);
    SDL_RenderPresent(k->sdl);
    return ok;
}

static char *font_default(const char *file)
{
    return xasprintf("/usr/share/fonts/truetype/noto/%s", file);
}

fontset *kiosk_fonts_create(const options *o, char **err)
{
    char *reg = o->font_regular ? xstrdup(o->font_regular) : font_default("NotoSans-Regular.ttf");
    char *bold = o->font_bold ? xstrdup(o->font_bold) : font_default("NotoSans-Bold.ttf");
    const char *regs[] = {reg, "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", NULL};
    const char *bolds[] = {bold, "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", NULL};
    fontset *f = fontset_create(regs, bolds, err);
    free(reg);
    free(bold);
    return f;
}

bool kiosk_init(kiosk *k, char **err)
{
    options *o = &k->opt;
    if (o->headless && !getenv("SDL_VIDEODRIVER"))
        SDL_setenv("SDL_VIDEODRIVER", "offscreen", 1);
    /* Software rendering unless configured: no GL stack is loaded (about 100 MB). */
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, o->accelerated ? "1" : "0");
    if (!o->accelerated)
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "1");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        *err = xasprintf("SDL_Init: %s", SDL_GetError());
        return false;
    }
    Uint32 flags = SDL_WINDOW_SHOWN;
    if (!o->windowed && !o->headless)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    k->win = SDL_CreateWindow("Lotse", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, o->width,
                              o->height, flags);
    if (!k->win) {
        *err = xasprintf("SDL_CreateWindow: %s", SDL_GetError());
        return false;
    }
    k->sdl = SDL_CreateRenderer(k->win, -1,
                                o->accelerated ? SDL_RENDERER_ACCELERATED : SDL_RENDERER_SOFTWARE);
    if (!k->sdl) {
        *err = xasprintf("SDL_CreateRenderer: %s", SDL_GetError());
        return false;
    }
    if (!o->windowed)
        SDL_ShowCursor(SDL_DISABLE);
    update_sizes(k);

    k->fonts = kiosk_fonts_create(o, err);
    if (!k->fonts)
        return false;
    k->rd = renderer_create(k->sdl, k->fonts);
    k->ctx.measure = fontset_measure(k->fonts);
    touch_init(&k->touch);
    k->st = ui_create(k->mono_ms);
    k->screen_since_ms = INT64_MIN / 2;
    return true;
}

void kiosk_finish(kiosk *k)
{
    ui_destroy(k->st);
    k->st = NULL;
    ui_watch_destroy(k->watch);
    k->watch = NULL;
    k->violation = NULL;
    dl_destroy(k->shown);
    k->shown = NULL;
    renderer_destroy(k->rd);
    fontset_destroy(k->fonts);
    if (k->turned)
        SDL_DestroyTexture(k->turned);
    if (k->sdl)
        SDL_DestroyRenderer(k->sdl);
    if (k->win)
        SDL_DestroyWindow(k->win);
    SDL_Quit();
}

/* Touches go through core/touch.h (one finger at a time, none outside the screen, none
 * aimed at a screen no longer shown). The mouse is one more finger. */
#define MOUSE_TOUCH_ID INT64_MIN

/* A touch position in renderer pixels: the mouse comes in window pixels (they differ on
 * HiDPI displays), a finger normalised to 0..1 (outside when it slid off the edge). */
static void mouse_pixels(const kiosk *k, int wx, int wy, int *x, int *y)
{
    int ww = 1, wh = 1;
    SDL_GetWindowSize(k->win, &ww, &wh);
    double a, b;
    orient_panel_to_logical(&k->opt.orient, (wx + 0.5) / (ww > 0 ? ww : 1),
                            (wy + 0.5) / (wh > 0 ? wh : 1), &a, &b);
    *x = (int)(a * k->ctx.config.width);
    *y = (int)(b * k->ctx.config.height);
}

static int finger_pixel(float v, int size)
{
    /* SDL's renderer clamps touches to 0..1, so a finger on the bezel or sliding off the
     * screen arrives exactly on the edge: the edge counts as outside (a 5 s hold on the
     * bezel by the top-left corner is no admin hold). Not a number: outside too. */
    if (!(v > 0.0f && v < 1.0f))
        return -1;
    int p = (int)(v * (float)size);
    return p < size ? p : size - 1;
}

static void touch_went_down(kiosk *k, int64_t id, int x, int y)
{
    touch_down(&k->touch, id, x, y, k->ctx.config.width, k->ctx.config.height, k->mono_ms,
               k->screen_since_ms);
}

static void touch_went_up(kiosk *k, int64_t id, int x, int y)
{
    int hold_ms = 0;
    if (touch_up(&k->touch, id, x, y, k->ctx.config.width, k->ctx.config.height, k->mono_ms,
                 k->screen_since_ms, &hold_ms))
        kiosk_tap(k, x, y, hold_ms);
}

static void handle(kiosk *k, const SDL_Event *ev, bool *force)
{
    switch (ev->type) {
    case SDL_QUIT: /* only from a signal (SIGTERM/SIGINT): windows never quit the kiosk */
        k->quit = true;
        break;
    case SDL_WINDOWEVENT:
        if (ev->window.event == SDL_WINDOWEVENT_CLOSE) {
            if (k->opt.windowed)
                k->quit = true;
            else
                fprintf(stderr, "lotse: window close request ignored (kiosk mode)\n");
        } else if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            update_sizes(k);
            *force = true;
        } else if (ev->window.event == SDL_WINDOWEVENT_EXPOSED) {
            *force = true;
        } else if (ev->window.event == SDL_WINDOWEVENT_FOCUS_LOST) {
            touch_cancel(&k->touch); /* its finger-up may never come */
        }
        break;
    case SDL_KEYDOWN:
        if (ev->key.keysym.sym == SDLK_ESCAPE && k->opt.windowed)
            k->quit = true;
        else if (ev->key.keysym.sym == SDLK_BACKSPACE || ev->key.keysym.sym == SDLK_AC_BACK)
            kiosk_back(k);
        break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (ev->button.which != SDL_TOUCH_MOUSEID && ev->button.button == SDL_BUTTON_LEFT) {
            int x, y;
            mouse_pixels(k, ev->button.x, ev->button.y, &x, &y);
            if (ev->type == SDL_MOUSEBUTTONDOWN)
                touch_went_down(k, MOUSE_TOUCH_ID, x, y);
            else
                touch_went_up(k, MOUSE_TOUCH_ID, x, y);
        }
        break;
    case SDL_FINGERDOWN:
    case SDL_FINGERUP: {
        double a, b; /* the panel's orientation and Rotation undone (core/orient.h) */
        orient_touch_to_logical(&k->opt.orient, ev->tfinger.x, ev->tfinger.y, &a, &b);
        int x = finger_pixel((float)a, k->ctx.config.width);
        int y = finger_pixel((float)b, k->ctx.config.height);
        if (ev->type == SDL_FINGERDOWN)
            touch_went_down(k, (int64_t)ev->tfinger.fingerId, x, y);
        else
            touch_went_up(k, (int64_t)ev->tfinger.fingerId, x, y);
        break;
    }
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
        renderer_invalidate(k->rd);
        *force = true;
        break;
    default:
        break;
    }
}

void kiosk_pump(kiosk *k)
{
    SDL_Event ev;
    bool force = false;
    while (!k->quit && SDL_PollEvent(&ev))
        handle(k, &ev, &force);
    ui_event tick = {UI_EV_TICK, 0, 0, 0};
    update(k, &tick);
    kiosk_frame(k, force);
}

int kiosk_main(kiosk *k)
{
    k->mono_ms = clock_mono_ms();
    ui_reset(k->st, k->mono_ms);
    kiosk_frame(k, true);
    struct sigaction sa = {.sa_handler = on_sigusr1, .sa_flags = SA_RESTART};
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, NULL);
    fprintf(stderr, "lotse: running (%dx%d, %s renderer)\n", k->ctx.config.width,
            k->ctx.config.height, k->opt.accelerated ? "accelerated" : "software");
    /* systemd: ready once the first frame is shown; then a heartbeat on every turn of the
     * loop that is due, so a hung loop gets the kiosk restarted (WatchdogSec=). */
    service_ready("showing the kiosk");
    int64_t heartbeat = service_heartbeat_ms();
    int64_t last_beat = k->mono_ms;
    if (heartbeat)
        fprintf(stderr, "lotse: watchdog heartbeat every %lld ms\n", (long long)heartbeat);
    while (!k->quit) {
        int64_t timeout = ui_next_deadline(k->st, &k->ctx, k->mono_ms);
        /* Wake when the shown minute turns (the clock and "in 2 hours" change). */
        int64_t wall_ms = kiosk_now_utc(k) * 1000;
        int64_t to_minute = 60000 - wall_ms % 60000 + 20;
        if (to_minute <= 0 || to_minute > 60020) /* a wall clock before 1970 */
            to_minute = 60000;
        if (timeout < 0 || timeout > to_minute)
            timeout = to_minute;
        if (heartbeat) {
            int64_t to_beat = last_beat + heartbeat - k->mono_ms;
            if (to_beat < 0)
                to_beat = 0;
            if (timeout > to_beat)
                timeout = to_beat;
        }
        SDL_Event ev;
        bool force = false;
        int got = SDL_WaitEventTimeout(&ev, (int)timeout);
        k->mono_ms = clock_mono_ms();
        if (got) {
            handle(k, &ev, &force);
            while (!k->quit && SDL_PollEvent(&ev))
                handle(k, &ev, &force);
        }
        ui_event tick = {UI_EV_TICK, 0, 0, 0};
        update(k, &tick);
        kiosk_frame(k, force);
        if (heartbeat && k->mono_ms - last_beat >= heartbeat) {
            service_alive();
            last_beat = k->mono_ms;
        }
    }
    service_stopping();
    fprintf(stderr, "lotse: stopped after %lu redraws\n", k->redraws);
    return 0;
}
