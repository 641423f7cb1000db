/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_po.c - libFuzzer target for the PO reader (core/po.h): po_parse on the raw bytes,
 * then lookups (plain, with context, plural for many n, the header), the statistics and
 * the placeholder check. Invariants checked: a catalog or messages, never both; a lookup
 * gives NULL or a non-empty string; comparing a catalog with itself gives its own
 * statistics; the plural index of a catalog without Plural-Forms is 0. */
#include <limits.h>
#include <stdbool.h>

#include "content/po.h"
#include "fuzz.h"

static const char *const MSGIDS[] = {
    "",
    "Back",
    "Monday",
    "Kita-Sozialarbeit",
    "The screen starts over in {n} second.",
    "{n} request is waiting (since {date})",
    "Here now · today until {end}",
    "a",
};

static const char *const CONTEXTS[] = {NULL, "weekday", "", "a"};

static const unsigned long NS[] = {0, 1, 2, 3, 4, 5, 11, 12, 21, 22, 101, 111, 1000000, ULONG_MAX};

static void check_string(const char *s)
{
    FUZZ_CHECK(s == NULL || s[0] != '\0');
}

static void lookups(const po_catalog *c)
{
    for (size_t i = 0; i < ARRAY_LEN(MSGIDS); i++) {
        for (size_t k = 0; k < ARRAY_LEN(CONTEXTS); k++) {
            const char *s = po_lookup(c, CONTEXTS[k], MSGIDS[i]);
            check_string(s);
            FUZZ_CHECK(!s || po_has(c, CONTEXTS[k], MSGIDS[i]));
            for (size_t j = 0; j < ARRAY_LEN(NS); j++) {
                const char *p = po_lookup_plural(c, CONTEXTS[k], MSGIDS[i], NS[j]);
                check_string(p);
                FUZZ_CHECK(!p || po_has(c, CONTEXTS[k], MSGIDS[i]));
            }
        }
    }
    for (size_t j = 0; j < ARRAY_LEN(NS); j++)
        FUZZ_CHECK(po_plural_index(c, NS[j]) < 32); /* PO_MAX_FORMS */
    /* Every n up to a few hundred, as the kiosk's countdowns use. */
    for (unsigned long n = 0; n < 300; n++)
        (void)po_plural_index(c, n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_copy(data, size);
    site_errors errors;
    site_errors_init(&errors);
    po_catalog *c = po_parse("fuzz.po", text, size, &errors);
    FUZZ_CHECK((c == NULL) == (errors.count > 0));
    for (size_t i = 0; i < errors.count; i++)
        FUZZ_CHECK(strncmp(errors.messages[i], "fuzz.po", 7) == 0);
    if (c) {
        lookups(c);
        po_stats st = po_get_stats(c);
        po_stats self = po_compare(c, c);
        FUZZ_CHECK(self.translated == st.translated && self.fuzzy == st.fuzzy &&
                   self.untranslated == st.untranslated);
        po_stats none = po_compare(NULL, c);
        FUZZ_CHECK(none.translated == 0 && none.fuzzy == 0 &&
                   none.untranslated == st.translated + st.fuzzy + st.untranslated);
        site_errors placeholders;
        site_errors_init(&placeholders);
        size_t n = po_check_placeholders(c, "fuzz.po", &placeholders);
        FUZZ_CHECK(n == placeholders.count);
        site_errors_finish(&placeholders);
    } else {
        /* The NULL catalog is an empty one. */
        lookups(NULL);
        FUZZ_CHECK(po_get_stats(NULL).translated == 0);
        FUZZ_CHECK(po_plural_index(NULL, 7) == 0);
    }
    po_destroy(c);
    /* Without an error list the parser must still clean up after itself. */
    po_destroy(po_parse("fuzz.po", text, size, NULL));
    site_errors_finish(&errors);
    free(text);
    return 0;
}
