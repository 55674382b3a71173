/* What breaking a title at each place costs: the scored candidates the
 * line chooser (title.c) picks from.
 *
 * A break between two words of ICU's dictionary costs `word`, one inside a
 * word `inside_word`; a phrase rule of the vocabulary sets the cost at the
 * edges of its matches (before 关于, after 会议) and adds to the breaks
 * inside them (a book title); names and kept terms are never broken (the
 * suffix rule of title-names.c finds names the dictionary does not know);
 * and the line breaking rules of GB/T 15834 hold (no 。 at a line's start,
 * no 《 at its end, no break inside Latin text). */
#ifndef GW_TEXT_TITLE_COSTS_H
#define GW_TEXT_TITLE_COSTS_H
#include "text/title-vocab.h"
#include <stddef.h>

/* What the scan of one title knows about each byte offset. */
typedef struct gw_title_scan {
    const char    *text;
    size_t         len;
    unsigned char *word_edge;  /* [len+1] an ICU word boundary (0 and len are) */
    unsigned char *stop;       /* [len]   in a character no name stem runs through: not Han,
                                *         or in a phrase, a term or a pattern's match */
    unsigned char *named;      /* [len]   in a known name or term: no suffix is looked for */
    unsigned char *kept;       /* [len+1] a break here would split something kept whole */
    double        *edge;       /* [len+1] the cost a phrase boundary sets here (NAN: none) */
    double        *inside;     /* [len+1] added to a break here (inside a book title ...) */
} gw_title_scan;

/* The cost of a break at each byte offset of a title. */
typedef struct gw_title_breaks {
    size_t  len;
    double *cost;              /* [len+1] INFINITY where no break may be (0 and len too) */
    size_t *resume;            /* [len+1] where the next line starts after a break here:
                                * past the spaces between two issuers, else the same offset */
} gw_title_breaks;

/* Scores every break of text[0, len).  names: more names kept whole (the
 * document's own issuers), may be NULL.  A pattern that takes too long is
 * left out with a warning W0850 at loc.  GW_OK or GW_ERR_NOMEM. */
gw_status gw_title_break_costs(const char *text, size_t len, const gw_title_vocab *vocab,
                               const char *const *names, size_t name_count, gw_loc loc,
                               gw_diagnostics *diags, gw_title_breaks *out);
void      gw_title_breaks_free(gw_title_breaks *breaks);

/* Whether c separates the issuers of a joint title: a space, U+3000. */
int gw_title_is_space(uint32_t c);
#endif
