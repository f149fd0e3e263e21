package io.stella.inventory.analyzers.gobinary;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the toolchain string of a Go binary into the semantic version the Go vulnerability database uses
 * for {@code stdlib} (govulncheck's GoTagToSemver, without the leading {@code v}): {@code go1.19.8} →
 * {@code 1.19.8}, {@code go1.20} → {@code 1.20.0}, {@code go1.21rc2} → {@code 1.21.0-rc.2}. GOEXPERIMENT
 * suffixes ({@code go1.22.3 X:boringcrypto}) and vendor suffixes ({@code go1.21.0-bigcorp}) are dropped.
 * Development toolchains ({@code devel go1.23-abc1234 ...}) have no release version.
 */
public final class GoToolchainVersion {
    private static final Pattern TAG = Pattern.compile(
            "go(\\d{1,9})(?:\\.(\\d{1,9}))?(?:\\.(\\d{1,9}))?(?:(alpha|beta|rc)(\\d{1,9}))?(?:[-+].*)?");

    private GoToolchainVersion() {}

    public static Optional<String> semver(String goVersion) {
        String tag = goVersion.strip();
        int space = tag.indexOf(' ');
        if (space >= 0) {
            tag = tag.substring(0, space);
        }
        if (tag.equals("go1")) {
            return Optional.of("1.0.0");
        }
        Matcher m = TAG.matcher(tag);
        if (!m.matches() || "go1.0".equals(tag)) {
            return Optional.empty();
        }
        StringBuilder version = new StringBuilder()
                .append(number(m.group(1))).append('.')
                .append(m.group(2) == null ? "0" : number(m.group(2))).append('.')
                .append(m.group(3) == null ? "0" : number(m.group(3)));
        if (m.group(4) != null) {
            version.append('-').append(m.group(4)).append('.').append(number(m.group(5)));
        }
        return Optional.of(version.toString());
    }

    private static String number(String digits) {
        return Long.toString(Long.parseLong(digits));
    }
}
