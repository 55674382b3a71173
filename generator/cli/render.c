/* gongwen render [OPTIONS] FILE.yaml...: each document to a PDF (help-text.c). */
#include "cli/cli.h"
#include "util/messages.h"
#include "util/output.h"
#include "yaml/ynode.h"
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static const char *const formats[] = { "text", "json", NULL };
static const cli_option options[] = {
    { "output", 'o', "PATH", NULL }, { "strict", 0, NULL, NULL }, { "format", 0, "FORMAT", formats },
    { "font-path", 0, "DIR", NULL }, { "quiet", 'q', NULL, NULL }, { "help", 'h', NULL, NULL },
    { NULL, 0, NULL, NULL },
};

typedef struct render_args {
    cli_common  common;
    const char *output;
    int         strict, json, help;
} render_args;

static int on_option(void *ctx, const cli_option *o, const char *value)
{
    render_args *a = ctx;
    if (!strcmp(o->name, "output")) a->output = value;
    else if (!strcmp(o->name, "strict")) a->strict = 1;
    else if (!strcmp(o->name, "format")) a->json = !strcmp(value, "json");
    else if (!strcmp(o->name, "font-path")) cli_font_path_add(&a->common, value);
    else if (!strcmp(o->name, "quiet")) a->common.quiet = 1;
    else a->help = 1;
    return 1;
}

/* -o DIR/ or an existing folder: NAME.pdf in it.  DIR/ is made when
 * missing (its parent must exist), as `mkdir DIR` would.  A folder named
 * X.pdf is not taken for one: that name asks for a file, and writing it is
 * refused (E0004, util/output.h). */
static int is_folder(const char *path)
{
    struct stat st;
    size_t n = strlen(path);
    if (n && path[n - 1] != '/' && n >= 4 && strcasecmp(path + n - 4, ".pdf") == 0) return 0;
    if (stat(path, &st) == 0) return S_ISDIR(st.st_mode);
    if (n && path[n - 1] == '/') {
        mkdir(path, 0777);
        return 1;
    }
    return 0;
}

/* FILE.yaml -> FILE.pdf; with a folder, FOLDER/FILE.pdf. */
static char *output_for(const char *input, const char *folder)
{
    const char *base = folder ? strrchr(input, '/') : NULL;
    base = base ? base + 1 : input;
    size_t n = strlen(base);
    const char *dot = strrchr(base, '.');
    if (dot && !strchr(dot, '/')) n = (size_t)(dot - base);
    gw_buf b;
    gw_buf_init(&b);
    if (folder) gw_buf_printf(&b, "%s%s", folder, folder[strlen(folder) - 1] == '/' ? "" : "/");
    gw_buf_printf(&b, "%.*s.pdf", (int)n, base);
    return gw_buf_steal(&b, NULL);
}


/* Writing the PDF over its own document would destroy it. */
static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* By the output's kind (util/output.h): - and pipes written straight, a
 * regular file replaced atomically. */
static gw_status write_pdf(const char *input, const char *output, const unsigned char *pdf, size_t len,
                           gw_diagnostics *diags)
{
    if (strcmp(input, "-") != 0 && same_file(input, output)) {
        gw_report(diags, gw_loc_file(output), GW_MSG_OVERWRITES_INPUT);
        return GW_ERR_IO;
    }
    return gw_write_output(output, pdf, len, diags) ? GW_OK : GW_ERR_IO;
}

static size_t warnings_since(const gw_diagnostics *diags, size_t first)
{
    size_t n = 0;
    for (size_t i = first; i < gw_diagnostics_count(diags); i++)
        n += gw_diagnostics_get(diags, i)->severity == GW_WARNING;
    return n;
}

typedef struct run {
    gw_engine         *engine;
    gw_render_options  opts;
    gw_diagnostics    *diags;
    const char        *stdin_data;     /* the document of "-" */
    size_t             stdin_len;
} run;

/* One document; nothing is written when it has errors (or, under
 * --strict, warnings, those of the fonts included). */
static int render_one(run *R, const render_args *a, cli_file *f)
{
    unsigned char *pdf = NULL;
    size_t len = 0;
    gw_status st = strcmp(f->file, "-") == 0
        ? gw_render_buffer(R->engine, "<stdin>", R->stdin_data, R->stdin_len, &R->opts, R->diags, &pdf, &len)
        : gw_render_to_memory(R->engine, f->file, &R->opts, R->diags, &pdf, &len);
    int rc = cli_exit_code(st);
    if (st == GW_OK && a->strict && warnings_since(R->diags, f->first)) rc = EXIT_INPUT;
    else if (st == GW_OK) {
        st = write_pdf(f->file, f->output, pdf, len, R->diags);
        rc = cli_exit_code(st);
    }
    if (rc != EXIT_OK || !strcmp(f->output, "-")) f->output = rc == EXIT_OK ? "<stdout>" : NULL;
    free(pdf);
    return rc;
}

static int render_all(const render_args *a, cli_file *files, size_t n)
{
    run R = { NULL, { 0 }, gw_diagnostics_create(), NULL, 0 };
    char *data = NULL;
    gw_render_options_init(&R.opts);
    if (!R.diags) return EXIT_ENV;
    if (!cli_source_date_epoch(&R.opts.source_date_epoch)) {
        fprintf(stderr, cli_language() == GW_LANG_ZH
                            ? "gongwen render：SOURCE_DATE_EPOCH 应为 0 至 %lld 之间的秒数（PDF 可表示的最后日期为 9999-12-31）\n"
                            : "gongwen render: SOURCE_DATE_EPOCH must be a number of seconds from 0 to %lld "
                              "(the last date a PDF can hold, 9999-12-31)\n", CLI_LAST_PDF_SECOND);
        gw_diagnostics_destroy(R.diags);
        return EXIT_USAGE;
    }
    gw_diagnostics_set_language(R.diags, cli_language());
    signal(SIGPIPE, SIG_IGN);     /* a reader that goes away is a write error (E0004), not a silent death */
    gw_engine_options eo = { NULL, NULL, cli_font_path(&a->common) };
    int rc = gw_engine_create(&eo, R.diags, &R.engine) == GW_OK ? EXIT_OK : EXIT_ENV;
    for (size_t i = 0; i < n && !R.engine; i++) files[i].output = NULL;
    for (size_t i = 0; i < n && R.engine; i++) {
        if (!strcmp(files[i].file, "-") && !data) {
            data = cli_read_stdin(GW_YAML_MAX_BYTES, &R.stdin_len);
            R.stdin_data = data ? data : "";
        }
        files[i].first = gw_diagnostics_count(R.diags);
        int one = render_one(&R, a, &files[i]);
        files[i].end = gw_diagnostics_count(R.diags);
        if (one > rc) rc = one;
    }
    cli_report report = { R.diags, files, n, a->strict, a->common.quiet };
    if (a->json) cli_report_json(stderr, &report);
    else cli_report_text(stderr, &report);
    free(data);
    gw_engine_destroy(R.engine);
    gw_diagnostics_destroy(R.diags);
    return rc;
}

static int usage_error(const char *en, const char *zh)
{
    fputs(cli_language() == GW_LANG_ZH ? zh : en, stderr);
    cli_usage_hint("render");
    return EXIT_USAGE;
}

/* Each input's output; 0 after a usage error. */
static int plan_outputs(const render_args *a, const char **inputs, int n, cli_file *files, char **owned)
{
    int folder = a->output && strcmp(a->output, "-") != 0 && is_folder(a->output), stdin_inputs = 0;
    for (int i = 0; i < n; i++) stdin_inputs += strcmp(inputs[i], "-") == 0;
    if (stdin_inputs > 1)
        return !usage_error("gongwen render: standard input (-) can be read once\n",
                            "gongwen render：标准输入（-）只能读取一次\n");
    if (a->output && !folder && n > 1)
        return !usage_error("gongwen render: --output names one file; for several documents give a folder (DIR/)\n",
                            "gongwen render：--output 只能指定一个文件；多份文档请指定目录（目录/）\n");
    if (stdin_inputs && (!a->output || folder))
        return !usage_error("gongwen render: a document from standard input needs --output FILE (or - for standard output)\n",
                            "gongwen render：从标准输入读取的文档须用 --output 指定输出文件（- 表示标准输出）\n");
    for (int i = 0; i < n; i++) {
        files[i].file = inputs[i];
        owned[i] = a->output && !folder ? NULL : output_for(inputs[i], folder ? a->output : NULL);
        files[i].output = owned[i] ? owned[i] : a->output;
        if (!files[i].output) return 0;
    }
    return 1;
}

int cmd_render(int argc, char **argv)
{
    render_args a;
    memset(&a, 0, sizeof a);
    gw_buf_init(&a.common.font_path);
    const char **inputs = NULL;
    int n = 0, rc = EXIT_USAGE;
    if (!cli_parse("render", options, argc, argv, on_option, &a, &inputs, &n)) cli_usage_hint("render");
    else if (a.help) { cli_help(stdout, "render"); rc = EXIT_OK; }
    else if (n == 0) cli_usage_hint("render");
    else {
        cli_file *files = calloc((size_t)n, sizeof *files);
        char **owned = calloc((size_t)n, sizeof *owned);
        if (!files || !owned) rc = EXIT_ENV;
        else if (plan_outputs(&a, inputs, n, files, owned)) rc = render_all(&a, files, (size_t)n);
        for (int i = 0; owned && i < n; i++) free(owned[i]);
        free(owned);
        free(files);
    }
    free(inputs);
    gw_buf_free(&a.common.font_path);
    return rc;
}
