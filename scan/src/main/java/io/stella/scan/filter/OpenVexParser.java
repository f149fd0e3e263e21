package io.stella.scan.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Statements of an OpenVEX document (v0.2.0; also the v0.0.x shape where {@code vulnerability} and
 * {@code products} are plain strings). The reason of a statement is its status, then its justification,
 * impact statement or status notes.
 */
final class OpenVexParser {
    private final JsonReader reader;

    OpenVexParser(String origin) {
        this.reader = new JsonReader(origin);
    }

    List<VexStatement> statements(JsonNode root) throws ReportInputException {
        List<JsonNode> statements = reader.array(root, "statements", "", true);
        List<VexStatement> out = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            out.add(statement(statements.get(i), "/statements/" + i));
        }
        return out;
    }

    private VexStatement statement(JsonNode node, String pointer) throws ReportInputException {
        if (!node.isObject()) {
            throw new ReportInputException(reader.origin(), pointer, "a statement is a JSON object");
        }
        JsonNode vulnerability = node.get("vulnerability");
        String id;
        List<String> aliases = new ArrayList<>();
        if (vulnerability != null && vulnerability.isTextual()) {
            id = vulnerability.asText();
        } else if (vulnerability != null && vulnerability.isObject()) {
            String name = reader.optionalText(vulnerability, "name", pointer + "/vulnerability");
            String atId = reader.optionalText(vulnerability, "@id", pointer + "/vulnerability");
            if (name == null && atId == null) {
                throw new ReportInputException(reader.origin(), pointer + "/vulnerability/name",
                        "the vulnerability has neither 'name' nor '@id'");
            }
            id = name != null ? name : atId;
            if (name != null && atId != null) {
                aliases.add(atId);
            }
            aliases.addAll(reader.texts(vulnerability, "aliases", pointer + "/vulnerability"));
        } else {
            throw new ReportInputException(reader.origin(), pointer + "/vulnerability",
                    "'vulnerability' is missing or is neither a string nor an object");
        }
        List<String> products = new ArrayList<>();
        List<String> subcomponents = new ArrayList<>();
        List<JsonNode> productNodes = reader.array(node, "products", pointer, true);
        for (int i = 0; i < productNodes.size(); i++) {
            JsonNode product = productNodes.get(i);
            String productPointer = pointer + "/products/" + i;
            if (product.isTextual()) {
                products.add(product.asText());
                continue;
            }
            products.add(productId(product, productPointer));
            List<JsonNode> subs = reader.array(product, "subcomponents", productPointer, false);
            for (int s = 0; s < subs.size(); s++) {
                subcomponents.add(productId(subs.get(s), productPointer + "/subcomponents/" + s));
            }
        }
        if (products.isEmpty()) {
            throw new ReportInputException(reader.origin(), pointer + "/products", "a statement needs a product");
        }
        String statusText = reader.requiredText(node, "status", pointer);
        VexStatus status;
        try {
            status = VexStatus.valueOf(statusText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ReportInputException(reader.origin(), pointer + "/status", "unknown status '" + statusText
                    + "' (not_affected, affected, fixed, under_investigation)");
        }
        List<String> because = new ArrayList<>();
        for (String field : List.of("justification", "impact_statement", "status_notes")) {
            String text = reader.optionalText(node, field, pointer);
            if (text != null && !text.isBlank()) {
                because.add(text);
            }
        }
        String reason = statusText + (because.isEmpty() ? "" : ": " + String.join("; ", because));
        return new VexStatement(id, aliases, products, subcomponents, status, reason, reader.origin() + "#" + pointer);
    }

    /** A product or subcomponent: its {@code @id}, else its {@code identifiers.purl}. */
    private String productId(JsonNode product, String pointer) throws ReportInputException {
        if (!product.isObject()) {
            throw new ReportInputException(reader.origin(), pointer, "a product is a string or a JSON object");
        }
        String id = reader.optionalText(product, "@id", pointer);
        if (id == null) {
            id = reader.optionalText(product.path("identifiers"), "purl", pointer + "/identifiers");
        }
        if (id == null || id.isBlank()) {
            throw new ReportInputException(reader.origin(), pointer + "/@id", "the product has no '@id' nor identifiers.purl");
        }
        return id;
    }
}
