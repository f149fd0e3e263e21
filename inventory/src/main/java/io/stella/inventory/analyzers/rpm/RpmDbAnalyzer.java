package io.stella.inventory.analyzers.rpm;

import io.stella.inventory.Package;
import io.stella.inventory.PackageType;
import io.stella.inventory.spi.AnalyzableFile;
import io.stella.inventory.spi.FileInfo;
import io.stella.inventory.spi.Findings;
import io.stella.inventory.spi.PackageAnalyzer;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Installed rpm packages, read from the package database itself (Berkeley DB {@code Packages}, ndb
 * {@code Packages.db} or SQLite {@code rpmdb.sqlite}) without rpm.
 *
 * <p>Every header is reported, including rpm's {@code gpg-pubkey} pseudo-packages, because {@code rpm -qa}
 * lists them too. The version is {@code [epoch:]version-release}, with the epoch whenever the header has
 * an EPOCH tag (also when it is 0). The source package comes from SOURCERPM; its version carries the
 * binary package's epoch, because the source rpm's file name cannot carry one and binary and source
 * packages share it (Trivy does the same).
 */
public final class RpmDbAnalyzer implements PackageAnalyzer {
    @Override
    public String name() {
        return "rpm";
    }

    @Override
    public boolean accepts(FileInfo file) {
        return RpmDatabaseFormat.forPath(file.path()).isPresent();
    }

    @Override
    public void analyze(AnalyzableFile file, Findings findings) throws IOException {
        String path = file.info().path();
        Optional<RpmDatabaseFormat> format = RpmDatabaseFormat.forPath(path);
        if (format.isEmpty()) {
            return;
        }
        byte[] content = file.readAllBytes();
        DatabaseProblems problems = new DatabaseProblems(findings, path);
        List<byte[]> blobs = switch (format.get()) {
            case BERKELEY_DB -> BerkeleyDbHashReader.read(content, problems);
            case NDB -> NdbReader.read(content, problems);
            case SQLITE -> SqliteRpmdbReader.read(content, problems);
        };
        for (byte[] blob : blobs) {
            try {
                findings.add(toPackage(RpmHeaderParser.parse(blob), problems));
            } catch (MalformedRpmDataException e) {
                problems.invalidHeader("skipped a package whose header is invalid: " + e.getMessage());
            }
        }
        problems.finish();
    }

    private static Package toPackage(RpmHeader header, DatabaseProblems problems) {
        String epochPrefix = header.epoch() == null ? "" : header.epoch() + ":";
        Package pkg = Package.of(PackageType.RPM, header.name(), epochPrefix + header.version() + "-"
                + header.release()).withArch(header.arch());
        if (header.license() != null && !header.license().isEmpty()) {
            pkg = pkg.withLicenses(List.of(header.license()));
        }
        if (header.sourceRpm() != null && !header.sourceRpm().isEmpty()) {
            Optional<SourceRpm> source = SourceRpm.parse(header.sourceRpm());
            if (source.isPresent()) {
                pkg = pkg.withSource(source.get().name(), epochPrefix + source.get().versionRelease());
            } else {
                problems.invalidHeader("package " + header.name()
                        + " names source rpm \"" + header.sourceRpm()
                        + "\", which is not name-version-release.src.rpm; source package left out");
            }
        }
        return pkg;
    }
}
