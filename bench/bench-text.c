/* Benchmark: shaping and breaking a letter's whole body with the text
 * engine, fonts already open (as in a batch).  Target (issue "Chinese text
 * engine"): the Xiamen letter's body in under 5 ms.
 *
 *   build/bench/bench-text [examples/xiamen-huli-reply.yaml] [rounds]
 *
 * Prints the median and best time per body over the rounds. */
#include "fonts/fontset.h"
#include "text/lines.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yaml.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The body's paragraphs: the lines of the document's `body: |` block. */
static char **read_body(const char *path, size_t *count)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    yaml_parser_t p;
    yaml_document_t doc;
    yaml_parser_initialize(&p);
    yaml_parser_set_input_file(&p, f);
    char **paras = NULL;
    *count = 0;
    if (yaml_parser_load(&p, &doc)) {
        yaml_node_t *root = yaml_document_get_root_node(&doc);
        for (yaml_node_pair_t *kv = root->data.mapping.pairs.start; kv < root->data.mapping.pairs.top; kv++) {
            yaml_node_t *k = yaml_document_get_node(&doc, kv->key), *v = yaml_document_get_node(&doc, kv->value);
            if (strcmp((char *)k->data.scalar.value, "body") || v->type != YAML_SCALAR_NODE) continue;
            for (char *line = strtok((char *)v->data.scalar.value, "\n"); line; line = strtok(NULL, "\n")) {
                paras = realloc(paras, (*count + 1) * sizeof *paras);
                paras[(*count)++] = strdup(line);
            }
        }
        yaml_document_delete(&doc);
    }
    yaml_parser_delete(&p);
    fclose(f);
    return paras;
}

int main(int argc, char **argv)
{
    const char *doc = argc > 1 ? argv[1] : GW_SOURCE_DIR "/examples/xiamen-huli-reply.yaml";
    int rounds = argc > 2 ? atoi(argv[2]) : 200;
    size_t n = 0, chars = 0, lines_total = 0;
    char **paras = read_body(doc, &n);
    gw_diagnostics *d = gw_diagnostics_create();
    gw_fontset *fs = gw_fontset_load(GW_SOURCE_DIR "/fonts/fonts.yaml", d);
    if (!paras || !fs) { fprintf(stderr, "bench-text: cannot read %s or the fonts\n", doc); return 1; }
    double pitch = 156 * 72 / 25.4 / 28;
    gw_text_style body = { gw_fontset_role(fs, "fangsong"), gw_fontset_role(fs, "latin"), 16, pitch, { 0, 0, 0, 0, 1 }, 0 };
    gw_measure m = { 156 * 72 / 25.4, 2 * pitch, 1 };
    double *t = malloc((size_t)rounds * sizeof *t);
    for (int r = 0; r < rounds; r++) {
        double t0 = now_ms();
        for (size_t i = 0; i < n; i++) {
            gw_lines lines;
            gw_span span = { 0, strlen(paras[i]), &body };
            gw_loc loc = { doc, 0, 0, "", 0 };
            gw_set_text(paras[i], span.end, &span, 1, &m, loc, NULL, &lines);
            if (r == 0) { lines_total += lines.count; chars += strlen(paras[i]); }
            gw_lines_free(&lines);
        }
        t[r] = now_ms() - t0;
    }
    qsort(t, (size_t)rounds, sizeof *t, by_value);
    printf("bench-text: %s: %zu paragraphs, %zu bytes, %zu lines; median %.3f ms, best %.3f ms per body (%d rounds)\n",
           doc, n, chars, lines_total, t[rounds / 2], t[0], rounds);
    free(t);
    for (size_t i = 0; i < n; i++) free(paras[i]);
    free(paras);
    gw_fontset_destroy(fs);
    gw_diagnostics_destroy(d);
    return 0;
}
