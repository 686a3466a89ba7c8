#!/usr/bin/env bash
# Runs both fuzz targets one after the other with the limits the findings were judged by.
#   run.sh BUILD_FUZZ_DIR CORPUS_DIR [SECONDS_EACH]   (e.g. run.sh build-fuzz build-fuzz/corpus 300)
# Known library-internal leaks are suppressed by lsan.supp (see there and open-findings/).
# New crashes, leaks, timeouts and OOMs land in BUILD_FUZZ_DIR/artifacts/{film,weights}/.
set -euo pipefail
build=$1 corpus=$2 seconds=${3:-300}
here=$(cd "$(dirname "$0")" && pwd)
export LSAN_OPTIONS="suppressions=$here/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
mkdir -p "$build/artifacts/film" "$build/artifacts/weights"
limits=(-max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=1024 -timeout=25 -print_final_stats=1)
# The first folder receives what the fuzzer finds new; the regressions only seed it.
seeds() { for d in "$@"; do [[ -d $d ]] && echo "$d"; done; }
# Both run even when the first one finds something; the exit status says whether either did.
status=0
nice "$build/bin/fuzz_film_loader" "${limits[@]}" -artifact_prefix="$build/artifacts/film/" \
  $(seeds "$corpus/films" "$here/regressions/films") || status=1
nice "$build/bin/fuzz_weight_loader" "${limits[@]}" -artifact_prefix="$build/artifacts/weights/" \
  $(seeds "$corpus/weights" "$here/regressions/weights") || status=1
exit $status
