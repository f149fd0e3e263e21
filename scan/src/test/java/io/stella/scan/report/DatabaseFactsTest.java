package io.stella.scan.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.scan.ReportFixtures;
import io.stella.scan.ScanReport;
import io.stella.vulndb.store.SourceStatus;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every format names the database it was matched against: each source, its import time, and staleness. */
class DatabaseFactsTest {
    @ParameterizedTest
    @ValueSource(strings = {"table", "json", "sarif", "cyclonedx-json", "spdx-json"})
    void everyFormatNamesEachSourceAndItsImportTime(String format) {
        ScanReport report = ReportFixtures.report();
        assertThat(report.database().sources()).hasSizeGreaterThan(1);
        assertThat(report.databaseStale()).isTrue();
        String written = new String(Written.bytes(format, report), StandardCharsets.UTF_8);
        for (SourceStatus source : report.database().sources()) {
            assertThat(written).contains(source.name()).contains(source.importedAt().toString());
        }
        assertThat(written.toLowerCase(java.util.Locale.ROOT)).contains("stale");
    }
}
