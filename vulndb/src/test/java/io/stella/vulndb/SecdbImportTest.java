package io.stella.vulndb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.stella.vulndb.model.RangeEvent;
import io.stella.vulndb.store.AffectedEntry;
import io.stella.vulndb.store.VulnerabilityStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecdbImportTest {
    @TempDir
    Path dir;

    @Test
    void v310ImportsOneAdvisoryPerCveWithAnEntryPerPackageAndFixedVersion() throws IOException {
        Path release = TestData.root().resolve("alpine-secdb/v3.10");
        // Expected counts straight from the YAML: CVE ids under a version other than "0"
        Pattern cve = Pattern.compile("CVE[-_ ](\\d{4})-(\\d{4,})");
        Set<String> cves = new HashSet<>();
        Set<String> cveEntries = new HashSet<>();
        Set<String> packages = new HashSet<>();
        int notAffected = 0;
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (String file : List.of("main.yaml", "community.yaml")) {
            for (JsonNode pkg : yaml.readTree(release.resolve(file).toFile()).path("packages")) {
                String name = pkg.path("pkg").path("name").asText();
                packages.add(name);
                for (Map.Entry<String, JsonNode> fix : pkg.path("pkg").path("secfixes").properties()) {
                    for (JsonNode item : fix.getValue()) {
                        Matcher m = cve.matcher(item.asText());
                        boolean any = false;
                        while (m.find()) {
                            any = true;
                            if (!fix.getKey().equals("0")) {
                                String id = "CVE-" + m.group(1) + "-" + m.group(2);
                                cves.add(id);
                                cveEntries.add(id + " " + name + " " + fix.getKey());
                            }
                        }
                        if (fix.getKey().equals("0") && any) {
                            notAffected++;
                        }
                    }
                }
            }
        }

        VulnDatabase db = VulnDatabase.open(dir.resolve("stella.db"), Clock.systemUTC(), TestData.FAKE_CVSS);
        List<ImportReport> reports = db.importPaths(List.of(release));

        // One source per repository of the release, so neither file's import can replace the other's.
        assertThat(reports).extracting(ImportReport::source)
                .containsExactly("alpine-secdb:v3.10/community", "alpine-secdb:v3.10/main");
        assertThat(reports.stream().mapToInt(ImportReport::notAffectedSkipped).sum()).isEqualTo(notAffected);
        assertThat(reports).allSatisfy(r -> assertThat(r.invalid()).isEmpty());
        try (VulnerabilityStore store = db.openStore()) {
            assertThat(store.ecosystemKeys()).containsExactly("Alpine:v3.10");
            long storedCves = reports.stream().mapToLong(r -> r.recordsPerEcosystem().get("Alpine:v3.10")).sum();
            // advisories without a CVE (ids of other databases, e.g. XSA-…) come on top of the CVEs
            assertThat(storedCves).isGreaterThanOrEqualTo(cves.size());
            assertThat(reports.stream().mapToInt(ImportReport::advisories).sum()).isEqualTo((int) storedCves);
            List<AffectedEntry> ansible = store.affecting("Alpine:v3.10", "ansible");
            assertThat(ansible).extracting(e -> e.advisory().id())
                    .contains("CVE-2019-10206", "CVE-2019-10217", "CVE-2019-10156", "CVE-2018-16876", "CVE-2018-10875");
            AffectedEntry entry = ansible.stream().filter(e -> e.advisory().id().equals("CVE-2019-10206")).findFirst()
                    .orElseThrow();
            assertThat(entry.affected().ranges().getFirst().events()).containsExactly(
                    new RangeEvent(RangeEvent.Kind.INTRODUCED, "0"), new RangeEvent(RangeEvent.Kind.FIXED, "2.8.4-r0"));
            Set<String> storedCveEntries = new HashSet<>();
            for (String name : packages) {
                for (AffectedEntry e : store.affecting("Alpine:v3.10", name)) {
                    if (e.advisory().id().startsWith("CVE-")) {
                        storedCveEntries.add(e.advisory().id() + " " + name + " "
                                + e.affected().ranges().getFirst().events().get(1).version());
                    }
                }
            }
            assertThat(storedCveEntries).isEqualTo(cveEntries);
            assertThat(store.affecting("Alpine:v3.10", "ansible").stream().map(e -> e.advisory().id())
                    .filter(id -> id.startsWith("CVE-")).distinct().count()).isEqualTo(5);
        }
        assertThat(cves.size()).isLessThanOrEqualTo(cveEntries.size());
    }

    @Test
    void versionZeroMeansNotAffectedAndStoresNoRange() {
        VulnDatabase db = VulnDatabase.open(dir.resolve("stella.db"), Clock.systemUTC(), TestData.FAKE_CVSS);
        ImportReport report = db.importPaths(List.of(TestData.root().resolve("alpine-secdb/v3.8/main.yaml")))
                .getFirst();
        assertThat(report.notAffectedSkipped()).isPositive();
        try (VulnerabilityStore store = db.openStore()) {
            // db lists CVE-2016-0682 only under "0" (Oracle Berkeley DB issues that do not apply)
            assertThat(store.affecting("Alpine:v3.8", "db")).extracting(e -> e.advisory().id())
                    .doesNotContain("CVE-2016-0682");
        }
    }
}
