# Sourced by the bench scripts: assembles inputs from real files on this machine (Maven's local repository,
# npm's own node_modules, Debian's Python dist-packages, Go binaries from Debian packages).

bench_m2="${BENCH_M2_REPOSITORY:-$HOME/.m2/repository}"

# Prints the newest released jar of each Maven artifact directory given (relative to the local repository),
# skipping artifacts that are absent.
bench_newest_jars() {
  local a artifact v
  for a in "$@"; do
    artifact="${a##*/}"
    for v in $(ls -1 "$bench_m2/$a" 2>/dev/null | sort -rV); do
      case "$v" in *SNAPSHOT*) continue;; esac
      if [ -f "$bench_m2/$a/$v/$artifact-$v.jar" ]; then echo "$bench_m2/$a/$v/$artifact-$v.jar"; break; fi
    done
  done
}

# Jars put under app/lib/: plain jars, most with META-INF/maven/**/pom.properties; bcprov, picocli, protobuf-java,
# caffeine, hamcrest, checker-qual and org.eclipse.osgi have none (only MANIFEST.MF and the file name tell).
bench_app_jars=(
  com/fasterxml/jackson/core/jackson-databind com/fasterxml/jackson/core/jackson-core
  com/fasterxml/jackson/core/jackson-annotations com/google/guava/guava org/apache/commons/commons-compress
  commons-io/commons-io commons-codec/commons-codec org/xerial/sqlite-jdbc org/slf4j/slf4j-api
  org/apache/commons/commons-lang3 com/networknt/json-schema-validator org/cyclonedx/cyclonedx-core-java
  com/github/package-url/packageurl-java org/bouncycastle/bcprov-jdk18on info/picocli/picocli log4j/log4j
  org/yaml/snakeyaml joda-time/joda-time org/apache/maven/maven-core
  com/google/protobuf/protobuf-java com/github/ben-manes/caffeine/caffeine org/hamcrest/hamcrest
  org/checkerframework/checker-qual org/eclipse/platform/org.eclipse.osgi
)
# Jars nested in the Spring-Boot-style fat jar (BOOT-INF/lib/); two overlap with app/lib on purpose.
bench_boot_jars=(
  org/apache/httpcomponents/httpclient org/apache/httpcomponents/httpcore commons-logging/commons-logging
  org/junit/jupiter/junit-jupiter-api org/assertj/assertj-core net/bytebuddy/byte-buddy
  org/apache/commons/commons-text commons-io/commons-io org/slf4j/slf4j-api
)

# Go binaries: Debian's docker-registry and skopeo are GOPATH builds (build info names the main package only, no
# modules); kubectl and terraform, when this machine has them, are module builds listing their dependencies.
bench_go_binaries=(/usr/bin/docker-registry /usr/bin/skopeo /usr/lib/google-cloud-sdk/bin/kubectl /usr/local/bin/terraform)

# bench_lang_rootfs DIR — a root file system of language packages only (no OS package database):
#   app/lib/*.jar, app/boot-app.jar (BOOT-INF/lib/*.jar stored, plus its own pom.properties),
#   usr/lib/node_modules/npm, usr/lib/python3/dist-packages/*.{dist,egg}-info, usr/local/bin/<the Go binaries above that exist>
bench_lang_rootfs() {
  local root="$1" j tmp
  mkdir -p "$root/app/lib" "$root/usr/lib/node_modules" "$root/usr/lib/python3/dist-packages" "$root/usr/local/bin"
  for j in $(bench_newest_jars "${bench_app_jars[@]}"); do cp "$j" "$root/app/lib/"; done
  tmp="$(mktemp -d)"
  mkdir -p "$tmp/BOOT-INF/lib" "$tmp/BOOT-INF/classes/com/example/demo" "$tmp/META-INF/maven/com.example/demo-app"
  for j in $(bench_newest_jars "${bench_boot_jars[@]}"); do cp "$j" "$tmp/BOOT-INF/lib/"; done
  printf 'greeting=hello\n' >"$tmp/BOOT-INF/classes/application.properties"
  printf 'artifactId=demo-app\ngroupId=com.example\nversion=1.0.0\n' >"$tmp/META-INF/maven/com.example/demo-app/pom.properties"
  printf 'Main-Class: org.springframework.boot.loader.launch.JarLauncher\nStart-Class: com.example.demo.App\nSpring-Boot-Classes: BOOT-INF/classes/\nSpring-Boot-Lib: BOOT-INF/lib/\n' >"$tmp/manifest.txt"
  # Spring Boot stores nested jars uncompressed (-0) so they can be read in place.
  (cd "$tmp" && jar --create --no-compress --file "$root/app/boot-app.jar" --manifest manifest.txt BOOT-INF META-INF)
  rm -rf "$tmp"
  if [ -d /usr/lib/node_modules/npm ]; then cp -a /usr/lib/node_modules/npm "$root/usr/lib/node_modules/npm"; fi
  for j in /usr/lib/python3/dist-packages/*.dist-info /usr/lib/python3/dist-packages/*.egg-info; do
    if [ -e "$j" ]; then cp -a "$j" "$root/usr/lib/python3/dist-packages/"; fi
  done
  for j in "${bench_go_binaries[@]}"; do if [ -f "$j" ]; then cp "$j" "$root/usr/local/bin/"; fi; done
  return 0
}
