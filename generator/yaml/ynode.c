#include "yaml/ynode.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void report_parser_error(const char *path, yaml_parser_t *p, gw_diagnostics *diags)
{
    const yaml_mark_t *m = p->problem ? &p->problem_mark : &p->context_mark;
    gw_loc loc = { path, (unsigned)m->line + 1, (unsigned)m->column + 1, "" };
    if (p->context)
        gw_error(diags, "E0001", loc, "YAML syntax error: %s %s", p->problem ? p->problem : "",
                 p->context);
    else
        gw_error(diags, "E0001", loc, "YAML syntax error: %s",
                 p->problem ? p->problem : "unreadable input");
}

gw_yaml *gw_yaml_load_file(const char *path, gw_diagnostics *diags)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        gw_error(diags, "E0002", gw_loc_file(path), "cannot open: %s", strerror(errno));
        return NULL;
    }
    gw_yaml *y = calloc(1, sizeof *y);
    yaml_parser_t parser;
    if (!y || !(y->path = strdup(path)) || !yaml_parser_initialize(&parser)) {
        fclose(f);
        gw_yaml_destroy(y);
        gw_error(diags, "E0006", gw_loc_file(path), "out of memory");
        return NULL;
    }
    yaml_parser_set_input_file(&parser, f);
    if (!yaml_parser_load(&parser, &y->doc)) {
        report_parser_error(path, &parser, diags);
        yaml_parser_delete(&parser);
        fclose(f);
        gw_yaml_destroy(y);
        return NULL;
    }
    y->loaded = 1;
    yaml_parser_delete(&parser);
    fclose(f);
    if (!yaml_document_get_root_node(&y->doc)) {
        gw_error(diags, "E0003", gw_loc_file(path), "the file holds no YAML document");
        gw_yaml_destroy(y);
        return NULL;
    }
    return y;
}

void gw_yaml_destroy(gw_yaml *y)
{
    if (!y) return;
    if (y->loaded) yaml_document_delete(&y->doc);
    free(y->path);
    free(y);
}

yaml_node_t *gw_yaml_root(gw_yaml *y) { return yaml_document_get_root_node(&y->doc); }

yaml_node_t *gw_yaml_get(gw_yaml *y, yaml_node_t *map, const char *key)
{
    if (!map || map->type != YAML_MAPPING_NODE) return NULL;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        const char *k = gw_yaml_str(yaml_document_get_node(&y->doc, p->key));
        if (k && strcmp(k, key) == 0) return yaml_document_get_node(&y->doc, p->value);
    }
    return NULL;
}

const char *gw_yaml_str(yaml_node_t *node)
{
    if (!node || node->type != YAML_SCALAR_NODE) return NULL;
    return (const char *)node->data.scalar.value;
}

size_t gw_yaml_len(yaml_node_t *seq)
{
    if (!seq || seq->type != YAML_SEQUENCE_NODE) return 0;
    return (size_t)(seq->data.sequence.items.top - seq->data.sequence.items.start);
}

yaml_node_t *gw_yaml_item(gw_yaml *y, yaml_node_t *seq, size_t i)
{
    if (i >= gw_yaml_len(seq)) return NULL;
    return yaml_document_get_node(&y->doc, seq->data.sequence.items.start[i]);
}

gw_loc gw_yaml_loc(const gw_yaml *y, const yaml_node_t *node, const char *path)
{
    gw_loc loc = { y->path, 0, 0, path ? path : "" };
    if (node) {
        loc.line = (unsigned)node->start_mark.line + 1;
        loc.column = (unsigned)node->start_mark.column + 1;
    }
    return loc;
}
