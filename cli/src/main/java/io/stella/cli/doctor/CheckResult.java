package io.stella.cli.doctor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one check found for one subject.
 *
 * @param evidence what was observed, in the order it was observed (never a secret)
 * @param fix      what to do about a WARN or FAIL; null when nothing needs doing
 */
public record CheckResult(String checkId, String subject, Status status, String summary, Map<String, String> evidence,
                          String fix) {

    /** Ordered from best to worst, so the worst of several is the maximum. */
    public enum Status {
        PASS, SKIP, WARN, FAIL;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status worst(Status a, Status b) {
            return a.compareTo(b) >= 0 ? a : b;
        }
    }

    public CheckResult {
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    public static CheckResult pass(String checkId, String subject, String summary, Map<String, String> evidence) {
        return new CheckResult(checkId, subject, Status.PASS, summary, evidence, null);
    }

    public static CheckResult skip(String checkId, String subject, String summary, String fix) {
        return new CheckResult(checkId, subject, Status.SKIP, summary, Map.of(), fix);
    }
}
