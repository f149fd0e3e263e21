package io.stella.scan.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.scan.ReportFixtures;
import io.stella.scan.ScanReport;
import io.stella.scan.Suppression;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IgnoreFileTest {
    private static final Clock MARCH_14 = Clock.fixed(Instant.parse("2025-03-14T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsIdsCommentsAndExpiryDates() throws Exception {
        IgnoreFile file = IgnoreFile.parse(".trivyignore", """
                # accepted until the base image is rebuilt
                CVE-2023-42366

                CVE-2024-35195 exp:2025-06-30   # requests, fixed upstream
                \tGO-2024-2687\texp:2025-01-01
                """);
        assertThat(file.entries()).containsExactly(
                new IgnoreEntry("CVE-2023-42366", null, 2),
                new IgnoreEntry("CVE-2024-35195", LocalDate.of(2025, 6, 30), 4),
                new IgnoreEntry("GO-2024-2687", LocalDate.of(2025, 1, 1), 5));
    }

    @Test
    void suppressesByIdAndByAliasButNotWithAnExpiredEntry() throws Exception {
        IgnoreFile file = IgnoreFile.parse(".trivyignore", """
                CVE-2023-42366
                cve-2024-35195 exp:2025-06-30
                GO-2024-2687 exp:2025-03-14
                """);
        ScanReport filtered = new IgnoreFileFilter(file, MARCH_14).apply(ReportFixtures.report());

        assertThat(filtered.findings()).containsExactly(ReportFixtures.CRITICAL, ReportFixtures.LOW, ReportFixtures.UNKNOWN);
        assertThat(filtered.suppressed()).hasSize(3);
        assertThat(filtered.suppressed().subList(1, 3)).extracting(Suppression::finding, Suppression::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ReportFixtures.HIGH, "ignored by .trivyignore:1"),
                        // The GHSA is hidden by its CVE alias.
                        org.assertj.core.groups.Tuple.tuple(ReportFixtures.MEDIUM, "ignored by .trivyignore:2"));
        assertThat(filtered.warnings()).contains(
                "ignore entry GO-2024-2687 at .trivyignore:3 expired on 2025-03-14 and no longer applies");
    }

    @Test
    void aMalformedLineIsRefusedWithItsNumber() {
        assertThatThrownBy(() -> IgnoreFile.parse("ci/.trivyignore", "CVE-2023-42366\nCVE-2024-35195 exp:30.06.2025\n"))
                .isInstanceOfSatisfying(ReportInputException.class, e -> {
                    assertThat(e.file()).isEqualTo("ci/.trivyignore");
                    assertThat(e.location()).isEqualTo("line 2");
                    assertThat(e.reason()).contains("30.06.2025", "YYYY-MM-DD");
                });
        assertThatThrownBy(() -> IgnoreFile.parse("x", "CVE-2023-42366 until-friday\n"))
                .isInstanceOf(ReportInputException.class).hasMessage("x at line 1: unexpected 'until-friday' after"
                        + " the id (only exp:YYYY-MM-DD may follow it)");
    }
}
