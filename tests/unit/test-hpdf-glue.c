/* The libharu internals hpdf-glue.c relies on, checked against the
 * installed libharu: a foreign font dictionary that SetFontAndSize accepts,
 * raw content, info text strings, dropping /ProcSet, bookmark titles as
 * UTF-16 text strings and /XYZ destinations that keep the reader's zoom. */
#include "check.h"
#include "pdf/hpdf-glue.h"
#include <stdlib.h>
#include <string.h>

static HPDF_STATUS last_error;
static void on_error(HPDF_STATUS e, HPDF_STATUS detail, void *data)
{
    (void)detail;
    (void)data;
    last_error = e;
}

static char *save(HPDF_Doc doc, size_t *len)
{
    CHECK(HPDF_SaveToStream(doc) == HPDF_OK);
    HPDF_UINT32 size = HPDF_GetStreamSize(doc), got = size;
    char *buf = calloc(1, size + 1);
    CHECK(HPDF_ReadFromStream(doc, (HPDF_BYTE *)buf, &got) == HPDF_OK || got == size);
    *len = got;
    return buf;
}

static int contains(const char *hay, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(hay + i, needle, n) == 0) return 1;
    return 0;
}

int main(void)
{
    HPDF_Doc doc = HPDF_New(on_error, NULL);
    HPDF_SetInfoAttr(doc, HPDF_INFO_CREATOR, "test");
    HPDF_Page page = HPDF_AddPage(doc);
    HPDF_Font font = gw_hpdf_type0_new(doc);
    CHECK(font != NULL);
    HPDF_Page_BeginText(page);
    CHECK(HPDF_Page_SetFontAndSize(page, font, 16) == HPDF_OK);   /* passes HPDF_Font_Validate */
    const char *ops = "[<0001>] TJ\n";
    CHECK(gw_hpdf_page_write(page, ops, strlen(ops)) == HPDF_OK);
    HPDF_Page_EndText(page);
    CHECK(gw_hpdf_set_info_text(doc, "Title", "公文𬌗") == HPDF_OK);
    gw_hpdf_page_drop_procset(page);
    HPDF_Outline mark = HPDF_CreateOutline(doc, NULL, "", NULL);
    CHECK(mark != NULL);
    CHECK(gw_hpdf_outline_set_title(doc, mark, "一、总体𬌗") == HPDF_OK);
    HPDF_Destination dest = HPDF_Page_CreateDestination(page);
    CHECK(gw_hpdf_destination_top(dest, page, 700.5) == HPDF_OK);
    CHECK(HPDF_Outline_SetDestination(mark, dest) == HPDF_OK);
    CHECK(last_error == 0);
    size_t len;
    char *pdf = save(doc, &len);
    CHECK(contains(pdf, len, "/Subtype /Type0"));
    CHECK(contains(pdf, len, "/Encoding /Identity-H"));
    CHECK(contains(pdf, len, "[<0001>] TJ"));
    CHECK(contains(pdf, len, "/F1 16 Tf"));
    CHECK(contains(pdf, len, "/Title <FEFF516C6587D870DF17>"));
    CHECK(!contains(pdf, len, "/ProcSet"));
    CHECK(contains(pdf, len, "/Title <FEFF4E003001603B4F53D870DF17>"));
    CHECK(!contains(pdf, len, "/Title ()"));                      /* replaced, not added */
    CHECK(contains(pdf, len, " 0 R /XYZ null 700.5 null ]"));
    free(pdf);
    HPDF_Free(doc);
    return check_summary();
}
