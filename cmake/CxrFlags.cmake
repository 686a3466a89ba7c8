# Shared warnings and definitions: one INTERFACE target every project target links PRIVATE.
add_library(cxr_flags INTERFACE)
target_compile_options(cxr_flags INTERFACE -Wall -Wextra -Wpedantic -Wno-unused-parameter)
# LibTorch headers define c10::ivalue::Object::slots(); Qt's `slots` macro would break them.
target_compile_definitions(cxr_flags INTERFACE QT_NO_KEYWORDS
  CXR_VERSION="${PROJECT_VERSION}")

