package io.stella.registry.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.registry.Secret;
import io.stella.registry.auth.Credential;
import io.stella.registry.auth.CredentialOrigin;
import io.stella.registry.auth.ResolvedCredential;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Harbor robot names, Quay robot names and token prefixes. */
class AccountNamesTest {

    @Test
    void harborProjectRobotSinceHarbor22() {
        HarborRobot robot = HarborRobot.parse("robot$team-a+ci").orElseThrow();
        assertThat(robot.project()).contains("team-a");
        assertThat(robot.name()).isEqualTo("ci");
        assertThat(robot.projectRobot()).isTrue();
        assertThat(robot.describe()).isEqualTo("robot account robot$team-a+ci is a project robot of project team-a");
        assertThat(robot.uiLocation()).isEqualTo("Projects → team-a → Robot Accounts");
    }

    @Test
    void harborRobotWithoutProjectIsSystemOrPre22ProjectRobot() {
        HarborRobot robot = HarborRobot.parse("robot$scanner").orElseThrow();
        assertThat(robot.project()).isEmpty();
        assertThat(robot.name()).isEqualTo("scanner");
        assertThat(robot.describe()).contains("system robot", "before Harbor 2.2");
        assertThat(robot.uiLocation()).startsWith("Administration → Robot Accounts");
        assertThat(HarborRobot.parse("robot$team.x+build+1").orElseThrow())
                .as("only the first + separates the project").satisfies(r -> {
                    assertThat(r.project()).contains("team.x");
                    assertThat(r.name()).isEqualTo("build+1");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "robot", "robot$", "robot$+ci", "robot$team-a+", "Robot$team-a+ci", "xrobot$a+b", ""})
    void notHarborRobots(String name) {
        assertThat(HarborRobot.parse(name)).isEmpty();
    }

    @Test
    void quayRobots() {
        assertThat(QuayRobot.parse("acme+deployer")).contains(new QuayRobot("acme+deployer", "acme", "deployer"));
        assertThat(QuayRobot.parse("alice")).isEmpty();
        assertThat(QuayRobot.parse("+x")).isEmpty();
        assertThat(QuayRobot.parse("acme+")).isEmpty();
        assertThat(QuayRobot.parse("a+b+c")).isEmpty();
        assertThat(QuayRobot.parse(null)).isEmpty();
    }

    @Test
    void tokenFamiliesAreToldByPrefixWithoutKeepingTheToken() {
        assertThat(TokenFamily.of(Secret.of("dckr_pat_SENTINEL123"))).contains(TokenFamily.DOCKER_HUB_PAT);
        assertThat(TokenFamily.of(Secret.of("dckr_oat_x"))).contains(TokenFamily.DOCKER_HUB_ORG_TOKEN);
        assertThat(TokenFamily.of(Secret.of("ghp_abc"))).contains(TokenFamily.GITHUB_CLASSIC_PAT);
        assertThat(TokenFamily.of(Secret.of("github_pat_11AB"))).contains(TokenFamily.GITHUB_FINE_GRAINED_PAT);
        assertThat(TokenFamily.of(Secret.of("glpat-xyz"))).contains(TokenFamily.GITLAB_ACCESS_TOKEN);
        assertThat(TokenFamily.of(Secret.of("gldt-xyz"))).contains(TokenFamily.GITLAB_DEPLOY_TOKEN);
        assertThat(TokenFamily.of(Secret.of("AKCp8abc"))).contains(TokenFamily.ARTIFACTORY_API_KEY);
        assertThat(TokenFamily.of(Secret.of("cmVmdGtuOjAxOjE2"))).contains(TokenFamily.ARTIFACTORY_REFERENCE_TOKEN);
        assertThat(TokenFamily.of(Secret.of("hunter2"))).isEmpty();
        assertThat(TokenFamily.of(Secret.of("dckr_pat_"))).as("a bare prefix is no token").isEmpty();
        assertThat(TokenFamily.DOCKER_HUB_PAT.label()).isEqualTo("dckr_pat_…");
    }

    @Test
    void principalNamesTheTokenFamilyNeverTheToken() {
        Principal p = Principal.of(new ResolvedCredential(
                new Credential.UsernamePassword("alice", Secret.of("dckr_pat_SENTINEL123")),
                new CredentialOrigin("explicit", "test")));
        assertThat(p.username()).contains("alice");
        assertThat(p.token()).contains(TokenFamily.DOCKER_HUB_PAT);
        assertThat(p.describe()).isEqualTo("user alice with a Docker Hub personal access token (dckr_pat_…)")
                .doesNotContain("SENTINEL");
        assertThat(Principal.of(ResolvedCredential.anonymous())).isEqualTo(Principal.ANONYMOUS);
        assertThat(Principal.of(new ResolvedCredential(new Credential.RegistryToken(Secret.of("eyJhbGciOi")),
                new CredentialOrigin("auth-file", "registrytoken"))))
                .isEqualTo(new Principal(false, Optional.empty(), Optional.of(TokenFamily.JWT)));
    }
}
