package io.stella.vulndb.version;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Alpine (and Wolfi, Chainguard) package versions, ordered as apk-tools orders them: numbers, then an
 * optional letter, then suffixes ({@code _alpha < _beta < _pre < _rc < none < _cvs < _svn < _git < _hg
 * < _p}), then a commit hash ({@code ~hex}), then the package revision {@code -rN}.
 *
 * <p>Like apk itself, {@link #compare} orders malformed versions too (real Alpine releases shipped
 * {@code 5.7.1p1-r0}); only an empty version is rejected. {@link #isValid} says whether a version is
 * well formed by apk-tools' grammar.
 */
public final class ApkVersionScheme implements VersionScheme {
    static final String ID = "apk";

    private static final Pattern WELL_FORMED = Pattern.compile(
            "[0-9]+(\\.[0-9]+)*[a-z]?(_(alpha|beta|pre|rc|cvs|svn|git|hg|p)[0-9]*)*(~[0-9a-f]+)?(-r[0-9]+)?");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> ecosystems() {
        return Set.of("Alpine", "Wolfi", "Chainguard");
    }

    @Override
    public int compare(String a, String b) throws InvalidVersionException {
        return compareTokens(new ApkVersionTokens(require(a)), new ApkVersionTokens(require(b)));
    }

    @Override
    public boolean isValid(String version) {
        return WELL_FORMED.matcher(version).matches();
    }

    private static String require(String version) throws InvalidVersionException {
        if (version.isBlank()) {
            throw new InvalidVersionException(ID, version, "version string is empty");
        }
        return version.strip();
    }

    private static int compareTokens(ApkVersionTokens a, ApkVersionTokens b) {
        while (a.type() == b.type() && !a.atEndOrInvalid()) {
            ApkVersionTokens.Type read = a.type();
            a.next();
            b.next();
            int order = a.compareToken(read, b);
            if (order != 0) {
                return Integer.signum(order);
            }
        }
        if (a.type() == b.type()) {
            return a.type() == ApkVersionTokens.Type.INVALID ? a.compareInvalidRest(b) : 0;
        }
        // equal so far: the longer version is newer unless it continues with a pre-release suffix
        if (a.atPreReleaseSuffix()) {
            return -1;
        }
        if (b.atPreReleaseSuffix()) {
            return 1;
        }
        return a.type().ordinal() > b.type().ordinal() ? -1 : 1;
    }
}
