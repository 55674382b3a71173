/* Replays saved inputs through a fuzz target's LLVMFuzzerTestOneInput,
 * without libFuzzer: every finding of the fuzzers stays a regression test.
 *   run-fuzz-inputs DIR...   (each regular file in each DIR is one input) */
#include "check.h"
#include <dirent.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return;
    unsigned char *buf = malloc(1 << 20);
    size_t n = fread(buf, 1, 1 << 20, f);
    fclose(f);
    CHECK(LLVMFuzzerTestOneInput(buf, n) == 0);     /* a crash or abort fails the test */
    free(buf);
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        DIR *d = opendir(argv[i]);
        CHECK_MSG(d != NULL, "no folder %s", argv[i]);
        if (!d) continue;
        for (struct dirent *e; (e = readdir(d));) {
            if (e->d_name[0] == '.') continue;
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
            run_file(path);
        }
        closedir(d);
    }
    return check_summary();
}
