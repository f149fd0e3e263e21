package io.stella.inventory.analyzers.gobinary;

/** A Go binary whose build information is missing or malformed. */
public final class GoBuildInfoException extends Exception {
    public GoBuildInfoException(String message) {
        super(message);
    }
}
