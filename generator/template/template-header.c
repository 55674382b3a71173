/* The 版头 of a template: an ordered list of items, each with a kind
 * (flags, mark, number, rule, reply), a place (at a distance from the page
 * top, after the item before, or on its line) and the keys of its kind. */
#include "template/template-internal.h"
#include "util/messages.h"
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COUNT_OF(a) (sizeof (a) / sizeof *(a))

static const char *const item_words[] = { "flags", "mark", "number", "rule", "reply", NULL };
static const char *const place_words[] = { "top", "after", "with_previous", NULL };
static const char *const align_words[] = { "left", "center", "right", NULL };
static const char *const joint_words[] = { "stack", "lead", NULL };
static const char *const ph_reply[] = { "label", "category", NULL };

/* Header items: which keys belong to which item kind. */
#define B(k) (1u << (k))
#define TEXT_ITEMS (B(GW_HEADER_FLAGS) | B(GW_HEADER_MARK) | B(GW_HEADER_NUMBER) | B(GW_HEADER_REPLY))
#define H(k, kind, m, lo, hi, w, fl, ap) { k, kind, offsetof(gw_header_item, m), lo, hi, w, fl, ap }
static const tfield item_fields[] = {
    H("item", F_ENUM, kind, 0, 0, item_words, 0, 0),
    H("place", F_ENUM, place, 0, 0, place_words, 0, 0),
    H("top", F_LENGTH, top, 0, 0, NULL, TF_OPTIONAL, 0),
    H("gap", F_LENGTH, gap, 0, 0, NULL, TF_OPTIONAL, 0),
    H("align", F_ENUM, align, 0, 0, align_words, 0, B(GW_HEADER_MARK) | B(GW_HEADER_NUMBER) | B(GW_HEADER_REPLY)),
    H("inset", F_LENGTH, inset, 0, 0, NULL, TF_OPTIONAL, TEXT_ITEMS),
    H("style", F_STYLE, style, 0, 0, NULL, 0, TEXT_ITEMS),
    H("copy_style", F_STYLE, copy_style, 0, 0, NULL, 0, B(GW_HEADER_FLAGS)),
    H("suffix", F_TEXT, suffix, 0, 0, NULL, 0, B(GW_HEADER_MARK)),
    H("min_hscale", F_RATIO, min_hscale, 0.1, 1, NULL, 0, B(GW_HEADER_MARK)),
    H("joint", F_ENUM, joint, 0, 0, joint_words, 0, B(GW_HEADER_MARK)),
    H("stack_gap", F_LENGTH, stack_gap, 0, 100, NULL, 0, B(GW_HEADER_MARK)),
    H("suffix_gap", F_LENGTH, suffix_gap, 0, 100, NULL, 0, B(GW_HEADER_MARK)),
    H("signer_style", F_STYLE, signer_style, 0, 0, NULL, 0, B(GW_HEADER_NUMBER)),
    H("signer_label", F_TEXT, signer_label, 0, 0, NULL, 0, B(GW_HEADER_NUMBER)),
    H("signer_separator", F_TEXT, signer_separator, 0, 0, NULL, 0, B(GW_HEADER_NUMBER)),
    H("signers_per_line", F_COUNT, signers_per_line, 1, 10, NULL, 0, B(GW_HEADER_NUMBER)),
    H("signer_inset", F_LENGTH, signer_inset, 0, 100, NULL, 0, B(GW_HEADER_NUMBER)),
    H("upward_number_inset", F_LENGTH, upward_number_inset, 0, 100, NULL, 0, B(GW_HEADER_NUMBER)),
    H("rule", F_RULE, rule, 0, 0, NULL, 0, B(GW_HEADER_RULE)),
    H("reply_label", F_TEXT, reply_label, 0, 0, NULL, 0, B(GW_HEADER_REPLY)),
    H("reply_format", F_FORMAT, reply_format, 0, 0, ph_reply, 0, B(GW_HEADER_REPLY)),
};

/* top: for place: top, gap: for place: after, neither for with_previous;
 * place: top may also give a gap, the least room below the items above it. */
static void check_place(tctx *c, const tnode *node, const char *path, const gw_header_item *item)
{
    static const char *const what[] = { "place: top", "place: after", "place: with_previous" };
    const char *needs = item->place == GW_PLACE_TOP ? "top" : item->place == GW_PLACE_AFTER ? "gap" : NULL;
    for (size_t k = 0; k < 2; k++) {
        const char *key = k ? "gap" : "top";
        const tnode *given = tn_get(node, key);
        int allowed = (needs && strcmp(key, needs) == 0) || (item->place == GW_PLACE_TOP && k == 1);
        char here[256];
        tr_path(here, sizeof here, path, key);
        if (needs && strcmp(key, needs) == 0 && !given) {
            gw_report(c->diags, tr_loc(node, here), GW_MSG_TEMPLATE_LACKS, here);
            c->ok = 0;
        } else if (given && !allowed) {
            gw_report(c->diags, tr_loc(given, here), GW_MSG_TEMPLATE_KEY_NOT_HERE, key, what[item->place]);
            c->ok = 0;
        }
    }
}

static void read_item(tctx *c, const tnode *node, const char *path, gw_header_item *item)
{
    char here[256], kind_name[32];
    if (!tr_expect(c, node, path, TN_MAP)) return;
    item->src = node->src;
    const tnode *kind = tn_get(node, "item");
    if (!kind) {
        gw_report(c->diags, tr_loc(node, tr_path(here, sizeof here, path, "item")), GW_MSG_TEMPLATE_LACKS, here);
        c->ok = 0;
        return;
    }
    int k;
    if (!tv_enum(c, kind, tr_path(here, sizeof here, path, "item"), item_words, &k)) return;
    int before = c->ok;         /* this item's own problems decide whether its place is checked */
    c->ok = 1;
    snprintf(kind_name, sizeof kind_name, "item: %s", item_words[k]);
    tr_fields(c, node, path, item_fields, COUNT_OF(item_fields), item, B(k), kind_name);
    if (c->ok) check_place(c, node, path, item);
    c->ok = c->ok && before;
}

void tr_header(tctx *c, const tnode *node)
{
    if (!tr_expect(c, node, "header", TN_LIST)) return;
    gw_template *t = c->t;
    if (!(t->header = calloc(node->count ? node->count : 1, sizeof *t->header))) { tr_no_memory(c, node); return; }
    t->header_count = node->count;
    for (size_t i = 0; i < node->count; i++) {
        char path[64];
        read_item(c, node->kids[i], tr_index(path, sizeof path, "header", i), &t->header[i]);
    }
}

