/* gw_pdf_write: the display list replayed into the font pass and the page
 * device (writer.h), the page labels, then libharu's bytes packed by
 * libqpdf. */
#include "pdf/pdf.h"
#include "pdf/hpdf-glue.h"
#include "pdf/pack.h"
#include "pdf/writer.h"
#include "util/messages.h"
#include <stdlib.h>
#include <time.h>

static void on_hpdf_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
    (void)detail;
    gw_pdf_writer *w = data;
    if (!w->error) w->error = error;
}

static void set_dates(HPDF_Doc doc, int64_t when)
{
    if (when < 0) return;
    /* Offices date documents in China Standard Time (UTC+8, no DST). */
    time_t t = (time_t)when + 8 * 3600;
    struct tm tm;
    if (!gmtime_r(&t, &tm)) return;
    HPDF_Date d = { tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                    '+', 8, 0 };
    HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, d);
    HPDF_SetInfoDateAttr(doc, HPDF_INFO_MOD_DATE, d);
}

static void set_info(gw_pdf_writer *w, const gw_pdf_info *info)
{
    HPDF_SetInfoAttr(w->doc, HPDF_INFO_CREATOR, "gongwen " GW_VERSION);
    HPDF_SetInfoAttr(w->doc, HPDF_INFO_PRODUCER, "gongwen " GW_VERSION " (libharu, HarfBuzz)");
    const char *keys[] = { "Title", "Author", "Subject" };
    const char *vals[] = { info->title, info->author, info->subject };
    for (int i = 0; i < 3; i++) {
        if (!vals[i]) continue;
        gw_hpdf_set_info_text(w->doc, keys[i], vals[i]);
    }
    set_dates(w->doc, info->date);
}

static gw_status save(gw_pdf_writer *w, unsigned char **out, size_t *out_len)
{
    if (gw_hpdf_deflate_contents(w->doc) != HPDF_OK || HPDF_SaveToStream(w->doc) != HPDF_OK) return GW_ERR_INTERNAL;
    HPDF_UINT32 size = HPDF_GetStreamSize(w->doc);
    unsigned char *buf = malloc(size ? size : 1);
    if (!buf) return GW_ERR_NOMEM;
    HPDF_UINT32 got = 0;
    while (got < size) {
        HPDF_UINT32 n = size - got;
        HPDF_STATUS st = HPDF_ReadFromStream(w->doc, buf + got, &n);
        got += n;
        if (st != HPDF_OK || n == 0) break;
    }
    if (got != size) { free(buf); return GW_ERR_INTERNAL; }
    *out = buf;
    *out_len = size;
    return GW_OK;
}

/* Viewers open with the bookmarks shown when there are any. */
static gw_status finish_document(gw_pdf_writer *w)
{
    if (w->dl->outline_count) HPDF_SetPageMode(w->doc, HPDF_PAGE_MODE_USE_OUTLINE);
    return gw_pdf_page_labels(w);
}

static void writer_free(gw_pdf_writer *w)
{
    HPDF_Free(w->doc);
    for (size_t i = 0; i < w->font_count; i++) gw_embedded_font_destroy(w->fonts[i]);
    free(w->fonts);
    free(w->type0);
    free(w->images);
    free(w->pages);
}

gw_status gw_pdf_write(const gw_display_list *dl, const gw_pdf_info *info, gw_diagnostics *diags,
                       unsigned char **out, size_t *out_len)
{
    gw_pdf_writer w = { .dl = dl, .diags = diags };
    w.doc = HPDF_New(on_hpdf_error, &w);
    if (!w.doc) return GW_ERR_NOMEM;
    HPDF_SetCompressionMode(w.doc, HPDF_COMP_IMAGE);   /* the rest: deflate.c, once */
    set_info(&w, info);
    gw_status st = gw_pdf_embed_fonts(&w);
    if (st == GW_OK) st = gw_pdf_draw_pages(&w);
    if (st == GW_OK) st = finish_document(&w);
    if (st == GW_OK && w.error) st = GW_ERR_INTERNAL;
    unsigned char *raw = NULL;
    size_t raw_len = 0;
    if (st == GW_OK) st = save(&w, &raw, &raw_len);
    if (st == GW_OK) st = gw_pdf_pack(raw, raw_len, diags, out, out_len);
    free(raw);
    if (st == GW_ERR_INTERNAL)
        gw_report(diags, gw_loc_file(""), GW_MSG_PDF_LIBRARY, (unsigned)w.error);
    writer_free(&w);
    return st;
}
