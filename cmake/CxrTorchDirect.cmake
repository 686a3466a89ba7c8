# Links a pip-installed torch package's LibTorch without its TorchConfig.cmake, whose CUDA
# part needs a complete CUDA toolkit (nvcc, NVTX, cuDNN headers) that a GPU server's Python
# environment may lack: our code includes no CUDA headers, so the shared libraries suffice.
# -DCXR_TORCH_DIRECT=<.../site-packages/torch> [-DCXR_TORCH_CXX11_ABI=0|1]
set(_td "${CXR_TORCH_DIRECT}")
if(NOT EXISTS "${_td}/include/torch/csrc/api/include/torch/torch.h")
  message(FATAL_ERROR "CXR_TORCH_DIRECT=${_td} is not a torch package folder with C++ headers")
endif()
set(CXR_TORCH_CXX11_ABI 1 CACHE STRING "torch._C._GLIBCXX_USE_CXX11_ABI of that package")

add_library(cxr_torch_direct INTERFACE)
target_include_directories(cxr_torch_direct SYSTEM INTERFACE
  "${_td}/include" "${_td}/include/torch/csrc/api/include")
set(_libs "${_td}/lib/libtorch.so" "${_td}/lib/libtorch_cpu.so" "${_td}/lib/libc10.so")
# The CUDA kernels register themselves when libtorch_cuda loads; nothing references it by
# symbol, so it must be linked with --no-as-needed or CUDA is missing at run time.
set(_cuda "")
foreach(l libtorch_cuda.so libc10_cuda.so)
  if(EXISTS "${_td}/lib/${l}")
    string(APPEND _cuda ",${_td}/lib/${l}")
  endif()
endforeach()
target_link_libraries(cxr_torch_direct INTERFACE ${_libs} Threads::Threads)
if(_cuda)
  target_link_options(cxr_torch_direct INTERFACE "LINKER:--no-as-needed${_cuda},--as-needed")
endif()
target_link_options(cxr_torch_direct INTERFACE "LINKER:-rpath,${_td}/lib")

set(TORCH_LIBRARIES cxr_torch_direct)
set(TORCH_CXX_FLAGS "-D_GLIBCXX_USE_CXX11_ABI=${CXR_TORCH_CXX11_ABI}")
set(Torch_FOUND TRUE)
message(STATUS "LibTorch linked directly from ${_td} (CUDA libraries:${_cuda})")
unset(_td)
unset(_libs)
unset(_cuda)
