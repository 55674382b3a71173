#include "render/versions.h"
#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <harfbuzz/hb.h>
#include <hpdf.h>
#include <qpdf/qpdf-c.h>
#include <unicode/uversion.h>
#include <yaml.h>

static void freetype_version(gw_buf *out)
{
    FT_Library ft;
    FT_Int major = 0, minor = 0, patch = 0;
    if (FT_Init_FreeType(&ft) != 0) { gw_buf_puts(out, "FreeType ?"); return; }
    FT_Library_Version(ft, &major, &minor, &patch);
    FT_Done_FreeType(ft);
    gw_buf_printf(out, "FreeType %d.%d.%d", major, minor, patch);
}

void gw_runtime_versions(gw_buf *out)
{
    int fc = FcGetVersion();                       /* 21401 is 2.14.1 */
    UVersionInfo icu;
    char icu_text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(icu);
    u_versionToString(icu, icu_text);
    gw_buf_printf(out, "HarfBuzz %s, ", hb_version_string());
    freetype_version(out);
    gw_buf_printf(out, ", libharu %s, libyaml %s, fontconfig %d.%d.%d, libqpdf %s, ICU %s",
                  HPDF_GetVersion(), yaml_get_version_string(), fc / 10000, fc / 100 % 100, fc % 100,
                  qpdf_get_qpdf_version(), icu_text);
}
