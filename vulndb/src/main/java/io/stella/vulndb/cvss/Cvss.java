package io.stella.vulndb.cvss;

import io.stella.vulndb.model.SeverityRating;
import java.util.Optional;

/** Base scores of CVSS vectors (v3.0, v3.1, v4.0). */
public final class Cvss {
    private Cvss() {
    }

    /**
     * The base score and qualitative severity of a vector such as {@code CVSS:3.1/AV:N/AC:L/...} or
     * {@code CVSS:4.0/AV:N/...}; empty when the vector is not a valid v3.x or v4.0 base vector.
     */
    public static Optional<SeverityRating> rate(String vector) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
