# rd_add_test(<name> SOURCES <files...> LIBS <targets...> [LABELS <labels...>] [TIMEOUT <s>])
# One Qt Test executable = one CTest test. Tests run without a display (offscreen) unless labelled "xvfb".
function(rd_add_test name)
  cmake_parse_arguments(T "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test ${T_LIBS})
  target_compile_definitions(${name} PRIVATE
    RD_BINARY_DIR="${PROJECT_BINARY_DIR}" RD_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    RD_SIM_PATH="$<TARGET_FILE:reactordesk-sim>" RD_CLI_PATH="$<TARGET_FILE:reactordesk-cli>")
  add_dependencies(${name} reactordesk-sim reactordesk-cli)
  add_test(NAME ${name} COMMAND ${name})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 120)
  endif()
  set_tests_properties(${name} PROPERTIES TIMEOUT ${T_TIMEOUT} LABELS "${T_LABELS}"
                       ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=*.debug=false")
endfunction()
