/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* ui.h - the kiosk's screens, navigation and idle timeout: a pure state machine.
 *
 *   event (tap x,y / key / tick) --ui_update--> new state (+ at most one effect)
 *   state --ui_layout--> display list (dl.h)
 *   effect (seal a request, check the PIN, export, change an hour) --the app--> ui_*_done
 *
 * Every screen is one row of a table (ui_screens.h, internal): its name, layout, action
 * handler, precondition, parent for Back, flags (private, staff, ...), reading order and
 * statistics key. The state is opaque: the program reads it only through the functions
 * here; tests may include ui_state.h.
 *
 * Time is an input: every call gets now_utc (wall clock, for the schedule) and mono_ms (a
 * monotonic clock, for timeouts; immune to clock jumps). */
#ifndef LOTSE_UI_H
#define LOTSE_UI_H

#include <stdbool.h>
#include <stdint.h>

#include "content/i18n.h"
#include "content/site.h"
#include "request/request.h"
#include "time/hours_overlay.h"
#include "time/schedule.h"
#include "ui/dl.h"
#include "ui/text.h"

typedef enum ui_screen {
    SCREEN_HOME,
    SCREEN_MENU,
    SCREEN_HOURS,
    SCREEN_TOPICS,
    SCREEN_TOPIC,
    SCREEN_SERVICE,
    SCREEN_EMERGENCY,
    SCREEN_CONTACT,          /* contact request step 1: what about */
    SCREEN_CONTACT_HOW,      /* step 2: visit, phone call or text; interpreter or not */
    SCREEN_CONTACT_LANGUAGE, /* step 2b: which language the interpreter speaks */
    SCREEN_CONTACT_DETAILS,  /* step 3: optional name and phone number (on-screen keys) */
    SCREEN_CONTACT_CONSENT,  /* step 4: who reads it, what happens, limits; "Yes, send" */
    SCREEN_CONTACT_DONE,     /* step 5: the ticket code and the next consultation hour */
    SCREEN_CONTACT_SORRY,    /* not saved (too many requests, or a fault): ask the staff */
    SCREEN_ADMIN_PIN,        /* the hidden staff entry's PIN pad */
    SCREEN_ADMIN,            /* site visit: queue, export, consultation hours */
    SCREEN_ADMIN_HOURS,      /* cancel or add a consultation hour */
    SCREEN_QR,               /* take it home: one big QR code at a time, chosen on the left */
    SCREEN_OUT_OF_ORDER,
    SCREEN_COUNT
} ui_screen;

/* The screen's name ("home", "contact-how", ...): what --dump-ui, the display list and
 * the script's expect-screen use. */
const char *ui_screen_name(ui_screen s);
/* The screen with this name, or SCREEN_COUNT. */
ui_screen ui_screen_find(const char *name);
/* May show what a parent typed, her ticket code, or the staff PIN pad: leaving it for a
 * screen that is not private must empty every cache that could hold those texts. */
bool ui_is_private_screen(ui_screen s);
/* Shown only after the right PIN in this staff session (the site-visit screens). */
bool ui_is_staff_screen(ui_screen s);
/* The statistics key of a screen (what showing it counts), or NULL: staff and private
 * screens count nothing. */
const char *ui_screen_stat(ui_screen s);
/* The element ids (or id prefixes ending in '.') of a screen in reading order, ending
 * with NULL; read-aloud reads them in this order. */
const char *const *ui_screen_reading(ui_screen s);

typedef struct ui_config {
    int width, height;   /* screen size in pixels */
    int idle_timeout_ms; /* back home after this long without a touch (90 s) */
    int idle_warning_ms; /* "Are you still there?" this long before (10 s) */
    int greeting_ms;     /* at rest, the greeting shows the next language this often
                            (0 = always in the default language) */
} ui_config;

/* What the kiosk around the core knows and the screens show (kept current by the app). */
typedef struct ui_status {
    bool contact_ready;      /* a worker key is configured: requests can be sealed */
    bool admin_ready;        /* an admin PIN hash is configured */
    size_t queue_count;      /* sealed requests waiting for the social worker */
    char queue_oldest[11];   /* YYYY-MM-DD of the oldest one, "" if none */
    int retention_days;      /* requests not collected are deleted after this many days */
    const char *store_aside; /* a damaged database was moved aside to this file at start,
                                or NULL; owned by the app */
    uint64_t voice_langs;    /* read-aloud: bit i set = language i of the catalogs can be
                                read aloud (a live voice or recordings) and the audio device
                                works. No bit: no read-aloud button in that language. */
} ui_status;

/* Everything the UI reads but does not own. site may be NULL (out of order). hours are
 * the staff's changes to the consultation hours (an overlay on the immutable site; may be
 * NULL). */
typedef struct ui_ctx {
    const site *site;
    const hours_overlay *hours;
    const i18n *i18n;
    const text_measure *measure;
    ui_config config;
    ui_status status;
} ui_ctx;

/* How the parent wants to be reached. */
typedef enum contact_channel {
    CHANNEL_NONE,
    CHANNEL_VISIT, /* talk at the next consultation hour here */
    CHANNEL_PHONE, /* a phone call */
    CHANNEL_SMS,   /* a text message */
} contact_channel;

/* Messages on the staff screens after an effect. */
typedef enum admin_message {
    ADMIN_MSG_NONE,
    ADMIN_MSG_EXPORTED,      /* msg_count requests written to msg_text (file name) */
    ADMIN_MSG_NOTHING,       /* the queue is empty: nothing to export */
    ADMIN_MSG_NO_STICK,      /* the export directory is missing */
    ADMIN_MSG_READ_ONLY,     /* the stick is write-protected */
    ADMIN_MSG_FULL,          /* the stick is full */
    ADMIN_MSG_EXPORT_FAILED, /* another error, or the read-back check failed */
    ADMIN_MSG_SAVED,         /* a consultation-hour change was saved */
    ADMIN_MSG_SAVE_FAILED,   /* ... could not be saved */
    ADMIN_MSG_HOUR_GONE,     /* the hour tapped is over or no longer listed: nothing changed */
} admin_message;

/* Work ui_update asks the app to do (storing, checking, exporting); the core itself never
 * touches files, keys or the clock. An effect carries all its data: the app needs nothing
 * from the state to perform it, and reports back with the matching ui_*_done function. */
typedef enum ui_effect_kind {
    UI_FX_NONE,
    UI_FX_SUBMIT,       /* seal and queue `request`; ui_submit_done */
    UI_FX_CHECK_PIN,    /* verify `pin`; ui_pin_done */
    UI_FX_ADMIN_ENTER,  /* the hidden entry was used: report the lock state (ui_pin_locked) */
    UI_FX_EXPORT,       /* export the queue; ui_admin_done */
    UI_FX_HOUR_CANCEL,  /* cancel `hour` (worker, Kita, date and times); ui_admin_done */
    UI_FX_HOUR_RESTORE, /* undo the staff change `hour.admin_id`; ui_admin_done */
    UI_FX_HOUR_ADD,     /* add `hour` as an extra hour; ui_admin_done */
} ui_effect_kind;

typedef struct ui_effect {
    ui_effect_kind kind;
    request request; /* UI_FX_SUBMIT: what she chose and typed (the app adds ticket, day) */
    char pin[9];     /* UI_FX_CHECK_PIN: the digits typed */
    occurrence hour; /* UI_FX_HOUR_*: the hour as the staff saw it on the screen */
} ui_effect;

/* Wipe an effect after performing it (it may hold a name, a phone number or a PIN). */
void ui_effect_wipe(ui_effect *e);

typedef enum ui_event_kind {
    UI_EV_TAP,  /* a finished touch at x, y, held for hold_ms */
    UI_EV_TICK, /* time passed; check timeouts */
    UI_EV_BACK, /* hardware/keyboard back (Backspace) */
} ui_event_kind;

typedef struct ui_event {
    ui_event_kind kind;
    int x, y;
    int hold_ms; /* UI_EV_TAP: how long the finger stayed down */
} ui_event;

/* The hidden admin entry: a touch held this long in the top-left corner of the start
 * screen (ADMIN_CORNER design pixels square). */
#define ADMIN_HOLD_MS 5000
#define ADMIN_CORNER 120

typedef struct ui_state ui_state;

/* A new state on the home screen in the default language; NULL only if out of memory
 * (the allocation aborts then, see util.h). Caller destroys; ui_destroy wipes it. */
ui_state *ui_create(int64_t mono_ms);
void ui_destroy(ui_state *st);
/* Reset to the home screen in the default language; wipes everything a parent chose. */
void ui_reset(ui_state *st, int64_t mono_ms);

/* What the program may know of the state. */
ui_screen ui_current_screen(const ui_state *st);
size_t ui_current_lang(const ui_state *st);
/* Nobody is using the kiosk: the start screen in the default language, no question open.
 * At rest there is nothing to time out, and the greeting goes round the languages. */
bool ui_at_rest(const ui_state *st);
/* The right PIN was entered in this staff session (which ends when the staff area is
 * left by any path). */
bool ui_staff_unlocked(const ui_state *st);

/* Read-aloud. The parent asked for reading (the `speak` button) and has not stopped it:
 * every screen she opens is read, until she taps stop or the session ends (idle timeout,
 * reset). Never true at rest. */
bool ui_reading(const ui_state *st);
/* Changes whenever a reading should start afresh: a tap on `speak`, or a new screen (or
 * language) while reading. The app compares it with the last value it saw: a change means
 * "stop what is being said and say the current display list's speech"; !ui_reading means
 * "be silent". A new layout of the same screen (a clock tick) does not change it. */
uint32_t ui_reading_serial(const ui_state *st);

/* Apply an event. current is the display list last shown (for hit testing taps, and the
 * time it was laid out at); may be NULL for ticks. Returns true when the state changed. */
bool ui_update(ui_state *st, const ui_ctx *ctx, const dl *current, const ui_event *ev,
               int64_t mono_ms);

/* The pending effect (kind UI_FX_NONE if none); clears it in the state. The caller wipes
 * the returned copy with ui_effect_wipe once performed. */
ui_effect ui_take_effect(ui_state *st);

typedef enum ui_submit_result {
    SUBMIT_SAVED,  /* committed (or merged into the identical one): ticket shown */
    SUBMIT_FLOOD,  /* too many requests just now */
    SUBMIT_FAILED, /* could not be saved (disk full, database error) */
} ui_submit_result;
/* Report the outcome of UI_FX_SUBMIT; ticket ("482 913") for SUBMIT_SAVED. */
void ui_submit_done(ui_state *st, ui_submit_result r, const char *ticket);

/* Report the outcome of UI_FX_CHECK_PIN: ok opens the staff screen; otherwise the pad says
 * the PIN was wrong, and locked_s > 0 locks it for that long. The typed PIN is wiped. */
void ui_pin_done(ui_state *st, bool ok, int64_t locked_s, int64_t mono_ms);
/* Report the lock state found when the PIN pad opens (UI_FX_ADMIN_ENTER). */
void ui_pin_locked(ui_state *st, int64_t locked_s, int64_t mono_ms);

/* Report the outcome of a staff effect as a message on the staff screens. */
void ui_admin_done(ui_state *st, admin_message msg, size_t count, const char *text);

/* The occurrences listed on SCREEN_ADMIN_HOURS at now_utc (the next ones at this Kita,
 * cancelled ones included, the staff's changes applied). Returns the number written. */
#define ADMIN_OCCURRENCES 6
size_t ui_admin_occurrences(const ui_ctx *ctx, int64_t now_utc, occurrence *out, size_t max);

/* Set the language directly (script `lang CODE`): the screen stays, in that language (a
 * staff screen too: changing its language leaves nothing). */
bool ui_set_lang(ui_state *st, const ui_ctx *ctx, const char *code, int64_t mono_ms);

/* Milliseconds from mono_ms until the UI needs a tick (warning, timeout or the greeting's
 * next language), or -1. */
int64_t ui_next_deadline(const ui_state *st, const ui_ctx *ctx, int64_t mono_ms);

/* Build the display list for the current state. Caller destroys. */
dl *ui_layout(const ui_state *st, const ui_ctx *ctx, int64_t now_utc, int64_t mono_ms);

/* Layout every screen of the site in every language and report each text that does not
 * fit its box to *errors (with the content's file:line when it came from the site).
 * Used by --check-site. Returns the number of problems. */
size_t ui_check_fit(const ui_ctx *ctx, int64_t now_utc, site_errors *errors);

#endif
