/* Adding to a diagnostics list (the reading side is in gongwen.h). */
#ifndef GW_UTIL_DIAG_H
#define GW_UTIL_DIAG_H
#include "gongwen.h"
#include <stdarg.h>
#include <stdint.h>

/* Problems listed per file (every command): past it they are dropped and
 * one E0013 says so, an error when an error was dropped. */
#define GW_DIAG_MAX_PER_FILE 200

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
/* A problem said once per file and key (a character): a repeat is only
 * counted, and the message then ends with the number of occurrences. */
void gw_diag_vadd_once(gw_diagnostics *diags, gw_severity sev, const char *code, gw_loc loc, uint32_t key,
                       const char *fmt, va_list ap) __attribute__((format(printf, 6, 0)));
#define gw_error(d, code, loc, ...)   gw_diag_add((d), GW_ERROR, (code), (loc), __VA_ARGS__)
#define gw_warning(d, code, loc, ...) gw_diag_add((d), GW_WARNING, (code), (loc), __VA_ARGS__)

/* A location naming only a file. */
gw_loc gw_loc_file(const char *file);
#endif
