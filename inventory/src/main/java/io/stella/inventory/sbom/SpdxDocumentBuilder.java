package io.stella.inventory.sbom;

import io.stella.inventory.AnalysisWarning;
import io.stella.inventory.Inventory;
import io.stella.inventory.OsRelease;
import io.stella.inventory.Package;
import io.stella.inventory.ScanTarget;
import io.stella.inventory.sbom.spdx.SpdxCreationInfo;
import io.stella.inventory.sbom.spdx.SpdxDocument;
import io.stella.inventory.sbom.spdx.SpdxExternalRef;
import io.stella.inventory.sbom.spdx.SpdxPackage;
import io.stella.inventory.sbom.spdx.SpdxRelationship;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Builds the SPDX 2.3 document of an inventory, in Trivy's shape:
 * <ul>
 *   <li>a root package for the target ({@code CONTAINER} for an image, with its {@code pkg:oci} purl;
 *       {@code FILE} for a file system), the distribution as an {@code OPERATING_SYSTEM} package, every
 *       package as a {@code LIBRARY} with its purl as a {@code PACKAGE-MANAGER} external reference;</li>
 *   <li>relationships: the document DESCRIBES the root, the root CONTAINS the OS and the language packages,
 *       the OS CONTAINS its packages (without an os-release, the root contains them);</li>
 *   <li>the warnings and analyzers in the document {@code comment}, so an incomplete analysis stays visible.</li>
 * </ul>
 * {@code primaryPackagePurpose} is spelt {@code OPERATING_SYSTEM}: the SPDX 2.3 JSON schema's enum has the
 * underscore (the tag-value format writes {@code OPERATING-SYSTEM}).
 */
final class SpdxDocumentBuilder {
    /** Base of {@code documentNamespace}; the URI identifies the document, it is not meant to resolve. */
    static final String NAMESPACE_BASE = "https://stella.io/spdxdocs/";
    static final String NOASSERTION = "NOASSERTION";

    private final Clock clock;
    private final Supplier<UUID> uuids;
    private final String toolVersion;

    SpdxDocumentBuilder(Clock clock, Supplier<UUID> uuids, String toolVersion) {
        this.clock = clock;
        this.uuids = uuids;
        this.toolVersion = toolVersion;
    }

    SpdxDocument build(Inventory inventory) {
        ScanTarget target = Objects.requireNonNull(inventory.target(), "inventory.target");
        SbomPackages packages = SbomPackages.of(inventory);
        SpdxIds ids = new SpdxIds();
        SpdxLicences licences = new SpdxLicences();
        List<SpdxPackage> spdxPackages = new ArrayList<>();
        List<SpdxRelationship> relationships = new ArrayList<>();

        SpdxPackage root = rootPackage(target, ids);
        spdxPackages.add(root);
        relationships.add(new SpdxRelationship("SPDXRef-DOCUMENT", root.spdxId(), "DESCRIBES"));
        String osPackagesParent = root.spdxId();
        if (inventory.os() != null) {
            SpdxPackage os = osPackage(inventory.os(), ids);
            spdxPackages.add(os);
            relationships.add(new SpdxRelationship(root.spdxId(), os.spdxId(), "CONTAINS"));
            osPackagesParent = os.spdxId();
        }
        for (Package p : packages.osPackages()) {
            SpdxPackage spdx = libraryPackage(p, ids, licences);
            spdxPackages.add(spdx);
            relationships.add(new SpdxRelationship(osPackagesParent, spdx.spdxId(), "CONTAINS"));
        }
        for (Package p : packages.languagePackages()) {
            SpdxPackage spdx = libraryPackage(p, ids, licences);
            spdxPackages.add(spdx);
            relationships.add(new SpdxRelationship(root.spdxId(), spdx.spdxId(), "CONTAINS"));
        }

        String created = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        SpdxCreationInfo creationInfo = new SpdxCreationInfo(
                List.of("Organization: stella", "Tool: stella-" + toolVersion), created,
                SpdxLicenseList.get().version());
        return new SpdxDocument("SPDX-2.3", "CC0-1.0", "SPDXRef-DOCUMENT", target.name(), namespace(target),
                comment(inventory), creationInfo, spdxPackages, licences.extracted(), relationships);
    }

    private String namespace(ScanTarget target) {
        String kind = target.kind() == ScanTarget.Kind.CONTAINER_IMAGE ? "container_image" : "filesystem";
        String name = URLEncoder.encode(target.name().replaceFirst("^/+", ""), StandardCharsets.UTF_8)
                .replace("%2F", "/").replace("%3A", ":").replace("%40", "@");
        return NAMESPACE_BASE + kind + "/" + name + "-" + uuids.get();
    }

    /** Null when there is nothing to say. */
    private static String comment(Inventory inventory) {
        List<String> lines = new ArrayList<>();
        if (!inventory.analyzers().isEmpty()) {
            lines.add("Analyzers: " + inventory.analyzers().stream().sorted().collect(Collectors.joining(", ")));
        }
        for (AnalysisWarning warning : inventory.warnings()) {
            lines.add("Warning: " + warning);
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    private static SpdxPackage rootPackage(ScanTarget target, SpdxIds ids) {
        boolean image = target.kind() == ScanTarget.Kind.CONTAINER_IMAGE;
        String id = ids.unique((image ? "ContainerImage-" : "Filesystem-") + target.name());
        List<SpdxExternalRef> refs = OciPurl.of(target).map(SpdxExternalRef::purl).stream().toList();
        String sourceInfo = target.layers().isEmpty() ? null : "layers: " + String.join(", ", target.layers());
        return new SpdxPackage(target.name(), id, image ? target.digest() : null, NOASSERTION, false, NOASSERTION,
                NOASSERTION, sourceInfo, refs, image ? "CONTAINER" : "FILE");
    }

    private static SpdxPackage osPackage(OsRelease os, SpdxIds ids) {
        String id = ids.unique("OperatingSystem-" + os.id() + (os.versionId() == null ? "" : "-" + os.versionId()));
        return new SpdxPackage(os.id(), id, os.versionId(), NOASSERTION, false, NOASSERTION, NOASSERTION,
                os.source() == null ? null : "release file: " + os.source(), List.of(), "OPERATING_SYSTEM");
    }

    private static SpdxPackage libraryPackage(Package p, SpdxIds ids, SpdxLicences licences) {
        String id = ids.unique("Package-" + p.type().purlType() + "-" + p.name() + "-" + p.version());
        List<SpdxExternalRef> refs = p.purl() == null ? List.of() : List.of(SpdxExternalRef.purl(p.purl()));
        return new SpdxPackage(p.name(), id, p.version(), NOASSERTION, false, NOASSERTION,
                licences.declared(p.licenses()), sourceInfo(p), refs, "LIBRARY");
    }

    /** Trivy's wording: where the package was found, and what it was built from. */
    private static String sourceInfo(Package p) {
        List<String> parts = new ArrayList<>();
        if (p.filePath() != null) {
            parts.add("package found in: " + p.filePath() + (p.layerDigest() == null ? "" : " (layer " + p.layerDigest() + ")"));
        } else if (p.layerDigest() != null) {
            parts.add("package found in layer: " + p.layerDigest());
        }
        if (p.sourceName() != null) {
            parts.add("built package from: " + p.sourceName() + (p.sourceVersion() == null ? "" : " " + p.sourceVersion()));
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /**
     * {@code SPDXRef-} ids: the suffix with every character outside {@code [A-Za-z0-9.-]} replaced by
     * {@code -}; a repeated id gets {@code -2}, {@code -3}, ... in package order.
     */
    static final class SpdxIds {
        private final Set<String> taken = new HashSet<>(Set.of("SPDXRef-DOCUMENT"));

        String unique(String suffix) {
            String base = "SPDXRef-" + suffix.replaceAll("[^A-Za-z0-9.-]", "-");
            String id = base;
            for (int n = 2; !taken.add(id); n++) {
                id = base + "-" + n;
            }
            return id;
        }
    }
}
