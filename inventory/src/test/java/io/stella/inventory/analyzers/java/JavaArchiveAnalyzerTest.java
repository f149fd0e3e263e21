package io.stella.inventory.analyzers.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.stella.inventory.AnalysisWarning;
import io.stella.inventory.Package;
import io.stella.inventory.PackageType;
import io.stella.inventory.analyzers.java.M2Repository.RepositoryJar;
import io.stella.inventory.spi.AnalyzerHarness;
import io.stella.inventory.spi.AnalyzerHarness.Result;
import io.stella.inventory.spi.FileInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JavaArchiveAnalyzerTest {
    private static final Pattern OWN_POM = Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.properties");

    /** Streaming forced everywhere: every archive is larger than the in-memory limit. */
    private static final ArchiveLimits STREAMING = new ArchiveLimits(0, 256L << 20, 1L << 30, 4, 1L << 20);

    private final JavaArchiveAnalyzer analyzer = new JavaArchiveAnalyzer();

    @Test
    void jarsOfTheLocalMavenRepositoryHaveTheCoordinatesOfTheirPositionInIt() throws IOException {
        List<RepositoryJar> withOwnPom = new ArrayList<>();
        for (RepositoryJar jar : M2Repository.jars()) {
            if (hasEntry(jar, "META-INF/maven/" + jar.groupId() + "/" + jar.artifactId() + "/pom.properties")) {
                withOwnPom.add(jar);
            }
        }
        assertThat(withOwnPom).hasSizeGreaterThanOrEqualTo(20);

        List<String> missing = new ArrayList<>();
        for (RepositoryJar jar : withOwnPom) {
            String path = "opt/app/lib/" + jar.fileName();
            Result result = AnalyzerHarness.analyze(analyzer, path, jar.file());
            boolean found = result.packages().stream().anyMatch(p -> p.type() == PackageType.MAVEN
                    && p.name().equals(jar.name()) && p.version().equals(jar.version()) && p.filePath().equals(path));
            if (!found) {
                missing.add(jar.file() + " -> " + result.packages());
            }
            assertThat(result.warnings()).as(jar.file().toString()).isEmpty();
        }
        System.out.printf("jar: %d repository jars with their own pom.properties checked%n", withOwnPom.size());
        assertThat(missing).isEmpty();
    }

    @Test
    void jarsWithoutPomPropertiesAreNamedFromTheManifestOrTheFileName() throws IOException {
        int fromManifest = 0;
        int fromFileName = 0;
        int checked = 0;
        for (RepositoryJar jar : M2Repository.jars()) {
            if (hasEntryEndingWith(jar, "pom.properties")) {
                continue;
            }
            checked++;
            Result result = AnalyzerHarness.analyze(analyzer, "lib/" + jar.fileName(), jar.file());
            List<Package> own = result.packages().stream().filter(p -> p.filePath().equals("lib/" + jar.fileName())).toList();
            assertThat(own).as(jar.file().toString()).hasSize(1);
            Package pkg = own.get(0);
            if (pkg.name().contains(":")) {
                fromManifest++;
            } else {
                // the file-name fallback: artifactId and version exactly as the repository names them
                assertThat(pkg.name()).as(jar.file().toString()).isEqualTo(jar.artifactId());
                assertThat(pkg.version()).isEqualTo(jar.version());
                fromFileName++;
            }
        }
        System.out.printf("jar: %d jars without pom.properties: %d named by manifest, %d by file name%n",
                checked, fromManifest, fromFileName);
        assertThat(checked).isPositive();
    }

    @Test
    void manifestWithVendorIdNamesAJarThatHasNoPomProperties() throws IOException {
        // zstd-jni is built with sbt: no pom.properties, Implementation-Vendor-Id and -Title in the manifest
        RepositoryJar jar = M2Repository.find("com.github.luben", "zstd-jni");
        assertThat(hasEntryEndingWith(jar, "pom.properties")).isFalse();

        Result result = AnalyzerHarness.analyze(analyzer, "lib/" + jar.fileName(), jar.file());

        assertThat(result.packages()).extracting(Package::name, Package::version)
                .containsExactly(tuple(jar.name(), jar.version()));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void springBootFatJarYieldsEveryNestedJarStoredOrDeflated(boolean streaming) throws IOException {
        List<RepositoryJar> libs = sampleWithOwnPom(12);
        ZipBuilder fat = new ZipBuilder()
                .deflated("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nMain-Class: org.springframework.boot.loader.launch.JarLauncher\r\n\r\n".getBytes())
                .deflated("BOOT-INF/classes/application.properties", "server.port=8080\n".getBytes());
        for (int i = 0; i < libs.size(); i++) {
            byte[] jar = Files.readAllBytes(libs.get(i).file());
            String name = "BOOT-INF/lib/" + libs.get(i).fileName();
            if (i % 2 == 0) {
                fat.stored(name, jar);
            } else {
                fat.deflated(name, jar);
            }
        }
        JavaArchiveAnalyzer subject = streaming ? new JavaArchiveAnalyzer(STREAMING) : analyzer;
        Result result = AnalyzerHarness.analyze(subject, "app/app.jar", fat.build(), 0644);

        assertThat(result.warnings()).isEmpty();
        for (RepositoryJar lib : libs) {
            assertThat(result.packages()).as(lib.fileName())
                    .extracting(Package::name, Package::version, Package::filePath)
                    .contains(tuple(lib.name(), lib.version(), "app/app.jar!/BOOT-INF/lib/" + lib.fileName()));
        }
        // the application itself has no pom.properties, no usable manifest and no version in its name
        assertThat(result.packages()).noneMatch(p -> p.filePath().equals("app/app.jar"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void earHoldingAWarHoldingJarsIsReadTwoLevelsDeep(boolean streaming) throws IOException {
        List<RepositoryJar> libs = sampleWithOwnPom(6);
        ZipBuilder war = new ZipBuilder().deflated("WEB-INF/web.xml", "<web-app/>".getBytes());
        for (RepositoryJar lib : libs.subList(0, 4)) {
            war.deflated("WEB-INF/lib/" + lib.fileName(), Files.readAllBytes(lib.file()));
        }
        ZipBuilder ear = new ZipBuilder().stored("shop-web.war", war.build());
        for (RepositoryJar lib : libs.subList(4, 6)) {
            ear.stored("lib/" + lib.fileName(), Files.readAllBytes(lib.file()));
        }
        JavaArchiveAnalyzer subject = streaming ? new JavaArchiveAnalyzer(STREAMING) : analyzer;
        Result result = AnalyzerHarness.analyze(subject, "srv/shop.ear", ear.build(), 0644);

        assertThat(result.warnings()).isEmpty();
        List<String> expected = new ArrayList<>();
        for (RepositoryJar lib : libs.subList(0, 4)) {
            expected.add(lib.name() + "@" + lib.version() + " in srv/shop.ear!/shop-web.war!/WEB-INF/lib/" + lib.fileName());
        }
        for (RepositoryJar lib : libs.subList(4, 6)) {
            expected.add(lib.name() + "@" + lib.version() + " in srv/shop.ear!/lib/" + lib.fileName());
        }
        assertThat(result.packages().stream().map(p -> p.name() + "@" + p.version() + " in " + p.filePath()))
                .containsAll(expected);
    }

    @Test
    void shadedJarYieldsEveryEmbeddedPomProperties() throws IOException {
        RepositoryJar jline = M2Repository.find("org.jline", "jline");
        Set<String> embedded;
        try (ZipFile zip = new ZipFile(jline.file().toFile())) {
            embedded = zip.stream().map(e -> OWN_POM.matcher(e.getName()))
                    .filter(Matcher::matches)
                    .map(m -> m.group(1) + ":" + m.group(2))
                    .collect(Collectors.toSet());
        }
        assertThat(embedded).hasSizeGreaterThan(3);

        Result result = AnalyzerHarness.analyze(analyzer, "usr/share/java/" + jline.fileName(), jline.file());

        assertThat(result.packages()).extracting(Package::name).containsExactlyInAnyOrderElementsOf(embedded);
        assertThat(result.packages()).filteredOn(p -> p.name().equals(jline.name()))
                .extracting(Package::version).containsExactly(jline.version());
        assertThat(result.packages()).allMatch(p -> p.filePath().equals("usr/share/java/" + jline.fileName()));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void truncatedJarIsReportedAndTheEntriesBeforeTheDamageAreRead(boolean streaming) throws IOException {
        RepositoryJar jar = M2Repository.find("org.apache.commons", "commons-compress");
        byte[] whole = Files.readAllBytes(jar.file());
        byte[] truncated = Arrays.copyOf(whole, whole.length * 2 / 3);
        JavaArchiveAnalyzer subject = streaming ? new JavaArchiveAnalyzer(STREAMING) : analyzer;

        Result result = AnalyzerHarness.analyze(subject, "lib/" + jar.fileName(), truncated, 0644);

        assertThat(result.warnings()).extracting(AnalysisWarning::kind).containsExactly("jar-corrupt");
        assertThat(result.warnings().get(0).message()).contains("lib/" + jar.fileName());
        // pom.properties is at the end of the archive, so the identity comes from the manifest read first
        assertThat(result.packages()).extracting(Package::version).containsExactly(jar.version());
    }

    @Test
    void fileThatIsNotAZipIsReportedWithoutAnException() throws IOException {
        byte[] text = "<html>404 Not Found</html>\n".repeat(50).getBytes();

        Result result = AnalyzerHarness.analyze(analyzer, "lib/download.jar", text, 0644);

        assertThat(result.warnings()).extracting(AnalysisWarning::kind).containsExactly("jar-corrupt");
        assertThat(result.packages()).isEmpty();
    }

    @Test
    void corruptNestedJarIsReportedAndItsSiblingsAreStillRead() throws IOException {
        List<RepositoryJar> libs = sampleWithOwnPom(2);
        byte[] good = Files.readAllBytes(libs.get(1).file());
        byte[] broken = Arrays.copyOf(Files.readAllBytes(libs.get(0).file()), 3000);
        byte[] fat = new ZipBuilder()
                .stored("BOOT-INF/lib/" + libs.get(0).fileName(), broken)
                .stored("BOOT-INF/lib/" + libs.get(1).fileName(), good)
                .build();

        Result result = AnalyzerHarness.analyze(analyzer, "app.jar", fat, 0644);

        assertThat(result.warnings()).extracting(AnalysisWarning::kind).containsExactly("jar-corrupt");
        assertThat(result.warnings().get(0).message()).contains("app.jar!/BOOT-INF/lib/" + libs.get(0).fileName());
        assertThat(result.packages()).extracting(Package::name, Package::version)
                .contains(tuple(libs.get(1).name(), libs.get(1).version()));
    }

    @Test
    void nestedZipBombIsAbandonedAtTheLimitAndTheRestIsRead() throws IOException {
        RepositoryJar after = sampleWithOwnPom(1).get(0);
        long bombSize = 1L << 30; // one STORED entry of 1 GiB of zeros inside the nested jar
        ZipBuilder outer = new ZipBuilder();
        ZipArchiveOutputStream out = outer.stream();
        out.setLevel(Deflater.BEST_SPEED);
        out.putArchiveEntry(new ZipArchiveEntry("BOOT-INF/lib/bomb-1.0.jar"));
        writeStoredZeroZip(out, bombSize);
        out.closeArchiveEntry();
        outer.stored("BOOT-INF/lib/" + after.fileName(), Files.readAllBytes(after.file()));
        byte[] fat = outer.build();
        assertThat((long) fat.length).isLessThan(bombSize / 100);

        long start = System.nanoTime();
        Result result = AnalyzerHarness.analyze(analyzer, "app.jar", fat, 0644);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(result.warnings()).extracting(AnalysisWarning::kind).containsExactly("jar-nested-too-large");
        assertThat(result.warnings().get(0).message()).contains("app.jar!/BOOT-INF/lib/bomb-1.0.jar");
        assertThat(result.packages()).extracting(Package::name, Package::version)
                .contains(tuple(after.name(), after.version()));
        System.out.printf("jar: 1 GiB nested bomb abandoned in %d ms%n", millis);
    }

    @Test
    void nestingDeeperThanTheLimitIsNotOpened() throws IOException {
        RepositoryJar lib = sampleWithOwnPom(1).get(0);
        byte[] level = Files.readAllBytes(lib.file());
        for (int depth = 0; depth < 6; depth++) {
            level = new ZipBuilder().stored("lib/level" + depth + ".jar", level).build();
        }

        Result result = AnalyzerHarness.analyze(analyzer, "deep.jar", level, 0644);

        assertThat(result.warnings()).extracting(AnalysisWarning::kind).containsExactly("jar-nesting-too-deep");
        assertThat(result.packages()).noneMatch(p -> p.name().equals(lib.name()));
    }

    @Test
    void acceptsJavaArchivesByExtensionOnly() {
        assertThat(List.of("app.jar", "opt/x/ROOT.war", "srv/a.EAR", "x.par", "jboss/y.sar", "jenkins/plugins/git.jpi",
                "jenkins/plugins/git.hpi"))
                .allMatch(p -> analyzer.accepts(new FileInfo(p, 1, 0644)));
        assertThat(List.of("app.jar.sha1", "jar", "lib/.jar", "usr/bin/jarsigner", "a.zip", "x.java"))
                .noneMatch(p -> analyzer.accepts(new FileInfo(p, 1, 0644)));
    }

    private static List<RepositoryJar> sampleWithOwnPom(int count) throws IOException {
        Map<String, RepositoryJar> byArtifact = new LinkedHashMap<>();
        for (RepositoryJar jar : M2Repository.jars()) {
            if (Files.size(jar.file()) < 2_000_000 && !byArtifact.containsKey(jar.name())
                    && hasEntry(jar, "META-INF/maven/" + jar.groupId() + "/" + jar.artifactId() + "/pom.properties")) {
                byArtifact.put(jar.name(), jar);
            }
        }
        List<RepositoryJar> all = new ArrayList<>(byArtifact.values());
        assertThat(all).hasSizeGreaterThanOrEqualTo(count);
        List<RepositoryJar> sample = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sample.add(all.get(i * all.size() / count));
        }
        return sample;
    }

    private static boolean hasEntry(RepositoryJar jar, String name) throws IOException {
        try (ZipFile zip = new ZipFile(jar.file().toFile())) {
            return zip.getEntry(name) != null;
        }
    }

    private static boolean hasEntryEndingWith(RepositoryJar jar, String suffix) throws IOException {
        try (ZipFile zip = new ZipFile(jar.file().toFile())) {
            return zip.stream().anyMatch(e -> e.getName().endsWith(suffix));
        }
    }

    /** A zip with one STORED entry of {@code size} zero bytes, written to {@code out} without closing it. */
    private static void writeStoredZeroZip(OutputStream out, long size) throws IOException {
        byte[] zeros = new byte[1 << 20];
        CRC32 crc = new CRC32();
        for (long left = size; left > 0; left -= zeros.length) {
            crc.update(zeros, 0, (int) Math.min(zeros.length, left));
        }
        ZipArchiveOutputStream inner = new ZipArchiveOutputStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }
        });
        ZipArchiveEntry filler = new ZipArchiveEntry("filler.bin");
        filler.setMethod(ZipArchiveEntry.STORED);
        filler.setSize(size);
        filler.setCrc(crc.getValue());
        inner.putArchiveEntry(filler);
        for (long left = size; left > 0; left -= zeros.length) {
            inner.write(zeros, 0, (int) Math.min(zeros.length, left));
        }
        inner.closeArchiveEntry();
        inner.finish();
    }
}
