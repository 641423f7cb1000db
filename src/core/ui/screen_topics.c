/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_topics.c - help and advice: the six topics, and the services of one topic (paged
 * when there are many). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "time/when.h"
#include "ui/ui_lay.h"

void ui_topics_layout(lay *L)
{
    lay_header(L, T(L, "Help and advice"));
    int gap = 24, cols = 3, w = (1280 - 2 * 48 - (cols - 1) * gap) / cols;
    int h = (CONTENT_BOTTOM - CONTENT_Y - gap) / 2;
    for (int i = 0; i < TOPIC_COUNT; i++) {
        button_style bs = {ui_topic_colours[i], COL_WHITE, 32, 22, ui_topic_icons[i], 96, true,
                           ALIGN_CENTER,        false};
        char *id = xasprintf("topic.%s", site_topic_key((site_topic)i));
        lay_button(L, id, T(L, ui_topic_titles[i]), 48 + (i % cols) * (w + gap),
                   CONTENT_Y + (i / cols) * (h + gap), w, h, bs, ACT_TOPIC, i, NULL);
        free(id);
    }
}

size_t ui_services_in_topic(const site *s, int topic, int *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < s->n_services; i++)
        if ((int)s->services[i].topic == topic) {
            if (out && n < max)
                out[n] = (int)i;
            n++;
        }
    return n;
}

void ui_topic_layout(lay *L)
{
    const site *s = L->ctx->site;
    int topic = L->st->topic < 0 ? 0 : L->st->topic;
    lay_header(L, T(L, ui_topic_titles[topic]));
    size_t total = ui_services_in_topic(s, topic, NULL, 0);
    int *idx = xcalloc(total ? total : 1, sizeof(int));
    ui_services_in_topic(s, topic, idx, total);
    int pages = (int)((total + SERVICES_PER_PAGE - 1) / SERVICES_PER_PAGE);
    int page = L->st->page < pages ? L->st->page : 0;
    bool paged = pages > 1;
    int gap = 20, w = (1280 - 2 * 48 - gap) / 2;
    int bottom = paged ? CONTENT_BOTTOM - 88 : CONTENT_BOTTOM;
    int h = (bottom - CONTENT_Y - 3 * gap) / 4;
    if (total == 0) {
        text_style ts = {30, 22, false, COL_TEXT, ALIGN_CENTER, true};
        lay_text(L, "topic.empty", T(L, "No services for this topic yet. Please ask the staff."),
                 48, CONTENT_Y, 1184, 200, ts, NULL);
    }
    for (size_t k = 0; k < SERVICES_PER_PAGE; k++) {
        size_t i = (size_t)page * SERVICES_PER_PAGE + k;
        if (i >= total)
            break;
        const site_service *sv = &s->services[idx[i]];
        button_style bs = {COL_CARD, COL_TEXT, 30,          20,   ui_topic_icons[topic],
                           44,       false,    ALIGN_START, false};
        char *id = xasprintf("service.%s", sv->id);
        lay_button(L, id, C(L, sv->name), 48 + (int)(k % 2) * (w + gap),
                   CONTENT_Y + (int)(k / 2) * (h + gap), w, h, bs, ACT_SERVICE, idx[i],
                   &sv->src_name);
        free(id);
    }
    if (paged) {
        char *pg = xasprintf("%d / %d", page + 1, pages);
        text_style ts = {28, 22, true, COL_TEXT, ALIGN_CENTER, true};
        lay_text(L, "page.of", pg, 540, CONTENT_BOTTOM - 72, 200, 72, ts, NULL);
        free(pg);
        button_style bs = {COL_PRIMARY, COL_WHITE, 28,          20,   ICON_BACK,
                           36,          false,     ALIGN_START, false};
        dl_elem *prev = lay_button(L, "page.prev", T(L, "Previous"), 48, CONTENT_BOTTOM - 72, 320,
                                   72, bs, ACT_PAGE, page - 1, NULL);
        prev->enabled = page > 0;
        bs.icon = ICON_NEXT;
        dl_elem *next = lay_button(L, "page.next", T(L, "More"), 1280 - 48 - 320,
                                   CONTENT_BOTTOM - 72, 320, 72, bs, ACT_PAGE, page + 1, NULL);
        next->enabled = page + 1 < pages;
    }
    free(idx);
}

bool ui_topics_action(ui_state *st, const ui_ctx *ctx, const dl *shown, dl_action a)
{
    (void)shown;
    if (a.kind != ACT_TOPIC || a.arg < 0 || a.arg >= TOPIC_COUNT)
        return false;
    int before = st->topic;
    st->topic = a.arg;
    if (ui_go(st, ctx, SCREEN_TOPIC))
        return true;
    st->topic = before;
    return false;
}

bool ui_topic_ready(const ui_state *st, const ui_ctx *ctx)
{
    (void)ctx;
    return st->topic >= 0 && st->topic < TOPIC_COUNT;
}

bool ui_topic_action(ui_state *st, const ui_ctx *ctx, const dl *shown, dl_action a)
{
    (void)shown;
    const site *s = ctx->site;
    switch (a.kind) {
    case ACT_SERVICE: {
        if (!s || a.arg < 0 || (size_t)a.arg >= s->n_services)
            return false;
        int page = st->page;
        st->service = a.arg;
        st->topic = (int)s->services[a.arg].topic;
        if (!ui_go(st, ctx, SCREEN_SERVICE))
            return false;
        st->topic_page = page;
        ui_qr_seen(st, a.arg);
        return true;
    }
    case ACT_PAGE:
        st->page = a.arg < 0 ? 0 : a.arg;
        return true;
    default:
        return false;
    }
}
