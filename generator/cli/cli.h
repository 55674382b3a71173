/* The gongwen program: one file per command, as git's builtin/. */
#ifndef GW_CLI_H
#define GW_CLI_H
#include "gongwen.h"

#include <stdio.h>

int cmd_render(int argc, char **argv);
int cmd_fonts(int argc, char **argv);
int cmd_layout(int argc, char **argv);

/* Prints every diagnostic to stderr as file:line:col: severity CODE [path]: message. */
void cli_print_diagnostics(const gw_diagnostics *diags);
/* The same to `to`, only codes starting with one of the space-separated
 * prefixes in `codes` (NULL: all). */
void cli_print_diagnostics_to(const gw_diagnostics *diags, FILE *to, const char *codes);
/* Exit codes shared by the commands. */
enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_ENV = 3 };
#endif
