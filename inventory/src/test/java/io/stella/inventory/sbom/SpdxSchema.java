package io.stella.inventory.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The official SPDX 2.3 JSON schema, read from the {@code org.spdx:tools-java} jar (test dependency,
 * resource {@code resources/spdx-schema-v2.3.json}), validated with networknt json-schema-validator
 * (the version cyclonedx-core-java brings). The schema is self-contained: nothing is fetched.
 */
final class SpdxSchema {
    static final String RESOURCE = "/resources/spdx-schema-v2.3.json";
    private static final Schema SCHEMA = load();

    private SpdxSchema() {}

    static List<Error> validate(JsonNode document) {
        return SCHEMA.validate(document);
    }

    private static Schema load() {
        try (InputStream in = SpdxSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: is org.spdx:tools-java on the test classpath?");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }
}
