/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* dl_icons.c - names of the display list's icons (for the JSON dump and scripts). */
#include "ui/dl.h"

const char *dl_icon_name(dl_icon icon)
{
    static const char *const names[ICON_COUNT] = {
        [ICON_NONE] = "none",     [ICON_CLOCK] = "clock",
        [ICON_HELP] = "help",     [ICON_CONTACT] = "contact",
        [ICON_QR] = "qr",         [ICON_PHONE] = "phone",
        [ICON_BACK] = "back",     [ICON_HOME] = "home",
        [ICON_MONEY] = "money",   [ICON_FAMILY] = "family",
        [ICON_HEALTH] = "health", [ICON_LANGUAGE] = "language",
        [ICON_CRISIS] = "crisis", [ICON_EVERYDAY] = "everyday",
        [ICON_PLACE] = "place",   [ICON_CALENDAR] = "calendar",
        [ICON_GLOBE] = "globe",   [ICON_EURO] = "euro",
        [ICON_NEXT] = "next",     [ICON_WARNING] = "warning",
    };
    /* An out-of-range value (a corrupted list) is named, not dereferenced. */
    if ((int)icon < 0 || icon >= ICON_COUNT || !names[icon])
        return "none";
    return names[icon];
}
