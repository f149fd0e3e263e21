package io.stella.vulndb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.vulndb.store.VulnerabilityStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicImportTest {
    @TempDir
    Path dir;

    private VulnDatabase db() {
        return VulnDatabase.open(dir.resolve("db/stella.db"), Clock.systemUTC(), TestData.FAKE_CVSS);
    }

    @Test
    void aFailedImportLeavesThePreviousDatabaseIntactAndUsable() throws IOException {
        VulnDatabase db = db();
        db.importPaths(List.of(TestData.osv("rustsec.zip")));
        byte[] before = Files.readAllBytes(db.file());
        byte[] zip = Files.readAllBytes(TestData.osv("go-vulndb.zip"));
        Path corrupt = dir.resolve("go-corrupt.zip");
        Files.write(corrupt, Arrays.copyOf(zip, zip.length / 2)); // cut off: no central directory

        assertThatThrownBy(() -> db.importPaths(List.of(TestData.osv("pypa.zip"), corrupt)))
                .isInstanceOfSatisfying(VulnDbException.class, e -> {
                    assertThat(e.code()).isEqualTo(VulnDbException.Code.VULNDB_IMPORT_FAILED);
                    assertThat(e.getMessage()).contains(corrupt.toString()).contains("not a readable zip");
                });

        assertThat(Files.readAllBytes(db.file())).isEqualTo(before);
        try (VulnerabilityStore store = db.openStore()) {
            assertThat(store.affecting("crates.io", "openssl")).isNotEmpty();
            assertThat(store.ecosystemKeys()).containsExactly("crates.io");
        }
        try (var files = Files.list(db.file().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("stella.db");
        }
    }

    @Test
    void reimportingASourceReplacesItsRecordsAndLeavesTheOthers() {
        VulnDatabase db = db();
        db.importPaths(List.of(TestData.root().resolve("alpine-secdb/v3.10/main.yaml")));
        long mainOnly = db.status().sources().getFirst().totalRecords();
        db.importPaths(List.of(TestData.root().resolve("alpine-secdb/v3.10/community.yaml")));
        assertThat(db.status().sources()).extracting(s -> s.name())
                .containsExactlyInAnyOrder("alpine-secdb:v3.10/main", "alpine-secdb:v3.10/community");
        db.importPaths(List.of(TestData.root().resolve("alpine-secdb/v3.10/main.yaml")));
        assertThat(db.status().sources()).hasSize(2);
        assertThat(db.status().sources()).filteredOn(s -> s.name().endsWith("/main")).singleElement()
                .satisfies(s -> {
                    assertThat(s.totalRecords()).isEqualTo(mainOnly);
                    assertThat(s.origin()).endsWith("main.yaml");
                });
    }

    @Test
    void aFileThatIsNotAStellaDatabaseIsCorrupt() throws IOException {
        Path notADb = dir.resolve("stella.db");
        Files.writeString(notADb, "hello, not sqlite at all ".repeat(100));
        VulnDatabase db = VulnDatabase.open(notADb, Clock.systemUTC(), TestData.FAKE_CVSS);
        assertThatThrownBy(db::status).isInstanceOfSatisfying(VulnDbException.class, e -> {
            assertThat(e.code()).isEqualTo(VulnDbException.Code.VULNDB_CORRUPT);
            assertThat(e.getMessage()).contains(notADb.toString());
            assertThat(e.hint()).contains("stella db update");
        });
        assertThatThrownBy(() -> db.importPaths(List.of(TestData.osv("rustsec.zip"))))
                .isInstanceOfSatisfying(VulnDbException.class,
                        e -> assertThat(e.code()).isEqualTo(VulnDbException.Code.VULNDB_CORRUPT));
        assertThat(Files.readString(notADb)).startsWith("hello, not sqlite");
    }

    @Test
    void aMissingDatabaseSaysHowToGetOne() {
        assertThatThrownBy(() -> db().status()).isInstanceOfSatisfying(VulnDbException.class, e -> {
            assertThat(e.code()).isEqualTo(VulnDbException.Code.VULNDB_MISSING);
            assertThat(e.hint()).isEqualTo("run stella db update, or stella db import PATH for air-gapped hosts");
        });
    }

    @Test
    void aPathThatDoesNotExistFailsTheImport() {
        assertThatThrownBy(() -> db().importPaths(List.of(dir.resolve("nope.zip"))))
                .isInstanceOfSatisfying(VulnDbException.class, e -> {
                    assertThat(e.code()).isEqualTo(VulnDbException.Code.VULNDB_IMPORT_FAILED);
                    assertThat(e.getMessage()).contains("does not exist");
                });
    }
}
