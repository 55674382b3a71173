/* The fields of schema version 1, section by section, with their Chinese
 * names: the source of the unknown-key check, the did-you-mean suggestions
 * and the Chinese names in messages.  docs/schema.md documents each one
 * (test-document-rules checks that it does). */
#ifndef GW_DOCUMENT_SCHEMA_H
#define GW_DOCUMENT_SCHEMA_H
#include <stddef.h>

typedef struct gw_field {
    const char *key;
    const char *zh;
} gw_field;

/* Sections, each a list ending with { NULL, NULL }. */
extern const gw_field gw_schema_root[];
extern const gw_field gw_schema_issuer[];
extern const gw_field gw_schema_reply[];
extern const gw_field gw_schema_signature[];
extern const gw_field gw_schema_attendance[];
extern const gw_field gw_schema_print[];
extern const gw_field gw_schema_block[];
extern const gw_field gw_schema_attachment[];

typedef struct gw_schema_section {
    const char     *path;      /* "" for the document itself, "signature", ... */
    const gw_field *fields;
} gw_schema_section;
extern const gw_schema_section gw_schema_sections[];   /* ends with { NULL, NULL } */

/* The Chinese name of key in a section, or "" when the key is not there. */
const char *gw_schema_zh(const gw_field *section, const char *key);

/* The built-in templates: file, letter, order, minutes (NULL-terminated). */
extern const char *const gw_builtin_templates[];
int gw_is_builtin_template(const char *name);

/* A close known name for a mistyped word: the word itself in another case,
 * one or two edits away (a swap of neighbours counts as one), or, for a
 * field, its Chinese name (标题 -> title).  NULL when nothing is close. */
const char *gw_suggest(const char *word, const char *const *candidates, size_t count);
const char *gw_suggest_field(const char *word, const gw_field *section);

/* Edit distance (optimal string alignment) between two UTF-8 words, counted
 * in characters; words longer than 64 characters give a large distance. */
size_t gw_edit_distance(const char *a, const char *b);
#endif
