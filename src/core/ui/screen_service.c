/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_service.c - one service: its description and the facts the content gives. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "time/when.h"
#include "ui/ui_lay.h"

void ui_service_layout(lay *L)
{
    const site *s = L->ctx->site;
    if (L->st->service < 0 || (size_t)L->st->service >= s->n_services)
        return; /* not ready: never shown */
    const site_service *sv = &s->services[L->st->service];
    lay_header(L, T(L, ui_topic_titles[sv->topic]));
    text_style h1 = {40, 28, true, COL_TEXT, ALIGN_START, false};
    h1.min_px = 22; /* two lines beside the QR button when the name is long */
    lay_text(L, "service.name", C(L, sv->name), 48, CONTENT_Y, 824, 64, h1, &sv->src_name);
    ui_qr_button(L, "service.qr", 1280 - 48 - 340, CONTENT_Y, 340, 64, QR_SERVICE);
    int y0 = CONTENT_Y + 76;
    lay_box(L, "service.desc.bg", 32, y0 - 8, 640, CONTENT_BOTTOM - y0 + 8, COL_CARD, 20);
    text_style body = {30, 24, false, COL_TEXT, ALIGN_START, false};
    lay_text(L, "service.description", C(L, sv->description), 56, y0 + 12, 592,
             CONTENT_BOTTOM - y0 - 28, body, &sv->src_description);
    /* Facts column: only what the content gives. */
    int fx = 696, fw = 536, y = y0;
    int n = (sv->address != NULL) + (sv->hours != NULL) + (sv->phone != NULL) +
            (sv->languages != NULL) + (sv->costs != NULL) + (sv->web != NULL);
    int h = n ? (CONTENT_BOTTOM - y0) / n - 8 : 0;
    if (h > 120)
        h = 120;
    if (sv->phone)
        y = lay_fact(L, "service.phone", ICON_PHONE, T(L, "Phone"), sv->phone, fx, y, fw, h, NULL);
    if (sv->address)
        y = lay_fact(L, "service.address", ICON_PLACE, T(L, "Address"), sv->address, fx, y, fw, h,
                     &sv->src_address);
    if (sv->hours)
        y = lay_fact(L, "service.hours", ICON_CLOCK, T(L, "Opening hours"), C(L, sv->hours), fx, y,
                     fw, h, &sv->src_hours);
    if (sv->languages)
        y = lay_fact(L, "service.languages", ICON_LANGUAGE, T(L, "Languages spoken"),
                     C(L, sv->languages), fx, y, fw, h, &sv->src_languages);
    if (sv->costs)
        y = lay_fact(L, "service.costs", ICON_EURO, T(L, "Costs"), C(L, sv->costs), fx, y, fw, h,
                     &sv->src_costs);
    if (sv->web)
        lay_fact(L, "service.web", ICON_GLOBE, T(L, "Website"), C(L, sv->web), fx, y, fw, h,
                 NULL); /* a site may translate its address to a page in her language */
}

/* ---- emergency, contact, out of order ----------------------------------------------- */

bool ui_service_ready(const ui_state *st, const ui_ctx *ctx)
{
    return ctx->site && st->service >= 0 && (size_t)st->service < ctx->site->n_services;
}
