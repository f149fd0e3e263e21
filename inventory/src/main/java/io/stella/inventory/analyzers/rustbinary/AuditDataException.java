package io.stella.inventory.analyzers.rustbinary;

/** A {@code .dep-v0} section that cannot be decompressed or is not cargo-auditable's JSON. */
public final class AuditDataException extends Exception {
    public AuditDataException(String message) {
        super(message);
    }
}
