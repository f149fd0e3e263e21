package io.stella.inventory.os;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.inventory.OsRelease;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OsDetectorTest {
    private static Optional<OsRelease> detect(Map<String, String> files) {
        return OsDetector.detect(path -> Optional.ofNullable(files.get(path)).map(s -> s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void ubuntuOsReleaseGivesItsCodename() {
        OsRelease os = detect(Map.of("etc/os-release", """
                PRETTY_NAME="Ubuntu 22.04.4 LTS"
                NAME="Ubuntu"
                VERSION_ID="22.04"
                VERSION_CODENAME=jammy
                ID=ubuntu
                ID_LIKE=debian
                UBUNTU_CODENAME=jammy
                """)).orElseThrow();
        assertThat(os).isEqualTo(new OsRelease("ubuntu", "22.04", "jammy", "Ubuntu 22.04.4 LTS", "etc/os-release"));
        assertThat(os.purlDistro()).isEqualTo("ubuntu-22.04");
    }

    @Test
    void debianTestingWithoutVersionIdFallsBackToDebianVersion() {
        OsRelease os = detect(Map.of("etc/os-release", "ID=debian\nPRETTY_NAME=\"Debian GNU/Linux trixie/sid\"\n",
                "etc/debian_version", "trixie/sid\n")).orElseThrow();
        assertThat(os.versionId()).isEqualTo("trixie/sid");
    }

    @Test
    void oldCentosWithoutOsReleaseIsReadFromItsReleaseFile() {
        OsRelease os = detect(Map.of("etc/centos-release", "CentOS release 6.10 (Final)\n")).orElseThrow();
        assertThat(os.id()).isEqualTo("centos");
        assertThat(os.versionId()).isEqualTo("6.10");
    }

    @Test
    void alpineReleaseFileAloneAndPurlDistroUsesMajorMinor() {
        OsRelease os = detect(Map.of("etc/alpine-release", "3.20.3\n")).orElseThrow();
        assertThat(os.purlDistro()).isEqualTo("alpine-3.20");
    }

    @Test
    void nothingKnownIsEmpty() {
        assertThat(detect(Map.of("etc/hostname", "x"))).isEmpty();
        assertThat(detect(Map.of("etc/os-release", "NAME=thing\n"))).isEmpty();
    }
}
