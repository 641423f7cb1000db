/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* test_i18n.c - the language list, the UI and content fallback chains, plurals, and the
 * date/time helpers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "content/i18n.h"
#include "base/util.h"

#ifndef LOTSE_SOURCE_DIR
#define LOTSE_SOURCE_DIR "."
#endif

static const char langs_text[] = "# test languages\n"
                                 "Language: de\n"
                                 "Name: Deutsch\n"
                                 "Script: Latn\n"
                                 "Direction: ltr\n"
                                 "\n"
                                 "Language: en\n"
                                 "Name: English\n"
                                 "Script: Latn\n"
                                 "Direction: ltr\n"
                                 "\n"
                                 "Language: ar\n"
                                 "Name: \xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9\n"
                                 "Script: Arab\n"
                                 "Direction: rtl\n";

static po_catalog *catalog(const char *text)
{
    site_errors e;
    site_errors_init(&e);
    po_catalog *c = po_parse("t.po", text, strlen(text), &e);
    for (size_t i = 0; i < e.count; i++)
        print_error("%s\n", e.messages[i]);
    assert_non_null(c);
    site_errors_finish(&e);
    return c;
}

static i18n *make(void)
{
    i18n *t = i18n_create();
    site_file f = {"languages.txt", langs_text, strlen(langs_text)};
    site_errors e;
    site_errors_init(&e);
    assert_true(i18n_load_languages(t, &f, &e));
    assert_int_equal(e.count, 0);
    site_errors_finish(&e);
    return t;
}

/* German, English and Arabic catalogs with a few overlapping strings. */
static i18n *make_with_catalogs(void)
{
    i18n *t = make();
    i18n_set_ui_catalog(t, 0,
                        catalog("msgid \"\"\n"
                                "msgstr \"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n"
                                "msgid \"Hello\"\nmsgstr \"Hallo\"\n"
                                "msgid \"Only German\"\nmsgstr \"Nur Deutsch\"\n"
                                "msgctxt \"weekday\"\nmsgid \"Monday\"\nmsgstr \"Montag\"\n"
                                "msgctxt \"weekday\"\nmsgid \"Sunday\"\nmsgstr \"Sonntag\"\n"
                                "msgid \"%d hour\"\nmsgid_plural \"%d hours\"\n"
                                "msgstr[0] \"%d Stunde\"\nmsgstr[1] \"%d Stunden\"\n"
                                "msgctxt \"button\"\nmsgid \"Back\"\nmsgstr \"Zurück\"\n"));
    i18n_set_ui_catalog(t, 1,
                        catalog("msgid \"Hello\"\nmsgstr \"Hello!\"\n"
                                "#, fuzzy\nmsgid \"Only German\"\nmsgstr \"Fuzzy English\"\n"
                                "msgid \"Untranslated\"\nmsgstr \"\"\n"
                                "msgctxt \"date\"\nmsgid \"{day}.{month}.\"\n"
                                "msgstr \"{month}/{day}\"\n"));
    i18n_set_ui_catalog(
        t, 2,
        catalog("msgid \"\"\n"
                "msgstr \"Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
                "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;\\n\"\n"
                "msgid \"%d hour\"\nmsgid_plural \"%d hours\"\n"
                "msgstr[0] \"h0\"\nmsgstr[1] \"h1\"\nmsgstr[2] \"h2\"\nmsgstr[3] \"h3\"\n"
                "msgstr[4] \"h4\"\nmsgstr[5] \"h5\"\n"
                "msgctxt \"weekday\"\nmsgid \"Monday\"\n"
                "msgstr \"\xd8\xa7\xd9\x84\xd8\xa5\xd8\xab\xd9\x86\xd9\x8a\xd9\x86\"\n"));
    return t;
}

static void t_languages(void **state)
{
    (void)state;
    i18n *t = make();
    assert_int_equal(i18n_count(t), 3);
    const lang_info *l = i18n_lang(t, 0);
    assert_string_equal(l->code, "de");
    assert_string_equal(l->name, "Deutsch");
    assert_string_equal(l->script, "Latn");
    assert_false(l->rtl);
    l = i18n_lang(t, 2);
    assert_string_equal(l->code, "ar");
    assert_string_equal(l->script, "Arab");
    assert_true(l->rtl);
    assert_null(i18n_lang(t, 3));
    assert_int_equal(i18n_find(t, "en"), 1);
    assert_int_equal(i18n_find(t, "fr"), -1);
    assert_int_equal(i18n_find(t, NULL), -1);
    i18n_destroy(t);
    i18n_destroy(NULL);
}

static void t_languages_file(void **state)
{
    (void)state;
    FILE *fp = fopen(LOTSE_SOURCE_DIR "/locales/languages.txt", "rb");
    if (!fp) {
        skip();
        return;
    }
    char buf[8192];
    size_t n = fread(buf, 1, sizeof(buf), fp);
    fclose(fp);
    site_file f = {"languages.txt", buf, n};
    site_errors e;
    site_errors_init(&e);
    i18n *t = i18n_create();
    assert_true(i18n_load_languages(t, &f, &e));
    assert_int_equal(e.count, 0);
    assert_true(i18n_count(t) >= 2);
    assert_string_equal(i18n_lang(t, 0)->code, "de"); /* German is the default */
    assert_true(i18n_find(t, "en") > 0);
    i18n_destroy(t);
    site_errors_finish(&e);
}

static void expect_lang_errors(const char *text, const char *const *msgs, size_t n)
{
    i18n *t = make();
    site_file f = {"languages.txt", text, strlen(text)};
    site_errors e;
    site_errors_init(&e);
    assert_false(i18n_load_languages(t, &f, &e));
    if (e.count != n) {
        for (size_t i = 0; i < e.count; i++)
            print_error("  got: %s\n", e.messages[i]);
        fail_msg("expected %zu messages, got %zu", n, e.count);
    }
    for (size_t i = 0; i < n; i++)
        assert_string_equal(e.messages[i], msgs[i]);
    site_errors_finish(&e);
    /* A failed load leaves the previous list alone. */
    assert_int_equal(i18n_count(t), 3);
    i18n_destroy(t);
}

static void t_language_errors(void **state)
{
    (void)state;
    static const char *const missing[] = {
        "languages.txt:2: Script: missing field",
        "languages.txt:2: Direction: missing field",
    };
    expect_lang_errors("\nLanguage: de\nName: Deutsch\n", missing, ARRAY_LEN(missing));

    static const char *const invalid[] = {
        "languages.txt:1: Language: 'German' is not a language code (e.g. de, ar, pt-BR)",
        ("languages.txt:3: Script: 'latin' is not an ISO 15924 script code (e.g. Latn, Arab, "
         "Cyrl)"),
        "languages.txt:4: Direction: 'left' is not ltr or rtl",
    };
    expect_lang_errors("Language: German\nName: Deutsch\nScript: latin\nDirection: left\n", invalid,
                       ARRAY_LEN(invalid));

    static const char *const dup[] = {
        "languages.txt:6: Language: duplicate language code 'de' (first at line 1)",
    };
    expect_lang_errors("Language: de\nName: Deutsch\nScript: Latn\nDirection: ltr\n\n"
                       "Language: de\nName: Noch mal\nScript: Latn\nDirection: ltr\n",
                       dup, ARRAY_LEN(dup));

    static const char *const other[] = {
        "languages.txt:5: Font: unknown field (expected Language, Name, Script, Direction)",
        "languages.txt:6: Name: repeated field",
        "languages.txt:3: Script: empty value",
    };
    expect_lang_errors("Language: de\nName: A\nScript:\nDirection: ltr\nFont: x\nName: B\n", other,
                       ARRAY_LEN(other));

    static const char *const none[] = {"languages.txt: no languages defined"};
    expect_lang_errors("# nothing here\n", none, ARRAY_LEN(none));

    /* A name the home screen could not show: only invisible characters, or an override
     * left open that would turn the buttons after it around. */
    static const char *const hidden[] = {
        "languages.txt:2: Name: '<U+200F><U+200B>' has no visible character or an unbalanced "
        "bidi control",
        "languages.txt:7: Name: '<U+202E>Deutsch' has no visible character or an unbalanced "
        "bidi control",
    };
    expect_lang_errors("Language: de\nName: \xe2\x80\x8f\xe2\x80\x8b\nScript: Latn\n"
                       "Direction: ltr\n\n"
                       "Language: en\nName: \xe2\x80\xae" "Deutsch\nScript: Latn\nDirection: ltr\n",
                       hidden, ARRAY_LEN(hidden));

    static const char *const syntax[] = {"languages.txt:2: expected 'Key: value'"};
    expect_lang_errors("Language: de\nName Deutsch\n", syntax, ARRAY_LEN(syntax));
}

static void t_ui_chain(void **state)
{
    (void)state;
    i18n *t = make_with_catalogs();
    /* The language's catalog first. */
    assert_string_equal(i18n_ui(t, 1, "Hello"), "Hello!");
    assert_string_equal(i18n_ui(t, 0, "Hello"), "Hallo");
    /* Fuzzy, empty or missing: German. */
    assert_string_equal(i18n_ui(t, 1, "Only German"), "Nur Deutsch");
    assert_string_equal(i18n_ui(t, 2, "Only German"), "Nur Deutsch");
    /* Not in German either: the English msgid. */
    assert_string_equal(i18n_ui(t, 1, "Untranslated"), "Untranslated");
    assert_string_equal(i18n_ui(t, 0, "Nowhere"), "Nowhere");
    /* Contexts are kept apart. */
    assert_string_equal(i18n_ui_ctx(t, 1, "button", "Back"), "Zurück");
    assert_string_equal(i18n_ui(t, 1, "Back"), "Back");
    /* Bad arguments never give NULL. */
    assert_string_equal(i18n_ui(t, 99, "Hello"), "Hallo");
    assert_string_equal(i18n_ui(t, 1, NULL), "");
    assert_string_equal(i18n_ui(NULL, 0, "Hello"), "Hello");
    assert_non_null(i18n_ui_catalog(t, 0));
    assert_null(i18n_ui_catalog(t, 7));

    /* Replacing a catalog frees the old one; an out-of-range index frees the new one. */
    i18n_set_ui_catalog(t, 1, NULL);
    assert_string_equal(i18n_ui(t, 1, "Hello"), "Hallo");
    i18n_set_ui_catalog(t, 42, catalog("msgid \"a\"\nmsgstr \"b\"\n"));
    i18n_destroy(t);
}

static void t_no_german(void **state)
{
    (void)state;
    const char *text = "Language: en\nName: English\nScript: Latn\nDirection: ltr\n";
    site_file f = {"l.txt", text, strlen(text)};
    i18n *t = i18n_create();
    assert_true(i18n_load_languages(t, &f, NULL));
    assert_string_equal(i18n_ui(t, 0, "Hello"), "Hello");
    assert_string_equal(i18n_ui_n(t, 0, "%d day", "%d days", 2), "%d days");
    assert_string_equal(i18n_content(t, 0, "Beratung"), "Beratung");
    i18n_destroy(t);
}

static void t_plural_chain(void **state)
{
    (void)state;
    i18n *t = make_with_catalogs();
    /* Arabic's own six forms. */
    static const char *const ar[] = {"h0", "h1", "h2", "h3", "h4", "h5"};
    static const unsigned long ns[] = {0, 1, 2, 5, 11, 100};
    for (size_t i = 0; i < ARRAY_LEN(ns); i++)
        assert_string_equal(i18n_ui_n(t, 2, "%d hour", "%d hours", ns[i]), ar[i]);
    /* English has no entry: German's plural rule and forms. */
    assert_string_equal(i18n_ui_n(t, 1, "%d hour", "%d hours", 1), "%d Stunde");
    assert_string_equal(i18n_ui_n(t, 1, "%d hour", "%d hours", 3), "%d Stunden");
    /* No catalog has it: English singular / plural. */
    assert_string_equal(i18n_ui_n(t, 1, "%d minute", "%d minutes", 1), "%d minute");
    assert_string_equal(i18n_ui_n(t, 1, "%d minute", "%d minutes", 0), "%d minutes");
    assert_string_equal(i18n_ui_n(t, 2, "%d minute", "%d minutes", 2), "%d minutes");
    assert_string_equal(i18n_ui_n(NULL, 0, "%d minute", "%d minutes", 2), "%d minutes");
    i18n_destroy(t);
}

static void t_content_chain(void **state)
{
    (void)state;
    i18n *t = make();
    i18n_set_site_catalog(t, 1,
                          catalog("msgid \"Erziehungsberatung\"\nmsgstr \"Parenting advice\"\n"
                                  "#, fuzzy\nmsgid \"Schuldnerberatung\"\nmsgstr \"Debt\"\n"));
    assert_string_equal(i18n_content(t, 1, "Erziehungsberatung"), "Parenting advice");
    assert_string_equal(i18n_content(t, 1, "Schuldnerberatung"), "Schuldnerberatung");
    assert_string_equal(i18n_content(t, 2, "Erziehungsberatung"), "Erziehungsberatung");
    assert_string_equal(i18n_content(t, 0, "Erziehungsberatung"), "Erziehungsberatung");
    assert_null(i18n_content(t, 1, NULL));
    /* UI catalogs are not used for content and the other way round. */
    assert_string_equal(i18n_ui(t, 1, "Erziehungsberatung"), "Erziehungsberatung");
    i18n_clear_site_catalogs(t);
    assert_string_equal(i18n_content(t, 1, "Erziehungsberatung"), "Erziehungsberatung");
    i18n_destroy(t);
}

static void t_weekday(void **state)
{
    (void)state;
    i18n *t = make_with_catalogs();
    assert_string_equal(i18n_weekday(t, 0, 1), "Montag");
    assert_string_equal(i18n_weekday(t, 0, 7), "Sonntag");
    assert_string_equal(i18n_weekday(t, 1, 1), "Montag"); /* via German */
    assert_string_equal(i18n_weekday(t, 2, 1),
                        "\xd8\xa7\xd9\x84\xd8\xa5\xd8\xab\xd9\x86\xd9\x8a\xd9\x86");
    assert_string_equal(i18n_weekday(t, 0, 3), "Wednesday"); /* untranslated */
    assert_string_equal(i18n_weekday(t, 0, 0), "");
    assert_string_equal(i18n_weekday(t, 0, 8), "");
    assert_string_equal(i18n_weekday(NULL, 0, 5), "Friday");
    i18n_destroy(t);
}

static void t_time_range(void **state)
{
    (void)state;
    char *s = i18n_time_range(540, 720);
    assert_string_equal(s, "9:00\u201312:00");
    free(s);
    s = i18n_time_range(0, 1440);
    assert_string_equal(s, "0:00\u201324:00");
    free(s);
    s = i18n_time_range(14 * 60 + 5, 16 * 60 + 30);
    assert_string_equal(s, "14:05\u201316:30");
    free(s);
    s = i18n_time_range(-5, 99999); /* clamped */
    assert_string_equal(s, "0:00\u201324:00");
    free(s);
}

static void t_short_date(void **state)
{
    (void)state;
    i18n *t = make_with_catalogs();
    civil_date d = {2026, 3, 24};
    char *s = i18n_short_date(t, 0, d);
    assert_string_equal(s, "24.3.");
    free(s);
    s = i18n_short_date(t, 1, d); /* English catalog's format */
    assert_string_equal(s, "3/24");
    free(s);
    s = i18n_short_date(t, 2, (civil_date){2026, 12, 1});
    assert_string_equal(s, "1.12.");
    free(s);
    s = i18n_short_date(NULL, 0, d);
    assert_string_equal(s, "24.3.");
    free(s);
    i18n_destroy(t);
}

static void t_fmt_named(void **state)
{
    (void)state;
    char *s = fmt_named("{a} and {b}, {a}!", "a", "x", "b", "yy", (const char *)NULL);
    assert_string_equal(s, "x and yy, x!");
    free(s);
    s = fmt_named("{unknown} {a} {} {a {{a}} }{ {a", "a", "1", (const char *)NULL);
    assert_string_equal(s, "{unknown} 1 {} {a {1} }{ {a");
    free(s);
    s = fmt_named("no placeholders", (const char *)NULL);
    assert_string_equal(s, "no placeholders");
    free(s);
    s = fmt_named("{a}{b}", "a", (const char *)NULL, (const char *)NULL);
    assert_string_equal(s, "{b}"); /* NULL value is "" */
    free(s);
    s = fmt_named("{name}: {name}", "name", "{name}", (const char *)NULL); /* no recursion */
    assert_string_equal(s, "{name}: {name}");
    free(s);
    s = fmt_named(NULL, (const char *)NULL);
    assert_string_equal(s, "");
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(t_languages),       cmocka_unit_test(t_languages_file),
        cmocka_unit_test(t_language_errors), cmocka_unit_test(t_ui_chain),
        cmocka_unit_test(t_no_german),       cmocka_unit_test(t_plural_chain),
        cmocka_unit_test(t_content_chain),   cmocka_unit_test(t_weekday),
        cmocka_unit_test(t_time_range),      cmocka_unit_test(t_short_date),
        cmocka_unit_test(t_fmt_named),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
