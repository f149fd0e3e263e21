package io.stella.scan.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.scan.ReportFixtures;
import io.stella.scan.ScanFinding;
import io.stella.scan.ScanReport;
import io.stella.vulndb.model.Severity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimpleFiltersTest {
    @Test
    void severityFilterKeepsTheListedSeveritiesAndLeavesTheRestOfTheReport() {
        ScanReport report = ReportFixtures.report();
        ScanReport filtered = SeverityFilter.parse("critical, HIGH").apply(report);
        assertThat(filtered.findings()).containsExactly(ReportFixtures.CRITICAL, ReportFixtures.HIGH);
        assertThat(filtered.suppressed()).isEqualTo(report.suppressed());
        assertThat(filtered.notEvaluated()).isEqualTo(report.notEvaluated());
        assertThat(filtered.warnings()).isEqualTo(report.warnings());
        assertThat(report.findings()).hasSize(5);
        assertThat(SeverityFilter.parse("UNKNOWN").apply(report).findings()).containsExactly(ReportFixtures.UNKNOWN);
    }

    @Test
    void aSeverityListWithAnUnknownWordIsRefused() {
        assertThatThrownBy(() -> SeverityFilter.parse("CRITICAL,SEVERE"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SEVERE");
        assertThatThrownBy(() -> SeverityFilter.parse(" , ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unfixedFilterDropsFindingsWithoutFixedVersion() {
        List<ScanFinding> kept = new UnfixedFilter().apply(ReportFixtures.report()).findings();
        assertThat(kept).containsExactly(ReportFixtures.CRITICAL, ReportFixtures.MEDIUM, ReportFixtures.LOW,
                ReportFixtures.UNKNOWN);
    }

    @Test
    void filtersApplyInOrder() {
        ScanReport filtered = FindingFilter.applyAll(ReportFixtures.report(),
                List.of(new SeverityFilter(Set.of(Severity.CRITICAL, Severity.HIGH)), new UnfixedFilter()));
        assertThat(filtered.findings()).containsExactly(ReportFixtures.CRITICAL);
    }
}
