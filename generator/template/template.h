/* A layout template: every number of the page, read from a YAML file in
 * templates/.  Lengths are held in points (1 pt = 25.4/72 mm). */
#ifndef GW_TEMPLATE_H
#define GW_TEMPLATE_H
#include "util/diag.h"

typedef struct gw_color {
    int    cmyk;          /* 1: DeviceCMYK c m y k; 0: DeviceGray with black amount k (1 = black) */
    double c, m, y, k;
} gw_color;

/* How one kind of text is set: a font role from fonts.yaml, a size, a colour. */
typedef struct gw_style {
    char     role[32];
    double   size;
    gw_color color;
    int      grid;            /* on the character grid (the body's pitch, scaled to its size) */
} gw_style;

typedef struct gw_template {
    char  *path;
    char  *name;
    /* page and type area (版心); type_top and type_left from the page's top-left */
    double page_width, page_height;
    double type_top, type_left, type_width, type_height;
    long   chars_per_line, lines_per_page;
    double char_pitch, line_pitch;    /* derived: type_width / chars, type_height / lines */
    long   indent_chars;              /* paragraph first-line indent */
    double latin_gap;                 /* space between Han and Latin text */

    gw_style body, latin, title, mark, number, page_number, colophon;
    gw_style heading[4];              /* 一、 （一） 1. （1） */
    gw_style emphasis;                /* **text** in the body */

    /* 版头: the issuer mark's top edge, from the page top */
    double mark_top;
    char  *mark_suffix;               /* appended to the issuer name: 文件 or empty */
    long   number_gap_lines;          /* blank lines between mark and 发文字号 */
    char  *number_align;              /* "center" or "right" */
    char  *rule_below;                /* "number" (文件: under the 发文字号) or "mark" (信函) */
    double rule_gap;                  /* from the bottom of what it is under to the rule */
    double rule_width, rule_thickness;
    double rule_second_thickness;     /* a thin line under the first: a double rule; 0: single */
    double rule_second_gap;           /* between the two lines, edge to edge */
    double number_below_rule;         /* 信函: the 发文字号's top this far under the rule */
    double first_page_rule;           /* 信函: a double rule (thin over thick) this far above the
                                       * bottom of page 1; 0: none */
    long   first_page_number;         /* 1: page 1 shows its number */
    gw_color rule_color;
    long   title_gap_lines;           /* blank lines between the rule and the title */
    long   to_gap_lines;              /* blank lines between the title and 主送机关 */
    char  *reply_label;               /* default words before the reply category */
    char  *reply_format;              /* e.g. "{label}：{category}类" */
    char  *signer_label;              /* 签发人： before the signers' names */
    long   signature_right_chars;     /* unsealed: the name this far in from the right */
    long   date_shift_chars;          /* the date starts this far right of the name */
    long   signature_gap_lines;       /* blank lines between the text and the signature */
    long   signature_carry_lines;     /* lines of text that go over with a signature that
                                       * does not fit, so it never stands alone */
    char  *page_number_format;        /* "— {n} —" */
    double colophon_inset;            /* 抄送 this far in from the left */
    double page_number_gap;           /* type area bottom to the page number's top */
    double page_number_inset;         /* from the outer edge of the type area */
} gw_template;

/* Loads templates/NAME.yaml from data_dir, or the file itself when name
 * contains a '/' (relative to base_dir, the document's folder). */
gw_template *gw_template_load(const char *data_dir, const char *name, const char *base_dir,
                              gw_diagnostics *diags);
void         gw_template_destroy(gw_template *t);

/* Parses "37mm", "16pt", "1.5cm", "0.5in" into points; 0 on a malformed value. */
int gw_parse_length(const char *text, double *points_out);
#endif
