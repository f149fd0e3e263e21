package io.stella.scan.sbom;

import io.stella.inventory.sbom.BomProperties;
import java.util.Map;

/**
 * The source package of a binary package, from what SBOM writers record: stella's own
 * {@code stella:package:source-*} properties, Trivy's {@code aquasecurity:trivy:Src*} properties, or the
 * purl {@code upstream} qualifier (deb: {@code name} or {@code name@version}; rpm: the source rpm file name).
 *
 * @param name    source package name
 * @param version source package version, or null
 */
record SourcePackage(String name, String version) {
    static final String STELLA_NAME = BomProperties.SOURCE_NAME;
    static final String STELLA_VERSION = BomProperties.SOURCE_VERSION;
    static final String TRIVY_NAME = "aquasecurity:trivy:SrcName";
    static final String TRIVY_VERSION = "aquasecurity:trivy:SrcVersion";
    static final String TRIVY_RELEASE = "aquasecurity:trivy:SrcRelease";
    static final String TRIVY_EPOCH = "aquasecurity:trivy:SrcEpoch";

    /** Null when nothing names a source package. */
    static SourcePackage of(Map<String, String> properties, String purlType, Map<String, String> qualifiers) {
        if (properties.containsKey(STELLA_NAME)) {
            return new SourcePackage(properties.get(STELLA_NAME), properties.get(STELLA_VERSION));
        }
        if (properties.containsKey(TRIVY_NAME)) {
            return new SourcePackage(properties.get(TRIVY_NAME), trivyVersion(properties));
        }
        String upstream = qualifiers == null ? null : qualifiers.get("upstream");
        if (upstream == null || upstream.isEmpty()) {
            return null;
        }
        return "rpm".equals(purlType) ? fromSourceRpm(upstream) : fromNameAtVersion(upstream);
    }

    /** Trivy splits rpm source versions into epoch, version and release. */
    private static String trivyVersion(Map<String, String> properties) {
        String version = properties.get(TRIVY_VERSION);
        if (version == null) {
            return null;
        }
        String release = properties.get(TRIVY_RELEASE);
        String epoch = properties.get(TRIVY_EPOCH);
        String full = release == null || release.isEmpty() ? version : version + "-" + release;
        return epoch == null || epoch.isEmpty() || epoch.equals("0") ? full : epoch + ":" + full;
    }

    private static SourcePackage fromNameAtVersion(String upstream) {
        int at = upstream.indexOf('@');
        return at > 0 ? new SourcePackage(upstream.substring(0, at), upstream.substring(at + 1))
                : new SourcePackage(upstream, null);
    }

    /** {@code glibc-2.34-60.el9.src.rpm}: name, then version and release after the last two dashes. */
    private static SourcePackage fromSourceRpm(String upstream) {
        String base = upstream.endsWith(".src.rpm") ? upstream.substring(0, upstream.length() - ".src.rpm".length())
                : upstream;
        int releaseDash = base.lastIndexOf('-');
        int versionDash = releaseDash > 0 ? base.lastIndexOf('-', releaseDash - 1) : -1;
        if (versionDash <= 0) {
            return new SourcePackage(base, null);
        }
        return new SourcePackage(base.substring(0, versionDash), base.substring(versionDash + 1));
    }
}
