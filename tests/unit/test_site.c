/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* test_site.c - site content loading: a good site, every kind of error with its exact
 * "file:line: Field: ..." message, error collection, and the shipped demo site. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "content/site.h"
#include "base/util.h"

/* ---- helpers ------------------------------------------------------------------------- */

static const char good_site[] = "# a comment\n"
                                "Site: Kita Test\n"
                                "Here: sonne\n"
                                "Demo: yes\n"
                                "\n"
                                "Kita: sonne\n"
                                "Name: Kita Sonne\n"
                                "Address: Musterweg 1, 12345 Beispielstadt\n"
                                "\n"
                                "Kita: mond\n"
                                "Name: Kita Mond\n"
                                "\n"
                                "Worker: anna\n"
                                "Name: Anna\n"
                                "Role: Kita-Sozialarbeit\n"
                                "Phone: +49 (0)123 456-78/9\n"
                                "Email: anna@example.org\n"
                                "Languages: Deutsch, Englisch\n"
                                "\n"
                                "Worker: ben\n"
                                "Name: Ben\n";

static const char good_schedule[] = "Hours: anna\n"          /* 1 */
                                    "Kita: sonne\n"          /* 2 */
                                    "Tuesday: 09:00-12:00\n" /* 3 */
                                    "Thursday: 9:00 - 10:00, 14:00\xE2\x80\x93"
                                    "16:00\n"                 /* 4 */
                                    "Thursday: 10:00-11:00\n" /* 5 */
                                    "\n"
                                    "Hours: ben\n"           /* 7 */
                                    "Kita: mond\n"           /* 8 */
                                    "Tuesday: 09:00-12:00\n" /* 9 */
                                    "\n"
                                    "Cancelled: 2026-03-13\n" /* 11 */
                                    "Worker: anna\n"
                                    "\n"
                                    "Cancelled: 2026-03-17\n" /* 14 */
                                    "Worker: anna\n"
                                    "Kita: sonne\n"
                                    "Time: 10:00-12:00\n"
                                    "Note: Teamsitzung\n"
                                    "\n"
                                    "Extra: 2026-03-18\n" /* 20 */
                                    "Worker: anna\n"
                                    "Kita: mond\n"
                                    "Time: 09:00-11:00\n"
                                    "\n"
                                    "Holiday: 2026-03-30 .. 2026-04-11\n" /* 25 */
                                    "Worker: anna\n"
                                    "Note: Osterferien\n";

static const char good_services[] = "Service: but\n" /* 1 */
                                    "Topic: money\n" /* 2 */
                                    "Name: Bildung und Teilhabe\n"
                                    "Description: Geld für das Mittagessen.\n" /* 4 */
                                    "  Und für Ausflüge.\n"
                                    "  .\n"
                                    "  Zweiter Absatz.\n"
                                    "Address: Rathausplatz 1, 12345 Beispielstadt\n" /* 8 */
                                    "Hours: Mo–Fr 9–12 Uhr\n"
                                    "Phone: 0123 456 78-20\n"
                                    "Web: https://beispielstadt.example.org/but\n"
                                    "Languages: Deutsch\n"
                                    "Costs: kostenlos\n" /* 13 */
                                    "Geo: 51.5136, -7.4653\n"
                                    "\n"
                                    "Service: notdienst\n" /* 16 */
                                    "Topic: Health\n"
                                    "Name: Bereitschaftsdienst\n"
                                    "Description: Rufen Sie 116 117 an.\n";

typedef struct texts {
    const char *site;
    const char *schedule;
    const char *services;
} texts;

static site *load(texts t, site_errors *e)
{
    /* Any order; other files of the folder (translations) are ignored. */
    site_file files[4] = {
        {"services.txt", t.services, strlen(t.services)},
        {"locales/en.po", "not a record file", 17},
        {"site.txt", t.site, strlen(t.site)},
        {"schedule.txt", t.schedule, strlen(t.schedule)},
    };
    site_errors_init(e);
    return site_load(files, 4, e);
}

static void dump_errors(const site_errors *e)
{
    for (size_t i = 0; i < e->count; i++)
        fprintf(stderr, "  error: %s\n", e->messages[i]);
}

static bool has_error(const site_errors *e, const char *msg)
{
    for (size_t i = 0; i < e->count; i++)
        if (strcmp(e->messages[i], msg) == 0)
            return true;
    fprintf(stderr, "expected error not found: %s\n", msg);
    dump_errors(e);
    return false;
}

/* Load texts that must fail with exactly this one message. */
static void expect_one_error(texts t, const char *msg)
{
    site_errors e;
    site *s = load(t, &e);
    assert_null(s);
    assert_true(has_error(&e, msg));
    if (e.count != 1)
        dump_errors(&e);
    assert_int_equal(e.count, 1);
    site_errors_finish(&e);
}

/* good_site with text appended (a new record). Caller frees. */
static char *cat(const char *a, const char *b)
{
    return xasprintf("%s\n%s", a, b);
}

static texts good(void)
{
    return (texts){good_site, good_schedule, good_services};
}

/* ---- a good site ---------------------------------------------------------------------- */

static void t_good_site_loads(void **state)
{
    (void)state;
    site_errors e;
    site *s = load(good(), &e);
    if (!s)
        dump_errors(&e);
    assert_non_null(s);
    assert_int_equal(e.count, 0);

    assert_string_equal(s->title, "Kita Test");
    assert_true(s->demo);
    assert_int_equal(s->n_kitas, 2);
    assert_int_equal(s->here, 0);
    assert_string_equal(s->kitas[0].id, "sonne");
    assert_string_equal(s->kitas[0].address, "Musterweg 1, 12345 Beispielstadt");
    assert_null(s->kitas[1].address);
    assert_int_equal(s->kitas[1].src.line, 10);
    assert_string_equal(s->kitas[1].src.file, "site.txt");

    assert_int_equal(s->n_workers, 2);
    site_worker *a = &s->workers[0];
    assert_string_equal(a->name, "Anna");
    assert_string_equal(a->role, "Kita-Sozialarbeit");
    assert_string_equal(a->phone, "+49 (0)123 456-78/9");
    assert_string_equal(a->email, "anna@example.org");
    assert_string_equal(a->languages, "Deutsch, Englisch");
    assert_null(s->workers[1].role);

    /* Slots in file order; a repeated weekday key adds slots; en dash and blanks ok. */
    assert_int_equal(a->n_slots, 4);
    assert_int_equal(a->slots[0].weekday, 2);
    assert_int_equal(a->slots[0].start_min, 9 * 60);
    assert_int_equal(a->slots[0].end_min, 12 * 60);
    assert_int_equal(a->slots[0].kita, 0);
    assert_int_equal(a->slots[1].weekday, 4);
    assert_int_equal(a->slots[1].end_min, 10 * 60);
    assert_int_equal(a->slots[2].start_min, 14 * 60);
    assert_int_equal(a->slots[2].end_min, 16 * 60);
    assert_int_equal(a->slots[3].start_min, 10 * 60); /* touching 9-10 is no overlap */
    assert_int_equal(a->slots[3].src.line, 5);
    assert_string_equal(a->slots[3].src.field, "Thursday");
    assert_int_equal(s->workers[1].slots[0].kita, 1);

    assert_int_equal(a->n_exceptions, 4);
    const site_exception *x = a->exceptions;
    assert_int_equal(x[0].kind, EXC_CANCELLED);
    assert_int_equal(x[0].kita, -1);
    assert_int_equal(x[0].start_min, -1);
    assert_int_equal(civil_date_cmp(x[0].from, x[0].to), 0);
    assert_null(x[0].note);
    assert_int_equal(x[0].src.line, 11);
    assert_int_equal(x[1].kita, 0);
    assert_int_equal(x[1].start_min, 10 * 60);
    assert_int_equal(x[1].end_min, 12 * 60);
    assert_string_equal(x[1].note, "Teamsitzung");
    assert_int_equal(x[2].kind, EXC_EXTRA);
    assert_int_equal(x[2].kita, 1);
    assert_int_equal(x[2].from.day, 18);
    assert_int_equal(x[2].start_min, 9 * 60);
    assert_int_equal(x[3].kind, EXC_HOLIDAY);
    assert_int_equal(x[3].from.month, 3);
    assert_int_equal(x[3].to.month, 4);
    assert_int_equal(x[3].to.day, 11);
    assert_int_equal(x[3].start_min, -1);
    assert_string_equal(x[3].note, "Osterferien");

    assert_int_equal(s->n_services, 2);
    site_service *v = &s->services[0];
    assert_string_equal(v->id, "but");
    assert_int_equal(v->topic, TOPIC_MONEY);
    assert_string_equal(v->description,
                        "Geld für das Mittagessen. Und für Ausflüge.\nZweiter Absatz.");
    assert_string_equal(v->hours, "Mo–Fr 9–12 Uhr");
    assert_string_equal(v->web, "https://beispielstadt.example.org/but");
    assert_true(v->has_geo);
    assert_true(v->lat > 51.5135 && v->lat < 51.5137);
    assert_true(v->lon < -7.4652 && v->lon > -7.4654);
    assert_int_equal(v->src.line, 1);
    assert_int_equal(v->src_description.line, 4);
    assert_string_equal(v->src_description.field, "Description");
    assert_int_equal(v->src_costs.line, 13);
    assert_string_equal(v->src_costs.file, "services.txt");
    site_service *w = &s->services[1];
    assert_int_equal(w->topic, TOPIC_HEALTH); /* keys are case-insensitive */
    assert_false(w->has_geo);
    assert_null(w->address);
    assert_null(w->costs);
    assert_int_equal(w->src_costs.line, 16); /* absent: the record's line */

    /* Every src.file points into the site's own copies of the file names. */
    assert_int_equal(s->n_file_names, 3);
    assert_ptr_equal(s->kitas[0].src.file, s->file_names[0]);
    assert_ptr_equal(a->slots[0].src.file, s->file_names[1]);
    assert_ptr_equal(a->exceptions[0].src.file, s->file_names[1]);
    assert_ptr_equal(v->src_name.file, s->file_names[2]);

    site_destroy(s);
    site_errors_finish(&e);
}

static void t_lookups(void **state)
{
    (void)state;
    site_errors e;
    site *s = load(good(), &e);
    assert_non_null(s);
    assert_int_equal(site_kita_find(s, "mond"), 1);
    assert_int_equal(site_kita_find(s, "MOND"), 1);
    assert_int_equal(site_kita_find(s, "stern"), -1);
    assert_int_equal(site_kita_find(NULL, "mond"), -1);
    assert_int_equal(site_kita_find(s, NULL), -1);
    int out[4];
    assert_int_equal(site_workers_at(s, 0, out, 4), 1);
    assert_int_equal(out[0], 0);
    assert_int_equal(site_workers_at(s, 1, out, 4), 1);
    assert_int_equal(out[0], 1);
    assert_int_equal(site_workers_at(s, 1, out, 0), 0);
    assert_int_equal(site_workers_at(s, 7, out, 4), 0);
    site_destroy(s);
    site_errors_finish(&e);
    site_destroy(NULL);
}

static void t_topic_keys_and_file_names(void **state)
{
    (void)state;
    assert_string_equal(site_topic_key(TOPIC_MONEY), "money");
    assert_string_equal(site_topic_key(TOPIC_PARENTING), "parenting");
    assert_string_equal(site_topic_key(TOPIC_HEALTH), "health");
    assert_string_equal(site_topic_key(TOPIC_LANGUAGE), "language");
    assert_string_equal(site_topic_key(TOPIC_CRISIS), "crisis");
    assert_string_equal(site_topic_key(TOPIC_EVERYDAY), "everyday");
    assert_string_equal(site_topic_key(TOPIC_COUNT), "?");
    assert_int_equal(site_n_file_names, 3);
    assert_string_equal(site_file_names[0], "site.txt");
    assert_string_equal(site_file_names[1], "schedule.txt");
    assert_string_equal(site_file_names[2], "services.txt");
}

/* ---- files ------------------------------------------------------------------------------ */

static void t_missing_file(void **state)
{
    (void)state;
    site_file files[2] = {{"site.txt", good_site, strlen(good_site)},
                          {"services.txt", good_services, strlen(good_services)}};
    site_errors e;
    site_errors_init(&e);
    assert_null(site_load(files, 2, &e));
    assert_true(has_error(&e, "schedule.txt: the file is missing"));
    assert_int_equal(e.count, 1);
    site_errors_finish(&e);

    site_file twice[4] = {{"site.txt", good_site, strlen(good_site)},
                          {"schedule.txt", good_schedule, strlen(good_schedule)},
                          {"services.txt", good_services, strlen(good_services)},
                          {"site.txt", good_site, strlen(good_site)}};
    site_errors_init(&e);
    assert_null(site_load(twice, 4, &e));
    assert_true(has_error(&e, "site.txt: the file is given twice"));
    assert_int_equal(e.count, 1);
    site_errors_finish(&e);
}

static void t_syntax_error_from_parser(void **state)
{
    (void)state;
    char *bad = cat(good_services, "this is not a field\n");
    site_errors e;
    assert_null(load((texts){good_site, good_schedule, bad}, &e));
    assert_int_equal(e.count, 1);
    assert_true(str_starts_with(e.messages[0], "services.txt:21: "));
    site_errors_finish(&e);
    free(bad);
}

/* ---- site.txt --------------------------------------------------------------------------- */

static void t_unknown_record_type(void **state)
{
    (void)state;
    char *bad = cat(good_site, "Kiat: stern\nName: Kita Stern\n");
    expect_one_error((texts){bad, good_schedule, good_services},
                     "site.txt:23: Kiat: unknown record type (expected Site, Kita or Worker)");
    free(bad);
    bad = cat(good_site, "Service: x\nTopic: money\nName: X\nDescription: Y\n");
    expect_one_error((texts){bad, good_schedule, good_services},
                     "site.txt:23: Service: Service records belong in services.txt");
    free(bad);
}

static void t_unknown_field(void **state)
{
    (void)state;
    char *bad = cat(good_site, "Kita: stern\nName: Kita Stern\nAdress: Weg 1\n");
    expect_one_error((texts){bad, good_schedule, good_services},
                     "site.txt:25: Adress: unknown field in this Kita record (allowed: Name, "
                     "Address)");
    free(bad);
}

static void t_missing_required(void **state)
{
    (void)state;
    char *bad = cat(good_site, "Kita: stern\nAddress: Weg 1\n");
    expect_one_error((texts){bad, good_schedule, good_services},
                     "site.txt:23: Name: required field is missing (Kita 'stern')");
    free(bad);
    bad = cat(good_site, "Kita: stern\nName:\n");
    expect_one_error((texts){bad, good_schedule, good_services},
                     "site.txt:24: Name: must not be empty");
    free(bad);
}

static void t_repeated_field(void **state)
{
    (void)state;
    char *bad = cat(good_site, "Kita: stern\nName: A\nName: B\n");
    expect_one_error((texts){bad, good_schedule, good_services},
                     "site.txt:25: Name: appears twice in this record (first on line 24)");
    free(bad);
}

static void t_site_record(void **state)
{
    (void)state;
    const char *no_site = strstr(good_site, "Kita: sonne");
    site_errors e;
    assert_null(load((texts){no_site, good_schedule, good_services}, &e));
    assert_true(has_error(&e, "site.txt: Site: the 'Site:' record is missing (exactly one is "
                              "needed)"));
    site_errors_finish(&e);

    char *bad = cat(good_site, "Site: Noch eine\nHere: sonne\n");
    expect_one_error((texts){bad, good_schedule, good_services},
                     "site.txt:23: Site: a second Site record (the first is on line 2)");
    free(bad);

    char *demo = xstrdup(good_site);
    memcpy(strstr(demo, "Demo: yes"), "Demo: ja ", 9);
    expect_one_error((texts){demo, good_schedule, good_services},
                     "site.txt:4: Demo: 'ja' is not yes or no");
    free(demo);
}

static void t_duplicate_ids(void **state)
{
    (void)state;
    char *bad = cat(good_site, "Kita: Sonne\nName: Noch eine Sonne\n");
    expect_one_error((texts){bad, good_schedule, good_services},
                     "site.txt:23: Kita: the id 'Sonne' is used twice (first on line 6)");
    free(bad);
    bad = cat(good_site, "Worker: ben\nName: Ben 2\n");
    expect_one_error((texts){bad, good_schedule, good_services},
                     "site.txt:23: Worker: the id 'ben' is used twice (first on line 20)");
    free(bad);
    bad = cat(good_services, "Service: but\nTopic: money\nName: X\nDescription: Y\n");
    expect_one_error((texts){good_site, good_schedule, bad},
                     "services.txt:21: Service: the id 'but' is used twice (first on line 1)");
    free(bad);
}

static void t_invalid_id(void **state)
{
    (void)state;
    char *bad = cat(good_site, "Kita: Kita Stern\nName: Kita Stern\n");
    expect_one_error((texts){bad, good_schedule, good_services},
                     "site.txt:23: Kita: 'Kita Stern' is not an id (use letters, digits, '-' "
                     "and '_' only)");
    free(bad);
}

static void t_here(void **state)
{
    (void)state;
    char *bad = xstrdup(good_site);
    memcpy(strstr(bad, "Here: sonne"), "Here: sunne", 11);
    expect_one_error((texts){bad, good_schedule, good_services},
                     "site.txt:3: Here: unknown Kita 'sunne' (no 'Kita: sunne' in site.txt)");
    memcpy(strstr(bad, "Here: sunne"), "Here: mond ", 11);
    site_errors e;
    site *s = load((texts){bad, good_schedule, good_services}, &e);
    assert_non_null(s); /* ben has hours at mond */
    site_destroy(s);
    site_errors_finish(&e);
    free(bad);

    /* No worker has hours at the Kita of this kiosk. */
    const char *schedule = "Hours: ben\nKita: mond\nFriday: 08:00-09:00\n";
    expect_one_error((texts){good_site, schedule, good_services},
                     "site.txt:3: Here: no worker has consultation hours at 'sonne' "
                     "(schedule.txt needs an 'Hours:' record with 'Kita: sonne')");
}

static void t_phone_and_email(void **state)
{
    (void)state;
    char *bad = cat(good_site, "Worker: cara\nName: Cara\nPhone: 0123 CALL-ME\nEmail: cara\n");
    site_errors e;
    assert_null(load((texts){bad, good_schedule, good_services}, &e));
    assert_int_equal(e.count, 2);
    assert_true(has_error(&e, "site.txt:25: Phone: '0123 CALL-ME' is not a phone number "
                              "(digits, spaces and + - / ( ) only)"));
    assert_true(has_error(&e, "site.txt:26: Email: 'cara' is not an e-mail address"));
    site_errors_finish(&e);
    free(bad);
}

static void t_single_paragraph_fields(void **state)
{
    (void)state;
    char *bad = cat(good_site, "Kita: stern\nName: Kita\n  .\n  Stern\n");
    expect_one_error((texts){bad, good_schedule, good_services},
                     "site.txt:24: Name: must be a single paragraph (no '.' lines)");
    free(bad);
}

/* ---- schedule.txt ---------------------------------------------------------------------- */

static void t_bad_time_range(void **state)
{
    (void)state;
    char *bad = cat(good_schedule, "Hours: ben\nKita: sonne\nTuesday: 9:00-25:00\n");
    expect_one_error((texts){good_site, bad, good_services},
                     "schedule.txt:31: Tuesday: '9:00-25:00' is not a time range (HH:MM-HH:MM)");
    free(bad);
    bad = cat(good_schedule, "Hours: ben\nKita: sonne\nFriday: 08:00-09:00,\n");
    expect_one_error((texts){good_site, bad, good_services},
                     "schedule.txt:31: Friday: '' is not a time range (HH:MM-HH:MM)");
    free(bad);
}

static void t_end_before_start(void **state)
{
    (void)state;
    char *bad = cat(good_schedule, "Hours: ben\nKita: sonne\nMonday: 12:00-09:00\n");
    expect_one_error((texts){good_site, bad, good_services},
                     "schedule.txt:31: Monday: '12:00-09:00' ends before it starts");
    free(bad);
    bad = cat(good_schedule, "Hours: ben\nKita: sonne\nMonday: 12:00-12:00\n");
    expect_one_error((texts){good_site, bad, good_services},
                     "schedule.txt:31: Monday: '12:00-12:00' ends before it starts");
    free(bad);
    bad = cat(good_schedule, "Extra: 2026-05-05\nWorker: ben\nKita: mond\nTime: 10:00-9:00\n");
    expect_one_error((texts){good_site, bad, good_services},
                     "schedule.txt:32: Time: '10:00-9:00' ends before it starts");
    free(bad);
}

static void t_overlap(void **state)
{
    (void)state;
    /* Overlaps are checked across Kitas: a worker cannot be in two places at once. */
    char *bad = cat(good_schedule, "Hours: anna\nKita: mond\nTuesday: 11:30-13:00\n");
    expect_one_error((texts){good_site, bad, good_services},
                     "schedule.txt:31: Tuesday: 11:30-13:00 overlaps 09:00-12:00 (line 3) of "
                     "worker 'anna'");
    free(bad);
    /* Another worker may have the same hours. */
    bad = cat(good_schedule, "Hours: ben\nKita: sonne\nThursday: 09:00-10:00\n");
    site_errors e;
    site *s = load((texts){good_site, bad, good_services}, &e);
    assert_non_null(s);
    site_destroy(s);
    site_errors_finish(&e);
    free(bad);
}

static void t_hours_record(void **state)
{
    (void)state;
    char *bad = cat(good_schedule, "Hours: ben\nKita: sonne\n");
    expect_one_error((texts){good_site, bad, good_services},
                     "schedule.txt:29: Hours: no weekday in this record (Monday: ... Sunday:)");
    free(bad);
    bad = cat(good_schedule, "Hours: ben\nKita: sonne\nMonday: 9:00-10:00\nTime: 09:00-10:00\n");
    expect_one_error((texts){good_site, bad, good_services},
                     "schedule.txt:32: Time: unknown field in this Hours record (allowed: Kita, "
                     "Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday, Every, "
                     "Starting, Weeks, Monthly, Dates, From, Until)");
    free(bad);
}

static void t_unknown_references(void **state)
{
    (void)state;
    char *bad = cat(good_schedule, "Hours: carla\nKita: stern\nMonday: 09:00-10:00\n");
    site_errors e;
    assert_null(load((texts){good_site, bad, good_services}, &e));
    assert_int_equal(e.count, 2);
    assert_true(has_error(
        &e, "schedule.txt:29: Hours: unknown worker 'carla' (no 'Worker: carla' in site.txt)"));
    assert_true(has_error(
        &e, "schedule.txt:30: Kita: unknown Kita 'stern' (no 'Kita: stern' in site.txt)"));
    site_errors_finish(&e);
    free(bad);
    bad = cat(good_schedule, "Holiday: 2026-08-01\nWorker: carla\n");
    expect_one_error(
        (texts){good_site, bad, good_services},
        "schedule.txt:30: Worker: unknown worker 'carla' (no 'Worker: carla' in site.txt)");
    free(bad);
}

static void t_dates(void **state)
{
    (void)state;
    char *bad = cat(good_schedule, "Holiday: 2026-04-11 .. 2026-03-30\nWorker: anna\n");
    expect_one_error((texts){good_site, bad, good_services},
                     "schedule.txt:29: Holiday: '2026-04-11 .. 2026-03-30' ends before it "
                     "starts");
    free(bad);
    bad = cat(good_schedule, "Cancelled: 2026-02-30\nWorker: anna\n");
    expect_one_error((texts){good_site, bad, good_services},
                     "schedule.txt:29: Cancelled: '2026-02-30' is not a date (YYYY-MM-DD) or a "
                     "date range (YYYY-MM-DD .. YYYY-MM-DD)");
    free(bad);
    bad = cat(good_schedule, "Extra: 2026-05-04 .. 2026-05-05\nWorker: anna\nKita: sonne\n"
                             "Time: 09:00-10:00\n");
    expect_one_error((texts){good_site, bad, good_services},
                     "schedule.txt:29: Extra: '2026-05-04 .. 2026-05-05': an extra date is a "
                     "single day (YYYY-MM-DD)");
    free(bad);
    bad = cat(good_schedule, "Extra: 2026-05-04\nWorker: anna\nNote: Extra\n");
    site_errors e;
    assert_null(load((texts){good_site, bad, good_services}, &e));
    assert_int_equal(e.count, 2);
    assert_true(has_error(&e, "schedule.txt:29: Kita: required field is missing (Extra "
                              "'2026-05-04')"));
    assert_true(has_error(&e, "schedule.txt:29: Time: required field is missing (Extra "
                              "'2026-05-04')"));
    site_errors_finish(&e);
    free(bad);
    bad = cat(good_schedule, "Holiday: 2026-08-01\nWorker: anna\nTime: 09:00-10:00\n");
    expect_one_error((texts){good_site, bad, good_services},
                     "schedule.txt:31: Time: unknown field in this Holiday record (allowed: "
                     "Worker, Kita, Note)");
    free(bad);
}

/* ---- services.txt ---------------------------------------------------------------------- */

static char *service_with(const char *field_line)
{
    return xasprintf("%s\nService: x\nTopic: money\nName: X\nDescription: Y\n%s\n", good_services,
                     field_line);
}

static void t_service_fields(void **state)
{
    (void)state;
    static const struct {
        const char *line;
        const char *msg;
    } cases[] = {
        {"Phone: 0800-HILFE", "services.txt:25: Phone: '0800-HILFE' is not a phone number "
                              "(digits, spaces and + - / ( ) only)"},
        {"Web: www.example.org", "services.txt:25: Web: 'www.example.org' must be a web "
                                 "address starting with https:// or http://"},
        {"Web: https://", "services.txt:25: Web: 'https://' must be a web address starting "
                          "with https:// or http://"},
        {"Geo: 51,5 7,4", "services.txt:25: Geo: '51,5 7,4' is not 'latitude, longitude' in "
                          "decimal degrees (e.g. 51.5136, 7.4653)"},
        {"Geo: 51.5", "services.txt:25: Geo: '51.5' is not 'latitude, longitude' in decimal "
                      "degrees (e.g. 51.5136, 7.4653)"},
        {"Geo: 91, 7", "services.txt:25: Geo: '91, 7' is out of range (latitude -90..90, "
                       "longitude -180..180)"},
        {"Geo: 51, -180.5", "services.txt:25: Geo: '51, -180.5' is out of range (latitude "
                            "-90..90, longitude -180..180)"},
        {"Kosten: kostenlos", "services.txt:25: Kosten: unknown field in this Service record "
                              "(allowed: Topic, Name, Description, Address, Hours, Phone, "
                              "Web, Languages, Costs, Geo)"},
    };
    for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
        char *bad = service_with(cases[i].line);
        expect_one_error((texts){good_site, good_schedule, bad}, cases[i].msg);
        free(bad);
    }
    char *ok = service_with("Web: http://example.org\nGeo: -33.9, 151.2");
    site_errors e;
    site *s = load((texts){good_site, good_schedule, ok}, &e);
    assert_non_null(s);
    assert_true(s->services[2].lat < -33.8 && s->services[2].lon > 151.1);
    site_destroy(s);
    site_errors_finish(&e);
    free(ok);
}

/* Bidi controls must be balanced in every text; a required text needs something
 * visible; an address holds no invisible character; a value quoted in a message is cut
 * and has its invisible characters spelled out. */
static void t_bad_text(void **state)
{
    (void)state;
    static const char unbalanced[] =
        " (each U+202A, U+202B, U+202D, U+202E needs a U+202C after it, each U+2066-U+2068 "
        "a U+2069, in the same paragraph)";
    static const struct {
        const char *line;
        const char *msg;
    } cases[] = {
        {"Hours: \xe2\x80\xae" "Mo 9-12",
         "services.txt:25: Hours: unbalanced bidi control U+202E at character 1"},
        {"Costs: frei\xe2\x80\xac",
         "services.txt:25: Costs: unbalanced bidi control U+202C at character 5"},
        {"Address: Weg \xe2\x81\xa7" "1 \xe2\x81\xa6" "2\xe2\x81\xa9",
         "services.txt:25: Address: unbalanced bidi control U+2067 at character 5"},
        /* An isolate closed by a PDF is not closed. */
        {"Costs: \xe2\x81\xa6" "frei\xe2\x80\xac",
         "services.txt:25: Costs: unbalanced bidi control U+202C at character 6"},
        {"Web: https://example.org/\xe2\x80\xae" "ab\xe2\x80\xac",
         "services.txt:25: Web: 'https://example.org/<U+202E>ab<U+202C>' holds the invisible "
         "character U+202E (it would make the address look like another)"},
        {"Web: https://exa\xe2\x80\x8bmple.org",
         "services.txt:25: Web: 'https://exa<U+200B>mple.org' holds the invisible character "
         "U+200B (it would make the address look like another)"},
    };
    for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
        char *bad = service_with(cases[i].line);
        char *msg = strstr(cases[i].msg, "unbalanced")
                        ? xasprintf("%s%s", cases[i].msg, unbalanced)
                        : xstrdup(cases[i].msg);
        expect_one_error((texts){good_site, good_schedule, bad}, msg);
        free(msg);
        free(bad);
    }
    /* Only invisible characters in a required field. */
    char *bad = xasprintf("%s\nService: x\nTopic: money\nName: \xe2\x80\x8f\xe2\x80\x8b\n"
                          "Description: Y\n",
                          good_services);
    expect_one_error((texts){good_site, good_schedule, bad},
                     "services.txt:23: Name: must not be empty (it holds only invisible "
                     "characters)");
    free(bad);
    /* The site title too. */
    bad = xstrdup(good_site);
    char *title = strstr(bad, "Kita Test");
    memcpy(title, "\xe2\x80\xae" "ita Te", 9);
    char *msg = xasprintf("site.txt:2: Site: unbalanced bidi control U+202E at character 1%s",
                          unbalanced);
    expect_one_error((texts){bad, good_schedule, good_services}, msg);
    free(msg);
    free(bad);
    /* E-mail. */
    bad = cat(good_site, "Worker: cara\nName: Cara\nEmail: cara@exa\xe2\x80\x8bmple.org\n");
    expect_one_error((texts){bad, good_schedule, good_services},
                     "site.txt:25: Email: 'cara@exa<U+200B>mple.org' holds the invisible "
                     "character U+200B (it would make the address look like another)");
    free(bad);
    /* A 10 kB phone number is quoted in 60 characters, its RLO spelled out. */
    strbuf big;
    strbuf_init(&big);
    strbuf_puts(&big, "Phone: \xe2\x80\xae");
    for (int i = 0; i < 2000; i++)
        strbuf_puts(&big, "12 a ");
    strbuf_puts(&big, "\xe2\x80\xac");
    bad = service_with(big.data);
    site_errors e;
    assert_null(load((texts){good_site, good_schedule, bad}, &e));
    assert_int_equal(e.count, 1);
    assert_string_equal(e.messages[0],
                        "services.txt:25: Phone: '<U+202E>12 a 12 a 12 a 12 a 12 a 12 a 12 a 12 a "
                        "12 a 12 a 12 a 12 a...' is not a phone number (digits, spaces and + - / "
                        "( ) only)");
    site_errors_finish(&e);
    free(bad);
    strbuf_finish(&big);
    /* Balanced controls, isolates inside embeddings, LRM/RLM and a 10 kB description are
     * text. */
    strbuf_init(&big);
    strbuf_puts(&big, "Description: \xe2\x80\xab\xe2\x81\xa6" "0123\xe2\x81\xa9\xe2\x80\xac"
                      "\xe2\x80\x8f ");
    for (int i = 0; i < 1000; i++)
        strbuf_puts(&big, "Antragsformular");
    char *good_text = xasprintf("%s\nService: x\nTopic: money\nName: X\xe2\x80\x8e\n%s\n",
                                good_services, big.data);
    site *s = load((texts){good_site, good_schedule, good_text}, &e);
    dump_errors(&e);
    assert_non_null(s);
    assert_int_equal(strlen(s->services[2].description), 15000 + 20);
    site_destroy(s);
    site_errors_finish(&e);
    free(good_text);
    strbuf_finish(&big);
}

static void t_service_topic(void **state)
{
    (void)state;
    char *bad = xstrdup(good_services);
    memcpy(strstr(bad, "Topic: money"), "Topic: geld ", 12);
    expect_one_error((texts){good_site, good_schedule, bad},
                     "services.txt:2: Topic: 'geld' is not a topic (money, parenting, health, "
                     "language, crisis, everyday)");
    free(bad);
    const char *missing = "Service: x\nName: X\n";
    site_errors e;
    assert_null(load((texts){good_site, good_schedule, missing}, &e));
    assert_int_equal(e.count, 2);
    assert_true(has_error(&e, "services.txt:1: Topic: required field is missing (Service "
                              "'x')"));
    assert_true(has_error(&e, "services.txt:1: Description: required field is missing "
                              "(Service 'x')"));
    site_errors_finish(&e);
}

/* ---- many errors at once ---------------------------------------------------------------- */

static void t_errors_are_collected(void **state)
{
    (void)state;
    const char *bad_site = "Site: Test\n"
                           "Here: sonne\n"
                           "\n"
                           "Kita: sonne\n"
                           "\n"
                           "Worker: anna\n"
                           "Name: Anna\n"
                           "Phone: call me\n";
    const char *bad_schedule = "Hours: anna\n"
                               "Kita: sonne\n"
                               "Tuesday: 09:00-12:00\n"
                               "Tusday: 14:00-15:00\n"
                               "\n"
                               "Holiday: 2026-12-24 .. 2026-12-23\n"
                               "Worker: anna\n";
    const char *bad_services = "Service: a\n"
                               "Topic: money\n"
                               "Name: A\n"
                               "Description: B\n"
                               "Web: example.org\n"
                               "\n"
                               "Servce: b\n"
                               "\n"
                               "Service: c\n"
                               "Topic: geld\n"  /* 10: found after the field check... */
                               "Kosten: frei\n" /* 11: ...but reported in line order */
                               "Name: C\n"
                               "Description: D\n";
    site_errors e;
    site_errors_init(&e);
    site_errors_add(&e, "earlier.txt", 1, NULL, "an earlier error stays");
    site_file files[3] = {
        {"site.txt", bad_site, strlen(bad_site)},
        {"schedule.txt", bad_schedule, strlen(bad_schedule)},
        {"services.txt", bad_services, strlen(bad_services)},
    };
    assert_null(site_load(files, 3, &e));
    const char *expected[] = {
        "earlier.txt:1: an earlier error stays",
        "site.txt:4: Name: required field is missing (Kita 'sonne')",
        "site.txt:8: Phone: 'call me' is not a phone number (digits, spaces and + - / ( ) "
        "only)",
        "schedule.txt:4: Tusday: unknown field in this Hours record (allowed: Kita, Monday, "
        "Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday, Every, Starting, Weeks, "
        "Monthly, Dates, From, Until)",
        "schedule.txt:6: Holiday: '2026-12-24 .. 2026-12-23' ends before it starts",
        "services.txt:5: Web: 'example.org' must be a web address starting with https:// or "
        "http://",
        "services.txt:7: Servce: unknown record type (expected Service)",
        "services.txt:10: Topic: 'geld' is not a topic (money, parenting, health, language, "
        "crisis, everyday)",
        "services.txt:11: Kosten: unknown field in this Service record (allowed: Topic, Name, "
        "Description, Address, Hours, Phone, Web, Languages, Costs, Geo)",
    };
    if (e.count != ARRAY_LEN(expected))
        dump_errors(&e);
    assert_int_equal(e.count, ARRAY_LEN(expected));
    for (size_t i = 0; i < ARRAY_LEN(expected); i++)
        assert_string_equal(e.messages[i], expected[i]);
    site_errors_finish(&e);
}

/* ---- the shipped demo site ---------------------------------------------------------------- */

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    strbuf sb;
    strbuf_init(&sb);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        strbuf_append(&sb, buf, n);
    fclose(f);
    *len = sb.len;
    return strbuf_steal(&sb);
}

static void t_demo_site(void **state)
{
    (void)state;
    site_file files[3];
    char *texts_[3];
    for (size_t i = 0; i < 3; i++) {
        char *path = xasprintf("%s/assets/demo-site/%s", LOTSE_SOURCE_DIR, site_file_names[i]);
        texts_[i] = read_file(path, &files[i].len);
        if (!texts_[i])
            fprintf(stderr, "cannot read %s\n", path);
        assert_non_null(texts_[i]);
        free(path);
        files[i].name = site_file_names[i];
        files[i].text = texts_[i];
    }
    site_errors e;
    site_errors_init(&e);
    site *s = site_load(files, 3, &e);
    if (!s)
        dump_errors(&e);
    assert_non_null(s);
    assert_int_equal(e.count, 0);

    assert_true(s->demo);
    assert_true(s->n_kitas >= 3);
    assert_true(s->here >= 0);
    int w[8];
    assert_true(site_workers_at(s, s->here, w, 8) >= 1);
    assert_true(s->n_services >= 12);
    bool topic_seen[TOPIC_COUNT] = {false};
    for (size_t i = 0; i < s->n_services; i++) {
        const site_service *v = &s->services[i];
        topic_seen[v->topic] = true;
        /* Kiosk screen limits for the content (code points). */
        assert_true(utf8_length(v->name) <= 60);
        if (utf8_length(v->description) > 320)
            fprintf(stderr, "%s: description has %zu characters\n", v->id,
                    utf8_length(v->description));
        assert_true(utf8_length(v->description) <= 320);
    }
    for (int t = 0; t < TOPIC_COUNT; t++)
        assert_true(topic_seen[t]);
    for (size_t i = 0; i < s->n_workers; i++)
        assert_true(s->workers[i].n_exceptions > 0);

    site_destroy(s);
    site_errors_finish(&e);
    for (size_t i = 0; i < 3; i++)
        free(texts_[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(t_good_site_loads),
        cmocka_unit_test(t_lookups),
        cmocka_unit_test(t_topic_keys_and_file_names),
        cmocka_unit_test(t_missing_file),
        cmocka_unit_test(t_syntax_error_from_parser),
        cmocka_unit_test(t_unknown_record_type),
        cmocka_unit_test(t_unknown_field),
        cmocka_unit_test(t_missing_required),
        cmocka_unit_test(t_repeated_field),
        cmocka_unit_test(t_site_record),
        cmocka_unit_test(t_duplicate_ids),
        cmocka_unit_test(t_invalid_id),
        cmocka_unit_test(t_here),
        cmocka_unit_test(t_phone_and_email),
        cmocka_unit_test(t_single_paragraph_fields),
        cmocka_unit_test(t_bad_time_range),
        cmocka_unit_test(t_end_before_start),
        cmocka_unit_test(t_overlap),
        cmocka_unit_test(t_hours_record),
        cmocka_unit_test(t_unknown_references),
        cmocka_unit_test(t_dates),
        cmocka_unit_test(t_service_fields),
        cmocka_unit_test(t_bad_text),
        cmocka_unit_test(t_service_topic),
        cmocka_unit_test(t_errors_are_collected),
        cmocka_unit_test(t_demo_site),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
