/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* keyboard.c - the on-screen keyboards of the contact request: letter layouts (Latin,
 * Latin extras, Cyrillic, Arabic script) with and without shift, and the phone pad. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "ui/ui_contact.h"

/* A letter layout: up to four rows of keys separated by single spaces; upper holds the
 * same keys with shift (NULL for scripts without case). label is what the layout key
 * shows to switch to this layout. */
typedef struct kb_layout {
    const char *label;
    const char *script; /* ISO 15924 of the UI languages that start with it, or NULL */
    const char *rows[4];
    const char *upper[4];
} kb_layout;

static const kb_layout layouts[] = {
    {"ABC",
     "Latn",
     {"q w e r t z u i o p ü", "a s d f g h j k l ö ä", "y x c v b n m ß - '", NULL},
     {"Q W E R T Z U I O P Ü", "A S D F G H J K L Ö Ä", "Y X C V B N M ẞ - '", NULL}},
    {"ÁÇŞ",
     NULL,
     {"á à â ä ã å ă ą ç č ć đ", "é è ê ë ę ğ í ì î ï ı ł", "ñ ń ó ò ô õ ő ø œ ś š ş",
      "ș ț ú ù û ů ű ý ź ż ž"},
     {"Á À Â Ä Ã Å Ă Ą Ç Č Ć Đ", "É È Ê Ë Ę Ğ Í Ì Î Ï I Ł", "Ñ Ń Ó Ò Ô Õ Ő Ø Œ Ś Š Ş",
      "Ș Ț Ú Ù Û Ů Ű Ý Ź Ż Ž"}},
    {"АБВ",
     "Cyrl",
     {"й ц у к е н г ш щ з х ъ", "ф ы в а п р о л д ж э ё", "я ч с м и т ь б ю і ї є", "ґ - '"},
     {"Й Ц У К Е Н Г Ш Щ З Х Ъ", "Ф Ы В А П Р О Л Д Ж Э Ё", "Я Ч С М И Т Ь Б Ю І Ї Є", "Ґ - '"}},
    {"ابت",
     "Arab",
     {"ض ص ث ق ف غ ع ه خ ح ج چ", "ش س ي ب ل ا ت ن م ك گ ک", "ئ ء ؤ ر ى ة و ز ظ ط ذ د",
      "پ ژ ی آ أ إ ټ ډ ړ ښ ږ ځ"},
     {NULL, NULL, NULL, NULL}},
};
#define N_LAYOUTS ((int)ARRAY_LEN(layouts))

void ui_kb_keys(int layout, bool shift, kb_keys *k)
{
    const kb_layout *l = &layouts[layout >= 0 && layout < N_LAYOUTS ? layout : 0];
    memset(k, 0, sizeof(*k));
    size_t pos = 0;
    for (int r = 0; r < 4; r++) {
        const char *row = shift && l->upper[r] ? l->upper[r] : l->rows[r];
        if (!row)
            break;
        k->n_rows = r + 1;
        const char *p = row;
        while (*p && k->n < KB_MAX_KEYS) {
            const char *end = strchr(p, ' ');
            size_t len = end ? (size_t)(end - p) : strlen(p);
            if (pos + len + 1 > sizeof(k->buf))
                return;
            memcpy(k->buf + pos, p, len);
            k->buf[pos + len] = '\0';
            k->key[k->n] = k->buf + pos;
            k->row[k->n] = r;
            k->n++;
            pos += len + 1;
            p += len;
            while (*p == ' ')
                p++;
        }
    }
}

bool ui_kb_has_case(int layout)
{
    return layout >= 0 && layout < N_LAYOUTS && layouts[layout].upper[0] != NULL;
}

/* The layout a parent most likely writes her name with: her UI language's script. */
int ui_kb_for_lang(const ui_ctx *ctx, size_t lang)
{
    const lang_info *li = i18n_lang(ctx->i18n, lang);
    for (int i = 0; li && li->script && i < N_LAYOUTS; i++)
        if (layouts[i].script && strcmp(layouts[i].script, li->script) == 0)
            return i;
    return 0;
}

/* The phone pad: digits and '+'. */
const char *const ui_kb_phone_keys[UI_KB_PHONE_KEYS] = {"1", "2", "3", "4", "5", "6",
                                                        "7", "8", "9", "+", "0"};

int ui_kb_count(void)
{
    return N_LAYOUTS;
}

const char *ui_kb_label(int layout)
{
    return layouts[layout >= 0 && layout < N_LAYOUTS ? layout : 0].label;
}
