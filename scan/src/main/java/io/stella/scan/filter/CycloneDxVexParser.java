package io.stella.scan.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Statements of a CycloneDX VEX document (JSON): each {@code vulnerabilities[]} entry with an
 * {@code analysis.state}. {@code not_affected}, {@code false_positive}, {@code resolved} and
 * {@code resolved_with_pedigree} suppress; {@code exploitable} and {@code in_triage} do not. Each
 * {@code affects[].ref} is a purl, a bom-ref of a component of the same document (its purl is used), or a
 * BOM-Link ({@code urn:cdx:...#ref}) whose fragment is one of those. Entries without analysis are skipped:
 * they state nothing.
 */
final class CycloneDxVexParser {
    private final JsonReader reader;

    CycloneDxVexParser(String origin) {
        this.reader = new JsonReader(origin);
    }

    List<VexStatement> statements(JsonNode root) throws ReportInputException {
        Map<String, String> purlsByRef = new HashMap<>();
        collectPurls(root.path("metadata").path("component"), purlsByRef);
        for (JsonNode component : root.path("components")) {
            collectPurls(component, purlsByRef);
        }
        List<JsonNode> vulnerabilities = reader.array(root, "vulnerabilities", "", true);
        List<VexStatement> out = new ArrayList<>();
        for (int i = 0; i < vulnerabilities.size(); i++) {
            JsonNode v = vulnerabilities.get(i);
            String pointer = "/vulnerabilities/" + i;
            if (!v.has("analysis")) {
                continue;
            }
            out.add(statement(v, pointer, purlsByRef));
        }
        return out;
    }

    private VexStatement statement(JsonNode v, String pointer, Map<String, String> purlsByRef)
            throws ReportInputException {
        String id = reader.requiredText(v, "id", pointer);
        List<String> aliases = new ArrayList<>();
        List<JsonNode> references = reader.array(v, "references", pointer, false);
        for (int r = 0; r < references.size(); r++) {
            aliases.add(reader.requiredText(references.get(r), "id", pointer + "/references/" + r));
        }
        JsonNode analysis = v.get("analysis");
        String state = reader.requiredText(analysis, "state", pointer + "/analysis");
        VexStatus status = switch (state) {
            case "not_affected", "false_positive" -> VexStatus.NOT_AFFECTED;
            case "resolved", "resolved_with_pedigree" -> VexStatus.FIXED;
            case "exploitable" -> VexStatus.AFFECTED;
            case "in_triage" -> VexStatus.UNDER_INVESTIGATION;
            default -> throw new ReportInputException(reader.origin(), pointer + "/analysis/state",
                    "unknown analysis state '" + state + "'");
        };
        List<String> products = new ArrayList<>();
        List<JsonNode> affects = reader.array(v, "affects", pointer, true);
        for (int a = 0; a < affects.size(); a++) {
            String ref = reader.requiredText(affects.get(a), "ref", pointer + "/affects/" + a);
            products.add(resolve(ref, purlsByRef));
        }
        if (products.isEmpty()) {
            throw new ReportInputException(reader.origin(), pointer + "/affects", "the vulnerability affects nothing");
        }
        List<String> because = new ArrayList<>();
        String justification = reader.optionalText(analysis, "justification", pointer + "/analysis");
        String detail = reader.optionalText(analysis, "detail", pointer + "/analysis");
        if (justification != null) {
            because.add(justification);
        }
        if (detail != null && !detail.isBlank()) {
            because.add(detail);
        }
        String reason = state + (because.isEmpty() ? "" : ": " + String.join("; ", because));
        return new VexStatement(id, aliases, products, List.of(), status, reason, reader.origin() + "#" + pointer);
    }

    private static String resolve(String ref, Map<String, String> purlsByRef) {
        String local = ref;
        if (ref.startsWith("urn:cdx:") && ref.contains("#")) {
            local = URLDecoder.decode(ref.substring(ref.indexOf('#') + 1), StandardCharsets.UTF_8);
        }
        return purlsByRef.getOrDefault(local, local);
    }

    private static void collectPurls(JsonNode component, Map<String, String> purlsByRef) {
        if (component.hasNonNull("bom-ref") && component.hasNonNull("purl")) {
            purlsByRef.put(component.get("bom-ref").asText(), component.get("purl").asText());
        }
        for (JsonNode child : component.path("components")) {
            collectPurls(child, purlsByRef);
        }
    }
}
