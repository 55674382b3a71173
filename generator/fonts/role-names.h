/* The names of the font roles as a clerk says them: 仿宋 for fangsong.  The
 * role keys of fonts.yaml (fangsong, xiaobiaosong ...) are words a template
 * writes; a Chinese message names the role by the typeface it stands for. */
#ifndef GW_FONTS_ROLE_NAMES_H
#define GW_FONTS_ROLE_NAMES_H
#include "gongwen.h"

/* The role's name in lang: the key itself in English; in Chinese the
 * typeface (小标宋, 仿宋, 黑体, 楷体, 宋体, 西文) for the built-in roles,
 * and the key for a role an office's own map adds. */
const char *gw_role_name(const char *role, gw_language lang);
#endif
