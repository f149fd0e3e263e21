package io.stella.inventory.sbom;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.stella.inventory.Inventory;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/** SPDX 2.3 JSON, the wire records written with Jackson. */
final class SpdxJsonWriter implements SbomWriter {
    private static final ObjectWriter JSON = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .writerWithDefaultPrettyPrinter();

    private final SpdxDocumentBuilder builder;

    SpdxJsonWriter(Clock clock, Supplier<UUID> uuids, String toolVersion) {
        this.builder = new SpdxDocumentBuilder(clock, uuids, toolVersion);
    }

    @Override
    public void write(Inventory inventory, OutputStream out) throws IOException {
        JSON.writeValue(out, builder.build(inventory));
        out.write('\n');
        out.flush();
    }
}
