/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_qr.c - "Take it home": QR codes a parent points her phone at.
 *
 * One big code at a time (a phone reads one code at arm's length; several small ones
 * side by side confuse it), chosen from a list on the start side, each with a caption in
 * the parent's language saying what the code does. The codes are built from the site
 * content and the schedule (qr_payload.h); the renderer encodes each payload once and
 * caches it. A payload too large for a readable code at this size is reported by
 * --check-site, never shown as a tiny unreadable code. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/qr_payload.h"
#include "time/schedule.h"
#include "ui/ui_lay.h"
#include "base/util.h"
#include "time/when.h"

#define QR_MAX_ITEMS 8
#define QR_BOX 440 /* design px: up to version 17 at 4 px per module with its quiet zone */

typedef struct qr_item {
    char id[48];
    char *caption; /* in the parent's language (new string) */
    dl_icon icon;
    char *payload;       /* new string */
    const site_src *src; /* where a site text in the caption comes from, or NULL */
} qr_item;

static qr_item *item_add(qr_item *items, size_t *n, const char *id, char *caption, dl_icon icon,
                         char *payload)
{
    if (!payload || *n >= QR_MAX_ITEMS) {
        free(caption);
        free(payload);
        return NULL;
    }
    qr_item *it = &items[(*n)++];
    snprintf(it->id, sizeof(it->id), "%s", id);
    it->caption = caption;
    it->icon = icon;
    it->payload = payload;
    it->src = NULL;
    return it;
}

static void items_free(qr_item *items, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(items[i].caption);
        free(items[i].payload);
    }
}

/* A web address as a link a phone opens: "example.org/x" -> "https://example.org/x". */
static char *web_link(const char *web)
{
    if (!web || !*web)
        return NULL;
    if (str_starts_with(web, "http://") || str_starts_with(web, "https://"))
        return xstrdup(web);
    return xasprintf("https://%s", web);
}

static void service_items(lay *L, const site_service *sv, bool only_card, qr_item *items, size_t *n)
{
    const char *name = C(L, sv->name);
    if (!only_card) {
        if (sv->phone)
            item_add(items, n, "qr.tel", xstrdup(T(L, "Save the phone number")), ICON_PHONE,
                     qr_payload_tel(sv->phone));
        if (sv->web)
            item_add(items, n, "qr.web", xstrdup(T(L, "Open the website")), ICON_GLOBE,
                     web_link(C(L, sv->web)));
        if (sv->has_geo || sv->address)
            item_add(items, n, "qr.map", xstrdup(T(L, "Show the way on a map")), ICON_PLACE,
                     sv->has_geo ? qr_payload_geo(sv->lat, sv->lon)
                                 : qr_payload_map_search(sv->address));
    }
    /* The card carries the name in her language and the German one, which is what she
     * will see on the door. */
    char *url = web_link(C(L, sv->web));
    qr_contact c = {.name = name,
                    .org = strcmp(name, sv->name) != 0 ? sv->name : NULL,
                    .phone = sv->phone,
                    .address = sv->address,
                    .url = url,
                    .note = sv->hours ? C(L, sv->hours) : NULL};
    char *id = only_card ? xasprintf("qr.service.%s", sv->id) : xstrdup("qr.card");
    char *caption = only_card ? fmt_named(T(L, "Save the contact: {name}"), "name", name, NULL)
                              : xstrdup(T(L, "Save the contact"));
    qr_item *it = item_add(items, n, id, caption, ICON_CONTACT, qr_payload_vcard(&c));
    if (it && only_card)
        it->src = &sv->src_name;
    free(id);
    free(url);
}

/* The next consultation hour here as a calendar event; with the ticket code in it on the
 * request confirmation. */
static char *hour_event(lay *L, const char *ticket)
{
    const site *s = L->ctx->site;
    occurrence o;
    if (!ui_schedule(L->ctx, -1, s->here, L->now_utc, false, &o, 1))
        return NULL;
    const site_worker *wk = &s->workers[o.worker];
    const site_kita *k = &s->kitas[s->here];
    char *summary = fmt_named(T(L, "Consultation hour: {name}"), "name", wk->name, NULL);
    char *location = k->address ? xasprintf("%s, %s", k->name, k->address) : xstrdup(k->name);
    char *description =
        ticket ? fmt_named(T(L, "Your code: {code}"), "code", ticket, NULL)
               : xstrdup(T(L, "Free of charge and confidential. No appointment needed."));
    /* DTSTAMP: the start of the day, so the payload (and the code) stays the same all day
     * instead of changing every minute. */
    qr_event e = {.summary = summary,
                  .location = location,
                  .description = description,
                  .date = o.date,
                  .start_min = o.start_min,
                  .end_min = o.end_min,
                  .stamp_utc = L->now_utc - ((L->now_utc % 86400) + 86400) % 86400};
    char *payload = qr_payload_event(&e);
    free(summary);
    free(location);
    free(description);
    return payload;
}

static char *worker_card(lay *L)
{
    const site *s = L->ctx->site;
    int workers[2];
    if (!site_workers_at(s, s->here, workers, ARRAY_LEN(workers)))
        return NULL;
    const site_worker *wk = &s->workers[workers[0]];
    if (!wk->phone && !wk->email)
        return NULL;
    qr_contact c = {.name = wk->name,
                    .org = wk->role ? C(L, wk->role) : NULL,
                    .phone = wk->phone,
                    .email = wk->email,
                    .address = s->kitas[s->here].address};
    return qr_payload_vcard(&c);
}

/* The emergency numbers as one contact card: every number to call, and a note saying
 * which is which in her language (phones show the note with the contact). */
static char *emergency_card(lay *L)
{
    strbuf note;
    strbuf_init(&note);
    const char *more[UI_EMERGENCY_NUMBERS];
    for (size_t i = 0; i < UI_EMERGENCY_NUMBERS; i++) {
        strbuf_printf(&note, "%s%s: %s", i ? "\n" : "", ui_emergency_numbers[i].number,
                      T(L, ui_emergency_numbers[i].label));
        more[i] = ui_emergency_numbers[i].number;
    }
    qr_contact c = {.name = T(L, "Emergency numbers"),
                    .phone = more[0],
                    .more_phones = more + 1,
                    .n_more_phones = UI_EMERGENCY_NUMBERS - 1,
                    .note = note.data};
    char *card = qr_payload_vcard(&c);
    strbuf_finish(&note);
    return card;
}

static size_t build_items(lay *L, qr_item *items)
{
    const ui_state *st = L->st;
    const site *s = L->ctx->site;
    size_t n = 0;
    switch (st->qr) {
    case QR_SERVICE:
        if (st->service >= 0 && (size_t)st->service < s->n_services)
            service_items(L, &s->services[st->service], false, items, &n);
        break;
    case QR_HOURS:
        item_add(items, &n, "qr.hour", xstrdup(T(L, "Add to calendar")), ICON_CALENDAR,
                 hour_event(L, NULL));
        item_add(items, &n, "qr.worker", xstrdup(T(L, "Save the social worker's number")),
                 ICON_PHONE, worker_card(L));
        break;
    case QR_TICKET:
        item_add(items, &n, "qr.ticket", xstrdup(T(L, "Add to calendar, with your code")),
                 ICON_CALENDAR, hour_event(L, st->contact.ticket));
        break;
    case QR_TAKE_HOME:
        item_add(items, &n, "qr.hour", xstrdup(T(L, "Add to calendar")), ICON_CALENDAR,
                 hour_event(L, NULL));
        item_add(items, &n, "qr.emergency", xstrdup(T(L, "Keep the emergency numbers")),
                 ICON_WARNING, emergency_card(L));
        for (size_t i = 0; i < UI_SEEN_MAX; i++) {
            int sv = st->seen[i] - 1;
            if (sv >= 0 && (size_t)sv < s->n_services)
                service_items(L, &s->services[sv], true, items, &n);
        }
        break;
    }
    return n;
}

void ui_qr_seen(ui_state *st, int service)
{
    int v = service + 1, k = 0;
    int keep[UI_SEEN_MAX];
    keep[k++] = v;
    for (size_t i = 0; i < UI_SEEN_MAX && k < UI_SEEN_MAX; i++)
        if (st->seen[i] && st->seen[i] != v)
            keep[k++] = st->seen[i];
    memset(st->seen, 0, sizeof(st->seen));
    memcpy(st->seen, keep, (size_t)k * sizeof(int));
}

bool ui_qr_open(ui_state *st, const ui_ctx *ctx, int source)
{
    if (source < QR_TAKE_HOME || source > QR_TICKET || st->screen == SCREEN_QR)
        return false;
    /* The ticket's codes only from the confirmation, a service's from its page. */
    if ((source == QR_TICKET) != (st->screen == SCREEN_CONTACT_DONE))
        return false;
    if (source == QR_SERVICE && st->screen != SCREEN_SERVICE)
        return false;
    qr_source before = st->qr;
    int item = st->qr_item;
    st->qr = (qr_source)source;
    st->qr_item = 0;
    if (ui_go(st, ctx, SCREEN_QR))
        return true;
    st->qr = before;
    st->qr_item = item;
    return false;
}

bool ui_qr_ready(const ui_state *st, const ui_ctx *ctx)
{
    switch (st->qr) {
    case QR_TICKET:
        return st->contact.sent && st->contact.ticket[0];
    case QR_SERVICE:
        return ctx->site && st->service >= 0 && (size_t)st->service < ctx->site->n_services;
    case QR_TAKE_HOME:
    case QR_HOURS:
        return true;
    }
    return false;
}

bool ui_qr_action(ui_state *st, const ui_ctx *ctx, const dl *shown, dl_action a)
{
    (void)ctx;
    (void)shown;
    if (a.kind != ACT_QR_ITEM || a.arg < 0 || a.arg >= QR_MAX_ITEMS)
        return false;
    st->qr_item = a.arg;
    return true;
}

void ui_qr_button(lay *L, const char *id, int x, int y, int w, int h, qr_source source)
{
    button_style bs = {COL_PRIMARY, COL_WHITE, 26, 18, ICON_QR, 40, false, ALIGN_START, false};
    lay_button(L, id, T(L, "Take it home (QR)"), x, y, w, h, bs, ACT_QR_OPEN, (int)source, NULL);
}

void ui_qr_layout(lay *L)
{
    lay_header(L, T(L, "Take it home"));
    qr_item items[QR_MAX_ITEMS];
    size_t n = L->ctx->site ? build_items(L, items) : 0;
    if (n == 0) {
        lay_text(L, "qr.none", T(L, "Nothing to take home here yet."), 48, CONTENT_Y, 1184, 80,
                 (text_style){30, 22, false, COL_TEXT, ALIGN_CENTER, true}, NULL);
        return;
    }
    int sel = L->st->qr_item >= 0 && (size_t)L->st->qr_item < n ? L->st->qr_item : 0;
    /* Start side: what can be taken home. */
    int gap = 12;
    int bh = (CONTENT_BOTTOM - CONTENT_Y - (QR_MAX_ITEMS - 1) * gap) / QR_MAX_ITEMS;
    if (n <= 4)
        bh = 96;
    for (size_t i = 0; i < n; i++) {
        bool on = (int)i == sel;
        button_style bs = {on ? COL_SELECTED : COL_CARD,
                           on ? COL_WHITE : COL_TEXT,
                           24,
                           16,
                           items[i].icon,
                           36,
                           false,
                           ALIGN_START,
                           false};
        char *bid = xasprintf("%s.choose", items[i].id);
        lay_button(L, bid, items[i].caption, 48, CONTENT_Y + (int)i * (bh + gap), 600, bh, bs,
                   ACT_QR_ITEM, (int)i, items[i].src);
        free(bid);
    }
    /* End side: the code, big, with what it does. */
    int qx = 1280 - 48 - QR_BOX, qy = CONTENT_Y - 8;
    int qh = CONTENT_BOTTOM - 64 - qy;
    int box = qh < QR_BOX ? qh : QR_BOX;
    qx += (QR_BOX - box) / 2;
    dl_elem *q = dl_push(L->d, ROLE_QR, items[sel].id, NULL);
    q->x = S(L, qx);
    q->y = S(L, qy);
    q->w = q->h = S(L, box);
    q->payload = xstrdup(items[sel].payload);
    q->bg = COL_WHITE;
    q->has_bg = true;
    size_t bytes = qr_payload_encoded_bytes(items[sel].payload);
    int need = qr_payload_min_box_px(bytes);
    if (need < 0 || need > q->w) { /* need: real pixels at 4 px per module */
        q->overflow = true;
        if (L->check)
            site_errors_add(L->check, NULL, 0, NULL,
                            "QR code '%s' on screen '%s' in language %s: %zu bytes are too many "
                            "for a code a phone can read at this size (a %d px square holds "
                            "at most %zu)",
                            items[sel].id, L->d->screen, L->d->lang, bytes, box,
                            qr_payload_max_bytes());
    }
    char *cid = xasprintf("%s.caption", items[sel].id);
    lay_text(L, cid, items[sel].caption, qx - 40, qy + box + 4, box + 80, 60,
             (text_style){26, 18, true, COL_TEXT, ALIGN_CENTER, true}, items[sel].src);
    free(cid);
    items_free(items, n);
}
