package io.stella.cli.doctor;

import io.stella.registry.failure.FailureCode;
import io.stella.vulndb.Staleness;
import io.stella.vulndb.VulnDatabase;
import io.stella.vulndb.VulnDbException;
import io.stella.vulndb.store.DatabaseStatus;
import io.stella.vulndb.store.SourceStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vulnerability database scans match against: missing or unreadable fails; older than {@code vulndb.max_age}
 * warns, as every scan report then does (only {@code --fail-on-stale} turns that into a failure).
 */
public final class VulnDbFreshnessCheck implements DoctorCheck {
    public static final String ID = "check.scanner.vulndb-freshness";
    private static final String SUBJECT = "vulnerability database";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "the vulnerability database exists, is readable and is younger than vulndb.max_age";
    }

    @Override
    public List<CheckResult> run(DoctorContext context) {
        return List.of(check(context));
    }

    private CheckResult check(DoctorContext context) {
        Path file = context.vulnDatabase();
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("database", file.toString());
        Duration maxAge = context.config().vulndb().maxAgeOrDefault();
        evidence.put("max_age", Staleness.describe(maxAge));
        if (!Files.isRegularFile(file)) {
            evidence.put("code", FailureCode.VULNDB_MISSING.name());
            return new CheckResult(ID, SUBJECT, CheckResult.Status.FAIL, "VULNDB_MISSING: there is no database at " + file,
                    evidence, FailureCode.VULNDB_MISSING.defaultHint());
        }
        DatabaseStatus status;
        try {
            status = VulnDatabase.open(file, context.clock(), v -> java.util.Optional.empty()).status();
        } catch (VulnDbException e) {
            evidence.put("code", e.code().name());
            e.evidence().forEach(evidence::putIfAbsent);
            return new CheckResult(ID, SUBJECT, CheckResult.Status.FAIL, e.code() + ": " + e.getMessage(), evidence,
                    e.hint() != null ? e.hint() : FailureCode.valueOf(e.code().name()).defaultHint());
        }
        if (status.sources().isEmpty()) {
            evidence.put("code", FailureCode.VULNDB_MISSING.name());
            return new CheckResult(ID, SUBJECT, CheckResult.Status.FAIL, "VULNDB_MISSING: the database holds no source",
                    evidence, FailureCode.VULNDB_MISSING.defaultHint());
        }
        for (SourceStatus source : status.sources()) {
            evidence.put("source " + source.name(), "imported " + source.importedAt() + ", "
                    + source.totalRecords() + " records");
        }
        Staleness.Verdict verdict = new Staleness(maxAge, context.clock()).check(status);
        evidence.put("age", Staleness.describe(verdict.age()));
        if (verdict.stale()) {
            evidence.put("code", FailureCode.VULNDB_STALE.name());
            return new CheckResult(ID, SUBJECT, CheckResult.Status.WARN, "VULNDB_STALE: " + verdict.message(), evidence,
                    FailureCode.VULNDB_STALE.defaultHint());
        }
        return CheckResult.pass(ID, SUBJECT, Staleness.describe(verdict.age()) + " old (maximum "
                + Staleness.describe(maxAge) + "), " + status.sources().size() + " source(s)", evidence);
    }
}
