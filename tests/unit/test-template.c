/* Templates: units, the GB/T 9704 grid numbers, and errors for bad files. */
#include "check.h"
#include "template/template.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void lengths(void)
{
    double v;
    CHECK(gw_parse_length("16pt", &v) && v == 16);
    CHECK(gw_parse_length("25.4mm", &v) && fabs(v - 72) < 1e-9);
    CHECK(gw_parse_length("1in", &v) && v == 72);
    CHECK(!gw_parse_length("16", &v));          /* a unit is required */
    CHECK(!gw_parse_length("16px", &v));
    CHECK(!gw_parse_length("", &v));
}

static void builtin_grid(const char *name)
{
    gw_diagnostics *d = gw_diagnostics_create();
    gw_template *t = gw_template_load(source_path(""), name, ".", d);
    CHECK_MSG(t != NULL, "template %s does not load", name);
    if (t) {
        /* 156 mm / 28 and 225 mm / 22, GB/T 9704-2012 */
        CHECK_MSG(fabs(t->char_pitch - 15.793) < 0.0005, "pitch %f", t->char_pitch);
        CHECK_MSG(fabs(t->line_pitch - 28.99) < 0.005, "line pitch %f", t->line_pitch);
        CHECK(fabs(t->page_width - 595.276) < 0.001 && fabs(t->page_height - 841.89) < 0.001);
        CHECK(t->body.text && t->body.text->size == 16 && t->front.title && t->front.title->size == 22);
    }
    CHECK(gw_diagnostics_errors(d) == 0);
    gw_template_destroy(t);
    gw_diagnostics_destroy(d);
}

static void broken_template(void)
{
    char path[] = "/tmp/gw-template-XXXXXX";
    int fd = mkstemp(path);
    const char *text = "name: bad\npage: {width: 210, height: 297mm}\n";
    CHECK(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
    close(fd);
    gw_diagnostics *d = gw_diagnostics_create();
    CHECK(gw_template_load(".", path, ".", d) == NULL);
    int saw_unit = 0;
    for (size_t i = 0; i < gw_diagnostics_count(d); i++) {
        const gw_diag *g = gw_diagnostics_get(d, i);
        if (strcmp(g->code, "E0902") == 0 && g->line == 2 && strcmp(g->path, "page.width") == 0) saw_unit = 1;
    }
    CHECK_MSG(saw_unit, "no E0902 at 2:? for page.width");
    gw_diagnostics_destroy(d);
    unlink(path);
}

int main(void)
{
    lengths();
    builtin_grid("file");
    builtin_grid("letter");
    broken_template();
    return check_summary();
}
