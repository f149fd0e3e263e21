package io.stella.scan.registry.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.registry.config.FilterConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageFilterTest {

    private static final String HOST = "harbor.example.com";
    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static ImageFilter filter(FilterConfig config) {
        return new ImageFilter(config, HOST, CLOCK);
    }

    private static FilterConfig include(String... regexes) {
        return new FilterConfig(List.of(regexes), null, null, null, null);
    }

    private static FilterConfig exclude(String... regexes) {
        return new FilterConfig(null, List.of(regexes), null, null, null);
    }

    private static FilterConfig maxAgeDays(int days) {
        return new FilterConfig(null, null, days, null, null);
    }

    private static FilterConfig maxTags(int tags) {
        return new FilterConfig(null, null, null, tags, null);
    }

    private static FilterConfig maxRepositories(int repositories) {
        return new FilterConfig(null, null, null, null, repositories);
    }

    private static TaggedImage image(String repository, String digest, int daysOld, String... tags) {
        return new TaggedImage(repository, "sha256:" + digest, List.of(tags), Optional.of(NOW.minus(Duration.ofDays(daysOld))));
    }

    private static TaggedImage ageless(String repository, String digest, String... tags) {
        return new TaggedImage(repository, "sha256:" + digest, List.of(tags), Optional.empty());
    }

    private static ImageDecision only(List<ImageDecision> decisions) {
        assertThat(decisions).hasSize(1);
        return decisions.get(0);
    }

    private static ImageDecision decisionFor(List<ImageDecision> decisions, String digest) {
        return decisions.stream().filter(d -> d.image().digest().equals("sha256:" + digest)).findFirst().orElseThrow();
    }

    // --- no filter

    @Test
    void noneKeepsEveryRepositoryImageAndTag() {
        ImageFilter none = filter(FilterConfig.NONE);

        List<RepositoryDecision> repositories = none.repositories(Map.of("b/app", List.of("2", "1"), "a/app", List.of("x")));
        List<ImageDecision> images = none.images(List.of(
                image("a/app", "aa", 5000, "x"),
                ageless("b/app", "bb", "1", "2")));

        assertThat(repositories).containsExactly(
                new RepositoryDecision("a/app", List.of("x"), List.of(), Optional.empty()),
                new RepositoryDecision("b/app", List.of("1", "2"), List.of(), Optional.empty()));
        assertThat(images).allSatisfy(d -> {
            assertThat(d.scanned()).isTrue();
            assertThat(d.tagsToScan()).isEqualTo(d.image().tags());
            assertThat(d.ageUnknown()).as("no max_age_days, nothing to say about age").isFalse();
            assertThat(d.includedBy()).isEmpty();
        });
    }

    // --- exclude

    @Test
    void excludeSkipsAnImageWhoseTagsAllMatch() {
        ImageDecision decision = only(filter(exclude(".*:.*-debug$")).images(List.of(image("team-a/app", "aa", 1, "1.0-debug"))));

        assertThat(decision.scanned()).isFalse();
        assertThat(decision.tagsToScan()).isEmpty();
        assertThat(decision.skip()).contains(new Skip(SkipReason.EXCLUDED, "tag 1.0-debug matched exclude '.*:.*-debug$'"));
    }

    @Test
    void anImageWithANonExcludedTagIsScannedUnderItsRemainingTags() {
        ImageDecision decision = only(filter(exclude(".*:.*-debug$")).images(List.of(
                image("team-a/app", "aa", 1, "1.0-debug", "1.0", "latest"))));

        assertThat(decision.scanned()).isTrue();
        assertThat(decision.tagsToScan()).containsExactly("1.0", "latest");
    }

    @Test
    void everyExcludedTagIsNamedWithTheRegexItMatched() {
        ImageDecision decision = only(filter(exclude(".*-debug", ".*:nightly")).images(List.of(
                image("team-a/app", "aa", 1, "nightly", "2.0-debug"))));

        assertThat(decision.skip()).map(Skip::detail)
                .contains("tag 2.0-debug matched exclude '.*-debug', tag nightly matched exclude '.*:nightly'");
    }

    @Test
    void regexesMatchTheWholeReferenceWithTheRegistryHost() {
        ImageFilter filter = filter(exclude("team-a/.*"));
        assertThat(only(filter.images(List.of(image("team-a/app", "aa", 1, "1")))).scanned())
                .as("the regex must match from the host on").isTrue();

        ImageFilter anchored = filter(exclude("harbor\\.example\\.com/team-a/.*"));
        assertThat(only(anchored.images(List.of(image("team-a/app", "aa", 1, "1")))).scanned()).isFalse();
    }

    // --- max_age_days

    @Test
    void maxAgeSkipsImagesCreatedLongerAgo() {
        List<ImageDecision> decisions = filter(maxAgeDays(90)).images(List.of(
                new TaggedImage("team-a/app", "sha256:old", List.of("1.0"), Optional.of(Instant.parse("2024-01-03T08:00:00Z"))),
                image("team-a/app", "young", 89, "2.0"),
                image("team-a/app", "edge", 90, "1.5")));

        assertThat(decisionFor(decisions, "old").skip())
                .contains(new Skip(SkipReason.TOO_OLD, "created 2024-01-03, older than max_age_days 90"));
        assertThat(decisionFor(decisions, "young").scanned()).isTrue();
        assertThat(decisionFor(decisions, "edge").scanned()).as("exactly N days old is not older").isTrue();
        assertThat(decisions).noneMatch(ImageDecision::ageUnknown);
    }

    @Test
    void unknownCreationTimeIsKeptAndSaidSo() {
        ImageDecision decision = only(filter(maxAgeDays(1)).images(List.of(ageless("team-a/app", "aa", "1.0"))));

        assertThat(decision.scanned()).isTrue();
        assertThat(decision.tagsToScan()).containsExactly("1.0");
        assertThat(decision.ageUnknown()).isTrue();
    }

    // --- max_tags_per_repository

    @Test
    void maxTagsKeepsTheMostRecentTagsOfEachRepository() {
        List<ImageDecision> decisions = filter(maxTags(2)).images(List.of(
                image("team-a/app", "a1", 30, "1.0"),
                image("team-a/app", "a2", 20, "1.1"),
                image("team-a/app", "a3", 10, "1.2"),
                image("team-b/api", "b1", 300, "0.1")));

        assertThat(decisionFor(decisions, "a3").tagsToScan()).containsExactly("1.2");
        assertThat(decisionFor(decisions, "a2").tagsToScan()).containsExactly("1.1");
        assertThat(decisionFor(decisions, "a1").skip()).contains(new Skip(SkipReason.MAX_TAGS_PER_REPOSITORY,
                "tag 1.0 is not among the 2 most recent tags of team-a/app (max_tags_per_repository 2)"));
        assertThat(decisionFor(decisions, "b1").scanned()).as("the limit is per repository").isTrue();
    }

    @Test
    void maxTagsCountsTagsNotImages() {
        List<ImageDecision> decisions = filter(maxTags(2)).images(List.of(
                image("team-a/app", "new", 1, "2.0", "latest", "stable"),
                image("team-a/app", "old", 50, "1.0")));

        assertThat(decisionFor(decisions, "new").tagsToScan())
                .as("equal times rank by tag name, descending").containsExactly("latest", "stable");
        assertThat(decisionFor(decisions, "old").skip()).map(Skip::reason).contains(SkipReason.MAX_TAGS_PER_REPOSITORY);
    }

    @Test
    void tiesAreBrokenByTagNameDescending() {
        List<ImageDecision> decisions = filter(maxTags(1)).images(List.of(
                image("team-a/app", "x", 7, "1.10"),
                image("team-a/app", "y", 7, "1.9")));

        assertThat(decisionFor(decisions, "y").tagsToScan()).containsExactly("1.9");
        assertThat(decisionFor(decisions, "x").skip()).map(Skip::detail)
                .contains("tag 1.10 is not among the most recent tag of team-a/app (max_tags_per_repository 1)");
    }

    @Test
    void unknownCreationRanksAsOldest() {
        List<ImageDecision> decisions = filter(new FilterConfig(null, null, 365, 1, null)).images(List.of(
                ageless("team-a/app", "unknown", "zzz"),
                image("team-a/app", "known", 300, "aaa")));

        assertThat(decisionFor(decisions, "known").tagsToScan()).containsExactly("aaa");
        ImageDecision unknown = decisionFor(decisions, "unknown");
        assertThat(unknown.skip()).map(Skip::reason).contains(SkipReason.MAX_TAGS_PER_REPOSITORY);
        assertThat(unknown.ageUnknown()).isTrue();
    }

    @Test
    void excludedAndTooOldTagsTakeNoPlaceUnderMaxTags() {
        List<ImageDecision> decisions = filter(new FilterConfig(null, List.of(".*-debug"), 30, 1, null)).images(List.of(
                image("team-a/app", "debug", 1, "3.0-debug"),
                image("team-a/app", "ancient", 400, "4.0"),
                image("team-a/app", "kept", 10, "2.0"),
                image("team-a/app", "older", 20, "1.0")));

        assertThat(decisionFor(decisions, "debug").skip()).map(Skip::reason).contains(SkipReason.EXCLUDED);
        assertThat(decisionFor(decisions, "ancient").skip()).map(Skip::reason).contains(SkipReason.TOO_OLD);
        assertThat(decisionFor(decisions, "kept").tagsToScan()).containsExactly("2.0");
        assertThat(decisionFor(decisions, "older").skip()).map(Skip::reason).contains(SkipReason.MAX_TAGS_PER_REPOSITORY);
    }

    @Test
    void anImageLosesOnlyTheTagsBeyondTheLimit() {
        List<ImageDecision> decisions = filter(maxTags(2)).images(List.of(
                image("team-a/app", "newest", 1, "3.0"),
                image("team-a/app", "middle", 2, "2.0", "2"),
                image("team-a/app", "oldest", 3, "1.0")));

        assertThat(decisionFor(decisions, "middle").tagsToScan()).containsExactly("2.0");
        assertThat(decisionFor(decisions, "oldest").scanned()).isFalse();
    }

    // --- max_repositories_per_registry

    @Test
    void maxRepositoriesKeepsTheFirstByNameAndSkipsTheTagsOfTheRest() {
        Map<String, List<String>> tags = new LinkedHashMap<>();
        tags.put("d/app", List.of("1"));
        tags.put("b/app", List.of("1"));
        tags.put("c/app", List.of("2", "1"));
        tags.put("a/app", List.of("1"));

        List<RepositoryDecision> decisions = filter(maxRepositories(2)).repositories(tags);

        assertThat(decisions).extracting(RepositoryDecision::repository).containsExactly("a/app", "b/app", "c/app", "d/app");
        assertThat(decisions.get(0).tagsForMetadata()).containsExactly("1");
        assertThat(decisions.get(1).skipped()).isFalse();
        RepositoryDecision c = decisions.get(2);
        assertThat(c.skipped()).isTrue();
        assertThat(c.tagsForMetadata()).isEmpty();
        assertThat(c.skippedTags()).containsExactly("1", "2");
        assertThat(c.skip()).contains(new Skip(SkipReason.MAX_REPOSITORIES_PER_REGISTRY,
                "repository c/app is beyond the first 2 by name (max_repositories_per_registry 2)"));
        assertThat(decisions.get(3).skipped()).isTrue();
    }

    @Test
    void repositoriesWithoutTagsTakeNoPlace() {
        List<RepositoryDecision> decisions = filter(maxRepositories(1)).repositories(Map.of(
                "a/empty", List.of(), "b/app", List.of("1"), "c/app", List.of("1")));

        assertThat(decisions).extracting(RepositoryDecision::skipped).containsExactly(false, false, true);
    }

    // --- include beats the rest

    @Test
    void includeBeatsExclude() {
        List<ImageDecision> decisions = filter(new FilterConfig(List.of(".*:latest"), List.of(".*"), null, null, null)).images(List.of(
                image("team-a/app", "inc", 1, "latest", "1.0"),
                image("team-a/app", "exc", 1, "1.1")));

        ImageDecision included = decisionFor(decisions, "inc");
        assertThat(included.scanned()).isTrue();
        assertThat(included.tagsToScan()).as("excluded tags are still left out of the names").containsExactly("latest");
        assertThat(included.includedBy()).contains("tag latest matched include '.*:latest'");
        assertThat(decisionFor(decisions, "exc").skip()).map(Skip::reason).contains(SkipReason.EXCLUDED);
    }

    @Test
    void anIncludedImageKeepsItsTagsThatNoExcludeMatches() {
        ImageDecision decision = only(filter(new FilterConfig(List.of(".*:latest"), List.of(".*-debug"), null, null, null))
                .images(List.of(image("team-a/app", "aa", 1, "latest", "1.0", "1.0-debug"))));

        assertThat(decision.tagsToScan()).containsExactly("1.0", "latest");
    }

    @Test
    void includeBeatsAge() {
        ImageFilter filter = filter(new FilterConfig(List.of(".*:lts"), null, 30, null, null));

        List<ImageDecision> decisions = filter.images(List.of(
                image("team-a/app", "old", 1000, "lts"),
                ageless("team-a/app", "ageless", "lts")));

        ImageDecision old = decisionFor(decisions, "old");
        assertThat(old.scanned()).isTrue();
        assertThat(old.includedBy()).contains("tag lts matched include '.*:lts'");
        assertThat(decisionFor(decisions, "ageless").ageUnknown()).as("age does not matter for an included image").isFalse();
    }

    @Test
    void includeBeatsMaxTagsAndTakesNoPlace() {
        List<ImageDecision> decisions = filter(new FilterConfig(List.of(".*:stable"), null, null, 1, null)).images(List.of(
                image("team-a/app", "stable", 100, "stable"),
                image("team-a/app", "newer", 2, "2.0"),
                image("team-a/app", "newest", 1, "3.0")));

        assertThat(decisionFor(decisions, "stable").tagsToScan()).containsExactly("stable");
        assertThat(decisionFor(decisions, "newest").tagsToScan()).containsExactly("3.0");
        assertThat(decisionFor(decisions, "newer").skip()).map(Skip::reason).contains(SkipReason.MAX_TAGS_PER_REPOSITORY);
    }

    @Test
    void includeBeatsMaxRepositoriesAndTakesNoPlace() {
        List<RepositoryDecision> decisions = filter(new FilterConfig(List.of(".*:stable", HOST + "/a/.*"), null, null, null, 1))
                .repositories(Map.of(
                        "a/all-included", List.of("1", "2"),
                        "b/app", List.of("1"),
                        "c/app", List.of("1", "stable")));

        assertThat(decisions.get(0)).isEqualTo(new RepositoryDecision("a/all-included", List.of("1", "2"), List.of(), Optional.empty()));
        assertThat(decisions.get(1).tagsForMetadata()).as("a/ took no place, so b/ has the one").containsExactly("1");
        RepositoryDecision c = decisions.get(2);
        assertThat(c.tagsForMetadata()).containsExactly("stable");
        assertThat(c.skippedTags()).containsExactly("1");
        assertThat(c.skipped()).isFalse();
        assertThat(c.skip()).map(Skip::reason).contains(SkipReason.MAX_REPOSITORIES_PER_REGISTRY);
    }

    @Test
    void tagsRescuedInTheRepositoryStageAreScannedInTheImageStage() {
        ImageFilter filter = filter(new FilterConfig(List.of(".*:stable"), null, 30, 1, 1));
        RepositoryDecision rescued = filter.repositories(Map.of("a/app", List.of("1"), "b/app", List.of("1", "stable"))).get(1);

        List<ImageDecision> decisions = filter.images(List.of(image("b/app", "old", 400, rescued.tagsForMetadata().get(0))));

        assertThat(only(decisions).tagsToScan()).containsExactly("stable");
    }

    // --- output

    @Test
    void outputIsByRepositoryThenDigestWhateverTheInputOrder() {
        List<TaggedImage> images = new ArrayList<>(List.of(
                image("b/app", "03", 1, "x"),
                image("a/app", "02", 2, "y", "w"),
                ageless("b/app", "01", "z"),
                image("a/app", "04", 3, "v"),
                image("c/app", "00", 4, "u")));
        ImageFilter filter = filter(new FilterConfig(null, List.of(".*:y"), 10, 2, null));

        List<ImageDecision> forward = filter.images(images);
        Collections.reverse(images);
        List<ImageDecision> backward = filter.images(images);

        assertThat(forward).isEqualTo(backward);
        assertThat(forward).extracting(d -> d.image().repository() + "@" + d.image().digest()).containsExactly(
                "a/app@sha256:02", "a/app@sha256:04", "b/app@sha256:01", "b/app@sha256:03", "c/app@sha256:00");
    }

    @Test
    void anImageGivenTwiceIsRejected() {
        assertThatThrownBy(() -> filter(FilterConfig.NONE).images(List.of(
                image("a/app", "01", 1, "x"), image("a/app", "01", 1, "y"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a/app@sha256:01 is given twice");
    }

    @Test
    void taggedImageKeepsItsTagsSortedWithoutRepeats() {
        assertThat(new TaggedImage("a/app", "sha256:01", List.of("b", "a", "b"), null))
                .isEqualTo(new TaggedImage("a/app", "sha256:01", List.of("a", "b"), Optional.empty()));
        assertThatThrownBy(() -> new TaggedImage("a/app", "sha256:01", List.of(), Optional.empty()))
                .hasMessageContaining("no tag");
    }

    @Test
    void skipReasonsNameTheirSetting() {
        assertThat(SkipReason.values()).extracting(SkipReason::configKey)
                .containsExactly("exclude", "max_age_days", "max_tags_per_repository", "max_repositories_per_registry");
    }
}
