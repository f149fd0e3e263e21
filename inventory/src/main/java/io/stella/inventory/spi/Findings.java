package io.stella.inventory.spi;

import io.stella.inventory.Package;

/** Where an analyzer reports what it found. */
public interface Findings {
    /** A package; when its file path is null the analysed file's path is used. */
    void add(Package pkg);

    /** Something the user should know, e.g. a malformed record that was skipped (say which and why). */
    void warn(String kind, String message);
}
