package io.stella.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VersionSchemesTest {
    private static final List<String> IDS =
            List.of("dpkg", "rpm", "apk", "maven", "semver", "npm", "go", "pep440", "rubygems", "nuget",
                    "packagist");

    @Test
    void installedSchemesIncludeEveryScheme() {
        for (String id : IDS) {
            assertThat(VersionSchemes.installed().byId(id)).as(id).get()
                    .extracting(VersionScheme::id).isEqualTo(id);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "Debian:12, dpkg", "Ubuntu:22.04:LTS, dpkg", "Alpine:v3.20, apk", "Wolfi, apk", "Chainguard, apk",
            "PyPI, pep440", "Go, go", "crates.io, semver", "npm, npm", "Maven, maven", "AlmaLinux:9, rpm",
            "Rocky Linux:9, rpm", "Red Hat:enterprise_linux:9::appstream, rpm", "openSUSE:Leap 15.5, rpm",
            "SUSE:SLES 15, rpm", "Mariner:2.0, rpm", "RubyGems, rubygems", "NuGet, nuget",
            "Packagist, packagist"})
    void mapsEcosystemsToSchemes(String ecosystem, String id) {
        assertThat(VersionSchemes.installed().forEcosystem(ecosystem)).as(ecosystem).get()
                .extracting(VersionScheme::id).isEqualTo(id);
    }

    @Test
    void unknownEcosystemHasNoScheme() {
        assertThat(VersionSchemes.installed().forEcosystem("Hackage")).isEmpty();
    }
}
