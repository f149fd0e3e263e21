package io.stella.scan.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.stella.scan.ReportFixtures;
import io.stella.scan.ScanReport;
import io.stella.scan.Suppression;
import java.util.List;
import org.junit.jupiter.api.Test;

class VexFilterTest {
    private static final String OPENVEX = """
            {
              "@context": "https://openvex.dev/ns/v0.2.0",
              "@id": "https://example.com/vex/shop-api-1",
              "author": "shop team",
              "timestamp": "2025-03-10T10:00:00Z",
              "version": 1,
              "statements": [
                {
                  "vulnerability": {"name": "CVE-2023-42366"},
                  "products": [{"@id": "ghcr.io/stella-demo/shop-api@%s",
                                "subcomponents": [{"@id": "pkg:apk/alpine/busybox"}]}],
                  "status": "not_affected",
                  "justification": "vulnerable_code_not_in_execute_path",
                  "impact_statement": "awk is never run"
                },
                {
                  "vulnerability": {"name": "CVE-2024-35195"},
                  "products": [{"@id": "pkg:pypi/requests@2.31.0"}],
                  "status": "fixed"
                },
                {
                  "vulnerability": {"name": "CVE-2025-26519"},
                  "products": [{"@id": "pkg:apk/alpine/musl?arch=aarch64"}],
                  "status": "not_affected",
                  "justification": "vulnerable_code_not_present"
                },
                {
                  "vulnerability": {"name": "GO-2024-2687"},
                  "products": [{"@id": "pkg:golang/golang.org/x/net@v0.17.0"}],
                  "status": "under_investigation"
                },
                {
                  "vulnerability": {"@id": "https://osv.dev/GO-2023-2185", "name": "GO-2023-2185"},
                  "products": [{"@id": "%s"}],
                  "status": "not_affected",
                  "justification": "vulnerable_code_not_present"
                },
                {
                  "vulnerability": {"name": "GO-2023-2185"},
                  "products": [{"@id": "pkg:golang/stdlib"}],
                  "status": "affected",
                  "action_statement": "rebuild with go 1.21.4"
                }
              ]
            }
            """.formatted(ReportFixtures.DIGEST, ReportFixtures.IMAGE);

    private static final String CYCLONEDX_VEX = """
            {
              "bomFormat": "CycloneDX",
              "specVersion": "1.6",
              "version": 1,
              "components": [{"type": "library", "bom-ref": "musl-in-base", "name": "musl",
                              "purl": "pkg:apk/alpine/musl@1.2.5-r0"}],
              "vulnerabilities": [
                {"id": "CVE-2025-26519", "analysis": {"state": "false_positive", "detail": "EUC-KR is not enabled"},
                 "affects": [{"ref": "urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#musl-in-base"}]},
                {"id": "GHSA-9wx4-h78v-vm56", "analysis": {"state": "exploitable"},
                 "affects": [{"ref": "pkg:pypi/requests@2.31.0"}]},
                {"id": "GHSA-4v7x-pqxf-cx7m", "analysis": {"state": "resolved", "justification": "code_not_reachable"},
                 "affects": [{"ref": "pkg:golang/golang.org/x/net@v0.17.0"}]},
                {"id": "CVE-2023-42366", "affects": [{"ref": "pkg:apk/alpine/busybox@1.36.1-r29"}]}
              ]
            }
            """;

    private static ScanReport filter(String origin, String json) throws ReportInputException {
        return new VexFilter(List.of(VexDocument.parse(origin, json))).apply(ReportFixtures.report());
    }

    @Test
    void openVexNotAffectedAndFixedSuppressByIdAliasImageSubcomponentAndVersionlessPurl() throws Exception {
        ScanReport filtered = filter("shop.openvex.json", OPENVEX);
        // musl: the statement's arch qualifier does not match; x/net: under investigation; stdlib: a later
        // "affected" statement overrides the "not_affected" one on the whole image.
        assertThat(filtered.findings()).containsExactly(ReportFixtures.CRITICAL, ReportFixtures.LOW, ReportFixtures.UNKNOWN);
        assertThat(filtered.suppressed().subList(1, 3)).extracting(Suppression::finding, Suppression::reason,
                Suppression::origin).containsExactly(
                tuple(ReportFixtures.HIGH, "not_affected: vulnerable_code_not_in_execute_path; awk is never run",
                        "shop.openvex.json#/statements/0"),
                tuple(ReportFixtures.MEDIUM, "fixed", "shop.openvex.json#/statements/1"));
    }

    @Test
    void aPurlQualifierGivenByTheStatementMustMatch() throws Exception {
        String x8664 = OPENVEX.replace("pkg:apk/alpine/musl?arch=aarch64", "pkg:apk/alpine/musl?arch=x86_64");
        assertThat(filter("v.json", x8664).findings()).doesNotContain(ReportFixtures.CRITICAL);
    }

    @Test
    void cycloneDxVexSuppressesNotAffectedFalsePositiveAndResolvedByBomRefOrPurl() throws Exception {
        ScanReport filtered = filter("shop.cdx.json", CYCLONEDX_VEX);
        assertThat(filtered.findings()).containsExactly(ReportFixtures.HIGH, ReportFixtures.MEDIUM, ReportFixtures.UNKNOWN);
        assertThat(filtered.suppressed().subList(1, 3)).extracting(Suppression::finding, Suppression::reason)
                .containsExactly(
                        tuple(ReportFixtures.CRITICAL, "false_positive: EUC-KR is not enabled"),
                        // The statement names the GHSA alias of the Go advisory.
                        tuple(ReportFixtures.LOW, "resolved: code_not_reachable"));
    }

    @Test
    void malformedVexIsRefusedWithTheFileAndPointer() {
        assertThatThrownBy(() -> VexDocument.parse("bad.json", OPENVEX.replace("\"fixed\"", "\"patched\"")))
                .isInstanceOfSatisfying(ReportInputException.class, e -> {
                    assertThat(e.file()).isEqualTo("bad.json");
                    assertThat(e.location()).isEqualTo("/statements/1/status");
                    assertThat(e.reason()).contains("patched");
                });
        assertThatThrownBy(() -> VexDocument.parse("bad.json", """
                {"@context": "https://openvex.dev/ns/v0.2.0", "statements": [{"vulnerability": {"name": "CVE-1"},
                 "status": "fixed"}]}"""))
                .isInstanceOfSatisfying(ReportInputException.class,
                        e -> assertThat(e.location()).isEqualTo("/statements/0/products"));
        assertThatThrownBy(() -> VexDocument.parse("cdx.json", CYCLONEDX_VEX.replace("exploitable", "maybe")))
                .isInstanceOfSatisfying(ReportInputException.class,
                        e -> assertThat(e.location()).isEqualTo("/vulnerabilities/1/analysis/state"));
        assertThatThrownBy(() -> VexDocument.parse("x.json", "{\"statements\": [}"))
                .isInstanceOfSatisfying(ReportInputException.class, e -> {
                    assertThat(e.location()).startsWith("line 1");
                    assertThat(e.reason()).startsWith("not JSON");
                });
        assertThatThrownBy(() -> VexDocument.parse("spdx.json", "{\"spdxVersion\": \"SPDX-2.3\"}"))
                .isInstanceOf(ReportInputException.class).hasMessageContaining("neither OpenVEX");
    }
}
