#include "text/chars.h"
#include <hb.h>
#include <unicode/uchar.h>

/* Sorted tables would be faster for large sets; these are short and the
 * common case (a Han character) is answered by the range test first. */
static const uint32_t no_start[] = {
    0x3002, 0xFF0C, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01,           /* 。，、；：？！ */
    0x201D, 0x2019,                                                   /* ” ’ */
    0xFF09, 0x3015, 0x3011, 0xFF3D, 0xFF5D, 0x3009, 0x300B, 0x300D,   /* ）〕】］｝〉》」 */
    0x300F, 0x3017,                                                   /* 』〗 */
    0x2014, 0x2026, 0x2E3A, 0xFF5E, 0x00B7, 0x30FB, 0xFF0F,           /* — … ⸺ ～ · ・ ／ */
    0x0025, 0x2030, 0x2103, 0xFF05,                                   /* % ‰ ℃ ％ */
    ',', '.', ';', ':', '?', '!', ')', ']', '}',
};
static const uint32_t no_end[] = {
    0x201C, 0x2018, 0xFF08, 0x3014, 0x3010, 0xFF3B, 0xFF5B, 0x3008,   /* “‘（〔【［｛〈 */
    0x300A, 0x300C, 0x300E, 0x3016, 0xFF0F,                           /* 《「『〖／ */
    '(', '[', '{',
};
static const uint32_t closing[] = {
    0x201D, 0x2019, 0xFF09, 0x3015, 0x3011, 0xFF3D, 0xFF5D, 0x3009,
    0x300B, 0x300D, 0x300F, 0x3017, 0x3002, 0xFF0C, 0x3001, 0xFF1B, 0xFF1A,
};

static int in(const uint32_t *set, unsigned n, uint32_t cp)
{
    for (unsigned i = 0; i < n; i++)
        if (set[i] == cp) return 1;
    return 0;
}

#define IN(set, cp) in(set, sizeof set / sizeof *set, cp)

unsigned gw_char_class(uint32_t cp)
{
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x3FFFF))
        return 0;                                    /* Han: breaks anywhere */
    unsigned c = 0;
    if (cp == ' ') return GW_CH_SPACE;
    if (cp == 0x00A0) return GW_CH_LATIN;            /* a no-break space glues its neighbours */
    /* ASCII and the Latin letters of pinyin and names (Tō, Müller): half-width */
    if ((cp > 0x20 && cp < 0x7F) || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7)) c |= GW_CH_LATIN;
    if (IN(no_start, cp)) c |= GW_CH_NO_START;
    if (IN(no_end, cp)) c |= GW_CH_NO_END | (cp < 0x7F ? 0 : GW_CH_OPENING);
    if (IN(closing, cp)) c |= GW_CH_CLOSING;
    if (cp == 0x2014 || cp == 0x2026 || cp == 0x2E3A) c |= GW_CH_PAIRED;
    if (cp == 0xFF0F) c &= ~GW_CH_OPENING;           /* ／ neither opens nor closes */
    return c;
}

/* Format characters join the one before them (ZWSP, ZWJ, a soft hyphen:
 * invisible, set in their neighbour's font), but not the prepended
 * concatenation marks (U+0600 ؀, U+06DD, U+110BD ...): visible signs
 * that stand before what they mark.  Set in a neighbour's font that lacks
 * them they showed as a blank; as ordinary characters they need a font of
 * their own, and without one are refused (E0810). */
int gw_char_joins_previous(uint32_t cp)
{
    hb_unicode_general_category_t gc = hb_unicode_general_category(hb_unicode_funcs_get_default(), cp);
    if (gc == HB_UNICODE_GENERAL_CATEGORY_FORMAT)
        return u_getIntPropertyValue((UChar32)cp, UCHAR_GRAPHEME_CLUSTER_BREAK) != U_GCB_PREPEND;
    return gc == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK ||
           gc == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK ||
           (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
}
