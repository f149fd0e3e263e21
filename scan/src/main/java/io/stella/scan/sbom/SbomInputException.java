package io.stella.scan.sbom;

import java.io.IOException;
import java.nio.file.Path;

/** An SBOM file that cannot be used as scan input; the message names the file, the place and what to do. */
public final class SbomInputException extends IOException {
    private final transient Path file;
    private final String location;

    public SbomInputException(Path file, String location, String problem, Throwable cause) {
        super(file + (location == null ? "" : " at " + location) + ": " + problem, cause);
        this.file = file;
        this.location = location;
    }

    public SbomInputException(Path file, String location, String problem) {
        this(file, location, problem, null);
    }

    public Path file() {
        return file;
    }

    /** JSON pointer or line:column, null when the problem concerns the whole file. */
    public String location() {
        return location;
    }
}
