package io.stella.registry.aws;

import static io.stella.registry.aws.Contexts.KEY_ID;
import static io.stella.registry.aws.Contexts.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.registry.auth.Credential;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.auth.provider.IdentityReport;
import io.stella.registry.auth.provider.IdentityReport.Status;
import io.stella.registry.auth.provider.ProvidedRepository;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Organizations mode: the management role lists the accounts, each member's role opens its registries. */
class EcrOrganizationsTest {
    static final String MANAGEMENT = "999999999999";
    static final String MANAGEMENT_ROLE = "arn:aws:iam::" + MANAGEMENT + ":role/stella-org-reader";
    static final String A = "100000000001";
    static final String B = "100000000002";
    static final String DENYING = "100000000003";
    static final String SUSPENDED = "100000000004";
    static final String ENTRY = MANAGEMENT + ".dkr.ecr.us-east-1.amazonaws.com";
    final EcrCredentialProvider provider = new EcrCredentialProvider();
    EcrApiStandIn aws;
    @TempDir
    Path home;

    @BeforeEach
    void start() {
        aws = EcrApiStandIn.start(Clock.systemUTC()).user(KEY_ID, SECRET, MANAGEMENT, "ci")
                .role(MANAGEMENT_ROLE, Optional.of("org-ext"))
                .organizationAccount(MANAGEMENT, "ACTIVE").organizationAccount(A, "ACTIVE")
                .organizationAccount(B, "ACTIVE").organizationAccount(DENYING, "ACTIVE")
                .organizationAccount(SUSPENDED, "SUSPENDED")
                .regions(List.of("eu-west-1", "us-east-1"));
        for (String account : List.of(A, B, SUSPENDED)) {
            aws.role("arn:aws:iam::" + account + ":role/OrganizationAccountAccessRole", Optional.empty());
        }
        // DENYING has no such role: AssumeRole is denied there
        aws.repository(A, "us-east-1", "a/app", image("1.0"));
        aws.repository(A, "eu-west-1", "a/eu", image("2.0"));
        aws.repository(B, "us-east-1", "b/api", image("3.0"));
        aws.repository(SUSPENDED, "us-east-1", "s/old", image("0.1"));
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private static EcrApiStandIn.Image image(String tag) {
        return new EcrApiStandIn.Image("sha256:" + tag, List.of(tag), Instant.parse("2026-10-01T00:00:00Z"), "{}");
    }

    private ProviderContext context(Map<String, Object> extra) {
        Map<String, Object> cloud = new java.util.HashMap<>(Map.of("management_account_role_arn", MANAGEMENT_ROLE,
                "external_id", "org-ext"));
        cloud.putAll(extra);
        return Contexts.context(Contexts.entry(ENTRY, cloud), Contexts.keysEnv(aws), home, Clock.systemUTC());
    }

    private OrganizationWalk walk(Map<String, Object> extra) {
        ProviderContext context = context(extra);
        EcrSettings settings = EcrSettings.of(context);
        return new OrganizationWalker(new AwsSessions(context, settings, settings.entryTarget(context).region())).walk();
    }

    @Test
    void theDeniedAccountIsReportedAndTheOthersAreWalked() {
        OrganizationWalk walk = walk(Map.of());

        assertThat(walk.accounts()).as("ACTIVE accounts only").containsExactly(MANAGEMENT, A, B, DENYING);
        assertThat(walk.repositories()).extracting(ProvidedRepository::registryHost, ProvidedRepository::path)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(A + ".dkr.ecr.eu-west-1.amazonaws.com", "a/eu"),
                        org.assertj.core.groups.Tuple.tuple(A + ".dkr.ecr.us-east-1.amazonaws.com", "a/app"),
                        org.assertj.core.groups.Tuple.tuple(B + ".dkr.ecr.us-east-1.amazonaws.com", "b/api"));
        assertThat(walk.failures()).extracting(OrganizationWalk.Failure::account).containsExactlyInAnyOrder(MANAGEMENT, DENYING);
        assertThat(walk.failures()).filteredOn(f -> f.account().equals(DENYING)).singleElement().satisfies(f -> {
            assertThat(f.region()).isEmpty();
            assertThat(f.failure().code()).isEqualTo(FailureCode.AUTH_INSUFFICIENT_SCOPE);
            assertThat(f.failure().evidence()).containsEntry("role_arn",
                    "arn:aws:iam::" + DENYING + ":role/OrganizationAccountAccessRole");
        });

        EcrApiStandIn.Call list = aws.calls("organizations:ListAccounts").getFirst();
        assertThat(list.header("x-amz-target")).isEqualTo("AWSOrganizationsV20161128.ListAccounts");
        assertThat(list.header("content-type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(list.signingService()).isEqualTo("organizations");
        assertThat(list.region()).isEqualTo("us-east-1");
        assertThat(list.accessKeyId()).as("listed with the management role's session").startsWith("ASIA");
        assertThat(list.header("x-amz-security-token")).isNotBlank();
        assertThat(aws.calls("organizations:ListAccounts")).as("five accounts, pages of two").hasSize(3);
        assertThat(aws.calls("sts:AssumeRole").getFirst().params()).containsEntry("RoleArn", MANAGEMENT_ROLE)
                .containsEntry("ExternalId", "org-ext");
        assertThat(aws.calls("ec2:DescribeRegions")).allSatisfy(c -> {
            assertThat(c.signingService()).isEqualTo("ec2");
            assertThat(c.params()).containsEntry("Action", "DescribeRegions").containsEntry("Version", "2016-11-15");
            assertThat(c.accessKeyId()).startsWith("ASIA");
        });
        assertThat(aws.calls("ecr:DescribeRepositories")).extracting(c -> c.json().path("registryId").asText() + "@" + c.region())
                .contains(A + "@eu-west-1", A + "@us-east-1", B + "@us-east-1", B + "@eu-west-1");
    }

    @Test
    void allowListsLimitAccountsAndRegionsAndSkipDescribeRegions() {
        OrganizationWalk walk = walk(Map.of("allow_list_member_account_ids", List.of(A, DENYING),
                "allow_list_regions", List.of("us-east-1")));
        assertThat(walk.accounts()).containsExactly(A, DENYING);
        assertThat(walk.repositories()).extracting(ProvidedRepository::path).containsExactly("a/app");
        assertThat(walk.failures()).extracting(OrganizationWalk.Failure::account).containsExactly(DENYING);
        assertThat(aws.calls("ec2:DescribeRegions")).isEmpty();
        assertThat(aws.calls("sts:AssumeRole")).extracting(c -> c.params().get("RoleArn")).doesNotContain(
                "arn:aws:iam::" + B + ":role/OrganizationAccountAccessRole");
    }

    @Test
    void aDeniedRegionIsReportedForThatRegionOnly() {
        aws.fault("ecr:DescribeRepositories@" + B, 400, "AccessDeniedException", "denied by SCP");
        OrganizationWalk walk = walk(Map.of("allow_list_member_account_ids", List.of(A, B)));
        assertThat(walk.repositories()).extracting(ProvidedRepository::path).containsExactlyInAnyOrder("a/app", "a/eu");
        assertThat(walk.failures()).allSatisfy(f -> {
            assertThat(f.account()).isEqualTo(B);
            assertThat(f.failure().code()).isEqualTo(FailureCode.CATALOG_DENIED);
        }).extracting(f -> f.region().orElseThrow()).containsExactlyInAnyOrder("eu-west-1", "us-east-1");
    }

    @Test
    void aDeniedDescribeRegionsIsReportedForThatAccount() {
        aws.fault("ec2:DescribeRegions@" + B, 403, "UnauthorizedOperation",
                "You are not authorized to perform this operation.");
        OrganizationWalk walk = walk(Map.of("allow_list_member_account_ids", List.of(A, B)));
        assertThat(walk.repositories()).extracting(ProvidedRepository::path).containsExactlyInAnyOrder("a/app", "a/eu");
        assertThat(walk.failures()).singleElement().satisfies(f -> {
            assertThat(f.account()).isEqualTo(B);
            assertThat(f.region()).isEmpty();
            assertThat(f.failure().code()).isEqualTo(FailureCode.AUTH_INSUFFICIENT_SCOPE);
            assertThat(f.failure().evidence()).containsEntry("aws_error_code", "UnauthorizedOperation")
                    .containsEntry("aws_message", "You are not authorized to perform this operation.");
            assertThat(f.failure().hint()).contains("ec2:DescribeRegions", "allow_list_regions");
        });
    }

    @Test
    void aDeniedListAccountsEndsTheWalkAsInsufficientScope() {
        aws.fault("organizations:ListAccounts", 400, "AccessDeniedException", "You don't have permissions to access this resource.");
        assertThatThrownBy(() -> walk(Map.of())).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.code()).isEqualTo(FailureCode.AUTH_INSUFFICIENT_SCOPE);
            assertThat(e.hint()).contains("organizations:ListAccounts", MANAGEMENT_ROLE);
        });
    }

    @Test
    void repositoriesOfTheProviderAreTheWalksAndVerifyReportsEachAccount() {
        assertThat(provider.repositories(context(Map.of("allow_list_regions", List.of("us-east-1")))))
                .extracting(ProvidedRepository::path).containsExactlyInAnyOrder("a/app", "b/api");
        IdentityReport report = provider.identity(context(Map.of("allow_list_regions", List.of("us-east-1"))));
        assertThat(report.checks()).filteredOn(c -> c.name().startsWith("account " + DENYING)).singleElement()
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo(Status.FAIL);
                    assertThat(c.detail()).contains("AUTH_INSUFFICIENT_SCOPE", "trust policy");
                });
        assertThat(report.checks()).filteredOn(c -> c.name().equals("account " + A))
                .extracting(IdentityReport.Check::status).containsExactly(Status.PASS);
        assertThat(EcrDiscoveryTest.facts(report)).containsEntry("organization_accounts",
                String.join(", ", MANAGEMENT, A, B, DENYING));
    }

    @Test
    void memberHostsAreAnsweredAndFetchedWithTheMemberRole() {
        ProviderContext context = context(Map.of("allow_list_member_account_ids", List.of(A, B)));
        String memberHost = A + ".dkr.ecr.eu-west-1.amazonaws.com";
        assertThat(provider.answers(context, memberHost)).isTrue();
        assertThat(provider.answers(context, DENYING + ".dkr.ecr.eu-west-1.amazonaws.com")).as("not allow-listed").isFalse();
        assertThat(provider.answers(context, "registry.example.com")).isFalse();

        ResolvedCredential credential = provider.fetch(context, memberHost);
        assertThat(credential.credential()).isInstanceOf(Credential.UsernamePassword.class);
        assertThat(credential.origin().detail()).contains("arn:aws:iam::" + A + ":role/OrganizationAccountAccessRole",
                MANAGEMENT_ROLE);
        EcrApiStandIn.Call token = aws.calls("ecr:GetAuthorizationToken").getFirst();
        assertThat(token.json().path("registryIds").path(0).asText()).isEqualTo(A);
        assertThat(token.region()).isEqualTo("eu-west-1");
        assertThat(aws.calls("sts:AssumeRole")).extracting(c -> c.params().get("RoleArn"))
                .containsExactly(MANAGEMENT_ROLE, "arn:aws:iam::" + A + ":role/OrganizationAccountAccessRole");
    }
}
