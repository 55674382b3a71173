#include "yaml/ynode.h"
#include "yaml/yaml-slips.h"
#include "util/messages.h"
#include "util/utf8.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void report_parser_error(const gw_yaml *y, yaml_parser_t *p, gw_diagnostics *diags)
{
    if (p->error == YAML_MEMORY_ERROR) gw_report(diags, gw_loc_file(y->path), GW_MSG_NO_MEMORY);
    else gw_yaml_report_syntax(y->path, y->text, y->len, p, diags);
}

/* The file's bytes, at most GW_YAML_MAX_BYTES of them: a bigger file is
 * refused after reading one byte past the limit, whatever its real size. */
static int read_limited(gw_yaml *y, FILE *f, gw_diagnostics *diags)
{
    size_t cap = 64 * 1024;
    y->text = malloc(cap + 1);
    while (y->text) {
        size_t got = fread(y->text + y->len, 1, cap - y->len, f);
        y->len += got;
        if (y->len > GW_YAML_MAX_BYTES) {
            gw_report(diags, gw_loc_file(y->path), GW_MSG_FILE_TOO_BIG, GW_YAML_MAX_BYTES / (1024 * 1024));
            return 0;
        }
        if (got == 0) {
            if (ferror(f)) {
                gw_report(diags, gw_loc_file(y->path), GW_MSG_CANNOT_OPEN, strerror(errno));
                return 0;
            }
            y->text[y->len] = '\0';
            return 1;
        }
        if (y->len == cap) {
            size_t grown = cap * 2 > GW_YAML_MAX_BYTES + 1 ? GW_YAML_MAX_BYTES + 1 : cap * 2;
            char *t = realloc(y->text, grown + 1);
            if (!t) break;
            y->text = t;
            cap = grown;
        }
    }
    gw_report(diags, gw_loc_file(y->path), GW_MSG_NO_MEMORY);
    return 0;
}

/* Control characters YAML itself refuses, or that no document should hold;
 * tab and line breaks are YAML's own. */
static int is_raw_control(uint32_t c)
{
    if (c == '\t' || c == '\n' || c == '\r') return 0;
    /* U+2028 and U+2029 end lines for libyaml but for no editor: refused */
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F && c != 0x85) || c == 0x2028 || c == 0x2029;
}

const char *gw_control_name(uint32_t c)
{
    switch (c) {
    case 0x00: return "NUL";
    case 0x09: return "TAB";
    case 0x0A: return "LF";
    case 0x0D: return "CR";
    case 0x1B: return "ESC";
    case 0x7F: return "DEL";
    case 0x85: return "NEL";
    case 0x2028: return "LS";
    case 0x2029: return "PS";
    default:   return c < 0x20 ? "C0" : "C1";
    }
}

/* The whole file must be UTF-8 without stray control characters; the first
 * offence is reported at its line and column (in characters, as libyaml
 * counts).  Counts the lines that start with %, which may be directives. */
static int check_encoding(const gw_yaml *y, gw_diagnostics *diags, size_t *percent_lines)
{
    size_t i = y->len >= 3 && memcmp(y->text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    gw_loc loc = { y->path, 1, 1, "", 0 };
    *percent_lines = 0;
    while (i < y->len) {
        size_t at = i, brk = gw_line_break_at(y->text, y->len, i);
        if (brk) {
            i += brk;
            loc.line++;
            loc.column = 1;
            continue;
        }
        if (loc.column == 1 && y->text[i] == '%') ++*percent_lines;
        uint32_t c = gw_utf8_next(y->text, y->len, &i);
        if (c == GW_UTF8_INVALID) {
            gw_report(diags, loc, GW_MSG_NOT_UTF8, (unsigned char)y->text[at]);
            return 0;
        }
        if (is_raw_control(c)) {
            gw_report(diags, loc, GW_MSG_CONTROL_CHAR, (unsigned)c, gw_control_name(c));
            return 0;
        }
        gw_msg hides = gw_hiding_character_message(c);
        if (hides != GW_MSG_COUNT) {
            gw_report(diags, loc, hides, (unsigned)c);
            return 0;
        }
        loc.column++;
    }
    return 1;
}

/* Counts the directives with libyaml's scanner (linear, unlike its parser),
 * stopping past the limit; only run when enough lines start with %. */
static int check_directives(gw_yaml *y, gw_diagnostics *diags)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) { gw_report(diags, gw_loc_file(y->path), GW_MSG_NO_MEMORY); return 0; }
    yaml_parser_set_input_string(&parser, (const unsigned char *)y->text, y->len);
    size_t directives = 0;
    int ok = 1;
    for (int done = 0; ok && !done;) {
        yaml_token_t tok;
        if (!yaml_parser_scan(&parser, &tok)) break;        /* the parse reports it */
        done = tok.type == YAML_STREAM_END_TOKEN;
        if ((tok.type == YAML_TAG_DIRECTIVE_TOKEN || tok.type == YAML_VERSION_DIRECTIVE_TOKEN) &&
            ++directives > GW_YAML_MAX_DIRECTIVES) {
            gw_loc loc = { y->path, (unsigned)tok.start_mark.line + 1, (unsigned)tok.start_mark.column + 1, "", 0 };
            gw_report(diags, loc, GW_MSG_TOO_MANY_DIRECTIVES, GW_YAML_MAX_DIRECTIVES);
            ok = 0;
        }
        yaml_token_delete(&tok);
    }
    yaml_parser_delete(&parser);
    return ok;
}

typedef struct structure_check {
    gw_yaml        *y;
    gw_diagnostics *diags;
    int             depth, documents;
    size_t          nodes;
} structure_check;

/* One event of the pre-pass; 0 stops it with the problem reported. */
static int check_event(structure_check *c, const yaml_event_t *ev)
{
    gw_loc loc = { c->y->path, (unsigned)ev->start_mark.line + 1, (unsigned)ev->start_mark.column + 1, "", 0 };
    const yaml_char_t *anchor = NULL;
    switch (ev->type) {
    case YAML_DOCUMENT_START_EVENT:
        if (++c->documents > 1) { gw_report(c->diags, loc, GW_MSG_SECOND_DOCUMENT); return 0; }
        return 1;
    case YAML_ALIAS_EVENT:
        gw_report(c->diags, loc, GW_MSG_ALIAS, (const char *)ev->data.alias.anchor);
        return 0;
    case YAML_SCALAR_EVENT:
        anchor = ev->data.scalar.anchor;
        break;
    case YAML_SEQUENCE_START_EVENT:
        anchor = ev->data.sequence_start.anchor;
        c->depth++;
        break;
    case YAML_MAPPING_START_EVENT:
        anchor = ev->data.mapping_start.anchor;
        c->depth++;
        break;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        c->depth--;
        return 1;
    default:
        return 1;
    }
    if (anchor) { gw_report(c->diags, loc, GW_MSG_ANCHOR, (const char *)anchor); return 0; }
    if (c->depth > GW_YAML_MAX_DEPTH) { gw_report(c->diags, loc, GW_MSG_TOO_DEEP, GW_YAML_MAX_DEPTH); return 0; }
    if (++c->nodes > GW_YAML_MAX_NODES) { gw_report(c->diags, loc, GW_MSG_TOO_MANY_NODES, GW_YAML_MAX_NODES); return 0; }
    return 1;
}

/* A pass over libyaml's events before any tree is built: it stops at the
 * first value past a limit, so hostile input costs at most one scan of
 * GW_YAML_MAX_BYTES. */
static int check_structure(gw_yaml *y, gw_diagnostics *diags)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) { gw_report(diags, gw_loc_file(y->path), GW_MSG_NO_MEMORY); return 0; }
    yaml_parser_set_input_string(&parser, (const unsigned char *)y->text, y->len);
    structure_check c = { y, diags, 0, 0, 0 };
    int ok = 1;
    for (int done = 0; ok && !done;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            report_parser_error(y, &parser, diags);
            ok = 0;
            break;
        }
        ok = check_event(&c, &ev);
        done = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);
    return ok;
}

/* Where each line starts, so diagnostics can point into a literal block. */
static int index_lines(gw_yaml *y, gw_diagnostics *diags)
{
    size_t count = 1;
    for (size_t i = 0, brk; i < y->len; i += brk ? brk : 1)
        if ((brk = gw_line_break_at(y->text, y->len, i))) count++;
    y->line_starts = malloc(count * sizeof *y->line_starts);
    if (!y->line_starts) { gw_report(diags, gw_loc_file(y->path), GW_MSG_NO_MEMORY); return 0; }
    y->line_starts[0] = 0;
    y->line_count = 1;
    for (size_t i = 0, brk; i < y->len; i += brk ? brk : 1)
        if ((brk = gw_line_break_at(y->text, y->len, i))) y->line_starts[y->line_count++] = i + brk;
    return 1;
}

static int build_tree(gw_yaml *y, gw_diagnostics *diags)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) { gw_report(diags, gw_loc_file(y->path), GW_MSG_NO_MEMORY); return 0; }
    yaml_parser_set_input_string(&parser, (const unsigned char *)y->text, y->len);
    y->loaded = yaml_parser_load(&parser, &y->doc);
    if (!y->loaded) report_parser_error(y, &parser, diags);
    yaml_parser_delete(&parser);
    return y->loaded;
}

/* The checks and the tree, once the text is in memory. */
static gw_yaml *finish_load(gw_yaml *y, gw_diagnostics *diags)
{
    size_t percent_lines;
    int ok = check_encoding(y, diags, &percent_lines) &&
             (percent_lines <= GW_YAML_MAX_DIRECTIVES || check_directives(y, diags)) &&
             check_structure(y, diags) && index_lines(y, diags) && build_tree(y, diags);
    if (ok && !yaml_document_get_root_node(&y->doc)) {
        gw_report(diags, gw_loc_file(y->path), GW_MSG_NO_DOCUMENT);
        ok = 0;
    }
    if (!ok) {
        gw_yaml_destroy(y);
        return NULL;
    }
    return y;
}

static gw_yaml *new_yaml(const char *name, gw_diagnostics *diags)
{
    gw_yaml *y = calloc(1, sizeof *y);
    if (!y || !(y->path = strdup(name))) {
        gw_yaml_destroy(y);
        gw_report(diags, gw_loc_file(name), GW_MSG_NO_MEMORY);
        return NULL;
    }
    return y;
}

gw_yaml *gw_yaml_load_file(const char *path, gw_diagnostics *diags)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        gw_report(diags, gw_loc_file(path), GW_MSG_CANNOT_OPEN, strerror(errno));
        return NULL;
    }
    gw_yaml *y = new_yaml(path, diags);
    int ok = y && read_limited(y, f, diags);
    fclose(f);
    if (!ok) {
        gw_yaml_destroy(y);
        return NULL;
    }
    return finish_load(y, diags);
}

gw_yaml *gw_yaml_load_memory(const char *name, const char *data, size_t len, gw_diagnostics *diags)
{
    if (len > GW_YAML_MAX_BYTES) {
        gw_report(diags, gw_loc_file(name), GW_MSG_FILE_TOO_BIG, GW_YAML_MAX_BYTES / (1024 * 1024));
        return NULL;
    }
    gw_yaml *y = new_yaml(name, diags);
    if (y && !(y->text = malloc(len + 1))) {
        gw_report(diags, gw_loc_file(name), GW_MSG_NO_MEMORY);
        gw_yaml_destroy(y);
        return NULL;
    }
    if (!y) return NULL;
    if (len) memcpy(y->text, data, len);
    y->text[len] = '\0';
    y->len = len;
    return finish_load(y, diags);
}

void gw_yaml_destroy(gw_yaml *y)
{
    if (!y) return;
    if (y->loaded) yaml_document_delete(&y->doc);
    free(y->text);
    free(y->line_starts);
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

const char *gw_yaml_source_line(const gw_yaml *y, unsigned line, size_t *len_out)
{
    if (line == 0 || line > y->line_count) return NULL;
    size_t start = y->line_starts[line - 1], end = y->len;
    if (line < y->line_count) {            /* back over the line's break: LF, CR LF, CR or NEL */
        end = y->line_starts[line];
        if (end >= start + 2 && memcmp(y->text + end - 2, "\r\n", 2) == 0) end -= 2;
        else if (end >= start + 2 && memcmp(y->text + end - 2, "\xC2\x85", 2) == 0) end -= 2;
        else end -= 1;
    }
    *len_out = end - start;
    return y->text + start;
}

gw_loc gw_yaml_loc(const gw_yaml *y, const yaml_node_t *node, const char *path)
{
    gw_loc loc = { y->path, 0, 0, path ? path : "", 0 };
    if (node) {
        loc.line = (unsigned)node->start_mark.line + 1;
        loc.column = (unsigned)node->start_mark.column + 1;
    }
    return loc;
}
