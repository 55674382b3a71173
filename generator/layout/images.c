/* Seal images: each file joins the display list once, with its pixel size
 * read from its PNG header (the document loader has checked the file). */
#include "layout/stages.h"
#include "util/messages.h"
#include <errno.h>
#include <stdio.h>
#include <string.h>

static unsigned long be32(const unsigned char *b)
{
    return (unsigned long)b[0] << 24 | (unsigned long)b[1] << 16 | (unsigned long)b[2] << 8 | b[3];
}

/* The width and height in a PNG's IHDR; 0 when the file is not a PNG. */
static int png_size(const char *path, unsigned *w, unsigned *h)
{
    unsigned char head[24];
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    size_t got = fread(head, 1, sizeof head, f);
    fclose(f);
    if (got < sizeof head || memcmp(head, "\x89PNG\r\n\x1a\n", 8) != 0 || memcmp(head + 12, "IHDR", 4) != 0)
        return 0;
    *w = (unsigned)be32(head + 16);
    *h = (unsigned)be32(head + 20);
    return *w > 0 && *h > 0;
}

size_t lay_seal_image(lay_ctx *L, size_t i)
{
    const gw_document *d = L->doc;
    if (i >= d->seals.count) i = d->seals.count - 1;    /* a seal for each issuer is checked; keep in range */
    const char *path = d->seals.items[i];
    unsigned w = 0, h = 0;
    if (!png_size(path, &w, &h)) {
        gw_loc loc = lay_loc(L, d->seals.srcs[i], "signature.seal", 0);
        gw_report(L->diags, loc, GW_MSG_SEAL_NOT_PNG, path);
        lay_fail(L, GW_ERR_INPUT);
        return (size_t)-1;
    }
    size_t image = gw_display_list_image(L->dl, path, w, h);
    if (image == (size_t)-1) lay_fail(L, GW_ERR_NOMEM);
    return image;
}
