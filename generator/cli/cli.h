/* The gongwen program: one file per command, as git's builtin/. */
#ifndef GW_CLI_H
#define GW_CLI_H
#include "gongwen.h"

#include <stdio.h>

int cmd_render(int argc, char **argv);
int cmd_fonts(int argc, char **argv);
int cmd_layout(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_batch(int argc, char **argv);

/* Prints every diagnostic to stderr as file:line:col: severity CODE [path]: message. */
void cli_print_diagnostics(const gw_diagnostics *diags);
/* The same to `to`; strict prints warnings as errors. */
void cli_print_text(FILE *to, const gw_diagnostics *diags, int strict);
/* The same to `to`, only codes starting with one of the space-separated
 * prefixes in `codes`. */
void cli_print_diagnostics_to(const gw_diagnostics *diags, FILE *to, const char *codes);
/* One diagnostic in the text form, `note` (or nothing, for NULL) after its message. */
void cli_print_diag(FILE *to, const gw_diag *d, const char *note);
/* s as a JSON string, quoted and escaped. */
void cli_json_string(FILE *to, const char *s);
/* The same content as one JSON object: {"diagnostics": [...], "errors": N, "warnings": N}. */
void cli_print_json(FILE *to, const gw_diagnostics *diags, int strict);
/* The user's language for messages: Chinese when LC_ALL, else LC_MESSAGES,
 * else LANG (the first one set) starts with "zh"; English otherwise. */
gw_language cli_language(void);
/* Exit codes shared by the commands. */
enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_ENV = 3 };
/* The exit code for a library status: 1 for the document's own problems, 3
 * for the machine's (fonts, templates, files, memory). */
int cli_exit_code(gw_status status);
#endif
