#include "pdf/pack.h"
#include "util/messages.h"
#include "util/profile.h"
#include <qpdf/qpdf-c.h>
#include <stdlib.h>
#include <string.h>

static void configure(qpdf_data q)
{
    qpdf_set_object_stream_mode(q, qpdf_o_generate);
    qpdf_set_decode_level(q, qpdf_dl_none);          /* leave every stream as it is */
    qpdf_set_stream_data_mode(q, qpdf_s_preserve);
    qpdf_set_deterministic_ID(q, QPDF_TRUE);         /* /ID from the content: same input, same bytes */
}

gw_status gw_pdf_pack(const unsigned char *pdf, size_t len, gw_diagnostics *diags,
                      unsigned char **out, size_t *out_len)
{
    uint64_t start = gw_profile_clock();
    qpdf_data q = qpdf_init();
    if (!q) return GW_ERR_NOMEM;
    qpdf_silence_errors(q);
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    gw_status st = GW_ERR_INTERNAL;
    if (!(qpdf_read_memory(q, "gongwen", (const char *)pdf, (unsigned long long)len, NULL) & QPDF_ERRORS) &&
        !(qpdf_init_write_memory(q) & QPDF_ERRORS)) {
        configure(q);
        if (!(qpdf_write(q) & QPDF_ERRORS)) {
            size_t n = qpdf_get_buffer_length(q);
            *out = malloc(n ? n : 1);
            st = *out ? GW_OK : GW_ERR_NOMEM;
            if (*out) {
                memcpy(*out, qpdf_get_buffer(q), n);
                *out_len = n;
            }
        }
    }
    if (st == GW_ERR_INTERNAL) {
        qpdf_error e = qpdf_has_error(q) ? qpdf_get_error(q) : NULL;
        const char *what = e ? qpdf_get_error_full_text(q, e) : NULL;
        /* qpdf's C API turns every C++ exception into an error: one that
         * ran out of memory is the machine's (E0006, said by the caller),
         * not a broken PDF */
        if (what && strstr(what, "bad_alloc")) st = GW_ERR_NOMEM;
        else gw_report(diags, gw_loc_file(""), GW_MSG_PDF_PACK, what ? what : gw_kind_name(diags, GW_KIND_UNKNOWN_ERROR));
    }
    qpdf_cleanup(&q);
    gw_profile_since(GW_STAGE_PACK, start);
    return st;
}
