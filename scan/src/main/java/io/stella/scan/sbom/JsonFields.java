package io.stella.scan.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** Reads the fields the SBOM readers need, failing with the JSON pointer of a field of the wrong shape. */
final class JsonFields {
    private JsonFields() {
    }

    /** The text of an optional string field, null when absent or null. */
    static String text(Path file, JsonNode node, String field, String pointer) throws SbomInputException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new SbomInputException(file, pointer + "/" + field, "expected a string, found " + value.getNodeType()
                    + "; check that the file is an unmodified SBOM");
        }
        return value.asText();
    }

    /** An optional array field; an empty node when absent. */
    static JsonNode array(Path file, JsonNode node, String field, String pointer) throws SbomInputException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        if (!value.isArray()) {
            throw new SbomInputException(file, pointer + "/" + field, "expected an array, found " + value.getNodeType()
                    + "; check that the file is an unmodified SBOM");
        }
        return value;
    }
}
