package io.stella.vulndb.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.vulndb.model.Advisory;
import io.stella.vulndb.model.Affected;
import io.stella.vulndb.model.AffectedRange;
import io.stella.vulndb.model.RangeEvent;
import io.stella.vulndb.model.Severity;
import io.stella.vulndb.model.SeverityRating;
import io.stella.vulndb.version.VersionSchemes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MatcherTest {
    private static final VersionSchemes SCHEMES = new VersionSchemes(List.of(
            new DottedNumbers("plain", Set.of("Alpine", "PyPI", "AlmaLinux")),
            new DottedNumbers("semver", Set.of("crates.io"))));

    private static Advisory advisory(String id) {
        return new Advisory(id, List.of("CVE-" + id), null, new SeverityRating(Severity.HIGH, 7.5, null),
                null, null, null, "test", List.of());
    }

    private static AffectedRange range(RangeEvent... events) {
        return new AffectedRange(AffectedRange.Type.ECOSYSTEM, List.of(events));
    }

    private static RangeEvent introduced(String v) {
        return new RangeEvent(RangeEvent.Kind.INTRODUCED, v);
    }

    private static RangeEvent fixed(String v) {
        return new RangeEvent(RangeEvent.Kind.FIXED, v);
    }

    private static RangeEvent lastAffected(String v) {
        return new RangeEvent(RangeEvent.Kind.LAST_AFFECTED, v);
    }

    private static RangeEvent limit(String v) {
        return new RangeEvent(RangeEvent.Kind.LIMIT, v);
    }

    private static Affected pypi(String name, List<AffectedRange> ranges, List<String> versions) {
        return new Affected("PyPI", name, ranges, versions, null);
    }

    private static List<String> affectedVersions(InMemoryStore store, String ecosystem, String name, String... versions) {
        List<Matcher.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < versions.length; i++) {
            candidates.add(new Matcher.Candidate(new PackageQuery(ecosystem, name, versions[i], i), null));
        }
        MatchResult result = new Matcher(store, SCHEMES).match(candidates);
        assertThat(result.problems()).isEmpty();
        return result.findings().stream().map(Finding::installedVersion).toList();
    }

    @Test
    void introducedAndFixedBoundTheAffectedVersions() {
        InMemoryStore store = new InMemoryStore().add(advisory("A"),
                pypi("pkg", List.of(range(introduced("1.2"), fixed("1.5"))), List.of()));
        assertThat(affectedVersions(store, "PyPI", "pkg", "1.1", "1.2", "1.4.9", "1.5", "2.0"))
                .containsExactly("1.2", "1.4.9");
    }

    @Test
    void severalIntervalsInOneRangeAreEvaluatedInVersionOrderAndReportTheNearestFix() {
        // Events listed out of order on purpose: OSV requires sorting by version before evaluation.
        InMemoryStore store = new InMemoryStore().add(advisory("A"),
                pypi("pkg", List.of(range(introduced("2.0"), fixed("2.5"), introduced("0"), fixed("1.5"))), List.of()));
        MatchResult result = new Matcher(store, SCHEMES).match(List.of(
                new Matcher.Candidate(new PackageQuery("PyPI", "pkg", "1.0", 0), null),
                new Matcher.Candidate(new PackageQuery("PyPI", "pkg", "1.7", 1), null),
                new Matcher.Candidate(new PackageQuery("PyPI", "pkg", "2.2", 2), null)));
        assertThat(result.findings()).extracting(Finding::installedVersion, Finding::fixedVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1.0", "1.5"),
                        org.assertj.core.groups.Tuple.tuple("2.2", "2.5"));
    }

    @Test
    void lastAffectedIsInclusiveAndHasNoFix() {
        InMemoryStore store = new InMemoryStore().add(advisory("A"),
                pypi("pkg", List.of(range(introduced("0"), lastAffected("3.1"))), List.of()));
        MatchResult result = new Matcher(store, SCHEMES).match(List.of(
                new Matcher.Candidate(new PackageQuery("PyPI", "pkg", "3.1", 0), null),
                new Matcher.Candidate(new PackageQuery("PyPI", "pkg", "3.1.1", 1), null)));
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.installedVersion()).isEqualTo("3.1");
            assertThat(f.fixedVersion()).isNull();
        });
    }

    @Test
    void limitCapsTheRangeFromAbove() {
        InMemoryStore store = new InMemoryStore().add(advisory("A"),
                pypi("pkg", List.of(range(introduced("1.0"), limit("2.0"))), List.of()));
        assertThat(affectedVersions(store, "PyPI", "pkg", "0.9", "1.0", "1.9", "2.0", "3.0"))
                .containsExactly("1.0", "1.9");
    }

    @Test
    void explicitVersionsMatchExactly() {
        InMemoryStore store = new InMemoryStore().add(advisory("A"), pypi("pkg", List.of(), List.of("1.0", "1.3")));
        assertThat(affectedVersions(store, "PyPI", "pkg", "1.0", "1.1", "1.3")).containsExactly("1.0", "1.3");
    }

    @Test
    void namesAreNormalisedPerEcosystem() {
        InMemoryStore store = new InMemoryStore().add(advisory("A"),
                pypi("Zope.Interface", List.of(range(introduced("0"), fixed("5"))), List.of()));
        assertThat(affectedVersions(store, "PyPI", "zope_interface", "4.0")).containsExactly("4.0");
    }

    @Test
    void semverRangesUseTheSemverScheme() {
        VersionSchemes schemes = new VersionSchemes(List.of(new DottedNumbers("plain", Set.of("Go")),
                new RejectingScheme("semver")));
        InMemoryStore store = new InMemoryStore().add(advisory("A"), new Affected("Go", "mod",
                List.of(new AffectedRange(AffectedRange.Type.SEMVER, List.of(introduced("0"), fixed("1.2")))),
                List.of(), null));
        MatchResult result = new Matcher(store, schemes).match(
                List.of(new Matcher.Candidate(new PackageQuery("Go", "mod", "1.0", 0), null)));
        // The rejecting semver scheme proves the SEMVER range went through it and not through the ecosystem's.
        assertThat(result.findings()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.advisoryId()).isEqualTo("A");
            assertThat(p.reason()).contains("rejected by semver");
        });
    }

    @Test
    void aVersionTheSchemeCannotOrderIsAProblemNotACleanResult() {
        InMemoryStore store = new InMemoryStore().add(advisory("A"),
                pypi("pkg", List.of(range(introduced("0"), fixed("1.5"))), List.of()));
        MatchResult result = new Matcher(store, SCHEMES).match(
                List.of(new Matcher.Candidate(new PackageQuery("PyPI", "pkg", "1.0-weird", 0), null)));
        assertThat(result.findings()).isEmpty();
        assertThat(result.evaluated()).isEqualTo(1);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.pkg().version()).isEqualTo("1.0-weird");
            assertThat(p.reason()).contains("1.0-weird");
        });
    }

    @Test
    void packagesOfUncoveredOrUnknownEcosystemsAreCountedAsNotEvaluated() {
        InMemoryStore store = new InMemoryStore().add(advisory("A"),
                pypi("pkg", List.of(range(introduced("0"), fixed("1.5"))), List.of()));
        MatchResult result = new Matcher(store, SCHEMES).match(List.of(
                new Matcher.Candidate(new PackageQuery("Alpine:v3.10", "musl", "1.1", 0), null),
                new Matcher.Candidate(new PackageQuery("Alpine:v3.10", "zlib", "1.2", 1), null),
                new Matcher.Candidate(new PackageQuery("npm", "left-pad", "1.0", 2), null),
                new Matcher.Candidate(new PackageQuery(null, "mystery", "1", 3), null),
                new Matcher.Candidate(new PackageQuery("PyPI", "other", "1.0", 4), null)));
        assertThat(result.evaluated()).isEqualTo(1);
        assertThat(result.notEvaluated()).containsOnly(java.util.Map.entry("Alpine:v3.10", 2),
                java.util.Map.entry("npm", 1), java.util.Map.entry(Matcher.UNKNOWN_ECOSYSTEM, 1));
    }

    @Test
    void theAlternativeNameIsLookedUpTooAndAnAdvisoryIsReportedOnce() {
        Advisory both = advisory("ALSA-1");
        InMemoryStore store = new InMemoryStore()
                .add(both, new Affected("AlmaLinux:9", "openssl-libs", List.of(range(introduced("0"), fixed("3.1"))),
                                List.of(), null),
                        new Affected("AlmaLinux:9", "openssl", List.of(range(introduced("0"), fixed("3.1"))), List.of(), null))
                .add(advisory("ALSA-2"), new Affected("AlmaLinux:9", "openssl-libs",
                        List.of(range(introduced("0"), fixed("3.0.5"))), List.of(),
                        new SeverityRating(Severity.CRITICAL, null, null)));
        MatchResult result = new Matcher(store, SCHEMES).match(List.of(new Matcher.Candidate(
                new PackageQuery("AlmaLinux:9", "openssl", "3.0.1", 0),
                new PackageQuery("AlmaLinux:9", "openssl-libs", "3.0.1", 0))));
        assertThat(result.findings()).extracting(f -> f.advisory().id()).containsExactly("ALSA-1", "ALSA-2");
        assertThat(result.findings().get(1).severity().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(result.findings().get(0).severity().severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void withdrawnAdvisoriesNeverMatch() {
        Advisory withdrawn = new Advisory("W", List.of(), null, null, null, null, Instant.EPOCH, "test", List.of());
        InMemoryStore store = new InMemoryStore().add(withdrawn,
                pypi("pkg", List.of(range(introduced("0"))), List.of()))
                .add(advisory("B"), pypi("other", List.of(range(introduced("0"))), List.of()));
        assertThat(affectedVersions(store, "PyPI", "pkg", "1.0")).isEmpty();
    }

    /** Rejects every version, naming itself: shows which scheme a range was evaluated with. */
    private record RejectingScheme(String id) implements io.stella.vulndb.version.VersionScheme {
        @Override
        public Set<String> ecosystems() {
            return Set.of();
        }

        @Override
        public int compare(String a, String b) throws io.stella.vulndb.version.InvalidVersionException {
            throw new io.stella.vulndb.version.InvalidVersionException(id, a, "rejected by " + id);
        }
    }
}
