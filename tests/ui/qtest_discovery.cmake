# Script mode (cmake -P), run after each Qt Test executable is linked: asks the executable for
# its test functions (`-functions`) and writes one add_test per function into OUT, which CTest
# reads through the directory's TEST_INCLUDE_FILES. So every private slot the test class has
# runs, in its own process, without being listed by hand.
#   -D EXE=<test executable> -D TARGET=<name> -D OUT=<file> -D TIMEOUT=<s> -D LONG=<fn=s,fn=s>
cmake_minimum_required(VERSION 3.25)  # script mode: the project's policies (IN_LIST)
set(ENV{QT_QPA_PLATFORM} offscreen)
string(REPLACE "," ";" LONG "${LONG}")
execute_process(COMMAND "${EXE}" -functions
  RESULT_VARIABLE rc OUTPUT_VARIABLE listing ERROR_VARIABLE err TIMEOUT 60)
if(NOT rc EQUAL 0)
  file(REMOVE "${OUT}")
  message(FATAL_ERROR "${TARGET} -functions failed (${rc}): ${err}")
endif()
string(REPLACE "\n" ";" lines "${listing}")
set(script "# Written by qtest_discovery.cmake from `${TARGET} -functions`; do not edit.\n")
set(found "")
foreach(line IN LISTS lines)
  if(line MATCHES "^([A-Za-z_][A-Za-z0-9_]*)\\(\\)$")
    list(APPEND found "${CMAKE_MATCH_1}")
  endif()
endforeach()
if(NOT found)
  file(REMOVE "${OUT}")
  message(FATAL_ERROR "${TARGET} -functions listed no test functions:\n${listing}")
endif()
foreach(fn IN LISTS found)
  set(timeout "${TIMEOUT}")
  foreach(pair IN LISTS LONG)
    if(pair MATCHES "^${fn}=([0-9]+)$")
      set(timeout "${CMAKE_MATCH_1}")
    endif()
  endforeach()
  string(APPEND script "add_test([=[${TARGET}.${fn}]=] [==[${EXE}]==] ${fn})\n"
    "set_tests_properties([=[${TARGET}.${fn}]=] PROPERTIES ENVIRONMENT QT_QPA_PLATFORM=offscreen LABELS ui TIMEOUT ${timeout})\n")
endforeach()
# A function named in LONG that no longer exists is a stale setting, not silently ignored.
foreach(pair IN LISTS LONG)
  string(REGEX REPLACE "=.*" "" name "${pair}")
  if(NOT name IN_LIST found)
    message(FATAL_ERROR "${TARGET}: a timeout is set for ${name}, which is not a test function")
  endif()
endforeach()
file(WRITE "${OUT}" "${script}")
