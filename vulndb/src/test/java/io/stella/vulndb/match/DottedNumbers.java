package io.stella.vulndb.match;

import io.stella.vulndb.version.InvalidVersionException;
import io.stella.vulndb.version.VersionScheme;
import java.util.Set;

/** A minimal scheme for matcher tests: dot-separated non-negative integers, nothing else. */
final class DottedNumbers implements VersionScheme {
    private final String id;
    private final Set<String> ecosystems;

    DottedNumbers(String id, Set<String> ecosystems) {
        this.id = id;
        this.ecosystems = ecosystems;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<String> ecosystems() {
        return ecosystems;
    }

    @Override
    public int compare(String a, String b) throws InvalidVersionException {
        String[] x = parse(a);
        String[] y = parse(b);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private String[] parse(String v) throws InvalidVersionException {
        if (!v.matches("\\d+(\\.\\d+)*")) {
            throw new InvalidVersionException(id, v, "only digits and dots");
        }
        return v.split("\\.");
    }
}
