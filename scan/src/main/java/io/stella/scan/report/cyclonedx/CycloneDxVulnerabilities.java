package io.stella.scan.report.cyclonedx;

import io.stella.inventory.sbom.BomProperties;
import io.stella.scan.ScanFinding;
import io.stella.scan.ScanReport;
import io.stella.scan.Suppression;
import io.stella.scan.report.Advisories;
import io.stella.scan.report.ComponentKey;
import io.stella.vulndb.model.Advisory;
import io.stella.vulndb.model.SeverityRating;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.vulnerability.Vulnerability;

/**
 * CycloneDX {@code vulnerabilities} of a report: one entry per advisory id, affecting the bom-ref of every
 * package component it was found in (with the installed version as {@code affected}), Trivy-like. Suppressed
 * findings are listed too, with an {@code analysis} giving the suppression's reason; its state is set
 * when the reason starts with a VEX status.
 */
final class CycloneDxVulnerabilities {
    private CycloneDxVulnerabilities() {}

    static List<Vulnerability> of(ScanReport report, Bom bom) {
        Map<ComponentKey, String> refs = refsByKey(bom);
        List<Vulnerability> out = new ArrayList<>(group(report.findings(), refs, null));
        Map<String, List<Suppression>> suppressedByReason = new LinkedHashMap<>();
        for (Suppression s : report.suppressed()) {
            suppressedByReason.computeIfAbsent(s.reason() + "\n" + s.origin(), k -> new ArrayList<>()).add(s);
        }
        for (List<Suppression> same : suppressedByReason.values()) {
            out.addAll(group(same.stream().map(Suppression::finding).toList(), refs, analysis(same.getFirst())));
        }
        return out;
    }

    private static List<Vulnerability> group(List<ScanFinding> findings, Map<ComponentKey, String> refs,
                                             Vulnerability.Analysis analysis) {
        Map<String, List<ScanFinding>> byId = new LinkedHashMap<>();
        for (ScanFinding f : findings) {
            byId.computeIfAbsent(f.id(), k -> new ArrayList<>()).add(f);
        }
        List<Vulnerability> out = new ArrayList<>();
        for (List<ScanFinding> same : byId.values()) {
            out.add(vulnerability(same, refs, analysis));
        }
        return out;
    }

    private static Vulnerability vulnerability(List<ScanFinding> findings, Map<ComponentKey, String> refs,
                                               Vulnerability.Analysis analysis) {
        ScanFinding first = findings.getFirst();
        Advisory advisory = first.advisory();
        Vulnerability v = new Vulnerability();
        v.setId(advisory.id());
        v.setSource(source(advisory));
        List<Vulnerability.Reference> aliases = new ArrayList<>();
        for (String alias : advisory.aliases()) {
            Vulnerability.Reference reference = new Vulnerability.Reference();
            reference.setId(alias);
            Vulnerability.Source source = new Vulnerability.Source();
            source.setName(alias.startsWith("CVE-") ? "NVD" : "OSV");
            source.setUrl(alias.startsWith("CVE-") ? "https://nvd.nist.gov/vuln/detail/" + alias
                    : "https://osv.dev/vulnerability/" + alias);
            reference.setSource(source);
            aliases.add(reference);
        }
        if (!aliases.isEmpty()) {
            v.setReferences(aliases);
        }
        v.setRatings(List.of(rating(first.severity(), advisory.source())));
        v.setDescription(advisory.summary());
        if (!advisory.references().isEmpty()) {
            List<Vulnerability.Advisory> advisories = new ArrayList<>();
            for (String url : advisory.references()) {
                Vulnerability.Advisory a = new Vulnerability.Advisory();
                a.setUrl(url);
                advisories.add(a);
            }
            v.setAdvisories(advisories);
        }
        if (advisory.published() != null) {
            v.setPublished(Date.from(advisory.published()));
        }
        if (advisory.modified() != null) {
            v.setUpdated(Date.from(advisory.modified()));
        }
        List<String> fixes = findings.stream().filter(ScanFinding::fixable)
                .map(f -> f.pkg().name() + " " + f.fixedVersion()).distinct().toList();
        if (!fixes.isEmpty()) {
            v.setRecommendation("Upgrade to " + String.join(", ", fixes));
        }
        List<Vulnerability.Affect> affects = new ArrayList<>();
        for (ScanFinding f : findings) {
            Vulnerability.Affect affect = new Vulnerability.Affect();
            affect.setRef(refs.get(ComponentKey.of(f.pkg())));
            Vulnerability.Version version = new Vulnerability.Version();
            version.setVersion(f.installedVersion());
            version.setStatus(Vulnerability.Version.Status.AFFECTED);
            affect.setVersions(List.of(version));
            affects.add(affect);
        }
        v.setAffects(affects);
        v.setAnalysis(analysis);
        return v;
    }

    private static Vulnerability.Source source(Advisory advisory) {
        Vulnerability.Source source = new Vulnerability.Source();
        source.setName(advisory.source());
        source.setUrl(Advisories.url(advisory));
        return source;
    }

    private static Vulnerability.Rating rating(SeverityRating severity, String sourceName) {
        Vulnerability.Rating rating = new Vulnerability.Rating();
        Vulnerability.Source source = new Vulnerability.Source();
        source.setName(sourceName);
        rating.setSource(source);
        rating.setScore(severity.score());
        rating.setSeverity(Vulnerability.Rating.Severity.valueOf(severity.severity().name()));
        rating.setVector(severity.vector());
        rating.setMethod(method(severity.vector()));
        return rating;
    }

    static Vulnerability.Rating.Method method(String vector) {
        if (vector == null) {
            return Vulnerability.Rating.Method.OTHER;
        }
        if (vector.startsWith("CVSS:3.1/")) {
            return Vulnerability.Rating.Method.CVSSV31;
        }
        if (vector.startsWith("CVSS:3.0/")) {
            return Vulnerability.Rating.Method.CVSSV3;
        }
        if (vector.startsWith("CVSS:4.0/")) {
            return Vulnerability.Rating.Method.CVSSV4;
        }
        if (vector.startsWith("AV:")) {
            return Vulnerability.Rating.Method.CVSSV2;
        }
        return Vulnerability.Rating.Method.OTHER;
    }

    private static Vulnerability.Analysis analysis(Suppression s) {
        Vulnerability.Analysis analysis = new Vulnerability.Analysis();
        String reason = s.reason();
        if (reason.startsWith("not_affected")) {
            analysis.setState(Vulnerability.Analysis.State.NOT_AFFECTED);
        } else if (reason.startsWith("fixed") || reason.startsWith("resolved")) {
            analysis.setState(Vulnerability.Analysis.State.RESOLVED);
        } else if (reason.startsWith("false_positive")) {
            analysis.setState(Vulnerability.Analysis.State.FALSE_POSITIVE);
        }
        analysis.setDetail(reason + (s.origin() == null ? "" : " (" + s.origin() + ")"));
        return analysis;
    }

    private static Map<ComponentKey, String> refsByKey(Bom bom) {
        Map<ComponentKey, String> refs = new HashMap<>();
        if (bom.getComponents() == null) {
            return refs;
        }
        for (Component c : bom.getComponents()) {
            if (c.getType() == Component.Type.LIBRARY) {
                ComponentKey key = new ComponentKey(c.getPurl(), property(c, BomProperties.FILE_PATH),
                        property(c, BomProperties.PACKAGE_TYPE), c.getVersion());
                refs.putIfAbsent(key, c.getBomRef());
            }
        }
        return refs;
    }

    private static String property(Component c, String name) {
        return c.getProperties() == null ? null : c.getProperties().stream().filter(p -> p.getName().equals(name))
                .map(Property::getValue).findFirst().orElse(null);
    }
}
