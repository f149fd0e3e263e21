package io.stella.inventory.analyzers.rpm;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.inventory.Package;
import io.stella.inventory.PackageType;
import io.stella.inventory.spi.AnalyzerHarness;
import io.stella.inventory.spi.FileInfo;
import io.stella.inventory.spi.PackageAnalyzer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RpmDbAnalyzerTest {
    private final RpmDbAnalyzer analyzer = new RpmDbAnalyzer();

    private AnalyzerHarness.Result analyze(RpmFixtures fixture) throws IOException {
        return AnalyzerHarness.analyze(analyzer, fixture.imagePath(), fixture.bytes(), 0644);
    }

    @ParameterizedTest
    @EnumSource(RpmFixtures.class)
    void listsExactlyWhatRpmListsWithoutWarnings(RpmFixtures fixture) throws IOException {
        AnalyzerHarness.Result result = analyze(fixture);

        assertThat(result.warnings()).isEmpty();
        assertThat(result.packages()).map(RpmFixtures::line).containsExactlyInAnyOrderElementsOf(fixture.expected());
        assertThat(result.packages()).allSatisfy(pkg -> {
            assertThat(pkg.type()).isEqualTo(PackageType.RPM);
            assertThat(pkg.filePath()).isEqualTo(fixture.imagePath());
            assertThat(pkg.layerDigest()).isNull();
            assertThat(pkg.purl()).isNull();
            assertThat(pkg.ecosystem()).isNull();
        });
    }

    // Expected values below are what rpm 4.18 printed for these databases with
    // --qf '%{NAME} %{EPOCH} %{SOURCERPM} %{LICENSE}'.

    @Test
    void berkeleyDbPackageCarriesSourcePackageAndLicence() throws IOException {
        Package libuuid = analyze(RpmFixtures.LIBUUID_BDB).packages().getFirst();

        assertThat(libuuid.name()).isEqualTo("libuuid");
        assertThat(libuuid.sourceName()).isEqualTo("util-linux");
        assertThat(libuuid.sourceVersion()).isEqualTo("2.32.1-42.el8_8");
        assertThat(libuuid.licenses()).containsExactly("BSD");
    }

    @Test
    void sqlitePackagesCarrySourcePackageWithTheBinaryEpochAndLicence() throws IOException {
        Map<String, Package> byName = analyze(RpmFixtures.MARINER_SQLITE).packages().stream()
                .collect(Collectors.toMap(Package::name, Function.identity()));

        Package caBase = byName.get("ca-certificates-base");
        assertThat(caBase.version()).isEqualTo("1:2.0.0-1.cm2");
        assertThat(caBase.arch()).isEqualTo("noarch");
        assertThat(caBase.sourceName()).isEqualTo("ca-certificates");
        assertThat(caBase.sourceVersion()).isEqualTo("1:2.0.0-1.cm2");
        assertThat(caBase.licenses()).containsExactly("MPLv2.0");

        Package glibc = byName.get("glibc");
        assertThat(glibc.sourceName()).isEqualTo("glibc");
        assertThat(glibc.sourceVersion()).isEqualTo("2.34-2.cm2");
        assertThat(glibc.licenses()).containsExactly("BSD AND GPLv2+ AND Inner-Net AND ISC AND LGPLv2+ AND MIT");

        Package opensslLibs = byName.get("openssl-libs");
        assertThat(opensslLibs.sourceName()).isEqualTo("openssl");
        assertThat(opensslLibs.sourceVersion()).isEqualTo("1.1.1k-7.cm2");
        assertThat(opensslLibs.licenses()).containsExactly("OpenSSL");
    }

    @Test
    void everyMarinerPackageHasASourcePackageAndALicenceAsRpmShows() throws IOException {
        // rpm -qa printed a SOURCERPM and a LICENSE for each of the 129 packages (no "(none)").
        List<Package> packages = analyze(RpmFixtures.MARINER_SQLITE).packages();

        assertThat(packages).hasSize(129).allSatisfy(pkg -> {
            assertThat(pkg.sourceName()).isNotBlank();
            assertThat(pkg.sourceVersion()).endsWith(pkg.version().substring(pkg.version().lastIndexOf('-')));
            assertThat(pkg.licenses()).hasSize(1);
        });
    }

    @Test
    void ndbPackagesCarrySourcePackages() throws IOException {
        Map<String, Package> byName = analyze(RpmFixtures.SLE15_NDB).packages().stream()
                .collect(Collectors.toMap(Package::name, Function.identity()));

        // The SOURCERPM strings as `strings Packages.db | grep src.rpm` shows them (35, one per package).
        assertThat(byName.get("system-user-root").sourceName()).isEqualTo("system-user-root");
        assertThat(byName.get("system-user-root").sourceVersion()).isEqualTo("20190513-3.3.1");
        assertThat(byName.get("libstdc++6").sourceName()).isEqualTo("gcc11");
        assertThat(byName.get("libstdc++6").sourceVersion()).isEqualTo("11.2.1+git610-1.3.9");
        assertThat(byName.values()).allSatisfy(pkg -> assertThat(pkg.sourceName()).isNotBlank());
    }

    @Test
    void isFoundAsAPlugin() {
        assertThat(ServiceLoader.load(PackageAnalyzer.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(plugin -> plugin instanceof RpmDbAnalyzer)
                .singleElement()
                .satisfies(plugin -> assertThat(plugin.name()).isEqualTo("rpm"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "var/lib/rpm/Packages", "var/lib/rpm/Packages.db", "var/lib/rpm/rpmdb.sqlite",
        "usr/lib/sysimage/rpm/Packages", "usr/lib/sysimage/rpm/Packages.db", "usr/lib/sysimage/rpm/rpmdb.sqlite",
        "usr/share/rpm/Packages", "usr/share/rpm/Packages.db", "usr/share/rpm/rpmdb.sqlite"})
    void acceptsTheDatabaseInEachPlaceRpmKeepsIt(String path) {
        assertThat(analyzer.accepts(new FileInfo(path, 1, 0644))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "var/lib/rpm/Name", "var/lib/rpm/Basenames", "var/lib/rpm/rpmdb.sqlite-wal", "var/lib/rpm/Packages.bak",
        "opt/var/lib/rpm/Packages", "var/lib/rpmPackages", "var/lib/rpm/sub/Packages", "Packages",
        "var/lib/dpkg/status"})
    void ignoresOtherFiles(String path) {
        assertThat(analyzer.accepts(new FileInfo(path, 1, 0644))).isFalse();
    }
}
