package io.stella.inventory.sbom;

import io.stella.inventory.Inventory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.json.BomJsonGenerator;

/** CycloneDX 1.6 JSON through cyclonedx-core-java's generator. */
final class CycloneDxJsonWriter implements SbomWriter {
    static final Version VERSION = Version.VERSION_16;

    private final CycloneDxBomBuilder builder;

    CycloneDxJsonWriter(Clock clock, Supplier<UUID> uuids, String toolVersion) {
        this.builder = new CycloneDxBomBuilder(clock, uuids, toolVersion);
    }

    @Override
    public void write(Inventory inventory, OutputStream out) throws IOException {
        String json;
        try {
            json = new BomJsonGenerator(builder.build(inventory), VERSION).toJsonString();
        } catch (GeneratorException e) {
            throw new IOException("cannot generate the CycloneDX document: " + e.getMessage(), e);
        }
        out.write(json.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        out.flush();
    }
}
