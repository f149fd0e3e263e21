package io.stella.scan.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The statements of one VEX file, OpenVEX or CycloneDX VEX (JSON), told apart by their content: an
 * {@code @context} of {@code https://openvex.dev/ns...}, or {@code "bomFormat": "CycloneDX"}.
 */
public record VexDocument(String origin, List<VexStatement> statements) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public VexDocument {
        statements = List.copyOf(statements);
    }

    public static VexDocument read(Path file) throws IOException {
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    public static VexDocument parse(String origin, String json) throws ReportInputException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? null
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ReportInputException(origin, where, "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ReportInputException(origin, "", "a VEX document is a JSON object");
        }
        if (root.path("@context").asText("").startsWith("https://openvex.dev/ns")) {
            return new VexDocument(origin, new OpenVexParser(origin).statements(root));
        }
        if ("CycloneDX".equals(root.path("bomFormat").asText())) {
            return new VexDocument(origin, new CycloneDxVexParser(origin).statements(root));
        }
        throw new ReportInputException(origin, "",
                "neither OpenVEX (@context https://openvex.dev/ns...) nor CycloneDX (bomFormat CycloneDX)");
    }
}
