package io.stella.registry.failure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one exception type of the registry client: a stable code, a one-line message, the fix, and
 * evidence (HTTP status, registry error code, challenge, scopes, credential source). Evidence values
 * must never hold a secret; build it with {@link Builder#evidence} from already-redacted values.
 */
public final class RegistryException extends RuntimeException {
    private final FailureCode code;
    private final String hint;
    private final String registry;
    private final String repository;
    private final Map<String, String> evidence;

    private RegistryException(Builder builder) {
        super(builder.message, builder.cause);
        this.code = builder.code;
        this.hint = builder.hint != null ? builder.hint : builder.code.defaultHint();
        this.registry = builder.registry;
        this.repository = builder.repository;
        this.evidence = Collections.unmodifiableMap(new LinkedHashMap<>(builder.evidence));
    }

    public static Builder builder(FailureCode code, String message) {
        return new Builder(code, message);
    }

    public FailureCode code() {
        return code;
    }

    public String hint() {
        return hint;
    }

    /** The registry host involved, or null. */
    public String registry() {
        return registry;
    }

    /** The repository involved, or null. */
    public String repository() {
        return repository;
    }

    public Map<String, String> evidence() {
        return evidence;
    }

    /** A copy with more evidence and, where still unknown, the registry and repository filled in. */
    public RegistryException withContext(String registry, String repository, Map<String, String> more) {
        Builder b = toBuilder();
        if (b.registry == null) {
            b.registry = registry;
        }
        if (b.repository == null) {
            b.repository = repository;
        }
        more.forEach(b.evidence::putIfAbsent);
        return b.build();
    }

    public Builder toBuilder() {
        Builder b = new Builder(code, getMessage());
        b.hint = hint;
        b.registry = registry;
        b.repository = repository;
        b.cause = getCause();
        b.evidence.putAll(evidence);
        return b;
    }

    @Override
    public String toString() {
        return code + ": " + getMessage();
    }

    public static final class Builder {
        private final FailureCode code;
        private final String message;
        private String hint;
        private String registry;
        private String repository;
        private Throwable cause;
        private final Map<String, String> evidence = new LinkedHashMap<>();

        private Builder(FailureCode code, String message) {
            this.code = Objects.requireNonNull(code, "code");
            this.message = Objects.requireNonNull(message, "message");
        }

        public Builder hint(String hint) {
            this.hint = hint;
            return this;
        }

        public Builder registry(String registry) {
            this.registry = registry;
            return this;
        }

        public Builder repository(String repository) {
            this.repository = repository;
            return this;
        }

        public Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        /** Adds one piece of evidence; null values are left out. */
        public Builder evidence(String key, Object value) {
            if (value != null) {
                evidence.put(key, String.valueOf(value));
            }
            return this;
        }

        public RegistryException build() {
            return new RegistryException(this);
        }
    }
}
