/* Title breaking: between words, balanced, never one character alone. */
#include "check.h"
#include "fonts/fontset.h"
#include "text/title.h"
#include "util/utf8.h"
#include <stdlib.h>
#include <string.h>

#define MM (72.0 / 25.4)

static gw_fontset *fonts;
static gw_text_style title;

/* The title's lines joined with '/'. */
static char *set(const char *text)
{
    gw_lines lines;
    gw_loc loc = { "title", 0, 0, "", 0 };
    gw_status st = gw_set_title(text, strlen(text), &title, 156 * MM, loc, NULL, &lines);
    CHECK(st == GW_OK);
    static char out[1024];
    out[0] = '\0';
    for (size_t i = 0; i < lines.count; i++) {
        const gw_line *l = &lines.lines[i];
        CHECK_MSG(l->width <= 156 * MM + 0.01, "line %zu of %s is %.1f pt wide", i, text, l->width);
        CHECK_MSG(gw_utf8_count(text + l->text_start, l->text_end - l->text_start) > 1,
                  "one character alone in %s", text);
        if (i) strcat(out, "/");
        strncat(out, text + l->text_start, l->text_end - l->text_start);
    }
    gw_lines_free(&lines);
    return out;
}

static void expect(const char *text, const char *lines)
{
    const char *got = set(text);
    CHECK_MSG(strcmp(got, lines) == 0, "%s\n    got      %s\n    expected %s", text, got, lines);
}

int main(void)
{
    gw_diagnostics *d = gw_diagnostics_create();
    fonts = gw_fontset_load(source_path("fonts/fonts.yaml"), d);
    CHECK(fonts != NULL);
    if (!fonts) return check_summary();
    /* 二号小标宋 */
    title = (gw_text_style){ gw_fontset_role(fonts, "xiaobiaosong"), gw_fontset_role(fonts, "latin"), 22, 22,
                             { 0, 0, 0, 0, 1 }, 0 };
    /* fits: one line */
    expect("关于印发《公文处理办法》的通知", "关于印发《公文处理办法》的通知");
    /* the seeds: short over long, the ordinal whole (as the Xiamen letter prints it) */
    expect("关于区政协九届四次会议第20253019号提案办理情况答复的函",
           "关于区政协九届四次会议/第20253019号提案办理情况答复的函");
    expect("关于区政协十届五次会议第20262030号提案办理情况的答复",
           "关于区政协十届五次会议/第20262030号提案办理情况的答复");
    /* a book title is not split after its opening mark, nor its closing mark carried */
    const char *t = set("关于转发《国务院办公厅关于进一步加强基层医疗卫生服务体系建设的意见》的通知");
    CHECK_MSG(!strstr(t, "《/") && !strstr(t, "/》") && strchr(t, '/'), "%s", t);
    /* three lines: the middle one is the widest (diamond) or lines grow (trapezoid) */
    t = set("关于进一步深化家庭医生签约服务系统提升晋安区基层医疗健康管理效能加强基层卫生人才队伍建设的实施意见");
    int slashes = 0;
    for (const char *p = t; *p; p++) slashes += *p == '/';
    CHECK_MSG(slashes == 2, "three lines expected: %s", t);
    printf("three lines: %s\n", t);
    const char *mid = strchr(t, '/') + 1, *last = strchr(mid, '/') + 1;
    long l1 = gw_utf8_count(t, (size_t)(mid - 1 - t)), l2 = gw_utf8_count(mid, (size_t)(last - 1 - mid)),
         l3 = gw_utf8_count(last, strlen(last));
    CHECK_MSG(l2 >= l1 && l2 >= l3, "not a diamond: %ld %ld %ld", l1, l2, l3);
    gw_fontset_destroy(fonts);
    gw_diagnostics_destroy(d);
    return check_summary();
}
