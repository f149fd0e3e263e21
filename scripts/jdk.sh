# Sourced by ./stella and scripts/*: exports JAVA_HOME pointing at a JDK >= 21, or fails saying how to get one.
# Order: $JAVA_HOME, `java` on PATH, then /usr/lib/jvm/* (newest first).

stella_java_major() { # $1 = path to a java binary
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1 | cut -d. -f1
}

stella_find_jdk() {
  local candidates=() c major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for c in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do candidates+=("${c%/}"); done
  for c in "${candidates[@]}"; do
    if [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ]; then
      major=$(stella_java_major "$c/bin/java")
      if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
        export JAVA_HOME="$c"
        export PATH="$JAVA_HOME/bin:$PATH"
        # Maven 3.8's bundled Guava calls sun.misc.Unsafe; JDK 24+ warns on every build without this.
        if [ "$major" -ge 24 ]; then
          case " ${MAVEN_OPTS:-} " in *sun-misc-unsafe*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow";; esac
        fi
        return 0
      fi
    fi
  done
  echo "stella needs a JDK 21 or newer; none found in JAVA_HOME, on PATH or under /usr/lib/jvm." >&2
  echo "Install one, e.g.: apt-get install openjdk-21-jdk-headless (or set JAVA_HOME)." >&2
  return 1
}
