package io.stella.cli;

import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.scan.ScanReport;
import io.stella.scan.filter.ExitPolicy;
import io.stella.scan.filter.FindingFilter;
import io.stella.scan.filter.IgnoreFile;
import io.stella.scan.filter.IgnoreFileFilter;
import io.stella.scan.filter.ReportInputException;
import io.stella.scan.filter.SeverityFilter;
import io.stella.scan.filter.UnfixedFilter;
import io.stella.scan.filter.VexDocument;
import io.stella.scan.filter.VexFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The result filters the scan flags ask for, read before anything is scanned so that a bad ignore file or
 * VEX document fails at once: VEX, then the ignore file, then {@code --ignore-unfixed}, then {@code --severity}.
 */
final class ReportFilters {
    private final List<FindingFilter> filters;
    private final SeverityFilter severity;

    private ReportFilters(List<FindingFilter> filters, SeverityFilter severity) {
        this.filters = filters;
        this.severity = severity;
    }

    static ReportFilters from(VulnerabilityOptions options, Clock clock) {
        List<FindingFilter> filters = new ArrayList<>();
        try {
            if (!options.vex.isEmpty()) {
                List<VexDocument> documents = new ArrayList<>();
                for (Path file : options.vex) {
                    documents.add(VexDocument.read(existing(file, "--vex")));
                }
                filters.add(new VexFilter(documents));
            }
            if (options.ignoreFile != null) {
                filters.add(new IgnoreFileFilter(IgnoreFile.read(existing(options.ignoreFile, "--ignorefile")), clock));
            }
        } catch (ReportInputException e) {
            RegistryException.Builder failure = RegistryException.builder(FailureCode.REPORT_INPUT_INVALID, e.getMessage())
                    .evidence("file", e.file());
            if (e.location() != null) {
                failure.evidence("location", e.location());
            }
            throw failure.build();
        } catch (IOException e) {
            throw RegistryException.builder(FailureCode.REPORT_INPUT_INVALID, "cannot read " + e.getMessage()).build();
        }
        if (options.ignoreUnfixed) {
            filters.add(new UnfixedFilter());
        }
        SeverityFilter severity = null;
        if (!options.severities.isEmpty()) {
            try {
                severity = SeverityFilter.parse(String.join(",", options.severities));
            } catch (IllegalArgumentException e) {
                throw RegistryException.builder(FailureCode.CONFIG_INVALID, "--severity: " + e.getMessage())
                        .hint("Give a comma-separated list, e.g. --severity CRITICAL,HIGH.").build();
            }
            filters.add(severity);
        }
        return new ReportFilters(filters, severity);
    }

    ScanReport apply(ScanReport report) {
        return FindingFilter.applyAll(report, filters);
    }

    /** {@code --exit-code N} when findings of the {@code --severity} list (or any, without it) remain, else 0. */
    int exitCode(ScanReport report, int exitCode) {
        return ExitPolicy.of(exitCode, severity == null ? List.of() : severity.kept()).exitCodeFor(report);
    }

    private static Path existing(Path file, String option) {
        if (!Files.isRegularFile(file)) {
            throw RegistryException.builder(FailureCode.REPORT_INPUT_INVALID, option + " " + file + " does not exist")
                    .evidence("file", file).build();
        }
        return file;
    }
}
