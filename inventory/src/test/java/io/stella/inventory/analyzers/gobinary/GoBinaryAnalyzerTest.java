package io.stella.inventory.analyzers.gobinary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.stella.inventory.AnalysisWarning;
import io.stella.inventory.Package;
import io.stella.inventory.PackageType;
import io.stella.inventory.analyzers.elf.ElfFile;
import io.stella.inventory.analyzers.elf.ElfSection;
import io.stella.inventory.spi.AnalyzableFile;
import io.stella.inventory.spi.AnalyzerHarness;
import io.stella.inventory.spi.FileInfo;
import io.stella.inventory.spi.Findings;
import io.stella.testing.gobinary.EsbuildBinaries;
import io.stella.testing.gobinary.RawGoFacts;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoBinaryAnalyzerTest {
    private static final Path DOCKER_REGISTRY = Path.of("/usr/bin/docker-registry");
    private static final Path DPKG_STATUS = Path.of("/var/lib/dpkg/status");
    private static final Set<String> WARNING_KINDS = Set.of("elf-malformed", "gobinary-buildinfo",
            "gobinary-toolchain-version");

    private final GoBinaryAnalyzer analyzer = new GoBinaryAnalyzer();

    // --- Debian's Go binaries (GOPATH-mode builds, inline build information) ---

    @ParameterizedTest
    @ValueSource(strings = {"docker-registry", "skopeo"})
    void debianGoBinaryReportsTheToolchainItsPackageSaysItWasBuiltWith(String program) throws IOException {
        Path binary = Path.of("/usr/bin", program);
        byte[] bytes = Files.readAllBytes(binary);
        String builtWith = goToolchainFromBuiltUsing(program);

        AnalyzerHarness.Result result = AnalyzerHarness.analyze(analyzer, "usr/bin/" + program, binary);

        assertThat(result.warnings()).isEmpty();
        assertThat(result.packages()).allSatisfy(p -> {
            assertThat(p.type()).isEqualTo(PackageType.GOLANG);
            assertThat(p.version()).isNotBlank();
            assertThat(p.filePath()).isEqualTo("usr/bin/" + program);
        });
        // Debian builds in GOPATH mode: the bytes hold no module lines, so the toolchain is all there is.
        assertThat(RawGoFacts.mainModules(bytes)).isEmpty();
        assertThat(RawGoFacts.dependencies(bytes)).isEmpty();
        assertThat(coordinates(result.packages())).containsExactly("stdlib@" + builtWith);
    }

    /** The upstream version of the golang-1.N package in the dpkg status entry's Built-Using field. */
    private static String goToolchainFromBuiltUsing(String debianPackage) throws IOException {
        String status = Files.readString(DPKG_STATUS, StandardCharsets.UTF_8);
        for (String stanza : status.split("\n\n")) {
            if (stanza.startsWith("Package: " + debianPackage + "\n")) {
                Matcher m = Pattern.compile("\nBuilt-Using:.*\\bgolang-1\\.\\d+ \\(= ([0-9.]+)-").matcher(stanza);
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        throw new AssertionError(DPKG_STATUS + " has no Built-Using golang-1.N entry for " + debianPackage);
    }

    @Test
    void truncatedGoBinaryIsAWarningNotAnException() throws IOException {
        byte[] bytes = Files.readAllBytes(DOCKER_REGISTRY);
        byte[] firstHalf = Arrays.copyOf(bytes, bytes.length / 2);

        AnalyzerHarness.Result result = AnalyzerHarness.analyze(analyzer, "usr/bin/docker-registry", firstHalf, 0755);

        assertThat(result.packages()).isEmpty();
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo("elf-malformed");
            assertThat(w.message()).contains("past the end of the file");
        });
    }

    @Test
    void goBinaryWhoseBuildInfoWasWipedIsAWarning() throws Exception {
        byte[] bytes = Files.readAllBytes(DOCKER_REGISTRY);
        ElfSection buildInfo = ElfFile.parse(bytes).section(".go.buildinfo").orElseThrow();
        Arrays.fill(bytes, (int) buildInfo.offset(), (int) buildInfo.offset() + 32, (byte) 0);

        AnalyzerHarness.Result result = AnalyzerHarness.analyze(analyzer, "usr/bin/docker-registry", bytes, 0755);

        assertThat(result.packages()).isEmpty();
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo("gobinary-buildinfo");
            assertThat(w.message()).contains("without build information");
        });
    }

    @Test
    void hugeModuleInformationLengthIsAWarningAndTheToolchainIsStillReported() throws Exception {
        byte[] bytes = Files.readAllBytes(DOCKER_REGISTRY);
        int header = (int) ElfFile.parse(bytes).section(".go.buildinfo").orElseThrow().offset();
        int versionLength = bytes[header + 32]; // one varint byte for a short version string
        int modInfoLength = header + 33 + versionLength;
        Arrays.fill(bytes, modInfoLength, modInfoLength + 9, (byte) 0xff);
        bytes[modInfoLength + 9] = 0x01;

        AnalyzerHarness.Result result = AnalyzerHarness.analyze(analyzer, "usr/bin/docker-registry", bytes, 0755);

        assertThat(coordinates(result.packages())).containsExactly("stdlib@" + goToolchainFromBuiltUsing("docker-registry"));
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo("gobinary-buildinfo");
            assertThat(w.message()).contains("module information unreadable");
        });
    }

    @Test
    void absurdSectionCountIsAWarning() throws Exception {
        byte[] bytes = Files.readAllBytes(DOCKER_REGISTRY);
        ByteBuffer elf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long sectionTable = elf.getLong(40);
        // Extended numbering: e_shnum 0 means "the count is in section 0's sh_size".
        elf.putShort(60, (short) 0);
        elf.putLong((int) sectionTable + 32, 3_000_000_000L);

        AnalyzerHarness.Result result = AnalyzerHarness.analyze(analyzer, "usr/bin/docker-registry", bytes, 0755);

        assertThat(result.packages()).isEmpty();
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo("elf-malformed");
            assertThat(w.message()).contains("section count 3000000000 exceeds");
        });
    }

    @Test
    void randomlyDamagedHeadersNeverThrowAndNeverHang() throws Exception {
        byte[] bytes = Files.readAllBytes(DOCKER_REGISTRY);
        assertDamageIsHandled(bytes, 400, 42);
    }

    /** Flips bytes in the ELF header, the header tables, the name table and the build information. */
    static void assertDamageIsHandled(byte[] bytes, int rounds, long seed) throws Exception {
        ElfFile elf = ElfFile.parse(bytes);
        List<long[]> regions = new ArrayList<>();
        regions.add(new long[] {0, 64});
        ByteBuffer header = ByteBuffer.wrap(bytes).order(elf.byteOrder());
        if (elf.is64Bit()) {
            regions.add(new long[] {header.getLong(32), 56L * elf.segments().size()});
            regions.add(new long[] {header.getLong(40), 64L * elf.sections().size()});
        } else {
            regions.add(new long[] {header.getInt(28) & 0xffffffffL, 32L * elf.segments().size()});
            regions.add(new long[] {header.getInt(32) & 0xffffffffL, 40L * elf.sections().size()});
        }
        elf.section(".shstrtab").ifPresent(s -> regions.add(new long[] {s.offset(), s.size()}));
        elf.section(".go.buildinfo").ifPresent(s -> regions.add(new long[] {s.offset(), 128}));
        GoBinaryAnalyzer analyzer = new GoBinaryAnalyzer();
        Random random = new Random(seed);
        List<String> kinds = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int round = 0; round < rounds; round++) {
                int flips = 1 + random.nextInt(8);
                int[] positions = new int[flips];
                byte[] saved = new byte[flips];
                for (int i = 0; i < flips; i++) {
                    long[] region = regions.get(random.nextInt(regions.size()));
                    positions[i] = (int) Math.min(bytes.length - 1, region[0] + random.nextInt((int) Math.max(1, region[1])));
                    saved[i] = bytes[positions[i]];
                    bytes[positions[i]] = (byte) random.nextInt(256);
                }
                AnalyzerHarness.Result result = AnalyzerHarness.analyze(analyzer, "damaged", bytes, 0755);
                result.warnings().forEach(w -> kinds.add(w.kind()));
                assertThat(result.packages()).allSatisfy(p -> assertThat(p.version()).isNotBlank());
                for (int i = flips - 1; i >= 0; i--) {
                    bytes[positions[i]] = saved[i];
                }
            }
        });
        assertThat(kinds).allMatch(WARNING_KINDS::contains);
        // Damage must have been noticed at least some of the time, or the regions missed everything.
        assertThat(kinds).isNotEmpty();
    }

    // --- other files ---

    @Test
    void nonGoElfYieldsNothingAndNoWarning() throws IOException {
        AnalyzerHarness.Result result = AnalyzerHarness.analyze(analyzer, "bin/ls", Path.of("/bin/ls"));

        assertThat(result.packages()).isEmpty();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void nonElfExecutableIsReadNoFurtherThanItsMagic() throws IOException {
        byte[] script = ("#!/bin/sh\n" + "exec echo hello\n".repeat(1000)).getBytes(StandardCharsets.US_ASCII);
        CountingFile file = new CountingFile(new FileInfo("usr/local/bin/hello", script.length, 0755), script,
                Long.MAX_VALUE);
        List<AnalysisWarning> warnings = new ArrayList<>();
        List<Package> packages = new ArrayList<>();

        analyzer.analyze(file, collecting(packages, warnings));

        assertThat(packages).isEmpty();
        assertThat(warnings).isEmpty();
        assertThat(file.bytesRead.get()).isLessThanOrEqualTo(4);
    }

    @Test
    void elfAboveTheReadCapIsAWarningAndIsNotRead() throws IOException {
        byte[] bytes = Files.readAllBytes(DOCKER_REGISTRY);
        CountingFile file = new CountingFile(new FileInfo("usr/bin/docker-registry", bytes.length, 0755), bytes,
                1024 * 1024);
        List<AnalysisWarning> warnings = new ArrayList<>();
        List<Package> packages = new ArrayList<>();

        analyzer.analyze(file, collecting(packages, warnings));

        assertThat(packages).isEmpty();
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo("file-too-large");
            assertThat(w.message()).contains(Long.toString(bytes.length)).contains("1048576");
        });
        assertThat(file.bytesRead.get()).isLessThanOrEqualTo(4);
    }

    @Test
    void acceptsExecutablesOnly() {
        assertThat(analyzer.accepts(new FileInfo("usr/bin/app", 10_000, 0755))).isTrue();
        assertThat(analyzer.accepts(new FileInfo("usr/bin/app", 10_000, 0700))).isTrue();
        assertThat(analyzer.accepts(new FileInfo("usr/share/doc/app.txt", 10_000, 0644))).isFalse();
        assertThat(analyzer.accepts(new FileInfo("usr/bin/tiny", 10, 0755))).isFalse();
    }

    // --- esbuild's release binaries: every build-information variant (fetched with npm) ---

    @Tag("integration")
    @ParameterizedTest
    @EnumSource(EsbuildBinaries.class)
    void esbuildReportsTheToolchainAndModulesItsBytesShow(EsbuildBinaries esbuild) throws Exception {
        Path binary = esbuild.binary();
        byte[] bytes = Files.readAllBytes(binary);
        Set<String> releases = RawGoFacts.releaseTokens(bytes);
        assertThat(releases).as("go1.X.Y tokens in %s", esbuild.spec()).hasSize(1);
        Set<String> expected = new TreeSet<>(RawGoFacts.dependencies(bytes));
        expected.add("stdlib@" + releases.iterator().next());

        AnalyzerHarness.Result result = AnalyzerHarness.analyze(analyzer, "node_modules/esbuild/bin/esbuild", binary);

        assertThat(result.warnings()).isEmpty();
        assertThat(new TreeSet<>(coordinates(result.packages()))).isEqualTo(expected);
        assertThat(result.packages()).allSatisfy(p -> assertThat(p.type()).isEqualTo(PackageType.GOLANG));
        assertThat(result.packages()).filteredOn(p -> p.name().equals("golang.org/x/sys")).singleElement()
                .satisfies(p -> assertThat(p.version()).matches("v\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?"));
        // The main module is unversioned "(devel)" and therefore not reported.
        assertThat(RawGoFacts.mainModules(bytes)).containsExactly("github.com/evanw/esbuild@(devel)");
        assertThat(result.packages()).noneMatch(p -> p.name().equals("github.com/evanw/esbuild"));
    }

    @Tag("integration")
    @Test
    void randomlyDamagedPointerFormatBinaryNeverThrows() throws Exception {
        assertDamageIsHandled(Files.readAllBytes(EsbuildBinaries.S390X_0_14_8.binary()), 300, 7);
        assertDamageIsHandled(Files.readAllBytes(EsbuildBinaries.IA32_0_14_8.binary()), 300, 8);
    }

    // --- helpers ---

    private static List<String> coordinates(List<Package> packages) {
        return packages.stream().map(p -> p.name() + "@" + p.version()).collect(Collectors.toList());
    }

    private static Findings collecting(List<Package> packages, List<AnalysisWarning> warnings) {
        return new Findings() {
            @Override
            public void add(Package pkg) {
                packages.add(pkg);
            }

            @Override
            public void warn(String kind, String message) {
                warnings.add(new AnalysisWarning(kind, null, null, message));
            }
        };
    }

    /** A file whose stream counts the bytes the analyzer consumed. */
    private static final class CountingFile implements AnalyzableFile {
        private final FileInfo info;
        private final byte[] content;
        private final long maxReadBytes;
        final AtomicLong bytesRead = new AtomicLong();

        CountingFile(FileInfo info, byte[] content, long maxReadBytes) {
            this.info = info;
            this.content = content;
            this.maxReadBytes = maxReadBytes;
        }

        @Override
        public FileInfo info() {
            return info;
        }

        @Override
        public InputStream open() {
            return new FilterInputStream(new java.io.ByteArrayInputStream(content)) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        bytesRead.incrementAndGet();
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        bytesRead.addAndGet(n);
                    }
                    return n;
                }

                @Override
                public long skip(long n) throws IOException {
                    long skipped = super.skip(n);
                    bytesRead.addAndGet(skipped);
                    return skipped;
                }
            };
        }

        @Override
        public long maxReadBytes() {
            return maxReadBytes;
        }
    }
}
