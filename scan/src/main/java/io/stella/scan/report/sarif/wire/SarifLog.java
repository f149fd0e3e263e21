package io.stella.scan.report.sarif.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The subset of SARIF 2.1.0 stella writes, one record per SARIF object, named as the SARIF JSON names
 * the properties. Null properties are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"$schema", "version", "runs"})
public record SarifLog(@JsonProperty("$schema") String schema, String version, List<Run> runs) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"tool", "results", "properties"})
    public record Run(Tool tool, List<Result> results, Map<String, Object> properties) {
    }

    public record Tool(Driver driver) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "version", "informationUri", "rules"})
    public record Driver(String name, String version, String informationUri, List<Rule> rules) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "name", "shortDescription", "fullDescription", "helpUri", "help",
            "defaultConfiguration", "properties"})
    public record Rule(String id, String name, Message shortDescription, Message fullDescription, String helpUri,
                       Message help, Configuration defaultConfiguration, Map<String, Object> properties) {
    }

    public record Configuration(String level) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"text", "markdown"})
    public record Message(String text, String markdown) {
        public static Message of(String text) {
            return new Message(text, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints"})
    public record Result(String ruleId, int ruleIndex, String level, Message message, List<Location> locations,
                         Map<String, String> partialFingerprints) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"physicalLocation", "message"})
    public record Location(PhysicalLocation physicalLocation, Message message) {
    }

    public record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {
    }

    public record ArtifactLocation(String uri) {
    }

    @JsonPropertyOrder({"startLine", "startColumn", "endLine", "endColumn"})
    public record Region(int startLine, int startColumn, int endLine, int endColumn) {
    }
}
