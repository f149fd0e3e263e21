package io.stella.inventory.analyzers.rpm;

/** A structure inside an rpm database or header blob is not what the format allows; the message says what. */
final class MalformedRpmDataException extends Exception {
    MalformedRpmDataException(String message) {
        super(message);
    }
}
