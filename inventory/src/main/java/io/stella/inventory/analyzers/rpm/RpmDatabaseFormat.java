package io.stella.inventory.analyzers.rpm;

import java.util.List;
import java.util.Optional;

/** The three storage formats of rpm's package database, told apart by file name as rpm does. */
enum RpmDatabaseFormat {
    BERKELEY_DB("Packages"),
    NDB("Packages.db"),
    SQLITE("rpmdb.sqlite");

    /** Where distributions keep the database: the classic place, the usr-merged one, and older SUSE's. */
    static final List<String> DIRECTORIES = List.of("var/lib/rpm/", "usr/lib/sysimage/rpm/", "usr/share/rpm/");

    private final String fileName;

    RpmDatabaseFormat(String fileName) {
        this.fileName = fileName;
    }

    static Optional<RpmDatabaseFormat> forPath(String path) {
        for (String directory : DIRECTORIES) {
            if (path.startsWith(directory)) {
                String name = path.substring(directory.length());
                for (RpmDatabaseFormat format : values()) {
                    if (format.fileName.equals(name)) {
                        return Optional.of(format);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
