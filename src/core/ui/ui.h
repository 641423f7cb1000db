/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
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

#include "ui/dl.h"
#include "content/i18n.h"
#include "request/request.h"
#include "time/schedule.h"
#include "content/site.h"
#include "ui/text.h"

typedef enum ui_screen {
    SCREEN_HOME,
    SCREEN_MENU,
    SCREEN_HOURS,
    SCREEN_TOPICS,
    SCREEN_TOPIC,
    SCREEN_SERVICE,
    SCREEN_EMERGENCY,
    SCREEN_CONTACT,         /* contact request step 1: what about */
    SCREEN_CONTACT_HOW,     /* step 2: visit, phone call or text; interpreter */
    SCREEN_CONTACT_DETAILS, /* step 3: optional name and phone number (on-screen keys) */
    SCREEN_CONTACT_CONSENT, /* step 4: who reads it, what happens, limits; "Yes, send" */
    SCREEN_CONTACT_DONE,    /* step 5: the ticket code and the next consultation hour */
    SCREEN_CONTACT_SORRY,   /* not saved (too many requests, or a fault): ask the staff */
    SCREEN_ADMIN_PIN,       /* the hidden admin entry's PIN pad */
    SCREEN_ADMIN,           /* site visit: queue, export, consultation hours */
    SCREEN_ADMIN_HOURS,     /* cancel or add a consultation hour */
    SCREEN_QR,              /* take it home: one big QR code at a time, chosen on the left */
    SCREEN_OUT_OF_ORDER,
    SCREEN_COUNT
} ui_screen;

const char *ui_screen_name(ui_screen s);
/* Screens that may show what a parent typed, or the staff PIN pad. */
bool ui_is_private_screen(ui_screen s);

typedef struct ui_config {
    int width, height;   /* screen size in pixels */
    int idle_timeout_ms; /* back home after this long without a touch (90 s) */
    int idle_warning_ms; /* "Are you still there?" this long before (10 s) */
    int greeting_ms;     /* at rest, the greeting shows the next language this often
                            (0 = always in the default language) */
} ui_config;

/* What the kiosk around the core knows and the screens show (kept current by the app). */
typedef struct ui_status {
    bool contact_ready;       /* a worker key is configured: requests can be sealed */
    bool admin_ready;         /* an admin PIN hash is configured */
    size_t queue_count;       /* sealed requests waiting for the social worker */
    char queue_oldest[11];    /* YYYY-MM-DD of the oldest one, "" if none */
    int retention_days;       /* requests not collected are deleted after this many days */
    const char *admin_notice; /* a note for the admin screen, or NULL; owned by the app */
    const char *store_aside;  /* a damaged database was moved aside to this file at start,
                                 or NULL; owned by the app */
} ui_status;

/* Everything the UI reads but does not own. site may be NULL (out of order). */
typedef struct ui_ctx {
    const site *site;
    const i18n *i18n;
    const text_measure *measure;
    ui_config config;
    ui_status status;
} ui_ctx;

/* The contact request a parent is putting together (steps 1-5). Wiped with the state. */
#define CONTACT_TOPIC_OTHER TOPIC_COUNT /* "something else" */
typedef enum contact_channel {
    CHANNEL_NONE,
    CHANNEL_VISIT, /* talk at the next consultation hour here */
    CHANNEL_PHONE, /* a phone call */
    CHANNEL_SMS,   /* a text message */
} contact_channel;

typedef enum contact_hint {
    HINT_NONE,
    HINT_PHONE_NEEDED,  /* phone call / text chosen but no number given */
    HINT_PHONE_INVALID, /* the number cannot be a phone number (phone_result in hint_arg) */
    HINT_NAME_FULL,     /* the name field is full */
} contact_hint;

typedef struct ui_contact {
    int topic; /* -1 = not chosen; 0..TOPIC_COUNT-1, or CONTACT_TOPIC_OTHER */
    contact_channel channel;
    int interpreter;   /* -1 = no interpreter needed; else a language index */
    char name[64];     /* UTF-8, what was typed on the keyboard */
    char phone[32];    /* what was typed on the number pad */
    bool typing_phone; /* the keyboard types into the phone field */
    int keyboard;      /* index of the letter layout shown */
    bool shift;
    contact_hint hint;
    int hint_arg;
    char ticket[8]; /* SCREEN_CONTACT_DONE: "482 913" */
} ui_contact;

/* The social worker's admin mode (after the PIN). Wiped with the state. */
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
} admin_message;

typedef struct ui_admin {
    char pin[9];       /* digits typed on the PIN pad */
    bool pin_wrong;    /* the last PIN was wrong */
    int64_t locked_s;  /* the PIN pad is locked for this many seconds (as of locked_at) */
    int64_t locked_at; /* mono ms when locked_s was reported */
    admin_message msg;
    size_t msg_count;
    char msg_text[96];
    /* The "extra hour" form on SCREEN_ADMIN_HOURS. */
    int worker;    /* index into the workers at this Kita */
    int day;       /* days from today */
    int start_min; /* local minutes */
    int end_min;
} ui_admin;

/* Work ui_update asks the app to do (storing, checking, exporting); the core itself never
 * touches files, keys or the clock. The app performs it and reports back with the
 * matching ui_*_done function. */
typedef enum ui_effect_kind {
    UI_FX_NONE,
    UI_FX_SUBMIT,       /* seal and queue the request (ui_contact_request); ui_submit_done */
    UI_FX_CHECK_PIN,    /* verify admin.pin; ui_pin_done */
    UI_FX_ADMIN_ENTER,  /* the hidden entry was used: the app refreshes the lock state */
    UI_FX_EXPORT,       /* export the queue; ui_admin_done */
    UI_FX_HOUR_CANCEL,  /* cancel occurrence `index` of ui_admin_occurrences */
    UI_FX_HOUR_RESTORE, /* undo the admin exception behind occurrence `index` */
    UI_FX_HOUR_ADD,     /* add the extra hour of the form (ui_admin_new_hour) */
} ui_effect_kind;

typedef struct ui_effect {
    ui_effect_kind kind;
    int index; /* UI_FX_HOUR_CANCEL / UI_FX_HOUR_RESTORE */
} ui_effect;

/* What the QR screen offers codes for. */
typedef enum qr_source {
    QR_TAKE_HOME, /* the menu's "Take it home": hours, emergency numbers, services seen */
    QR_SERVICE,   /* one service (ui_state.service) */
    QR_HOURS,     /* the consultation hours */
    QR_TICKET,    /* the request confirmation: the ticket and the next consultation hour */
} qr_source;

/* Services a parent looked at during this visit (for "Take it home"); wiped with it. */
#define UI_SEEN_MAX 4

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
    ui_contact contact;    /* SCREEN_CONTACT*: the request being put together */
    qr_source qr;          /* SCREEN_QR: whose codes */
    int qr_item;           /* SCREEN_QR: the code shown */
    ui_screen qr_back;     /* where Back leads from SCREEN_QR */
    int seen[UI_SEEN_MAX]; /* service index + 1 of those seen this visit, newest first; 0 = none */
    ui_admin admin;        /* SCREEN_ADMIN*: the social worker's session */
    ui_effect effect;      /* set by ui_update: work for the app (ui_take_effect) */
} ui_state;

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

void ui_init(ui_state *st, int64_t mono_ms);
/* Reset to the home screen in the default language; wipes everything a parent chose. */
void ui_reset(ui_state *st, int64_t mono_ms);

/* Apply an event. current is the display list last shown (for hit testing taps); may be
 * NULL for ticks. Returns true when the state changed. */
bool ui_update(ui_state *st, const ui_ctx *ctx, const dl *current, const ui_event *ev,
               int64_t mono_ms);

/* The pending effect (kind UI_FX_NONE if none); clears it in the state. */
ui_effect ui_take_effect(ui_state *st);

/* UI_FX_SUBMIT: build the request from the state (topic key, channel, interpreter
 * language code, name, phone in canonical form). The app adds ticket and day. */
void ui_contact_request(const ui_state *st, const ui_ctx *ctx, request *out);

typedef enum ui_submit_result {
    SUBMIT_SAVED,  /* committed (or merged into the identical one): ticket shown */
    SUBMIT_FLOOD,  /* too many requests just now */
    SUBMIT_FAILED, /* could not be saved (disk full, database error) */
} ui_submit_result;
/* Report the outcome of UI_FX_SUBMIT; ticket ("482 913") for SUBMIT_SAVED. */
void ui_submit_done(ui_state *st, ui_submit_result r, const char *ticket);

/* Report the outcome of UI_FX_CHECK_PIN: ok opens the admin screen; otherwise the pad says
 * the PIN was wrong, and locked_s > 0 locks it for that long. The typed PIN is wiped. */
void ui_pin_done(ui_state *st, bool ok, int64_t locked_s, int64_t mono_ms);
/* Report the lock state found when the PIN pad opens (UI_FX_ADMIN_ENTER). */
void ui_pin_locked(ui_state *st, int64_t locked_s, int64_t mono_ms);

/* Report the outcome of an admin effect as a message on the admin screens. */
void ui_admin_done(ui_state *st, admin_message msg, size_t count, const char *text);

/* The occurrences listed on SCREEN_ADMIN_HOURS (the next ones at this Kita, cancelled
 * ones included). Returns the number written to out[0..max). */
#define ADMIN_OCCURRENCES 6
size_t ui_admin_occurrences(const ui_ctx *ctx, int64_t now_utc, occurrence *out, size_t max);
/* The extra hour the form on SCREEN_ADMIN_HOURS describes (worker, kita = here, date,
 * times). False if the form is not valid. */
bool ui_admin_new_hour(const ui_state *st, const ui_ctx *ctx, int64_t now_utc, occurrence *out);

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
