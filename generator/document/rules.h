/* The schema's rules as pure functions on text: no YAML, no diagnostics,
 * so the unit tests can take them one case at a time. */
#ifndef GW_DOCUMENT_RULES_H
#define GW_DOCUMENT_RULES_H
#include <stddef.h>

/* 发文字号: 机关代字〔年份〕序号号. */
typedef enum gw_number_problem {
    GW_NUMBER_OK,
    GW_NUMBER_BRACKETS,   /* [2025] 【2025】 (2025) ...: corrected form given */
    GW_NUMBER_YEAR,       /* not four digits: no correction */
    GW_NUMBER_SEQUENCE,   /* 017号, 第17号: corrected form given */
    GW_NUMBER_SUFFIX,     /* no 号 at the end: corrected form given */
    GW_NUMBER_FORM        /* anything else; a corrected form when one is certain
                           * (spaces inside, full-width digits) */
} gw_number_problem;

/* Checks a document number.  On a problem *fixed receives the corrected form
 * (malloc'ed) or NULL when none is certain; *year_out (may be NULL) the year
 * as written for GW_NUMBER_YEAR. */
gw_number_problem gw_check_number(const char *text, char **fixed, char **year_out);
/* An order's number: 第N号.  Returns 1 when right; else *fixed as above. */
int gw_check_order_number(const char *text, char **fixed);

/* 2025-06-12 (or 2025-6-12) and 2025年6月12日: 1 when text is one of those
 * forms and a real calendar date. */
int gw_parse_date(const char *text, int *year, int *month, int *day);
/* A date as people also type it (2024.3.5, 2025/6/12, 二〇二五年六月十二日,
 * full-width digits, spaces): 1 when it is a real calendar date, so the
 * message can offer it rewritten. */
int gw_date_rewrite(const char *text, int *year, int *month, int *day);

/* 份号: 1 to 6 ASCII digits; *padded (char[7]) gets the 6-digit form. */
int gw_check_copy_number(const char *text, char padded[7]);
/* 密级和保密期限: 秘密|机密|绝密, optionally ★ and N年, N个月 or 长期. */
int gw_check_classification(const char *text);
/* 紧急程度: 特急, 加急, and for telegrams 特提, 平急. */
int gw_check_urgency(const char *text);
/* Reply category A, B or C.  On a near miss (b, Ｂ, B类) *fixed gets the letter. */
int gw_check_reply_category(const char *text, char *fixed);

/* Heading numbering at the start of a paragraph. */
typedef struct gw_numbering {
    int    level;         /* 1 一、  2 （一）  3 1.  4 （1）; 0: none */
    int    number;        /* the value: 一 = 1, 十二 = 12 */
    size_t length;        /* bytes of the numbering in the text */
    int    half_width;    /* (一) or (1): printed with full-width parentheses */
} gw_numbering;

int gw_detect_numbering(const char *text, size_t len, gw_numbering *out);
/* The number as the level writes it: 三、 （三） 3. （3）, into buf. */
void gw_format_numbering(int level, int number, char *buf, size_t cap);
/* Where a run-in heading ends: bytes up to and including the first 。 when
 * text goes on after it; else len (the whole paragraph is the heading). */
size_t gw_run_in_length(const char *text, size_t len);
#endif
