/* SPDX-FileCopyrightText: 2026 The Lotse developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* errors.c - the error list shared by the content parsers (site, record, PO files). */
#include "content/site.h"

#include <stdarg.h>
#include <stdlib.h>

#include "base/util.h"

void site_errors_init(site_errors *e)
{
    e->messages = NULL;
    e->count = 0;
    e->cap = 0;
}

void site_errors_finish(site_errors *e)
{
    for (size_t i = 0; i < e->count; i++)
        free(e->messages[i]);
    free(e->messages);
    site_errors_init(e);
}

void site_errors_add(site_errors *e, const char *file, int line, const char *field, const char *fmt,
                     ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *what = xvasprintf(fmt, ap);
    va_end(ap);
    strbuf sb;
    strbuf_init(&sb);
    if (file) {
        strbuf_puts(&sb, file);
        if (line > 0)
            strbuf_printf(&sb, ":%d", line);
        strbuf_puts(&sb, ": ");
    }
    if (field && *field)
        strbuf_printf(&sb, "%s: ", field);
    strbuf_puts(&sb, what);
    free(what);
    VEC_PUSH(e->messages, e->count, e->cap, strbuf_steal(&sb));
}
