/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* when.c - see when.h. The relative part ("· in 2 days") is held together by no-break
 * spaces, so a wrapped line never ends in "·" or "in". Day differences are counted in Berlin
 * calendar days, so "in 2 days" stays right across a daylight-saving change. */
#include "time/when.h"

#include <stdio.h>
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

/* "first Tuesday of the month": one string per ordinal and weekday, because in many
 * languages the ordinal agrees with the weekday's gender (Russian "первая среда"). */
static const char *const monthly_names[5][7] = {
    {N_("first Monday of the month"), N_("first Tuesday of the month"),
     N_("first Wednesday of the month"), N_("first Thursday of the month"),
     N_("first Friday of the month"), N_("first Saturday of the month"),
     N_("first Sunday of the month")},
    {N_("second Monday of the month"), N_("second Tuesday of the month"),
     N_("second Wednesday of the month"), N_("second Thursday of the month"),
     N_("second Friday of the month"), N_("second Saturday of the month"),
     N_("second Sunday of the month")},
    {N_("third Monday of the month"), N_("third Tuesday of the month"),
     N_("third Wednesday of the month"), N_("third Thursday of the month"),
     N_("third Friday of the month"), N_("third Saturday of the month"),
     N_("third Sunday of the month")},
    {N_("fourth Monday of the month"), N_("fourth Tuesday of the month"),
     N_("fourth Wednesday of the month"), N_("fourth Thursday of the month"),
     N_("fourth Friday of the month"), N_("fourth Saturday of the month"),
     N_("fourth Sunday of the month")},
    {N_("last Monday of the month"), N_("last Tuesday of the month"),
     N_("last Wednesday of the month"), N_("last Thursday of the month"),
     N_("last Friday of the month"), N_("last Saturday of the month"),
     N_("last Sunday of the month")},
};

/* The words for how often the rule comes and for how long, on a line of their own under
 * the weekday and time ("every second week · from 1.8. to 31.1."), or "" for a weekly
 * rule without an end. Dates already past (before today) are not listed. Caller frees. */
char *when_rule_words(const i18n *t, size_t lang, const site_rule *r, civil_date today)
{
    strbuf sb;
    strbuf_init(&sb);
    strbuf_puts(&sb, "");
    switch (r->repeat) {
    case REPEAT_EVERY:
        if (r->every == 2) {
            strbuf_puts(&sb, i18n_ui(t, lang, "every second week"));
        } else if (r->every > 2) {
            char n[16];
            snprintf(n, sizeof n, "%d", r->every);
            char *w = fmt_named(
                i18n_ui_n(t, lang, "every {n} week", "every {n} weeks", (unsigned long)r->every),
                "n", n, NULL);
            strbuf_puts(&sb, w);
            free(w);
        }
        break;
    case REPEAT_ODD_WEEKS:
        strbuf_puts(&sb, i18n_ui(t, lang, "in odd calendar weeks"));
        break;
    case REPEAT_EVEN_WEEKS:
        strbuf_puts(&sb, i18n_ui(t, lang, "in even calendar weeks"));
        break;
    case REPEAT_DATES: {
        strbuf list;
        strbuf_init(&list);
        size_t shown = 0;
        for (size_t i = 0; i < r->n_dates && shown < 4; i++) {
            if (civil_date_cmp(r->dates[i], today) < 0)
                continue;
            char *d = i18n_short_date(t, lang, r->dates[i]);
            strbuf_printf(&list, "%s%s", shown ? ", " : "", d);
            free(d);
            shown++;
        }
        if (shown) {
            char *w = fmt_named(i18n_ui(t, lang, "only on {dates}"), "dates",
                                list.data ? list.data : "", NULL);
            strbuf_puts(&sb, w);
            free(w);
        }
        strbuf_finish(&list);
        break;
    }
    case REPEAT_WEEKLY:
    case REPEAT_MONTHLY:
        break; /* said by the weekday words */
    }
    char *from = r->has_from ? i18n_short_date(t, lang, r->from) : NULL;
    char *until = r->has_until ? i18n_short_date(t, lang, r->until) : NULL;
    char *valid = NULL;
    if (from && until)
        valid = fmt_named(i18n_ui(t, lang, "from {from} to {until}"), "from", from, "until", until,
                          NULL);
    else if (from && civil_date_cmp(r->from, today) > 0)
        valid = fmt_named(i18n_ui(t, lang, "from {from}"), "from", from, NULL);
    else if (until)
        valid = fmt_named(i18n_ui(t, lang, "until {until}"), "until", until, NULL);
    if (valid)
        strbuf_printf(&sb, "%s%s", sb.len ? " · " : "", valid);
    free(valid);
    free(from);
    free(until);
    return strbuf_steal(&sb);
}

/* The weekday words of slot sl: "Tuesday", or "first Tuesday of the month". */
static const char *slot_day_words(const i18n *t, size_t lang, const site_slot *sl)
{
    if (sl->rule.repeat == REPEAT_MONTHLY && sl->weekday >= 1 && sl->weekday <= 7) {
        int row = sl->rule.nth < 0 ? 4 : sl->rule.nth - 1;
        if (row >= 0 && row < 5)
            return i18n_ui(t, lang, monthly_names[row][sl->weekday - 1]);
    }
    return i18n_weekday(t, lang, sl->weekday);
}

/* Whether a and b come from the same rule (the same Hours record; every plain weekly
 * record counts as one, so her weekly hours read as today). */
static bool same_rule(const site_slot *a, const site_slot *b)
{
    bool wa = site_rule_is_weekly(&a->rule), wb = site_rule_is_weekly(&b->rule);
    if (wa || wb)
        return wa && wb;
    return a->rule.record == b->rule.record && a->rule.repeat == b->rule.repeat &&
           a->rule.nth == b->rule.nth;
}

/* Her hours at kita in words, one line per weekday and rule ("Tuesday 9:00–12:00",
 * "first Tuesday of the month 9:00–12:00"), each rule that is not plain weekly followed
 * by a line saying how often and how long. Rules that ended before today are left out.
 * Caller frees; "" when she has none there. */
char *when_hours_summary(const i18n *t, size_t lang, const site_worker *w, int kita,
                         civil_date today)
{
    strbuf sb;
    strbuf_init(&sb);
    strbuf_puts(&sb, "");
    bool *done = xcalloc(w->n_slots ? w->n_slots : 1, sizeof(bool));
    /* Weekly hours first, by weekday; then each rule in file order. */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t g = 0; g < w->n_slots; g++) {
            const site_slot *lead = &w->slots[g];
            if (done[g] || lead->kita != kita || site_rule_is_weekly(&lead->rule) != (pass == 0))
                continue;
            if (lead->rule.has_until && civil_date_cmp(lead->rule.until, today) < 0)
                continue;
            bool any_left = lead->rule.repeat != REPEAT_DATES;
            for (size_t i = 0; i < lead->rule.n_dates && !any_left; i++)
                any_left = civil_date_cmp(lead->rule.dates[i], today) >= 0;
            if (!any_left)
                continue;
            for (int day = 1; day <= 7; day++) {
                bool first = true;
                for (size_t i = g; i < w->n_slots; i++) {
                    const site_slot *sl = &w->slots[i];
                    if (done[i] || sl->kita != kita || sl->weekday != day || !same_rule(sl, lead))
                        continue;
                    done[i] = true;
                    char *r = i18n_ltr(t, lang, i18n_time_range(sl->start_min, sl->end_min));
                    if (first)
                        strbuf_printf(&sb, "%s%s %s", sb.len ? "\n" : "",
                                      slot_day_words(t, lang, sl), r);
                    else
                        strbuf_printf(&sb, ", %s", r);
                    first = false;
                    free(r);
                }
            }
            char *words = when_rule_words(t, lang, &lead->rule, today);
            if (*words)
                strbuf_printf(&sb, "\n%s", words);
            free(words);
        }
    }
    free(done);
    return strbuf_steal(&sb);
}
