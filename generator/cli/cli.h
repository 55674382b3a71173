/* The gongwen program: one file per command, as git's builtin/. */
#ifndef GW_CLI_H
#define GW_CLI_H
#include "gongwen.h"
#include "util/buf.h"

#include <stdint.h>
#include <stdio.h>

int cmd_render(int argc, char **argv);
int cmd_fonts(int argc, char **argv);
int cmd_layout(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_batch(int argc, char **argv);
int cmd_help(int argc, char **argv);
int cmd_specimen(int argc, char **argv);

/* gongwen check --template: one template file (or built-in name, or - for
 * standard input) by itself, its font roles included (check-template.c). */
/* A template as the user names it, as the loader takes it: a name with a
 * '/' or ending in .yaml is a file (./ put before a bare file name, which
 * the loader would take for a built-in); any other is a built-in name.
 * malloc'ed; NULL when out of memory. */
char *cli_template_operand(const char *operand);
/* The template of that name (from cli_template_operand); a built-in name
 * that is none is E0114 with the near miss, as a document's template: is. */
struct gw_template;
struct gw_template *cli_load_template(const char *data_dir, const char *name, gw_diagnostics *diags);
gw_status cli_check_template(gw_engine *engine, const char *operand, int flags, gw_diagnostics *diags);

/* --- options (options.c) --- */
typedef struct cli_option {
    const char *name;                /* long name, without "--" */
    char        short_name;          /* 'o' for -o, or 0 */
    const char *value_name;          /* "DIR"; NULL for a flag */
    const char *const *allowed;      /* NULL-terminated allowed values, or NULL: any */
} cli_option;
/* Called for each option given; returns 0 to stop (a usage error it printed). */
typedef int (*cli_option_handler)(void *ctx, const cli_option *option, const char *value);
/* Reads argv[1..] against opts (ended by an entry with name NULL): options
 * go to on_option, the rest to *operands (calloc'ed, freed by the caller
 * even on failure).  `--` ends the options; `-` is an operand.  Returns 0
 * after printing a usage error (unknown option, missing or disallowed value,
 * naming the allowed ones). */
int cli_parse(const char *command, const cli_option *opts, int argc, char **argv,
              cli_option_handler on_option, void *ctx, const char ***operands, int *noperands);

/* What several commands share: --font-path DIR (repeatable) and --quiet. */
typedef struct cli_common {
    gw_buf font_path;                /* the folders, ':'-separated */
    int    quiet;                    /* warnings are not printed */
} cli_common;
void        cli_font_path_add(cli_common *c, const char *dir);
const char *cli_font_path(const cli_common *c);   /* NULL when none was given */

/* --- help (help.c, help-text.c) --- */
/* The help of a command (NULL: the program's), in the user's language. */
void cli_help(FILE *to, const char *command);
/* "usage: ..." lines of a command, to stderr, after a usage error. */
void cli_usage_hint(const char *command);

/* --- standard input (stdin.c) --- */
/* All of standard input (malloc'ed), at most limit + 1 bytes; NULL on a read error. */
char *cli_read_stdin(size_t limit, size_t *len);

/* --- reporting (report.c) --- */
/* The diagnostics that came while one input was processed. */
typedef struct cli_file {
    const char *file;                /* as given; "-" is shown as <stdin> */
    const char *output;              /* the PDF written, or NULL */
    size_t      first, end;          /* its diagnostics: [first, end) */
} cli_file;
typedef struct cli_report {
    const gw_diagnostics *diags;
    cli_file *files;
    size_t    count;
    int       strict, quiet;
} cli_report;
/* Whether diagnostic i is printed: --quiet hides warnings; a W0811 (a
 * role in a substitute) said for one document is not said again. */
int  cli_shown(const cli_report *r, size_t i);
/* Text lines (file:line:col: ...) of the shown diagnostics. */
void cli_report_text(FILE *to, const cli_report *r);
/* One JSON object: files, diagnostics, totals (docs/json.md). */
void cli_report_json(FILE *to, const cli_report *r);
/* One text line of a diagnostic (diagnostics.c). */
void cli_print_one(FILE *to, const gw_diag *d, int strict);

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
/* The user's language for messages: Chinese when LC_ALL, else LC_MESSAGES,
 * else LANG (the first one set) starts with "zh"; English otherwise. */
gw_language cli_language(void);
/* Exit codes shared by the commands. */
enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_ENV = 3 };
/* The exit code for a library status: 1 for the document's own problems, 3
 * for the machine's (fonts, templates, files, memory). */
int cli_exit_code(gw_status status);
/* The last second a PDF date can say: 9999-12-31 23:59:59 in China
 * Standard Time, the zone the dates are written in (UTC+8). */
#define CLI_LAST_PDF_SECOND 253402271999LL
/* $SOURCE_DATE_EPOCH into *out when set (unchanged when not); 0 when it is
 * not a number of seconds within the PDF date range (up to 9999-12-31). */
int cli_source_date_epoch(int64_t *out);
#endif
