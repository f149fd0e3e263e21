package io.stella.registry.aws;

import static io.stella.registry.aws.Contexts.ACCOUNT;
import static io.stella.registry.aws.Contexts.HOST;
import static io.stella.registry.aws.Contexts.KEY_ID;
import static io.stella.registry.aws.Contexts.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.registry.auth.Credential;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.auth.provider.CredentialProviders;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.config.RegistryType;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fetch}: the identity chain, role assumption and GetAuthorizationToken, against the loopback stand-in. */
class EcrFetchTest {
    static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/ecr-reader";
    final Instant now = Instant.parse("2026-12-02T01:00:00Z");
    final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    final EcrCredentialProvider provider = new EcrCredentialProvider();
    EcrApiStandIn aws;
    @TempDir
    Path home;

    @BeforeEach
    void start() {
        aws = EcrApiStandIn.start(Clock.systemUTC()).user(KEY_ID, SECRET, ACCOUNT, "ci");
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private ProviderContext context(Map<String, Object> cloud, Map<String, String> env) {
        return Contexts.context(Contexts.entry(HOST, cloud), env, home, clock);
    }

    private ResolvedCredential fetch(Map<String, Object> cloud, Map<String, String> env) {
        return provider.fetch(context(cloud, env), HOST);
    }

    @Test
    void isFoundOnTheClassPathForEcrEntries() {
        CredentialProviders installed = CredentialProviders.installed();
        assertThat(installed.forType(RegistryType.ECR)).containsInstanceOf(EcrCredentialProvider.class);
        assertThatThrownBy(() -> installed.forRegistry(Contexts.entry(HOST, Map.of("rol_arn", "x"))))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.code()).isEqualTo(FailureCode.CONFIG_INVALID));
    }

    @Test
    void envKeysGetARegistryPasswordForTheAccountOfTheHost() {
        ResolvedCredential credential = fetch(Map.of(), Contexts.keysEnv(aws));

        assertThat(credential.credential()).isInstanceOfSatisfying(Credential.UsernamePassword.class, c -> {
            assertThat(c.username()).isEqualTo("AWS");
            assertThat(c.password().reveal()).isEqualTo(aws.lastPassword());
        });
        assertThat(credential.expiresAt()).as("the stand-in's 12 h from its own clock").hasValueSatisfying(
                at -> assertThat(at).isCloseTo(Instant.now().plus(Duration.ofHours(12)), new org.assertj.core.data.TemporalUnitWithinOffset(1, ChronoUnit.MINUTES)));
        assertThat(credential.origin().source()).isEqualTo("cloud:ecr");
        assertThat(credential.origin().detail()).contains("env keys AWS_ACCESS_KEY_ID", ACCOUNT, "eu-west-1")
                .doesNotContain(SECRET);
        EcrApiStandIn.Call call = aws.calls("ecr:GetAuthorizationToken").getFirst();
        assertThat(call.header("x-amz-target")).isEqualTo("AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken");
        assertThat(call.header("content-type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(call.accessKeyId()).isEqualTo(KEY_ID);
        assertThat(call.region()).isEqualTo("eu-west-1");
        assertThat(call.signingService()).isEqualTo("ecr");
        assertThat(call.header("x-amz-security-token")).as("long-term keys have no session token").isNull();
        assertThat(call.json().path("registryIds").path(0).asText()).isEqualTo(ACCOUNT);
    }

    @Test
    void roleArnIsAssumedWithExternalIdAndSessionName() {
        aws.role(ROLE, Optional.of("ext-42"));
        ResolvedCredential credential = fetch(Map.of("role_arn", ROLE, "external_id", "ext-42", "session_name", "scanner"),
                Contexts.keysEnv(aws));

        EcrApiStandIn.Call assume = aws.calls("sts:AssumeRole").getFirst();
        assertThat(assume.params()).containsEntry("Action", "AssumeRole").containsEntry("Version", "2011-06-15")
                .containsEntry("RoleArn", ROLE).containsEntry("ExternalId", "ext-42")
                .containsEntry("RoleSessionName", "scanner");
        assertThat(assume.header("content-type")).startsWith("application/x-www-form-urlencoded");
        assertThat(assume.accessKeyId()).isEqualTo(KEY_ID);
        assertThat(assume.signingService()).isEqualTo("sts");
        assertThat(assume.region()).isEqualTo("eu-west-1");
        EcrApiStandIn.Call token = aws.calls("ecr:GetAuthorizationToken").getFirst();
        assertThat(token.accessKeyId()).as("ECR is called with the role's session keys").startsWith("ASIA");
        assertThat(token.header("x-amz-security-token")).isNotBlank();
        assertThat(credential.origin().detail()).contains("assumed role " + ROLE, "from env keys");
    }

    @Test
    void sessionNameDefaultsToStella() {
        aws.role(ROLE, Optional.empty());
        fetch(Map.of("role_arn", ROLE), Contexts.keysEnv(aws));
        assertThat(aws.calls("sts:AssumeRole").getFirst().params()).containsEntry("RoleSessionName", "stella")
                .doesNotContainKey("ExternalId");
    }

    @Test
    void keysFromTheEnvNamesInTheSettings() {
        Map<String, String> env = Contexts.bareEnv(aws);
        env.put("CI_AWS_KEY", KEY_ID);
        env.put("CI_AWS_SECRET", SECRET);
        ResolvedCredential credential = fetch(Map.of("access_key_id_env", "CI_AWS_KEY", "secret_access_key_env", "CI_AWS_SECRET"), env);
        assertThat(credential.origin().detail()).contains("env keys CI_AWS_KEY");
        assertThat(aws.calls("ecr:GetAuthorizationToken").getFirst().accessKeyId()).isEqualTo(KEY_ID);
    }

    @Test
    void sessionKeysSendTheirTokenAndAProfileFileIsReadFromTheContextEnv() throws IOException {
        aws.session("ASIASESSIONEXAMPLE01", "session-secret", "session-token-xyz", ACCOUNT, Instant.now().plus(Duration.ofHours(1)));
        Path credentials = Files.writeString(home.resolve("creds"), "[dev]\naws_access_key_id = ASIASESSIONEXAMPLE01\n"
                + "aws_secret_access_key = session-secret\naws_session_token = session-token-xyz\n");
        Map<String, String> env = Contexts.bareEnv(aws);
        env.put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
        env.put("AWS_PROFILE", "dev");
        ResolvedCredential credential = fetch(Map.of(), env);
        assertThat(credential.origin().detail()).contains("profile dev");
        EcrApiStandIn.Call call = aws.calls("ecr:GetAuthorizationToken").getFirst();
        assertThat(call.accessKeyId()).isEqualTo("ASIASESSIONEXAMPLE01");
        assertThat(call.header("x-amz-security-token")).isEqualTo("session-token-xyz");
    }

    @Test
    void webIdentityTokenFileIsExchangedWithAssumeRoleWithWebIdentity() throws IOException {
        aws.role(ROLE, Optional.empty());
        Path token = Files.writeString(home.resolve("token"), "web-identity-jwt\n");
        Map<String, String> env = Contexts.bareEnv(aws);
        env.put("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString());
        env.put("AWS_ROLE_ARN", ROLE);
        ResolvedCredential credential = fetch(Map.of(), env);

        EcrApiStandIn.Call exchange = aws.calls("sts:AssumeRoleWithWebIdentity").getFirst();
        assertThat(exchange.params()).containsEntry("RoleArn", ROLE).containsEntry("WebIdentityToken", "web-identity-jwt")
                .containsEntry("RoleSessionName", "stella");
        assertThat(exchange.header("authorization")).as("the token is the credential; the call is not signed").isNull();
        assertThat(aws.calls("ecr:GetAuthorizationToken").getFirst().accessKeyId()).startsWith("ASIA");
        assertThat(credential.origin().detail()).contains("web identity");
        assertThat(exchange.params()).containsEntry("Action", "AssumeRoleWithWebIdentity").containsEntry("Version", "2011-06-15");
    }

    @Test
    void aWebIdentityTheRoleDoesNotTrustIsInsufficientScopeNamingTheTrustPolicy() throws IOException {
        Path token = Files.writeString(home.resolve("token"), "web-identity-jwt\n");
        Map<String, String> env = Contexts.bareEnv(aws);
        env.put("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString());
        env.put("AWS_ROLE_ARN", ROLE); // not a role the stand-in knows: the trust policy does not match
        assertThatThrownBy(() -> fetch(Map.of(), env)).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.code()).isEqualTo(FailureCode.AUTH_INSUFFICIENT_SCOPE);
            assertThat(e.hint()).contains("trust policy", "eks.amazonaws.com/role-arn");
            assertThat(e.evidence()).containsEntry("role_arn", ROLE);
        });
    }

    @Test
    void aFipsHostIsSignedForItsRegion() {
        String fips = ACCOUNT + ".dkr.ecr-fips.us-gov-west-1.amazonaws.com";
        ResolvedCredential credential = provider.fetch(Contexts.context(Contexts.entry(fips, Map.of()),
                Contexts.keysEnv(aws), home, clock), fips);
        assertThat(credential.origin().detail()).contains("us-gov-west-1");
        EcrApiStandIn.Call call = aws.calls("ecr:GetAuthorizationToken").getFirst();
        assertThat(call.region()).isEqualTo("us-gov-west-1");
        assertThat(call.json().path("registryIds").path(0).asText()).isEqualTo(ACCOUNT);
    }

    @Test
    void noIdentityAnywhereIsNoCredentialsNamingTheWaysToGiveOne() {
        assertThatThrownBy(() -> fetch(Map.of(), Contexts.bareEnv(aws)))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.AUTH_NO_CREDENTIALS);
                    assertThat(e.hint()).contains("AWS_PROFILE", "AWS_ACCESS_KEY_ID", "eks.amazonaws.com/role-arn");
                });
        assertThat(aws.calls()).isEmpty();
    }

    @Test
    void unknownKeysAreInvalidCredentials() {
        Map<String, String> env = Contexts.keysEnv(aws);
        env.put("AWS_ACCESS_KEY_ID", "AKIAUNKNOWNKEY000000");
        assertThatThrownBy(() -> fetch(Map.of(), env)).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.code()).isEqualTo(FailureCode.AUTH_INVALID_CREDENTIALS);
            assertThat(e.evidence()).containsEntry("aws_error_code", "UnrecognizedClientException")
                    .containsEntry("aws_action", "ecr:GetAuthorizationToken");
        });
    }

    @Test
    void aWrongSecretIsCaughtByTheSignatureAndIsInvalidCredentialsWithoutTheSecret() {
        Map<String, String> env = Contexts.keysEnv(aws);
        env.put("AWS_SECRET_ACCESS_KEY", "wrong-SENTINEL-secret");
        assertThatThrownBy(() -> fetch(Map.of(), env)).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.code()).isEqualTo(FailureCode.AUTH_INVALID_CREDENTIALS);
            assertThat(e.evidence()).containsEntry("aws_error_code", "InvalidSignatureException");
            assertThat(e.getMessage() + e.hint() + e.evidence()).doesNotContain("wrong-SENTINEL-secret");
        });
    }

    @Test
    void anExpiredSessionIsInvalidCredentialsSayingSo() {
        aws.session("ASIAEXPIREDEXAMPLE01", "s", "t", ACCOUNT, Instant.now().minusSeconds(60));
        Map<String, String> env = Contexts.bareEnv(aws);
        env.put("AWS_ACCESS_KEY_ID", "ASIAEXPIREDEXAMPLE01");
        env.put("AWS_SECRET_ACCESS_KEY", "s");
        env.put("AWS_SESSION_TOKEN", "t");
        assertThatThrownBy(() -> fetch(Map.of(), env)).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.code()).isEqualTo(FailureCode.AUTH_INVALID_CREDENTIALS);
            assertThat(e.evidence()).containsEntry("aws_error_code", "ExpiredTokenException");
            assertThat(e.hint()).contains("expired", "aws sso login");
        });
    }

    @Test
    void aDeniedAssumeRoleIsInsufficientScopeNamingTrustPolicyAndExternalId() {
        aws.role(ROLE, Optional.of("the-right-id"));
        assertThatThrownBy(() -> fetch(Map.of("role_arn", ROLE, "external_id", "a-wrong-id"), Contexts.keysEnv(aws)))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.AUTH_INSUFFICIENT_SCOPE);
                    assertThat(e.getMessage()).contains("sts:AssumeRole");
                    assertThat(e.hint()).contains("trust policy", "sts:ExternalId");
                    assertThat(e.evidence()).containsEntry("role_arn", ROLE).containsEntry("aws_error_code", "AccessDenied");
                });
        assertThat(aws.calls("ecr:GetAuthorizationToken")).isEmpty();
    }

    @Test
    void aDeniedEcrActionIsInsufficientScopeNamingTheActionAndTheRole() {
        aws.role(ROLE, Optional.empty()).fault("ecr:GetAuthorizationToken", 400, "AccessDeniedException",
                "User: {arn} is not authorized to perform: ecr:GetAuthorizationToken on resource: * because no "
                        + "identity-based policy allows the ecr:GetAuthorizationToken action");
        assertThatThrownBy(() -> fetch(Map.of("role_arn", ROLE), Contexts.keysEnv(aws)))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.AUTH_INSUFFICIENT_SCOPE);
                    assertThat(e.hint()).contains("ecr:GetAuthorizationToken", "the role " + ROLE);
                    assertThat(e.evidence()).containsEntry("aws_error_code", "AccessDeniedException")
                            .hasEntrySatisfying("aws_message", m -> assertThat(m).contains("assumed-role/ecr-reader"));
                });
    }

    @Test
    void throttlingIsRateLimited() {
        aws.fault("ecr:GetAuthorizationToken", 400, "ThrottlingException", "Rate exceeded");
        assertThatThrownBy(() -> fetch(Map.of(), Contexts.keysEnv(aws))).isInstanceOfSatisfying(RegistryException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.REGISTRY_RATE_LIMITED);
                    assertThat(e.hint()).contains("AWS_MAX_ATTEMPTS");
                });
        assertThat(aws.calls("ecr:GetAuthorizationToken")).as("AWS_MAX_ATTEMPTS=1: no retry").hasSize(1);
    }

    @Test
    void theSdkRetriesThrottlingUpToAwsMaxAttempts() {
        aws.fault("ecr:GetAuthorizationToken", 400, "ThrottlingException", "Rate exceeded");
        Map<String, String> env = Contexts.keysEnv(aws);
        env.put("AWS_MAX_ATTEMPTS", "2");
        assertThatThrownBy(() -> fetch(Map.of(), env)).isInstanceOf(RegistryException.class);
        assertThat(aws.calls("ecr:GetAuthorizationToken")).hasSize(2);
    }

    @Test
    void anUnreachableEndpointIsConnectionRefused() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> env = Contexts.keysEnv(aws);
        env.put("AWS_ENDPOINT_URL_ECR", "http://127.0.0.1:" + closedPort);
        assertThatThrownBy(() -> fetch(Map.of(), env)).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.code()).isEqualTo(FailureCode.NETWORK_CONNECTION_REFUSED);
            assertThat(e.hint()).contains("AWS_ENDPOINT_URL");
        });
    }

    @Test
    void aMalformedAnswerIsProtocolError() {
        aws.rawEcrAnswer("<html>captive portal</html>");
        assertThatThrownBy(() -> fetch(Map.of(), Contexts.keysEnv(aws))).isInstanceOfSatisfying(RegistryException.class,
                e -> assertThat(e.code()).isEqualTo(FailureCode.REGISTRY_PROTOCOL_ERROR));
        aws.rawEcrAnswer("{\"authorizationData\":[{\"authorizationToken\":\"bm8tY29sb24taGVyZQ==\",\"expiresAt\":1.8E9}]}");
        assertThatThrownBy(() -> fetch(Map.of(), Contexts.keysEnv(aws))).isInstanceOfSatisfying(RegistryException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.REGISTRY_PROTOCOL_ERROR);
                    assertThat(e.getMessage()).contains("user:password");
                });
    }

    @Test
    void declinesWhenNothingIsConfiguredAndNoIdentityIsInSightSoDockerConfigIsUsed() {
        assertThat(provider.answers(context(Map.of(), Contexts.bareEnv(aws)), HOST)).isFalse();
        assertThat(provider.answers(context(Map.of("role_arn", ROLE), Contexts.bareEnv(aws)), HOST))
                .as("a cloud: section means the provider is wanted, and its failure is reported").isTrue();
        Map<String, String> withMetadata = Contexts.bareEnv(aws);
        withMetadata.remove("AWS_EC2_METADATA_DISABLED");
        withMetadata.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:1");
        assertThat(provider.answers(context(Map.of(), withMetadata), HOST)).as("an instance role may be there").isTrue();
        assertThat(aws.calls()).isEmpty();
    }

    @Test
    void answersForItsOwnHostOnly() {
        ProviderContext context = context(Map.of(), new HashMap<>(Contexts.keysEnv(aws)));
        assertThat(provider.answers(context, HOST)).isTrue();
        assertThat(provider.answers(context, "444455556666.dkr.ecr.eu-west-1.amazonaws.com")).isFalse();
    }
}
