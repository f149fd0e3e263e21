package io.stella.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateLimitStatusTest {

    @Test
    void dockerHubHeadersGiveLimitRemainingWindowAndSource() {
        RateLimitStatus status = RateLimitStatus.parse("100;w=21600", "76;w=21600", "203.0.113.7").orElseThrow();
        assertThat(status).isEqualTo(new RateLimitStatus(100, 76, Optional.of(Duration.ofHours(6)),
                Optional.of("203.0.113.7")));
        assertThat(status.exhausted()).isFalse();
        assertThat(status.describe()).isEqualTo("76 of 100 left per 21600 s (6 h), counted against 203.0.113.7");
    }

    @Test
    void plainNumbersListsAndSpacesAreRead() {
        assertThat(RateLimitStatus.parse("200", "0", null)).contains(
                new RateLimitStatus(200, 0, Optional.empty(), Optional.empty()));
        assertThat(RateLimitStatus.parse(" 100 ; w=3600, 1000;w=86400", "5;w=3600", " ")).hasValueSatisfying(s -> {
            assertThat(s.limit()).isEqualTo(100);
            assertThat(s.window()).contains(Duration.ofHours(1));
            assertThat(s.source()).isEmpty();
            assertThat(s.exhausted()).isFalse();
        });
        assertThat(RateLimitStatus.parse("100", "0;w=60", null).orElseThrow().window())
                .as("the window may come with either header").contains(Duration.ofMinutes(1));
        assertThat(RateLimitStatus.parse("100", "0", null).orElseThrow().exhausted()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "NULL, 5",
            "100, NULL",
            "abc, 5",
            "100;w=21600, many",
            "-1, 5",
            "100, -3",
            "'', ''",
            "99999999999999999999, 1",
            ";w=21600, 1;w=21600"})
    void malformedLimitOrRemainingIsIgnored(String limit, String remaining) {
        assertThat(RateLimitStatus.parse(limit, remaining, "203.0.113.7")).isEmpty();
    }

    @Test
    void malformedWindowOrSourceIsDroppedButTheCountsStay() {
        RateLimitStatus status = RateLimitStatus.parse("100;w=six-hours", "7;w=0", "evil\nheader").orElseThrow();
        assertThat(status.limit()).isEqualTo(100);
        assertThat(status.remaining()).isEqualTo(7);
        assertThat(status.window()).isEmpty();
        assertThat(status.source()).as("control characters are not echoed into output").isEmpty();
        assertThat(status.describe()).isEqualTo("7 of 100 left");
    }
}
