/* Character classes for Chinese line breaking (GB/T 15834-2011 and W3C
 * clreq at its GB strictness; ../shared/spec/linebreak.md). */
#ifndef GW_TEXT_CHARS_H
#define GW_TEXT_CHARS_H
#include <stdint.h>

enum {
    GW_CH_NO_START = 1 << 0,   /* never at the start of a line: 。，）》” … */
    GW_CH_NO_END   = 1 << 1,   /* never at the end of a line: （《“ … */
    GW_CH_OPENING  = 1 << 2,   /* opening bracket or quote: ink in the right half */
    GW_CH_CLOSING  = 1 << 3,   /* closing bracket, quote, 。，、；：: ink in the left half */
    GW_CH_PAIRED   = 1 << 4,   /* —, …, ⸺: two in a row make one unbreakable unit */
    GW_CH_LATIN    = 1 << 5,   /* ASCII letters, digits and marks: half-width, Latin font */
    GW_CH_SPACE    = 1 << 6,   /* a space: a break opportunity, dropped at a line's end */
};

/* The classes of a code point (a bit set of GW_CH_*). */
unsigned gw_char_class(uint32_t cp);

/* Characters that belong to the one before them: combining marks, variation
 * selectors and zero-width format characters. */
int gw_char_joins_previous(uint32_t cp);

/* At most this many such characters follow one character (Unicode's
 * stream-safe text format, UAX #15, allows 30): a longer run is refused,
 * as HarfBuzz's cost grows with the square of it. */
#define GW_MAX_JOINED 30
#endif
