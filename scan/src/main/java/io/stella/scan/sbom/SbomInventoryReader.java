package io.stella.scan.sbom;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.stella.inventory.AnalysisWarning;
import io.stella.inventory.Inventory;
import io.stella.inventory.OsRelease;
import io.stella.inventory.Package;
import io.stella.inventory.PackageType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a CycloneDX (1.4 to 1.6) or SPDX 2.3 JSON SBOM as the inventory of a scan. The format is told
 * from the content ({@code bomFormat: CycloneDX} or {@code spdxVersion}), not from the file name.
 *
 * <p>Entries without a package-url, with a malformed one, or whose purl type stella does not model (e.g.
 * hex, cocoapods: {@link PackageType} has no constant for them) cannot be matched: they are left out and
 * each such group is reported as one warning naming them.
 */
public final class SbomInventoryReader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SbomInventoryReader() {
    }

    public static Inventory read(Path file) throws IOException {
        SbomDocument document = parse(file, readJson(file));
        List<Package> packages = new ArrayList<>();
        List<String> withoutPurl = new ArrayList<>();
        List<String> badPurl = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        OsRelease os = document.os();
        for (SbomComponent component : document.components()) {
            if (component.purl() == null || component.purl().isBlank()) {
                withoutPurl.add(label(component));
                continue;
            }
            PackageURL purl;
            try {
                purl = new PackageURL(component.purl());
            } catch (MalformedPackageURLException e) {
                badPurl.add(label(component) + " (" + e.getMessage() + ")");
                continue;
            }
            Optional<PackageType> type = PurlPackages.type(purl);
            if (type.isEmpty()) {
                unsupported.add(component.purl());
                continue;
            }
            if (os == null && purl.getQualifiers() != null && purl.getQualifiers().containsKey("distro")) {
                os = DistroQualifier.toOs(purl.getQualifiers().get("distro"));
            }
            packages.add(PurlPackages.toPackage(type.get(), purl, component));
        }
        List<AnalysisWarning> warnings = new ArrayList<>();
        warnIfAny(warnings, file, "sbom-component-without-purl", withoutPurl,
                " without a package-url, not checked for vulnerabilities: ");
        warnIfAny(warnings, file, "sbom-invalid-purl", badPurl, " with a malformed package-url, not checked: ");
        warnIfAny(warnings, file, "sbom-unsupported-purl-type", unsupported,
                " of a package type stella does not evaluate: ");
        return new Inventory(document.target(), os, packages, warnings, List.of("sbom-" + document.format()));
    }

    private static SbomDocument parse(Path file, JsonNode root) throws SbomInputException {
        if (!root.isObject()) {
            throw new SbomInputException(file, "/", "the document is not a JSON object; expected a CycloneDX or"
                    + " SPDX JSON SBOM");
        }
        if ("CycloneDX".equals(root.path("bomFormat").asText())) {
            return CycloneDxSbomReader.read(file, root);
        }
        if (root.hasNonNull("spdxVersion")) {
            String version = root.path("spdxVersion").asText();
            if (!version.startsWith("SPDX-2.")) {
                throw new SbomInputException(file, "/spdxVersion", version + " is not supported; export the SBOM as"
                        + " SPDX 2.3 JSON");
            }
            return SpdxSbomReader.read(file, root);
        }
        throw new SbomInputException(file, null, "neither a CycloneDX JSON SBOM (no \"bomFormat\": \"CycloneDX\")"
                + " nor an SPDX JSON SBOM (no \"spdxVersion\"); export the SBOM as CycloneDX 1.4-1.6 or SPDX 2.3"
                + " JSON (XML and tag-value are not read)");
    }

    private static JsonNode readJson(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode root = JSON.readTree(in);
            if (root == null || root.isMissingNode()) {
                throw new SbomInputException(file, null, "the file is empty; expected a CycloneDX or SPDX JSON SBOM");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String location = at == null ? null : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new SbomInputException(file, location, "not valid JSON (" + e.getOriginalMessage()
                    + "); the file may be truncated or not a JSON SBOM", e);
        }
    }

    private static void warnIfAny(List<AnalysisWarning> warnings, Path file, String kind, List<String> names,
                                  String what) {
        if (!names.isEmpty()) {
            warnings.add(new AnalysisWarning(kind, null, file.toString(),
                    names.size() + (names.size() == 1 ? " entry" : " entries") + what + String.join(", ", names)));
        }
    }

    private static String label(SbomComponent component) {
        String name = component.name() == null ? "(unnamed)" : component.name();
        return (component.version() == null ? name : name + "@" + component.version()) + " at " + component.pointer();
    }
}
