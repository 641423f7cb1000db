/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* contact.c - "Contact me": the anonymous contact request across its screens (one file
 * each: screen_contact_*.c), and what they share: the request's state, the taps of every
 * step, the preconditions, the step header and the bottom bar.
 *
 *   1 what about (topics)  2 how (visit / phone / text; interpreter, 2b its language)
 *   3 name and phone (optional; on-screen keyboard and number pad)  4 consent
 *   5 the ticket code (or, when it could not be saved, an apology)
 *
 * Everything the parent chooses or types lives in ui_state.contact and is wiped when she
 * cancels, leaves the flow, finishes, or walks away (idle timeout). "Yes, send" only asks
 * the app to seal and queue the request (UI_FX_SUBMIT, carrying it); the confirmation
 * appears when the app reports that the COMMIT returned (ui_submit_done). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "request/phone.h"
#include "time/schedule.h"
#include "time/when.h"
#include "ui/ui_contact.h"

#define NAME_MAX_CHARS 24
#define PHONE_MAX_CHARS 20

/* ---- state ------------------------------------------------------------------------ */

void ui_contact_clear(ui_contact *c)
{
    secure_zero(c, sizeof(*c));
    c->topic = -1;
    c->interpreter = -1;
}

bool ui_contact_is_german(const ui_ctx *ctx, size_t lang)
{
    const lang_info *li = i18n_lang(ctx->i18n, lang);
    return !li || strncmp(li->code, "de", 2) == 0;
}

static void name_append(ui_contact *c, const char *key)
{
    size_t len = strlen(c->name), add = strlen(key);
    if (utf8_length(c->name) >= NAME_MAX_CHARS || len + add >= sizeof(c->name)) {
        c->hint = HINT_NAME_FULL;
        return;
    }
    memcpy(c->name + len, key, add + 1);
    c->hint = HINT_NONE;
}

static void phone_append(ui_contact *c, const char *key)
{
    size_t len = strlen(c->phone);
    if (len >= PHONE_MAX_CHARS || len + strlen(key) >= sizeof(c->phone))
        return;
    strcat(c->phone, key);
    c->hint = HINT_NONE;
}

/* Remove the last UTF-8 character of s (wiping its bytes). */
static void delete_last(char *s)
{
    size_t len = strlen(s);
    if (!len)
        return;
    size_t i = len - 1;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    secure_zero(s + i, len - i);
}

/* Step 3 is done when the phone number (if any, and required for a call or a text) is a
 * phone number. Sets the hint otherwise. */
static bool details_ok(ui_contact *c)
{
    char canon[32];
    bool empty = true;
    for (const char *p = c->phone; *p; p++)
        empty = empty && *p == ' ';
    if (empty) {
        if (c->channel == CHANNEL_PHONE || c->channel == CHANNEL_SMS) {
            c->hint = HINT_PHONE_NEEDED;
            c->typing_phone = true;
            return false;
        }
        return true;
    }
    phone_result r = phone_check(c->phone, canon, sizeof(canon));
    secure_zero(canon, sizeof(canon));
    if (r != PHONE_OK) {
        c->hint = HINT_PHONE_INVALID;
        c->hint_arg = (int)r;
        c->typing_phone = true;
        return false;
    }
    return true;
}

static bool next_step(ui_state *st, const ui_ctx *ctx)
{
    ui_contact *c = &st->contact;
    switch (st->screen) {
    case SCREEN_CONTACT:
        return c->topic >= 0 && ui_go(st, ctx, SCREEN_CONTACT_HOW);
    case SCREEN_CONTACT_HOW:
        if (c->channel == CHANNEL_NONE)
            return false;
        /* A call or a text needs the number: start on the number pad. */
        c->typing_phone = c->channel != CHANNEL_VISIT;
        return ui_go(st, ctx, SCREEN_CONTACT_DETAILS);
    case SCREEN_CONTACT_DETAILS:
        if (!details_ok(c))
            return true; /* the hint changed */
        c->hint = HINT_NONE;
        return ui_go(st, ctx, SCREEN_CONTACT_CONSENT);
    default:
        return false;
    }
}

/* ---- preconditions: what each step needs from the steps before ---------------------- */

bool ui_contact_ready(const ui_state *st, const ui_ctx *ctx)
{
    return st->contact.begun && ctx->status.contact_ready;
}

bool ui_contact_how_ready(const ui_state *st, const ui_ctx *ctx)
{
    return ui_contact_ready(st, ctx) && st->contact.topic >= 0;
}

bool ui_contact_language_ready(const ui_state *st, const ui_ctx *ctx)
{
    return ui_contact_how_ready(st, ctx);
}

bool ui_contact_details_ready(const ui_state *st, const ui_ctx *ctx)
{
    return ui_contact_how_ready(st, ctx) && st->contact.channel != CHANNEL_NONE;
}

bool ui_contact_done_ready(const ui_state *st, const ui_ctx *ctx)
{
    (void)ctx;
    return st->contact.sent && st->contact.ticket[0];
}

bool ui_contact_sorry_ready(const ui_state *st, const ui_ctx *ctx)
{
    (void)ctx;
    return st->contact.sent && !st->contact.ticket[0];
}

static bool details_key(ui_contact *c, dl_action a);

/* The taps of every contact step; each checks that it belongs to the step shown. */
bool ui_contact_action(ui_state *st, const ui_ctx *ctx, const dl *shown, dl_action a)
{
    (void)shown;
    ui_contact *c = &st->contact;
    ui_screen scr = st->screen;
    switch (a.kind) {
    case ACT_CONTACT_TOPIC:
        if (scr != SCREEN_CONTACT || a.arg < 0 || a.arg > CONTACT_TOPIC_OTHER)
            return false;
        c->topic = a.arg;
        return ui_go(st, ctx, SCREEN_CONTACT_HOW);
    case ACT_CHANNEL:
        if (scr != SCREEN_CONTACT_HOW || a.arg < CHANNEL_VISIT || a.arg > CHANNEL_SMS)
            return false;
        c->channel = (contact_channel)a.arg;
        return true;
    case ACT_INTERPRETER:
        if (scr == SCREEN_CONTACT_LANGUAGE) {
            /* A language chosen on the second step: back to the first with it. */
            if (a.arg < 0 || a.arg >= (int)i18n_count(ctx->i18n) ||
                ui_contact_is_german(ctx, (size_t)a.arg))
                return false;
            c->interpreter = a.arg;
            return ui_go(st, ctx, SCREEN_CONTACT_HOW);
        }
        if (scr != SCREEN_CONTACT_HOW)
            return false;
        if (a.arg == -1) {
            c->interpreter = -1;
            return true;
        }
        if (a.arg == -2 && !ui_contact_is_german(ctx, st->lang)) {
            /* "Yes" in her language: an interpreter for the language she reads. */
            c->interpreter = (int)st->lang;
            return true;
        }
        /* "Yes" in German, or "another language": choose it on the next step. */
        if (a.arg != -2 && a.arg != -3)
            return false;
        return ui_go(st, ctx, SCREEN_CONTACT_LANGUAGE);
    case ACT_CONTACT_NEXT:
        return next_step(st, ctx);
    case ACT_CONTACT_CANCEL:
        return ui_go(st, ctx, SCREEN_MENU);
    case ACT_FIELD:
    case ACT_KEY:
    case ACT_KEY_SHIFT:
    case ACT_KEY_LAYOUT:
    case ACT_KEY_DELETE:
    case ACT_KEY_SPACE:
        if (scr != SCREEN_CONTACT_DETAILS)
            return false;
        return details_key(c, a);
    case ACT_SEND:
        if (scr != SCREEN_CONTACT_CONSENT || !ctx->status.contact_ready)
            return false;
        /* The effect carries the request; the state keeps it until the answer. */
        st->effect.kind = UI_FX_SUBMIT;
        ui_contact_request(st, ctx, &st->effect.request);
        return true;
    case ACT_DONE:
        if (scr != SCREEN_CONTACT_DONE && scr != SCREEN_CONTACT_SORRY)
            return false;
        return ui_go(st, ctx, SCREEN_HOME);
    default:
        return false;
    }
}

/* The keyboard and number pad of step 3. */
static bool details_key(ui_contact *c, dl_action a)
{
    switch (a.kind) {
    case ACT_FIELD:
        c->typing_phone = a.arg == 1;
        c->shift = !c->typing_phone && c->name[0] == '\0' && ui_kb_has_case(c->keyboard);
        return true;
    case ACT_KEY: {
        if (c->typing_phone) {
            if (a.arg < 0 || (size_t)a.arg >= UI_KB_PHONE_KEYS)
                return false;
            phone_append(c, ui_kb_phone_keys[a.arg]);
            return true;
        }
        kb_keys k;
        ui_kb_keys(c->keyboard, c->shift, &k);
        if (a.arg < 0 || a.arg >= k.n)
            return false;
        name_append(c, k.key[a.arg]);
        c->shift = false;
        return true;
    }
    case ACT_KEY_SHIFT:
        c->shift = !c->shift && ui_kb_has_case(c->keyboard);
        return true;
    case ACT_KEY_LAYOUT:
        c->keyboard = (c->keyboard + 1) % ui_kb_count();
        c->shift = c->name[0] == '\0' && ui_kb_has_case(c->keyboard);
        return true;
    case ACT_KEY_DELETE:
        delete_last(c->typing_phone ? c->phone : c->name);
        c->hint = HINT_NONE;
        if (!c->typing_phone && c->name[0] == '\0')
            c->shift = ui_kb_has_case(c->keyboard);
        return true;
    case ACT_KEY_SPACE:
        if (c->typing_phone)
            phone_append(c, " ");
        else if (c->name[0] && c->name[strlen(c->name) - 1] != ' ')
            name_append(c, " ");
        return true;
    default:
        return false;
    }
}

/* Called when the flow starts (from the menu). */
static void contact_start(ui_state *st, const ui_ctx *ctx)
{
    ui_contact_clear(&st->contact);
    st->contact.begun = true;
    st->contact.interpreter = ui_contact_is_german(ctx, st->lang) ? -1 : (int)st->lang;
    st->contact.keyboard = ui_kb_for_lang(ctx, st->lang);
    st->contact.shift = ui_kb_has_case(st->contact.keyboard);
}

void ui_contact_request(const ui_state *st, const ui_ctx *ctx, request *out)
{
    const ui_contact *c = &st->contact;
    memset(out, 0, sizeof(*out));
    const char *topic =
        c->topic >= 0 && c->topic < TOPIC_COUNT ? site_topic_key((site_topic)c->topic) : "other";
    snprintf(out->topic, sizeof(out->topic), "%s", topic);
    static const char *const channels[] = {"", "visit", "phone", "sms"};
    snprintf(out->channel, sizeof(out->channel), "%s",
             c->channel >= CHANNEL_VISIT && c->channel <= CHANNEL_SMS ? channels[c->channel] : "");
    const lang_info *li = c->interpreter >= 0 ? i18n_lang(ctx->i18n, (size_t)c->interpreter) : NULL;
    if (li)
        snprintf(out->interpreter_lang, sizeof(out->interpreter_lang), "%s", li->code);
    /* The name without leading or trailing spaces. */
    const char *n = c->name;
    while (*n == ' ')
        n++;
    size_t nl = strlen(n);
    while (nl && n[nl - 1] == ' ')
        nl--;
    if (nl >= sizeof(out->name))
        nl = sizeof(out->name) - 1;
    memcpy(out->name, n, nl);
    char canon[32];
    if (phone_check(c->phone, canon, sizeof(canon)) == PHONE_OK)
        snprintf(out->phone, sizeof(out->phone), "%s", canon);
    secure_zero(canon, sizeof(canon));
}

void ui_submit_done(ui_state *st, ui_submit_result r, const char *ticket)
{
    int topic = st->contact.topic;
    contact_channel channel = st->contact.channel;
    ui_contact_clear(&st->contact);
    if (r == SUBMIT_SAVED && ticket) {
        /* Keep only what the confirmation shows; nothing typed. */
        st->contact.topic = topic;
        st->contact.channel = channel;
        snprintf(st->contact.ticket, sizeof(st->contact.ticket), "%s", ticket);
    } else {
        st->contact.hint_arg = (int)r;
    }
    /* Within the contact screens: nothing to wipe on the way. */
    st->contact.sent = true;
    st->screen = r == SUBMIT_SAVED && ticket ? SCREEN_CONTACT_DONE : SCREEN_CONTACT_SORRY;
}

/* ---- layout ----------------------------------------------------------------------- */

const char *ui_contact_topic_title(int topic)
{
    return topic >= 0 && topic < TOPIC_COUNT ? ui_topic_titles[topic] : N_("Something else");
}

/* The step header: "Contact me · step 2 of 5" as the title. */
void ui_contact_step_header(lay *L, int step)
{
    char n[4], of[4];
    snprintf(n, sizeof(n), "%d", step);
    snprintf(of, sizeof(of), "%d", 5);
    char *title = fmt_named(T(L, "Contact me · step {n} of {total}"), "n", n, "total", of, NULL);
    lay_header(L, title);
    free(title);
}

/* The bottom bar: Cancel on the start side, the forward button on the end side. */
void ui_contact_bar(lay *L, const char *next_label, int next_act, bool next_enabled,
                    uint32_t next_bg)
{
    button_style cancel = {COL_CARD_ALT, COL_TEXT,     30,   22, ICON_NONE, 0,
                           false,        ALIGN_CENTER, false};
    lay_button(L, "contact.cancel", T(L, "Cancel"), 48, BAR_Y, 300, BAR_H - 8, cancel,
               ACT_CONTACT_CANCEL, 0, NULL);
    if (!next_label)
        return;
    button_style next = {next_bg, COL_WHITE, 32, 22, ICON_NEXT, 44, false, ALIGN_CENTER, false};
    dl_elem *b = lay_button(L, "contact.next", next_label, 1280 - 48 - 420, BAR_Y, 420, BAR_H - 8,
                            next, next_act, 0, NULL);
    b->enabled = next_enabled;
}

char *ui_contact_next_hour(const lay *L)
{
    const site *s = L->ctx->site;
    occurrence o;
    if (!ui_schedule(L->ctx, -1, s->here, L->now_utc, false, &o, 1))
        return NULL;
    return when_phrase(L->ctx->i18n, L->st->lang, &o, L->now_utc);
}

bool ui_contact_begin(ui_state *st, const ui_ctx *ctx)
{
    if (!ctx->status.contact_ready || st->screen != SCREEN_MENU)
        return false;
    contact_start(st, ctx);
    if (ui_go(st, ctx, SCREEN_CONTACT))
        return true;
    ui_contact_clear(&st->contact);
    return false;
}
