package io.stella.inventory.analyzers.gobinary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoToolchainVersionTest {
    /** govulncheck's GoTagToSemver cases (golang.org/x/vuln internal/semver), without the leading v. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "go1.19.8|1.19.8",
        "go1.20|1.20.0",
        "go1|1.0.0",
        "go1.21rc2|1.21.0-rc.2",
        "go1.18beta1|1.18.0-beta.1",
        "go1.22.3 X:boringcrypto|1.22.3",
        "go1.21.0 X:nocoverageredesign,loopvar|1.21.0",
        "go1.21.0-bigcorp|1.21.0",
    })
    void releaseTagsBecomeSemanticVersions(String tag, String expected) {
        assertThat(GoToolchainVersion.semver(tag)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"devel go1.23-abc1234 Tue Jan 2 15:04:05 2024 +0000", "go1.0", "", "gccgo", "go1.x"})
    void developmentAndUnknownToolchainsHaveNoVersion(String tag) {
        assertThat(GoToolchainVersion.semver(tag)).isEmpty();
    }
}
