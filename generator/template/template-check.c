/* What must hold between the values of a template, once each is known to
 * be in its own range: the type area lies on the page, the header starts
 * at a fixed place, line numbers fall inside the page's grid. */
#include "template/template-internal.h"
#include "util/messages.h"
#include <stdio.h>

static const tnode *at(const tnode *root, const char *section, const char *key)
{
    const tnode *s = tn_get(root, section);
    const tnode *v = tn_get(s, key);
    return v ? v : s ? s : root;
}

/* Of two values that do not fit together, the one the template itself
 * gives rather than one it inherits: that is where the mistake is. */
static const tnode *own_value(const tctx *c, const tnode *a, const tnode *b)
{
    const char *own = c->t->file_count ? c->t->files[0] : NULL;
    if (b && own && b->src.file == own && !(a && a->src.file == own)) return b;
    return a ? a : b;
}

static void check_type_area(tctx *c, const tnode *root)
{
    const gw_template *t = c->t;
    const tnode *area = tn_get(root, "type_area");
    const tnode *at_fault = NULL;
    if (t->type_left + t->type_width > t->page_width + 1e-6)
        at_fault = own_value(c, tn_get(area, "left"), tn_get(area, "width"));
    else if (t->type_top + t->type_height > t->page_height + 1e-6)
        at_fault = own_value(c, tn_get(area, "top"), tn_get(area, "height"));
    else
        return;
    gw_report(c->diags, tr_loc(at_fault, "type_area"), GW_MSG_TYPE_AREA);
    c->ok = 0;
}

static void check_header(tctx *c, const tnode *root)
{
    const gw_template *t = c->t;
    const tnode *list = tn_get(root, "header");
    if (t->header_count && t->header[0].place != GW_PLACE_TOP) {
        gw_report(c->diags, tr_loc(list->kids[0], "header[0].place"), GW_MSG_TEMPLATE_FIRST_ITEM);
        c->ok = 0;
    }
    for (size_t i = 0; i < t->header_count; i++) {
        if (t->header[i].place != GW_PLACE_TOP || t->header[i].top < t->page_height) continue;
        char path[64], high[32];
        snprintf(path, sizeof path, "header[%zu].top", i);
        snprintf(high, sizeof high, "%gmm", t->page_height * 25.4 / 72);
        const tnode *n = tn_get(list->kids[i], "top");
        gw_report(c->diags, tr_loc(n, path), GW_MSG_TEMPLATE_RANGE, path, n->text, "0mm", high);
        c->ok = 0;
    }
}

/* A line number counts from 1 to the page's lines. */
static void check_line(tctx *c, const tnode *root, const char *section, const char *key, long line)
{
    if (line <= c->t->lines_per_page) return;
    char path[64], high[24];
    snprintf(path, sizeof path, "%s.%s", section, key);
    snprintf(high, sizeof high, "%ld", c->t->lines_per_page);
    const tnode *n = at(root, section, key);
    gw_report(c->diags, tr_loc(n, path), GW_MSG_TEMPLATE_RANGE, path, n->text ? n->text : "", "1", high);
    c->ok = 0;
}

/* A rule is centred on the type area; wider than the page, it would leave it. */
static void check_rules(tctx *c, const tnode *root)
{
    const gw_template *t = c->t;
    for (size_t i = 0; i < t->rule_count; i++) {
        if (t->rules[i].width <= t->page_width + 1e-6) continue;
        char path[64], high[32];
        snprintf(path, sizeof path, "rules.%s.width", t->rules[i].name);
        snprintf(high, sizeof high, "%gmm", t->page_width * 25.4 / 72);
        const tnode *n = tn_get(tn_get(tn_get(root, "rules"), t->rules[i].name), "width");
        gw_report(c->diags, tr_loc(n, path), GW_MSG_TEMPLATE_RANGE, path, n ? n->text : "", "1mm", high);
        c->ok = 0;
    }
}

void tc_check(tctx *c, const tnode *root)
{
    check_rules(c, root);
    check_type_area(c, root);
    check_header(c, root);
    check_line(c, root, "attachments", "title_line", c->t->attachments.title_line);
}
