# shellcheck shell=bash
# Finds a JDK new enough for the workbench (JavaFX 25 needs Java 23+; the build asks for 25) and
# exports JAVA_HOME to it. Sourced by ./workbench and scripts/test. Looks at, in order: JAVA_HOME,
# the java on PATH, then the JDKs under /usr/lib/jvm (and the other usual folders), newest first.
# Prints what to install and returns 1 when none will do.

workbench_min_java=25

# The major version of the JDK at $1 (its release file; `java -version` where it has none), or nothing.
workbench_java_major() {
  local home=$1 version=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  if [ -z "$version" ]; then
    version=$("$home/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n1)
  fi
  version=${version#1.}
  echo "${version%%[.+-]*}"
}

workbench_describe() {
  if [ -n "$1" ]; then echo "Java $1"; else echo "not a JDK"; fi
}

workbench_find_jdk() {
  local tried=() home major best="" best_major=0 java_on_path
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(workbench_java_major "$JAVA_HOME")
    if [ "${major:-0}" -ge "$workbench_min_java" ] 2>/dev/null; then return 0; fi
    tried+=("JAVA_HOME=$JAVA_HOME ($(workbench_describe "$major"))")
  fi
  if java_on_path=$(command -v java 2>/dev/null); then
    home=$(dirname "$(dirname "$(readlink -f "$java_on_path")")")
    major=$(workbench_java_major "$home")
    if [ "${major:-0}" -ge "$workbench_min_java" ] 2>/dev/null; then export JAVA_HOME=$home; return 0; fi
    tried+=("java on PATH: $home ($(workbench_describe "$major"))")
  fi
  for home in /usr/lib/jvm/* /usr/lib64/jvm/* /usr/java/* /opt/java/* /opt/jdk* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$home" ] && [ ! -L "$home" ] || continue
    major=$(workbench_java_major "$home")
    [ -n "$major" ] || continue
    if [ "$major" -gt "$best_major" ] 2>/dev/null; then best=$home; best_major=$major; fi
  done
  if [ "$best_major" -ge "$workbench_min_java" ]; then
    if [ -n "${JAVA_HOME:-}" ]; then
      echo "workbench: JAVA_HOME ($JAVA_HOME) is not a JDK $workbench_min_java or newer; using $best (Java $best_major)" >&2
    fi
    export JAVA_HOME=$best
    return 0
  fi
  [ -z "$best" ] || tried+=("newest under /usr/lib/jvm: $best (Java $best_major)")
  {
    echo "workbench: needs a JDK $workbench_min_java or newer (JavaFX 25 runs on Java 23+), and found none."
    [ ${#tried[@]} -eq 0 ] || printf '  looked at: %s\n' "${tried[@]}"
    echo "Install a JDK $workbench_min_java (Eclipse Temurin 25, or your distribution's openjdk-25-jdk) under"
    echo "/usr/lib/jvm, where it is found, or set JAVA_HOME to it."
  } >&2
  return 1
}

# Spark 3.5 (workbench-spark) runs on Java 17 to 22: on 23 and newer, Hadoop 3.3's user login, which
# Spark calls at start, fails ("getSubject is not supported"; docs/decisions/0012). Finds such a JDK,
# 17 first: SPARK_JAVA_HOME, then the JDKs under /usr/lib/jvm and the other usual folders; exports
# SPARK_JAVA_HOME to it. Prints what to install and returns 1 when there is none.
workbench_find_spark_jdk() {
  local home major best="" best_major=0
  if [ -n "${SPARK_JAVA_HOME:-}" ]; then
    major=$(workbench_java_major "$SPARK_JAVA_HOME")
    if [ "${major:-0}" -ge 17 ] 2>/dev/null && [ "$major" -le 22 ]; then return 0; fi
    echo "workbench: SPARK_JAVA_HOME ($SPARK_JAVA_HOME) is $(workbench_describe "$major"), not a JDK 17 to 22; looking for one" >&2
  fi
  for home in /usr/lib/jvm/* /usr/lib64/jvm/* /usr/java/* /opt/java/* /opt/jdk* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$home" ] && [ ! -L "$home" ] || continue
    major=$(workbench_java_major "$home")
    [ -n "$major" ] && [ "$major" -ge 17 ] 2>/dev/null && [ "$major" -le 22 ] || continue
    if [ -z "$best" ] || [ "$major" -lt "$best_major" ]; then best=$home; best_major=$major; fi
  done
  if [ -n "$best" ]; then export SPARK_JAVA_HOME=$best; return 0; fi
  {
    echo "workbench: Spark needs a JDK 17 (17 to 22; Spark 3.5 and Hadoop's login fail on Java 23 and newer), and found none."
    echo "Install one (apt-get install openjdk-17-jdk-headless, or Temurin 17) under /usr/lib/jvm, or set SPARK_JAVA_HOME to it."
  } >&2
  return 1
}
