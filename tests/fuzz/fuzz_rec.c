/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_rec.c - libFuzzer target for the record-file parser (core/rec.h): rec_parse on
 * the raw bytes, then the contract of what it returns is checked: every record has a
 * field, keys are [A-Za-z][A-Za-z0-9_-]*, values are trimmed valid UTF-8 text, lines
 * increase, and rec_get finds a field by its own key. */
#include <stdbool.h>

#include "content/rec.h"
#include "fuzz.h"

static bool key_valid(const char *k)
{
    if (!((k[0] >= 'A' && k[0] <= 'Z') || (k[0] >= 'a' && k[0] <= 'z')))
        return false;
    for (const char *p = k + 1; *p; p++)
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
              *p == '_' || *p == '-'))
            return false;
    return true;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void check_file(const rec_file *f)
{
    int last_line = 0;
    for (size_t i = 0; i < f->n_records; i++) {
        const rec_record *r = &f->records[i];
        FUZZ_CHECK(r->n_fields > 0);
        FUZZ_CHECK(r->line > last_line && r->line == r->fields[0].line);
        for (size_t k = 0; k < r->n_fields; k++) {
            const rec_field *fd = &r->fields[k];
            FUZZ_CHECK(fd->key && key_valid(fd->key));
            FUZZ_CHECK(fd->value != NULL);
            size_t n = strlen(fd->value);
            FUZZ_CHECK(utf8_valid_text(fd->value, n, NULL));
            FUZZ_CHECK(n == 0 || (!is_space(fd->value[0]) && !is_space(fd->value[n - 1])));
            FUZZ_CHECK(fd->line > last_line);
            last_line = fd->line;
            const rec_field *got = rec_get(r, fd->key);
            FUZZ_CHECK(got && got <= fd && str_equal_ci(got->key, fd->key));
        }
        FUZZ_CHECK(rec_get(r, "no such key!") == NULL);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_copy(data, size);
    site_errors errors;
    site_errors_init(&errors);
    rec_file *f = rec_parse("fuzz.txt", text, size, &errors);
    /* NULL exactly when there are messages: a caller relies on both. */
    FUZZ_CHECK((f == NULL) == (errors.count > 0));
    for (size_t i = 0; i < errors.count; i++)
        FUZZ_CHECK(strncmp(errors.messages[i], "fuzz.txt:", 9) == 0);
    if (f)
        check_file(f);
    rec_destroy(f);
    /* Without an error list the parser must still clean up after itself. */
    rec_destroy(rec_parse("fuzz.txt", text, size, NULL));
    site_errors_finish(&errors);
    free(text);
    return 0;
}
