/* The model's one free function. */
#include "document/reader.h"
#include <stdlib.h>

static void free_blocks(gw_block *blocks, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        free(blocks[i].text);
        free(blocks[i].emphasis);
    }
    free(blocks);
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

static void free_contacts(gw_document *d)
{
    for (size_t i = 0; i < d->contact_count; i++) {
        for (size_t k = 0; k < d->contacts[i].count; k++) {
            free(d->contacts[i].pairs[k].key);
            free(d->contacts[i].pairs[k].value);
        }
        free(d->contacts[i].pairs);
    }
    free(d->contacts);
}

static void free_attachments(gw_document *d)
{
    for (size_t i = 0; i < d->attachment_count; i++) {
        free(d->attachments[i].name);
        free_blocks(d->attachments[i].blocks, d->attachments[i].block_count);
    }
    free(d->attachments);
}

void gw_document_destroy(gw_document *d)
{
    if (!d) return;
    for (size_t i = 0; i < d->paragraph_count; i++) free(d->paragraphs[i].text);
    free(d->paragraphs);
    free_blocks(d->blocks, d->block_count);
    free_issuers(d);
    free_contacts(d);
    free_attachments(d);
    gw_text_list *lists[] = { &d->signer_names, &d->title_lines, &d->to_names, &d->notes,
                              &d->signature_names, &d->seals, &d->attendance.present, &d->attendance.absent,
                              &d->attendance.attending, &d->cc_names };
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) gw_text_list_free(lists[i]);
    free(d->path); free(d->dir); free(d->template_name); free(d->copy_number); free(d->classification);
    free(d->urgency); free(d->issuer); free(d->issuer_mark); free(d->number); free(d->signers);
    free(d->reply_category); free(d->reply_label); free(d->title); free(d->signature_name);
    free(d->signature_title); free(d->date); free(d->print_by); free(d->print_date);
    free(d);
}
