package io.stella.cli.doctor;

import io.stella.registry.failure.RegistryException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The outcome of each step of a check, in order, as evidence; and the result when a step fails. */
final class StepLog {
    private final Map<String, String> steps = new LinkedHashMap<>();

    void ok(String step, String detail) {
        steps.put(step, "ok: " + detail);
    }

    void warn(String step, String detail) {
        steps.put(step, "warn: " + detail);
    }

    void skipped(String step, String why) {
        steps.put(step, "skipped: " + why);
    }

    Map<String, String> evidence() {
        return new LinkedHashMap<>(steps);
    }

    /** The check fails at {@code step}: its code, message and hint, with the failure's own evidence after the steps. */
    CheckResult fail(String checkId, String subject, String step, RegistryException e) {
        steps.put(step, "FAILED: " + e.code() + ": " + e.getMessage());
        Map<String, String> evidence = evidence();
        evidence.put("code", e.code().name());
        e.evidence().forEach((k, v) -> evidence.putIfAbsent(k, v));
        return new CheckResult(checkId, subject, CheckResult.Status.FAIL,
                e.code() + " at step " + step + ": " + e.getMessage(), evidence, e.hint());
    }
}
