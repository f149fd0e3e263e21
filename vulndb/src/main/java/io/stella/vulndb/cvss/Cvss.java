package io.stella.vulndb.cvss;

import io.stella.vulndb.model.Severity;
import io.stella.vulndb.model.SeverityRating;
import java.util.Optional;

/**
 * Scores of CVSS vectors (v3.0, v3.1, v4.0).
 *
 * <p>v3.x: the base score; temporal and environmental metrics are validated and ignored. v4.0: the
 * score the specification gives the vector as written; base metrics alone give CVSS-B, and threat and
 * environmental metrics, when present, are applied (CVSS-BT/BE/BTE); supplemental metrics are
 * validated and never change the score. Metric order is not enforced.
 */
public final class Cvss {
    private Cvss() {
    }

    /**
     * The score and qualitative severity of a vector such as {@code CVSS:3.1/AV:N/AC:L/...} or
     * {@code CVSS:4.0/AV:N/...}; empty when the vector is not a valid v3.x or v4.0 vector
     * ({@link #explain} says why).
     */
    public static Optional<SeverityRating> rate(String vector) {
        try {
            double score = score(vector);
            return Optional.of(new SeverityRating(Severity.fromScore(score), score, vector.trim()));
        } catch (InvalidCvssVectorException e) {
            return Optional.empty();
        }
    }

    /** Why a vector is invalid (e.g. "metric AV appears more than once"); empty when it is valid. */
    public static Optional<String> explain(String vector) {
        try {
            score(vector);
            return Optional.empty();
        } catch (InvalidCvssVectorException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The score of a valid vector, as {@link #rate} computes it. */
    public static double score(String vector) throws InvalidCvssVectorException {
        if (vector == null || vector.isBlank()) {
            throw new InvalidCvssVectorException("empty vector");
        }
        String v = vector.trim();
        if (v.startsWith("CVSS:3.1/")) {
            return Cvss3Scorer.baseScore(v, Cvss3Scorer.V3_1);
        }
        if (v.startsWith("CVSS:3.0/")) {
            return Cvss3Scorer.baseScore(v, Cvss3Scorer.V3_0);
        }
        if (v.startsWith("CVSS:4.0/")) {
            return Cvss4Scorer.score(v);
        }
        int slash = v.indexOf('/');
        String prefix = slash < 0 ? v : v.substring(0, slash);
        throw new InvalidCvssVectorException("unknown prefix '" + prefix
                + "'; expected CVSS:3.0, CVSS:3.1 or CVSS:4.0 (CVSS v2 vectors are not scored)");
    }
}
