/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* screens.c - the screen table: one row per screen, the only place that says what a
 * screen is called, how it is laid out, which taps it takes, when it may be shown, where
 * Back leads, whether it is private or for the staff, in which order it is read aloud
 * and what showing it counts.
 *
 * Rules that follow from the rows (ui.c enforces them for every way of moving, Back
 * included; tests/unit/test_screens.c checks them over the whole table):
 *   - a SCR_STAFF screen is in the staff area and has a precondition (the PIN);
 *   - every parent chain ends at the home screen, whose precondition always holds;
 *   - leaving a private screen for a screen that is not private empties the caches (the
 *     app asks ui_is_private_screen). */
#include <string.h>

#include "ui/ui_lay.h"

#define READ(...)                                                                                  \
    (const char *const[])                                                                          \
    {                                                                                              \
        __VA_ARGS__, NULL                                                                          \
    }

const ui_screen_def ui_screens[SCREEN_COUNT] = {
    [SCREEN_HOME] = {"home", ui_home_layout, ui_home_action, NULL, SCREEN_HOME, 0,
                     READ("greeting", "kita", "next.", "start", "emergency"), NULL},
    [SCREEN_MENU] = {"menu", ui_menu_layout, ui_menu_action, NULL, SCREEN_HOME, 0,
                     READ("title", "menu.", "emergency"), "menu"},
    [SCREEN_HOURS] = {"hours", ui_hours_layout, NULL, NULL, SCREEN_MENU, 0,
                      READ("title", "here.", "other.", "hours.qr", "emergency"), "hours"},
    [SCREEN_TOPICS] = {"topics", ui_topics_layout, ui_topics_action, NULL, SCREEN_MENU, 0,
                       READ("title", "topic.", "emergency"), "topics"},
    [SCREEN_TOPIC] = {"topic", ui_topic_layout, ui_topic_action, ui_topic_ready, SCREEN_TOPICS, 0,
                      READ("title", "topic.empty", "service.", "page.", "emergency"), "topic"},
    [SCREEN_SERVICE] = {"service", ui_service_layout, NULL, ui_service_ready, SCREEN_TOPIC, 0,
                        READ("title", "service.name", "service.description", "service.",
                             "emergency"),
                        "service"},
    [SCREEN_EMERGENCY] = {"emergency", ui_emergency_layout, NULL, NULL, SCREEN_HOME, SCR_DETOUR,
                          READ("title", "emergency.lead", "emergency."), "emergency"},
    [SCREEN_CONTACT] = {"contact", ui_contact_topic_layout, ui_contact_action, ui_contact_ready,
                        SCREEN_MENU, SCR_CONTACT,
                        READ("title", "contact.", "contact.cancel", "emergency"), "contact.start"},
    [SCREEN_CONTACT_HOW] = {"contact-how", ui_contact_how_layout, ui_contact_action,
                            ui_contact_how_ready, SCREEN_CONTACT, SCR_CONTACT,
                            READ("title", "contact.how.", "contact.interpreter.", "contact.next",
                                 "contact.cancel", "emergency"),
                            NULL},
    [SCREEN_CONTACT_LANGUAGE] = {"contact-language", ui_contact_language_layout, ui_contact_action,
                                 ui_contact_language_ready, SCREEN_CONTACT_HOW, SCR_CONTACT,
                                 READ("title", "contact.language.", "contact.next",
                                      "contact.cancel", "emergency"),
                                 NULL},
    [SCREEN_CONTACT_DETAILS] = {"contact-details", ui_contact_details_layout, ui_contact_action,
                                ui_contact_details_ready, SCREEN_CONTACT_HOW,
                                SCR_CONTACT | SCR_PRIVATE,
                                READ("title", "contact.name", "contact.phone", "contact.hint",
                                     "contact.next", "contact.cancel", "emergency"),
                                NULL},
    [SCREEN_CONTACT_CONSENT] =
        {"contact-consent", ui_contact_consent_layout, ui_contact_action, ui_contact_details_ready,
         SCREEN_CONTACT_DETAILS, SCR_CONTACT | SCR_PRIVATE,
         READ("title", "consent.", "contact.next", "contact.cancel", "emergency"), NULL},
    [SCREEN_CONTACT_DONE] = {"contact-done", ui_contact_done_layout, ui_contact_action,
                             ui_contact_done_ready, SCREEN_HOME, SCR_CONTACT | SCR_PRIVATE,
                             READ("title", "done.", "emergency"), "contact.sent"},
    [SCREEN_CONTACT_SORRY] = {"contact-sorry", ui_contact_sorry_layout, ui_contact_action,
                              ui_contact_sorry_ready, SCREEN_HOME, SCR_CONTACT,
                              READ("title", "sorry.", "emergency"), "contact.failed"},
    [SCREEN_ADMIN_PIN] = {"admin-pin", ui_admin_pin_layout, ui_admin_pin_action, ui_admin_pin_ready,
                          SCREEN_HOME, SCR_STAFF_AREA | SCR_PRIVATE, READ("title", "pin."), NULL},
    [SCREEN_ADMIN] = {"admin", ui_admin_layout, ui_admin_action, ui_admin_ready, SCREEN_HOME,
                      SCR_STAFF | SCR_STAFF_AREA | SCR_PRIVATE, READ("title", "admin."), NULL},
    [SCREEN_ADMIN_HOURS] = {"admin-hours", ui_admin_hours_layout, ui_admin_hours_action,
                            ui_admin_ready, SCREEN_ADMIN, SCR_STAFF | SCR_STAFF_AREA | SCR_PRIVATE,
                            READ("title", "hours.", "extra."), NULL},
    /* Private: it may show the ticket code (from the request confirmation). */
    [SCREEN_QR] = {"qr", ui_qr_layout, ui_qr_action, ui_qr_ready, SCREEN_MENU,
                   SCR_DETOUR | SCR_PRIVATE, READ("title", "qr.", "emergency"), "qr"},
    [SCREEN_OUT_OF_ORDER] = {"out-of-order", ui_out_of_order_layout, NULL, NULL, SCREEN_HOME,
                             SCR_HEADERLESS, READ("ooo."), NULL},
};

const ui_screen_def *ui_screen_def_of(ui_screen s)
{
    return &ui_screens[s >= 0 && s < SCREEN_COUNT ? s : SCREEN_HOME];
}

const char *ui_screen_name(ui_screen s)
{
    return ui_screen_def_of(s)->name;
}

ui_screen ui_screen_find(const char *name)
{
    for (int s = 0; name && s < SCREEN_COUNT; s++)
        if (strcmp(ui_screens[s].name, name) == 0)
            return (ui_screen)s;
    return SCREEN_COUNT;
}

bool ui_is_private_screen(ui_screen s)
{
    return ui_screen_def_of(s)->flags & SCR_PRIVATE;
}

bool ui_is_staff_screen(ui_screen s)
{
    return ui_screen_def_of(s)->flags & SCR_STAFF;
}

const char *ui_screen_stat(ui_screen s)
{
    return ui_screen_def_of(s)->stat;
}

const char *const *ui_screen_reading(ui_screen s)
{
    return ui_screen_def_of(s)->reading;
}

bool ui_screen_ready(const ui_state *st, const ui_ctx *ctx, ui_screen s)
{
    if (s < 0 || s >= SCREEN_COUNT || !ctx->site)
        return s == SCREEN_OUT_OF_ORDER || s == SCREEN_HOME;
    if (s == SCREEN_OUT_OF_ORDER)
        return false;
    const ui_screen_def *d = &ui_screens[s];
    return !d->ready || d->ready(st, ctx);
}
