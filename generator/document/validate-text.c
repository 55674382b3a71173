/* Checks every text of a document shares: no control characters, no
 * unfilled placeholders from `gongwen new`, no stray spaces between Chinese
 * and digits (a leftover of text copied out of PDFs). */
#include "document/reader.h"
#include "text/chars.h"
#include "text/lines.h"
#include "util/utf8.h"
#include <string.h>

/* Han characters and the full-width punctuation that sits between them. */
static int is_chinese(uint32_t c)
{
    return (c >= 0x3001 && c <= 0x303F) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF01 && c <= 0xFF5E) || (c >= 0x20000 && c <= 0x3FFFF);
}

static int is_digit(uint32_t c) { return c >= '0' && c <= '9'; }

/* Line and paragraph separators end lines for libyaml only: refused. */
static int is_control(uint32_t c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029;
}

/* Returns 0 after reporting the first control character of the text.  The
 * text is the value as decoded, so "\u202E" or "\x01" written as a YAML
 * escape is refused like the raw character. */
static int check_controls(gw_reader *R, const yaml_node_t *node, size_t start, size_t len, const char *path,
                          int flags)
{
    const char *v = (const char *)node->data.scalar.value;
    size_t joined = 0;
    for (size_t i = start; i < start + len;) {
        size_t at = i;
        uint32_t c = gw_utf8_next(v, start + len, &i);
        if (c == '\n' && (flags & RD_MULTILINE)) continue;
        if (c == '\n') {
            rd_report_line_break(R, rd_loc_at(R, node, at, path), path);
            return 0;
        }
        if (is_control(c)) {
            rd_report(R, rd_loc_at(R, node, at, path), GW_MSG_CONTROL_CHAR, (unsigned)c, gw_control_name(c));
            return 0;
        }
        gw_msg hides = gw_hiding_character_message(c);    /* as ynode.c refuses them raw */
        if (hides != GW_MSG_COUNT) {
            rd_report(R, rd_loc_at(R, node, at, path), hides, (unsigned)c);
            return 0;
        }
        joined = gw_char_joins_previous(c) ? joined + 1 : 0;
        if (joined > GW_MAX_JOINED) {
            rd_report(R, rd_loc_at(R, node, at, path), GW_MSG_TOO_MANY_JOINED, GW_MAX_JOINED, (unsigned)c);
            return 0;
        }
    }
    return 1;
}

/* <<…>> is how `gongwen new` marks what the clerk must fill in. */
static int check_placeholders(gw_reader *R, const yaml_node_t *node, size_t start, size_t len, const char *path)
{
    const char *v = (const char *)node->data.scalar.value;
    int ok = 1;
    for (size_t i = start; i + 1 < start + len; i++) {
        if (v[i] != '<' || v[i + 1] != '<') continue;
        const char *end = NULL;
        for (size_t j = i + 2; j + 1 < start + len; j++)
            if (v[j] == '>' && v[j + 1] == '>') { end = v + j + 2; break; }
        if (!end) break;
        char shown[160];
        gw_excerpt(v + i, (size_t)(end - (v + i)), shown, sizeof shown);
        rd_report(R, rd_loc_at(R, node, i, path), GW_MSG_PLACEHOLDER, shown);
        ok = 0;
        i = (size_t)(end - v) - 1;
    }
    return ok;
}

/* 第 2 号, 2025 年: spaces between Chinese and digits. */
static void check_stray_spaces(gw_reader *R, const yaml_node_t *node, size_t start, size_t len, const char *path)
{
    const char *v = (const char *)node->data.scalar.value;
    size_t end = start + len, prev_at = start;
    uint32_t prev = 0;
    for (size_t i = start; i < end;) {
        size_t at = i;
        uint32_t c = gw_utf8_next(v, end, &i);
        if (c != ' ') { prev = c; prev_at = at; continue; }
        size_t after = i;
        while (after < end && v[after] == ' ') after++;
        if (after >= end) break;
        size_t next_end = after;
        uint32_t next = gw_utf8_next(v, end, &next_end);
        if ((is_chinese(prev) && is_digit(next)) || (is_digit(prev) && is_chinese(next))) {
            char shown[160];
            gw_excerpt(v + prev_at, next_end - prev_at, shown, sizeof shown);
            rd_report(R, rd_loc_at(R, node, at, path), GW_MSG_STRAY_SPACE, shown);
        }
        i = after;
    }
}

int rd_check_text(gw_reader *R, const yaml_node_t *node, size_t start, size_t len, const char *path, int flags)
{
    if (len > GW_MAX_TEXT_BYTES) {                 /* what the text engine would refuse */
        rd_report(R, rd_loc_at(R, node, start, path), GW_MSG_TEXT_TOO_LONG, len, GW_MAX_TEXT_BYTES);
        return 0;
    }
    int ok = check_controls(R, node, start, len, path, flags);
    ok = check_placeholders(R, node, start, len, path) && ok;
    if (!(flags & RD_RAW)) check_stray_spaces(R, node, start, len, path);
    return ok;
}
