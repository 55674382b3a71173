/* What the document loaders share: the YAML being read, the model being
 * filled, and the reading of fields with their checks.  Internal to
 * generator/document/. */
#ifndef GW_DOCUMENT_READER_H
#define GW_DOCUMENT_READER_H
#include "util/grow.h"
#include "document/document.h"
#include "document/schema.h"
#include "util/messages.h"
#include "yaml/ynode.h"

typedef struct gw_reader {
    gw_yaml        *y;
    gw_document    *doc;
    gw_diagnostics *diags;
    gw_format_lookup lookup;     /* the template's format; NULL: defaults by name */
    void           *lookup_user;
    gw_format       format;
    size_t          problems, errors;   /* all of them, listed or cut (util/diag.h) */
    /* where rd_position last was in a literal block (keeps long bodies linear) */
    const yaml_node_t *cache_node;
    size_t          cache_offset, cache_line_start;
    unsigned        cache_lines;
} gw_reader;

/* Reports message id at loc (counted; the list cuts a flood, util/diag.h). */
void   rd_report(gw_reader *R, gw_loc loc, gw_msg id, ...);
/* E0101 for a required field key missing from map, unless a key of map is
 * its near miss (already reported as unknown, with the suggestion). */
void   rd_report_missing(gw_reader *R, yaml_node_t *map, const char *key, const char *path,
                         const gw_field *section);
/* A date that is not one: E0110, with the date rewritten when it can be (validate-date.c). */
void   rd_report_date(gw_reader *R, gw_loc loc, const char *date);
gw_loc rd_loc(gw_reader *R, const yaml_node_t *node, const char *path);
gw_src rd_src(const yaml_node_t *node);
/* Where byte `offset` of a scalar's value is in the file: exact for one-line
 * scalars and literal blocks (|), the node's start otherwise. */
gw_src rd_position(gw_reader *R, const yaml_node_t *node, size_t offset);
gw_loc rd_loc_at(gw_reader *R, const yaml_node_t *node, size_t offset, const char *path);
/* Whether the file's line at.line, from column at.column on, starts with
 * text[0, len): then the text's characters are that line's, one for one. */
int    rd_verbatim(gw_reader *R, gw_src at, const char *text, size_t len);

yaml_node_t *rd_node(gw_reader *R, yaml_node_t *map, const char *key);
yaml_node_t *rd_item(gw_reader *R, yaml_node_t *seq, size_t i);
const char  *rd_key_text(gw_reader *R, const yaml_node_pair_t *pair);

/* Checks a mapping's keys against a schema section: unknown keys (with a
 * suggestion), keys that are not plain names, keys given twice.  where is
 * the mapping's path ("" for the document). */
void rd_check_keys(gw_reader *R, yaml_node_t *map, const gw_field *section, const char *where);

enum {
    RD_REQUIRED  = 1,   /* absent or empty is an error (E0101), not a warning */
    RD_MULTILINE = 2,   /* line breaks are part of the text */
    RD_RAW       = 4    /* do not look for stray spaces (paths, codes) */
};

/* A scalar's trimmed text, checked (control characters, placeholders, stray
 * spaces); NULL when empty (reported) or not text (reported).  zh is the
 * field's Chinese name for the "missing" message. */
char *rd_text(gw_reader *R, yaml_node_t *node, const char *path, const char *zh, int flags);
/* The same for map[key]; an absent required field is reported at the map. */
char *rd_field(gw_reader *R, yaml_node_t *map, const char *key, const char *path,
               const gw_field *section, int flags);
/* A string or a list of strings; returns the item count (0 when absent).
 * An empty list is a warning unless RD_REQUIRED (then the caller reports it). */
size_t rd_text_list(gw_reader *R, yaml_node_t *node, const char *path, int flags, gw_text_list *out);

/* Checks a stretch of a scalar's value, [start, start + len): control
 * characters (errors), placeholders <<…>> (errors) and, unless raw, spaces
 * between Chinese and digits (warnings).  Returns 0 when it found an error. */
int rd_check_text(gw_reader *R, const yaml_node_t *node, size_t start, size_t len, const char *path,
                  int flags);

/* Trimming: leading and trailing ASCII white space and U+3000. */
void  gw_trim_span(const char *s, size_t *start, size_t *len);
char *gw_strndup(const char *s, size_t len);
/* A short excerpt of text for a message (at most about 40 characters). */
const char *gw_excerpt(const char *s, size_t len, char *buf, size_t cap);


int  gw_text_list_add(gw_text_list *list, char *text, gw_src src);
void gw_text_list_free(gw_text_list *list);
char *gw_text_list_join(const gw_text_list *list, const char *sep);

/* Seal images: at most 10 MB and 25 million pixels (a 42 mm seal at 600
 * dpi is about 1,000 x 1,000), so a PNG bomb is refused before decoding. */
#define GW_SEAL_MAX_BYTES (10 * 1024 * 1024)
#define GW_SEAL_MAX_PIXELS 25000000

/* The loaders for the parts of the document (one file each). */
void gw_load_body(gw_reader *R, yaml_node_t *root);
/* A body-like node (a literal block or a list, as `body`) into blocks;
 * path names it in diagnostics (an attachment's "attachments[0].body"). */
void gw_load_blocks(gw_reader *R, yaml_node_t *node, const char *path, gw_block **blocks, size_t *count);
void gw_load_signature(gw_reader *R, yaml_node_t *root);
void gw_check_seal(gw_reader *R, const char *file, yaml_node_t *node, const char *path);

/* Whether the document's template requires field `name`. */
int rd_requires(const gw_reader *R, const char *name);
#endif
