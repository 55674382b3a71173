/* gongwen: Chinese official documents (公文) to print-ready PDF, per GB/T 9704-2012.
 *
 * Object lifetimes follow one rule: whoever calls *_create owns the object and
 * calls the matching *_destroy.  Library functions never print and never exit;
 * they return a status and add to a diagnostics list the caller provides. */
#ifndef GONGWEN_H
#define GONGWEN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum gw_status {
    GW_OK = 0,
    GW_ERR_INPUT,     /* the document is wrong (a character no font has included): see diagnostics */
    GW_ERR_FONT,      /* the fonts: a role has no font, a font is broken or cannot be subset */
    GW_ERR_IO,        /* reading or writing a file failed */
    GW_ERR_NOMEM,
    GW_ERR_INTERNAL
} gw_status;

typedef enum gw_severity { GW_WARNING, GW_ERROR } gw_severity;

/* One problem, located in a file.  line and column count from 1; 0 means
 * "the file as a whole". */
typedef struct gw_diag {
    gw_severity severity;
    const char *code;     /* stable code such as "E0001" (docs/diagnostics.md) */
    const char *file;
    unsigned    line, column;
    const char *path;     /* field path such as "signature.date", or "" */
    const char *message;
} gw_diag;

typedef struct gw_diagnostics gw_diagnostics;

/* The language of diagnostic messages.  The library never reads the
 * environment: the program decides (gongwen uses LC_ALL, LC_MESSAGES, LANG). */
typedef enum gw_language { GW_LANG_EN, GW_LANG_ZH } gw_language;

gw_diagnostics *gw_diagnostics_create(void);
/* Messages added from now on are in this language (default English). */
void            gw_diagnostics_set_language(gw_diagnostics *diags, gw_language lang);
gw_language     gw_diagnostics_language(const gw_diagnostics *diags);
void            gw_diagnostics_destroy(gw_diagnostics *diags);
size_t          gw_diagnostics_count(const gw_diagnostics *diags);
const gw_diag  *gw_diagnostics_get(const gw_diagnostics *diags, size_t i);
size_t          gw_diagnostics_errors(const gw_diagnostics *diags);
size_t          gw_diagnostics_warnings(const gw_diagnostics *diags);

/* An engine holds what outlives one document: the data folder (templates/,
 * fonts/) and the opened fonts, so a batch opens each font file once. */
typedef struct gw_engine gw_engine;

typedef struct gw_engine_options {
    /* NULL: $GONGWEN_DATA_DIR, else PREFIX/share/gongwen when the program
     * runs from PREFIX/bin (an installed gongwen), else the folder set when
     * building (the source tree). */
    const char *data_dir;
    const char *fonts_file;  /* NULL: <data_dir>/fonts/fonts.yaml */
    /* Font folders searched before the others, separated by ':' (as
     * $GONGWEN_FONT_PATH, which comes after them); NULL: none. */
    const char *font_path;
} gw_engine_options;

gw_status  gw_engine_create(const gw_engine_options *options, gw_diagnostics *diags,
                            gw_engine **engine_out);
void       gw_engine_destroy(gw_engine *engine);

typedef struct gw_render_options {
    /* Seconds since 1970 for the PDF's dates, or -1 to take them from the
     * document's date (the default: output depends on the input only). */
    int64_t source_date_epoch;
} gw_render_options;

void gw_render_options_init(gw_render_options *options);

/* Renders the YAML document at input_path to a PDF in memory.  On GW_OK
 * *pdf_out holds malloc'ed bytes the caller frees. */
gw_status gw_render_to_memory(gw_engine *engine, const char *input_path,
                              const gw_render_options *options, gw_diagnostics *diags,
                              unsigned char **pdf_out, size_t *pdf_len_out);

/* Renders a document held in memory (a records system's output): name
 * stands for the file in diagnostics; relative paths in it (a template
 * file, seals) start at the current folder. */
gw_status gw_render_buffer(gw_engine *engine, const char *name, const char *yaml, size_t len,
                           const gw_render_options *options, gw_diagnostics *diags,
                           unsigned char **pdf_out, size_t *pdf_len_out);

/* A document rendered by gw_render_document. */
typedef struct gw_rendered {
    unsigned char *pdf;      /* malloc'ed; the caller frees it */
    size_t         len;
    size_t         pages;
} gw_rendered;

/* gw_render_to_memory, telling the page count as well.  On any other status
 * than GW_OK, out->pdf is NULL.  One engine may render documents from any
 * number of threads at the same time. */
gw_status gw_render_document(gw_engine *engine, const char *input_path, const gw_render_options *options,
                             gw_diagnostics *diags, gw_rendered *out);

/* Renders input_path to output_path atomically: the file appears whole or
 * not at all, and an existing file is only replaced on success. */
gw_status gw_render_file(gw_engine *engine, const char *input_path, const char *output_path,
                         const gw_render_options *options, gw_diagnostics *diags);

/* Checks a document as rendering would, without writing anything: its
 * fields against its template, and its layout (a font for every character,
 * every item inside the page, the page limit), so a document that passes
 * renders.  With GW_CHECK_LAYOUT the laid-out pages are also verified
 * against the template (margins, grid, positions, line breaking, the 版记's
 * page) and font substitutions are reported.  GW_OK when it has no errors;
 * the problems are in diags. */
enum { GW_CHECK_LAYOUT = 1 };
gw_status gw_check_file(gw_engine *engine, const char *input_path, int flags, gw_diagnostics *diags);
/* The same for a document in memory (standard input): name stands for the file. */
gw_status gw_check_buffer(gw_engine *engine, const char *name, const char *yaml, size_t len, int flags,
                          gw_diagnostics *diags);

/* Lays the document out without writing a PDF and returns the display list
 * as JSON (malloc'ed, NUL-terminated): pages, glyph runs, rules and line
 * boxes, in points from the page's top-left corner.  For checks and tools. */
gw_status gw_layout_json(gw_engine *engine, const char *input_path, gw_diagnostics *diags,
                         char **json_out);
/* The same for a document in memory (as gw_render_buffer). */
gw_status gw_layout_json_buffer(gw_engine *engine, const char *name, const char *yaml, size_t len,
                                gw_diagnostics *diags, char **json_out);

const char *gw_version(void);

#ifdef __cplusplus
}
#endif
#endif
