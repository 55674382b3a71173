/* gongwen check [OPTIONS] FILE...: validates documents without rendering
 * them (help-text.c).  Exit 0: clean or warnings only; 1: errors (or
 * warnings under --strict); 2: usage. */
#include "cli/cli.h"
#include "document/document.h"
#include "yaml/ynode.h"
#include <stdlib.h>
#include <string.h>

static const char *const formats[] = { "text", "json", NULL };
static const cli_option options[] = {
    { "strict", 0, NULL, NULL }, { "format", 0, "FORMAT", formats }, { "quiet", 'q', NULL, NULL },
    { "help", 'h', NULL, NULL }, { NULL, 0, NULL, NULL },
};

typedef struct check_args {
    int strict, json, quiet, help;
} check_args;

static int on_option(void *ctx, const cli_option *o, const char *value)
{
    check_args *a = ctx;
    if (!strcmp(o->name, "strict")) a->strict = 1;
    else if (!strcmp(o->name, "format")) a->json = !strcmp(value, "json");
    else if (!strcmp(o->name, "quiet")) a->quiet = 1;
    else a->help = 1;
    return 1;
}

static void check_one(const char *input, gw_diagnostics *diags)
{
    if (strcmp(input, "-") != 0) {
        gw_document_destroy(gw_document_read(input, diags));
        return;
    }
    size_t len = 0, errors = 0;
    char *data = cli_read_stdin(GW_YAML_MAX_BYTES, &len);
    gw_document_destroy(gw_document_read_memory("<stdin>", ".", data ? data : "", data ? len : 0, diags, &errors));
    free(data);
}

static int check_all(const check_args *a, const char **inputs, size_t n)
{
    gw_diagnostics *diags = gw_diagnostics_create();
    cli_file *files = calloc(n, sizeof *files);
    if (!diags || !files) { gw_diagnostics_destroy(diags); free(files); return EXIT_ENV; }
    gw_diagnostics_set_language(diags, cli_language());
    for (size_t i = 0; i < n; i++) {
        files[i].file = inputs[i];
        files[i].first = gw_diagnostics_count(diags);
        check_one(inputs[i], diags);
        files[i].end = gw_diagnostics_count(diags);
    }
    cli_report report = { diags, files, n, a->strict, a->quiet };
    if (a->json) cli_report_json(stdout, &report);
    else cli_report_text(stdout, &report);
    size_t problems = gw_diagnostics_errors(diags) + (a->strict ? gw_diagnostics_warnings(diags) : 0);
    gw_diagnostics_destroy(diags);
    free(files);
    return problems ? EXIT_INPUT : EXIT_OK;
}

int cmd_check(int argc, char **argv)
{
    check_args a = { 0, 0, 0, 0 };
    const char **inputs = NULL;
    int n = 0, rc = EXIT_USAGE, stdin_inputs = 0;
    if (!cli_parse("check", options, argc, argv, on_option, &a, &inputs, &n)) cli_usage_hint("check");
    else if (a.help) { cli_help(stdout, "check"); rc = EXIT_OK; }
    else if (n == 0) cli_usage_hint("check");
    else {
        for (int i = 0; i < n; i++) stdin_inputs += strcmp(inputs[i], "-") == 0;
        if (stdin_inputs > 1)
            fputs(cli_language() == GW_LANG_ZH ? "gongwen check：标准输入（-）只能读取一次\n"
                                               : "gongwen check: standard input (-) can be read once\n", stderr);
        else rc = check_all(&a, inputs, (size_t)n);
    }
    free(inputs);
    return rc;
}
