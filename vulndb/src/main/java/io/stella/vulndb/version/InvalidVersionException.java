package io.stella.vulndb.version;

/** A version string the scheme cannot order: the matcher reports it as "cannot compare", never as "not affected". */
public final class InvalidVersionException extends Exception {
    private final String scheme;
    private final String version;

    public InvalidVersionException(String scheme, String version, String reason) {
        super("'" + version + "' is not a valid " + scheme + " version: " + reason);
        this.scheme = scheme;
        this.version = version;
    }

    public String scheme() {
        return scheme;
    }

    public String version() {
        return version;
    }
}
