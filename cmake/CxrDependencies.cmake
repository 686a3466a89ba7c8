# Every dependency comes from Debian 12 packages (scripts/install-deps installs them).
find_package(Threads REQUIRED)
# A GPU server without Debian's -dev packages: -DCXR_VENDORED_DEPS=<folder from scripts/vendor-for-gpu>.
set(CXR_VENDORED_DEPS "" CACHE PATH "Folder from scripts/vendor-for-gpu replacing the system's json/spdlog/fmt/GTest/OpenSSL")
if(CXR_VENDORED_DEPS)
  include(CxrVendoredDeps)
else()
  find_package(nlohmann_json 3 REQUIRED)
  find_package(spdlog REQUIRED)
  find_package(OpenSSL REQUIRED COMPONENTS Crypto)
endif()

# LibTorch: Debian's 1.13 CPU build here, or a CUDA 2.x build on a GPU server
# (-DCMAKE_PREFIX_PATH=$(python3 -c 'import torch;print(torch.utils.cmake_prefix_path)')).
# When a pip LibTorch's own CMake config cannot find its CUDA toolkit pieces, CXR_TORCH_DIRECT=
# <site-packages/torch> links its libraries directly instead (cmake/CxrTorchDirect.cmake).
set(CXR_TORCH_DIRECT "" CACHE PATH "A Python torch package folder to link directly, bypassing TorchConfig")
if(CXR_TORCH_DIRECT)
  include(CxrTorchDirect)
else()
  find_package(Torch REQUIRED)
endif()
# TorchConfig puts its ABI flag into CMAKE_CXX_FLAGS; every target must agree on it.
set(CMAKE_CXX_FLAGS "${CMAKE_CXX_FLAGS} ${TORCH_CXX_FLAGS}")

if(CXR_BUILD_IMAGING)
  find_package(CLI11 REQUIRED)
  find_package(OpenCV 4 REQUIRED COMPONENTS core imgproc imgcodecs)
  find_package(DCMTK REQUIRED)
  find_package(GDCM REQUIRED)
  # The review records (core/records); SQLiteCpp's config finds SQLite3 itself.
  find_package(SQLiteCpp REQUIRED)
endif()

if(CXR_BUILD_GUI)
  find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets Charts Concurrent PrintSupport Svg Test LinguistTools)
endif()

if(CXR_BUILD_TESTS)
  if(CXR_VENDORED_DEPS)
    cxr_add_vendored_gtest()  # after the LibTorch flags, so GoogleTest shares their ABI
  else()
    find_package(GTest REQUIRED)
  endif()
  include(GoogleTest)
  # The Python reference (parity tests) is Debian's interpreter with python3-torch, not a pyenv one.
  find_program(CXR_PYTHON3 NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
endif()
