package io.stella.inventory.analyzers.rustbinary;

import io.stella.inventory.Package;
import io.stella.inventory.PackageType;
import io.stella.inventory.analyzers.elf.ElfContentReader;
import io.stella.inventory.analyzers.elf.ElfFile;
import io.stella.inventory.analyzers.elf.ElfFormatException;
import io.stella.inventory.analyzers.elf.ElfSection;
import io.stella.inventory.spi.AnalyzableFile;
import io.stella.inventory.spi.FileInfo;
import io.stella.inventory.spi.Findings;
import io.stella.inventory.spi.PackageAnalyzer;
import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Rust executables (ELF) built with cargo-auditable, which embeds the crate list in section {@code .dep-v0}.
 * Every runtime crate, the root crate included, becomes a CARGO package. Build-time-only crates (build
 * scripts, proc-macros and what only they use) are left out, as Trivy does: their code is not in the
 * binary. Crates of any source are reported, local and git ones included, as Trivy does.
 */
public final class RustBinaryAnalyzer implements PackageAnalyzer {
    static final String SECTION = ".dep-v0";
    /** Compressed audit data of real binaries is a few KiB; this is far above any of them. */
    private static final int MAX_SECTION_BYTES = 8 * 1024 * 1024;

    @Override
    public String name() {
        return "rustbinary";
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
        AuditData data;
        try {
            ElfFile elf = ElfFile.parse(content);
            Optional<ElfSection> section = elf.section(SECTION);
            if (section.isEmpty()) {
                return;
            }
            data = AuditDataDecoder.decode(elf.contents(section.get(), MAX_SECTION_BYTES));
        } catch (ElfFormatException e) {
            findings.warn("elf-malformed", "ELF unreadable (" + e.getMessage() + "); cargo-auditable data not read");
            return;
        } catch (AuditDataException e) {
            findings.warn("rustbinary-audit-data", "section " + SECTION + " rejected: " + e.getMessage()
                    + "; no Rust crates reported");
            return;
        }
        if (data.rejectedEntries() > 0) {
            findings.warn("rustbinary-audit-data", data.rejectedEntries() + " malformed crate entr"
                    + (data.rejectedEntries() == 1 ? "y" : "ies") + " in " + SECTION + " skipped, the first: "
                    + data.firstRejection());
        }
        Set<String> reported = new HashSet<>();
        for (AuditedCrate crate : data.crates()) {
            if (crate.runtime() && reported.add(crate.name() + '@' + crate.version())) {
                findings.add(Package.of(PackageType.CARGO, crate.name(), crate.version()));
            }
        }
    }
}
