/* What the program's commands see of an engine beyond the public API. */
#ifndef GW_RENDER_ENGINE_INTERNAL_H
#define GW_RENDER_ENGINE_INTERNAL_H
#include "gongwen.h"
#include "fonts/fontset.h"

const gw_fontset *gw_engine_fontset(const gw_engine *engine);
const char       *gw_engine_data_dir(const gw_engine *engine);
/* How the data folder was found: "from GONGWEN_DATA_DIR", "beside the program", ... */
const char       *gw_engine_data_dir_source(const gw_engine *engine);
/* How the data folder was found: "from GONGWEN_DATA_DIR", "beside the program", ... */
const char       *gw_engine_data_dir_source(const gw_engine *engine);
#endif
