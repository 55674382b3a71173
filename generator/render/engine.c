/* The public API: an engine holding fonts and data folder, and rendering. */
#include "gongwen.h"
#include "document/document.h"
#include "fonts/fontset.h"
#include "layout/layout.h"
#include "pdf/pdf.h"
#include "template/template.h"
#include "util/output.h"
#include "util/messages.h"
#include "render/engine-internal.h"
#include "render/data-dir.h"
#include "render/template-cache.h"
#include "util/profile.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Immutable once created, but for the template cache (which locks): one
 * engine may render documents from any number of threads at once. */
struct gw_engine {
    char              *data_dir;
    gw_data_dir_source data_dir_source;
    gw_fontset        *fonts;
    gw_title_vocab    *titles;     /* templates/title-breaks.yaml */
    gw_template_cache *templates;
};

/* Out of memory ends the run, and is said (E0006) once, whichever stage
 * ran out: layout and the PDF writer return GW_ERR_NOMEM without a word,
 * and a loader that said E0006 may still have returned something. */
static gw_status said(gw_status st, gw_diagnostics *diags, size_t before)
{
    for (size_t i = before; i < gw_diagnostics_count(diags); i++)
        if (strcmp(gw_diagnostics_get(diags, i)->code, "E0006") == 0) return GW_ERR_NOMEM;
    if (st == GW_ERR_NOMEM) gw_report(diags, gw_loc_file(""), GW_MSG_NO_MEMORY);
    return st;
}

const char *gw_version(void) { return GW_VERSION; }

void gw_render_options_init(gw_render_options *o) { o->source_date_epoch = -1; }

gw_status gw_engine_create(const gw_engine_options *options, gw_diagnostics *diags, gw_engine **out)
{
    *out = NULL;
    size_t before = gw_diagnostics_count(diags);
    gw_engine *e = calloc(1, sizeof *e);
    if (!e) return said(GW_ERR_NOMEM, diags, before);
    e->data_dir = gw_data_dir_find(options ? options->data_dir : NULL, &e->data_dir_source);
    char fonts[4096];
    if (options && options->fonts_file) snprintf(fonts, sizeof fonts, "%s", options->fonts_file);
    else snprintf(fonts, sizeof fonts, "%s/fonts/fonts.yaml", e->data_dir ? e->data_dir : ".");
    if (e->data_dir && access(fonts, R_OK) != 0) {      /* not gongwen's data folder: say how to set it */
        gw_report(diags, gw_loc_file(fonts), GW_MSG_DATA_DIR, e->data_dir);
        gw_engine_destroy(e);
        return GW_ERR_IO;
    }
    e->fonts = e->data_dir ? gw_fontset_load_with(fonts, options ? options->font_path : NULL, diags) : NULL;
    char titles[4096];
    snprintf(titles, sizeof titles, "%s/templates/title-breaks.yaml", e->data_dir ? e->data_dir : ".");
    e->titles = e->fonts ? gw_title_vocab_load(titles, e->data_dir, diags) : NULL;
    e->templates = e->titles ? gw_template_cache_create(e->data_dir) : NULL;
    if (!e->fonts || !e->titles || !e->templates) {
        gw_status st = e->data_dir && e->titles ? GW_ERR_NOMEM : e->data_dir ? GW_ERR_FONT : GW_ERR_NOMEM;
        gw_engine_destroy(e);
        return said(st, diags, before);
    }
    *out = e;
    return GW_OK;
}

void gw_engine_destroy(gw_engine *e)
{
    if (!e) return;
    gw_fontset_destroy(e->fonts);
    gw_template_cache_destroy(e->templates);
    gw_title_vocab_destroy(e->titles);
    free(e->data_dir);
    free(e);
}

/* Days from 1970-01-01 to a proleptic Gregorian date. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The document's date at midnight, China Standard Time (UTC+8); -1 for a
 * document without a date (minutes may have none). */
static int64_t document_epoch(const gw_document *d)
{
    if (!d->date) return -1;
    return days_from_civil(d->year, d->month, d->day) * 86400 - 8 * 3600;
}

/* A document read against its template and laid out: what rendering,
 * checking and dumping share. */
typedef struct laid_out {
    gw_engine       *engine;
    gw_diagnostics  *diags;
    gw_document     *doc;
    const gw_template *template;    /* the engine's (template-cache.h) */
    gw_display_list *list;
} laid_out;

static void laid_out_free(laid_out *l)
{
    gw_display_list_destroy(l->list);
    gw_document_destroy(l->doc);
}

/* The document validator's question: which template, and what does it
 * need?  The template is kept for the layout. */
static int find_format(void *user, const char *name, const char *base_dir, gw_format *format)
{
    laid_out *l = user;
    l->template = gw_template_cache_get(l->engine->templates, name, base_dir, l->diags);
    if (!l->template) return 0;
    format->kind = (gw_format_kind)l->template->kind;
    format->requires = (const char *const *)l->template->requires;
    format->requires_count = l->template->requires_count;
    return 1;
}

/* Reads a document (from a file, or from memory when data is given) and
 * validates it against its template.  GW_ERR_INPUT when it has errors. */
static gw_status read_document(gw_engine *e, const char *path, const char *data, size_t len,
                               gw_diagnostics *diags, laid_out *out)
{
    memset(out, 0, sizeof *out);
    out->engine = e;
    out->diags = diags;
    size_t errors = 0;
    uint64_t start = gw_profile_clock();
    out->doc = data ? gw_document_read_memory_for(path, ".", data, len, find_format, out, diags, &errors)
                    : gw_document_read_for(path, find_format, out, diags, &errors);
    gw_profile_since(GW_STAGE_LOAD, start);
    if (!out->doc || errors || !out->template) return GW_ERR_INPUT;
    return GW_OK;
}

static gw_status lay_out(gw_engine *e, const char *path, const char *data, size_t len, gw_diagnostics *diags,
                         laid_out *out)
{
    gw_status st = read_document(e, path, data, len, diags, out);
    if (st != GW_OK) return st;
    uint64_t start = gw_profile_clock();
    st = gw_layout(out->doc, out->template, &(gw_layout_env){ e->fonts, e->titles }, diags, &out->list);
    gw_profile_since(GW_STAGE_LAYOUT, start);
    return st;
}

static gw_status render_document(gw_engine *e, const char *path, const char *data, size_t len,
                                 const gw_render_options *options, gw_diagnostics *diags, gw_rendered *out)
{
    gw_render_options defaults;
    gw_render_options_init(&defaults);
    if (!options) options = &defaults;
    memset(out, 0, sizeof *out);
    size_t before = gw_diagnostics_count(diags);
    laid_out l;
    gw_status st = lay_out(e, path, data, len, diags, &l);
    if (st == GW_OK) {
        const gw_document *doc = l.doc;
        gw_pdf_info info = { doc->title, doc->issuer, doc->number,
                             options->source_date_epoch >= 0 ? options->source_date_epoch : document_epoch(doc) };
        out->pages = l.list->page_count;
        uint64_t start = gw_profile_clock();
        st = gw_pdf_write(l.list, &info, diags, &out->pdf, &out->len);
        gw_profile_since(GW_STAGE_PDF, start);
    }
    laid_out_free(&l);
    if (st != GW_OK) {
        free(out->pdf);
        memset(out, 0, sizeof *out);
    }
    return said(st, diags, before);
}

gw_status gw_render_document(gw_engine *e, const char *input, const gw_render_options *options,
                             gw_diagnostics *diags, gw_rendered *out)
{
    return render_document(e, input, NULL, 0, options, diags, out);
}

gw_status gw_render_to_memory(gw_engine *e, const char *input, const gw_render_options *options,
                              gw_diagnostics *diags, unsigned char **pdf, size_t *pdf_len)
{
    gw_rendered r;
    gw_status st = render_document(e, input, NULL, 0, options, diags, &r);
    *pdf = r.pdf;
    *pdf_len = r.len;
    return st;
}

gw_status gw_render_buffer(gw_engine *e, const char *name, const char *yaml, size_t len,
                           const gw_render_options *options, gw_diagnostics *diags,
                           unsigned char **pdf, size_t *pdf_len)
{
    gw_rendered r;
    gw_status st = render_document(e, name, yaml ? yaml : "", len, options, diags, &r);
    *pdf = r.pdf;
    *pdf_len = r.len;
    return st;
}

/* Copies what layout said into diags, less the font substitutions (which
 * are this machine's, not the document's: `check --layout` shows them). */
static void keep_document_problems(const gw_diagnostics *from, gw_diagnostics *to)
{
    for (size_t i = 0; i < gw_diagnostics_count(from); i++) {
        const gw_diag *d = gw_diagnostics_get(from, i);
        if (strcmp(d->code, "W0811") == 0) continue;
        gw_loc loc = { d->file, d->line, d->column, d->path, 0 };
        gw_diag_add(to, d->severity, d->code, loc, "%s", d->message);
    }
}

gw_status gw_check_file(gw_engine *e, const char *input, int flags, gw_diagnostics *diags)
{
    return gw_check_buffer(e, input, NULL, 0, flags, diags);
}

gw_status gw_check_buffer(gw_engine *e, const char *name, const char *yaml, size_t len, int flags,
                          gw_diagnostics *diags)
{
    laid_out l;
    gw_status st = read_document(e, name, yaml, len, diags, &l);
    if (st == GW_OK && (flags & GW_CHECK_LAYOUT)) {
        st = gw_layout(l.doc, l.template, &(gw_layout_env){ e->fonts, e->titles }, diags, &l.list);
        int colophon = l.doc->cc_names.count || l.doc->print_by || l.doc->print_date;
        if (st == GW_OK) st = gw_layout_verify(l.list, l.template, colophon, l.doc->path, diags);
    } else if (st == GW_OK) {
        gw_diagnostics *layout_said = gw_diagnostics_create();
        if (!layout_said) st = GW_ERR_NOMEM;
        else {
            gw_diagnostics_set_language(layout_said, gw_diagnostics_language(diags));
            st = gw_layout(l.doc, l.template, &(gw_layout_env){ e->fonts, e->titles }, layout_said, &l.list);
            keep_document_problems(layout_said, diags);
        }
        gw_diagnostics_destroy(layout_said);
    }
    laid_out_free(&l);
    return st;
}

gw_status gw_layout_json(gw_engine *e, const char *input, gw_diagnostics *diags, char **json)
{
    return gw_layout_json_buffer(e, input, NULL, 0, diags, json);
}

gw_status gw_layout_json_buffer(gw_engine *e, const char *name, const char *yaml, size_t len,
                                gw_diagnostics *diags, char **json)
{
    size_t before = gw_diagnostics_count(diags);
    laid_out l;
    gw_status st = lay_out(e, name, yaml, len, diags, &l);
    if (st == GW_OK) {
        gw_buf b;
        gw_buf_init(&b);
        st = gw_display_list_json(l.list, &b);
        *json = st == GW_OK ? gw_buf_steal(&b, NULL) : NULL;
        if (st == GW_OK && !*json) st = GW_ERR_NOMEM;
        gw_buf_free(&b);
    }
    laid_out_free(&l);
    return said(st, diags, before);
}

/* Writing over the input would destroy the document the PDF came from. */
static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

gw_status gw_render_file(gw_engine *e, const char *input, const char *output,
                         const gw_render_options *options, gw_diagnostics *diags)
{
    if (same_file(input, output)) {
        gw_report(diags, gw_loc_file(output), GW_MSG_OVERWRITES_INPUT);
        return GW_ERR_IO;
    }
    unsigned char *pdf = NULL;
    size_t len = 0;
    gw_status st = gw_render_to_memory(e, input, options, diags, &pdf, &len);
    uint64_t start = gw_profile_clock();
    if (st == GW_OK && !gw_write_output(output, pdf, len, diags)) st = GW_ERR_IO;
    gw_profile_since(GW_STAGE_OUTPUT, start);
    free(pdf);
    return st;
}

const gw_fontset *gw_engine_fontset(const gw_engine *e) { return e->fonts; }
const char *gw_engine_data_dir(const gw_engine *e) { return e->data_dir; }
const char *gw_engine_data_dir_source(const gw_engine *e) { return gw_data_dir_source_name(e->data_dir_source); }
