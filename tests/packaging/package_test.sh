#!/usr/bin/env bash
# Builds the Debian packages from a build tree, unpacks them into a temporary root and checks,
# from there, what a user would get: package metadata and computed dependencies, the installed
# `cxr --version`, that `cxr` and its package carry no Qt (ldd, Depends) and say where the PDF
# report comes from, the man page (renders cleanly, covers every subcommand `cxr --help` lists),
# `cxr report` through the installed cxr-report,
# `cxr-studio` starting offscreen, and the desktop entry, icon and AppStream metainfo
# (desktop-file-validate, appstreamcli).
#
# package_test.sh --build DIR --source DIR --cmake EXE --cpack EXE --scratch DIR --version V
#                 --targets "cxr cxr_package_files [cxr-studio]"
set -euo pipefail

while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=$2 ;; --source) source=$2 ;; --cmake) cmake=$2 ;; --cpack) cpack=$2 ;;
    --scratch) scratch=$2 ;; --version) version=$2 ;; --targets) targets=$2 ;;
    *) echo "package_test: unknown argument $1" >&2; exit 2 ;;
  esac
  shift 2
done

targets=${targets//;/ }  # a CMake list
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok:   $*"; }
need() { command -v "$1" >/dev/null || { echo "FAIL: $1 is missing (scripts/install-deps installs it)" >&2; exit 1; }; }
for tool in dpkg-deb dpkg-shlibdeps desktop-file-validate appstreamcli groff; do need "$tool"; done

rm -rf "$scratch"
mkdir -p "$scratch"
scratch=$(cd "$scratch" && pwd)

# Only the packaged targets: a no-op on a built tree, and never the test suites or benchmarks.
# shellcheck disable=SC2086
"$cmake" --build "$build" --target $targets

# CPack first builds the `preinstall` target, which depends on `all`: a no-op after a full
# build (scripts/test), and skipped in a build configured with
# -DCMAKE_SKIP_INSTALL_ALL_DEPENDENCY=ON (the targets above are what gets installed).
start=$(date +%s)
(cd "$build" && "$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$scratch/packages") \
  > "$scratch/cpack.log" 2>&1 || {
  cat "$scratch/cpack.log" >&2; echo "FAIL: cpack -G DEB" >&2; exit 1; }
echo "cpack took $(( $(date +%s) - start )) s"

root="$scratch/root"
mkdir -p "$root"
wants_gui=no
case " $targets " in *" cxr-studio "*) wants_gui=yes ;; esac
expected=(cxr)
[ "$wants_gui" = yes ] && expected+=(cxr-studio)

for pkg in "${expected[@]}"; do
  deb=$(ls "$scratch/packages/${pkg}_${version}-1_"*.deb 2>/dev/null | head -n 1 || true)
  if [ -z "$deb" ]; then
    fail "no ${pkg}_${version}-1_<arch>.deb in $(ls "$scratch/packages")"; continue
  fi
  pass "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"
  field() { dpkg-deb -f "$deb" "$1"; }
  [ "$(field Package)" = "$pkg" ] || fail "$pkg: Package is '$(field Package)'"
  [ "$(field Section)" = science ] || fail "$pkg: Section is '$(field Section)', not science"
  case "$(field Maintainer)" in "CXR Studio developers <"*@*">") ;; *) fail "$pkg: Maintainer '$(field Maintainer)'" ;; esac
  desc=$(field Description)
  grep -q "not a medical device" <<<"$desc" || fail "$pkg: the description lacks the intended-use statement"
  [ "$(head -n 1 <<<"$desc" | wc -c)" -le 81 ] || fail "$pkg: summary line longer than 80 characters"
  # shlibdeps: the dependencies come from the binary's own libraries, so LibTorch must be there.
  depends=$(field Depends)
  for lib in libc6 libstdc++6 libtorch; do
    grep -q "$lib" <<<"$depends" || fail "$pkg: Depends lacks $lib (shlibdeps not run?): $depends"
  done
  if [ "$pkg" = cxr-studio ]; then
    grep -q "libqt6widgets6" <<<"$depends" || fail "cxr-studio: Depends lacks Qt 6 Widgets: $depends"
  else
    # The server package: no Qt, so no display stack comes with it.
    if grep -qi "libqt" <<<"$depends"; then fail "cxr: Depends pulls in Qt: $depends"; fi
  fi
  pass "$pkg metadata: Section science, maintainer, intended use, Depends from shlibdeps"
  # No file may land outside /usr, and nothing of the build tree may ride along.
  listing=$(dpkg-deb -c "$deb" | awk '{print $6}')
  if grep -vE '^\./(usr(/.*)?)?$' <<<"$listing"; then
    fail "$pkg installs files outside /usr"
  fi
  grep -qx "\./usr/share/doc/$pkg/changelog.Debian.gz" <<<"$listing" || fail "$pkg has no changelog.Debian.gz"
  dpkg-deb -x "$deb" "$root"
done
[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }

# ---- the command line, run from the unpacked root ---------------------------------------------
cxr="$root/usr/bin/cxr"
[ -x "$cxr" ] || { echo "FAIL: $cxr missing" >&2; exit 1; }
if readelf -d "$cxr" | grep -E 'RPATH|RUNPATH' | grep -q "$build"; then
  fail "installed cxr still points into the build tree: $(readelf -d "$cxr" | grep -E 'RPATH|RUNPATH')"
fi
if file "$cxr" | grep -q "not stripped"; then fail "installed cxr is not stripped"; fi
out=$("$cxr" --version 2>&1) || fail "cxr --version exited $?: $out"
grep -q "CXR Studio $version" <<<"$out" || fail "cxr --version does not name CXR Studio $version: $out"
grep -q "not a medical device" <<<"$out" || fail "cxr --version lacks the intended use: $out"
pass "installed cxr --version: $(head -n 1 <<<"$out")"
# cxr itself needs no Qt library and no Qt 6 library is loaded with it. Debian 12's LibTorch
# links libopencv_highgui, which brings Qt 5: any Qt in ldd's list must come that way alone.
qt_needed=$(readelf -d "$cxr" | grep NEEDED | grep -i "qt" || true)
[ -z "$qt_needed" ] || fail "installed cxr needs Qt itself: $qt_needed"
qt6=$(ldd "$cxr" | grep -i "libqt6" || true)
[ -z "$qt6" ] || fail "installed cxr loads Qt 6: $qt6"
torch_cpu=$(ldd "$cxr" | awk '$1 ~ /^libtorch_cpu\.so/ {print $3}')
qt_of_cxr=$(ldd "$cxr" | awk 'tolower($1) ~ /^libqt/ {print $1}' | sort)
qt_of_torch=$( [ -n "$torch_cpu" ] && ldd "$torch_cpu" | awk 'tolower($1) ~ /^libqt/ {print $1}' | sort || true)
extra=$(comm -23 <(echo "$qt_of_cxr") <(echo "$qt_of_torch") | grep . || true)
[ -z "$extra" ] || fail "installed cxr loads Qt libraries its LibTorch does not bring: $extra"
pass "installed cxr needs no Qt (readelf), loads no Qt 6 (ldd)$( [ -n "$qt_of_cxr" ] && echo "; Qt 5 only through $(basename "$torch_cpu")")"

# Without cxr-report beside it or on PATH, `cxr report` says where the PDF comes from.
lone="$scratch/lone"
mkdir -p "$lone" && cp "$cxr" "$lone/cxr"
out=$(env PATH=/usr/bin:/bin "$lone/cxr" report "$scratch/no-run" --pdf "$scratch/none.pdf" 2>&1) && \
  fail "cxr report without cxr-report exited 0: $out"
grep -q "cxr-studio package" <<<"$out" || fail "cxr report without cxr-report does not name the package: $out"
pass "cxr report without cxr-report: $(head -n 1 <<<"$out" | cut -c1-100)"

man="$root/usr/share/man/man1/cxr.1.gz"
if [ -f "$man" ]; then
  warnings=$(zcat "$man" | groff -man -ww -z 2>&1) || true
  [ -z "$warnings" ] || fail "man page warnings: $warnings"
  # Every subcommand `cxr --help` lists has its own section in the man page.
  subcommands=$("$cxr" --help | awk '/^(SUBCOMMANDS|Subcommands):/{s=1; next} s && /^  [a-z]/{print $1}')
  [ -n "$subcommands" ] || fail "cxr --help lists no subcommands"
  for sub in $subcommands; do
    zcat "$man" | grep -q "^\.SS cxr $sub\b" || fail "man page has no section for 'cxr $sub'"
  done
  pass "man page renders without warnings and covers: $(echo $subcommands)"
else
  fail "no man page at /usr/share/man/man1/cxr.1.gz"
fi

# ---- the desktop application -------------------------------------------------------------------
if [ "$wants_gui" = yes ]; then
  studio="$root/usr/bin/cxr-studio"
  home="$scratch/home"
  mkdir -p "$home" && chmod 700 "$home"
  run_studio() {
    env HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
        XDG_CACHE_HOME="$home/.cache" XDG_RUNTIME_DIR="$home" QT_QPA_PLATFORM=offscreen \
        timeout 120 "$studio" "$@"
  }
  # A program's installed man page exists and renders without warnings.
  check_man() {
    local page="$root/usr/share/man/man1/$1.1.gz" warnings
    if [ -f "$page" ]; then
      warnings=$(zcat "$page" | groff -man -ww -z 2>&1) || true
      [ -z "$warnings" ] || fail "$1 man page warnings: $warnings"
    else
      fail "no man page at /usr/share/man/man1/$1.1.gz"
    fi
  }
  check_man cxr-studio
  out=$(run_studio --version 2>&1) || fail "cxr-studio --version exited $?: $out"
  grep -q "$version" <<<"$out" || fail "cxr-studio --version does not print $version: $out"
  # Builds the main window, shows and paints it once, quits: the installed binary finds its
  # libraries, plugins and resources.
  out=$(run_studio --exit-when-ready 2>&1) || fail "cxr-studio --exit-when-ready exited $?: $out"
  pass "installed cxr-studio starts offscreen and quits ($(head -n 1 <<<"$out" | cut -c1-80))"

  # The PDF report: the unpacked cxr finds the unpacked cxr-report beside it and the pair writes
  # the report of a small run, with no display.
  report="$root/usr/bin/cxr-report"
  [ -x "$report" ] || fail "cxr-studio does not install $report"
  check_man cxr-report
  qt_libs=$(ldd "$report" | grep -c "libQt6Charts" || true)
  [ "$qt_libs" -ge 1 ] || fail "cxr-report does not link Qt Charts (is it the report program?)"
  "$cxr" synth "$scratch/films" --train 24 --val 8 --test 8 --size 64 >"$scratch/synth.log" 2>&1 \
    || fail "cxr synth for the report's run: $(tail -n 3 "$scratch/synth.log")"
  "$cxr" train "$scratch/films" --out "$scratch/run" --phase-epochs 1,1,1 --batch 8 --image-size 32 \
    --val-policy folder --threads 2 >"$scratch/train.log" 2>&1 \
    || fail "cxr train for the report's run: $(tail -n 3 "$scratch/train.log")"
  out=$(env -u DISPLAY -u WAYLAND_DISPLAY PATH=/usr/bin:/bin "$cxr" report "$scratch/run" \
        --pdf "$scratch/report.pdf" --examples 0 2>&1) || fail "installed cxr report exited $?: $out"
  if [ -s "$scratch/report.pdf" ] && [ "$(head -c 5 "$scratch/report.pdf")" = "%PDF-" ]; then
    pass "installed cxr report ran the installed cxr-report: $(du -h "$scratch/report.pdf" | cut -f1) PDF"
  else
    fail "installed cxr report wrote no PDF: $out"
  fi

  desktop=$(ls "$root"/usr/share/applications/*.desktop)
  metainfo=$(ls "$root"/usr/share/metainfo/*.metainfo.xml)
  id=$(basename "$desktop" .desktop)
  desktop-file-validate "$desktop" || fail "desktop-file-validate $desktop"
  grep -q '^MimeType=.*application/dicom;' "$desktop" || fail "desktop entry does not open DICOM"
  grep -q '^MimeType=.*image/jpeg;image/png;inode/directory;' "$desktop" \
    || fail "desktop entry does not open JPEG, PNG and folders"
  grep -q '^Exec=cxr-studio %F$' "$desktop" || fail "desktop entry Exec is not 'cxr-studio %F'"
  icon=$(sed -n 's/^Icon=//p' "$desktop")
  svg="$root/usr/share/icons/hicolor/scalable/apps/$icon.svg"
  [ -f "$svg" ] || fail "the desktop entry's icon $icon is not installed as $svg"
  python3 -c 'import sys, xml.dom.minidom as m; d = m.parse(sys.argv[1]); assert d.documentElement.tagName == "svg"' "$svg" \
    || fail "$svg is not an SVG document"
  [ "$(basename "$metainfo")" = "$id.metainfo.xml" ] || fail "metainfo $metainfo does not match desktop id $id"
  grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" \
    || fail "metainfo does not launch $id.desktop"
  grep -q "not a medical device" "$metainfo" || fail "metainfo lacks the intended use"
  appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate $metainfo"
  # The installed tree as a whole: metainfo, desktop entry and icon agree with each other.
  appstreamcli validate-tree --no-net "$root" || fail "appstreamcli validate-tree"
  pass "desktop entry, icon and metainfo validate"
fi

if [ "$failures" -ne 0 ]; then echo "$failures failure(s)"; exit 1; fi
rm -rf "$scratch"
echo "packaging: all checks passed"
