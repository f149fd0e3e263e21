package io.stella.cli;

import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.vulndb.VulnDatabase;
import io.stella.vulndb.VulnDbException;
import io.stella.vulndb.store.VulnerabilityStore;
import java.nio.file.Path;

/** The vulnerability database as the scan commands use it, and its failures in the CLI's taxonomy. */
final class VulnDbAccess {
    private VulnDbAccess() {
    }

    /** The database's read side; {@code VULNDB_MISSING} when there is none, so nothing is ever matched against nothing. */
    static VulnerabilityStore openForScan(Path file) {
        VulnerabilityStore store = VulnDatabase.open(file).openStore();
        if (store.status().sources().isEmpty()) {
            store.close();
            throw new VulnDbException(VulnDbException.Code.VULNDB_MISSING, "the vulnerability database " + file
                    + " holds no source", FailureCode.VULNDB_MISSING.defaultHint(),
                    java.util.Map.of("database", file.toString()), null);
        }
        return store;
    }

    static RegistryException asFailure(VulnDbException e) {
        RegistryException.Builder failure = RegistryException.builder(FailureCode.valueOf(e.code().name()), e.getMessage())
                .cause(e);
        if (e.hint() != null) {
            failure.hint(e.hint());
        }
        e.evidence().forEach(failure::evidence);
        return failure.build();
    }
}
