package io.stella.inventory.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stella.inventory.Inventory;
import io.stella.inventory.Package;
import io.stella.inventory.ScanTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.License;
import org.cyclonedx.model.Property;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;

class CycloneDxJsonWriterTest {
    private static final String GOLDEN = "cyclonedx-1.6.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static byte[] write(Inventory inventory) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SbomFixtures.writer(SbomFormat.CYCLONEDX_JSON).write(inventory, out);
        return out.toByteArray();
    }

    private static Bom parse(byte[] json) throws ParseException {
        return new JsonParser().parse(json);
    }

    @Test
    void matchesTheGoldenFile() throws IOException {
        GoldenFiles.assertMatches(GOLDEN, write(SbomFixtures.appImage()));
    }

    @Test
    void outputAndGoldenFileAreValidCycloneDx16() throws IOException {
        assertThat(new JsonParser().validate(write(SbomFixtures.appImage()), Version.VERSION_16)).isEmpty();
        assertThat(new JsonParser().validate(write(SbomFixtures.directory()), Version.VERSION_16)).isEmpty();
        assertThat(new JsonParser().validate(GoldenFiles.path(GOLDEN).toFile(), Version.VERSION_16)).isEmpty();
    }

    @Test
    void validatorRejectsAComponentWithoutNameAndAnUnlistedLicenceId() throws IOException {
        ObjectNode document = (ObjectNode) JSON.readTree(write(SbomFixtures.appImage()));
        ((ObjectNode) document.withArray("/components").get(1)).remove("name");
        List<ParseException> noName = new JsonParser().validate(JSON.writeValueAsBytes(document), Version.VERSION_16);
        assertThat(noName).extracting(Throwable::getMessage).anyMatch(m -> m.contains("name"));

        ObjectNode other = (ObjectNode) JSON.readTree(write(SbomFixtures.appImage()));
        ObjectNode musl = component(other, "pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=alpine-3.20");
        ((ObjectNode) musl.get("licenses").get(0).get("license")).put("id", "Public Domain");
        assertThat(new JsonParser().validate(JSON.writeValueAsBytes(other), Version.VERSION_16)).isNotEmpty();
    }

    @Test
    void isByteForByteReproducibleAndTakesSerialAndTimeFromTheInjectedSources() throws Exception {
        assertThat(write(SbomFixtures.appImage())).isEqualTo(write(SbomFixtures.appImage()));

        UUID other = UUID.fromString("00000000-0000-4000-8000-000000000001");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SbomWriters.forFormat(SbomFormat.CYCLONEDX_JSON, Clock.fixed(
                        Instant.parse("2030-01-02T03:04:05Z"), ZoneOffset.UTC), () -> other, "9.9.9")
                .write(SbomFixtures.appImage(), out);
        Bom bom = parse(out.toByteArray());
        assertThat(bom.getSerialNumber()).isEqualTo("urn:uuid:" + other);
        assertThat(bom.getMetadata().getTimestamp().toInstant()).isEqualTo(Instant.parse("2030-01-02T03:04:05Z"));
        assertThat(bom.getMetadata().getToolChoice().getComponents())
                .singleElement()
                .satisfies(tool -> {
                    assertThat(tool.getName()).isEqualTo("stella");
                    assertThat(tool.getVersion()).isEqualTo("9.9.9");
                });
    }

    @Test
    void roundTripKeepsEveryPackageWithItsPurlAndLicences() throws Exception {
        Inventory inventory = SbomFixtures.appImage();
        Bom bom = parse(write(inventory));

        List<Component> libraries = bom.getComponents().stream()
                .filter(c -> c.getType() == Component.Type.LIBRARY).toList();
        assertThat(bom.getComponents()).hasSize(inventory.packages().size() + 1);
        assertThat(libraries).extracting(Component::getPurl)
                .containsExactlyInAnyOrderElementsOf(inventory.packages().stream().map(Package::purl).toList());

        // Each package, identified by purl and path, carries its licences: SPDX ids as id, free text as
        // name, an expression (or ids combined with one) as one expression.
        Map<String, List<String>> licencesByPurlAndPath = new HashMap<>();
        for (Component c : libraries) {
            licencesByPurlAndPath.put(c.getPurl() + " " + property(c, "stella:file-path"), licenceStrings(c));
        }
        Map<String, List<String>> expected = new HashMap<>();
        for (Package p : inventory.packages()) {
            expected.put(p.purl() + " " + p.filePath(), p.licenses());
        }
        assertThat(licencesByPurlAndPath.keySet()).isEqualTo(expected.keySet());
        assertThat(licencesByPurlAndPath).containsEntry("pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=alpine-3.20 lib/apk/db/installed",
                List.of("id:MIT"));
        assertThat(licencesByPurlAndPath).containsEntry("pkg:apk/alpine/tzdata@2024b-r0?arch=x86_64&distro=alpine-3.20 lib/apk/db/installed",
                List.of("name:Public Domain"));
        assertThat(licencesByPurlAndPath).containsEntry("pkg:apk/alpine/kmod-libs@32-r0?arch=x86_64&distro=alpine-3.20 lib/apk/db/installed",
                List.of("expression:LGPL-2.1-or-later AND (GPL-2.0-or-later AND MIT)"));
        assertThat(licencesByPurlAndPath).containsEntry("pkg:cargo/serde@1.0.204 opt/indexer/Cargo.lock",
                List.of("expression:MIT OR Apache-2.0"));
        assertThat(licencesByPurlAndPath).containsEntry("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.17.1 app/lib/jackson-databind-2.17.1.jar",
                List.of("id:Apache-2.0"));
        assertThat(licencesByPurlAndPath).containsEntry(
                "pkg:pypi/python-dateutil@2.9.0.post0 usr/lib/python3.12/site-packages/python_dateutil-2.9.0.post0.dist-info/METADATA",
                List.of("name:Dual License", "name:Apache-2.0 OR BSD-3-Clause"));
        assertThat(licencesByPurlAndPath).containsEntry("pkg:golang/github.com/spf13/cobra@v1.8.1 usr/local/bin/healthcheck",
                List.of());
        // Every licence text of the inventory is there, verbatim or as its SPDX id.
        for (Package p : inventory.packages()) {
            String joined = String.join(" | ", licencesByPurlAndPath.get(p.purl() + " " + p.filePath()));
            for (String licence : p.licenses()) {
                String spdx = Licence.of(licence).isSpdx() ? Licence.of(licence).expression().canonical() : licence;
                assertThat(joined).as("licences of %s", p.purl()).contains(spdx);
            }
        }
    }

    @Test
    void describesTheImageTheOsAndThePackagesAsTrivyDoes() throws Exception {
        Bom bom = parse(write(SbomFixtures.appImage()));

        Component root = bom.getMetadata().getComponent();
        assertThat(root.getType()).isEqualTo(Component.Type.CONTAINER);
        assertThat(root.getName()).isEqualTo(SbomFixtures.IMAGE);
        assertThat(root.getVersion()).isEqualTo(SbomFixtures.DIGEST);
        assertThat(root.getPurl()).isEqualTo("pkg:oci/shop-api@sha256%3A" + SbomFixtures.DIGEST.substring(7)
                + "?arch=amd64&repository_url=ghcr.io%2Fstella-demo%2Fshop-api");
        assertThat(root.getBomRef()).isEqualTo(root.getPurl());
        assertThat(bom.getMetadata().getProperties()).filteredOn(p -> p.getName().equals("stella:warning"))
                .extracting(Property::getValue)
                .containsExactly(
                        "unreadable-archive: not a zip archive: end of central directory not found"
                                + " [entry app/lib/legacy-reports.jar] [layer " + SbomFixtures.JAR_LAYER + "]",
                        "apk-record-incomplete: record at line 412 has no version (V:); package skipped"
                                + " [entry lib/apk/db/installed] [layer " + SbomFixtures.BASE_LAYER + "]");

        Component os = bom.getComponents().getFirst();
        assertThat(os.getType()).isEqualTo(Component.Type.OPERATING_SYSTEM);
        assertThat(os.getName()).isEqualTo("alpine");
        assertThat(os.getVersion()).isEqualTo("3.20.3");

        Component jackson = bom.getComponents().stream()
                .filter(c -> "jackson-databind".equals(c.getName())).findFirst().orElseThrow();
        assertThat(jackson.getGroup()).isEqualTo("com.fasterxml.jackson.core");
        Component babel = bom.getComponents().stream()
                .filter(c -> "pkg:npm/%40babel/core@7.24.7".equals(c.getPurl())).findFirst().orElseThrow();
        assertThat(babel.getGroup()).isEqualTo("@babel");
        assertThat(babel.getName()).isEqualTo("core");
        Component busybox = bom.getComponents().stream()
                .filter(c -> "busybox".equals(c.getName())).findFirst().orElseThrow();
        assertThat(busybox.getProperties()).extracting(Property::getName, Property::getValue).containsExactly(
                tuple("stella:file-path", "lib/apk/db/installed"),
                tuple("stella:layer-digest", SbomFixtures.BASE_LAYER),
                tuple("stella:package:source-name", "busybox"),
                tuple("stella:package:source-version", "1.36.1-r29"),
                tuple("stella:package:type", "apk"));

        // bom-refs are unique; the two jackson-databind jars share a purl and are told apart by path.
        List<String> refs = bom.getComponents().stream().map(Component::getBomRef).toList();
        assertThat(refs).doesNotHaveDuplicates();
        assertThat(bom.getComponents()).filteredOn(c -> "jackson-databind".equals(c.getName()))
                .extracting(Component::getBomRef)
                .containsExactly(
                        "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.17.1?file_path=app%2Flib%2Fjackson-databind-2.17.1.jar",
                        "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.17.1?file_path="
                                + "app%2Fplugins%2Freport-export.jar%21%2FBOOT-INF%2Flib%2Fjackson-databind-2.17.1.jar");

        // The root depends on the OS and the language packages, the OS on the apk packages.
        Map<String, List<String>> dependsOn = dependsOn(bom);
        List<String> apkRefs = refsOf(bom, "apk");
        List<String> languageRefs = bom.getComponents().stream()
                .filter(c -> c.getType() == Component.Type.LIBRARY && !"apk".equals(property(c, "stella:package:type")))
                .map(Component::getBomRef).toList();
        assertThat(apkRefs).hasSize(7);
        assertThat(languageRefs).hasSize(8);
        List<String> rootExpected = new ArrayList<>(List.of(os.getBomRef()));
        rootExpected.addAll(languageRefs);
        assertThat(dependsOn.get(root.getBomRef())).containsExactlyElementsOf(rootExpected);
        assertThat(dependsOn.get(os.getBomRef())).containsExactlyElementsOf(apkRefs);
        for (String ref : refs) {
            if (!ref.equals(os.getBomRef())) {
                assertThat(dependsOn).containsEntry(ref, List.of());
            }
        }
    }

    @Test
    void listsPackagesSortedByTypeNameVersionAndPath() throws Exception {
        Bom bom = parse(write(SbomFixtures.appImage()));
        List<String> order = bom.getComponents().stream().skip(1)
                .map(c -> property(c, "stella:package:type") + " " + (c.getGroup() == null ? "" : c.getGroup() + ":") + c.getName())
                .toList();
        assertThat(order).containsExactly(
                "apk busybox", "apk ca-certificates-bundle", "apk kmod-libs", "apk musl", "apk musl-utils", "apk tzdata",
                "apk xz-libs",
                "maven com.fasterxml.jackson.core:jackson-databind", "maven com.fasterxml.jackson.core:jackson-databind",
                "npm @babel:core", "pypi python-dateutil", "pypi requests", "golang github.com/spf13/cobra",
                "golang stdlib", "cargo serde");
    }

    @Test
    void aDirectoryIsAFileComponentAndItsPackagesHangOffIt() throws Exception {
        Bom bom = parse(write(SbomFixtures.directory()));
        Component root = bom.getMetadata().getComponent();
        assertThat(root.getType()).isEqualTo(Component.Type.FILE);
        assertThat(root.getName()).isEqualTo("/srv/checkout");
        assertThat(root.getPurl()).isNull();
        assertThat(bom.getComponents()).extracting(Component::getType).containsOnly(Component.Type.LIBRARY);
        assertThat(dependsOn(bom).get(root.getBomRef())).containsExactly(
                "pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=alpine-3.20", "pkg:pypi/requests@2.32.3");
    }

    @Test
    void anImageFromAnArchiveHasNoPurl() throws Exception {
        Inventory fromArchive = new Inventory(new ScanTarget("/tmp/images/shop-api.tar",
                ScanTarget.Kind.CONTAINER_IMAGE, SbomFixtures.DIGEST, "linux/arm64/v8", List.of()),
                null, List.of(), List.of(), List.of());
        byte[] json = write(fromArchive);
        Component root = parse(json).getMetadata().getComponent();
        assertThat(root.getType()).isEqualTo(Component.Type.CONTAINER);
        assertThat(root.getPurl()).isNull();
        assertThat(root.getVersion()).isEqualTo(SbomFixtures.DIGEST);
        assertThat(new JsonParser().validate(json, Version.VERSION_16)).isEmpty();
    }

    private static ObjectNode component(JsonNode document, String purl) {
        return (ObjectNode) StreamSupport.stream(document.get("components").spliterator(), false)
                .filter(c -> purl.equals(c.path("purl").asText())).findFirst().orElseThrow();
    }

    private static String property(Component c, String name) {
        return c.getProperties() == null ? null : c.getProperties().stream()
                .filter(p -> p.getName().equals(name)).map(Property::getValue).findFirst().orElse(null);
    }

    private static List<String> licenceStrings(Component c) {
        List<String> out = new ArrayList<>();
        if (c.getLicenses() == null) {
            return out;
        }
        if (c.getLicenses().getExpression() != null) {
            out.add("expression:" + c.getLicenses().getExpression().getValue());
        }
        if (c.getLicenses().getLicenses() != null) {
            for (License l : c.getLicenses().getLicenses()) {
                out.add(l.getId() != null ? "id:" + l.getId() : "name:" + l.getName());
            }
        }
        return out;
    }

    private static Map<String, List<String>> dependsOn(Bom bom) {
        Map<String, List<String>> out = new HashMap<>();
        for (Dependency d : bom.getDependencies()) {
            List<String> children = d.getDependencies() == null ? List.of()
                    : d.getDependencies().stream().map(Dependency::getRef).toList();
            assertThat(out.put(d.getRef(), children)).as("dependency entry for %s appears once", d.getRef()).isNull();
        }
        return out;
    }

    private static List<String> refsOf(Bom bom, String type) {
        return bom.getComponents().stream().filter(c -> type.equals(property(c, "stella:package:type")))
                .map(Component::getBomRef).toList();
    }

}
