package io.stella.inventory.analyzers.java;

import io.stella.inventory.Package;
import io.stella.inventory.PackageType;
import io.stella.inventory.spi.AnalyzableFile;
import io.stella.inventory.spi.Findings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Reads one analysed Java archive and everything nested in it; one instance per analysed file.
 *
 * <p>An archive no larger than {@link ArchiveLimits#inMemoryMaxBytes()} is read into memory and opened through
 * its central directory ({@link ZipFile}): only the entries of interest are decompressed, and archives with
 * stale local headers are read correctly. When the central directory cannot be read (a truncated download), the
 * same bytes are read again as a stream of local headers to recover the entries before the damage. Larger
 * archives are read as a stream ({@link ZipArchiveInputStream}, accepting STORED entries with data descriptors),
 * which needs no memory but decompresses entries it skips when their sizes are only in a data descriptor.
 *
 * <p>Nested archives ({@code BOOT-INF/lib/x.jar}, {@code WEB-INF/lib/x.jar}, {@code lib/x.war} ...) are read
 * the same way, to {@link ArchiveLimits#maxDepth()} levels, with their decompressed size capped per entry and
 * in total. Their packages carry the path {@code outer.jar!/BOOT-INF/lib/inner.jar}.
 */
final class JavaArchiveReader {
    private final ArchiveLimits limits;
    private final Findings findings;
    private final LinkedHashSet<Package> packages = new LinkedHashSet<>();
    private long nestedBytesRead;

    JavaArchiveReader(ArchiveLimits limits, Findings findings) {
        this.limits = limits;
        this.findings = findings;
    }

    /** The packages of {@code file} and its nested archives, without duplicates. */
    List<Package> read(AnalyzableFile file) throws IOException {
        String path = file.info().path();
        if (file.info().size() <= limits.inMemoryMaxBytes()) {
            readInMemory(path, file.readAllBytes(), 0);
        } else {
            try (InputStream in = new SourceStream(file.open())) {
                readStream(path, in, 0, false);
            }
        }
        return new ArrayList<>(packages);
    }

    private void readInMemory(String path, byte[] bytes, int depth) throws IOException {
        ZipFile zip;
        try {
            zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get();
        } catch (IOException | RuntimeException e) {
            findings.warn("jar-corrupt", path + " has no readable zip directory (" + e.getMessage()
                    + "); only the entries before the damage are read");
            readStream(path, new ByteArrayInputStream(bytes), depth, true);
            return;
        }
        ArchiveScan scan = new ArchiveScan(path, depth);
        try (zip) {
            for (Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder(); entries.hasMoreElements(); ) {
                ZipArchiveEntry entry = entries.nextElement();
                if (!scan.wants(entry)) {
                    continue;
                }
                if (!zip.canReadEntryData(entry)) {
                    warnUnreadable(path, entry);
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    scan.entry(entry, in);
                } catch (SourceReadException | LimitExceededException e) {
                    throw e;
                } catch (IOException | RuntimeException e) {
                    findings.warn("jar-corrupt", path + "!/" + entry.getName() + " cannot be read: " + e.getMessage());
                }
            }
        }
        scan.finish();
    }

    private void readStream(String path, InputStream in, int depth, boolean damageReported) throws IOException {
        ArchiveScan scan = new ArchiveScan(path, depth);
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(in, "UTF-8", true, true, true)) {
            ZipArchiveEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (!scan.wants(entry)) {
                    continue;
                }
                if (!zip.canReadEntryData(entry)) {
                    warnUnreadable(path, entry);
                    continue;
                }
                scan.entry(entry, zip);
            }
        } catch (SourceReadException | LimitExceededException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (!damageReported) {
                findings.warn("jar-corrupt", path + " is damaged (" + e.getMessage()
                        + "); only the entries before the damage are read");
            }
        }
        scan.finish();
    }

    private void readNested(String path, InputStream in, int depth) throws IOException {
        if (depth > limits.maxDepth()) {
            findings.warn("jar-nesting-too-deep", path + " is nested more than " + limits.maxDepth()
                    + " archives deep; not opened");
            return;
        }
        long allowance = Math.min(limits.nestedMaxBytes(), limits.nestedBudgetBytes() - nestedBytesRead);
        if (allowance <= 0) {
            findings.warn("jar-nested-too-large", path + " not opened: the nested archives of this file already took "
                    + limits.nestedBudgetBytes() + " bytes");
            return;
        }
        LimitedInputStream limited = new LimitedInputStream(in, allowance, path);
        try {
            byte[] head = limited.readNBytes((int) Math.min(limits.inMemoryMaxBytes() + 1, Integer.MAX_VALUE - 8));
            if (head.length <= limits.inMemoryMaxBytes()) {
                readInMemory(path, head, depth);
            } else {
                readStream(path, new SequenceInputStream(new ByteArrayInputStream(head), limited), depth, false);
            }
        } catch (LimitExceededException e) {
            findings.warn("jar-nested-too-large", path + " abandoned after " + limited.count()
                    + " decompressed bytes (limit " + allowance + "); possibly a zip bomb");
        } finally {
            nestedBytesRead += limited.count();
        }
    }

    private void warnUnreadable(String path, ZipArchiveEntry entry) {
        findings.warn("jar-unsupported-entry", path + "!/" + entry.getName()
                + " uses an unsupported compression method or encryption; skipped");
    }

    /** What one archive (outer or nested) says about itself while its entries pass. */
    private final class ArchiveScan {
        private final String path;
        private final int depth;
        private final ArchiveFileName fileName;
        private boolean ownPomFound;
        private ManifestMainSection manifest;

        ArchiveScan(String path, int depth) {
            this.path = path;
            this.depth = depth;
            this.fileName = ArchiveFileName.parse(JavaArchiveNames.fileName(path));
        }

        boolean wants(ZipArchiveEntry entry) {
            if (entry.isDirectory()) {
                return false;
            }
            String name = entry.getName();
            return JavaArchiveNames.isPomProperties(name) || JavaArchiveNames.isManifest(name)
                    || JavaArchiveNames.isArchive(name);
        }

        void entry(ZipArchiveEntry entry, InputStream in) throws IOException {
            String name = entry.getName();
            if (JavaArchiveNames.isArchive(name)) {
                readNested(path + "!/" + name, in, depth + 1);
                return;
            }
            LimitedInputStream metadata = new LimitedInputStream(in, limits.metadataMaxBytes(), path + "!/" + name);
            try {
                if (JavaArchiveNames.isManifest(name)) {
                    manifest = ManifestMainSection.read(metadata);
                } else {
                    pomProperties(MavenCoordinates.fromPomProperties(metadata));
                }
            } catch (LimitExceededException e) {
                findings.warn("jar-metadata-too-large", e.getMessage() + "; ignored");
            } catch (IllegalArgumentException e) { // Properties.load on a malformed \\uXXXX escape
                findings.warn("jar-corrupt", path + "!/" + name + " is malformed: " + e.getMessage());
            }
        }

        private void pomProperties(MavenCoordinates pom) {
            if (!pom.complete()) {
                return;
            }
            packages.add(mavenPackage(pom.name(), pom.version()));
            if (fileName != null && fileName.describes(pom)) {
                ownPomFound = true;
            }
        }

        /**
         * The archive's own identity when none of its pom.properties matched its file name (as in Trivy): with a
         * {@code name-version} file name, artifactId and version from it and the group from the manifest; without
         * one, all from the manifest; else the file name alone (artifactId only: the groupId is unknown offline).
         */
        void finish() {
            if (ownPomFound) {
                return;
            }
            ArchiveFileName named = fileName == null || manifest == null ? fileName : manifest.refine(fileName);
            MavenCoordinates fromManifest = manifest == null ? null : manifest.coordinates(named);
            if (fromManifest != null) {
                packages.add(mavenPackage(fromManifest.name(), fromManifest.version()));
            } else if (named != null) {
                packages.add(mavenPackage(named.artifactId(), named.version()));
            }
        }

        private Package mavenPackage(String name, String version) {
            return Package.of(PackageType.MAVEN, name, version).withFilePath(path);
        }
    }
}
