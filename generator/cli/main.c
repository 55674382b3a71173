/* gongwen: Chinese official documents to print-ready PDF (GB/T 9704-2012). */
#include "cli/cli.h"
#include "fonts/font-dirs.h"
#include "render/data-dir.h"
#include "render/versions.h"
#include <stdlib.h>
#include <string.h>

static const struct command {
    const char *name;
    int (*run)(int argc, char **argv);
} commands[] = {
    { "new", cmd_new }, { "check", cmd_check }, { "render", cmd_render }, { "batch", cmd_batch },
    { "fonts", cmd_fonts }, { "layout", cmd_layout }, { "help", cmd_help },
};

/* gongwen --version: what a bug report needs, and where the data is. */
static int print_version(void)
{
    gw_data_dir_source source;
    char *data = gw_data_dir_find(NULL, &source);
    gw_font_dirs dirs;
    gw_buf libs;
    gw_buf_init(&libs);
    gw_runtime_versions(&libs);
    printf("gongwen %s\n", gw_version());
    printf("data folder: %s (%s)\n", data ? data : "?", gw_data_dir_source_name(source));
    if (gw_font_dirs_init(&dirs, NULL))
        for (size_t i = 0; i < dirs.count; i++) printf("font folder: %s\n", dirs.dirs[i]);
    printf("libraries: %s\n", libs.data ? libs.data : "?");
    gw_font_dirs_free(&dirs);
    gw_buf_free(&libs);
    free(data);
    return EXIT_OK;
}

int main(int argc, char **argv)
{
    if (argc < 2) { cli_help(stderr, NULL); return EXIT_USAGE; }
    const char *a = argv[1];
    if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) return print_version();
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) { cli_help(stdout, NULL); return EXIT_OK; }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(a, commands[i].name) == 0) return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, cli_language() == GW_LANG_ZH ? "gongwen：没有命令 %s\n" : "gongwen: '%s' is not a command\n", a);
    cli_help(stderr, NULL);
    return EXIT_USAGE;
}
