/* The model a document loads into: lists without the template's
 * punctuation, joint issuers, manual title lines, contacts as pairs,
 * attachments with content, and the body's blocks (headings, run-in,
 * emphasis, breaks) with their places. */
#include "check.h"
#include "document/document.h"
#include <stdlib.h>
#include <string.h>

static const char text[] =
    "gongwen: 1\n"
    "copy_number: 12\n"
    "classification: 秘密★1年\n"
    "urgency: 特急\n"
    "issuer:\n"
    "  - 福州市晋安区卫生健康局\n"
    "  - name: 福州市晋安区财政局\n"
    "    mark: 晋安区财政局文件\n"
    "    short: 区财政局\n"
    "number: 榕晋卫〔2026〕38号\n"
    "title: [关于进一步深化, 家庭医生签约服务的通知]\n"
    "to: [各乡镇卫生院, 各社区卫生服务中心：]\n"
    "body:\n"
    "  - 现将有关事项通知如下：\n"
    "  - 一、**工作目标**\n"
    "  - (一)加强人才培养。聚焦“引、育、留”，\\*注意\\*。\n"
    "  - page_break: true\n"
    "  - heading: 存在的问题\n"
    "    level: 2\n"
    "  - \\1.5万人次\n"
    "attachments:\n"
    "  - 情况表\n"
    "  - name: 分工方案\n"
    "    body: |\n"
    "      一、总体要求\n"
    "      各单位按职责分工落实。\n"
    "contacts:\n"
    "  - 联系人: 江天\n"
    "    联系电话: \"0591-83631339\"\n"
    "signature:\n"
    "  date: 2026年4月5日\n"
    "note: （此件主动公开）\n"
    "cc: 区政协提案委员会。\n"
    "print: {by: 区卫生健康局办公室, date: 2026-04-06}\n";

static void model(void)
{
    gw_diagnostics *diags = gw_diagnostics_create();
    gw_document *d = gw_document_load_memory("model.yaml", ".", text, sizeof text - 1, diags);
    for (size_t i = 0; i < gw_diagnostics_count(diags); i++)
        fprintf(stderr, "%s %s\n", gw_diagnostics_get(diags, i)->code, gw_diagnostics_get(diags, i)->message);
    CHECK(gw_diagnostics_count(diags) == 1);                 /* the (一) warning */
    CHECK(d != NULL);
    if (!d) { gw_diagnostics_destroy(diags); return; }
    CHECK(strcmp(d->copy_number, "000012") == 0);
    CHECK(strcmp(d->classification, "秘密★1年") == 0 && strcmp(d->urgency, "特急") == 0);
    CHECK(d->issuer_count == 2 && strcmp(d->issuer, "福州市晋安区卫生健康局") == 0 && d->issuer_mark == NULL);
    CHECK(strcmp(d->issuers[1].mark, "晋安区财政局文件") == 0 && strcmp(d->issuers[1].short_name, "区财政局") == 0);
    CHECK(d->title_lines.count == 2 && strcmp(d->title, "关于进一步深化家庭医生签约服务的通知") == 0);
    /* 主送机关 and 抄送 keep their names; the final ： and 。 are the template's */
    CHECK(d->to_names.count == 2 && strcmp(d->to_names.items[1], "各社区卫生服务中心") == 0);
    CHECK(d->to_names.srcs[0].line == 12);
    CHECK(strcmp(d->signature_name, "福州市晋安区卫生健康局　福州市晋安区财政局") == 0);
    CHECK(strcmp(d->date, "2026年4月5日") == 0 && d->year == 2026 && d->month == 4 && d->day == 5);
    CHECK(d->notes.count == 1 && strcmp(d->notes.items[0], "此件主动公开") == 0);
    CHECK(d->cc_names.count == 1 && strcmp(d->cc_names.items[0], "区政协提案委员会") == 0);
    CHECK(strcmp(d->print_by, "区卫生健康局办公室") == 0 && strcmp(d->print_date, "2026年4月6日") == 0);
    CHECK(d->attachment_count == 2 && strcmp(d->attachments[0].name, "情况表") == 0 &&
          d->attachments[0].block_count == 0);
    if (d->attachment_count == 2) {
        const gw_attachment *a = &d->attachments[1];
        CHECK(strcmp(a->name, "分工方案") == 0 && a->block_count == 2 && a->src.line == 23);
        CHECK(a->block_count == 2 && a->blocks[0].kind == GW_BLOCK_HEADING && a->blocks[0].level == 1);
    }
    CHECK(d->contact_count == 1 && d->contacts[0].count == 2);
    if (d->contact_count == 1 && d->contacts[0].count == 2) {
        CHECK(strcmp(d->contacts[0].pairs[0].key, "联系人") == 0 && strcmp(d->contacts[0].pairs[0].value, "江天") == 0);
        CHECK(strcmp(d->contacts[0].pairs[1].value, "0591-83631339") == 0 && d->contacts[0].pairs[1].key_src.line == 29);
    }
    CHECK(d->number_src.line == 10 && d->number_src.column == 9);

    CHECK(d->block_count == 6 && d->paragraph_count == 7);   /* the attachment's two as well */
    if (d->block_count == 6) {
        gw_block *b = d->blocks;
        CHECK(b[0].kind == GW_BLOCK_PARAGRAPH && b[0].level == 0 && b[0].src.line == 14 && b[0].src.column == 5);
        CHECK(b[1].kind == GW_BLOCK_HEADING && b[1].level == 1 && strcmp(b[1].text, "一、工作目标") == 0);
        CHECK(b[1].emphasis_count == 1 && b[1].emphasis[0].start == strlen("一、") &&
              b[1].emphasis[0].end == strlen("一、工作目标"));
        CHECK(b[1].run_in == strlen(b[1].text));
        CHECK(b[2].level == 2 && strcmp(b[2].text, "（一）加强人才培养。聚焦“引、育、留”，*注意*。") == 0);
        CHECK(b[2].run_in == strlen("（一）加强人才培养。"));
        CHECK(b[3].kind == GW_BLOCK_PAGE_BREAK && b[3].text == NULL);
        CHECK(b[4].kind == GW_BLOCK_HEADING && b[4].level == 2 && strcmp(b[4].text, "存在的问题") == 0);
        CHECK(b[5].kind == GW_BLOCK_PARAGRAPH && strcmp(b[5].text, "1.5万人次") == 0);
        CHECK(strcmp(d->paragraphs[2].text, b[2].text) == 0);
    }
    gw_document_destroy(d);
    gw_diagnostics_destroy(diags);
}

/* Paragraph places in a literal block: each its own line, at its indentation. */
static void literal_places(void)
{
    static const char doc[] =
        "issuer: 局\nnumber: 厦〔2025〕1号\ntitle: 题\nbody: |\n"
        "    首段。\n"
        "\n"
        "    一、标题\n"
        "signature: {date: 2025-06-12}\n";
    gw_diagnostics *diags = gw_diagnostics_create();
    gw_document *d = gw_document_load_memory("places.yaml", ".", doc, sizeof doc - 1, diags);
    CHECK(d && d->block_count == 2 && gw_diagnostics_count(diags) == 0);
    if (d && d->block_count == 2) {
        CHECK(d->blocks[0].src.line == 5 && d->blocks[0].src.column == 5);
        CHECK(d->blocks[1].src.line == 7 && d->blocks[1].src.column == 5 && d->blocks[1].level == 1);
    }
    gw_document_destroy(d);
    gw_diagnostics_destroy(diags);
}

int main(void)
{
    model();
    literal_places();
    return check_summary();
}
