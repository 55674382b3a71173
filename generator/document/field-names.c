#include "document/field-names.h"
#include "document/schema.h"
#include "util/buf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The fields under a part: the section whose path is the part's key, with
 * [] when the part was indexed (body[] holds blocks, attachments[] ...). */
static const gw_field *section_under(const char *key, size_t len, int indexed)
{
    for (size_t i = 0; gw_schema_sections[i].path; i++) {
        const char *p = gw_schema_sections[i].path;
        if (strncmp(p, key, len) == 0 && strcmp(p + len, indexed ? "[]" : "") == 0)
            return gw_schema_sections[i].fields;
    }
    return NULL;
}

static int is_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80) return 0;
    return 1;
}

/* Where the index of "key[3]" starts: a '[' that ends the part as [digits],
 * at most 9 of them (a document has no list that long).  NULL for any
 * other part: a key a document gave ("甲[7777…]") is a name, whole. */
static const char *index_bracket(const char *part, size_t len)
{
    const char *bracket = memchr(part, '[', len);
    if (!bracket || part[len - 1] != ']') return NULL;
    size_t digits = (size_t)(part + len - 1 - (bracket + 1));
    if (digits == 0 || digits > 9) return NULL;
    for (size_t i = 1; i <= digits; i++)
        if (bracket[i] < '0' || bracket[i] > '9') return NULL;
    return bracket;
}

/* One part "key" or "key[3]": its name, then 第N项 for the index. */
static const gw_field *put_part(gw_buf *b, const gw_field *section, const char *part, size_t len)
{
    const char *bracket = index_bracket(part, len);
    size_t key_len = bracket ? (size_t)(bracket - part) : len;
    char key[128];
    snprintf(key, sizeof key, "%.*s", (int)(key_len < sizeof key ? key_len : sizeof key - 1), part);
    const char *zh = section ? gw_schema_zh(section, key) : "";
    if (*zh) gw_buf_puts(b, zh);
    else if (is_ascii(key, strlen(key))) gw_buf_printf(b, "“%s”", key);
    else gw_buf_puts(b, key);
    if (bracket) gw_buf_printf(b, "第%ld项", strtol(bracket + 1, NULL, 10) + 1);
    return section_under(key, strlen(key), bracket != NULL);
}

const char *gw_field_path_zh(const char *path, char *buf, size_t size)
{
    gw_buf b;
    gw_buf_init(&b);
    const gw_field *section = gw_schema_root;
    for (const char *p = path; *p;) {
        size_t len = strcspn(p, ".");
        if (p != path) gw_buf_puts(&b, "的");
        section = put_part(&b, section, p, len);
        p += len + (p[len] == '.');
    }
    size_t n = b.data && !b.failed ? b.len : 0;
    if (size == 0) { gw_buf_free(&b); return buf; }
    if (n >= size) {
        n = size - 1;
        while (n > 0 && ((unsigned char)b.data[n] & 0xC0) == 0x80) n--;   /* a whole character */
    }
    memcpy(buf, n ? b.data : "", n);
    buf[n] = '\0';
    gw_buf_free(&b);
    return buf;
}
