# CTest helper: runs PROGRAM with ARGS ('|'-separated) and passes only when it refuses them the
# way a command line should: exit status 2, a message matching EXPECT, and nothing measured.
#   cmake -DPROGRAM=<exe> -DARGS=<a|b> -DEXPECT=<regex> -P expect_refusal.cmake
string(REPLACE "|" ";" args "${ARGS}")
execute_process(COMMAND "${PROGRAM}" ${args} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
                TIMEOUT 60)
set(text "${out}${err}")
if(NOT rc STREQUAL "2")
  message(FATAL_ERROR "${PROGRAM} ${args}: expected exit status 2, got '${rc}'; output:\n${text}")
endif()
if(NOT text MATCHES "${EXPECT}")
  message(FATAL_ERROR "${PROGRAM} ${args}: the message does not match '${EXPECT}':\n${text}")
endif()
if(out MATCHES "median|ms ")
  message(FATAL_ERROR "${PROGRAM} ${args}: measured before refusing:\n${out}")
endif()
message(STATUS "refused as expected: ${text}")
