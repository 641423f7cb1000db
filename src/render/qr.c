/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* qr.c - draws ROLE_QR elements: encodes the payload with libqrencode and paints the
 * modules crisp, an integer number of pixels each, black on white.
 *
 * Encoding: the payload's bytes go into byte mode unchanged, behind an ECI "UTF-8"
 * header when they are not plain ASCII, so UTF-8 reaches the phone byte for byte; the
 * version is the smallest that holds them at level M, which is the one the core predicts
 * for ASCII (qr_payload_version_estimate of qr_payload_encoded_bytes) and never larger
 * for UTF-8 (tests/render/test_qr_capacity.c). Error correction is level M, raised
 * to Q or H when that fits in the same version (a free gain in robustness against glare
 * and fingerprints on the screen).
 *
 * Caching: each payload is encoded once and kept, with a one-pixel-per-module texture,
 * in a small least-recently-used cache; redrawing costs one fill and one nearest-
 * neighbour copy at an integer scale. Failures are cached too, so a payload that cannot
 * be encoded is not tried again every frame. */
#include "render.h"

#include <stdlib.h>
#include <string.h>

#include <qrencode.h>

#include "ui/qr_payload.h"
#include "base/util.h"

#define QR_CACHE_CAP 16
#define QR_FAIL_RGB 0xBDBDBDu /* the grey box shown instead of an unreadable code */

typedef struct qr_entry {
    char *payload; /* owned; NULL = empty slot */
    uint64_t hash;
    int modules;         /* modules per side; -1: cannot be encoded */
    unsigned char *dark; /* modules * modules, row-major, 1 = dark; NULL if modules < 0 */
    SDL_Texture *tex;    /* modules x modules, opaque; created on first draw */
    uint64_t used;
} qr_entry;

struct qr_cache {
    qr_entry e[QR_CACHE_CAP];
    uint64_t clock;
};

static bool has_non_ascii(const unsigned char *data, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (data[i] >= 0x80)
            return true;
    return false;
}

/* Byte mode at version (0 = the smallest that fits) and level. Text that is not plain
 * ASCII is preceded by the ECI designator 26 (UTF-8): without it, readers guess the
 * byte mode's character set (zbar and some phones guess Shift JIS) and "Straße" or an
 * Arabic name arrive garbled. */
static QRcode *encode_at(const unsigned char *data, size_t len, int version, QRecLevel level)
{
    if (!has_non_ascii(data, len))
        return QRcode_encodeData((int)len, data, version, level);
    QRinput *in = QRinput_new2(version, level);
    if (!in)
        return NULL;
    QRcode *q = NULL;
    if (QRinput_appendECIheader(in, 26) == 0 && QRinput_append(in, QR_MODE_8, (int)len, data) == 0)
        q = QRcode_encodeInput(in);
    QRinput_free(in);
    return q;
}

/* The code for payload at level M or better, in byte mode; NULL if it does not fit
 * version 40 or the payload is empty. Caller frees (QRcode_free). */
static QRcode *encode(const char *payload)
{
    size_t len = payload ? strlen(payload) : 0;
    if (len == 0 || len > 7089)
        return NULL;
    const unsigned char *data = (const unsigned char *)payload;
    QRcode *q = encode_at(data, len, 0, QR_ECLEVEL_M);
    if (!q)
        return NULL;
    const QRecLevel better[] = {QR_ECLEVEL_H, QR_ECLEVEL_Q};
    for (size_t i = 0; i < ARRAY_LEN(better); i++) {
        QRcode *b = encode_at(data, len, q->version, better[i]);
        if (b && b->version == q->version) {
            QRcode_free(q);
            return b;
        }
        if (b)
            QRcode_free(b);
    }
    return q;
}

int qr_modules_for(const char *payload)
{
    QRcode *q = encode(payload);
    if (!q)
        return -1;
    int w = q->width;
    QRcode_free(q);
    return w;
}

int qr_module_px(int w, int h, int modules)
{
    int side = w < h ? w : h;
    if (modules <= 0 || side <= 0)
        return 0;
    return side / (modules + 2 * QR_PAYLOAD_QUIET_MODULES);
}

qr_cache *qr_cache_create(void)
{
    return xcalloc(1, sizeof(qr_cache));
}

static void entry_clear(qr_entry *e)
{
    if (e->tex)
        SDL_DestroyTexture(e->tex);
    if (e->payload) /* it may hold a ticket code */
        secure_zero(e->payload, strlen(e->payload));
    free(e->payload);
    free(e->dark);
    memset(e, 0, sizeof(*e));
}

void qr_cache_destroy(qr_cache *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < QR_CACHE_CAP; i++)
        entry_clear(&c->e[i]);
    free(c);
}

void qr_cache_forget(qr_cache *c)
{
    for (size_t i = 0; c && i < QR_CACHE_CAP; i++)
        entry_clear(&c->e[i]);
}

bool qr_cache_holds(const qr_cache *c, const char *needle)
{
    for (size_t i = 0; c && needle && *needle && i < QR_CACHE_CAP; i++)
        if (c->e[i].payload && strstr(c->e[i].payload, needle))
            return true;
    return false;
}

void qr_cache_invalidate(qr_cache *c)
{
    if (!c)
        return;
    /* The encodings stay valid; only the textures may have lost their contents. */
    for (size_t i = 0; i < QR_CACHE_CAP; i++) {
        if (c->e[i].tex)
            SDL_DestroyTexture(c->e[i].tex);
        c->e[i].tex = NULL;
    }
}

static uint64_t payload_hash(const char *s)
{
    uint64_t h = 14695981039346656037u; /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        h = (h ^ *p) * 1099511628211u;
    return h;
}

/* The cache entry of payload, encoding it (or recording the failure) on a miss. */
static qr_entry *lookup(qr_cache *c, const char *payload)
{
    uint64_t h = payload_hash(payload);
    qr_entry *victim = &c->e[0];
    for (size_t i = 0; i < QR_CACHE_CAP; i++) {
        qr_entry *e = &c->e[i];
        if (e->payload && e->hash == h && strcmp(e->payload, payload) == 0) {
            e->used = ++c->clock;
            return e;
        }
        if (victim->payload && (!e->payload || e->used < victim->used))
            victim = e;
    }
    entry_clear(victim);
    victim->payload = xstrdup(payload);
    victim->hash = h;
    victim->used = ++c->clock;
    victim->modules = -1;
    QRcode *q = encode(payload);
    if (q) {
        size_t n = (size_t)q->width * (size_t)q->width;
        victim->modules = q->width;
        victim->dark = xmalloc(n);
        for (size_t i = 0; i < n; i++)
            victim->dark[i] = q->data[i] & 1;
        QRcode_free(q);
    }
    return victim;
}

/* The entry's texture: one opaque pixel per module, scaled with nearest neighbour. */
static SDL_Texture *entry_texture(SDL_Renderer *r, qr_entry *e)
{
    if (e->tex || e->modules <= 0)
        return e->tex;
    int m = e->modules;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, m, m, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return NULL;
    for (int y = 0; y < m; y++) {
        uint32_t *row = (uint32_t *)((uint8_t *)s->pixels + (size_t)y * (size_t)s->pitch);
        for (int x = 0; x < m; x++)
            row[x] = e->dark[(size_t)y * (size_t)m + (size_t)x] ? 0xFF000000u : 0xFFFFFFFFu;
    }
    e->tex = SDL_CreateTextureFromSurface(r, s);
    SDL_FreeSurface(s);
    if (e->tex) {
        SDL_SetTextureBlendMode(e->tex, SDL_BLENDMODE_NONE);
        SDL_SetTextureScaleMode(e->tex, SDL_ScaleModeNearest);
    }
    return e->tex;
}

static void fill(SDL_Renderer *r, const SDL_Rect *box, uint32_t rgb)
{
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(r, (Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, 255);
    SDL_RenderFillRect(r, box);
}

void qr_draw(SDL_Renderer *r, qr_cache *c, const dl_elem *e)
{
    if (!r || !c || !e || e->w <= 0 || e->h <= 0)
        return;
    SDL_Rect box = {e->x, e->y, e->w, e->h};
    qr_entry *q = e->payload && *e->payload ? lookup(c, e->payload) : NULL;
    int px = q ? qr_module_px(e->w, e->h, q->modules) : 0;
    SDL_Texture *tex = px >= QR_PAYLOAD_MIN_MODULE_PX ? entry_texture(r, q) : NULL;
    if (!tex) {
        /* Unencodable, too small to scan, or SDL failed: never show a code a phone
         * might misread. The layout and --check-site keep this from happening. */
        fill(r, &box, QR_FAIL_RGB);
        return;
    }
    fill(r, &box, 0xFFFFFF);
    int side = q->modules * px;
    SDL_Rect dst = {e->x + (e->w - side) / 2, e->y + (e->h - side) / 2, side, side};
    SDL_RenderCopy(r, tex, NULL, &dst);
}
