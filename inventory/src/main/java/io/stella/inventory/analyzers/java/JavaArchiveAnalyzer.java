package io.stella.inventory.analyzers.java;

import io.stella.inventory.Package;
import io.stella.inventory.spi.AnalyzableFile;
import io.stella.inventory.spi.FileInfo;
import io.stella.inventory.spi.Findings;
import io.stella.inventory.spi.PackageAnalyzer;
import java.io.IOException;

/**
 * Maven artifacts in Java archives ({@code .jar .war .ear .par .sar .jpi .hpi}), nested ones included.
 *
 * <p>Per archive, as Trivy does: every {@code pom.properties} with groupId, artifactId and version is a package
 * ({@code groupId:artifactId}); when none of them matches the archive's file name ({@code artifactId-version.jar}),
 * the archive's own identity comes from its {@code META-INF/MANIFEST.MF} main section (rules in
 * {@link ManifestMainSection#coordinates()}), else from the file name with the artifactId alone as the name.
 * Licences are not recorded (pom.properties has none). See {@link JavaArchiveReader} for how archives are read
 * and bounded.
 */
public final class JavaArchiveAnalyzer implements PackageAnalyzer {
    private final ArchiveLimits limits;

    public JavaArchiveAnalyzer() {
        this(ArchiveLimits.defaults());
    }

    public JavaArchiveAnalyzer(ArchiveLimits limits) {
        this.limits = limits;
    }

    @Override
    public String name() {
        return "jar";
    }

    @Override
    public boolean accepts(FileInfo file) {
        return JavaArchiveNames.isArchive(file.path());
    }

    @Override
    public void analyze(AnalyzableFile file, Findings findings) throws IOException {
        for (Package pkg : new JavaArchiveReader(limits, findings).read(file)) {
            findings.add(pkg);
        }
    }
}
