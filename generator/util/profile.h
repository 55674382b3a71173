/* Where the time goes: CPU time (of the thread, so waiting for the disk or
 * for a core does not count) spent in each stage of rendering, added up
 * over the whole process and every thread.  Off unless enabled (then each
 * stage entered costs two clock reads, system calls, and an atomic add).
 * For `gongwen batch --profile` and the benchmark; output never depends
 * on it. */
#ifndef GW_UTIL_PROFILE_H
#define GW_UTIL_PROFILE_H
#include <stdint.h>

typedef enum gw_stage {
    GW_STAGE_LOAD,        /* reading, parsing and validating the document (template included) */
    GW_STAGE_SHAPE,       /* HarfBuzz shaping */
    GW_STAGE_LAYOUT,      /* line breaking and pagination: layout less shaping */
    GW_STAGE_SUBSET,      /* hb-subset */
    GW_STAGE_COMPRESS,    /* deflating the project's own streams */
    GW_STAGE_PDF,         /* the PDF objects (libharu): PDF writing less subset, compress and pack */
    GW_STAGE_PACK,        /* libqpdf: object streams and /ID */
    GW_STAGE_OUTPUT,      /* writing the file */
    GW_STAGE_COUNT
} gw_stage;

void        gw_profile_enable(int on);
uint64_t    gw_profile_clock(void);                         /* thread CPU ns; 0 when off */
void        gw_profile_add(gw_stage stage, uint64_t ns);
/* Adds the time since `since` (a gw_profile_clock value); returns now. */
uint64_t    gw_profile_since(gw_stage stage, uint64_t since);
uint64_t    gw_profile_total(gw_stage stage);
const char *gw_profile_stage_name(gw_stage stage);
#endif
