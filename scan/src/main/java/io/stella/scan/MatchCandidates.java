package io.stella.scan;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.stella.inventory.OsRelease;
import io.stella.inventory.Package;
import io.stella.inventory.PackageType;
import io.stella.vulndb.match.Matcher;
import io.stella.vulndb.match.PackageQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The edge between the inventory and the matcher: each package as the vulnerability database names it.
 *
 * <p>Distribution packages are looked up by their source package (dpkg {@code Source}, apk origin, the
 * source rpm's name) at the source version, and by their own name and version as an alternative, because
 * Debian and Alpine records name source packages and Red Hat-family records binary ones. Go versions lose
 * their {@code v} prefix, as the Go vulnerability database writes them.
 */
final class MatchCandidates {
    private MatchCandidates() {
    }

    static List<Matcher.Candidate> of(List<Package> packages, OsRelease os) {
        List<Matcher.Candidate> candidates = new ArrayList<>(packages.size());
        for (int i = 0; i < packages.size(); i++) {
            candidates.add(of(packages.get(i), os, i));
        }
        return candidates;
    }

    static Matcher.Candidate of(Package pkg, OsRelease os, int key) {
        String ecosystem = ecosystem(pkg, os);
        String version = pkg.type() == PackageType.GOLANG ? stripV(pkg.version()) : pkg.version();
        if (!pkg.type().osPackage() || pkg.sourceName() == null || pkg.sourceName().isBlank()) {
            return new Matcher.Candidate(new PackageQuery(ecosystem, pkg.name(), version, key), null);
        }
        String sourceVersion = pkg.sourceVersion() != null && !pkg.sourceVersion().isBlank()
                ? withEpochOf(pkg, pkg.sourceVersion()) : version;
        PackageQuery source = new PackageQuery(ecosystem, pkg.sourceName(), sourceVersion, key);
        PackageQuery binary = pkg.sourceName().equals(pkg.name()) && sourceVersion.equals(version)
                ? null : new PackageQuery(ecosystem, pkg.name(), version, key);
        return new Matcher.Candidate(source, binary);
    }

    private static String ecosystem(Package pkg, OsRelease os) {
        if (!pkg.type().osPackage()) {
            return pkg.ecosystem() != null ? pkg.ecosystem() : pkg.type().ecosystem();
        }
        if (pkg.ecosystem() == null) {
            return null;
        }
        OsRelease release = os != null ? os : purlDistro(pkg.purl()).orElse(null);
        return DistroEcosystem.of(pkg.ecosystem(), release);
    }

    private static Optional<OsRelease> purlDistro(String purl) {
        if (purl == null) {
            return Optional.empty();
        }
        try {
            PackageURL parsed = new PackageURL(purl);
            return parsed.getQualifiers() == null ? Optional.empty()
                    : DistroEcosystem.fromPurlDistro(parsed.getQualifiers().get("distro"));
        } catch (MalformedPackageURLException e) {
            return Optional.empty();
        }
    }

    /**
     * A source rpm is named without its epoch, which is the binary's: an SBOM's {@code upstream} qualifier gives
     * {@code 1.2.13-5.el9} for {@code 1:1.2.13-5.el9}, and without the epoch every fix with one would look newer.
     */
    private static String withEpochOf(Package pkg, String sourceVersion) {
        int colon = pkg.version().indexOf(':');
        if (pkg.type() != PackageType.RPM || colon <= 0 || sourceVersion.contains(":")) {
            return sourceVersion;
        }
        return pkg.version().substring(0, colon + 1) + sourceVersion;
    }

    private static String stripV(String version) {
        return version.startsWith("v") ? version.substring(1) : version;
    }
}
