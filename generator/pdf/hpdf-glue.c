#include "pdf/hpdf-glue.h"
#include "pdf/deflate.h"
#include "util/buf.h"
#include "util/utf8.h"
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

static HPDF_TextWidth no_text_width(HPDF_Font font, const HPDF_BYTE *text, HPDF_UINT len)
{
    (void)font; (void)text; (void)len;
    HPDF_TextWidth w = { 0, 0, 0, 0 };
    return w;
}

static HPDF_UINT no_measure(HPDF_Font font, const HPDF_BYTE *text, HPDF_UINT len, HPDF_REAL width,
                            HPDF_REAL font_size, HPDF_REAL char_space, HPDF_REAL word_space,
                            HPDF_BOOL wordwrap, HPDF_REAL *real_width)
{
    (void)font; (void)text; (void)len; (void)width; (void)font_size; (void)char_space;
    (void)word_space; (void)wordwrap;
    if (real_width) *real_width = 0;
    return 0;
}

static void free_font_attr(HPDF_Dict dict)
{
    if (dict->attr) HPDF_FreeMem(dict->mmgr, dict->attr);
    dict->attr = NULL;
}

HPDF_Font gw_hpdf_type0_new(HPDF_Doc doc)
{
    HPDF_Dict d = HPDF_Dict_New(doc->mmgr);
    if (!d) return NULL;
    HPDF_FontAttr attr = HPDF_GetMem(doc->mmgr, sizeof *attr);
    if (!attr) { HPDF_Dict_Free(d); return NULL; }
    memset(attr, 0, sizeof *attr);
    attr->type = HPDF_FONT_TYPE0_TT;
    attr->writing_mode = HPDF_WMODE_HORIZONTAL;
    attr->text_width_fn = no_text_width;
    attr->measure_text_fn = no_measure;
    attr->xref = doc->xref;
    d->header.obj_class |= HPDF_OSUBCLASS_FONT;     /* what HPDF_Font_Validate checks */
    d->attr = attr;
    d->free_fn = free_font_attr;
    if (HPDF_Xref_Add(doc->xref, d) != HPDF_OK) return NULL;   /* the xref frees d */
    if (HPDF_Dict_AddName(d, "Type", "Font") != HPDF_OK ||
        HPDF_Dict_AddName(d, "Subtype", "Type0") != HPDF_OK ||
        HPDF_Dict_AddName(d, "Encoding", "Identity-H") != HPDF_OK)
        return NULL;
    return (HPDF_Font)d;
}

/* Streams arrive compressed (deflate.c): libharu writes them as they are
 * (filter NONE, which also makes it drop any /Filter key) and this adds
 * the /Filter entry at the end of the dictionary. */
static HPDF_STATUS write_flate_filter(HPDF_Dict dict, HPDF_Stream out)
{
    (void)dict;
    return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

/* Replaces what a stream dictionary holds with data, compressed. */
static HPDF_STATUS set_deflated(HPDF_Dict s, const void *data, size_t len, gw_deflate_kind kind)
{
    size_t n = 0;
    unsigned char *z = gw_deflate(data, len, kind, &n);
    if (!z) return HPDF_FAILD_TO_ALLOC_MEM;
    HPDF_MemStream_FreeData(s->stream);
    HPDF_STATUS st = HPDF_Stream_Write(s->stream, z, (HPDF_UINT)n);
    free(z);
    s->filter = HPDF_STREAM_FILTER_NONE;
    s->write_fn = write_flate_filter;
    return st;
}

static HPDF_Dict new_stream(HPDF_Doc doc, const void *data, size_t len, gw_deflate_kind kind)
{
    HPDF_Dict s = HPDF_DictStream_New(doc->mmgr, doc->xref);
    return s && set_deflated(s, data, len, kind) == HPDF_OK ? s : NULL;
}

/* A memory stream's bytes, which libharu keeps in blocks, in one buffer. */
static unsigned char *stream_bytes(HPDF_Stream s, size_t *len)
{
    HPDF_UINT count = HPDF_MemStream_GetBufCount(s);
    unsigned char *all = malloc(s->size ? s->size : 1);
    *len = 0;
    for (HPDF_UINT i = 0; all && i < count; i++) {
        HPDF_UINT n = 0;
        HPDF_BYTE *block = HPDF_MemStream_GetBufPtr(s, i, &n);
        memcpy(all + *len, block, n);
        *len += n;
    }
    return all;
}

HPDF_STATUS gw_hpdf_deflate_contents(HPDF_Doc doc)
{
    for (HPDF_UINT p = 0; p < doc->page_list->count; p++) {
        HPDF_Page page = HPDF_List_ItemAt(doc->page_list, p);
        HPDF_Dict contents = ((HPDF_PageAttr)page->attr)->contents;
        if (contents->filter != HPDF_STREAM_FILTER_NONE || contents->write_fn) continue;   /* libharu's, or done */
        size_t len;
        unsigned char *raw = stream_bytes(contents->stream, &len);
        HPDF_STATUS st = raw ? set_deflated(contents, raw, len, GW_DEFLATE_TEXT) : HPDF_FAILD_TO_ALLOC_MEM;
        free(raw);
        if (st != HPDF_OK) return st;
    }
    return HPDF_OK;
}

/* Font units scaled to 1/1000 em need no more than whole numbers in a
 * descriptor (FontBBox, Ascent, ...): viewers only use them for extents. */
static HPDF_INT32 whole(double v) { return (HPDF_INT32)(v < 0 ? v - 0.5 : v + 0.5); }

static HPDF_Array number_array(HPDF_Doc doc, const double *v, int n)
{
    HPDF_Array a = HPDF_Array_New(doc->mmgr);
    for (int i = 0; a && i < n; i++) HPDF_Array_AddNumber(a, whole(v[i]));
    return a;
}

static HPDF_Dict descriptor(HPDF_Doc doc, const gw_embedded_font *f)
{
    HPDF_Dict d = HPDF_Dict_New(doc->mmgr);
    if (!d || HPDF_Xref_Add(doc->xref, d) != HPDF_OK) return NULL;
    unsigned len = 0;
    const char *data = hb_blob_get_data(f->program, &len);
    HPDF_Dict file = new_stream(doc, data, len, GW_DEFLATE_DENSE);
    if (!file) return NULL;
    if (gw_face_outline(f->face) == GW_OUTLINE_TRUETYPE) {
        HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)len);
        HPDF_Dict_Add(d, "FontFile2", file);
    } else {
        HPDF_Dict_AddName(file, "Subtype", "CIDFontType0C");
        HPDF_Dict_Add(d, "FontFile3", file);
    }
    HPDF_Dict_AddName(d, "Type", "FontDescriptor");
    HPDF_Dict_AddName(d, "FontName", f->base_name);
    HPDF_Dict_AddNumber(d, "Flags", 4);              /* symbolic: glyphs outside Latin */
    HPDF_Dict_Add(d, "FontBBox", number_array(doc, f->bbox, 4));
    HPDF_Dict_AddNumber(d, "ItalicAngle", 0);
    HPDF_Dict_AddNumber(d, "Ascent", whole(f->ascent));
    HPDF_Dict_AddNumber(d, "Descent", whole(f->descent));
    HPDF_Dict_AddNumber(d, "CapHeight", whole(f->cap_height));
    HPDF_Dict_AddNumber(d, "StemV", 80);
    return d;
}

/* W: [c [w1 w2 ...] ...], one sub-array per run of consecutive codes whose
 * width is not the default (DW). */
static HPDF_Array widths(HPDF_Doc doc, const gw_embedded_font *f)
{
    HPDF_Array w = HPDF_Array_New(doc->mmgr), run = NULL;
    uint32_t last = 0;
    for (size_t i = 0; w && i < f->entry_count; i++) {
        const gw_font_entry *e = &f->entries[i];
        if (e->width == f->default_width) continue;
        if (!run || e->code != last + 1) {
            if (run && e->code == last) continue;                     /* two glyphs, one CID */
            HPDF_Array_AddNumber(w, (HPDF_INT32)e->code);
            run = HPDF_Array_New(doc->mmgr);
            HPDF_Array_Add(w, run);
        }
        HPDF_Array_AddReal(run, (HPDF_REAL)e->width);
        last = e->code;
    }
    return w;
}

static HPDF_Dict cid_font(HPDF_Doc doc, const gw_embedded_font *f)
{
    HPDF_Dict cf = HPDF_Dict_New(doc->mmgr);
    if (!cf || HPDF_Xref_Add(doc->xref, cf) != HPDF_OK) return NULL;
    int tt = gw_face_outline(f->face) == GW_OUTLINE_TRUETYPE;
    HPDF_Dict_AddName(cf, "Type", "Font");
    HPDF_Dict_AddName(cf, "Subtype", tt ? "CIDFontType2" : "CIDFontType0");
    HPDF_Dict_AddName(cf, "BaseFont", f->base_name);
    HPDF_Dict csi = HPDF_Dict_New(doc->mmgr);
    HPDF_Dict_Add(csi, "Registry", HPDF_String_New(doc->mmgr, "Adobe", NULL));
    HPDF_Dict_Add(csi, "Ordering", HPDF_String_New(doc->mmgr, "Identity", NULL));
    HPDF_Dict_AddNumber(csi, "Supplement", 0);
    HPDF_Dict_Add(cf, "CIDSystemInfo", csi);
    HPDF_Dict desc = descriptor(doc, f);
    if (!desc) return NULL;
    HPDF_Dict_Add(cf, "FontDescriptor", desc);
    HPDF_Dict_AddReal(cf, "DW", (HPDF_REAL)f->default_width);
    HPDF_Dict_Add(cf, "W", widths(doc, f));
    if (tt) HPDF_Dict_AddName(cf, "CIDToGIDMap", "Identity");   /* codes are subset GIDs */
    return cf;
}

HPDF_STATUS gw_hpdf_type0_complete(HPDF_Doc doc, HPDF_Font type0, const gw_embedded_font *f)
{
    HPDF_Dict cf = cid_font(doc, f);
    gw_buf cmap;
    gw_buf_init(&cmap);
    gw_embedded_font_tounicode(f, &cmap);
    HPDF_Dict tu = cmap.failed ? NULL : new_stream(doc, cmap.data, cmap.len, GW_DEFLATE_TEXT);
    gw_buf_free(&cmap);
    HPDF_Array desc = HPDF_Array_New(doc->mmgr);
    if (!cf || !tu || !desc) return HPDF_FAILD_TO_ALLOC_MEM;
    HPDF_Array_Add(desc, cf);
    HPDF_Dict_AddName(type0, "BaseFont", f->base_name);
    HPDF_Dict_Add(type0, "DescendantFonts", desc);
    HPDF_Dict_Add(type0, "ToUnicode", tu);
    return HPDF_CheckError(&doc->error);
}

HPDF_STATUS gw_hpdf_page_write(HPDF_Page page, const char *ops, size_t len)
{
    HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
    return HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)ops, (HPDF_UINT)len);
}

/* A PDF text string: UTF-16BE with a byte order mark, written in hex. */
/* The most characters of a text string: four bytes each in UTF-16 at worst
 * (surrogate pairs), within libharu's string limit of 65,535 bytes.  A
 * longer text (a title of a megabyte) is cut there: metadata and bookmarks
 * need no more. */
#define TEXT_STRING_MAX_CHARS ((HPDF_LIMIT_MAX_STRING_LEN - 2) / 4)

/* The bytes of utf8's first `max` characters. */
static size_t first_chars(const char *utf8, size_t max)
{
    size_t at = 0, len = strlen(utf8);
    for (size_t n = 0; at < len && n < max; n++) gw_utf8_next(utf8, len, &at);
    return at;
}

static HPDF_Binary text_string(HPDF_Doc doc, const char *utf8)
{
    gw_buf hex;
    gw_buf_init(&hex);
    gw_buf_puts(&hex, "FEFF");
    gw_utf8_to_utf16_hex(&hex, utf8, first_chars(utf8, TEXT_STRING_MAX_CHARS));
    if (hex.failed) return NULL;
    size_t n = hex.len / 2;
    HPDF_BYTE *bytes = HPDF_GetMem(doc->mmgr, (HPDF_UINT)n);
    if (!bytes) { gw_buf_free(&hex); return NULL; }
    for (size_t i = 0; i < n; i++) {
        unsigned v;
        sscanf(hex.data + 2 * i, "%2x", &v);
        bytes[i] = (HPDF_BYTE)v;
    }
    gw_buf_free(&hex);
    HPDF_Binary b = HPDF_Binary_New(doc->mmgr, bytes, (HPDF_UINT)n);
    HPDF_FreeMem(doc->mmgr, bytes);
    return b;
}

HPDF_STATUS gw_hpdf_set_info_text(HPDF_Doc doc, const char *key, const char *utf8)
{
    if (!doc->info) return HPDF_INVALID_OBJECT;    /* created by the first HPDF_SetInfoAttr */
    HPDF_Binary b = text_string(doc, utf8);
    return b ? HPDF_Dict_Add(doc->info, key, b) : HPDF_FAILD_TO_ALLOC_MEM;
}

HPDF_STATUS gw_hpdf_outline_set_title(HPDF_Doc doc, HPDF_Outline outline, const char *utf8)
{
    HPDF_Binary b = text_string(doc, utf8);
    return b ? HPDF_Dict_Add(outline, "Title", b) : HPDF_FAILD_TO_ALLOC_MEM;   /* replaces the old */
}

HPDF_STATUS gw_hpdf_destination_top(HPDF_Destination dest, HPDF_Page page, double top)
{
    HPDF_Array_Clear(dest);
    HPDF_Array_Add(dest, page);
    HPDF_Array_AddName(dest, "XYZ");
    HPDF_Array_Add(dest, HPDF_Null_New(dest->mmgr));
    HPDF_Array_AddReal(dest, (HPDF_REAL)top);
    return HPDF_Array_Add(dest, HPDF_Null_New(dest->mmgr));
}

void gw_hpdf_page_drop_procset(HPDF_Page page)
{
    HPDF_Dict res = HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT);
    if (res && HPDF_Dict_GetItem(res, "ProcSet", HPDF_OCLASS_ARRAY)) HPDF_Dict_RemoveElement(res, "ProcSet");
}
