/* The last step of the backend: libqpdf packs the objects libharu writes
 * one by one into compressed object streams (PDF 1.5) and gives the file a
 * deterministic /ID.  Font programs and content streams pass unchanged. */
#ifndef GW_PDF_PACK_H
#define GW_PDF_PACK_H
#include <stddef.h>
#include "util/diag.h"

/* Packs the PDF in pdf[0..len) into a malloc'ed buffer. */
gw_status gw_pdf_pack(const unsigned char *pdf, size_t len, gw_diagnostics *diags,
                      unsigned char **out, size_t *out_len);
#endif
