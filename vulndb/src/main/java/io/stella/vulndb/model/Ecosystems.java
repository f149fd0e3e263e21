package io.stella.vulndb.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lookup key of an OSV ecosystem: the ecosystem a scanned package is matched in.
 *
 * <p>OSV names distribution streams in more detail than an image tells ({@code Ubuntu:22.04:LTS},
 * {@code Red Hat:enterprise_linux:9::appstream}); the key keeps what an image's os-release can name:
 * the family and its release ({@code Ubuntu:22.04}, {@code Red Hat:9}). Language ecosystems are their
 * own key. Import and matching both go through {@link #key}, so the two always agree.
 */
public final class Ecosystems {
    private static final Pattern UBUNTU = Pattern.compile("Ubuntu:(Pro:)?(\\d+\\.\\d+)(:.*)?");
    private static final Pattern RED_HAT = Pattern.compile("Red Hat:enterprise_linux:(\\d+)(:.*)?");

    private Ecosystems() {
    }

    /** The lookup key of an ecosystem name as a record or the inventory gives it. */
    public static String key(String ecosystem) {
        String e = ecosystem.trim();
        Matcher ubuntu = UBUNTU.matcher(e);
        if (ubuntu.matches()) {
            return "Ubuntu:" + (ubuntu.group(1) != null ? "Pro:" : "") + ubuntu.group(2);
        }
        Matcher redHat = RED_HAT.matcher(e);
        if (redHat.matches()) {
            return "Red Hat:" + redHat.group(1);
        }
        return e;
    }

    /** The family of an ecosystem: the part before the first colon ({@code Alpine}, {@code PyPI}). */
    public static String family(String ecosystem) {
        int colon = ecosystem.indexOf(':');
        return colon < 0 ? ecosystem : ecosystem.substring(0, colon);
    }

    /**
     * The name under which a package is stored and looked up in an ecosystem: PyPI names as PEP 503
     * normalises them, NuGet and Packagist names in lower case (both are case-insensitive), every other
     * name as given (Maven {@code group:artifact}, npm {@code @scope/name}, Go module paths).
     */
    public static String normalizeName(String ecosystem, String name) {
        String n = name.trim();
        return switch (family(ecosystem)) {
            case "PyPI" -> n.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
            case "NuGet", "Packagist" -> n.toLowerCase(Locale.ROOT);
            default -> n;
        };
    }
}
