/* libFuzzer target: the text engine with arbitrary bytes as text (random
 * Unicode, broken UTF-8, marks in every order), set as a justified body
 * paragraph, as a single line and as a title. */
#include "fonts/fontset.h"
#include "text/lines.h"
#include "text/title.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static gw_fontset *fonts;
static gw_text_style body, title;

static void load_fonts(void)
{
    gw_diagnostics *d = gw_diagnostics_create();
    fonts = gw_fontset_load(GW_SOURCE_DIR "/fonts/fonts.yaml", d);
    gw_diagnostics_destroy(d);
    if (!fonts) abort();
    double pitch = 156 * 72 / 25.4 / 28;
    body = (gw_text_style){ gw_fontset_role(fonts, "fangsong"), gw_fontset_role(fonts, "latin"), 16, pitch,
                            { 0, 0, 0, 0, 1 }, 0 };
    title = (gw_text_style){ gw_fontset_role(fonts, "xiaobiaosong"), gw_fontset_role(fonts, "latin"), 22, 22,
                             { 0, 0, 0, 0, 1 }, 0 };
}

/* Every line of a result lies inside the text and, when justified, is no
 * wider than the measure. */
static void check(const gw_lines *lines, size_t len, double width)
{
    for (size_t i = 0; i < lines->count; i++) {
        const gw_line *l = &lines->lines[i];
        if (l->text_start > l->text_end || l->text_end > len) abort();
        if (l->fills && l->start + l->width > width + 0.5) abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!fonts) load_fonts();
    if (size > 4096) return 0;                  /* paragraphs, not books */
    const char *text = (const char *)data;
    gw_diagnostics *d = gw_diagnostics_create();
    gw_loc loc = { "fuzz", 1, 1, "", 0 };
    gw_span span = { 0, size, &body };
    body.latin_gap = size & 1 ? 4 : 0;
    gw_measure m = { 442.2, 2 * body.pitch, 1 };
    gw_lines lines;
    if (gw_set_text(text, size, &span, 1, &m, loc, d, &lines) == GW_OK) {
        check(&lines, size, m.width);
        gw_lines_free(&lines);
    }
    if (gw_set_plain(text, size, &body, 1e9, 0, loc, d, &lines) == GW_OK) gw_lines_free(&lines);
    if (gw_set_title(text, size, &title, 442.2, loc, d, &lines) == GW_OK) {
        check(&lines, size, 442.2);
        gw_lines_free(&lines);
    }
    gw_diagnostics_destroy(d);
    return 0;
}
