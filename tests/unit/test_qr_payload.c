/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* test_qr_payload.c - the QR payload texts (tel:, geo:, map search, vCard, iCalendar)
 * and the byte-mode capacity table. The table was checked against libqrencode 4.1
 * (largest length that still encodes in each version at level M). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <math.h>

#include "ui/qr_payload.h"

#define CRLF "\r\n"

/* Compare a new string with the expectation and free it; NULL expects NULL. */
static void check_str(char *got, const char *want)
{
    if (!want) {
        if (got)
            fail_msg("expected NULL, got \"%s\"", got);
        return;
    }
    if (!got)
        fail_msg("expected \"%s\", got NULL", want);
    assert_string_equal(got, want);
    free(got);
}

/* Every line ends in CRLF, the text ends with one, and there is no lone CR or LF. */
static void assert_crlf_only(const char *s)
{
    size_t n = strlen(s);
    assert_true(n >= 2);
    assert_memory_equal(s + n - 2, CRLF, 2);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\r' && s[i + 1] != '\n')
            fail_msg("lone CR at %zu", i);
        if (s[i] == '\n' && (i == 0 || s[i - 1] != '\r'))
            fail_msg("lone LF at %zu", i);
    }
}

/* Does s contain line exactly (a whole line, CRLF-delimited)? */
static int has_line(const char *s, const char *line)
{
    size_t n = strlen(line);
    for (const char *p = s; (p = strstr(p, line)) != NULL; p++)
        if ((p == s || p[-1] == '\n') && p[n] == '\r' && p[n + 1] == '\n')
            return 1;
    return 0;
}

static void test_tel(void **state)
{
    (void)state;
    check_str(qr_payload_tel("0123 456 78-10"), "tel:01234567810");
    check_str(qr_payload_tel("116 117"), "tel:116117");
    check_str(qr_payload_tel("0800 111 0 550"), "tel:08001110550");
    check_str(qr_payload_tel("(0123) 456/78-20"), "tel:01234567820");
    check_str(qr_payload_tel("0123.456.78"), "tel:012345678");
    check_str(qr_payload_tel("+49 123 45678-10"), "tel:+491234567810");
    check_str(qr_payload_tel("+49 (0)123 456"), "tel:+49123456"); /* trunk 0 dropped */
    check_str(qr_payload_tel("0123\xC2\xA0"
                             "456\xE2\x80\x93"
                             "78"),
              "tel:012345678");
    check_str(qr_payload_tel("Tel. 030 1234 (Mo-Fr)"), "tel:0301234");
    check_str(qr_payload_tel("030 1234 oder 5678"), "tel:0301234");
    check_str(qr_payload_tel(""), NULL);
    check_str(qr_payload_tel("kein Telefon"), NULL);
    check_str(qr_payload_tel("+"), NULL);
    check_str(qr_payload_tel(NULL), NULL);
}

static void test_geo(void **state)
{
    (void)state;
    check_str(qr_payload_geo(51.5136, 7.4653), "geo:51.513600,7.465300");
    check_str(qr_payload_geo(51.123456, 7.123456), "geo:51.123456,7.123456");
    check_str(qr_payload_geo(-33.8688, 151.2093), "geo:-33.868800,151.209300");
    check_str(qr_payload_geo(0.0000004, -0.0000004), "geo:0.000000,0.000000");
    check_str(qr_payload_geo(51.9999996, -7.0000004), "geo:52.000000,-7.000000");
    check_str(qr_payload_geo(90, -180), "geo:90.000000,-180.000000");
    check_str(qr_payload_geo(90.5, 7), NULL);
    check_str(qr_payload_geo(51, 181), NULL);
    check_str(qr_payload_geo(NAN, 7), NULL);
}

static void test_map_search(void **state)
{
    (void)state;
    check_str(qr_payload_map_search("Musterstraße 12, 12345 Beispielstadt"),
              "https://www.openstreetmap.org/search?query="
              "Musterstra%C3%9Fe%2012%2C%2012345%20Beispielstadt");
    check_str(qr_payload_map_search("  Am Park 3\n12345 Ort & Co./A_b~ "),
              "https://www.openstreetmap.org/search?query="
              "Am%20Park%203%2C%2012345%20Ort%20%26%20Co.%2FA_b~");
    check_str(qr_payload_map_search("  "), NULL);
    check_str(qr_payload_map_search(NULL), NULL);
}

static void test_vcard_full(void **state)
{
    (void)state;
    qr_contact c = {
        .name = "Erziehungsberatungsstelle",
        .org = "Stadt Beispielstadt; Jugendamt",
        .phone = "0123 456 78-30",
        .email = "info@erziehungsberatung.example.org",
        .address = "Parkstraße 20, 12345 Beispielstadt",
        .url = "https://erziehungsberatung.example.org/a,b;c",
        .note = "Mo–Fr 9–17 Uhr\nmittwochs ohne Termin\\frei",
    };
    check_str(qr_payload_vcard(&c),
              "BEGIN:VCARD" CRLF "VERSION:3.0" CRLF "N:Erziehungsberatungsstelle;;;;" CRLF
              "FN:Erziehungsberatungsstelle" CRLF "ORG:Stadt Beispielstadt\\; Jugendamt" CRLF
              "TEL;TYPE=WORK,VOICE:01234567830" CRLF
              "EMAIL:info@erziehungsberatung.example.org" CRLF
              "ADR;TYPE=WORK:;;Parkstraße 20\\, 12345 Beispielstadt;;;;" CRLF
              "URL:https://erziehungsberatung.example.org/a,b;c" CRLF
              "NOTE:Mo–Fr 9–17 Uhr\\nmittwochs ohne Termin\\\\frei" CRLF "END:VCARD" CRLF);
}

static void test_vcard_minimal(void **state)
{
    (void)state;
    qr_contact c = {.name = "Anna Beispiel", .phone = "0123 456 78-10"};
    char *v = qr_payload_vcard(&c);
    assert_non_null(v);
    assert_crlf_only(v);
    check_str(v, "BEGIN:VCARD" CRLF "VERSION:3.0" CRLF "N:Anna Beispiel;;;;" CRLF
                 "FN:Anna Beispiel" CRLF "TEL;TYPE=WORK,VOICE:01234567810" CRLF "END:VCARD" CRLF);

    /* No name: the organisation is the formatted name. Neither: no card. */
    qr_contact org_only = {.org = "Familienzentrum, Regenbogen"};
    v = qr_payload_vcard(&org_only);
    assert_true(has_line(v, "FN:Familienzentrum\\, Regenbogen"));
    assert_true(has_line(v, "ORG:Familienzentrum\\, Regenbogen"));
    free(v);
    qr_contact empty = {.email = "a@example.org"};
    check_str(qr_payload_vcard(&empty), NULL);
    check_str(qr_payload_vcard(NULL), NULL);

    /* CRLF and CR in a note become the escape, other controls vanish. */
    qr_contact ctl = {.name = "X", .note = "a\r\nb\rc\x01\td"};
    v = qr_payload_vcard(&ctl);
    assert_true(has_line(v, "NOTE:a\\nb\\nc d"));
    assert_crlf_only(v);
    free(v);
}

static void test_vcard_scripts(void **state)
{
    (void)state;
    static const char arabic[] = "\xD9\x85\xD8\xB1\xD9\x83\xD8\xB2 "
                                 "\xD8\xA7\xD9\x84\xD8\xA7\xD8\xB3\xD8\xAA\xD8\xB4\xD8\xA7"
                                 "\xD8\xB1\xD8\xA9"; /* مركز الاستشارة */
    static const char tigrinya[] = "\xE1\x89\xB5\xE1\x8C\x8D\xE1\x88\xAD\xE1\x8A\x9B"; /* ትግርኛ */
    assert_string_equal(arabic, "مركز الاستشارة");
    assert_string_equal(tigrinya, "ትግርኛ");

    qr_contact c = {.name = arabic, .note = tigrinya};
    char *v = qr_payload_vcard(&c);
    assert_non_null(v);
    const char *fn = strstr(v, "\r\nFN:");
    assert_non_null(fn);
    fn += 5;
    assert_memory_equal(fn, arabic, sizeof(arabic) - 1);
    assert_memory_equal(fn + sizeof(arabic) - 1, CRLF, 2);
    assert_true(has_line(v, "N:مركز الاستشارة;;;;"));
    assert_true(has_line(v, "NOTE:ትግርኛ"));
    free(v);

    qr_contact t = {.name = tigrinya};
    v = qr_payload_vcard(&t);
    assert_true(has_line(v, "FN:\xE1\x89\xB5\xE1\x8C\x8D\xE1\x88\xAD\xE1\x8A\x9B"));
    free(v);
}

/* 2026-03-24 10:15:30 UTC */
#define STAMP INT64_C(1774347330)

static void test_event_exact(void **state)
{
    (void)state;
    qr_event e = {
        .uid = "anna-sonnenblume-20260330-0900@lotse",
        .summary = "Sprechstunde; Anna Beispiel, Kita-Sozialarbeit",
        .location = "Kita Sonnenblume, Musterstraße 12, 12345 Beispielstadt",
        .description = "Ohne Termin.\nBitte bringen Sie die Briefe mit.",
        .date = {2026, 3, 30},
        .start_min = 9 * 60,
        .end_min = 12 * 60,
        .stamp_utc = STAMP,
    };
    char *got = qr_payload_event(&e);
    assert_non_null(got);
    assert_crlf_only(got);
    const char *want =
        "BEGIN:VCALENDAR" CRLF "VERSION:2.0" CRLF "PRODID:-//Lotse//Kiosk//EN" CRLF
        "CALSCALE:GREGORIAN" CRLF "BEGIN:VEVENT" CRLF
        "UID:anna-sonnenblume-20260330-0900@lotse" CRLF "DTSTAMP:20260324T101530Z" CRLF
        /* 9:00-12:00 CEST (UTC+2) on Monday 30 March 2026 */
        "DTSTART:20260330T070000Z" CRLF "DTEND:20260330T100000Z" CRLF
        "SUMMARY:Sprechstunde\\; Anna Beispiel\\, Kita-Sozialarbeit" CRLF
        "LOCATION:Kita Sonnenblume\\, Musterstraße 12\\, 12345 Beispielstadt" CRLF
        "DESCRIPTION:Ohne Termin.\\nBitte bringen Sie die Briefe mit." CRLF "END:VEVENT" CRLF
        "END:VCALENDAR" CRLF;
    assert_string_equal(got, want);
    free(got);
}

/* The same wall-clock hour, 9:00-12:00 in Berlin, before and after the spring switch
 * (2026-03-29): UTC 08:00 (CET, +1) on Friday, 07:00 (CEST, +2) on Monday; and in
 * October back again. */
static void test_event_dst(void **state)
{
    (void)state;
    qr_event e = {.summary = "Sprechstunde",
                  .date = {2026, 3, 27},
                  .start_min = 540,
                  .end_min = 720,
                  .stamp_utc = STAMP};
    char *v = qr_payload_event(&e);
    assert_true(has_line(v, "DTSTART:20260327T080000Z"));
    assert_true(has_line(v, "DTEND:20260327T110000Z"));
    assert_null(strstr(v, "VTIMEZONE"));
    assert_null(strstr(v, "TZID"));
    assert_crlf_only(v);
    /* No UID given: a deterministic one, the same for the same appointment. */
    const char *uid = strstr(v, "\r\nUID:20260327T090000-");
    assert_non_null(uid);
    char *again = qr_payload_event(&e);
    assert_string_equal(v, again);
    free(again);
    free(v);

    e.date = (civil_date){2026, 3, 30};
    v = qr_payload_event(&e);
    assert_true(has_line(v, "DTSTART:20260330T070000Z"));
    assert_true(has_line(v, "DTEND:20260330T100000Z"));
    assert_null(strstr(v, "LOCATION"));
    assert_null(strstr(v, "DESCRIPTION"));
    free(v);

    /* Autumn: Friday 23 October (CEST) and Monday 26 October 2026 (CET). */
    e.date = (civil_date){2026, 10, 23};
    v = qr_payload_event(&e);
    assert_true(has_line(v, "DTSTART:20261023T070000Z"));
    free(v);
    e.date = (civil_date){2026, 10, 26};
    v = qr_payload_event(&e);
    assert_true(has_line(v, "DTSTART:20261026T080000Z"));
    assert_true(has_line(v, "DTEND:20261026T110000Z"));
    free(v);

    /* 24:00 is the next day's midnight; across a month end too. */
    e.date = (civil_date){2026, 3, 31};
    e.start_min = 22 * 60 + 30;
    e.end_min = 1440;
    v = qr_payload_event(&e);
    assert_true(has_line(v, "DTSTART:20260331T203000Z"));
    assert_true(has_line(v, "DTEND:20260331T220000Z"));
    free(v);
}

static void test_event_invalid(void **state)
{
    (void)state;
    qr_event e = {.summary = "x", .date = {2026, 2, 29}, .start_min = 540, .end_min = 600};
    check_str(qr_payload_event(&e), NULL); /* no 29 February in 2026 */
    e.date = (civil_date){2026, 3, 30};
    e.end_min = 540;
    check_str(qr_payload_event(&e), NULL);
    e.start_min = -1;
    e.end_min = 60;
    check_str(qr_payload_event(&e), NULL);
    e.start_min = 0;
    e.end_min = 1441;
    check_str(qr_payload_event(&e), NULL);
    check_str(qr_payload_event(NULL), NULL);
    /* DTSTAMP before 1970 still formats (floor division). */
    e.end_min = 60;
    e.stamp_utc = -1;
    char *v = qr_payload_event(&e);
    assert_true(has_line(v, "DTSTAMP:19691231T235959Z"));
    free(v);
}

static void test_capacity(void **state)
{
    (void)state;
    static const struct {
        size_t bytes;
        int version;
    } cases[] = {
        {0, 1},     {1, 1},     {14, 1},    {15, 2},    {26, 2},    {27, 3},
        {42, 3},    {43, 4},    {62, 4},    {84, 5},    {85, 6},    {106, 6},
        {122, 7},   {152, 8},   {180, 9},   {181, 10},  {213, 10},  {214, 11},
        {331, 13},  {666, 20},  {667, 21},  {711, 21},  {712, 22},  {1059, 26},
        {1060, 27}, {2213, 39}, {2214, 40}, {2331, 40}, {2332, -1}, {100000, -1},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        if (qr_payload_version_estimate(cases[i].bytes) != cases[i].version)
            fail_msg("%zu bytes: version %d, expected %d", cases[i].bytes,
                     qr_payload_version_estimate(cases[i].bytes), cases[i].version);
    }
    assert_int_equal(qr_payload_modules(14), 21);
    assert_int_equal(qr_payload_modules(15), 25);
    assert_int_equal(qr_payload_modules(2331), 177);
    assert_int_equal(qr_payload_modules(2332), -1);
    assert_int_equal(qr_payload_min_box_px(14), (21 + 8) * 4);
    assert_int_equal(qr_payload_min_box_px(2332), -1);

    /* The limit is the largest payload whose code fits the layout's box. */
    size_t max = qr_payload_max_bytes();
    assert_true(max >= 800); /* an appointment with its time zone and texts must fit */
    assert_true(qr_payload_min_box_px(max) <= QR_PAYLOAD_BOX_PX);
    assert_true(qr_payload_min_box_px(max + 1) > QR_PAYLOAD_BOX_PX);
}

/* Typical payloads of the demo site fit the limit. */
static void test_typical_sizes(void **state)
{
    (void)state;
    qr_contact c = {
        .name = "Beratung zu Kinderzuschlag und Wohngeld",
        .phone = "0123 456 78-21",
        .address = "Hafenstraße 5, 12345 Beispielstadt",
        .url = "https://stadtteilbuero.example.org/geld",
        .note = "Di und Do 9–13 Uhr",
    };
    char *v = qr_payload_vcard(&c);
    assert_true(strlen(v) <= qr_payload_max_bytes());
    free(v);
    qr_event e = {
        .summary = "Sprechstunde Kita-Sozialarbeit: Anna Beispiel",
        .location = "Kita Sonnenblume, Musterstraße 12, 12345 Beispielstadt",
        .description = "Ohne Termin. Telefon 0123 456 78-10",
        .date = {2026, 3, 30},
        .start_min = 540,
        .end_min = 720,
        .stamp_utc = STAMP,
    };
    v = qr_payload_event(&e);
    assert_true(strlen(v) <= qr_payload_max_bytes());
    free(v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tel),           cmocka_unit_test(test_geo),
        cmocka_unit_test(test_map_search),    cmocka_unit_test(test_vcard_full),
        cmocka_unit_test(test_vcard_minimal), cmocka_unit_test(test_vcard_scripts),
        cmocka_unit_test(test_event_exact),   cmocka_unit_test(test_event_dst),
        cmocka_unit_test(test_event_invalid), cmocka_unit_test(test_capacity),
        cmocka_unit_test(test_typical_sizes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
