package io.stella.scan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stella.scan.ReportFixtures;
import io.stella.scan.ScanFinding;
import io.stella.inventory.Package;
import io.stella.inventory.PackageType;
import io.stella.vulndb.model.Advisory;
import io.stella.vulndb.model.Severity;
import io.stella.vulndb.model.SeverityRating;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifReportWriterTest {
    @Test
    void matchesTheGoldenFile() throws IOException {
        GoldenFiles.assertJsonMatches("report.sarif.json", Written.bytes("sarif", ReportFixtures.report()));
    }

    @Test
    void outputAndGoldenFileAreValidSarif210() throws IOException {
        assertThat(JsonSchemas.validate(JsonSchemas.SARIF, Written.json("sarif", ReportFixtures.report()))).isEmpty();
        assertThat(JsonSchemas.validate(JsonSchemas.SARIF, Written.json("sarif", ReportFixtures.withoutFindings()))).isEmpty();
        assertThat(JsonSchemas.validate(JsonSchemas.SARIF,
                Written.JSON.readTree(GoldenFiles.path("report.sarif.json").toFile()))).isEmpty();
    }

    @Test
    void schemaRejectsAResultWithoutMessageAndAnUnknownLevel() throws IOException {
        ObjectNode noMessage = (ObjectNode) Written.json("sarif", ReportFixtures.report());
        ((ObjectNode) noMessage.at("/runs/0/results/0")).remove("message");
        assertThat(JsonSchemas.validate(JsonSchemas.SARIF, noMessage)).isNotEmpty();

        ObjectNode level = (ObjectNode) Written.json("sarif", ReportFixtures.report());
        ((ObjectNode) level.at("/runs/0/results/0")).put("level", "critical");
        assertThat(JsonSchemas.validate(JsonSchemas.SARIF, level)).isNotEmpty();
    }

    @Test
    void oneRuleWithSecuritySeverityPerIdAndOneResultPerFinding() throws IOException {
        JsonNode run = Written.json("sarif", ReportFixtures.report()).at("/runs/0");
        assertThat(run.at("/tool/driver/name").asText()).isEqualTo("stella");
        assertThat(run.at("/tool/driver/rules")).hasSize(5);
        JsonNode critical = run.at("/tool/driver/rules/0");
        assertThat(critical.get("id").asText()).isEqualTo("CVE-2025-26519");
        assertThat(critical.at("/properties/security-severity").asText()).isEqualTo("9.8");
        assertThat(critical.at("/helpUri").asText()).isEqualTo("https://nvd.nist.gov/vuln/detail/CVE-2025-26519");
        // Without a score, a value inside the band of the severity's word; without a word, 0.0.
        assertThat(run.at("/tool/driver/rules/3/properties/security-severity").asText()).isEqualTo("2.0");
        assertThat(run.at("/tool/driver/rules/4/properties/security-severity").asText()).isEqualTo("0.0");

        List<String> levels = new ArrayList<>();
        run.get("results").forEach(r -> levels.add(r.get("level").asText()));
        assertThat(levels).containsExactly("error", "error", "warning", "note", "note");
        JsonNode high = run.at("/results/1");
        assertThat(high.get("ruleId").asText()).isEqualTo("CVE-2023-42366");
        assertThat(high.get("ruleIndex").asInt()).isEqualTo(1);
        assertThat(high.at("/message/text").asText()).contains("Package: busybox", "Installed version: 1.36.1-r29",
                "Fixed version: none (no fix available)");
        assertThat(high.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("lib/apk/db/installed");
        assertThat(high.at("/partialFingerprints/stellaFinding~1v1").asText()).hasSize(32);
    }

    @Test
    void aPackageWithoutFileIsLocatedAtTheImageAndRepeatedIdsShareARule() throws IOException {
        Package fromSbom = Package.of(PackageType.APK, "musl", "1.2.5-r0")
                .withIdentity("Alpine", "pkg:apk/alpine/musl@1.2.5-r0");
        Advisory advisory = ReportFixtures.CRITICAL.advisory();
        ScanFinding first = new ScanFinding(fromSbom, advisory, "1.2.5-r0", "1.2.5-r1", advisory.severity());
        ScanFinding second = ReportFixtures.CRITICAL;
        ScanFinding unrated = new ScanFinding(ReportFixtures.BUSYBOX, new Advisory("CVE-2099-0001", List.of(), null,
                null, null, null, null, "alpine-secdb:v3.20", List.of()), "1.36.1-r29", null,
                new SeverityRating(Severity.HIGH, null, null));
        JsonNode sarif = Written.json("sarif", ReportFixtures.withFindings(List.of(first, second, unrated)));
        JsonNode run = sarif.at("/runs/0");
        assertThat(run.at("/tool/driver/rules")).hasSize(2);
        assertThat(run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("ghcr.io/stella-demo/shop-api:1.4.2");
        assertThat(run.at("/results/1/ruleIndex").asInt()).isZero();
        assertThat(run.at("/results/0/partialFingerprints")).isNotEqualTo(run.at("/results/1/partialFingerprints"));
        assertThat(run.at("/tool/driver/rules/1/helpUri").asText()).isEqualTo("https://osv.dev/vulnerability/CVE-2099-0001");
        assertThat(run.at("/tool/driver/rules/1/properties/security-severity").asText()).isEqualTo("8.0");
        assertThat(JsonSchemas.validate(JsonSchemas.SARIF, sarif)).isEmpty();
    }
}
