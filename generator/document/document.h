/* The document model: what one 公文 says, independent of where it is set.
 * One owner, one free function.  Texts are UTF-8, trimmed, and already in
 * their printed form where the schema fixes it (dates, note parentheses). */
#ifndef GW_DOCUMENT_H
#define GW_DOCUMENT_H
#include <stddef.h>
#include "util/diag.h"

typedef struct gw_src { unsigned line, column; } gw_src;   /* where a value came from */

typedef struct gw_paragraph {
    char  *text;       /* inline markup (** emphasis, leading \) removed */
    gw_src src;
} gw_paragraph;

typedef struct gw_document {
    char *path;
    char *dir;                 /* the document's folder: relative paths start here */
    char *template_name;       /* file, letter, ... or a path */
    char *issuer;              /* lead issuer's full name */
    char *issuer_mark;         /* the mark's text when given; NULL: template default */
    char *number;              /* 发文字号 */
    char *signers;             /* 签发人, names joined with a space */
    char *reply_category;      /* A, B or C; NULL when not a reply */
    char *reply_label;         /* NULL: the template's label */
    char *title;
    gw_src title_src;
    char *to;                  /* 主送机关 with its final ： */
    gw_paragraph *paragraphs;
    size_t        paragraph_count;
    char **contacts;           /* printed lines: 联系人：江天 */
    size_t contact_count;
    char *signature_name;
    char *date;                /* 2025年6月12日 */
    int   year, month, day;
    char *note;                /* （此件主动公开） */
    char *cc;                  /* 抄送：A，B。 */
} gw_document;

/* Loads a document file.  Problems go to diags; NULL when the document has
 * errors (nothing is rendered from a document with errors). */
gw_document *gw_document_load(const char *path, gw_diagnostics *diags);
void         gw_document_destroy(gw_document *doc);
#endif
