package io.stella.vulndb.osv;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The public OSV JSON schema (ossf/osv-schema validation/schema.json, shipped as a resource), validated with
 * networknt json-schema-validator. Self-contained: nothing is fetched.
 */
public final class OsvSchema {
    private static final String RESOURCE = "osv-schema.json";
    private static final Schema SCHEMA = load();

    private OsvSchema() {
    }

    /** The first violation of a record, as a one-line reason; empty when the record is valid. */
    public static Optional<String> violation(JsonNode record) {
        List<Error> errors = SCHEMA.validate(record);
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        String reason = errors.getFirst().toString();
        return Optional.of(errors.size() == 1 ? reason : reason + " (and " + (errors.size() - 1) + " more)");
    }

    private static Schema load() {
        try (InputStream in = OsvSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the stella-vulndb jar");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OSV schema", e);
        }
    }
}
