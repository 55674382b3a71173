/* A minimal test harness: CHECK records a failure and goes on; each test
 * program ends with check_summary(), which prints "N passed, N failed" and
 * gives the exit status. */
#ifndef GW_TEST_CHECK_H
#define GW_TEST_CHECK_H
#include <stdio.h>

extern int check_passed, check_failed;

#define CHECK(cond)                                                                 \
    do {                                                                            \
        if (cond) check_passed++;                                                   \
        else { check_failed++; fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); } \
    } while (0)

#define CHECK_MSG(cond, ...)                                                        \
    do {                                                                            \
        if (cond) check_passed++;                                                   \
        else { check_failed++; fprintf(stderr, "%s:%d: CHECK failed: %s: ", __FILE__, __LINE__, #cond); \
               fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); }                 \
    } while (0)

/* Path of a file in the source tree ($GW_SOURCE_DIR/rel); static buffer. */
const char *source_path(const char *rel);
/* Where scripts/setup put a fetched font (FandolFang-Regular.otf ...): the
 * font folders gongwen itself searches (fonts/font-dirs.h). */
const char *fetched_font(const char *name);
int check_summary(void);
#endif
