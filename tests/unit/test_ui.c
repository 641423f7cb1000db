/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* test_ui.c - the kiosk's screens as a state machine (ui.c), driven the way the kiosk
 * drives it: lay out, tap the centre of an element found by id, lay out again.
 *
 * The site is built by hand: two Kitas, one worker with hours at both, 10 services on
 * "money" (two pages), 3 on "health". Three languages without catalogs (de, en and a
 * right-to-left "ar"), so every UI string is its English msgid. The wall clock stands
 * at Tuesday 24 March 2026, 10:00 in Berlin; the screen is 1280x800 with the fake
 * fixed-width text measure. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fake_measure.h"
#include "ui/ui.h"
#include "ui/ui_lay.h"
#include "ui/ui_state.h"
#include "base/util.h"

#define HM(h, m) ((h)*60 + (m))
#define W 1280
#define H 800
#define TIMEOUT 90000
#define WARNING 10000
#define N_MONEY 10
#define N_HEALTH 3
#define N_SERVICES (N_MONEY + N_HEALTH)
#define LANG_DE 0
#define LANG_EN 1
#define LANG_AR 2

static const char languages_txt[] = "Language: de\nName: Deutsch\nScript: Latn\nDirection: ltr\n\n"
                                    "Language: en\nName: English\nScript: Latn\nDirection: ltr\n\n"
                                    "Language: ar\nName: العربية\nScript: Arab\nDirection: rtl\n";

typedef struct fixture {
    site s;
    site_kita kitas[2];
    site_worker worker;
    site_slot slots[3];
    site_service services[N_SERVICES];
    char ids[N_SERVICES][32];
    char names[N_SERVICES][64];
    i18n *t;
    ui_ctx ctx;
    ui_state st;
    int64_t mono; /* the monotonic clock, ms */
    int64_t now;  /* the wall clock, UTC seconds */
} fixture;

static site_src src_at(int line, const char *field)
{
    site_src s = {"services.txt", line, field};
    return s;
}

static int setup(void **state)
{
    fixture *f = xcalloc(1, sizeof(*f));
    f->kitas[0] = (site_kita){.id = "sonnenblume",
                              .name = "Kita Sonnenblume",
                              .address = "Blumenweg 1",
                              .src = {"site.txt", 2, "Name"}};
    f->kitas[1] =
        (site_kita){.id = "regenbogen", .name = "Kita Regenbogen", .src = {"kitas.txt", 5, "Name"}};
    f->slots[0] = (site_slot){.kita = 0, .weekday = 2, .start_min = HM(9, 0), .end_min = HM(12, 0)};
    f->slots[1] =
        (site_slot){.kita = 1, .weekday = 4, .start_min = HM(14, 0), .end_min = HM(16, 0)};
    f->slots[2] = (site_slot){.kita = 1, .weekday = 1, .start_min = HM(8, 0), .end_min = HM(10, 0)};
    site_worker *w = &f->worker;
    w->id = "anna";
    w->name = "Frau Beispiel";
    w->role = "Kita-Sozialarbeit";
    w->phone = "0123 456789";
    w->email = "anna@example.org";
    w->languages = "Deutsch, Englisch";
    w->slots = f->slots;
    w->n_slots = 3;
    w->src = (site_src){"schedule.txt", 1, "Name"};
    for (int i = 0; i < N_SERVICES; i++) {
        site_service *sv = &f->services[i];
        bool money = i < N_MONEY;
        int k = money ? i + 1 : i - N_MONEY + 1;
        snprintf(f->ids[i], sizeof(f->ids[i]), "%s%d", money ? "money" : "health", k);
        snprintf(f->names[i], sizeof(f->names[i]), "%s %d",
                 money ? "Geldberatung" : "Gesundheitsamt", k);
        sv->id = f->ids[i];
        sv->name = f->names[i];
        sv->topic = money ? TOPIC_MONEY : TOPIC_HEALTH;
        sv->description = "Hilfe bei Anträgen.\nKostenlos und vertraulich.";
        if (i % 2 == 0) {
            sv->address = "Hauptstraße 5, 12345 Musterstadt";
            sv->phone = "0123 98765";
            sv->hours = "Mo–Fr 9–12 Uhr";
        }
        if (i % 3 == 0) {
            sv->languages = "Deutsch, Türkisch";
            sv->costs = "kostenlos";
            sv->web = "example.org";
        }
        sv->src = src_at(10 * i + 1, "Id");
        sv->src_name = src_at(10 * i + 2, "Name");
        sv->src_description = src_at(10 * i + 3, "Description");
        sv->src_address = src_at(10 * i + 4, "Address");
        sv->src_hours = src_at(10 * i + 5, "Hours");
        sv->src_languages = src_at(10 * i + 6, "Languages");
        sv->src_costs = src_at(10 * i + 7, "Costs");
    }
    f->s.title = "Kita Sonnenblume";
    f->s.here = 0;
    f->s.kitas = f->kitas;
    f->s.n_kitas = 2;
    f->s.workers = &f->worker;
    f->s.n_workers = 1;
    f->s.services = f->services;
    f->s.n_services = N_SERVICES;

    f->t = i18n_create();
    site_file lf = {"languages.txt", languages_txt, sizeof(languages_txt) - 1};
    site_errors errs;
    site_errors_init(&errs);
    bool ok = i18n_load_languages(f->t, &lf, &errs);
    site_errors_finish(&errs);
    if (!ok || i18n_count(f->t) != 3) {
        i18n_destroy(f->t);
        free(f);
        return -1;
    }
    f->ctx.site = &f->s;
    f->ctx.i18n = f->t;
    f->ctx.measure = &fake_measure;
    f->ctx.config = (ui_config){W, H, TIMEOUT, WARNING, 0};
    f->ctx.status = (ui_status){true, true, 2, "2026-03-20", 60, NULL, 0};
    f->now = berlin_to_utc((civil_date){2026, 3, 24}, HM(10, 0), 0);
    f->mono = 1000000;
    ui_init(&f->st, f->mono);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    i18n_destroy(f->t);
    free(f);
    return 0;
}

/* ---- driving the UI ------------------------------------------------------------------- */

static dl *lay_out(const fixture *f)
{
    return ui_layout(&f->st, &f->ctx, f->now, f->mono);
}

static const dl_elem *find(const dl *d, const char *id)
{
    for (size_t i = 0; i < d->n_elems; i++)
        if (strcmp(d->elems[i].id, id) == 0)
            return &d->elems[i];
    return NULL;
}

static const dl_elem *must_find(const dl *d, const char *id)
{
    const dl_elem *e = find(d, id);
    if (!e)
        fail_msg("no element '%s' on screen '%s'", id, d->screen);
    return e;
}

static bool has(const fixture *f, const char *id)
{
    dl *d = lay_out(f);
    bool found = find(d, id) != NULL;
    dl_destroy(d);
    return found;
}

static ui_event tap_event(const dl_elem *e)
{
    ui_event ev = {UI_EV_TAP, e->x + e->w / 2, e->y + e->h / 2, 0};
    return ev;
}

/* Tap the centre of element id on the current screen, whatever lies there. */
static bool tap_raw(fixture *f, const char *id)
{
    dl *d = lay_out(f);
    ui_event ev = tap_event(must_find(d, id));
    bool changed = ui_update(&f->st, &f->ctx, d, &ev, f->mono);
    dl_destroy(d);
    return changed;
}

/* A parent's tap: the element is enabled, tappable and on top at its centre. */
static void tap(fixture *f, const char *id)
{
    dl *d = lay_out(f);
    const dl_elem *e = must_find(d, id);
    if (!e->enabled || e->action.kind == 0)
        fail_msg("'%s' on '%s' is not tappable", id, d->screen);
    ui_event ev = tap_event(e);
    if (dl_hit(d, ev.x, ev.y) != e)
        fail_msg("the centre of '%s' on '%s' is covered", id, d->screen);
    if (!ui_update(&f->st, &f->ctx, d, &ev, f->mono))
        fail_msg("tapping '%s' on '%s' changed nothing", id, d->screen);
    dl_destroy(d);
}

static bool tick(fixture *f)
{
    ui_event ev = {UI_EV_TICK, 0, 0, 0};
    return ui_update(&f->st, &f->ctx, NULL, &ev, f->mono);
}

static bool back_key(fixture *f)
{
    ui_event ev = {UI_EV_BACK, 0, 0, 0};
    return ui_update(&f->st, &f->ctx, NULL, &ev, f->mono);
}

/* The state and its layout agree on the screen. */
static void assert_screen(const fixture *f, const char *name)
{
    assert_string_equal(ui_screen_name(f->st.screen), name);
    dl *d = lay_out(f);
    assert_string_equal(d->screen, name);
    dl_destroy(d);
}

static char *text_of(const fixture *f, const char *id)
{
    dl *d = lay_out(f);
    const dl_elem *e = must_find(d, id);
    char *s = xstrdup(e->text ? e->text : "");
    dl_destroy(d);
    return s;
}

static size_t count_prefix(const dl *d, const char *prefix, dl_role role)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n_elems; i++)
        if (d->elems[i].role == role && str_starts_with(d->elems[i].id, prefix))
            n++;
    return n;
}

/* ---- navigation ----------------------------------------------------------------------- */

static void test_navigation_chain(void **state)
{
    fixture *f = *state;
    assert_screen(f, "home");
    assert_true(has(f, "greeting"));
    assert_true(has(f, "emergency"));
    tap(f, "start");
    assert_screen(f, "menu");

    dl *d = lay_out(f);
    const char *enabled[] = {"menu.hours", "menu.help", "menu.contact"};
    for (size_t i = 0; i < 3; i++) {
        const dl_elem *e = must_find(d, enabled[i]);
        assert_true(e->enabled);
        assert_int_not_equal(e->action.kind, 0);
    }
    assert_true(must_find(d, "menu.takehome")->enabled);
    dl_destroy(d);
    tap(f, "menu.takehome");
    assert_screen(f, "qr");
    tap(f, "nav.back");
    assert_screen(f, "menu");

    tap(f, "menu.hours");
    assert_screen(f, "hours");
    assert_true(has(f, "here.worker"));
    tap(f, "nav.back");
    assert_screen(f, "menu");

    tap(f, "menu.contact");
    assert_screen(f, "contact");
    assert_true(has(f, "contact.topic.money"));
    assert_true(has(f, "contact.topic.other"));
    tap(f, "nav.back");
    assert_screen(f, "menu");

    tap(f, "menu.help");
    assert_screen(f, "topics");
    tap(f, "topic.health");
    assert_screen(f, "topic");
    assert_int_equal(f->st.topic, TOPIC_HEALTH);
    tap(f, "service.health2");
    assert_screen(f, "service");
    assert_int_equal(f->st.service, N_MONEY + 1);
    char *name = text_of(f, "service.name");
    assert_string_equal(name, "Gesundheitsamt 2");
    free(name);

    tap(f, "nav.back");
    assert_screen(f, "topic");
    assert_int_equal(f->st.topic, TOPIC_HEALTH);
    assert_true(has(f, "service.health1"));
    tap(f, "nav.back");
    assert_screen(f, "topics");
    tap(f, "nav.back");
    assert_screen(f, "menu");
    tap(f, "nav.back");
    assert_screen(f, "home");
    assert_false(has(f, "nav.back")); /* home has no header */
}

static void test_home_button(void **state)
{
    fixture *f = *state;
    const char *const *paths[] = {
        (const char *const[]){"start", NULL},
        (const char *const[]){"start", "menu.hours", NULL},
        (const char *const[]){"start", "menu.contact", NULL},
        (const char *const[]){"start", "menu.help", "topic.money", NULL},
        (const char *const[]){"start", "menu.help", "topic.money", "service.money3", NULL},
        (const char *const[]){"start", "menu.help", "emergency", NULL},
    };
    for (size_t p = 0; p < sizeof(paths) / sizeof(paths[0]); p++) {
        ui_reset(&f->st, f->mono);
        for (const char *const *id = paths[p]; *id; id++)
            tap(f, *id);
        assert_string_not_equal(ui_screen_name(f->st.screen), "home");
        tap(f, "nav.home");
        assert_screen(f, "home");
    }
}

static void test_back_key(void **state)
{
    fixture *f = *state;
    assert_false(back_key(f)); /* nothing behind home */
    assert_screen(f, "home");
    tap(f, "start");
    tap(f, "menu.help");
    tap(f, "topic.money");
    tap(f, "service.money1");
    assert_true(back_key(f));
    assert_screen(f, "topic");
    assert_true(back_key(f));
    assert_screen(f, "topics");
    assert_true(back_key(f));
    assert_screen(f, "menu");
    assert_true(back_key(f));
    assert_screen(f, "home");
}

static void test_emergency_and_back(void **state)
{
    fixture *f = *state;
    /* From home. */
    tap(f, "emergency");
    assert_screen(f, "emergency");
    assert_true(has(f, "emergency.0.number"));
    /* The strip does not lead to the page it is already on. */
    assert_false(tap_raw(f, "emergency"));
    assert_screen(f, "emergency");
    tap(f, "nav.back");
    assert_screen(f, "home");

    /* From the menu and the hours. */
    tap(f, "start");
    tap(f, "emergency");
    tap(f, "nav.back");
    assert_screen(f, "menu");
    tap(f, "menu.hours");
    tap(f, "emergency");
    assert_true(back_key(f));
    assert_screen(f, "hours");

    /* From a service: back to the very same service, and on from there as usual. */
    tap(f, "nav.back");
    tap(f, "menu.help");
    tap(f, "topic.money");
    tap(f, "service.money4");
    tap(f, "emergency");
    assert_screen(f, "emergency");
    tap(f, "nav.back");
    assert_screen(f, "service");
    assert_int_equal(f->st.service, 3);
    char *name = text_of(f, "service.name");
    assert_string_equal(name, "Geldberatung 4");
    free(name);
    tap(f, "nav.back");
    assert_screen(f, "topic");
    assert_int_equal(f->st.topic, TOPIC_MONEY);

    /* Start from the emergency page goes home. */
    tap(f, "emergency");
    tap(f, "nav.home");
    assert_screen(f, "home");
}

/* A parent on the second page of a topic taps the emergency strip and comes back: she
 * should find the page she was on, not the first one. */
static void test_emergency_back_keeps_page(void **state)
{
    fixture *f = *state;
    tap(f, "start");
    tap(f, "menu.help");
    tap(f, "topic.money");
    tap(f, "page.next");
    assert_int_equal(f->st.page, 1);
    tap(f, "emergency");
    tap(f, "nav.back");
    assert_screen(f, "topic");
    assert_int_equal(f->st.topic, TOPIC_MONEY);
    assert_int_equal(f->st.page, 1);
}

/* ---- languages ------------------------------------------------------------------------ */

static void test_language(void **state)
{
    fixture *f = *state;
    dl *d = lay_out(f);
    assert_string_equal(d->lang, "de");
    assert_false(d->rtl);
    uint32_t selected = must_find(d, "lang.de")->bg;
    uint32_t other = must_find(d, "lang.en")->bg;
    assert_int_not_equal(selected, other);
    assert_string_equal(must_find(d, "lang.ar")->text, "العربية");
    dl_destroy(d);

    tap(f, "lang.en");
    assert_int_equal(f->st.lang, LANG_EN);
    assert_screen(f, "home");
    d = lay_out(f);
    assert_string_equal(d->lang, "en");
    assert_false(d->rtl);
    assert_int_equal(must_find(d, "lang.en")->bg, selected);
    assert_int_equal(must_find(d, "lang.de")->bg, other);
    dl_destroy(d);

    tap(f, "lang.ar");
    assert_int_equal(f->st.lang, LANG_AR);
    d = lay_out(f);
    assert_string_equal(d->lang, "ar");
    assert_true(d->rtl);
    dl_destroy(d);

    /* The language stays with the parent through the screens. */
    tap(f, "start");
    tap(f, "menu.help");
    d = lay_out(f);
    assert_string_equal(d->screen, "topics");
    assert_string_equal(d->lang, "ar");
    assert_true(d->rtl);
    dl_destroy(d);

    assert_true(ui_set_lang(&f->st, &f->ctx, "de", f->mono));
    assert_int_equal(f->st.lang, LANG_DE);
    assert_false(ui_set_lang(&f->st, &f->ctx, "xx", f->mono));
    assert_int_equal(f->st.lang, LANG_DE);
    assert_true(ui_set_lang(&f->st, &f->ctx, "en", f->mono));
    d = lay_out(f);
    assert_string_equal(d->lang, "en");
    dl_destroy(d);
}

/* ---- idle timeout ----------------------------------------------------------------------- */

static void test_idle_warning(void **state)
{
    fixture *f = *state;
    tap(f, "start");
    int64_t t0 = f->mono;
    assert_int_equal(ui_next_deadline(&f->st, &f->ctx, f->mono), TIMEOUT - WARNING);

    f->mono = t0 + 50000;
    assert_false(tick(f));
    assert_int_equal(ui_next_deadline(&f->st, &f->ctx, f->mono), 30000);
    f->mono = t0 + 79999;
    assert_false(tick(f));
    assert_false(f->st.idle_warning);
    assert_false(has(f, "idle.title"));
    assert_int_equal(ui_next_deadline(&f->st, &f->ctx, f->mono), 1);

    f->mono = t0 + 80000;
    assert_true(tick(f));
    assert_true(f->st.idle_warning);
    assert_screen(f, "menu");
    assert_true(has(f, "idle.title"));
    char *c = text_of(f, "idle.countdown");
    assert_string_equal(c, "The screen starts over in 10 seconds.");
    free(c);
    assert_int_equal(ui_next_deadline(&f->st, &f->ctx, f->mono), 1000);

    /* Between seconds: the next tick is when the shown number changes. */
    f->mono = t0 + 80400;
    assert_int_equal(ui_next_deadline(&f->st, &f->ctx, f->mono), 600);
    assert_true(tick(f));
    c = text_of(f, "idle.countdown");
    assert_string_equal(c, "The screen starts over in 10 seconds.");
    free(c);
    f->mono = t0 + 89000;
    tick(f);
    c = text_of(f, "idle.countdown");
    assert_string_equal(c, "The screen starts over in 1 second.");
    free(c);

    /* A tap anywhere only answers the question: the screen stays. Here the tap lands
     * where "Help and advice" is, under the overlay. */
    f->mono = t0 + 89500;
    assert_true(tap_raw(f, "menu.help"));
    assert_false(f->st.idle_warning);
    assert_screen(f, "menu");
    assert_false(has(f, "idle.title"));
    assert_int_equal(f->st.last_input_ms, t0 + 89500);
    assert_int_equal(ui_next_deadline(&f->st, &f->ctx, f->mono), TIMEOUT - WARNING);

    /* The Back key during the warning also only answers it. */
    f->mono += TIMEOUT - WARNING;
    assert_true(tick(f));
    assert_true(f->st.idle_warning);
    assert_true(back_key(f));
    assert_false(f->st.idle_warning);
    assert_screen(f, "menu");

    /* And so does the "Yes" button. */
    f->mono += TIMEOUT - WARNING + 2000;
    assert_true(tick(f));
    tap(f, "idle.yes");
    assert_false(f->st.idle_warning);
    assert_screen(f, "menu");
}

/* Ticks as the kiosk's loop makes them (at each deadline) count down 10 ... 1 and then
 * start over; everything the parent chose is gone. */
static void test_idle_countdown_and_reset(void **state)
{
    fixture *f = *state;
    tap(f, "lang.ar");
    tap(f, "start");
    tap(f, "menu.help");
    tap(f, "topic.money");
    tap(f, "page.next");
    tap(f, "service.money9");
    tap(f, "nav.back");
    assert_int_equal(f->st.page, 1);
    assert_int_equal(f->st.service, 8);
    int64_t t0 = f->mono;

    int expect = 10;
    int ticks = 0;
    for (;;) {
        int64_t due = ui_next_deadline(&f->st, &f->ctx, f->mono);
        if (due < 0)
            break;
        assert_true(due > 0);
        f->mono += due;
        assert_true(tick(f));
        if (!f->st.idle_warning)
            break;
        char *want =
            xasprintf("The screen starts over in %d second%s.", expect, expect == 1 ? "" : "s");
        char *c = text_of(f, "idle.countdown");
        assert_string_equal(c, want);
        free(c);
        free(want);
        assert_int_equal(f->mono, t0 + TIMEOUT - WARNING + (10 - expect) * 1000);
        expect--;
        assert_true(++ticks <= 10);
    }
    assert_int_equal(ticks, 10);
    assert_int_equal(f->mono, t0 + TIMEOUT);
    assert_screen(f, "home");
    assert_int_equal(f->st.lang, 0);
    assert_int_equal(f->st.topic, -1);
    assert_int_equal(f->st.service, -1);
    assert_int_equal(f->st.page, 0);
    assert_false(f->st.idle_warning);
    dl *d = lay_out(f);
    assert_string_equal(d->lang, "de");
    assert_false(d->rtl);
    dl_destroy(d);
    /* At rest now: nothing to wait for, and ticks change nothing. */
    assert_int_equal(ui_next_deadline(&f->st, &f->ctx, f->mono), -1);
    f->mono += 10 * TIMEOUT;
    assert_false(tick(f));
    assert_false(has(f, "idle.title"));
}

static void test_idle_reset_without_warning_tick(void **state)
{
    fixture *f = *state;
    tap(f, "lang.en");
    tap(f, "start");
    tap(f, "menu.help");
    tap(f, "topic.health");
    f->mono += TIMEOUT; /* e.g. the loop was late: no tick at the warning */
    assert_true(tick(f));
    assert_screen(f, "home");
    assert_int_equal(f->st.lang, 0);
    assert_int_equal(f->st.topic, -1);
}

static void test_next_deadline(void **state)
{
    fixture *f = *state;
    /* At rest: home in the default language. */
    assert_int_equal(ui_next_deadline(&f->st, &f->ctx, f->mono), -1);
    f->mono += 5 * TIMEOUT;
    assert_int_equal(ui_next_deadline(&f->st, &f->ctx, f->mono), -1);
    assert_false(tick(f));

    /* Home in another language must go back to the default: it times out, with the
     * warning, like any other screen. */
    tap(f, "lang.en");
    assert_int_equal(ui_next_deadline(&f->st, &f->ctx, f->mono), TIMEOUT - WARNING);
    f->mono += TIMEOUT - WARNING;
    assert_true(tick(f));
    assert_true(f->st.idle_warning);
    assert_true(has(f, "idle.title"));
    f->mono += WARNING;
    assert_int_equal(ui_next_deadline(&f->st, &f->ctx, f->mono), 0);
    assert_true(tick(f));
    assert_int_equal(f->st.lang, 0);
    assert_int_equal(ui_next_deadline(&f->st, &f->ctx, f->mono), -1);

    /* Every screen away from home has a deadline. */
    tap(f, "start");
    assert_int_equal(ui_next_deadline(&f->st, &f->ctx, f->mono), TIMEOUT - WARNING);
    f->mono += 1234;
    assert_int_equal(ui_next_deadline(&f->st, &f->ctx, f->mono), TIMEOUT - WARNING - 1234);
}

/* ---- paging ----------------------------------------------------------------------------- */

static void test_paging(void **state)
{
    fixture *f = *state;
    tap(f, "start");
    tap(f, "menu.help");
    tap(f, "topic.money");
    dl *d = lay_out(f);
    assert_int_equal(count_prefix(d, "service.", ROLE_BUTTON), 8);
    assert_non_null(find(d, "service.money1"));
    assert_non_null(find(d, "service.money8"));
    assert_null(find(d, "service.money9"));
    assert_string_equal(must_find(d, "page.of")->text, "1 / 2");
    assert_true(must_find(d, "page.next")->enabled);
    assert_false(must_find(d, "page.prev")->enabled);
    dl_destroy(d);
    assert_false(tap_raw(f, "page.prev"));
    assert_int_equal(f->st.page, 0);

    tap(f, "page.next");
    assert_int_equal(f->st.page, 1);
    assert_screen(f, "topic");
    d = lay_out(f);
    assert_int_equal(count_prefix(d, "service.", ROLE_BUTTON), 2);
    assert_non_null(find(d, "service.money9"));
    assert_non_null(find(d, "service.money10"));
    assert_null(find(d, "service.money1"));
    assert_string_equal(must_find(d, "page.of")->text, "2 / 2");
    assert_false(must_find(d, "page.next")->enabled);
    assert_true(must_find(d, "page.prev")->enabled);
    dl_destroy(d);
    assert_false(tap_raw(f, "page.next"));
    assert_int_equal(f->st.page, 1);

    tap(f, "service.money10");
    assert_int_equal(f->st.service, 9);
    char *name = text_of(f, "service.name");
    assert_string_equal(name, "Geldberatung 10");
    free(name);
    tap(f, "nav.back");
    assert_int_equal(f->st.page, 1); /* back on the page the service was on */
    tap(f, "page.prev");
    assert_int_equal(f->st.page, 0);

    /* A short topic has no paging at all; another topic starts on its first page. */
    tap(f, "page.next");
    tap(f, "nav.back");
    tap(f, "topic.health");
    assert_int_equal(f->st.page, 0);
    d = lay_out(f);
    assert_int_equal(count_prefix(d, "service.", ROLE_BUTTON), N_HEALTH);
    assert_null(find(d, "page.next"));
    assert_null(find(d, "page.prev"));
    assert_null(find(d, "page.of"));
    dl_destroy(d);

    /* A topic without services says so. */
    tap(f, "nav.back");
    tap(f, "topic.crisis");
    assert_true(has(f, "topic.empty"));
}

/* ---- properties of every screen ------------------------------------------------------- */

/* Every state a parent can reach, in one language. */
static size_t all_states(const fixture *f, size_t lang, ui_state *out, size_t max)
{
    size_t n = 0;
    ui_state base;
    ui_init(&base, f->mono);
    base.lang = lang;
#define ADD(stmt)                                                                                  \
    do {                                                                                           \
        ui_state s_ = base;                                                                        \
        stmt;                                                                                      \
        if (n < max)                                                                               \
            out[n++] = s_;                                                                         \
    } while (0)
    static const ui_screen plain[] = {SCREEN_HOME,   SCREEN_MENU,    SCREEN_HOURS,
                                      SCREEN_TOPICS, SCREEN_CONTACT, SCREEN_EMERGENCY};
    for (size_t i = 0; i < ARRAY_LEN(plain); i++)
        ADD(s_.screen = plain[i]);
    for (int t = 0; t < TOPIC_COUNT; t++)
        ADD((s_.screen = SCREEN_TOPIC, s_.topic = t));
    ADD((s_.screen = SCREEN_TOPIC, s_.topic = TOPIC_MONEY, s_.page = 1));
    for (int i = 0; i < N_SERVICES; i++)
        ADD((s_.screen = SCREEN_SERVICE, s_.service = i, s_.topic = (int)f->services[i].topic));
    /* The warning overlay, over home and over a service. */
    ADD((s_.idle_warning = true, s_.last_input_ms = f->mono - (TIMEOUT - WARNING) - 2500));
    ADD((s_.screen = SCREEN_SERVICE, s_.service = 0, s_.topic = TOPIC_MONEY, s_.idle_warning = true,
         s_.last_input_ms = f->mono - (TIMEOUT - WARNING)));
    /* The contact request in its fullest states, and the staff screens. */
    for (int scr = SCREEN_CONTACT_HOW; scr <= SCREEN_CONTACT_SORRY; scr++)
        for (int kb = 0; kb < 4; kb++)
            ADD((s_.screen = (ui_screen)scr, s_.contact.topic = TOPIC_CRISIS,
                 s_.contact.channel = CHANNEL_PHONE, s_.contact.interpreter = LANG_AR,
                 s_.contact.keyboard = kb, s_.contact.typing_phone = kb == 3,
                 snprintf(s_.contact.name, sizeof(s_.contact.name), "Amira"),
                 snprintf(s_.contact.ticket, sizeof(s_.contact.ticket), "123 456"),
                 s_.contact.hint = HINT_PHONE_INVALID));
    for (int scr = SCREEN_ADMIN_PIN; scr <= SCREEN_ADMIN_HOURS; scr++)
        ADD((s_.screen = (ui_screen)scr, s_.admin.msg = ADMIN_MSG_EXPORTED, s_.admin.msg_count = 3,
             s_.admin.start_min = HM(14, 0), s_.admin.end_min = HM(16, 0), s_.admin.day = 1));
#undef ADD
    return n;
}

#define MAX_STATES 96

static void test_inside_screen_unique_ids(void **state)
{
    fixture *f = *state;
    ui_state states[MAX_STATES];
    for (size_t lang = 0; lang < 3; lang++) {
        size_t n = all_states(f, lang, states, MAX_STATES);
        assert_true(n < MAX_STATES);
        for (size_t k = 0; k < n; k++) {
            dl *d = ui_layout(&states[k], &f->ctx, f->now, f->mono);
            assert_int_equal(d->width, W);
            assert_int_equal(d->height, H);
            assert_true(d->n_elems > 0);
            for (size_t i = 0; i < d->n_elems; i++) {
                const dl_elem *e = &d->elems[i];
                if (e->w < 0 || e->h < 0 || e->x < 0 || e->y < 0 || e->x + e->w > W ||
                    e->y + e->h > H)
                    fail_msg("'%s' on '%s' (%s) at %d,%d %dx%d is outside the screen", e->id,
                             d->screen, d->lang, e->x, e->y, e->w, e->h);
                if (!e->id[0])
                    fail_msg("an element without id on '%s'", d->screen);
                for (size_t j = 0; j < i; j++)
                    if (strcmp(d->elems[j].id, e->id) == 0)
                        fail_msg("id '%s' twice on '%s' (%s)", e->id, d->screen, d->lang);
                /* Every text has its wrapped lines. */
                if (e->role == ROLE_TEXT)
                    assert_true(e->n_lines >= 1);
            }
            dl_destroy(d);
        }
    }
}

/* In the right-to-left language every element is where the left-to-right one is,
 * mirrored: same ids in the same order, x_rtl == width - x_ltr - w. */
static void test_rtl_mirrors(void **state)
{
    fixture *f = *state;
    ui_state en[MAX_STATES], ar[MAX_STATES];
    size_t n = all_states(f, LANG_EN, en, MAX_STATES);
    assert_int_equal(all_states(f, LANG_AR, ar, MAX_STATES), n);
    size_t direction_icons = 0;
    for (size_t k = 0; k < n; k++) {
        dl *l = ui_layout(&en[k], &f->ctx, f->now, f->mono);
        dl *r = ui_layout(&ar[k], &f->ctx, f->now, f->mono);
        assert_false(l->rtl);
        assert_true(r->rtl);
        assert_string_equal(l->screen, r->screen);
        assert_int_equal(l->n_elems, r->n_elems);
        for (size_t i = 0; i < l->n_elems; i++) {
            const dl_elem *a = &l->elems[i], *b = &r->elems[i];
            assert_string_equal(a->id, b->id);
            /* Keyboards and number pads keep their physical left-to-right order. */
            bool keys = strncmp(a->id, "key.", 4) == 0 || strncmp(a->id, "pin.", 4) == 0;
            if (keys && a->role == ROLE_BUTTON) {
                assert_int_equal(b->x, a->x);
                continue;
            }
            if (b->x != W - a->x - a->w || b->y != a->y || b->w != a->w || b->h != a->h)
                fail_msg("'%s' on '%s' is not mirrored: ltr x=%d w=%d, rtl x=%d w=%d", a->id,
                         l->screen, a->x, a->w, b->x, b->w);
            assert_false(a->mirror_icon);
            bool directional = b->icon == ICON_BACK || b->icon == ICON_NEXT;
            assert_int_equal(b->mirror_icon, directional);
            direction_icons += directional;
            /* Start-aligned text stays start-aligned: the renderer flips it. */
            assert_int_equal(a->align, b->align);
        }
        /* The back button sits on the right in RTL. */
        const dl_elem *bk = find(r, "nav.back");
        if (bk) {
            assert_true(bk->x > W / 2);
            assert_true(bk->mirror_icon);
            assert_true(find(l, "nav.back")->x < W / 2);
        }
        dl_destroy(l);
        dl_destroy(r);
    }
    assert_true(direction_icons > 0);

    /* The arrows that say "forward" are mirrored too. */
    fixture *g = f;
    tap(g, "lang.ar");
    dl *d = lay_out(g);
    assert_true(must_find(d, "start.icon")->mirror_icon);
    dl_destroy(d);
    tap(g, "start");
    tap(g, "menu.help");
    tap(g, "topic.money");
    d = lay_out(g);
    assert_true(must_find(d, "page.next")->mirror_icon);
    assert_true(must_find(d, "page.prev")->mirror_icon);
    assert_true(must_find(d, "nav.back")->mirror_icon);
    assert_false(must_find(d, "nav.home")->mirror_icon);
    dl_destroy(d);
}

/* Nothing redraws while nothing changes: the same state gives an equal list. */
static void test_layout_stable(void **state)
{
    fixture *f = *state;
    ui_state states[MAX_STATES];
    for (size_t lang = 0; lang < 3; lang++) {
        size_t n = all_states(f, lang, states, MAX_STATES);
        for (size_t k = 0; k < n; k++) {
            dl *a = ui_layout(&states[k], &f->ctx, f->now, f->mono);
            dl *b = ui_layout(&states[k], &f->ctx, f->now, f->mono);
            if (!dl_equal(a, b))
                fail_msg("two layouts of '%s' (%s) differ", a->screen, a->lang);
            dl_destroy(a);
            dl_destroy(b);
            /* Time passing without a visible change (no warning, same minute). */
            if (!states[k].idle_warning) {
                a = ui_layout(&states[k], &f->ctx, f->now, f->mono + 5000);
                b = ui_layout(&states[k], &f->ctx, f->now + 30, f->mono + 7000);
                if (!dl_equal(a, b))
                    fail_msg("'%s' (%s) changes within a minute", a->screen, a->lang);
                dl_destroy(a);
                dl_destroy(b);
            }
        }
    }
    /* The home clock changes with the minute: that is a redraw. */
    dl *a = lay_out(f);
    f->now += 60;
    dl *b = lay_out(f);
    assert_false(dl_equal(a, b));
    dl_destroy(a);
    dl_destroy(b);
}

/* ---- content that does not fit ------------------------------------------------------------ */

static void check_fit(fixture *f, site_errors *errs)
{
    site_errors_init(errs);
    size_t n = ui_check_fit(&f->ctx, f->now, errs);
    assert_int_equal(n, errs->count);
}

static bool any_message(const site_errors *e, const char *needle)
{
    for (size_t i = 0; i < e->count; i++)
        if (strstr(e->messages[i], needle))
            return true;
    return false;
}

static void test_check_fit_short_texts(void **state)
{
    fixture *f = *state;
    site_errors errs;
    check_fit(f, &errs);
    if (errs.count)
        fail_msg("%zu problems, first: %s", errs.count, errs.messages[0]);
    site_errors_finish(&errs);

    f->ctx.site = NULL; /* out of order: nothing to check */
    check_fit(f, &errs);
    assert_int_equal(errs.count, 0);
    site_errors_finish(&errs);
}

static void test_check_fit_long_description(void **state)
{
    fixture *f = *state;
    strbuf sb;
    strbuf_init(&sb);
    while (sb.len < 5000)
        strbuf_puts(&sb, "Beratung ");
    f->services[5].description = sb.data;
    f->services[5].src_description = (site_src){"services.txt", 4242, "Description"};

    site_errors errs;
    check_fit(f, &errs);
    assert_true(errs.count >= 3); /* once in each language */
    assert_true(any_message(&errs, "services.txt:4242"));
    assert_true(any_message(&errs, "Description"));
    assert_true(any_message(&errs, "service"));
    /* Every problem found is this description. */
    for (size_t i = 0; i < errs.count; i++)
        assert_non_null(strstr(errs.messages[i], "services.txt:4242"));
    site_errors_finish(&errs);

    /* And the screen shows it flagged. */
    f->st.screen = SCREEN_SERVICE;
    f->st.service = 5;
    f->st.topic = TOPIC_MONEY;
    dl *d = lay_out(f);
    const dl_elem *e = must_find(d, "service.description");
    assert_true(e->overflow);
    assert_non_null(e->src);
    assert_non_null(strstr(e->src, "services.txt:4242"));
    assert_false(must_find(d, "service.name")->overflow);
    dl_destroy(d);
    strbuf_finish(&sb);
}

/* A service name too long for its button in the topic list is a content problem: it is
 * reported with the content's file:line, and not blamed on a translation catalog. */
/* Back from a service opened on the second page of a topic returns to that page. */
static void test_service_back_keeps_page(void **state)
{
    fixture *f = *state;
    tap(f, "start");
    tap(f, "menu.help");
    tap(f, "topic.money");
    tap(f, "page.next");
    assert_int_equal(f->st.page, 1);
    dl *d = lay_out(f);
    char *id = NULL;
    for (size_t i = 0; i < d->n_elems && !id; i++)
        if (strncmp(d->elems[i].id, "service.", 8) == 0)
            id = xstrdup(d->elems[i].id);
    dl_destroy(d);
    assert_non_null(id);
    tap(f, id);
    free(id);
    assert_screen(f, "service");
    tap(f, "nav.back");
    assert_screen(f, "topic");
    assert_int_equal(f->st.page, 1);
}

static void test_check_fit_long_name(void **state)
{
    fixture *f = *state;
    strbuf sb;
    strbuf_init(&sb);
    while (sb.len < 600)
        strbuf_puts(&sb, "Schuldnerberatung ");
    f->services[2].name = sb.data;
    f->services[2].src_name = (site_src){"services.txt", 77, "Name"};

    site_errors errs;
    check_fit(f, &errs);
    assert_true(errs.count >= 1);
    assert_true(any_message(&errs, "services.txt:77"));
    char *blamed = NULL;
    for (size_t i = 0; i < errs.count && !blamed; i++)
        if (strstr(errs.messages[i], ".po") || strstr(errs.messages[i], "locales"))
            blamed = xstrdup(errs.messages[i]);
    site_errors_finish(&errs);
    strbuf_finish(&sb);
    if (blamed) {
        print_error("content problem blamed on a catalog: %s\n", blamed);
        free(blamed);
        fail();
    }
}

/* ---- out of order ------------------------------------------------------------------------- */

static void test_out_of_order(void **state)
{
    fixture *f = *state;
    f->ctx.site = NULL;
    dl *d = lay_out(f);
    assert_string_equal(d->screen, "out-of-order");
    assert_non_null(find(d, "ooo.title"));
    assert_non_null(find(d, "ooo.title.en"));
    for (size_t i = 0; i < d->n_elems; i++)
        assert_int_equal(d->elems[i].action.kind, 0);
    ui_event ev = {UI_EV_TAP, W / 2, H / 2, 0};
    ui_update(&f->st, &f->ctx, d, &ev, f->mono);
    dl_destroy(d);
    d = lay_out(f);
    assert_string_equal(d->screen, "out-of-order");
    dl_destroy(d);
}

/* ---- contact requests ------------------------------------------------------------------ */

static void tap_at(fixture *f, int x, int y, int hold_ms)
{
    dl *d = lay_out(f);
    ui_event ev = {UI_EV_TAP, x, y, hold_ms};
    ui_update(&f->st, &f->ctx, d, &ev, f->mono);
    dl_destroy(d);
}

static bool all_zero(const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        if (b[i])
            return false;
    return true;
}

static void type_keys(fixture *f, const char *const *ids)
{
    for (; *ids; ids++)
        tap(f, *ids);
}

static void test_contact_visit_journey(void **state)
{
    fixture *f = *state;
    type_keys(f, (const char *const[]){"start", "menu.contact", "contact.topic.money", NULL});
    assert_screen(f, "contact-how");
    /* Next stays disabled until a way is chosen. */
    dl *d = lay_out(f);
    assert_false(must_find(d, "contact.next")->enabled);
    dl_destroy(d);
    tap(f, "contact.how.visit");
    assert_int_equal(f->st.contact.interpreter, -1); /* German UI: no interpreter preselected */
    tap(f, "contact.next");
    assert_screen(f, "contact-details");
    assert_false(f->st.contact.typing_phone);
    /* The name starts with a capital, then lower case. */
    type_keys(f, (const char *const[]){"key.A", "key.m", "key.i", "key.r", "key.a", NULL});
    assert_string_equal(f->st.contact.name, "Amira");
    tap(f, "contact.next"); /* no number needed for a visit */
    assert_screen(f, "contact-consent");
    char *consent = text_of(f, "consent.text");
    assert_non_null(strstr(consent, "Frau Beispiel"));
    assert_non_null(strstr(consent, "60 days"));
    assert_non_null(strstr(consent, "8a SGB VIII"));
    free(consent);
    tap(f, "contact.next"); /* "Yes, send" */
    ui_effect fx = ui_take_effect(&f->st);
    assert_int_equal(fx.kind, UI_FX_SUBMIT);
    assert_int_equal(ui_take_effect(&f->st).kind, UI_FX_NONE);
    request r;
    ui_contact_request(&f->st, &f->ctx, &r);
    assert_string_equal(r.topic, "money");
    assert_string_equal(r.channel, "visit");
    assert_string_equal(r.interpreter_lang, "");
    assert_string_equal(r.name, "Amira");
    assert_string_equal(r.phone, "");
    /* Still on the consent screen until the app reports the COMMIT. */
    assert_screen(f, "contact-consent");
    ui_submit_done(&f->st, SUBMIT_SAVED, "482 913");
    assert_screen(f, "contact-done");
    char *code = text_of(f, "done.code");
    assert_string_equal(code, "482 913");
    free(code);
    assert_true(all_zero(f->st.contact.name, sizeof(f->st.contact.name)));
    tap(f, "done.ok");
    assert_screen(f, "home");
    assert_true(all_zero(f->st.contact.ticket, sizeof(f->st.contact.ticket)));
}

static void test_contact_phone_checked(void **state)
{
    fixture *f = *state;
    ui_set_lang(&f->st, &f->ctx, "en", f->mono);
    type_keys(f, (const char *const[]){"start", "menu.contact", "contact.topic.other",
                                       "contact.how.phone", NULL});
    assert_int_equal(f->st.contact.interpreter, LANG_EN); /* preselected: the UI language */
    tap(f, "contact.next");
    assert_screen(f, "contact-details");
    assert_true(f->st.contact.typing_phone); /* a call needs the number: the pad is shown */
    assert_true(has(f, "key.0"));
    assert_false(has(f, "key.q"));
    tap(f, "contact.next");
    assert_screen(f, "contact-details");
    assert_int_equal(f->st.contact.hint, HINT_PHONE_NEEDED);
    assert_true(has(f, "contact.hint"));
    type_keys(f, (const char *const[]){"key.1", "key.2", "key.3", "key.4", "key.5", "key.6", NULL});
    tap(f, "contact.next");
    assert_int_equal(f->st.contact.hint, HINT_PHONE_INVALID);
    char *hint = text_of(f, "contact.hint");
    assert_non_null(strstr(hint, "area code"));
    free(hint);
    /* Typing again clears the hint; a real number passes. */
    for (int i = 0; i < 6; i++)
        tap(f, "key.delete");
    assert_string_equal(f->st.contact.phone, "");
    type_keys(f, (const char *const[]){"key.+", "key.4", "key.9", "key.1", "key.5", "key.1",
                                       "key.2", "key.3", "key.4", "key.5", "key.6", "key.7", NULL});
    assert_int_equal(f->st.contact.hint, HINT_NONE);
    tap(f, "contact.next");
    assert_screen(f, "contact-consent");
    request r;
    ui_contact_request(&f->st, &f->ctx, &r);
    assert_string_equal(r.topic, "other");
    assert_string_equal(r.channel, "phone");
    assert_string_equal(r.interpreter_lang, "en");
    assert_string_equal(r.phone, "+49151234567");
}

static void test_contact_cancel_wipes(void **state)
{
    fixture *f = *state;
    type_keys(f, (const char *const[]){"start", "menu.contact", "contact.topic.health",
                                       "contact.how.sms", "contact.next", "contact.name.box",
                                       "key.J", "key.o", "contact.phone.box", "key.0", NULL});
    assert_string_equal(f->st.contact.name, "Jo");
    assert_string_equal(f->st.contact.phone, "0");
    /* Back keeps what was typed (she may correct step 2); Cancel wipes everything. */
    tap(f, "nav.back");
    assert_screen(f, "contact-how");
    assert_string_equal(f->st.contact.name, "Jo");
    tap(f, "contact.cancel");
    assert_screen(f, "menu");
    assert_true(all_zero(f->st.contact.name, sizeof(f->st.contact.name)));
    assert_true(all_zero(f->st.contact.phone, sizeof(f->st.contact.phone)));
    assert_int_equal(f->st.contact.topic, -1);
    /* Leaving by Start wipes too; the emergency page in between does not. */
    type_keys(f, (const char *const[]){"menu.contact", "contact.topic.health", "contact.how.visit",
                                       "contact.next", "key.J", "emergency", NULL});
    assert_screen(f, "emergency");
    tap(f, "nav.back");
    assert_screen(f, "contact-details");
    assert_string_equal(f->st.contact.name, "J");
    tap(f, "nav.home");
    assert_true(all_zero(f->st.contact.name, sizeof(f->st.contact.name)));
}

static void test_contact_idle_forgets_confirmation(void **state)
{
    fixture *f = *state;
    type_keys(f, (const char *const[]){"start", "menu.contact", "contact.topic.money",
                                       "contact.how.visit", "contact.next", "key.A", NULL});
    /* The idle timeout in the middle of typing wipes the name. */
    f->mono += TIMEOUT;
    tick(f);
    assert_screen(f, "home");
    assert_true(all_zero(&f->st.contact.name, sizeof(f->st.contact.name)));
    /* And after a confirmation, nothing brings it back. */
    type_keys(f, (const char *const[]){"start", "menu.contact", "contact.topic.money",
                                       "contact.how.visit", "contact.next", "contact.next",
                                       "contact.next", NULL});
    ui_take_effect(&f->st);
    ui_submit_done(&f->st, SUBMIT_SAVED, "111 222");
    assert_screen(f, "contact-done");
    f->mono += TIMEOUT;
    tick(f);
    assert_screen(f, "home");
    assert_true(all_zero(f->st.contact.ticket, sizeof(f->st.contact.ticket)));
    assert_false(back_key(f));
    assert_screen(f, "home");
}

static void test_contact_refused_and_failed(void **state)
{
    fixture *f = *state;
    static const ui_submit_result results[] = {SUBMIT_FLOOD, SUBMIT_FAILED};
    const char *words[] = {"Several requests", "could not be saved"};
    for (size_t i = 0; i < 2; i++) {
        ui_reset(&f->st, f->mono);
        type_keys(f, (const char *const[]){"start", "menu.contact", "contact.topic.money",
                                           "contact.how.visit", "contact.next", "key.A",
                                           "contact.next", "contact.next", NULL});
        assert_int_equal(ui_take_effect(&f->st).kind, UI_FX_SUBMIT);
        ui_submit_done(&f->st, results[i], NULL);
        assert_screen(f, "contact-sorry");
        char *t = text_of(f, "sorry.text");
        assert_non_null(strstr(t, words[i]));
        free(t);
        assert_true(all_zero(f->st.contact.name, sizeof(f->st.contact.name)));
        assert_false(has(f, "done.code"));
        tap(f, "sorry.ok");
        assert_screen(f, "home");
    }
}

static void test_contact_off_without_key(void **state)
{
    fixture *f = *state;
    f->ctx.status.contact_ready = false;
    tap(f, "start");
    dl *d = lay_out(f);
    const dl_elem *tile = must_find(d, "menu.contact");
    assert_false(tile->enabled);
    /* The note sits below the greyed-out button, not over its label. */
    const dl_elem *note = must_find(d, "menu.contact.note");
    assert_true(note->y >= tile->y + tile->h);
    dl_destroy(d);
    assert_false(tap_raw(f, "menu.contact"));
    assert_screen(f, "menu");
    /* Even a state forced onto the consent screen cannot send. */
    f->st.screen = SCREEN_CONTACT_CONSENT;
    f->st.contact.topic = TOPIC_MONEY;
    f->st.contact.channel = CHANNEL_VISIT;
    d = lay_out(f);
    assert_false(must_find(d, "contact.next")->enabled);
    dl_destroy(d);
    assert_false(tap_raw(f, "contact.next"));
    assert_int_equal(ui_take_effect(&f->st).kind, UI_FX_NONE);
}

static void test_keyboard_layouts(void **state)
{
    fixture *f = *state;
    type_keys(f, (const char *const[]){"start", "menu.contact", "contact.topic.money",
                                       "contact.how.visit", "contact.next", NULL});
    assert_true(f->st.contact.shift); /* a name starts with a capital */
    tap(f, "key.shift");
    assert_false(f->st.contact.shift);
    type_keys(f, (const char *const[]){"key.ü", "key.shift", "key.Ö", "key.space", NULL});
    assert_string_equal(f->st.contact.name, "üÖ ");
    /* One more space is not added twice. */
    tap(f, "key.space");
    assert_string_equal(f->st.contact.name, "üÖ ");
    /* The next layouts: Latin extras, Cyrillic. */
    tap(f, "key.layout");
    tap(f, "key.layout");
    assert_true(has(f, "key.й"));
    tap(f, "key.й");
    assert_string_equal(f->st.contact.name, "üÖ й");
    /* Delete removes a whole character, never half of one. */
    tap(f, "key.delete");
    assert_string_equal(f->st.contact.name, "üÖ ");
    tap(f, "key.delete");
    tap(f, "key.delete");
    assert_string_equal(f->st.contact.name, "ü");
    /* The name has a limit, with a kind hint instead of silent loss. */
    for (int i = 0; i < 30; i++)
        tap_raw(f, "key.й");
    assert_int_equal(f->st.contact.hint, HINT_NAME_FULL);
    assert_true(has(f, "contact.hint"));
    /* An Arabic UI starts on the Arabic letters, a Ukrainian one would on Cyrillic. */
    ui_reset(&f->st, f->mono);
    ui_set_lang(&f->st, &f->ctx, "ar", f->mono);
    type_keys(f, (const char *const[]){"start", "menu.contact", "contact.topic.money",
                                       "contact.how.visit", "contact.next", NULL});
    assert_true(has(f, "key.ب"));
    assert_false(f->st.contact.shift);
    assert_false(has(f, "key.shift"));
}

static void test_interpreter_choice(void **state)
{
    fixture *f = *state;
    type_keys(f, (const char *const[]){"start", "menu.contact", "contact.topic.money", NULL});
    assert_false(has(f, "contact.interpreter.other"));
    tap(f, "contact.interpreter.yes");
    /* German UI: "yes" asks which language on a second step; German is not offered. */
    assert_screen(f, "contact-language");
    assert_int_equal(f->st.contact.interpreter, -1);
    assert_false(has(f, "contact.language.de"));
    tap(f, "contact.language.ar");
    assert_screen(f, "contact-how");
    assert_int_equal(f->st.contact.interpreter, LANG_AR);
    char *chosen = text_of(f, "contact.interpreter.chosen");
    assert_non_null(strstr(chosen, "العربية"));
    free(chosen);
    /* Another language: the second step again, with the choice shown. */
    tap(f, "contact.interpreter.other");
    assert_screen(f, "contact-language");
    tap(f, "contact.language.en");
    assert_int_equal(f->st.contact.interpreter, LANG_EN);
    tap(f, "contact.interpreter.no");
    assert_int_equal(f->st.contact.interpreter, -1);
    assert_false(has(f, "contact.interpreter.other"));
    /* In an English UI "yes" means English at once. */
    tap(f, "contact.cancel");
    ui_set_lang(&f->st, &f->ctx, "en", f->mono);
    type_keys(f, (const char *const[]){"menu.contact", "contact.topic.money",
                                       "contact.interpreter.yes", NULL});
    assert_screen(f, "contact-how");
    assert_int_equal(f->st.contact.interpreter, LANG_EN);
}

/* ---- staff access ----------------------------------------------------------------------- */

static void test_admin_hidden_entry(void **state)
{
    fixture *f = *state;
    tap_at(f, 10, 10, ADMIN_HOLD_MS - 1);
    assert_screen(f, "home");
    tap_at(f, 700, 150, ADMIN_HOLD_MS);
    assert_screen(f, "home");
    tap_at(f, 10, 10, ADMIN_HOLD_MS);
    assert_screen(f, "admin-pin");
    assert_int_equal(ui_take_effect(&f->st).kind, UI_FX_ADMIN_ENTER);
    /* Only from the start screen. */
    ui_reset(&f->st, f->mono);
    tap(f, "start");
    tap_at(f, 10, 10, ADMIN_HOLD_MS);
    assert_string_not_equal(ui_screen_name(f->st.screen), "admin-pin");
}

static void test_admin_pin_pad(void **state)
{
    fixture *f = *state;
    tap_at(f, 10, 10, ADMIN_HOLD_MS);
    ui_take_effect(&f->st);
    type_keys(f, (const char *const[]){"pin.1", "pin.2", "pin.3", NULL});
    dl *d = lay_out(f);
    assert_false(must_find(d, "pin.ok")->enabled);
    /* Dots, never digits. */
    assert_null(strchr(must_find(d, "pin.dots")->text, '1'));
    dl_destroy(d);
    tap(f, "pin.4");
    tap(f, "pin.ok");
    ui_effect fx = ui_take_effect(&f->st);
    assert_int_equal(fx.kind, UI_FX_CHECK_PIN);
    /* The effect carries the digits; the pad keeps none of them meanwhile. */
    assert_string_equal(fx.pin, "1234");
    assert_true(all_zero(f->st.admin.pin, sizeof(f->st.admin.pin)));
    ui_effect_wipe(&fx);
    ui_pin_done(&f->st, false, 30, f->mono);
    assert_true(all_zero(f->st.admin.pin, sizeof(f->st.admin.pin)));
    assert_screen(f, "admin-pin");
    char *msg = text_of(f, "pin.message");
    assert_non_null(strstr(msg, "1 minute"));
    free(msg);
    d = lay_out(f);
    assert_false(must_find(d, "pin.5")->enabled); /* locked */
    dl_destroy(d);
    f->mono += 30000;
    d = lay_out(f);
    assert_true(must_find(d, "pin.5")->enabled);
    dl_destroy(d);
    type_keys(f, (const char *const[]){"pin.9", "pin.8", "pin.7", "pin.6", "pin.ok", NULL});
    ui_take_effect(&f->st);
    ui_pin_done(&f->st, true, 0, f->mono);
    assert_screen(f, "admin");
    char *q = text_of(f, "admin.queue");
    assert_non_null(strstr(q, "2 requests"));
    free(q);
    /* Admin mode ends at the idle timeout. */
    f->mono += TIMEOUT;
    tick(f);
    assert_screen(f, "home");
    assert_true(all_zero(&f->st.admin, sizeof(f->st.admin)));
}

static void test_admin_pin_not_configured(void **state)
{
    fixture *f = *state;
    f->ctx.status.admin_ready = false;
    tap_at(f, 10, 10, ADMIN_HOLD_MS);
    ui_take_effect(&f->st);
    assert_screen(f, "admin-pin");
    assert_true(has(f, "pin.off"));
    assert_false(has(f, "pin.1"));
}

static void test_admin_export_and_hours(void **state)
{
    fixture *f = *state;
    f->st.screen = SCREEN_ADMIN; /* as after the right PIN */
    f->st.admin.entered = f->st.admin.unlocked = true;
    tap(f, "admin.export");
    assert_int_equal(ui_take_effect(&f->st).kind, UI_FX_EXPORT);
    ui_admin_done(&f->st, ADMIN_MSG_FULL, 0, NULL);
    char *m = text_of(f, "admin.message");
    assert_non_null(strstr(m, "full"));
    free(m);
    tap(f, "admin.hours");
    assert_screen(f, "admin-hours");
    /* Tuesday 24 March 10:00: today's 9-12 hour is the first in the list. */
    occurrence occ[ADMIN_OCCURRENCES];
    size_t n = ui_admin_occurrences(&f->ctx, f->now, occ, ADMIN_OCCURRENCES);
    assert_true(n >= 2);
    assert_int_equal(occ[0].start_min, HM(9, 0));
    tap(f, "hours.1.action");
    ui_effect fx = ui_take_effect(&f->st);
    assert_int_equal(fx.kind, UI_FX_HOUR_CANCEL);
    /* The effect names the hour itself, as listed when the tap was laid out. */
    assert_int_equal(fx.hour.worker, occ[1].worker);
    assert_int_equal(fx.hour.kita, occ[1].kita);
    assert_true(fx.hour.start_utc == occ[1].start_utc);
    /* The extra-hour form: tomorrow 14:00-16:00, stepping by half hours. */
    occurrence o;
    assert_true(ui_admin_new_hour(&f->st, &f->ctx, f->now, &o));
    assert_int_equal(o.date.day, 25);
    type_keys(f, (const char *const[]){"extra.start.up", "extra.start.up", "extra.start.up",
                                       "extra.start.up", NULL});
    assert_int_equal(f->st.admin.start_min, HM(16, 0));
    assert_int_equal(f->st.admin.end_min, HM(16, 30)); /* pushed along */
    type_keys(f, (const char *const[]){"extra.day.down", "extra.day.down", NULL});
    assert_int_equal(f->st.admin.day, 0);
    assert_true(ui_admin_new_hour(&f->st, &f->ctx, f->now, &o)); /* today 16:00 is ahead */
    tap(f, "extra.add");
    assert_int_equal(ui_take_effect(&f->st).kind, UI_FX_HOUR_ADD);
    /* Back leads to the admin screen, then out of admin mode. */
    tap(f, "nav.back");
    assert_screen(f, "admin");
    tap(f, "admin.leave");
    assert_screen(f, "home");
}

/* ---- take it home ------------------------------------------------------------------------ */

static const dl_elem *qr_elem(const dl *d)
{
    for (size_t i = 0; i < d->n_elems; i++)
        if (d->elems[i].role == ROLE_QR)
            return &d->elems[i];
    return NULL;
}

static void test_qr_service_and_back(void **state)
{
    fixture *f = *state;
    type_keys(f, (const char *const[]){"start", "menu.help", "topic.money", "service.money1",
                                       "service.qr", NULL});
    assert_screen(f, "qr");
    dl *d = lay_out(f);
    const dl_elem *q = qr_elem(d);
    assert_non_null(q);
    assert_string_equal(q->payload, "tel:012398765"); /* the first code: the phone number */
    assert_true(q->w >= 200 && q->w == q->h);
    dl_destroy(d);
    tap(f, "qr.card.choose");
    d = lay_out(f);
    assert_true(strncmp(qr_elem(d)->payload, "BEGIN:VCARD\r\n", 13) == 0);
    assert_non_null(strstr(qr_elem(d)->payload, "FN:Geldberatung 1\r\n"));
    dl_destroy(d);
    tap(f, "nav.back");
    assert_screen(f, "service");
}

static void test_qr_take_home_forgets(void **state)
{
    fixture *f = *state;
    type_keys(f, (const char *const[]){"start", "menu.help", "topic.money", "service.money1",
                                       "nav.back", "service.money3", "nav.home", "start",
                                       "menu.takehome", NULL});
    assert_screen(f, "qr");
    /* The hour, the emergency numbers, then the services seen, newest first. */
    assert_true(has(f, "qr.hour.choose"));
    assert_true(has(f, "qr.emergency.choose"));
    assert_true(has(f, "qr.service.money3.choose"));
    assert_true(has(f, "qr.service.money1.choose"));
    tap(f, "qr.emergency.choose");
    dl *d = lay_out(f);
    assert_non_null(strstr(qr_elem(d)->payload, "FN:Emergency numbers\r\n"));
    assert_non_null(strstr(qr_elem(d)->payload, "TEL;TYPE=WORK,VOICE:110\r\n"));
    assert_non_null(strstr(qr_elem(d)->payload, "TEL;TYPE=VOICE:116016\r\n"));
    assert_non_null(strstr(qr_elem(d)->payload, "112: Fire brigade and ambulance\\n"));
    dl_destroy(d);
    /* Walking away forgets what she looked at. */
    f->mono += TIMEOUT;
    tick(f);
    type_keys(f, (const char *const[]){"start", "menu.takehome", NULL});
    assert_false(has(f, "qr.service.money1.choose"));
    assert_false(has(f, "qr.service.money3.choose"));
}

static void test_qr_ticket_keeps_code(void **state)
{
    fixture *f = *state;
    type_keys(f, (const char *const[]){"start", "menu.contact", "contact.topic.money",
                                       "contact.how.visit", "contact.next", "contact.next",
                                       "contact.next", NULL});
    ui_take_effect(&f->st);
    ui_submit_done(&f->st, SUBMIT_SAVED, "482 913");
    tap(f, "done.qr");
    assert_screen(f, "qr");
    dl *d = lay_out(f);
    assert_non_null(strstr(qr_elem(d)->payload, "482 913"));
    assert_non_null(strstr(qr_elem(d)->payload, "BEGIN:VEVENT"));
    dl_destroy(d);
    tap(f, "nav.back");
    assert_screen(f, "contact-done");
    char *code = text_of(f, "done.code");
    assert_string_equal(code, "482 913");
    free(code);
}

/* ---- the screen table and what follows from it ---------------------------------------- */

/* Over the whole table: names unique and found again, parents end at home, staff screens
 * are in the staff area and have a precondition, private rules as documented. */
static void test_screen_table_properties(void **state)
{
    (void)state;
    for (int s = 0; s < SCREEN_COUNT; s++) {
        const char *name = ui_screen_name((ui_screen)s);
        assert_non_null(name);
        assert_int_equal(ui_screen_find(name), s);
        for (int o = 0; o < s; o++)
            assert_string_not_equal(ui_screen_name((ui_screen)o), name);
        /* The parent chain reaches home without a cycle. */
        ui_screen p = (ui_screen)s;
        int steps = 0;
        while (p != SCREEN_HOME && steps++ <= SCREEN_COUNT)
            p = ui_screens[p].parent;
        assert_int_equal(p, SCREEN_HOME);
        const ui_screen_def *d = &ui_screens[s];
        assert_non_null(d->layout);
        assert_non_null(d->reading);
        assert_non_null(d->reading[0]);
        if (d->flags & SCR_STAFF) {
            assert_true(d->flags & SCR_STAFF_AREA);
            assert_non_null(d->ready);
            assert_null(d->stat); /* staff screens are never counted */
        }
    }
    /* What typed data or a code shows is private. */
    assert_true(ui_is_private_screen(SCREEN_CONTACT_DETAILS));
    assert_true(ui_is_private_screen(SCREEN_CONTACT_CONSENT));
    assert_true(ui_is_private_screen(SCREEN_CONTACT_DONE));
    assert_true(ui_is_private_screen(SCREEN_QR)); /* the ticket's code */
    assert_true(ui_is_private_screen(SCREEN_ADMIN_PIN));
    assert_false(ui_is_private_screen(SCREEN_HOME));
    assert_false(ui_is_private_screen(SCREEN_EMERGENCY));
    assert_true(ui_is_staff_screen(SCREEN_ADMIN));
    assert_true(ui_is_staff_screen(SCREEN_ADMIN_HOURS));
    assert_false(ui_is_staff_screen(SCREEN_ADMIN_PIN));
    assert_int_equal(ui_screen_find("no-such-screen"), SCREEN_COUNT);
}

/* Into the staff screen with the right PIN (as the app answers it). */
static void staff_in(fixture *f)
{
    ui_reset(&f->st, f->mono);
    tap_at(f, 10, 10, ADMIN_HOLD_MS);
    ui_take_effect(&f->st);
    type_keys(f, (const char *const[]){"pin.1", "pin.2", "pin.3", "pin.4", "pin.ok", NULL});
    ui_effect fx = ui_take_effect(&f->st);
    assert_int_equal(fx.kind, UI_FX_CHECK_PIN);
    ui_effect_wipe(&fx);
    ui_pin_done(&f->st, true, 0, f->mono);
    assert_screen(f, "admin");
    assert_true(ui_staff_unlocked(&f->st));
}

/* Defect: PIN, staff screen, emergency strip, Back - the staff screen came back for
 * whoever stood there next. Leaving the staff area by any path ends the session, and
 * Back never returns into it. */
static void test_staff_session_ends_on_every_way_out(void **state)
{
    fixture *f = *state;
    /* The emergency strip, then Back (the button, and the hardware key). */
    staff_in(f);
    tap(f, "emergency");
    assert_screen(f, "emergency");
    assert_false(ui_staff_unlocked(&f->st));
    tap(f, "nav.back");
    assert_screen(f, "home");
    staff_in(f);
    tap(f, "emergency");
    back_key(f);
    assert_screen(f, "home");
    /* From the hours editor: emergency, Back, Back. */
    staff_in(f);
    tap(f, "admin.hours");
    assert_screen(f, "admin-hours");
    tap(f, "emergency");
    back_key(f);
    assert_screen(f, "home");
    back_key(f);
    assert_screen(f, "home");
    /* Start, then Back. */
    staff_in(f);
    tap(f, "nav.home");
    assert_false(ui_staff_unlocked(&f->st));
    assert_false(back_key(f));
    assert_screen(f, "home");
    /* A language changes the words, not where she is; the hidden hold then starts anew. */
    staff_in(f);
    assert_true(ui_set_lang(&f->st, &f->ctx, "en", f->mono));
    assert_screen(f, "admin");
    tap(f, "admin.leave");
    assert_false(ui_staff_unlocked(&f->st));
    assert_false(back_key(f));
    assert_screen(f, "home");
    /* The idle timeout. */
    staff_in(f);
    f->mono += TIMEOUT;
    tick(f);
    assert_screen(f, "home");
    assert_false(ui_staff_unlocked(&f->st));
    /* Within the staff area the session goes on: hours editor and Back. */
    staff_in(f);
    tap(f, "admin.hours");
    tap(f, "nav.back");
    assert_screen(f, "admin");
    assert_true(ui_staff_unlocked(&f->st));
    /* An answer to a PIN check that comes after the pad was left opens nothing. */
    ui_reset(&f->st, f->mono);
    tap_at(f, 10, 10, ADMIN_HOLD_MS);
    ui_take_effect(&f->st);
    tap(f, "nav.home");
    ui_pin_done(&f->st, true, 0, f->mono);
    assert_screen(f, "home");
    assert_false(ui_staff_unlocked(&f->st));
}

/* Staff taps are taken only on the staff screens: an admin action found on no screen a
 * parent sees does nothing from the start screen. */
static void test_staff_actions_only_on_staff_screens(void **state)
{
    fixture *f = *state;
    static const int acts[] = {ACT_ADMIN_EXPORT, ACT_ADMIN_HOURS, ACT_HOUR_CANCEL, ACT_HOUR_ADD,
                               ACT_PIN_OK};
    for (size_t i = 0; i < ARRAY_LEN(acts); i++) {
        dl *d = lay_out(f);
        dl_elem *e = dl_push(d, ROLE_BUTTON, "fake", "fake");
        e->x = 0;
        e->y = 0;
        e->w = 1280;
        e->h = 800;
        e->enabled = true;
        e->action = (dl_action){acts[i], 0};
        ui_event ev = {UI_EV_TAP, 640, 400, 0};
        /* dl_hit takes the topmost element: the fake one, pushed last. */
        ui_update(&f->st, &f->ctx, d, &ev, f->mono);
        dl_destroy(d);
        assert_screen(f, "home");
        assert_int_equal(ui_take_effect(&f->st).kind, UI_FX_NONE);
    }
}

/* Defect: at rest the idle timeout restarted the greeting's round at German every 90 s,
 * so with 18 languages and 8 s a language, six were never greeted. */
static void test_greeting_goes_round_at_rest(void **state)
{
    fixture *f = *state;
    f->ctx.config.greeting_ms = 8000;
    size_t seen[3] = {0};
    /* 40 minutes at rest, every deadline delivered as the kiosk's loop does. */
    int64_t end = f->mono + 40 * 60000;
    while (f->mono < end) {
        int64_t due = ui_next_deadline(&f->st, &f->ctx, f->mono);
        assert_true(due > 0 && due <= 8000);
        f->mono += due;
        tick(f);
        assert_true(ui_at_rest(&f->st));
        /* The language shown follows the time at rest, never restarting. */
        int64_t rest = f->mono - 1000000;
        size_t lang = (size_t)((rest / 8000) % 3);
        seen[lang]++;
    }
    /* The round runs from the moment the kiosk came to rest: nothing re-anchored it. */
    assert_int_equal(f->st.last_input_ms, 1000000);
    for (int i = 0; i < 3; i++)
        assert_true(seen[i] > 90);
}

/* A parent who looked at services and went back to the start screen herself: the idle
 * timeout still forgets what she looked at, without restarting the greeting's round. */
static void test_rest_forgets_the_visit(void **state)
{
    fixture *f = *state;
    f->ctx.config.greeting_ms = 8000;
    type_keys(f, (const char *const[]){"start", "menu.help", "topic.money", "service.money1",
                                       "nav.home", NULL});
    assert_true(ui_at_rest(&f->st));
    assert_int_not_equal(f->st.seen[0], 0);
    int64_t came_to_rest = f->st.last_input_ms;
    int64_t end = f->mono + TIMEOUT + 30000;
    while (f->mono < end) {
        int64_t due = ui_next_deadline(&f->st, &f->ctx, f->mono);
        assert_true(due >= 0 && due <= 8000);
        f->mono += due ? due : 1;
        tick(f);
    }
    assert_int_equal(f->st.seen[0], 0);
    assert_int_equal(f->st.service, -1);
    assert_true(f->st.last_input_ms == came_to_rest);
    /* Then nothing is left to time out: only the greeting's next language is due. */
    assert_true(ui_next_deadline(&f->st, &f->ctx, f->mono) <= 8000);
    f->ctx.config.greeting_ms = 0;
    assert_int_equal(ui_next_deadline(&f->st, &f->ctx, f->mono), -1);
}

/* Defect: "cancel this hour" carried an index into a list computed at the previous
 * frame's time; when an hour ended in between, another hour was cancelled. The effect
 * now names the hour of the row tapped, as laid out. */
static void test_hour_cancel_names_the_hour_tapped(void **state)
{
    fixture *f = *state;
    staff_in(f);
    tap(f, "admin.hours");
    /* 11:59: today's 9-12 hour is row 0, next Monday's at the other Kita is not here;
     * row 1 is next Tuesday's 9-12. */
    f->now = berlin_to_utc((civil_date){2026, 3, 24}, HM(11, 59), 0);
    dl *shown = lay_out(f);
    occurrence then[ADMIN_OCCURRENCES];
    size_t n = ui_admin_occurrences(&f->ctx, f->now, then, ADMIN_OCCURRENCES);
    assert_true(n >= 2);
    /* The tap arrives after 12:00, when the list would start one later. */
    f->now = berlin_to_utc((civil_date){2026, 3, 24}, HM(12, 1), 0);
    occurrence later[ADMIN_OCCURRENCES];
    ui_admin_occurrences(&f->ctx, f->now, later, ADMIN_OCCURRENCES);
    assert_true(later[0].start_utc == then[1].start_utc);
    ui_event ev = tap_event(must_find(shown, "hours.1.action"));
    assert_true(ui_update(&f->st, &f->ctx, shown, &ev, f->mono));
    dl_destroy(shown);
    ui_effect fx = ui_take_effect(&f->st);
    assert_int_equal(fx.kind, UI_FX_HOUR_CANCEL);
    assert_true(fx.hour.start_utc == then[1].start_utc);
    assert_int_equal(fx.hour.date.day, then[1].date.day);
    assert_int_equal(fx.hour.worker, then[1].worker);
}

/* The staff's changes are an overlay: the site stays as loaded. */
static void test_hours_overlay_leaves_site(void **state)
{
    fixture *f = *state;
    occurrence occ[ADMIN_OCCURRENCES];
    size_t n = ui_admin_occurrences(&f->ctx, f->now, occ, ADMIN_OCCURRENCES);
    assert_true(n >= 1);
    hours_overlay ov;
    hours_overlay_init(&ov);
    site_exception e = {.kind = EXC_CANCELLED,
                        .kita = occ[0].kita,
                        .from = occ[0].date,
                        .to = occ[0].date,
                        .start_min = occ[0].start_min,
                        .end_min = occ[0].end_min,
                        .admin_id = 7};
    assert_true(hours_overlay_add(&ov, &f->s, occ[0].worker, &e));
    f->ctx.hours = &ov;
    occurrence with[ADMIN_OCCURRENCES];
    ui_admin_occurrences(&f->ctx, f->now, with, ADMIN_OCCURRENCES);
    assert_true(with[0].cancelled);
    assert_int_equal(with[0].admin_id, 7);
    assert_int_equal(f->worker.n_exceptions, 0); /* the site is untouched */
    assert_true(hours_overlay_remove(&ov, 7));
    ui_admin_occurrences(&f->ctx, f->now, with, ADMIN_OCCURRENCES);
    assert_false(with[0].cancelled);
    f->ctx.hours = NULL;
    hours_overlay_finish(&ov);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_navigation_chain),
        T(test_home_button),
        T(test_back_key),
        T(test_emergency_and_back),
        T(test_emergency_back_keeps_page),
        T(test_service_back_keeps_page),
        T(test_language),
        T(test_idle_warning),
        T(test_idle_countdown_and_reset),
        T(test_idle_reset_without_warning_tick),
        T(test_next_deadline),
        T(test_paging),
        T(test_inside_screen_unique_ids),
        T(test_rtl_mirrors),
        T(test_layout_stable),
        T(test_check_fit_short_texts),
        T(test_check_fit_long_description),
        T(test_check_fit_long_name),
        T(test_out_of_order),
        T(test_contact_visit_journey),
        T(test_contact_phone_checked),
        T(test_contact_cancel_wipes),
        T(test_contact_idle_forgets_confirmation),
        T(test_contact_refused_and_failed),
        T(test_contact_off_without_key),
        T(test_keyboard_layouts),
        T(test_interpreter_choice),
        T(test_admin_hidden_entry),
        T(test_admin_pin_pad),
        T(test_admin_pin_not_configured),
        T(test_admin_export_and_hours),
        T(test_qr_service_and_back),
        T(test_qr_take_home_forgets),
        T(test_qr_ticket_keeps_code),
        T(test_screen_table_properties),
        T(test_staff_session_ends_on_every_way_out),
        T(test_staff_actions_only_on_staff_screens),
        T(test_greeting_goes_round_at_rest),
        T(test_hour_cancel_names_the_hour_tapped),
        T(test_rest_forgets_the_visit),
        T(test_hours_overlay_leaves_site),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
