/* libFuzzer target: a title vocabulary file's bytes through its loader
 * (text/title-vocab.c: YAML, costs, lists, phrase rules compiled by ICU,
 * extends: of templates/title-breaks.yaml), and what loads set on a few
 * titles, so that the costs, names and patterns a file may hold all reach
 * the breaker.  Whatever loads holds bounded numbers; a refusal says why
 * and where. */
#include "fonts/fontset.h"
#include "text/title.h"
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static gw_fontset   *fonts;
static gw_text_style style;            /* 二号小标宋 */
static const double  width = 156 * 72 / 25.4;

/* One title of each kind the vocabulary has rules for. */
static const char *const titles[] = {
    "关于区政协九届四次会议第20253019号提案办理情况答复的函",
    "厦门市财政局 厦门市卫生健康委员会关于下达2025年基本公共卫生服务项目补助资金的通知",
    "福州市晋安区卫生健康局 福州市晋安区财政局关于印发《晋安区基本公共卫生服务补助资金管理实施办法（暂行）》的通知",
};

static void load_fonts(void)
{
    gw_diagnostics *d = gw_diagnostics_create();
    fonts = gw_fontset_load(GW_SOURCE_DIR "/fonts/fonts.yaml", d);
    gw_diagnostics_destroy(d);
    if (!fonts) abort();
    style = (gw_text_style){ gw_fontset_role(fonts, "xiaobiaosong"), gw_fontset_role(fonts, "latin"), 22, 22,
                             { 0, 0, 0, 0, 1 }, 0 };
}

static void bounded(double v)
{
    if (!isfinite(v) || v < 0 || v > 1e6) abort();
}

/* The loader's promises about what it returns. */
static void check_loaded(const gw_title_vocab *v)
{
    const gw_title_costs *k = &v->costs;
    bounded(k->word + k->inside_word + k->issuers + k->name_parts + k->balance + k->shape + k->extra_line);
    if (v->max_lines < 1 || v->max_lines > GW_TITLE_MAX_LINES || v->stem_chars < 0 || !v->path) abort();
    for (size_t i = 0; i < v->rule_count; i++)
        if (!v->rules[i].text == !v->rules[i].pattern) abort();
}

static void set_titles(const gw_title_vocab *v, gw_diagnostics *d)
{
    gw_title_params p = { v, NULL, 0 };
    gw_loc loc = { "fuzz", 1, 1, "title", 0 };
    for (size_t i = 0; i < sizeof titles / sizeof *titles; i++) {
        gw_lines lines;
        if (gw_set_title_with(&p, titles[i], strlen(titles[i]), &style, width, loc, d, &lines) != GW_OK) abort();
        if (lines.count == 0 || lines.lines[lines.count - 1].text_end != strlen(titles[i])) abort();
        gw_lines_free(&lines);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!fonts) load_fonts();
    gw_diagnostics *d = gw_diagnostics_create();
    gw_title_vocab *v = gw_title_vocab_load_memory("fuzz.yaml", (const char *)data, size, GW_SOURCE_DIR, d);
    for (size_t i = 0; i < gw_diagnostics_count(d); i++) {      /* every diagnostic says what and where */
        const gw_diag *g = gw_diagnostics_get(d, i);
        if (!g->code[0] || !g->message[0] || !g->file[0]) abort();
    }
    if (!v && gw_diagnostics_errors(d) == 0) abort();            /* a refusal always says why */
    if (v) {
        check_loaded(v);
        set_titles(v, d);
    }
    gw_title_vocab_destroy(v);
    gw_diagnostics_destroy(d);
    return 0;
}
