/* The gongwen program: one file per command, as git's builtin/. */
#ifndef GW_CLI_H
#define GW_CLI_H
#include "gongwen.h"

int cmd_render(int argc, char **argv);

/* Prints every diagnostic as file:line:col: severity CODE [path]: message. */
void cli_print_diagnostics(const gw_diagnostics *diags);
/* Exit codes shared by the commands. */
enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_ENV = 3 };
#endif
