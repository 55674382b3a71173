#include "fonts/role-names.h"
#include "text/itemize.h"
#include "text/chars.h"
#include "util/grow.h"
#include "util/messages.h"
#include "util/utf8.h"
#include <stdlib.h>
#include <string.h>

typedef struct itemizer {
    const char        *text;
    size_t             len;
    const gw_span     *spans;
    size_t             span_count;
    gw_loc             loc;
    gw_diagnostics    *diags;
    gw_itemized       *out;
    gw_status          status;
    int                spans_ordered;    /* sorted and disjoint: looked up with a cursor */
    size_t             span_at;          /* the cursor: no span before it ends after the last byte asked */
    size_t             place_at, place_chars;   /* last byte placed, code points before it */
} itemizer;

/* Where byte `at` of the text is: its very character when the text is the
 * source verbatim, the text's start otherwise.  Counts on from the last
 * place asked for, so places asked for in order cost one pass. */
static gw_loc place(itemizer *z, size_t at)
{
    gw_loc loc = z->loc;
    if (!loc.verbatim || !loc.line || !loc.column || at > z->len) return loc;
    if (at < z->place_at) z->place_at = z->place_chars = 0;
    long more = gw_utf8_count(z->text + z->place_at, at - z->place_at);
    if (more < 0) return loc;
    z->place_chars += (size_t)more;
    z->place_at = at;
    loc.column += (unsigned)z->place_chars;
    return loc;
}

static int spans_ordered(const gw_span *spans, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (spans[i].start < spans[i - 1].end) return 0;
    return 1;
}

/* The style of byte pos.  Bytes are asked for in order, so with ordered
 * spans (what the layout gives) the cursor makes a paragraph's look-ups
 * cost one pass over its spans, not characters times spans. */
static const gw_text_style *style_at(itemizer *z, size_t pos)
{
    if (!z->spans_ordered) {
        for (size_t i = 0; i < z->span_count; i++)
            if (pos >= z->spans[i].start && pos < z->spans[i].end) return z->spans[i].style;
        return z->spans[0].style;
    }
    if (z->span_at > 0 && z->span_at <= z->span_count && pos < z->spans[z->span_at - 1].end) z->span_at = 0;
    while (z->span_at < z->span_count && z->spans[z->span_at].end <= pos) z->span_at++;
    if (z->span_at < z->span_count && z->spans[z->span_at].start <= pos) return z->spans[z->span_at].style;
    return z->spans[0].style;
}

/* The role serving a character: the Latin role for Latin text when it has
 * fonts, else the style's own. */
static const gw_role *role_for(const gw_text_style *st, int latin)
{
    return latin && st->latin && st->latin->chain_len ? st->latin : st->role;
}

/* Latin characters fall back to the style's CJK role before giving up. */
static gw_face *face_for(const gw_text_style *st, uint32_t cp, int latin)
{
    gw_face *f = gw_role_face_for(role_for(st, latin), cp);
    return f || !latin ? f : gw_role_face_for(st->role, cp);
}

static void fail(itemizer *z, gw_status st)
{
    if (z->status == GW_OK || z->status == GW_ERR_INPUT) z->status = st;
}

static void report_fallback(itemizer *z, const gw_text_style *st, int latin, gw_face *face,
                            uint32_t cp, size_t at, size_t n)
{
    const gw_role *role = role_for(st, latin);
    if (role->chain_len == 0 || role->chain[0] == face) return;
    /* once per document and character, with the number of times */
    gw_report_once(z->diags, place(z, at), cp, GW_MSG_FONT_FALLBACK, cp, (int)n, z->text + at,
                   gw_face_family(role->chain[0]), gw_role_name(role->name, gw_diagnostics_language(z->diags)),
                   gw_face_family(face));
}

static int push_segment(itemizer *z, const gw_text_style *st, gw_face *face, int latin, size_t at, size_t n)
{
    gw_itemized *o = z->out;
    gw_segment *last = o->seg_count ? &o->segs[o->seg_count - 1] : NULL;
    if (last && last->style == st && last->face == face && last->latin == latin && last->start + last->len == at) {
        last->len += n;
        return 1;
    }
    if (!gw_grow(&o->segs, o->seg_count, sizeof *o->segs)) return 0;
    o->segs[o->seg_count++] = (gw_segment){ st, face, at, n, latin, NULL, 0 };
    return 1;
}

/* A character that joins the one before it stays in its segment, so
 * HarfBuzz clusters them and no font is looked up for it alone.  Past
 * GW_MAX_JOINED in a row the rest of the run is refused (said once per
 * document, with the number of such runs). */
static int joined(itemizer *z, uint32_t cp, size_t at, size_t n, size_t *run)
{
    if (!gw_char_joins_previous(cp)) { *run = 0; return 0; }
    if (*run >= GW_MAX_JOINED) {
        if ((*run)++ == GW_MAX_JOINED) {
            gw_report_once(z->diags, place(z, at), 0, GW_MSG_TOO_MANY_JOINED, GW_MAX_JOINED, cp);
            fail(z, GW_ERR_INPUT);
        }
        return 1;
    }
    gw_segment *last = z->out->seg_count ? &z->out->segs[z->out->seg_count - 1] : NULL;
    if (!last || last->start + last->len != at) { *run = 0; return 0; }
    (*run)++;
    last->len += n;
    return 1;
}

static void segment_text(itemizer *z)
{
    size_t i = 0, run = 0;
    while (i < z->len) {
        size_t at = i;
        uint32_t cp = gw_utf8_next(z->text, z->len, &i);
        if (cp == GW_UTF8_INVALID) {
            gw_report(z->diags, place(z, at), GW_MSG_TEXT_NOT_UTF8, at);
            fail(z, GW_ERR_INPUT);
            continue;
        }
        const gw_text_style *st = style_at(z, at);
        if (joined(z, cp, at, i - at, &run)) continue;
        int latin = (gw_char_class(cp) & (GW_CH_LATIN | GW_CH_SPACE)) != 0;
        gw_face *face = face_for(st, cp, latin);
        if (!face) {
            gw_report_once(z->diags, place(z, at), cp, GW_MSG_NO_FONT_FOR_CHAR, cp, (int)(i - at), z->text + at);
            fail(z, GW_ERR_INPUT);           /* the document's text, not the machine */
            continue;
        }
        if (face != role_for(st, latin)->chain[0]) report_fallback(z, st, latin, face, cp, at, i - at);
        if (!push_segment(z, st, face, latin, at, i - at)) { fail(z, GW_ERR_NOMEM); return; }
    }
}

static gw_atom *new_atom(itemizer *z)
{
    gw_itemized *o = z->out;
    if (!gw_grow(&o->atoms, o->atom_count, sizeof *o->atoms)) return NULL;
    gw_atom *a = &o->atoms[o->atom_count++];
    memset(a, 0, sizeof *a);
    return a;
}

static uint32_t char_at(const itemizer *z, size_t at)
{
    return gw_utf8_next(z->text, z->len, &at);
}

size_t gw_cluster_end(const gw_segment *s, size_t g)
{
    size_t j = g + 1;
    while (j < s->glyph_count && s->glyphs[j].cluster == s->glyphs[g].cluster) j++;
    return j < s->glyph_count ? s->glyphs[j].cluster : s->start + s->len;
}

/* A new atom over glyphs [g, e) of a segment and the text they come from. */
static gw_atom *glyph_atom(itemizer *z, uint32_t seg_index, size_t g, size_t e)
{
    gw_atom *a = new_atom(z);
    if (!a) return NULL;
    const gw_segment *s = &z->out->segs[seg_index];
    a->seg = seg_index;
    a->glyph_start = (uint32_t)g;
    a->glyph_count = (uint32_t)(e - g);
    a->text_start = s->glyphs[g].cluster;
    a->text_end = (uint32_t)gw_cluster_end(s, e - 1);
    return a;
}

/* A Latin segment becomes words (unbreakable) and spaces. */
static int latin_atoms(itemizer *z, uint32_t seg_index)
{
    gw_segment *s = &z->out->segs[seg_index];
    double scale = s->style->size / gw_face_upem(s->face);
    for (size_t g = 0; g < s->glyph_count;) {
        unsigned cls = gw_char_class(char_at(z, s->glyphs[g].cluster));
        int space = (cls & GW_CH_SPACE) != 0;
        size_t e = g;
        double w = 0;
        while (e < s->glyph_count) {
            int sp = (gw_char_class(char_at(z, s->glyphs[e].cluster)) & GW_CH_SPACE) != 0;
            if (sp != space || (space && e > g)) break;
            w += s->glyphs[e++].x_advance * scale;
        }
        gw_atom *a = glyph_atom(z, seg_index, g, e);
        if (!a) return 0;
        a->cls = cls | (gw_char_class(char_at(z, s->glyphs[e - 1].cluster)) & GW_CH_NO_END);
        a->width = w;
        g = e;
    }
    return 1;
}

/* Places a CJK glyph in its cell.  A full-width glyph starts at the cell's
 * start (its em box is the cell, give or take the grid's 0.2 pt); a narrower
 * one goes against the cell's right edge when it opens, its left when it
 * closes, and in the middle otherwise.  Then finds how much of the cell is
 * free of ink on each side, which push-in may take (at most half a cell). */
static void place_in_cell(gw_atom *a, const gw_segment *s, size_t g)
{
    double scale = s->style->size / gw_face_upem(s->face), pitch = s->style->pitch;
    double adv = 0;
    for (size_t i = g; i < g + a->glyph_count; i++) adv += s->glyphs[i].x_advance * scale;
    a->width = pitch;
    if (adv >= pitch * 0.95) a->glyph_dx = 0;
    else if (a->cls & GW_CH_OPENING) a->glyph_dx = pitch - adv;
    else if (a->cls & GW_CH_CLOSING) a->glyph_dx = 0;
    else a->glyph_dx = (pitch - adv) / 2;
    if (!(a->cls & (GW_CH_OPENING | GW_CH_CLOSING))) return;
    hb_glyph_extents_t ext;
    if (a->glyph_count != 1 || !hb_font_get_glyph_extents(gw_face_hb_font(s->face), s->glyphs[g].gid, &ext)) return;
    double ink_l = a->glyph_dx + ext.x_bearing * scale, ink_r = ink_l + ext.width * scale;
    double half = pitch / 2, slack = pitch * 0.02;      /* ink may touch the middle */
    if (ink_l >= half - slack) a->shrink_left = half;
    if (ink_r <= half + slack) a->shrink_right = half;
}

static int cjk_atoms(itemizer *z, uint32_t seg_index)
{
    gw_segment *s = &z->out->segs[seg_index];
    for (size_t g = 0; g < s->glyph_count;) {
        size_t e = g + 1;
        while (e < s->glyph_count && s->glyphs[e].cluster == s->glyphs[g].cluster) e++;
        gw_atom *a = glyph_atom(z, seg_index, g, e);
        if (!a) return 0;
        a->cls = gw_char_class(char_at(z, a->text_start));
        place_in_cell(a, s, g);
        g = e;
    }
    return 1;
}

/* ——, …… and ⸺ pairs become one unbreakable two-cell atom. */
static void merge_pairs(itemizer *z)
{
    gw_itemized *o = z->out;
    size_t w = 0;
    for (size_t r = 0; r < o->atom_count; r++) {
        gw_atom *a = &o->atoms[r];
        gw_atom *prev = w ? &o->atoms[w - 1] : NULL;
        if (prev && (a->cls & GW_CH_PAIRED) && (prev->cls & GW_CH_PAIRED) && prev->seg == a->seg &&
            prev->glyph_count == 1 && a->glyph_count == 1 &&
            char_at(z, prev->text_start) == char_at(z, a->text_start) && prev->text_end == a->text_start) {
            prev->glyph_count = 2;
            prev->text_end = a->text_end;
            prev->width += a->width;
            prev->cls |= GW_CH_NO_START;
            prev->pair = 1;
            continue;
        }
        o->atoms[w++] = *a;
    }
    o->atom_count = w;
}

/* Two adjacent marks take 1.5 em: the first gives up its right half when it
 * is a closing mark, else the second its left half when it opens. */
static void compress_adjacent_marks(gw_itemized *o)
{
    for (size_t i = 1; i < o->atom_count; i++) {
        gw_atom *a = &o->atoms[i - 1], *b = &o->atoms[i];
        unsigned marks = GW_CH_OPENING | GW_CH_CLOSING;
        if (!(a->cls & marks) || !(b->cls & marks)) continue;
        if ((a->cls & GW_CH_CLOSING) && a->shrink_right > 0) {
            a->width -= a->shrink_right;
            a->shrink_right = 0;
        } else if ((b->cls & GW_CH_OPENING) && b->shrink_left > 0) {
            b->width -= b->shrink_left;
            b->glyph_dx -= b->shrink_left;
            b->shrink_left = 0;
        }
    }
}

static int is_han_like(const gw_atom *a)
{
    return !(a->cls & (GW_CH_LATIN | GW_CH_SPACE | GW_CH_OPENING | GW_CH_CLOSING | GW_CH_NO_START | GW_CH_NO_END));
}

/* Characters after which a web address may break (Chicago: after a
 * double slash, before or after the other separators; after is kept
 * here, so a line never starts with one). */
static int is_soft(char c) { return c && strchr("/.-_?&=#", c) != NULL; }

static char glyph_char(const itemizer *z, const gw_segment *s, size_t g)
{
    return z->text[s->glyphs[g].cluster];
}

/* Where the next piece of a Latin word wider than the measure ends: after
 * the next separator (/ . - _ ? & = #) not followed by another (https://
 * stays whole), or, when none comes before the measure is full, after the
 * glyphs that fit (after a separator among them past the middle); 0 when
 * the rest is one piece (or not even one glyph fits). */
static size_t cut_point(const itemizer *z, const gw_atom *a, double measure)
{
    const gw_segment *s = &z->out->segs[a->seg];
    double scale = s->style->size / gw_face_upem(s->face), w = 0;
    size_t cut = 0, soft = 0;
    for (size_t k = 0; k < a->glyph_count; k++) {
        size_t g = a->glyph_start + k;
        w += s->glyphs[g].x_advance * scale;
        if (w > measure) break;
        cut = k + 1;
        if (is_soft(glyph_char(z, s, g)) && k + 1 < a->glyph_count && !is_soft(glyph_char(z, s, g + 1)))
            return k + 1;
        if (is_soft(glyph_char(z, s, g))) soft = k + 1;
    }
    if (cut == a->glyph_count) return 0;                /* the rest fits: one piece */
    if (soft > cut / 2) cut = soft;
    return cut < a->glyph_count ? cut : 0;
}

/* Cuts the first `cut` glyphs off *a as a piece of their own; what is
 * left continues the word (no stretch between them on a justified line). */
static gw_atom cut_piece(itemizer *z, gw_atom *a, size_t cut)
{
    const gw_segment *s = &z->out->segs[a->seg];
    double scale = s->style->size / gw_face_upem(s->face), first = 0;
    for (size_t k = 0; k < cut; k++) first += s->glyphs[a->glyph_start + k].x_advance * scale;
    gw_atom piece = *a;
    piece.glyph_count = (uint32_t)cut;
    piece.text_end = s->glyphs[a->glyph_start + cut].cluster;
    piece.width = first;
    a->glyph_start += (uint32_t)cut;
    a->glyph_count -= (uint32_t)cut;
    a->text_start = piece.text_end;
    a->width -= first;
    a->no_break_before = 0;
    a->word_piece = 1;
    return piece;
}

static int keep_atom(gw_atom **atoms, size_t *count, const gw_atom *a)
{
    if (!gw_grow(atoms, *count, sizeof **atoms)) return 0;
    (*atoms)[(*count)++] = *a;
    return 1;
}

/* A Latin word wider than the measure (a web address) cannot stay whole:
 * it is cut into pieces at its separators (and where a piece would still
 * be wider than the measure), so that the breaker can end a line inside
 * it wherever it stands, filling the line it starts on instead of
 * pushing it whole to the next and spreading the one before.  Said once
 * a word (W0812).  The atoms are copied once into a new array, so a long
 * word costs its length, not its length times the paragraph's. */
static int split_wide_words(itemizer *z, double measure)
{
    gw_itemized *o = z->out;
    gw_atom *atoms = NULL;
    size_t count = 0;
    for (size_t i = 0; i < o->atom_count; i++) {
        gw_atom a = o->atoms[i];
        size_t cut;
        int wide = (a.cls & GW_CH_LATIN) && a.width > measure && a.glyph_count >= 2;
        for (int pieces = 0; wide && (cut = cut_point(z, &a, measure)) > 0; pieces++) {
            gw_atom piece = cut_piece(z, &a, cut);
            if (!keep_atom(&atoms, &count, &piece)) { free(atoms); return 0; }
            if (pieces == 0)
                gw_report(z->diags, place(z, piece.text_start), GW_MSG_LATIN_TOO_WIDE,
                          (int)(piece.text_end - piece.text_start), z->text + piece.text_start);
        }
        if (!keep_atom(&atoms, &count, &a)) { free(atoms); return 0; }
    }
    free(o->atoms);
    o->atoms = atoms;
    o->atom_count = count;
    return 1;
}

/* Han next to a Latin word gets the word's style's latin_gap of space, as
 * margins of the word (dropped at line ends). */
static void latin_margins(gw_itemized *o)
{
    for (size_t i = 0; i < o->atom_count; i++) {
        gw_atom *a = &o->atoms[i];
        double gap = o->segs[a->seg].style->latin_gap;      /* the word's own style */
        if (!(a->cls & GW_CH_LATIN) || gap <= 0) continue;
        if (i > 0 && is_han_like(&o->atoms[i - 1])) { a->margin_left = gap; a->width += gap; a->glyph_dx += gap; }
        if (i + 1 < o->atom_count && is_han_like(&o->atoms[i + 1])) { a->margin_right = gap; a->width += gap; }
    }
}

/* Where the breaker must not break: inside a Latin word split by a font
 * change, inside a range of numbers (7～9), and inside a document number's
 * 〔2025〕17号. */
static void glue(itemizer *z)
{
    gw_itemized *o = z->out;
    for (size_t i = 1; i < o->atom_count; i++) {
        gw_atom *a = &o->atoms[i - 1], *b = &o->atoms[i];
        if ((a->cls & GW_CH_LATIN) && (b->cls & GW_CH_LATIN)) b->no_break_before = 1;
        if (char_at(z, a->text_start) == 0xFF5E && (b->cls & GW_CH_LATIN) && i >= 2 &&
            (o->atoms[i - 2].cls & GW_CH_LATIN))
            b->no_break_before = 1;
        if (char_at(z, a->text_start) == 0x3015 && (b->cls & GW_CH_LATIN)) b->no_break_before = 1;
        if (i >= 2 && (a->cls & GW_CH_LATIN) && char_at(z, b->text_start) == 0x53F7 &&  /* 号 */
            char_at(z, o->atoms[i - 2].text_start) == 0x3015)
            b->no_break_before = 1;
    }
}

gw_status gw_itemize(const char *text, size_t len, const gw_span *spans, size_t span_count,
                     double measure, gw_loc loc, gw_diagnostics *diags, gw_itemized *out)
{
    memset(out, 0, sizeof *out);
    itemizer z = { text, len, spans, span_count, loc, diags, out, GW_OK, 0, 0, 0, 0 };
    if (!span_count) return GW_ERR_INTERNAL;
    z.spans_ordered = spans_ordered(spans, span_count);
    segment_text(&z);
    for (size_t s = 0; z.status != GW_ERR_NOMEM && s < out->seg_count; s++) {
        gw_segment *sg = &out->segs[s];
        sg->glyph_count = gw_shape(sg->face, text, len, sg->start, sg->len, &sg->glyphs);
        if (sg->glyph_count == (size_t)-1) { sg->glyph_count = 0; fail(&z, GW_ERR_NOMEM); break; }
        if (!(sg->latin ? latin_atoms(&z, (uint32_t)s) : cjk_atoms(&z, (uint32_t)s))) fail(&z, GW_ERR_NOMEM);
    }
    if (z.status == GW_ERR_NOMEM) return GW_ERR_NOMEM;
    merge_pairs(&z);
    glue(&z);                                    /* before splitting: the pieces may break */
    if (!split_wide_words(&z, measure)) return GW_ERR_NOMEM;
    compress_adjacent_marks(out);
    latin_margins(out);
    return z.status;
}

void gw_itemized_free(gw_itemized *it)
{
    for (size_t s = 0; s < it->seg_count; s++) free(it->segs[s].glyphs);
    free(it->segs);
    free(it->atoms);
    memset(it, 0, sizeof *it);
}
