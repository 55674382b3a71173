/* The "what to do" of each code, from the table in docs/diagnostics.md
 * (generated at build time by cmake/hints.cmake, so the two never differ). */
#ifndef GW_CLI_HINTS_H
#define GW_CLI_HINTS_H
#include "gongwen.h"

/* The hint for a code, or NULL when the table gives none.  The table is in
 * English: under Chinese, NULL (the message itself says what to do). */
const char *cli_hint(const char *code, gw_language lang);
#endif
