#include "util/profile.h"
#include <stdatomic.h>
#include <time.h>

static _Atomic(uint64_t) totals[GW_STAGE_COUNT];
static atomic_int enabled;

void gw_profile_enable(int on) { atomic_store(&enabled, on); }

uint64_t gw_profile_clock(void)
{
    if (!atomic_load_explicit(&enabled, memory_order_relaxed)) return 0;
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

void gw_profile_add(gw_stage stage, uint64_t ns)
{
    atomic_fetch_add_explicit(&totals[stage], ns, memory_order_relaxed);
}

uint64_t gw_profile_since(gw_stage stage, uint64_t since)
{
    uint64_t now = gw_profile_clock();
    if (now) gw_profile_add(stage, now - since);
    return now;
}

static uint64_t recorded(gw_stage stage) { return atomic_load_explicit(&totals[stage], memory_order_relaxed); }

/* LAYOUT and PDF are timed as a whole (engine.c); the stages inside them
 * (shaping; subsetting, compressing, packing) are taken out here. */
uint64_t gw_profile_total(gw_stage stage)
{
    uint64_t t = recorded(stage), inner = 0;
    if (stage == GW_STAGE_LAYOUT) inner = recorded(GW_STAGE_SHAPE);
    if (stage == GW_STAGE_PDF) inner = recorded(GW_STAGE_SUBSET) + recorded(GW_STAGE_COMPRESS) + recorded(GW_STAGE_PACK);
    return t > inner ? t - inner : 0;
}

const char *gw_profile_stage_name(gw_stage stage)
{
    static const char *const names[GW_STAGE_COUNT] = { "load+validate", "shape", "break+paginate", "subset",
                                                       "compress", "pdf objects", "pack (qpdf)", "write file" };
    return names[stage];
}
