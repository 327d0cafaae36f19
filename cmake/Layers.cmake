# The library's layers as build targets.
#
# stet_subsystem(NAME USES <lower subsystems> PUBLIC_HEADERS <include/stet headers>
#                SOURCES <files> LINKS <libraries>)
# makes the OBJECT library stet_NAME. It compiles with one include folder of
# its own, ${STET_VIEWS_DIR}/NAME, which holds symbolic links to what the
# subsystem may include and nothing else:
#   stet/<header>  the public headers of NAME and of every subsystem in USES
#   <subsystem>/   src/<subsystem>/ of NAME and of every subsystem in USES
# so `#include "web/html_document.h"` or `#include "stet/extract.h"` in a
# file of store cannot be found. (A file's own folder is searched first for
# quoted includes; "../" out of it is refused by tests/layering.)
#
# Every public header belongs to exactly one subsystem:
# stet_check_public_headers() fails the configuration otherwise, so a new
# header cannot slip past the rule.

set(STET_VIEWS_DIR "${CMAKE_BINARY_DIR}/layer-views")
file(REMOVE_RECURSE "${STET_VIEWS_DIR}")
set_property(GLOBAL PROPERTY STET_SUBSYSTEMS "")

function(stet_subsystem name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "" "USES;PUBLIC_HEADERS;SOURCES;LINKS")
  set_property(GLOBAL PROPERTY STET_PUBLIC_HEADERS_${name} "${ARG_PUBLIC_HEADERS}")
  set_property(GLOBAL PROPERTY STET_USES_${name} "${ARG_USES}")
  set_property(GLOBAL PROPERTY STET_LINKS_${name} "${ARG_LINKS}")
  set_property(GLOBAL APPEND PROPERTY STET_SUBSYSTEMS ${name})

  set(view "${STET_VIEWS_DIR}/${name}")
  file(MAKE_DIRECTORY "${view}/stet")
  foreach(visible IN LISTS ARG_USES name)
    get_property(known GLOBAL PROPERTY STET_SUBSYSTEMS)
    if(NOT visible IN_LIST known)
      message(FATAL_ERROR "subsystem ${name} uses ${visible}, which is not defined before it")
    endif()
    file(CREATE_LINK "${PROJECT_SOURCE_DIR}/src/${visible}" "${view}/${visible}" SYMBOLIC)
    get_property(headers GLOBAL PROPERTY STET_PUBLIC_HEADERS_${visible})
    foreach(header IN LISTS headers)
      if(NOT EXISTS "${PROJECT_SOURCE_DIR}/include/stet/${header}")
        message(FATAL_ERROR "subsystem ${visible}: no include/stet/${header}")
      endif()
      file(CREATE_LINK "${PROJECT_SOURCE_DIR}/include/stet/${header}" "${view}/stet/${header}"
           SYMBOLIC)
    endforeach()
  endforeach()

  # The one way around the view: a quoted include relative to the file.
  file(GLOB_RECURSE own_files "${PROJECT_SOURCE_DIR}/src/${name}/*")
  foreach(file IN LISTS own_files)
    file(STRINGS "${file}" escapes REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<][^\">]*\\.\\./")
    if(escapes)
      message(FATAL_ERROR "${file}: includes through '..' (${escapes}); name the header as "
                          "<subsystem>/<header>.h so the layer rule can check it")
    endif()
  endforeach()

  add_library(stet_${name} OBJECT ${ARG_SOURCES})
  target_include_directories(stet_${name} PRIVATE "${view}")
  target_compile_options(stet_${name} PRIVATE ${STET_WARNINGS})
  target_link_libraries(stet_${name} PRIVATE ${ARG_LINKS})
endfunction()

# Fails the configuration when a header in include/stet/ belongs to no
# subsystem or to two.
function(stet_check_public_headers)
  file(GLOB present RELATIVE "${PROJECT_SOURCE_DIR}/include/stet" "${PROJECT_SOURCE_DIR}/include/stet/*.h")
  get_property(subsystems GLOBAL PROPERTY STET_SUBSYSTEMS)
  foreach(header IN LISTS present)
    set(owners "")
    foreach(subsystem IN LISTS subsystems)
      get_property(headers GLOBAL PROPERTY STET_PUBLIC_HEADERS_${subsystem})
      if(header IN_LIST headers)
        list(APPEND owners ${subsystem})
      endif()
    endforeach()
    list(LENGTH owners count)
    if(NOT count EQUAL 1)
      message(FATAL_ERROR "include/stet/${header} must belong to exactly one subsystem "
                          "(PUBLIC_HEADERS in CMakeLists.txt); it belongs to: '${owners}'")
    endif()
  endforeach()
endfunction()

# Tests that the rule holds, one build of a probe file each (called from
# tests/CMakeLists.txt):
# - layering_<name>_sees_<other>: a file of <name> that includes every
#   header, public and private, of a subsystem it uses (or of itself) builds;
# - layering_<name>_cannot_include_<other> and ..._public: a file of <name>
#   that includes a private (or a public) header of a subsystem it does not
#   use fails to build, because the header cannot be found.
# The probes compile exactly as the subsystem's own files do (its view, its
# libraries), as targets left out of `all` that the test builds.
function(stet_layering_probe name probe expected_error)
  set(source "// A file of the ${name} subsystem.\n")
  foreach(header IN LISTS ARGN)
    string(APPEND source "#include \"${header}\"\n")
  endforeach()
  set(file "${CMAKE_CURRENT_BINARY_DIR}/layering/${probe}.cpp")
  file(WRITE "${file}" "${source}")
  get_property(links GLOBAL PROPERTY STET_LINKS_${name})
  add_library(layering_${probe} OBJECT EXCLUDE_FROM_ALL "${file}")
  target_include_directories(layering_${probe} PRIVATE "${STET_VIEWS_DIR}/${name}")
  target_compile_options(layering_${probe} PRIVATE ${STET_WARNINGS})
  target_link_libraries(layering_${probe} PRIVATE ${links})
  add_test(NAME layering_${probe}
           COMMAND ${CMAKE_COMMAND} --build ${CMAKE_BINARY_DIR} --target layering_${probe})
  # The builds share the build tree's bookkeeping: one at a time.
  set_tests_properties(layering_${probe} PROPERTIES RESOURCE_LOCK build_tree)
  if(expected_error)
    # A failure for any other reason would not show the rule.
    set_tests_properties(layering_${probe} PROPERTIES PASS_REGULAR_EXPRESSION "${expected_error}")
  endif()
endfunction()

function(stet_layering_tests)
  get_property(subsystems GLOBAL PROPERTY STET_SUBSYSTEMS)
  foreach(name IN LISTS subsystems)
    get_property(uses GLOBAL PROPERTY STET_USES_${name})
    foreach(other IN LISTS subsystems)
      file(GLOB private RELATIVE "${PROJECT_SOURCE_DIR}/src" "${PROJECT_SOURCE_DIR}/src/${other}/*.h")
      get_property(public GLOBAL PROPERTY STET_PUBLIC_HEADERS_${other})
      list(TRANSFORM public PREPEND "stet/")
      if(other STREQUAL name OR other IN_LIST uses)
        stet_layering_probe(${name} ${name}_sees_${other} "" ${private} ${public})
      else()
        list(GET private 0 one_private)
        list(GET public 0 one_public)
        stet_layering_probe(${name} ${name}_cannot_include_${other}
                            "${one_private}: No such file or directory" ${one_private})
        stet_layering_probe(${name} ${name}_cannot_include_${other}_public
                            "${one_public}: No such file or directory" ${one_public})
      endif()
    endforeach()
  endforeach()
endfunction()
