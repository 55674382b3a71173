/* gongwen check [OPTIONS] FILE...: validates documents against their
 * templates and lays them out, without writing anything, so that what it
 * passes renders; --layout also verifies the laid-out pages against the
 * template and says which fonts substitute (help-text.c).  Exit 0: clean or
 * warnings only; 1: errors (or warnings under --strict); 2: usage; 3: no
 * fonts or data folder. */
#include "cli/cli.h"
#include "yaml/ynode.h"
#include <stdlib.h>
#include <string.h>

static const char *const formats[] = { "text", "json", NULL };
static const cli_option options[] = {
    { "strict", 0, NULL, NULL }, { "layout", 0, NULL, NULL }, { "format", 0, "FORMAT", formats },
    { "font-path", 0, "DIR", NULL }, { "quiet", 'q', NULL, NULL }, { "help", 'h', NULL, NULL },
    { NULL, 0, NULL, NULL },
};

typedef struct check_args {
    cli_common common;
    int        strict, layout, json, help;
} check_args;

static int on_option(void *ctx, const cli_option *o, const char *value)
{
    check_args *a = ctx;
    if (!strcmp(o->name, "strict")) a->strict = 1;
    else if (!strcmp(o->name, "layout")) a->layout = 1;
    else if (!strcmp(o->name, "format")) a->json = !strcmp(value, "json");
    else if (!strcmp(o->name, "font-path")) cli_font_path_add(&a->common, value);
    else if (!strcmp(o->name, "quiet")) a->common.quiet = 1;
    else a->help = 1;
    return 1;
}

/* One document; its status (an environment failure ends with exit 3). */
static gw_status check_one(gw_engine *engine, const char *input, int flags, gw_diagnostics *diags)
{
    if (strcmp(input, "-") != 0) return gw_check_file(engine, input, flags, diags);
    size_t len = 0;
    char *data = cli_read_stdin(GW_YAML_MAX_BYTES, &len);
    gw_status st = gw_check_buffer(engine, "<stdin>", data ? data : "", data ? len : 0, flags, diags);
    free(data);
    return st;
}

static int check_all(const check_args *a, const char **inputs, size_t n)
{
    gw_diagnostics *diags = gw_diagnostics_create();
    cli_file *files = calloc(n, sizeof *files);
    if (!diags || !files) { gw_diagnostics_destroy(diags); free(files); return EXIT_ENV; }
    gw_diagnostics_set_language(diags, cli_language());
    gw_engine_options eo = { NULL, NULL, cli_font_path(&a->common) };
    gw_engine *engine = NULL;
    if (gw_engine_create(&eo, diags, &engine) != GW_OK) {
        cli_print_text(stderr, diags, 0);
        gw_diagnostics_destroy(diags);
        free(files);
        return EXIT_ENV;
    }
    int env_failed = 0;
    for (size_t i = 0; i < n; i++) {
        files[i].file = inputs[i];
        files[i].first = gw_diagnostics_count(diags);
        gw_status st = check_one(engine, inputs[i], a->layout ? GW_CHECK_LAYOUT : 0, diags);
        if (st != GW_OK && cli_exit_code(st) == EXIT_ENV) env_failed = 1;
        files[i].end = gw_diagnostics_count(diags);
    }
    gw_engine_destroy(engine);
    cli_report report = { diags, files, n, a->strict, a->common.quiet };
    if (a->json) cli_report_json(stdout, &report);
    else cli_report_text(stdout, &report);
    size_t problems = gw_diagnostics_errors(diags) + (a->strict ? gw_diagnostics_warnings(diags) : 0);
    gw_diagnostics_destroy(diags);
    free(files);
    return env_failed ? EXIT_ENV : problems ? EXIT_INPUT : EXIT_OK;
}

int cmd_check(int argc, char **argv)
{
    check_args a;
    memset(&a, 0, sizeof a);
    gw_buf_init(&a.common.font_path);
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
    gw_buf_free(&a.common.font_path);
    return rc;
}
