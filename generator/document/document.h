/* The document model: what one 公文 says, independent of where it is set.
 * One owner, one free function.  Texts are UTF-8 and trimmed; the model
 * keeps lists as lists and the place of every text, and leaves labels and
 * punctuation (抄送：, ，, 。, （）, ：) to the template.  Dates are in their
 * printed form (2025年6月12日), heading numbering full-width.  docs/schema.md
 * is the user's side of this file. */
#ifndef GW_DOCUMENT_H
#define GW_DOCUMENT_H
#include <stddef.h>
#include "util/diag.h"

typedef struct gw_src { unsigned line, column; } gw_src;   /* where a value came from */

/* A plain list of texts with their places (cc, signers, attachments, ...). */
typedef struct gw_text_list {
    char  **items;
    gw_src *srcs;
    size_t  count;
} gw_text_list;

typedef struct gw_paragraph {
    char  *text;       /* inline markup (** emphasis, leading \) removed */
    gw_src src;
} gw_paragraph;

typedef enum gw_block_kind { GW_BLOCK_PARAGRAPH, GW_BLOCK_HEADING, GW_BLOCK_PAGE_BREAK } gw_block_kind;

/* Emphasised text (**…** in the input): bytes [start, end) of the block's text. */
typedef struct gw_emphasis { size_t start, end; } gw_emphasis;

typedef struct gw_block {
    gw_block_kind kind;
    int      level;          /* heading 1-4 (一、 （一） 1. （1）); 0 for a paragraph */
    size_t   run_in;         /* heading: bytes of text set in the heading's font; the
                              * rest (after the first 。) is a run-in body text */
    char    *text;           /* markup removed; NULL for a page break */
    gw_emphasis *emphasis;
    size_t   emphasis_count;
    gw_src   src;
    int      verbatim;       /* text is the file's text at src, character for character:
                              * a character's column is src.column plus those before it */
} gw_block;

typedef struct gw_issuer {
    char  *name;             /* full name */
    char  *mark;             /* 发文机关标志 text; NULL: the template's default */
    char  *short_name;       /* 规范化简称; NULL when not given */
    gw_src src;
} gw_issuer;

/* One key：value pair of a contact line (联系人：江天). */
typedef struct gw_contact_pair {
    char  *key, *value;
    gw_src key_src, value_src;
} gw_contact_pair;

/* One printed line of contacts: its pairs in order. */
typedef struct gw_contact_line {
    gw_contact_pair *pairs;
    size_t           count;
    gw_src           src;
} gw_contact_line;

/* An attachment: its name in 附件说明, and the content printed on pages of
 * its own (block_count 0: the attachment is only named). */
typedef struct gw_attachment {
    char     *name;
    gw_src    src;
    gw_block *blocks;
    size_t    block_count;
} gw_attachment;

typedef struct gw_attendance {
    gw_text_list present, absent, attending;   /* 出席, 请假, 列席 */
} gw_attendance;

typedef struct gw_document {
    char *path;
    char *dir;                 /* the document's folder: relative paths start here */
    int   schema_version;      /* gongwen: 1 */
    char *template_name;       /* file, letter, order, minutes, or a path */
    char *copy_number;         /* 份号, zero-padded to 6 digits; NULL when absent */
    char *classification;      /* 密级和保密期限: 秘密★1年 */
    char *urgency;             /* 紧急程度: 特急 */
    gw_src copy_number_src, classification_src, urgency_src;

    char *issuer;              /* lead issuer's full name */
    char *issuer_mark;         /* the lead mark's text when given; NULL: template default */
    gw_issuer *issuers;        /* all issuers, lead first (joint issuance when > 1) */
    size_t     issuer_count;

    char *number;              /* 发文字号 */
    gw_src number_src;
    char *signers;             /* 签发人, names joined with a space */
    gw_text_list signer_names;
    char *reply_category;      /* A, B or C; NULL when not a reply */
    char *reply_label;         /* NULL: the template's label */
    gw_src reply_src;

    char *title;               /* the whole title */
    gw_src title_src;
    gw_text_list title_lines;  /* a manual title's lines; count 0: break automatically */

    gw_text_list to_names;     /* 主送机关, without a final ： */

    gw_paragraph *paragraphs;  /* every text block (paragraphs and headings), plain */
    size_t        paragraph_count;
    gw_block     *blocks;      /* the body as written: paragraphs, headings, page breaks */
    size_t        block_count;

    gw_attachment   *attachments;   /* 附件说明: names without numbers, and contents */
    size_t           attachment_count;
    gw_contact_line *contacts;
    size_t           contact_count;

    char *signature_name;      /* the names, joined with an ideographic space */
    gw_text_list signature_names;
    char *signature_title;     /* 职务 for a signature seal (orders); NULL otherwise */
    gw_text_list seals;        /* seal image paths, resolved against dir */
    gw_src signature_src, signature_title_src;
    char *date;                /* 2025年6月12日 */
    gw_src date_src;
    int   year, month, day;

    gw_attendance attendance;  /* minutes only */
    gw_text_list notes;        /* 附注, without their parentheses: 此件主动公开 */
    gw_text_list cc_names;     /* 抄送, without a final 。 */
    char *print_by;            /* 印发机关 */
    char *print_date;          /* 2025年6月12日 */
    gw_src print_by_src, print_date_src;
    int   print_year, print_month, print_day;
} gw_document;

/* What a document's template asks of it.  The document is validated
 * against its template: the caller (the engine) loads the template the
 * document names and says what it needs. */
typedef enum gw_format_kind {
    GW_FORMAT_FILE, GW_FORMAT_LETTER, GW_FORMAT_ORDER, GW_FORMAT_MINUTES   /* as gw_template_kind */
} gw_format_kind;

typedef struct gw_format {
    gw_format_kind      kind;
    const char *const  *requires;      /* schema field names the document must have */
    size_t              requires_count;
} gw_format;

/* Loads the template `name` (a built-in name, or a path relative to
 * base_dir) and fills *format; 0 when it cannot (it has reported why). */
typedef int (*gw_format_lookup)(void *user, const char *name, const char *base_dir, gw_format *format);

/* Reads and validates a document against the format its template gives
 * (lookup NULL: the built-in formats' defaults, from the template's name).
 * Sets *errors; the model is returned even with errors (NULL only when the
 * file is not readable YAML). */
gw_document *gw_document_read_for(const char *path, gw_format_lookup lookup, void *user, gw_diagnostics *diags,
                                  size_t *errors);
gw_document *gw_document_read_memory_for(const char *name, const char *dir, const char *data, size_t len,
                                         gw_format_lookup lookup, void *user, gw_diagnostics *diags,
                                         size_t *errors);

/* Loads a document file.  Problems go to diags; NULL when the document has
 * errors (nothing is rendered from a document with errors). */
gw_document *gw_document_load(const char *path, gw_diagnostics *diags);

/* Reads and validates a document, reporting every problem to diags.  The
 * model is returned even when there are errors (then it may lack fields);
 * NULL only when the file is not readable YAML.  `gongwen check` uses this. */
gw_document *gw_document_read(const char *path, gw_diagnostics *diags);

/* The same for text in memory: name stands for the file in diagnostics,
 * relative paths (template, seals) start at dir.  _read sets *errors. */
gw_document *gw_document_read_memory(const char *name, const char *dir, const char *data, size_t len,
                                     gw_diagnostics *diags, size_t *errors);
gw_document *gw_document_load_memory(const char *name, const char *dir, const char *data, size_t len,
                                     gw_diagnostics *diags);

void         gw_document_destroy(gw_document *doc);
#endif
