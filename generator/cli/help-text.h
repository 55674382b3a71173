/* The help texts of the program and its commands. */
#ifndef GW_CLI_HELP_TEXT_H
#define GW_CLI_HELP_TEXT_H

typedef struct cli_help_text {
    const char *command;     /* NULL: the program */
    const char *en, *zh;
} cli_help_text;

/* The help of a command (NULL: the program's), or NULL when there is no such command. */
const cli_help_text *cli_help_text_of(const char *command);
#endif
