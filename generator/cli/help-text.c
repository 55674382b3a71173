/* The help of each command in English and Chinese.  docs/gongwen.1 (the
 * man page) says the same; tests/e2e/test_cli.py checks that every option
 * here is in it. */
#include "cli/help-text.h"
#include <stddef.h>
#include <string.h>

static const cli_help_text texts[] = {
    { NULL,
      "usage: gongwen [-V | --version] [-h | --help] COMMAND [ARGS]\n"
      "Chinese official documents (公文) from YAML to print-ready PDF, after GB/T 9704-2012.\n"
      "\n"
      "commands:\n"
      "  new      print a starting document to fill in\n"
      "  check    validate documents and report every problem\n"
      "  render   render documents to PDF\n"
      "  batch    render many documents into a folder, in parallel\n"
      "  fonts    show the fonts of each role, or the fallbacks a document needs\n"
      "  layout   print the laid-out pages as JSON\n"
      "  help     show the help of a command\n"
      "\n"
      "  -V, --version  the version, data folder, font folders and library versions\n"
      "  -h, --help     this help\n"
      "\n"
      "gongwen help COMMAND shows a command's options; man gongwen is the manual.\n",
      "用法：gongwen [-V | --version] [-h | --help] 命令 [参数]\n"
      "把 YAML 写成的公文排成符合 GB/T 9704-2012 的可印制 PDF。\n"
      "\n"
      "命令：\n"
      "  new      输出一份待填写的公文文档\n"
      "  check    检查文档，列出全部问题\n"
      "  render   把文档排成 PDF\n"
      "  batch    把大量文档并行排成 PDF，写入一个目录\n"
      "  fonts    列出各角色所用字体，或文档需要的后备字体\n"
      "  layout   以 JSON 输出排版结果\n"
      "  help     显示命令的帮助\n"
      "\n"
      "  -V, --version  版本、数据目录、字体目录和所用库的版本\n"
      "  -h, --help     本帮助\n"
      "\n"
      "gongwen help 命令 显示该命令的选项；man gongwen 为完整手册。\n" },
    { "render",
      "usage: gongwen render [OPTIONS] FILE.yaml...\n"
      "Renders each document to FILE.pdf beside it, or to the --output.\n"
      "  -o, --output PATH    the PDF to write (one document); - for standard output;\n"
      "                       a folder (one that exists, or PATH ending in /) gets NAME.pdf\n"
      "      --strict         refuse a document with warnings as well as errors\n"
      "      --format FORMAT  diagnostics as text (the default) or json, on standard error\n"
      "      --font-path DIR  look for fonts in DIR too (repeatable; also $GONGWEN_FONT_PATH)\n"
      "  -q, --quiet          print errors only, no warnings\n"
      "  -h, --help           this help\n"
      "FILE - reads the document from standard input; -- ends the options.\n"
      "PDF dates come from the document's date, or from $SOURCE_DATE_EPOCH when set.\n"
      "Exit status: 0 written, 1 errors in a document, 2 usage, 3 environment\n"
      "(fonts, data folder, output).\n",
      "用法：gongwen render [选项] 文件.yaml...\n"
      "把每份文档排成同目录下的 文件.pdf，或写到 --output 指定处。\n"
      "  -o, --output 路径    输出的 PDF（仅一份文档时）；- 表示标准输出；\n"
      "                       目录（已存在的目录或以 / 结尾的路径）中写 文件名.pdf\n"
      "      --strict         有警告的文档也不生成\n"
      "      --format 格式    诊断信息的格式：text（默认）或 json，输出到标准错误\n"
      "      --font-path 目录 也在该目录中查找字体（可重复；也可用 $GONGWEN_FONT_PATH）\n"
      "  -q, --quiet          只输出错误，不输出警告\n"
      "  -h, --help           本帮助\n"
      "文件写作 - 时从标准输入读取文档；-- 表示选项结束。\n"
      "PDF 的日期取自文档的成文日期；设置了 $SOURCE_DATE_EPOCH 时取该值。\n"
      "退出状态：0 已生成，1 文档有错误，2 用法错误，3 运行环境问题（字体、数据目录、输出）。\n" },
    { "check",
      "usage: gongwen check [OPTIONS] FILE.yaml...\n"
      "Validates each document against its template and lays it out, writing nothing, so\n"
      "that what it passes renders; reports every problem, one per line on standard output:\n"
      "  FILE:LINE:COL: error|warning CODE [field]: message\n"
      "      --strict         treat warnings as errors\n"
      "      --layout         also verify the laid-out pages against the template (margins,\n"
      "                       grid, positions, line breaking, 版记 page) and report font\n"
      "                       substitutions\n"
      "      --format FORMAT  text (the default) or json (described in docs/json.md)\n"
      "      --font-path DIR  look for fonts in DIR too (repeatable; also $GONGWEN_FONT_PATH)\n"
      "  -q, --quiet          print errors only, no warnings\n"
      "  -h, --help           this help\n"
      "FILE - reads the document from standard input; -- ends the options.\n"
      "Exit status: 0 no errors (warnings allowed), 1 errors (or warnings under --strict),\n"
      "2 usage, 3 environment (fonts, data folder).\n",
      "用法：gongwen check [选项] 文件.yaml...\n"
      "按版式检查每份文档并试排版（不写任何文件），检查通过的文档即可生成；\n"
      "在标准输出上逐行列出全部问题：\n"
      "  文件:行:列: error|warning 代码 [字段]: 说明\n"
      "      --strict         警告也视为错误\n"
      "      --layout         同时按版式核对排版结果（页边距、版心网格、位置、断行、版记所在页），\n"
      "                       并报告替代字体\n"
      "      --format 格式    text（默认）或 json（格式见 docs/json.md）\n"
      "      --font-path 目录 也在该目录中查找字体（可重复；也可用 $GONGWEN_FONT_PATH）\n"
      "  -q, --quiet          只输出错误，不输出警告\n"
      "  -h, --help           本帮助\n"
      "文件写作 - 时从标准输入读取文档；-- 表示选项结束。\n"
      "退出状态：0 无错误（可有警告），1 有错误（--strict 时含警告），2 用法错误，\n"
      "3 运行环境问题（字体、数据目录）。\n" },
    { "fonts",
      "usage: gongwen fonts [OPTIONS] [FILE.yaml...]\n"
      "Without a file: for each role, the families and files searched, which were found,\n"
      "the chain used (original, substitute, fallbacks) and its coverage.\n"
      "With files: each character set in a fallback font, and each that no font has.\n"
      "      --font-path DIR  look for fonts in DIR too (repeatable; also $GONGWEN_FONT_PATH)\n"
      "  -h, --help           this help\n"
      "To use an office's own font, install it for fontconfig, or put it in a font folder\n"
      "(~/.local/share/gongwen/fonts, or --font-path DIR): a family the font map names\n"
      "(仿宋_GB2312, 方正小标宋简体, ...) is then used as the original.  Other families go\n"
      "into ~/.config/gongwen/fonts.yaml, which extends the installed map.\n",
      "用法：gongwen fonts [选项] [文件.yaml...]\n"
      "不带文件时：列出每个角色查找的字体族和字体文件、找到了哪些、实际使用的字体链\n"
      "（原字体、替代字体、后备字体）及其覆盖的字数。\n"
      "带文件时：列出改用后备字体排印的每个字符，以及所有字体都没有的字符。\n"
      "      --font-path 目录 也在该目录中查找字体（可重复；也可用 $GONGWEN_FONT_PATH）\n"
      "  -h, --help           本帮助\n"
      "使用本单位自有字体：在系统中安装（fontconfig），或放入字体目录\n"
      "（~/.local/share/gongwen/fonts，或 --font-path 目录）；字体映射中列出的字体族\n"
      "（仿宋_GB2312、方正小标宋简体等）即作为原字体使用。其他字体族写入\n"
      "~/.config/gongwen/fonts.yaml，该文件扩充已安装的字体映射。\n" },
    { "layout",
      "usage: gongwen layout [OPTIONS] FILE.yaml > layout.json\n"
      "Prints the laid-out pages as JSON (glyph runs, rules, line boxes, in points from\n"
      "the page's top-left corner; described in docs/layout-json.md).\n"
      "      --font-path DIR  look for fonts in DIR too (repeatable; also $GONGWEN_FONT_PATH)\n"
      "  -q, --quiet          print errors only, no warnings\n"
      "  -h, --help           this help\n"
      "FILE - reads the document from standard input; -- ends the options.\n",
      "用法：gongwen layout [选项] 文件.yaml > layout.json\n"
      "以 JSON 输出排版结果（字形串、线条、行框，单位为点，自页面左上角起算；格式见\n"
      "docs/layout-json.md）。\n"
      "      --font-path 目录 也在该目录中查找字体（可重复；也可用 $GONGWEN_FONT_PATH）\n"
      "  -q, --quiet          只输出错误，不输出警告\n"
      "  -h, --help           本帮助\n"
      "文件写作 - 时从标准输入读取文档；-- 表示选项结束。\n" },
    { "new",
      "usage: gongwen new [--template NAME] > FILE.yaml\n"
      "Prints a commented document to fill in: replace each <<...>>, then check it.\n"
      "  -t, --template NAME  file (the default), letter, order or minutes\n"
      "  -h, --help           this help\n",
      "用法：gongwen new [--template 版式] > 文件.yaml\n"
      "输出一份带注释的待填写文档：替换每个 <<…>>，然后用 gongwen check 检查。\n"
      "  -t, --template 版式  file（默认，文件格式）、letter（信函格式）、order（命令格式）\n"
      "                       或 minutes（纪要格式）\n"
      "  -h, --help           本帮助\n" },
    { "help",
      "usage: gongwen help [COMMAND]\n"
      "Shows the help of a command (the same as gongwen COMMAND --help), or the list of\n"
      "commands.  Messages are in Chinese under a zh locale (LC_ALL, LC_MESSAGES, LANG)\n"
      "and in English otherwise.\n",
      "用法：gongwen help [命令]\n"
      "显示命令的帮助（与 gongwen 命令 --help 相同），或命令列表。\n"
      "在 zh 语言环境（LC_ALL、LC_MESSAGES、LANG）下以中文输出，否则以英文输出。\n" },
};

const cli_help_text *cli_help_text_of(const char *command)
{
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        if ((!command && !texts[i].command) ||
            (command && texts[i].command && strcmp(command, texts[i].command) == 0))
            return &texts[i];
    return NULL;
}
