/* gongwen help [COMMAND], COMMAND --help, and the hint after a usage error. */
#include "cli/cli.h"
#include "cli/help-text.h"
#include <string.h>

void cli_help(FILE *to, const char *command)
{
    const cli_help_text *t = cli_help_text_of(command);
    if (t) fputs(cli_language() == GW_LANG_ZH ? t->zh : t->en, to);
}

/* The help's first line ("usage: ..." / "用法：..."). */
void cli_usage_hint(const char *command)
{
    const cli_help_text *t = cli_help_text_of(command);
    if (!t) return;
    const char *text = cli_language() == GW_LANG_ZH ? t->zh : t->en;
    fprintf(stderr, "%.*s", (int)(strcspn(text, "\n") + 1), text);
}

int cmd_help(int argc, char **argv)
{
    const char *command = argc > 1 ? argv[1] : NULL;
    if (command && (strcmp(command, "--help") == 0 || strcmp(command, "-h") == 0)) command = "help";
    if (command && strcmp(command, "batch") == 0) {       /* batch.c says its own help */
        char *args[] = { "batch", "--help", NULL };
        return cmd_batch(2, args);
    }
    if (argc > 2 || (command && !cli_help_text_of(command))) {
        fprintf(stderr, cli_language() == GW_LANG_ZH ? "gongwen help：没有命令 %s\n"
                                                     : "gongwen help: no command %s\n", command);
        cli_help(stderr, NULL);
        return EXIT_USAGE;
    }
    cli_help(stdout, command);
    return EXIT_OK;
}
