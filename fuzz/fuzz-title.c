/* libFuzzer target: the title breaker (text/title*.c) with the built-in
 * vocabulary, templates/title-breaks.yaml, loaded once: the scored search,
 * the phrase rules and the name finder on arbitrary bytes.
 *
 * Input: the title, then, after each NUL byte, one more name kept whole
 * (the document's issuers, as the layout passes them).  A plain title is a
 * seed as it stands. */
#include "fonts/fontset.h"
#include "text/title.h"
#include "util/utf8.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NAMES 8

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static gw_fontset     *fonts;
static gw_title_vocab *vocab;
static gw_text_style   style;          /* 二号小标宋, as templates/file.yaml sets a title */
static const double    width = 156 * 72 / 25.4;

static void load_once(void)
{
    gw_diagnostics *d = gw_diagnostics_create();
    fonts = gw_fontset_load(GW_SOURCE_DIR "/fonts/fonts.yaml", d);
    vocab = gw_title_vocab_load(GW_SOURCE_DIR "/templates/title-breaks.yaml", GW_SOURCE_DIR, d);
    gw_diagnostics_destroy(d);
    if (!fonts || !vocab) abort();
    style = (gw_text_style){ gw_fontset_role(fonts, "xiaobiaosong"), gw_fontset_role(fonts, "latin"), 22, 22,
                             { 0, 0, 0, 0, 1 }, 0 };
}

/* Whether text[a, b) holds nothing but spaces (left out between lines). */
static int only_spaces(const char *text, size_t a, size_t b)
{
    while (a < b) {
        uint32_t c = gw_utf8_next(text, b, &a);
        if (c != ' ' && c != 0x3000) return 0;
    }
    return 1;
}

/* The lines cover the title in order, only spaces left out between them,
 * and none is wider than the measure. */
static void check(const char *text, size_t len, const gw_lines *lines)
{
    size_t at = 0;
    for (size_t i = 0; i < lines->count; i++) {
        const gw_line *l = &lines->lines[i];
        if (l->text_start < at || l->text_start > l->text_end || l->text_end > len) abort();
        if (!only_spaces(text, at, l->text_start) || l->width > width + 0.01) abort();
        at = l->text_end;
    }
    if (!only_spaces(text, at, len)) abort();
}

/* Splits data at each NUL: the title first, then the names.  A name that
 * is not UTF-8 is left out: a document's are checked before layout. */
static size_t split(char *buf, size_t size, const char **names, size_t *title_len)
{
    size_t n = 0;
    char *nul = memchr(buf, '\0', size);
    *title_len = nul ? (size_t)(nul - buf) : size;
    while (nul && n < MAX_NAMES) {
        char *name = nul + 1;
        nul = memchr(name, '\0', size - (size_t)(name - buf));
        if (gw_utf8_count(name, nul ? (size_t)(nul - name) : strlen(name)) >= 0) names[n++] = name;
    }
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!fonts) load_once();
    if (size > 4096) return 0;                  /* titles, not paragraphs */
    char *buf = malloc(size + 1);
    if (!buf) return 0;
    memcpy(buf, data, size);
    buf[size] = '\0';                           /* each name ends at a NUL */
    const char *names[MAX_NAMES];
    size_t len, count = split(buf, size, names, &len);
    gw_title_params params = { vocab, names, count };
    gw_diagnostics *d = gw_diagnostics_create();
    gw_loc loc = { "fuzz", 1, 1, "title", 0 };
    gw_lines lines;
    gw_status st = gw_set_title_with(&params, buf, len, &style, width, loc, d, &lines);
    if (st == GW_OK) {
        check(buf, len, &lines);
        gw_lines_free(&lines);
    } else if (st != GW_ERR_INPUT || gw_diagnostics_errors(d) == 0) {
        abort();                                /* refused only for its text, and said why */
    }
    gw_diagnostics_destroy(d);
    free(buf);
    return 0;
}
