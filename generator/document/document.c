/* The model's one free function. */
#include "document/reader.h"
#include <stdlib.h>

static void free_blocks(gw_document *d)
{
    for (size_t i = 0; i < d->block_count; i++) {
        free(d->blocks[i].text);
        free(d->blocks[i].emphasis);
    }
    free(d->blocks);
}

static void free_issuers(gw_document *d)
{
    for (size_t i = 0; i < d->issuer_count; i++) {
        free(d->issuers[i].name);
        free(d->issuers[i].mark);
        free(d->issuers[i].short_name);
    }
    free(d->issuers);
}

void gw_document_destroy(gw_document *d)
{
    if (!d) return;
    for (size_t i = 0; i < d->paragraph_count; i++) free(d->paragraphs[i].text);
    free(d->paragraphs);
    free_blocks(d);
    free_issuers(d);
    for (size_t i = 0; i < d->contact_count; i++) free(d->contacts[i]);
    free(d->contacts);
    gw_text_list *lists[] = { &d->signer_names, &d->title_lines, &d->to_names, &d->attachments,
                              &d->signature_names, &d->seals, &d->attendance.present, &d->attendance.absent,
                              &d->attendance.attending, &d->cc_names };
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) gw_text_list_free(lists[i]);
    free(d->path); free(d->dir); free(d->template_name); free(d->copy_number); free(d->classification);
    free(d->urgency); free(d->issuer); free(d->issuer_mark); free(d->number); free(d->signers);
    free(d->reply_category); free(d->reply_label); free(d->title); free(d->to); free(d->signature_name);
    free(d->signature_title); free(d->date); free(d->note); free(d->cc); free(d->print_by); free(d->print_date);
    free(d);
}
