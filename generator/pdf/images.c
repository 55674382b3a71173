/* Seal images: each PNG of the display list decoded once with libpng and
 * embedded once as an image XObject, whose alpha channel becomes a soft
 * mask (/SMask), however often the image is drawn.
 *
 * libharu's own PNG loader is not used: on a damaged file libpng's error
 * handler returns into libpng, which then aborts the process, and it
 * cannot read a colour-keyed PNG (tRNS on RGB or grey).  libpng's
 * simplified API reports every problem as a message instead, and gives
 * any PNG as 8-bit sRGB(A) or grey(+alpha). */
#include "pdf/writer.h"
#include "util/messages.h"
#include <png.h>
#include <stdlib.h>
#include <string.h>

typedef struct pixels {
    unsigned char *data;               /* colour (1 or 3 bytes a pixel), then alpha */
    unsigned       width, height;
    int            color;              /* 3 channels, else grey */
    int            opaque;             /* every alpha value 255 */
} pixels;

/* Moves the alpha channel of interleaved colour+alpha pixels behind the
 * colour: the first n * channels bytes become the colour plane, the next n
 * the alpha plane.  In place but for a copy of the alpha. */
static int split_alpha(unsigned char *data, size_t n, int channels, int *opaque)
{
    unsigned char *alpha = malloc(n ? n : 1);
    if (!alpha) return 0;
    *opaque = 1;
    for (size_t i = 0; i < n; i++) {
        const unsigned char *px = data + i * (size_t)(channels + 1);
        memmove(data + i * (size_t)channels, px, (size_t)channels);
        alpha[i] = px[channels];
        *opaque &= alpha[i] == 255;
    }
    memcpy(data + n * (size_t)channels, alpha, n);
    free(alpha);
    return 1;
}

static void report_read(gw_pdf_writer *w, const char *path, const char *why)
{
    gw_report(w->diags, gw_loc_file(path), GW_MSG_IMAGE_UNREADABLE, path, why);
}

/* Whether the PNG's header allows decoding it: no more than
 * GW_IMAGE_MAX_PIXELS, and the size layout saw (E0137, E0824 when not). */
static int size_acceptable(gw_pdf_writer *w, const gw_image *source, const png_image *png)
{
    if ((double)png->width * png->height > GW_IMAGE_MAX_PIXELS) {
        gw_report(w->diags, gw_loc_file(source->path), GW_MSG_SEAL_PIXELS, source->path,
                  (unsigned long)png->width, (unsigned long)png->height, GW_IMAGE_MAX_PIXELS / 1000000);
        return 0;
    }
    if (png->width != source->pixel_width || png->height != source->pixel_height) {
        gw_report(w->diags, gw_loc_file(source->path), GW_MSG_IMAGE_CHANGED, source->path,
                  (unsigned long)png->width, (unsigned long)png->height,
                  (unsigned long)source->pixel_width, (unsigned long)source->pixel_height);
        return 0;
    }
    return 1;
}

/* libpng's simplified API says a failed allocation only in its message
 * ("Out of memory", "insufficient memory"): the machine's problem (E0006,
 * said by the caller), not a broken seal. */
static int png_out_of_memory(const char *message)
{
    return strstr(message, "ut of memory") || strstr(message, "nsufficient memory");
}

/* Decodes the PNG at source->path into colour and alpha planes. */
static gw_status decode(gw_pdf_writer *w, const gw_image *source, pixels *out)
{
    png_image png;
    memset(&png, 0, sizeof png);
    png.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&png, source->path)) {
        int nomem = png_out_of_memory(png.message);
        if (!nomem) report_read(w, source->path, png.message);
        png_image_free(&png);          /* a no-op when libpng freed it already */
        return nomem ? GW_ERR_NOMEM : GW_ERR_INPUT;
    }
    if (!size_acceptable(w, source, &png)) {
        png_image_free(&png);
        return GW_ERR_INPUT;
    }
    out->color = (png.format & PNG_FORMAT_FLAG_COLOR) != 0;
    png.format = out->color ? PNG_FORMAT_RGBA : PNG_FORMAT_GA;
    out->width = png.width;
    out->height = png.height;
    int channels = out->color ? 3 : 1;
    size_t n = (size_t)png.width * png.height, stride = (size_t)png.width * (size_t)(channels + 1);
    out->data = malloc(n * (size_t)(channels + 1));
    if (!out->data) { png_image_free(&png); return GW_ERR_NOMEM; }
    if (!png_image_finish_read(&png, NULL, out->data, (png_int_32)stride, NULL)) {
        int nomem = png_out_of_memory(png.message);
        if (!nomem) report_read(w, source->path, png.message);
        png_image_free(&png);
        return nomem ? GW_ERR_NOMEM : GW_ERR_INPUT;
    }
    png_image_free(&png);
    return split_alpha(out->data, n, channels, &out->opaque) ? GW_OK : GW_ERR_NOMEM;
}

/* The XObjects: colour, and the alpha as a DeviceGray image that the
 * colour names as its /SMask.  Both are Flate-compressed by libharu
 * (HPDF_COMP_IMAGE). */
static HPDF_Image embed(gw_pdf_writer *w, const pixels *px)
{
    int channels = px->color ? 3 : 1;
    HPDF_Image image = HPDF_LoadRawImageFromMem(w->doc, px->data, px->width, px->height,
                                                px->color ? HPDF_CS_DEVICE_RGB : HPDF_CS_DEVICE_GRAY, 8);
    if (!image || px->opaque) return image;
    const unsigned char *alpha = px->data + (size_t)px->width * px->height * (size_t)channels;
    HPDF_Image mask = HPDF_LoadRawImageFromMem(w->doc, alpha, px->width, px->height, HPDF_CS_DEVICE_GRAY, 8);
    if (!mask || HPDF_Image_AddSMask(image, mask) != HPDF_OK) return NULL;
    return image;
}

gw_status gw_pdf_image(gw_pdf_writer *w, size_t index, HPDF_Image *out)
{
    if (w->images[index]) { *out = w->images[index]; return GW_OK; }
    pixels px = { NULL, 0, 0, 0, 0 };
    gw_status st = decode(w, &w->dl->images[index], &px);
    if (st == GW_OK) {
        w->images[index] = embed(w, &px);
        if (!w->images[index]) st = gw_pdf_failed(w);
    }
    free(px.data);
    *out = w->images[index];
    return st;
}
