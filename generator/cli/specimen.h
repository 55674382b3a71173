/* gongwen specimen: the specimen document adapted to a template. */
#ifndef GW_CLI_SPECIMEN_H
#define GW_CLI_SPECIMEN_H
#include "util/buf.h"
#include <stddef.h>

/* The specimen's text with its template line naming template_name and its
 * seals found in specimens_dir (specimen-text.c). */
void cli_specimen_text(const char *text, size_t len, const char *template_name, const char *specimens_dir,
                       gw_buf *out);
#endif
