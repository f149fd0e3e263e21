package io.stella.registry.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each vendor's hint for the failures RegistrySession and TokenClient build (same codes and evidence). */
class VendorAdviceTest {

    private static RegistryException denied(String registry, String repository) {
        return RegistryException.builder(FailureCode.AUTH_INSUFFICIENT_SCOPE, "not granted pull on " + repository)
                .registry(registry).repository(repository)
                .evidence("http_status", 401).evidence("scope_requested", "repository:" + repository + ":pull")
                .hint("generic").build();
    }

    private static RegistryException hidden(String registry, String repository) {
        return RegistryException.builder(FailureCode.REPOSITORY_NOT_FOUND_OR_DENIED, "not found or hidden")
                .registry(registry).repository(repository).evidence("http_status", 404).hint("generic").build();
    }

    private static RegistryException anonymous(String registry, String repository) {
        return RegistryException.builder(FailureCode.AUTH_NO_CREDENTIALS, "requires authentication")
                .registry(registry).repository(repository).evidence("http_status", 401).hint("generic").build();
    }

    private static RegistryException rejected(String registry) {
        return RegistryException.builder(FailureCode.AUTH_INVALID_CREDENTIALS, "token service rejected the credentials")
                .registry(registry).evidence("http_status", 401).evidence("realm", "https://" + registry + "/token")
                .hint("generic").build();
    }

    private static RegistryException rateLimited(String registry) {
        return RegistryException.builder(FailureCode.REGISTRY_RATE_LIMITED, "HTTP 429")
                .registry(registry).evidence("http_status", 429).evidence("registry_error_code", "TOOMANYREQUESTS")
                .evidence("ratelimit_window_seconds", 21600).evidence("ratelimit_source", "203.0.113.7")
                .hint("generic").build();
    }

    private static RegistryException noRegistryApi(String registry) {
        return RegistryException.builder(FailureCode.REGISTRY_PROTOCOL_ERROR, "GET https://" + registry
                        + "/v2/ answered HTTP 404; this does not look like a registry v2 API")
                .registry(registry).evidence("http_status", 404).build();
    }

    private static RegistryException explain(RegistryVendor vendor, RegistryException failure, Principal principal) {
        return VendorExplainer.forVendor(vendor).explain(failure, principal);
    }

    private static Principal user(String name, String password) {
        return Principal.of(new io.stella.registry.auth.ResolvedCredential(
                new io.stella.registry.auth.Credential.UsernamePassword(name, io.stella.registry.Secret.of(password)),
                new io.stella.registry.auth.CredentialOrigin("explicit", "test")));
    }

    @Test
    void harborProjectRobotOutsideItsProject() {
        RegistryException e = explain(RegistryVendor.HARBOR, denied("harbor.example.com", "team-b/app"),
                Principal.user("robot$team-a+ci"));
        assertThat(e.hint()).startsWith("robot account robot$team-a+ci is a project robot of project team-a; "
                        + "repository team-b/app is in project team-b, which it cannot access: create a robot in team-b "
                        + "or a system robot with pull on team-b (Harbor UI: Projects → team-b → Robot Accounts / "
                        + "Administration → Robot Accounts).");
        assertThat(e.code()).isEqualTo(FailureCode.AUTH_INSUFFICIENT_SCOPE);
        assertThat(e.getMessage()).isEqualTo("not granted pull on team-b/app");
        assertThat(e.evidence()).containsEntry("vendor", "Harbor").containsEntry("harbor_robot", "robot$team-a+ci")
                .containsEntry("harbor_robot_kind", "project").containsEntry("harbor_robot_project", "team-a")
                .containsEntry("harbor_denied_project", "team-b").containsEntry("http_status", "401");
    }

    @Test
    void harborRobotOfTheSameProjectLackingPullAndSystemRobots() {
        assertThat(explain(RegistryVendor.HARBOR, denied("h", "team-a/app"), Principal.user("robot$team-a+ci")).hint())
                .contains("add the 'Pull Repository' permission to robot$team-a+ci",
                        "Projects → team-a → Robot Accounts → edit robot$team-a+ci");
        assertThat(explain(RegistryVendor.HARBOR, denied("h", "team-b/app"), Principal.user("robot$scanner")).hint())
                .contains("robot$scanner is a system robot", "'Pull Repository' permission on project team-b",
                        "Administration → Robot Accounts");
        assertThat(explain(RegistryVendor.HARBOR, hidden("h", "team-b/app"), Principal.user("robot$team-a+ci")).hint())
                .startsWith("Harbor answers the same for a repository that does not exist")
                .contains("project robot of project team-a");
    }

    @Test
    void harborMembersAnonymousAndRejectedRobots() {
        assertThat(explain(RegistryVendor.HARBOR, denied("h", "team-b/app"), Principal.user("carol")).hint())
                .contains("add carol to project team-b (Projects → team-b → Members");
        assertThat(explain(RegistryVendor.HARBOR, anonymous("h", "team-b/app"), Principal.ANONYMOUS).hint())
                .contains("only from public projects", "project team-b is private");
        RegistryException robot = explain(RegistryVendor.HARBOR, rejected("h"), Principal.user("robot$team-a+ci"));
        assertThat(robot.hint()).contains("robot$team-a+ci", "expire after 30 days", "Refresh Secret",
                "Projects → team-a → Robot Accounts");
        assertThat(explain(RegistryVendor.HARBOR, rejected("h"), Principal.user("alice")).hint())
                .contains("CLI secret");
    }

    @Test
    void dockerHubRateLimitForAnonymousAndAuthenticatedPulls() {
        RegistryException anon = explain(RegistryVendor.DOCKERHUB, rateLimited("docker.io"), Principal.ANONYMOUS);
        assertThat(anon.hint()).contains("anonymous pulls are limited to 100 per 6 h per IP; authenticated free users 200",
                "log in with a PAT (stella registry configure docker-hub --username <user> --access-token <PAT>)",
                "rolling window of 21600 s (6 h)", "counts these pulls against 203.0.113.7");
        assertThat(anon.evidence()).containsEntry("ratelimit_window_hours", "6");
        assertThat(explain(RegistryVendor.DOCKERHUB, rateLimited("docker.io"), user("alice", "dckr_pat_SENTINEL")).hint())
                .contains("user alice with a Docker Hub personal access token (dckr_pat_…) is already authenticated")
                .doesNotContain("SENTINEL");
    }

    @Test
    void dockerHubTokensAndDeniedPulls() {
        RegistryException pat = explain(RegistryVendor.DOCKERHUB, rejected("docker.io"), user("alice", "dckr_pat_SENTINEL"));
        assertThat(pat.hint()).contains("dckr_pat_…", "revoked or expired", "Personal access tokens")
                .doesNotContain("SENTINEL");
        assertThat(pat.evidence()).containsEntry("token_kind", "dckr_pat_…");
        assertThat(explain(RegistryVendor.DOCKERHUB, rejected("docker.io"), user("alice", "hunter2")).hint())
                .contains("two-factor authentication", "personal access token");
        assertThat(explain(RegistryVendor.DOCKERHUB, rejected("docker.io"), user("acme", "dckr_oat_X")).hint())
                .contains("organization's name as username");
        assertThat(explain(RegistryVendor.DOCKERHUB, hidden("docker.io", "acme/private"), Principal.ANONYMOUS).hint())
                .contains("'pull access denied' both for repositories that do not exist and for private ones");
    }

    @Test
    void quayRobotsAndOauthTokens() {
        assertThat(explain(RegistryVendor.QUAY, denied("quay.io", "other/app"), Principal.user("acme+ci")).hint())
                .contains("robot acme+ci belongs to namespace acme", "create a robot in other");
        assertThat(explain(RegistryVendor.QUAY, denied("quay.io", "acme/app"), Principal.user("acme+ci")).hint())
                .contains("Give robot acme+ci Read on acme/app", "User and Robot Permissions");
        assertThat(explain(RegistryVendor.QUAY, rejected("quay.io"), Principal.user("acme+ci")).hint())
                .contains("View Credentials", "regenerat");
        assertThat(explain(RegistryVendor.QUAY, rejected("quay.io"), Principal.user("$oauthtoken")).hint())
                .contains("OAuth access token", "Generate Token");
    }

    @Test
    void nexusConnectorPortRealmAndPrivileges() {
        assertThat(explain(RegistryVendor.NEXUS, noRegistryApi("nexus.example.com:8081"), Principal.ANONYMOUS).hint())
                .contains("connector port", "not on its web port (8081)");
        assertThat(explain(RegistryVendor.NEXUS, rejected("n"), Principal.user("ci")).hint())
                .contains("Docker Bearer Token Realm");
        assertThat(explain(RegistryVendor.NEXUS, denied("n", "team/app"), Principal.user("ci")).hint())
                .contains("nx-repository-view-docker-<repository>-read");
        assertThat(explain(RegistryVendor.NEXUS, anonymous("n", "team/app"), Principal.ANONYMOUS).hint())
                .contains("Allow anonymous docker pull");
    }

    @Test
    void artifactoryApiKeysTokensAndPermissionTargets() {
        RegistryException apiKey = explain(RegistryVendor.ARTIFACTORY, rejected("acme.jfrog.io"), user("ci", "AKCp8SENTINEL"));
        assertThat(apiKey.hint()).contains("API keys are deprecated", "identity token").doesNotContain("SENTINEL");
        assertThat(explain(RegistryVendor.ARTIFACTORY, rejected("a"), user("ci", "cmVmdGtuOjAxSENTINEL")).hint())
                .contains("expired or was revoked");
        assertThat(explain(RegistryVendor.ARTIFACTORY, denied("a", "docker-local/app"), Principal.user("ci")).hint())
                .contains("permission target", "docker-local, is the Artifactory repository key");
        assertThat(explain(RegistryVendor.ARTIFACTORY, noRegistryApi("a"), Principal.ANONYMOUS).hint())
                .contains("Docker Access Method");
    }

    @Test
    void icrApiKeyUsernameAndNamespaceRole() {
        assertThat(explain(RegistryVendor.ICR, rejected("us.icr.io"), Principal.user("alice")).hint())
                .contains("use username iamapikey and an API key from `ibmcloud iam api-key-create`",
                        "the username was 'alice'");
        assertThat(explain(RegistryVendor.ICR, rejected("us.icr.io"), Principal.user("iamapikey")).hint())
                .contains("the API key is wrong").doesNotContain("username was");
        RegistryException denied = explain(RegistryVendor.ICR, denied("us.icr.io", "team/app"), Principal.user("iamapikey"));
        assertThat(denied.hint()).contains("Reader role", "--resource team");
        assertThat(denied.evidence()).containsEntry("icr_namespace", "team");
    }

    @Test
    void ghcrReadPackagesSsoAndClassicTokens() {
        assertThat(explain(RegistryVendor.GHCR, denied("ghcr.io", "acme/app"), user("alice", "ghp_x")).hint())
                .contains("the PAT needs read:packages; for org packages SSO-authorize the token", "Configure SSO for acme");
        assertThat(explain(RegistryVendor.GHCR, rejected("ghcr.io"), user("alice", "github_pat_SENTINEL")).hint())
                .contains("fine-grained", "(classic)").doesNotContain("SENTINEL");
        assertThat(explain(RegistryVendor.GHCR, rejected("ghcr.io"), user("alice", "password")).hint())
                .contains("does not accept GitHub passwords");
    }

    @Test
    void gitlabTokensDeployTokensAndJobTokens() {
        assertThat(explain(RegistryVendor.GITLAB, denied("registry.gitlab.com", "g/p/app"), user("bob", "glpat-x")).hint())
                .contains("read_registry", "Reporter");
        assertThat(explain(RegistryVendor.GITLAB, denied("registry.gitlab.com", "g/p/app"),
                user("gitlab-ci-token", "glcbt-x")).hint()).contains("job token allowlist");
        RegistryException deploy = explain(RegistryVendor.GITLAB, rejected("registry.gitlab.com"),
                user("gitlab+deploy-token-7", "gldt-x"));
        assertThat(deploy.hint()).contains("deploy token", "gitlab+deploy-token-<id>");
        assertThat(deploy.evidence()).containsEntry("gitlab_credential", "deploy token");
        assertThat(explain(RegistryVendor.GITLAB, rejected("registry.gitlab.com"), user("bob", "glpat-x")).hint())
                .contains("expire");
    }

    @Test
    void cloudRegistriesNameTheirPermissions() {
        RegistryException ecr = explain(RegistryVendor.ECR, denied("123456789012.dkr.ecr.eu-west-1.amazonaws.com", "team/app"),
                Principal.user("AWS"));
        assertThat(ecr.hint()).contains("ecr:BatchGetImage", "arn:aws:ecr:eu-west-1:123456789012:repository/team/app");
        assertThat(ecr.evidence()).containsEntry("aws_account_id", "123456789012").containsEntry("aws_region", "eu-west-1");
        assertThat(explain(RegistryVendor.ECR, rejected("123456789012.dkr.ecr.eu-west-1.amazonaws.com"),
                Principal.user("AWS")).hint()).contains("12 hours", "aws ecr get-login-password --region eu-west-1");
        assertThat(explain(RegistryVendor.ACR, denied("acme.azurecr.io", "app"), Principal.user("sp")).hint())
                .contains("AcrPull", "az acr show --name acme");
        assertThat(explain(RegistryVendor.GAR, denied("europe-west4-docker.pkg.dev", "proj/repo/app"),
                Principal.user("oauth2accesstoken")).hint()).contains("roles/artifactregistry.reader", "--location europe-west4");
        assertThat(explain(RegistryVendor.GCR, rejected("gcr.io"), Principal.user("oauth2accesstoken")).hint())
                .contains("oauth2accesstoken", "1 hour");
    }

    @Test
    void genericKeepsTheHintAndAFailureIsExplainedOnlyOnce() {
        RegistryException failure = denied("127.0.0.1:5000", "team-b/app");
        assertThat(explain(RegistryVendor.GENERIC, failure, Principal.user("robot$team-a+ci"))).isSameAs(failure);
        RegistryException harbor = explain(RegistryVendor.HARBOR, failure, Principal.user("robot$team-a+ci"));
        assertThat(explain(RegistryVendor.QUAY, harbor, Principal.user("acme+ci"))).isSameAs(harbor);
        RegistryException unrelated = RegistryException.builder(FailureCode.DIGEST_MISMATCH, "bad").build();
        assertThat(explain(RegistryVendor.HARBOR, unrelated, Principal.ANONYMOUS)).isSameAs(unrelated);
        assertThat(VendorAdvice.forVendor(RegistryVendor.GAR).advise(unrelated, Principal.ANONYMOUS)).isEqualTo(Optional.empty());
    }

    @Test
    void aGenericRegistryIsRecognisedByItsTokenService() {
        RegistryException harborRealm = RegistryException.builder(FailureCode.AUTH_INVALID_CREDENTIALS, "rejected")
                .registry("registry.corp.example").evidence("realm", "https://registry.corp.example/service/token").build();
        RegistryException e = explain(RegistryVendor.GENERIC, harborRealm, Principal.user("robot$team-a+ci"));
        assertThat(e.hint()).contains("Harbor rejected robot account robot$team-a+ci", "Refresh Secret");
        assertThat(e.evidence()).containsEntry("vendor", "Harbor").containsEntry("vendor_detected_by", "token service");

        RegistryException gitlabChallenge = RegistryException.builder(FailureCode.AUTH_INSUFFICIENT_SCOPE, "denied")
                .registry("gitlab.corp.example:5050").repository("group/project/app")
                .evidence("challenge", "Bearer realm=\"https://gitlab.corp.example/jwt/auth\",service=\"container_registry\","
                        + "scope=\"repository:group/project/app:pull\",error=\"insufficient_scope\"").build();
        assertThat(explain(RegistryVendor.GENERIC, gitlabChallenge, user("bob", "glpat-x")).hint())
                .contains("read_registry", "Reporter");

        RegistryException plainRealm = RegistryException.builder(FailureCode.AUTH_INVALID_CREDENTIALS, "rejected")
                .registry("127.0.0.1:5000").evidence("realm", "https://127.0.0.1:5001/token").build();
        assertThat(explain(RegistryVendor.GENERIC, plainRealm, Principal.user("robot$team-a+ci"))).isSameAs(plainRealm);
        RegistryException badRealm = RegistryException.builder(FailureCode.AUTH_INVALID_CREDENTIALS, "rejected")
                .evidence("realm", "not a uri at all \\").build();
        assertThat(explain(RegistryVendor.GENERIC, badRealm, Principal.ANONYMOUS)).isSameAs(badRealm);
    }

    @Test
    void everyVendorHasAnAdviceOfItsOwn() {
        for (RegistryVendor vendor : RegistryVendor.values()) {
            assertThat(VendorAdvice.forVendor(vendor).vendor()).isEqualTo(vendor);
        }
    }
}
