package io.stella.image.source;

import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;

/** IMAGE_SOURCE_INVALID failures that say which file and what is wrong with it. */
final class SourceFailures {
    private SourceFailures() {}

    static RegistryException invalid(String where, String what) {
        return RegistryException.builder(FailureCode.IMAGE_SOURCE_INVALID, where + ": " + what)
                .evidence("source", where)
                .build();
    }

    static RegistryException invalid(String where, String what, Throwable cause) {
        return RegistryException.builder(FailureCode.IMAGE_SOURCE_INVALID, where + ": " + what)
                .evidence("source", where)
                .cause(cause)
                .build();
    }
}
