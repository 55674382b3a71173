/* libyaml's syntax errors said in terms of the slips that cause them in
 * hand-written documents: a full-width colon after a key, no space after
 * the colon, a line indented unlike its block.  libyaml notices each of
 * them a line late, with an English message about the parser's state. */
#ifndef GW_YAML_YAML_SLIPS_H
#define GW_YAML_YAML_SLIPS_H
#include "util/diag.h"
#include <yaml.h>

/* Reports parser p's error in text (len bytes; path names it): as the slip
 * it comes from, at the slip's own line and column, when it is one of those
 * above; else as libyaml's message (glossed in Chinese under zh). */
void gw_yaml_report_syntax(const char *path, const char *text, size_t len, const yaml_parser_t *p,
                           gw_diagnostics *diags);
#endif
