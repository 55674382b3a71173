/* Shaping a run of text in one face with HarfBuzz. */
#ifndef GW_TEXT_SHAPE_H
#define GW_TEXT_SHAPE_H
#include <stddef.h>
#include <stdint.h>
#include "fonts/face.h"

typedef struct gw_shaped {
    uint32_t gid;
    int32_t  x_advance, x_offset;   /* font units */
    uint32_t cluster;               /* byte offset of the cluster in the text */
} gw_shaped;

/* Shapes text[start, start+len) (the rest of text is context) in face with
 * language zh-Hans.  Returns the glyph count and a malloc'ed array in *out,
 * or (size_t)-1 when out of memory. */
size_t gw_shape(gw_face *face, const char *text, size_t text_len, size_t start, size_t len,
                gw_shaped **out);
#endif
