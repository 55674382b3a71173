/* gongwen fonts [FILE.yaml...]: which font serves each role, whether it is
 * the original the template asks for or a substitute, and its coverage of
 * GB 2312 and 通用规范汉字表; for documents, every character set in a
 * fallback font and every character no font has. */
#include "cli/cli.h"
#include "fonts/charset.h"
#include "render/engine-internal.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct repertoires {
    gw_charset gb2312, tongyong;
    int        have_gb2312, have_tongyong;
} repertoires;

static void print_coverage(const char *label, size_t have, const gw_charset *cs, int known)
{
    if (known) printf("  %s %zu/%zu", label, have, cs->count);
    else printf("  %s (list not available: run scripts/setup)", label);
}

static void print_face(const gw_face *f, const char *status, const repertoires *r)
{
    printf("  %-11s %s %s  %s", status, gw_face_family(f), gw_face_style_name(f), gw_face_path(f));
    if (gw_face_index(f)) printf(" (face %u)", gw_face_index(f));
    printf("\n             ");
    print_coverage("GB2312", r->have_gb2312 ? gw_face_coverage(f, &r->gb2312) : 0, &r->gb2312, r->have_gb2312);
    print_coverage("通用规范汉字表", r->have_tongyong ? gw_face_coverage(f, &r->tongyong) : 0, &r->tongyong,
                   r->have_tongyong);
    printf("\n");
}

static void print_role(const gw_role *role, const repertoires *r)
{
    printf("%s%s%s%s\n", role->name, role->original ? " (original: " : "", role->original ? role->original : "",
           role->original ? ")" : "");
    if (role->chain_len == 0) {
        printf("  no font available\n");
        return;
    }
    for (size_t i = 0; i < role->chain_len; i++) {
        const char *status = i > 0 ? "fallback" : role->chain_is_original[0] ? "original" : "substitute";
        print_face(role->chain[i], status, r);
    }
    printf("  %-11s", "together");
    print_coverage("GB2312", r->have_gb2312 ? gw_role_coverage(role, &r->gb2312) : 0, &r->gb2312, r->have_gb2312);
    print_coverage("通用规范汉字表", r->have_tongyong ? gw_role_coverage(role, &r->tongyong) : 0, &r->tongyong,
                   r->have_tongyong);
    printf("\n");
}

/* Every candidate of the role's maps, in order, and whether it was found. */
static void print_searched(const gw_role *role)
{
    int zh = cli_language() == GW_LANG_ZH;
    for (size_t i = 0; i < role->candidate_count; i++) {
        const gw_candidate *c = &role->candidates[i];
        printf("  %-11s %s%s: %s\n", i ? "" : zh ? "查找" : "searched", c->name,
               c->original ? zh ? "（原字体）" : " (original)" : "",
               c->found ? zh ? "找到" : "found" : zh ? "未找到" : "not found");
    }
}

static void print_how_to(const gw_fontset *fs)
{
    const gw_font_dirs *dirs = gw_fontset_font_dirs(fs);
    int zh = cli_language() == GW_LANG_ZH;
    printf(zh ? "\n字体目录（依次查找）：\n" : "\nfont folders, searched in this order:\n");
    for (size_t i = 0; i < dirs->count; i++) printf("  %s\n", dirs->dirs[i]);
    fputs(zh ? "\n使用本单位自有字体：在系统中安装（fontconfig，如 ~/.local/share/fonts 后运行 fc-cache），\n"
               "或放入上列任一字体目录，或运行时加 --font-path 目录；字体族名为上面“查找”所列之一\n"
               "（如 仿宋_GB2312、方正小标宋简体）时即作为原字体使用。其他字体族名写入\n"
               "~/.config/gongwen/fonts.yaml（格式同已安装的 fonts.yaml，其候选字体排在前面）：\n"
             : "\nTo use an office's own font: install it for fontconfig (e.g. ~/.local/share/fonts, then\n"
               "fc-cache), or put it in one of the font folders above, or run with --font-path DIR.  When its\n"
               "family is one of those searched above (仿宋_GB2312, 方正小标宋简体, ...) it is used as the\n"
               "original.  For another family, write ~/.config/gongwen/fonts.yaml (the installed\n"
               "fonts.yaml's form; its candidates come first):\n", stdout);
    fputs("  roles:\n    fangsong:\n      - {family: 本单位仿宋, original: true}\n", stdout);
}

/* The 通用规范汉字表 list: in a font folder, where scripts/setup puts it, or
 * in fonts/cache/ of a source tree set up before it moved there. */
static char *tongyong_list(const gw_engine *engine)
{
    char *path = gw_font_dirs_find(gw_fontset_font_dirs(gw_engine_fontset(engine)), "tongyong-8105.txt");
    if (path) return path;
    char *fonts = gw_path_join(gw_engine_data_dir(engine), "fonts/cache");
    path = fonts ? gw_path_join(fonts, "tongyong-8105.txt") : NULL;
    free(fonts);
    return path;
}

/* Renders in memory and reports what the fonts did with the document. */
static int report_document(gw_engine *engine, const char *path)
{
    gw_diagnostics *diags = gw_diagnostics_create();
    gw_diagnostics_set_language(diags, cli_language());
    unsigned char *pdf = NULL;
    size_t len = 0;
    gw_status st = gw_render_to_memory(engine, path, NULL, diags, &pdf, &len);
    free(pdf);
    size_t fallback = 0;
    for (size_t i = 0; i < gw_diagnostics_count(diags); i++) {
        const gw_diag *d = gw_diagnostics_get(diags, i);
        if (strcmp(d->code, "W0810") == 0) fallback++;
    }
    printf("%s: %zu character%s set in a fallback font\n", path, fallback, fallback == 1 ? "" : "s");
    cli_print_diagnostics_to(diags, stdout, "W081 E081 E080");
    gw_diagnostics_destroy(diags);
    return cli_exit_code(st);
}

static const cli_option options[] = {
    { "font-path", 0, "DIR", NULL }, { "help", 'h', NULL, NULL }, { NULL, 0, NULL, NULL },
};

typedef struct fonts_args {
    cli_common common;
    int        help;
} fonts_args;

static int on_option(void *ctx, const cli_option *o, const char *value)
{
    fonts_args *a = ctx;
    if (!strcmp(o->name, "font-path")) cli_font_path_add(&a->common, value);
    else a->help = 1;
    return 1;
}

static int report(const fonts_args *a, const char **inputs, int n)
{
    gw_diagnostics *diags = gw_diagnostics_create();
    gw_diagnostics_set_language(diags, cli_language());
    gw_engine_options eo = { NULL, NULL, cli_font_path(&a->common) };
    gw_engine *engine = NULL;
    if (gw_engine_create(&eo, diags, &engine) != GW_OK) {
        cli_print_diagnostics(diags);
        gw_diagnostics_destroy(diags);
        return EXIT_ENV;
    }
    repertoires r;
    const gw_fontset *fs = gw_engine_fontset(engine);
    char *list = tongyong_list(engine);
    r.have_gb2312 = gw_charset_gb2312(&r.gb2312);
    r.have_tongyong = list && gw_charset_load(list, &r.tongyong);
    free(list);
    int rc = EXIT_OK;
    for (size_t i = 0; n == 0 && i < gw_fontset_role_count(fs); i++) {
        print_role(gw_fontset_role_at(fs, i), &r);
        print_searched(gw_fontset_role_at(fs, i));
    }
    if (n == 0) print_how_to(fs);
    for (int i = 0; i < n; i++) {
        int one = report_document(engine, inputs[i]);
        if (one > rc) rc = one;
    }
    gw_charset_free(&r.gb2312);
    gw_charset_free(&r.tongyong);
    gw_engine_destroy(engine);
    gw_diagnostics_destroy(diags);
    return rc;
}

int cmd_fonts(int argc, char **argv)
{
    fonts_args a;
    memset(&a, 0, sizeof a);
    gw_buf_init(&a.common.font_path);
    const char **inputs = NULL;
    int n = 0, rc = EXIT_USAGE;
    if (!cli_parse("fonts", options, argc, argv, on_option, &a, &inputs, &n)) cli_usage_hint("fonts");
    else if (a.help) { cli_help(stdout, "fonts"); rc = EXIT_OK; }
    else rc = report(&a, inputs, n);
    free(inputs);
    gw_buf_free(&a.common.font_path);
    return rc;
}
