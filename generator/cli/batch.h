/* gongwen batch: what its files share (batch.c runs the documents,
 * batch-inputs.c finds them, batch-report.c tells what happened). */
#ifndef GW_CLI_BATCH_H
#define GW_CLI_BATCH_H
#include "gongwen.h"
#include <stdatomic.h>
#include <stdio.h>

typedef enum job_status {
    JOB_NOT_RUN,     /* stopped before its turn: --fail-fast, a signal */
    JOB_WRITTEN,
    JOB_ERROR,       /* the document has errors (or could not be written): nothing written */
    JOB_SAME,        /* --check: the PDF on disk is what the document renders to */
    JOB_DIFFERS,     /* --check: it is not */
    JOB_MISSING      /* --check: there is no PDF */
} job_status;

typedef struct batch_job {
    char           *input;
    char           *output;        /* OUTDIR/relative path .pdf */
    job_status      status;
    gw_status       render_status;
    gw_diagnostics *diags;
    size_t          pages, bytes;
    char            sha256[65];    /* of the rendered PDF, hex */
    double          milliseconds;  /* rendering it, writing included */
    int             not_regular;   /* found in a folder, a FIFO or a device: refused, not read */
} batch_job;

typedef struct batch_jobs {
    batch_job *items;
    size_t     count;
} batch_jobs;

/* Adds the documents an argument names: a file, a folder (every *.yaml
 * under it, recursively, in name order) or "-" (paths read from standard
 * input, one a line).  Each output mirrors its input under outdir.  0 and
 * a message on stderr when an argument cannot be read. */
int  batch_add_inputs(batch_jobs *jobs, const char *arg, const char *outdir);
/* Refuses two inputs that would write one output (a message on stderr);
 * the same input named twice is kept once. */
int  batch_check_outputs(batch_jobs *jobs);
void batch_jobs_free(batch_jobs *jobs);

/* The summary of a run, for the report and the last lines printed. */
typedef struct batch_totals {
    size_t count[JOB_MISSING + 1];
    double seconds;
    int    threads;
    int    check;
    int    interrupted;      /* the signal that stopped the run, or 0 */
} batch_totals;

/* Every diagnostic of the run (errors only when quiet), in input order,
 * each distinct one once with the number of documents it came from; then
 * the summary lines (the warnings counted by code, quiet or not). */
void batch_print_summary(FILE *to, const batch_jobs *jobs, const batch_totals *totals, int quiet, gw_language lang);
/* CPU time by stage (util/profile.h), in ms a document, all threads added. */
void batch_print_profile(FILE *to, size_t documents);
/* The report (docs/batch-report.md), written as render writes a PDF
 * (util/output.h).  0 when it cannot be, said in diags. */
int  batch_write_report(const char *path, const batch_jobs *jobs, const batch_totals *totals, gw_diagnostics *diags);
const char *batch_status_name(job_status status);
#endif
