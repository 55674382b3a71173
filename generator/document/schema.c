#include "document/schema.h"
#include <string.h>

const gw_field gw_schema_root[] = {
    { "gongwen", "格式版本" },
    { "template", "版式" },
    { "copy_number", "份号" },
    { "classification", "密级和保密期限" },
    { "urgency", "紧急程度" },
    { "issuer", "发文机关" },
    { "number", "发文字号" },
    { "signers", "签发人" },
    { "reply", "提案/建议答复" },
    { "title", "标题" },
    { "to", "主送机关" },
    { "body", "正文" },
    { "attachments", "附件说明" },
    { "contacts", "联系信息" },
    { "signature", "署名和成文日期" },
    { "attendance", "出席/请假/列席" },
    { "note", "附注" },
    { "cc", "抄送" },
    { "print", "印发机关和印发日期" },
    { NULL, NULL }
};

const gw_field gw_schema_issuer[] = {
    { "name", "发文机关全称" },
    { "mark", "发文机关标志" },
    { "short", "规范化简称" },
    { NULL, NULL }
};

const gw_field gw_schema_reply[] = {
    { "category", "答复类别" },
    { "label", "答复类别的提示语" },
    { NULL, NULL }
};

const gw_field gw_schema_signature[] = {
    { "name", "发文机关署名" },
    { "date", "成文日期" },
    { "seal", "印章" },
    { "title", "签发人职务" },
    { NULL, NULL }
};

const gw_field gw_schema_attendance[] = {
    { "present", "出席" },
    { "absent", "请假" },
    { "attending", "列席" },
    { NULL, NULL }
};

const gw_field gw_schema_print[] = {
    { "by", "印发机关" },
    { "date", "印发日期" },
    { NULL, NULL }
};

const gw_field gw_schema_block[] = {
    { "heading", "标题" },
    { "level", "标题层级" },
    { "page_break", "分页" },
    { NULL, NULL }
};

const gw_field gw_schema_attachment[] = {
    { "name", "附件名称" },
    { "body", "附件内容" },
    { NULL, NULL }
};

const gw_schema_section gw_schema_sections[] = {
    { "", gw_schema_root },
    { "issuer", gw_schema_issuer },
    { "reply", gw_schema_reply },
    { "signature", gw_schema_signature },
    { "attendance", gw_schema_attendance },
    { "print", gw_schema_print },
    { "body[]", gw_schema_block },
    { "attachments[]", gw_schema_attachment },
    { NULL, NULL }
};

const char *const gw_builtin_templates[] = { "file", "letter", "order", "minutes", NULL };

int gw_is_builtin_template(const char *name)
{
    for (size_t i = 0; gw_builtin_templates[i]; i++)
        if (strcmp(name, gw_builtin_templates[i]) == 0) return 1;
    return 0;
}

const char *gw_schema_zh(const gw_field *section, const char *key)
{
    for (size_t i = 0; section[i].key; i++)
        if (strcmp(section[i].key, key) == 0) return section[i].zh;
    return "";
}
