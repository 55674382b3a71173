/* A layout template: every number and every printed word of the page, read
 * from a YAML file (templates/NAME.yaml or a file the document names).
 *
 * A template is structure, not a flat bag of numbers: styles and rules are
 * named and looked up by name, the 版头 is an ordered list of items, and
 * each element of the document (title, body, 附件说明, signature, 附注,
 * 版记, page numbers ...) has its own part.  Enumerations are checked when
 * the file is loaded; unknown keys are refused with a did-you-mean; a
 * template may `extends:` another (a built-in name or a file) and override
 * some of its values.
 *
 * Lengths are held in points (1 pt = 25.4/72 mm).  In the file every length
 * carries its unit: mm, cm, in, pt, and the grid's own units `ch` (one
 * character of the grid: type width / chars per line) and `line` (one line:
 * type height / lines per page), so `2ch` is the standard's "2 characters". */
#ifndef GW_TEMPLATE_H
#define GW_TEMPLATE_H
#include <stddef.h>
#include "util/color.h"
#include "util/diag.h"


/* Where a value came from in the template file (for diagnostics). */
typedef struct gw_template_src { const char *file; unsigned line, column; } gw_template_src;

/* How one kind of text is set: a font role from fonts.yaml, a size, a colour. */
typedef struct gw_style {
    char    *name;            /* body, title, mark, heading1 ... (the key under styles:) */
    char    *role;            /* font role: fangsong, xiaobiaosong, heiti, kaiti, songti, latin */
    double   size;
    gw_color color;
    int      grid;            /* on the character grid (the body's pitch, scaled to its size) */
} gw_style;

/* A rule: one line, or two (a double rule) drawn top to bottom. */
typedef struct gw_rule_spec {
    char    *name;            /* header, letter_top, letter_bottom, colophon_outer ... */
    double   width;           /* length; centred on the type area */
    double   thickness;       /* the upper (or only) line */
    double   second;          /* the lower line of a double rule; 0: single */
    double   gap;             /* between the two lines, edge to edge */
    gw_color color;
} gw_rule_spec;

typedef enum gw_align { GW_ALIGN_LEFT, GW_ALIGN_CENTER, GW_ALIGN_RIGHT } gw_align;

typedef enum gw_template_kind {
    GW_KIND_FILE,             /* 文件格式 */
    GW_KIND_LETTER,           /* 信函格式 */
    GW_KIND_ORDER,            /* 命令格式 */
    GW_KIND_MINUTES           /* 纪要格式 */
} gw_template_kind;

/* 版头 items, in the order the template lists them. */
typedef enum gw_header_kind {
    GW_HEADER_FLAGS,          /* 份号, 密级和保密期限, 紧急程度: flush left, one a line */
    GW_HEADER_MARK,           /* 发文机关标志 */
    GW_HEADER_NUMBER,         /* 发文字号 (and 签发人 for an upward document) */
    GW_HEADER_RULE,           /* a named rule */
    GW_HEADER_REPLY           /* the reply category line (提案/建议答复) */
} gw_header_kind;

/* Where a header item's top edge goes: at an absolute distance from the
 * page top, `gap` below the bottom of the item before it, or on the same
 * line as the item before it.  An item with nothing to print (no 份号, no
 * 发文字号) still takes its place, with no height. */
typedef enum gw_header_place { GW_PLACE_TOP, GW_PLACE_AFTER, GW_PLACE_WITH_PREVIOUS } gw_header_place;

/* How joint issuers appear in the mark. */
typedef enum gw_joint_mark {
    GW_JOINT_STACK,           /* names stacked, lead first, the suffix right of the stack, centred on it */
    GW_JOINT_LEAD             /* the lead issuer only (信函) */
} gw_joint_mark;

typedef struct gw_header_item {
    gw_header_kind  kind;
    gw_header_place place;
    double          top;          /* GW_PLACE_TOP: from the page top */
    double          gap;          /* GW_PLACE_AFTER: below the previous item's bottom, edge to edge */
    gw_align        align;        /* mark, number, reply */
    double          inset;        /* from the side it is aligned to */
    const gw_style *style;        /* the item's text */
    /* GW_HEADER_FLAGS */
    const gw_style *copy_style;   /* 份号 (the others take `style`) */
    /* GW_HEADER_MARK */
    char           *suffix;       /* appended to the issuer name: 文件, 命令, 纪要 or "" */
    double          min_hscale;   /* shrink horizontally to fit, no further than this (0.7) */
    gw_joint_mark   joint;
    double          stack_gap;    /* between stacked issuer names, edge to edge */
    double          suffix_gap;   /* between the stack and the suffix */
    /* GW_HEADER_NUMBER, upward documents (签发人) */
    const gw_style *signer_style;       /* the signers' names (楷体); the label takes `style` */
    char           *signer_label;       /* 签发人： */
    char           *signer_separator;   /* between two names on a line: "　" */
    long            signers_per_line;   /* 2 */
    double          signer_inset;       /* the 签发人 block this far in from the right: 1ch */
    double          upward_number_inset;/* the number this far in from the left: 1ch */
    /* GW_HEADER_RULE */
    const gw_rule_spec *rule;
    /* GW_HEADER_REPLY */
    char           *reply_label;        /* 答复类别 (the document's reply.label overrides it) */
    char           *reply_format;       /* "{label}：{category}类" */
    gw_template_src src;
} gw_header_item;

/* 标题 and 主送机关. */
typedef struct gw_front_spec {
    int             has_title;      /* 0 for orders (命令格式 has no title) */
    long            title_gap_lines;/* blank lines between the header and the title */
    const gw_style *title;
    long            to_gap_lines;   /* blank lines between the title and 主送机关 */
    char           *to_separator;   /* between addressees: ， */
    char           *to_end;         /* after the last: ： */
    long            body_gap_lines; /* blank lines between the header and the body when
                                     * there is no title (orders: 2) */
} gw_front_spec;

/* 正文. */
typedef struct gw_body_spec {
    double          indent;         /* every paragraph's first line: 2ch */
    const gw_style *text;           /* body */
    const gw_style *latin;          /* digits and Latin letters */
    const gw_style *heading[4];     /* 一、 （一） 1. （1） */
    const gw_style *emphasis;       /* **text** */
    double          latin_gap;      /* space between Han and Latin text */
} gw_body_spec;

/* 附件说明 and attachment pages. */
typedef struct gw_attachment_spec {
    long            gap_lines;      /* blank lines after the body: 1 */
    double          indent;         /* 2ch */
    char           *label;          /* 附件： */
    char           *number_format;  /* "{n}." (a single attachment has no number) */
    const gw_style *style;
    /* a page of an attachment's content */
    char           *page_label;         /* "附件{n}"; a single attachment: page_label_single */
    char           *page_label_single;  /* "附件" */
    const gw_style *page_label_style;   /* 三号黑体, flush left on line 1 */
    long            title_line;         /* the name centred on this line: 3 */
    const gw_style *title_style;
    long            body_gap_lines;     /* between the name and the content: 1 */
} gw_attachment_spec;

/* 联系信息 (reply letters): one printed line per list item. */
typedef struct gw_contacts_spec {
    double          indent;         /* 2ch */
    char           *pair_format;    /* "{key}：{value}" */
    char           *pair_separator; /* between two pairs on a line: "　　" */
    long            gap_lines;      /* blank lines before the contacts: 0 */
} gw_contacts_spec;

/* 署名, 成文日期, 印章 (GB/T 9704 7.3.5) and 附注. */
typedef struct gw_signature_spec {
    const gw_style *style;          /* names and date: body */
    long            gap_lines;      /* blank lines between the text above and the name: 1 */
    long            carry_lines;    /* lines of text that go over with a block that does
                                     * not fit, so it never stands alone on a page: 2 */
    char           *name_separator; /* between joint names on one line (sealed joint) */
    /* unsealed (7.3.5.2) */
    double          right;          /* the name this far in from the right: 2ch */
    double          date_shift;     /* the date starts this far right of the name: 2ch */
    /* sealed (7.3.5.1) */
    double          sealed_date_right;  /* the date ends this far in from the right: 4ch */
    double          seal_size;          /* the seal's width and height: 42mm */
    double          seal_overlap;       /* the seal's top at most this far above the
                                         * name's line (within one line of the text above) */
    long            seals_per_row;      /* joint sealed: at most 3 a row */
    double          seal_spacing;       /* at least this much between two seals of a row */
    /* signature seal, orders (7.3.5.3) */
    double          person_right;       /* the name (and seal) this far in from the right: 4ch */
    double          person_seal_size;   /* the signature seal's width (a name stamp, not 42mm) */
    double          person_title_gap;   /* the 职务 this far left of the name: 2ch */
    long            person_gap_lines;   /* blank lines between the body and the seal: 2 (下空二行) */
    long            person_date_gap_lines; /* blank lines between the name and the date: 1 */
    double          person_date_right;  /* the date this far in from the right: 4ch */
    /* 附注 */
    double          note_indent;        /* 2ch */
    char           *note_open, *note_close;   /* （ ） */
} gw_signature_spec;

/* 出席, 请假, 列席 (纪要格式). */
typedef struct gw_attendance_spec {
    long            gap_lines;      /* blank lines after the body: 1 */
    double          indent;         /* 2ch */
    const gw_style *label_style;    /* 三号黑体 */
    const gw_style *names_style;    /* 三号仿宋 */
    char           *present_label, *absent_label, *attending_label;   /* 出席： 请假： 列席： */
    char           *separator;      /* between names: ， */
} gw_attendance_spec;

/* 版记: 抄送, 印发机关和印发日期, and the rules between them. */
typedef struct gw_colophon_spec {
    const gw_style     *style;      /* 四号仿宋 */
    double              inset;      /* 1 character in from the left and the right */
    double              line_height;/* each 版记 line: 1line */
    char               *cc_label;   /* 抄送： */
    char               *cc_separator;   /* ， */
    char               *cc_end;     /* 。 */
    int                 print;      /* print the 印发 line (信函: no) */
    char               *print_format;   /* "{date}印发" */
    const gw_rule_spec *outer;      /* first and last rule; NULL: no rules (信函) */
    const gw_rule_spec *inner;      /* between 抄送 and 印发 */
    int                 even_page;  /* the 版记 page is even (the back of a sheet) */
} gw_colophon_spec;

/* 页码 and what else sits outside the type area. */
typedef struct gw_footer_spec {
    const gw_style     *style;      /* 四号宋体 */
    char               *format;     /* "— {n} —" */
    double              gap;        /* type area bottom to the number's top: 7mm */
    double              inset;      /* from the outer edge of the type area: 1 char */
    int                 first_page; /* page 1 shows its number (信函: no) */
    const gw_rule_spec *first_page_rule;   /* 信函: a rule near page 1's bottom; NULL: none */
    double              first_page_rule_bottom;   /* its lower edge this far above the page bottom */
} gw_footer_spec;

typedef struct gw_template {
    char            *path;
    char            *name;
    /* The files read: the template and each template it extends; the
     * gw_template_src places point at these names. */
    char           **files;
    size_t           file_count;
    gw_template_kind kind;
    /* Fields the document must have with this template (schema names:
     * "number", "title", ...); the document is validated against them. */
    char           **requires;
    size_t           requires_count;

    /* page and type area (版心); type_top and type_left from the page's top-left */
    double page_width, page_height;
    double type_top, type_left, type_width, type_height;
    long   chars_per_line, lines_per_page;
    double char_pitch, line_pitch;    /* derived: type_width / chars, type_height / lines */

    gw_style     *styles;             /* by name: gw_template_style() */
    size_t        style_count;
    gw_rule_spec *rules;              /* by name: gw_template_rule() */
    size_t        rule_count;

    gw_header_item *header;           /* in order */
    size_t          header_count;

    gw_front_spec      front;
    gw_body_spec       body;
    gw_attachment_spec attachments;
    gw_contacts_spec   contacts;
    gw_signature_spec  signature;
    gw_attendance_spec attendance;
    gw_colophon_spec   colophon;
    gw_footer_spec     footer;
} gw_template;

/* Loads templates/NAME.yaml from data_dir, or the file itself when name
 * contains a '/' (relative to base_dir, the document's folder).  Every
 * problem is reported with the template file's line and column; NULL when
 * there is any. */
gw_template *gw_template_load(const char *data_dir, const char *name, const char *base_dir,
                              gw_diagnostics *diags);
/* The same for a template's text in memory (name stands for its file in
 * diagnostics; an extends: path is relative to base_dir). */
gw_template *gw_template_load_memory(const char *data_dir, const char *name, const char *text, size_t len,
                                     const char *base_dir, gw_diagnostics *diags);
void         gw_template_destroy(gw_template *t);

/* The style or rule of that name, or NULL. */
const gw_style     *gw_template_style(const gw_template *t, const char *name);
const gw_rule_spec *gw_template_rule(const gw_template *t, const char *name);

/* The grid pitch of a style: a grid style's characters sit on the body's
 * character grid scaled to its size; others advance by their own size. */
double gw_style_pitch(const gw_template *t, const gw_style *s);

/* Whether the template requires the schema field `name` ("number", ...). */
int gw_template_requires(const gw_template *t, const char *name);

/* Parses "37mm", "16pt", "1.5cm", "0.5in" into points; 0 on a malformed
 * value.  The grid units ch and line are the template loader's. */
int gw_parse_length(const char *text, double *points_out);
#endif
