/* UTF-8 decoding and the UTF-16 forms PDF text needs. */
#ifndef GW_UTIL_UTF8_H
#define GW_UTIL_UTF8_H
#include <stddef.h>
#include <stdint.h>
#include "util/buf.h"
#include "util/messages.h"

#define GW_UTF8_INVALID 0xFFFFFFFFu

/* Decodes the code point at s[*i] (len bytes in s), advances *i past it.
 * Malformed, overlong or surrogate sequences give GW_UTF8_INVALID and advance
 * by one byte. */
uint32_t gw_utf8_next(const char *s, size_t len, size_t *i);

/* Appends the UTF-16BE hex form of the UTF-8 text, surrogate pairs for
 * code points above U+FFFF ("4E2D" for 中, "D870DF17" for U+2C317). */
void gw_utf8_to_utf16_hex(gw_buf *out, const char *s, size_t len);

/* The length in bytes of the line break at s[i]: 2 for CR LF and for NEL
 * (U+0085), 1 for a lone CR or LF, 0 when none starts there.  These are
 * the breaks libyaml counts lines by (U+2028 and U+2029 too, but gongwen
 * refuses those before libyaml sees them). */
size_t gw_line_break_at(const char *s, size_t len, size_t i);

/* Number of code points, or -1 when the text is not valid UTF-8. */
long gw_utf8_count(const char *s, size_t len);

/* Characters that make what a reader sees differ from what is stored,
 * refused in every text (raw, escaped, in templates): bidirectional
 * embeddings, overrides, isolates and marks ("Trojan Source": the text
 * shows in another order, GW_MSG_BIDI_CONTROL, E0014), and the tag
 * characters U+E0001 and U+E0020-U+E007F (invisible: they carry text that
 * a copy or a search finds and the page does not show,
 * GW_MSG_TAG_CHARACTER, E0018).  In Chinese official text neither has a
 * use.  The message that refuses c (its argument: the code point), or
 * GW_MSG_COUNT when c hides nothing. */
gw_msg gw_hiding_character_message(uint32_t c);
#endif
