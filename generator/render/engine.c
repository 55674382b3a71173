/* The public API: an engine holding fonts and data folder, and rendering. */
#include "gongwen.h"
#include "document/document.h"
#include "fonts/fontset.h"
#include "layout/layout.h"
#include "pdf/pdf.h"
#include "template/template.h"
#include "util/atomic-file.h"
#include "util/messages.h"
#include "render/engine-internal.h"
#include "render/data-dir.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct gw_engine {
    char       *data_dir;
    gw_data_dir_source data_dir_source;
    gw_fontset *fonts;
};

const char *gw_version(void) { return GW_VERSION; }

void gw_render_options_init(gw_render_options *o) { o->source_date_epoch = -1; }

gw_status gw_engine_create(const gw_engine_options *options, gw_diagnostics *diags, gw_engine **out)
{
    *out = NULL;
    gw_engine *e = calloc(1, sizeof *e);
    if (!e) return GW_ERR_NOMEM;
    e->data_dir = gw_data_dir_find(options ? options->data_dir : NULL, &e->data_dir_source);
    char fonts[4096];
    if (options && options->fonts_file) snprintf(fonts, sizeof fonts, "%s", options->fonts_file);
    else snprintf(fonts, sizeof fonts, "%s/fonts/fonts.yaml", e->data_dir ? e->data_dir : ".");
    if (e->data_dir && access(fonts, R_OK) != 0) {
        gw_report(diags, gw_loc_file(fonts), GW_MSG_DATA_DIR, e->data_dir);
        gw_engine_destroy(e);
        return GW_ERR_IO;
    }
    e->fonts = e->data_dir ? gw_fontset_load_with(fonts, options ? options->font_path : NULL, diags) : NULL;
    if (!e->fonts) {
        gw_status st = e->data_dir ? GW_ERR_FONT : GW_ERR_NOMEM;
        gw_engine_destroy(e);
        return st;
    }
    *out = e;
    return GW_OK;
}

void gw_engine_destroy(gw_engine *e)
{
    if (!e) return;
    gw_fontset_destroy(e->fonts);
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

/* The document's date at midnight, China Standard Time (UTC+8). */
static int64_t document_epoch(const gw_document *d)
{
    return days_from_civil(d->year, d->month, d->day) * 86400 - 8 * 3600;
}

/* A document laid out: what rendering and dumping share. */
typedef struct laid_out {
    gw_document     *doc;
    gw_template     *template;
    gw_display_list *list;
} laid_out;

static void laid_out_free(laid_out *l)
{
    gw_display_list_destroy(l->list);
    gw_template_destroy(l->template);
    gw_document_destroy(l->doc);
}

/* Lays out a loaded document (laid_out takes it; NULL: it did not load). */
static gw_status lay_out(gw_engine *e, gw_document *doc, gw_diagnostics *diags, laid_out *out)
{
    memset(out, 0, sizeof *out);
    out->doc = doc;
    if (!out->doc) return GW_ERR_INPUT;
    out->template = gw_template_load(e->data_dir, out->doc->template_name, out->doc->dir, diags);
    if (!out->template) return GW_ERR_INPUT;
    return gw_layout(out->doc, out->template, e->fonts, diags, &out->list);
}

static gw_status render_document(gw_engine *e, gw_document *doc, const gw_render_options *options,
                                 gw_diagnostics *diags, unsigned char **pdf, size_t *pdf_len)
{
    gw_render_options defaults;
    gw_render_options_init(&defaults);
    if (!options) options = &defaults;
    laid_out l;
    gw_status st = lay_out(e, doc, diags, &l);
    if (st == GW_OK) {
        gw_pdf_info info = { doc->title, doc->issuer, doc->number,
                             options->source_date_epoch >= 0 ? options->source_date_epoch : document_epoch(doc) };
        st = gw_pdf_write(l.list, &info, diags, pdf, pdf_len);
    }
    laid_out_free(&l);
    return st;
}

gw_status gw_render_to_memory(gw_engine *e, const char *input, const gw_render_options *options,
                              gw_diagnostics *diags, unsigned char **pdf, size_t *pdf_len)
{
    return render_document(e, gw_document_load(input, diags), options, diags, pdf, pdf_len);
}

gw_status gw_render_buffer(gw_engine *e, const char *name, const char *yaml, size_t len,
                           const gw_render_options *options, gw_diagnostics *diags,
                           unsigned char **pdf, size_t *pdf_len)
{
    gw_document *doc = gw_document_load_memory(name, ".", yaml, len, diags);
    return render_document(e, doc, options, diags, pdf, pdf_len);
}

static gw_status layout_document(gw_engine *e, gw_document *doc, gw_diagnostics *diags, char **json)
{
    laid_out l;
    gw_status st = lay_out(e, doc, diags, &l);
    if (st == GW_OK) {
        gw_buf b;
        gw_buf_init(&b);
        gw_display_list_json(l.list, &b);
        *json = gw_buf_steal(&b, NULL);
        if (!*json) st = GW_ERR_NOMEM;
    }
    laid_out_free(&l);
    return st;
}

gw_status gw_layout_json(gw_engine *e, const char *input, gw_diagnostics *diags, char **json)
{
    return layout_document(e, gw_document_load(input, diags), diags, json);
}

gw_status gw_layout_json_buffer(gw_engine *e, const char *name, const char *yaml, size_t len,
                                gw_diagnostics *diags, char **json)
{
    return layout_document(e, gw_document_load_memory(name, ".", yaml, len, diags), diags, json);
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
    if (st == GW_OK && !gw_write_file_atomic(output, pdf, len)) {
        gw_report(diags, gw_loc_file(output), GW_MSG_CANNOT_WRITE, strerror(errno));
        st = GW_ERR_IO;
    }
    free(pdf);
    return st;
}

const gw_fontset *gw_engine_fontset(const gw_engine *e) { return e->fonts; }
const char *gw_engine_data_dir(const gw_engine *e) { return e->data_dir; }
const char *gw_engine_data_dir_source(const gw_engine *e) { return gw_data_dir_source_name(e->data_dir_source); }
