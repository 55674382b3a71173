/* /PageLabels: what a viewer shows as a page's number is the number the
 * layout gave the page (printed on it or not), so that "go to page 3"
 * finds the page that says — 3 —.  A range starts at the first page and
 * wherever a page's number is not its predecessor's plus one. */
#include "pdf/writer.h"

gw_status gw_pdf_page_labels(gw_pdf_writer *w)
{
    const gw_display_list *dl = w->dl;
    for (size_t p = 0; p < dl->page_count; p++) {
        long number = dl->pages[p].number;
        if (number < 1 || (unsigned long)number > (HPDF_UINT)-1) return GW_ERR_INTERNAL;
        if (p && number == dl->pages[p - 1].number + 1) continue;
        if (HPDF_AddPageLabel(w->doc, (HPDF_UINT)p, HPDF_PAGE_NUM_STYLE_DECIMAL, (HPDF_UINT)number, NULL) != HPDF_OK)
            return GW_ERR_INTERNAL;
    }
    return GW_OK;
}
