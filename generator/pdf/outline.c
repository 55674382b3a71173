/* Bookmarks: the display list's outline entries as the PDF's /Outlines
 * tree.  An entry goes under the nearest earlier entry of a lower level
 * (a level-3 heading straight after a level-1 one hangs under it), its
 * title a UTF-16BE text string so that Chinese shows in every viewer, its
 * destination the heading's page scrolled to the heading's top. */
#include "pdf/writer.h"
#include "pdf/hpdf-glue.h"
#include <stdlib.h>

typedef struct open_entry {
    int          level;
    HPDF_Outline outline;
} open_entry;

/* The entries that can still take children: levels rise strictly from
 * the bottom of the stack. */
struct gw_pdf_outline {
    open_entry *stack;
    size_t      depth;
};

gw_pdf_outline *gw_pdf_outline_create(size_t entries)
{
    gw_pdf_outline *o = calloc(1, sizeof *o);
    if (o && !(o->stack = calloc(entries ? entries : 1, sizeof *o->stack))) { free(o); return NULL; }
    return o;
}

void gw_pdf_outline_destroy(gw_pdf_outline *o)
{
    if (!o) return;
    free(o->stack);
    free(o);
}

gw_status gw_pdf_outline_add(gw_pdf_writer *w, gw_pdf_outline *o, const gw_outline_entry *e)
{
    while (o->depth && o->stack[o->depth - 1].level >= e->level) o->depth--;
    HPDF_Outline parent = o->depth ? o->stack[o->depth - 1].outline : NULL;   /* NULL: the root */
    /* libharu writes the title it is given in PDFDocEncoding; the glue
     * replaces it with the UTF-16BE string */
    HPDF_Outline entry = HPDF_CreateOutline(w->doc, parent, "", NULL);
    if (!entry || gw_hpdf_outline_set_title(w->doc, entry, e->title) != HPDF_OK) return GW_ERR_INTERNAL;
    HPDF_Page page = w->pages[e->page];
    HPDF_Destination dest = HPDF_Page_CreateDestination(page);
    if (!dest || gw_hpdf_destination_top(dest, page, HPDF_Page_GetHeight(page) - e->y) != HPDF_OK ||
        HPDF_Outline_SetDestination(entry, dest) != HPDF_OK)
        return GW_ERR_INTERNAL;
    HPDF_Outline_SetOpened(entry, HPDF_TRUE);
    o->stack[o->depth++] = (open_entry){ e->level, entry };
    return GW_OK;
}
