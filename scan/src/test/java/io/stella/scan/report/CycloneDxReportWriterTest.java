package io.stella.scan.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.scan.ReportFixtures;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cyclonedx.Version;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.vulnerability.Vulnerability;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;

class CycloneDxReportWriterTest {
    private static final String GOLDEN = "report.cdx.json";

    private static Bom bom() throws Exception {
        return new JsonParser().parse(Written.bytes("cyclonedx-json", ReportFixtures.report()));
    }

    @Test
    void matchesTheGoldenFile() throws IOException {
        GoldenFiles.assertJsonMatches(GOLDEN, Written.bytes("cyclonedx-json", ReportFixtures.report()));
    }

    @Test
    void outputAndGoldenFileAreValidCycloneDx16() throws IOException {
        assertThat(new JsonParser().validate(Written.bytes("cyclonedx-json", ReportFixtures.report()), Version.VERSION_16))
                .isEmpty();
        assertThat(new JsonParser().validate(Written.bytes("cyclonedx-json", ReportFixtures.withoutFindings()),
                Version.VERSION_16)).isEmpty();
        assertThat(new JsonParser().validate(GoldenFiles.path(GOLDEN).toFile(), Version.VERSION_16)).isEmpty();
    }

    @Test
    void everyFindingAffectsTheBomRefOfItsPackageComponent() throws Exception {
        Bom bom = bom();
        Set<String> refs = bom.getComponents().stream().map(Component::getBomRef).collect(Collectors.toSet());
        assertThat(bom.getVulnerabilities()).extracting(Vulnerability::getId).containsExactly("CVE-2025-26519",
                "CVE-2023-42366", "GHSA-9wx4-h78v-vm56", "GO-2024-2687", "GO-2023-2185", "GHSA-34jh-p97f-mpxf");
        for (Vulnerability v : bom.getVulnerabilities()) {
            assertThat(v.getAffects()).extracting(Vulnerability.Affect::getRef).allMatch(refs::contains);
        }
        Vulnerability musl = bom.getVulnerabilities().getFirst();
        assertThat(musl.getAffects().getFirst().getRef())
                .isEqualTo("pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=alpine-3.20");
        assertThat(musl.getRecommendation()).isEqualTo("Upgrade to musl 1.2.5-r1");
        assertThat(musl.getAnalysis()).isNull();
    }

    @Test
    void ratingsNameTheirMethodAndSuppressedFindingsCarryTheirAnalysis() throws Exception {
        List<Vulnerability> vulnerabilities = bom().getVulnerabilities();
        Vulnerability.Rating critical = vulnerabilities.getFirst().getRatings().getFirst();
        assertThat(critical.getMethod()).isEqualTo(Vulnerability.Rating.Method.CVSSV31);
        assertThat(critical.getScore()).isEqualTo(9.8);
        assertThat(critical.getSeverity()).isEqualTo(Vulnerability.Rating.Severity.CRITICAL);
        Vulnerability.Rating low = vulnerabilities.get(3).getRatings().getFirst();
        assertThat(low.getMethod()).isEqualTo(Vulnerability.Rating.Method.OTHER);
        assertThat(low.getScore()).isNull();
        assertThat(vulnerabilities.get(2).getReferences()).extracting(Vulnerability.Reference::getId)
                .containsExactly("CVE-2024-35195");

        Vulnerability suppressed = vulnerabilities.getLast();
        assertThat(suppressed.getAnalysis().getState()).isEqualTo(Vulnerability.Analysis.State.NOT_AFFECTED);
        assertThat(suppressed.getAnalysis().getDetail()).isEqualTo(
                "not_affected: vulnerable_code_not_in_execute_path (vex/shop-api.openvex.json#/statements/0)");
    }
}
