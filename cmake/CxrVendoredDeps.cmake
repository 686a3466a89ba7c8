# The LibTorch-only build on a machine without Debian's -dev packages (a GPU server with a
# CUDA LibTorch from pip): the same imported targets as the system packages give, made from
# the folder scripts/vendor-for-gpu fills. spdlog and fmt are used header-only there.
set(_vd "${CXR_VENDORED_DEPS}")
if(NOT EXISTS "${_vd}/include/nlohmann/json.hpp")
  message(FATAL_ERROR "CXR_VENDORED_DEPS=${_vd} has no include/nlohmann/json.hpp: "
                      "fill it with scripts/vendor-for-gpu on a machine that has the packages")
endif()
message(STATUS "Using vendored nlohmann-json, spdlog, fmt, GoogleTest and OpenSSL from ${_vd}")

add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
set_target_properties(nlohmann_json::nlohmann_json PROPERTIES
  INTERFACE_INCLUDE_DIRECTORIES "${_vd}/include")

# Debian's spdlog is configured for an external fmt (tweakme.h); both header-only here.
add_library(spdlog::spdlog INTERFACE IMPORTED)
set_target_properties(spdlog::spdlog PROPERTIES
  INTERFACE_INCLUDE_DIRECTORIES "${_vd}/include"
  INTERFACE_COMPILE_DEFINITIONS "SPDLOG_FMT_EXTERNAL;FMT_HEADER_ONLY")

# OpenSSL headers from the folder; the library from the machine when it has one (the runtime
# package is nearly always there), else the copy in the folder.
find_library(CXR_LIBCRYPTO NAMES libcrypto.so.3 crypto)
if(NOT CXR_LIBCRYPTO)
  set(CXR_LIBCRYPTO "${_vd}/lib/libcrypto.so.3" CACHE FILEPATH "libcrypto used by SHA-256" FORCE)
  message(STATUS "No libcrypto on this machine: using ${CXR_LIBCRYPTO}")
endif()
add_library(OpenSSL::Crypto SHARED IMPORTED)
set_target_properties(OpenSSL::Crypto PROPERTIES
  IMPORTED_LOCATION "${CXR_LIBCRYPTO}"
  INTERFACE_INCLUDE_DIRECTORIES "${_vd}/include")

# GoogleTest from source, as GTest::gtest / GTest::gtest_main like FindGTest gives.
macro(cxr_add_vendored_gtest)
  set(INSTALL_GTEST OFF CACHE BOOL "" FORCE)
  add_subdirectory("${CXR_VENDORED_DEPS}/googletest" "${CMAKE_BINARY_DIR}/_deps/googletest" EXCLUDE_FROM_ALL)
  if(NOT TARGET GTest::gtest)  # GoogleTest >= 1.11 makes these aliases itself
    add_library(GTest::gtest ALIAS gtest)
    add_library(GTest::gtest_main ALIAS gtest_main)
  endif()
endmacro()
unset(_vd)
