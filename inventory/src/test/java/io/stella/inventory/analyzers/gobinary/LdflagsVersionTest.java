package io.stella.inventory.analyzers.gobinary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Trivy's -ldflags heuristic for the main module's version (see LdflagsVersion). */
class LdflagsVersionTest {
    @Test
    void versionStampedInMainPackage() {
        assertThat(LdflagsVersion.of("github.com/example/tool", "-s -w -X main.version=1.4.2")).contains("v1.4.2");
        assertThat(LdflagsVersion.of("github.com/example/tool", "-X='main.Version=v2.0.0-rc.1'"))
                .contains("v2.0.0-rc.1");
        assertThat(LdflagsVersion.of("github.com/example/tool", "-X 'main.version=1.4.2' -extldflags '-static'"))
                .contains("v1.4.2");
    }

    @Test
    void variableUnderTheModulesCmdTreeWinsOverOthers() {
        String flags = "-X main.version=1.0.0 -X github.com/example/tool/cmd/tool/app.Version=2.0.0";
        assertThat(LdflagsVersion.of("github.com/example/tool", flags)).contains("v2.0.0");
    }

    @Test
    void otherPackagesCountWhenNothingBetterExists() {
        // Trivy stamps itself this way.
        String flags = "-s -w -X=github.com/aquasecurity/trivy/pkg/version/app.ver=0.50.1";
        assertThat(LdflagsVersion.of("github.com/aquasecurity/trivy", flags)).contains("v0.50.1");
    }

    @Test
    void ambiguousOrNonSemverStampsGiveNothing() {
        assertThat(LdflagsVersion.of("github.com/example/tool", "-X main.version=1.0.0 -X version.Version=1.1.0"))
                .isEmpty();
        assertThat(LdflagsVersion.of("github.com/example/tool", "-X main.version=dev")).isEmpty();
        assertThat(LdflagsVersion.of("github.com/example/tool", "-X main.commit=1.0.0")).isEmpty();
        assertThat(LdflagsVersion.of("github.com/example/tool", "-X 'main.version=1.0.0")).isEmpty();
        assertThat(LdflagsVersion.of("github.com/example/tool", "")).isEmpty();
    }

    @Test
    void semverFollowsGoModSemver() {
        assertThat(LdflagsVersion.isSemver("v1")).isTrue();
        assertThat(LdflagsVersion.isSemver("1.2")).isTrue();
        assertThat(LdflagsVersion.isSemver("1.2.3-beta.1+build.5")).isTrue();
        assertThat(LdflagsVersion.isSemver("1.2-beta")).isFalse();
        assertThat(LdflagsVersion.isSemver("01.2.3")).isFalse();
        assertThat(LdflagsVersion.isSemver("1.2.3-01")).isFalse();
    }
}
