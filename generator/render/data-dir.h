/* Where gongwen's data folder (templates/, fonts/fonts.yaml) is. */
#ifndef GW_RENDER_DATA_DIR_H
#define GW_RENDER_DATA_DIR_H

/* How the data folder was found, for `gongwen --version`. */
typedef enum gw_data_dir_source {
    GW_DATA_DIR_GIVEN,        /* gw_engine_options.data_dir */
    GW_DATA_DIR_ENV,          /* $GONGWEN_DATA_DIR */
    GW_DATA_DIR_BESIDE_PROGRAM, /* <program's folder>/GW_DATA_RELDIR: an installed gongwen */
    GW_DATA_DIR_BUILT_IN      /* GW_DATA_DIR, fixed when building (the source tree) */
} gw_data_dir_source;

/* The data folder (malloc'ed): given when not NULL, else $GONGWEN_DATA_DIR,
 * else the installed layout relative to the running program when it holds
 * fonts/fonts.yaml, else the folder fixed at build time.  *source says which. */
char *gw_data_dir_find(const char *given, gw_data_dir_source *source);

/* "GONGWEN_DATA_DIR", "beside the program", ... in English. */
const char *gw_data_dir_source_name(gw_data_dir_source source);
#endif
