package io.stella.inventory.analyzers.python;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.inventory.AnalysisWarning;
import io.stella.inventory.Package;
import io.stella.inventory.PackageType;
import io.stella.inventory.analyzers.HostFiles;
import io.stella.inventory.spi.AnalyzerHarness;
import io.stella.inventory.spi.AnalyzerHarness.Result;
import io.stella.inventory.spi.FileInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Debian's python3 packages ({@code /usr/lib/python3/dist-packages}) are the real data. */
class PythonPackageAnalyzerTest {
    private static final Path DIST_PACKAGES = Path.of("/usr/lib/python3/dist-packages");
    // how pip and setuptools name the metadata directory: <escaped name>-<version>[-pyX.Y].(dist|egg)-info
    private static final Pattern DIRECTORY_NAME = Pattern.compile("([^-]+)-([^-]+?)(?:-py\\d+(?:\\.\\d+)*)?\\.(?:dist|egg)-info");

    private final PythonPackageAnalyzer analyzer = new PythonPackageAnalyzer();

    @Test
    void everyDistributionHasTheNameAndVersionOfItsMetadataDirectory() throws IOException {
        List<Path> metadata = HostFiles.under(DIST_PACKAGES, PythonPackageAnalyzerTest::isMetadataFile);
        List<Path> accepted = HostFiles.under(DIST_PACKAGES, f -> analyzer.accepts(new FileInfo(HostFiles.imagePath(f), 1, 0644)));
        assertThat(accepted).containsExactlyElementsOf(metadata);

        int compared = 0;
        for (Path file : metadata) {
            Result result = AnalyzerHarness.analyze(analyzer, HostFiles.imagePath(file), file);
            assertThat(result.warnings()).isEmpty();
            assertThat(result.packages()).as(file.toString()).hasSize(1);
            Package pkg = result.packages().get(0);
            assertThat(pkg.type()).isEqualTo(PackageType.PYPI);

            String directory = (file.getFileName().toString().endsWith("-info") ? file : file.getParent()).getFileName().toString();
            Matcher m = DIRECTORY_NAME.matcher(directory);
            if (m.matches()) {
                assertThat(normalized(pkg.name())).as(directory).isEqualTo(normalized(m.group(1)));
                assertThat(pkg.version()).as(directory).isEqualTo(m.group(2));
                compared++;
            }
        }
        System.out.printf("python: %d metadata files, %d compared with their directory names%n", metadata.size(), compared);
        assertThat(compared).isGreaterThanOrEqualTo(20);
    }

    @Test
    void licenceComesFromLicenseOrFromTheLicenseClassifiers() throws IOException {
        int fromHeader = 0;
        int fromClassifiers = 0;
        for (Path file : HostFiles.under(DIST_PACKAGES, PythonPackageAnalyzerTest::isMetadataFile)) {
            List<String> header = new ArrayList<>();
            List<String> classifiers = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (line.isEmpty()) {
                    break;
                }
                if (line.startsWith("License: ") && !line.equals("License: UNKNOWN")) {
                    header.add(line.substring("License: ".length()).strip());
                } else if (line.startsWith("Classifier: License :: ") && !line.endsWith(":: OSI Approved")) {
                    classifiers.add(line.substring(line.lastIndexOf(" :: ") + 4).strip());
                }
            }
            Package pkg = AnalyzerHarness.analyze(analyzer, HostFiles.imagePath(file), file).packages().get(0);
            if (!header.isEmpty()) {
                assertThat(pkg.licenses()).as(file.toString()).containsExactly(header.get(0));
                fromHeader++;
            } else if (!classifiers.isEmpty()) {
                assertThat(pkg.licenses()).as(file.toString()).containsExactlyElementsOf(classifiers);
                fromClassifiers++;
            }
        }
        System.out.printf("python: licence from License %d, from classifiers %d%n", fromHeader, fromClassifiers);
        assertThat(fromHeader).isPositive();
    }

    @Test
    void singleFileEggInfoAndEggInfoDirectoryAreRead() throws IOException {
        // distutils writes <name>-<version>-pyX.Y.egg-info as a file; an unpacked .egg holds EGG-INFO/PKG-INFO
        List<Path> samples = HostFiles.under(Path.of("/root/.pyenv/versions"),
                f -> f.getFileName().toString().endsWith(".egg-info") || f.endsWith(Path.of("EGG-INFO/PKG-INFO")));
        samples = new ArrayList<>(samples);
        samples.addAll(HostFiles.under(Path.of("/usr/lib/google-cloud-sdk/platform/bundledpythonunix"),
                f -> f.endsWith(Path.of("EGG-INFO/PKG-INFO"))));
        assertThat(samples).anyMatch(Files::isRegularFile);

        for (Path file : samples) {
            Result result = AnalyzerHarness.analyze(analyzer, HostFiles.imagePath(file), file);
            Path named = file.getFileName().toString().endsWith(".egg-info") ? file : file.getParent().getParent();
            Matcher m = Pattern.compile("([^-]+)-([^-]+?)(?:-py\\d+(?:\\.\\d+)*)?\\.egg(?:-info)?").matcher(named.getFileName().toString());
            assertThat(result.packages()).as(file.toString()).hasSize(1);
            if (m.matches()) {
                assertThat(normalized(result.packages().get(0).name())).isEqualTo(normalized(m.group(1)));
                assertThat(result.packages().get(0).version()).isEqualTo(m.group(2));
            }
        }
    }

    @Test
    void metadataWithoutVersionIsReported() throws IOException {
        Path pip = HostFiles.under(DIST_PACKAGES, f -> f.toString().matches(".*/pip-[^/]+\\.dist-info/METADATA")).get(0);
        String withoutVersion = String.join("\n", Files.readAllLines(pip).stream().filter(l -> !l.startsWith("Version:")).toList());

        Result result = AnalyzerHarness.analyze(analyzer, "usr/lib/python3/dist-packages/pip.dist-info/METADATA",
                withoutVersion.getBytes(), 0644);

        assertThat(result.packages()).isEmpty();
        assertThat(result.warnings()).extracting(AnalysisWarning::kind).containsExactly("python-metadata-incomplete");
    }

    @Test
    void acceptsMetadataPathsOnly() {
        assertThat(List.of("a/x-1.dist-info/METADATA", "a/x-1.egg-info/PKG-INFO", "a/x-1.egg-info", "x.egg/EGG-INFO/PKG-INFO",
                "EGG-INFO/PKG-INFO"))
                .allMatch(p -> analyzer.accepts(new FileInfo(p, 1, 0644)));
        assertThat(List.of("a/.dist-info/METADATA", "a/x-1.dist-info/RECORD", "a/x/METADATA", "a/NOTEGG-INFO/PKG-INFO",
                "a/x-1.egg-info/SOURCES.txt", "a/x.egg"))
                .noneMatch(p -> analyzer.accepts(new FileInfo(p, 1, 0644)));
    }

    private static boolean isMetadataFile(Path f) {
        String file = f.getFileName().toString();
        String parent = f.getParent().getFileName().toString();
        return (file.equals("METADATA") && parent.endsWith(".dist-info"))
                || (file.equals("PKG-INFO") && (parent.endsWith(".egg-info") || parent.equals("EGG-INFO")))
                || file.endsWith(".egg-info");
    }

    /** PEP 503 normalisation: the escaped directory name and the Name header differ in case and separators. */
    private static String normalized(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }
}
