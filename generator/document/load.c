/* Reading a document file into the model, field by field, reporting every
 * problem on the way (schema version 1, docs/schema.md).  The body, the
 * signature and the rules on text live in their own files. */
#include "document/reader.h"
#include "util/tally.h"
#include "document/rules.h"
#include "util/buf.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The built-in formats' needs, for a document read without its template
 * (unit tests, the fuzzers); the templates themselves say the same. */
static const char *const file_needs[] = { "issuer", "number", "title", "body", "signature" };
static const char *const order_needs[] = { "issuer", "number", "body", "signature" };
static const char *const minutes_needs[] = { "issuer", "title", "body" };

static gw_format default_format(const char *name)
{
    if (strcmp(name, "order") == 0) return (gw_format){ GW_FORMAT_ORDER, order_needs, 4 };
    if (strcmp(name, "minutes") == 0) return (gw_format){ GW_FORMAT_MINUTES, minutes_needs, 3 };
    if (strcmp(name, "letter") == 0) return (gw_format){ GW_FORMAT_LETTER, file_needs, 5 };
    return (gw_format){ GW_FORMAT_FILE, file_needs, 5 };
}

int rd_requires(const gw_reader *R, const char *name)
{
    for (size_t i = 0; i < R->format.requires_count; i++)
        if (strcmp(R->format.requires[i], name) == 0) return 1;
    return 0;
}

static char *field(gw_reader *R, yaml_node_t *map, const char *key, int flags)
{
    return rd_field(R, map, key, key, gw_schema_root, flags);
}

static void load_version(gw_reader *R, yaml_node_t *root)
{
    yaml_node_t *n = rd_node(R, root, "gongwen");
    R->doc->schema_version = 1;
    if (!n) return;
    const char *v = gw_yaml_str(n);
    if (!v || strcmp(v, "1") != 0) {
        char shown[160];
        rd_report(R, rd_loc(R, n, "gongwen"), GW_MSG_VERSION, v ? gw_excerpt(v, strlen(v), shown, sizeof shown) : "…");
        R->doc->schema_version = 0;
    }
}

static void load_template(gw_reader *R, yaml_node_t *root)
{
    gw_document *d = R->doc;
    char *name = field(R, root, "template", RD_RAW);
    d->template_name = name ? name : strdup("file");
    R->format = default_format(d->template_name);
    yaml_node_t *n = rd_node(R, root, "template");
    if (!name || gw_is_builtin_template(name)) {
        if (R->lookup && d->template_name && !R->lookup(R->lookup_user, d->template_name, d->dir, &R->format))
            rd_report(R, rd_loc(R, n ? n : root, "template"), GW_MSG_TEMPLATE_BROKEN, d->template_name);
        return;
    }
    char shown[160];
    gw_excerpt(name, strlen(name), shown, sizeof shown);
    if (!strchr(name, '/')) {
        const char *better = gw_suggest(name, gw_builtin_templates, 4);
        if (better) rd_report(R, rd_loc(R, n, "template"), GW_MSG_TEMPLATE_SUGGEST, shown, better);
        else rd_report(R, rd_loc(R, n, "template"), GW_MSG_TEMPLATE_UNKNOWN, shown);
        return;
    }
    char full[4096];
    snprintf(full, sizeof full, "%s/%s", name[0] == '/' ? "" : d->dir, name);
    /* without blocking: a FIFO named as the template must not hang the check */
    int fd = open(name[0] == '/' ? name : full, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    struct stat st;
    int regular = 0;
    if (fd < 0) rd_report(R, rd_loc(R, n, "template"), GW_MSG_TEMPLATE_MISSING, shown, strerror(errno));
    else if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) rd_report(R, rd_loc(R, n, "template"), GW_MSG_TEMPLATE_NOT_REGULAR, shown);
    else regular = 1;
    if (fd >= 0) close(fd);
    if (regular && R->lookup && !R->lookup(R->lookup_user, name, d->dir, &R->format))
        rd_report(R, rd_loc(R, n, "template"), GW_MSG_TEMPLATE_BROKEN, shown);
}

/* 份号, 密级和保密期限, 紧急程度 */
static void load_header_marks(gw_reader *R, yaml_node_t *root)
{
    gw_document *d = R->doc;
    char *t = field(R, root, "copy_number", RD_RAW);
    char padded[7];
    d->copy_number_src = rd_src(rd_node(R, root, "copy_number"));
    d->classification_src = rd_src(rd_node(R, root, "classification"));
    d->urgency_src = rd_src(rd_node(R, root, "urgency"));
    if (t && gw_check_copy_number(t, padded)) d->copy_number = strdup(padded);
    else if (t) rd_report(R, rd_loc(R, rd_node(R, root, "copy_number"), "copy_number"), GW_MSG_COPY_NUMBER, t);
    free(t);
    d->classification = field(R, root, "classification", 0);
    if (d->classification && !gw_check_classification(d->classification))
        rd_report(R, rd_loc(R, rd_node(R, root, "classification"), "classification"), GW_MSG_CLASSIFICATION,
                  d->classification);
    d->urgency = field(R, root, "urgency", 0);
    if (d->urgency && !gw_check_urgency(d->urgency))
        rd_report(R, rd_loc(R, rd_node(R, root, "urgency"), "urgency"), GW_MSG_URGENCY, d->urgency);
}

static void add_issuer(gw_reader *R, yaml_node_t *n, const char *path)
{
    gw_issuer is = { NULL, NULL, NULL, rd_src(n) };
    if (n->type == YAML_MAPPING_NODE) {
        char p[64];
        rd_check_keys(R, n, gw_schema_issuer, path);
        snprintf(p, sizeof p, "%s.name", path);
        is.name = rd_field(R, n, "name", p, gw_schema_issuer, RD_REQUIRED);
        snprintf(p, sizeof p, "%s.mark", path);
        is.mark = rd_field(R, n, "mark", p, gw_schema_issuer, 0);
        snprintf(p, sizeof p, "%s.short", path);
        is.short_name = rd_field(R, n, "short", p, gw_schema_issuer, 0);
    } else if (n->type == YAML_SCALAR_NODE) {
        is.name = rd_text(R, n, path, gw_schema_zh(gw_schema_root, "issuer"), RD_REQUIRED);
    } else {
        rd_report(R, rd_loc(R, n, path), GW_MSG_WRONG_KIND, path, gw_kind_name(R->diags, GW_KIND_ISSUER));
        return;
    }
    if (!gw_grow(&R->doc->issuers, R->doc->issuer_count, sizeof *R->doc->issuers)) {
        free(is.name); free(is.mark); free(is.short_name);
        return;
    }
    R->doc->issuers[R->doc->issuer_count++] = is;
}

/* issuer: a name, a mapping, or a list of those (joint issuance, lead first). */
static void load_issuers(gw_reader *R, yaml_node_t *root)
{
    gw_document *d = R->doc;
    yaml_node_t *n = rd_node(R, root, "issuer");
    if (!n) {
        rd_report_missing(R, root, "issuer", "issuer", gw_schema_root);
        return;
    }
    if (n->type != YAML_SEQUENCE_NODE) add_issuer(R, n, "issuer");
    else if (gw_yaml_len(n) == 0)
        rd_report(R, rd_loc(R, n, "issuer"), GW_MSG_MISSING_EMPTY, "issuer", gw_schema_zh(gw_schema_root, "issuer"));
    for (size_t i = 0; n->type == YAML_SEQUENCE_NODE && i < gw_yaml_len(n); i++) {
        char path[32];
        snprintf(path, sizeof path, "issuer[%zu]", i);
        add_issuer(R, rd_item(R, n, i), path);
    }
    if (d->issuer_count && d->issuers[0].name) {
        d->issuer = strdup(d->issuers[0].name);
        if (d->issuers[0].mark) d->issuer_mark = strdup(d->issuers[0].mark);
    }
}

static void report_number(gw_reader *R, yaml_node_t *n, gw_number_problem problem, const char *text,
                          const char *fixed, const char *year)
{
    gw_loc loc = rd_loc(R, n, "number");
    switch (problem) {
    case GW_NUMBER_BRACKETS: rd_report(R, loc, GW_MSG_NUMBER_BRACKETS, fixed); break;
    case GW_NUMBER_YEAR:     rd_report(R, loc, GW_MSG_NUMBER_YEAR, year ? year : ""); break;
    case GW_NUMBER_SEQUENCE: rd_report(R, loc, GW_MSG_NUMBER_SEQUENCE, fixed); break;
    case GW_NUMBER_SUFFIX:   rd_report(R, loc, GW_MSG_NUMBER_SUFFIX, fixed); break;
    default:
        if (fixed) rd_report(R, loc, GW_MSG_NUMBER_FORM_FIX, text, fixed);
        else rd_report(R, loc, GW_MSG_NUMBER_FORM, text);
    }
}

/* 发文字号: required for file and letter; orders have 第N号. */
static void load_number(gw_reader *R, yaml_node_t *root)
{
    gw_document *d = R->doc;
    d->number = field(R, root, "number", RD_RAW | (rd_requires(R, "number") ? RD_REQUIRED : 0));
    if (!d->number) return;
    yaml_node_t *n = rd_node(R, root, "number");
    d->number_src = rd_src(n);
    char *fixed = NULL, *year = NULL;
    if (R->format.kind == GW_FORMAT_ORDER) {
        if (!gw_check_order_number(d->number, &fixed))
            rd_report(R, rd_loc(R, n, "number"), fixed ? GW_MSG_ORDER_NUMBER_FIX : GW_MSG_ORDER_NUMBER, d->number, fixed);
    } else {
        gw_number_problem problem = gw_check_number(d->number, &fixed, &year);
        if (problem != GW_NUMBER_OK) report_number(R, n, problem, d->number, fixed, year);
    }
    free(fixed);
    free(year);
}

static void load_reply(gw_reader *R, yaml_node_t *root)
{
    gw_document *d = R->doc;
    yaml_node_t *reply = rd_node(R, root, "reply");
    if (!reply) return;
    if (reply->type != YAML_MAPPING_NODE) {
        rd_report(R, rd_loc(R, reply, "reply"), GW_MSG_WRONG_KIND, "reply", gw_kind_name(R->diags, GW_KIND_MAPPING));
        return;
    }
    rd_check_keys(R, reply, gw_schema_reply, "reply");
    d->reply_src = rd_src(reply);
    d->reply_category = rd_field(R, reply, "category", "reply.category", gw_schema_reply, RD_REQUIRED | RD_RAW);
    char fixed[2] = { 0, 0 };
    if (d->reply_category && !gw_check_reply_category(d->reply_category, fixed)) {
        gw_loc loc = rd_loc(R, rd_node(R, reply, "category"), "reply.category");
        if (fixed[0]) rd_report(R, loc, GW_MSG_REPLY_CATEGORY_CASE, d->reply_category, fixed);
        else rd_report(R, loc, GW_MSG_REPLY_CATEGORY, d->reply_category);
    }
    d->reply_label = rd_field(R, reply, "label", "reply.label", gw_schema_reply, 0);
}

/* title: one string (broken by the program) or a list of lines. */
static void load_title(gw_reader *R, yaml_node_t *root)
{
    gw_document *d = R->doc;
    yaml_node_t *n = rd_node(R, root, "title");
    d->title_src = rd_src(n);
    if (n && n->type == YAML_SEQUENCE_NODE) {
        rd_text_list(R, n, "title", rd_requires(R, "title") ? RD_REQUIRED : 0, &d->title_lines);
        d->title = gw_text_list_join(&d->title_lines, "");
        if (!d->title)
            rd_report(R, rd_loc(R, n, "title"), GW_MSG_MISSING_EMPTY, "title", gw_schema_zh(gw_schema_root, "title"));
    } else if (n && n->type == YAML_MAPPING_NODE) {
        rd_report(R, rd_loc(R, n, "title"), GW_MSG_WRONG_KIND, "title", gw_kind_name(R->diags, GW_KIND_TEXT_OR_LIST));
        return;
    } else {
        d->title = field(R, root, "title", rd_requires(R, "title") ? RD_REQUIRED : 0);
    }
}

static int ends_with(const char *s, const char *end)
{
    size_t n = strlen(s), m = strlen(end);
    return n >= m && strcmp(s + n - m, end) == 0;
}

/* Drops one final mark from the last item of a list (a clerk may type the
 * 主送机关's ： or the 抄送's 。 the template adds). */
static void drop_final_mark(gw_text_list *list, const char *const *marks)
{
    if (!list->count) return;
    char *last = list->items[list->count - 1];
    for (size_t k = 0; marks[k]; k++)
        if (ends_with(last, marks[k]) && strlen(last) > strlen(marks[k])) {
            last[strlen(last) - strlen(marks[k])] = '\0';
            return;
        }
}

/* 主送机关: a name or a list of names. */
static void load_to(gw_reader *R, yaml_node_t *root)
{
    static const char *const colons[] = { "：", ":", NULL };
    rd_text_list(R, rd_node(R, root, "to"), "to", 0, &R->doc->to_names);
    drop_final_mark(&R->doc->to_names, colons);
}

static void check_attachment_name(gw_reader *R, const gw_attachment *a, const char *path)
{
    static const char *const marks[] = { "。", "，", "；", "：", "、", "！", "？", ".", ",", ";", ":", "!", "?", NULL };
    for (size_t k = 0; marks[k]; k++)
        if (ends_with(a->name, marks[k])) {
            gw_loc loc = { R->y->path, a->src.line, a->src.column, path, 0 };
            rd_report(R, loc, GW_MSG_ATTACHMENT_PUNCT, a->name);
            return;
        }
}

/* One attachment: a name, or a mapping with name and body (its pages). */
static void add_attachment(gw_reader *R, yaml_node_t *item, const char *path)
{
    gw_document *d = R->doc;
    gw_attachment a = { NULL, rd_src(item), NULL, 0 };
    char p[64];
    if (item->type == YAML_MAPPING_NODE) {
        rd_check_keys(R, item, gw_schema_attachment, path);
        snprintf(p, sizeof p, "%s.name", path);
        a.name = rd_field(R, item, "name", p, gw_schema_attachment, RD_REQUIRED);
        a.src = rd_src(rd_node(R, item, "name"));
        yaml_node_t *body = rd_node(R, item, "body");
        snprintf(p, sizeof p, "%s.body", path);
        if (body) gw_load_blocks(R, body, p, &a.blocks, &a.block_count);
    } else {
        a.name = rd_text(R, item, path, gw_schema_zh(gw_schema_root, "attachments"), 0);
    }
    if (!a.name || !gw_grow(&d->attachments, d->attachment_count, sizeof *d->attachments)) {
        free(a.name);
        for (size_t i = 0; i < a.block_count; i++) { free(a.blocks[i].text); free(a.blocks[i].emphasis); }
        free(a.blocks);
        return;
    }
    check_attachment_name(R, &a, path);
    d->attachments[d->attachment_count++] = a;
}

/* attachments: a name, or a list of names and mappings. */
static void load_attachments(gw_reader *R, yaml_node_t *root)
{
    yaml_node_t *n = rd_node(R, root, "attachments");
    if (!n) return;
    if (n->type == YAML_SCALAR_NODE || n->type == YAML_MAPPING_NODE) { add_attachment(R, n, "attachments"); return; }
    if (gw_yaml_len(n) == 0) rd_report(R, rd_loc(R, n, "attachments"), GW_MSG_EMPTY, "attachments");
    for (size_t i = 0; i < gw_yaml_len(n); i++) {
        char path[48];
        snprintf(path, sizeof path, "attachments[%zu]", i);
        yaml_node_t *item = rd_item(R, n, i);
        if (item->type == YAML_SEQUENCE_NODE)
            rd_report(R, rd_loc(R, item, path), GW_MSG_WRONG_KIND, path, gw_kind_name(R->diags, GW_KIND_TEXT_OR_LIST));
        else
            add_attachment(R, item, path);
    }
}

static void free_pair(gw_contact_pair *p)
{
    free(p->key);
    free(p->value);
}

/* A label given twice in one contact line is E0119, as for any mapping;
 * labels are free text, so they are remembered in a table (linear). */
static int first_label(gw_reader *R, gw_tally *seen, const char *key, const yaml_node_t *k, const char *kpath)
{
    int created;
    gw_tally_record *r = gw_tally_get(seen, key, strlen(key), &created);
    if (!r) { rd_report(R, rd_loc(R, k, kpath), GW_MSG_NO_MEMORY); return 0; }
    if (created) { r->index = (size_t)k->start_mark.line + 1; return 1; }
    rd_report(R, rd_loc(R, k, kpath), GW_MSG_DUPLICATE_KEY, key, (unsigned)r->index);
    return 0;
}

/* contacts: each item one printed line of key：value pairs. */
static void contact_line(gw_reader *R, yaml_node_t *item, const char *path)
{
    gw_tally *seen = gw_tally_create();
    if (!seen) { rd_report(R, rd_loc(R, item, path), GW_MSG_NO_MEMORY); return; }
    gw_contact_line line = { NULL, 0, rd_src(item) };
    for (yaml_node_pair_t *p = item->data.mapping.pairs.start; p < item->data.mapping.pairs.top; p++) {
        yaml_node_t *k = yaml_document_get_node(&R->y->doc, p->key);
        yaml_node_t *v = yaml_document_get_node(&R->y->doc, p->value);
        char kpath[256];
        snprintf(kpath, sizeof kpath, "%s", path);
        gw_contact_pair pair = { rd_text(R, k, kpath, NULL, 0), NULL, rd_src(k), rd_src(v) };
        if (pair.key) snprintf(kpath, sizeof kpath, "%s.%s", path, pair.key);
        if (pair.key && !first_label(R, seen, pair.key, k, kpath)) { free_pair(&pair); continue; }
        pair.value = pair.key ? rd_text(R, v, kpath, NULL, 0) : NULL;
        if (pair.key && pair.value && gw_grow(&line.pairs, line.count, sizeof *line.pairs))
            line.pairs[line.count++] = pair;
        else
            free_pair(&pair);
    }
    gw_tally_destroy(seen);
    if (line.count && gw_grow(&R->doc->contacts, R->doc->contact_count, sizeof *R->doc->contacts)) {
        R->doc->contacts[R->doc->contact_count++] = line;
        return;
    }
    for (size_t i = 0; i < line.count; i++) free_pair(&line.pairs[i]);
    free(line.pairs);
}

static void load_contacts(gw_reader *R, yaml_node_t *root)
{
    yaml_node_t *n = rd_node(R, root, "contacts");
    if (!n) return;
    if (n->type != YAML_SEQUENCE_NODE) {
        rd_report(R, rd_loc(R, n, "contacts"), GW_MSG_WRONG_KIND, "contacts", gw_kind_name(R->diags, GW_KIND_LIST));
        return;
    }
    for (size_t i = 0; i < gw_yaml_len(n); i++) {
        yaml_node_t *item = rd_item(R, n, i);
        char path[32];
        snprintf(path, sizeof path, "contacts[%zu]", i);
        if (item->type != YAML_MAPPING_NODE)
            rd_report(R, rd_loc(R, item, path), GW_MSG_WRONG_KIND, path, gw_kind_name(R->diags, GW_KIND_CONTACT));
        else if (item->data.mapping.pairs.top == item->data.mapping.pairs.start)
            rd_report(R, rd_loc(R, item, path), GW_MSG_EMPTY, path);
        else
            contact_line(R, item, path);
    }
}

/* 出席, 请假, 列席: minutes only. */
static void load_attendance(gw_reader *R, yaml_node_t *root)
{
    gw_document *d = R->doc;
    yaml_node_t *n = rd_node(R, root, "attendance");
    if (!n) return;
    if (R->format.kind != GW_FORMAT_MINUTES)
        rd_report(R, rd_loc(R, n, "attendance"), GW_MSG_ATTENDANCE_TEMPLATE, d->template_name);
    if (n->type != YAML_MAPPING_NODE) {
        rd_report(R, rd_loc(R, n, "attendance"), GW_MSG_WRONG_KIND, "attendance", gw_kind_name(R->diags, GW_KIND_MAPPING));
        return;
    }
    rd_check_keys(R, n, gw_schema_attendance, "attendance");
    rd_text_list(R, rd_node(R, n, "present"), "attendance.present", 0, &d->attendance.present);
    rd_text_list(R, rd_node(R, n, "absent"), "attendance.absent", 0, &d->attendance.absent);
    rd_text_list(R, rd_node(R, n, "attending"), "attendance.attending", 0, &d->attendance.attending);
}

/* 附注: each note without the parentheses the template prints around it
 * (given ones are not doubled). */
static void load_note(gw_reader *R, yaml_node_t *root)
{
    gw_text_list *notes = &R->doc->notes;
    rd_text_list(R, rd_node(R, root, "note"), "note", 0, notes);
    for (size_t i = 0; i < notes->count; i++) {
        char *s = notes->items[i];
        size_t n = strlen(s);
        int wrapped = n > 6 && strncmp(s, "（", 3) == 0 && ends_with(s, "）");
        if (!wrapped) continue;
        memmove(s, s + 3, n - 6);
        s[n - 6] = '\0';
    }
}

/* 抄送: names, without the final 。 the template adds. */
static void load_cc(gw_reader *R, yaml_node_t *root)
{
    static const char *const stops[] = { "。", NULL };
    rd_text_list(R, rd_node(R, root, "cc"), "cc", 0, &R->doc->cc_names);
    drop_final_mark(&R->doc->cc_names, stops);
}

static int date_before(int y1, int m1, int d1, int y2, int m2, int d2)
{
    return y1 != y2 ? y1 < y2 : m1 != m2 ? m1 < m2 : d1 < d2;
}

/* 印发机关和印发日期 */
static void load_print(gw_reader *R, yaml_node_t *root)
{
    gw_document *d = R->doc;
    yaml_node_t *n = rd_node(R, root, "print");
    if (!n) return;
    if (n->type != YAML_MAPPING_NODE) {
        rd_report(R, rd_loc(R, n, "print"), GW_MSG_WRONG_KIND, "print", gw_kind_name(R->diags, GW_KIND_MAPPING));
        return;
    }
    rd_check_keys(R, n, gw_schema_print, "print");
    d->print_by = rd_field(R, n, "by", "print.by", gw_schema_print, 0);
    d->print_by_src = rd_src(rd_node(R, n, "by"));
    d->print_date_src = rd_src(rd_node(R, n, "date"));
    char *date = rd_field(R, n, "date", "print.date", gw_schema_print, RD_RAW);
    gw_loc loc = rd_loc(R, rd_node(R, n, "date"), "print.date");
    if (date && !gw_parse_date(date, &d->print_year, &d->print_month, &d->print_day)) {
        rd_report_date(R, loc, date);
    } else if (date) {
        char buf[64];
        snprintf(buf, sizeof buf, "%d年%d月%d日", d->print_year, d->print_month, d->print_day);
        d->print_date = strdup(buf);
        if (d->date && date_before(d->print_year, d->print_month, d->print_day, d->year, d->month, d->day))
            rd_report(R, loc, GW_MSG_PRINT_BEFORE_SIGNATURE, d->print_date, d->date);
    }
    free(date);
}

static void load_fields(gw_reader *R)
{
    yaml_node_t *root = gw_yaml_root(R->y);
    gw_document *d = R->doc;
    if (root->type != YAML_MAPPING_NODE) {
        rd_report(R, rd_loc(R, root, ""), GW_MSG_NOT_MAPPING);
        return;
    }
    rd_check_keys(R, root, gw_schema_root, "");
    load_version(R, root);
    load_template(R, root);
    load_header_marks(R, root);
    load_issuers(R, root);
    load_number(R, root);
    rd_text_list(R, rd_node(R, root, "signers"), "signers", 0, &d->signer_names);
    d->signers = gw_text_list_join(&d->signer_names, " ");
    load_reply(R, root);
    load_title(R, root);
    load_to(R, root);
    gw_load_body(R, root);
    load_attachments(R, root);
    load_contacts(R, root);
    gw_load_signature(R, root);
    load_attendance(R, root);
    load_note(R, root);
    load_cc(R, root);
    load_print(R, root);
}

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash) return strdup(".");
    return gw_strndup(path, slash == path ? 1 : (size_t)(slash - path));
}

/* Reads the document in y (which it destroys); relative paths in it start at dir. */
static gw_document *read_document(gw_yaml *y, const char *path, const char *dir, gw_format_lookup lookup,
                                  void *user, gw_diagnostics *diags, size_t *errors)
{
    *errors = 1;
    if (!y) return NULL;
    gw_document *doc = calloc(1, sizeof *doc);
    gw_reader R = { .y = y, .doc = doc, .diags = diags, .lookup = lookup, .lookup_user = user };
    if (doc && (doc->path = strdup(path)) && (doc->dir = dir ? strdup(dir) : dir_of(path))) {
        load_fields(&R);
        *errors = R.errors;
    } else {
        gw_report(diags, gw_loc_file(path), GW_MSG_NO_MEMORY);
        gw_document_destroy(doc);
        doc = NULL;
    }
    gw_yaml_destroy(y);
    return doc;
}

gw_document *gw_document_read_for(const char *path, gw_format_lookup lookup, void *user, gw_diagnostics *diags,
                                  size_t *errors)
{
    return read_document(gw_yaml_load_file(path, diags), path, NULL, lookup, user, diags, errors);
}

gw_document *gw_document_read_memory_for(const char *name, const char *dir, const char *data, size_t len,
                                         gw_format_lookup lookup, void *user, gw_diagnostics *diags,
                                         size_t *errors)
{
    return read_document(gw_yaml_load_memory(name, data, len, diags), name, dir, lookup, user, diags, errors);
}

gw_document *gw_document_read(const char *path, gw_diagnostics *diags)
{
    size_t errors;
    return gw_document_read_for(path, NULL, NULL, diags, &errors);
}

static gw_document *without_errors(gw_document *doc, size_t errors)
{
    if (doc && errors) {
        gw_document_destroy(doc);
        return NULL;
    }
    return doc;
}

gw_document *gw_document_load(const char *path, gw_diagnostics *diags)
{
    size_t errors;
    gw_document *doc = gw_document_read_for(path, NULL, NULL, diags, &errors);
    return without_errors(doc, errors);
}

gw_document *gw_document_read_memory(const char *name, const char *dir, const char *data, size_t len,
                                     gw_diagnostics *diags, size_t *errors)
{
    return gw_document_read_memory_for(name, dir, data, len, NULL, NULL, diags, errors);
}

gw_document *gw_document_load_memory(const char *name, const char *dir, const char *data, size_t len,
                                     gw_diagnostics *diags)
{
    size_t errors;
    gw_document *doc = gw_document_read_memory(name, dir, data, len, diags, &errors);
    return without_errors(doc, errors);
}
