package io.stella.cli;

import io.stella.cli.logging.EventLog;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;

/**
 * A failure stella reports to the user, as an ERROR event of the log file: registry, repository, code and hint, the
 * HTTP status and credential source when known. Authentication failures are the {@code ScannerRegistryAuthFailed}
 * event. Messages and evidence are stella's own, already free of secrets (and the log file masks them again).
 */
final class FailureLog {
    private FailureLog() {
    }

    static void log(RegistryException e) {
        String code = e.code().name();
        boolean auth = code.startsWith("AUTH_") || e.code() == FailureCode.CATALOG_DENIED;
        String component = code.startsWith("VULNDB_") ? "db" : e.registry() != null || auth ? "registry" : "cli";
        EventLog.error(component, auth ? "ScannerRegistryAuthFailed" : "ScannerFailed", code + ": " + e.getMessage(),
                "registry", e.registry(), "repository", e.repository(), "code", code, "hint", e.hint(),
                "http_status", e.evidence().get("http_status"),
                "credential_source", e.evidence().get("credential_source"));
    }
}
