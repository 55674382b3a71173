/* The message catalogue is complete in both languages, each pair takes the
 * same arguments, and every code and every field is documented. */
#include "check.h"
#include "document/document.h"
#include "document/schema.h"
#include "util/messages.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* The conversions of a printf format, in argument order: "s", "zu", "02X", ...
 * reduced to their length modifier and conversion letter.  A * width or
 * precision takes an argument of its own before the value's, shown as "*"
 * (only without positional arguments). */
static int conversions(const char *fmt, char out[16][4])
{
    int n = 0, next = 1;
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') continue;
        if (p[1] == '%') { p++; continue; }
        p++;
        int pos = 0;
        if (isdigit((unsigned char)*p)) {
            const char *q = p;
            int v = (int)strtol(p, (char **)&q, 10);
            if (*q == '$') { pos = v; p = q + 1; }
        }
        for (; *p && strchr("-+ #0123456789.*", *p); p++) {
            if (*p != '*') continue;
            if (pos || next > 16) return -1;
            memcpy(out[next - 1], "*", 2);
            if (next > n) n = next;
            next++;
        }
        if (!pos) pos = next++;
        char conv[4] = { 0 };
        size_t k = 0;
        while (*p && strchr("hlzjt", *p) && k < 2) conv[k++] = *p++;
        conv[k] = *p;
        if (pos < 1 || pos > 16) return -1;
        memcpy(out[pos - 1], conv, 4);
        if (pos > n) n = pos;
    }
    return n;
}

/* The checker itself: * arguments, positions, length modifiers. */
static void conversions_parsed(void)
{
    char out[16][4] = { { 0 } };
    CHECK(conversions("U+%04X “%.*s” in %zu", out) == 4);
    CHECK(strcmp(out[0], "X") == 0 && strcmp(out[1], "*") == 0 && strcmp(out[2], "s") == 0 &&
          strcmp(out[3], "zu") == 0);
    char a[16][4] = { { 0 } }, b[16][4] = { { 0 } };
    CHECK(conversions("%s in %lu", a) == 2 && conversions("%2$lu 中的 %1$s", b) == 2);
    CHECK(memcmp(a, b, sizeof a) == 0);
    CHECK(conversions("%1$.*2$s", out) == -1);        /* not supported: reported, not misread */
}

static void catalogue_complete(void)
{
    for (int id = 0; id < GW_MSG_COUNT; id++) {
        const gw_message *m = gw_message_get((gw_msg)id);
        CHECK_MSG(m && m->code && m->en && m->zh, "message %d incomplete", id);
        if (!m || !m->code || !m->en || !m->zh) continue;
        CHECK_MSG(strlen(m->code) == 5 && (m->code[0] == 'E' || m->code[0] == 'W'), "message %d code %s", id,
                  m->code);
        CHECK_MSG(m->code[0] != 'W' || m->severity == GW_WARNING, "%s: a W code that is not a warning", m->code);
        CHECK_MSG(*m->en && *m->zh && strcmp(m->en, m->zh) != 0, "%s: same text in both languages", m->code);
        char en[16][4] = { { 0 } }, zh[16][4] = { { 0 } };
        int ne = conversions(m->en, en), nz = conversions(m->zh, zh);
        CHECK_MSG(ne >= 0 && ne == nz && memcmp(en, zh, sizeof en) == 0, "%s: arguments differ: %s | %s", m->code, m->en, m->zh);
    }
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static void codes_documented(void)
{
    char *doc = slurp(source_path("docs/diagnostics.md"));
    CHECK_MSG(doc != NULL, "docs/diagnostics.md unreadable");
    if (!doc) return;
    for (int id = 0; id < GW_MSG_COUNT; id++) {
        char row[16];
        snprintf(row, sizeof row, "| %s |", gw_message_get((gw_msg)id)->code);
        CHECK_MSG(strstr(doc, row) != NULL, "%s is not in docs/diagnostics.md", row);
    }
}

static void fields_documented(void)
{
    char *doc = slurp(source_path("docs/schema.md"));
    CHECK_MSG(doc != NULL, "docs/schema.md unreadable");
    if (!doc) return;
    for (size_t s = 0; gw_schema_sections[s].path; s++)
        for (const gw_field *f = gw_schema_sections[s].fields; f->key; f++) {
            char name[96], zh_name[96];
            if (*gw_schema_sections[s].path && strcmp(gw_schema_sections[s].path, "body[]") != 0)
                snprintf(name, sizeof name, "`%s.%s`", gw_schema_sections[s].path, f->key);
            else
                snprintf(name, sizeof name, "`%s`", f->key);
            snprintf(zh_name, sizeof zh_name, "%s", f->zh);
            CHECK_MSG(strstr(doc, name) != NULL, "%s is not in docs/schema.md", name);
            CHECK_MSG(strstr(doc, zh_name) != NULL, "%s (%s) has no Chinese name in docs/schema.md", name, f->zh);
        }
}

/* The library speaks the language it is given, and never reads $LANG. */
static void language_is_passed_in(void)
{
    const char *path = source_path("tests/data/broken/023-number-square-brackets.yaml");
    gw_diagnostics *en = gw_diagnostics_create(), *zh = gw_diagnostics_create();
    gw_diagnostics_set_language(zh, GW_LANG_ZH);
    setenv("LANG", "zh_CN.UTF-8", 1);
    gw_document_destroy(gw_document_read(path, en));
    unsetenv("LANG");
    gw_document_destroy(gw_document_read(path, zh));
    CHECK(gw_diagnostics_count(en) == 1 && gw_diagnostics_count(zh) == 1);
    if (gw_diagnostics_count(en) == 1 && gw_diagnostics_count(zh) == 1) {
        CHECK(strstr(gw_diagnostics_get(en, 0)->message, "six-corner brackets") != NULL);
        CHECK(strcmp(gw_diagnostics_get(zh, 0)->message, "发文字号中的年份应使用六角括号〔〕：应为 厦湖卫健函〔2025〕17号") == 0);
        CHECK(strcmp(gw_diagnostics_get(zh, 0)->code, "E0104") == 0);
    }
    CHECK(gw_document_load(path, en) == NULL);        /* errors: no model */
    gw_diagnostics_destroy(en);
    gw_diagnostics_destroy(zh);
}

int main(void)
{
    conversions_parsed();
    catalogue_complete();
    codes_documented();
    fields_documented();
    language_is_passed_in();
    return check_summary();
}
