#!/usr/bin/env bash
# Builds the workbench as a desktop application with its own Java runtime, under dist/:
#   Linux:   dist/dl4j-workbench/ (app image) and dist/dl4j-workbench_VERSION_amd64.deb
#   Windows: dist/dl4j-workbench-VERSION.msi (needs the WiX Toolset on PATH)
#   macOS:   dist/dl4j-workbench-VERSION.dmg
# jpackage builds for the OS it runs on; only the Linux package is built and checked here
# (docs/decisions/0013). Needs a JDK 25 (scripts/jdk.sh finds it) and Maven; on Linux also
# dpkg-deb and fakeroot (apt-get install fakeroot).
#   scripts/package.sh              app image and the package
#   scripts/package.sh app-image    the app image only (what the tests check)
# WORKBENCH_PACKAGE_NATIVES lists the ND4J builds to ship besides onednn, which runs on any
# x86-64 (default: onednn-avx2 onednn-avx512, all three; docs/decisions/0013).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/jdk.sh
. "$root/scripts/jdk.sh"
workbench_find_jdk || exit 1
export PATH=$JAVA_HOME/bin:$PATH
# (Maven 3.8's Guava uses sun.misc.Unsafe, which Java 24+ warns about.)
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
what=${1:-package}
case $what in package|app-image) ;; *) echo "package.sh: say package or app-image, not '$what'" >&2; exit 2 ;; esac

name=dl4j-workbench
version=$(sed -n 's|^  <version>\([0-9.]*\).*</version>|\1|p' "$root/pom.xml" | head -n1)
dist=$root/dist
build=$dist/build
target=$root/workbench-app/target
rm -rf "$build" "${dist:?}/$name"
mkdir -p "$build/app" "$build/jars" "$build/javafx" "$build/native/common"

case $(uname -s) in
  Linux) os=linux ;;
  Darwin) os=mac ;;
  MINGW*|MSYS*|CYGWIN*) os=windows ;;
  *) echo "package.sh: jpackage builds for Linux, macOS and Windows, not $(uname -s)" >&2; exit 2 ;;
esac

echo "Building the workbench ..." >&2
mvn -q -B -f "$root/pom.xml" -pl workbench-app -am -DskipTests package >&2
classpath=$(cat "$target/classpath.txt")

if [ "$os" != linux ]; then
  # Untested there. jpackage's own launcher runs it: the jars as they are (JavaCPP unpacks the
  # natives into the user's cache on the first start) and JavaFX from the module path.
  sep=':'; [ "$os" = windows ] && sep=';'  # Windows paths hold colons (C:\...)
  cp "$target/workbench-app.jar" "$build/app/"
  tr "$sep" '\n' <<< "$classpath" | while read -r jar; do cp "$jar" "$build/app/"; done
  tr "$sep" '\n' <<< "$(cat "$target/modulepath.txt")" | while read -r jar; do cp "$jar" "$build/javafx/"; done
  type=dmg; [ "$os" = windows ] && type=msi
  # jpackage on macOS refuses a version whose first number is 0 (a bundle version).
  [ "$os" = mac ] && [ "${version%%.*}" = 0 ] && version=1.${version#0.}
  extra=(--mac-package-name "DL4J Workbench"); [ "$os" = windows ] && extra=(--win-menu --win-shortcut --win-dir-chooser)
  jpackage --type "$type" --name "$name" --app-version "$version" --vendor "DL4J Workbench" \
    --input "$build/app" --main-jar workbench-app.jar --main-class org.dl4jworkbench.app.Main \
    --module-path "$build/javafx" --add-modules java.se,jdk.unsupported,jdk.zipfs,jdk.crypto.ec,javafx.controls \
    --jlink-options "--strip-debug --no-man-pages --no-header-files" \
    --java-options "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0 --enable-native-access=javafx.graphics,ALL-UNNAMED --sun-misc-unsafe-memory-access=allow" \
    "${extra[@]}" --dest "$dist"
  ls -l "$dist"/*."$type"
  exit 0
fi

[ "$(uname -m)" = x86_64 ] || { echo "package.sh: the Linux package is for x86-64 (ND4J's oneDNN builds)" >&2; exit 2; }

# The class path without the natives' jars; those are unpacked instead, so that JavaCPP never
# unpacks 450 MB into the home folder at the first start.
unzip_some() { # unzip's arguments; quiet where a pattern matches nothing (11: nd4j-native-preset has no natives)
  local out rc=0
  out=$(unzip -q "$@" 2>&1) || rc=$?
  [ "$rc" = 0 ] || [ "$rc" = 11 ] || { echo "$out" >&2; return "$rc"; }
}
unpack() { # JAR DIR: the jar's shared libraries, flat, into DIR
  mkdir -p "$2"
  unzip_some -o -j "$1" '*.so' '*.so.*' -d "$2"
}
: > "$build/app/classpath"
while read -r jar; do
  case $(basename "$jar") in
    nd4j-native-*-linux-x86_64-*.jar) ;;  # the ND4J builds, below
    *-linux-x86_64.jar) unpack "$jar" "$build/native/common" ;;
    *) cp "$jar" "$build/app/"; basename "$jar" >> "$build/app/classpath" ;;
  esac
done < <(tr ':' '\n' <<< "$classpath")
cp "$target/workbench-app.jar" "$build/app/"
sed -i '1i workbench-app.jar' "$build/app/classpath"
# The jars stored, not deflated: xz, which packs the .deb, then makes 19 MB of them instead
# of 48 (and the classes load without inflating).
for jar in "$build"/app/*.jar; do
  rm -rf "$build/restore" && mkdir "$build/restore"
  (cd "$build/restore" && unzip -q "$jar" && rm "$jar" && jar --create --no-compress --no-manifest --file "$jar" -C . .)
done
rm -rf "$build/restore"

dl4j=$(sed -n 's|.*<dl4j.version>\(.*\)</dl4j.version>.*|\1|p' "$root/pom.xml")
for flavour in onednn ${WORKBENCH_PACKAGE_NATIVES-onednn-avx2 onednn-avx512}; do
  jar=$HOME/.m2/repository/org/nd4j/nd4j-native/$dl4j/nd4j-native-$dl4j-linux-x86_64-$flavour.jar
  if [ ! -f "$jar" ]; then
    mvn -q -B -f "$root/pom.xml" -N dependency:copy -Dartifact="org.nd4j:nd4j-native:$dl4j:jar:linux-x86_64-$flavour" \
      -DoutputDirectory="$build/jars" >&2
    jar=$build/jars/$(basename "$jar")
  fi
  unpack "$jar" "$build/native/nd4j-$flavour"
done
# OpenBLAS under the one name ND4J's binding asks for. JavaCPP preloads it as
# "openblas@.0#openblas_nolapack@.0": found as libopenblas.so.0, it would copy it (31 MB) into
# its cache under the second name. Shipped under that name only, the preload finds nothing and
# the binding's own link loads it from java.library.path (its soname stays libopenblas.so.0,
# which is what libnd4jcpu.so asks for).
mv "$build/native/common/libopenblas.so.0" "$build/native/common/libopenblas_nolapack.so.0"

# JavaFX in the runtime itself, its libraries in the runtime's lib folder where the JVM finds
# them: from the Maven jars, JavaFX would unpack them into ~/.openjfx.
while read -r jar; do
  case $jar in
    *-linux.jar)
      mkdir -p "$build/javafx-unpacked/$(basename "$jar" .jar)"
      (cd "$build/javafx-unpacked/$(basename "$jar" .jar)" && unzip_some "$jar" -x '*.so' javafx-swt.jar 'META-INF/*.SF' 'META-INF/*.RSA' \
         && jar --create --file "$build/javafx/$(basename "$jar")" --no-manifest -C . .)
      unzip_some -o -j "$jar" '*.so' -d "$build/javafx-libs" ;;
  esac
done < <(tr ':' '\n' <<< "$(cat "$target/modulepath.txt")")

echo "Linking the Java runtime ..." >&2
# jdk.zipfs: the model zips; jdk.crypto.ec: HTTPS downloads; jdk.unsupported: ND4J's Unsafe.
# Uncompressed (xz packs it smaller, and it starts faster) and with the JDK's class-data
# archive, which a linked runtime otherwise lacks (start-up); not the one for heaps over 32 GB.
jlink --module-path "$build/javafx" \
  --add-modules java.se,jdk.unsupported,jdk.zipfs,jdk.crypto.ec,jdk.management,javafx.controls \
  --strip-debug --no-man-pages --no-header-files --generate-cds-archive --output "$build/runtime" >/dev/null
rm -f "$build/runtime/lib/server/classes_nocoops.jsa"
cp "$build"/javafx-libs/*.so "$build/runtime/lib/"

echo "Making the app image ..." >&2
jpackage --type app-image --name "$name" --app-version "$version" --vendor "DL4J Workbench" \
  --input "$build/app" --main-jar workbench-app.jar --main-class org.dl4jworkbench.app.Main \
  --runtime-image "$build/runtime" --icon "$root/packaging/linux/$name.png" --dest "$dist"
image=$dist/$name
cp -r "$build/native" "$image/lib/native"
cp "$root/scripts/native.sh" "$image/lib/native.sh"
install -m 755 "$root/packaging/linux/$name" "$image/bin/$name"
"$image/bin/$name" --version

rm -rf "$build"  # 1.4 GB of unpacked natives and jars, all in the image now
[ "$what" = package ] || exit 0
for tool in dpkg-deb fakeroot; do
  command -v "$tool" >/dev/null || { echo "package.sh: the .deb needs $tool (apt-get install $tool)" >&2; exit 1; }
done
echo "Making the .deb ..." >&2
rm -f "$dist/${name}_"*.deb
# GTK 3 for the window (JavaFX's glass; it brings X11, cairo, pango and fonts), libstdc++ and
# zlib for ND4J's, OpenBLAS's and HDF5's natives, xdg-utils for the menu entry. jpackage's own
# list (packaging/linux/control leaves it out) named every library ldd found on this machine,
# this machine's OpenBLAS among them, by Debian 12's package names. (The control file names
# libc6 itself: jpackage puts a comma before the list it is given.)
jpackage --type deb --app-image "$image" --name "$name" --app-version "$version" --vendor "DL4J Workbench" \
  --description "Design, train and use image classifiers with Deeplearning4j, without writing code" \
  --linux-package-name "$name" --linux-deb-maintainer "dl4j-workbench@users.noreply.github.com" \
  --linux-package-deps "libstdc++6, zlib1g, libgtk-3-0 | libgtk-3-0t64, xdg-utils" --linux-app-category science \
  --linux-menu-group "Education;Science;" --linux-shortcut \
  --icon "$root/packaging/linux/$name.png" --resource-dir "$root/packaging/linux" --dest "$dist"
ls -l "$dist"/*.deb
