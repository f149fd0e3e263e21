package io.stella.vulndb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.vulndb.store.VulnerabilityStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleTest {
    @TempDir
    Path dir;
    Path bundle;

    @BeforeEach
    void exportABundle() {
        VulnDatabase source = VulnDatabase.open(dir.resolve("online/stella.db"), Clock.systemUTC(), TestData.FAKE_CVSS);
        source.importPaths(List.of(TestData.osv("rustsec.zip"), TestData.root().resolve("alpine-secdb/v3.10")));
        bundle = dir.resolve("bundle.zip");
        var manifest = source.exportBundle(bundle);
        assertThat(manifest.sources()).extracting(s -> s.name()).containsExactly("alpine-secdb:v3.10/community", "alpine-secdb:v3.10/main", "osv:crates.io");
        assertThat(manifest.parts()).singleElement().satisfies(p -> assertThat(p.sha256()).hasSize(64));
    }

    private VulnDatabase airGapped() {
        return VulnDatabase.open(dir.resolve("offline/stella.db"), Clock.systemUTC(), TestData.FAKE_CVSS);
    }

    @Test
    void roundTrip() {
        VulnDatabase offline = airGapped();
        List<ImportReport> reports = offline.importPaths(List.of(bundle));
        assertThat(reports).extracting(ImportReport::source).containsExactly("alpine-secdb:v3.10/community", "alpine-secdb:v3.10/main", "osv:crates.io");
        try (VulnerabilityStore store = offline.openStore()) {
            assertThat(store.affecting("crates.io", "openssl")).isNotEmpty();
            assertThat(store.affecting("Alpine:v3.10", "ansible")).isNotEmpty();
        }
    }

    @Test
    void aByteFlippedInThePartIsRefusedAndThePreviousDatabaseStays() throws IOException {
        VulnDatabase offline = airGapped();
        offline.importPaths(List.of(TestData.osv("go-vulndb.zip")));
        byte[] before = Files.readAllBytes(offline.file());
        Path tampered = rewrite("flipped.zip", (name, bytes) -> {
            if (name.equals("stella.db")) {
                bytes[bytes.length / 2] ^= 0x01;
            }
            return bytes;
        });
        assertThatThrownBy(() -> offline.importPaths(List.of(tampered)))
                .isInstanceOfSatisfying(VulnDbException.class, e -> {
                    assertThat(e.code()).isEqualTo(VulnDbException.Code.VULNDB_BUNDLE_TAMPERED);
                    assertThat(e.getMessage()).contains("stella.db");
                    assertThat(e.evidence().get("part")).isEqualTo("stella.db");
                    assertThat(e.evidence().get("expected_sha256")).hasSize(64)
                            .isNotEqualTo(e.evidence().get("actual_sha256"));
                });
        assertThat(Files.readAllBytes(offline.file())).isEqualTo(before);
        try (VulnerabilityStore store = offline.openStore()) {
            assertThat(store.ecosystemKeys()).containsExactly("Go");
        }
    }

    @Test
    void anEditedManifestIsRefused() throws IOException {
        Path tampered = rewrite("edited.zip", (name, bytes) -> name.equals("manifest.json")
                ? new String(bytes, StandardCharsets.UTF_8).replaceFirst("\"records\" : \\d+", "\"records\" : 1")
                        .getBytes(StandardCharsets.UTF_8)
                : bytes);
        VulnDatabase offline = airGapped();
        assertThatThrownBy(() -> offline.importPaths(List.of(tampered)))
                .isInstanceOfSatisfying(VulnDbException.class, e -> {
                    assertThat(e.code()).isEqualTo(VulnDbException.Code.VULNDB_BUNDLE_TAMPERED);
                    assertThat(e.evidence().get("part")).isEqualTo("manifest.json");
                });
        assertThat(offline.file()).doesNotExist();
    }

    /** A copy of the bundle with each entry passed through {@code change}. */
    private Path rewrite(String name, BiFunction<String, byte[], byte[]> change) throws IOException {
        Path copy = dir.resolve(name);
        try (ZipFile in = new ZipFile(bundle.toFile()); OutputStream file = Files.newOutputStream(copy);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                byte[] bytes;
                try (InputStream body = in.getInputStream(entry)) {
                    bytes = body.readAllBytes();
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(change.apply(entry.getName(), bytes));
                out.closeEntry();
            }
        }
        return copy;
    }
}
