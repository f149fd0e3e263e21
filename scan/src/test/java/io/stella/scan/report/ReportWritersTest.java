package io.stella.scan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.scan.ReportFixtures;
import org.junit.jupiter.api.Test;

class ReportWritersTest {
    @Test
    void everyFormatIsRegisteredAndNamesItself() {
        assertThat(ReportWriters.formats()).containsExactly("cyclonedx-json", "json", "sarif", "spdx-json", "table");
        for (String format : ReportWriters.formats()) {
            assertThat(ReportWriters.forFormat(format, ReportFixtures.CONTEXT).format()).isEqualTo(format);
        }
    }

    @Test
    void anUnknownFormatIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> ReportWriters.forFormat("html", ReportFixtures.CONTEXT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'html'")
                .hasMessageContaining("cyclonedx-json, json, sarif, spdx-json, table");
    }

    @Test
    void everyFormatIsReproducible() {
        for (String format : ReportWriters.formats()) {
            assertThat(Written.bytes(format, ReportFixtures.report()))
                    .as(format).isEqualTo(Written.bytes(format, ReportFixtures.report()));
        }
    }
}
