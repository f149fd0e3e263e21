package io.stella.scan.groundtruth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared test data ({@code ../shared/testdata}, or {@code stella.testdata}); its absence fails the test. */
final class TestData {
    private TestData() {
    }

    static Path path(String relative) {
        Path root = Path.of(System.getProperty("stella.testdata", "../../shared/testdata"));
        Path file = root.resolve(relative);
        assertThat(Files.exists(file)).as("shared test data " + file + " (set STELLA_TESTDATA / stella.testdata)").isTrue();
        return file;
    }
}
