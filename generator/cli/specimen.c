/* gongwen specimen [--template NAME|FILE] [-o OUT.pdf]: renders the built-in
 * specimen document of the template's kind (specimens/KIND.yaml in the data
 * folder: every element that kind of template can print) through the
 * template, so that a CI job can look at, and diff, what a template change
 * does.  The PDF goes through the same writer as render's (atomic for a
 * file; - is standard output).  Exit codes as render's. */
#include "cli/cli.h"
#include "cli/specimen.h"
#include "render/engine-internal.h"
#include "template/template.h"
#include "util/messages.h"
#include "util/output.h"
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const cli_option options[] = {
    { "template", 't', "NAME", NULL }, { "output", 'o', "PATH", NULL }, { "font-path", 0, "DIR", NULL },
    { "quiet", 'q', NULL, NULL }, { "help", 'h', NULL, NULL }, { NULL, 0, NULL, NULL },
};

typedef struct specimen_args {
    cli_common  common;
    const char *template_name;
    const char *output;
    int         help;
} specimen_args;

static int on_option(void *ctx, const cli_option *o, const char *value)
{
    specimen_args *a = ctx;
    if (!strcmp(o->name, "template")) a->template_name = value;
    else if (!strcmp(o->name, "output")) a->output = value;
    else if (!strcmp(o->name, "font-path")) cli_font_path_add(&a->common, value);
    else if (!strcmp(o->name, "quiet")) a->common.quiet = 1;
    else a->help = 1;
    return 1;
}

static const char *const kind_names[] = { "file", "letter", "order", "minutes" };

/* The specimen file's bytes, or NULL with E0002 said at its path. */
static char *read_specimen(const char *path, size_t *len, gw_diagnostics *diags)
{
    FILE *f = fopen(path, "rb");
    gw_buf b;
    gw_buf_init(&b);
    char chunk[8192];
    size_t n;
    while (f && (n = fread(chunk, 1, sizeof chunk, f)) > 0) gw_buf_append(&b, chunk, n);
    if (!f || ferror(f) || b.failed) {
        gw_report(diags, gw_loc_file(path), GW_MSG_CANNOT_OPEN, strerror(f ? EIO : errno));
        if (f) fclose(f);
        gw_buf_free(&b);
        return NULL;
    }
    fclose(f);
    return gw_buf_steal(&b, len);
}

/* -o DIR/ or an existing folder: specimen-NAME.pdf in it; no -o: in the
 * current folder.  NAME is the template's name. */
static char *output_path(const char *output, const gw_template *t)
{
    struct stat st;
    gw_buf b;
    gw_buf_init(&b);
    size_t n = output ? strlen(output) : 0;
    int folder = output && strcmp(output, "-") && (output[n - 1] == '/' || (stat(output, &st) == 0 && S_ISDIR(st.st_mode)));
    if (folder && stat(output, &st) != 0) mkdir(output, 0777);    /* DIR/ is made, as render makes it */
    if (output && !folder) gw_buf_puts(&b, output);
    else gw_buf_printf(&b, "%s%sspecimen-%s.pdf", folder ? output : "", folder && output[n - 1] != '/' ? "/" : "",
                       t->name && *t->name ? t->name : kind_names[t->kind]);
    return gw_buf_steal(&b, NULL);
}

/* The specimen of t's kind, adapted to name (the template as the user
 * gave it), rendered and written to output. */
static gw_status render_specimen(gw_engine *engine, const gw_template *t, const char *name, const char *output,
                                 gw_diagnostics *diags)
{
    gw_buf dir, path, text;
    gw_buf_init(&dir);
    gw_buf_init(&path);
    gw_buf_init(&text);
    gw_buf_printf(&dir, "%s/specimens", gw_engine_data_dir(engine));
    gw_buf_printf(&path, "%s/%s.yaml", dir.data, kind_names[t->kind]);
    size_t len = 0;
    char *raw = dir.failed || path.failed ? NULL : read_specimen(path.data, &len, diags);
    gw_status st = raw ? GW_OK : GW_ERR_IO;
    if (raw) cli_specimen_text(raw, len, name, dir.data, &text);
    if (raw && text.failed) st = GW_ERR_NOMEM;
    unsigned char *pdf = NULL;
    size_t pdf_len = 0;
    if (st == GW_OK) st = gw_render_buffer(engine, path.data, text.data, text.len, NULL, diags, &pdf, &pdf_len);
    if (st == GW_OK && !gw_write_output(output, pdf, pdf_len, diags)) st = GW_ERR_IO;
    free(pdf);
    free(raw);
    gw_buf_free(&text);
    gw_buf_free(&path);
    gw_buf_free(&dir);
    return st;
}

static int run_specimen(const specimen_args *a)
{
    gw_diagnostics *diags = gw_diagnostics_create();
    if (!diags) return EXIT_ENV;
    gw_diagnostics_set_language(diags, cli_language());
    signal(SIGPIPE, SIG_IGN);
    gw_engine_options eo = { NULL, NULL, cli_font_path(&a->common) };
    gw_engine *engine = NULL;
    int rc = EXIT_ENV;
    const char *given = a->template_name ? a->template_name : "file";
    char *name = cli_template_operand(given);
    cli_file file = { given, NULL, 0, 0 };
    if (name && gw_engine_create(&eo, diags, &engine) == GW_OK) {
        gw_template *t = cli_load_template(gw_engine_data_dir(engine), name, diags);
        char *output = t ? output_path(a->output, t) : NULL;
        rc = !t ? EXIT_INPUT : !output ? EXIT_ENV : cli_exit_code(render_specimen(engine, t, name, output, diags));
        if (rc == EXIT_OK) file.output = strcmp(output, "-") ? output : "<stdout>";
        cli_report report = { diags, &file, 1, 0, a->common.quiet };
        file.end = gw_diagnostics_count(diags);
        cli_report_text(stderr, &report);
        free(output);
        gw_template_destroy(t);
    } else {
        cli_print_text(stderr, diags, 0);
    }
    gw_engine_destroy(engine);
    gw_diagnostics_destroy(diags);
    free(name);
    return rc;
}

int cmd_specimen(int argc, char **argv)
{
    specimen_args a;
    memset(&a, 0, sizeof a);
    gw_buf_init(&a.common.font_path);
    const char **operands = NULL;
    int n = 0, rc = EXIT_USAGE;
    if (!cli_parse("specimen", options, argc, argv, on_option, &a, &operands, &n)) cli_usage_hint("specimen");
    else if (a.help) { cli_help(stdout, "specimen"); rc = EXIT_OK; }
    else if (n > 0) cli_usage_hint("specimen");
    else rc = run_specimen(&a);
    free(operands);
    gw_buf_free(&a.common.font_path);
    return rc;
}
