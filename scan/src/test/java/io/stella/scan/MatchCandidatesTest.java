package io.stella.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.inventory.OsRelease;
import io.stella.inventory.Package;
import io.stella.inventory.PackageType;
import io.stella.vulndb.match.Matcher;
import org.junit.jupiter.api.Test;

class MatchCandidatesTest {
    private static final OsRelease ALPINE = new OsRelease("alpine", "3.10.4", null, "Alpine Linux v3.10", "etc/os-release");
    private static final OsRelease DEBIAN = new OsRelease("debian", "12", "bookworm", "Debian 12", "etc/os-release");

    @Test
    void distributionReleasesBecomeTheDatabaseEcosystems() {
        assertThat(DistroEcosystem.of("Alpine", ALPINE)).isEqualTo("Alpine:v3.10");
        assertThat(DistroEcosystem.of("Debian", DEBIAN)).isEqualTo("Debian:12");
        assertThat(DistroEcosystem.of("Debian", new OsRelease("debian", "11.7", null, null, null))).isEqualTo("Debian:11");
        assertThat(DistroEcosystem.of("Ubuntu", new OsRelease("ubuntu", "22.04", "jammy", null, null)))
                .isEqualTo("Ubuntu:22.04");
        assertThat(DistroEcosystem.of("AlmaLinux", new OsRelease("almalinux", "9.4", null, null, null)))
                .isEqualTo("AlmaLinux:9");
        assertThat(DistroEcosystem.of("Rocky Linux", new OsRelease("rocky", "8.10", null, null, null)))
                .isEqualTo("Rocky Linux:8");
        assertThat(DistroEcosystem.of("SUSE", new OsRelease("sles", "15.5", null, null, null)))
                .isEqualTo("SUSE:Linux Enterprise Server 15 SP5");
        assertThat(DistroEcosystem.of("openSUSE", new OsRelease("opensuse-leap", "15.5", null, null, null)))
                .isEqualTo("openSUSE:Leap 15.5");
        assertThat(DistroEcosystem.of("Debian", new OsRelease("debian", null, "trixie", null, null))).isEqualTo("Debian");
        assertThat(DistroEcosystem.of("Alpine", null)).isEqualTo("Alpine");
    }

    @Test
    void aDistributionPackageIsLookedUpByItsSourceAndByItsOwnName() {
        Package busyboxBinary = Package.of(PackageType.APK, "ssl_client", "1.30.1-r5").withSource("busybox", null)
                .withIdentity("Alpine", null);
        Matcher.Candidate c = MatchCandidates.of(busyboxBinary, ALPINE, 3);
        assertThat(c.query().ecosystem()).isEqualTo("Alpine:v3.10");
        assertThat(c.query().name()).isEqualTo("busybox");
        assertThat(c.query().version()).isEqualTo("1.30.1-r5");
        assertThat(c.query().key()).isEqualTo(3);
        assertThat(c.alternative().name()).isEqualTo("ssl_client");

        Package same = Package.of(PackageType.APK, "musl", "1.1.22-r3").withSource("musl", null).withIdentity("Alpine", null);
        assertThat(MatchCandidates.of(same, ALPINE, 0).alternative()).isNull();

        Package binNmu = Package.of(PackageType.DEB, "libc6", "2.36-9+deb12u4").withSource("glibc", "2.36-9+deb12u4")
                .withIdentity("Debian", null);
        Matcher.Candidate deb = MatchCandidates.of(binNmu, DEBIAN, 0);
        assertThat(deb.query().name()).isEqualTo("glibc");
        assertThat(deb.query().ecosystem()).isEqualTo("Debian:12");
    }

    @Test
    void aSourceRpmVersionWithoutEpochTakesTheBinarysEpoch() {
        OsRelease alma = new OsRelease("almalinux", "9.4", null, null, null);
        Package zlib = Package.of(PackageType.RPM, "zlib", "1:1.2.13-5.el9").withSource("zlib", "1.2.13-5.el9")
                .withIdentity("AlmaLinux", null);
        Matcher.Candidate c = MatchCandidates.of(zlib, alma, 0);
        assertThat(c.query().ecosystem()).isEqualTo("AlmaLinux:9");
        assertThat(c.query().version()).isEqualTo("1:1.2.13-5.el9");
        assertThat(c.alternative()).isNull();
        Package noEpoch = Package.of(PackageType.RPM, "openssl-libs", "3.0.7-27.el9").withSource("openssl", "3.0.7-27.el9")
                .withIdentity("AlmaLinux", null);
        Matcher.Candidate d = MatchCandidates.of(noEpoch, alma, 0);
        assertThat(d.query().version()).isEqualTo("3.0.7-27.el9");
        assertThat(d.alternative().name()).isEqualTo("openssl-libs");
    }

    @Test
    void withoutAnOsReleaseThePurlDistroQualifierNamesTheRelease() {
        Package fromSbom = Package.of(PackageType.APK, "musl", "1.2.5-r0")
                .withIdentity("Alpine", "pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=alpine-3.20.3");
        assertThat(MatchCandidates.of(fromSbom, null, 0).query().ecosystem()).isEqualTo("Alpine:v3.20");
    }

    @Test
    void languagePackagesKeepTheirEcosystemAndGoVersionsLoseTheirPrefix() {
        Package go = Package.of(PackageType.GOLANG, "golang.org/x/net", "v0.17.0").withIdentity("Go", null);
        Matcher.Candidate c = MatchCandidates.of(go, DEBIAN, 0);
        assertThat(c.query().ecosystem()).isEqualTo("Go");
        assertThat(c.query().version()).isEqualTo("0.17.0");
        assertThat(c.alternative()).isNull();
        Package pypi = Package.of(PackageType.PYPI, "Jinja2", "2.10").withIdentity("PyPI", null);
        assertThat(MatchCandidates.of(pypi, DEBIAN, 0).query().ecosystem()).isEqualTo("PyPI");
    }
}
