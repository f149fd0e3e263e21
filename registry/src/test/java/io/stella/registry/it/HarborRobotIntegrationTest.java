package io.stella.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.registry.ImageReference;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.config.RegistryType;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.http.TlsSettings;
import io.stella.testing.Closer;
import io.stella.testing.LocalRegistry;
import io.stella.testing.PushAuth;
import io.stella.testing.Skopeo;
import io.stella.testing.TestCa;
import io.stella.testing.TestImages;
import io.stella.testing.TokenService;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real registry behind a token service whose accounts are named like Harbor robots and granted per project
 * (first path segment) as Harbor does: with the registry typed HARBOR, denials and rejected secrets are explained
 * in Harbor's terms; typed GENERIC, the same failures keep the generic hints.
 */
@Tag("integration")
class HarborRobotIntegrationTest {
    static final String CI_ROBOT = "robot$team-a+ci";
    static final String CI_SECRET = "ci-SENTINEL-secret-51f0";
    static final String PUSH_ONLY_ROBOT = "robot$team-a+pusher";
    static final String ROTATED_ROBOT = "robot$team-a+rotated";
    static TestCa ca;
    static TokenService tokens;
    static LocalRegistry registry;
    static TlsSettings trustCa;

    @BeforeAll
    static void start(@TempDir Path dir) {
        ca = TestCa.create();
        trustCa = Clients.trusting(ca, dir.resolve("ca"));
        tokens = TokenService.builder(ca)
                .user("admin", "admin-pw").grant("admin", "*", "pull", "push")
                .user(CI_ROBOT, CI_SECRET).grant(CI_ROBOT, "team-a", "pull")
                .user(PUSH_ONLY_ROBOT, "pusher-secret").grant(PUSH_ONLY_ROBOT, "team-a", "push")
                .user(ROTATED_ROBOT, "first-secret").grant(ROTATED_ROBOT, "team-a", "pull")
                .user("carol", "carol-pw").grant("carol", "team-a", "pull")
                .start();
        registry = LocalRegistry.builder().token(tokens).tls(ca.issueServer(List.of("127.0.0.1")), ca).start();
        Path image = TestImages.singleArch(dir.resolve("img"), "linux", "amd64", null, 1024);
        for (String repo : List.of("team-a/app", "team-b/app")) {
            Skopeo.copy(Skopeo.oci(image), registry, repo + ":1.0", PushAuth.of("admin", "admin-pw"), false);
        }
    }

    @AfterAll
    static void stop() {
        Closer.closeAll(registry, tokens);
    }

    private static RegistryClient client(RegistryType type, ResolvedCredential credential) {
        return Clients.builder(registry.host()).credential(credential).tls(trustCa).vendor(type).build();
    }

    private static ImageReference ref(String repoAndTag) {
        return ImageReference.parse(registry.host() + "/" + repoAndTag);
    }

    private static RegistryException pullFails(RegistryClient client, String repoAndTag) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> client.resolve(ref(repoAndTag), Optional.empty()));
        assertThat(thrown).isInstanceOf(RegistryException.class);
        return (RegistryException) thrown;
    }

    @Test
    void projectRobotPullingFromAnotherProjectIsToldToUseARobotOfThatProject() {
        RegistryClient c = client(RegistryType.HARBOR, Clients.user(CI_ROBOT, CI_SECRET));
        assertThat(c.resolve(ref("team-a/app:1.0"), Optional.empty()).manifest().layers())
                .as("the robot's own project").hasSize(1);

        RegistryException e = pullFails(c, "team-b/app:1.0");
        assertThat(e.code()).isEqualTo(FailureCode.AUTH_INSUFFICIENT_SCOPE);
        assertThat(e.hint()).contains("robot account robot$team-a+ci is a project robot of project team-a",
                "repository team-b/app is in project team-b, which it cannot access",
                "create a robot in team-b or a system robot with pull on team-b",
                "Projects → team-b → Robot Accounts / Administration → Robot Accounts");
        assertThat(e.evidence()).containsEntry("vendor", "Harbor")
                .containsEntry("harbor_robot", CI_ROBOT)
                .containsEntry("harbor_robot_project", "team-a")
                .containsEntry("harbor_denied_project", "team-b")
                .containsEntry("scope_requested", "repository:team-b/app:pull")
                .containsEntry("scope_granted", "[]");
        assertThat(e.toString() + e.hint() + e.evidence()).doesNotContain(CI_SECRET);
    }

    @Test
    void theSameDenialOnAGenericRegistryKeepsTheGenericHint() {
        RegistryException e = pullFails(client(RegistryType.GENERIC, Clients.user(CI_ROBOT, CI_SECRET)), "team-b/app:1.0");
        assertThat(e.code()).isEqualTo(FailureCode.AUTH_INSUFFICIENT_SCOPE);
        assertThat(e.hint()).startsWith("Grant the username-password credentials from explicit (test user robot$team-a+ci)"
                        + " 'pull' on team-b/app")
                .doesNotContain("project robot", "Robot Accounts", "Harbor");
        assertThat(e.evidence()).doesNotContainKeys("vendor", "harbor_robot");
    }

    @Test
    void robotOfTheRightProjectWithoutPullIsToldToAddThePullPermission() {
        RegistryException e = pullFails(client(RegistryType.HARBOR, Clients.user(PUSH_ONLY_ROBOT, "pusher-secret")),
                "team-a/app:1.0");
        assertThat(e.code()).isEqualTo(FailureCode.AUTH_INSUFFICIENT_SCOPE);
        assertThat(e.hint()).contains("robot account robot$team-a+pusher is a project robot of project team-a but "
                + "lacks the permission: add the 'Pull Repository' permission to robot$team-a+pusher");
    }

    @Test
    void memberOfAnotherProjectIsToldToJoinTheProject() {
        RegistryException e = pullFails(client(RegistryType.HARBOR, Clients.user("carol", "carol-pw")), "team-b/app:1.0");
        assertThat(e.code()).isEqualTo(FailureCode.AUTH_INSUFFICIENT_SCOPE);
        assertThat(e.hint()).contains("add carol to project team-b (Projects → team-b → Members");
    }

    @Test
    void wrongRobotSecretGetsTheRobotExpiryHint() {
        RegistryException e = pullFails(client(RegistryType.HARBOR, Clients.user(CI_ROBOT, "stale-SENTINEL-secret")),
                "team-a/app:1.0");
        assertThat(e.code()).isEqualTo(FailureCode.AUTH_INVALID_CREDENTIALS);
        assertThat(e.evidence()).containsKey("realm").containsEntry("harbor_robot", CI_ROBOT)
                .containsEntry("harbor_robot_kind", "project");
        assertThat(e.hint()).contains("Harbor rejected robot account robot$team-a+ci",
                "expire after 30 days", "disabled or deleted", "Projects → team-a → Robot Accounts", "Refresh Secret");
        assertThat(e.toString() + e.hint() + e.evidence()).doesNotContain("stale-SENTINEL-secret");

        RegistryException generic = pullFails(client(RegistryType.GENERIC, Clients.user(CI_ROBOT, "stale-SENTINEL-secret")),
                "team-a/app:1.0");
        assertThat(generic.hint()).isEqualTo(FailureCode.AUTH_INVALID_CREDENTIALS.defaultHint());
    }

    @Test
    void aRefreshedRobotSecretTurnsAwayTheOldOneWithTheRefreshHint() {
        RegistryClient before = client(RegistryType.HARBOR, Clients.user(ROTATED_ROBOT, "first-secret"));
        assertThat(before.resolve(ref("team-a/app:1.0"), Optional.empty()).manifest().layers()).hasSize(1);

        tokens.setPassword(ROTATED_ROBOT, "second-secret"); // 'Refresh Secret' in Harbor
        RegistryException e = pullFails(client(RegistryType.HARBOR, Clients.user(ROTATED_ROBOT, "first-secret")),
                "team-a/app:1.0");
        assertThat(e.code()).isEqualTo(FailureCode.AUTH_INVALID_CREDENTIALS);
        assertThat(e.hint()).contains("robot$team-a+rotated", "Refresh Secret");
        assertThat(client(RegistryType.HARBOR, Clients.user(ROTATED_ROBOT, "second-secret"))
                .resolve(ref("team-a/app:1.0"), Optional.empty()).manifest().layers()).hasSize(1);
    }

    @Test
    void anonymousPullOfAPrivateProjectIsToldAboutPublicProjects() {
        RegistryException e = pullFails(client(RegistryType.HARBOR, ResolvedCredential.anonymous()), "team-b/app:1.0");
        assertThat(e.code()).isEqualTo(FailureCode.AUTH_NO_CREDENTIALS);
        assertThat(e.hint()).contains("only from public projects", "project team-b is private",
                "robot$team-b+<name>");
    }
}
