package io.stella.scan.report.cyclonedx;

import io.stella.scan.ScanReport;
import io.stella.scan.report.ReportContext;
import io.stella.scan.report.ReportFormat;
import io.stella.inventory.sbom.SbomWriters;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.json.BomJsonGenerator;
import io.stella.scan.report.DatabaseFacts;
import java.util.ArrayList;
import java.util.List;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Property;

/** The inventory's CycloneDX 1.6 BOM with the findings as {@code vulnerabilities}. */
public final class CycloneDxReportWriter implements ReportFormat {
    public static final String FORMAT = "cyclonedx-json";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public void write(ScanReport report, ReportContext context, OutputStream out) throws IOException {
        Bom bom = SbomWriters.cycloneDxBom(report.inventory(), context.clock(), context.uuids(), context.toolVersion());
        bom.setVulnerabilities(CycloneDxVulnerabilities.of(report, bom));
        List<Property> properties = new ArrayList<>(bom.getMetadata().getProperties() == null ? List.of()
                : bom.getMetadata().getProperties());
        DatabaseFacts.sources(report).forEach(line -> properties.add(property("stella:vulndb:source", line)));
        properties.add(property("stella:vulndb:age-seconds", String.valueOf(DatabaseFacts.ageSeconds(report))));
        properties.add(property("stella:vulndb:stale", String.valueOf(report.databaseStale())));
        bom.getMetadata().setProperties(properties);
        String json;
        try {
            json = new BomJsonGenerator(bom, Version.VERSION_16).toJsonString();
        } catch (GeneratorException e) {
            throw new IOException("cannot generate the CycloneDX document: " + e.getMessage(), e);
        }
        out.write(json.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        out.flush();
    }

    private static Property property(String name, String value) {
        Property property = new Property();
        property.setName(name);
        property.setValue(value);
        return property;
    }
}
