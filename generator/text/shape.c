#include "text/shape.h"
#include "util/profile.h"
#include <stdlib.h>

size_t gw_shape(gw_face *face, const char *text, size_t text_len, size_t start, size_t len,
                gw_shaped **out)
{
    /* HarfBuzz interns languages in a lock-free list: no cache needed here */
    hb_language_t zh = hb_language_from_string("zh-Hans", -1);
    uint64_t began = gw_profile_clock();
    hb_buffer_t *buf = hb_buffer_create();
    hb_buffer_add_utf8(buf, text, (int)text_len, (unsigned)start, (int)len);
    hb_buffer_set_language(buf, zh);
    hb_buffer_guess_segment_properties(buf);
    /* Official documents run left to right; right-to-left runs (Hebrew,
     * Arabic) are set in logical order rather than reordered, which keeps
     * clusters rising through the text. */
    hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
    hb_shape(gw_face_hb_font(face), buf, NULL, 0);
    unsigned n = 0;
    hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buf, &n);
    hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(buf, &n);
    gw_shaped *g = malloc((n ? n : 1) * sizeof *g);
    if (!g || !hb_buffer_allocation_successful(buf)) {
        free(g);
        hb_buffer_destroy(buf);
        return (size_t)-1;
    }
    for (unsigned i = 0; i < n; i++) {
        g[i].gid = info[i].codepoint;
        g[i].x_advance = pos[i].x_advance;
        g[i].x_offset = pos[i].x_offset;
        g[i].cluster = info[i].cluster;
    }
    hb_buffer_destroy(buf);
    *out = g;
    gw_profile_since(GW_STAGE_SHAPE, began);
    return n;
}
