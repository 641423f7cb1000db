/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* qr_payload.h - the texts the kiosk puts into QR codes for parents to take home: a
 * phone number (tel:), a place (geo: or a map search link), a contact card (vCard 3.0)
 * and a consultation date (iCalendar, its Berlin times given exactly in UTC), plus the QR
 * capacity arithmetic that lets the core (layout, --check-site) know whether a payload
 * fits without calling the renderer.
 *
 * Pure: no SDL, no files, no clock (the iCalendar DTSTAMP is an argument). Every payload
 * is UTF-8 and is encoded byte for byte (QR byte mode, error correction level M or
 * better), so names in Arabic or Ethiopic script reach the phone intact. Payloads end
 * every line with CRLF where the format has lines. Out of memory: see util.h (abort). */
#ifndef LOTSE_QR_PAYLOAD_H
#define LOTSE_QR_PAYLOAD_H

#include <stddef.h>
#include <stdint.h>

#include "time/civil.h"

/* The rendering constraint behind qr_payload_max_bytes(): the layout gives a QR code a
 * square of at most QR_PAYLOAD_BOX_PX pixels (on the 1280x800 kiosk screen, beside a
 * short text column), and a module must be at least QR_PAYLOAD_MIN_MODULE_PX pixels
 * wide (about 0.7 mm on a 10" panel) for a phone camera to read it from arm's length.
 * The code keeps a quiet zone of QR_PAYLOAD_QUIET_MODULES on each side. 480 px allows
 * version 23 (109 modules, 857 bytes at level M). An appointment is about 400 bytes with
 * its texts. The layout may give a smaller payload a smaller box:
 * qr_payload_min_box_px(). */
#define QR_PAYLOAD_BOX_PX 480
#define QR_PAYLOAD_MIN_MODULE_PX 4
#define QR_PAYLOAD_QUIET_MODULES 4

/* "tel:" + the number with its separators removed: a leading '+' is kept, spaces, tabs,
 * '/', '-', '.', '(' and ')' (and no-break spaces, en dashes) are dropped, and "(0)"
 * after an international prefix ("+49 (0)30 ...") is dropped with its 0. Text before the
 * first digit or '+' is skipped ("Tel. 030 ..."); the number ends at the first other
 * character ("030 1234 (Mo-Fr)" -> "tel:0301234"). German national numbers stay
 * national: "0123 456 78-10" -> "tel:01234567810". NULL if phone is NULL or has no
 * digit. Caller frees. */
char *qr_payload_tel(const char *phone);

/* "geo:51.123456,7.123456": six decimals, '.' whatever the C locale says. NULL if a
 * coordinate is not a number or out of range (|lat| > 90, |lon| > 180). Caller frees. */
char *qr_payload_geo(double lat, double lon);

/* "https://www.openstreetmap.org/search?query=" + the address percent-encoded as UTF-8
 * (RFC 3986 unreserved characters kept, everything else %XX, a line break becomes
 * ", "). For places without coordinates. NULL if address is NULL or blank. Caller
 * frees. */
char *qr_payload_map_search(const char *address);

/* A contact card. Every field may be NULL (omitted); text is UTF-8. */
typedef struct qr_contact {
    const char *name;  /* person or service; becomes FN and N */
    const char *org;   /* organisation (ORG) */
    const char *phone; /* as written in the site files; normalised as in qr_payload_tel */
    const char *email;
    const char *address; /* one line (or lines), put whole into ADR's street component */
    const char *url;
    const char *note;               /* e.g. opening hours */
    const char *const *more_phones; /* further numbers (TEL;TYPE=VOICE), may be NULL */
    size_t n_more_phones;
} qr_contact;

/* vCard 3.0 (BEGIN, VERSION, N, FN, ORG, TEL;TYPE=WORK,VOICE, TEL;TYPE=VOICE for each of
 * more_phones, EMAIL, ADR;TYPE=WORK, URL, NOTE, END), text escaped per RFC 2426/6350 ('\\', ',',
 * ';' and line breaks), no line folding, every line ending in CRLF. FN is the name, or the
 * organisation if there is no name. NULL if c is NULL or has neither name nor org. Caller frees. */
char *qr_payload_vcard(const qr_contact *c);

/* One appointment in Europe/Berlin local time. */
typedef struct qr_event {
    const char *uid;         /* globally unique id; NULL: derived from the other fields */
    const char *summary;     /* may be NULL */
    const char *location;    /* may be NULL */
    const char *description; /* may be NULL */
    civil_date date;         /* local date */
    int start_min;           /* minutes of the local day, 0..1439 */
    int end_min;             /* start_min < end_min <= 1440 (24:00 = next day 00:00) */
    int64_t stamp_utc;       /* DTSTAMP: when the payload was made (UTC seconds) */
} qr_event;

/* iCalendar (RFC 5545): VCALENDAR (VERSION:2.0, PRODID:-//Lotse//Kiosk//EN,
 * CALSCALE:GREGORIAN) with one VEVENT (UID, DTSTAMP, DTSTART and DTEND as UTC times
 * "...Z" - the Berlin wall-clock times converted with that day's offset, so a phone in
 * any time zone shows the right moment, and no VTIMEZONE block of 330 bytes is needed -
 * SUMMARY, LOCATION, DESCRIPTION text-escaped). No folding, CRLF line ends. NULL if e
 * is NULL, the date is invalid or the times are out of range. Caller frees. */
char *qr_payload_event(const qr_event *e);

/* The largest payload in bytes the kiosk encodes: the byte-mode capacity at level M of
 * the largest QR version that fits QR_PAYLOAD_BOX_PX at QR_PAYLOAD_MIN_MODULE_PX with
 * its quiet zone. --check-site reports payloads above it. */
size_t qr_payload_max_bytes(void);

/* The bytes the encoder needs for payload: its length, plus 3 for the ECI "UTF-8"
 * header that precedes text which is not plain ASCII. The header is 12 bits, but
 * libqrencode 4.1 chooses the version as if it took more: a UTF-8 payload 2 bytes below
 * a version's capacity gets the next version (measured at every version by
 * tests/render/test_qr_capacity.c). Use it with the capacity functions below; for ASCII
 * they are exact, for UTF-8 at most one version too large. */
size_t qr_payload_encoded_bytes(const char *payload);

/* The smallest QR version (1..40) holding bytes of data in byte mode at error
 * correction level M (ISO/IEC 18004 capacity table); -1 if more than 2331 bytes. */
int qr_payload_version_estimate(size_t bytes);

/* Modules per side of that version (17 + 4 * version), or -1 as above. */
int qr_payload_modules(size_t bytes);

/* Side in pixels of the smallest square box that shows a payload of bytes with its quiet
 * zone at QR_PAYLOAD_MIN_MODULE_PX per module; -1 if it cannot be encoded. */
int qr_payload_min_box_px(size_t bytes);

#endif
