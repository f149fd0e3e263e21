package io.stella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stella.registry.aws.EcrApiStandIn;
import io.stella.registry.azure.AadStandIn;
import io.stella.registry.gcp.GcpFixtures;
import io.stella.registry.gcp.GoogleApisStandIn;
import io.stella.testing.Closer;
import io.stella.testing.LocalRegistry;
import io.stella.testing.PushAuth;
import io.stella.testing.Skopeo;
import io.stella.testing.TestCa;
import io.stella.testing.TestImages;
import io.stella.testing.TokenService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator runbook's commands through the CLI against the cloud credential providers: a real token-auth
 * {@code docker-registry} whose cloud user's password is issued by the provider module's loopback stand-in of the
 * cloud API (ECR's GetAuthorizationToken sets the token service's user "AWS"; Entra ID's access tokens are what the
 * token service's ACR {@code /oauth2/exchange} accepts), with the CLI's environment pointing at the stand-in.
 */
@Tag("integration")
class CloudProvidersCliIntegrationTest {
    static final String ACCOUNT = "111122223333";
    static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String AWS_SECRET = Secrets.secret("wJalrXUtnFEMI-SENTINEL-cliE2eEXAMPLEKEY");
    static final String REPOSITORY = "team/app";
    static final String TAG = "1.0";
    static final String LAYER = "sha256:" + "ab".repeat(32);

    static final String TENANT = "5f2c1a0e-3c4b-4d8e-9f10-7a6b5c4d3e2f";
    static final String SP_CLIENT = "0b1c2d3e-1111-4a5b-8c9d-0e1f2a3b4c5d";
    static final String SP_OID = "9e8d7c6b-aaaa-4b3c-8d2e-1f0a9b8c7d6e";
    static final String SP_SECRET = Secrets.secret("sp-SENTINEL-secret-cli-4f2a");

    static final String GAR_PARENT = "projects/" + GcpFixtures.PROJECT + "/locations/europe-west1";
    static final String GAR_APPS = GAR_PARENT + "/repositories/apps";

    static TestCa ca;
    static Path caPem;
    static AadStandIn aad;
    static TokenService tokens;
    static LocalRegistry registry;
    static EcrApiStandIn aws;
    static GoogleApisStandIn google;
    static Path gcpKeyFile;

    @TempDir
    Path dir;

    @BeforeAll
    static void start(@TempDir Path shared) throws Exception {
        ca = TestCa.create();
        caPem = ca.writeCaPem(Files.createDirectories(shared.resolve("ca")));
        aad = new AadStandIn(ca);
        aad.app(TENANT, SP_CLIENT, SP_OID).secret(SP_SECRET);
        tokens = TokenService.builder(ca)
                .user("admin", "admin-pw").grant("admin", "*", "pull", "push")
                .user("AWS", "no-password-issued-yet").grant("AWS", "team", "pull")
                .grant("acr-pull", "team", "pull")
                .user("oauth2accesstoken", "no-token-issued-yet").grant("oauth2accesstoken", "team", "pull")
                .acrExchange(aadToken -> aad.principalOf(aadToken).filter(SP_OID::equals).map(oid -> "acr-pull"))
                .ttl(Duration.ofMinutes(5))
                .start();
        registry = LocalRegistry.builder().token(tokens).tls(ca.issueServer(List.of("127.0.0.1", "localhost")), ca)
                .start();
        // alpine 3.11: an image with an OS package database, so that a scan has something to check
        Skopeo.copy(Skopeo.dockerArchive(TestImages.alpineArchive("3.11")), registry, REPOSITORY + ":" + TAG, PushAuth.of("admin", "admin-pw"), false);
        aws = EcrApiStandIn.start(Clock.systemUTC()).user(KEY_ID, AWS_SECRET, ACCOUNT, "ci").issuePasswordsTo(tokens)
                .tokenTtl(Duration.ofHours(12))
                .repository(ACCOUNT, "eu-west-1", REPOSITORY, new EcrApiStandIn.Image("sha256:" + "cd".repeat(32),
                        List.of(TAG), Instant.parse("2026-01-02T03:04:05Z"),
                        "{\"schemaVersion\":2,\"layers\":[{\"digest\":\"" + LAYER + "\",\"size\":1024}]}"));
        google = GoogleApisStandIn.start(ca);
        KeyPair key = GcpFixtures.rsaKey();
        google.registerKey(GcpFixtures.SA_EMAIL, key.getPublic());
        google.onAccessToken(token -> tokens.setPassword("oauth2accesstoken", token));
        google.page("/v1/" + GAR_PARENT + "/repositories", "", """
                {"repositories": [{"name": "%s", "format": "DOCKER", "mode": "STANDARD_REPOSITORY",
                  "createTime": "2024-03-01T10:00:00Z", "updateTime": "2024-05-02T08:15:31Z"}]}
                """.formatted(GAR_APPS));
        google.grant(GAR_APPS, "artifactregistry.repositories.downloadArtifacts", "artifactregistry.repositories.list",
                "artifactregistry.dockerimages.list");
        gcpKeyFile = GcpFixtures.serviceAccountKey(shared.resolve("gcp"), key, google.tokenUri());
    }

    @AfterAll
    static void stop() {
        Closer.closeAll(aws, google, registry, tokens, aad);
    }

    // --- ECR ------------------------------------------------------------------------------------------------------

    /** AWS keys in the environment, every AWS API at the stand-in, no instance metadata lookups. */
    private Cli awsCli() {
        return Cli.in(dir)
                .withEnv("AWS_ENDPOINT_URL", aws.endpoint().toString())
                .withEnv("AWS_EC2_METADATA_DISABLED", "true")
                .withEnv("AWS_MAX_ATTEMPTS", "1")
                .withEnv("AWS_ACCESS_KEY_ID", KEY_ID)
                .withEnv("AWS_SECRET_ACCESS_KEY", AWS_SECRET);
    }

    private static CliResult configureEcr(Cli cli, String name) {
        List<String> args = new ArrayList<>(List.of("registry", "configure", name, "--type", "ecr", "--url",
                registry.baseUrl(), "--ca-cert", caPem.toString(), "--region", "eu-west-1",
                "--cloud", "registry_id=" + ACCOUNT));
        return cli.runWithStdin("", args);
    }

    private static Path config(Cli cli) {
        return cli.stellaHome().resolve("config.yaml");
    }

    private static int authorizationTokens() {
        return aws.calls("ecr:GetAuthorizationToken").size();
    }

    private static Instant instantAtStartOf(String text) {
        return Instant.parse(text.split(" ", 2)[0]);
    }

    @Test
    void ecrRunbookFromConfigureToScanDryRun() throws Exception {
        Cli cli = awsCli();
        CliResult configured = configureEcr(cli, "ecr-lab");
        assertThat(configured.exitCode()).as(configured.toString()).isZero();
        assertThat(configured.out()).contains("Added registry ecr-lab").contains("type ecr");
        String written = Files.readString(config(cli));
        assertThat(written).contains("cloud:").contains("region: eu-west-1").contains("registry_id:").contains(ACCOUNT);

        CliResult typo = cli.run("registry", "configure", "ecr-typo", "--type", "ecr", "--url", registry.baseUrl(),
                "--cloud", "regoin=x");
        assertThat(typo.exitCode()).as(typo.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.err()).contains("cloud.regoin").contains("not a setting of the ecr provider")
                .contains("nothing was saved").contains("region").contains("registry_id").contains("role_arn");
        assertThat(Files.readString(config(cli))).as("nothing saved").isEqualTo(written).doesNotContain("ecr-typo");
        CliResult set = cli.run("registry", "config", "set", "ecr-lab.cloud.session_name", "stella-e2e");
        assertThat(set.exitCode()).as(set.toString()).isZero();
        assertThat(Files.readString(config(cli))).contains("session_name: stella-e2e");
        String afterSet = Files.readString(config(cli));
        CliResult setTypo = cli.run("registry", "config", "set", "ecr-lab.cloud.regoin", "eu-west-2");
        assertThat(setTypo.exitCode()).as(setTypo.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(setTypo.err()).contains("cloud.regoin");
        assertThat(Files.readString(config(cli))).isEqualTo(afterSet);

        CliResult status = cli.run("registry", "iam-status", "ecr-lab");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("iam-status for ecr-lab").contains("provider ecr")
                .containsPattern("account +" + ACCOUNT)
                .containsPattern("arn +arn:aws:iam::" + ACCOUNT + ":user/ci")
                .containsPattern("region +eu-west-1");
        assertThat(aws.calls("sts:GetCallerIdentity")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.accessKeyId()).isEqualTo(KEY_ID));

        CliResult verify = cli.run("registry", "iam", "verify", "ecr-lab");
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        for (String action : List.of("sts:GetCallerIdentity", "ecr:GetAuthorizationToken", "ecr:DescribeRepositories",
                "ecr:DescribeImages", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer")) {
            assertThat(verify.out()).containsPattern("PASS +" + action + " ");
        }
        assertThat(verify.out()).contains("layer " + LAYER).contains("Result: PASS").doesNotContain("FAIL");

        CliResult test = cli.run("registry", "test", registry.baseUrl());
        assertThat(test.exitCode()).as(test.toString()).isZero();
        assertThat(test.out()).containsPattern("credentials +OK +.*cloud:ecr").contains("Result: OK");

        Instant beforeShow = Instant.now();
        CliResult show = cli.run("registry", "credentials", "show", "ecr-lab", "--format", "json");
        Instant afterShow = Instant.now();
        assertThat(show.exitCode()).as(show.toString()).isZero();
        JsonNode fields = show.json();
        assertThat(fields.path("type").asText()).isEqualTo("cloud");
        assertThat(fields.path("source").asText()).startsWith("cloud:ecr");
        assertThat(fields.path("username").asText()).isEqualTo("AWS");
        String issuedPassword = aws.lastPassword();
        assertThat(fields.path("secret").asText()).as("masked: its last four characters only")
                .isEqualTo("****" + issuedPassword.substring(issuedPassword.length() - 4));
        assertThat(show.out()).doesNotContain(issuedPassword).doesNotContain(AWS_SECRET);
        Instant expires = Instant.parse(fields.path("expires").asText());
        assertThat(expires).as("the stand-in's expiresAt: 12 h after GetAuthorizationToken")
                .isBetween(beforeShow.plus(Duration.ofHours(12)).minusSeconds(1), afterShow.plus(Duration.ofHours(12)));
        Instant issued = instantAtStartOf(fields.path("issued").asText());
        Instant nextRefresh = instantAtStartOf(fields.path("next_refresh").asText());
        long lifetime = Duration.between(issued, expires).toMillis();
        assertThat(Duration.between(issued, nextRefresh).toMillis()).as("75% of the credential's lifetime")
                .isBetween((long) (lifetime * 0.75) - 1000, (long) (lifetime * 0.75) + 1000);
        assertThat(fields.path("auto_refresh").asText()).contains("75%");

        int before = authorizationTokens();
        CliResult refresh = cli.run("registry", "refresh-credentials", "ecr-lab");
        assertThat(refresh.exitCode()).as(refresh.toString()).isZero();
        assertThat(refresh.out()).contains("New cloud credential for ecr-lab from cloud:ecr")
                .contains("obtained ").contains("expires ").contains("next refresh ");
        assertThat(authorizationTokens()).as("one more GetAuthorizationToken").isEqualTo(before + 1);
        assertThat(refresh.out()).doesNotContain(aws.lastPassword());

        CliResult dryRun = cli.run("scan", "image", registry.host() + "/" + REPOSITORY + ":" + TAG, "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertThat(dryRun.out()).containsPattern("Credential source: +cloud:ecr")
                .containsPattern("Credential expiry: +\\d{4}-");
    }

    @Test
    void ecrIamVerifyFailsNamingTheDeniedActionWithExit3() {
        Cli cli = awsCli();
        assertThat(configureEcr(cli, "ecr-lab").exitCode()).isZero();
        aws.fault("ecr:DescribeImages", 400, "AccessDeniedException", "User: {arn} is not authorized to perform: "
                + "ecr:DescribeImages on resource: arn:aws:ecr:eu-west-1:" + ACCOUNT + ":repository/" + REPOSITORY
                + " because no identity-based policy allows the ecr:DescribeImages action");
        try {
            CliResult verify = cli.run("registry", "iam", "verify", "ecr-lab");

            assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(ExitCodes.AUTH);
            assertThat(verify.out()).containsPattern("PASS +ecr:DescribeRepositories ")
                    .containsPattern("FAIL +ecr:DescribeImages +.*ecr:DescribeImages")
                    .containsPattern("SKIP +ecr:BatchGetImage ")
                    .contains("Result: FAIL");
        } finally {
            aws.clearFaults();
        }
    }

    @Test
    void ecrScanRegistryTakesTheRepositoriesFromDescribeRepositories() throws Exception {
        Cli cli = awsCli();
        assertThat(configureEcr(cli, "ecr-lab").exitCode()).isZero();
        Files.writeString(config(cli), Files.readString(config(cli)) + "vulndb:\n  max_age: 999999d\n");
        List<String> importArgs = new ArrayList<>(List.of("db", "import"));
        importArgs.add(TestImages.testData().resolve("alpine-secdb/v3.11/main.yaml").toString());
        CliResult imported = cli.runWithStdin("", importArgs);
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        int described = aws.calls("ecr:DescribeRepositories").size();

        CliResult scan = cli.run("scan", "registry", "ecr-lab", "--progress", "log");

        assertThat(scan.exitCode()).as(scan.toString()).isZero();
        assertThat(scan.err()).contains("registry ecr-lab: 1 repositories listed by the ecr provider");
        assertThat(aws.calls("ecr:DescribeRepositories").size()).isGreaterThan(described);
        assertThat(scan.out() + scan.err()).contains("Total: 1 = Success: 1 + Failed: 0 + Skipped: 0");
    }

    @Test
    void anOrganizationsMemberThatDeniesItsRoleIsReportedAndNothingScannedIsIncomplete() {
        String management = "999999999999";
        String denying = "100000000003";
        String managementRole = "arn:aws:iam::" + management + ":role/stella-org-reader";
        // the member account has no OrganizationAccountAccessRole: AssumeRole is denied there
        aws.role(managementRole, java.util.Optional.empty()).organizationAccount(denying, "ACTIVE");
        Cli cli = awsCli();
        CliResult configured = cli.runWithStdin("", List.of("registry", "configure", "org", "--type", "ecr", "--url",
                management + ".dkr.ecr.us-east-1.amazonaws.com", "--cloud", "management_account_role_arn=" + managementRole,
                "--cloud", "allow_list_member_account_ids=" + denying, "--cloud", "allow_list_regions=us-east-1"));
        assertThat(configured.exitCode()).as(configured.toString()).isZero();

        CliResult scan = cli.run("scan", "registry", "org", "--progress", "none");

        assertThat(scan.exitCode()).as(scan.toString()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(scan.err()).contains("FAILED account " + denying + " of org: AUTH_INSUFFICIENT_SCOPE")
                .contains("hint: ").contains("INCOMPLETE: the ecr provider could list no registry of org");
        assertThat(scan.out()).as("no report that could read as clean").doesNotContain("Total:");
    }

    @Test
    void withNoAwsIdentityIamStatusIsNoCredentialsWithExit3() throws Exception {
        // no AWS keys or profiles and an empty HOME; instance metadata off in case this runs on EC2. The endpoint
        // still points at the stand-in, so that any request made without an identity would show in its calls.
        Cli cli = Cli.in(dir).withEnv("AWS_EC2_METADATA_DISABLED", "true")
                .withEnv("AWS_ENDPOINT_URL", aws.endpoint().toString());
        assertThat(configureEcr(cli, "ecr-lab").exitCode()).isZero();
        int callsBefore = aws.calls().size();

        CliResult status = cli.run("registry", "iam-status", "ecr-lab");

        assertThat(status.exitCode()).as(status.toString()).isEqualTo(ExitCodes.AUTH);
        assertThat(status.err()).contains("AUTH_NO_CREDENTIALS").contains("AWS_ACCESS_KEY_ID");
        assertThat(aws.calls()).as("nothing was asked of AWS").hasSize(callsBefore);
    }

    // --- ACR ------------------------------------------------------------------------------------------------------

    private Cli azureCli() {
        return Cli.in(dir)
                .withEnv("AZURE_AUTHORITY_HOST", aad.authorityHost())
                .withEnv("REQUESTS_CA_BUNDLE", caPem.toString())
                .withEnv("ACR_SP_SECRET", SP_SECRET);
    }

    @Test
    void acrRunbookWithAServicePrincipal() throws Exception {
        Cli cli = azureCli();
        CliResult configured = cli.run("registry", "configure", "acr-lab", "--type", "acr", "--url",
                registry.baseUrl(), "--ca-cert", caPem.toString(), "--cloud", "tenant_id=" + TENANT,
                "--cloud", "client_id=" + SP_CLIENT, "--cloud", "client_secret_env=ACR_SP_SECRET");
        assertThat(configured.exitCode()).as(configured.toString()).isZero();
        assertThat(Files.readString(config(cli))).contains("cloud:").contains("tenant_id: " + TENANT)
                .contains("client_secret_env: ACR_SP_SECRET").doesNotContain(SP_SECRET);

        int aadRequests = aad.tokenRequests().size();
        CliResult status = cli.run("registry", "iam-status", "acr-lab");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("provider acr").containsPattern("tenant +" + TENANT)
                .containsPattern("client id +" + SP_CLIENT).containsPattern("object id +" + SP_OID);
        assertThat(aad.tokenRequests()).hasSizeGreaterThan(aadRequests);
        assertThat(aad.tokenRequests().getLast().form()).containsEntry("client_id", SP_CLIENT);

        CliResult verify = cli.run("registry", "iam", "verify", "acr-lab");
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.out()).containsPattern("PASS +Entra ID token for ").containsPattern("PASS +ACR /oauth2/exchange ")
                .contains("Result: PASS").doesNotContain("FAIL");

        CliResult test = cli.run("registry", "test", registry.baseUrl());
        assertThat(test.exitCode()).as(test.toString()).isZero();
        assertThat(test.out()).containsPattern("credentials +OK +.*cloud:acr").contains("Result: OK");

        CliResult show = cli.run("registry", "credentials", "show", "acr-lab", "--format", "json");
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.json().path("type").asText()).isEqualTo("cloud");
        assertThat(show.json().path("source").asText()).startsWith("cloud:acr");
        assertThat(show.json().path("secret").asText()).startsWith("****");
        assertThat(Instant.parse(show.json().path("expires").asText())).as("the Entra ID token's hour")
                .isBetween(Instant.now().plusSeconds(3000), Instant.now().plusSeconds(3600));
    }

    @Test
    void acrUnknownCloudKeyIsRefusedNamingTheProvidersKeys() throws Exception {
        Cli cli = azureCli();
        CliResult typo = cli.run("registry", "configure", "acr-typo", "--type", "acr", "--url", registry.baseUrl(),
                "--cloud", "tennant_id=" + TENANT);
        assertThat(typo.exitCode()).as(typo.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.err()).contains("cloud.tennant_id").contains("acr provider").contains("tenant_id")
                .contains("client_id");
        assertThat(Files.exists(config(cli)) ? Files.readString(config(cli)) : "").as("nothing saved")
                .doesNotContain("acr-typo");
    }

    // --- GCP (Artifact Registry) ---------------------------------------------------------------------------------

    /** The service-loaded gcp provider trusts the stand-in through REQUESTS_CA_BUNDLE; no metadata server. */
    private Cli gcpCli() {
        return Cli.in(dir)
                .withEnv("REQUESTS_CA_BUNDLE", caPem.toString())
                .withEnv("NO_GCE_CHECK", "true")
                .withEnv("STELLA_GCP_ARTIFACTREGISTRY_ENDPOINT", google.baseUrl());
    }

    @Test
    void oidcVerifyExplainsTheWorkloadIdentityFederationChain() throws Exception {
        Cli cli = gcpCli().withEnv("STELLA_GCP_STS_ENDPOINT", google.baseUrl())
                .withEnv("STELLA_GCP_IAMCREDENTIALS_ENDPOINT", google.baseUrl());
        String audience = "//iam.googleapis.com/" + GcpFixtures.PROVIDER;
        Path token = GcpFixtures.subjectToken(Files.createDirectories(dir.resolve("ci")), audience,
                java.time.Instant.now().plusSeconds(600));
        CliResult configured = cli.run("registry", "configure", "gar-wif", "--type", "gar", "--url", registry.baseUrl(),
                "--ca-cert", caPem.toString(), "--project", GcpFixtures.PROJECT, "--region", "europe-west1",
                "--workload-identity-provider", GcpFixtures.PROVIDER, "--cloud", "subject_token_file=" + token,
                "--cloud", "service_account=" + GcpFixtures.SA_EMAIL);
        assertThat(configured.exitCode()).as(configured.toString()).isZero();
        int exchanges = google.requests("/v1/token").size();

        CliResult chain = cli.run("registry", "oidc", "verify", "gar-wif");

        assertThat(chain.exitCode()).as(chain.toString()).isZero();
        assertThat(chain.out()).containsPattern("PASS +subject token").containsPattern("PASS +STS token exchange")
                .containsPattern("PASS +service account impersonation").contains("project_path:team/app:ref:main")
                .contains(GcpFixtures.SA_EMAIL).contains("Result: PASS");
        assertThat(google.requests("/v1/token")).as("the subject token was exchanged at STS")
                .hasSizeGreaterThan(exchanges);

        GcpFixtures.subjectToken(dir.resolve("ci"), audience, java.time.Instant.now().minusSeconds(60));
        CliResult expired = cli.run("registry", "oidc", "verify", "gar-wif");
        assertThat(expired.exitCode()).as(expired.toString()).isEqualTo(ExitCodes.AUTH);
        assertThat(expired.out()).containsPattern("FAIL +subject token").contains("Result: FAIL");
    }

    @Test
    void garRunbookWithAServiceAccountKeyFile() throws Exception {
        Cli cli = gcpCli();
        CliResult configured = cli.run("registry", "configure", "gar-lab", "--type", "gar", "--url", registry.baseUrl(),
                "--ca-cert", caPem.toString(), "--project", GcpFixtures.PROJECT, "--region", "europe-west1",
                "--cloud", "service_account_key_file=" + gcpKeyFile);
        assertThat(configured.exitCode()).as(configured.toString()).isZero();
        assertThat(Files.readString(config(cli))).contains("cloud:").contains("location: europe-west1")
                .contains("service_account_key_file: " + gcpKeyFile).doesNotContain("PRIVATE KEY");

        int tokenRequests = google.requests("/token").size();
        CliResult status = cli.run("registry", "iam-status", "gar-lab");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("provider gcp").containsPattern("principal +" + GcpFixtures.SA_EMAIL)
                .containsPattern("credential type +service_account").containsPattern("PASS +access token ")
                .doesNotContain("PRIVATE KEY").doesNotContain("ya29.");
        assertThat(google.requests("/token")).hasSizeGreaterThan(tokenRequests);

        CliResult verify = cli.run("registry", "iam", "verify", "gar-lab");
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.out()).containsPattern("PASS +artifactregistry.repositories.list +1 Docker repositories")
                .containsPattern("PASS +artifactregistry.repositories.downloadArtifacts on " + GAR_APPS)
                .containsPattern("PASS +artifactregistry.dockerimages.list on " + GAR_APPS)
                .contains("Result: PASS").doesNotContain("FAIL");

        CliResult test = cli.run("registry", "test", registry.baseUrl());
        assertThat(test.exitCode()).as(test.toString()).isZero();
        assertThat(test.out()).containsPattern("credentials +OK +.*cloud:gcp").contains("Result: OK")
                .doesNotContain("ya29.");

        CliResult show = cli.run("registry", "credentials", "show", "gar-lab", "--format", "json");
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.json().path("type").asText()).isEqualTo("cloud");
        assertThat(show.json().path("source").asText()).startsWith("cloud:gcp");
        assertThat(show.json().path("username").asText()).isEqualTo("oauth2accesstoken");
        assertThat(show.json().path("secret").asText()).startsWith("****");
        assertThat(show.out()).doesNotContain("ya29.");
        assertThat(Instant.parse(show.json().path("expires").asText())).as("the access token's hour")
                .isBetween(Instant.now().plusSeconds(3000), Instant.now().plusSeconds(3600));
    }

    @Test
    void withoutTheCaBundleTheGoogleTokenEndpointIsNotTrusted() throws Exception {
        Cli cli = gcpCli();
        assertThat(cli.run("registry", "configure", "gar-lab", "--type", "gar", "--url", registry.baseUrl(),
                "--ca-cert", caPem.toString(), "--project", GcpFixtures.PROJECT, "--region", "europe-west1",
                "--cloud", "service_account_key_file=" + gcpKeyFile).exitCode()).isZero();

        CliResult status = cli.withEnv("REQUESTS_CA_BUNDLE", "").run("registry", "iam-status", "gar-lab");

        assertThat(status.exitCode()).as(status.toString()).isEqualTo(ExitCodes.AUTH);
        assertThat(status.out()).containsPattern("FAIL +access token +TLS_UNTRUSTED_CERTIFICATE")
                .contains("REQUESTS_CA_BUNDLE");
    }
}
