/* Title breaking: the corpus of real-looking titles with their exact lines
 * (tests/data/titles/corpus.yaml), no break inside any name of
 * tests/data/titles/names.txt wherever it stands in a title, the document's
 * own names, the vocabulary file's diagnostics, and the bounds (a pattern
 * that backtracks, a title too long for a scored choice, no vocabulary).
 *
 * GW_TITLE_PRINT=1 prints the corpus as the program sets it, in the corpus'
 * own form, to review the effect of a change to templates/title-breaks.yaml. */
#include "check.h"
#include "fonts/fontset.h"
#include "text/chars.h"
#include "text/title.h"
#include "util/utf8.h"
#include "yaml/ynode.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MM (72.0 / 25.4)
#define WIDTH (156 * MM)
#define MAX_LINES 16

typedef struct span { size_t start, end; } span;

static gw_fontset     *fonts;
static gw_text_style   style;          /* 二号小标宋 */
static gw_title_vocab *vocab;

/* Only spaces between two lines (a joint title's issuers). */
static int only_spaces(const char *text, size_t a, size_t b)
{
    while (a < b) {
        uint32_t c = gw_utf8_next(text, b, &a);
        if (c != ' ' && c != 0x3000) return 0;
    }
    return 1;
}

/* Sets a title; its lines' byte ranges in out.  Checks what holds for every
 * title: each line fits, none holds one character alone, the lines cover
 * the text in order, only spaces left out between them. */
static size_t set_lines(const gw_title_params *p, const char *text, gw_diagnostics *d, span *out)
{
    gw_lines lines;
    gw_loc loc = { "title", 1, 1, "title", 0 };
    size_t len = strlen(text);
    gw_status st = gw_set_title_with(p, text, len, &style, WIDTH, loc, d, &lines);
    CHECK_MSG(st == GW_OK, "%s: status %d", text, (int)st);
    if (st != GW_OK) return 0;
    size_t n = lines.count < MAX_LINES ? lines.count : MAX_LINES, at = 0;
    for (size_t i = 0; i < n; i++) {
        const gw_line *l = &lines.lines[i];
        out[i] = (span){ l->text_start, l->text_end };
        CHECK_MSG(l->width <= WIDTH + 0.01, "line %zu of %s is %.1f pt wide", i, text, l->width);
        CHECK_MSG(gw_utf8_count(text + l->text_start, l->text_end - l->text_start) > 1,
                  "one character alone in %s", text);
        CHECK_MSG(l->text_start >= at && only_spaces(text, at, l->text_start), "%s: line %zu does not follow", text, i);
        at = l->text_end;
    }
    CHECK_MSG(at == len, "%s: the lines end at %zu of %zu", text, at, len);
    gw_lines_free(&lines);
    return n;
}

/* The lines joined with " / ". */
static char *joined(const char *text, const span *l, size_t n)
{
    size_t size = strlen(text) + 4 * n + 1;
    char *s = malloc(size);
    s[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i) strcat(s, " / ");
        strncat(s, text + l[i].start, l[i].end - l[i].start);
    }
    return s;
}

static const gw_title_params *with_vocab(void)
{
    static gw_title_params p;
    p = (gw_title_params){ vocab, NULL, 0 };
    return &p;
}

/* Whether a line ends inside text[a, b). */
static int broken_inside(const span *l, size_t n, size_t a, size_t b)
{
    for (size_t i = 0; i + 1 < n; i++)
        if (l[i].end > a && l[i].end < b) return 1;
    return 0;
}

/* tests/data/titles/names.txt: one a line, # comments. */
static char **read_names(size_t *count)
{
    FILE *f = fopen(source_path("tests/data/titles/names.txt"), "r");
    CHECK(f != NULL);
    char **names = NULL, line[512];
    *count = 0;
    while (f && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0] || line[0] == '#') continue;
        names = realloc(names, (*count + 1) * sizeof *names);
        names[(*count)++] = strdup(line);
    }
    if (f) fclose(f);
    return names;
}

/* No line ends inside an occurrence of a listed name. */
static int check_names(const char *text, const span *l, size_t n, char **names, size_t count)
{
    int ok = 1;
    for (size_t k = 0; k < count; k++) {
        size_t m = strlen(names[k]);
        for (const char *p = strstr(text, names[k]); p; p = strstr(p + 1, names[k])) {
            size_t a = (size_t)(p - text);
            int bad = broken_inside(l, n, a, a + m);
            CHECK_MSG(!bad, "%s broken inside %s", text, names[k]);
            ok &= !bad;
        }
    }
    return ok;
}

static void test_corpus(char **names, size_t name_count)
{
    gw_diagnostics *d = gw_diagnostics_create();
    gw_yaml *y = gw_yaml_load_file(source_path("tests/data/titles/corpus.yaml"), d);
    CHECK(y != NULL);
    if (!y) { gw_diagnostics_destroy(d); return; }
    yaml_node_t *root = gw_yaml_root(y);
    size_t count = gw_yaml_len(root), three = 0, joint = 0;
    int print = getenv("GW_TITLE_PRINT") != NULL;
    for (size_t i = 0; i < count; i++) {
        yaml_node_t *item = gw_yaml_item(y, root, i), *want = gw_yaml_get(y, item, "lines");
        const char *text = gw_yaml_str(gw_yaml_get(y, item, "title"));
        CHECK(text != NULL);
        if (!text) continue;
        span l[MAX_LINES];
        size_t n = set_lines(with_vocab(), text, d, l);
        check_names(text, l, n, names, name_count);
        three += n >= 3;
        joint += strchr(text, ' ') != NULL || strstr(text, "局厦门") || strstr(text, "局漳州");
        int same = n == gw_yaml_len(want);
        for (size_t k = 0; same && k < n; k++) {
            const char *w = gw_yaml_str(gw_yaml_item(y, want, k));
            same = w && strlen(w) == l[k].end - l[k].start && memcmp(w, text + l[k].start, l[k].end - l[k].start) == 0;
        }
        char *got = joined(text, l, n);
        CHECK_MSG(same, "%s\n    got %s (line %u of the corpus)", text, got, (unsigned)item->start_mark.line + 1);
        if (print) {
            printf("- title: %s\n  lines: [", text);
            for (size_t k = 0; k < n; k++) printf("%s%.*s", k ? ", " : "", (int)(l[k].end - l[k].start), text + l[k].start);
            printf("]\n");
        }
        free(got);
    }
    CHECK_MSG(count >= 30, "the corpus has %zu titles", count);
    CHECK_MSG(three >= 5 && joint >= 5, "the corpus has %zu titles of three lines or more, %zu joint", three, joint);
    CHECK_MSG(gw_diagnostics_count(d) == 0, "setting the corpus reported %zu problems", gw_diagnostics_count(d));
    gw_yaml_destroy(y);
    gw_diagnostics_destroy(d);
}

/* Each name at every place of titles around it: before and after a run of
 * ordinary words cut at every length, so the name meets the line break at
 * each of its characters in turn. */
static void test_names_everywhere(char **names, size_t name_count)
{
    static const char *const lead = "关于进一步加强基层医疗卫生机构建设提升服务能力支持";
    static const char *const tails[] = { "的提案办理情况的答复", "提升群众满意度有关工作的报告" };
    size_t titles = 0, failures = 0;
    for (size_t k = 0; k < name_count; k++)
        for (size_t cut = 0; cut <= strlen(lead); cut += 3)
            for (size_t t = 0; t < 2; t++) {
                char text[512];
                snprintf(text, sizeof text, "%.*s%s%s", (int)cut, lead, names[k], tails[t]);
                span l[MAX_LINES];
                size_t n = set_lines(with_vocab(), text, NULL, l);
                if (!check_names(text, l, n, &names[k], 1)) failures++;
                titles++;
            }
    printf("names: %zu names in %zu titles, %zu broken\n", name_count, titles, failures);
}

/* Whether a title with the name at each place of a lead-in is ever broken
 * inside the name. */
static size_t times_broken(const gw_title_params *p, const char *name)
{
    static const char *const lead = "关于进一步加强基层医疗卫生机构建设";
    size_t broken = 0;
    for (size_t cut = 0; cut <= strlen(lead); cut += 3) {
        char text[512];
        snprintf(text, sizeof text, "%.*s%s提升游客医疗服务水平的提案办理情况的答复", (int)cut, lead, name);
        span l[MAX_LINES];
        size_t n = set_lines(p, text, NULL, l);
        broken += broken_inside(l, n, cut, cut + strlen(name));
    }
    return broken;
}

/* A name the vocabulary cannot know (no suffix of its) is kept whole when
 * the document gives it, as gongwen gives its issuers, or when an office's
 * own vocabulary, extending the built-in one, lists it. */
static void test_own_names(void)
{
    static const char *const name = "鼓浪屿—万石山风景名胜区管委会";
    const char *const names[] = { name };
    gw_title_params own = { vocab, names, 1 };
    CHECK_MSG(times_broken(with_vocab(), name) > 0, "the test name is never broken without being given: it tests nothing");
    CHECK_MSG(times_broken(&own, name) == 0, "a name the document gives is broken");

    static const char *const office = "extends: title-breaks\nnames: [鼓浪屿—万石山风景名胜区管委会]\n";
    gw_diagnostics *d = gw_diagnostics_create();
    const char *dir = getenv("GW_SOURCE_DIR");
    gw_title_vocab *v = gw_title_vocab_load_memory("office.yaml", office, strlen(office), dir ? dir : ".", d);
    CHECK_MSG(v && gw_diagnostics_count(d) == 0, "an office vocabulary extending the built-in one is refused");
    if (v) {
        gw_title_params p = { v, NULL, 0 };
        CHECK_MSG(times_broken(&p, name) == 0, "a name of the office's vocabulary is broken");
        CHECK(v->costs.word == vocab->costs.word && v->names.count == vocab->names.count + 1 &&
              v->rule_count == vocab->rule_count && v->files.count == 2);
    }
    gw_title_vocab_destroy(v);
    gw_diagnostics_destroy(d);
}

/* A diagnostic with this code at this line and column. */
static int has_diag(const gw_diagnostics *d, const char *code, unsigned line, unsigned column)
{
    for (size_t i = 0; i < gw_diagnostics_count(d); i++) {
        const gw_diag *g = gw_diagnostics_get(d, i);
        if (strcmp(g->code, code) == 0 && g->line == line && (!column || g->column == column)) return 1;
    }
    return 0;
}

static const char *const good_costs =
    "costs: {word: 20, inside_word: 200, issuers: 5, name_parts: 150, balance: 1, shape: 30, extra_line: 100}\n"
    "max_lines: 6\nstem_chars: 4\n";

/* Loads a vocabulary from text; expects the code at line:column (0: none). */
static void expect_vocab(const char *body, const char *code, unsigned line, unsigned column)
{
    gw_diagnostics *d = gw_diagnostics_create();
    gw_title_vocab *v = gw_title_vocab_load_memory("v.yaml", body, strlen(body), NULL, d);
    if (!code) CHECK_MSG(v && gw_diagnostics_count(d) == 0, "%s: refused", body);
    else CHECK_MSG(!v && has_diag(d, code, line, column), "%s: no %s at %u:%u", body, code, line, column);
    for (size_t i = 0; code && i < gw_diagnostics_count(d); i++) {
        const gw_diag *g = gw_diagnostics_get(d, i);
        if (!has_diag(d, code, line, column)) printf("  got %s %u:%u %s\n", g->code, g->line, g->column, g->message);
    }
    gw_title_vocab_destroy(v);
    gw_diagnostics_destroy(d);
}

static void test_vocab_errors(void)
{
    char buf[1024];
    expect_vocab(good_costs, NULL, 0, 0);
    expect_vocab("max_lines: 6\nstem_chars: 4\n", "E0850", 1, 1);                          /* no costs */
    snprintf(buf, sizeof buf, "%snames: [漳州市龙文区, \"\"]\n", good_costs);
    expect_vocab(buf, "E0850", 4, 17);                                                      /* an empty name */
    expect_vocab("costs: {word: -1, inside_word: 200, issuers: 0, name_parts: 1, balance: 1, shape: 30, extra_line: 1}\n"
                 "max_lines: 6\nstem_chars: 4\n", "E0850", 1, 15);                          /* a negative cost */
    expect_vocab("costs: {word: 1, inside_word: nan, issuers: 0, name_parts: 1, balance: 1, shape: 30, extra_line: 1}\n"
                 "max_lines: 6\nstem_chars: 4\n", "E0850", 1, 31);
    snprintf(buf, sizeof buf, "%s", good_costs);
    char *p = strstr(buf, "max_lines: 6");
    memcpy(p, "max_lines: 0", 12);
    expect_vocab(buf, "E0850", 2, 12);                                                      /* no lines */
    snprintf(buf, sizeof buf, "%sphrases:\n  - {pattern: '第[0-9+号'}\n", good_costs);
    expect_vocab(buf, "E0851", 5, 15);                                                      /* a broken pattern */
    snprintf(buf, sizeof buf, "%sphrases:\n  - {text: 关于, pattern: 关于}\n", good_costs);
    expect_vocab(buf, "E0850", 5, 5);                                                       /* text and pattern */
    snprintf(buf, sizeof buf, "%sphrases:\n  - {text: 关于, befor: 0}\n", good_costs);
    expect_vocab(buf, "E0852", 5, 16);                                                      /* did you mean before */
    snprintf(buf, sizeof buf, "%snmes: [湖里区]\n", good_costs);
    expect_vocab(buf, "E0852", 4, 1);                                                       /* did you mean names */
    snprintf(buf, sizeof buf, "%sphrases:\n  - {text: 关于, keep: yes}\n", good_costs);
    expect_vocab(buf, "E0850", 5, 22);
    expect_vocab("extends: [a]\n", "E0850", 1, 10);
    expect_vocab("extends: ./no-such-vocabulary.yaml\n", "E0002", 0, 0);
    gw_diagnostics *loop = gw_diagnostics_create();
    CHECK(!gw_title_vocab_load(source_path("tests/data/titles/loop.yaml"), NULL, loop) &&
          has_diag(loop, "E0853", 2, 10));
    gw_diagnostics_destroy(loop);
    /* the message names the suggestion, in Chinese too */
    gw_diagnostics *d = gw_diagnostics_create();
    gw_diagnostics_set_language(d, GW_LANG_ZH);
    snprintf(buf, sizeof buf, "%snmes: [湖里区]\n", good_costs);
    gw_title_vocab *v = gw_title_vocab_load_memory("v.yaml", buf, strlen(buf), NULL, d);
    const gw_diag *g = gw_diagnostics_get(d, 0);
    CHECK_MSG(!v && g && strstr(g->message, "names") && strstr(g->message, "是否应为"), "%s", g ? g->message : "none");
    gw_diagnostics_destroy(d);
}

/* A pattern that backtracks without end is cut off, said once, and the
 * title is still set. */
static void test_slow_pattern(void)
{
    char body[1024];
    snprintf(body, sizeof body, "%sphrases:\n  - {pattern: '(?:x+x+)+y', keep: true}\n", good_costs);
    gw_diagnostics *d = gw_diagnostics_create();
    gw_title_vocab *v = gw_title_vocab_load_memory("slow.yaml", body, strlen(body), NULL, d);
    CHECK(v != NULL);
    gw_title_params p = { v, NULL, 0 };
    const char *text = "关于进一步加强基层医疗卫生机构建设提升服务能力xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                       "的提案办理情况的答复";
    clock_t t0 = clock();
    span l[MAX_LINES];
    size_t n = v ? set_lines(&p, text, d, l) : 0;
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    CHECK_MSG(n >= 2 && secs < 2, "%zu lines in %.2f s", n, secs);
    CHECK_MSG(has_diag(d, "W0850", 1, 1), "no W0850 for a pattern that backtracks");
    gw_title_vocab_destroy(v);
    gw_diagnostics_destroy(d);
}

/* Without a vocabulary (gw_set_title) titles still break between words;
 * a title longer than max_lines lines is broken by the grid, quickly. */
static void test_bounds(void)
{
    gw_lines lines;
    gw_loc loc = { "title", 1, 1, "title", 0 };
    const char *one = "关于印发《公文处理办法》的通知";
    CHECK(gw_set_title(one, strlen(one), &style, WIDTH, loc, NULL, &lines) == GW_OK && lines.count == 1);
    gw_lines_free(&lines);
    const char *seed = "关于区政协九届四次会议第20253019号提案办理情况答复的函";     /* the ordinal whole */
    CHECK(gw_set_title(seed, strlen(seed), &style, WIDTH, loc, NULL, &lines) == GW_OK && lines.count == 2 &&
          memcmp(seed + lines.lines[1].text_start, "第", 3) == 0);
    gw_lines_free(&lines);
    const char *two = "关于进一步深化家庭医生签约服务系统提升基层医疗健康管理效能的实施意见";
    CHECK(gw_set_title(two, strlen(two), &style, WIDTH, loc, NULL, &lines) == GW_OK && lines.count == 2);
    for (size_t i = 0; i < lines.count; i++) CHECK(lines.lines[i].width <= WIDTH + 0.01);
    gw_lines_free(&lines);
    char text[8192] = "";
    while (strlen(text) + 64 < sizeof text) strcat(text, "关于进一步加强基层医疗卫生机构建设");
    clock_t t0 = clock();
    span l[MAX_LINES];
    gw_status st = gw_set_title_with(with_vocab(), text, strlen(text), &style, WIDTH, loc, NULL, &lines);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    CHECK_MSG(st == GW_OK && lines.count > 6 && secs < 2, "%zu lines in %.2f s", lines.count, secs);
    gw_lines_free(&lines);
    (void)l;
}

/* A character that joins the one before it (a format character such as
 * ZWJ or a soft hyphen, a variation selector, a combining mark) never
 * starts a line: it is set in its neighbour's font, and alone it may have
 * none (a fuzz-title finding: U+0600, then taken for such a character,
 * began the second line and the title failed without a word).  Each is
 * tried after every character of a title that needs two lines.  U+0600
 * itself is a visible sign no font of the map has: refused, and said. */
static void test_joining_characters(void)
{
    static const char *const joiners[] = { "\xC2\xAD", "\xE2\x80\x8D", "\xEF\xB8\x8F", "\xCC\x81" };
    const char *base = "关于区政协九届四次会议第1234BBBB号提案办理情况答复的函";
    gw_loc loc = { "title", 1, 1, "title", 0 };
    for (size_t j = 0; j < sizeof joiners / sizeof *joiners; j++) {
        for (size_t at = 1; base[at]; at++) {
            if (((unsigned char)base[at] & 0xC0) == 0x80) continue;
            char text[256];
            snprintf(text, sizeof text, "%.*s%s%s", (int)at, base, joiners[j], base + at);
            gw_lines lines;
            gw_diagnostics *d = gw_diagnostics_create();
            gw_status st = gw_set_title_with(with_vocab(), text, strlen(text), &style, WIDTH, loc, d, &lines);
            CHECK_MSG(st == GW_OK, "%s: status %d, %zu errors", text, (int)st, gw_diagnostics_errors(d));
            for (size_t i = 0; st == GW_OK && i < lines.count; i++) {
                size_t k = lines.lines[i].text_start;
                CHECK_MSG(!gw_char_joins_previous(gw_utf8_next(text, strlen(text), &k)),
                          "%s: line %zu starts with a joining character", text, i + 1);
            }
            if (st == GW_OK) gw_lines_free(&lines);
            gw_diagnostics_destroy(d);
        }
    }
    const char *sign = "关于区政协九届四次会议第1234BBBB\xD8\x80号提案办理情况答复的函";
    gw_lines lines;
    gw_diagnostics *d = gw_diagnostics_create();
    gw_status st = gw_set_title_with(with_vocab(), sign, strlen(sign), &style, WIDTH, loc, d, &lines);
    CHECK_MSG(st == GW_ERR_INPUT && gw_diagnostics_errors(d) == 1 &&
              strcmp(gw_diagnostics_get(d, 0)->code, "E0810") == 0, "U+0600: status %d", (int)st);
    if (st == GW_OK) gw_lines_free(&lines);
    gw_diagnostics_destroy(d);
}

int main(void)
{
    gw_diagnostics *d = gw_diagnostics_create();
    fonts = gw_fontset_load(source_path("fonts/fonts.yaml"), d);
    vocab = gw_title_vocab_load(source_path("templates/title-breaks.yaml"), NULL, d);
    CHECK(fonts != NULL);
    CHECK_MSG(vocab != NULL && gw_diagnostics_errors(d) == 0, "templates/title-breaks.yaml does not load");
    if (!fonts || !vocab) return check_summary();
    style = (gw_text_style){ gw_fontset_role(fonts, "xiaobiaosong"), gw_fontset_role(fonts, "latin"), 22, 22,
                             { 0, 0, 0, 0, 1 }, 0 };
    size_t name_count;
    char **names = read_names(&name_count);
    CHECK(name_count >= 20);
    test_corpus(names, name_count);
    test_names_everywhere(names, name_count);
    test_own_names();
    test_vocab_errors();
    test_slow_pattern();
    test_bounds();
    test_joining_characters();
    for (size_t i = 0; i < name_count; i++) free(names[i]);
    free(names);
    gw_title_vocab_destroy(vocab);
    gw_fontset_destroy(fonts);
    gw_diagnostics_destroy(d);
    return check_summary();
}
