package io.stella.scan.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.inventory.Inventory;
import io.stella.inventory.Package;
import io.stella.inventory.PackageType;
import io.stella.inventory.ScanTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SbomInventoryReaderTest {
    private static final Path GOLDEN = Path.of("../inventory/src/test/resources/sbom");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Identity(String name, String version, String purl) {
        static Identity of(Package p) {
            return new Identity(p.name(), p.version(), p.purl());
        }
    }

    @Test
    void readsBackStellasCycloneDxSbom() throws IOException {
        Path file = GOLDEN.resolve("cyclonedx-1.6.json");
        List<Identity> expected = new ArrayList<>();
        for (JsonNode c : JSON.readTree(file.toFile()).path("components")) {
            if (c.path("type").asText().equals("operating-system")) {
                continue;
            }
            String purl = c.path("purl").asText();
            String name = c.hasNonNull("group")
                    ? c.path("group").asText() + (purl.startsWith("pkg:maven/") ? ":" : "/") + c.path("name").asText()
                    : c.path("name").asText();
            expected.add(new Identity(name, c.path("version").asText(), purl));
        }

        Inventory inventory = SbomInventoryReader.read(file);

        assertThat(inventory.packages()).map(Identity::of).containsExactlyElementsOf(expected);
        assertThat(inventory.os().id()).isEqualTo("alpine");
        assertThat(inventory.os().versionId()).isEqualTo("3.20.3");
        assertThat(inventory.target().kind()).isEqualTo(ScanTarget.Kind.CONTAINER_IMAGE);
        assertThat(inventory.target().name()).isEqualTo("ghcr.io/stella-demo/shop-api:1.4.2");
        assertThat(inventory.warnings()).isEmpty();
        assertThat(inventory.packages()).allSatisfy(p -> assertThat(p.ecosystem()).isNotNull());
        Package busybox = inventory.packages().stream().filter(p -> p.name().equals("busybox")).findFirst().orElseThrow();
        JsonNode busyboxJson = component(file, "busybox");
        assertThat(busybox.type()).isEqualTo(PackageType.APK);
        assertThat(busybox.ecosystem()).isEqualTo("Alpine");
        assertThat(busybox.arch()).isEqualTo("x86_64");
        assertThat(busybox.sourceName()).isEqualTo(property(busyboxJson, "stella:package:source-name"));
        assertThat(busybox.sourceVersion()).isEqualTo(property(busyboxJson, "stella:package:source-version"));
        assertThat(busybox.filePath()).isEqualTo(property(busyboxJson, "stella:file-path"));
    }

    @Test
    void readsBackStellasSpdxSbom() throws IOException {
        Path file = GOLDEN.resolve("spdx-2.3.json");
        List<Identity> expected = new ArrayList<>();
        for (JsonNode p : JSON.readTree(file.toFile()).path("packages")) {
            String purpose = p.path("primaryPackagePurpose").asText();
            if (purpose.equals("CONTAINER") || purpose.equals("OPERATING_SYSTEM")) {
                continue;
            }
            String purl = null;
            for (JsonNode ref : p.path("externalRefs")) {
                if (ref.path("referenceType").asText().equals("purl")) {
                    purl = ref.path("referenceLocator").asText();
                }
            }
            expected.add(new Identity(p.path("name").asText(), p.path("versionInfo").asText(), purl));
        }

        Inventory inventory = SbomInventoryReader.read(file);

        assertThat(inventory.packages()).map(Identity::of).containsExactlyElementsOf(expected);
        assertThat(inventory.os().id()).isEqualTo("alpine");
        assertThat(inventory.target().kind()).isEqualTo(ScanTarget.Kind.CONTAINER_IMAGE);
        assertThat(inventory.warnings()).isEmpty();
        assertThat(inventory.analyzers()).containsExactly("sbom-spdx");
    }

    @Test
    void readsATrivyStyleCycloneDx14Bom() throws IOException {
        Path file = write("trivy.json", """
                {
                  "bomFormat": "CycloneDX", "specVersion": "1.4", "version": 1,
                  "metadata": {"component": {"type": "container", "name": "debian:12"}},
                  "components": [
                    {"type": "library", "name": "libssl3", "version": "3.0.15-1~deb12u1",
                     "purl": "pkg:deb/debian/libssl3@3.0.15-1~deb12u1?arch=amd64&distro=debian-12.8",
                     "properties": [
                       {"name": "aquasecurity:trivy:PkgType", "value": "debian"},
                       {"name": "aquasecurity:trivy:SrcName", "value": "openssl"},
                       {"name": "aquasecurity:trivy:SrcVersion", "value": "3.0.15-1~deb12u1"}]},
                    {"type": "library", "name": "zlib", "version": "1.2.13",
                     "purl": "pkg:rpm/redhat/zlib@1.2.13-5.el9?arch=x86_64&epoch=1&upstream=zlib-1.2.13-5.el9.src.rpm"},
                    {"type": "library", "name": "github.com/gin-gonic/gin", "version": "v1.9.1",
                     "purl": "pkg:golang/github.com/gin-gonic/gin@v1.9.1"},
                    {"type": "library", "name": "Newtonsoft.Json", "version": "13.0.1",
                     "purl": "pkg:nuget/Newtonsoft.Json@13.0.1"},
                    {"type": "library", "name": "plug", "version": "1.14.0", "purl": "pkg:hex/plug@1.14.0"},
                    {"type": "library", "name": "vendored-thing", "version": "0.1"},
                    {"type": "application", "name": "app", "components": [
                      {"type": "library", "name": "lodash", "version": "4.17.21", "purl": "pkg:npm/lodash@4.17.21"}]}
                  ]
                }
                """);

        Inventory inventory = SbomInventoryReader.read(file);

        assertThat(inventory.packages()).map(Identity::of).containsExactly(
                new Identity("libssl3", "3.0.15-1~deb12u1",
                        "pkg:deb/debian/libssl3@3.0.15-1~deb12u1?arch=amd64&distro=debian-12.8"),
                new Identity("zlib", "1:1.2.13-5.el9",
                        "pkg:rpm/redhat/zlib@1.2.13-5.el9?arch=x86_64&epoch=1&upstream=zlib-1.2.13-5.el9.src.rpm"),
                new Identity("github.com/gin-gonic/gin", "v1.9.1", "pkg:golang/github.com/gin-gonic/gin@v1.9.1"),
                new Identity("Newtonsoft.Json", "13.0.1", "pkg:nuget/Newtonsoft.Json@13.0.1"),
                new Identity("lodash", "4.17.21", "pkg:npm/lodash@4.17.21"));
        Package libssl = inventory.packages().get(0);
        assertThat(libssl.sourceName()).isEqualTo("openssl");
        assertThat(libssl.sourceVersion()).isEqualTo("3.0.15-1~deb12u1");
        assertThat(libssl.ecosystem()).isEqualTo("Debian");
        Package zlib = inventory.packages().get(1);
        assertThat(zlib.sourceName()).isEqualTo("zlib");
        assertThat(zlib.sourceVersion()).isEqualTo("1.2.13-5.el9");
        assertThat(zlib.ecosystem()).isEqualTo("Red Hat");
        assertThat(inventory.os().id()).isEqualTo("debian");
        assertThat(inventory.os().versionId()).isEqualTo("12.8");
        assertThat(inventory.warnings()).extracting(w -> w.kind())
                .containsExactly("sbom-component-without-purl", "sbom-unsupported-purl-type");
        assertThat(inventory.warnings().get(0).message()).contains("1 entry", "vendored-thing@0.1 at /components/5");
        assertThat(inventory.warnings().get(1).message()).contains("pkg:hex/plug@1.14.0");
        assertThat(inventory.packages().get(3).ecosystem()).isEqualTo("NuGet");
    }

    @Test
    void distroQualifierGivesTheOsWhenNoOsComponentIsListed() throws IOException {
        Path file = write("apk.json", """
                {"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [
                  {"type": "library", "name": "musl", "version": "1.2.5-r0",
                   "purl": "pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=alpine-3.20"}]}
                """);
        Inventory inventory = SbomInventoryReader.read(file);
        assertThat(inventory.os().id()).isEqualTo("alpine");
        assertThat(inventory.os().versionId()).isEqualTo("3.20");
        assertThat(inventory.target().kind()).isEqualTo(ScanTarget.Kind.FILESYSTEM);
    }

    @Test
    void truncatedJsonNamesTheLine() throws IOException {
        Path file = write("truncated.json", "{\n  \"bomFormat\": \"CycloneDX\",\n  \"components\": [\n    {\"name\": ");
        assertThatThrownBy(() -> SbomInventoryReader.read(file))
                .isInstanceOf(SbomInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 4")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void jsonThatIsNeitherFormatIsRejected() throws IOException {
        Path file = write("other.json", "{\"name\": \"package.json perhaps\"}");
        assertThatThrownBy(() -> SbomInventoryReader.read(file))
                .isInstanceOf(SbomInputException.class)
                .hasMessageContaining("neither a CycloneDX JSON SBOM")
                .hasMessageContaining("CycloneDX 1.4-1.6 or SPDX 2.3");
    }

    @Test
    void wrongShapeNamesTheJsonPointer() throws IOException {
        Path file = write("shape.json", """
                {"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [
                  {"type": "library", "name": "a", "purl": "pkg:npm/a@1"},
                  {"type": "library", "name": "b", "purl": 42}]}
                """);
        assertThatThrownBy(() -> SbomInventoryReader.read(file))
                .isInstanceOf(SbomInputException.class)
                .satisfies(e -> assertThat(((SbomInputException) e).location()).isEqualTo("/components/1/purl"));
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        Path file = write("empty.json", "");
        assertThatThrownBy(() -> SbomInventoryReader.read(file))
                .isInstanceOf(SbomInputException.class)
                .hasMessageContaining("empty");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static JsonNode component(Path file, String name) throws IOException {
        for (JsonNode c : JSON.readTree(file.toFile()).path("components")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no component " + name);
    }

    private static String property(JsonNode component, String name) {
        for (JsonNode p : component.path("properties")) {
            if (p.path("name").asText().equals(name)) {
                return p.path("value").asText();
            }
        }
        return null;
    }
}
