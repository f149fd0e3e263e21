package io.stella.inventory.analyzers.gobinary;

import io.stella.inventory.Package;
import io.stella.inventory.PackageType;
import io.stella.inventory.analyzers.elf.ElfContentReader;
import io.stella.inventory.analyzers.elf.ElfFile;
import io.stella.inventory.analyzers.elf.ElfFormatException;
import io.stella.inventory.spi.AnalyzableFile;
import io.stella.inventory.spi.FileInfo;
import io.stella.inventory.spi.Findings;
import io.stella.inventory.spi.PackageAnalyzer;
import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Go executables (ELF): the toolchain as package {@code stdlib} and the modules listed in the embedded build
 * information, as {@code go version -m}, govulncheck and Trivy read them. Packages are of type GOLANG:
 * <ul>
 *   <li>{@code stdlib} with the toolchain's semantic version without {@code v} ({@code go1.19.8} →
 *       {@code 1.19.8}), the form of the Go vulnerability database;</li>
 *   <li>each {@code dep} module with its version as Go writes it ({@code v0.7.0}); a replaced module is
 *       reported under the replacement's path and version (as Trivy does: that is the code in the binary),
 *       and a replacement by a local directory, which has no version, is not reported;</li>
 *   <li>the main module when a version is known: its own when built by {@code go install mod@version}, else
 *       one stamped with {@code -ldflags -X} (Trivy's heuristic, see {@link LdflagsVersion}). Trivy lists an
 *       unversioned main module with an empty version; here it is left out, since nothing can be matched
 *       against an empty version.</li>
 * </ul>
 * GOPATH-mode builds (most distribution packages) carry no module lines and yield {@code stdlib} only.
 */
public final class GoBinaryAnalyzer implements PackageAnalyzer {
    private static final int MAX_QUOTED_LINE = 200;

    @Override
    public String name() {
        return "gobinary";
    }

    @Override
    public boolean accepts(FileInfo file) {
        return ElfContentReader.mayBeElfExecutable(file);
    }

    @Override
    public void analyze(AnalyzableFile file, Findings findings) throws IOException {
        byte[] content = ElfContentReader.read(file, findings);
        if (content == null) {
            return;
        }
        ElfFile elf;
        try {
            elf = ElfFile.parse(content);
        } catch (ElfFormatException e) {
            findings.warn("elf-malformed", "ELF headers unreadable (" + e.getMessage()
                    + "); Go build information not searched");
            return;
        }
        GoBuildInfo info;
        try {
            Optional<GoBuildInfo> found = GoBuildInfoReader.read(elf);
            if (found.isEmpty()) {
                return;
            }
            info = found.get();
        } catch (GoBuildInfoException e) {
            findings.warn("gobinary-buildinfo", e.getMessage() + "; no Go packages reported");
            return;
        }
        report(info, findings);
    }

    private static void report(GoBuildInfo info, Findings findings) {
        Set<String> reported = new HashSet<>();
        Optional<String> toolchain = GoToolchainVersion.semver(info.goVersion());
        if (toolchain.isPresent()) {
            add("stdlib", toolchain.get(), reported, findings);
        } else {
            findings.warn("gobinary-toolchain-version", "Go toolchain '" + info.goVersion()
                    + "' is not a release version; stdlib not reported");
        }
        if (info.modInfoProblem() != null) {
            findings.warn("gobinary-buildinfo", info.modInfoProblem() + "; Go modules not reported");
            return;
        }
        GoModInfo modInfo = GoModInfoParser.parse(info.modInfo());
        if (!modInfo.malformedLines().isEmpty()) {
            String first = modInfo.malformedLines().get(0);
            findings.warn("gobinary-buildinfo", modInfo.malformedLines().size()
                    + " malformed module information line(s) skipped, the first: '"
                    + (first.length() > MAX_QUOTED_LINE ? first.substring(0, MAX_QUOTED_LINE) + "…" : first) + "'");
        }
        GoModule main = modInfo.main();
        if (main != null) {
            mainVersion(main, modInfo.settings().getOrDefault("-ldflags", ""))
                    .ifPresent(version -> add(main.path(), version, reported, findings));
        }
        for (GoModule dependency : modInfo.dependencies()) {
            GoModule built = dependency.effective();
            if (!built.path().isEmpty() && !built.version().isEmpty() && !built.version().equals("(devel)")) {
                add(built.path(), built.version(), reported, findings);
            }
        }
    }

    private static Optional<String> mainVersion(GoModule main, String ldflags) {
        String version = main.version().equals("(devel)") ? "" : main.version();
        if (version.isEmpty() || version.startsWith("v0.0.0")) {
            Optional<String> stamped = LdflagsVersion.of(main.path(), ldflags);
            if (stamped.isPresent()) {
                return stamped;
            }
        }
        return version.isEmpty() ? Optional.empty() : Optional.of(version);
    }

    private static void add(String name, String version, Set<String> reported, Findings findings) {
        if (reported.add(name + '@' + version)) {
            findings.add(Package.of(PackageType.GOLANG, name, version));
        }
    }
}
