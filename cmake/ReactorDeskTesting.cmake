# rd_add_test(<name> SOURCES <files...> LIBS <targets...> [LABELS <labels...>] [TIMEOUT <s>])
# One Qt Test executable = one CTest test. Tests run without a display (offscreen) unless labelled "xvfb".
# Each test gets its own XDG data/config/cache folders in the build tree, so user stores, settings, anchor
# keys and caches never touch the real home folder and parallel tests never share them.
function(rd_add_test name)
  cmake_parse_arguments(T "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test ${T_LIBS})
  target_compile_definitions(${name} PRIVATE
    RD_BINARY_DIR="${PROJECT_BINARY_DIR}" RD_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    RD_SIM_PATH="$<TARGET_FILE:reactordesk-sim>" RD_CLI_PATH="$<TARGET_FILE:reactordesk-cli>")
  add_dependencies(${name} reactordesk-sim reactordesk-cli)
  add_test(NAME ${name} COMMAND ${name})
  # Everything under tests/gui is a widget test, whatever its other labels: `ctest -L gui` runs them all.
  if(CMAKE_CURRENT_SOURCE_DIR MATCHES "/tests/gui/")
    list(APPEND T_LABELS gui)
    list(REMOVE_DUPLICATES T_LABELS)
  endif()
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 120)
  endif()
  set(home ${PROJECT_BINARY_DIR}/test-home/${name})
  set_tests_properties(${name} PROPERTIES TIMEOUT ${T_TIMEOUT} LABELS "${T_LABELS}"
                       ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=*.debug=false;XDG_DATA_HOME=${home}/data;XDG_CONFIG_HOME=${home}/config;XDG_CACHE_HOME=${home}/cache")
endfunction()
