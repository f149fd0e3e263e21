package io.stella.registry.auth.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.registry.failure.RegistryException;

/** Asserts that secret values appear nowhere a failure is shown: message, hint, evidence, causes. */
public final class NoSecretLeaks {

    private NoSecretLeaks() {
    }

    public static void assertNoSecretIn(RegistryException failure, String... secrets) {
        for (String secret : secrets) {
            assertThat(failure.getMessage()).doesNotContain(secret);
            assertThat(failure.hint()).doesNotContain(secret);
            assertThat(failure.toString()).doesNotContain(secret);
            assertThat(failure.evidence().values()).allSatisfy(value -> assertThat(value).doesNotContain(secret));
            assertThat(failure.evidence().keySet()).allSatisfy(key -> assertThat(key).doesNotContain(secret));
            for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
                assertThat(String.valueOf(cause.getMessage())).doesNotContain(secret);
            }
        }
    }

    public static void assertNoSecretIn(Object record, String... secrets) {
        for (String secret : secrets) {
            assertThat(String.valueOf(record)).doesNotContain(secret);
        }
    }
}
