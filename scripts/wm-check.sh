#!/usr/bin/env bash
# The window under a real window manager: starts Xvfb and openbox, runs ./workbench, and checks
# with xdotool that the main window opens at a sensible size and is laid out for it (JavaFX 21
# opened it at 200x200 under a window manager, JDK-8316423), keeps it while the template dialog
# is open, that the dialog is large enough and shows its OK/Cancel buttons, and that maximized
# the window fills the screen, its content follows and the side panes keep their width.
# "Shows" is read from the pixels: the Train and OK buttons are the theme's accent blue. Takes
# screenshots of each step into OUTDIR (window.png and templates.png: the window in its frame).
#   scripts/wm-check.sh [OUTDIR]       (exit 0: all good; 1: a check failed; 3: tools missing)
# Needs: apt-get install xvfb openbox xdotool wmctrl x11-utils imagemagick libgtk-3-0, and a built
# workbench (./workbench once, or mvn package): it runs the launcher with WORKBENCH_NOBUILD=1.
# WM_CHECK_WORKBENCH runs another launcher (the same checks on another build).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
out=${1:-$(mktemp -d)}
mkdir -p "$out"
launcher=${WM_CHECK_WORKBENCH:-$root/workbench}
screen_w=1600 screen_h=1000

missing=()
for tool in Xvfb:xvfb openbox:openbox xdotool:xdotool wmctrl:wmctrl xprop:x11-utils import:imagemagick; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
{ ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null; } | grep 'libgtk-3\.so\.0' >/dev/null || missing+=(libgtk-3-0)
if [ ${#missing[@]} -gt 0 ]; then
  echo "wm-check: needs ${missing[*]} (apt-get install -y ${missing[*]})" >&2
  exit 3
fi

work=$(mktemp -d)
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
# A command that fails (xdotool, ImageMagick) says where instead of ending the check silently.
trap 'fail "line $LINENO: $BASH_COMMAND failed"' ERR

fail() {
  echo "wm-check: FAILED: $*" >&2
  import -display "${DISPLAY:-}" -window root "$out/failed.png" 2>/dev/null || true
  echo "wm-check: the screen at that moment: $out/failed.png; the workbench's output: $out/workbench.log" >&2
  exit 1
}

# Xvfb picks a free display and writes its number to fd 3.
Xvfb -displayfd 3 -screen 0 "${screen_w}x${screen_h}x24" -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 300); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || fail "Xvfb did not start"
export DISPLAY=:$(head -n1 "$work/display")

openbox >"$out/openbox.log" 2>&1 &
openbox_pid=$!
pids+=("$openbox_pid")
deadline=$((SECONDS + 30))
until xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id'; do
  kill -0 "$openbox_pid" 2>/dev/null || fail "openbox stopped: $(tail -n 5 "$out/openbox.log")"
  [ $SECONDS -lt $deadline ] || fail "openbox did not start within 30 s: $(tail -n 5 "$out/openbox.log")"
  sleep 0.1
done

# Waits up to $2 seconds for a visible window whose title matches $1; prints its id.
wait_window() {
  local id deadline=$((SECONDS + $2))
  while [ $SECONDS -lt "$deadline" ]; do
    id=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -n1 || true)
    [ -n "$id" ] && { echo "$id"; return 0; }
    sleep 0.1
  done
  return 1
}

# WIDTH HEIGHT of window $1 as X sees it (the client area, without openbox's frame).
size_of() {
  local WIDTH HEIGHT X Y SCREEN WINDOW
  eval "$(xdotool getwindowgeometry --shell "$1")"
  echo "$WIDTH $HEIGHT"
}

# Waits (up to $4 s) until window $1 is at least $2 x $3; prints its size either way.
wait_size() {
  local size w h deadline=$((SECONDS + $4))
  while :; do
    size=$(size_of "$1"); read -r w h <<<"$size"
    if [ "$w" -ge "$2" ] && [ "$h" -ge "$3" ] || [ $SECONDS -ge "$deadline" ]; then echo "$size"; return; fi
    sleep 0.1
  done
}

# How many pixels of the accent blue (AtlantaFX Primer's #0969DA: Train, OK) window $1 shows in
# the region $2 (ImageMagick geometry, negative offsets count from the right or bottom edge).
accent=0969DA
accent_pressed=0550AE # the same buttons focused or armed (Primer's darker accent)
blue_in() {
  local w h gw gh gx gy
  read -r w h <<<"$(size_of "$1")"
  [[ $2 =~ ^([0-9]+)x([0-9]+)([-+][0-9]+)([-+][0-9]+)$ ]] || fail "bad region $2"
  gw=${BASH_REMATCH[1]} gh=${BASH_REMATCH[2]} gx=${BASH_REMATCH[3]#+} gy=${BASH_REMATCH[4]#+}
  [ "$gx" -ge 0 ] || gx=$((w + gx)); [ "$gy" -ge 0 ] || gy=$((h + gy))
  import -window "$1" -crop "${gw}x${gh}+${gx}+${gy}" +repage -depth 8 txt:- 2>/dev/null | grep -ciE "#($accent|$accent_pressed)" || true
}

# Waits (up to $3 s) until window $1 shows at least 200 accent pixels in region $2; prints the count.
wait_blue() {
  local n deadline=$((SECONDS + $3))
  while :; do
    n=$(blue_in "$1" "$2")
    if [ "$n" -ge 200 ] || [ $SECONDS -ge "$deadline" ]; then echo "$n"; return; fi
    sleep 0.2
  done
}

# Window $1 in its openbox frame (title bar and border) as PNG $2.
frame_shot() {
  local x y w h l r t b
  x=$(xwininfo -id "$1" | sed -n 's/.*Absolute upper-left X: *//p')
  y=$(xwininfo -id "$1" | sed -n 's/.*Absolute upper-left Y: *//p')
  read -r w h <<<"$(size_of "$1")"
  IFS=', ' read -r l r t b <<<"$(xprop -id "$1" _NET_FRAME_EXTENTS | sed 's/.*= //')"
  import -window root -crop "$((w + l + r))x$((h + t + b))+$((x - l))+$((y - t))" +repage "$2"
}

# Region $2 of window $1 as PNG $3, once two captures 300 ms apart agree (up to 10 s): right
# after a dialog closes or the window is maximized, the screen may still be repainting.
steady_crop() {
  local deadline=$((SECONDS + 10))
  import -window "$1" -crop "$2" +repage "$3.a.png"
  while :; do
    sleep 0.3
    import -window "$1" -crop "$2" +repage "$3"
    if [ "$({ compare -metric AE "$3.a.png" "$3" null: 2>&1 || true; } | sed 's/ .*//')" = 0 ] \
        || [ $SECONDS -ge "$deadline" ]; then
      rm -f "$3.a.png"; return
    fi
    mv "$3" "$3.a.png"
  done
}

# Fresh settings (no recovery prompt, no recent list) and a scratch folder for runs.
mkdir -p "$work/cwd"
start=$(date +%s.%N)
(cd "$work/cwd" && WORKBENCH_NOBUILD=1 WORKBENCH_SETTINGS="$work/settings" exec "$launcher") >"$out/workbench.log" 2>&1 &
pids+=($!)
main=$(wait_window '^DL4J Workbench' 60) || fail "no window titled 'DL4J Workbench' within 60 s"
shown=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')

# Laid out for its size: the Train button at the top right.
train=$(wait_blue "$main" 160x140-160+0 30)
read -r w h <<<"$(size_of "$main")"
frame_shot "$main" "$out/window.png"
echo "main window: ${w}x${h} (shown after ${shown} s); Train button: $train accent pixels at the top right"
[ "$w" -ge 1000 ] && [ "$h" -ge 700 ] || fail "the main window is ${w}x${h}; expected at least 1000x700"
[ "$train" -ge 200 ] || fail "the main window (${w}x${h}) shows no Train button at its top right: not laid out for its size"

# File > New from template (Ctrl+N): the dialog must fit its list (700x520) and show OK/Cancel,
# and the main window must keep its size.
xdotool windowactivate --sync "$main" >/dev/null 2>&1 || true
xdotool key --clearmodifiers ctrl+n
dialog=$(wait_window '^New from template' 20) || fail "Ctrl+N opened no 'New from template' dialog"
read -r dw dh <<<"$(wait_size "$dialog" 740 600 5)"
ok=$(wait_blue "$dialog" 300x90-300-90 20)
frame_shot "$main" "$out/templates.png"
read -r w2 h2 <<<"$(size_of "$main")"
echo "template dialog: ${dw}x${dh}, OK button: $ok accent pixels; main window meanwhile: ${w2}x${h2}"
[ "$dw" -ge 740 ] && [ "$dh" -ge 600 ] || fail "the template dialog is ${dw}x${dh}; expected at least 740x600 (its list and OK/Cancel)"
[ "$ok" -ge 200 ] || fail "the template dialog (${dw}x${dh}) shows no OK button at its bottom right"
[ "$w2" -ge 1000 ] && [ "$h2" -ge 700 ] || fail "the main window shrank to ${w2}x${h2} while the dialog was open"

# Closed as a user closes a window (openbox's Alt+F4: a close request from the window manager).
xdotool windowactivate --sync "$dialog" >/dev/null 2>&1 || true
xdotool key --clearmodifiers alt+F4
deadline=$((SECONDS + 10))
while xdotool search --onlyvisible --name '^New from template' >/dev/null 2>&1; do
  [ $SECONDS -lt $deadline ] || fail "Alt+F4 did not close the template dialog"
  sleep 0.1
done
read -r w3 h3 <<<"$(size_of "$main")"
echo "main window after the dialog: ${w3}x${h3}"
[ "$w3" -ge 1000 ] && [ "$h3" -ge 700 ] || fail "the main window shrank to ${w3}x${h3} after the dialog closed"
# The side panes as they are now: the layer palette (left) and the settings pane (right).
xdotool mousemove 0 0 # no hover highlight in either picture
steady_crop "$main" 260x340+0+100 "$work/left.png"
steady_crop "$main" "300x120+$((w3 - 300))+100" "$work/right.png"

# Maximized: it fills the screen (less openbox's title bar), the Train button moves to the new
# right edge, and the side panes keep their width (their pixels are those of the normal window).
wmctrl -i -r "$main" -b add,maximized_vert,maximized_horz
read -r mw mh <<<"$(wait_size "$main" $((screen_w - 10)) $((screen_h - 60)) 10)"
train=$(wait_blue "$main" 160x140-160+0 10)
import -window root "$out/maximized.png"
echo "maximized: ${mw}x${mh} on a ${screen_w}x${screen_h} screen; Train button: $train accent pixels at the top right"
[ "$mw" -ge $((screen_w - 10)) ] && [ "$mh" -ge $((screen_h - 60)) ] \
  || fail "maximized, the window is ${mw}x${mh} on a ${screen_w}x${screen_h} screen"
[ "$train" -ge 200 ] || fail "maximized, the window shows no Train button at its new right edge: not laid out again"
# The panes' pixels, at the best offset of up to 64 px down or up and 4 px sideways
# (ImageMagick's sub-image search): under load JavaFX 25 sometimes draws the whole maximized
# scene lower (seen: 7, 8, 20 and about 40 px, everything from the menu bar down, widths
# unchanged), and maximized under openbox the content may sit a pixel to the right; offsets are
# reported, not failed: this check is about squeezed panes (text wrapped anew, cards narrower),
# which no offset hides. Once (CI, heavy load) the scene was still being laid out after the
# steady capture, so a failing comparison is taken again, up to three times 2 s apart.
# (compare exits with 1 when the pictures differ at all; the threshold below decides.)
best() { # BIG.png SMALL.png -> "RMSE X Y" of the best placement of small inside big
  { compare -metric RMSE -subimage-search "$1" "$2" null: 2>&1 || true; } | head -1 \
    | sed 's/^[^(]*(\([^)]*\)) @ \([0-9]*\),\([0-9]*\).*/\1 \2 \3/'
}
compare_panes() {
  steady_crop "$main" "${mw}x$((mh < 600 ? mh : 600))+0+0" "$work/max-top.png"
  convert "$work/max-top.png" -crop "264x468+0+36" +repage "$work/left-max.png"
  convert "$work/max-top.png" -crop "308x248+$((mw - 304))+36" +repage "$work/right-max.png"
  read -r left lx ly <<<"$(best "$work/left-max.png" "$work/left.png")"
  read -r right rx ry <<<"$(best "$work/right-max.png" "$work/right.png")"
  shift=$((ly - 64)) sideways="$lx,$((rx - 4))"
}
panes_ok() { awk -v l="$left" -v r="$right" 'BEGIN { exit !(l < 0.05 && r < 0.05) }'; }
for attempt in 1 2 3; do
  compare_panes
  panes_ok && break
  echo "side panes, maximized (attempt $attempt): palette $left, settings $right; taken again in 2 s"
  sleep 2
done
echo "side panes, maximized against normal (RMSE, 0 = same pixels): palette $left, settings $right" \
  "$([ "$shift" = 0 ] || echo "(content drawn ${shift} px lower than in the normal window)")" \
  "$([ "$sideways" = 0,0 ] || echo "(sideways: palette ${lx} px, settings $((rx - 4)) px)")"
cp "$work"/left*.png "$work"/right*.png "$out"/ # kept beside the screenshots, to see what differed
panes_ok \
  || fail "maximized, the side panes differ from the normal window's (palette $left, settings $right): squeezed or stretched"
# A dialog right after another: with unsaved changes, Ctrl+N first asks "Save changes?"; after
# "Don't save" the template dialog opened 740x128 (no list, no OK/Cancel) until DialogSizing.
xdotool mousemove --window "$main" 100 175 click --repeat 2 --delay 80 1 # a layer added: unsaved now
sleep 0.5
xdotool key --clearmodifiers ctrl+n
ask=$(wait_window '^Save changes' 20) || fail "Ctrl+N with unsaved changes did not ask to save them"
# its size settles first (DialogSizing may ask for another a pulse after it is shown)
prev="" deadline=$((SECONDS + 10))
while :; do
  sleep 0.3
  size=$(size_of "$ask")
  if [ "$size" = "$prev" ] || [ $SECONDS -ge $deadline ]; then
    break
  fi
  prev=$size
done
read -r aw ah <<<"$(size_of "$ask")"
xdotool mousemove --window "$ask" 91 $((ah - 30)) click 1 # Don't save, the left-most button
xdotool mousemove 0 0 # off the dialog: a hovered OK is a darker blue
dialog=$(wait_window '^New from template' 20) || fail "after Don't save, no 'New from template' dialog"
read -r dw dh <<<"$(wait_size "$dialog" 740 600 5)"
ok=$(wait_blue "$dialog" 300x90-300-90 20)
import -window root "$out/templates-after-ask.png"
echo "template dialog after the Save changes? question: ${dw}x${dh}, OK button: $ok accent pixels"
[ "$dw" -ge 740 ] && [ "$dh" -ge 600 ] || fail "after the Save changes? question the template dialog is ${dw}x${dh}; expected at least 740x600"
[ "$ok" -ge 200 ] || fail "after the Save changes? question the template dialog (${dw}x${dh}) shows no OK button"

echo "wm-check: passed; screenshots in $out"
