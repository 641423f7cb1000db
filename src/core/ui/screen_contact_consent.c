/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_contact_consent.c - contact step 4: what is sent, who reads it, what happens
 * next and the limits of confidentiality; "Yes, send". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "ui/ui_contact.h"

void ui_contact_consent_layout(lay *L)
{
    const ui_contact *c = &L->st->contact;
    const site *s = L->ctx->site;
    ui_contact_step_header(L, 4);
    /* Left: what will be sent, so she sees it once more. */
    lay_box(L, "consent.summary.bg", 32, CONTENT_Y - 8, 420, BAR_Y - CONTENT_Y - 4, COL_CARD, 20);
    text_style h = {26, 20, true, COL_TEXT, ALIGN_START, false};
    lay_text(L, "consent.summary.title", T(L, "Your request"), 56, CONTENT_Y + 4, 372, 40, h, NULL);
    strbuf sb;
    strbuf_init(&sb);
    strbuf_printf(&sb, "%s\n", T(L, ui_contact_topic_title(c->topic)));
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
    ui_contact_bar(L, T(L, "Yes, send"), ACT_SEND, L->ctx->status.contact_ready, COL_OK);
}
