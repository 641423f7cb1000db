/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* ui_state.h - the body of the opaque ui_state: internal to src/core/ui, and for tests.
 * The program (src/app) sees only ui.h. Everything a parent chose or typed lives here and
 * nowhere else, so that wiping this struct forgets her. */
#ifndef LOTSE_UI_STATE_H
#define LOTSE_UI_STATE_H

#include "ui/ui.h"

/* The contact request a parent is putting together. Wiped when the contact screens are
 * left (a detour to the emergency numbers or the ticket's QR code keeps it). */
#define CONTACT_TOPIC_OTHER TOPIC_COUNT /* "something else" */

typedef enum contact_hint {
    HINT_NONE,
    HINT_PHONE_NEEDED,  /* phone call / text chosen but no number given */
    HINT_PHONE_INVALID, /* the number cannot be a phone number (phone_result in hint_arg) */
    HINT_NAME_FULL,     /* the name field is full */
} contact_hint;

typedef struct ui_contact {
    bool begun; /* the flow was started from the menu (the contact screens' precondition) */
    int topic;  /* -1 = not chosen; 0..TOPIC_COUNT-1, or CONTACT_TOPIC_OTHER */
    contact_channel channel;
    int interpreter;   /* -1 = no interpreter needed; else a language index */
    char name[64];     /* UTF-8, what was typed on the keyboard */
    char phone[32];    /* what was typed on the number pad */
    bool typing_phone; /* the keyboard types into the phone field */
    int keyboard;      /* index of the letter layout shown */
    bool shift;
    contact_hint hint;
    int hint_arg;
    bool sent;      /* SCREEN_CONTACT_DONE / _SORRY: the app reported the outcome */
    char ticket[8]; /* SCREEN_CONTACT_DONE: "482 913" */
} ui_contact;

/* The social worker's staff session (the hidden entry, the PIN, the site-visit screens).
 * Wiped when the staff area is left by any path. */
typedef struct ui_admin {
    bool entered;      /* the hidden entry was used: the PIN pad's precondition */
    bool unlocked;     /* the right PIN was entered: the staff screens' precondition */
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

/* What the QR screen offers codes for. */
typedef enum qr_source {
    QR_TAKE_HOME, /* the menu's "Take it home": hours, emergency numbers, services seen */
    QR_SERVICE,   /* one service (ui_state.service) */
    QR_HOURS,     /* the consultation hours */
    QR_TICKET,    /* the request confirmation: the ticket and the next consultation hour */
} qr_source;

/* Services a parent looked at during this visit (for "Take it home"); wiped with it. */
#define UI_SEEN_MAX 4

struct ui_state {
    ui_screen screen;
    size_t lang;                       /* index into the i18n languages; 0 = default */
    int topic;                         /* SCREEN_TOPIC / SCREEN_SERVICE */
    int service;                       /* SCREEN_SERVICE: index into site.services */
    int page;                          /* page of a paged list */
    int topic_page;                    /* the topic list page a service was opened from */
    ui_screen came_from[SCREEN_COUNT]; /* detour screens: where each was entered from */
    int64_t last_input_ms;             /* mono time of the last touch (or of coming to rest) */
    bool idle_warning;                 /* the "Are you still there?" overlay is shown */
    ui_contact contact;                /* the request being put together */
    qr_source qr;                      /* SCREEN_QR: whose codes */
    int qr_item;                       /* SCREEN_QR: the code shown */
    int seen[UI_SEEN_MAX]; /* service index + 1 of those seen this visit, newest first; 0 = none */
    ui_admin admin;        /* the staff session */
    ui_effect effect;      /* set by ui_update: work for the app (ui_take_effect) */
    bool reading;          /* read-aloud asked for and not stopped (ui_reading) */
    uint32_t reading_serial; /* see ui_reading_serial */
};

/* Initialise a state the caller owns (tests embed one): the home screen at rest. */
void ui_init(ui_state *st, int64_t mono_ms);

/* The request UI_FX_SUBMIT carries: topic key, channel, interpreter language code, name
 * and phone in canonical form. */
void ui_contact_request(const ui_state *st, const ui_ctx *ctx, request *out);

/* The extra hour the form on SCREEN_ADMIN_HOURS describes (worker, kita = here, date,
 * times). False if the form is not valid. */
bool ui_admin_new_hour(const ui_state *st, const ui_ctx *ctx, int64_t now_utc, occurrence *out);

#endif
