/* A loaded YAML file: libyaml's document tree with the marks it keeps for
 * every node, and the few look-ups the loaders need.  Node pointers stay
 * valid until gw_yaml_destroy.
 *
 * Loading refuses input that could exhaust time or memory, before libyaml
 * builds a tree: files over GW_YAML_MAX_BYTES, more than GW_YAML_MAX_NODES
 * values, nesting deeper than GW_YAML_MAX_DEPTH, more than
 * GW_YAML_MAX_DIRECTIVES directives, and any anchor or alias
 * (gongwen's files never need them, and refusing them outright is the
 * simplest guarantee that nothing expands an alias bomb).  Text that is not
 * UTF-8 or holds control characters is refused with its place.  Lines end
 * where libyaml ends them (LF, CR LF, a lone CR, NEL), so places agree. */
#ifndef GW_YAML_YNODE_H
#define GW_YAML_YNODE_H
#include <yaml.h>
#include "util/diag.h"
#include <stdint.h>

#define GW_YAML_MAX_BYTES (10 * 1024 * 1024)
#define GW_YAML_MAX_NODES 100000
#define GW_YAML_MAX_DEPTH 64
/* %TAG and %YAML lines: libyaml compares each %TAG with every one before
 * it, so they are bounded before it parses (a document needs none). */
#define GW_YAML_MAX_DIRECTIVES 64

typedef struct gw_yaml {
    char           *path;     /* as given, for diagnostics */
    yaml_document_t doc;
    int             loaded;
    char           *text;     /* the file's bytes, NUL-terminated */
    size_t          len;
    size_t         *line_starts;   /* offset of each line in text */
    size_t          line_count;
} gw_yaml;

/* Loads the first document of a file.  Syntax errors are reported as E0001
 * with their place; the return is NULL then. */
gw_yaml *gw_yaml_load_file(const char *path, gw_diagnostics *diags);
/* The same for text in memory; name stands for the file in diagnostics. */
gw_yaml *gw_yaml_load_memory(const char *name, const char *data, size_t len, gw_diagnostics *diags);
void     gw_yaml_destroy(gw_yaml *y);

yaml_node_t *gw_yaml_root(gw_yaml *y);
/* The value under key in a mapping node, or NULL (also when node is not a mapping). */
yaml_node_t *gw_yaml_get(gw_yaml *y, yaml_node_t *map, const char *key);
/* A scalar's text (NUL-terminated by libyaml), or NULL when not a scalar. */
const char  *gw_yaml_str(yaml_node_t *node);
/* Items of a sequence node: count and the i-th item. */
size_t       gw_yaml_len(yaml_node_t *seq);
yaml_node_t *gw_yaml_item(gw_yaml *y, yaml_node_t *seq, size_t i);

/* Line `line` (1-based) of the file's text: its start and length without
 * the line break; NULL past the end. */
const char  *gw_yaml_source_line(const gw_yaml *y, unsigned line, size_t *len_out);

/* A short name for a control character in messages: NUL, TAB, ESC, ... */
const char  *gw_control_name(uint32_t c);

/* The diagnostic location of a node, with the given field path. */
gw_loc gw_yaml_loc(const gw_yaml *y, const yaml_node_t *node, const char *path);
#endif
