/* The message catalogue: every diagnostic gongwen reports (the document and
 * its YAML, fonts, templates, the text engine, layout, the PDF and the
 * output), with its stable code, its severity and its text in English and in
 * Chinese.  A message is chosen by id; the language comes from the
 * diagnostics list (gw_diagnostics_set_language), never from the environment.
 *
 * Both texts of a message take the same printf arguments in the same order;
 * test-messages checks that, and that every code is in docs/diagnostics.md. */
#ifndef GW_UTIL_MESSAGES_H
#define GW_UTIL_MESSAGES_H
#include "util/diag.h"

typedef enum gw_msg {
    /* the file and its YAML */
    GW_MSG_YAML_SYNTAX,          /* problem text from libyaml */
    GW_MSG_YAML_FULL_WIDTH_COLON, /* key length (int), key, the same again, value excerpt */
    GW_MSG_YAML_NO_SPACE,        /* key length (int), key, the same again, value excerpt */
    GW_MSG_YAML_INDENT,          /* spaces (int), line above (unsigned), its spaces (int) */
    GW_MSG_CANNOT_OPEN,          /* strerror */
    GW_MSG_DOCUMENT_NOT_REGULAR,
    GW_MSG_NO_DOCUMENT,
    GW_MSG_NO_MEMORY,
    GW_MSG_FILE_TOO_BIG,         /* limit in MB */
    GW_MSG_TOO_MANY_NODES,       /* limit */
    GW_MSG_TOO_DEEP,             /* limit */
    GW_MSG_ANCHOR,               /* anchor name */
    GW_MSG_ALIAS,                /* alias name */
    GW_MSG_NOT_UTF8,             /* the byte */
    GW_MSG_CONTROL_CHAR,         /* code point, its name */
    GW_MSG_BIDI_CONTROL,         /* code point */
    GW_MSG_TAG_CHARACTER,        /* code point */
    GW_MSG_LINE_BREAK,           /* field name */
    GW_MSG_SECOND_DOCUMENT,
    GW_MSG_TOO_MANY_PROBLEMS,    /* shown */
    GW_MSG_TOO_MANY_ERRORS,      /* shown */
    /* the document's fields */
    GW_MSG_NOT_MAPPING,
    GW_MSG_MISSING,              /* path, Chinese name */
    GW_MSG_MISSING_EMPTY,        /* path, Chinese name */
    GW_MSG_NOT_TEXT,             /* path */
    GW_MSG_WRONG_KIND,           /* path, expected kind (gw_kind_name) */
    GW_MSG_NUMBER_BRACKETS,      /* corrected form */
    GW_MSG_NUMBER_YEAR,          /* year as written */
    GW_MSG_NUMBER_SEQUENCE,      /* corrected form */
    GW_MSG_NUMBER_SUFFIX,        /* corrected form */
    GW_MSG_NUMBER_FORM,          /* text */
    GW_MSG_NUMBER_FORM_FIX,      /* text, corrected form */
    GW_MSG_ORDER_NUMBER,         /* text */
    GW_MSG_ORDER_NUMBER_FIX,     /* text, corrected form */
    GW_MSG_BAD_DATE,             /* text */
    GW_MSG_BAD_DATE_FIX,         /* text, year, month, day, year, month, day (ints) */
    GW_MSG_UNKNOWN_KEY,          /* key, where */
    GW_MSG_UNKNOWN_KEY_SUGGEST,  /* key, where, suggestion */
    GW_MSG_EMPTY,                /* path, its Chinese name (field-names.h) */
    GW_MSG_VERSION,              /* text */
    GW_MSG_TEMPLATE_UNKNOWN,     /* name */
    GW_MSG_TEMPLATE_SUGGEST,     /* name, suggestion */
    GW_MSG_TEMPLATE_MISSING,     /* path */
    GW_MSG_COPY_NUMBER,          /* text */
    GW_MSG_CLASSIFICATION,       /* text */
    GW_MSG_URGENCY,              /* text */
    GW_MSG_REPLY_CATEGORY,       /* text */
    GW_MSG_REPLY_CATEGORY_CASE,  /* text, corrected */
    GW_MSG_DUPLICATE_KEY,        /* key, line of the first */
    GW_MSG_SEAL_MISSING,         /* path, strerror */
    GW_MSG_SEAL_NOT_PNG,         /* path */
    GW_MSG_SEAL_OPAQUE,          /* path */
    GW_MSG_SEAL_COUNT,           /* seals, issuers */
    GW_MSG_ATTENDANCE_TEMPLATE,  /* template */
    GW_MSG_PLACEHOLDER,          /* placeholder text */
    GW_MSG_HEADING_LEVEL,        /* text */
    GW_MSG_PAGE_BREAK,           /* text */
    GW_MSG_EMPHASIS_OPEN,
    GW_MSG_PRINT_BEFORE_SIGNATURE, /* print date, signature date */
    GW_MSG_NUMBERING_SKIP,       /* got, expected */
    GW_MSG_NUMBERING_FIRST,      /* got, expected */
    GW_MSG_HALF_WIDTH_PARENS,    /* as written, full-width form */
    GW_MSG_STRAY_SPACE,          /* excerpt */
    GW_MSG_ATTACHMENT_PUNCT,     /* name */
    GW_MSG_BLOCK_KIND,
    GW_MSG_BODY_FOLDED,
    GW_MSG_TOO_MANY_PAGES,       /* limit */
    GW_MSG_SEAL_TOO_BIG,         /* path, limit in MB */
    GW_MSG_SEAL_PIXELS,          /* path, width, height, limit in megapixels */
    /* the output */
    GW_MSG_CANNOT_WRITE,         /* strerror */
    GW_MSG_OVERWRITES_INPUT,
    /* fonts */
    GW_MSG_FONT_UNREADABLE,
    GW_MSG_FONT_UNUSABLE,        /* face index */
    GW_MSG_FONT_NO_GLYPHS,       /* face index */
    GW_MSG_FONT_NO_EMBEDDING,
    GW_MSG_FONT_SKIPPED,         /* why (another message, or gw_kind_name GW_KIND_UNUSABLE) */
    GW_MSG_FONT_CANDIDATE,
    GW_MSG_FONT_ROLES,
    GW_MSG_DATA_DIR,             /* the data folder */
    /* the text engine and layout */
    GW_MSG_FONT_FALLBACK,        /* code point, its length in bytes (int), its UTF-8, original
                                  * family, role, fallback family */
    GW_MSG_NO_FONT_FOR_CHAR,     /* code point, its length in bytes (int), its UTF-8 */
    GW_MSG_TEXT_NOT_UTF8,        /* byte offset (size_t) */
    GW_MSG_LATIN_TOO_WIDE,       /* length in bytes (int), the text before the break */
    GW_MSG_FONT_SUBSTITUTE,      /* original family, role, substitute family, its style */
    GW_MSG_NO_FONT_FOR_ROLE,     /* role */
    /* the PDF */
    GW_MSG_SUBSET_FAILED,
    GW_MSG_PDF_LIBRARY,          /* libharu error number (unsigned) */
    GW_MSG_PDF_PACK,             /* qpdf's message, or gw_kind_name GW_KIND_UNKNOWN_ERROR */
    /* the page layout */
    GW_MSG_TOO_WIDE,             /* field path, overflow mm, room mm */
    GW_MSG_TEMPLATE_BROKEN,      /* template name */
    GW_MSG_VERIFY_OFF_PAGE,      /* page (size_t), line text */
    GW_MSG_VERIFY_OFF_TYPE_AREA, /* page (size_t), line text */
    GW_MSG_VERIFY_NOT_JUSTIFIED, /* page (size_t), line text */
    GW_MSG_VERIFY_PROHIBITED,    /* page (size_t), line text */
    GW_MSG_VERIFY_COLOPHON_PAGE, /* page count (size_t) */
    GW_MSG_VERIFY_OVERLAP,       /* page (size_t), line text */
    GW_MSG_SEALS_TOO_WIDE,       /* seal count, overflow mm */
    GW_MSG_NOT_IN_FORMAT,        /* field path, template name */
    GW_MSG_IMAGE_UNREADABLE,     /* path, libpng's message */
    GW_MSG_IMAGE_CHANGED,        /* path, width, height, checked width, checked height */
    /* templates */
    GW_MSG_TEMPLATE_LACKS,       /* field path */
    GW_MSG_STYLE_ROLE,
    GW_MSG_STYLE_ROLE_UNKNOWN,   /* style, role, the roles of the font map */
    GW_MSG_STYLE_SIZE,
    GW_MSG_TEMPLATE_LENGTH,      /* field path */
    GW_MSG_TEMPLATE_COLOUR,
    GW_MSG_TEMPLATE_NUMBER,      /* field path */
    GW_MSG_TEMPLATE_STRING,      /* field path */
    GW_MSG_TYPE_AREA,
    /* hardening */
    GW_MSG_TOO_MANY_DIRECTIVES,  /* limit */
    GW_MSG_TOO_MANY_JOINED,      /* limit, the first code point refused */
    GW_MSG_OUTPUT_KIND,          /* what the path is (gw_kind_name) */
    GW_MSG_OUTPUT_TOO_BIG,       /* strerror */
    GW_MSG_TEXT_TOO_LONG,        /* length in bytes (size_t), limit in bytes (int) */
    GW_MSG_TEMPLATE_UNKNOWN_KEY, /* key, where */
    GW_MSG_TEMPLATE_UNKNOWN_KEY_SUGGEST, /* key, where, suggestion */
    GW_MSG_TEMPLATE_KEY_NOT_HERE, /* key, what it does not apply to ("item: rule") */
    GW_MSG_TEMPLATE_ENUM,        /* path, value, the allowed words */
    GW_MSG_TEMPLATE_ENUM_SUGGEST, /* path, value, the allowed words, suggestion */
    GW_MSG_TEMPLATE_NO_STYLE,    /* path, name */
    GW_MSG_TEMPLATE_NO_STYLE_SUGGEST, /* path, name, suggestion */
    GW_MSG_TEMPLATE_NO_RULE,     /* path, name */
    GW_MSG_TEMPLATE_NO_RULE_SUGGEST, /* path, name, suggestion */
    GW_MSG_TEMPLATE_RANGE,       /* path, value as written, low, high (texts) */
    GW_MSG_TEMPLATE_GRID_UNIT,   /* path */
    GW_MSG_TEMPLATE_CYCLE,       /* name */
    GW_MSG_TEMPLATE_TOO_DEEP,    /* limit */
    GW_MSG_TEMPLATE_NOT_REGULAR, /* path */
    GW_MSG_TEMPLATE_PLACEHOLDER, /* path, placeholder, the allowed ones */
    GW_MSG_TEMPLATE_NO_PLACEHOLDERS, /* path */
    GW_MSG_TEMPLATE_BRACE,       /* path */
    GW_MSG_TEMPLATE_PLACEHOLDER_TWICE, /* path, placeholder */
    GW_MSG_TEMPLATE_TEXT_TOO_LONG, /* path, limit in bytes */
    GW_MSG_TEMPLATE_VALUE_KIND,  /* path, expected kind (gw_kind_name) */
    GW_MSG_TEMPLATE_DUPLICATE,   /* key, line of the first */
    GW_MSG_TEMPLATE_TOO_MANY,    /* limit */
    GW_MSG_TEMPLATE_BOOL,        /* path */
    GW_MSG_TEMPLATE_REQUIRES,    /* name */
    GW_MSG_TEMPLATE_REQUIRES_SUGGEST, /* name, suggestion */
    GW_MSG_TEMPLATE_FIRST_ITEM,
    GW_MSG_TEMPLATE_NAME,        /* path, limit in bytes */
    GW_MSG_TEMPLATE_RATIO,       /* path */
    GW_MSG_TEMPLATE_EXTENDS,     /* name, strerror */
    /* title breaking: templates/title-breaks.yaml */
    GW_MSG_TB_MISSING,           /* key path */
    GW_MSG_TB_NUMBER,            /* key path, lowest (double), highest (double) */
    GW_MSG_TB_WHOLE,             /* key path, lowest (double), highest (double) */
    GW_MSG_TB_MAPPING,           /* key path */
    GW_MSG_TB_LIST,              /* key path */
    GW_MSG_TB_PHRASES,
    GW_MSG_TB_PHRASE,
    GW_MSG_TB_BOOL,
    GW_MSG_TB_PATTERN,           /* ICU's error name, character offset (int) */
    GW_MSG_TB_UNKNOWN_KEY,       /* key, where */
    GW_MSG_TB_UNKNOWN_KEY_SUGGEST, /* key, where, suggestion */
    GW_MSG_TB_PATTERN_SLOW,      /* the pattern's file, line (unsigned), column (unsigned) */
    GW_MSG_TB_EXTENDS,
    GW_MSG_TB_EXTENDS_DEEP,      /* name, depth (int) */
    GW_MSG_COUNT
} gw_msg;

typedef struct gw_message {
    const char *code;
    gw_severity severity;
    const char *en, *zh;         /* printf formats with the same arguments */
} gw_message;

const gw_message *gw_message_get(gw_msg id);

/* Adds message id, in the diagnostics' language, at loc. */
void gw_report(gw_diagnostics *diags, gw_loc loc, gw_msg id, ...);
/* The same, said once per file and key (a character), with a count. */
void gw_report_once(gw_diagnostics *diags, gw_loc loc, uint32_t key, gw_msg id, ...);
/* The ending of a message said once for several occurrences: a printf
 * format taking the count (size_t). */
const char *gw_message_times(gw_language lang);

/* Words the messages put in their arguments, in the diagnostics' language. */
typedef enum gw_kind {
    GW_KIND_TEXT, GW_KIND_LIST, GW_KIND_MAPPING, GW_KIND_TEXT_OR_LIST, GW_KIND_ISSUER,
    GW_KIND_CONTACT, GW_KIND_BODY_ITEM, GW_KIND_KEY, GW_KIND_DOCUMENT, GW_KIND_UNUSABLE,
    GW_KIND_UNKNOWN_ERROR,
    GW_KIND_DIRECTORY, GW_KIND_SOCKET, GW_KIND_BLOCK_DEVICE, GW_KIND_OTHER_FILE,
    GW_KIND_COUNT
} gw_kind;
const char *gw_kind_name(const gw_diagnostics *diags, gw_kind kind);
#endif
