#!/usr/bin/env bash
# Checks the .deb that scripts/package.sh built as a new user meets it, and measures it for
# docs/benchmarks.md: installs it (dpkg -i; root), then as a throwaway user with an empty home,
# from /tmp, with no JDK or Maven on PATH: --version, `train --epochs 1` on the embedded subset
# (at least 95%), the window under Xvfb and openbox (seconds from start to the window, N runs,
# the median), that no native library landed in the home folder (~/.javacpp, ~/.openjfx) or
# anything in /opt, and a screenshot; removes the package and the user again (--keep: leaves
# both). Not part of scripts/test: the package takes minutes to build (docs/decisions/0013).
#   scripts/package-check.sh [--keep] [OUTDIR]   (exit 0: all good; 1: a check failed)
# Needs root, and: apt-get install xvfb openbox xdotool imagemagick
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
keep=0; [ "${1:-}" = --keep ] && { keep=1; shift; }
out=${1:-$(mktemp -d)}
mkdir -p "$out"; chmod 777 "$out"
runs=${PACKAGE_CHECK_RUNS:-5}
deb=$(ls "$root"/dist/dl4j-workbench_*.deb 2>/dev/null | head -n1)
[ -n "$deb" ] || { echo "package-check: no dist/dl4j-workbench_*.deb; build it with scripts/package.sh" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "package-check: dpkg -i needs root" >&2; exit 1; }

fail() { echo "package-check: FAILED: $*" >&2; exit 1; }
user=wbcheck$$
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ "$keep" = 0 ]; then
    dpkg -r dl4j-workbench >/dev/null 2>&1 || true
    userdel -r "$user" 2>/dev/null || true
  fi
}
trap cleanup EXIT

echo "package: $(basename "$deb"), $(du -m "$deb" | cut -f1) MB"
if ! dpkg -i "$deb" >"$out/dpkg.log" 2>&1; then
  # A dependency this machine lacks (xdg-utils, GTK 3): apt installs it and finishes the install.
  echo "dpkg -i: $(grep -o 'depends on [^;]*' "$out/dpkg.log" | sort -u | tr '\n' ' ')-> apt-get -f install"
  { apt-get install -f -y || { apt-get update -qq && apt-get install -f -y; }; } >"$out/apt.log" 2>&1 || { cat "$out/dpkg.log" "$out/apt.log"; fail "dpkg -i $deb"; }
fi
echo "installed: $(du -sm /opt/dl4j-workbench | cut -f1) MB in /opt/dl4j-workbench ($(dpkg-query -W -f='${Installed-Size}' dl4j-workbench) KB by dpkg)"
[ -x /usr/bin/dl4j-workbench ] || fail "/usr/bin/dl4j-workbench is missing"
entry=/opt/dl4j-workbench/lib/dl4j-workbench-dl4j-workbench.desktop
grep -q '^Exec=/opt/dl4j-workbench/bin/dl4j-workbench$' "$entry" || fail "$entry does not run bin/dl4j-workbench"
if ls /usr/share/applications/*dl4j-workbench*.desktop >/dev/null 2>&1; then
  echo "menu entry: $(ls /usr/share/applications/*dl4j-workbench*.desktop)"
else  # xdg-desktop-menu wants /usr/share/desktop-directories, which only a desktop system has
  echo "menu entry: none made, this system has no desktop menu folders; $entry is ready"
fi
touch "$out/.start"

useradd -m -s /bin/bash "$user"
home=$(getent passwd "$user" | cut -d: -f6)
# A PATH with the installed command and the few tools its script uses, and no java or mvn
# (this machine has both in /usr/bin).
bin=$out/path
mkdir -p "$bin"
for tool in bash env readlink dirname grep tr uname sed paste ls cat id; do ln -sfn "$(command -v "$tool")" "$bin/$tool"; done
ln -sfn /usr/bin/dl4j-workbench "$bin/dl4j-workbench"
# As the new user, in /tmp, with that PATH and nothing else from this shell.
as_user() { (cd /tmp && runuser -u "$user" -- /usr/bin/env -i PATH="$bin" HOME="$home" USER="$user" "$@"); }

as_user dl4j-workbench --version | sed 's/^/  /'
as_user bash -c 'command -v java mvn' && fail "java or mvn on the user's PATH: not a clean check"

start=$SECONDS
as_user bash -c 'cd "$HOME" && dl4j-workbench train --epochs 1' > "$out/train.log" 2>&1 || { cat "$out/train.log"; fail "train"; }
train_s=$((SECONDS - start))
accuracy=$(sed -n 's/.*"test_accuracy":\([0-9.]*\).*/\1/p' "$out/train.log")
seconds=$(sed -n 's/.*"seconds":\([0-9.]*\).*/\1/p' "$out/train.log")
echo "train --epochs 1: test accuracy $accuracy, training $seconds s, command $train_s s"
awk -v a="$accuracy" 'BEGIN { exit !(a >= 0.95) }' || fail "accuracy $accuracy under 0.95"

# Xvfb picks a free display and writes its number to fd 3.
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$out/.display" >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 300); do [ -s "$out/.display" ] && break; sleep 0.1; done
display=:$(head -n1 "$out/.display")
runuser -u "$user" -- env -i DISPLAY="$display" HOME="$home" PATH=/usr/bin:/bin openbox >/dev/null 2>&1 &
pids+=($!)
sleep 1
# Ends the process $1 and its children (the window: runuser, the script, its java).
kill_tree() {
  local child
  for child in $(ps -o pid= --ppid "$1"); do kill_tree "$child"; done
  kill "$1" 2>/dev/null || true
}
# No display, then no GTK (an empty libgtk-3.so.0 ahead of the real one fails to load as a
# missing one does): a message that names the command, exit code 1, no stack trace.
message_check() { # WHAT EXPECTED ENV...
  local what=$1 expected=$2 status=0
  shift 2
  as_user "$@" dl4j-workbench > "$out/$what.log" 2>&1 || status=$?
  [ "$status" = 1 ] || { cat "$out/$what.log"; fail "$what: exit code $status, not 1"; }
  grep -q "$expected" "$out/$what.log" && grep -q 'dl4j-workbench --help' "$out/$what.log" \
    || { cat "$out/$what.log"; fail "$what: no message naming $expected and dl4j-workbench --help"; }
  ! grep -q -e 'Exception' -e $'\tat ' "$out/$what.log" || { cat "$out/$what.log"; fail "$what: a stack trace"; }
  echo "$what: $(head -n1 "$out/$what.log")"
}
message_check no-display 'DISPLAY is not set'
mkdir -p "$out/nogtk" && : > "$out/nogtk/libgtk-3.so.0"
message_check no-gtk 'apt-get install libgtk-3-0' env DISPLAY="$display" LD_LIBRARY_PATH="$out/nogtk"

times=()
for i in $(seq "$runs"); do
  t0=$(date +%s.%N)
  as_user env DISPLAY=$display dl4j-workbench > "$out/window-$i.log" 2>&1 &
  pid=$!
  id=""
  for _ in $(seq 600); do
    id=$(DISPLAY=$display xdotool search --onlyvisible --name "^DL4J Workbench" 2>/dev/null | head -n1 || true)
    [ -n "$id" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  t1=$(date +%s.%N)
  [ -n "$id" ] || { cat "$out/window-$i.log"; fail "no window in run $i"; }
  times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')")
  if [ "$i" = 1 ]; then
    sleep 4  # the editor's first layout
    import -display "$display" -window root "$out/installed-window.png"
  fi
  kill_tree "$pid"
  wait "$pid" 2>/dev/null || true
  for _ in $(seq 200); do  # until the window is gone, so that the next run does not find it
    DISPLAY=$display xdotool search --name "^DL4J Workbench" >/dev/null 2>&1 || break
    sleep 0.05
  done
  ! DISPLAY=$display xdotool search --name "^DL4J Workbench" >/dev/null 2>&1 || fail "the window of run $i did not close"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.2f", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
echo "window: $(printf '%.2f ' "${times[@]}")s; median $median s (first start: ${times[0]} s)"
echo "screenshot: $out/installed-window.png"

found=$(cd "$home" && find . -mindepth 1 \( -name '.javacpp' -o -name '.openjfx' -o -name '*.so' -o -name '*.so.*' \) -print)
[ -z "$found" ] || fail "native libraries in the home folder: $found"
echo "home folder after: $(cd "$home" && find . -mindepth 1 -maxdepth 3 -not -path './.local/share/dl4j-workbench/*' -not -path './runs/*' | sort | tr '\n' ' ')"
changed=$(find /opt/dl4j-workbench -newer "$out/.start" -print | head -n 5)
[ -z "$changed" ] || fail "written into /opt/dl4j-workbench: $changed"
awk -v m="$median" 'BEGIN { exit !(m <= 5) }' || fail "median time to the window $median s, over 5"
echo "package-check: all good"
