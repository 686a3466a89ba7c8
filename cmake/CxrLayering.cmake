# Fails the configure step when a source file includes a header its layer must not see:
# core never Qt; cxr_ml folders never OpenCV/DCMTK/GDCM; imaging/synth never LibTorch; and, read
# from the include's layer prefix, no layer includes one above it.
function(cxr_forbid_under dir regex why)
  file(GLOB_RECURSE files "${PROJECT_SOURCE_DIR}/${dir}/*.h" "${PROJECT_SOURCE_DIR}/${dir}/*.cpp")
  foreach(f IN LISTS files)
    file(STRINGS "${f}" hits REGEX "${regex}")
    if(hits)
      message(FATAL_ERROR "Layering: ${f} includes ${hits} — ${why}")
    endif()
  endforeach()
endfunction()

function(cxr_forbid folder regex why)
  cxr_forbid_under("core/${folder}" "${regex}" "${why}")
endfunction()

function(cxr_check_layering)
  cxr_forbid("" "#include *<Q[A-Za-z]*[/>]" "core/ stays Qt-free")
  foreach(d model training evaluation explain)
    cxr_forbid(${d} "#include *[<\"](opencv2|dcmtk|gdcm)" "cxr_ml links LibTorch only")
  endforeach()
  # data/ is split: its tensor side (cxr_ml) is listed in CXR_DATA_ML_SOURCES.
  foreach(f IN LISTS CXR_DATA_ML_SOURCES)
    file(STRINGS "${f}" hits REGEX "#include *[<\"](opencv2|dcmtk|gdcm)")
    if(hits)
      message(FATAL_ERROR "Layering: ${f} includes ${hits} — the tensor side of data/ is cxr_ml")
    endif()
  endforeach()
  foreach(d imaging synth pacs)
    cxr_forbid(${d} "#include *[<\"](torch|ATen|c10)/" "imaging stays LibTorch-free")
  endforeach()
  cxr_forbid(common "#include *[<\"](torch|ATen|c10|opencv2|dcmtk|gdcm)" "cxr_common has no heavy dependency")
  cxr_forbid(records "#include *[<\"](torch|ATen|c10|opencv2|dcmtk|gdcm)" "cxr_records links SQLite only")
  # Includes name their layer ("core/training/…", "ui/training/…"), so the layer a file sees is
  # read from the prefix: core never sees ui or app, ui never sees app, and inside core the
  # libraries only look down (cxr_common ← cxr_imaging ← cxr_ml ← cxr_core).
  foreach(d core ui app)
    cxr_require_layer_prefix(${d})
  endforeach()
  cxr_forbid("" "#include *\"(ui|app)/" "core never knows the interface or the programs")
  cxr_forbid_under(ui "#include *\"app/" "ui never knows the programs")
  cxr_forbid(common "#include *\"core/(imaging|synth|data|model|training|evaluation|explain|diagnosis|workflows|records)/"
    "cxr_common is the bottom of core")
  # The records hold plain records: they see core/common only, and only cxr_core and above
  # (workflows, ui, app) see them.
  cxr_forbid(records "#include *\"core/(imaging|synth|pacs|data|model|training|evaluation|explain|diagnosis|workflows)/"
    "cxr_records sees core/common only")
  foreach(d imaging synth pacs)
    cxr_forbid(${d} "#include *\"core/(data|model|training|evaluation|explain|diagnosis|workflows|records)/"
      "imaging sits below the model and the workflows")
  endforeach()
  foreach(d model training evaluation explain)
    cxr_forbid(${d} "#include *\"core/(imaging|synth|diagnosis|workflows|records)/" "cxr_ml sees common and data's tensor side only")
  endforeach()
endfunction()

# Every project include in `dir` starts with its layer; a bare "training/x.h" would not say
# whether it is core's or the interface's. Generated moc files are the one exception.
function(cxr_require_layer_prefix dir)
  file(GLOB_RECURSE files "${PROJECT_SOURCE_DIR}/${dir}/*.h" "${PROJECT_SOURCE_DIR}/${dir}/*.cpp")
  foreach(f IN LISTS files)
    file(STRINGS "${f}" hits REGEX "#include *\"")
    foreach(h IN LISTS hits)
      if(NOT h MATCHES "#include *\"(core|ui|app)/" AND NOT h MATCHES "\\.moc\"")
        message(FATAL_ERROR "Layering: ${f} has ${h} — project includes name their layer (core/, ui/, app/)")
      endif()
    endforeach()
  endforeach()
endfunction()

# `cxr` is the server program: no Qt in any build (the PDF report is cxr-report's, app/report).
# Its own sources must not include Qt and its target must not link the GUI layer or Qt; the
# packaging test checks the installed binary with ldd. Call once every target exists.
function(cxr_check_headless_cli)
  if(NOT TARGET cxr)
    return()
  endif()
  cxr_forbid_under(app/cli "#include *<Q[A-Za-z]*[/>]" "the cxr program links no Qt")
  cxr_forbid_under(app/cli "#include *\"ui/" "the cxr program never sees the interface")
  get_target_property(libs cxr LINK_LIBRARIES)
  foreach(lib IN LISTS libs)
    if(lib MATCHES "^(cxr_ui|Qt[0-9]*::)")
      message(FATAL_ERROR "Layering: cxr links ${lib} — the cxr program links no Qt (the report is cxr-report's)")
    endif()
  endforeach()
endfunction()
