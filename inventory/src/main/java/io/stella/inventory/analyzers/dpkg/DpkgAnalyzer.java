package io.stella.inventory.analyzers.dpkg;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dpkg's database: {@code var/lib/dpkg/status}, and the one-file-per-package {@code status.d/} of
 * distroless images. Only installed packages count (Status ends in {@code installed}; status.d
 * records carry no Status and are all installed). {@code Source: name (version)} gives the source
 * package, its version defaulting to the binary's.
 */
public final class DpkgAnalyzer implements PackageAnalyzer {
    private static final String STATUS = "var/lib/dpkg/status";
    private static final String STATUS_DIR = "var/lib/dpkg/status.d/";
    private static final Pattern SOURCE = Pattern.compile("^(\\S+)(?:\\s+\\((\\S+)\\))?$");

    @Override
    public String name() {
        return "dpkg";
    }

    @Override
    public boolean accepts(FileInfo file) {
        String path = file.path();
        if (path.equals(STATUS)) {
            return true;
        }
        return path.startsWith(STATUS_DIR) && path.indexOf('/', STATUS_DIR.length()) < 0 && !path.endsWith(".md5sums");
    }

    @Override
    public void analyze(AnalyzableFile file, Findings findings) throws IOException {
        boolean statusDir = file.info().path().startsWith(STATUS_DIR);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.open(), StandardCharsets.UTF_8))) {
            StanzaReader stanzas = new StanzaReader(reader, true);
            StanzaReader.Stanza stanza;
            while ((stanza = stanzas.next()) != null) {
                String status = stanza.first("Status");
                if (status == null ? !statusDir : !installed(status)) {
                    continue;
                }
                String name = stanza.first("Package");
                String version = stanza.first("Version");
                if (name == null || name.isEmpty() || version == null || version.isEmpty()) {
                    findings.warn("malformed-record", "dpkg record at line " + stanza.line() + " ("
                            + (name == null || name.isEmpty() ? "no name" : name) + ") has no Package or Version; skipped");
                    continue;
                }
                String sourceName = name;
                String sourceVersion = version;
                String source = stanza.first("Source");
                if (source != null && !source.isEmpty()) {
                    Matcher m = SOURCE.matcher(source);
                    if (m.matches()) {
                        sourceName = m.group(1);
                        if (m.group(2) != null) {
                            sourceVersion = m.group(2);
                        }
                    }
                }
                findings.add(Package.of(PackageType.DEB, name, version)
                        .withSource(sourceName, sourceVersion)
                        .withArch(stanza.first("Architecture")));
            }
        }
    }

    /** "install ok installed": the third word is the package state. */
    private static boolean installed(String status) {
        String[] words = status.trim().split("\\s+");
        return words.length == 3 && words[2].equals("installed");
    }
}
