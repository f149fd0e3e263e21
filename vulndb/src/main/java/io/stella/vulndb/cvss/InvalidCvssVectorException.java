package io.stella.vulndb.cvss;

/** A CVSS vector that is not valid for its version; the message says why, in words an importer can report. */
public final class InvalidCvssVectorException extends Exception {
    public InvalidCvssVectorException(String reason) {
        super(reason);
    }
}
