package io.stella.inventory.analyzers.python;

import io.stella.inventory.Package;
import io.stella.inventory.PackageType;
import io.stella.inventory.spi.AnalyzableFile;
import io.stella.inventory.spi.FileInfo;
import io.stella.inventory.spi.Findings;
import io.stella.inventory.spi.PackageAnalyzer;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Installed Python distributions, from their core metadata: {@code *.dist-info/METADATA} (wheels),
 * {@code *.egg-info/PKG-INFO} and {@code EGG-INFO/PKG-INFO} (eggs), and {@code *.egg-info} written as a single
 * file (distutils). Zipped {@code .egg} files are not opened.
 *
 * <p>Licences, as Trivy ranks them: {@code License-Expression} (PEP 639), else {@code License} when it is a
 * one-line name (not the full licence text some packages paste there, not setuptools' {@code UNKNOWN}), else
 * the last part of every {@code Classifier: License :: ...} (Trivy keeps only the first).
 */
public final class PythonPackageAnalyzer implements PackageAnalyzer {
    private static final String[] METADATA_SUFFIXES = {".dist-info/METADATA", ".egg-info/PKG-INFO", ".egg-info"};
    private static final String EGG_INFO_DIR = "EGG-INFO/PKG-INFO";
    private static final String LICENSE_CLASSIFIER = "License :: ";

    @Override
    public String name() {
        return "python";
    }

    @Override
    public boolean accepts(FileInfo file) {
        String path = file.path();
        for (String suffix : METADATA_SUFFIXES) {
            if (path.endsWith(suffix) && path.length() > suffix.length()
                    && path.charAt(path.length() - suffix.length() - 1) != '/') {
                return true;
            }
        }
        return path.endsWith(EGG_INFO_DIR)
                && (path.length() == EGG_INFO_DIR.length() || path.charAt(path.length() - EGG_INFO_DIR.length() - 1) == '/');
    }

    @Override
    public void analyze(AnalyzableFile file, Findings findings) throws IOException {
        CoreMetadata metadata;
        try (InputStream in = file.open()) {
            metadata = CoreMetadata.read(in);
        }
        String name = metadata.first("Name");
        String version = metadata.first("Version");
        if (name == null || version == null) {
            findings.warn("python-metadata-incomplete", file.info().path() + " has no "
                    + (name == null ? "Name" : "Version") + " header; skipped");
            return;
        }
        findings.add(Package.of(PackageType.PYPI, name, version).withLicenses(licenses(metadata)));
    }

    private static List<String> licenses(CoreMetadata metadata) {
        String expression = metadata.first("License-Expression");
        if (expression != null) {
            return List.of(expression);
        }
        String license = metadata.first("License");
        if (license != null && license.indexOf('\n') < 0 && !license.equalsIgnoreCase("UNKNOWN")) {
            return List.of(license);
        }
        List<String> fromClassifiers = new ArrayList<>();
        for (String classifier : metadata.all("Classifier")) {
            if (classifier.startsWith(LICENSE_CLASSIFIER)) {
                String last = classifier.substring(classifier.lastIndexOf(" :: ") + 4).strip();
                if (!last.isEmpty() && !last.equals("OSI Approved") && !fromClassifiers.contains(last)) {
                    fromClassifiers.add(last);
                }
            }
        }
        return fromClassifiers;
    }
}
