/* ui.h - the kiosk's screens, navigation and idle timeout: a pure state machine.
 *
 *   event (tap x,y / key / tick) --ui_update--> new state
 *   state --ui_layout--> display list (dl.h)
 *
 * Time is an input: every call gets now_utc (wall clock, for the schedule) and
 * mono_ms (a monotonic clock, for timeouts; immune to clock jumps). */
#ifndef LOTSE_UI_H
#define LOTSE_UI_H

#include <stdbool.h>
#include <stdint.h>

#include "dl.h"
#include "i18n.h"
#include "site.h"
#include "text.h"

typedef enum ui_screen {
    SCREEN_HOME,
    SCREEN_MENU,
    SCREEN_HOURS,
    SCREEN_TOPICS,
    SCREEN_TOPIC,
    SCREEN_SERVICE,
    SCREEN_EMERGENCY,
    SCREEN_CONTACT,
    SCREEN_OUT_OF_ORDER,
    SCREEN_COUNT
} ui_screen;

const char *ui_screen_name(ui_screen s);

typedef struct ui_config {
    int width, height;   /* screen size in pixels */
    int idle_timeout_ms; /* back home after this long without a touch (90 s) */
    int idle_warning_ms; /* "Are you still there?" this long before (10 s) */
} ui_config;

/* Everything the UI reads but does not own. site may be NULL (out of order). */
typedef struct ui_ctx {
    const site *site;
    const i18n *i18n;
    const text_measure *measure;
    ui_config config;
} ui_ctx;

typedef struct ui_state {
    ui_screen screen;
    size_t lang;           /* index into the i18n languages; 0 = default */
    int topic;             /* SCREEN_TOPIC / SCREEN_SERVICE */
    int service;           /* SCREEN_SERVICE: index into site.services */
    int page;              /* page of a paged list */
    int topic_page;        /* the topic list page a service was opened from */
    ui_screen back_screen; /* where Back leads from the emergency page */
    int64_t last_input_ms; /* mono time of the last touch */
    bool idle_warning;     /* the "Are you still there?" overlay is shown */
} ui_state;

typedef enum ui_event_kind {
    UI_EV_TAP,  /* a finished touch at x, y */
    UI_EV_TICK, /* time passed; check timeouts */
    UI_EV_BACK, /* hardware/keyboard back (Backspace) */
} ui_event_kind;

typedef struct ui_event {
    ui_event_kind kind;
    int x, y;
} ui_event;

void ui_init(ui_state *st, int64_t mono_ms);
/* Reset to the home screen in the default language; wipes everything a parent chose. */
void ui_reset(ui_state *st, int64_t mono_ms);

/* Apply an event. current is the display list last shown (for hit testing taps); may be
 * NULL for ticks. Returns true when the state changed. */
bool ui_update(ui_state *st, const ui_ctx *ctx, const dl *current, const ui_event *ev,
               int64_t mono_ms);

/* Set the language directly (script `lang CODE`). */
bool ui_set_lang(ui_state *st, const ui_ctx *ctx, const char *code, int64_t mono_ms);

/* Milliseconds from mono_ms until the UI needs a tick (warning or timeout), or -1. */
int64_t ui_next_deadline(const ui_state *st, const ui_ctx *ctx, int64_t mono_ms);

/* Build the display list for the current state. Caller destroys. */
dl *ui_layout(const ui_state *st, const ui_ctx *ctx, int64_t now_utc, int64_t mono_ms);

/* Layout every screen of the site in every language and report each text that does not
 * fit its box to *errors (with the content's file:line when it came from the site).
 * Used by --check-site. Returns the number of problems. */
size_t ui_check_fit(const ui_ctx *ctx, int64_t now_utc, site_errors *errors);

#endif
