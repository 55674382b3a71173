/* The schema's rules one case at a time: 发文字号, dates, the header
 * vocabularies, heading numbering and run-in headings, did-you-mean. */
#include "check.h"
#include "document/rules.h"
#include "document/schema.h"
#include <stdlib.h>
#include <string.h>

static void number_case(const char *text, gw_number_problem want, const char *want_fixed)
{
    char *fixed = NULL, *year = NULL;
    gw_number_problem got = gw_check_number(text, &fixed, &year);
    CHECK_MSG(got == want, "%s: problem %d, want %d", text, got, want);
    if (want_fixed) CHECK_MSG(fixed && strcmp(fixed, want_fixed) == 0, "%s: fixed %s, want %s", text, fixed ? fixed : "(none)", want_fixed);
    else CHECK_MSG(!fixed, "%s: unexpected fix %s", text, fixed);
    free(fixed);
    free(year);
}

static void document_numbers(void)
{
    number_case("厦湖卫健函〔2025〕17号", GW_NUMBER_OK, NULL);
    number_case("国发〔2024〕1号", GW_NUMBER_OK, NULL);
    number_case("厦湖卫健函[2025]17号", GW_NUMBER_BRACKETS, "厦湖卫健函〔2025〕17号");
    number_case("厦湖卫健函【2025】17号", GW_NUMBER_BRACKETS, "厦湖卫健函〔2025〕17号");
    number_case("厦湖卫健函(2025)17号", GW_NUMBER_BRACKETS, "厦湖卫健函〔2025〕17号");
    number_case("厦湖卫健函（2025）17号", GW_NUMBER_BRACKETS, "厦湖卫健函〔2025〕17号");
    number_case("厦湖卫健函﹝2025﹞17号", GW_NUMBER_BRACKETS, "厦湖卫健函〔2025〕17号");
    number_case("厦湖卫健函[2025]017号", GW_NUMBER_BRACKETS, "厦湖卫健函〔2025〕17号");   /* every fix at once */
    number_case("厦湖卫健函〔25〕17号", GW_NUMBER_YEAR, NULL);
    number_case("厦湖卫健函〔02025〕17号", GW_NUMBER_YEAR, NULL);
    number_case("厦湖卫健函〔2025〕017号", GW_NUMBER_SEQUENCE, "厦湖卫健函〔2025〕17号");
    number_case("厦湖卫健函〔2025〕第17号", GW_NUMBER_SEQUENCE, "厦湖卫健函〔2025〕17号");
    number_case("厦湖卫健函〔2025〕17", GW_NUMBER_SUFFIX, "厦湖卫健函〔2025〕17号");
    number_case("厦湖卫健函 〔2025〕 17号", GW_NUMBER_FORM, "厦湖卫健函〔2025〕17号");
    number_case("厦湖卫健函〔２０２５〕17号", GW_NUMBER_FORM, "厦湖卫健函〔2025〕17号");
    number_case("〔2025〕17号", GW_NUMBER_FORM, NULL);
    number_case("厦湖卫健函2025年17号", GW_NUMBER_FORM, NULL);
    number_case("厦湖卫健函〔2025〕0号", GW_NUMBER_FORM, NULL);
    number_case("厦湖卫健函〔2025〕17号附", GW_NUMBER_FORM, NULL);
    number_case("", GW_NUMBER_FORM, NULL);

    char *fixed = NULL;
    CHECK(gw_check_order_number("第12号", &fixed) && !fixed);
    CHECK(!gw_check_order_number("12号", &fixed) && fixed && strcmp(fixed, "第12号") == 0);
    free(fixed);
    CHECK(!gw_check_order_number("第012号", &fixed) && fixed && strcmp(fixed, "第12号") == 0);
    free(fixed);
    CHECK(!gw_check_order_number("第十二号", &fixed) && !fixed);
}

static void dates(void)
{
    int y, m, d;
    CHECK(gw_parse_date("2025-06-12", &y, &m, &d) && y == 2025 && m == 6 && d == 12);
    CHECK(gw_parse_date("2025-6-2", &y, &m, &d) && m == 6 && d == 2);
    CHECK(gw_parse_date("2025年6月12日", &y, &m, &d) && y == 2025 && m == 6 && d == 12);
    CHECK(gw_parse_date("2024-02-29", &y, &m, &d));
    CHECK(gw_parse_date("2000-02-29", &y, &m, &d));
    CHECK(!gw_parse_date("1900-02-29", &y, &m, &d));
    CHECK(!gw_parse_date("2025-02-29", &y, &m, &d));
    CHECK(!gw_parse_date("2025-02-30", &y, &m, &d));
    CHECK(!gw_parse_date("2025-04-31", &y, &m, &d));
    CHECK(!gw_parse_date("2025-13-01", &y, &m, &d));
    CHECK(!gw_parse_date("2025-00-10", &y, &m, &d));
    CHECK(!gw_parse_date("2025/06/12", &y, &m, &d));
    CHECK(!gw_parse_date("2025-06-12x", &y, &m, &d));
    CHECK(!gw_parse_date("25-06-12", &y, &m, &d));
    CHECK(!gw_parse_date("2025-006-12", &y, &m, &d));
    CHECK(!gw_parse_date("2025年6月12", &y, &m, &d));
    CHECK(!gw_parse_date("2025年6月+1日", &y, &m, &d));
    CHECK(!gw_parse_date("", &y, &m, &d));
}

static void vocabularies(void)
{
    char padded[7], fixed = 0;
    CHECK(gw_check_copy_number("1", padded) && strcmp(padded, "000001") == 0);
    CHECK(gw_check_copy_number("123456", padded) && strcmp(padded, "123456") == 0);
    CHECK(!gw_check_copy_number("1234567", padded));
    CHECK(!gw_check_copy_number("12a", padded));
    CHECK(!gw_check_copy_number("", padded));
    CHECK(gw_check_classification("秘密") && gw_check_classification("机密★10年"));
    CHECK(gw_check_classification("绝密★长期") && gw_check_classification("秘密★6个月"));
    CHECK(!gw_check_classification("秘密★") && !gw_check_classification("内部") && !gw_check_classification("秘密★0年"));
    CHECK(gw_check_urgency("特急") && gw_check_urgency("加急") && !gw_check_urgency("紧急"));
    CHECK(gw_check_reply_category("A", &fixed) && gw_check_reply_category("C", &fixed));
    CHECK(!gw_check_reply_category("b", &fixed) && fixed == 'B');
    CHECK(!gw_check_reply_category("Ｃ", &fixed) && fixed == 'C');
    CHECK(!gw_check_reply_category("A类", &fixed) && fixed == 'A');
    CHECK(!gw_check_reply_category("D", &fixed) && fixed == 0);
}

static void numbering_case(const char *text, int level, int number, const char *prefix, int half)
{
    gw_numbering n;
    int found = gw_detect_numbering(text, strlen(text), &n);
    CHECK_MSG(found == (level != 0) && n.level == level && n.number == number, "%s: level %d number %d", text,
              n.level, n.number);
    if (level) {
        CHECK_MSG(n.length == strlen(prefix) && n.half_width == half, "%s: length %zu half %d", text, n.length,
                  n.half_width);
    }
}

static void numbering(void)
{
    numbering_case("一、办理工作背景", 1, 1, "一、", 0);
    numbering_case("十、其他", 1, 10, "十、", 0);
    numbering_case("十二、其他", 1, 12, "十二、", 0);
    numbering_case("二十三、其他", 1, 23, "二十三、", 0);
    numbering_case("（一）针对", 2, 1, "（一）", 0);
    numbering_case("(二)针对", 2, 2, "(二)", 1);
    numbering_case("（三)针对", 2, 3, "（三)", 1);
    numbering_case("1.对于", 3, 1, "1.", 0);
    numbering_case("12．对于", 3, 12, "12．", 0);
    numbering_case("（1）对于", 4, 1, "（1）", 0);
    numbering_case("(4)对于", 4, 4, "(4)", 1);
    numbering_case("1.5万人次", 0, 0, "", 0);
    numbering_case("2024年以来", 0, 0, "", 0);
    numbering_case("一是聚焦", 0, 0, "", 0);
    numbering_case("一二、", 0, 0, "", 0);
    numbering_case("（以下简称）", 0, 0, "", 0);
    numbering_case("01.对于", 0, 0, "", 0);
    numbering_case("1、对于", 0, 0, "", 0);

    char buf[32];
    gw_format_numbering(1, 3, buf, sizeof buf);
    CHECK(strcmp(buf, "三、") == 0);
    gw_format_numbering(2, 14, buf, sizeof buf);
    CHECK(strcmp(buf, "（十四）") == 0);
    gw_format_numbering(1, 20, buf, sizeof buf);
    CHECK(strcmp(buf, "二十、") == 0);
    gw_format_numbering(3, 2, buf, sizeof buf);
    CHECK(strcmp(buf, "2.") == 0);
    gw_format_numbering(4, 7, buf, sizeof buf);
    CHECK(strcmp(buf, "（7）") == 0);

    const char *run_in = "一是聚焦缺口揽才。聚焦全科医学。";
    CHECK(gw_run_in_length(run_in, strlen(run_in)) == strlen("一是聚焦缺口揽才。"));
    const char *whole = "二、措施与成效";
    CHECK(gw_run_in_length(whole, strlen(whole)) == strlen(whole));
    const char *ends = "（一）加强人才培养。";
    CHECK(gw_run_in_length(ends, strlen(ends)) == strlen(ends));
    const char *spaces = "（一）加强人才培养。  ";
    CHECK(gw_run_in_length(spaces, strlen(spaces)) == strlen(spaces));
}

static void suggestions(void)
{
    CHECK(gw_edit_distance("title", "title") == 0);
    CHECK(gw_edit_distance("tilte", "title") == 1);      /* a swap counts once */
    CHECK(gw_edit_distance("Title", "title") == 0);
    CHECK(gw_edit_distance("标题", "标题") == 0 && gw_edit_distance("标提", "标题") == 1);
    CHECK(gw_edit_distance("kitten", "sitting") == 3);
    const char *s = gw_suggest_field("tilte", gw_schema_root);
    CHECK(s && strcmp(s, "title") == 0);
    s = gw_suggest_field("notes", gw_schema_root);
    CHECK(s && strcmp(s, "note") == 0);
    s = gw_suggest_field("signatrue", gw_schema_root);
    CHECK(s && strcmp(s, "signature") == 0);
    s = gw_suggest_field("发文字号", gw_schema_root);
    CHECK(s && strcmp(s, "number") == 0);
    s = gw_suggest_field("dat", gw_schema_signature);
    CHECK(s && strcmp(s, "date") == 0);
    CHECK(gw_suggest_field("remarks", gw_schema_root) == NULL);
    CHECK(gw_suggest_field("tx", gw_schema_root) == NULL);          /* too short to guess */
    CHECK(gw_suggest_field("ISSUER", gw_schema_root) && strcmp(gw_suggest_field("ISSUER", gw_schema_root), "issuer") == 0);
    const char *names[] = { "file", "letter", "order", "minutes" };
    CHECK(gw_suggest("leter", names, 4) && strcmp(gw_suggest("leter", names, 4), "letter") == 0);
    CHECK(gw_suggest("report", names, 4) == NULL);
    char longword[300];
    memset(longword, 'a', sizeof longword - 1);
    longword[sizeof longword - 1] = '\0';
    CHECK(gw_suggest(longword, names, 4) == NULL);
}

int main(void)
{
    document_numbers();
    dates();
    vocabularies();
    numbering();
    suggestions();
    return check_summary();
}
