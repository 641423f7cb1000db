/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* when.c - see when.h. The relative part ("· in 2 days") is held together by no-break
 * spaces, so a wrapped line never ends in "·" or "in". Day differences are counted in Berlin
 * calendar days, so "in 2 days" stays right across a daylight-saving change. */
#include "time/when.h"

#include <stdlib.h>

#include "base/util.h"

static char *hhmm(int minute)
{
    return xasprintf("%d:%02d", minute / 60, minute % 60);
}

char *when_date_range(const i18n *t, size_t lang, const occurrence *o)
{
    char *date = i18n_short_date(t, lang, o->date);
    char *range = i18n_ltr(t, lang, i18n_time_range(o->start_min, o->end_min));
    char *s =
        fmt_named(i18n_ui(t, lang, "{weekday} {date} {time}"), "weekday",
                  i18n_weekday(t, lang, civil_weekday(o->date)), "date", date, "time", range, NULL);
    free(date);
    free(range);
    return s;
}

char *when_phrase(const i18n *t, size_t lang, const occurrence *o, int64_t now_utc)
{
    civil_time now = berlin_from_utc(now_utc);
    int64_t days = civil_days_from_date(o->date) - civil_days_from_date(now.date);
    const char *weekday = i18n_weekday(t, lang, civil_weekday(o->date));
    char *range = i18n_ltr(t, lang, i18n_time_range(o->start_min, o->end_min));
    char *end = hhmm(o->end_min);
    char *n = xasprintf("%lld", (long long)days);
    char *s;
    if (o->start_utc <= now_utc && now_utc < o->end_utc) {
        s = fmt_named(i18n_ui(t, lang, "Here now · today until {end}"), "end", end, NULL);
    } else if (days == 0) {
        s = fmt_named(i18n_ui(t, lang, "Today {time}"), "time", range, NULL);
    } else if (days == 1) {
        s = fmt_named(i18n_ui(t, lang, "Tomorrow, {weekday} {time}"), "weekday", weekday, "time",
                      range, NULL);
    } else if (days < 7) {
        const char *fmt =
            i18n_ui_n(t, lang, "{weekday} {time} ·\u00a0in\u00a0{n}\u00a0day",
                      "{weekday} {time} ·\u00a0in\u00a0{n}\u00a0days", (unsigned long)days);
        s = fmt_named(fmt, "weekday", weekday, "time", range, "n", n, NULL);
    } else {
        char *date = i18n_short_date(t, lang, o->date);
        const char *fmt =
            i18n_ui_n(t, lang, "{weekday} {date} {time} ·\u00a0in\u00a0{n}\u00a0day",
                      "{weekday} {date} {time} ·\u00a0in\u00a0{n}\u00a0days", (unsigned long)days);
        s = fmt_named(fmt, "weekday", weekday, "date", date, "time", range, "n", n, NULL);
        free(date);
    }
    free(range);
    free(end);
    free(n);
    return s;
}

char *when_clock(const i18n *t, size_t lang, int64_t now_utc)
{
    civil_time now = berlin_from_utc(now_utc);
    char *date = i18n_short_date(t, lang, now.date);
    char *time = hhmm(now.minute_of_day);
    char *s =
        fmt_named(i18n_ui(t, lang, "{weekday}, {date} · {time}"), "weekday",
                  i18n_weekday(t, lang, civil_weekday(now.date)), "date", date, "time", time, NULL);
    free(date);
    free(time);
    return s;
}
