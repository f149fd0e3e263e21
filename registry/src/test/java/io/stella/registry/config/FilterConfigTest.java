package io.stella.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterConfigTest {

    @Test
    void noneIsEmptyAndEverySettingMakesItNonEmpty() {
        assertThat(FilterConfig.NONE.isEmpty()).isTrue();
        assertThat(FilterConfig.NONE.include()).isEmpty();
        assertThat(FilterConfig.NONE.exclude()).isEmpty();
        assertThat(new FilterConfig(List.of(), List.of(), null, null, null).isEmpty()).isTrue();
        assertThat(new FilterConfig(List.of("a"), null, null, null, null).isEmpty()).isFalse();
        assertThat(new FilterConfig(null, List.of("a"), null, null, null).isEmpty()).isFalse();
        assertThat(new FilterConfig(null, null, 1, null, null).isEmpty()).isFalse();
        assertThat(new FilterConfig(null, null, null, 1, null).isEmpty()).isFalse();
        assertThat(new FilterConfig(null, null, null, null, 1).isEmpty()).isFalse();
    }

    @Test
    void invalidRegexIsNamedByItsIndexWithTheProblem() {
        InvalidConfigValueException e = rejected(() -> new FilterConfig(List.of("ok.*", "also-ok", "team-(a"), null, null, null, null));

        assertThat(e.key()).isEqualTo("include[2]");
        assertThat(e.getMessage()).isEqualTo("include[2] 'team-(a' is not a valid regular expression: Unclosed group at index 7");
        assertThat(rejected(() -> new FilterConfig(null, List.of("*-debug"), null, null, null)).key()).isEqualTo("exclude[0]");
    }

    @Test
    void emptyRegexIsRejected() {
        InvalidConfigValueException e = rejected(() -> new FilterConfig(null, Arrays.asList("a", null), null, null, null));

        assertThat(e.key()).isEqualTo("exclude[1]");
        assertThat(e.getMessage()).contains("is empty");
        assertThat(rejected(() -> new FilterConfig(List.of(""), null, null, null, null)).key()).isEqualTo("include[0]");
    }

    @Test
    void zeroAndNegativeLimitsAreRejected() {
        assertThat(rejected(() -> new FilterConfig(null, null, 0, null, null)))
                .hasMessage("max_age_days must be at least 1, not 0; remove it to scan images of any age");
        assertThat(rejected(() -> new FilterConfig(null, null, null, -1, null)).key()).isEqualTo("max_tags_per_repository");
        assertThat(rejected(() -> new FilterConfig(null, null, null, null, 0)).key()).isEqualTo("max_repositories_per_registry");
    }

    private static InvalidConfigValueException rejected(Runnable construction) {
        InvalidConfigValueException e = catchThrowableOfType(InvalidConfigValueException.class, construction::run);
        assertThat(e).as("should be rejected").isNotNull();
        return e;
    }
}
