/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_contact_topic.c - contact step 1: what it is about (the six topics or something
 * else). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "ui/ui_contact.h"

void ui_contact_topic_layout(lay *L)
{
    ui_contact_step_header(L, 1);
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
        lay_button(L, id, T(L, ui_contact_topic_title(i)), 48 + (i % cols) * (w + gap),
                   top + (i / cols) * (h + gap), w, h, bs, ACT_CONTACT_TOPIC, i, NULL);
        free(id);
    }
    ui_contact_bar(L, NULL, 0, false, COL_PRIMARY);
}

/* One of the three ways to talk: a big button with its icon on the start side; the
 * visit's button also says when the next consultation hour is. */
