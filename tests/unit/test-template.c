/* Templates: units, the four built-in formats' numbers (in points) against
 * GB/T 9704-2012, look-ups by name, extends:, and one broken template per
 * mistake with its exact code and place. */
#include "check.h"
#include "template/template.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MM (72.0 / 25.4)
#define NEAR(a, b) (fabs((a) - (b)) < 1e-6)

static void lengths(void)
{
    double v;
    CHECK(gw_parse_length("16pt", &v) && v == 16);
    CHECK(gw_parse_length("25.4mm", &v) && NEAR(v, 72));
    CHECK(gw_parse_length("1in", &v) && v == 72);
    CHECK(gw_parse_length("2.54cm", &v) && NEAR(v, 72));
    CHECK(!gw_parse_length("16", &v));          /* a unit is required */
    CHECK(!gw_parse_length("16px", &v));
    CHECK(!gw_parse_length("", &v));
    CHECK(!gw_parse_length("nanmm", &v) && !gw_parse_length("infpt", &v));
    CHECK(!gw_parse_length("1e300pt", &v) && !gw_parse_length("0x10pt", &v));
    CHECK(!gw_parse_length("2ch", &v));         /* grid units need a template */
    CHECK(!gw_parse_length("1.pt", &v) && !gw_parse_length(".5pt", &v));
}

/* A built-in name, or a path from the source folder. */
static gw_template *load(const char *name, gw_diagnostics *d)
{
    return gw_template_load(source_path(""), name, source_path(""), d);
}

static const gw_header_item *item(const gw_template *t, gw_header_kind kind)
{
    for (size_t i = 0; i < t->header_count; i++)
        if (t->header[i].kind == kind) return &t->header[i];
    return NULL;
}

/* What every format shares with 文件 (6.1, 6.2, 7.3, 7.5). */
static void common(const gw_template *t)
{
    CHECK(NEAR(t->page_width, 210 * MM) && NEAR(t->page_height, 297 * MM));
    CHECK(NEAR(t->type_top, 37 * MM) && NEAR(t->type_left, 28 * MM));
    CHECK_MSG(fabs(t->char_pitch - 15.793) < 0.0005, "pitch %f", t->char_pitch);
    CHECK_MSG(fabs(t->line_pitch - 28.99) < 0.005, "line pitch %f", t->line_pitch);
    CHECK(t->body.text && t->body.text->size == 16 && strcmp(t->body.text->role, "fangsong") == 0);
    CHECK(t->front.title && t->front.title->size == 22 && strcmp(t->front.title->role, "xiaobiaosong") == 0);
    CHECK(NEAR(t->body.indent, 2 * t->char_pitch));
    CHECK(t->body.heading[0] && strcmp(t->body.heading[0]->role, "heiti") == 0);
    CHECK(t->body.heading[1] && strcmp(t->body.heading[1]->role, "kaiti") == 0);
    CHECK(NEAR(t->footer.gap, 7 * MM) && t->footer.inset == 14 && t->footer.style->size == 14);
    CHECK(strcmp(t->footer.style->role, "songti") == 0 && strcmp(t->footer.format, "— {n} —") == 0);
    CHECK(NEAR(t->signature.right, 2 * t->char_pitch) && NEAR(t->signature.sealed_date_right, 4 * t->char_pitch));
    CHECK(NEAR(t->signature.seal_size, 42 * MM) && t->signature.seals_per_row == 3);
    CHECK(strcmp(t->attachments.label, "附件：") == 0 && strcmp(t->attachments.number_format, "{n}.") == 0);
    CHECK(strcmp(t->attachments.page_label, "附件{n}") == 0 && t->attachments.title_line == 3);
    CHECK(strcmp(t->colophon.cc_label, "抄送：") == 0 && strcmp(t->colophon.cc_end, "。") == 0);
    CHECK(strcmp(t->signature.note_open, "（") == 0 && strcmp(t->signature.note_close, "）") == 0);
    const gw_header_item *mark = item(t, GW_HEADER_MARK);
    CHECK(mark && mark->style && mark->style->color.cmyk && mark->style->color.m == 1 && mark->style->color.y == 1 &&
          mark->style->color.c == 0 && mark->style->color.k == 0 && mark->align == GW_ALIGN_CENTER);
}

static void file_format(const gw_template *t)
{
    CHECK(t->kind == GW_KIND_FILE && strcmp(t->name, "file") == 0);
    CHECK(gw_template_requires(t, "number") && gw_template_requires(t, "title") && !gw_template_requires(t, "cc"));
    CHECK(t->header_count == 5 && t->header[0].kind == GW_HEADER_FLAGS && NEAR(t->header[0].top, 37 * MM));
    const gw_header_item *mark = &t->header[1], *number = &t->header[2], *rule = &t->header[3];
    CHECK(mark->kind == GW_HEADER_MARK && mark->place == GW_PLACE_TOP && NEAR(mark->top, 72 * MM));
    CHECK(strcmp(mark->suffix, "文件") == 0 && mark->joint == GW_JOINT_STACK && mark->min_hscale == 0.7);
    CHECK(mark->style->size == 36);
    CHECK(number->kind == GW_HEADER_NUMBER && number->place == GW_PLACE_AFTER && NEAR(number->gap, 2 * t->line_pitch));
    CHECK(strcmp(number->signer_label, "签发人：") == 0 && number->signers_per_line == 2);
    CHECK(strcmp(number->signer_style->role, "kaiti") == 0 && NEAR(number->signer_inset, t->char_pitch));
    CHECK(rule->kind == GW_HEADER_RULE && NEAR(rule->gap, 4 * MM) && rule->rule == gw_template_rule(t, "header"));
    CHECK(rule->rule && NEAR(rule->rule->width, 156 * MM) && rule->rule->second == 0);
    CHECK(strcmp(t->header[4].reply_format, "{label}：{category}类") == 0);
    CHECK(t->colophon.outer && NEAR(t->colophon.outer->thickness, 0.35 * MM) && t->colophon.outer->color.k == 1);
    CHECK(t->colophon.inner && NEAR(t->colophon.inner->thickness, 0.25 * MM));
    CHECK(t->colophon.print && t->colophon.even_page && t->colophon.inset == 14);
    CHECK(strcmp(t->colophon.print_format, "{date}印发") == 0);
    CHECK(t->footer.first_page && !t->footer.first_page_rule);
    CHECK(t->front.has_title && t->front.title_gap_lines == 2 && t->front.to_gap_lines == 1);
    CHECK(t->file_count == 1);
}

static void letter_format(const gw_template *t)
{
    CHECK(t->kind == GW_KIND_LETTER && t->file_count == 2);      /* letter.yaml and file.yaml */
    const gw_header_item *mark = &t->header[0], *rule = &t->header[1], *flags = &t->header[2], *number = &t->header[3];
    CHECK(mark->kind == GW_HEADER_MARK && NEAR(mark->top, 30 * MM) && mark->style->size == 30);
    CHECK(strcmp(mark->style->role, "xiaobiaosong") == 0);      /* merged: only the size changed */
    CHECK(mark->suffix[0] == '\0' && mark->joint == GW_JOINT_LEAD);
    CHECK(rule->rule && NEAR(rule->rule->width, 170 * MM) && rule->rule->thickness == 1.5 && rule->rule->second == 0.75);
    CHECK(flags->kind == GW_HEADER_FLAGS && flags->place == GW_PLACE_AFTER && flags->gap == 14);   /* 7/8 of 16 pt */
    CHECK(number->kind == GW_HEADER_NUMBER && number->place == GW_PLACE_WITH_PREVIOUS && number->align == GW_ALIGN_RIGHT);
    const gw_rule_spec *bottom = t->footer.first_page_rule;
    CHECK(bottom && bottom->thickness == 0.75 && bottom->second == 1.5 && NEAR(t->footer.first_page_rule_bottom, 20 * MM));
    CHECK(!t->footer.first_page && !t->colophon.print && !t->colophon.outer && !t->colophon.inner);
    CHECK(!t->colophon.even_page && gw_template_requires(t, "number"));
}

static void order_format(const gw_template *t)
{
    CHECK(t->kind == GW_KIND_ORDER && gw_template_requires(t, "number") && !gw_template_requires(t, "title"));
    const gw_header_item *mark = item(t, GW_HEADER_MARK), *number = item(t, GW_HEADER_NUMBER);
    CHECK(mark && NEAR(mark->top, 57 * MM) && strcmp(mark->suffix, "命令") == 0);     /* 37 + 20 mm */
    CHECK(number && NEAR(number->gap, 2 * t->line_pitch) && number->align == GW_ALIGN_CENTER);
    CHECK(!item(t, GW_HEADER_RULE));                            /* no red separator */
    CHECK(!t->front.has_title && t->front.body_gap_lines == 2);
    CHECK(NEAR(t->signature.person_right, 4 * t->char_pitch) && t->signature.person_gap_lines == 2);
    CHECK(NEAR(t->signature.person_title_gap, 2 * t->char_pitch) && t->signature.person_date_gap_lines == 1);
}

static void minutes_format(const gw_template *t)
{
    CHECK(t->kind == GW_KIND_MINUTES && t->requires_count == 0);
    const gw_header_item *mark = item(t, GW_HEADER_MARK);
    CHECK(mark && NEAR(mark->top, 72 * MM) && strcmp(mark->suffix, "纪要") == 0);
    CHECK(strcmp(t->attendance.present_label, "出席：") == 0 && strcmp(t->attendance.absent_label, "请假：") == 0);
    CHECK(strcmp(t->attendance.attending_label, "列席：") == 0 && t->attendance.gap_lines == 1);
    CHECK(strcmp(t->attendance.label_style->role, "heiti") == 0 && t->attendance.names_style == t->body.text);
    CHECK(NEAR(t->attendance.indent, 2 * t->char_pitch));
}

static void builtin(const char *name, void (*check)(const gw_template *))
{
    gw_diagnostics *d = gw_diagnostics_create();
    gw_template *t = load(name, d);
    CHECK_MSG(t != NULL, "template %s does not load", name);
    CHECK_MSG(gw_diagnostics_count(d) == 0, "template %s: %s", name,
              gw_diagnostics_count(d) ? gw_diagnostics_get(d, 0)->message : "");
    if (t) {
        common(t);
        check(t);
    }
    gw_template_destroy(t);
    gw_diagnostics_destroy(d);
}

static void lookups(void)
{
    gw_diagnostics *d = gw_diagnostics_create();
    gw_template *t = load("file", d);
    CHECK(t != NULL);
    if (t) {
        CHECK(gw_template_style(t, "body") == t->body.text && !gw_template_style(t, "bodyy"));
        CHECK(gw_template_rule(t, "colophon_outer") == t->colophon.outer && !gw_template_rule(t, "body"));
        CHECK(NEAR(gw_style_pitch(t, t->body.heading[0]), t->char_pitch));
        CHECK(NEAR(gw_style_pitch(t, t->colophon.style), t->char_pitch * 14 / 16));   /* grid: true, 四号 */
        CHECK(gw_style_pitch(t, t->front.title) == 22);                             /* off the grid */
        CHECK(t->header[1].src.line > 0 && strstr(t->header[1].src.file, "file.yaml"));
    }
    gw_template_destroy(t);
    gw_diagnostics_destroy(d);
}

/* office.yaml overrides two values of file; office-child.yaml one more. */
static void extends(void)
{
    gw_diagnostics *d = gw_diagnostics_create();
    gw_template *t = load("tests/data/templates/office-child.yaml", d);
    CHECK_MSG(t != NULL, "office-child.yaml does not load: %s", gw_diagnostics_count(d) ? gw_diagnostics_get(d, 0)->message : "");
    if (t) {
        const gw_style *mark = gw_template_style(t, "mark");
        CHECK(strcmp(t->name, "office-child") == 0 && t->file_count == 3);
        CHECK(mark && mark->size == 32 && strcmp(mark->role, "xiaobiaosong") == 0 && mark->color.cmyk);
        CHECK(NEAR(t->footer.gap, 8 * MM) && NEAR(t->footer.inset, t->char_pitch));
        CHECK(strcmp(t->footer.format, "— {n} —") == 0 && t->header_count == 5);
        CHECK(strstr(t->header[0].src.file, "templates/file.yaml") != NULL);   /* inherited: its own place */
    }
    gw_template_destroy(t);
    gw_diagnostics_destroy(d);
}

typedef struct broken {
    const char *file;       /* under tests/data/templates/ */
    const char *code;
    unsigned    line, column;
    const char *path;
    const char *where;      /* the file the place is in, when not file itself */
} broken;

static const broken broken_templates[] = {
    { "unknown-key.yaml", "E0907", 4, 3, "front.title_gap_line", NULL },
    { "unknown-top-key.yaml", "E0907", 2, 1, "stlyes", NULL },
    { "bad-unit.yaml", "E0902", 3, 8, "footer.gap", NULL },
    { "no-unit.yaml", "E0902", 3, 8, "footer.gap", NULL },
    { "nan.yaml", "E0902", 3, 8, "footer.gap", NULL },
    { "infinite.yaml", "E0902", 3, 10, "footer.inset", NULL },
    { "exponent.yaml", "E0902", 3, 16, "styles.body.size", NULL },
    { "too-many-digits.yaml", "E0902", 3, 14, "signature.seal_size", NULL },
    { "too-far.yaml", "E0912", 3, 8, "footer.gap", NULL },
    { "negative.yaml", "E0912", 3, 14, "signature.seal_size", NULL },
    { "huge-count.yaml", "E0904", 3, 20, "front.title_gap_lines", NULL },
    { "many-lines.yaml", "E0912", 3, 17, "front.to_gap_lines", NULL },
    { "ratio.yaml", "E0912", 9, 17, "header[0].min_hscale", NULL },
    { "title-line.yaml", "E0912", 3, 15, "attachments.title_line", NULL },
    { "bad-kind.yaml", "E0909", 2, 7, "kind", NULL },
    { "bad-align.yaml", "E0909", 6, 12, "header[0].align", NULL },
    { "bad-item.yaml", "E0909", 3, 11, "header[0].item", NULL },
    { "unknown-style.yaml", "E0910", 3, 10, "front.title", NULL },
    { "unknown-rule.yaml", "E0911", 3, 10, "colophon.outer", NULL },
    { "not-here.yaml", "E0908", 7, 5, "header[0].style", NULL },
    { "place-lacks-top.yaml", "E0900", 3, 5, "header[0].top", NULL },
    { "first-item.yaml", "E0924", 3, 5, "header[0].place", NULL },
    { "cycle-a.yaml", "E0914", 2, 10, "extends", "cycle-b.yaml" },
    { "self.yaml", "E0914", 1, 10, "extends", NULL },
    { "extends-missing.yaml", "E0927", 1, 10, "extends", NULL },
    { "format-twice.yaml", "E0917", 3, 11, "footer.format", NULL },
    { "format-unknown.yaml", "E0917", 3, 11, "footer.format", NULL },
    { "label-placeholder.yaml", "E0917", 3, 13, "colophon.cc_label", NULL },
    { "stray-brace.yaml", "E0917", 3, 16, "contacts.pair_format", NULL },
    { "format-long.yaml", "E0918", 3, 13, "colophon.cc_label", NULL },
    { "grid-unit.yaml", "E0913", 3, 8, "type_area.top", NULL },
    { "type-area.yaml", "E0906", 3, 8, "type_area", NULL },
    { "requires.yaml", "E0923", 2, 12, "requires[0]", NULL },
    { "duplicate.yaml", "E0920", 4, 3, "footer.gap", NULL },
    { "bidi.yaml", "E0014", 3, 11, "front.to_end", NULL },
    { "tag.yaml", "E0018", 3, 11, "front.to_end", NULL },
    { "bad-colour.yaml", "E0903", 3, 19, "rules.header.color", NULL },
    { "wrong-kind.yaml", "E0919", 2, 9, "styles", NULL },
    { "bool.yaml", "E0922", 3, 15, "footer.first_page", NULL },
    { "lacks.yaml", "E0900", 1, 1, "type_area", NULL },
    { "rule-too-wide.yaml", "E0912", 3, 19, "rules.header.width", NULL },
};

static int ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);
    return n >= m && strcmp(s + n - m, tail) == 0;
}

static void broken_one(const broken *b)
{
    char name[256];
    snprintf(name, sizeof name, "tests/data/templates/%s", b->file);
    gw_diagnostics *d = gw_diagnostics_create();
    gw_template *t = load(name, d);
    CHECK_MSG(t == NULL, "%s loads", b->file);
    const gw_diag *g = gw_diagnostics_get(d, 0);
    CHECK_MSG(g && strcmp(g->code, b->code) == 0 && g->line == b->line && g->column == b->column &&
                  strcmp(g->path, b->path) == 0 && ends_with(g->file, b->where ? b->where : b->file),
              "%s: want %s at %u:%u [%s], got %s at %s:%u:%u [%s] %s", b->file, b->code, b->line, b->column, b->path,
              g ? g->code : "nothing", g ? g->file : "", g ? g->line : 0, g ? g->column : 0, g ? g->path : "",
              g ? g->message : "");
    gw_template_destroy(t);
    gw_diagnostics_destroy(d);
}

/* The first diagnostic loading name gives, its code checked. */
static void refused(const char *name, const char *code, const char *what)
{
    gw_diagnostics *d = gw_diagnostics_create();
    gw_template *t = gw_template_load(source_path(""), name, "/", d);
    const gw_diag *g = gw_diagnostics_get(d, 0);
    CHECK_MSG(!t && g && strcmp(g->code, code) == 0, "%s: want %s, got %s %s", what, code, g ? g->code : "nothing",
              g ? g->message : "");
    gw_template_destroy(t);
    gw_diagnostics_destroy(d);
}

/* A FIFO or a folder as the template: refused at once, never waited on
 * (main's alarm turns a hang into a failure). */
static void not_regular(void)
{
    char dir[] = "/tmp/gw-template-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char fifo[64];
    snprintf(fifo, sizeof fifo, "%s/fifo.yaml", dir);
    CHECK(mkfifo(fifo, 0600) == 0);
    refused(fifo, "E0916", "a FIFO");
    refused(dir, "E0916", "a folder");
    unlink(fifo);
    rmdir(dir);
}

/* t0.yaml extends t1.yaml ... extends file: refused past 8 deep. */
static void too_deep(void)
{
    char dir[] = "/tmp/gw-template-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[10][80];
    for (int i = 0; i < 10; i++) {
        snprintf(path[i], sizeof path[i], "%s/t%d.yaml", dir, i);
        FILE *f = fopen(path[i], "w");
        CHECK(f != NULL);
        if (!f) continue;
        if (i < 9) fprintf(f, "extends: ./t%d.yaml\n", i + 1);
        else fprintf(f, "extends: file\n");
        fclose(f);
    }
    refused(path[0], "E0915", "a chain of 11 templates");
    gw_diagnostics *d = gw_diagnostics_create();
    gw_template *t = gw_template_load(source_path(""), path[4], "/", d);   /* 6 deep: fine */
    CHECK_MSG(t != NULL && t->file_count == 7, "a chain of 6 templates: %s",
              gw_diagnostics_count(d) ? gw_diagnostics_get(d, 0)->message : "");
    gw_template_destroy(t);
    gw_diagnostics_destroy(d);
    for (int i = 0; i < 10; i++) unlink(path[i]);
    rmdir(dir);
}

static void memory(void)
{
    gw_diagnostics *d = gw_diagnostics_create();
    const char *text = "extends: file\nname: mem\nbody: {indent: 1.5ch}\n";
    gw_template *t = gw_template_load_memory(source_path(""), "mem.yaml", text, strlen(text), ".", d);
    CHECK(t && strcmp(t->name, "mem") == 0 && NEAR(t->body.indent, 1.5 * t->char_pitch));
    gw_template_destroy(t);
    gw_diagnostics_destroy(d);

    /* 300 styles: more entries than one mapping may hold */
    char *big = malloc(300 * 40 + 64);
    size_t n = (size_t)sprintf(big, "extends: file\nstyles:\n");
    for (int i = 0; i < 300; i++) n += (size_t)sprintf(big + n, "  s%d: {role: fangsong, size: 16pt}\n", i);
    d = gw_diagnostics_create();
    t = gw_template_load_memory(source_path(""), "big.yaml", big, n, ".", d);
    const gw_diag *g = gw_diagnostics_get(d, 0);
    CHECK_MSG(!t && g && strcmp(g->code, "E0921") == 0 && g->line == 3, "300 styles: %s", g ? g->code : "nothing");
    gw_template_destroy(t);
    gw_diagnostics_destroy(d);
    free(big);
}

int main(void)
{
    alarm(60);
    lengths();
    builtin("file", file_format);
    builtin("letter", letter_format);
    builtin("order", order_format);
    builtin("minutes", minutes_format);
    lookups();
    extends();
    for (size_t i = 0; i < sizeof broken_templates / sizeof *broken_templates; i++) broken_one(&broken_templates[i]);
    not_regular();
    too_deep();
    memory();
    refused("tests/data/templates/no-such.yaml", "E0002", "a missing file");
    return check_summary();
}
