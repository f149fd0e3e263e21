package io.stella.scan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stella.scan.ReportFixtures;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class JsonReportWriterTest {
    @Test
    void matchesTheGoldenFile() throws IOException {
        GoldenFiles.assertJsonMatches("report.json", Written.bytes("json", ReportFixtures.report()));
    }

    @Test
    void outputAndGoldenFileFollowTheSchema() throws IOException {
        assertThat(JsonSchemas.validate(JsonSchemas.STELLA_REPORT, Written.json("json", ReportFixtures.report()))).isEmpty();
        assertThat(JsonSchemas.validate(JsonSchemas.STELLA_REPORT, Written.json("json", ReportFixtures.withoutFindings())))
                .isEmpty();
        assertThat(JsonSchemas.validate(JsonSchemas.STELLA_REPORT,
                Written.JSON.readTree(GoldenFiles.path("report.json").toFile()))).isEmpty();
    }

    @Test
    void schemaRejectsAMissingFieldAnUnknownFieldAndAnUnknownSeverity() throws IOException {
        ObjectNode missing = (ObjectNode) Written.json("json", ReportFixtures.report());
        ((ObjectNode) missing.get("vulnerabilities").get(0)).remove("fixed_version");
        assertThat(JsonSchemas.validate(JsonSchemas.STELLA_REPORT, missing)).isNotEmpty();

        ObjectNode extra = (ObjectNode) Written.json("json", ReportFixtures.report());
        extra.put("verdict", "clean");
        assertThat(JsonSchemas.validate(JsonSchemas.STELLA_REPORT, extra)).isNotEmpty();

        ObjectNode severity = (ObjectNode) Written.json("json", ReportFixtures.report());
        ((ObjectNode) severity.get("vulnerabilities").get(0)).put("severity", "MODERATE");
        assertThat(JsonSchemas.validate(JsonSchemas.STELLA_REPORT, severity)).isNotEmpty();
    }

    @Test
    void summaryDatabaseAndFindingsCarryTheReport() throws IOException {
        JsonNode json = Written.json("json", ReportFixtures.report());
        assertThat(json.get("schema_version").asInt()).isEqualTo(1);
        assertThat(json.get("summary").toString()).isEqualTo("{\"total\":5,\"critical\":1,\"high\":1,\"medium\":1,"
                + "\"low\":1,\"none\":0,\"unknown\":1,\"packages\":7,\"evaluated_packages\":6,\"fixable\":4}");
        assertThat(json.at("/database/stale").asBoolean()).isTrue();
        assertThat(json.at("/database/age_seconds").asLong()).isEqualTo(10 * 86400 + 3 * 3600 + 30 * 60);
        JsonNode busybox = json.at("/vulnerabilities/1");
        assertThat(busybox.get("id").asText()).isEqualTo("CVE-2023-42366");
        assertThat(busybox.get("fixed_version").isNull()).isTrue();
        assertThat(json.at("/vulnerabilities/2/aliases/0").asText()).isEqualTo("CVE-2024-35195");
        assertThat(json.at("/suppressed/0/reason").asText()).isEqualTo("not_affected: vulnerable_code_not_in_execute_path");
        assertThat(json.at("/not_evaluated/0/ecosystem").asText()).isEqualTo("npm");
        assertThat(json.get("warnings").get(0).asText()).isEqualTo(ReportFixtures.STALE_WARNING);
    }
}
