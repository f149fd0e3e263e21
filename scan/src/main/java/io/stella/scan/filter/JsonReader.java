package io.stella.scan.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads fields of a VEX document, failing with the JSON pointer of what is missing or mistyped. */
final class JsonReader {
    private final String origin;

    JsonReader(String origin) {
        this.origin = origin;
    }

    String origin() {
        return origin;
    }

    String requiredText(JsonNode parent, String field, String pointer) throws ReportInputException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new ReportInputException(origin, pointer + "/" + field, "'" + field + "' is missing");
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new ReportInputException(origin, pointer + "/" + field, "'" + field + "' must be a non-empty string");
        }
        return node.asText();
    }

    String optionalText(JsonNode parent, String field, String pointer) throws ReportInputException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new ReportInputException(origin, pointer + "/" + field, "'" + field + "' must be a string");
        }
        return node.asText();
    }

    /** The elements of an array field; empty when the field is absent. */
    List<JsonNode> array(JsonNode parent, String field, String pointer, boolean required) throws ReportInputException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new ReportInputException(origin, pointer + "/" + field, "'" + field + "' is missing");
            }
            return List.of();
        }
        if (!node.isArray()) {
            throw new ReportInputException(origin, pointer + "/" + field, "'" + field + "' must be an array");
        }
        List<JsonNode> out = new ArrayList<>();
        node.forEach(out::add);
        return out;
    }

    List<String> texts(JsonNode parent, String field, String pointer) throws ReportInputException {
        List<String> out = new ArrayList<>();
        List<JsonNode> items = array(parent, field, pointer, false);
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).isTextual()) {
                throw new ReportInputException(origin, pointer + "/" + field + "/" + i, "must be a string");
            }
            out.add(items.get(i).asText());
        }
        return out;
    }
}
