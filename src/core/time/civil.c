/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* civil.c - proleptic Gregorian calendar arithmetic (H. Hinnant's days_from_civil
 * algorithm) and the EU daylight-saving rule for Europe/Berlin. */
#include "time/civil.h"

#include <stdio.h>
#include <string.h>

static int64_t floor_div(int64_t a, int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

int64_t civil_days_from_date(civil_date d)
{
    int64_t y = d.year - (d.month <= 2);
    int64_t era = floor_div(y, 400);
    int64_t yoe = y - era * 400;
    int64_t m = d.month;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

civil_date civil_date_from_days(int64_t z)
{
    z += 719468;
    int64_t era = floor_div(z, 146097);
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp < 10 ? mp + 3 : mp - 9;
    civil_date out = {(int)(y + (m <= 2)), (int)m, (int)d};
    return out;
}

int civil_weekday(civil_date d)
{
    /* 1970-01-01 was a Thursday (4). */
    int64_t days = civil_days_from_date(d);
    int64_t w = (days + 3) % 7;
    if (w < 0)
        w += 7;
    return (int)w + 1;
}

int civil_iso_week(civil_date d, int *iso_year)
{
    /* The week belongs to the year of its Thursday. */
    int64_t days = civil_days_from_date(d);
    int64_t thursday = days + (4 - civil_weekday(d));
    civil_date t = civil_date_from_days(thursday);
    int64_t jan1 = civil_days_from_date((civil_date){t.year, 1, 1});
    if (iso_year)
        *iso_year = t.year;
    return (int)((thursday - jan1) / 7) + 1;
}

int civil_days_in_month(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    if (month == 2) {
        bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
    }
    return days[month - 1];
}

bool civil_date_valid(civil_date d)
{
    return d.year >= 1900 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= civil_days_in_month(d.year, d.month);
}

int civil_date_cmp(civil_date a, civil_date b)
{
    if (a.year != b.year)
        return a.year < b.year ? -1 : 1;
    if (a.month != b.month)
        return a.month < b.month ? -1 : 1;
    if (a.day != b.day)
        return a.day < b.day ? -1 : 1;
    return 0;
}

civil_date civil_date_add(civil_date d, int days)
{
    return civil_date_from_days(civil_days_from_date(d) + days);
}

/* Last Sunday of a month, as days since the epoch. */
static int64_t last_sunday(int year, int month)
{
    civil_date d = {year, month, civil_days_in_month(year, month)};
    return civil_days_from_date(d) - (civil_weekday(d) % 7);
}

/* Summer time in Germany as tzdata's Europe/Berlin has it (see civil.h): none from 1950
 * to 1979; reintroduced in 1980 from the first Sunday of April (the 6th) to the last
 * Sunday of September; 1981-1995 from the last Sunday of March to the last Sunday of
 * September; since 1996 (EC directive 94/21) to the last Sunday of October. Every
 * change is at 01:00 UTC. Before 1950 (wartime and post-war rules, double summer time)
 * is not modelled: CET. */
int berlin_offset_at_utc(int64_t t)
{
    civil_date d = civil_date_from_days(floor_div(t, 86400));
    if (d.year < 1980)
        return 3600;
    /* 1980: a week after the last Sunday of March 1980 (the 30th). */
    int64_t start_day = last_sunday(d.year, 3) + (d.year == 1980 ? 7 : 0);
    int64_t end_day = last_sunday(d.year, d.year <= 1995 ? 9 : 10);
    int64_t start = start_day * 86400 + 3600; /* 01:00 UTC */
    int64_t end = end_day * 86400 + 3600;
    return (t >= start && t < end) ? 7200 : 3600;
}

civil_time berlin_from_utc(int64_t t)
{
    int64_t local = t + berlin_offset_at_utc(t);
    int64_t days = floor_div(local, 86400);
    int64_t secs = local - days * 86400;
    civil_time out;
    out.date = civil_date_from_days(days);
    out.minute_of_day = (int)(secs / 60);
    out.second = (int)(secs % 60);
    return out;
}

int64_t berlin_to_utc(civil_date d, int minute_of_day, int second)
{
    int64_t local = civil_days_from_date(d) * 86400 + (int64_t)minute_of_day * 60 + second;
    /* Try summer time first (first occurrence of an ambiguous time), then winter. */
    int64_t t = local - 7200;
    if (berlin_offset_at_utc(t) == 7200)
        return t;
    t = local - 3600;
    if (berlin_offset_at_utc(t) == 3600)
        return t;
    /* In the spring-forward gap: neither interpretation is consistent. Use the offset
     * before the change (CET), which maps 02:30 to 03:30 CEST. */
    return local - 3600;
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static int num(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

bool civil_parse_date(const char *s, civil_date *out)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !all_digits(s, 4) ||
        !all_digits(s + 5, 2) || !all_digits(s + 8, 2))
        return false;
    civil_date d = {num(s, 4), num(s + 5, 2), num(s + 8, 2)};
    if (!civil_date_valid(d))
        return false;
    *out = d;
    return true;
}

bool civil_parse_hhmm(const char *s, int *out)
{
    size_t n = strlen(s);
    size_t hlen = (n == 5) ? 2 : (n == 4 ? 1 : 0);
    if (!hlen || s[hlen] != ':' || !all_digits(s, hlen) || !all_digits(s + hlen + 1, 2))
        return false;
    int h = num(s, hlen), m = num(s + hlen + 1, 2);
    if (m > 59 || h > 24 || (h == 24 && m != 0))
        return false;
    *out = h * 60 + m;
    return true;
}

bool civil_parse_local_datetime(const char *s, int64_t *utc_out)
{
    size_t n = strlen(s);
    if ((n != 16 && n != 19) || s[10] != 'T')
        return false;
    char date[11], hm[6];
    memcpy(date, s, 10);
    date[10] = '\0';
    memcpy(hm, s + 11, 5);
    hm[5] = '\0';
    civil_date d;
    int minute, sec = 0;
    if (!civil_parse_date(date, &d) || !civil_parse_hhmm(hm, &minute) || minute >= 1440)
        return false;
    if (n == 19) {
        if (s[16] != ':' || !all_digits(s + 17, 2) || (sec = num(s + 17, 2)) > 59)
            return false;
    }
    *utc_out = berlin_to_utc(d, minute, sec);
    return true;
}
