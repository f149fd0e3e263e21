package io.stella.vulndb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.vulndb.model.AffectedRange;
import io.stella.vulndb.model.RangeEvent;
import io.stella.vulndb.model.Severity;
import io.stella.vulndb.store.AffectedEntry;
import io.stella.vulndb.store.DatabaseStatus;
import io.stella.vulndb.store.SourceStatus;
import io.stella.vulndb.store.VulnerabilityStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsvImportTest {
    /** Upstream pypa/advisory-database records that fail the OSV schema (commit hashes in ECOSYSTEM events). */
    private static final Set<String> PYPA_SCHEMA_INVALID = Set.of("PYSEC-2021-371", "PYSEC-2021-424",
            "PYSEC-2021-425", "PYSEC-2021-436", "PYSEC-2019-155", "PYSEC-2017-27", "PYSEC-2023-80");
    private static final List<String> ZIPS = List.of("go-vulndb.zip", "rustsec.zip", "pypa.zip", "almalinux.zip");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static VulnDatabase db;
    static Map<String, ImportReport> reports = new HashMap<>();

    @BeforeAll
    static void importAllFourZips() {
        db = VulnDatabase.open(dir.resolve("stella.db"), Clock.systemUTC(), TestData.FAKE_CVSS);
        long start = System.nanoTime();
        List<ImportReport> imported = db.importPaths(ZIPS.stream().map(TestData::osv).toList());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("import of the 4 shared OSV zips (" + ZIPS + "): " + took.toMillis() + " ms");
        imported.forEach(r -> {
            reports.put(Path.of(r.origin()).getFileName().toString(), r);
            System.out.println("  " + r.source() + ": " + r.advisories() + " advisories, " + r.invalid().size()
                    + " invalid, " + r.gitRangesSkipped() + " GIT ranges skipped, " + r.withdrawn() + " withdrawn, "
                    + r.duration().toMillis() + " ms");
        });
    }

    /** Facts of a zip computed straight from its JSON, independently of the importer; records = distinct ids. */
    private record ZipFacts(int records, int gitRanges, int withdrawn) {
    }

    private static ZipFacts facts(String zip, Set<String> excluded) throws IOException {
        Set<String> ids = new java.util.HashSet<>();
        int git = 0;
        int withdrawn = 0;
        try (ZipFile file = new ZipFile(TestData.osv(zip).toFile())) {
            for (ZipEntry entry : Collections.list(file.entries())) {
                if (!entry.getName().endsWith(".json")) {
                    continue;
                }
                JsonNode record;
                try (InputStream in = file.getInputStream(entry)) {
                    record = JSON.readTree(in);
                }
                if (excluded.contains(record.path("id").asText())) {
                    continue;
                }
                if (ids.add(record.path("id").asText())) {
                    withdrawn += record.has("withdrawn") ? 1 : 0;
                }
                for (JsonNode affected : record.path("affected")) {
                    for (JsonNode range : affected.path("ranges")) {
                        git += range.path("type").asText().equals("GIT") ? 1 : 0;
                    }
                }
            }
        }
        return new ZipFacts(ids.size(), git, withdrawn);
    }

    @Test
    void everyValidRecordOfEveryZipIsImported() throws IOException {
        for (String zip : ZIPS) {
            ZipFacts facts = facts(zip, zip.equals("pypa.zip") ? PYPA_SCHEMA_INVALID : Set.of());
            ImportReport report = reports.get(zip);
            assertThat(report.advisories()).as(zip).isEqualTo(facts.records());
            assertThat(report.gitRangesSkipped()).as(zip).isEqualTo(facts.gitRanges());
            assertThat(report.withdrawn()).as(zip).isEqualTo(facts.withdrawn());
        }
        assertThat(reports.get("go-vulndb.zip").advisories()).isEqualTo(4291);
        assertThat(reports.get("pypa.zip").advisories()).isEqualTo(2661 - 7);
        assertThat(reports.get("pypa.zip").gitRangesSkipped()).isPositive();
        // AlmaLinux files one advisory per release directory: 5,680 files, fewer distinct ids, none lost
        assertThat(reports.get("almalinux.zip").advisories()).isLessThan(5680);
    }

    @Test
    void sourcesAreNamedAfterTheirEcosystemFamilies() {
        assertThat(reports.values()).extracting(ImportReport::source)
                .containsExactlyInAnyOrder("osv:Go", "osv:crates.io", "osv:PyPI", "osv:AlmaLinux");
        assertThat(reports.get("almalinux.zip").recordsPerEcosystem())
                .containsOnlyKeys("AlmaLinux:8", "AlmaLinux:9", "AlmaLinux:10");
    }

    @Test
    void exactlyTheSevenSchemaInvalidPypaRecordsAreReportedWithTheirReason() {
        List<InvalidRecord> invalid = reports.get("pypa.zip").invalid();
        assertThat(invalid).extracting(InvalidRecord::id).containsExactlyInAnyOrderElementsOf(PYPA_SCHEMA_INVALID);
        assertThat(invalid).allSatisfy(r -> assertThat(r.reason()).startsWith("fails the OSV schema: ")
                .contains("/affected/0/ranges/0/events/1"));
        ZIPS.stream().filter(z -> !z.equals("pypa.zip"))
                .forEach(z -> assertThat(reports.get(z).invalid()).as(z).isEmpty());
    }

    @Test
    void statusCountsRecordsPerEcosystemKeyPerSource() {
        DatabaseStatus status = db.status();
        assertThat(status.sources()).extracting(SourceStatus::name)
                .containsExactly("osv:AlmaLinux", "osv:Go", "osv:PyPI", "osv:crates.io");
        SourceStatus alma = status.sources().getFirst();
        assertThat(alma.records().keySet()).containsExactlyInAnyOrder("AlmaLinux:8", "AlmaLinux:9", "AlmaLinux:10");
        assertThat(alma.sha256()).hasSize(64);
        assertThat(alma.newestRecord()).isNotNull();
        try (VulnerabilityStore store = db.openStore()) {
            assertThat(store.ecosystemKeys()).contains("Go", "PyPI", "crates.io", "AlmaLinux:9");
        }
    }

    @Test
    void rustsecRecordKeepsAliasesRangeAndTheRatedVector() {
        AffectedEntry entry = one("crates.io", "openssl", "RUSTSEC-2016-0001");
        assertThat(entry.advisory().aliases()).containsExactly("CVE-2016-10931", "GHSA-34p9-f4q3-c4r7");
        assertThat(entry.advisory().summary()).isEqualTo("SSL/TLS MitM vulnerability due to insecure defaults");
        assertThat(entry.advisory().severity().vector()).isEqualTo("CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H");
        assertThat(entry.advisory().severity().severity()).isEqualTo(Severity.HIGH); // from the fake rater
        assertThat(entry.advisory().source()).isEqualTo("osv:crates.io");
        assertThat(entry.affected().ranges()).containsExactly(new AffectedRange(AffectedRange.Type.SEMVER, List.of(
                new RangeEvent(RangeEvent.Kind.INTRODUCED, "0.0.0-0"), new RangeEvent(RangeEvent.Kind.FIXED, "0.9.0"))));
    }

    @Test
    void pypaRecordKeepsEcosystemRangesAndVersionsAndDropsTheGitRange() {
        // PyPI names are looked up normalised: AccessControl is stored under "accesscontrol"
        AffectedEntry entry = one("PyPI", "accesscontrol", "PYSEC-2021-335");
        assertThat(entry.advisory().aliases()).containsExactly("CVE-2021-32807", "GHSA-qcx9-j53g-ccgf");
        assertThat(entry.advisory().severity()).isEqualTo(io.stella.vulndb.model.SeverityRating.UNKNOWN);
        assertThat(entry.affected().ranges()).containsExactly(new AffectedRange(AffectedRange.Type.ECOSYSTEM, List.of(
                new RangeEvent(RangeEvent.Kind.INTRODUCED, "4.0"), new RangeEvent(RangeEvent.Kind.FIXED, "4.3"),
                new RangeEvent(RangeEvent.Kind.INTRODUCED, "5.0"), new RangeEvent(RangeEvent.Kind.FIXED, "5.2"))));
        assertThat(entry.affected().versions()).containsExactly("4.0", "4.1", "4.2", "5.0", "5.1");
    }

    @Test
    void goAndAlmaLinuxRecordsAreFoundUnderTheirPackages() {
        AffectedEntry go = one("Go", "stdlib", "GO-2021-0160");
        assertThat(go.advisory().aliases()).containsExactly("CVE-2015-8618");
        // golang/vulndb writes "modified": "0001-01-01T00:00:00Z" for "not given"
        assertThat(go.advisory().modified()).isNull();
        assertThat(go.affected().ranges().getFirst().events()).containsExactly(
                new RangeEvent(RangeEvent.Kind.INTRODUCED, "1.5.0-0"), new RangeEvent(RangeEvent.Kind.FIXED, "1.5.3"));
        AffectedEntry alma = one("AlmaLinux:10", "firefox", "ALSA-2025:10073");
        assertThat(alma.affected().ecosystem()).isEqualTo("AlmaLinux:10");
        assertThat(alma.affected().ranges().getFirst().events()).containsExactly(
                new RangeEvent(RangeEvent.Kind.INTRODUCED, "0"),
                new RangeEvent(RangeEvent.Kind.FIXED, "128.12.0-1.el10_0"));
        assertThat(alma.advisory().summary()).isEqualTo("Important: firefox security update");
    }

    @Test
    void withdrawnRecordsAreStoredButNeverReturned() {
        try (VulnerabilityStore store = db.openStore()) {
            List<AffectedEntry> kubernetes = store.affecting("Go", "k8s.io/kubernetes");
            assertThat(kubernetes).isNotEmpty();
            assertThat(kubernetes).extracting(e -> e.advisory().id()).doesNotContain("GO-2022-0617");
            assertThat(kubernetes).allSatisfy(e -> assertThat(e.advisory().withdrawn()).isNull());
        }
    }

    private static AffectedEntry one(String ecosystemKey, String name, String id) {
        try (VulnerabilityStore store = db.openStore()) {
            List<AffectedEntry> entries = store.affecting(ecosystemKey, name).stream()
                    .filter(e -> e.advisory().id().equals(id)).toList();
            assertThat(entries).as(id).hasSize(1);
            return entries.getFirst();
        }
    }
}
