/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_site.c - libFuzzer target for site content: the record files (core/site.h), their
 * translations (core/po.h through core/i18n.h) and what the kiosk computes from a loaded
 * site without fonts (schedule, "when" phrases, content lookups, admin exceptions).
 *
 * Input: a set of files, each starting with a line "\x01FILE name\n" (the bytes up to the
 * next such line are its text). Names as in a site folder: site.txt, schedule.txt,
 * services.txt, locales/<code>.po (content translations); besides these:
 *   ui/<code>.po     a UI catalog for language <code> (the phrases take their formats from it)
 *   languages.txt    parsed as a language list too (the kiosk's list stays de + en)
 *   now              "YYYY-MM-DDTHH:MM" Berlin time: one more "now" for the schedule
 * Input without any "\x01FILE " line is used as each of site.txt, schedule.txt,
 * services.txt and locales/en.po in turn (the other files present but empty).
 *
 * The site is loaded as the kiosk's content loader does (src/app/content.c,
 * content_parse_site): record files to site_load, locales/xx.po to po_parse for a language
 * of the list, catalogs installed only when everything loaded without an error. */
#include <stdbool.h>

#include "content/i18n.h"
#include "content/po.h"
#include "time/schedule.h"
#include "content/site.h"
#include "time/when.h"
#include "fuzz.h"

#define MAX_FILES 16
#define MAX_OCC 24

static const char MARK[] = "\x01"
                           "FILE ";

static const char LANGUAGES[] = "Language: de\nName: Deutsch\nScript: Latn\nDirection: ltr\n\n"
                                "Language: en\nName: English\nScript: Latn\nDirection: ltr\n";

typedef struct file_set {
    site_file files[MAX_FILES];
    char *names[MAX_FILES];
    char *texts[MAX_FILES];
    size_t n;
} file_set;

static void set_add(file_set *fs, const char *name, size_t name_len, const uint8_t *text,
                    size_t len)
{
    if (fs->n == MAX_FILES)
        return;
    fs->names[fs->n] = xstrndup(name, name_len);
    fs->texts[fs->n] = fuzz_copy(text, len);
    fs->files[fs->n] = (site_file){fs->names[fs->n], fs->texts[fs->n], len};
    fs->n++;
}

static void set_finish(file_set *fs)
{
    for (size_t i = 0; i < fs->n; i++) {
        free(fs->names[i]);
        free(fs->texts[i]);
    }
    fs->n = 0;
}

/* Start of the marker line at or after pos (a marker starts the input or a line). */
static const uint8_t *find_mark(const uint8_t *data, size_t size, size_t pos)
{
    const size_t m = sizeof(MARK) - 1;
    for (size_t i = pos; i + m <= size; i++)
        if ((i == 0 || data[i - 1] == '\n') && memcmp(data + i, MARK, m) == 0)
            return data + i;
    return NULL;
}

/* Split at the marker lines; false if there is none. */
static bool split_files(const uint8_t *data, size_t size, file_set *fs)
{
    const uint8_t *mark = find_mark(data, size, 0);
    if (!mark)
        return false;
    const uint8_t *end = data + size;
    while (mark) {
        const uint8_t *name = mark + sizeof(MARK) - 1;
        const uint8_t *nl = memchr(name, '\n', (size_t)(end - name));
        const uint8_t *text = nl ? nl + 1 : end;
        const uint8_t *next = find_mark(data, size, (size_t)(text - data));
        const uint8_t *text_end = next ? next : end;
        set_add(fs, (const char *)name, (size_t)((nl ? nl : end) - name), text,
                (size_t)(text_end - text));
        mark = next;
    }
    return true;
}

/* "locales/ar.po" -> "ar" (prefix "locales/"), as the kiosk names catalogs. NULL for
 * other names. Caller frees. */
static char *po_lang(const char *name, const char *prefix)
{
    size_t n = strlen(name), p = strlen(prefix);
    if (strncmp(name, prefix, p) != 0 || n < p + 4 || strcmp(name + n - 3, ".po") != 0)
        return NULL;
    return xstrndup(name + p, n - p - 3);
}

/* The contract of a loaded site (site.h): indices in range, ids found again, times sane. */
static void check_site(const site *s)
{
    FUZZ_CHECK(s->title && s->here >= 0 && (size_t)s->here < s->n_kitas);
    for (size_t i = 0; i < s->n_kitas; i++) {
        FUZZ_CHECK(s->kitas[i].id && s->kitas[i].name);
        FUZZ_CHECK(site_kita_find(s, s->kitas[i].id) == (int)i);
    }
    for (size_t i = 0; i < s->n_workers; i++) {
        const site_worker *w = &s->workers[i];
        FUZZ_CHECK(w->id && w->name);
        FUZZ_CHECK(site_worker_find(s, w->id) == (int)i);
        for (size_t k = 0; k < w->n_slots; k++) {
            const site_slot *sl = &w->slots[k];
            FUZZ_CHECK(sl->kita >= 0 && (size_t)sl->kita < s->n_kitas);
            FUZZ_CHECK(sl->weekday >= 1 && sl->weekday <= 7);
            FUZZ_CHECK(sl->start_min >= 0 && sl->start_min < sl->end_min && sl->end_min <= 24 * 60);
        }
        for (size_t k = 0; k < w->n_exceptions; k++) {
            const site_exception *e = &w->exceptions[k];
            FUZZ_CHECK(e->kita >= -1 && (e->kita < 0 || (size_t)e->kita < s->n_kitas));
            FUZZ_CHECK(civil_date_valid(e->from) && civil_date_valid(e->to));
            FUZZ_CHECK(civil_date_cmp(e->from, e->to) <= 0);
            if (e->kind == EXC_EXTRA)
                FUZZ_CHECK(civil_date_cmp(e->from, e->to) == 0 && e->start_min >= 0);
            if (e->start_min >= 0)
                FUZZ_CHECK(e->start_min < e->end_min && e->end_min <= 24 * 60);
        }
    }
    for (size_t i = 0; i < s->n_services; i++) {
        const site_service *v = &s->services[i];
        FUZZ_CHECK(v->id && v->name && v->description);
        FUZZ_CHECK((unsigned)v->topic < TOPIC_COUNT);
    }
}

static void check_content(const i18n *t, size_t lang, const char *german)
{
    const char *s = i18n_content(t, lang, german);
    FUZZ_CHECK((s == NULL) == (german == NULL));
    if (s)
        FUZZ_CHECK(strlen(s) < ((size_t)1 << 30));
}

/* Every text of the site through the content chain, in every language. */
static void check_translations(const site *s, const i18n *t)
{
    for (size_t lang = 0; lang < i18n_count(t); lang++) {
        check_content(t, lang, s->title);
        for (size_t i = 0; i < s->n_kitas; i++) {
            check_content(t, lang, s->kitas[i].name);
            check_content(t, lang, s->kitas[i].address);
        }
        for (size_t i = 0; i < s->n_workers; i++) {
            const site_worker *w = &s->workers[i];
            check_content(t, lang, w->role);
            check_content(t, lang, w->languages);
            for (size_t k = 0; k < w->n_exceptions; k++)
                check_content(t, lang, w->exceptions[k].note);
        }
        for (size_t i = 0; i < s->n_services; i++) {
            const site_service *v = &s->services[i];
            const char *texts[] = {v->name,  v->description, v->address,
                                   v->hours, v->languages,   v->costs};
            for (size_t k = 0; k < ARRAY_LEN(texts); k++)
                check_content(t, lang, texts[k]);
        }
    }
}

/* The next occurrences of (worker, kita) at now: in order, not over, indices in range;
 * each phrased in every language. Returns how many. */
static size_t check_schedule_with(const site *s, const hours_overlay *ov, const i18n *t, int worker,
                                  int kita, int64_t now, occurrence *occ)
{
    size_t n = schedule_next_with(s, ov, worker, kita, now, true, occ, MAX_OCC);
    FUZZ_CHECK(n <= MAX_OCC);
    for (size_t i = 0; i < n; i++) {
        const occurrence *o = &occ[i];
        FUZZ_CHECK(o->worker >= 0 && (size_t)o->worker < s->n_workers);
        FUZZ_CHECK(o->kita >= 0 && (size_t)o->kita < s->n_kitas);
        FUZZ_CHECK(worker < 0 || o->worker == worker);
        FUZZ_CHECK(kita < 0 || o->kita == kita);
        FUZZ_CHECK(o->end_utc > now && o->start_utc < o->end_utc);
        FUZZ_CHECK(i == 0 || occ[i - 1].start_utc <= o->start_utc);
        if (i < 3) {
            for (size_t lang = 0; lang < i18n_count(t); lang++) {
                free(when_phrase(t, lang, o, now));
                free(when_date_range(t, lang, o));
            }
        }
    }
    const site_exception *abs[8];
    size_t na = schedule_absences(s, worker, kita, now, abs, ARRAY_LEN(abs));
    FUZZ_CHECK(na <= ARRAY_LEN(abs));
    return n;
}

static size_t check_schedule(const site *s, const i18n *t, int worker, int kita, int64_t now,
                             occurrence *occ)
{
    return check_schedule_with(s, NULL, t, worker, kita, now, occ);
}

static void exercise_site(site *s, const i18n *t, const int64_t *nows, size_t n_nows)
{
    check_site(s);
    check_translations(s, t);
    occurrence occ[MAX_OCC];
    int at[8];
    for (size_t k = 0; k < s->n_kitas && k < 8; k++)
        FUZZ_CHECK(site_workers_at(s, (int)k, at, ARRAY_LEN(at)) <= ARRAY_LEN(at));
    for (size_t i = 0; i < n_nows; i++) {
        for (size_t lang = 0; lang < i18n_count(t); lang++)
            free(when_clock(t, lang, nows[i]));
        check_schedule(s, t, -1, -1, nows[i], occ);
        check_schedule(s, t, -1, s->here, nows[i], occ);
        for (int w = 0; w < (int)s->n_workers && w < 4; w++) {
            check_schedule(s, t, w, -1, nows[i], occ);
            for (int k = 0; k < (int)s->n_kitas && k < 4; k++)
                check_schedule(s, t, w, k, nows[i], occ);
        }
    }
    /* What the admin screen does: cancel the next occurrence that is not cancelled yet (in
     * the staff's overlay, the site stays as loaded); it must then show as cancelled by
     * that entry. Then take the entry back. */
    size_t n = check_schedule(s, t, -1, -1, nows[0], occ);
    size_t first = 0;
    while (first < n && occ[first].cancelled)
        first++;
    if (first < n) {
        occurrence o = occ[first];
        site_exception e = {.kind = EXC_CANCELLED,
                            .kita = o.kita,
                            .from = o.date,
                            .to = o.date,
                            .start_min = o.start_min,
                            .end_min = o.end_min,
                            .note = "fuzz",
                            .admin_id = 4711};
        hours_overlay ov;
        hours_overlay_init(&ov);
        FUZZ_CHECK(hours_overlay_add(&ov, s, o.worker, &e));
        FUZZ_CHECK(!hours_overlay_add(&ov, s, o.worker, &e)); /* the same id twice */
        n = check_schedule_with(s, &ov, t, o.worker, o.kita, nows[0], occ);
        bool seen = false;
        for (size_t i = 0; i < n; i++) {
            if (civil_date_cmp(occ[i].date, o.date) == 0 && occ[i].start_min == o.start_min &&
                occ[i].end_min == o.end_min && occ[i].extra == o.extra) {
                FUZZ_CHECK(occ[i].cancelled && occ[i].admin_id == 4711);
                seen = true;
            }
        }
        FUZZ_CHECK(seen);
        FUZZ_CHECK(hours_overlay_remove(&ov, 4711));
        FUZZ_CHECK(!hours_overlay_remove(&ov, 4711));
        hours_overlay_finish(&ov);
    }
}

/* Load the file set like content_parse_site and exercise what loaded. */
static void run_set(const file_set *fs)
{
    site_errors errors;
    site_errors_init(&errors);
    i18n *t = i18n_create();
    site_file lf = {"languages.txt", LANGUAGES, sizeof(LANGUAGES) - 1};
    FUZZ_CHECK(i18n_load_languages(t, &lf, &errors) && i18n_count(t) == 2);
    size_t nl = i18n_count(t);

    int64_t nows[3] = {berlin_to_utc((civil_date){2026, 3, 24}, 10 * 60, 0),
                       berlin_to_utc((civil_date){2026, 10, 25}, 2 * 60 + 30, 0), 0};
    size_t n_nows = 2;

    site_file records[MAX_FILES];
    size_t n_records = 0;
    po_catalog *cats[2] = {NULL, NULL};
    for (size_t i = 0; i < fs->n; i++) {
        const site_file *f = &fs->files[i];
        char *code = po_lang(f->name, "locales/");
        char *ui_code = po_lang(f->name, "ui/");
        if (code) {
            int lang = i18n_find(t, code);
            if (lang < 0) {
                site_errors_add(&errors, f->name, 0, NULL,
                                "language '%s' is not one of the kiosk's languages", code);
            } else {
                po_catalog *c = po_parse(f->name, f->text, f->len, &errors);
                po_destroy(cats[lang]);
                cats[lang] = c;
            }
        } else if (ui_code) {
            site_errors ui_errors;
            site_errors_init(&ui_errors);
            po_catalog *c = po_parse(f->name, f->text, f->len, &ui_errors);
            int lang = i18n_find(t, ui_code);
            if (c)
                po_check_placeholders(c, f->name, &ui_errors);
            if (lang >= 0)
                i18n_set_ui_catalog(t, (size_t)lang, c);
            else
                po_destroy(c);
            site_errors_finish(&ui_errors);
        } else if (strcmp(f->name, "languages.txt") == 0) {
            site_errors lang_errors;
            site_errors_init(&lang_errors);
            i18n *other = i18n_create();
            bool ok = i18n_load_languages(other, f, &lang_errors);
            FUZZ_CHECK(ok == (lang_errors.count == 0));
            FUZZ_CHECK(!ok || i18n_count(other) > 0);
            for (size_t k = 0; ok && k < i18n_count(other); k++)
                FUZZ_CHECK(i18n_find(other, i18n_lang(other, k)->code) == (int)k);
            i18n_destroy(other);
            site_errors_finish(&lang_errors);
        } else if (strcmp(f->name, "now") == 0) {
            char *text = xstrndup(f->text, f->len);
            str_trim(text);
            if (civil_parse_local_datetime(text, &nows[2]))
                n_nows = 3;
            free(text);
        } else {
            records[n_records++] = *f;
        }
        free(code);
        free(ui_code);
    }

    size_t before = errors.count;
    site *s = site_load(records, n_records, &errors);
    /* A site or messages, never both and never neither. */
    FUZZ_CHECK((s != NULL) == (errors.count == before));
    bool ok = s && errors.count == 0;
    if (ok) {
        i18n_clear_site_catalogs(t);
        for (size_t i = 0; i < nl; i++) {
            if (cats[i]) {
                site_errors e2;
                site_errors_init(&e2);
                po_check_placeholders(cats[i], "content.po", &e2);
                site_errors_finish(&e2);
                i18n_set_site_catalog(t, i, cats[i]);
                cats[i] = NULL;
            }
        }
        exercise_site(s, t, nows, n_nows);
    }
    for (size_t i = 0; i < nl; i++)
        po_destroy(cats[i]);
    site_destroy(s);
    i18n_destroy(t);
    site_errors_finish(&errors);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    file_set fs = {0};
    if (split_files(data, size, &fs)) {
        run_set(&fs);
        set_finish(&fs);
        return 0;
    }
    static const char *const names[] = {"site.txt", "schedule.txt", "services.txt",
                                        "locales/en.po"};
    for (size_t k = 0; k < ARRAY_LEN(names); k++) {
        for (size_t i = 0; i < site_n_file_names; i++)
            if (strcmp(site_file_names[i], names[k]) != 0)
                set_add(&fs, site_file_names[i], strlen(site_file_names[i]), NULL, 0);
        set_add(&fs, names[k], strlen(names[k]), data, size);
        run_set(&fs);
        set_finish(&fs);
    }
    return 0;
}
