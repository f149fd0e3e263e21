package io.stella.registry.vendor;

import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.util.Optional;
import java.util.Set;

/** What a failure says about itself, read from its code and evidence, for the vendors' explanations. */
record FailureFacts(RegistryException failure) {
    private static final Set<FailureCode> DENIED = Set.of(FailureCode.AUTH_INSUFFICIENT_SCOPE,
            FailureCode.REPOSITORY_NOT_FOUND_OR_DENIED);

    FailureCode code() {
        return failure.code();
    }

    /** Valid credentials were refused the repository, or the registry hides whether it exists. */
    boolean denied() {
        return DENIED.contains(failure.code());
    }

    /** The registry would not say whether the repository exists at all. */
    boolean maybeMissing() {
        return failure.code() == FailureCode.REPOSITORY_NOT_FOUND_OR_DENIED;
    }

    boolean rejected() {
        return failure.code() == FailureCode.AUTH_INVALID_CREDENTIALS;
    }

    boolean noCredentials() {
        return failure.code() == FailureCode.AUTH_NO_CREDENTIALS;
    }

    boolean rateLimited() {
        return failure.code() == FailureCode.REGISTRY_RATE_LIMITED;
    }

    /** The ping of {@code /v2/} got an answer that is no registry API (e.g. 404 from a web UI port). */
    boolean noRegistryApi() {
        return failure.code() == FailureCode.REGISTRY_PROTOCOL_ERROR
                && failure.getMessage().contains("does not look like a registry v2 API");
    }

    /** The token service (not the registry) refused: its realm is in the evidence. */
    boolean fromTokenService() {
        return failure.evidence().containsKey("realm");
    }

    Optional<String> repository() {
        return Optional.ofNullable(failure.repository());
    }

    /** The first path segment of the repository: Harbor project, Quay/GHCR namespace, Nexus/ICR namespace. */
    Optional<String> namespace() {
        return repository().map(r -> r.contains("/") ? r.substring(0, r.indexOf('/')) : r);
    }

    /** The action asked for ("pull" …), from the requested scope. */
    String action() {
        String scope = failure.evidence().get("scope_requested");
        if (scope != null) {
            int colon = scope.lastIndexOf(':');
            if (colon > 0 && colon + 1 < scope.length()) {
                return scope.substring(colon + 1);
            }
        }
        return "pull";
    }

    Optional<String> evidence(String key) {
        return Optional.ofNullable(failure.evidence().get(key));
    }

    String registry() {
        return failure.registry() != null ? failure.registry() : "the registry";
    }
}
