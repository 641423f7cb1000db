/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* ui_contact.c - "Contact me": the anonymous contact request in at most five screens.
 *
 *   1 what about (topics)  2 how (visit / phone / text; interpreter)  3 name and phone
 *   (optional; on-screen keyboard and number pad)  4 consent  5 the ticket code
 *
 * Everything the parent chooses or types lives in ui_state.contact and is wiped when she
 * cancels, leaves the flow, finishes, or walks away (idle timeout). "Yes, send" only asks
 * the app to seal and queue the request (UI_FX_SUBMIT); the confirmation appears when
 * the app reports that the COMMIT returned (ui_submit_done). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "request/phone.h"
#include "time/schedule.h"
#include "ui/ui_lay.h"
#include "base/util.h"
#include "time/when.h"

#define NAME_MAX_CHARS 24
#define PHONE_MAX_CHARS 20
#define COL_OK 0x2E6B30

/* ---- keyboards ------------------------------------------------------------------- */

/* A letter layout: up to four rows of keys separated by single spaces; upper holds the
 * same keys with shift (NULL for scripts without case). label is what the layout key
 * shows to switch to this layout. */
typedef struct kb_layout {
    const char *label;
    const char *script; /* ISO 15924 of the UI languages that start with it, or NULL */
    const char *rows[4];
    const char *upper[4];
} kb_layout;

static const kb_layout layouts[] = {
    {"ABC",
     "Latn",
     {"q w e r t z u i o p ü", "a s d f g h j k l ö ä", "y x c v b n m ß - '", NULL},
     {"Q W E R T Z U I O P Ü", "A S D F G H J K L Ö Ä", "Y X C V B N M ẞ - '", NULL}},
    {"ÁÇŞ",
     NULL,
     {"á à â ä ã å ă ą ç č ć đ", "é è ê ë ę ğ í ì î ï ı ł", "ñ ń ó ò ô õ ő ø œ ś š ş",
      "ș ț ú ù û ů ű ý ź ż ž"},
     {"Á À Â Ä Ã Å Ă Ą Ç Č Ć Đ", "É È Ê Ë Ę Ğ Í Ì Î Ï I Ł", "Ñ Ń Ó Ò Ô Õ Ő Ø Œ Ś Š Ş",
      "Ș Ț Ú Ù Û Ů Ű Ý Ź Ż Ž"}},
    {"АБВ",
     "Cyrl",
     {"й ц у к е н г ш щ з х ъ", "ф ы в а п р о л д ж э ё", "я ч с м и т ь б ю і ї є", "ґ - '"},
     {"Й Ц У К Е Н Г Ш Щ З Х Ъ", "Ф Ы В А П Р О Л Д Ж Э Ё", "Я Ч С М И Т Ь Б Ю І Ї Є", "Ґ - '"}},
    {"ابت",
     "Arab",
     {"ض ص ث ق ف غ ع ه خ ح ج چ", "ش س ي ب ل ا ت ن م ك گ ک", "ئ ء ؤ ر ى ة و ز ظ ط ذ د",
      "پ ژ ی آ أ إ ټ ډ ړ ښ ږ ځ"},
     {NULL, NULL, NULL, NULL}},
};
#define N_LAYOUTS ((int)ARRAY_LEN(layouts))
#define KB_MAX_KEYS 64

/* The keys of a layout as shown (with or without shift), in row order. Returns the key
 * count; keys[i] point into a copy in buf. row_of[i] is the row of key i. */
typedef struct kb_keys {
    char buf[512];
    const char *key[KB_MAX_KEYS];
    int row[KB_MAX_KEYS];
    int n;
    int n_rows;
} kb_keys;

static void kb_keys_get(int layout, bool shift, kb_keys *k)
{
    const kb_layout *l = &layouts[layout >= 0 && layout < N_LAYOUTS ? layout : 0];
    memset(k, 0, sizeof(*k));
    size_t pos = 0;
    for (int r = 0; r < 4; r++) {
        const char *row = shift && l->upper[r] ? l->upper[r] : l->rows[r];
        if (!row)
            break;
        k->n_rows = r + 1;
        const char *p = row;
        while (*p && k->n < KB_MAX_KEYS) {
            const char *end = strchr(p, ' ');
            size_t len = end ? (size_t)(end - p) : strlen(p);
            if (pos + len + 1 > sizeof(k->buf))
                return;
            memcpy(k->buf + pos, p, len);
            k->buf[pos + len] = '\0';
            k->key[k->n] = k->buf + pos;
            k->row[k->n] = r;
            k->n++;
            pos += len + 1;
            p += len;
            while (*p == ' ')
                p++;
        }
    }
}

static bool layout_has_case(int layout)
{
    return layout >= 0 && layout < N_LAYOUTS && layouts[layout].upper[0] != NULL;
}

/* The layout a parent most likely writes her name with: her UI language's script. */
static int layout_for_lang(const ui_ctx *ctx, size_t lang)
{
    const lang_info *li = i18n_lang(ctx->i18n, lang);
    for (int i = 0; li && li->script && i < N_LAYOUTS; i++)
        if (layouts[i].script && strcmp(layouts[i].script, li->script) == 0)
            return i;
    return 0;
}

/* The phone pad: digits and '+'. */
static const char *const phone_keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "+", "0"};

/* ---- state ------------------------------------------------------------------------ */

void ui_contact_clear(ui_contact *c)
{
    secure_zero(c, sizeof(*c));
    c->topic = -1;
    c->interpreter = -1;
}

static bool is_german(const ui_ctx *ctx, size_t lang)
{
    const lang_info *li = i18n_lang(ctx->i18n, lang);
    return !li || strncmp(li->code, "de", 2) == 0;
}

static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void name_append(ui_contact *c, const char *key)
{
    size_t len = strlen(c->name), add = strlen(key);
    if (utf8_chars(c->name) >= NAME_MAX_CHARS || len + add >= sizeof(c->name)) {
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
            if (a.arg < 0 || a.arg >= (int)i18n_count(ctx->i18n) || is_german(ctx, (size_t)a.arg))
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
        if (a.arg == -2 && !is_german(ctx, st->lang)) {
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
        c->shift = !c->typing_phone && c->name[0] == '\0' && layout_has_case(c->keyboard);
        return true;
    case ACT_KEY: {
        if (c->typing_phone) {
            if (a.arg < 0 || (size_t)a.arg >= ARRAY_LEN(phone_keys))
                return false;
            phone_append(c, phone_keys[a.arg]);
            return true;
        }
        kb_keys k;
        kb_keys_get(c->keyboard, c->shift, &k);
        if (a.arg < 0 || a.arg >= k.n)
            return false;
        name_append(c, k.key[a.arg]);
        c->shift = false;
        return true;
    }
    case ACT_KEY_SHIFT:
        c->shift = !c->shift && layout_has_case(c->keyboard);
        return true;
    case ACT_KEY_LAYOUT:
        c->keyboard = (c->keyboard + 1) % N_LAYOUTS;
        c->shift = c->name[0] == '\0' && layout_has_case(c->keyboard);
        return true;
    case ACT_KEY_DELETE:
        delete_last(c->typing_phone ? c->phone : c->name);
        c->hint = HINT_NONE;
        if (!c->typing_phone && c->name[0] == '\0')
            c->shift = layout_has_case(c->keyboard);
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
    st->contact.interpreter = is_german(ctx, st->lang) ? -1 : (int)st->lang;
    st->contact.keyboard = layout_for_lang(ctx, st->lang);
    st->contact.shift = layout_has_case(st->contact.keyboard);
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

#define BAR_Y (CONTENT_BOTTOM - 88)
#define BAR_H 88

static const char *topic_title(int topic)
{
    return topic >= 0 && topic < TOPIC_COUNT ? ui_topic_titles[topic] : N_("Something else");
}

/* The step header: "Contact me · step 2 of 5" as the title. */
static void step_header(lay *L, int step)
{
    char n[4], of[4];
    snprintf(n, sizeof(n), "%d", step);
    snprintf(of, sizeof(of), "%d", 5);
    char *title = fmt_named(T(L, "Contact me · step {n} of {total}"), "n", n, "total", of, NULL);
    lay_header(L, title);
    free(title);
}

/* The bottom bar: Cancel on the start side, the forward button on the end side. */
static void bottom_bar(lay *L, const char *next_label, int next_act, bool next_enabled,
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

static char *next_hour_phrase(const lay *L)
{
    const site *s = L->ctx->site;
    occurrence o;
    if (!ui_schedule(L->ctx, -1, s->here, L->now_utc, false, &o, 1))
        return NULL;
    return when_phrase(L->ctx->i18n, L->st->lang, &o, L->now_utc);
}

void ui_contact_topic_layout(lay *L)
{
    step_header(L, 1);
    text_style lead = {32, 24, true, COL_TEXT, ALIGN_START, false};
    lay_text(L, "contact.question", T(L, "What is it about?"), 48, CONTENT_Y, 1184, 48, lead, NULL);
    int cols = 4, gap = 16, top = CONTENT_Y + 60;
    int w = (1280 - 2 * 48 - (cols - 1) * gap) / cols;
    int h = (BAR_Y - 16 - top - gap) / 2;
    for (int i = 0; i <= CONTACT_TOPIC_OTHER; i++) {
        bool other = i == CONTACT_TOPIC_OTHER;
        button_style bs = {other ? COL_MUTED : ui_topic_colours[i],
                           COL_WHITE,
                           28,
                           18,
                           other ? ICON_HELP : ui_topic_icons[i],
                           72,
                           true,
                           ALIGN_CENTER,
                           false};
        char *id = xasprintf("contact.topic.%s", other ? "other" : site_topic_key((site_topic)i));
        lay_button(L, id, T(L, topic_title(i)), 48 + (i % cols) * (w + gap),
                   top + (i / cols) * (h + gap), w, h, bs, ACT_CONTACT_TOPIC, i, NULL);
        free(id);
    }
    bottom_bar(L, NULL, 0, false, COL_PRIMARY);
}

/* One of the three ways to talk: a big button with its icon on the start side; the
 * visit's button also says when the next consultation hour is. */
static void choice(lay *L, const char *id, const char *label, const char *detail, dl_icon icon,
                   bool selected, int x, int y, int w, int h, int act, int arg)
{
    button_style bs = {selected ? COL_SELECTED : COL_CARD,
                       selected ? COL_WHITE : COL_TEXT,
                       28,
                       18,
                       icon,
                       48,
                       false,
                       ALIGN_START,
                       false};
    char *text = detail ? xasprintf("%s\n%s", label, detail) : xstrdup(label);
    lay_button(L, id, text, x, y, w, h, bs, act, arg, NULL);
    free(text);
}

void ui_contact_how_layout(lay *L)
{
    const ui_contact *c = &L->st->contact;
    const i18n *t = L->ctx->i18n;
    step_header(L, 2);
    text_style q = {30, 22, true, COL_TEXT, ALIGN_START, false};
    lay_text(L, "contact.how.question", T(L, "How would you like to talk?"), 48, CONTENT_Y, 1184,
             44, q, NULL);
    int top = CONTENT_Y + 52, gap = 20, w = (1280 - 2 * 48 - 2 * gap) / 3, h = 150;
    char *when = next_hour_phrase(L);
    choice(L, "contact.how.visit", T(L, "At the consultation hour here"),
           when ? when : T(L, "No consultation hours planned at the moment."), ICON_CLOCK,
           c->channel == CHANNEL_VISIT, 48, top, w, h, ACT_CHANNEL, CHANNEL_VISIT);
    free(when);
    choice(L, "contact.how.phone", T(L, "She calls me"), NULL, ICON_PHONE,
           c->channel == CHANNEL_PHONE, 48 + w + gap, top, w, h, ACT_CHANNEL, CHANNEL_PHONE);
    choice(L, "contact.how.sms", T(L, "She sends me a text message"), NULL, ICON_CONTACT,
           c->channel == CHANNEL_SMS, 48 + 2 * (w + gap), top, w, h, ACT_CHANNEL, CHANNEL_SMS);

    int y = top + h + 16;
    lay_text(L, "contact.interpreter.question", T(L, "Do you need an interpreter?"), 48, y, 560, 64,
             (text_style){28, 20, true, COL_TEXT, ALIGN_START, true}, NULL);
    button_style no = {c->interpreter < 0 ? COL_SELECTED : COL_CARD,
                       c->interpreter < 0 ? COL_WHITE : COL_TEXT,
                       28,
                       20,
                       ICON_NONE,
                       0,
                       false,
                       ALIGN_CENTER,
                       false};
    lay_button(L, "contact.interpreter.no", T(L, "No"), 624, y, 280, 64, no, ACT_INTERPRETER, -1,
               NULL);
    button_style yes = no;
    yes.bg = c->interpreter >= 0 ? COL_SELECTED : COL_CARD;
    yes.fg = c->interpreter >= 0 ? COL_WHITE : COL_TEXT;
    lay_button(L, "contact.interpreter.yes", T(L, "Yes"), 920, y, 312, 64, yes, ACT_INTERPRETER, -2,
               NULL);
    if (c->interpreter >= 0) {
        /* The language chosen, and the way to another one (the second step). */
        const lang_info *li = i18n_lang(t, (size_t)c->interpreter);
        char *which =
            fmt_named(T(L, "Interpreter: {language}"), "language", li ? li->name : "", NULL);
        lay_text(L, "contact.interpreter.chosen", which, 48, y + 80, 760, 72,
                 (text_style){30, 22, true, COL_TEXT, ALIGN_START, true}, NULL);
        free(which);
        button_style other = {COL_CARD_ALT, COL_TEXT, 26,           18,   ICON_LANGUAGE,
                              36,           false,    ALIGN_CENTER, false};
        lay_button(L, "contact.interpreter.other", T(L, "Another language"), 824, y + 80, 408, 72,
                   other, ACT_INTERPRETER, -3, NULL);
    }
    bottom_bar(L, T(L, "Next"), ACT_CONTACT_NEXT, c->channel != CHANNEL_NONE, COL_PRIMARY);
}

/* Step 2b: which language the interpreter speaks - every language of the kiosk but
 * German, in big buttons (four columns; 17 languages fit in five rows). */
void ui_contact_language_layout(lay *L)
{
    const ui_contact *c = &L->st->contact;
    const i18n *t = L->ctx->i18n;
    step_header(L, 2);
    lay_text(L, "contact.language.question", T(L, "Which language should the interpreter speak?"),
             48, CONTENT_Y, 1184, 44, (text_style){30, 22, true, COL_TEXT, ALIGN_START, false},
             NULL);
    size_t n = 0;
    for (size_t i = 0; i < i18n_count(t); i++)
        n += !is_german(L->ctx, i);
    int cols = n > 15 ? 4 : 3, gap = 16, top = CONTENT_Y + 56;
    int rows = (int)((n + (size_t)cols - 1) / (size_t)cols);
    int bw = (1184 - (cols - 1) * gap) / cols;
    int bh = rows ? (BAR_Y - 12 - top - (rows - 1) * gap) / rows : 0;
    if (bh > 96)
        bh = 96;
    int k = 0;
    for (size_t i = 0; i < i18n_count(t); i++) {
        if (is_german(L->ctx, i))
            continue;
        const lang_info *li = i18n_lang(t, i);
        bool sel = (int)i == c->interpreter;
        button_style ls = {sel ? COL_SELECTED : COL_CARD_ALT,
                           sel ? COL_WHITE : COL_TEXT,
                           30,
                           20,
                           ICON_NONE,
                           0,
                           false,
                           ALIGN_CENTER,
                           false};
        char *id = xasprintf("contact.language.%s", li->code);
        lay_button(L, id, li->name, 48 + (k % cols) * (bw + gap), top + (k / cols) * (bh + gap), bw,
                   bh, ls, ACT_INTERPRETER, (int)i, NULL);
        free(id);
        k++;
    }
    bottom_bar(L, NULL, ACT_NONE, false, COL_PRIMARY);
}

static const char *hint_text(const lay *L)
{
    const ui_contact *c = &L->st->contact;
    switch (c->hint) {
    case HINT_PHONE_NEEDED:
        return T(L, "Please type your phone number, so that she can reach you.");
    case HINT_PHONE_INVALID:
        switch ((phone_result)c->hint_arg) {
        case PHONE_NO_AREA_CODE:
            return T(L, "Please type the number with the area code, e.g. 0221 …");
        case PHONE_TOO_SHORT:
            return T(L, "This number looks too short. Please check it.");
        case PHONE_TOO_LONG:
            return T(L, "This number looks too long. Please check it.");
        default:
            return T(L, "This does not look like a phone number. Please check it.");
        }
    case HINT_NAME_FULL:
        return T(L, "The name is complete: there is no more room.");
    case HINT_NONE:
        break;
    }
    return NULL;
}

static void field(lay *L, const char *id, const char *label, const char *value,
                  const char *placeholder, bool focused, int x, int w, int arg)
{
    int y = CONTENT_Y;
    char *lid = xasprintf("%s.label", id);
    lay_text(L, lid, label, x, y, w, 34, (text_style){24, 18, true, COL_TEXT, ALIGN_START, false},
             NULL);
    free(lid);
    if (focused) {
        dl_elem *ring = lay_box(L, NULL, x - 4, y + 36, w + 8, 72, COL_PRIMARY, 16);
        free(ring->id);
        ring->id = xasprintf("%s.focus", id);
    }
    dl_elem *bg = lay_box(L, NULL, x, y + 40, w, 64, COL_CARD, 12);
    free(bg->id);
    bg->id = xasprintf("%s.box", id);
    bg->action = (dl_action){ACT_FIELD, arg};
    bool empty = value[0] == '\0';
    text_style ts = {32, 20, !empty, empty ? COL_MUTED : COL_TEXT, ALIGN_START, true};
    lay_text(L, id, empty ? placeholder : value, x + 16, y + 40, w - 32, 64, ts, NULL);
}

static void key(lay *L, const char *id, const char *label, int x, int y, int w, int h, int act,
                int arg, uint32_t bg, dl_icon icon)
{
    /* Keyboards and number pads keep their physical order in right-to-left languages (an
     * Arabic keyboard, too, starts with ض on the left): placed mirrored here, the final
     * mirroring of the whole screen puts them back. */
    if (L->d->rtl)
        x = 1280 - x - w;
    button_style bs = {
        bg, bg == COL_PRIMARY ? COL_WHITE : COL_TEXT, 30, 18, icon, 36, false, ALIGN_CENTER, false};
    dl_elem *e = lay_button(L, id, label, x, y, w, h, bs, act, arg, NULL);
    e->radius = S(L, 10);
    e->pad_x = S(L, 4);
}

static void layout_keyboard(lay *L, int top, int bottom)
{
    const ui_contact *c = &L->st->contact;
    int gap = 8;
    if (c->typing_phone) {
        /* A big number pad in the middle: 1-9, then + 0 and delete. */
        int kw = 200, kh = (bottom - top - 3 * gap) / 4, x0 = (1280 - 3 * kw - 2 * gap) / 2;
        for (size_t i = 0; i < ARRAY_LEN(phone_keys); i++) {
            char *id = xasprintf("key.%s", phone_keys[i]);
            int row = (int)i / 3, col = (int)i % 3;
            key(L, id, phone_keys[i], x0 + col * (kw + gap), top + row * (kh + gap), kw, kh,
                ACT_KEY, (int)i, COL_CARD, ICON_NONE);
            free(id);
        }
        key(L, "key.delete", "⌫", x0 + 2 * (kw + gap), top + 3 * (kh + gap), kw, kh, ACT_KEY_DELETE,
            0, COL_CARD_ALT, ICON_NONE);
        return;
    }
    kb_keys k;
    kb_keys_get(c->keyboard, c->shift, &k);
    int rows = k.n_rows + 1;
    int kh = (bottom - top - (rows - 1) * gap) / rows;
    int kw = (1184 - 11 * gap) / 12;
    for (int r = 0; r < k.n_rows; r++) {
        int in_row = 0, first = -1;
        for (int i = 0; i < k.n; i++)
            if (k.row[i] == r) {
                if (first < 0)
                    first = i;
                in_row++;
            }
        int x0 = 48 + (1184 - in_row * kw - (in_row - 1) * gap) / 2;
        for (int j = 0; j < in_row; j++) {
            char *id = xasprintf("key.%s", k.key[first + j]);
            key(L, id, k.key[first + j], x0 + j * (kw + gap), top + r * (kh + gap), kw, kh, ACT_KEY,
                first + j, COL_CARD, ICON_NONE);
            free(id);
        }
    }
    int y = top + k.n_rows * (kh + gap);
    if (layout_has_case(c->keyboard))
        key(L, "key.shift", "⇧", 48, y, 2 * kw + gap, kh, ACT_KEY_SHIFT, 0,
            c->shift ? COL_PRIMARY : COL_CARD_ALT, ICON_NONE);
    int next = (c->keyboard + 1) % N_LAYOUTS;
    key(L, "key.layout", layouts[next].label, 48 + 2 * (kw + gap), y, 2 * kw + gap, kh,
        ACT_KEY_LAYOUT, 0, COL_CARD_ALT, ICON_NONE);
    key(L, "key.space", "␣", 48 + 4 * (kw + gap), y, 6 * kw + 5 * gap, kh, ACT_KEY_SPACE, 0,
        COL_CARD, ICON_NONE);
    key(L, "key.delete", "⌫", 48 + 10 * (kw + gap), y, 2 * kw + gap, kh, ACT_KEY_DELETE, 0,
        COL_CARD_ALT, ICON_NONE);
}

void ui_contact_details_layout(lay *L)
{
    const ui_contact *c = &L->st->contact;
    step_header(L, 3);
    bool need_phone = c->channel == CHANNEL_PHONE || c->channel == CHANNEL_SMS;
    field(L, "contact.name", T(L, "First name or nickname (optional)"), c->name, T(L, "(optional)"),
          !c->typing_phone, 48, 560, 0);
    field(L, "contact.phone",
          need_phone ? T(L, "Your phone number") : T(L, "Phone number (optional)"), c->phone,
          need_phone ? "" : T(L, "(optional)"), c->typing_phone, 672, 560, 1);
    const char *hint = hint_text(L);
    int top = CONTENT_Y + 116;
    if (hint)
        lay_text(L, "contact.hint", hint, 48, top, 1184, 40,
                 (text_style){26, 18, true, COL_CANCELLED, ALIGN_CENTER, true}, NULL);
    layout_keyboard(L, top + 44, BAR_Y - 12);
    bottom_bar(L, T(L, "Next"), ACT_CONTACT_NEXT, true, COL_PRIMARY);
}

void ui_contact_consent_layout(lay *L)
{
    const ui_contact *c = &L->st->contact;
    const site *s = L->ctx->site;
    step_header(L, 4);
    /* Left: what will be sent, so she sees it once more. */
    lay_box(L, "consent.summary.bg", 32, CONTENT_Y - 8, 420, BAR_Y - CONTENT_Y - 4, COL_CARD, 20);
    text_style h = {26, 20, true, COL_TEXT, ALIGN_START, false};
    lay_text(L, "consent.summary.title", T(L, "Your request"), 56, CONTENT_Y + 4, 372, 40, h, NULL);
    strbuf sb;
    strbuf_init(&sb);
    strbuf_printf(&sb, "%s\n", T(L, topic_title(c->topic)));
    const char *how = c->channel == CHANNEL_VISIT   ? T(L, "At the consultation hour here")
                      : c->channel == CHANNEL_PHONE ? T(L, "She calls me")
                                                    : T(L, "She sends me a text message");
    strbuf_printf(&sb, "%s\n", how);
    const lang_info *li =
        c->interpreter >= 0 ? i18n_lang(L->ctx->i18n, (size_t)c->interpreter) : NULL;
    if (li) {
        char *line = fmt_named(T(L, "Interpreter: {language}"), "language", li->name, NULL);
        strbuf_printf(&sb, "%s\n", line);
        free(line);
    }
    if (c->name[0])
        strbuf_printf(&sb, "%s\n", c->name);
    if (c->phone[0])
        strbuf_printf(&sb, "%s\n", c->phone);
    lay_text(L, "consent.summary", sb.data ? sb.data : "", 56, CONTENT_Y + 48, 372,
             BAR_Y - CONTENT_Y - 72, (text_style){26, 18, false, COL_TEXT, ALIGN_START, false},
             NULL);
    secure_zero(sb.data, sb.len);
    strbuf_finish(&sb);

    /* Right: the promise, in plain words, with its honest limit. */
    int workers[2];
    size_t nw = site_workers_at(s, s->here, workers, ARRAY_LEN(workers));
    const char *who = nw ? s->workers[workers[0]].name : "";
    char days[12];
    snprintf(days, sizeof(days), "%d", L->ctx->status.retention_days);
    char *p1 = fmt_named(T(L, "Only the social worker {name} can read your request. It is locked "
                              "on this device: nobody else can open it."),
                         "name", who, NULL);
    char *p2 = fmt_named(T(L, "She collects it at her next visit and then contacts you as you "
                              "chose. Asking is free and voluntary, and commits you to nothing."),
                         NULL);
    char *p3 = fmt_named(T(L, "It is deleted from this device when she collects it, or after "
                              "{days} days at the latest."),
                         "days", days, NULL);
    char *p4 = fmt_named(T(L, "One limit: if a child is in danger, she must act to protect the "
                              "child (§ 8a SGB VIII)."),
                         NULL);
    char *all = xasprintf("%s\n\n%s\n\n%s\n\n%s", p1, p2, p3, p4);
    lay_text(L, "consent.text", all, 484, CONTENT_Y - 4, 748, BAR_Y - CONTENT_Y - 8,
             (text_style){28, 18, false, COL_TEXT, ALIGN_START, false}, NULL);
    free(all);
    free(p1);
    free(p2);
    free(p3);
    free(p4);
    bottom_bar(L, T(L, "Yes, send"), ACT_SEND, L->ctx->status.contact_ready, COL_OK);
}

void ui_contact_done_layout(lay *L)
{
    const ui_contact *c = &L->st->contact;
    step_header(L, 5);
    text_style h1 = {40, 28, true, COL_OK, ALIGN_CENTER, false};
    lay_text(L, "done.title", T(L, "Thank you! Your request has been saved."), 48, CONTENT_Y, 1184,
             60, h1, NULL);
    lay_text(L, "done.code.lead", T(L, "Your code:"), 48, CONTENT_Y + 76, 1184, 40,
             (text_style){28, 20, false, COL_MUTED, ALIGN_CENTER, false}, NULL);
    lay_box(L, "done.code.bg", 390, CONTENT_Y + 120, 500, 120, COL_CARD, 20);
    dl_elem *code = lay_text(L, "done.code", c->ticket, 390, CONTENT_Y + 120, 500, 120,
                             (text_style){88, 60, true, COL_TEXT, ALIGN_CENTER, true}, NULL);
    (void)code;
    lay_text(L, "done.code.hint",
             T(L, "Show this code at the consultation hour, or say it on the phone. Then the "
                  "social worker knows it is you."),
             48, CONTENT_Y + 256, 1184, 80,
             (text_style){28, 20, false, COL_TEXT, ALIGN_CENTER, false}, NULL);
    char *when = next_hour_phrase(L);
    char *line = when ? fmt_named(T(L, "Next consultation hour: {when}"), "when", when, NULL)
                      : xstrdup(T(L, "No consultation hours planned at the moment."));
    lay_text(L, "done.next", line, 48, CONTENT_Y + 344, 1184, 60,
             (text_style){30, 22, true, COL_PRIMARY, ALIGN_CENTER, false}, NULL);
    free(line);
    free(when);
    button_style bs = {COL_PRIMARY, COL_WHITE, 34, 24, ICON_HOME, 44, false, ALIGN_CENTER, false};
    lay_button(L, "done.ok", T(L, "Done"), 200, BAR_Y, 400, BAR_H - 8, bs, ACT_DONE, 0, NULL);
    ui_qr_button(L, "done.qr", 680, BAR_Y, 400, BAR_H - 8, QR_TICKET);
}

void ui_contact_sorry_layout(lay *L)
{
    lay_header(L, T(L, "Contact me"));
    dl_elem *ic = dl_push(L->d, ROLE_ICON, "sorry.icon", NULL);
    ic->icon = ICON_WARNING;
    ic->fg = COL_CANCELLED;
    ic->x = S(L, 1280 / 2 - 56);
    ic->y = S(L, CONTENT_Y + 8);
    ic->w = ic->h = ic->icon_size = S(L, 112);
    const char *msg =
        L->st->contact.hint_arg == SUBMIT_FLOOD
            ? T(L, "Several requests were sent from here just now. Please speak to the Kita "
                   "staff: they will help you reach the social worker.")
            : T(L, "Sorry, your request could not be saved. Please speak to the Kita staff: they "
                   "will help you reach the social worker.");
    lay_text(L, "sorry.text", msg, 120, CONTENT_Y + 140, 1040, 200,
             (text_style){34, 24, false, COL_TEXT, ALIGN_CENTER, false}, NULL);
    button_style bs = {COL_PRIMARY, COL_WHITE, 34, 24, ICON_HOME, 44, false, ALIGN_CENTER, false};
    lay_button(L, "sorry.ok", T(L, "Back to the start"), 400, BAR_Y, 480, BAR_H - 8, bs, ACT_DONE,
               0, NULL);
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
