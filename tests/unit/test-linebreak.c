/* The line breaker against a corpus of tricky paragraphs
 * (tests/data/linebreak/corpus.txt): for each, the exact lines, every line
 * but the last filling the 156 mm measure to 0.1 mm, and the prohibition
 * rules at every line start and end.
 *
 * GW_LINEBREAK_PRINT=1 prints what the engine does, in the corpus format,
 * for writing new cases (check them by eye before adding them). */
#include "check.h"
#include "fonts/fontset.h"
#include "text/chars.h"
#include "text/lines.h"
#include "util/utf8.h"
#include <stdlib.h>
#include <math.h>
#include <string.h>

#define MM (72.0 / 25.4)

typedef struct corpus_case {
    char  name[128];
    int   ragged;                 /* full lines may be short */
    char *text;
    char *lines[64];
    size_t line_count;
} corpus_case;

static gw_fontset *fonts;
static gw_text_style body;
static gw_measure measure;
static int print_mode;

static char *dup_line(const char *s)
{
    size_t n = strcspn(s, "\n");
    char *t = malloc(n + 1);
    memcpy(t, s, n);
    t[n] = '\0';
    return t;
}

static uint32_t first_char(const char *s, size_t len)
{
    size_t i = 0;
    return len ? gw_utf8_next(s, len, &i) : 0;
}

static uint32_t last_char(const char *s, size_t len)
{
    size_t i = len;
    while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80) i--;
    if (i > 0) i--;
    return gw_utf8_next(s, len, &i);
}

static void check_case(const corpus_case *c)
{
    gw_lines lines;
    gw_span span = { 0, strlen(c->text), &body };
    gw_loc loc = { c->name, 0, 0, "", 0 };
    gw_status st = gw_set_text(c->text, span.end, &span, 1, &measure, loc, NULL, &lines);
    CHECK_MSG(st == GW_OK, "%s: status %d", c->name, st);
    if (print_mode) {
        printf("## %s\n%s\n", c->name, c->text);   /* the name keeps its [ragged] */
        for (size_t i = 0; i < lines.count; i++)
            printf(">> %.*s\n", (int)(lines.lines[i].text_end - lines.lines[i].text_start),
                   c->text + lines.lines[i].text_start);
        printf("\n");
    } else {
        CHECK_MSG(lines.count == c->line_count, "%s: %zu lines, expected %zu", c->name, lines.count, c->line_count);
    }
    for (size_t i = 0; i < lines.count; i++) {
        const gw_line *l = &lines.lines[i];
        const char *t = c->text + l->text_start;
        size_t n = l->text_end - l->text_start;
        if (!print_mode && i < c->line_count)
            CHECK_MSG(strlen(c->lines[i]) == n && memcmp(c->lines[i], t, n) == 0,
                      "%s: line %zu is “%.*s”, expected “%s”", c->name, i + 1, (int)n, t, c->lines[i]);
        if (i + 1 < lines.count && !c->ragged) {
            double want = measure.width - l->start;
            CHECK_MSG(l->fills && l->width > want - 0.1 * MM && l->width < want + 0.1 * MM,
                      "%s: line %zu spans %.3f mm, not %.3f", c->name, i + 1, l->width / MM, want / MM);
        }
        if (i > 0) CHECK_MSG(!(gw_char_class(first_char(t, n)) & GW_CH_NO_START), "%s: line %zu starts with a mark", c->name, i + 1);
        if (i + 1 < lines.count)
            CHECK_MSG(!(gw_char_class(last_char(t, n)) & GW_CH_NO_END), "%s: line %zu ends with an opening mark", c->name, i + 1);
    }
    CHECK(lines.count == 0 || lines.lines[0].start == measure.first_indent);
    gw_lines_free(&lines);
}

static int load_corpus(const char *path, corpus_case **out)
{
    FILE *f = fopen(path, "r");
    CHECK_MSG(f != NULL, "cannot open %s", path);
    if (!f) return 0;
    static char buf[1 << 16];
    corpus_case *cases = NULL;
    int n = 0;
    while (fgets(buf, sizeof buf, f)) {
        if (strncmp(buf, "## ", 3) == 0) {
            cases = realloc(cases, (size_t)(n + 1) * sizeof *cases);
            memset(&cases[n], 0, sizeof *cases);
            char *name = dup_line(buf + 3);
            snprintf(cases[n].name, sizeof cases[n].name, "%s", name);
            cases[n].ragged = strstr(name, "[ragged]") != NULL;
            free(name);
            n++;
        } else if (strncmp(buf, ">> ", 3) == 0 && n && cases[n - 1].line_count < 64) {
            cases[n - 1].lines[cases[n - 1].line_count++] = dup_line(buf + 3);
        } else if (buf[0] != '\n' && buf[0] != '#' && n && !cases[n - 1].text) {
            cases[n - 1].text = dup_line(buf);
        }
    }
    fclose(f);
    *out = cases;
    return n;
}

/* The Latin run of a line whose text starts with prefix, or NULL. */
static const gw_glyph_run *run_starting(const gw_line *l, const char *prefix)
{
    for (size_t r = 0; r < l->run_count; r++)
        if (strncmp(l->runs[r].text, prefix, strlen(prefix)) == 0) return &l->runs[r];
    return NULL;
}

/* A web address wider than a line starts on the line where it stands
 * (filled, justified) and breaks after a separator; the justified line
 * spreads its Han characters, never the address: its glyphs keep the
 * spacing they have when nothing is spread. */
static void test_web_address_in_a_justified_paragraph(void)
{
    const char *text = "有关政策文件已在区政府门户网站公开，详见https://www.jinan.gov.cn/xjwz/zwgk/zfxxgkzl/"
                       "fdzdgknr/202506/t20250612_4867533.htm，欢迎查阅。";
    gw_span span = { 0, strlen(text), &body };
    gw_loc loc = { "web-address", 0, 0, "", 0 };
    gw_lines spread, plain;
    gw_measure ragged = measure;
    ragged.justify = 0;
    CHECK(gw_set_text(text, span.end, &span, 1, &measure, loc, NULL, &spread) == GW_OK);
    CHECK(gw_set_text(text, span.end, &span, 1, &ragged, loc, NULL, &plain) == GW_OK);
    CHECK_MSG(spread.count == 3 && plain.count == 3, "%zu lines", spread.count);
    if (spread.count == 3 && plain.count == 3) {
        const gw_line *l = &spread.lines[0];
        CHECK_MSG(l->fills && fabs(l->start + l->width - measure.width) < 0.01, "line 1 is %.2f pt", l->width);
        const gw_glyph_run *a = run_starting(l, "https://"), *b = run_starting(&plain.lines[0], "https://");
        CHECK_MSG(a && b && a->glyph_count == b->glyph_count && a->glyph_count >= 12,
                  "line 1 holds no piece of the address");
        for (size_t g = 1; a && b && g < a->glyph_count && g < b->glyph_count; g++)
            CHECK_MSG(fabs((a->glyphs[g].x - a->glyphs[0].x) - (b->glyphs[g].x - b->glyphs[0].x)) < 0.001,
                      "glyph %zu of the address is spread", g);
        char last = text[spread.lines[0].text_end - 1];
        CHECK_MSG(strchr("/.-_", last) != NULL, "line 1 ends with %c", last);
    }
    gw_lines_free(&spread);
    gw_lines_free(&plain);
}

int main(void)
{
    print_mode = getenv("GW_LINEBREAK_PRINT") != NULL;
    gw_diagnostics *d = gw_diagnostics_create();
    fonts = gw_fontset_load(source_path("fonts/fonts.yaml"), d);
    CHECK(fonts != NULL);
    if (!fonts) return check_summary();
    /* 三号仿宋 on the GB/T 9704 grid: 28 characters in 156 mm, 2 indented */
    double pitch = 156 * MM / 28;
    body = (gw_text_style){ gw_fontset_role(fonts, "fangsong"), gw_fontset_role(fonts, "latin"), 16, pitch,
                            { 0, 0, 0, 0, 1 }, 0 };
    measure = (gw_measure){ 156 * MM, 2 * pitch, 1 };
    corpus_case *cases = NULL;
    int n = load_corpus(source_path("tests/data/linebreak/corpus.txt"), &cases);
    if (!print_mode) CHECK_MSG(n >= 60, "only %d cases", n);
    for (int i = 0; i < n; i++) {
        if (!cases[i].text) continue;
        check_case(&cases[i]);
        free(cases[i].text);
        for (size_t k = 0; k < cases[i].line_count; k++) free(cases[i].lines[k]);
    }
    free(cases);
    if (!print_mode) test_web_address_in_a_justified_paragraph();
    gw_fontset_destroy(fonts);
    gw_diagnostics_destroy(d);
    return print_mode ? 0 : check_summary();
}
