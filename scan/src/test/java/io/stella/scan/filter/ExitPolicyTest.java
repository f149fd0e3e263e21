package io.stella.scan.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.scan.ReportFixtures;
import io.stella.vulndb.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExitPolicyTest {
    @Test
    void returnsTheExitCodeWhenAFindingAtOrAboveTheLowestListedSeverityRemains() {
        ExitPolicy policy = ExitPolicy.of(3, List.of(Severity.CRITICAL, Severity.HIGH));
        assertThat(policy.threshold()).isEqualTo(Severity.HIGH);
        assertThat(policy.exitCodeFor(ReportFixtures.withFindings(List.of(ReportFixtures.HIGH)))).isEqualTo(3);
        assertThat(policy.exitCodeFor(ReportFixtures.withFindings(List.of(ReportFixtures.CRITICAL)))).isEqualTo(3);
        assertThat(policy.exitCodeFor(ReportFixtures.withFindings(List.of(ReportFixtures.MEDIUM, ReportFixtures.LOW))))
                .isZero();
    }

    @Test
    void withoutSeverityListEveryFindingCountsAndNoFindingMeansZero() {
        ExitPolicy policy = ExitPolicy.of(1, List.of());
        assertThat(policy.exitCodeFor(ReportFixtures.withFindings(List.of(ReportFixtures.UNKNOWN)))).isEqualTo(1);
        assertThat(policy.exitCodeFor(ReportFixtures.withoutFindings())).isZero();
        assertThat(ExitPolicy.of(5, List.of(Severity.UNKNOWN, Severity.CRITICAL)).threshold()).isEqualTo(Severity.UNKNOWN);
    }
}
