package io.stella.inventory.analyzers.rustbinary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.inventory.Package;
import io.stella.inventory.PackageType;
import io.stella.inventory.analyzers.elf.ElfFile;
import io.stella.inventory.analyzers.elf.ElfSection;
import io.stella.inventory.spi.AnalyzerHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RustBinaryAnalyzerTest {
    /**
     * Audit data in cargo-auditable's format 1 (as rust-audit-info prints it for a real binary): packages
     * sorted by name, dependencies as indices, "kind" only for build-time crates, "root" only on the root.
     */
    private static final String AUDIT_JSON = """
            {"format":1,"packages":[\
            {"name":"adler","version":"1.0.2","source":"crates.io"},\
            {"name":"cc","version":"1.0.83","source":"crates.io","kind":"build"},\
            {"name":"crc32fast","version":"1.3.2","source":"crates.io","dependencies":[4]},\
            {"name":"flate2","version":"1.0.28","source":"crates.io","dependencies":[2,5]},\
            {"name":"libc","version":"0.2.150","source":"crates.io"},\
            {"name":"miniz_oxide","version":"0.7.1","source":"crates.io","dependencies":[0]},\
            {"name":"mytool","version":"0.3.0","source":"local","dependencies":[1,3,7,8],"root":true},\
            {"name":"serde_derive","version":"1.0.193","source":"crates.io","kind":"build"},\
            {"name":"vendored-fork","version":"2.1.0","source":"git","dependencies":[4]}\
            ]}""";

    private final RustBinaryAnalyzer analyzer = new RustBinaryAnalyzer();

    @Test
    void reportsEveryRuntimeCrateOfARealAuditedExecutable(@TempDir Path dir) throws Exception {
        byte[] compressed = RustcBuilds.zlib(AUDIT_JSON.getBytes(StandardCharsets.UTF_8));
        Path binary = RustcBuilds.audited(dir, "mytool", compressed);
        // The section really is in the linked executable, byte for byte.
        ElfFile elf = ElfFile.parse(Files.readAllBytes(binary));
        ElfSection section = elf.section(".dep-v0").orElseThrow();
        assertThat(elf.contents(section, 1 << 20)).isEqualTo(compressed);

        AnalyzerHarness.Result result = AnalyzerHarness.analyze(analyzer, "usr/local/bin/mytool", binary);

        assertThat(result.warnings()).isEmpty();
        assertThat(result.packages()).allSatisfy(p -> {
            assertThat(p.type()).isEqualTo(PackageType.CARGO);
            assertThat(p.filePath()).isEqualTo("usr/local/bin/mytool");
        });
        assertThat(coordinates(result.packages())).containsExactlyElementsOf(runtimeCrates(AUDIT_JSON));
        assertThat(coordinates(result.packages())).contains("mytool@0.3.0", "vendored-fork@2.1.0")
                .doesNotContain("cc@1.0.83", "serde_derive@1.0.193");
    }

    /** The crates whose kind is absent or "runtime", read from the JSON independently of the analyzer. */
    private static List<String> runtimeCrates(String json) throws Exception {
        List<String> crates = new ArrayList<>();
        for (JsonNode p : new ObjectMapper().readTree(json).get("packages")) {
            if (!p.has("kind") || p.get("kind").asText().equals("runtime")) {
                crates.add(p.get("name").asText() + "@" + p.get("version").asText());
            }
        }
        return crates;
    }

    @Test
    void executableWithoutAuditDataYieldsNothing(@TempDir Path dir) throws Exception {
        Path binary = RustcBuilds.plain(dir, "plain");

        AnalyzerHarness.Result result = AnalyzerHarness.analyze(analyzer, "usr/bin/plain", binary);

        assertThat(result.packages()).isEmpty();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void nonRustElfYieldsNothing() throws Exception {
        AnalyzerHarness.Result result = AnalyzerHarness.analyze(analyzer, "bin/ls", Path.of("/bin/ls"));

        assertThat(result.packages()).isEmpty();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void zipBombIsRejectedAtTheInflationLimit(@TempDir Path dir) throws Exception {
        // 9 MiB of JSON whitespace compresses to a few KiB.
        byte[] json = ("{\"packages\":[]" + " ".repeat(9 * 1024 * 1024) + "}").getBytes(StandardCharsets.US_ASCII);
        byte[] compressed = RustcBuilds.zlib(json);
        assertThat(compressed.length).isLessThan(64 * 1024);
        Path binary = RustcBuilds.audited(dir, "bomb", compressed);

        AnalyzerHarness.Result result = AnalyzerHarness.analyze(analyzer, "usr/bin/bomb", binary);

        assertThat(result.packages()).isEmpty();
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo("rustbinary-audit-data");
            assertThat(w.message()).contains("more than " + AuditDataDecoder.MAX_INFLATED_BYTES + " bytes");
        });
    }

    @Test
    void malformedAuditDataIsAWarning(@TempDir Path dir) throws Exception {
        Path truncatedJson = RustcBuilds.audited(dir, "truncated-json",
                RustcBuilds.zlib("{\"packages\":[{\"name\":\"adler\",".getBytes(StandardCharsets.UTF_8)));
        Path notZlib = RustcBuilds.audited(dir, "not-zlib", AUDIT_JSON.getBytes(StandardCharsets.UTF_8));
        byte[] compressed = RustcBuilds.zlib(AUDIT_JSON.getBytes(StandardCharsets.UTF_8));
        Path truncatedStream = RustcBuilds.audited(dir, "truncated-zlib",
                java.util.Arrays.copyOf(compressed, compressed.length / 2));
        Path wrongShape = RustcBuilds.audited(dir, "wrong-shape",
                RustcBuilds.zlib("[{\"name\":\"adler\",\"version\":\"1.0.2\"}]".getBytes(StandardCharsets.UTF_8)));

        assertRejected(truncatedJson, "not JSON");
        assertRejected(notZlib, "not a zlib stream");
        assertRejected(truncatedStream, "truncated");
        assertRejected(wrongShape, "not an object");
    }

    private void assertRejected(Path binary, String reason) throws Exception {
        AnalyzerHarness.Result result = AnalyzerHarness.analyze(analyzer, "usr/bin/x", binary);
        assertThat(result.packages()).as(binary.getFileName().toString()).isEmpty();
        assertThat(result.warnings()).as(binary.getFileName().toString()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo("rustbinary-audit-data");
            assertThat(w.message()).contains(reason);
        });
    }

    @Test
    void malformedEntriesAreSkippedAndTheRestReported(@TempDir Path dir) throws Exception {
        String json = """
                {"packages":[\
                {"name":"adler","version":"1.0.2","source":"crates.io"},\
                {"name":"noversion","source":"crates.io"},\
                {"name":"odd","version":"1.0.0","source":"crates.io","kind":"dev"},\
                {"name":"app","version":"0.1.0","source":{"Other":"mercurial"},"root":true}\
                ]}""";
        Path binary = RustcBuilds.audited(dir, "partly", RustcBuilds.zlib(json.getBytes(StandardCharsets.UTF_8)));

        AnalyzerHarness.Result result = AnalyzerHarness.analyze(analyzer, "usr/bin/partly", binary);

        assertThat(coordinates(result.packages())).containsExactly("adler@1.0.2", "app@0.1.0");
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo("rustbinary-audit-data");
            assertThat(w.message()).contains("2 malformed crate entries").contains("packages[1] (noversion)");
        });
    }

    private static List<String> coordinates(List<Package> packages) {
        return packages.stream().map(p -> p.name() + "@" + p.version()).toList();
    }
}
