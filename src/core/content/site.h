/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* site.h - the site content model: this Kita, the social workers and the Kitas they
 * serve, their consultation hours with exceptions, and the support services.
 *
 * Site content is a folder of human-editable record files (format: docs/site-format.md,
 * parser: rec.h). The core never reads files: the caller hands in the file texts as a
 * site_files set, and gets back either a complete site or a list of errors, each naming
 * file, line and field. A site is immutable after loading; all strings it holds are
 * owned by the site and freed by site_destroy. */
#ifndef LOTSE_SITE_H
#define LOTSE_SITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "time/civil.h"

/* Where a value came from, for error messages: file:line (field). */
typedef struct site_src {
    const char *file; /* owned by the site (or the error list) */
    int line;
    const char *field;
} site_src;

typedef struct site_kita {
    char *id;
    char *name;
    char *address; /* may be NULL */
    site_src src;
} site_kita;

/* How often an Hours record's weekday lines come (docs/site-format.md). All zero is
 * today's plain weekly record: every week, for ever. */
typedef enum site_repeat {
    REPEAT_WEEKLY = 0, /* every week */
    REPEAT_EVERY,      /* every `every` weeks, counted from the week of `starting` */
    REPEAT_ODD_WEEKS,  /* in odd ISO 8601 calendar weeks */
    REPEAT_EVEN_WEEKS, /* in even ISO 8601 calendar weeks */
    REPEAT_MONTHLY,    /* the `nth` (1..4, or -1 = last) such weekday of each month */
    REPEAT_DATES,      /* only on the listed dates */
} site_repeat;

typedef struct site_rule {
    site_repeat repeat;
    int every;           /* REPEAT_EVERY: weeks between visits, >= 1 */
    civil_date starting; /* REPEAT_EVERY: a date in the first week that counts */
    int nth;             /* REPEAT_MONTHLY: 1..4, -1 = the last of the month */
    bool has_from, has_until;
    civil_date from, until;  /* validity, both inclusive, when has_from / has_until */
    const civil_date *dates; /* REPEAT_DATES: sorted, owned by the worker (date_lists) */
    size_t n_dates;
    int record; /* line of the Hours record (0 when not from a file); groups its slots */
} site_rule;

/* One consultation slot of a worker at a Kita: a weekday and a time, on the days the
 * rule gives (every week when the rule is all zero). */
typedef struct site_slot {
    int kita;      /* index into site.kitas */
    int weekday;   /* 1 = Monday ... 7 = Sunday */
    int start_min; /* minutes of the local day */
    int end_min;   /* > start_min */
    site_src src;
    site_rule rule;
} site_slot;

/* Whether rule r lets a slot take place on date d (the slot's weekday is not checked
 * here). Pure calendar arithmetic, no clock. */
bool site_rule_on(const site_rule *r, civil_date d);
/* Whether the rule is today's plain "every week, always". */
bool site_rule_is_weekly(const site_rule *r);

typedef enum site_exception_kind {
    EXC_CANCELLED, /* slots on [from, to] are cancelled (optionally only one time range) */
    EXC_EXTRA,     /* a one-off extra slot on date `from` */
    EXC_HOLIDAY,   /* no consultation hours on [from, to] */
} site_exception_kind;

typedef struct site_exception {
    site_exception_kind kind;
    int kita; /* index into site.kitas, or -1 for every Kita of the worker */
    civil_date from;
    civil_date to; /* == from for single days */
    int start_min; /* -1 = the whole day (cancel/holiday); required for EXC_EXTRA */
    int end_min;
    char *note; /* German text shown to parents, may be NULL ("Urlaub", "Osterferien") */
    site_src src;
    int64_t admin_id; /* > 0: entered on the admin screen (the store's id); 0: from files */
} site_exception;

typedef struct site_worker {
    char *id;
    char *name;      /* as parents know her: "Frau Beispiel" or "Anna" */
    char *role;      /* German, e.g. "Kita-Sozialarbeit"; may be NULL */
    char *phone;     /* may be NULL */
    char *email;     /* may be NULL */
    char *languages; /* languages she speaks, German text; may be NULL */
    site_slot *slots;
    size_t n_slots;
    site_exception *exceptions;
    size_t n_exceptions;
    civil_date **date_lists; /* the Dates: lists the slots' rules point into */
    size_t n_date_lists;
    site_src src;
} site_worker;

/* Topics are fixed by the product (the kiosk has an icon and a title for each). */
typedef enum site_topic {
    TOPIC_MONEY,     /* money and benefits */
    TOPIC_PARENTING, /* parenting and family */
    TOPIC_HEALTH,    /* health and development */
    TOPIC_LANGUAGE,  /* language and integration */
    TOPIC_CRISIS,    /* crisis and protection */
    TOPIC_EVERYDAY,  /* everyday matters: debt, housing, ... */
    TOPIC_COUNT
} site_topic;

/* The key used in files for each topic ("money", "parenting", ...). */
const char *site_topic_key(site_topic t);

typedef struct site_service {
    char *id;
    site_topic topic;
    char *name;        /* German */
    char *description; /* German, plain language; may contain "\n" paragraph breaks */
    char *address;     /* may be NULL */
    char *hours;       /* opening hours, German free text; may be NULL */
    char *phone;       /* may be NULL */
    char *web;         /* may be NULL */
    char *languages;   /* languages spoken there, German text; may be NULL */
    char *costs;       /* German text, e.g. "kostenlos"; may be NULL */
    bool has_geo;
    double lat, lon;
    site_src src;
    /* Line of each text field, for errors found later (text too long, ...). */
    site_src src_name, src_description, src_address, src_hours, src_languages, src_costs;
} site_service;

typedef struct site {
    char *title; /* name of the site, e.g. "Kita Sonnenblume" */
    bool demo;   /* demo content: the kiosk says so on screen */
    int here;    /* index of this kiosk's Kita in kitas */
    site_kita *kitas;
    size_t n_kitas;
    site_worker *workers;
    size_t n_workers;
    site_service *services;
    size_t n_services;
    char **file_names; /* owned copies of the file names the src fields point to */
    size_t n_file_names;
} site;

/* One input file: name (for messages, e.g. "site.txt") and its full text. */
typedef struct site_file {
    const char *name;
    const char *text;
    size_t len;
} site_file;

typedef struct site_errors {
    char **messages; /* "file:line: field: what is wrong" */
    size_t count;
    size_t cap;
} site_errors;

void site_errors_init(site_errors *e);
void site_errors_finish(site_errors *e);
void site_errors_add(site_errors *e, const char *file, int line, const char *field, const char *fmt,
                     ...) __attribute__((format(printf, 5, 6)));

/* The files a site folder must contain, in load order. */
extern const char *const site_file_names[];
extern const size_t site_n_file_names;

/* Parse a site from its files (any order; names as in site_file_names). Returns a new
 * site (caller destroys) or NULL with at least one message in *errors. Never returns a
 * partially valid site. */
site *site_load(const site_file *files, size_t n_files, site_errors *errors);
void site_destroy(site *s);

/* Workers serving the Kita with index kita (they have at least one slot there). */
size_t site_workers_at(const site *s, int kita, int *out, size_t max);
int site_kita_find(const site *s, const char *id);
int site_worker_find(const site *s, const char *id);

#endif
