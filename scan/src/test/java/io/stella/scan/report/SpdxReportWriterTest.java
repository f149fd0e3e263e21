package io.stella.scan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stella.scan.ReportFixtures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpdxReportWriterTest {
    private static final String GOLDEN = "report.spdx.json";

    @Test
    void matchesTheGoldenFile() throws IOException {
        GoldenFiles.assertJsonMatches(GOLDEN, Written.bytes("spdx-json", ReportFixtures.report()));
    }

    @Test
    void outputAndGoldenFileAreValidSpdx23() throws IOException {
        assertThat(JsonSchemas.validate(JsonSchemas.SPDX, Written.json("spdx-json", ReportFixtures.report()))).isEmpty();
        assertThat(JsonSchemas.validate(JsonSchemas.SPDX, Written.JSON.readTree(GoldenFiles.path(GOLDEN).toFile())))
                .isEmpty();
    }

    @Test
    void findingsAreSecurityAdvisoryReferencesOnTheirPackages() throws IOException {
        JsonNode document = Written.json("spdx-json", ReportFixtures.report());
        assertThat(advisories(document, "musl")).containsExactly("https://nvd.nist.gov/vuln/detail/CVE-2025-26519");
        assertThat(advisories(document, "requests")).containsExactly("https://nvd.nist.gov/vuln/detail/CVE-2024-35195");
        assertThat(advisories(document, "stdlib")).containsExactly("https://nvd.nist.gov/vuln/detail/CVE-2023-45283");
        // Suppressed findings are not advisories of the package.
        assertThat(advisories(document, "urllib3")).isEmpty();
        assertThat(advisories(document, "lodash")).isEmpty();
    }

    private static List<String> advisories(JsonNode document, String packageName) {
        List<String> urls = new ArrayList<>();
        for (JsonNode p : document.get("packages")) {
            if (packageName.equals(p.get("name").asText())) {
                for (JsonNode ref : p.path("externalRefs")) {
                    if ("SECURITY".equals(ref.get("referenceCategory").asText())) {
                        assertThat(ref.get("referenceType").asText()).isEqualTo("advisory");
                        urls.add(ref.get("referenceLocator").asText());
                    }
                }
            }
        }
        return urls;
    }
}
