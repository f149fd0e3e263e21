package io.stella.inventory.sbom;

import io.stella.inventory.AnalysisWarning;
import io.stella.inventory.Inventory;
import io.stella.inventory.OsRelease;
import io.stella.inventory.Package;
import io.stella.inventory.PackageType;
import io.stella.inventory.ScanTarget;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * An inventory as the assembler produces it for an application image on Alpine 3.20: apk packages with
 * source packages and Alpine's licence strings, a Spring-style jar set (jackson-databind twice, at two
 * paths: same purl), an npm scoped package, PyPI, Go (toolchain and a module) and a Rust crate.
 */
final class SbomFixtures {
    static final String IMAGE = "ghcr.io/stella-demo/shop-api:1.4.2";
    static final String DIGEST = "sha256:6457d53fb065d6f250e1504b9bc42d5b6c65941d57532c072d929dd0628977d0";
    static final String BASE_LAYER = "sha256:43c4264eed91be63b206e17d93e75256a6097070ce643c5e8f0379998b44f170";
    static final String JAR_LAYER = "sha256:9c2b1f1d4f0e3b6f0d5b2a0b6b4fc7c3e7d0e1a1f8f2a36c0c1b8e3d6a5f4e21";
    static final String APP_LAYER = "sha256:e1f7cd2b3c5d7e9f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f";
    static final Instant NOW = Instant.parse("2025-03-14T09:26:53Z");
    static final String TOOL_VERSION = "0.1.0";

    private SbomFixtures() {}

    static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    /** The same UUID on every call, so two documents written in one test are byte-identical. */
    static Supplier<UUID> uuids() {
        return () -> UUID.fromString("3f2a9c64-5d1e-4b7a-9e08-2c6f1d0b8a47");
    }

    static SbomWriter writer(SbomFormat format) {
        return SbomWriters.forFormat(format, clock(), uuids(), TOOL_VERSION);
    }

    static Inventory appImage() {
        ScanTarget target = new ScanTarget(IMAGE, ScanTarget.Kind.CONTAINER_IMAGE, DIGEST, "linux/amd64",
                List.of(BASE_LAYER, JAR_LAYER, APP_LAYER));
        OsRelease os = new OsRelease("alpine", "3.20.3", null, "Alpine Linux v3.20", "etc/os-release");
        List<AnalysisWarning> warnings = List.of(
                new AnalysisWarning("unreadable-archive", JAR_LAYER, "app/lib/legacy-reports.jar",
                        "not a zip archive: end of central directory not found"),
                new AnalysisWarning("apk-record-incomplete", BASE_LAYER, "lib/apk/db/installed",
                        "record at line 412 has no version (V:); package skipped"));
        return new Inventory(target, os, packages(), warnings,
                List.of("apk", "jar", "npm", "python-dist-info", "go-binary", "cargo-lock"));
    }

    /** A directory scan: no os-release, so the apk package hangs off the root. */
    static Inventory directory() {
        ScanTarget target = new ScanTarget("/srv/checkout", ScanTarget.Kind.FILESYSTEM, null, null, List.of());
        return new Inventory(target, null, List.of(
                apk("musl", "1.2.5-r0", "musl", List.of("MIT")),
                pypi("requests", "2.32.3", List.of("Apache-2.0"), "venv/lib/python3.12/site-packages/requests-2.32.3.dist-info/METADATA", null)),
                List.of(), List.of("apk", "python-dist-info"));
    }

    private static List<Package> packages() {
        String jackson = "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.17.1";
        return List.of(
                // Deliberately not sorted: the writers sort.
                Package.of(PackageType.NPM, "@babel/core", "7.24.7")
                        .withLicenses(List.of("MIT"))
                        .withFilePath("app/web/node_modules/@babel/core/package.json")
                        .withLayerDigest(APP_LAYER)
                        .withIdentity("npm", "pkg:npm/%40babel/core@7.24.7"),
                apk("musl", "1.2.5-r0", "musl", List.of("MIT")),
                apk("busybox", "1.36.1-r29", "busybox", List.of("GPL-2.0-only")),
                apk("musl-utils", "1.2.5-r0", "musl", List.of("MIT AND BSD-2-Clause AND GPL-2.0-or-later")),
                apk("kmod-libs", "32-r0", "kmod", List.of("LGPL-2.1-or-later", "GPL-2.0-or-later AND MIT")),
                apk("tzdata", "2024b-r0", "tzdata", List.of("Public Domain")),
                apk("xz-libs", "5.6.2-r0", "xz", List.of("GPL-2.0-or-later AND 0BSD AND Public-Domain AND LGPL-2.1-or-later")),
                apk("ca-certificates-bundle", "20240705-r0", "ca-certificates", List.of("MPL-2.0 AND MIT")),
                Package.of(PackageType.MAVEN, "com.fasterxml.jackson.core:jackson-databind", "2.17.1")
                        .withLicenses(List.of("The Apache Software License, Version 2.0"))
                        .withFilePath("app/lib/jackson-databind-2.17.1.jar")
                        .withLayerDigest(JAR_LAYER)
                        .withIdentity("Maven", jackson),
                Package.of(PackageType.MAVEN, "com.fasterxml.jackson.core:jackson-databind", "2.17.1")
                        .withLicenses(List.of("The Apache Software License, Version 2.0"))
                        .withFilePath("app/plugins/report-export.jar!/BOOT-INF/lib/jackson-databind-2.17.1.jar")
                        .withLayerDigest(JAR_LAYER)
                        .withIdentity("Maven", jackson),
                pypi("requests", "2.32.3", List.of("Apache-2.0"),
                        "usr/lib/python3.12/site-packages/requests-2.32.3.dist-info/METADATA", APP_LAYER),
                pypi("python-dateutil", "2.9.0.post0", List.of("Dual License", "Apache-2.0 OR BSD-3-Clause"),
                        "usr/lib/python3.12/site-packages/python_dateutil-2.9.0.post0.dist-info/METADATA", APP_LAYER),
                Package.of(PackageType.GOLANG, "stdlib", "v1.22.5")
                        .withLicenses(List.of("BSD-3-Clause"))
                        .withFilePath("usr/local/bin/healthcheck")
                        .withLayerDigest(APP_LAYER)
                        .withIdentity("Go", "pkg:golang/stdlib@v1.22.5"),
                Package.of(PackageType.GOLANG, "github.com/spf13/cobra", "v1.8.1")
                        .withFilePath("usr/local/bin/healthcheck")
                        .withLayerDigest(APP_LAYER)
                        .withIdentity("Go", "pkg:golang/github.com/spf13/cobra@v1.8.1"),
                Package.of(PackageType.CARGO, "serde", "1.0.204")
                        .withLicenses(List.of("MIT OR Apache-2.0"))
                        .withFilePath("opt/indexer/Cargo.lock")
                        .withLayerDigest(APP_LAYER)
                        .withIdentity("crates.io", "pkg:cargo/serde@1.0.204"));
    }

    private static Package apk(String name, String version, String source, List<String> licences) {
        return Package.of(PackageType.APK, name, version)
                .withSource(source, version)
                .withLicenses(licences)
                .withArch("x86_64")
                .withFilePath("lib/apk/db/installed")
                .withLayerDigest(BASE_LAYER)
                .withIdentity("Alpine", "pkg:apk/alpine/" + name + "@" + version + "?arch=x86_64&distro=alpine-3.20");
    }

    private static Package pypi(String name, String version, List<String> licences, String path, String layer) {
        return Package.of(PackageType.PYPI, name, version)
                .withLicenses(licences)
                .withFilePath(path)
                .withLayerDigest(layer)
                .withIdentity("PyPI", "pkg:pypi/" + name + "@" + version);
    }
}
