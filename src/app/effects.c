/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* effects.c - the one place that performs what the core asks for (ui_take_effect):
 * sealing and queueing a contact request, checking the staff PIN, the export to the USB
 * stick and the staff's consultation-hour changes, with crypto/, store/ and platform/;
 * plus the daily housekeeping (retention). Each effect carries its own data, and the
 * time comes in as arguments: nothing here reads the UI state or calls back into the
 * kiosk. Results go back into the core with the ui_*_done functions.
 *
 * Privacy: nothing a parent typed is ever logged; the plaintext request exists only in
 * local buffers that are wiped before returning; the device stores only sealed boxes
 * with the day they were made. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "time/civil.h"
#include "time/schedule.h"
#include "base/util.h"
#include "seal.h"
#include "clock.h"
#include "export_dir.h"

bool requests_load_worker_key(const char *value, unsigned char pk[32], char **err)
{
    if (str_starts_with(value, "lotse-worker-pk"))
        return key_pk_from_text(value, pk, err);
    size_t len = 0;
    char *text = files_read(value, &len, err);
    if (!text)
        return false;
    char *kerr = NULL;
    bool ok = strlen(text) == len && key_pk_from_text(text, pk, &kerr);
    if (!ok && err)
        *err = xasprintf("%s: %s", value, kerr ? kerr : "not a public key file");
    free(kerr);
    free(text);
    return ok;
}

static civil_date today(const effects *k)
{
    return berlin_from_utc(k->now_utc).date;
}

/* The day a request is filed under and expires by: the retention clock, not the wall
 * clock (core/retention.h). */
static int64_t retention_today(const effects *k)
{
    return retention_day(&k->retention, k->mono_ms);
}

static void day_string(civil_date d, char out[11])
{
    unsigned y = (unsigned)d.year % 10000u, m = (unsigned)d.month % 100u,
             dd = (unsigned)d.day % 100u;
    char buf[32];
    snprintf(buf, sizeof(buf), "%04u-%02u-%02u", y, m, dd);
    memcpy(out, buf, 10);
    out[10] = '\0';
}

static void status_refresh(effects *k)
{
    ui_status *s = k->status;
    s->contact_ready = k->have_worker_key && k->store != NULL && k->site != NULL;
    s->admin_ready = k->opt->admin_pin != NULL;
    s->retention_days = k->opt->retention_days;
    s->store_aside = k->store_aside;
    s->queue_count = 0;
    s->queue_oldest[0] = '\0';
    store_queue_info info;
    char *err = NULL;
    if (k->store && store_request_info(k->store, &info, &err)) {
        s->queue_count = info.count;
        memcpy(s->queue_oldest, info.oldest_day, sizeof(s->queue_oldest));
    } else if (err) {
        fprintf(stderr, "lotse: request queue: %s\n", err);
        free(err);
    }
}

/* Put the consultation-hour changes saved on earlier visits into the overlay beside the
 * site (the site itself stays as loaded). */
static void apply_saved_hours(effects *k)
{
    if (!k->store || !k->site)
        return;
    char from[11];
    day_string(today(k), from);
    store_exception *ex = NULL;
    size_t n = 0;
    char *err = NULL;
    if (!store_exception_list(k->store, from, &ex, &n, &err)) {
        fprintf(stderr, "lotse: saved consultation-hour changes: %s\n", err);
        free(err);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        int w = site_worker_find(k->site, ex[i].worker);
        int kita = site_kita_find(k->site, ex[i].kita);
        civil_date d = {0};
        site_exception e = {.kind = ex[i].extra ? EXC_EXTRA : EXC_CANCELLED,
                            .kita = kita,
                            .start_min = ex[i].start_min,
                            .end_min = ex[i].end_min,
                            .admin_id = ex[i].id};
        bool ok = w >= 0 && kita >= 0 && civil_parse_date(ex[i].day, &d);
        e.from = e.to = d;
        if (!ok || !hours_overlay_add(&k->hours, k->site, w, &e))
            fprintf(stderr,
                    "lotse: a saved consultation-hour change for %s at %s on %s no longer "
                    "matches the site content; ignored\n",
                    ex[i].worker, ex[i].kita, ex[i].day);
    }
    free(ex);
}

void effects_housekeeping(effects *k, int64_t now_utc, int64_t mono_ms)
{
    k->now_utc = now_utc;
    k->mono_ms = mono_ms;
    if (!k->store)
        return;
    int64_t skew = 0;
    if (retention_jumped(&k->retention, k->now_utc, k->mono_ms, &skew))
        fprintf(stderr,
                "lotse: the wall clock jumped: it is now %+lld s off the time counted since "
                "the start; request retention keeps counting the days the kiosk ran\n",
                (long long)skew);
    int day = (int)retention_today(k);
    int wall_day = (int)civil_days_from_date(today(k));
    if (day == k->last_purge_day && wall_day == k->last_wall_day)
        return;
    k->last_purge_day = day;
    k->last_wall_day = wall_day;
    char before[11];
    day_string(civil_date_from_days(retention_expire_before(day, k->opt->retention_days)), before);
    size_t removed = 0;
    char *err = NULL;
    if (!store_request_purge_before(k->store, before, &removed, &err)) {
        fprintf(stderr, "lotse: retention: %s\n", err);
        free(err);
    } else if (removed) {
        fprintf(stderr,
                "lotse: deleted %zu request%s not collected within %d days (made before %s)\n",
                removed, removed == 1 ? "" : "s", k->opt->retention_days, before);
    }
    /* Consultation-hour changes are dated by the wall clock, but a clock that jumped
     * forward must not delete the ones still ahead: the earlier of the two days. */
    char yesterday[11];
    day_string(civil_date_from_days((wall_day < day ? wall_day : day) - 1), yesterday);
    if (!store_exception_purge_before(k->store, yesterday, &err)) {
        fprintf(stderr, "lotse: consultation-hour changes: %s\n", err);
        free(err);
    }
    status_refresh(k);
}

void effects_init(effects *k, int64_t now_utc, int64_t mono_ms)
{
    k->now_utc = now_utc;
    k->mono_ms = mono_ms;
    hours_overlay_init(&k->hours);
    flood_init(&k->flood);
    randombytes_buf(k->flood_key, sizeof(k->flood_key));
    if (k->opt->worker_key) {
        char *err = NULL;
        k->have_worker_key = requests_load_worker_key(k->opt->worker_key, k->worker_pk, &err);
        if (!k->have_worker_key) {
            fprintf(stderr, "lotse: Worker-Key: %s\n", err);
            free(err);
        }
    }
    if (!k->have_worker_key)
        fprintf(stderr, "lotse: no worker key configured: \"Contact me\" is switched off\n");
    if (!k->opt->admin_pin)
        fprintf(stderr, "lotse: no Admin-PIN configured: the staff access is switched off\n");
    if (k->have_worker_key && !k->store)
        fprintf(stderr, "lotse: no state database: \"Contact me\" is switched off\n");
    apply_saved_hours(k);
    retention_start(&k->retention, now_utc, mono_ms);
    k->last_purge_day = -1;
    effects_housekeeping(k, now_utc, mono_ms);
    status_refresh(k);
}

void effects_forget_last(effects *k)
{
    flood_forget_last(&k->flood);
}

void effects_finish(effects *k)
{
    hours_overlay_finish(&k->hours);
    secure_zero(&k->flood, sizeof(k->flood));
    secure_zero(k->flood_key, sizeof(k->flood_key));
}

/* ---- submitting ------------------------------------------------------------------- */

/* A keyed hash of what the parent chose and typed (not ticket or day), for the flood
 * guard: it recognises a repeated request without keeping it. */
static void request_digest(const effects *k, const request *r, unsigned char out[32])
{
    request copy = *r;
    copy.ticket[0] = '\0';
    copy.day[0] = '\0';
    unsigned char plain[REQUEST_PLAIN_BYTES];
    if (!request_serialize(&copy, plain, sizeof(plain)))
        memset(plain, 0, sizeof(plain));
    crypto_generichash(out, 32, plain, sizeof(plain), k->flood_key, sizeof(k->flood_key));
    sodium_memzero(plain, sizeof(plain));
    sodium_memzero(&copy, sizeof(copy));
}

static void make_ticket(char out[8])
{
    uint32_t n = randombytes_uniform(1000000);
    char buf[16];
    snprintf(buf, sizeof(buf), "%03u %03u", (unsigned)(n / 1000) % 1000u, (unsigned)(n % 1000));
    memcpy(out, buf, 7);
    out[7] = '\0';
}

static void submit(effects *k, ui_state *st, const ui_effect *fx)
{
    request r = fx->request;
    unsigned char digest[32];
    request_digest(k, &r, digest);
    ui_submit_result result = SUBMIT_FAILED;
    char ticket[8] = "";
    switch (flood_check(&k->flood, k->opt->request_limit, k->mono_ms, digest)) {
    case FLOOD_MERGE:
        snprintf(ticket, sizeof(ticket), "%s", k->flood.last_ticket);
        result = SUBMIT_SAVED;
        fprintf(stderr, "lotse: request repeated within a minute: merged with the last one\n");
        break;
    case FLOOD_REFUSE:
        result = SUBMIT_FLOOD;
        fprintf(stderr, "lotse: request refused: more than %d in 10 minutes\n",
                k->opt->request_limit);
        break;
    case FLOOD_ACCEPT: {
        if (!k->status->contact_ready)
            break;
        make_ticket(ticket);
        memcpy(r.ticket, ticket, sizeof(r.ticket));
        day_string(civil_date_from_days(retention_today(k)), r.day);
        unsigned char cipher[SEAL_CIPHER_BYTES];
        char *err = NULL;
        if (!seal_request(&r, k->worker_pk, cipher)) {
            fprintf(stderr, "lotse: request could not be sealed\n");
        } else if (!store_request_add(k->store, r.day, cipher, sizeof(cipher), &err)) {
            fprintf(stderr, "lotse: request could not be saved: %s\n", err);
            free(err);
        } else {
            /* COMMIT returned: only now may the parent see her code. */
            flood_record(&k->flood, k->mono_ms, digest, ticket);
            result = SUBMIT_SAVED;
            status_refresh(k);
            fprintf(stderr, "lotse: request saved (%zu waiting)\n", k->status->queue_count);
        }
        break;
    }
    }
    sodium_memzero(&r, sizeof(r));
    sodium_memzero(digest, sizeof(digest));
    ui_submit_done(st, result, result == SUBMIT_SAVED ? ticket : NULL);
    sodium_memzero(ticket, sizeof(ticket));
}

/* ---- the admin PIN ------------------------------------------------------------------ */

static store_pin_state pin_state(effects *k)
{
    store_pin_state ps = {0, 0};
    char *err = NULL;
    if (k->store && !store_pin_get(k->store, &ps, &err)) {
        fprintf(stderr, "lotse: admin PIN state: %s\n", err);
        free(err);
    }
    return ps;
}

static void check_pin(effects *k, ui_state *st, const ui_effect *fx)
{
    int64_t now = k->now_utc;
    store_pin_state ps = pin_state(k);
    int64_t locked = pin_locked_for(ps.locked_until_utc, now);
    if (locked > 0) {
        ui_pin_done(st, false, locked, k->mono_ms);
        return;
    }
    bool ok = k->opt->admin_pin && pin_verify(k->opt->admin_pin, fx->pin);
    if (ok)
        k->pins_accepted++;
    if (ok) {
        ps.failures = 0;
        ps.locked_until_utc = 0;
        fprintf(stderr, "lotse: staff access opened\n");
    } else {
        ps.failures++;
        locked = pin_lockout_seconds(ps.failures);
        ps.locked_until_utc = locked ? now + locked : 0;
        fprintf(stderr, "lotse: wrong admin PIN (%d failed attempt%s in a row%s)\n", ps.failures,
                ps.failures == 1 ? "" : "s", locked ? ", pad locked" : "");
    }
    char *err = NULL;
    if (k->store && !store_pin_set(k->store, &ps, &err)) {
        fprintf(stderr, "lotse: admin PIN state: %s\n", err);
        free(err);
    }
    ui_pin_done(st, ok, locked, k->mono_ms);
}

/* ---- export ------------------------------------------------------------------------- */

static admin_message export_message(export_status s)
{
    switch (s) {
    case EXPORT_OK:
        return ADMIN_MSG_EXPORTED;
    case EXPORT_NO_DIR:
        return ADMIN_MSG_NO_STICK;
    case EXPORT_READ_ONLY:
        return ADMIN_MSG_READ_ONLY;
    case EXPORT_FULL:
        return ADMIN_MSG_FULL;
    case EXPORT_FAILED:
    case EXPORT_VERIFY_FAILED:
        break;
    }
    return ADMIN_MSG_EXPORT_FAILED;
}

static void export_queue(effects *k, ui_state *st)
{
    store_request *reqs = NULL;
    size_t n = 0;
    char *err = NULL;
    if (!k->store || !store_request_list(k->store, &reqs, &n, &err)) {
        fprintf(stderr, "lotse: export: %s\n", err ? err : "no state database");
        free(err);
        ui_admin_done(st, ADMIN_MSG_EXPORT_FAILED, 0, NULL);
        return;
    }
    if (n == 0) {
        ui_admin_done(st, ADMIN_MSG_NOTHING, 0, NULL);
        return;
    }
    const unsigned char **ciphers = xcalloc(n, sizeof(*ciphers));
    int64_t *ids = xcalloc(n, sizeof(*ids));
    size_t good = 0;
    for (size_t i = 0; i < n; i++) {
        if (reqs[i].len != SEAL_CIPHER_BYTES) {
            fprintf(stderr, "lotse: export: queued request %lld has a wrong size; kept\n",
                    (long long)reqs[i].id);
            continue;
        }
        ciphers[good] = reqs[i].sealed;
        ids[good++] = reqs[i].id;
    }
    char *text = export_build((const unsigned char *const *)ciphers, good);
    civil_time now = berlin_from_utc(k->now_utc);
    const char *kita = k->site ? k->site->kitas[k->site->here].id : "kiosk";
    char *name =
        xasprintf("lotse-export-%s-%04d%02d%02d-%02d%02d.txt", kita, now.date.year, now.date.month,
                  now.date.day, now.minute_of_day / 60, now.minute_of_day % 60);
    char *written = NULL;
    export_status es = EXPORT_NO_DIR;
    if (k->opt->export_mount && !export_dir_is_mount_point(k->opt->export_dir))
        err = xasprintf("%s: no stick is mounted there", k->opt->export_dir);
    else
        es = export_write(k->opt->export_dir, name, text, strlen(text), &written, &err);
    if (es == EXPORT_OK) {
        char *derr = NULL;
        if (!store_request_delete(k->store, ids, good, &derr)) {
            /* The file is complete on the stick; the queue keeps its copies, so at worst
             * the next export repeats them. Nothing is lost. */
            fprintf(stderr, "lotse: exported to %s but could not clear the queue: %s\n", written,
                    derr);
            free(derr);
        } else {
            fprintf(stderr, "lotse: exported %zu request%s to %s\n", good, good == 1 ? "" : "s",
                    written);
        }
        const char *base = strrchr(written, '/');
        /* Tell the system the stick may go (board/: a path unit unmounts it). */
        char *serr = NULL;
        if (k->opt->export_done_file) {
            char *line = xasprintf("%s\n", base ? base + 1 : written);
            if (!files_put_signal(k->opt->export_done_file, line, &serr)) {
                fprintf(stderr, "lotse: export done, but could not signal it: %s\n", serr);
                free(serr);
            }
            free(line);
        }
        ui_admin_done(st, ADMIN_MSG_EXPORTED, good, base ? base + 1 : written);
    } else {
        fprintf(stderr, "lotse: export failed, the requests stay queued: %s\n",
                err ? err : "unknown error");
        ui_admin_done(st, export_message(es), 0, NULL);
    }
    free(err);
    free(written);
    free(name);
    free(text);
    free(ids);
    free(ciphers);
    store_requests_free(reqs, n);
    status_refresh(k);
}

/* ---- consultation hours -------------------------------------------------------------- */

static bool save_hour(effects *k, const occurrence *o, bool extra)
{
    store_exception e;
    memset(&e, 0, sizeof(e));
    snprintf(e.worker, sizeof(e.worker), "%s", k->site->workers[o->worker].id);
    snprintf(e.kita, sizeof(e.kita), "%s", k->site->kitas[o->kita].id);
    e.extra = extra;
    day_string(o->date, e.day);
    e.start_min = o->start_min;
    e.end_min = o->end_min;
    int64_t id = 0;
    char *err = NULL;
    if (!store_exception_add(k->store, &e, &id, &err)) {
        fprintf(stderr, "lotse: consultation hour: %s\n", err);
        free(err);
        return false;
    }
    site_exception se = {.kind = extra ? EXC_EXTRA : EXC_CANCELLED,
                         .kita = o->kita,
                         .from = o->date,
                         .to = o->date,
                         .start_min = o->start_min,
                         .end_min = o->end_min,
                         .admin_id = id};
    if (!hours_overlay_add(&k->hours, k->site, o->worker, &se))
        fprintf(stderr, "lotse: consultation hour saved but not shown: not a valid hour\n");
    fprintf(stderr, "lotse: consultation hour %s: %s %s %02d:%02d-%02d:%02d\n",
            extra ? "added" : "cancelled", e.worker, e.day, e.start_min / 60, e.start_min % 60,
            e.end_min / 60, e.end_min % 60);
    return true;
}

/* Is o (as the staff saw it) still a listed hour now? The same worker, Kita, date and
 * times, not over; *now gets the listed one (its current cancellation state). */
static bool still_listed(const effects *k, const occurrence *o, occurrence *now)
{
    occurrence occ[ADMIN_OCCURRENCES];
    ui_ctx ctx = {.site = k->site, .hours = &k->hours};
    size_t n = ui_admin_occurrences(&ctx, k->now_utc, occ, ARRAY_LEN(occ));
    for (size_t i = 0; i < n; i++) {
        const occurrence *c = &occ[i];
        if (c->worker == o->worker && c->kita == o->kita && c->start_utc == o->start_utc &&
            c->end_utc == o->end_utc && c->extra == o->extra) {
            *now = *c;
            return true;
        }
    }
    return false;
}

static void change_hours(effects *k, ui_state *st, const ui_effect *fx)
{
    if (!k->store || !k->site) {
        ui_admin_done(st, ADMIN_MSG_SAVE_FAILED, 0, NULL);
        return;
    }
    const occurrence *o = &fx->hour;
    bool valid = o->worker >= 0 && (size_t)o->worker < k->site->n_workers && o->kita >= 0 &&
                 (size_t)o->kita < k->site->n_kitas;
    occurrence cur;
    admin_message msg = ADMIN_MSG_SAVE_FAILED;
    if (!valid) {
        msg = ADMIN_MSG_SAVE_FAILED;
    } else if (fx->kind == UI_FX_HOUR_ADD) {
        if (o->end_utc <= k->now_utc)
            msg = ADMIN_MSG_HOUR_GONE;
        else if (save_hour(k, o, true))
            msg = ADMIN_MSG_SAVED;
    } else if (!still_listed(k, o, &cur)) {
        /* It ended (or changed) between the tap and now: touch nothing. */
        msg = ADMIN_MSG_HOUR_GONE;
        fprintf(stderr, "lotse: consultation hour no longer listed: nothing changed\n");
    } else if (fx->kind == UI_FX_HOUR_CANCEL) {
        if (cur.cancelled)
            msg = ADMIN_MSG_HOUR_GONE;
        else if (save_hour(k, &cur, false))
            msg = ADMIN_MSG_SAVED;
    } else if (fx->kind == UI_FX_HOUR_RESTORE) {
        int64_t id = cur.admin_id;
        char *err = NULL;
        if (id <= 0 || id != o->admin_id || !hours_overlay_find(&k->hours, id)) {
            msg = ADMIN_MSG_HOUR_GONE;
        } else if (store_exception_delete(k->store, id, &err)) {
            hours_overlay_remove(&k->hours, id);
            fprintf(stderr, "lotse: consultation-hour change undone\n");
            msg = ADMIN_MSG_SAVED;
        } else {
            fprintf(stderr, "lotse: consultation hour: %s\n", err);
            free(err);
        }
    }
    ui_admin_done(st, msg, 0, NULL);
}

void effects_perform(effects *k, ui_state *st, int64_t now_utc, int64_t mono_ms)
{
    ui_effect fx = ui_take_effect(st);
    k->now_utc = now_utc;
    k->mono_ms = mono_ms;
    switch (fx.kind) {
    case UI_FX_NONE:
        break;
    case UI_FX_SUBMIT:
        submit(k, st, &fx);
        break;
    case UI_FX_ADMIN_ENTER: {
        store_pin_state ps = pin_state(k);
        ui_pin_locked(st, pin_locked_for(ps.locked_until_utc, k->now_utc), k->mono_ms);
        fprintf(stderr, "lotse: staff access requested\n");
        break;
    }
    case UI_FX_CHECK_PIN:
        check_pin(k, st, &fx);
        break;
    case UI_FX_EXPORT:
        export_queue(k, st);
        break;
    case UI_FX_HOUR_CANCEL:
    case UI_FX_HOUR_RESTORE:
    case UI_FX_HOUR_ADD:
        change_hours(k, st, &fx);
        break;
    }
    ui_effect_wipe(&fx);
}
