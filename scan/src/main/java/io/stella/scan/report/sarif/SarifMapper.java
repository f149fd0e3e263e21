package io.stella.scan.report.sarif;

import io.stella.inventory.Package;
import io.stella.scan.ScanFinding;
import io.stella.scan.ScanReport;
import io.stella.scan.report.Advisories;
import io.stella.scan.report.DatabaseFacts;
import io.stella.scan.report.sarif.wire.SarifLog;
import io.stella.scan.report.sarif.wire.SarifLog.ArtifactLocation;
import io.stella.scan.report.sarif.wire.SarifLog.Configuration;
import io.stella.scan.report.sarif.wire.SarifLog.Location;
import io.stella.scan.report.sarif.wire.SarifLog.Message;
import io.stella.scan.report.sarif.wire.SarifLog.PhysicalLocation;
import io.stella.scan.report.sarif.wire.SarifLog.Region;
import io.stella.scan.report.sarif.wire.SarifLog.Result;
import io.stella.scan.report.sarif.wire.SarifLog.Rule;
import io.stella.vulndb.model.Severity;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a scan report to SARIF in the shape GitHub code scanning accepts: one rule per advisory id with
 * {@code security-severity}, one result per finding with a file location (the package's file in the image,
 * or the image itself when the package has no file) and a {@code partialFingerprints} entry so that the
 * same finding is one alert across uploads.
 */
final class SarifMapper {
    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    static final String FINGERPRINT = "stellaFinding/v1";

    private SarifMapper() {}

    static SarifLog map(ScanReport report, String toolVersion) {
        Map<String, List<ScanFinding>> byId = new LinkedHashMap<>();
        for (ScanFinding f : report.findings()) {
            byId.computeIfAbsent(f.id(), id -> new ArrayList<>()).add(f);
        }
        List<Rule> rules = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        for (List<ScanFinding> findings : byId.values()) {
            int ruleIndex = rules.size();
            rules.add(rule(findings));
            for (ScanFinding f : findings) {
                results.add(result(f, ruleIndex, report.inventory().target().name()));
            }
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("imageName", report.inventory().target().name());
        if (report.inventory().target().digest() != null) {
            properties.put("imageDigest", report.inventory().target().digest());
        }
        properties.put("databaseSources", DatabaseFacts.sources(report));
        properties.put("databaseAgeSeconds", DatabaseFacts.ageSeconds(report));
        properties.put("databaseStale", report.databaseStale());
        properties.put("suppressed", report.suppressed().size());
        if (!report.notEvaluated().isEmpty()) {
            properties.put("notEvaluated", report.notEvaluated().stream()
                    .map(n -> n.ecosystem() + ": " + n.packages() + " packages").toList());
        }
        if (!report.warnings().isEmpty()) {
            properties.put("warnings", report.warnings());
        }
        SarifLog.Driver driver = new SarifLog.Driver("stella", toolVersion, null, rules);
        return new SarifLog(SCHEMA, "2.1.0", List.of(new SarifLog.Run(new SarifLog.Tool(driver), results, properties)));
    }

    private static Rule rule(List<ScanFinding> findings) {
        ScanFinding worst = findings.stream()
                .max((a, b) -> Double.compare(securitySeverity(a), securitySeverity(b))).orElseThrow();
        String id = worst.id();
        String summary = worst.advisory().summary() == null ? id : worst.advisory().summary();
        String url = Advisories.url(worst.advisory());
        Severity severity = worst.severity().severity();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("tags", List.of("vulnerability", "security", severity.name()));
        properties.put("precision", "very-high");
        properties.put("security-severity", String.format(Locale.ROOT, "%.1f", securitySeverity(worst)));
        String help = "Vulnerability " + id + "\nSeverity: " + severity + "\n" + summary + "\n" + url;
        String markdown = "**Vulnerability " + id + "**\n\n| Severity | Aliases |\n| --- | --- |\n| " + severity + " | "
                + (worst.advisory().aliases().isEmpty() ? "-" : String.join(", ", worst.advisory().aliases()))
                + " |\n\n" + summary + "\n\n[" + url + "](" + url + ")";
        return new Rule(id, id, Message.of(summary), Message.of(summary), url, new Message(help, markdown),
                new Configuration(level(severity)), properties);
    }

    private static Result result(ScanFinding f, int ruleIndex, String imageName) {
        Package p = f.pkg();
        String text = "Package: " + p.name() + "\nInstalled version: " + f.installedVersion() + "\nVulnerability "
                + f.id() + "\nSeverity: " + f.severity().severity() + "\nFixed version: "
                + (f.fixable() ? f.fixedVersion() : "none (no fix available)");
        String uri = uri(p.filePath() != null ? p.filePath() : imageName);
        Location location = new Location(new PhysicalLocation(new ArtifactLocation(uri), new Region(1, 1, 1, 1)),
                Message.of(imageName + ": " + p.name() + "@" + f.installedVersion()));
        return new Result(f.id(), ruleIndex, level(f.severity().severity()), Message.of(text), List.of(location),
                Map.of(FINGERPRINT, fingerprint(f, uri)));
    }

    /** GitHub's levels: error for critical and high, warning for medium, note for the rest. */
    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, NONE, UNKNOWN -> "note";
        };
    }

    /**
     * The CVSS base score; without one, a score inside the band GitHub maps back to the same severity
     * (critical is 9.0 and above, high 7.0 to 8.9, medium 4.0 to 6.9, low 0.1 to 3.9).
     */
    static double securitySeverity(ScanFinding f) {
        if (f.severity().score() != null) {
            return f.severity().score();
        }
        return switch (f.severity().severity()) {
            case CRITICAL -> 9.5;
            case HIGH -> 8.0;
            case MEDIUM -> 5.5;
            case LOW -> 2.0;
            case NONE, UNKNOWN -> 0.0;
        };
    }

    /**
     * A relative URI reference for a path in the image. A colon in the first segment would read as a
     * scheme ({@code alpine:3.20}), so it is escaped there.
     */
    static String uri(String path) {
        String encoded;
        try {
            encoded = new URI(null, null, path.replaceFirst("^/+", ""), null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("path cannot be a URI: " + path, e);
        }
        int slash = encoded.indexOf('/');
        String first = slash < 0 ? encoded : encoded.substring(0, slash);
        return first.replace(":", "%3A") + (slash < 0 ? "" : encoded.substring(slash));
    }

    private static String fingerprint(ScanFinding f, String uri) {
        String identity = f.id() + "\n" + (f.pkg().purl() != null ? f.pkg().purl() : f.pkg().name() + "@"
                + f.installedVersion()) + "\n" + uri;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
