/* Command-line options, read the same way by every command: long options
 * as --name VALUE or --name=VALUE, short ones as -o VALUE, `--` ends the
 * options, `-` alone is an operand (standard input or output). */
#include "cli/cli.h"
#include <stdlib.h>
#include <string.h>

static const cli_option *find_long(const cli_option *opts, const char *arg, size_t n)
{
    for (const cli_option *o = opts; o->name; o++)
        if (strlen(o->name) == n && strncmp(o->name, arg, n) == 0) return o;
    return NULL;
}

static const cli_option *find_short(const cli_option *opts, char c)
{
    for (const cli_option *o = opts; o->name; o++)
        if (o->short_name && o->short_name == c) return o;
    return NULL;
}

/* "text, json" (Chinese: "text、json") */
static void print_allowed(const char *const *allowed)
{
    const char *sep = cli_language() == GW_LANG_ZH ? "、" : ", ";
    for (size_t i = 0; allowed[i]; i++) fprintf(stderr, "%s%s", i ? sep : "", allowed[i]);
    fputc('\n', stderr);
}

static int value_allowed(const cli_option *o, const char *command, const char *value)
{
    if (!o->allowed) return 1;
    for (size_t i = 0; o->allowed[i]; i++)
        if (strcmp(o->allowed[i], value) == 0) return 1;
    fprintf(stderr, cli_language() == GW_LANG_ZH ? "gongwen %s：--%s 的值 %s 无效，可选值为 "
                                                 : "gongwen %s: --%s %s is not allowed; allowed values: ",
            command, o->name, value);
    print_allowed(o->allowed);
    return 0;
}

static int usage_error(const char *command, const char *en, const char *zh, const char *what)
{
    fprintf(stderr, "gongwen %s: ", command);
    fprintf(stderr, cli_language() == GW_LANG_ZH ? zh : en, what);
    fprintf(stderr, cli_language() == GW_LANG_ZH ? "（用法见 gongwen help %s）\n"
                                                 : " (see gongwen help %s)\n", command);
    return 0;
}

/* One option at argv[*i]; may take the next argument as its value. */
static int take_option(const char *command, const cli_option *opts, int argc, char **argv, int *i,
                       cli_option_handler on_option, void *ctx)
{
    const char *arg = argv[*i], *value = NULL;
    const cli_option *o;
    if (arg[1] == '-') {
        size_t n = strcspn(arg + 2, "=");
        o = find_long(opts, arg + 2, n);
        if (o && arg[2 + n] == '=') value = arg + 3 + n;
    } else {
        o = find_short(opts, arg[1]);
        if (o && arg[2]) value = arg + 2;                     /* -oOUT.pdf */
    }
    if (!o) return usage_error(command, "unknown option %s", "没有选项 %s", arg);
    if (o->value_name && !value) {
        if (*i + 1 >= argc) return usage_error(command, "%s needs a value", "选项 %s 须带参数", arg);
        value = argv[++*i];
    } else if (!o->value_name && value) {
        return usage_error(command, "%s takes no value", "选项 %s 不带参数", arg);
    }
    if (value && !value_allowed(o, command, value)) return 0;
    return on_option(ctx, o, value);
}

int cli_parse(const char *command, const cli_option *opts, int argc, char **argv,
              cli_option_handler on_option, void *ctx, const char ***operands, int *noperands)
{
    *noperands = 0;
    *operands = calloc((size_t)argc + 1, sizeof **operands);
    if (!*operands) return 0;
    int options_end = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!options_end && strcmp(a, "--") == 0) options_end = 1;
        else if (!options_end && a[0] == '-' && a[1]) {
            if (!take_option(command, opts, argc, argv, &i, on_option, ctx)) return 0;
        } else (*operands)[(*noperands)++] = a;
    }
    return 1;
}

void cli_font_path_add(cli_common *c, const char *dir)
{
    if (c->font_path.len) gw_buf_puts(&c->font_path, ":");
    gw_buf_puts(&c->font_path, dir);
}

const char *cli_font_path(const cli_common *c) { return c->font_path.len ? c->font_path.data : NULL; }
