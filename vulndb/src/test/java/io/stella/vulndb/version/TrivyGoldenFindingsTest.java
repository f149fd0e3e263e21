package io.stella.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The peer's verdicts as a check of the version schemes: every finding in Trivy's integration goldens
 * ({@code vectors/trivy-golden-findings.tsv}) that Trivy reports as fixed has an installed version older than a
 * fixed version, in the scheme stella uses for that package type. A scheme that ordered either wrongly would
 * turn the finding into a silent "not affected".
 */
class TrivyGoldenFindingsTest {
    /** Trivy's result types, as the ecosystem families whose schemes order them. */
    private static final Map<String, String> FAMILY = Map.ofEntries(
            Map.entry("alpine", "Alpine"), Map.entry("debian", "Debian"), Map.entry("ubuntu", "Ubuntu"),
            Map.entry("alma", "AlmaLinux"), Map.entry("rocky", "Rocky Linux"), Map.entry("centos", "Red Hat"),
            Map.entry("redhat", "Red Hat"), Map.entry("oracle", "Red Hat"), Map.entry("amazon", "Red Hat"),
            Map.entry("photon", "Red Hat"), Map.entry("cbl-mariner", "Mariner"),
            Map.entry("opensuse-leap", "openSUSE"), Map.entry("opensuse-tumbleweed", "openSUSE"),
            Map.entry("gomod", "Go"), Map.entry("npm", "npm"), Map.entry("yarn", "npm"), Map.entry("pnpm", "npm"),
            Map.entry("bun", "npm"), Map.entry("pip", "PyPI"), Map.entry("pipenv", "PyPI"), Map.entry("poetry", "PyPI"),
            Map.entry("uv", "PyPI"), Map.entry("pylock", "PyPI"), Map.entry("python-pkg", "PyPI"),
            Map.entry("cargo", "crates.io"), Map.entry("gemspec", "RubyGems"), Map.entry("jar", "Maven"),
            Map.entry("pom", "Maven"), Map.entry("gradle", "Maven"), Map.entry("sbt", "Maven"),
            Map.entry("nuget", "NuGet"), Map.entry("packages-props", "NuGet"), Map.entry("dotnet-core", "NuGet"));

    @Test
    void everyFixedTrivyFindingIsOlderThanItsFixInStellasScheme() throws InvalidVersionException {
        Map<String, Integer> checkedPerScheme = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        int fixed = 0;
        for (String[] row : VectorFiles.lines("trivy-golden-findings.tsv")) {
            String type = row[7];
            String installed = row[9];
            String fixes = row[10];
            if (!row[12].equals("fixed") || !FAMILY.containsKey(type) || fixes.contains("<") || fixes.contains(">")) {
                continue;
            }
            fixed++;
            Optional<VersionScheme> scheme = VersionSchemes.installed().forEcosystem(FAMILY.get(type));
            assertThat(scheme).as("a scheme for %s", type).isPresent();
            boolean olderThanAFix = false;
            for (String fix : fixes.split(",\\s*")) {
                if (scheme.get().compare(strip(type, installed), strip(type, fix)) < 0) {
                    olderThanAFix = true;
                }
            }
            checkedPerScheme.merge(scheme.get().id(), 1, Integer::sum);
            if (!olderThanAFix) {
                wrong.add(String.join(" ", row[0], row[8], installed, "fixed in", fixes));
            }
        }
        assertThat(wrong).as("Trivy findings stella's schemes would call not affected").isEmpty();
        assertThat(fixed).isGreaterThan(80);
        // crates.io rows give their fixes as ranges (">= 3.1.0, >= 2.1.3, < 3.0.0") and are left out above.
        assertThat(checkedPerScheme).containsKeys("apk", "dpkg", "rpm", "go", "npm", "pep440", "maven", "rubygems",
                "nuget");
    }

    /** Go module versions carry a {@code v} the Go vulnerability database (and stella's matcher input) does not. */
    private static String strip(String type, String version) {
        return type.equals("gomod") && version.startsWith("v") ? version.substring(1) : version;
    }
}
