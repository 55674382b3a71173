# Writes OUT (a C file) with the "what to do" column of docs/diagnostics.md
# for each code: run as cmake -DIN=... -DOUT=... -P hints.cmake.
# CMake lists treat [ ] and ; specially: they are escaped before the text is
# cut into lines, and put back in each hint.
file(READ "${IN}" text)
string(REPLACE "[" "@LB@" text "${text}")
string(REPLACE "]" "@RB@" text "${text}")
string(REPLACE ";" "@SC@" text "${text}")
string(REPLACE "\n" ";" rows "${text}")
set(body "")
foreach(row IN LISTS rows)
  if(NOT row MATCHES "^\\| [EW][0-9][0-9][0-9][0-9] \\|")
    continue()
  endif()
  string(REGEX MATCH "^\\| ([EW][0-9]+) \\|[^|]*\\|[^|]*\\|(.*)\\|[ ]*$" _ "${row}")
  set(code "${CMAKE_MATCH_1}")
  string(STRIP "${CMAKE_MATCH_2}" hint)
  string(REPLACE "`" "" hint "${hint}")
  string(REPLACE "@LB@" "[" hint "${hint}")
  string(REPLACE "@RB@" "]" hint "${hint}")
  string(REPLACE "@SC@" ";" hint "${hint}")
  string(REPLACE "\\" "\\\\" hint "${hint}")
  string(REPLACE "\"" "\\\"" hint "${hint}")
  if(code AND NOT hint STREQUAL "")
    string(APPEND body "    { \"${code}\", \"${hint}\" },\n")
  endif()
endforeach()
file(WRITE "${OUT}.tmp" "/* Generated from docs/diagnostics.md by cmake/hints.cmake: do not edit. */
#include \"cli/hints.h\"
#include <string.h>

static const struct { const char *code, *hint; } hints[] = {
${body}};

const char *cli_hint(const char *code, gw_language lang)
{
    if (lang != GW_LANG_EN) return NULL;
    for (size_t i = 0; i < sizeof hints / sizeof *hints; i++)
        if (strcmp(hints[i].code, code) == 0) return hints[i].hint;
    return NULL;
}
")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
file(REMOVE "${OUT}.tmp")
