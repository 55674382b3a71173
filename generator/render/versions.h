/* The versions of the libraries gongwen runs with (not those it was built
 * against): what a bug report needs. */
#ifndef GW_RENDER_VERSIONS_H
#define GW_RENDER_VERSIONS_H
#include "util/buf.h"

/* Appends "HarfBuzz 6.0.0, FreeType 2.12.1, ..." to out. */
void gw_runtime_versions(gw_buf *out);
#endif
