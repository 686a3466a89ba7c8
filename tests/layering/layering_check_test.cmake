# Plants one file per layering rule in a scratch tree and runs cmake/CxrLayering.cmake's
# checks on it: each planted break must stop the check with its rule's message, and a tree that
# keeps the rules must pass. Run as: cmake -DSOURCE=<repo> -DSCRATCH=<dir> -P layering_check_test.cmake
if(CHECK_ROOT)
  # Child mode: one check over one planted tree.
  set(PROJECT_SOURCE_DIR "${CHECK_ROOT}")
  include("${SOURCE}/cmake/CxrLayering.cmake")
  cxr_check_layering()
  return()
endif()

function(plant name file text expect)
  set(root "${SCRATCH}/${name}")
  file(REMOVE_RECURSE "${root}")
  file(WRITE "${root}/core/common/ok.h" "#include \"core/common/error.h\"\n")
  file(WRITE "${root}/ui/common/ok.h" "#include \"core/common/error.h\"\n#include \"ui/common/ok.h\"\n")
  file(WRITE "${root}/app/cli/ok.cpp" "#include \"app/cli/command.h\"\n#include \"x.moc\"\n")
  if(file)
    file(WRITE "${root}/${file}" "${text}\n")
  endif()
  execute_process(COMMAND "${CMAKE_COMMAND}" -DSOURCE=${SOURCE} -DCHECK_ROOT=${root}
                          -P "${CMAKE_CURRENT_LIST_FILE}"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  # CMake wraps long messages at word boundaries: compare with the whitespace folded.
  string(REGEX REPLACE "[ \t\r\n]+" " " err "${err}")
  if(expect STREQUAL "pass")
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "${name}: a tree that keeps the rules failed the check:\n${err}")
    endif()
  elseif(rc EQUAL 0 OR NOT err MATCHES "${expect}")
    message(FATAL_ERROR "${name}: expected the check to stop with '${expect}', got rc ${rc}:\n${err}")
  endif()
  message(STATUS "${name}: ok")
endfunction()

plant(clean "" "" pass)
plant(bare_include core/training/a.cpp "#include \"training/trainer.h\"" "project includes name their layer")
plant(bare_include_ui ui/training/a.cpp "#include \"common/language.h\"" "project includes name their layer")
plant(core_sees_ui core/workflows/a.cpp "#include \"ui/main/main_window.h\"" "core never knows the interface")
plant(ui_sees_app ui/main/a.cpp "#include \"app/cli/command.h\"" "ui never knows the programs")
plant(core_qt core/data/a.cpp "#include <QString>" "core/ stays Qt-free")
plant(ml_opencv core/model/a.cpp "#include <opencv2/core.hpp>" "cxr_ml links LibTorch only")
plant(ml_sees_imaging core/training/a.cpp "#include \"core/imaging/film.h\"" "cxr_ml sees common")
plant(imaging_torch core/imaging/a.cpp "#include <torch/torch.h>" "imaging stays LibTorch-free")
plant(imaging_sees_model core/imaging/a.cpp "#include \"core/model/resnet18.h\"" "imaging sits below")
plant(common_sees_data core/common/a.cpp "#include \"core/data/split.h\"" "cxr_common is the bottom")
plant(records_torch core/records/a.cpp "#include <torch/torch.h>" "cxr_records links SQLite only")
plant(records_sees_imaging core/records/a.cpp "#include \"core/imaging/film.h\"" "cxr_records sees core/common only")
plant(imaging_sees_records core/imaging/a.cpp "#include \"core/records/records_db.h\"" "imaging sits below")
