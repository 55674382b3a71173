# Debian packages with CPack (packaging/build-deb runs it):
#   gongwen          the program, its data, man page, completion, documents
#   libgongwen0      the shared library (soname libgongwen.so.0)
#   libgongwen-dev   header, static library, .so link, libgongwen.pc
# Library dependencies are computed by dpkg-shlibdeps from what the files
# link; the font packages the font map names are added by hand.
set(GW_PACKAGE_MAINTAINER "gongwen maintainers <gongwen@localhost>" CACHE STRING
    "Maintainer field of the Debian packages (an office packaging gongwen sets its own)")

set(CPACK_PACKAGE_NAME gongwen)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${GW_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Chinese official documents (公文) from YAML to PDF after GB/T 9704-2012")
set(CPACK_PACKAGE_DESCRIPTION
"gongwen turns a short YAML description of a Chinese official document
(above all replies to NPC suggestions and CPPCC proposals) into a
print-ready PDF laid out after GB/T 9704-2012, every font embedded as a
subset.  The office's own fonts (仿宋_GB2312, 方正小标宋简体, ...) are used
when installed; open fonts substitute otherwise.")
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL program library development)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

set(CPACK_DEBIAN_PROGRAM_PACKAGE_NAME gongwen)
# The open fonts of fonts/fonts.yaml that Debian ships as font packages.
# The Fandol fonts are not one: texlive-lang-chinese carries them (used in
# place when installed), or gongwen-fetch-fonts extracts them from its .deb
# without installing TeX; without them the Noto fonts serve those roles.
set(CPACK_DEBIAN_PROGRAM_PACKAGE_DEPENDS "fonts-noto-cjk, fonts-liberation2, fonts-hanazono")
set(CPACK_DEBIAN_PROGRAM_PACKAGE_SUGGESTS "texlive-lang-chinese")
set(CPACK_DEBIAN_PROGRAM_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION_SUMMARY}\n${CPACK_PACKAGE_DESCRIPTION}")

set(CPACK_DEBIAN_LIBRARY_PACKAGE_NAME libgongwen${PROJECT_VERSION_MAJOR})
set(CPACK_DEBIAN_LIBRARY_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_LIBRARY_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_LIBRARY_PACKAGE_DEPENDS "gongwen (= ${PROJECT_VERSION})")
set(CPACK_DEBIAN_LIBRARY_DESCRIPTION "gongwen's C library\n The library behind the gongwen program: documents to PDF in memory or to files.\n It uses the data folder (templates, font map) of the gongwen package.")

set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME libgongwen-dev)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS
    "libgongwen${PROJECT_VERSION_MAJOR} (= ${PROJECT_VERSION}), libharfbuzz-dev, libfreetype-dev, libfontconfig-dev, libyaml-dev, zlib1g-dev, libqpdf-dev, libicu-dev, libhpdf-dev")
set(CPACK_DEBIAN_DEVELOPMENT_DESCRIPTION "gongwen's C library: development files\n The header gongwen.h, the static library and libgongwen.pc for pkg-config.")

include(CPack)
