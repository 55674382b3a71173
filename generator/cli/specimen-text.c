/* The text of a specimen document made to render through a given
 * template: the specimen files (specimens/KIND.yaml in the data folder)
 * name their template on a `template:` line at the left margin and their
 * seals as `seals/NAME.png` values, relative to the specimens folder, so
 * that `gongwen render specimens/file.yaml` works as it is.  A document
 * rendered from memory finds relative paths from the current folder, so
 * the seals are given the specimens folder, and the template line names
 * the template asked for; every other line is kept as written. */
#include "cli/specimen.h"
#include <string.h>

/* text as a YAML double-quoted scalar. */
static void put_quoted(gw_buf *out, const char *text, size_t len)
{
    gw_buf_append(out, "\"", 1);
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '"' || text[i] == '\\') gw_buf_append(out, "\\", 1);
        gw_buf_append(out, text + i, 1);
    }
    gw_buf_append(out, "\"", 1);
}

/* Where a seal value starts in the line: after the indentation, a list
 * dash and a `seal:` key, each optional; NULL when the value is not seals/... */
static const char *seal_value(const char *line, const char *end)
{
    const char *p = line;
    while (p < end && *p == ' ') p++;
    if (end - p >= 2 && !strncmp(p, "- ", 2)) p += 2;
    if (end - p >= 6 && !strncmp(p, "seal: ", 6)) p += 6;
    return end - p > 6 && !strncmp(p, "seals/", 6) ? p : NULL;
}

static void put_line(gw_buf *out, const char *line, const char *end, const char *template_name,
                     const char *specimens_dir)
{
    const char *seal = seal_value(line, end);
    if ((size_t)(end - line) >= 9 && !strncmp(line, "template:", 9)) {
        gw_buf_printf(out, "template: ");
        put_quoted(out, template_name, strlen(template_name));
    } else if (seal) {
        gw_buf seal_path;
        gw_buf_init(&seal_path);
        gw_buf_printf(&seal_path, "%s/%.*s", specimens_dir, (int)(end - seal), seal);
        gw_buf_append(out, line, (size_t)(seal - line));
        put_quoted(out, seal_path.data ? seal_path.data : "", seal_path.len);
        gw_buf_free(&seal_path);
    } else {
        gw_buf_append(out, line, (size_t)(end - line));
    }
    gw_buf_append(out, "\n", 1);
}

void cli_specimen_text(const char *text, size_t len, const char *template_name, const char *specimens_dir,
                       gw_buf *out)
{
    const char *p = text, *stop = text + len;
    while (p < stop) {
        const char *nl = memchr(p, '\n', (size_t)(stop - p));
        const char *end = nl ? nl : stop;
        put_line(out, p, end, template_name, specimens_dir);
        p = nl ? nl + 1 : stop;
    }
}
