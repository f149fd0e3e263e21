package io.stella.vulndb;

import io.stella.vulndb.model.Severity;
import io.stella.vulndb.model.SeverityRating;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/** The shared test data (system property {@code stella.testdata}); tests fail, never skip, without it. */
final class TestData {
    private TestData() {
    }

    static Path root() {
        String configured = System.getProperty("stella.testdata", System.getenv("STELLA_TESTDATA"));
        if (configured == null || !Files.isDirectory(Path.of(configured))) {
            throw new IllegalStateException("shared test data not found: set -Dstella.testdata (configured: "
                    + configured + ")");
        }
        return Path.of(configured);
    }

    static Path osv(String zip) {
        return root().resolve("osv").resolve(zip);
    }

    /**
     * Stands in for CVSS scoring, whose numbers these tests must not depend on: the score is the vector's
     * length / 10, so a test can tell which vector won without knowing CVSS.
     */
    static final Function<String, Optional<SeverityRating>> FAKE_CVSS =
            vector -> Optional.of(new SeverityRating(Severity.HIGH, vector.length() / 10.0, vector));
}
