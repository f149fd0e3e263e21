package io.stella.vulndb.version;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 440 version after normalisation. Numbers are kept as digit strings so that any size compares.
 * {@code preLabel} is {@code a}, {@code b} or {@code rc}; absent parts are null.
 */
record Pep440Version(String epoch, List<String> release, String preLabel, String preNumber, String post,
                     String dev, List<String> local) implements Comparable<Pep440Version> {

    // The grammar of PEP 440 ("Appendix B: Parsing version strings with regular expressions").
    private static final Pattern GRAMMAR = Pattern.compile(
            "\\s*v?"
                    + "(?:(?<epoch>[0-9]+)!)?"
                    + "(?<release>[0-9]+(?:\\.[0-9]+)*)"
                    + "(?:[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]+)?)?"
                    + "(?:-(?<postN1>[0-9]+)|[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?)?"
                    + "(?:[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?"
                    + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?\\s*",
            Pattern.CASE_INSENSITIVE);

    static Pep440Version parse(String text) throws InvalidVersionException {
        Matcher m = GRAMMAR.matcher(text);
        if (!m.matches()) {
            throw new InvalidVersionException(Pep440VersionScheme.ID, text, "not a PEP 440 version");
        }
        String epoch = m.group("epoch") == null ? "0" : m.group("epoch");
        List<String> release = List.of(m.group("release").split("\\."));
        String preLabel = m.group("preL") == null ? null : preLabel(m.group("preL"));
        String preNumber = preLabel == null ? null : orZero(m.group("preN"));
        String post = m.group("postN1") != null ? m.group("postN1")
                : m.group("postL") != null ? orZero(m.group("postN2")) : null;
        String dev = m.group("devL") == null ? null : orZero(m.group("devN"));
        List<String> local = m.group("local") == null ? null
                : List.of(m.group("local").toLowerCase(Locale.ROOT).split("[-_.]"));
        return new Pep440Version(epoch, release, preLabel, preNumber, post, dev, local);
    }

    private static String preLabel(String spelled) {
        return switch (spelled.toLowerCase(Locale.ROOT)) {
            case "a", "alpha" -> "a";
            case "b", "beta" -> "b";
            default -> "rc";
        };
    }

    private static String orZero(String number) {
        return number == null ? "0" : number;
    }

    @Override
    public int compareTo(Pep440Version other) {
        int order = NumericText.compare(epoch, other.epoch);
        if (order == 0) {
            order = compareRelease(release, other.release);
        }
        if (order == 0) {
            order = Integer.compare(preRank(), other.preRank());
        }
        if (order == 0 && preLabel != null) {
            order = NumericText.compare(preNumber, other.preNumber);
        }
        if (order == 0) {
            order = compareAbsentFirst(post, other.post);
        }
        if (order == 0) {
            order = compareAbsentLast(dev, other.dev);
        }
        if (order == 0) {
            order = compareLocal(local, other.local);
        }
        return order;
    }

    /**
     * Where the pre-release part puts this version among its release's versions: a bare dev release
     * ({@code 1.0.dev1}) before every pre-release, pre-releases by label, the final release after them.
     */
    private int preRank() {
        if (preLabel == null) {
            return post == null && dev != null ? 0 : 4;
        }
        return switch (preLabel) {
            case "a" -> 1;
            case "b" -> 2;
            default -> 3;
        };
    }

    /** Releases compare as if padded with zeros: {@code 1.0 == 1.0.0}. */
    private static int compareRelease(List<String> a, List<String> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "0";
            String y = i < b.size() ? b.get(i) : "0";
            int order = NumericText.compare(x, y);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static int compareAbsentFirst(String a, String b) {
        if (a == null || b == null) {
            return Boolean.compare(a != null, b != null);
        }
        return NumericText.compare(a, b);
    }

    private static int compareAbsentLast(String a, String b) {
        if (a == null || b == null) {
            return Boolean.compare(a == null, b == null);
        }
        return NumericText.compare(a, b);
    }

    /** No local part sorts first; numeric segments beat alphanumeric ones; a longer local wins a tie. */
    private static int compareLocal(List<String> a, List<String> b) {
        if (a == null || b == null) {
            return Boolean.compare(a != null, b != null);
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String x = a.get(i);
            String y = b.get(i);
            boolean xNumeric = NumericText.isAllDigits(x);
            boolean yNumeric = NumericText.isAllDigits(y);
            int order = xNumeric && yNumeric ? NumericText.compare(x, y)
                    : xNumeric != yNumeric ? (xNumeric ? 1 : -1)
                    : Integer.signum(x.compareTo(y));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** The normalised form, e.g. {@code 1!2.0rc1.post0.dev3+ubuntu.1}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (!epoch.equals("0")) {
            out.append(epoch).append('!');
        }
        out.append(String.join(".", release.stream().map(Pep440Version::withoutLeadingZeros).toList()));
        if (preLabel != null) {
            out.append(preLabel).append(withoutLeadingZeros(preNumber));
        }
        if (post != null) {
            out.append(".post").append(withoutLeadingZeros(post));
        }
        if (dev != null) {
            out.append(".dev").append(withoutLeadingZeros(dev));
        }
        if (local != null) {
            out.append('+').append(String.join(".", local));
        }
        return out.toString();
    }

    private static String withoutLeadingZeros(String number) {
        int i = 0;
        while (i < number.length() - 1 && number.charAt(i) == '0') {
            i++;
        }
        return number.substring(i);
    }
}
