/* Names in a title: places and organisations, found by the vocabulary's
 * suffixes and its list of names, so that no break falls inside one.
 *
 * A name part is a stem and a suffix: 漳州 + 市, 龙文 + 区, 财政 + 局,
 * 卫生健康 + 委员会; a listed name (人力资源和社会保障局, the document's own
 * issuers) is a part as it stands.  Parts that follow each other with a
 * short stem between (at most stem_chars characters, nothing that stops a
 * stem) make one name, 漳州市龙文区财政局, kept whole.  The stem of a name's
 * first part is what ICU could not make a word of: the rest of the word the
 * suffix ends (华|安县, 芗|城区) or the word before a suffix that stands alone
 * (厦门|市), with the single characters ICU left before it (晋|安|区).
 * Inside a name, a place after an organisation starts a second issuer
 * (厦门市财政局 | 厦门市卫生健康委员会): that break costs `issuers`; so does
 * the space or 、 between two names. */
#ifndef GW_TEXT_TITLE_NAMES_H
#define GW_TEXT_TITLE_NAMES_H
#include "text/title-costs.h"

/* Marks scan->kept inside every name and scan->edge between issuers.
 * Needs word_edge, stop and named filled in.  0 when out of memory. */
int gw_title_find_names(gw_title_scan *scan, const gw_title_vocab *vocab, const char *const *names,
                        size_t name_count);
#endif
