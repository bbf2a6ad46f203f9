#!/usr/bin/env bash
# Takes one of the screenshots in docs/: the real window under Xvfb, a scenario from the
# test sources (workbench-app/src/test/java/org/dl4jworkbench/app/ui/shots), a PNG out.
#   scripts/screenshot.sh EditorShot docs/screenshots/editor-light.png [dark]
# Needs Xvfb (apt-get install -y xvfb); builds first unless SCREENSHOT_NOBUILD=1.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
[ $# -ge 2 ] || { echo "usage: scripts/screenshot.sh SCENARIO OUT.png [dark]" >&2; exit 2; }
scenario=$1; out=$2; theme=${3:-light}
target=$root/workbench-app/target
# shellcheck source=scripts/jdk.sh
. "$root/scripts/jdk.sh"
workbench_find_jdk || exit 1
if [ "${SCREENSHOT_NOBUILD:-0}" != 1 ]; then
  MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" mvn -q -o -B -f "$root/pom.xml" -DskipTests package >&2
fi
case $scenario in *.*) ;; *) scenario=org.dl4jworkbench.app.ui.shots.$scenario ;; esac
cmd=("$JAVA_HOME/bin/java" -Dorg.bytedeco.javacpp.maxPhysicalBytes=0 -Dprism.order=sw
  --enable-native-access=javafx.graphics,ALL-UNNAMED --sun-misc-unsafe-memory-access=allow
  --module-path "$(cat "$target/modulepath.txt")" --add-modules javafx.controls
  -cp "$target/test-classes:$target/classes:$(cat "$target/test-classpath.txt")"
  org.dl4jworkbench.app.ui.shots.Screenshots "$scenario" "$out" "$theme")
if [ -n "${DISPLAY:-}" ]; then
  exec "${cmd[@]}"
fi
command -v xvfb-run >/dev/null || { echo "screenshot: needs Xvfb (apt-get install -y xvfb) or a DISPLAY" >&2; exit 1; }
exec xvfb-run -a -s "-screen 0 1280x860x24" "${cmd[@]}"
