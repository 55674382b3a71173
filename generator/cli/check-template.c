/* gongwen check --template FILE...: a template file by itself, for the CI
 * of an office that maintains its own templates.  The loader checks every
 * key, unit, range, enumeration and the extends: chain with their places;
 * this adds what only the engine knows: the font role each style names is
 * in the font map and has a usable font. */
#include "cli/cli.h"
#include "document/schema.h"
#include "fonts/role-names.h"
#include "render/engine-internal.h"
#include "template/template.h"
#include "util/messages.h"
#include "yaml/ynode.h"
#include <stdlib.h>
#include <string.h>

/* The roles of the font map, for the message of a role it lacks:
 * “fangsong”（仿宋）、… in Chinese, fangsong, … in English. */
static void list_roles(const gw_fontset *fonts, gw_language lang, gw_buf *out)
{
    for (size_t i = 0; i < gw_fontset_role_count(fonts); i++) {
        const char *name = gw_fontset_role_at(fonts, i)->name;
        if (lang == GW_LANG_ZH) gw_buf_printf(out, "%s“%s”（%s）", i ? "、" : "", name, gw_role_name(name, lang));
        else gw_buf_printf(out, "%s%s", i ? ", " : "", name);
    }
}

/* Each style's role: in the font map, with a font to set it in.  A role
 * named by several styles is said at each, so every place to fix is listed. */
static int check_roles(const gw_template *t, const gw_fontset *fonts, gw_diagnostics *diags)
{
    int ok = 1;
    gw_language lang = gw_diagnostics_language(diags);
    for (size_t i = 0; i < t->style_count; i++) {
        const gw_style *s = &t->styles[i];
        gw_loc where = { s->role_src.file, s->role_src.line, s->role_src.column, NULL, 0 };
        char path[128];
        snprintf(path, sizeof path, "styles.%s.role", s->name);
        where.path = path;
        const gw_role *role = gw_fontset_role(fonts, s->role);
        if (!role) {
            gw_buf known;
            gw_buf_init(&known);
            list_roles(fonts, lang, &known);
            gw_report(diags, where, GW_MSG_STYLE_ROLE_UNKNOWN, s->name, s->role, known.data ? known.data : "");
            gw_buf_free(&known);
            ok = 0;
        } else if (!role->chain_len) {
            gw_report(diags, where, GW_MSG_NO_FONT_FOR_ROLE, gw_role_name(s->role, lang));
            ok = 0;
        }
    }
    return ok;
}

char *cli_template_operand(const char *operand)
{
    size_t n = strlen(operand);
    int is_file = strchr(operand, '/') || (n > 5 && strcmp(operand + n - 5, ".yaml") == 0);
    gw_buf b;
    gw_buf_init(&b);
    gw_buf_printf(&b, "%s%s", is_file && !strchr(operand, '/') ? "./" : "", operand);
    return gw_buf_steal(&b, NULL);
}

gw_template *cli_load_template(const char *data_dir, const char *name, gw_diagnostics *diags)
{
    if (!strchr(name, '/') && !gw_is_builtin_template(name)) {
        size_t n = 0;
        while (gw_builtin_templates[n]) n++;
        const char *near = gw_suggest(name, gw_builtin_templates, n);
        if (near) gw_report(diags, gw_loc_file(name), GW_MSG_TEMPLATE_SUGGEST, name, near);
        else gw_report(diags, gw_loc_file(name), GW_MSG_TEMPLATE_UNKNOWN, name);
        return NULL;
    }
    return gw_template_load(data_dir, name, ".", diags);
}

static gw_template *load_operand(gw_engine *engine, const char *operand, gw_diagnostics *diags)
{
    const char *data_dir = gw_engine_data_dir(engine);
    if (strcmp(operand, "-") == 0) {
        size_t len = 0;
        char *text = cli_read_stdin(GW_YAML_MAX_BYTES, &len);
        gw_template *t = gw_template_load_memory(data_dir, "<stdin>", text ? text : "", text ? len : 0, ".", diags);
        free(text);
        return t;
    }
    char *name = cli_template_operand(operand);
    gw_template *t = name ? cli_load_template(data_dir, name, diags) : NULL;
    free(name);
    return t;
}

gw_status cli_check_template(gw_engine *engine, const char *operand, int flags, gw_diagnostics *diags)
{
    (void)flags;
    size_t before = gw_diagnostics_errors(diags);
    gw_template *t = load_operand(engine, operand, diags);
    int ok = t && check_roles(t, gw_engine_fontset(engine), diags);
    gw_template_destroy(t);
    return ok && gw_diagnostics_errors(diags) == before ? GW_OK : GW_ERR_INPUT;
}
