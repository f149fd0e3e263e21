package io.stella.inventory.spi;

import io.stella.inventory.AnalysisWarning;
import io.stella.inventory.Package;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs one analyzer on one file, the way the layer walker would, and collects what it reports. */
public final class AnalyzerHarness {
    public record Result(List<Package> packages, List<AnalysisWarning> warnings) {}

    private AnalyzerHarness() {}

    /** Analyzes {@code content} as if it were at {@code path} in the image (mode 0644, or 0755 when executable). */
    public static Result analyze(PackageAnalyzer analyzer, String path, byte[] content, int mode) throws IOException {
        FileInfo info = new FileInfo(path, content.length, mode);
        if (!analyzer.accepts(info)) {
            throw new AssertionError(analyzer.name() + " does not accept " + path);
        }
        List<Package> packages = new ArrayList<>();
        List<AnalysisWarning> warnings = new ArrayList<>();
        analyzer.analyze(new AnalyzableFile() {
            private boolean opened;

            @Override
            public FileInfo info() {
                return info;
            }

            @Override
            public InputStream open() {
                if (opened) {
                    throw new IllegalStateException("content opened twice by " + analyzer.name());
                }
                opened = true;
                return new ByteArrayInputStream(content);
            }

            @Override
            public long maxReadBytes() {
                return Long.MAX_VALUE;
            }
        }, new Findings() {
            @Override
            public void add(Package pkg) {
                packages.add(pkg.filePath() == null ? pkg.withFilePath(path) : pkg);
            }

            @Override
            public void warn(String kind, String message) {
                warnings.add(new AnalysisWarning(kind, null, path, message));
            }
        });
        return new Result(packages, warnings);
    }

    public static Result analyze(PackageAnalyzer analyzer, String path, Path file) throws IOException {
        int mode = Files.isExecutable(file) ? 0755 : 0644;
        return analyze(analyzer, path, Files.readAllBytes(file), mode);
    }
}
