/* Parsed templates kept by an engine, shared by every document and thread.
 *
 * A template is read from disk the first time a document names it and kept
 * until the engine is destroyed: a template file changed on disk while an
 * engine lives is not noticed (a batch renders every document with the
 * templates as they were when it first needed them).  Only successful loads
 * are kept; the warnings a load gave are kept with the template and given
 * again to every document that uses it.  A failed load is retried, and
 * reported, for each document. */
#ifndef GW_RENDER_TEMPLATE_CACHE_H
#define GW_RENDER_TEMPLATE_CACHE_H
#include "template/template.h"

typedef struct gw_template_cache gw_template_cache;

gw_template_cache *gw_template_cache_create(const char *data_dir);
void               gw_template_cache_destroy(gw_template_cache *cache);

/* The template `name` as gw_template_load finds it (base_dir: the document's
 * folder).  The cache owns the result: never destroy it.  Thread-safe. */
const gw_template *gw_template_cache_get(gw_template_cache *cache, const char *name,
                                         const char *base_dir, gw_diagnostics *diags);
#endif
