package io.stella.cli.doctor;

import io.stella.registry.failure.RegistryException;
import io.stella.scan.store.LockResult;
import io.stella.scan.store.ResultsStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results store of registry scans: it opens (creating or migrating it, as a scan would), its schema is the
 * one this stella writes, and a write goes through: a scan lock taken and released, which leaves nothing behind.
 */
public final class StoreCheck implements DoctorCheck {
    public static final String ID = "check.scanner.store";
    private static final String SUBJECT = "results store";
    /** Not a registry host (no dot or port), so it can never be a real scan's lock. */
    static final String PROBE_LOCK = "stella-doctor-write-probe";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "the results store opens, its schema is current and it takes writes";
    }

    @Override
    public List<CheckResult> run(DoctorContext context) {
        Map<String, String> evidence = new LinkedHashMap<>();
        try (ResultsStore store = context.openStore().get()) {
            evidence.put("store", store.describe());
            int version = store.schemaVersion();
            evidence.put("schema_version", version + " (this stella: " + ResultsStore.CURRENT_SCHEMA_VERSION + ")");
            if (version != ResultsStore.CURRENT_SCHEMA_VERSION) {
                return List.of(new CheckResult(ID, SUBJECT, CheckResult.Status.FAIL, "STORE_UNAVAILABLE: schema version "
                        + version + " is not the current " + ResultsStore.CURRENT_SCHEMA_VERSION, evidence,
                        "Run the stella version that matches the store, or point store: at a new database."));
            }
            LockResult lock = store.tryLock(PROBE_LOCK, 0, Duration.ofMinutes(1));
            if (lock instanceof LockResult.Acquired acquired) {
                acquired.lock().close();
                evidence.put("write", "ok: lock row written and removed");
            } else {
                evidence.put("write", "not probed: another stella doctor holds the probe lock");
            }
            return List.of(CheckResult.pass(ID, SUBJECT, "opens, schema " + version + " is current, writable", evidence));
        } catch (RegistryException e) {
            evidence.put("code", e.code().name());
            e.evidence().forEach(evidence::putIfAbsent);
            return List.of(new CheckResult(ID, SUBJECT, CheckResult.Status.FAIL, e.code() + ": " + e.getMessage(),
                    evidence, e.hint()));
        }
    }
}
