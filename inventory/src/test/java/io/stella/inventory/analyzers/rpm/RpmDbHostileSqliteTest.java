package io.stella.inventory.analyzers.rpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.stella.inventory.spi.AnalyzerHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real SQLite rpm database, altered with SQLite itself into shapes a hostile image could carry:
 * a cut-short header blob, a {@code Packages} view that never ends, a value built to exhaust memory.
 */
class RpmDbHostileSqliteTest {
    private static final RpmFixtures FIXTURE = RpmFixtures.MARINER_SQLITE;

    @TempDir
    Path dir;

    private byte[] alteredCopy(String... statements) throws Exception {
        Path copy = dir.resolve("rpmdb.sqlite");
        Files.write(copy, FIXTURE.bytes());
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + copy);
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode = DELETE");
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        return Files.readAllBytes(copy);
    }

    private static AnalyzerHarness.Result analyze(byte[] content) {
        return assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> AnalyzerHarness.analyze(new RpmDbAnalyzer(), FIXTURE.imagePath(), content, 0644));
    }

    @Test
    void headerBlobCutShortIsReportedAndTheOtherPackagesRemain() throws Exception {
        AnalyzerHarness.Result result = analyze(alteredCopy(
                "UPDATE Packages SET blob = substr(blob, 1, 100) WHERE hnum = 1"));

        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo("rpm-header-invalid");
            assertThat(w.message()).contains("rpm database " + FIXTURE.imagePath(), "header blob is truncated");
        });
        assertThat(result.packages()).hasSize(FIXTURE.expected().size() - 1);
    }

    @Test
    void endlessPackagesViewIsNotQueried() throws Exception {
        AnalyzerHarness.Result result = analyze(alteredCopy(
                "DROP TABLE Packages",
                "CREATE VIEW Packages AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n)"
                        + " SELECT x AS hnum, zeroblob(x) AS blob FROM n"));

        assertThat(result.warnings()).singleElement().satisfies(w -> assertThat(w.message())
                .contains("rpm database " + FIXTURE.imagePath(), "has no table named Packages"));
        assertThat(result.packages()).isEmpty();
    }

    @Test
    void valueLargerThanTheFileIsRefusedBySqlite() throws Exception {
        AnalyzerHarness.Result result = analyze(alteredCopy(
                "DROP TABLE Packages",
                "CREATE TABLE Packages (hnum INTEGER PRIMARY KEY, blob AS (zeroblob(1000000000)) VIRTUAL)",
                "INSERT INTO Packages (hnum) VALUES (1)"));

        assertThat(result.warnings()).singleElement().satisfies(w -> assertThat(w.message())
                .contains("rpm database " + FIXTURE.imagePath(), "SQLite could not read it"));
        assertThat(result.packages()).isEmpty();
    }

    @Test
    void computedValuesAddingUpToMoreThanTheFileStopTheReading() throws Exception {
        AnalyzerHarness.Result result = analyze(alteredCopy(
                "DROP TABLE Packages",
                "CREATE TABLE Packages (hnum INTEGER PRIMARY KEY, blob AS (zeroblob(1000000)) VIRTUAL)",
                "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 100000)"
                        + " INSERT INTO Packages (hnum) SELECT x FROM n"));

        assertThat(result.warnings()).anySatisfy(w -> assertThat(w.message())
                .contains("rpm database " + FIXTURE.imagePath(), "add up to more than the file"));
        assertThat(result.packages()).isEmpty();
    }

    @Test
    void temporaryCopyIsDeleted() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = countCopies(tmp);

        AnalyzerHarness.Result result = analyze(FIXTURE.bytes());

        assertThat(result.packages()).hasSize(FIXTURE.expected().size());
        assertThat(countCopies(tmp)).isEqualTo(before);
    }

    private static long countCopies(Path tmp) throws Exception {
        try (var files = Files.list(tmp)) {
            return files.filter(p -> p.getFileName().toString().startsWith("stella-rpmdb-")).count();
        }
    }
}
