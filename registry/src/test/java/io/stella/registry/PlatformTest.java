package io.stella.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.registry.failure.RegistryException;
import org.junit.jupiter.api.Test;

class PlatformTest {

    @Test
    void parsesAndMatchesVariants() {
        Platform arm64 = Platform.parse("linux/arm64");
        assertThat(new Platform("linux", "arm64", "v8").satisfies(arm64)).isTrue();
        assertThat(new Platform("linux", "arm64", null).satisfies(Platform.parse("linux/arm64/v8"))).isTrue();
        assertThat(new Platform("linux", "arm", "v6").satisfies(Platform.parse("linux/arm/v7"))).isFalse();
        assertThat(new Platform("linux", "arm", "v7").satisfies(Platform.parse("linux/arm"))).isTrue();
        assertThat(new Platform("linux", "amd64", null).satisfies(Platform.parse("windows/amd64"))).isFalse();
        assertThat(Platform.parse("Linux/AMD64").toString()).isEqualTo("linux/amd64");
    }

    @Test
    void rejectsMalformedPlatform() {
        for (String bad : new String[] {"linux", "linux/", "/amd64", "a/b/c/d", "linux/arm/"}) {
            assertThatThrownBy(() -> Platform.parse(bad)).isInstanceOf(RegistryException.class)
                    .hasMessageContaining("os/arch[/variant]");
        }
    }
}
