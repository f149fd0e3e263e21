package io.stella.scan.store;

import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;

/** The {@code STORE_UNAVAILABLE} failures of a results store, each naming the store. */
final class StoreFailures {

    private StoreFailures() {
    }

    /** The store cannot be opened: "cannot open the results store STORE: WHY". */
    static RegistryException cannotOpen(String store, String why, Throwable cause) {
        return failure(store, "cannot open the results store " + store + ": " + why, null, cause);
    }

    static RegistryException cannotOpen(String store, String why, String hint, Throwable cause) {
        return failure(store, "cannot open the results store " + store + ": " + why, hint, cause);
    }

    /** A read or write of an open store failed: "WHAT in the results store STORE failed: WHY". */
    static RegistryException failed(String store, String what, String why, Throwable cause) {
        return failure(store, what + " in the results store " + store + " failed: " + why, null, cause);
    }

    private static RegistryException failure(String store, String message, String hint, Throwable cause) {
        return RegistryException.builder(FailureCode.STORE_UNAVAILABLE, message)
                .hint(hint)
                .evidence("store", store)
                .cause(cause)
                .build();
    }
}
