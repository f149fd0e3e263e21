package io.stella.inventory.analyzers.apk;

import io.stella.inventory.Package;
import io.stella.inventory.PackageType;
import io.stella.inventory.analyzers.StanzaReader;
import io.stella.inventory.spi.AnalyzableFile;
import io.stella.inventory.spi.FileInfo;
import io.stella.inventory.spi.Findings;
import io.stella.inventory.spi.PackageAnalyzer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Alpine's installed database {@code lib/apk/db/installed}: P name, V version, A arch, L licence,
 * o origin (the source package, built from the same aport and so with the same version).
 */
public final class ApkAnalyzer implements PackageAnalyzer {
    static final String DATABASE = "lib/apk/db/installed";

    @Override
    public String name() {
        return "apk";
    }

    @Override
    public boolean accepts(FileInfo file) {
        return file.path().equals(DATABASE);
    }

    @Override
    public void analyze(AnalyzableFile file, Findings findings) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.open(), StandardCharsets.UTF_8))) {
            StanzaReader stanzas = new StanzaReader(reader, false);
            StanzaReader.Stanza stanza;
            while ((stanza = stanzas.next()) != null) {
                String name = stanza.first("P");
                String version = stanza.first("V");
                if (name == null || name.isEmpty() || version == null || version.isEmpty()) {
                    findings.warn("malformed-record", "apk record at line " + stanza.line()
                            + " has no package name (P:) or version (V:); skipped");
                    continue;
                }
                String origin = stanza.first("o");
                String license = stanza.first("L");
                findings.add(Package.of(PackageType.APK, name, version)
                        .withSource(origin == null || origin.isEmpty() ? name : origin, version)
                        .withArch(stanza.first("A"))
                        .withLicenses(license == null || license.isEmpty() ? List.of() : List.of(license)));
            }
        }
    }
}
