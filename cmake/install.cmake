# Installing (cmake --install) and packaging (CPack DEB, see packaging/).
#
#   PREFIX/bin/gongwen, PREFIX/bin/gongwen-fetch-fonts
#   PREFIX/share/gongwen/{templates,fonts}/     the data folder; the program
#                                               finds it from its own place
#   PREFIX/lib/<multiarch>/libgongwen.{a,so.0}, include/gongwen.h,
#   lib/<multiarch>/pkgconfig/libgongwen.pc
#   PREFIX/share/man/man1/gongwen.1.gz, share/bash-completion/completions/gongwen
#   PREFIX/share/doc/gongwen/
include(GNUInstallDirs)

# The data folder relative to the program (bin/ -> ../share/gongwen), so an
# installed tree can be moved or installed under any prefix.
file(RELATIVE_PATH GW_DATA_RELDIR "${CMAKE_INSTALL_FULL_BINDIR}"
     "${CMAKE_INSTALL_FULL_DATADIR}/gongwen")
target_compile_definitions(gongwen_lib PRIVATE GW_DATA_RELDIR="${GW_DATA_RELDIR}")

# The shared library is made of the static library's objects (compiled
# once, position-independent); it exports only the public API.
set_target_properties(gongwen_lib PROPERTIES POSITION_INDEPENDENT_CODE ON)
add_library(gongwen_shared SHARED $<TARGET_OBJECTS:gongwen_lib>)
set_target_properties(gongwen_shared PROPERTIES
  OUTPUT_NAME gongwen VERSION ${PROJECT_VERSION} SOVERSION ${PROJECT_VERSION_MAJOR}
  LINK_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/libgongwen.map)
target_link_options(gongwen_shared PRIVATE
  "LINKER:--version-script=${CMAKE_CURRENT_LIST_DIR}/libgongwen.map" "LINKER:--no-undefined")
target_link_libraries(gongwen_shared PRIVATE $<TARGET_PROPERTY:gongwen_lib,LINK_LIBRARIES>)
target_include_directories(gongwen_shared PUBLIC
  $<BUILD_INTERFACE:${CMAKE_SOURCE_DIR}/generator/include> $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)

# pkg-config file, relative to its own folder (cmake --install --prefix may
# choose another prefix than the configured one).
file(RELATIVE_PATH GW_PC_TO_PREFIX "${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig" "${CMAKE_INSTALL_PREFIX}")
configure_file(${CMAKE_CURRENT_LIST_DIR}/libgongwen.pc.in ${CMAKE_BINARY_DIR}/libgongwen.pc @ONLY)

# The man page, compressed as Debian ships them (gzip -n: no name or time,
# so the package is reproducible).
find_program(GW_GZIP gzip REQUIRED)
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/gongwen.1.gz
  COMMAND ${GW_GZIP} -9nc ${CMAKE_SOURCE_DIR}/docs/gongwen.1 > ${CMAKE_BINARY_DIR}/gongwen.1.gz
  DEPENDS ${CMAKE_SOURCE_DIR}/docs/gongwen.1 VERBATIM)
add_custom_target(gongwen_man ALL DEPENDS ${CMAKE_BINARY_DIR}/gongwen.1.gz)

install(TARGETS gongwen RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT program)
install(PROGRAMS scripts/fetch-fonts DESTINATION ${CMAKE_INSTALL_BINDIR}
        RENAME gongwen-fetch-fonts COMPONENT program)
install(DIRECTORY templates/ DESTINATION ${CMAKE_INSTALL_DATADIR}/gongwen/templates
        COMPONENT program FILES_MATCHING PATTERN "*.yaml")
install(FILES fonts/fonts.yaml fonts/fandol.sha256
        DESTINATION ${CMAKE_INSTALL_DATADIR}/gongwen/fonts COMPONENT program)
install(FILES ${CMAKE_BINARY_DIR}/gongwen.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT program)
install(FILES completion/gongwen.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME gongwen COMPONENT program)
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT program)
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT program
        FILES_MATCHING PATTERN "*.md" PATTERN "*.json")
install(FILES fonts/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME fonts.md COMPONENT program)
install(DIRECTORY examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples COMPONENT program
        FILES_MATCHING PATTERN "*.yaml" PATTERN "*.png" PATTERN "*.md")

install(TARGETS gongwen_shared
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT library NAMELINK_COMPONENT development)
install(TARGETS gongwen_lib ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development)
install(FILES generator/include/gongwen.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT development)
install(FILES ${CMAKE_BINARY_DIR}/libgongwen.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
        COMPONENT development)

include(${CMAKE_CURRENT_LIST_DIR}/package.cmake)

# The hints of `--format json` come from the table of docs/diagnostics.md.
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/generated/cli-hints.c
  COMMAND ${CMAKE_COMMAND} -DIN=${CMAKE_SOURCE_DIR}/docs/diagnostics.md
          -DOUT=${CMAKE_BINARY_DIR}/generated/cli-hints.c -P ${CMAKE_CURRENT_LIST_DIR}/hints.cmake
  DEPENDS ${CMAKE_SOURCE_DIR}/docs/diagnostics.md ${CMAKE_CURRENT_LIST_DIR}/hints.cmake VERBATIM)
target_sources(gongwen PRIVATE ${CMAKE_BINARY_DIR}/generated/cli-hints.c)
