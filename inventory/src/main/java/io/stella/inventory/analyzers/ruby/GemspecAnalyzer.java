package io.stella.inventory.analyzers.ruby;

import io.stella.inventory.Package;
import io.stella.inventory.PackageType;
import io.stella.inventory.spi.AnalyzableFile;
import io.stella.inventory.spi.FileInfo;
import io.stella.inventory.spi.Findings;
import io.stella.inventory.spi.PackageAnalyzer;
import java.io.IOException;
import java.io.InputStream;

/**
 * Installed Ruby gems: the {@code .gemspec} files RubyGems writes under {@code specifications/} (also
 * {@code specifications/default/} for the gems bundled with Ruby), e.g.
 * {@code usr/lib/ruby/gems/3.1.0/specifications/default/json-2.6.1.gemspec}. The Ruby source is not run but read
 * line by line as Trivy does (see {@link GemspecSource}).
 */
public final class GemspecAnalyzer implements PackageAnalyzer {
    private static final String SPECIFICATIONS = "specifications/";

    @Override
    public String name() {
        return "gemspec";
    }

    @Override
    public boolean accepts(FileInfo file) {
        String path = file.path();
        if (!path.endsWith(".gemspec")) {
            return false;
        }
        int at = path.startsWith(SPECIFICATIONS) ? 0 : path.indexOf("/" + SPECIFICATIONS);
        return at >= 0;
    }

    @Override
    public void analyze(AnalyzableFile file, Findings findings) throws IOException {
        GemspecSource spec;
        try (InputStream in = file.open()) {
            spec = GemspecSource.read(in);
        }
        if (spec.name() == null || spec.version() == null) {
            findings.warn("gemspec-unparsable", file.info().path() + " has no literal "
                    + (spec.name() == null ? "name" : "version") + " in its Gem::Specification; skipped");
            return;
        }
        findings.add(Package.of(PackageType.GEM, spec.name(), spec.version()).withLicenses(spec.licenses()));
    }
}
