/* gongwen new [--template file|letter|order|minutes] (help-text.c): prints a commented
 * starting document.  Every <<…>> is a placeholder holding an example;
 * `gongwen check` reports any left unfilled (E0125), and the document
 * validates once each is replaced (tests/e2e/test_check.py checks that). */
#include "cli/cli.h"
#include "document/schema.h"
#include <stdlib.h>
#include <string.h>

static const char head[] =
    "# 公文文档（gongwen 格式版本 1）。把每个 <<…>> 换成实际内容（尖括号一并删除），\n"
    "# 然后运行 gongwen check 本文件 检查、gongwen render 本文件 生成 PDF。\n"
    "# 字段说明见 docs/schema.md。以 # 开头的行是注释，可删除；去掉行首的 # 即可启用可选字段。\n"
    "gongwen: 1\n";

static const char header_marks[] =
    "# copy_number: 000001          # 份号：1 至 6 位数字\n"
    "# classification: 秘密★1年      # 密级和保密期限：秘密、机密、绝密，可加 ★ 和期限\n"
    "# urgency: 特急                # 紧急程度：特急 或 加急\n";

static const char body_and_closing[] =
    "body: |                        # 正文：每个非空行为一段；一、 （一） 1. （1） 开头的行为各级标题\n"
    "  <<现将有关事项通知如下：>>\n"
    "  一、<<工作目标>>\n"
    "  <<正文内容。强调的文字写在 **两个星号** 之间。>>\n"
    "  二、<<工作要求>>\n"
    "  <<正文内容。>>\n"
    "# attachments:                 # 附件说明：附件名称，末尾不加标点\n"
    "#   - 附件名称\n";

static const char file_doc[] =
    "template: file                 # 版式：文件格式\n"
    "issuer: <<厦门市湖里区卫生健康局>>    # 发文机关（必填）；联合行文写成列表，主办机关在前\n"
    "number: <<厦湖卫健〔2025〕17号>>     # 发文字号（必填）：机关代字〔年份〕序号号\n"
    "# signers: 张三                # 签发人：上行文填写\n"
    "title: <<关于做好2025年基层医疗卫生服务工作的通知>>   # 标题（必填）\n"
    "to: <<各社区卫生服务中心>>           # 主送机关；多个写成列表，程序加 ，和 ：\n";

static const char letter_doc[] =
    "template: letter               # 版式：信函格式\n"
    "issuer: <<厦门市湖里区卫生健康局>>    # 发文机关（必填）\n"
    "number: <<厦湖卫健函〔2025〕17号>>   # 发文字号（必填）：机关代字〔年份〕序号号\n"
    "# reply:                       # 提案、建议答复\n"
    "#   category: A                # 答复类别：A、B 或 C\n"
    "title: <<关于区政协九届四次会议第20253019号提案办理情况答复的函>>   # 标题（必填）\n"
    "to: <<卞小燕委员>>                   # 主送机关\n";

static const char order_doc[] =
    "template: order                # 版式：命令（令）格式\n"
    "issuer:\n"
    "  name: <<厦门市人民政府>>           # 发文机关全称（必填）\n"
    "  mark: <<厦门市人民政府令>>         # 发文机关标志\n"
    "number: <<第1号>>                    # 令号：第N号\n"
    "title: <<厦门市公共卫生管理办法>>     # 标题（必填）\n";

static const char minutes_doc[] =
    "template: minutes              # 版式：纪要格式\n"
    "issuer:\n"
    "  name: <<厦门市湖里区人民政府>>     # 发文机关全称（必填）\n"
    "  mark: <<湖里区人民政府常务会议纪要>>   # 纪要标志\n"
    "title: <<区政府第十二次常务会议纪要>> # 标题（必填）\n";

static const char file_closing[] =
    "contacts:                      # 联系信息：每项一行\n"
    "  - 联系人: <<陈亚娜>>\n"
    "    联系电话: \"<<2808388>>\"\n"
    "signature:\n"
    "  name: <<厦门市湖里区卫生健康局>>   # 署名；缺省为发文机关全称\n"
    "  date: <<2025-06-12>>             # 成文日期（必填）：2025-06-12 或 2025年6月12日\n"
    "  # seal: seal.png             # 印章图片（带透明通道的 PNG），相对于本文件\n"
    "note: <<此件主动公开>>               # 附注，程序加括号\n"
    "# cc: [区政协提案委员会, 区政府办公室]   # 抄送\n"
    "# print:                       # 印发机关和印发日期\n"
    "#   by: 区卫生健康局办公室\n"
    "#   date: 2025-06-13\n";

static const char order_closing[] =
    "signature:\n"
    "  title: <<市长>>                  # 签发人职务\n"
    "  name: <<张三>>                   # 签发人姓名\n"
    "  date: <<2025-06-12>>             # 成文日期（必填）\n"
    "  # seal: signature.png        # 签名章图片（PNG）\n";

static const char minutes_closing[] =
    "attendance:                    # 出席、请假、列席名单\n"
    "  present: [<<张三>>, <<李四>>]\n"
    "  # absent: [王五]\n"
    "  # attending: [区卫生健康局 赵六]\n"
    "signature:\n"
    "  date: <<2025-06-12>>             # 成文日期（必填）\n";

static const struct template_text {
    const char *name, *fields, *closing;
} templates[] = {
    { "file", file_doc, file_closing },
    { "letter", letter_doc, file_closing },
    { "order", order_doc, order_closing },
    { "minutes", minutes_doc, minutes_closing },
};

static const cli_option options[] = {
    { "template", 't', "NAME", NULL }, { "help", 'h', NULL, NULL }, { NULL, 0, NULL, NULL },
};

typedef struct new_args {
    const char *name;
    int         help;
} new_args;

static int on_option(void *ctx, const cli_option *o, const char *value)
{
    new_args *a = ctx;
    if (!strcmp(o->name, "template")) a->name = value;
    else a->help = 1;
    return 1;
}

/* "no template X; did you mean Y?" as the document's template: field says. */
static void no_template(const char *name)
{
    const char *names[sizeof templates / sizeof *templates];
    for (size_t i = 0; i < sizeof templates / sizeof *templates; i++) names[i] = templates[i].name;
    const char *near = gw_suggest(name, names, sizeof names / sizeof *names);
    int zh = cli_language() == GW_LANG_ZH;
    if (near) fprintf(stderr, zh ? "gongwen new：没有版式 %s；是否应为 %s？\n" : "gongwen new: no template %s; did you mean %s?\n", name, near);
    else fprintf(stderr, zh ? "gongwen new：没有版式 %s：应为 file、letter、order 或 minutes\n"
                            : "gongwen new: no template %s: use file, letter, order or minutes\n", name);
}

int cmd_new(int argc, char **argv)
{
    new_args a = { "file", 0 };
    const char **operands = NULL;
    int n = 0, rc = EXIT_USAGE;
    if (!cli_parse("new", options, argc, argv, on_option, &a, &operands, &n)) cli_usage_hint("new");
    else if (a.help) { cli_help(stdout, "new"); rc = EXIT_OK; }
    else if (n > 0) {
        fprintf(stderr, cli_language() == GW_LANG_ZH ? "gongwen new：多余的参数 %s\n" : "gongwen new: unexpected argument %s\n", operands[0]);
        cli_usage_hint("new");
    } else {
        for (size_t i = 0; i < sizeof templates / sizeof *templates && rc != EXIT_OK; i++) {
            if (strcmp(a.name, templates[i].name) != 0) continue;
            fputs(head, stdout);
            fputs(templates[i].fields, stdout);
            fputs(header_marks, stdout);
            fputs(body_and_closing, stdout);
            fputs(templates[i].closing, stdout);
            rc = EXIT_OK;
        }
        if (rc != EXIT_OK) no_template(a.name);
    }
    free(operands);
    return rc;
}
