package io.stella.inventory.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stella.inventory.Inventory;
import io.stella.inventory.Package;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SpdxJsonWriterTest {
    private static final String GOLDEN = "spdx-2.3.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static byte[] write(Inventory inventory) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SbomFixtures.writer(SbomFormat.SPDX_JSON).write(inventory, out);
        return out.toByteArray();
    }

    private static JsonNode document(Inventory inventory) throws IOException {
        return JSON.readTree(write(inventory));
    }

    @Test
    void matchesTheGoldenFile() throws IOException {
        GoldenFiles.assertMatches(GOLDEN, write(SbomFixtures.appImage()));
    }

    @Test
    void outputAndGoldenFileAreValidAgainstTheSpdx23Schema() throws IOException {
        assertThat(SpdxSchema.validate(document(SbomFixtures.appImage()))).isEmpty();
        assertThat(SpdxSchema.validate(document(SbomFixtures.directory()))).isEmpty();
        assertThat(SpdxSchema.validate(JSON.readTree(GoldenFiles.path(GOLDEN).toFile()))).isEmpty();
    }

    @Test
    void schemaRejectsAPackageWithoutDownloadLocationAndAnUnknownPurpose() throws IOException {
        ObjectNode noDownloadLocation = (ObjectNode) document(SbomFixtures.appImage());
        ((ObjectNode) noDownloadLocation.get("packages").get(2)).remove("downloadLocation");
        assertThat(SpdxSchema.validate(noDownloadLocation))
                .extracting(com.networknt.schema.Error::getMessage)
                .anyMatch(m -> m.contains("downloadLocation"));

        ObjectNode hyphenatedPurpose = (ObjectNode) document(SbomFixtures.appImage());
        ((ObjectNode) hyphenatedPurpose.get("packages").get(1)).put("primaryPackagePurpose", "OPERATING-SYSTEM");
        assertThat(SpdxSchema.validate(hyphenatedPurpose)).isNotEmpty();

        ObjectNode noNamespace = (ObjectNode) document(SbomFixtures.appImage());
        noNamespace.remove("documentNamespace");
        assertThat(SpdxSchema.validate(noNamespace)).isNotEmpty();
    }

    @Test
    void isByteForByteReproducibleAndTakesNamespaceAndTimeFromTheInjectedSources() throws IOException {
        assertThat(write(SbomFixtures.appImage())).isEqualTo(write(SbomFixtures.appImage()));

        UUID uuid = UUID.fromString("00000000-0000-4000-8000-000000000002");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SbomWriters.forFormat(SbomFormat.SPDX_JSON, Clock.fixed(Instant.parse("2030-01-02T03:04:05.678Z"), ZoneOffset.UTC),
                () -> uuid, "9.9.9").write(SbomFixtures.appImage(), out);
        JsonNode document = JSON.readTree(out.toByteArray());
        assertThat(document.get("documentNamespace").asText())
                .isEqualTo("https://stella.io/spdxdocs/container_image/ghcr.io/stella-demo/shop-api:1.4.2-" + uuid);
        assertThat(document.at("/creationInfo/created").asText()).isEqualTo("2030-01-02T03:04:05Z");
        assertThat(document.at("/creationInfo/creators")).extracting(JsonNode::asText)
                .contains("Tool: stella-9.9.9", "Organization: stella");
    }

    @Test
    void relatesDocumentImageOsAndPackagesAsTrivyDoes() throws IOException {
        JsonNode document = document(SbomFixtures.appImage());
        Map<String, JsonNode> packages = new HashMap<>();
        for (JsonNode p : document.get("packages")) {
            assertThat(packages.put(p.get("SPDXID").asText(), p)).as("SPDXID %s unique", p.get("SPDXID")).isNull();
            assertThat(p.get("SPDXID").asText()).matches("SPDXRef-[A-Za-z0-9.-]+");
        }
        JsonNode root = document.get("packages").get(0);
        JsonNode os = document.get("packages").get(1);
        assertThat(root.get("name").asText()).isEqualTo(SbomFixtures.IMAGE);
        assertThat(root.get("primaryPackagePurpose").asText()).isEqualTo("CONTAINER");
        assertThat(root.at("/externalRefs/0/referenceLocator").asText()).startsWith("pkg:oci/shop-api@sha256%3A");
        assertThat(os.get("name").asText()).isEqualTo("alpine");
        assertThat(os.get("versionInfo").asText()).isEqualTo("3.20.3");
        assertThat(os.get("primaryPackagePurpose").asText()).isEqualTo("OPERATING_SYSTEM");

        List<String> relationships = new ArrayList<>();
        for (JsonNode r : document.get("relationships")) {
            relationships.add(r.get("spdxElementId").asText() + " " + r.get("relationshipType").asText() + " "
                    + r.get("relatedSpdxElement").asText());
        }
        String rootId = root.get("SPDXID").asText();
        String osId = os.get("SPDXID").asText();
        List<String> expected = new ArrayList<>(List.of("SPDXRef-DOCUMENT DESCRIBES " + rootId, rootId + " CONTAINS " + osId));
        int apk = 0;
        int language = 0;
        for (JsonNode p : document.get("packages")) {
            String purl = p.at("/externalRefs/0/referenceLocator").asText();
            if (purl.startsWith("pkg:apk/")) {
                expected.add(osId + " CONTAINS " + p.get("SPDXID").asText());
                apk++;
            } else if (p != root && p != os) {
                expected.add(rootId + " CONTAINS " + p.get("SPDXID").asText());
                language++;
            }
        }
        assertThat(apk).isEqualTo(7);
        assertThat(language).isEqualTo(8);
        assertThat(relationships).containsExactlyInAnyOrderElementsOf(expected);

        // Every inventory package is there once, with its purl, version and where it was found.
        List<String> listed = new ArrayList<>();
        for (JsonNode p : document.get("packages")) {
            if (p != root && p != os) {
                assertThat(p.at("/externalRefs/0/referenceCategory").asText()).isEqualTo("PACKAGE-MANAGER");
                assertThat(p.at("/externalRefs/0/referenceType").asText()).isEqualTo("purl");
                assertThat(p.get("downloadLocation").asText()).isEqualTo("NOASSERTION");
                assertThat(p.get("filesAnalyzed").asBoolean(true)).isFalse();
                assertThat(p.get("licenseConcluded").asText()).isEqualTo("NOASSERTION");
                listed.add(p.at("/externalRefs/0/referenceLocator").asText() + " " + p.get("versionInfo").asText() + " "
                        + p.get("sourceInfo").asText());
            }
        }
        List<String> inventory = new ArrayList<>();
        for (Package p : SbomFixtures.appImage().packages()) {
            inventory.add(p.purl() + " " + p.version() + " package found in: " + p.filePath() + " (layer " + p.layerDigest() + ")"
                    + (p.sourceName() == null ? "" : "; built package from: " + p.sourceName() + " " + p.sourceVersion()));
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(inventory);
        assertThat(document.get("comment").asText())
                .contains("Warning: unreadable-archive: not a zip archive: end of central directory not found")
                .contains("Warning: apk-record-incomplete: record at line 412 has no version (V:); package skipped");
    }

    @Test
    void declaresSpdxLicencesAndDefinesEveryLicenseRef() throws IOException {
        JsonNode document = document(SbomFixtures.appImage());
        Map<String, String> declared = new HashMap<>();
        for (JsonNode p : document.get("packages")) {
            declared.put(p.get("name").asText(), p.get("licenseDeclared").asText());
        }
        assertThat(declared).containsEntry("musl", "MIT")
                .containsEntry("busybox", "GPL-2.0-only")
                .containsEntry("kmod-libs", "LGPL-2.1-or-later AND (GPL-2.0-or-later AND MIT)")
                .containsEntry("tzdata", "LicenseRef-Public-Domain")
                .containsEntry("xz-libs", "GPL-2.0-or-later AND 0BSD AND LicenseRef-Public-Domain-2 AND LGPL-2.1-or-later")
                .containsEntry("com.fasterxml.jackson.core:jackson-databind", "Apache-2.0")
                .containsEntry("python-dateutil", "LicenseRef-Dual-License AND (Apache-2.0 OR BSD-3-Clause)")
                .containsEntry("serde", "MIT OR Apache-2.0")
                .containsEntry("github.com/spf13/cobra", "NOASSERTION");

        Map<String, String> extracted = new HashMap<>();
        for (JsonNode e : document.get("hasExtractedLicensingInfos")) {
            extracted.put(e.get("licenseId").asText(), e.get("extractedText").asText());
        }
        assertThat(extracted).containsOnly(
                Map.entry("LicenseRef-Public-Domain", "Public Domain"),
                Map.entry("LicenseRef-Public-Domain-2", "Public-Domain"),
                Map.entry("LicenseRef-Dual-License", "Dual License"));
        Set<String> used = new HashSet<>();
        Matcher refs = Pattern.compile("LicenseRef-[A-Za-z0-9.-]+").matcher(document.get("packages").toString());
        while (refs.find()) {
            used.add(refs.group());
        }
        assertThat(extracted.keySet()).isEqualTo(used);
    }

    @Test
    void repeatedPackagesGetDistinctIds() throws IOException {
        JsonNode document = document(SbomFixtures.appImage());
        List<String> jacksonIds = new ArrayList<>();
        for (JsonNode p : document.get("packages")) {
            if (p.get("name").asText().endsWith(":jackson-databind")) {
                jacksonIds.add(p.get("SPDXID").asText());
            }
        }
        assertThat(jacksonIds).containsExactly(
                "SPDXRef-Package-maven-com.fasterxml.jackson.core-jackson-databind-2.17.1",
                "SPDXRef-Package-maven-com.fasterxml.jackson.core-jackson-databind-2.17.1-2");
    }

    @Test
    void aDirectoryIsAFilePackageThatContainsItsPackagesDirectly() throws IOException {
        JsonNode document = document(SbomFixtures.directory());
        JsonNode root = document.get("packages").get(0);
        assertThat(root.get("primaryPackagePurpose").asText()).isEqualTo("FILE");
        assertThat(root.has("externalRefs")).isFalse();
        assertThat(document.get("documentNamespace").asText()).startsWith("https://stella.io/spdxdocs/filesystem/srv/checkout-");
        List<String> contained = new ArrayList<>();
        for (JsonNode r : document.get("relationships")) {
            if (r.get("relationshipType").asText().equals("CONTAINS")) {
                assertThat(r.get("spdxElementId").asText()).isEqualTo(root.get("SPDXID").asText());
                contained.add(r.get("relatedSpdxElement").asText());
            }
        }
        assertThat(contained).containsExactly("SPDXRef-Package-apk-musl-1.2.5-r0", "SPDXRef-Package-pypi-requests-2.32.3");
    }
}
