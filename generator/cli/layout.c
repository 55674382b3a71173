/* gongwen layout [OPTIONS] FILE.yaml: the laid-out pages as JSON on stdout
 * (the display list: glyph runs, rules and line boxes, in points from the
 * top-left corner; docs/json.md), for checks and other tools. */
#include "cli/cli.h"
#include "yaml/ynode.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const cli_option options[] = {
    { "font-path", 0, "DIR", NULL }, { "quiet", 'q', NULL, NULL }, { "help", 'h', NULL, NULL },
    { NULL, 0, NULL, NULL },
};

typedef struct layout_args {
    cli_common common;
    int        help;
} layout_args;

static int on_option(void *ctx, const cli_option *o, const char *value)
{
    layout_args *a = ctx;
    if (!strcmp(o->name, "font-path")) cli_font_path_add(&a->common, value);
    else if (!strcmp(o->name, "quiet")) a->common.quiet = 1;
    else a->help = 1;
    return 1;
}

/* "-": standard input, read whole and laid out from memory. */
static gw_status lay_out(gw_engine *engine, const char *input, gw_diagnostics *diags, char **json)
{
    if (strcmp(input, "-") != 0) return gw_layout_json(engine, input, diags, json);
    size_t len = 0;
    char *data = cli_read_stdin(GW_YAML_MAX_BYTES, &len);
    gw_status st = data ? gw_layout_json_buffer(engine, "<stdin>", data, len, diags, json) : GW_ERR_IO;
    free(data);
    return st;
}

static int layout_one(const layout_args *a, const char *input)
{
    gw_diagnostics *diags = gw_diagnostics_create();
    if (!diags) return EXIT_ENV;
    gw_diagnostics_set_language(diags, cli_language());
    gw_engine_options eo = { NULL, NULL, cli_font_path(&a->common) };
    gw_engine *engine = NULL;
    char *json = NULL;
    int rc = EXIT_OK;
    if (gw_engine_create(&eo, diags, &engine) != GW_OK) rc = EXIT_ENV;
    else rc = cli_exit_code(lay_out(engine, input, diags, &json));
    if (json) fputs(json, stdout);
    cli_file file = { input, NULL, 0, gw_diagnostics_count(diags) };
    cli_report report = { diags, &file, 1, 0, a->common.quiet };
    cli_report_text(stderr, &report);
    free(json);
    gw_engine_destroy(engine);
    gw_diagnostics_destroy(diags);
    return rc;
}

int cmd_layout(int argc, char **argv)
{
    layout_args a;
    memset(&a, 0, sizeof a);
    gw_buf_init(&a.common.font_path);
    const char **inputs = NULL;
    int n = 0, rc = EXIT_USAGE;
    if (!cli_parse("layout", options, argc, argv, on_option, &a, &inputs, &n)) cli_usage_hint("layout");
    else if (a.help) { cli_help(stdout, "layout"); rc = EXIT_OK; }
    else if (n != 1) cli_usage_hint("layout");
    else rc = layout_one(&a, inputs[0]);
    free(inputs);
    gw_buf_free(&a.common.font_path);
    return rc;
}
