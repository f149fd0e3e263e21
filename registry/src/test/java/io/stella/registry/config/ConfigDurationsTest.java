package io.stella.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigDurationsTest {

    @Test
    void readsEachUnit() {
        assertThat(ConfigDurations.parse("k", "90s", "smhd", "")).isEqualTo(Duration.ofSeconds(90));
        assertThat(ConfigDurations.parse("k", "10m", "smhd", "")).isEqualTo(Duration.ofMinutes(10));
        assertThat(ConfigDurations.parse("k", " 2h ", "smhd", "")).isEqualTo(Duration.ofHours(2));
        assertThat(ConfigDurations.parse("k", "7d", "smhd", "")).isEqualTo(Duration.ofDays(7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10x", "10", "0m", "m", "-5m", "1.5h", "10 m", "10M", "1234567m", "", "1d"})
    void rejectsWhatIsNotAPositiveDurationInAnAllowedUnit(String text) {
        assertThatThrownBy(() -> ConfigDurations.parse("timeout_per_image", text, "smh", "90s, 10m, 2h"))
                .isInstanceOf(InvalidConfigValueException.class)
                .hasMessage("timeout_per_image '" + text + "' is not a duration; write it as seconds, minutes or hours, "
                        + "e.g. 90s, 10m, 2h")
                .extracting(e -> ((InvalidConfigValueException) e).key()).isEqualTo("timeout_per_image");
    }
}
