package io.stella.image;

/** What a layer entry is. Whiteouts and opaque markers are decoded from their {@code .wh.} file names. */
public enum EntryType {
    FILE, DIRECTORY, SYMLINK, HARDLINK,
    /** {@code .wh.<name>}: deletes {@code name} (and everything below it) from the layers underneath. */
    WHITEOUT,
    /** {@code .wh..wh..opq}: hides everything the layers underneath have in this directory. */
    OPAQUE,
    /** Devices, fifos and the like: recorded, never analysed. */
    OTHER
}
