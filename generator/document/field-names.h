/* A field path in words a clerk reads: "signature.date" -> 署名和成文日期的成文日期,
 * "attachments[1].name" -> 附件说明第2项的附件名称, "cc[0]" -> 抄送第1项, for the
 * Chinese messages that name a field (an English field name in a Chinese
 * sentence is one more thing to decode). */
#ifndef GW_DOCUMENT_FIELD_NAMES_H
#define GW_DOCUMENT_FIELD_NAMES_H
#include <stddef.h>

/* Writes the Chinese name of path into buf (size bytes, cut at a whole
 * character) and returns buf.  A part that is no schema field (a contact's
 * own key such as 联系电话) is kept as written, in quotes when not Chinese. */
const char *gw_field_path_zh(const char *path, char *buf, size_t size);
#endif
