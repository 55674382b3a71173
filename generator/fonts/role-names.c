#include "fonts/role-names.h"
#include <string.h>

static const struct { const char *key, *zh; } names[] = {
    { "xiaobiaosong", "小标宋" }, { "fangsong", "仿宋" }, { "heiti", "黑体" },
    { "kaiti", "楷体" },          { "songti", "宋体" },   { "latin", "西文" },
};

const char *gw_role_name(const char *role, gw_language lang)
{
    if (!role) return "";
    if (lang != GW_LANG_ZH) return role;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(names[i].key, role) == 0) return names[i].zh;
    return role;
}
