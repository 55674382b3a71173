/* 出席, 请假, 列席 (纪要格式): one blank line after the body, each label
 * in its style 2 characters in, the names after it, wrapped lines aligned
 * after the label's colon. */
#include "layout/stages.h"
#include "layout/setting.h"
#include "util/buf.h"

static long one_list(lay_ctx *L, lay_block *b, long row, const char *label, const gw_text_list *names,
                     const char *path)
{
    const gw_attendance_spec *a = &L->t->attendance;
    if (!names->count) return 0;
    if (!lay_check_entries(L, names, a->names_style, path)) return -1;
    gw_buf text;
    gw_buf_init(&text);
    for (size_t i = 0; i < names->count; i++) gw_buf_printf(&text, "%s%s", i ? a->separator : "", names->items[i]);
    if (text.failed) { gw_buf_free(&text); lay_fail(L, GW_ERR_NOMEM); return -1; }
    long rows = lay_hanging(L, b, row, label, a->label_style, text.data, a->names_style,
                            L->t->type_left + a->indent, 0, 1, lay_loc(L, names->srcs[0], path, 0));
    gw_buf_free(&text);
    return rows;
}

void lay_attendance(lay_ctx *L, lay_blocks *out)
{
    const gw_attendance *at = &L->doc->attendance;
    const gw_attendance_spec *a = &L->t->attendance;
    if (!at->present.count && !at->absent.count && !at->attending.count) return;
    lay_block *b = lay_blocks_add(out);
    if (!b) { lay_fail(L, GW_ERR_NOMEM); return; }
    b->gap_before = a->gap_lines;
    b->split = 1;
    const char *labels[] = { a->present_label, a->absent_label, a->attending_label };
    const gw_text_list *lists[] = { &at->present, &at->absent, &at->attending };
    const char *paths[] = { "attendance.present", "attendance.absent", "attendance.attending" };
    long row = 0;
    for (size_t i = 0; i < 3 && lay_ok(L); i++) {
        long rows = one_list(L, b, row, labels[i], lists[i], paths[i]);
        if (rows > 0) row += rows;
    }
}
