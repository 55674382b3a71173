/* 正文: each paragraph a block that may break between any two lines; a
 * heading a block kept with the next line, with a bookmark; a page break
 * makes the next block start a page. */
#include "layout/stages.h"
#include "layout/setting.h"
#include "util/grow.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct body_styles {
    gw_text_style text, emphasis, heading[4];
} body_styles;

static int styles_of(lay_ctx *L, body_styles *s)
{
    const gw_body_spec *b = &L->t->body;
    if (!lay_text_style(L, b->text, &s->text) || !lay_text_style(L, b->emphasis, &s->emphasis)) return 0;
    for (int i = 0; i < 4; i++)
        if (!lay_text_style(L, b->heading[i], &s->heading[i])) return 0;
    return 1;
}

static int add_span(gw_span **spans, size_t *n, size_t start, size_t end, const gw_text_style *st)
{
    if (start >= end) return 1;
    if (!gw_grow(spans, *n, sizeof **spans)) return 0;
    (*spans)[(*n)++] = (gw_span){ start, end, st };
    return 1;
}

/* The spans of one block: the heading's font up to the end of a run-in
 * heading, the body font after it, the emphasis font over **…**.  The
 * emphasis spans are in order and do not overlap, so one pass does. */
static gw_span *block_spans(const gw_block *b, const body_styles *s, size_t *count)
{
    size_t len = strlen(b->text), n = 0, at = 0;
    size_t run_in = b->kind == GW_BLOCK_HEADING ? b->run_in : 0;
    int level = b->kind == GW_BLOCK_HEADING && b->level >= 1 && b->level <= 4 ? b->level : 0;
    const gw_text_style *head = level ? &s->heading[level - 1] : &s->text;
    gw_span *spans = NULL;
    int ok = 1;
    for (size_t e = 0; ok && e <= b->emphasis_count; e++) {
        size_t stop = e < b->emphasis_count ? b->emphasis[e].start : len;
        /* plain text up to the next emphasis: heading font before run_in */
        if (at < run_in) ok = add_span(&spans, &n, at, stop < run_in ? stop : run_in, head);
        if (ok) ok = add_span(&spans, &n, at > run_in ? at : run_in, stop, &s->text);
        if (ok && e < b->emphasis_count) ok = add_span(&spans, &n, stop, b->emphasis[e].end, &s->emphasis);
        at = e < b->emphasis_count ? b->emphasis[e].end : len;
    }
    if (!ok || !n) { free(spans); spans = NULL; n = 0; }
    *count = n;
    return spans;
}

/* A heading is a block of its own, kept with what follows, unless it runs
 * on into body text (a run-in heading is a paragraph). */
static int is_pure_heading(const gw_block *b)
{
    return b->kind == GW_BLOCK_HEADING && b->run_in >= strlen(b->text);
}

static void bookmark(lay_ctx *L, lay_block *lb, const gw_block *b)
{
    size_t len = b->run_in < strlen(b->text) ? b->run_in : strlen(b->text);
    char *title = malloc(len + 1);
    if (title) { memcpy(title, b->text, len); title[len] = '\0'; }
    if (!title || !lay_block_add_mark(lb, 0, title, b->level)) lay_fail(L, GW_ERR_NOMEM);
    free(title);
}

static void text_block(lay_ctx *L, const gw_block *b, const body_styles *s, int new_page, const char *path,
                       lay_blocks *out)
{
    size_t n = 0;
    gw_span *spans = block_spans(b, s, &n);
    lay_block *lb = spans ? lay_blocks_add(out) : NULL;
    if (!lb) { free(spans); if (*b->text) lay_fail(L, GW_ERR_NOMEM); return; }
    lb->new_page = new_page;
    lb->split = !is_pure_heading(b);
    lb->keep_with_next = is_pure_heading(b);
    if (b->kind == GW_BLOCK_HEADING) bookmark(L, lb, b);
    const gw_template *t = L->t;
    long rows = lay_text_rows(L, lb, 0, b->text, spans, n, &s->text, t->type_left, t->type_width, t->body.indent, 1,
                              lay_loc(L, b->src, path, b->verbatim));
    free(spans);
    if (rows > 0) lay_count_rows(L, rows);
}

void lay_body(lay_ctx *L, const gw_block *blocks, size_t count, const char *path, lay_blocks *out)
{
    body_styles s;
    if (!styles_of(L, &s)) return;
    int new_page = 0;
    for (size_t i = 0; i < count && lay_ok(L); i++) {
        const gw_block *b = &blocks[i];
        char where[64];
        snprintf(where, sizeof where, "%s[%zu]", path, i);
        switch (b->kind) {
        case GW_BLOCK_PAGE_BREAK:
            new_page = 1;
            break;
        case GW_BLOCK_PARAGRAPH:
        case GW_BLOCK_HEADING:
            text_block(L, b, &s, new_page, where, out);
            new_page = 0;
            break;
        }
    }
}
