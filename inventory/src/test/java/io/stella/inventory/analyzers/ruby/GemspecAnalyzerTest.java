package io.stella.inventory.analyzers.ruby;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.inventory.AnalysisWarning;
import io.stella.inventory.Package;
import io.stella.inventory.PackageType;
import io.stella.inventory.analyzers.HostFiles;
import io.stella.inventory.spi.AnalyzerHarness;
import io.stella.inventory.spi.AnalyzerHarness.Result;
import io.stella.inventory.spi.FileInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The gems installed with Ruby ({@code apt-get install ruby}) are the real data; the expected values come from
 * the gemspec file names and from Ruby itself ({@code Gem::Specification.load}).
 */
class GemspecAnalyzerTest {
    private static final Path GEMS = Path.of("/usr/lib/ruby/gems");

    private final GemspecAnalyzer analyzer = new GemspecAnalyzer();

    @Test
    void everyInstalledGemspecHasTheNameAndVersionOfItsFileName() throws IOException {
        List<Path> specs = HostFiles.under(GEMS, f -> f.toString().endsWith(".gemspec") && f.toString().contains("/specifications/"));
        assertThat(specs).hasSizeGreaterThanOrEqualTo(20);
        assertThat(specs).anyMatch(f -> f.getParent().getFileName().toString().equals("default"));

        for (Path file : specs) {
            Result result = AnalyzerHarness.analyze(analyzer, HostFiles.imagePath(file), file);
            assertThat(result.warnings()).as(file.toString()).isEmpty();
            assertThat(result.packages()).as(file.toString()).hasSize(1);
            Package pkg = result.packages().get(0);
            assertThat(pkg.type()).isEqualTo(PackageType.GEM);
            String fileName = file.getFileName().toString();
            String stem = fileName.substring(0, fileName.length() - ".gemspec".length());
            // platform gems append the platform: nokogiri-1.15.0-x86_64-linux.gemspec
            assertThat(stem.equals(pkg.name() + "-" + pkg.version()) || stem.startsWith(pkg.name() + "-" + pkg.version() + "-"))
                    .as(fileName + " vs " + pkg.name() + " " + pkg.version()).isTrue();
        }
        System.out.printf("gem: %d gemspecs%n", specs.size());
    }

    @Test
    void nameVersionAndLicencesAgreeWithRubyGems() throws IOException, InterruptedException {
        List<Path> specs = HostFiles.under(GEMS, f -> f.toString().endsWith(".gemspec") && f.toString().contains("/specifications/"));
        Map<String, String> byRuby = rubyGemsView(specs);

        int withLicences = 0;
        for (Path file : specs) {
            Package pkg = AnalyzerHarness.analyze(analyzer, HostFiles.imagePath(file), file).packages().get(0);
            assertThat(pkg.name() + "\t" + pkg.version() + "\t" + String.join(",", pkg.licenses()))
                    .as(file.toString()).isEqualTo(byRuby.get(file.toString()));
            if (!pkg.licenses().isEmpty()) {
                withLicences++;
            }
        }
        System.out.printf("gem: %d gemspecs agree with RubyGems, %d with licences%n", specs.size(), withLicences);
        assertThat(withLicences).isPositive();
    }

    @Test
    void gemspecWhoseVersionIsAnExpressionIsReported() throws IOException {
        Path json = HostFiles.under(GEMS, f -> f.getFileName().toString().matches("json-[0-9.]+\\.gemspec")).get(0);
        String source = Files.readString(json).replaceFirst("s\\.version = \"[^\"]*\"", "s.version = JSON::VERSION");

        Result result = AnalyzerHarness.analyze(analyzer, "usr/lib/ruby/gems/3.1.0/specifications/json.gemspec",
                source.getBytes(StandardCharsets.UTF_8), 0644);

        assertThat(result.packages()).isEmpty();
        assertThat(result.warnings()).extracting(AnalysisWarning::kind).containsExactly("gemspec-unparsable");
    }

    @Test
    void acceptsGemspecsUnderSpecificationsOnly() {
        assertThat(List.of("usr/lib/ruby/gems/3.1.0/specifications/default/json-2.6.1.gemspec",
                "var/lib/gems/3.1.0/specifications/rake-13.0.6.gemspec", "specifications/x-1.gemspec"))
                .allMatch(p -> analyzer.accepts(new FileInfo(p, 1, 0644)));
        assertThat(List.of("app/json.gemspec", "usr/lib/ruby/gems/3.1.0/gems/json-2.6.1/json.gemspec",
                "a/specifications/x.gemspec.bak", "a/mysspecifications/x.gemspec"))
                .noneMatch(p -> analyzer.accepts(new FileInfo(p, 1, 0644)));
    }

    /** path -> "name\tversion\tlicence,licence" as RubyGems loads each gemspec. */
    private static Map<String, String> rubyGemsView(List<Path> specs) throws IOException, InterruptedException {
        Path ruby = Path.of("/usr/bin/ruby");
        Assumptions.assumeTrue(Files.isExecutable(ruby), "ruby is not installed");
        Path list = Files.createTempFile("gemspecs", ".txt");
        try {
            Files.write(list, specs.stream().map(Path::toString).toList());
            Process process = new ProcessBuilder(ruby.toString(), "-e",
                    "File.readlines(ARGV[0], chomp: true).each { |f| s = Gem::Specification.load(f); "
                            + "puts [f, s.name, s.version.to_s, s.licenses.join(',')].join(\"\\t\") }",
                    list.toString())
                    .redirectErrorStream(false)
                    .start();
            List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            Map<String, String> view = new HashMap<>();
            for (String line : lines) {
                String[] parts = line.split("\t", -1);
                view.put(parts[0], parts[1] + "\t" + parts[2] + "\t" + parts[3]);
            }
            assertThat(view).hasSize(specs.size());
            return view;
        } finally {
            Files.delete(list);
        }
    }
}
