/* Adding to a diagnostics list (the reading side is in gongwen.h). */
#ifndef GW_UTIL_DIAG_H
#define GW_UTIL_DIAG_H
#include "gongwen.h"
#include <stdarg.h>

/* Where a diagnostic points: a file, a 1-based line and column, a field path.
 * verbatim: the text the place is given for is the source from line:column
 * on, character for character, so the place of a character inside it is
 * counted from there (the text engine does); 0 when the text was joined,
 * unescaped or rewritten, or is not from the document. */
typedef struct gw_loc {
    const char *file;
    unsigned    line, column;
    const char *path;
    int         verbatim;
} gw_loc;

void gw_diag_add(gw_diagnostics *diags, gw_severity sev, const char *code, gw_loc loc,
                 const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void gw_diag_vadd(gw_diagnostics *diags, gw_severity sev, const char *code, gw_loc loc,
                  const char *fmt, va_list ap) __attribute__((format(printf, 5, 0)));
#define gw_error(d, code, loc, ...)   gw_diag_add((d), GW_ERROR, (code), (loc), __VA_ARGS__)
#define gw_warning(d, code, loc, ...) gw_diag_add((d), GW_WARNING, (code), (loc), __VA_ARGS__)

/* A location naming only a file. */
gw_loc gw_loc_file(const char *file);
#endif
