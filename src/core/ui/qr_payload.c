/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* qr_payload.c - payload texts for the kiosk's QR codes and the QR capacity table.
 * See qr_payload.h for the contracts. Pure: no SDL, no files, no clock. */
#include "ui/qr_payload.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

/* ---- small helpers ---- */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Length of a phone number separator at s (0 if none): ASCII separators, U+00A0
 * no-break space, U+2009/U+202F thin spaces, U+2010..U+2013 hyphens and dashes. */
static size_t separator_len(const char *s)
{
    if (*s == ' ' || *s == '\t' || *s == '/' || *s == '-' || *s == '.' || *s == '(' || *s == ')')
        return 1;
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] == 0xC2 && u[1] == 0xA0)
        return 2;
    if (u[0] == 0xE2 && u[1] == 0x80 &&
        (u[2] == 0x89 || u[2] == 0xAF || (u[2] >= 0x90 && u[2] <= 0x93)))
        return 3;
    return 0;
}

/* The number's digits (with a leading '+'), or NULL if there is no digit. */
static char *phone_normalise(const char *phone)
{
    if (!phone)
        return NULL;
    const char *p = phone;
    while (*p && *p != '+' && !is_digit(*p))
        p++;
    strbuf sb;
    strbuf_init(&sb);
    bool international = false;
    if (*p == '+') {
        strbuf_putc(&sb, '+');
        international = true;
        p++;
    }
    size_t digits = 0;
    while (*p) {
        if (is_digit(*p)) {
            strbuf_putc(&sb, *p++);
            digits++;
            continue;
        }
        /* "+49 (0)30": the trunk prefix in brackets is not dialled from abroad. */
        if (international && digits > 0 && p[0] == '(' && p[1] == '0' && p[2] == ')') {
            p += 3;
            continue;
        }
        size_t n = separator_len(p);
        if (n == 0)
            break;
        p += n;
    }
    if (digits == 0) {
        strbuf_finish(&sb);
        return NULL;
    }
    return strbuf_steal(&sb);
}

/* Append s escaped as a vCard / iCalendar TEXT value: '\\' ';' ',' get a backslash, a
 * line break (LF, CRLF or CR) becomes "\n", other C0 controls and DEL are dropped.
 * Everything else, in particular UTF-8 sequences, is copied byte for byte. */
static void put_text(strbuf *sb, const char *s)
{
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '\\' || c == ';' || c == ',') {
            strbuf_putc(sb, '\\');
            strbuf_putc(sb, (char)c);
        } else if (c == '\r' || c == '\n') {
            strbuf_puts(sb, "\\n");
            if (c == '\r' && p[1] == '\n')
                p++;
        } else if (c < 0x20 || c == 0x7F) {
            if (c == '\t')
                strbuf_putc(sb, ' ');
        } else {
            strbuf_putc(sb, (char)c);
        }
    }
}

/* Append s as a URI value: no escaping (a backslash would break the link), but control
 * characters, which cannot be part of a URI or a content line, are dropped. */
static void put_uri(strbuf *sb, const char *s)
{
    for (const char *p = s; *p; p++)
        if ((unsigned char)*p >= 0x20 && *p != 0x7F)
            strbuf_putc(sb, *p);
}

static void put_line(strbuf *sb, const char *name, const char *value)
{
    strbuf_puts(sb, name);
    strbuf_putc(sb, ':');
    put_text(sb, value);
    strbuf_puts(sb, "\r\n");
}

static bool blank(const char *s)
{
    if (!s)
        return true;
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
            return false;
    return true;
}

/* ---- tel:, geo:, map search ---- */

char *qr_payload_tel(const char *phone)
{
    char *digits = phone_normalise(phone);
    if (!digits)
        return NULL;
    char *out = xasprintf("tel:%s", digits);
    free(digits);
    return out;
}

/* A coordinate as "-12.345678", written digit by digit so no locale can put a comma
 * in it; rounding to micro-degrees first also prevents "-0.000000". */
static void put_coordinate(strbuf *sb, double v)
{
    long long micro = llround(v * 1e6);
    if (micro < 0) {
        strbuf_putc(sb, '-');
        micro = -micro;
    }
    strbuf_printf(sb, "%lld.%06lld", micro / 1000000, micro % 1000000);
}

char *qr_payload_geo(double lat, double lon)
{
    if (!isfinite(lat) || !isfinite(lon) || fabs(lat) > 90.0 || fabs(lon) > 180.0)
        return NULL;
    strbuf sb;
    strbuf_init(&sb);
    strbuf_puts(&sb, "geo:");
    put_coordinate(&sb, lat);
    strbuf_putc(&sb, ',');
    put_coordinate(&sb, lon);
    return strbuf_steal(&sb);
}

static bool is_unreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

char *qr_payload_map_search(const char *address)
{
    if (blank(address))
        return NULL;
    static const char hex[] = "0123456789ABCDEF";
    strbuf sb;
    strbuf_init(&sb);
    strbuf_puts(&sb, "https://www.openstreetmap.org/search?query=");
    const char *p = address;
    while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        p++;
    size_t end = strlen(p);
    while (end > 0 &&
           (p[end - 1] == ' ' || p[end - 1] == '\t' || p[end - 1] == '\r' || p[end - 1] == '\n'))
        end--;
    for (size_t i = 0; i < end; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c == '\r' || c == '\n') {
            while (i + 1 < end && (p[i + 1] == '\r' || p[i + 1] == '\n' || p[i + 1] == ' '))
                i++;
            strbuf_puts(&sb, "%2C%20");
        } else if (is_unreserved(c)) {
            strbuf_putc(&sb, (char)c);
        } else {
            strbuf_putc(&sb, '%');
            strbuf_putc(&sb, hex[c >> 4]);
            strbuf_putc(&sb, hex[c & 15]);
        }
    }
    return strbuf_steal(&sb);
}

/* ---- vCard ---- */

char *qr_payload_vcard(const qr_contact *c)
{
    if (!c)
        return NULL;
    const char *fn = !blank(c->name) ? c->name : !blank(c->org) ? c->org : NULL;
    if (!fn)
        return NULL;
    strbuf sb;
    strbuf_init(&sb);
    strbuf_puts(&sb, "BEGIN:VCARD\r\nVERSION:3.0\r\n");
    /* N is structured (family;given;additional;prefix;suffix). A service or a worker's
     * "as parents know her" name cannot be split reliably, so the whole name is the
     * family component: every phone shows it as written. */
    strbuf_puts(&sb, "N:");
    put_text(&sb, fn);
    strbuf_puts(&sb, ";;;;\r\n");
    put_line(&sb, "FN", fn);
    if (!blank(c->org))
        put_line(&sb, "ORG", c->org);
    char *tel = phone_normalise(c->phone);
    if (tel)
        put_line(&sb, "TEL;TYPE=WORK,VOICE", tel);
    else if (!blank(c->phone))
        put_line(&sb, "TEL;TYPE=WORK,VOICE", c->phone);
    free(tel);
    for (size_t k = 0; c->more_phones && k < c->n_more_phones; k++) {
        char *t = phone_normalise(c->more_phones[k]);
        if (t)
            put_line(&sb, "TEL;TYPE=VOICE", t);
        free(t);
    }
    if (!blank(c->email))
        put_line(&sb, "EMAIL", c->email);
    if (!blank(c->address)) {
        strbuf_puts(&sb, "ADR;TYPE=WORK:;;");
        put_text(&sb, c->address);
        strbuf_puts(&sb, ";;;;\r\n");
    }
    if (!blank(c->url)) {
        strbuf_puts(&sb, "URL:");
        put_uri(&sb, c->url);
        strbuf_puts(&sb, "\r\n");
    }
    if (!blank(c->note))
        put_line(&sb, "NOTE", c->note);
    strbuf_puts(&sb, "END:VCARD\r\n");
    return strbuf_steal(&sb);
}

/* ---- iCalendar ---- */

static void put_utc(strbuf *sb, const char *name, int64_t t)
{
    int64_t days = t / 86400, secs = t % 86400;
    if (secs < 0) {
        secs += 86400;
        days--;
    }
    civil_date d = civil_date_from_days(days);
    strbuf_printf(sb, "%s:%04d%02d%02dT%02d%02d%02dZ\r\n", name, d.year, d.month, d.day,
                  (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60));
}

static uint64_t fnv1a(uint64_t h, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; p && *p; p++)
        h = (h ^ *p) * 1099511628211u;
    return (h ^ 0xFF) * 1099511628211u; /* field separator */
}

char *qr_payload_event(const qr_event *e)
{
    if (!e || !civil_date_valid(e->date) || e->date.year < 1 || e->date.year > 9998 ||
        e->start_min < 0 || e->start_min >= 1440 || e->end_min <= e->start_min || e->end_min > 1440)
        return NULL;
    strbuf sb;
    strbuf_init(&sb);
    strbuf_puts(&sb, "BEGIN:VCALENDAR\r\n"
                     "VERSION:2.0\r\n"
                     "PRODID:-//Lotse//Kiosk//EN\r\n"
                     "CALSCALE:GREGORIAN\r\n");
    strbuf_puts(&sb, "BEGIN:VEVENT\r\n");
    if (!blank(e->uid)) {
        put_line(&sb, "UID", e->uid);
    } else {
        /* Deterministic, so the same date taken home twice updates one calendar entry. */
        uint64_t h = 14695981039346656037u;
        h = fnv1a(h, e->summary);
        h = fnv1a(h, e->location);
        strbuf_printf(&sb, "UID:%04d%02d%02dT%02d%02d00-%016llx@lotse\r\n", e->date.year,
                      e->date.month, e->date.day, e->start_min / 60, e->start_min % 60,
                      (unsigned long long)h);
    }
    put_utc(&sb, "DTSTAMP", e->stamp_utc);
    /* The Berlin wall-clock times as UTC (the offset of that very day, DST included):
     * exact in every calendar and time zone, and 330 bytes smaller than a VTIMEZONE, so
     * the code stays small enough for a phone to read from arm's length. */
    put_utc(&sb, "DTSTART", berlin_to_utc(e->date, e->start_min, 0));
    put_utc(&sb, "DTEND", berlin_to_utc(e->date, e->end_min, 0));
    if (!blank(e->summary))
        put_line(&sb, "SUMMARY", e->summary);
    if (!blank(e->location))
        put_line(&sb, "LOCATION", e->location);
    if (!blank(e->description))
        put_line(&sb, "DESCRIPTION", e->description);
    strbuf_puts(&sb, "END:VEVENT\r\nEND:VCALENDAR\r\n");
    return strbuf_steal(&sb);
}

/* ---- capacity ---- */

/* Data capacity in bytes of versions 1..40 in byte mode at error correction level M
 * (ISO/IEC 18004:2015 table 7; tests/render/test_qr_capacity.c checks it against
 * libqrencode). */
static const unsigned short byte_capacity_m[40] = {
    14,   26,   42,   62,   84,   106,  122,  152,  180,  213,  251,  287,  331,  362,
    412,  450,  504,  560,  624,  666,  711,  779,  857,  911,  997,  1059, 1125, 1190,
    1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331,
};

int qr_payload_version_estimate(size_t bytes)
{
    for (int v = 1; v <= 40; v++)
        if (bytes <= byte_capacity_m[v - 1])
            return v;
    return -1;
}

int qr_payload_modules(size_t bytes)
{
    int v = qr_payload_version_estimate(bytes);
    return v < 0 ? -1 : 17 + 4 * v;
}

int qr_payload_min_box_px(size_t bytes)
{
    int m = qr_payload_modules(bytes);
    return m < 0 ? -1 : (m + 2 * QR_PAYLOAD_QUIET_MODULES) * QR_PAYLOAD_MIN_MODULE_PX;
}

size_t qr_payload_max_bytes(void)
{
    int modules = QR_PAYLOAD_BOX_PX / QR_PAYLOAD_MIN_MODULE_PX - 2 * QR_PAYLOAD_QUIET_MODULES;
    int v = (modules - 17) / 4;
    if (v < 1)
        return 0;
    if (v > 40)
        v = 40;
    return byte_capacity_m[v - 1];
}

size_t qr_payload_encoded_bytes(const char *payload)
{
    if (!payload)
        return 0;
    size_t n = 0;
    bool ascii = true;
    for (const unsigned char *p = (const unsigned char *)payload; *p; p++, n++)
        ascii = ascii && *p < 0x80;
    return n + (ascii ? 0 : 3);
}
