package io.stella.vulndb.version;

import java.util.Set;

/**
 * rpm-based distributions: {@code [epoch:]version[-release]} compared part by part with
 * {@link RpmVerCmp}. A missing epoch is 0.
 */
public final class RpmVersionScheme implements VersionScheme {
    static final String ID = "rpm";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> ecosystems() {
        return Set.of("AlmaLinux", "Rocky Linux", "Red Hat", "SUSE", "openSUSE", "Mariner", "Azure Linux",
                "Fedora", "CentOS", "Oracle", "Amazon Linux");
    }

    @Override
    public int compare(String a, String b) throws InvalidVersionException {
        return RpmEvr.parse(a).compareTo(RpmEvr.parse(b));
    }

    /** The raw segment comparison of two version or release strings, without EVR splitting. */
    public static int compareSegments(String a, String b) {
        return RpmVerCmp.compare(a, b);
    }
}
