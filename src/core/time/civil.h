/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* civil.h - calendar arithmetic and Europe/Berlin local time, without the C library's
 * time zone machinery. Pure functions: the kiosk's clock reaches the core only as an
 * argument. Europe/Berlin follows the EU rule: CEST (UTC+2) from the last Sunday of
 * March 01:00 UTC to the last Sunday of October 01:00 UTC, otherwise CET (UTC+1); so
 * since 1996. Before, as in tzdata: 1981-1995 summer time ended on the last Sunday of
 * September, 1980 it ran from 6 April to 28 September, and 1950-1979 there was none.
 * Correct from 1950 on, for as long as the EU rule holds (test_civil compares every hour
 * from 1950 to 2100 with the C library's Europe/Berlin from the system's tzdata);
 * instants before 1950 are taken as CET, which they not always were. */
#ifndef LOTSE_CIVIL_H
#define LOTSE_CIVIL_H

#include <stdbool.h>
#include <stdint.h>

typedef struct civil_date {
    int year;  /* e.g. 2026 */
    int month; /* 1..12 */
    int day;   /* 1..31 */
} civil_date;

/* A local (Europe/Berlin) wall-clock moment. */
typedef struct civil_time {
    civil_date date;
    int minute_of_day; /* 0..1439 */
    int second;        /* 0..59 */
} civil_time;

/* Days since 1970-01-01 for a proleptic Gregorian date (negative before). */
int64_t civil_days_from_date(civil_date d);
civil_date civil_date_from_days(int64_t days);
/* ISO weekday: 1 = Monday ... 7 = Sunday. */
int civil_weekday(civil_date d);
bool civil_date_valid(civil_date d);
int civil_days_in_month(int year, int month);
/* Compare: <0, 0, >0. */
int civil_date_cmp(civil_date a, civil_date b);
civil_date civil_date_add(civil_date d, int days);
/* ISO 8601 week number (1..53) of d; *iso_year (may be NULL) gets the week's year,
 * which differs from d.year around New Year (2027-01-01 is in week 53 of 2026). */
int civil_iso_week(civil_date d, int *iso_year);

/* UTC offset of Europe/Berlin in seconds (3600 or 7200) at the UTC instant t. */
int berlin_offset_at_utc(int64_t utc_seconds);
/* Local Europe/Berlin wall clock at the UTC instant t. */
civil_time berlin_from_utc(int64_t utc_seconds);
/* UTC instant of a Berlin wall-clock time. A time in the spring-forward gap is taken
 * as the same wall-clock time in the offset before the change (02:30 -> 03:30 CEST);
 * an ambiguous autumn time is taken at its first occurrence (CEST). */
int64_t berlin_to_utc(civil_date d, int minute_of_day, int second);

/* Parse "YYYY-MM-DD"; false on any other form or an impossible date. */
bool civil_parse_date(const char *s, civil_date *out);
/* Parse "HH:MM" (00:00..24:00); minutes of day into *out. */
bool civil_parse_hhmm(const char *s, int *out);
/* Parse "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS" as Berlin local time -> UTC. */
bool civil_parse_local_datetime(const char *s, int64_t *utc_out);

#endif
