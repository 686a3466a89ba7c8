# ccache when present: LibTorch translation units take ~15 s each, so rebuilds must hit the cache.
find_program(CXR_CCACHE ccache)
if(CXR_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CXR_CCACHE})
endif()
