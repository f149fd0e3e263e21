package io.stella.scan.filter;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a purl in a VEX statement designates a package's purl: same type, namespace and name; the
 * statement's version, qualifiers and subpath must match only when the statement gives them (a statement
 * on {@code pkg:apk/alpine/musl} covers every version and architecture).
 */
final class PurlMatch {
    private PurlMatch() {}

    static Optional<PackageURL> parse(String text) {
        if (text == null || !text.startsWith("pkg:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PackageURL(text));
        } catch (MalformedPackageURLException e) {
            return Optional.empty();
        }
    }

    static boolean matches(PackageURL statement, String packagePurl) {
        Optional<PackageURL> parsed = parse(packagePurl);
        if (parsed.isEmpty()) {
            return false;
        }
        PackageURL p = parsed.get();
        if (!statement.getType().equals(p.getType()) || !Objects.equals(statement.getNamespace(), p.getNamespace())
                || !statement.getName().equals(p.getName())) {
            return false;
        }
        if (statement.getVersion() != null && !statement.getVersion().equals(p.getVersion())) {
            return false;
        }
        if (statement.getSubpath() != null && !statement.getSubpath().equals(p.getSubpath())) {
            return false;
        }
        Map<String, String> wanted = statement.getQualifiers();
        Map<String, String> actual = p.getQualifiers();
        if (wanted == null || wanted.isEmpty()) {
            return true;
        }
        return actual != null && wanted.entrySet().stream()
                .allMatch(e -> e.getValue().equals(actual.get(e.getKey())));
    }
}
