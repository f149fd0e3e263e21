package io.stella.vulndb.bundle;

import io.stella.vulndb.Sha256;
import io.stella.vulndb.VulnDbException;
import io.stella.vulndb.store.DatabaseBuild;
import io.stella.vulndb.store.DatabaseStatus;
import io.stella.vulndb.store.SqliteFiles;
import io.stella.vulndb.store.SqliteVulnerabilityStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Replaces a database with a bundle's, after checking the bundle: the manifest against its digest, every
 * part against the manifest, then the database's sources and record counts against the manifest. The
 * previous database is only replaced (by one atomic move) when every check passed.
 */
public final class BundleImporter {
    private BundleImporter() {
    }

    /** True when the file is a zip holding a bundle manifest. */
    public static boolean isBundle(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry(BundleExporter.MANIFEST) != null && zip.getEntry(BundleExporter.DATABASE_PART) != null;
        } catch (IOException e) {
            return false;
        }
    }

    public static BundleManifest importBundle(Path bundle, Path database) {
        Path extracted = DatabaseBuild.sibling(database, "bundle");
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            byte[] manifestBytes = read(zip, bundle, BundleExporter.MANIFEST);
            String recordedDigest = new String(read(zip, bundle, BundleExporter.MANIFEST_DIGEST),
                    StandardCharsets.US_ASCII).trim();
            String manifestDigest = Sha256.of(manifestBytes);
            if (!manifestDigest.equals(recordedDigest)) {
                throw tampered(bundle, BundleExporter.MANIFEST, recordedDigest, manifestDigest);
            }
            BundleManifest manifest = BundleExporter.JSON.readValue(manifestBytes, BundleManifest.class);
            if (manifest.formatVersion() != BundleManifest.FORMAT_VERSION) {
                throw new VulnDbException(VulnDbException.Code.VULNDB_IMPORT_FAILED, "the bundle " + bundle
                        + " has format version " + manifest.formatVersion() + "; this stella reads version "
                        + BundleManifest.FORMAT_VERSION, "export the bundle with a matching stella version",
                        Map.of("path", bundle.toString()), null);
            }
            checkEntries(zip, bundle, manifest);
            for (BundleManifest.Part part : manifest.parts()) {
                String actual;
                try (InputStream in = zip.getInputStream(zip.getEntry(part.name()))) {
                    actual = Sha256.of(in);
                } catch (java.util.zip.ZipException e) {
                    throw tampered(bundle, part.name(), part.sha256(), "(unreadable: " + e.getMessage() + ")");
                }
                if (!actual.equals(part.sha256())) {
                    throw tampered(bundle, part.name(), part.sha256(), actual);
                }
            }
            Files.createDirectories(extracted.getParent());
            try (InputStream in = zip.getInputStream(zip.getEntry(BundleExporter.DATABASE_PART))) {
                Files.copy(in, extracted);
            }
            SqliteFiles.migrate(extracted);
            checkContent(bundle, manifest, extracted);
            try (DatabaseBuild build = DatabaseBuild.adopt(database, extracted)) {
                build.commit();
            }
            return manifest;
        } catch (IOException e) {
            throw new VulnDbException(VulnDbException.Code.VULNDB_IMPORT_FAILED, "cannot read the bundle " + bundle
                    + ": " + e.getMessage(), "check the file; export it again with stella db export FILE",
                    Map.of("path", bundle.toString()), e);
        } finally {
            try {
                Files.deleteIfExists(extracted);
            } catch (IOException ignored) {
                // leftover temporary file: harmless
            }
        }
    }

    /** The zip holds exactly the manifest, its digest and the parts the manifest lists. */
    private static void checkEntries(ZipFile zip, Path bundle, BundleManifest manifest) {
        Set<String> expected = manifest.parts().stream().map(BundleManifest.Part::name).collect(Collectors.toSet());
        if (!expected.contains(BundleExporter.DATABASE_PART)) {
            throw tampered(bundle, BundleExporter.DATABASE_PART, "(listed in the manifest)", "(not listed)");
        }
        Set<String> present = new HashSet<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            present.add(entries.nextElement().getName());
        }
        present.remove(BundleExporter.MANIFEST);
        present.remove(BundleExporter.MANIFEST_DIGEST);
        for (String name : expected) {
            if (!present.contains(name)) {
                throw tampered(bundle, name, "(listed in the manifest)", "(missing from the bundle)");
            }
        }
        for (String name : present) {
            if (!expected.contains(name)) {
                throw tampered(bundle, name, "(not in the manifest)", "(present in the bundle)");
            }
        }
    }

    /** The database holds the sources and record counts the manifest claims. */
    private static void checkContent(Path bundle, BundleManifest manifest, Path extracted) {
        DatabaseStatus status;
        try (SqliteVulnerabilityStore store = SqliteVulnerabilityStore.open(extracted)) {
            status = store.status();
        }
        Map<String, Long> actual = new LinkedHashMap<>();
        status.sources().forEach(s -> actual.put(s.name(), s.totalRecords()));
        Map<String, Long> claimed = new LinkedHashMap<>();
        manifest.sources().forEach(s -> claimed.put(s.name(), s.records()));
        if (!actual.equals(claimed)) {
            throw new VulnDbException(VulnDbException.Code.VULNDB_BUNDLE_TAMPERED, "the bundle " + bundle
                    + " does not hold what its manifest lists: manifest " + claimed + ", database " + actual,
                    "do not use this bundle; export a new one with stella db export FILE",
                    Map.of("path", bundle.toString()), null);
        }
    }

    private static byte[] read(ZipFile zip, Path bundle, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw tampered(bundle, name, "(required)", "(missing from the bundle)");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static VulnDbException tampered(Path bundle, String part, String expected, String actual) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("bundle", bundle.toString());
        evidence.put("part", part);
        evidence.put("expected_sha256", expected);
        evidence.put("actual_sha256", actual);
        return new VulnDbException(VulnDbException.Code.VULNDB_BUNDLE_TAMPERED, "the bundle " + bundle
                + " was altered: part " + part + " should have sha256 " + expected + " but has " + actual
                + "; the database was not changed",
                "do not use this bundle; copy it again from its origin or export a new one with stella db export FILE",
                evidence, null);
    }
}
