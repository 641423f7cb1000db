/* kiosk.c - the SDL side of the kiosk: window, event loop, frames.
 *
 * The loop sleeps in SDL_WaitEventTimeout until an event arrives, a UI timeout is due or
 * the shown minute turns; it then lays out the state and redraws only if the display
 * list differs from what is on screen. No busy loop, no redraw while nothing changes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/util.h"
#include "platform/clock.h"

int64_t kiosk_now_utc(const kiosk *k)
{
    if (k->virtual_clock)
        return k->utc_base + k->mono_ms / 1000;
    return clock_wall_utc() + k->utc_offset;
}

void kiosk_frame(kiosk *k, bool force)
{
    dl *d = ui_layout(&k->st, &k->ctx, kiosk_now_utc(k), k->mono_ms);
    if (!force && dl_equal(d, k->shown)) {
        dl_destroy(d);
        return;
    }
    renderer_draw(k->rd, d);
    SDL_RenderPresent(k->sdl);
    k->redraws++;
    dl_destroy(k->shown);
    k->shown = d;
}

static void update(kiosk *k, const ui_event *ev)
{
    ui_screen before = k->st.screen;
    bool was_at_rest = before == SCREEN_HOME && k->st.lang == 0;
    ui_update(&k->st, &k->ctx, k->shown, ev, k->mono_ms);
    requests_perform(k);
    bool private_before = ui_is_private_screen(before);
    if (private_before && !ui_is_private_screen(k->st.screen)) {
        /* What a parent typed (or the PIN's length) may sit in cached text textures. */
        renderer_invalidate(k->rd);
    }
    if (ev->kind == UI_EV_TICK) {
        if (!was_at_rest && k->st.screen == SCREEN_HOME && k->st.lang == 0) {
            /* The idle timeout: nothing may bring a confirmation back. */
            flood_forget_last(&k->flood);
        }
        requests_housekeeping(k);
    }
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
        int64_t due = ui_next_deadline(&k->st, &k->ctx, k->mono_ms);
        if (due < 0 || k->mono_ms + due > end)
            break;
        k->mono_ms += due > 0 ? due : 1;
        ui_event tick = {UI_EV_TICK, 0, 0, 0};
        update(k, &tick);
    }
    k->mono_ms = end;
    ui_event tick = {UI_EV_TICK, 0, 0, 0};
    update(k, &tick);
    kiosk_frame(k, false);
}

bool kiosk_screenshot(kiosk *k, const char *path, char **err)
{
    renderer_draw(k->rd, k->shown);
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
    int w = o->width, h = o->height;
    SDL_GetRendererOutputSize(k->sdl, &w, &h);
    k->ctx.config.width = w;
    k->ctx.config.height = h;

    k->fonts = kiosk_fonts_create(o, err);
    if (!k->fonts)
        return false;
    k->rd = renderer_create(k->sdl, k->fonts);
    k->ctx.measure = fontset_measure(k->fonts);
    return true;
}

void kiosk_finish(kiosk *k)
{
    dl_destroy(k->shown);
    k->shown = NULL;
    renderer_destroy(k->rd);
    fontset_destroy(k->fonts);
    if (k->sdl)
        SDL_DestroyRenderer(k->sdl);
    if (k->win)
        SDL_DestroyWindow(k->win);
    SDL_Quit();
}

/* How long the finger (or mouse button) that just went up was down. */
static int held_ms(const kiosk *k)
{
    if (k->press_ms < 0)
        return 0;
    int64_t held = k->mono_ms - k->press_ms;
    return held < 0 ? 0 : held > 600000 ? 600000 : (int)held;
}

/* Window pixels per renderer pixel differ on HiDPI displays; taps arrive in window
 * coordinates (mouse) or normalised (touch). */
static void tap_window(kiosk *k, int wx, int wy)
{
    int ww = 1, wh = 1;
    SDL_GetWindowSize(k->win, &ww, &wh);
    kiosk_tap(k, wx * k->ctx.config.width / (ww ? ww : 1),
              wy * k->ctx.config.height / (wh ? wh : 1), held_ms(k));
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
            SDL_GetRendererOutputSize(k->sdl, &k->ctx.config.width, &k->ctx.config.height);
            *force = true;
        } else if (ev->window.event == SDL_WINDOWEVENT_EXPOSED) {
            *force = true;
        }
        break;
    case SDL_KEYDOWN:
        if (ev->key.keysym.sym == SDLK_ESCAPE && k->opt.windowed)
            k->quit = true;
        else if (ev->key.keysym.sym == SDLK_BACKSPACE || ev->key.keysym.sym == SDLK_AC_BACK)
            kiosk_back(k);
        break;
    case SDL_MOUSEBUTTONDOWN:
        if (ev->button.which != SDL_TOUCH_MOUSEID && ev->button.button == SDL_BUTTON_LEFT)
            k->press_ms = k->mono_ms;
        break;
    case SDL_FINGERDOWN:
        k->press_ms = k->mono_ms;
        break;
    case SDL_MOUSEBUTTONUP:
        if (ev->button.which != SDL_TOUCH_MOUSEID && ev->button.button == SDL_BUTTON_LEFT)
            tap_window(k, ev->button.x, ev->button.y);
        k->press_ms = -1;
        break;
    case SDL_FINGERUP:
        kiosk_tap(k, (int)(ev->tfinger.x * (float)k->ctx.config.width),
                  (int)(ev->tfinger.y * (float)k->ctx.config.height), held_ms(k));
        k->press_ms = -1;
        break;
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
        renderer_invalidate(k->rd);
        *force = true;
        break;
    default:
        break;
    }
}

int kiosk_main(kiosk *k)
{
    k->mono_ms = clock_mono_ms();
    k->press_ms = -1;
    ui_init(&k->st, k->mono_ms);
    kiosk_frame(k, true);
    fprintf(stderr, "lotse: running (%dx%d, %s renderer)\n", k->ctx.config.width,
            k->ctx.config.height, k->opt.accelerated ? "accelerated" : "software");
    while (!k->quit) {
        int64_t timeout = ui_next_deadline(&k->st, &k->ctx, k->mono_ms);
        /* Wake when the shown minute turns (the clock and "in 2 hours" change). */
        int64_t wall_ms = kiosk_now_utc(k) * 1000;
        int64_t to_minute = 60000 - wall_ms % 60000 + 20;
        if (timeout < 0 || timeout > to_minute)
            timeout = to_minute;
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
    }
    fprintf(stderr, "lotse: stopped after %lu redraws\n", k->redraws);
    return 0;
}
