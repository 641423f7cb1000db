/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* site.c - loads and validates site content (site.txt, schedule.txt, services.txt) into
 * an immutable site. The record syntax is parsed by rec.c; this file knows the record
 * types and fields, resolves ids across files and checks every value. It reports every
 * problem it finds (file:line: field: what is wrong) instead of stopping at the first,
 * so an editor can fix a whole file in one go; a site with any error is never returned.
 * The format is documented for editors in docs/site-format.md: keep the two in step. */
#include "content/site.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/rec.h"
#include "base/util.h"

const char *const site_file_names[] = {"site.txt", "schedule.txt", "services.txt"};
const size_t site_n_file_names = ARRAY_LEN(site_file_names);

enum { FILE_SITE, FILE_SCHEDULE, FILE_SERVICES, FILE_COUNT };

static const char *const topic_keys[TOPIC_COUNT] = {
    [TOPIC_MONEY] = "money",       [TOPIC_PARENTING] = "parenting", [TOPIC_HEALTH] = "health",
    [TOPIC_LANGUAGE] = "language", [TOPIC_CRISIS] = "crisis",       [TOPIC_EVERYDAY] = "everyday",
};

static const char *const weekday_keys[7] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                            "Friday", "Saturday", "Sunday"};

const char *site_topic_key(site_topic t)
{
    return (unsigned)t < TOPIC_COUNT ? topic_keys[t] : "?";
}

/* ---- record and field specifications ------------------------------------------------ */

enum {
    F_REQUIRED = 1u,   /* must be present and non-empty */
    F_REPEAT = 2u,     /* may appear more than once */
    F_PARAGRAPHS = 4u, /* may hold "\n" paragraph breaks */
};

typedef struct field_spec {
    const char *key; /* canonical spelling; also the site_src.field of values from it */
    unsigned flags;
} field_spec;

typedef struct record_spec {
    const char *type; /* key of the record's first field */
    int file;         /* the file it belongs in */
    const field_spec *fields;
    size_t n_fields;
} record_spec;

#define MAX_FIELDS 16

enum { SITE_HERE, SITE_DEMO };
static const field_spec site_fields[] = {{"Here", F_REQUIRED}, {"Demo", 0}};

enum { KITA_NAME, KITA_ADDRESS };
static const field_spec kita_fields[] = {{"Name", F_REQUIRED}, {"Address", 0}};

enum { WORKER_NAME, WORKER_ROLE, WORKER_PHONE, WORKER_EMAIL, WORKER_LANGUAGES };
static const field_spec worker_fields[] = {
    {"Name", F_REQUIRED}, {"Role", 0}, {"Phone", 0}, {"Email", 0}, {"Languages", 0}};

/* Indexes into hours_fields: Kita, the seven weekdays, then the rule's fields. */
enum {
    HOURS_KITA,
    HOURS_MONDAY,
    HOURS_EVERY = HOURS_MONDAY + 7,
    HOURS_STARTING,
    HOURS_WEEKS,
    HOURS_MONTHLY,
    HOURS_DATES,
    HOURS_FROM,
    HOURS_UNTIL
};
static const field_spec hours_fields[] = {{"Kita", F_REQUIRED},
                                          {"Monday", F_REPEAT},
                                          {"Tuesday", F_REPEAT},
                                          {"Wednesday", F_REPEAT},
                                          {"Thursday", F_REPEAT},
                                          {"Friday", F_REPEAT},
                                          {"Saturday", F_REPEAT},
                                          {"Sunday", F_REPEAT},
                                          {"Every", 0},
                                          {"Starting", 0},
                                          {"Weeks", 0},
                                          {"Monthly", 0},
                                          {"Dates", 0},
                                          {"From", 0},
                                          {"Until", 0}};

/* The three exception kinds list their fields in the same order (Holiday has no Time). */
enum { EXC_F_WORKER, EXC_F_KITA, EXC_F_TIME, EXC_F_NOTE, HOLIDAY_F_NOTE = 2 };
static const field_spec cancelled_fields[] = {
    {"Worker", F_REQUIRED}, {"Kita", 0}, {"Time", 0}, {"Note", 0}};
static const field_spec extra_fields[] = {
    {"Worker", F_REQUIRED}, {"Kita", F_REQUIRED}, {"Time", F_REQUIRED}, {"Note", 0}};
static const field_spec holiday_fields[] = {{"Worker", F_REQUIRED}, {"Kita", 0}, {"Note", 0}};

enum {
    SVC_TOPIC,
    SVC_NAME,
    SVC_DESCRIPTION,
    SVC_ADDRESS,
    SVC_HOURS,
    SVC_PHONE,
    SVC_WEB,
    SVC_LANGUAGES,
    SVC_COSTS,
    SVC_GEO
};
static const field_spec service_fields[] = {{"Topic", F_REQUIRED},
                                            {"Name", F_REQUIRED},
                                            {"Description", F_REQUIRED | F_PARAGRAPHS},
                                            {"Address", 0},
                                            {"Hours", 0},
                                            {"Phone", 0},
                                            {"Web", 0},
                                            {"Languages", 0},
                                            {"Costs", 0},
                                            {"Geo", 0}};

/* clang-format off */
#define SPEC(type, file, fields) {type, file, fields, ARRAY_LEN(fields)}
/* clang-format on */
_Static_assert(ARRAY_LEN(service_fields) <= MAX_FIELDS, "raise MAX_FIELDS");
_Static_assert(ARRAY_LEN(hours_fields) <= MAX_FIELDS, "raise MAX_FIELDS");
_Static_assert(ARRAY_LEN(hours_fields) == HOURS_UNTIL + 1, "hours_fields and its enum differ");

enum { R_SITE, R_KITA, R_WORKER, R_HOURS, R_CANCELLED, R_EXTRA, R_HOLIDAY, R_SERVICE };
static const record_spec record_specs[] = {
    SPEC("Site", FILE_SITE, site_fields),
    SPEC("Kita", FILE_SITE, kita_fields),
    SPEC("Worker", FILE_SITE, worker_fields),
    SPEC("Hours", FILE_SCHEDULE, hours_fields),
    SPEC("Cancelled", FILE_SCHEDULE, cancelled_fields),
    SPEC("Extra", FILE_SCHEDULE, extra_fields),
    SPEC("Holiday", FILE_SCHEDULE, holiday_fields),
    SPEC("Service", FILE_SERVICES, service_fields),
};

/* ---- small helpers -------------------------------------------------------------------- */

/* Ids are what other records refer to: ASCII letters, digits, '-' and '_'. */
static bool id_valid(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++) {
        char c = *s;
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_';
        if (!ok)
            return false;
    }
    return true;
}

/* Digits, spaces, + - / ( ) and at least one digit. */
static bool phone_valid(const char *s)
{
    bool digit = false;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9')
            digit = true;
        else if (!strchr(" +-/()", *s))
            return false;
    }
    return digit;
}

static bool has_space(const char *s)
{
    for (; *s; s++)
        if (*s == ' ' || *s == '\t' || *s == '\n')
            return true;
    return false;
}

/* The first invisible format character in s (a bidi control, a zero-width space), or 0.
 * None belongs in an address a phone opens; a bidi control makes a link look like
 * another. */
static uint32_t format_char(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += (size_t)utf8_decode(s + i, n - i, &cp);
        if (cp_is_format(cp) || cp == 0xA0 || cp == 0x202F || cp == 0x2060)
            return cp;
    }
    return 0;
}

/* name@domain with a dot in the domain, no spaces. */
static bool email_valid(const char *s)
{
    const char *at = strchr(s, '@');
    return at && at != s && !strchr(at + 1, '@') && strchr(at + 1, '.') && at[1] != '.' &&
           s[strlen(s) - 1] != '.' && !has_space(s);
}

static bool web_valid(const char *s)
{
    size_t skip = 0;
    if (str_starts_with(s, "https://"))
        skip = 8;
    else if (str_starts_with(s, "http://"))
        skip = 7;
    return skip && s[skip] && !has_space(s);
}

/* A plain decimal number: optional sign, digits, optional fraction. Locale-independent
 * on purpose (strtod follows LC_NUMERIC, which may be German). */
static bool parse_decimal(const char *s, double *out)
{
    double sign = 1, v = 0, scale = 1;
    if (*s == '-' || *s == '+')
        sign = (*s++ == '-') ? -1 : 1;
    int digits = 0;
    for (; *s >= '0' && *s <= '9'; s++, digits++)
        v = v * 10 + (*s - '0');
    if (*s == '.') {
        s++;
        for (; *s >= '0' && *s <= '9'; s++, digits++) {
            scale /= 10;
            v += (*s - '0') * scale;
        }
    }
    if (!digits || *s || digits > 20)
        return false;
    *out = sign * v;
    return true;
}

/* Copy of s[0..n) without surrounding blanks. Caller frees. */
static char *trimmed_copy(const char *s, size_t n)
{
    char *c = xstrndup(s, n);
    return str_trim(c);
}

typedef enum range_result { RANGE_OK, RANGE_SYNTAX, RANGE_ORDER } range_result;

/* "HH:MM-HH:MM" (H:MM allowed; '-' or an en dash; blanks around the dash ignored). */
static range_result parse_time_range(const char *s, int *start, int *end)
{
    const char *dash = strchr(s, '-');
    const char *en = strstr(s, "\xE2\x80\x93");
    size_t dash_len = 1;
    if (en && (!dash || en < dash)) {
        dash = en;
        dash_len = 3;
    }
    if (!dash)
        return RANGE_SYNTAX;
    char *a = trimmed_copy(s, (size_t)(dash - s));
    char *b = trimmed_copy(dash + dash_len, strlen(dash + dash_len));
    bool ok = civil_parse_hhmm(a, start) && civil_parse_hhmm(b, end);
    free(a);
    free(b);
    if (!ok)
        return RANGE_SYNTAX;
    return *end > *start ? RANGE_OK : RANGE_ORDER;
}

/* "YYYY-MM-DD" or "YYYY-MM-DD .. YYYY-MM-DD". */
static range_result parse_date_range(const char *s, civil_date *from, civil_date *to,
                                     bool *is_range)
{
    const char *dots = strstr(s, "..");
    char *a = trimmed_copy(s, dots ? (size_t)(dots - s) : strlen(s));
    char *b = dots ? trimmed_copy(dots + 2, strlen(dots + 2)) : NULL;
    bool ok = civil_parse_date(a, from) && (!b || civil_parse_date(b, to));
    free(a);
    free(b);
    if (!ok)
        return RANGE_SYNTAX;
    *is_range = dots != NULL;
    if (!dots)
        *to = *from;
    return civil_date_cmp(*to, *from) >= 0 ? RANGE_OK : RANGE_ORDER;
}

/* ---- the loader ---------------------------------------------------------------------- */

typedef struct loader {
    site *s;
    site_errors *errors;
    const char *file;    /* current file name, owned by s->file_names */
    bool site_known;     /* site.txt parsed: ids can be resolved */
    bool schedule_known; /* schedule.txt parsed: slots are complete */
    int site_line;       /* line of the Site record, 0 if none yet */
    char *here_id;
    int here_line;
    /* Messages of the record being checked, reported in line order by flush(). */
    site_errors pending;
    int *pending_lines;
    size_t pending_cap;
    /* Values made fit for a message (shown()), freed by flush(). */
    char **shown;
    size_t n_shown, shown_cap;
} loader;

/* A value from the file as an error message shows it: at most 60 characters, invisible
 * and control characters spelled out (str_for_message). Valid until the next flush(). */
static const char *shown(loader *ld, const char *value)
{
    char *c = str_for_message(value, 60);
    VEC_PUSH(ld->shown, ld->n_shown, ld->shown_cap, c);
    return c;
}

static void shown_free(loader *ld)
{
    for (size_t i = 0; i < ld->n_shown; i++)
        free(ld->shown[i]);
    ld->n_shown = 0;
}

static void err(loader *ld, int line, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void err(loader *ld, int line, const char *field, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = xvasprintf(fmt, ap);
    va_end(ap);
    site_errors_add(&ld->pending, ld->file, line, field, "%s", msg);
    free(msg);
    size_t n = ld->pending.count - 1;
    VEC_PUSH(ld->pending_lines, n, ld->pending_cap, line);
}

/* Move the pending messages to the caller's list, sorted by line (stable). */
static void flush(loader *ld)
{
    site_errors *p = &ld->pending;
    for (size_t i = 1; i < p->count; i++) {
        for (size_t j = i; j > 0 && ld->pending_lines[j - 1] > ld->pending_lines[j]; j--) {
            int l = ld->pending_lines[j];
            ld->pending_lines[j] = ld->pending_lines[j - 1];
            ld->pending_lines[j - 1] = l;
            char *m = p->messages[j];
            p->messages[j] = p->messages[j - 1];
            p->messages[j - 1] = m;
        }
    }
    for (size_t i = 0; i < p->count; i++)
        VEC_PUSH(ld->errors->messages, ld->errors->count, ld->errors->cap, p->messages[i]);
    p->count = 0;
    shown_free(ld);
}

static site_src src_at(const loader *ld, int line, const char *field)
{
    return (site_src){ld->file, line, field};
}

static const record_spec *spec_find(const char *type)
{
    for (size_t i = 0; i < ARRAY_LEN(record_specs); i++)
        if (str_equal_ci(type, record_specs[i].type))
            return &record_specs[i];
    return NULL;
}

/* "Name, Address" for messages. Caller frees. */
static char *allowed_list(const record_spec *spec)
{
    strbuf sb;
    strbuf_init(&sb);
    for (size_t i = 0; i < spec->n_fields; i++) {
        if (i)
            strbuf_puts(&sb, ", ");
        strbuf_puts(&sb, spec->fields[i].key);
    }
    return strbuf_steal(&sb);
}

/* What every text value must be beyond valid UTF-8 without controls (rec.c checks that):
 * its explicit bidi controls balanced within each paragraph - an open U+202E would turn
 * the rest of a line around on the screen - and, for a required field, something
 * visible, not only blanks and invisible characters. Reports and returns false if not. */
static bool text_checked(loader *ld, int line, const char *field, const char *value, bool required)
{
    size_t bad;
    uint32_t cp;
    if (!utf8_bidi_balanced(value, strlen(value), &bad, &cp)) {
        err(ld, line, field,
            "unbalanced bidi control U+%04X at character %zu (each U+202A, U+202B, U+202D, "
            "U+202E needs a U+202C after it, each U+2066-U+2068 a U+2069, in the same "
            "paragraph)",
            (unsigned)cp, utf8_count(value, bad) + 1);
        return false;
    }
    if (required && !utf8_has_visible(value)) {
        err(ld, line, field, "must not be empty (it holds only invisible characters)");
        return false;
    }
    return true;
}

/* Check the fields after the first against spec. got[i] receives the first non-empty
 * field for spec->fields[i] (NULL if absent). Every problem is reported. */
static void check_fields(loader *ld, const rec_record *r, const record_spec *spec,
                         const rec_field **got)
{
    bool seen[MAX_FIELDS] = {false};
    int first_line[MAX_FIELDS] = {0};
    for (size_t i = 0; i < spec->n_fields; i++)
        got[i] = NULL;
    const char *id = r->fields[0].value;
    for (size_t k = 1; k < r->n_fields; k++) {
        const rec_field *f = &r->fields[k];
        size_t j = 0;
        while (j < spec->n_fields && !str_equal_ci(f->key, spec->fields[j].key))
            j++;
        if (j == spec->n_fields) {
            char *allowed = allowed_list(spec);
            err(ld, f->line, f->key, "unknown field in this %s record (allowed: %s)", spec->type,
                allowed);
            free(allowed);
            continue;
        }
        const field_spec *fs = &spec->fields[j];
        if (seen[j] && !(fs->flags & F_REPEAT)) {
            err(ld, f->line, fs->key, "appears twice in this record (first on line %d)",
                first_line[j]);
            continue;
        }
        if (!seen[j])
            first_line[j] = f->line;
        seen[j] = true;
        if (!*f->value) {
            if (fs->flags & F_REQUIRED)
                err(ld, f->line, fs->key, "must not be empty");
            continue;
        }
        if (strchr(f->value, '\n') && !(fs->flags & F_PARAGRAPHS)) {
            err(ld, f->line, fs->key, "must be a single paragraph (no '.' lines)");
            continue;
        }
        if (!text_checked(ld, f->line, fs->key, f->value, fs->flags & F_REQUIRED))
            continue;
        if (!got[j])
            got[j] = f;
    }
    for (size_t j = 0; j < spec->n_fields; j++)
        if ((spec->fields[j].flags & F_REQUIRED) && !seen[j])
            err(ld, r->line, spec->fields[j].key, "required field is missing (%s '%s')", spec->type,
                shown(ld, id));
}

static char *dup_value(const rec_field *f)
{
    return f ? xstrdup(f->value) : NULL;
}

static int worker_find(const site *s, const char *id)
{
    for (size_t i = 0; i < s->n_workers; i++)
        if (str_equal_ci(s->workers[i].id, id))
            return (int)i;
    return -1;
}

static int service_find(const site *s, const char *id)
{
    for (size_t i = 0; i < s->n_services; i++)
        if (str_equal_ci(s->services[i].id, id))
            return (int)i;
    return -1;
}

/* Check the id in a record's first field. Returns false (after reporting) if invalid. */
static bool check_id(loader *ld, const rec_record *r, const char *type)
{
    const char *id = r->fields[0].value;
    if (!*id) {
        err(ld, r->line, type, "the record needs an id ('%s: some-id')", type);
        return false;
    }
    if (!id_valid(id)) {
        err(ld, r->line, type, "'%s' is not an id (use letters, digits, '-' and '_' only)",
            shown(ld, id));
        return false;
    }
    return true;
}

/* Resolve a Kita or worker reference; -1 (reported if ids are known) when unknown. */
static int resolve_kita(loader *ld, const rec_field *f, const char *field)
{
    if (!f)
        return -1;
    int k = site_kita_find(ld->s, f->value);
    if (k < 0 && ld->site_known)
        err(ld, f->line, field, "unknown Kita '%s' (no 'Kita: %s' in site.txt)",
            shown(ld, f->value), shown(ld, f->value));
    return k;
}

static int resolve_worker(loader *ld, const rec_field *f, const char *field)
{
    if (!f)
        return -1;
    int w = worker_find(ld->s, f->value);
    if (w < 0 && ld->site_known)
        err(ld, f->line, field, "unknown worker '%s' (no 'Worker: %s' in site.txt)",
            shown(ld, f->value), shown(ld, f->value));
    return w;
}

/* ---- site.txt -------------------------------------------------------------------------- */

static void load_site_record(loader *ld, const rec_record *r)
{
    const rec_field *got[MAX_FIELDS];
    check_fields(ld, r, &record_specs[R_SITE], got);
    if (ld->site_line) {
        err(ld, r->line, "Site", "a second Site record (the first is on line %d)", ld->site_line);
        return;
    }
    ld->site_line = r->line;
    if (!*r->fields[0].value)
        err(ld, r->line, "Site", "the site needs a title ('Site: Kita Sonnenblume')");
    else if (strchr(r->fields[0].value, '\n'))
        err(ld, r->line, "Site", "the title must be a single paragraph (no '.' lines)");
    else if (text_checked(ld, r->line, "Site", r->fields[0].value, true))
        ld->s->title = xstrdup(r->fields[0].value);
    if (got[SITE_HERE]) {
        ld->here_id = xstrdup(got[SITE_HERE]->value);
        ld->here_line = got[SITE_HERE]->line;
    }
    const rec_field *demo = got[SITE_DEMO];
    if (demo) {
        if (str_equal_ci(demo->value, "yes"))
            ld->s->demo = true;
        else if (!str_equal_ci(demo->value, "no"))
            err(ld, demo->line, "Demo", "'%s' is not yes or no", shown(ld, demo->value));
    }
}

static void load_kita_record(loader *ld, const rec_record *r)
{
    const rec_field *got[MAX_FIELDS];
    check_fields(ld, r, &record_specs[R_KITA], got);
    if (!check_id(ld, r, "Kita"))
        return;
    int dup = site_kita_find(ld->s, r->fields[0].value);
    if (dup >= 0) {
        err(ld, r->line, "Kita", "the id '%s' is used twice (first on line %d)", r->fields[0].value,
            ld->s->kitas[dup].src.line);
        return;
    }
    site *s = ld->s;
    s->kitas = xrealloc(s->kitas, (s->n_kitas + 1) * sizeof(*s->kitas));
    s->kitas[s->n_kitas++] = (site_kita){
        .id = xstrdup(r->fields[0].value),
        .name = dup_value(got[KITA_NAME]),
        .address = dup_value(got[KITA_ADDRESS]),
        .src = src_at(ld, r->line, "Kita"),
    };
}

static void load_worker_record(loader *ld, const rec_record *r)
{
    const rec_field *got[MAX_FIELDS];
    check_fields(ld, r, &record_specs[R_WORKER], got);
    const rec_field *phone = got[WORKER_PHONE], *email = got[WORKER_EMAIL];
    if (phone && !phone_valid(phone->value))
        err(ld, phone->line, "Phone",
            "'%s' is not a phone number (digits, spaces and + - / ( ) only)",
            shown(ld, phone->value));
    uint32_t hidden = email ? format_char(email->value) : 0;
    if (hidden)
        err(ld, email->line, "Email",
            "'%s' holds the invisible character U+%04X (it would make the address look like "
            "another)",
            shown(ld, email->value), (unsigned)hidden);
    else if (email && !email_valid(email->value))
        err(ld, email->line, "Email", "'%s' is not an e-mail address", shown(ld, email->value));
    if (!check_id(ld, r, "Worker"))
        return;
    int dup = worker_find(ld->s, r->fields[0].value);
    if (dup >= 0) {
        err(ld, r->line, "Worker", "the id '%s' is used twice (first on line %d)",
            r->fields[0].value, ld->s->workers[dup].src.line);
        return;
    }
    site *s = ld->s;
    s->workers = xrealloc(s->workers, (s->n_workers + 1) * sizeof(*s->workers));
    s->workers[s->n_workers++] = (site_worker){
        .id = xstrdup(r->fields[0].value),
        .name = dup_value(got[WORKER_NAME]),
        .role = dup_value(got[WORKER_ROLE]),
        .phone = dup_value(phone),
        .email = dup_value(email),
        .languages = dup_value(got[WORKER_LANGUAGES]),
        .src = src_at(ld, r->line, "Worker"),
    };
}

/* ---- schedule.txt ---------------------------------------------------------------------- */

static void fmt_range(char out[32], int start, int end)
{
    snprintf(out, 32, "%02d:%02d-%02d:%02d", (start / 60) % 100, start % 60, (end / 60) % 100,
             end % 60);
}

/* ---- recurrence rules ---- */

bool site_rule_is_weekly(const site_rule *r)
{
    return r->repeat == REPEAT_WEEKLY && !r->has_from && !r->has_until;
}

/* Monday of the week of d, as a day number. */
static int64_t monday_of(civil_date d)
{
    return civil_days_from_date(d) - (civil_weekday(d) - 1);
}

bool site_rule_on(const site_rule *r, civil_date d)
{
    if (r->has_from && civil_date_cmp(d, r->from) < 0)
        return false;
    if (r->has_until && civil_date_cmp(d, r->until) > 0)
        return false;
    switch (r->repeat) {
    case REPEAT_WEEKLY:
        return true;
    case REPEAT_EVERY: {
        if (r->every < 1)
            return false;
        int64_t weeks = monday_of(d) - monday_of(r->starting);
        return weeks >= 0 && (weeks / 7) % r->every == 0;
    }
    case REPEAT_ODD_WEEKS:
    case REPEAT_EVEN_WEEKS:
        return (civil_iso_week(d, NULL) % 2 == 1) == (r->repeat == REPEAT_ODD_WEEKS);
    case REPEAT_MONTHLY:
        if (r->nth < 0)
            return d.day + 7 > civil_days_in_month(d.year, d.month);
        return (d.day - 1) / 7 + 1 == r->nth;
    case REPEAT_DATES:
        for (size_t i = 0; i < r->n_dates; i++)
            if (civil_date_cmp(r->dates[i], d) == 0)
                return true;
        return false;
    }
    return false;
}

/* The first date the rule may take place on (its From, the Monday its rhythm counts
 * from, its first listed date), if it has one. */
static bool rule_first(const site_rule *r, civil_date *out)
{
    bool have = false;
    civil_date best = {0, 0, 0};
    if (r->has_from) {
        best = r->from;
        have = true;
    }
    if (r->repeat == REPEAT_EVERY) {
        civil_date m = civil_date_from_days(monday_of(r->starting));
        if (!have || civil_date_cmp(m, best) > 0)
            best = m;
        have = true;
    }
    if (r->repeat == REPEAT_DATES && r->n_dates) {
        if (!have || civil_date_cmp(r->dates[0], best) > 0)
            best = r->dates[0];
        have = true;
    }
    *out = best;
    return have;
}

/* How far overlaps and "never" are looked for when a rule has no end: seven years
 * always hold a year with 53 ISO weeks, where odd and even weeks change places. */
#define RULE_WINDOW_DAYS (7 * 366)

/* The first date in [from, to] on weekday wd on which both rules (b may be NULL) give
 * the slot. */
static bool rule_first_common(const site_rule *a, const site_rule *b, int wd, civil_date from,
                              civil_date to, civil_date *out)
{
    int64_t d = civil_days_from_date(from), end = civil_days_from_date(to);
    d += ((wd - civil_weekday(from)) % 7 + 7) % 7;
    for (; d <= end; d += 7) {
        civil_date c = civil_date_from_days(d);
        if (site_rule_on(a, c) && (!b || site_rule_on(b, c))) {
            *out = c;
            return true;
        }
    }
    return false;
}

/* The window in which two rules (b may be NULL) are compared. */
static void rule_window(const site_rule *a, const site_rule *b, civil_date *from, civil_date *to)
{
    civil_date f = {2026, 1, 1}, x;
    bool have = rule_first(a, &f);
    if (b && rule_first(b, &x) && (!have || civil_date_cmp(x, f) > 0))
        f = x;
    civil_date t = civil_date_from_days(civil_days_from_date(f) + RULE_WINDOW_DAYS);
    const site_rule *rs[2] = {a, b};
    for (int i = 0; i < 2; i++) {
        if (!rs[i])
            continue;
        if (rs[i]->has_until && civil_date_cmp(rs[i]->until, t) < 0)
            t = rs[i]->until;
        if (rs[i]->repeat == REPEAT_DATES && rs[i]->n_dates &&
            civil_date_cmp(rs[i]->dates[rs[i]->n_dates - 1], t) < 0)
            t = rs[i]->dates[rs[i]->n_dates - 1];
    }
    *from = f;
    *to = t;
}

static void fmt_date(char out[16], civil_date d)
{
    snprintf(out, 16, "%04d-%02d-%02d", d.year % 10000, d.month % 100, d.day % 100);
}

static void add_slot(loader *ld, site_worker *w, site_slot slot)
{
    for (size_t i = 0; i < w->n_slots; i++) {
        const site_slot *o = &w->slots[i];
        if (o->weekday != slot.weekday || slot.start_min >= o->end_min ||
            o->start_min >= slot.end_min)
            continue;
        civil_date from, to, when;
        rule_window(&slot.rule, &o->rule, &from, &to);
        if (!rule_first_common(&slot.rule, &o->rule, slot.weekday, from, to, &when))
            continue;
        char a[32], b[32], day[16];
        fmt_range(a, slot.start_min, slot.end_min);
        fmt_range(b, o->start_min, o->end_min);
        fmt_date(day, when);
        if (site_rule_is_weekly(&slot.rule) && site_rule_is_weekly(&o->rule))
            err(ld, slot.src.line, slot.src.field, "%s overlaps %s (line %d) of worker '%s'", a, b,
                o->src.line, w->id);
        else
            err(ld, slot.src.line, slot.src.field,
                "%s overlaps %s (line %d) of worker '%s' on %s, where both rules give hours", a, b,
                o->src.line, w->id, day);
        return;
    }
    w->slots = xrealloc(w->slots, (w->n_slots + 1) * sizeof(*w->slots));
    w->slots[w->n_slots++] = slot;
}

static const char *const nth_keys[] = {"first", "second", "third", "fourth", "last"};

/* A date field (From, Until, Starting): true and *out set when it is valid. */
static bool rule_date(loader *ld, const rec_field *f, civil_date *out)
{
    if (!f || !*f->value)
        return false;
    if (civil_parse_date(f->value, out))
        return true;
    err(ld, f->line, f->key, "'%s' is not a date (YYYY-MM-DD)", shown(ld, f->value));
    return false;
}

static int cmp_date_qsort(const void *a, const void *b)
{
    return civil_date_cmp(*(const civil_date *)a, *(const civil_date *)b);
}

/* The recurrence fields of an Hours record. Returns false (after saying why) when they
 * do not make one rule. */
static bool parse_rule(loader *ld, const rec_record *r, const rec_field **got, site_worker *w,
                       site_rule *rule)
{
    bool ok = true;
    *rule = (site_rule){.record = r->line};
    const rec_field *every = got[HOURS_EVERY], *starting = got[HOURS_STARTING],
                    *weeks = got[HOURS_WEEKS], *monthly = got[HOURS_MONTHLY],
                    *dates = got[HOURS_DATES], *from = got[HOURS_FROM], *until = got[HOURS_UNTIL];
    const rec_field *kinds[] = {every, weeks, monthly, dates};
    const rec_field *first_kind = NULL;
    for (size_t i = 0; i < ARRAY_LEN(kinds); i++) {
        if (!kinds[i])
            continue;
        if (first_kind) {
            err(ld, kinds[i]->line, kinds[i]->key,
                "cannot be combined with '%s' (line %d) in one record; write a second 'Hours:' "
                "record",
                first_kind->key, first_kind->line);
            ok = false;
        } else {
            first_kind = kinds[i];
        }
    }
    if (from && !rule_date(ld, from, &rule->from))
        ok = false;
    rule->has_from = from && ok;
    if (until && !rule_date(ld, until, &rule->until))
        ok = false;
    rule->has_until = until && ok;
    if (rule->has_from && rule->has_until && civil_date_cmp(rule->until, rule->from) < 0) {
        err(ld, until->line, "Until", "%s is before From: %s (line %d)", until->value, from->value,
            from->line);
        ok = false;
    }
    if (starting && !every) {
        err(ld, starting->line, "Starting",
            "belongs with 'Every: N weeks' (the week it counts from)");
        ok = false;
    }
    if (every) {
        char *end = NULL;
        long n = strtol(every->value, &end, 10);
        while (end && *end == ' ')
            end++;
        bool unit =
            end && end != every->value && (str_equal_ci(end, "weeks") || str_equal_ci(end, "week"));
        if (!unit || n < 1 || n > 52) {
            err(ld, every->line, "Every",
                "'%s' is not 'N weeks' with N from 1 to 52 (e.g. '2 weeks')",
                shown(ld, every->value));
            ok = false;
        }
        rule->repeat = REPEAT_EVERY;
        rule->every = (int)n;
        if (!starting) {
            err(ld, every->line, "Every",
                "needs 'Starting: YYYY-MM-DD', a date in the first week the rhythm counts from");
            ok = false;
        } else if (!rule_date(ld, starting, &rule->starting)) {
            ok = false;
        } else if (rule->has_until && civil_date_cmp(rule->starting, rule->until) > 0) {
            err(ld, starting->line, "Starting", "%s is after Until: %s (line %d)", starting->value,
                until->value, until->line);
            ok = false;
        }
    } else if (weeks) {
        if (str_equal_ci(weeks->value, "odd"))
            rule->repeat = REPEAT_ODD_WEEKS;
        else if (str_equal_ci(weeks->value, "even"))
            rule->repeat = REPEAT_EVEN_WEEKS;
        else {
            err(ld, weeks->line, "Weeks", "'%s' is not 'odd' or 'even' (ISO calendar weeks)",
                shown(ld, weeks->value));
            ok = false;
        }
    } else if (monthly) {
        rule->repeat = REPEAT_MONTHLY;
        size_t i = 0;
        while (i < ARRAY_LEN(nth_keys) && !str_equal_ci(monthly->value, nth_keys[i]))
            i++;
        if (i == ARRAY_LEN(nth_keys)) {
            err(ld, monthly->line, "Monthly",
                "'%s' is not first, second, third, fourth or last (a fifth weekday does not "
                "come every month)",
                shown(ld, monthly->value));
            ok = false;
        }
        rule->nth = i == 4 ? -1 : (int)i + 1;
    } else if (dates) {
        rule->repeat = REPEAT_DATES;
        civil_date *list = NULL;
        size_t n = 0, cap = 0;
        const char *p = dates->value;
        for (;;) {
            const char *comma = strchr(p, ',');
            char *part = trimmed_copy(p, comma ? (size_t)(comma - p) : strlen(p));
            civil_date d;
            if (!civil_parse_date(part, &d)) {
                err(ld, dates->line, "Dates", "'%s' is not a date (YYYY-MM-DD)", shown(ld, part));
                ok = false;
            } else if ((rule->has_from && civil_date_cmp(d, rule->from) < 0) ||
                       (rule->has_until && civil_date_cmp(d, rule->until) > 0)) {
                err(ld, dates->line, "Dates", "%s lies outside From/Until", part);
                ok = false;
            } else {
                VEC_PUSH(list, n, cap, d);
            }
            free(part);
            if (!comma)
                break;
            p = comma + 1;
        }
        if (n > 1)
            qsort(list, n, sizeof(*list), cmp_date_qsort);
        for (size_t i = 1; i < n; i++) {
            if (civil_date_cmp(list[i - 1], list[i]) == 0) {
                char d[16];
                fmt_date(d, list[i]);
                err(ld, dates->line, "Dates", "%s is listed twice", d);
                ok = false;
            }
        }
        if (list) {
            w->date_lists = xrealloc(w->date_lists, (w->n_date_lists + 1) * sizeof(list));
            w->date_lists[w->n_date_lists++] = list;
        }
        rule->dates = list;
        rule->n_dates = n;
    }
    return ok;
}

/* A record whose rule never gives a date in its validity, or a listed date on a weekday
 * the record has no hours on. */
static void check_rule_days(loader *ld, const rec_record *r, const rec_field *dates,
                            const site_rule *rule, const bool days[7])
{
    if (rule->repeat == REPEAT_DATES) {
        for (size_t i = 0; i < rule->n_dates; i++) {
            int wd = civil_weekday(rule->dates[i]);
            if (!days[wd - 1]) {
                char d[16];
                fmt_date(d, rule->dates[i]);
                err(ld, dates->line, "Dates", "%s is a %s, but this record has no '%s:' line", d,
                    weekday_keys[wd - 1], weekday_keys[wd - 1]);
            }
        }
        return;
    }
    if (!rule->has_until)
        return; /* a rule without an end always comes again */
    civil_date from, to, when;
    rule_window(rule, NULL, &from, &to);
    for (int wd = 1; wd <= 7; wd++)
        if (days[wd - 1] && rule_first_common(rule, NULL, wd, from, to, &when))
            return;
    char a[16], b[16];
    fmt_date(a, from);
    fmt_date(b, rule->until);
    err(ld, r->line, "Hours", "this rule never gives a date between %s and %s (Until)", a, b);
}

static void load_hours_record(loader *ld, const rec_record *r)
{
    const rec_field *got[MAX_FIELDS];
    check_fields(ld, r, &record_specs[R_HOURS], got);
    int w = -1;
    if (!*r->fields[0].value)
        err(ld, r->line, "Hours", "name the worker ('Hours: worker-id')");
    else
        w = resolve_worker(ld, &r->fields[0], "Hours");
    int kita = resolve_kita(ld, got[HOURS_KITA], "Kita");
    site_worker scratch = {0};
    site_rule rule;
    bool rule_ok = parse_rule(ld, r, got, w >= 0 ? &ld->s->workers[w] : &scratch, &rule);
    for (size_t i = 0; i < scratch.n_date_lists; i++)
        free(scratch.date_lists[i]);
    free(scratch.date_lists);
    bool any_day = false, days[7] = {false};
    for (size_t k = 1; k < r->n_fields; k++) {
        const rec_field *f = &r->fields[k];
        int day = 0;
        while (day < 7 && !str_equal_ci(f->key, weekday_keys[day]))
            day++;
        if (day == 7)
            continue;
        any_day = true;
        days[day] = true;
        if (strchr(f->value, '\n') || !*f->value)
            continue; /* reported by check_fields */
        const char *p = f->value;
        for (;;) {
            const char *comma = strchr(p, ',');
            char *part = trimmed_copy(p, comma ? (size_t)(comma - p) : strlen(p));
            int start, end;
            range_result rr = parse_time_range(part, &start, &end);
            if (rr == RANGE_SYNTAX)
                err(ld, f->line, weekday_keys[day], "'%s' is not a time range (HH:MM-HH:MM)",
                    shown(ld, part));
            else if (rr == RANGE_ORDER)
                err(ld, f->line, weekday_keys[day], "'%s' ends before it starts", shown(ld, part));
            else if (w >= 0 && kita >= 0 && rule_ok)
                add_slot(ld, &ld->s->workers[w],
                         (site_slot){kita, day + 1, start, end,
                                     src_at(ld, f->line, weekday_keys[day]), rule});
            free(part);
            if (!comma)
                break;
            p = comma + 1;
        }
    }
    if (!any_day)
        err(ld, r->line, "Hours", "no weekday in this record (Monday: ... Sunday:)");
    else if (rule_ok && w >= 0)
        check_rule_days(ld, r, got[HOURS_DATES], &rule, days);
}

static void load_exception_record(loader *ld, const rec_record *r, int kind_spec)
{
    const record_spec *spec = &record_specs[kind_spec];
    const char *type = spec->type;
    const rec_field *got[MAX_FIELDS];
    check_fields(ld, r, spec, got);
    site_exception e = {
        .kind = kind_spec == R_CANCELLED ? EXC_CANCELLED
                : kind_spec == R_EXTRA   ? EXC_EXTRA
                                         : EXC_HOLIDAY,
        .kita = -1,
        .start_min = -1,
        .end_min = -1,
        .src = src_at(ld, r->line, type),
    };
    bool ok = true, is_range = false;
    const char *when = r->fields[0].value;
    range_result dr = parse_date_range(when, &e.from, &e.to, &is_range);
    if (dr == RANGE_SYNTAX) {
        if (e.kind == EXC_EXTRA)
            err(ld, r->line, type, "'%s' is not a date (YYYY-MM-DD)", shown(ld, when));
        else
            err(ld, r->line, type,
                "'%s' is not a date (YYYY-MM-DD) or a date range (YYYY-MM-DD .. YYYY-MM-DD)",
                shown(ld, when));
        ok = false;
    } else if (dr == RANGE_ORDER) {
        err(ld, r->line, type, "'%s' ends before it starts", shown(ld, when));
        ok = false;
    } else if (e.kind == EXC_EXTRA && is_range) {
        err(ld, r->line, type, "'%s': an extra date is a single day (YYYY-MM-DD)", shown(ld, when));
        ok = false;
    }
    int w = resolve_worker(ld, got[EXC_F_WORKER], "Worker");
    if (got[EXC_F_KITA]) {
        e.kita = resolve_kita(ld, got[EXC_F_KITA], "Kita");
        ok = ok && e.kita >= 0;
    }
    if (e.kind != EXC_HOLIDAY && got[EXC_F_TIME]) {
        const rec_field *t = got[EXC_F_TIME];
        range_result rr = parse_time_range(t->value, &e.start_min, &e.end_min);
        if (rr == RANGE_SYNTAX)
            err(ld, t->line, "Time", "'%s' is not a time range (HH:MM-HH:MM)", shown(ld, t->value));
        else if (rr == RANGE_ORDER)
            err(ld, t->line, "Time", "'%s' ends before it starts", shown(ld, t->value));
        ok = ok && rr == RANGE_OK;
    }
    const rec_field *note = e.kind == EXC_HOLIDAY ? got[HOLIDAY_F_NOTE] : got[EXC_F_NOTE];
    if (!ok || w < 0)
        return;
    e.note = dup_value(note);
    site_worker *wk = &ld->s->workers[w];
    wk->exceptions = xrealloc(wk->exceptions, (wk->n_exceptions + 1) * sizeof(e));
    wk->exceptions[wk->n_exceptions++] = e;
}

/* ---- services.txt ---------------------------------------------------------------------- */

static void load_service_record(loader *ld, const rec_record *r)
{
    const rec_field *got[MAX_FIELDS];
    check_fields(ld, r, &record_specs[R_SERVICE], got);
    site_topic topic = TOPIC_COUNT;
    if (got[SVC_TOPIC]) {
        for (int t = 0; t < TOPIC_COUNT; t++)
            if (str_equal_ci(got[SVC_TOPIC]->value, topic_keys[t]))
                topic = (site_topic)t;
        if (topic == TOPIC_COUNT) {
            err(ld, got[SVC_TOPIC]->line, "Topic",
                "'%s' is not a topic (money, parenting, health, language, crisis, everyday)",
                shown(ld, got[SVC_TOPIC]->value));
        }
    }
    const rec_field *phone = got[SVC_PHONE], *web = got[SVC_WEB], *geo = got[SVC_GEO];
    if (phone && !phone_valid(phone->value)) {
        err(ld, phone->line, "Phone",
            "'%s' is not a phone number (digits, spaces and + - / ( ) only)",
            shown(ld, phone->value));
    }
    uint32_t hidden = web ? format_char(web->value) : 0;
    if (hidden) {
        err(ld, web->line, "Web",
            "'%s' holds the invisible character U+%04X (it would make the address look like "
            "another)",
            shown(ld, web->value), (unsigned)hidden);
    } else if (web && !web_valid(web->value)) {
        err(ld, web->line, "Web", "'%s' must be a web address starting with https:// or http://",
            shown(ld, web->value));
    }
    double lat = 0, lon = 0;
    if (geo) {
        const char *comma = strchr(geo->value, ',');
        char *a = trimmed_copy(geo->value, comma ? (size_t)(comma - geo->value) : 0);
        char *b = comma ? trimmed_copy(comma + 1, strlen(comma + 1)) : xstrdup("");
        if (!comma || !parse_decimal(a, &lat) || !parse_decimal(b, &lon)) {
            err(ld, geo->line, "Geo",
                "'%s' is not 'latitude, longitude' in decimal degrees (e.g. 51.5136, 7.4653)",
                shown(ld, geo->value));
        } else if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            err(ld, geo->line, "Geo",
                "'%s' is out of range (latitude -90..90, longitude -180..180)",
                shown(ld, geo->value));
        }
        free(a);
        free(b);
    }
    /* A record with errors is still kept (the site is dropped anyway): later duplicates
     * of its id are then reported too. */
    if (!check_id(ld, r, "Service"))
        return;
    int dup = service_find(ld->s, r->fields[0].value);
    if (dup >= 0) {
        err(ld, r->line, "Service", "the id '%s' is used twice (first on line %d)",
            r->fields[0].value, ld->s->services[dup].src.line);
        return;
    }
    /* The line of each text field, or the record's line where a field is absent. */
    site_src fsrc[ARRAY_LEN(service_fields)];
    for (size_t i = 0; i < ARRAY_LEN(service_fields); i++)
        fsrc[i] = src_at(ld, got[i] ? got[i]->line : r->line, service_fields[i].key);
    site *s = ld->s;
    s->services = xrealloc(s->services, (s->n_services + 1) * sizeof(*s->services));
    s->services[s->n_services++] = (site_service){
        .id = xstrdup(r->fields[0].value),
        .topic = topic,
        .name = dup_value(got[SVC_NAME]),
        .description = dup_value(got[SVC_DESCRIPTION]),
        .address = dup_value(got[SVC_ADDRESS]),
        .hours = dup_value(got[SVC_HOURS]),
        .phone = dup_value(phone),
        .web = dup_value(web),
        .languages = dup_value(got[SVC_LANGUAGES]),
        .costs = dup_value(got[SVC_COSTS]),
        .has_geo = geo != NULL,
        .lat = lat,
        .lon = lon,
        .src = src_at(ld, r->line, "Service"),
        .src_name = fsrc[SVC_NAME],
        .src_description = fsrc[SVC_DESCRIPTION],
        .src_address = fsrc[SVC_ADDRESS],
        .src_hours = fsrc[SVC_HOURS],
        .src_languages = fsrc[SVC_LANGUAGES],
        .src_costs = fsrc[SVC_COSTS],
    };
}

/* ---- one file ---------------------------------------------------------------------- */

static const char *expected_types(int file)
{
    switch (file) {
    case FILE_SITE:
        return "Site, Kita or Worker";
    case FILE_SCHEDULE:
        return "Hours, Cancelled, Extra or Holiday";
    default:
        return "Service";
    }
}

static void load_records(loader *ld, int file, const rec_file *rf)
{
    for (size_t i = 0; i < rf->n_records; i++) {
        const rec_record *r = &rf->records[i];
        if (r->n_fields == 0)
            continue;
        const char *type = r->fields[0].key;
        const record_spec *spec = spec_find(type);
        if (!spec) {
            err(ld, r->line, type, "unknown record type (expected %s)", expected_types(file));
            continue;
        }
        if (spec->file != file) {
            err(ld, r->line, type, "%s records belong in %s", spec->type,
                site_file_names[spec->file]);
            continue;
        }
        switch ((int)(spec - record_specs)) {
        case R_SITE:
            load_site_record(ld, r);
            break;
        case R_KITA:
            load_kita_record(ld, r);
            break;
        case R_WORKER:
            load_worker_record(ld, r);
            break;
        case R_HOURS:
            load_hours_record(ld, r);
            break;
        case R_CANCELLED:
        case R_EXTRA:
        case R_HOLIDAY:
            load_exception_record(ld, r, (int)(spec - record_specs));
            break;
        default:
            load_service_record(ld, r);
            break;
        }
        flush(ld);
    }
    flush(ld);
}

/* After site.txt: the Site record exists and Here names a Kita. */
static void finish_site_file(loader *ld)
{
    if (!ld->site_line) {
        err(ld, 0, "Site", "the 'Site:' record is missing (exactly one is needed)");
        return;
    }
    if (!ld->here_id)
        return; /* reported as a missing field */
    ld->s->here = site_kita_find(ld->s, ld->here_id);
    if (ld->s->here < 0)
        err(ld, ld->here_line, "Here", "unknown Kita '%s' (no 'Kita: %s' in site.txt)",
            shown(ld, ld->here_id), shown(ld, ld->here_id));
}

/* After schedule.txt: someone must hold consultation hours at this kiosk's Kita. */
static void finish_schedule_file(loader *ld, const char *site_txt)
{
    if (ld->s->here < 0 || !ld->schedule_known)
        return;
    int w;
    if (site_workers_at(ld->s, ld->s->here, &w, 1) == 0) {
        ld->file = site_txt;
        err(ld, ld->here_line, "Here",
            "no worker has consultation hours at '%s' (schedule.txt needs an 'Hours:' record "
            "with 'Kita: %s')",
            ld->here_id, ld->here_id);
    }
}

/* Files with other names (the caller may hand in the whole folder, translations
 * included) are ignored; a site file given twice is an error. */
site *site_load(const site_file *files, size_t n_files, site_errors *errors)
{
    size_t errors_before = errors->count;
    site *s = xcalloc(1, sizeof(*s));
    s->here = -1;
    s->n_file_names = FILE_COUNT;
    s->file_names = xcalloc(FILE_COUNT, sizeof(char *));
    for (size_t i = 0; i < FILE_COUNT; i++)
        s->file_names[i] = xstrdup(site_file_names[i]);
    loader ld = {.s = s, .errors = errors};
    site_errors_init(&ld.pending);

    const site_file *by_index[FILE_COUNT] = {NULL};
    for (size_t i = 0; i < n_files; i++) {
        const char *name = files[i].name ? files[i].name : "?";
        size_t k = 0;
        while (k < FILE_COUNT && strcmp(name, site_file_names[k]) != 0)
            k++;
        if (k == FILE_COUNT)
            continue; /* other files of the folder (locales/xx.po) are not ours */
        if (by_index[k])
            site_errors_add(errors, name, 0, NULL, "the file is given twice");
        else
            by_index[k] = &files[i];
    }
    rec_file *parsed[FILE_COUNT] = {NULL};
    for (size_t k = 0; k < FILE_COUNT; k++) {
        if (!by_index[k]) {
            site_errors_add(errors, s->file_names[k], 0, NULL, "the file is missing");
            continue;
        }
        const char *text = by_index[k]->text ? by_index[k]->text : "";
        size_t len = by_index[k]->text ? by_index[k]->len : 0;
        parsed[k] = rec_parse(s->file_names[k], text, len, errors);
    }

    ld.site_known = parsed[FILE_SITE] != NULL;
    ld.schedule_known = parsed[FILE_SCHEDULE] != NULL;
    for (int k = 0; k < FILE_COUNT; k++) {
        if (!parsed[k])
            continue;
        ld.file = s->file_names[k];
        load_records(&ld, k, parsed[k]);
        if (k == FILE_SITE)
            finish_site_file(&ld);
        else if (k == FILE_SCHEDULE && ld.site_known)
            finish_schedule_file(&ld, s->file_names[FILE_SITE]);
        flush(&ld);
    }
    site_errors_finish(&ld.pending);
    free(ld.pending_lines);
    shown_free(&ld);
    free(ld.shown);

    for (size_t k = 0; k < FILE_COUNT; k++)
        rec_destroy(parsed[k]);
    free(ld.here_id);
    if (errors->count > errors_before) {
        site_destroy(s);
        return NULL;
    }
    return s;
}

void site_destroy(site *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n_kitas; i++) {
        free(s->kitas[i].id);
        free(s->kitas[i].name);
        free(s->kitas[i].address);
    }
    free(s->kitas);
    for (size_t i = 0; i < s->n_workers; i++) {
        site_worker *w = &s->workers[i];
        free(w->id);
        free(w->name);
        free(w->role);
        free(w->phone);
        free(w->email);
        free(w->languages);
        free(w->slots);
        for (size_t j = 0; j < w->n_date_lists; j++)
            free(w->date_lists[j]);
        free(w->date_lists);
        for (size_t j = 0; j < w->n_exceptions; j++)
            free(w->exceptions[j].note);
        free(w->exceptions);
    }
    free(s->workers);
    for (size_t i = 0; i < s->n_services; i++) {
        site_service *v = &s->services[i];
        free(v->id);
        free(v->name);
        free(v->description);
        free(v->address);
        free(v->hours);
        free(v->phone);
        free(v->web);
        free(v->languages);
        free(v->costs);
    }
    free(s->services);
    for (size_t i = 0; i < s->n_file_names; i++)
        free(s->file_names[i]);
    free(s->file_names);
    free(s->title);
    free(s);
}

size_t site_workers_at(const site *s, int kita, int *out, size_t max)
{
    size_t n = 0;
    if (!s)
        return 0;
    for (size_t i = 0; i < s->n_workers && n < max; i++) {
        const site_worker *w = &s->workers[i];
        for (size_t j = 0; j < w->n_slots; j++) {
            if (w->slots[j].kita == kita) {
                out[n++] = (int)i;
                break;
            }
        }
    }
    return n;
}

int site_kita_find(const site *s, const char *id)
{
    if (!s || !id)
        return -1;
    for (size_t i = 0; i < s->n_kitas; i++)
        if (str_equal_ci(s->kitas[i].id, id))
            return (int)i;
    return -1;
}

int site_worker_find(const site *s, const char *id)
{
    if (!s || !id)
        return -1;
    for (size_t i = 0; i < s->n_workers; i++)
        if (str_equal_ci(s->workers[i].id, id))
            return (int)i;
    return -1;
}
