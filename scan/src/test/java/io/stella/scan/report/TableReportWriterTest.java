package io.stella.scan.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.scan.ReportFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TableReportWriterTest {
    private static String table(io.stella.scan.ScanReport report) {
        return new String(Written.bytes("table", report), StandardCharsets.UTF_8);
    }

    @Test
    void matchesTheGoldenFile() throws IOException {
        GoldenFiles.assertTextMatches("table.txt", Written.bytes("table", ReportFixtures.report()));
    }

    @Test
    void headerNamesTargetDatabaseAndItsStaleness() {
        String table = table(ReportFixtures.report());
        assertThat(table).contains("Target:   " + ReportFixtures.IMAGE + " (container image)")
                .contains("Digest:   " + ReportFixtures.DIGEST)
                .contains("OS:       Alpine Linux v3.20 (alpine 3.20.3)")
                .contains("Database: /var/lib/stella/vulndb.sqlite, age 10d 3h (STALE)")
                .contains("  osv:PyPI: 14873 records, imported 2025-03-04T06:10:00Z, newest record 2025-03-03T23:02:45Z");
    }

    @Test
    void groupsBySeverityMostSevereFirstWithTotals() {
        String table = table(ReportFixtures.report());
        assertThat(table).contains("Total: 5 (CRITICAL: 1, HIGH: 1, MEDIUM: 1, LOW: 1, UNKNOWN: 1)");
        assertThat(table.indexOf("CRITICAL (1)")).isLessThan(table.indexOf("HIGH (1)"));
        assertThat(table.indexOf("HIGH (1)")).isLessThan(table.indexOf("MEDIUM (1)"));
        assertThat(table.indexOf("LOW (1)")).isLessThan(table.indexOf("UNKNOWN (1)"));
        assertThat(table).containsPattern("busybox +1\\.36\\.1-r29 +- +CVE-2023-42366 +busybox: heap overflow in awk");
        assertThat(table).containsPattern("musl +1\\.2\\.5-r0 +1\\.2\\.5-r1 +CVE-2025-26519");
    }

    @Test
    void listsWhatLimitsTheResult() {
        String table = table(ReportFixtures.report());
        assertThat(table).contains("Not evaluated (no vulnerability data for these ecosystems):\n  npm: 1 packages")
                .contains("Problems (advisories that could not be evaluated):\n  GHSA-w596-4wvx-j9j6")
                .contains("Suppressed: 1 (GHSA-34jh-p97f-mpxf in urllib3: not_affected: vulnerable_code_not_in_execute_path)")
                .contains("Warnings:\n  " + ReportFixtures.STALE_WARNING)
                .contains("unreadable-archive: not a zip archive");
    }

    @Test
    void aReportWithoutFindingsSaysHowManyPackagesWereEvaluatedAndWhatWasNot() {
        String table = table(ReportFixtures.withoutFindings());
        assertThat(table).contains("No vulnerabilities found in 6 evaluated packages")
                .doesNotContain("Total:")
                .contains("npm: 1 packages")
                .contains(ReportFixtures.STALE_WARNING);
    }
}
