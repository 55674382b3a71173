/* gongwen: Chinese official documents to print-ready PDF (GB/T 9704-2012). */
#include "cli/cli.h"
#include <stdio.h>
#include <string.h>

static const struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} commands[] = {
    { "render", cmd_render, "render documents to PDF" },
    { "batch",  cmd_batch,  "render many documents into a folder, in parallel" },
    { "fonts", cmd_fonts, "show the fonts serving each role, or a document's fallbacks" },
    { "layout", cmd_layout, "print the laid-out pages as JSON" },
    { "check",  cmd_check,  "validate documents and report every problem" },
    { "new",    cmd_new,    "print a starting document to fill in" },
};

static void usage(FILE *to)
{
    fputs("usage: gongwen COMMAND [ARGS]\n\ncommands:\n", to);
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(to, "  %-8s %s\n", commands[i].name, commands[i].summary);
    fputs("\ngongwen --version prints the version.\n", to);
}

int main(int argc, char **argv)
{
    if (argc < 2) { usage(stderr); return EXIT_USAGE; }
    if (strcmp(argv[1], "--version") == 0) { printf("gongwen %s\n", gw_version()); return EXIT_OK; }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) { usage(stdout); return EXIT_OK; }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(argv[1], commands[i].name) == 0) return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "gongwen: '%s' is not a command\n", argv[1]);
    usage(stderr);
    return EXIT_USAGE;
}
