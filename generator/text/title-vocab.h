/* The vocabulary of title breaking, read from a data file
 * (templates/title-breaks.yaml; docs/titles.md): what each kind of break
 * costs, the suffixes that make places and organisations (市 区 局 委员会),
 * names and terms never broken, and phrase rules (break before 关于, after
 * 会议, never inside 第…号).  Loaded once, never changed afterwards: one
 * vocabulary serves any number of titles, from any thread. */
#ifndef GW_TEXT_TITLE_VOCAB_H
#define GW_TEXT_TITLE_VOCAB_H
#include "util/diag.h"
#include <unicode/uregex.h>

#define GW_TITLE_MAX_LINES 20      /* the most max_lines a vocabulary may ask for */

typedef struct gw_title_costs {
    double word;          /* a break between two dictionary words */
    double inside_word;   /* a break inside a word */
    double issuers;       /* between the issuers of a joint title */
    double name_parts;    /* between two parts of one name: 漳州市 | 龙文区, 龙文区 | 财政局 */
    double balance;       /* per square character of a line's distance from the mean */
    double shape;         /* the lines neither a trapezoid nor a diamond */
    double extra_line;    /* each line beyond the fewest */
} gw_title_costs;

typedef struct gw_word_list {
    char  **items;
    size_t  count;
} gw_word_list;

/* A phrase rule: a literal (matched where it starts and ends on word
 * boundaries) or an ICU regular expression, and what breaks around and
 * inside a match cost.  NAN: the rule says nothing there. */
typedef struct gw_title_rule {
    char               *text;      /* the literal, or NULL */
    URegularExpression *pattern;   /* compiled; each use clones it (a match holds state) */
    int                 keep;      /* never broken inside */
    double              inside;    /* added to a break inside the match */
    double              before, after;
    gw_loc              loc;       /* where the rule is written (loc.file is the vocabulary's) */
} gw_title_rule;

typedef struct gw_title_vocab {
    const char    *path;           /* the file loaded (the last of files) */
    gw_word_list   files;          /* it and the files it extends, base first */
    gw_title_costs costs;
    long           max_lines;      /* a longer title is broken by the grid alone */
    long           stem_chars;     /* the most characters before a suffix in one name part */
    gw_word_list   places, organisations, prefixes;
    gw_word_list   names;          /* kept whole, and parts of longer names (title-names.h) */
    gw_word_list   terms;          /* kept whole: 基本公共卫生服务项目 */
    gw_title_rule *rules;
    size_t         rule_count;
} gw_title_vocab;

/* Reads a vocabulary file; NULL when it cannot be read or is malformed (every
 * problem reported with its place: E0850-E0853).  A file may begin with
 * `extends: NAME` (data_dir/templates/NAME.yaml) or `extends: PATH` (relative
 * to the file): that vocabulary is read first, this file's costs and numbers
 * override its own, and its lists and phrases are added to the base's.
 * data_dir may be NULL (a bare NAME is then looked for beside the file). */
gw_title_vocab *gw_title_vocab_load(const char *path, const char *data_dir, gw_diagnostics *diags);
/* The same from text in memory; name stands for the file in diagnostics. */
gw_title_vocab *gw_title_vocab_load_memory(const char *name, const char *text, size_t len,
                                           const char *data_dir, gw_diagnostics *diags);
void            gw_title_vocab_destroy(gw_title_vocab *vocab);
#endif
