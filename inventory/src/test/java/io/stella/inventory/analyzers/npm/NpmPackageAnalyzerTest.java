package io.stella.inventory.analyzers.npm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.inventory.AnalysisWarning;
import io.stella.inventory.Package;
import io.stella.inventory.PackageType;
import io.stella.inventory.analyzers.HostFiles;
import io.stella.inventory.spi.AnalyzerHarness;
import io.stella.inventory.spi.AnalyzerHarness.Result;
import io.stella.inventory.spi.FileInfo;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** npm's own installed dependencies ({@code /usr/lib/node_modules/npm/node_modules}) are the real data. */
class NpmPackageAnalyzerTest {
    private static final Path GLOBAL_MODULES = Path.of("/usr/lib/node_modules");
    private static final PathMatcher PACKAGE_ROOT = FileSystems.getDefault().getPathMatcher("glob:**/node_modules/*/package.json");
    private static final PathMatcher SCOPED_PACKAGE_ROOT =
            FileSystems.getDefault().getPathMatcher("glob:**/node_modules/@*/*/package.json");

    private final NpmPackageAnalyzer analyzer = new NpmPackageAnalyzer();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void acceptsExactlyThePackageRootsUnderNodeModules() {
        List<Path> all = HostFiles.under(GLOBAL_MODULES, f -> f.getFileName().toString().equals("package.json"));
        List<Path> roots = all.stream().filter(f -> PACKAGE_ROOT.matches(f) || SCOPED_PACKAGE_ROOT.matches(f)).toList();
        List<Path> accepted = all.stream().filter(f -> analyzer.accepts(info(f))).toList();

        assertThat(roots).hasSizeGreaterThan(100);
        assertThat(all.size()).isGreaterThan(roots.size()); // dist/esm/package.json and the like exist
        assertThat(accepted).containsExactlyElementsOf(roots);
    }

    @Test
    void everyInstalledPackageIsReportedAsItsPackageJsonSays() throws IOException {
        List<Path> roots = HostFiles.under(GLOBAL_MODULES, f -> PACKAGE_ROOT.matches(f) || SCOPED_PACKAGE_ROOT.matches(f));
        int scoped = 0;
        int withLicence = 0;
        for (Path file : roots) {
            JsonNode manifest = json.readTree(file.toFile());
            Result result = AnalyzerHarness.analyze(analyzer, HostFiles.imagePath(file), file);

            assertThat(result.warnings()).isEmpty();
            assertThat(result.packages()).as(file.toString()).hasSize(1);
            Package pkg = result.packages().get(0);
            assertThat(pkg.type()).isEqualTo(PackageType.NPM);
            assertThat(pkg.name()).isEqualTo(manifest.get("name").asText());
            assertThat(pkg.version()).isEqualTo(manifest.get("version").asText());
            assertThat(pkg.filePath()).isEqualTo(HostFiles.imagePath(file));
            if (manifest.path("license").isTextual()) {
                assertThat(pkg.licenses()).containsExactly(manifest.get("license").asText());
                withLicence++;
            }
            if (pkg.name().startsWith("@")) {
                assertThat(file.getParent().getParent().getFileName() + "/" + file.getParent().getFileName())
                        .isEqualTo(pkg.name());
                scoped++;
            }
        }
        System.out.printf("npm: %d packages (%d scoped, %d with a licence string)%n", roots.size(), scoped, withLicence);
        assertThat(scoped).isPositive();
    }

    @Test
    void legacyLicensesArrayIsRead() throws IOException {
        Path file = GLOBAL_MODULES.resolve("npm/node_modules/qrcode-terminal/package.json");
        List<Path> present = HostFiles.under(file.getParent(), f -> f.equals(file));
        JsonNode legacy = json.readTree(file.toFile()).get("licenses");
        assertThat(legacy.isArray()).isTrue();
        List<String> expected = new ArrayList<>();
        legacy.forEach(l -> expected.add(l.get("type").asText()));

        Result result = AnalyzerHarness.analyze(analyzer, HostFiles.imagePath(present.get(0)), file);

        assertThat(result.packages()).singleElement().extracting(Package::licenses).isEqualTo(expected);
    }

    @Test
    void truncatedPackageJsonIsReportedAndNamelessOneIsSkippedQuietly() throws IOException {
        Path npm = GLOBAL_MODULES.resolve("npm/package.json");
        HostFiles.under(npm.getParent(), f -> f.equals(npm));
        byte[] whole = Files.readAllBytes(npm);

        Result truncated = AnalyzerHarness.analyze(analyzer, "usr/lib/node_modules/npm/package.json",
                Arrays.copyOf(whole, whole.length / 2), 0644);
        assertThat(truncated.packages()).isEmpty();
        assertThat(truncated.warnings()).extracting(AnalysisWarning::kind).containsExactly("npm-package-json-invalid");

        // a real nested package.json that only sets the module type, placed where a package root would be
        Path typeOnly = GLOBAL_MODULES.resolve("npm/node_modules/glob/dist/esm/package.json");
        HostFiles.under(typeOnly.getParent(), f -> f.equals(typeOnly));
        Result nameless = AnalyzerHarness.analyze(analyzer, "app/node_modules/esm/package.json", typeOnly);
        assertThat(nameless.packages()).isEmpty();
        assertThat(nameless.warnings()).isEmpty();
    }

    @Test
    void rejectsApplicationManifestsAndLookalikes() {
        assertThat(List.of("app/package.json", "package.json", "node_modules/package.json",
                "app/node_modules/@scope/package.json", "app/node_modules/x/dist/package.json",
                "app/node_modules/x/package.json.bak", "app/my_node_modules/x/package.json"))
                .noneMatch(p -> analyzer.accepts(new FileInfo(p, 10, 0644)));
        assertThat(List.of("node_modules/x/package.json", "app/node_modules/@types/node/package.json",
                "app/node_modules/a/node_modules/b/package.json"))
                .allMatch(p -> analyzer.accepts(new FileInfo(p, 10, 0644)));
    }

    private static FileInfo info(Path file) {
        return new FileInfo(HostFiles.imagePath(file), 1, 0644);
    }
}
