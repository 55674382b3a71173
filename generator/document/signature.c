/* 署名和成文日期 (GB/T 9704 7.3.5): names, the date, seals, and for orders
 * the signer's office title. */
#include "document/reader.h"
#include "document/rules.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A file path as the document gives it, relative to the document's folder. */
static char *resolve(const char *dir, const char *file)
{
    if (file[0] == '/' || !dir) return strdup(file);
    size_t n = strlen(dir) + strlen(file) + 2;
    char *p = malloc(n);
    if (p) snprintf(p, n, "%s/%s", dir, file);
    return p;
}

static unsigned long be32(const unsigned char *b)
{
    return (unsigned long)b[0] << 24 | (unsigned long)b[1] << 16 | (unsigned long)b[2] << 8 | b[3];
}

/* Whether a PNG can be see-through: an alpha channel (colour types 4 and 6)
 * or a tRNS chunk before the image data. */
static int png_has_transparency(FILE *f, const unsigned char ihdr[26])
{
    if (ihdr[25] == 4 || ihdr[25] == 6) return 1;
    unsigned char head[8];
    long at = 8 + 8 + (long)be32(ihdr + 8) + 4;
    for (int chunks = 0; chunks < 1000 && fseek(f, at, SEEK_SET) == 0 && fread(head, 1, 8, f) == 8; chunks++) {
        if (memcmp(head + 4, "tRNS", 4) == 0) return 1;
        if (memcmp(head + 4, "IDAT", 4) == 0 || memcmp(head + 4, "IEND", 4) == 0) return 0;
        at += 12 + (long)be32(head);
    }
    return 0;
}

/* Opens a seal image that is a regular file of a sensible size. */
static FILE *open_seal(gw_reader *R, const char *file, yaml_node_t *node, const char *path)
{
    char *full = resolve(R->doc->dir, file);
    struct stat st;
    int err = !full ? ENOMEM : stat(full, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? EISDIR
                                                     : !S_ISREG(st.st_mode) ? EINVAL : 0;
    FILE *f = err ? NULL : fopen(full, "rb");
    free(full);
    if (!err && !f) err = errno;
    if (err) {
        rd_report(R, rd_loc(R, node, path), GW_MSG_SEAL_MISSING, file, strerror(err));
        return NULL;
    }
    if (st.st_size > (off_t)GW_SEAL_MAX_BYTES) {
        rd_report(R, rd_loc(R, node, path), GW_MSG_SEAL_TOO_BIG, file, GW_SEAL_MAX_BYTES >> 20);
        fclose(f);
        return NULL;
    }
    return f;
}

void gw_check_seal(gw_reader *R, const char *file, yaml_node_t *node, const char *path)
{
    FILE *f = open_seal(R, file, node, path);
    if (!f) return;
    unsigned char head[26];
    size_t got = fread(head, 1, sizeof head, f);
    if (got < 26 || memcmp(head, "\x89PNG\r\n\x1a\n", 8) != 0 || memcmp(head + 12, "IHDR", 4) != 0)
        rd_report(R, rd_loc(R, node, path), GW_MSG_SEAL_NOT_PNG, file);
    else if ((double)be32(head + 16) * (double)be32(head + 20) > GW_SEAL_MAX_PIXELS)
        /* a PNG bomb: a few kilobytes that inflate to gigabytes */
        rd_report(R, rd_loc(R, node, path), GW_MSG_SEAL_PIXELS, file, be32(head + 16), be32(head + 20),
                  GW_SEAL_MAX_PIXELS / 1000000);
    else if (!png_has_transparency(f, head))
        rd_report(R, rd_loc(R, node, path), GW_MSG_SEAL_OPAQUE, file);
    fclose(f);
}

static void load_seals(gw_reader *R, yaml_node_t *sig)
{
    gw_document *d = R->doc;
    yaml_node_t *n = rd_node(R, sig, "seal");
    if (!n) return;
    rd_text_list(R, n, "signature.seal", RD_RAW, &d->seals);
    for (size_t i = 0; i < d->seals.count; i++) {
        char path[48];
        if (n->type == YAML_SEQUENCE_NODE) snprintf(path, sizeof path, "signature.seal[%zu]", i);
        else snprintf(path, sizeof path, "signature.seal");
        yaml_node_t *item = n->type == YAML_SEQUENCE_NODE ? rd_item(R, n, i) : n;
        gw_check_seal(R, d->seals.items[i], item, path);
        char *full = resolve(d->dir, d->seals.items[i]);
        if (full) { free(d->seals.items[i]); d->seals.items[i] = full; }
    }
    if (d->seals.count && d->issuer_count && d->seals.count != d->issuer_count)
        rd_report(R, rd_loc(R, n, "signature.seal"), GW_MSG_SEAL_COUNT, d->seals.count, d->issuer_count);
}

static void load_date(gw_reader *R, yaml_node_t *sig)
{
    gw_document *d = R->doc;
    char *date = rd_field(R, sig, "date", "signature.date", gw_schema_signature, RD_REQUIRED | RD_RAW);
    if (date && !gw_parse_date(date, &d->year, &d->month, &d->day)) {
        rd_report_date(R, rd_loc(R, rd_node(R, sig, "date"), "signature.date"), date);
    } else if (date) {
        char buf[64];
        snprintf(buf, sizeof buf, "%d年%d月%d日", d->year, d->month, d->day);
        d->date = strdup(buf);
    }
    free(date);
}

void gw_load_signature(gw_reader *R, yaml_node_t *root)
{
    gw_document *d = R->doc;
    yaml_node_t *sig = rd_node(R, root, "signature");
    if (!sig) {
        if (rd_requires(R, "signature"))
            rd_report_missing(R, root, "signature", "signature", gw_schema_root);
        return;
    }
    if (sig->type != YAML_MAPPING_NODE) {
        rd_report(R, rd_loc(R, sig, "signature"), GW_MSG_WRONG_KIND, "signature", gw_kind_name(R->diags, GW_KIND_MAPPING));
        return;
    }
    rd_check_keys(R, sig, gw_schema_signature, "signature");
    d->signature_src = rd_src(sig);
    d->date_src = rd_src(rd_node(R, sig, "date"));
    d->signature_title_src = rd_src(rd_node(R, sig, "title"));
    rd_text_list(R, rd_node(R, sig, "name"), "signature.name", 0, &d->signature_names);
    if (d->signature_names.count == 0)           /* default: the issuers' full names */
        for (size_t i = 0; i < d->issuer_count; i++)
            if (d->issuers[i].name) gw_text_list_add(&d->signature_names, strdup(d->issuers[i].name), d->issuers[i].src);
    d->signature_name = gw_text_list_join(&d->signature_names, "\xE3\x80\x80");
    load_date(R, sig);
    load_seals(R, sig);
    d->signature_title = rd_field(R, sig, "title", "signature.title", gw_schema_signature, 0);
}
