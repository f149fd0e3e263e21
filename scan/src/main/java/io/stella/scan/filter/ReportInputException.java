package io.stella.scan.filter;

import java.io.IOException;

/**
 * An ignore file or VEX document stella cannot use.
 *
 * @see #file()
 * @see #location()
 * @see #reason()
 */
public final class ReportInputException extends IOException {
    private final String file;
    private final String location;
    private final String reason;

    /**
     * @param file     the file as the user named it
     * @param location {@code line 12} or a JSON pointer such as {@code /statements/2/status}; null when the
     *                 whole file is at fault
     * @param reason   what is wrong, in plain words
     */
    public ReportInputException(String file, String location, String reason) {
        super(file + (location == null ? "" : " at " + location) + ": " + reason);
        this.file = file;
        this.location = location;
        this.reason = reason;
    }

    public ReportInputException(String file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.location = null;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public String location() {
        return location;
    }

    public String reason() {
        return reason;
    }
}
