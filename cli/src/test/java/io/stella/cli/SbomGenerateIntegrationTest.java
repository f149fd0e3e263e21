package io.stella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code stella sbom generate} from each kind of source: the same alpine 3.11 image from every registry and
 * from its docker archive gives the same packages; root file systems; formats; and failures.
 */
class SbomGenerateIntegrationTest extends CliIntegrationTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TreeSet<String> purls(JsonNode bom) {
        TreeSet<String> purls = new TreeSet<>();
        for (JsonNode c : bom.path("components")) {
            if (c.path("type").asText().equals("library")) {
                purls.add(c.path("purl").asText());
            }
        }
        return purls;
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void theRegistryImageAndItsArchiveGiveTheSamePackages(Mode mode) throws Exception {
        Path out = dir.resolve("bom.json");
        List<String> args = new ArrayList<>(List.of("sbom", "generate", r.image(mode, Registries.ALPINE),
                "--format", "cyclonedx-json", "--output", out.toString()));
        args.addAll(r.aliceOptions(mode));
        CliResult result = Cli.in(dir).runWithStdin(r.alicePassword(mode), args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("packages (Alpine Linux v3.11) written as cyclonedx-json to " + out);
        assertThat(new JsonParser().validate(out.toFile(), Version.VERSION_16)).isEmpty();

        JsonNode fromRegistry = JSON.readTree(out.toFile());
        assertThat(fromRegistry.at("/metadata/component/version").asText()).isEqualTo(r.alpineDigest(mode));

        Path archiveBom = dir.resolve("archive.json");
        CliResult archive = Cli.in(dir).run("sbom", "generate", "--input",
                TestImages.alpineArchive("3.11").toString(), "-o", archiveBom.toString());
        assertThat(archive.exitCode()).as(archive.toString()).isZero();
        TreeSet<String> registryPurls = purls(fromRegistry);
        assertThat(registryPurls).hasSizeGreaterThan(10).allSatisfy(p -> assertThat(p).contains("distro=alpine-3.11"));
        assertThat(registryPurls).isEqualTo(purls(JSON.readTree(archiveBom.toFile())));
    }

    @Test
    void aRootFileSystemToStandardOutputAsSpdx() throws Exception {
        Path rootfs = TestImages.testData().resolve("rootfs/alpine/alpine-minirootfs-3.20.3-x86_64.tar.gz");
        CliResult result = Cli.in(dir).run("sbom", "generate", "--rootfs", rootfs.toString(), "--format", "spdx-json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode doc = result.json();
        assertThat(doc.path("spdxVersion").asText()).isEqualTo("SPDX-2.3");
        List<String> purls = new ArrayList<>();
        for (JsonNode p : doc.path("packages")) {
            for (JsonNode ref : p.path("externalRefs")) {
                purls.add(ref.path("referenceLocator").asText());
            }
        }
        assertThat(purls).contains("pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=alpine-3.20");
    }

    @Test
    void aCutOffArchiveIsLayerCorruptAndLeavesNoOutputFile() throws Exception {
        Path full = TestImages.testData().resolve("images/trivy-fanal-alpine-311.tar.gz");
        byte[] bytes = Files.readAllBytes(full);
        Path cut = dir.resolve("cut.tar.gz");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path out = dir.resolve("never.json");
        CliResult result = Cli.in(dir).run("sbom", "generate", "--input", cut.toString(), "-o", out.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).startsWith("LAYER_CORRUPT: ").contains("last_entry:");
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".stella-sbom-"));
        }
    }

    @Test
    void usageErrorsSayWhatToGive() {
        CliResult none = Cli.in(dir).run("sbom", "generate");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("nothing to analyse").contains("--rootfs");

        CliResult two = Cli.in(dir).run("sbom", "generate", "--rootfs", "/", "--input", "/tmp");
        assertThat(two.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(two.err()).contains("more than one thing to analyse");

        CliResult format = Cli.in(dir).run("sbom", "generate", "--rootfs", dir.toString(), "--format", "xml");
        assertThat(format.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(format.err()).contains("unknown SBOM format 'xml'").contains("spdx-json");

        CliResult missing = Cli.in(dir).run("sbom", "generate", "--input", dir.resolve("nope.tar").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).startsWith("IMAGE_SOURCE_INVALID: ");
    }

    @Test
    void anEmptyDirectoryIsReportedAsEmptyNotClean() {
        CliResult result = Cli.in(dir).run("sbom", "generate", "--rootfs", dir.toString(), "-o",
                dir.resolve("empty.json").toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("warning: inventory-empty: no packages found; OS seen: none");
    }
}
