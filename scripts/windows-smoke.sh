#!/usr/bin/env bash
# Windows smoke test: cross-build the release topocert.exe (x86_64-pc-windows-gnu,
# mingw-w64), run it under wine on the samples, and compare every output with the
# Linux binary's, byte for byte. A line may differ only where the Windows run was
# given a Windows path (a backslash separator, the Z:\ form of the work folder) or
# where the operating system words the same error its own way; each such line is
# printed with the reason. Anything else fails.
#
# It installs what it needs (the Rust target, Debian's gcc-mingw-w64-x86-64 and
# wine64). When those cannot be installed it prints one line
#   SKIPPED windows smoke: <reason>
# and exits 0, so CI goes on without pretending the test ran.
#
# Usage: scripts/windows-smoke.sh        (from anywhere; runs in the repository root)
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
root=$PWD
started=$SECONDS

TARGET=x86_64-pc-windows-gnu
skip() {
  echo "SKIPPED windows smoke: $*"
  exit 0
}
fail_count=0
fail() {
  echo "FAIL: $*"
  fail_count=$((fail_count + 1))
}

work=$(mktemp -d "${TMPDIR:-/tmp}/topocert-winsmoke.XXXXXX") || skip "cannot create a temporary folder"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/linux" "$work/win"

# --- what it needs --------------------------------------------------------------
find_wine() {
  for w in wine64 wine /usr/lib/wine/wine64; do
    if command -v "$w" >/dev/null 2>&1; then
      command -v "$w"
      return 0
    fi
  done
  return 1
}

command -v rustup >/dev/null 2>&1 || skip "rustup is not installed, so the $TARGET target cannot be added"
if ! rustup target list --installed 2>/dev/null | grep -qx "$TARGET"; then
  if ! rustup target add "$TARGET" >"$work/rustup.log" 2>&1; then
    skip "cannot install the Rust target $TARGET: $(tail -n 1 "$work/rustup.log")"
  fi
fi

need_apt=()
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || need_apt+=(gcc-mingw-w64-x86-64)
find_wine >/dev/null || need_apt+=(wine64)
if [ ${#need_apt[@]} -gt 0 ]; then
  command -v apt-get >/dev/null 2>&1 || skip "apt-get is not available to install ${need_apt[*]}"
  [ "$(id -u)" = 0 ] || skip "installing ${need_apt[*]} needs root"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends "${need_apt[@]}"; } >"$work/apt.log" 2>&1; then
    skip "cannot install the Debian packages ${need_apt[*]}: $(tail -n 1 "$work/apt.log")"
  fi
fi
WINE=$(find_wine) || skip "wine64 was installed but no wine loader was found"

# --- build ------------------------------------------------------------------------
target_dir=${CARGO_TARGET_DIR:-$root/target}
echo "windows smoke: building the release topocert.exe for $TARGET"
if ! cargo build --locked --release --target "$TARGET" >"$work/build-win.log" 2>&1; then
  tail -n 30 "$work/build-win.log"
  echo "FAIL: cargo build --release --target $TARGET"
  exit 1
fi
if ! cargo build --locked >"$work/build-linux.log" 2>&1; then
  tail -n 30 "$work/build-linux.log"
  echo "FAIL: cargo build (the Linux binary to compare with)"
  exit 1
fi
linux_bin=$target_dir/debug/topocert
bin_dir=$work/bin
mkdir -p "$bin_dir"
cp "$target_dir/$TARGET/release/topocert.exe" "$bin_dir/"

# The exe must need nothing but DLLs every Windows has (no libgcc/winpthread DLL).
imports=$(x86_64-w64-mingw32-objdump -p "$bin_dir/topocert.exe" | sed -n 's/^\s*DLL Name: //p' | sort -fu)
for dll in $imports; do
  case "${dll,,}" in
  kernel32.dll | ntdll.dll | msvcrt.dll | userenv.dll | ws2_32.dll | advapi32.dll | \
    bcrypt.dll | bcryptprimitives.dll | api-ms-win-*.dll) ;;
  *) fail "topocert.exe imports $dll, which Windows does not ship" ;;
  esac
done

# Rust's std imports ProcessPrng from bcryptprimitives.dll, which Debian's wine 8
# lacks: a one-function shim (see scripts/windows-smoke/bcryptprimitives.c) goes next
# to the exe, for this test only.
if ! x86_64-w64-mingw32-gcc -O2 -shared -s -Wl,--kill-at -o "$bin_dir/bcryptprimitives.dll" \
  scripts/windows-smoke/bcryptprimitives.c -ladvapi32 >"$work/shim.log" 2>&1; then
  cat "$work/shim.log"
  echo "FAIL: building the bcryptprimitives.dll shim"
  exit 1
fi

export WINEPREFIX=$work/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n,b"
wineserver_bin=$(dirname "$WINE")/wineserver
[ -x "$wineserver_bin" ] || wineserver_bin=$(command -v wineserver || echo wineserver)
# One wine server for every run (a server starting and stopping between runs
# sometimes writes "wine client error" lines into the program's standard error).
"$wineserver_bin" -p >/dev/null 2>&1
trap '"$wineserver_bin" -k >/dev/null 2>&1; rm -rf "$work"' EXIT
"$WINE" wineboot --init >"$work/wineboot.log" 2>&1
"$WINE" "$bin_dir/topocert.exe" --version >"$work/version.out" 2>&1 ||
  { cat "$work/version.out"; echo "FAIL: topocert.exe does not start under wine"; exit 1; }

# The work folder as the Windows program sees it (wine maps / to Z:).
win_work="Z:${work//\//\\}"

# --- running both -----------------------------------------------------------------
# run NAME -- LINUX ARGS -- WINDOWS ARGS  (the literal words WORK stand for each run's folder)
# Extra environment of both runs (NAME=value words), empty unless a case sets it.
run_env=()
run() {
  local name=$1
  shift 2
  local largs=() wargs=() side=l a w
  for a in "$@"; do
    if [ "$a" = "--" ] && [ $side = l ]; then
      side=w
      continue
    fi
    if [ $side = l ]; then largs+=("$a"); else wargs+=("$a"); fi
  done
  [ ${#wargs[@]} -gt 0 ] || wargs=("${largs[@]}")
  local l_run=() w_run=()
  for a in "${largs[@]}"; do l_run+=("${a//WORK/$work/linux}"); done
  for a in "${wargs[@]}"; do
    if [[ $a == *WORK* ]]; then
      w=${a//WORK/$work/win}
      w="Z:${w//\//\\}"
      a=$w
    fi
    w_run+=("$a")
  done
  env "${run_env[@]}" "$linux_bin" "${l_run[@]}" >"$work/linux/$name.out" 2>"$work/linux/$name.err" </dev/null
  echo $? >"$work/linux/$name.rc"
  env "${run_env[@]}" "$WINE" "$bin_dir/topocert.exe" "${w_run[@]}" >"$work/win/$name.out" 2>"$work/win/$name.err" </dev/null
  echo $? >"$work/win/$name.rc"
  compare "$name"
}

# Backslashes, also JSON-escaped ones, as forward slashes.
slashes() {
  local s=${1//\\\\//}
  echo "${s//\\//}"
}

# Why a Windows line may differ from the Linux one, or nothing when it may not.
reason() {
  local l=$1 w=$2 ln wn
  ln=${l//"$work/linux"/<work>}
  wn=${w//"$win_work\\win"/<work>}
  wn=${wn//"${win_work//\\//}/win"/<work>}
  if [ "$ln" = "$wn" ]; then
    echo "the work folder in its Windows form (Z:\\...)"
    return
  fi
  if [ "$(slashes "$ln")" = "$(slashes "$wn")" ]; then
    if [[ $wn == *"<work>"* ]]; then
      echo "the work folder in its Windows form, joined with backslashes as typed"
    else
      echo "path separator: the Windows run was given backslashed paths"
    fi
    return
  fi
  # clap's usage line names the program as it was started: topocert.exe on Windows.
  if [ "${wn//topocert.exe /topocert }" = "$ln" ] && [[ $wn == *"topocert.exe "* ]]; then
    echo "the usage line names the program topocert.exe, as Windows started it"
    return
  fi
  # The same error in the operating system's words: "...: <os text> (os error N)".
  local re='^(.*: )[^:]*( \(os error [0-9]+\))$'
  if [[ $ln =~ $re ]]; then
    local lhead=${BASH_REMATCH[1]} ltail=${BASH_REMATCH[2]}
    if [[ $wn =~ $re ]] && [ "${BASH_REMATCH[2]}" = "$ltail" ] &&
      [ "$(slashes "${BASH_REMATCH[1]}")" = "$(slashes "$lhead")" ]; then
      echo "the operating system's wording of the same error"
      return
    fi
  fi
}

compare_file() {
  local what=$1 lf=$2 wf=$3
  if cmp -s "$lf" "$wf"; then
    return 0
  fi
  local llines wlines
  mapfile -t llines <"$lf"
  mapfile -t wlines <"$wf"
  if [ ${#llines[@]} -ne ${#wlines[@]} ]; then
    fail "$what: ${#llines[@]} lines on Linux, ${#wlines[@]} on Windows"
    diff "$lf" "$wf" | head -n 20
    return 1
  fi
  local i why bad=0
  for i in "${!llines[@]}"; do
    [ "${llines[$i]}" = "${wlines[$i]}" ] && continue
    why=$(reason "${llines[$i]}" "${wlines[$i]}")
    if [ -n "$why" ]; then
      echo "  $what line $((i + 1)) differs: $why"
    else
      fail "$what line $((i + 1)) differs for no reason the test knows"
      bad=1
    fi
    echo "    linux:   ${llines[$i]}"
    echo "    windows: ${wlines[$i]}"
  done
  # Lines must match whatever their endings: mapfile drops only the LF.
  if [ $bad = 0 ] && ! cmp -s <(tr -d '\n' <"$lf" | tr -dc '\r' | wc -c) <(tr -d '\n' <"$wf" | tr -dc '\r' | wc -c); then
    fail "$what: line endings differ"
  fi
  return $bad
}

cases=0
compare() {
  local name=$1 lrc wrc
  cases=$((cases + 1))
  lrc=$(cat "$work/linux/$name.rc")
  wrc=$(cat "$work/win/$name.rc")
  if [ "$lrc" != "$wrc" ]; then
    fail "$name: exit status $lrc on Linux, $wrc on Windows"
    head -n 5 "$work/win/$name.err"
  fi
  compare_file "$name (stdout)" "$work/linux/$name.out" "$work/win/$name.out"
  compare_file "$name (stderr)" "$work/linux/$name.err" "$work/win/$name.err"
  echo "ok $name (exit $wrc)"
}

expect_rc() {
  local name=$1 want=$2 got
  got=$(cat "$work/win/$name.rc")
  [ "$got" = "$want" ] || fail "$name: exit status $got on Windows, expected $want"
}

enterprise=(samples/enterprise/topology.xml --certs samples/enterprise/certs
  --ca samples/enterprise/ca/internal-root.cer --valid-at 2026-06-01)
win_enterprise=('samples\enterprise\topology.xml' --certs 'samples\enterprise\certs'
  --ca 'samples\enterprise\ca\internal-root.cer' --valid-at 2026-06-01)

# The README's check, as written there (but with the binary instead of cargo run).
run readme-check -- check "${enterprise[@]}"
expect_rc readme-check 1
# Every format.
for f in human short json sarif github html; do
  run "check-$f" -- check "${enterprise[@]}" --format "$f"
done
run check-color-always -- check "${enterprise[@]}" --format short --color always
# Windows-style arguments: backslashes, and a folder joined with them.
for f in short json github sarif human; do
  run "check-backslashes-$f" -- check "${enterprise[@]}" --format "$f" -- check "${win_enterprise[@]}" --format "$f"
done
# The UTF-16LE export PowerShell 5.1 writes.
run list-utf16 -- list samples/enterprise-utf16/topology.xml
run list-utf16-json -- list samples/enterprise-utf16/topology.xml --format json
run plan-utf16-csv -- plan samples/enterprise-utf16/topology.xml --format csv
# plan --emit into a Windows path; the written templates must be the same bytes.
run plan-emit -- plan samples/enterprise/topology.xml --emit WORK/emit --request-format both
for f in "$work"/linux/emit/*; do
  n=$(basename "$f")
  if [ ! -f "$work/win/emit/$n" ]; then
    fail "plan --emit: $n was not written on Windows"
  elif ! cmp -s "$f" "$work/win/emit/$n"; then
    fail "plan --emit: $n differs"
    diff "$f" "$work/win/emit/$n" | head -n 10
  fi
done
n_linux=$(find "$work/linux/emit" -type f | wc -l)
n_win=$(find "$work/win/emit" -type f | wc -l)
[ "$n_linux" = "$n_win" ] || fail "plan --emit wrote $n_linux files on Linux, $n_win on Windows"
# --output to a Windows path: the report file must be the same bytes.
for f in json sarif short; do
  run "output-$f" -- check "${enterprise[@]}" --format "$f" --output "WORK/report.$f"
  compare_file "output-$f (file)" "$work/linux/report.$f" "$work/win/report.$f"
done
# An unreadable topology: exit 2, the path as given and the operating system's reason.
run unreadable-missing -- check samples/enterprise/no-such-topology.xml --valid-at 2026-06-01
expect_rc unreadable-missing 2
grep -q 'samples/enterprise/no-such-topology.xml: .*(os error 2)' "$work/win/unreadable-missing.err" ||
  fail "unreadable-missing: the Windows error does not name the file and the OS reason: $(cat "$work/win/unreadable-missing.err")"
run unreadable-folder -- check samples/enterprise --valid-at 2026-06-01
expect_rc unreadable-folder 2
run unreadable-cert -- check samples/enterprise/topology.xml --certs samples/enterprise/certs/no-such.cer --valid-at 2026-06-01 --format short
# Text that is not ASCII reaches a pipe as UTF-8, and completions load the same script.
run explain-all -- explain --all
run completions-powershell -- completions powershell
# Japanese, by --lang and by the locale of the environment (wine passes the variables
# on to the Windows program): the same bytes as on Linux.
run check-ja-human -- check "${enterprise[@]}" --lang ja
run check-ja-short -- check "${enterprise[@]}" --format short --lang ja
run plan-ja-csv -- plan samples/enterprise-utf16/topology.xml --format csv --lang ja
run help-ja -- --lang ja check --help
run_env=(LC_ALL=ja_JP.UTF-8)
run list-ja-locale -- list samples/enterprise/topology.xml
run_env=()
grep -q 'サーバー' "$work/win/list-ja-locale.out" ||
  fail "list-ja-locale: LC_ALL=ja_JP.UTF-8 did not give Japanese on Windows: $(head -n 3 "$work/win/list-ja-locale.out")"

# README's Windows section, as written: its `.\topocert.exe` lines run in a folder
# laid out as its step 3 says (the UTF-16LE export and the sample's certificates).
readme=$work/readme
mkdir -p "$readme/certs" "$readme/ca"
cp samples/enterprise-utf16/topology.xml "$readme/topology.xml"
cp samples/enterprise-utf16/certs/* "$readme/certs/"
cp samples/enterprise-utf16/ca/internal-root.cer "$readme/ca/"
mapfile -t readme_lines < <(sed -n '/^## Windows/,/^## /p' README.md | grep '^\.\\topocert\.exe ')
[ ${#readme_lines[@]} -ge 3 ] || fail "README's Windows section has ${#readme_lines[@]} topocert.exe lines"
for line in "${readme_lines[@]}"; do
  line=${line%% |*}
  read -ra words <<<"${line#.\\topocert.exe }"
  (cd "$readme" && "$WINE" "$bin_dir/topocert.exe" "${words[@]}" >"$work/readme.out" 2>"$work/readme.err" </dev/null)
  rc=$?
  cases=$((cases + 1))
  if [ $rc -gt 1 ] || [ -s "$work/readme.err" ]; then
    fail "README line \`$line\` exited $rc: $(head -n 3 "$work/readme.err")"
  else
    echo "ok README: $line (exit $rc)"
  fi
done
[ -s "$readme/topocert.html" ] || fail "README: --output topocert.html wrote nothing"
[ -n "$(find "$readme/requests" -name '*.inf' 2>/dev/null)" ] || fail "README: plan --emit requests wrote no .inf file"
# Step 2's checksum line, as PowerShell reads SHA256SUMS in the release's format.
(cd "$bin_dir" && sha256sum topocert.exe >SHA256SUMS)
expected=$(grep ' topocert\.exe$' "$bin_dir/SHA256SUMS" | cut -d ' ' -f 1)
[ "$expected" = "$(sha256sum "$bin_dir/topocert.exe" | cut -d ' ' -f 1)" ] ||
  fail "README: the SHA256SUMS line does not split into the hash"

echo "windows smoke: $cases cases compared in $((SECONDS - started)) s, $fail_count failures"
[ "$fail_count" = 0 ]
