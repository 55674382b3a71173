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

int cmd_fonts(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (argv[i][0] == '-') {
            fputs("usage: gongwen fonts [FILE.yaml...]\n", strcmp(argv[i], "--help") ? stderr : stdout);
            return strcmp(argv[i], "--help") ? EXIT_USAGE : EXIT_OK;
        }
    gw_diagnostics *diags = gw_diagnostics_create();
    gw_diagnostics_set_language(diags, cli_language());
    gw_engine *engine = NULL;
    if (gw_engine_create(NULL, diags, &engine) != GW_OK) {
        cli_print_diagnostics(diags);
        gw_diagnostics_destroy(diags);
        return EXIT_ENV;
    }
    repertoires r;
    char list[4096];
    snprintf(list, sizeof list, "%s/fonts/cache/tongyong-8105.txt", gw_engine_data_dir(engine));
    r.have_gb2312 = gw_charset_gb2312(&r.gb2312);
    r.have_tongyong = gw_charset_load(list, &r.tongyong);
    const gw_fontset *fs = gw_engine_fontset(engine);
    int rc = EXIT_OK;
    if (argc <= 1)
        for (size_t i = 0; i < gw_fontset_role_count(fs); i++) print_role(gw_fontset_role_at(fs, i), &r);
    for (int i = 1; i < argc; i++) {
        int one = report_document(engine, argv[i]);
        if (one > rc) rc = one;
    }
    gw_charset_free(&r.gb2312);
    gw_charset_free(&r.tongyong);
    gw_engine_destroy(engine);
    gw_diagnostics_destroy(diags);
    return rc;
}
